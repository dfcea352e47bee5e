/* SPDX-License-Identifier: MIT */
/*
 * load.h - front ends that fill a struct gd_platform.
 *
 * Return values shared by every loader:
 *   0 - loaded;
 *   1 - the input parses but describes something wrong (errors in @d);
 *   2 - the input cannot be read or parsed (errors in @d).
 * On a non-zero return the platform may be partly filled; free it anyway.
 */
#ifndef GD_LOAD_LOAD_H
#define GD_LOAD_LOAD_H

#include <stdbool.h>

#include "model/platform.h"
#include "util/diag.h"

/*
 * Loads a YAML platform description, format 1 (schemas/gicdesc.schema.json),
 * from the file @path (read whole, at most 16 MiB: load/text_file.h).
 */
int gd_load_yaml(const char *path, struct gd_platform *p, struct gd_diags *d);

/*
 * gd_load_yaml() of the @len bytes of UTF-8 text at @text (not necessarily
 * NUL-terminated; a NUL byte or more than 16 MiB is refused with 2), as if
 * read from the file @name, which names the platform's file and every
 * location and must outlive @p. @text is only read, and not kept.
 */
int gd_load_yaml_mem(const char *name, const char *text, size_t len, struct gd_platform *p,
                     struct gd_diags *d);

/*
 * Facts about one ITS that neither a DTB nor ACPI tables state
 * (GITS_TYPER), given by the user (gicdesc(5) "FACTS FILE"). The ITS is
 * the one that matches every key set: its ITS ID (MADT GIC ITS ID; in a
 * DTB the order of the ITS nodes), its base address (bytes), its DT node
 * path. A width of 0 is not given.
 */
struct gd_its_fact {
	uint32_t its_id;
	uint64_t base;
	bool has_its_id, has_base; /* which of the two above are keys */
	const char *dt_path;       /* NULL: not matched by path */
	uint32_t device_id_bits;   /* GITS_TYPER.Devbits + 1: 1 .. 32, 0 = not given */
	uint32_t event_id_bits;    /* GITS_TYPER.ID_bits + 1: 1 .. 32, 0 = not given */
	struct gd_loc loc;         /* where it was given */
};

/*
 * True when @f names the ITS of ID @its_id at @base, whose DT node path is
 * @dt_path (NULL when the input is no DTB: a fact matched by path then
 * does not match). src/load/facts.c.
 */
bool gd_its_fact_matches(const struct gd_its_fact *f, uint32_t its_id, uint64_t base,
                         const char *dt_path);

/*
 * The DeviceID (@event false) or EventID (@event true) width of that ITS:
 * from the first of the @n facts @v that matches it and gives the width,
 * else @every (the width given for every ITS), else 0 (not given).
 */
uint32_t gd_its_fact_width(const struct gd_its_fact *v, size_t n, uint32_t its_id, uint64_t base,
                           const char *dt_path, bool event, uint32_t every);

/*
 * Facts a firmware format cannot state, given to its loader (gd_load_acpi_opts(),
 * gd_load_dtb()): the GIC version; the number of SPIs (a multiple of 32 up
 * to 960, or 988) and INTID bits (14 .. 24), which are GICD_TYPER's; the
 * DeviceID and EventID widths in bits (1 .. 32, GITS_TYPER's) for every ITS
 * or per ITS (@its, which win over the widths for every ITS). Zero (or a
 * NULL options pointer) selects the default of gd_load_options_complete(),
 * which every loader shares and records in p->assumed; a value given is not
 * recorded as assumed.
 */
struct gd_load_options {
	enum gd_gic_version gic_version;
	uint32_t spis;
	uint32_t intid_bits;
	uint32_t device_id_bits;
	uint32_t event_id_bits;
	const struct gd_its_fact *its; /* @n_its facts per ITS */
	size_t n_its;
};

/*
 * @given (may be NULL) with every fact left 0 set to the one default policy
 * of every front end (src/load/facts.c; gicdesc(5) FACTS FILE): the most
 * permissive architectural value, so that no finding rests on a value the
 * input never stated: GICv3 (GICD_PIDR2.ArchRev is not in a DTB or MADT;
 * arm,gic-v3 covers v3, v4 and v4.1), 988 SPIs (GICD_TYPER.ITLinesNumber =
 * 31: INTIDs 32..1019), 24 INTID bits (GICD_TYPER.IDbits = 23), and 32
 * DeviceID and 32 EventID bits (GITS_TYPER.Devbits, ID_bits = 31) for every
 * ITS without a fact of its own.
 */
struct gd_load_options gd_load_options_complete(const struct gd_load_options *given);

/*
 * Loads binary ACPI tables given together as one platform: at most one IORT
 * (Arm DEN0049, table revisions 0..5 and later) and at most one MADT
 * ("APIC", ACPI 6.5 §5.2.12, revisions 3..6 and later), recognised by their
 * signatures. The tables are untrusted: every length, offset and count is
 * checked. Every object's location is the byte offset of its structure in
 * its table's file. @opts may be NULL; what the tables do not carry
 * (GITS_TYPER, GICD_TYPER; the GIC version where the MADT GICD says 0 or no
 * MADT is given) takes the defaults of gd_load_options_complete().
 */
int gd_load_acpi_opts(char **paths, size_t n, const struct gd_load_options *opts,
                      struct gd_platform *p, struct gd_diags *d);

/* One ACPI table in memory: @size bytes at @data, as read from the file @name. */
struct gd_acpi_blob {
	const char *name;
	const void *data;
	size_t size;
};

/*
 * gd_load_acpi_opts() of the @n tables @tables in memory (each at most
 * 4 MiB, or refused with 2), as if read from their files; the bytes are only
 * read, and not kept. Locations name each table's @name (copied).
 */
int gd_load_acpi_mem(const struct gd_acpi_blob *tables, size_t n,
                     const struct gd_load_options *opts, struct gd_platform *p, struct gd_diags *d);

/* gd_load_acpi_opts() with the default options. */
int gd_load_acpi(char **paths, size_t n, struct gd_platform *p, struct gd_diags *d);

/*
 * Loads a flattened device tree blob (DTSpec v0.4 §5; at most 64 MiB,
 * validated with libfdt's fdt_check_full()) describing a GICv2/v3/v4 system:
 * the enabled arm,gic-v3 (or GICv2) node and its ITS and GICv2m children, /cpus, the
 * CPU PMU, arm,smmu-v3 nodes, PCI hosts with msi-map / iommu-map /
 * msi-parent, and platform devices whose msi-parent names an ITS. Bindings:
 * Linux 6.1 arm,gic-v3.yaml, arm,smmu-v3.yaml, pci-msi.txt, pci-iommu.txt,
 * msi.txt, arm/cpus.yaml. Every object's loc is {path, "/node/path[:prop]"}.
 * @opt may be NULL; what a DTB does not state takes the defaults of
 * gd_load_options_complete().
 * Returns 0, 1 or 2 as above: 2 when the file cannot be
 * read or is not a valid DTB, 1 when it describes something the model
 * cannot hold or that is wrong (no enabled arm,gic-v3 node, a malformed
 * msi-map, ...). What the loader does not model is skipped with a note.
 */
int gd_load_dtb(const char *path, const struct gd_load_options *opt, struct gd_platform *p,
                struct gd_diags *d);

/*
 * gd_load_dtb_mem() of the DTB that dtc compiled from the source @name (a
 * DTS): every location names @name and its node paths, with no byte offset
 * (they would be the blob's, not the source's).
 */
int gd_load_dtb_compiled(const char *name, const void *blob, size_t size,
                         const struct gd_load_options *opt, struct gd_platform *p,
                         struct gd_diags *d);

/*
 * gd_load_dtb() of the @size bytes at @blob (8-byte aligned, as libfdt
 * requires; only read, and not kept), as if read from the file @name,
 * which names every location. Returns 0, 1 or 2 as gd_load_dtb().
 */
int gd_load_dtb_mem(const char *name, const void *blob, size_t size,
                    const struct gd_load_options *opt, struct gd_platform *p, struct gd_diags *d);

/*
 * Checks that the @size bytes at @blob (8-byte aligned) are a DTB the
 * loaders and libfdt's read-only functions may be given: at most 64 MiB,
 * whole by libfdt's fdt_check_full(), and every property's value inside
 * the structure block (a length of 2^31 or more passes fdt_check_full());
 * @name is the file in messages.
 * Returns 0, or 2 after an error in @d.
 */
int gd_dtb_check(const char *name, const void *blob, size_t size, struct gd_diags *d);

/*
 * Reads the DTB file @path into a malloc'ed @blob of @size bytes and checks
 * it with gd_dtb_check(); @name is the file in messages. Returns 0, or 2
 * after an error in @d (nothing to free then).
 */
int gd_dtb_read(const char *path, const char *name, struct gd_diags *d, void **blob, size_t *size);

/*
 * Reads the waivers file @path (gicdesc(5) WAIVERS: "gicdesc-waivers: 1" and
 * a waivers: list) into holder->waivers, its strings in holder's arena.
 * Returns 0, or 2 with errors at FILE:LINE:COL in @d.
 */
int gd_waivers_read(const char *path, struct gd_platform *holder, struct gd_diags *d);

#endif

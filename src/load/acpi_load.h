/* SPDX-License-Identifier: MIT */
/*
 * acpi_load.h - what the files of the ACPI front end share (src/load/acpi*.c
 * only): the tables being read, locations, node naming and assumptions.
 */
#ifndef GD_LOAD_ACPI_LOAD_H
#define GD_LOAD_ACPI_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/layout.h"
#include "load/load.h"
#include "util/namemap.h"

/* Largest table file accepted, in bytes (4 MiB; real IORTs and MADTs are a few KiB). */
#define GD_ACPI_FILE_MAX (4u * 1024u * 1024u)

/* Bytes of the ACPI table header (ACPI 6.5 §5.2.6). */
#define GD_ACPI_HEADER_SIZE 36u

/*
 * One table file: @data holds @len bytes, the table's own "Table Length"
 * (never more than the file). @path is owned by the platform's arena.
 */
struct gd_acpi_file {
	const char *path;
	const uint8_t *data; /* the caller's (struct gd_acpi_blob); NULL: not given */
	size_t len;
	unsigned revision; /* header "Revision" as written */
	struct gd_acpi_values header;
};

/* An ITS by its GIC ITS ID, for lookups from IORT ITS groups (sorted by @its_id). */
struct gd_acpi_its_ref {
	uint32_t its_id;
	struct gd_its *its;
};

/*
 * One MCFG configuration space allocation (PCI Firmware 3.3 §4.1.2 table
 * 4-3): the ECAM of PCI segment @segment, buses @bus_start..@bus_end, bus 0
 * at @base (bus b at base + (b << 20)); @off: its offset in the MCFG.
 */
struct gd_mcfg_entry {
	uint64_t base;
	uint16_t segment;
	uint8_t bus_start, bus_end;
	uint32_t off;
};

/* One load: the platform being filled, its diagnostics, the tables. */
struct gd_acpi_load {
	struct gd_platform *p;
	struct gd_diags *d;
	struct gd_load_options opts; /* as given (zero: not given) */
	struct gd_load_options lent; /* opts completed by gd_load_options_complete() */
	struct gd_acpi_file iort, madt, mcfg;
	struct gd_mcfg_entry *mcfg_entries; /* the MCFG's allocations, in table order (arena) */
	size_t n_mcfg_entries, cap_mcfg_entries;
	struct gd_acpi_its_ref *its_by_id; /* the MADT's ITSs, sorted; malloc'ed */
	size_t n_its_by_id;
	struct gd_namemap names; /* (NULL, name) -> node: unique names in linear time */
	bool gicd_version_zero;  /* the MADT GICD says version 0, "not specified" */
};

/*
 * Reads the file @path into a malloc'ed *@data of *@size bytes: at most
 * GD_ACPI_FILE_MAX + 1, one more than gd_acpi_file_check() accepts, so that
 * it can tell a file that is too large. Returns 0, or 2 with an error in @d
 * and *@data NULL when the file cannot be opened or read.
 */
int gd_acpi_file_read(const char *path, uint8_t **data, size_t *size, struct gd_diags *d);

/*
 * Takes the table @b into @f (which points into b->data) and checks its
 * header: size cap, table length within the bytes given, checksum (a bad
 * one is a warning: ACPICA's acpi_tb_verify_checksum() only warns unless
 * built with ACPI_CHECKSUM_ABORT, and Linux uses the table). The signature
 * is the caller's to judge. Returns 0, or 2 with an error in c->d.
 */
int gd_acpi_file_check(struct gd_acpi_load *c, const struct gd_acpi_blob *b,
                       struct gd_acpi_file *f);

/* The location of byte @off of table @f. */
struct gd_loc gd_acpi_loc(const struct gd_acpi_file *f, size_t off);

/* Records a fact the tables do not state, for the report (printf format), once. */
void gd_acpi_assume(struct gd_acpi_load *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Creates a node object of @size bytes (struct gd_its, gd_smmu, ...) of
 * @kind named @name, or "@name@0x@off" when that name is taken, appends it
 * to the platform's array of its kind and returns it.
 */
void *gd_acpi_add_node(struct gd_acpi_load *c, enum gd_node_kind kind, size_t size,
                       const char *name, const struct gd_loc *loc, uint32_t off);

/*
 * Creates the ITS "its<ID>" (decimal GIC ITS ID) at @base, 128 KiB, with the
 * DeviceID and EventID widths the options give it, else assumed.
 */
struct gd_its *gd_acpi_add_its(struct gd_acpi_load *c, uint32_t its_id, uint64_t base,
                               const struct gd_loc *loc, uint32_t off);

/*
 * Creates the GICv2m frame "v2m<ID>" of the MADT GIC MSI frame structure
 * (ACPI 6.5 §5.2.12.16) read into @v at subtable offset @off: 4 KiB, its
 * SPIs (INTIDs) when flag "SPI count/base select" is set, else unknown (0).
 */
void gd_acpi_add_msi_frame(struct gd_acpi_load *c, const struct gd_acpi_values *v,
                           const struct gd_loc *loc, uint32_t off);

/*
 * When the MADT has GIC MSI frames: gives each root complex an ID mapping to
 * the first frame for every RID range its IORT ID mappings leave uncovered
 * (Linux pci_msi_get_device_domain() falls back to the MSI domain that
 * gicv2m_acpi_init() registers for PCI), and says so among the assumptions.
 */
void gd_acpi_v2m_fallback(struct gd_acpi_load *c);

/* Returns the node named @name, or NULL (constant time). */
struct gd_node *gd_acpi_node_named(const struct gd_acpi_load *c, const char *name);

/* Indexes the ITSs loaded so far (the MADT's) by GIC ITS ID for gd_acpi_find_its(). */
void gd_acpi_index_its(struct gd_acpi_load *c);

/* Returns the indexed ITS of GIC ITS ID @its_id (the first in MADT order), or NULL. */
struct gd_its *gd_acpi_find_its(const struct gd_acpi_load *c, uint32_t its_id);

/* Reads the MADT (ACPI 6.5 §5.2.12) into the GIC part of the model; returns 0 or 1. */
int gd_acpi_load_madt(struct gd_acpi_load *c);

/*
 * Reads the MCFG (PCI Firmware 3.3 §4.1.2) into c->mcfg_entries: an error
 * for an allocation whose end bus is below its start bus, a note for a table
 * whose length leaves a partial allocation. Returns 0 or 1 (errors added).
 */
int gd_acpi_load_mcfg(struct gd_acpi_load *c);

/*
 * The first MCFG allocation of PCI segment @segment, or NULL (no MCFG, or
 * none for it). Linux pci_mcfg_lookup() matches a host bridge by segment
 * and bus; an IORT root complex states no bus, so the first is taken.
 */
const struct gd_mcfg_entry *gd_acpi_mcfg_find(const struct gd_acpi_load *c, uint32_t segment);

/* Reads the IORT (DEN0049) into ITSs, SMMUs, root complexes, named components; 0 or 1. */
int gd_acpi_load_iort(struct gd_acpi_load *c);

#endif

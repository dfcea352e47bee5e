/* SPDX-License-Identifier: MIT */
/*
 * facts.h - facts a DTB or ACPI tables cannot carry, given by the user: as
 * command-line options of check and resolve (--gic-version, --spis,
 * --intid-bits, --device-id-bits, --event-id-bits) or in a facts file
 * (--facts FILE.yaml, gicdesc(5) "FACTS FILE", schemas/gicdesc-facts.schema.json).
 * An option wins over the file, whatever their order. A fact given is
 * passed to the loaders (load.h), which then do not record it as assumed;
 * a YAML description checked beside firmware lends it its facts too.
 */
#ifndef GD_LOAD_FACTS_H
#define GD_LOAD_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "load/load.h"
#include "load/yaml_tree.h"

/* One platform-wide fact: its value and where it was given. */
struct gd_fact {
	bool given;
	uint32_t value; /* GIC version as enum gd_gic_version; counts and widths as is */
	const char
	    *option; /* the option's name ("spis") when given on the command line, else NULL */
	struct gd_loc loc; /* facts file line:col when given there */
};

/* Everything given; zero-initialise, free with gd_facts_free(). */
struct gd_facts {
	struct gd_fact gic_version;                   /* 3, 4 or 4.1 */
	struct gd_fact spis;                          /* multiple of 32 up to 960, or 988 */
	struct gd_fact intid_bits;                    /* 14 .. 24 */
	struct gd_fact device_id_bits, event_id_bits; /* 1 .. 32, every ITS */
	struct gd_its_fact *its;                      /* per ITS, malloc'ed */
	size_t n_its, cap_its;
	const char *file;     /* the facts file, NULL when none */
	unsigned format;      /* its gicdesc-facts: version (1) */
	struct gd_ytree tree; /* the file's tree: DT paths point into it */
};

/*
 * Takes the command-line option @name ("gic-version", "spis", "intid-bits",
 * "device-id-bits", "event-id-bits") with value @arg. Returns 0, or 2 with
 * an error in @d (the value is out of range or not a number).
 */
int gd_facts_option(struct gd_facts *f, const char *name, const char *arg, struct gd_diags *d);

/*
 * Reads the facts file @path (one only; gicdesc(5) FACTS FILE). Unknown and
 * duplicate keys, wrong types and values out of range are errors at
 * FILE:LINE:COL. Returns 0, or 2 with the errors in @d.
 */
int gd_facts_read(struct gd_facts *f, const char *path, struct gd_diags *d);

/* True when nothing was given. */
bool gd_facts_empty(const struct gd_facts *f);

/* The loader options (for a DTB or ACPI tables) that carry the facts of @f. */
void gd_facts_load_options(const struct gd_facts *f, struct gd_load_options *o);

/* Adds a note for every fact given, at the option or the file's line, for the report. */
void gd_facts_note(const struct gd_facts *f, struct gd_diags *d);

/*
 * Warns at every per-ITS fact that names no ITS of the @n platforms @ps
 * (those loaded from a DTB or ACPI tables, the only ones facts apply to).
 */
void gd_facts_warn_unmatched(const struct gd_facts *f, const struct gd_platform *const *ps,
                             size_t n, struct gd_diags *d);

/*
 * Lends @dst (a DTB or ACPI tables of the platform @src describes, checked
 * beside it) the facts its format cannot carry, from @src (a YAML
 * description): the declarations of root complexes of the same PCI segment
 * that have none (DMA alias groups, unpopulated RIDs: struct gd_id_decl),
 * the DeviceID and EventID widths of ITSes at the same base (GITS_TYPER is
 * in neither DT nor IORT), GICv4.1 where a MADT says GIC version 4, and the
 * bus range and ECAM base of root complexes of the same segment whose input
 * states neither (IORT: the MCFG does). Records what it lent among @dst's
 * assumed facts. With gd_load_options_complete(), the one place facts are
 * lent. @dst then points into @src's arena: free @dst first or together.
 * Returns true when it lent a bus range: @dst's routes must be resolved again.
 */
bool gd_load_lend(struct gd_platform *dst, const struct gd_platform *src);

/* Frees what @f owns and zeroes it. */
void gd_facts_free(struct gd_facts *f);

#endif

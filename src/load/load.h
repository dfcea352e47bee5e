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

#include "model/platform.h"
#include "util/diag.h"

/* Loads a YAML platform description, format 1 (schemas/gicdesc.schema.json). */
int gd_load_yaml(const char *path, struct gd_platform *p, struct gd_diags *d);

/*
 * What ACPI tables do not say about the ITSs (GITS_TYPER is not in the
 * MADT): DeviceID and EventID widths in bits, 1..32. Zero means the
 * default, 16 each; either way the loader records the value as assumed.
 */
struct gd_acpi_load_opts {
	unsigned device_id_bits, event_id_bits;
};

/*
 * Loads binary ACPI tables given together as one platform: at most one IORT
 * (Arm DEN0049, table revisions 0..5 and later) and at most one MADT
 * ("APIC", ACPI 6.5 §5.2.12, revisions 3..6 and later), recognised by their
 * signatures. The tables are untrusted: every length, offset and count is
 * checked. @opts may be NULL (defaults). Every object's location is the
 * byte offset of its structure in its table's file.
 */
int gd_load_acpi_opts(char **paths, size_t n, const struct gd_acpi_load_opts *opts,
                      struct gd_platform *p, struct gd_diags *d);

/* gd_load_acpi_opts() with the default options. */
int gd_load_acpi(char **paths, size_t n, struct gd_platform *p, struct gd_diags *d);

#endif

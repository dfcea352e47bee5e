/* SPDX-License-Identifier: MIT */
/*
 * table.h - one ACPI table as a list of structure instances (a layout from
 * acpi/layout.h and its values), written either as bytes or as iasl
 * data-table source by walking the same layouts.
 */
#ifndef GD_ACPI_TABLE_H
#define GD_ACPI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "acpi/layout.h"
#include "util/buf.h"

/*
 * One instance: @layout with its values, or (layout NULL) the variable-length
 * field @field of @len bytes: a NUL-terminated string, the caller's
 * s[field->slot] (length including the NUL), or zero padding (slot GD_V_ZERO).
 * @joined: printed without a blank line before it in the source.
 * @at: index in the table's @vals of its first value (see struct gd_acpi_table).
 */
struct gd_acpi_rec {
	const struct gd_acpi_layout *layout;
	const struct gd_acpi_field *field;
	size_t len;
	bool joined;
	size_t at;
};

/* One value of a record: an integer, or the string of a GD_AF_CHARS or variable field. */
union gd_acpi_val {
	uint64_t n;
	const char *s;
};

/*
 * A table under construction; zero-initialise, free with gd_acpi_table_free().
 * The last record's values are @open, where the caller fills them in; adding
 * the next record (or finishing) packs them into @vals, one per field of the
 * layout (one for a variable field), so a record costs its fields, not
 * GD_V_COUNT slots.
 */
struct gd_acpi_table {
	struct gd_acpi_rec *recs;
	size_t n, cap;
	union gd_acpi_val *vals;
	size_t n_vals, cap_vals;
	size_t packed; /* records whose values are in @vals; the others' are @open */
	struct gd_acpi_values open;
};

/*
 * Appends an instance of @l; returns its values (zeroed) to fill in, valid
 * until the next gd_acpi_table_add*() on @t.
 */
struct gd_acpi_values *gd_acpi_table_add(struct gd_acpi_table *t, const struct gd_acpi_layout *l);

/* Appends a variable field of @len bytes (see struct gd_acpi_rec); returns its values, as above. */
struct gd_acpi_values *gd_acpi_table_add_var(struct gd_acpi_table *t, const struct gd_acpi_field *f,
                                             size_t len);

/*
 * Makes room for @recs more records holding @vals more values in all, so
 * that a large table is not copied as it grows (an estimate: more may be
 * added).
 */
void gd_acpi_table_reserve(struct gd_acpi_table *t, size_t recs, size_t vals);

/* Size of record @i in bytes. */
size_t gd_acpi_rec_size(const struct gd_acpi_rec *r);

/*
 * Sets the header's "Table Length" and "Checksum" (ACPI 6.5 §5.2.6: all
 * bytes sum to zero). Record 0 must be gd_acpi_header. Returns the length.
 */
size_t gd_acpi_table_finish(struct gd_acpi_table *t);

/* Appends the table's bytes to @out. */
void gd_acpi_table_write(const struct gd_acpi_table *t, struct gd_buf *out);

/*
 * Which iasl compiles this table's source back to its bytes: sets *iasl to
 * the latest release the layouts name (digits only; "" if all accept any)
 * and returns NULL, or returns the first layout that no iasl compiles, or
 * one that only an earlier release does ("=" in its @iasl, struct
 * gd_acpi_layout) where another layout needs a later one.
 */
const struct gd_acpi_layout *gd_acpi_table_iasl(const struct gd_acpi_table *t, const char **iasl);

/* Appends the iasl data-table source of the table (one line per field) to @out. */
void gd_acpi_table_source(const struct gd_acpi_table *t, struct gd_buf *out);

/* Frees the records and zeroes @t. */
void gd_acpi_table_free(struct gd_acpi_table *t);

#endif

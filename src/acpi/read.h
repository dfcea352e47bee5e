/* SPDX-License-Identifier: MIT */
/*
 * read.h - reading one ACPI structure by walking the field table the writer
 * uses (acpi/layout.h), so that reader and writer cannot disagree.
 */
#ifndef GD_ACPI_READ_H
#define GD_ACPI_READ_H

#include <stddef.h>
#include <stdint.h>

#include "acpi/layout.h"
#include "util/arena.h"

/*
 * Reads the structure of layout @l from @data (@avail bytes available) into
 * @v: v->n[slot] for every integer, flags and subtype field (little-endian,
 * ACPI 6.5 §5.2), v->s[slot] for every character field (a NUL-terminated
 * copy in @a, cut at the first NUL). Reserved fields (slot GD_V_ZERO) and
 * labels are skipped, so v->n[GD_V_ZERO] stays 0. Slots of @v that @l does
 * not name are left as they were. Returns 0, or -1 (nothing read) when
 * @avail < l->size.
 */
int gd_acpi_read(const struct gd_acpi_layout *l, const uint8_t *data, size_t avail,
                 struct gd_acpi_values *v, struct gd_arena *a);

/* Little-endian unsigned integer of @width (1..8) bytes at @p. */
uint64_t gd_acpi_le(const uint8_t *p, unsigned width);

#endif

/* SPDX-License-Identifier: MIT */
#include "acpi/read.h"

#include <string.h>

uint64_t gd_acpi_le(const uint8_t *p, unsigned width)
{
	uint64_t x = 0;
	for (unsigned i = width; i > 0; i--)
		x = x << 8 | p[i - 1];
	return x;
}

int gd_acpi_read(const struct gd_acpi_layout *l, const uint8_t *data, size_t avail,
                 struct gd_acpi_values *v, struct gd_arena *a)
{
	if (avail < l->size)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		const struct gd_acpi_field *f = &l->fields[i];
		if (f->kind == GD_AF_LABEL || f->slot == GD_V_ZERO)
			continue;
		const uint8_t *at = data + f->offset;
		if (f->kind == GD_AF_CHARS)
			v->s[f->slot] = gd_arena_strndup(a, (const char *)at,
			                                 strnlen((const char *)at, f->width));
		else
			v->n[f->slot] = gd_acpi_le(at, f->width);
	}
	return 0;
}

/* SPDX-License-Identifier: MIT */
/* Reading one ACPI table file and checking its header (ACPI 6.5 §5.2.6). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/read.h"
#include "load/assume.h"
#include "load/acpi_load.h"

struct gd_loc gd_acpi_loc(const struct gd_acpi_file *f, size_t off)
{
	struct gd_loc loc = {.file = f->path, .has_offset = 1, .offset = (uint32_t)off};
	return loc;
}

void gd_acpi_assume(struct gd_acpi_load *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_load_vassume(c->p, fmt, ap);
	va_end(ap);
}

int gd_acpi_file_read(const char *path, uint8_t **data, size_t *size, struct gd_diags *d)
{
	struct gd_loc loc = {.file = path};
	FILE *in = fopen(path, "rb");
	*data = NULL;
	if (!in) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot open: %s", strerror(errno));
		return 2;
	}
	size_t cap = 0;
	*size = 0;
	do { /* grow by doubling up to one byte past the cap */
		cap = cap ? 2 * cap : 4096;
		if (cap > GD_ACPI_FILE_MAX + 1)
			cap = GD_ACPI_FILE_MAX + 1;
		uint8_t *bigger = realloc(*data, cap);
		if (!bigger) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		*data = bigger;
		*size += fread(*data + *size, 1, cap - *size, in);
	} while (*size == cap && cap <= GD_ACPI_FILE_MAX);
	int bad = ferror(in);
	fclose(in);
	if (bad) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot read");
		free(*data);
		*data = NULL;
		return 2;
	}
	return 0;
}

int gd_acpi_file_check(struct gd_acpi_load *c, const struct gd_acpi_blob *b, struct gd_acpi_file *f)
{
	size_t size = b->size;
	f->path = gd_arena_strdup(&c->p->arena, b->name);
	f->data = b->data;
	if (size > GD_ACPI_FILE_MAX) {
		struct gd_loc file = {.file = f->path};
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &file,
		            "larger than %u bytes: not an IORT or MADT gicdesc reads",
		            GD_ACPI_FILE_MAX);
		return 2;
	}
	struct gd_loc loc = gd_acpi_loc(f, 0);
	if (gd_acpi_read(&gd_acpi_header, f->data, size, &f->header, &c->p->arena) != 0) {
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
		            "%zu bytes: shorter than the %u-byte ACPI table header", size,
		            GD_ACPI_HEADER_SIZE);
		return 2;
	}
	uint64_t len = f->header.n[GD_V_LENGTH];
	f->revision = (unsigned)f->header.n[GD_V_REVISION];
	if (len < GD_ACPI_HEADER_SIZE || len > size) {
		loc.offset = 4;
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
		            "table length %llu but the file has %zu bytes (and a table at least "
		            "%u)",
		            (unsigned long long)len, size, GD_ACPI_HEADER_SIZE);
		return 2;
	}
	f->len = (size_t)len;
	if (size > len) {
		loc.offset = (uint32_t)len;
		gd_diag_add(c->d, GD_SEV_WARNING, NULL, &loc,
		            "%zu bytes after the table's end (table length %zu) ignored",
		            size - f->len, f->len);
	}
	uint8_t sum = 0;
	for (size_t i = 0; i < f->len; i++)
		sum = (uint8_t)(sum + f->data[i]);
	if (sum) {
		loc.offset = 9;
		gd_diag_add(c->d, GD_SEV_WARNING, "acpi-checksum", &loc,
		            "checksum 0x%02X is wrong, should be 0x%02X (Linux warns and uses the "
		            "table)",
		            f->data[9], (uint8_t)(f->data[9] - sum));
	}
	return 0;
}

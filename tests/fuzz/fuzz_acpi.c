/* SPDX-License-Identifier: MIT */
/*
 * Harness acpi: the input is two ACPI tables loaded together
 * (gd_load_acpi_mem(), default facts), an IORT and a MADT in either order:
 *
 *   bytes 0..3   N, little-endian: the length of the first table's bytes
 *                (more than what follows: all that follows);
 *   bytes 4..    the first table's N bytes, then the second table's bytes
 *                (none: the first table is given alone).
 *
 * A seed is `printf` of the length followed by the two files (README.md).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_run.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 4)
		return 0;
	size_t first =
	    (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 | (size_t)data[3] << 24;
	size -= 4;
	if (first > size)
		first = size;
	/* Each table in its own allocation, so that ASan sees a read past its end. */
	uint8_t *one = malloc(first ? first : 1), *two = malloc(size - first ? size - first : 1);
	if (!one || !two)
		abort();
	memcpy(one, data + 4, first);
	memcpy(two, data + 4 + first, size - first);
	struct gd_acpi_blob tables[] = {
	    {"fuzz-table-1", one, first},
	    {"fuzz-table-2", two, size - first},
	};
	struct gd_platform p = {0};
	struct gd_diags d = {0};
	int status = gd_load_acpi_mem(tables, size - first ? 2 : 1, NULL, &p, &d);
	fuzz_run(&p, status, &d);
	gd_diags_free(&d);
	gd_platform_free(&p);
	free(one);
	free(two);
	return 0;
}

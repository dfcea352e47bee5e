/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "support_acpi.h"

int acpi_run(int (*emit)(struct gd_emit_ctx *, struct gd_buf *), struct gd_platform *p,
             struct gd_buf *out, size_t *errors, size_t *warnings)
{
	struct gd_diags d = {0};
	struct gd_emit_ctx ctx = {.p = p, .diags = &d};
	int rc = emit(&ctx, out);
	gd_emit_ctx_free(&ctx);
	gd_diags_print(stderr, &d);
	if (errors)
		*errors = d.errors;
	if (warnings)
		*warnings = d.warnings;
	gd_diags_free(&d);
	return rc;
}

void acpi_read_data(const char *rel, struct gd_buf *out)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", GICDESC_SOURCE_DIR, rel);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		gd_buf_append(out, chunk, n);
	fclose(f);
}

void acpi_assert_same_table(const struct gd_buf *ours, const struct gd_buf *qemu)
{
	assert_int_equal(ours->len, qemu->len);
	for (size_t i = 0; i < ours->len; i++) {
		if (i == 9 || (i >= 24 && i < 36))
			continue;
		if (ours->data[i] != qemu->data[i])
			fail_msg("byte 0x%zx: ours 0x%02x, QEMU 0x%02x", i, ours->data[i],
			         qemu->data[i]);
	}
}

void acpi_assert_checksum(const struct gd_buf *b)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < b->len; i++)
		sum = (uint8_t)(sum + b->data[i]);
	assert_int_equal(sum, 0);
}

uint64_t acpi_le(const struct gd_buf *b, size_t off, unsigned width)
{
	assert_true(off + width <= b->len);
	uint64_t v = 0;
	for (unsigned i = width; i-- > 0;)
		v = v << 8 | b->data[off + i];
	return v;
}

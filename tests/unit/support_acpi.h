/* SPDX-License-Identifier: MIT */
/*
 * support_acpi.h - helpers for the ACPI emitter tests: run an emitter on a
 * platform, read QEMU's own tables, compare tables as QEMU's oracle allows.
 */
#ifndef GD_TEST_SUPPORT_ACPI_H
#define GD_TEST_SUPPORT_ACPI_H

#include <stddef.h>
#include <stdint.h>

#include "emit/emit.h"

/* Runs @emit on @p into @out; returns its result; diagnostics are printed. */
int acpi_run(int (*emit)(struct gd_emit_ctx *, struct gd_buf *), struct gd_platform *p,
             struct gd_buf *out, size_t *errors, size_t *warnings);

/* Reads GICDESC_SOURCE_DIR/@rel into @out (fails the test when absent). */
void acpi_read_data(const char *rel, struct gd_buf *out);

/*
 * Asserts that two tables are equal byte for byte except the checksum (byte
 * 9), the OEM revision and the creator ID and revision (bytes 24..35).
 */
void acpi_assert_same_table(const struct gd_buf *ours, const struct gd_buf *qemu);

/* Asserts that the bytes of @b sum to zero modulo 256 (ACPI 6.5 §5.2.6). */
void acpi_assert_checksum(const struct gd_buf *b);

/* Little-endian integer of @width bytes at @off of @b (asserted in range). */
uint64_t acpi_le(const struct gd_buf *b, size_t off, unsigned width);

#endif

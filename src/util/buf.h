/* SPDX-License-Identifier: MIT */
/*
 * buf.h - growable byte buffer that every emitter writes into.
 *
 * Emitters never write files: they fill a buffer, and the command writes all
 * buffers at once (see util/outset.h), so a failed run leaves nothing behind.
 * Allocation failure exits the process with status 2.
 */
#ifndef GD_UTIL_BUF_H
#define GD_UTIL_BUF_H

#include <stddef.h>
#include <stdint.h>

/* A byte buffer; zero-initialise before use, release with gd_buf_free(). */
struct gd_buf {
	uint8_t *data;
	size_t len, cap;
};

/* Appends @n bytes from @src. */
void gd_buf_append(struct gd_buf *b, const void *src, size_t n);

/* Appends printf-formatted text (no NUL is stored). */
void gd_buf_printf(struct gd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends the low @width bytes (1, 2, 4 or 8) of @v, little-endian (ACPI byte order). */
void gd_buf_put_le(struct gd_buf *b, uint64_t v, unsigned width);

/* Appends @n zero bytes. */
void gd_buf_zero(struct gd_buf *b, size_t n);

/* Overwrites @width bytes at @off with @v little-endian; @off + @width must be <= len. */
void gd_buf_set_le(struct gd_buf *b, size_t off, uint64_t v, unsigned width);

/* Frees the storage and zeroes @b. */
void gd_buf_free(struct gd_buf *b);

#endif

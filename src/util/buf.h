/* SPDX-License-Identifier: MIT */
/*
 * buf.h - growable byte buffer that every emitter writes into.
 *
 * Emitters never write files: they fill a buffer, and the command writes all
 * buffers at once (see util/outset.h), so a failed run leaves nothing behind.
 * A buffer given a sink (gd_buf_sink(), for the temporary file of outset.h)
 * passes its bytes on to it as it fills, so a large text output never sits
 * whole in memory. Allocation failure exits the process with status 2.
 */
#ifndef GD_UTIL_BUF_H
#define GD_UTIL_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * A byte buffer; zero-initialise before use, release with gd_buf_free().
 * With a sink, data holds the bytes after the first @sunk, which are written
 * to @sink already (or lost with the error @sink_err, an errno value).
 */
struct gd_buf {
	uint8_t *data;
	size_t len, cap;
	FILE *sink;
	size_t sunk;
	int sink_err;
};

/*
 * Passes the bytes of @b on to @f from now on: gd_buf_append() and
 * gd_buf_printf() write them out and drop them once @b holds
 * GD_BUF_SINK_CHUNK bytes. Only for a buffer written strictly in order:
 * earlier bytes (gd_buf_set_le(), b->data) may be gone.
 */
void gd_buf_sink(struct gd_buf *b, FILE *f);

/* Bytes of @b in memory holds at most about this many bytes once it has a sink. */
#define GD_BUF_SINK_CHUNK (256u * 1024u)

/*
 * Writes what @b still holds to its sink and frees it; @b keeps no sink.
 * Returns 0, or the errno value of the first write to the sink that failed.
 */
int gd_buf_sink_end(struct gd_buf *b);

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

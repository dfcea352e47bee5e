/* SPDX-License-Identifier: MIT */
#include "util/buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct gd_buf *b, size_t extra)
{
	if (b->cap - b->len >= extra)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < extra) {
		if (cap > SIZE_MAX / 2)
			goto oom;
		cap *= 2;
	}
	uint8_t *d = realloc(b->data, cap);
	if (!d)
		goto oom;
	b->data = d;
	b->cap = cap;
	return;
oom:
	fprintf(stderr, "gicdesc: error: out of memory\n");
	exit(2);
}

/* Writes the bytes held to the sink and drops them; the first error is kept. */
static void drain(struct gd_buf *b)
{
	if (!b->sink_err && b->len && fwrite(b->data, 1, b->len, b->sink) != b->len)
		b->sink_err = errno ? errno : EIO;
	b->sunk += b->len;
	b->len = 0;
}

void gd_buf_sink(struct gd_buf *b, FILE *f)
{
	b->sink = f;
}

int gd_buf_sink_end(struct gd_buf *b)
{
	if (b->sink) {
		drain(b);
		b->sink = NULL;
	}
	free(b->data);
	b->data = NULL;
	b->cap = 0;
	return b->sink_err;
}

void gd_buf_append(struct gd_buf *b, const void *src, size_t n)
{
	if (!n)
		return;
	reserve(b, n);
	memcpy(b->data + b->len, src, n);
	b->len += n;
	if (b->sink && b->len >= GD_BUF_SINK_CHUNK)
		drain(b);
}

void gd_buf_printf(struct gd_buf *b, const char *fmt, ...)
{
	/* Formats once into the room left, and again only when the text does not fit. */
	size_t room = b->cap - b->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(room ? (char *)b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if ((size_t)n >= room) {
		reserve(b, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
	if (b->sink && b->len >= GD_BUF_SINK_CHUNK)
		drain(b);
}

void gd_buf_put_le(struct gd_buf *b, uint64_t v, unsigned width)
{
	reserve(b, width);
	b->len += width;
	gd_buf_set_le(b, b->len - width, v, width);
}

void gd_buf_zero(struct gd_buf *b, size_t n)
{
	reserve(b, n);
	memset(b->data + b->len, 0, n);
	b->len += n;
}

void gd_buf_set_le(struct gd_buf *b, size_t off, uint64_t v, unsigned width)
{
	for (unsigned i = 0; i < width; i++)
		b->data[off + i] = (uint8_t)(v >> (8 * i));
}

void gd_buf_free(struct gd_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

/* SPDX-License-Identifier: MIT */
#include "acpi/table.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct gd_acpi_rec *push(struct gd_acpi_table *t)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct gd_acpi_rec *r = realloc(t->recs, cap * sizeof(*r));
		if (!r) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		t->recs = r;
		t->cap = cap;
	}
	struct gd_acpi_rec *r = &t->recs[t->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

struct gd_acpi_values *gd_acpi_table_add(struct gd_acpi_table *t, const struct gd_acpi_layout *l)
{
	struct gd_acpi_rec *r = push(t);
	r->layout = l;
	return &r->v;
}

struct gd_acpi_values *gd_acpi_table_add_var(struct gd_acpi_table *t, const struct gd_acpi_field *f,
                                             size_t len)
{
	struct gd_acpi_rec *r = push(t);
	r->field = f;
	r->len = len;
	r->joined = true;
	return &r->v;
}

size_t gd_acpi_rec_size(const struct gd_acpi_rec *r)
{
	return r->layout ? r->layout->size : r->len;
}

/* Writes field @f of values @v into @dst (the structure's first byte). */
static void put_field(uint8_t *dst, const struct gd_acpi_field *f, const struct gd_acpi_values *v)
{
	if (f->kind == GD_AF_LABEL)
		return;
	if (f->kind == GD_AF_CHARS) {
		const char *s = v->s[f->slot] ? v->s[f->slot] : "";
		size_t n = strnlen(s, f->width);
		memcpy(dst + f->offset, s, n);
		return;
	}
	uint64_t x = v->n[f->slot];
	for (unsigned i = 0; i < f->width; i++, x >>= 8)
		dst[f->offset + i] = (uint8_t)x;
}

void gd_acpi_table_write(const struct gd_acpi_table *t, struct gd_buf *out)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct gd_acpi_rec *r = &t->recs[i];
		size_t at = out->len;
		gd_buf_zero(out, gd_acpi_rec_size(r));
		if (!r->layout) {
			const char *s = r->v.s[r->field->slot];
			if (s)
				memcpy(out->data + at, s, strnlen(s, r->len - 1));
			continue;
		}
		for (size_t j = 0; j < r->layout->n; j++)
			put_field(out->data + at, &r->layout->fields[j], &r->v);
	}
}

size_t gd_acpi_table_finish(struct gd_acpi_table *t)
{
	struct gd_buf b = {0};
	t->recs[0].v.n[GD_V_LENGTH] = 0;
	t->recs[0].v.n[GD_V_CHECKSUM] = 0;
	for (size_t i = 0; i < t->n; i++)
		t->recs[0].v.n[GD_V_LENGTH] += gd_acpi_rec_size(&t->recs[i]);
	gd_acpi_table_write(t, &b);
	uint8_t sum = 0;
	for (size_t i = 0; i < b.len; i++)
		sum = (uint8_t)(sum + b.data[i]);
	t->recs[0].v.n[GD_V_CHECKSUM] = (uint8_t)(0x100 - sum);
	size_t len = b.len;
	gd_buf_free(&b);
	return len;
}

const struct gd_acpi_layout *gd_acpi_table_iasl(const struct gd_acpi_table *t, const char **iasl)
{
	*iasl = "";
	for (size_t i = 0; i < t->n; i++) {
		const struct gd_acpi_layout *l = t->recs[i].layout;
		if (!l || !l->iasl)
			continue;
		if (!*l->iasl || (**iasl && strcmp(*iasl, l->iasl)))
			return l;
		*iasl = l->iasl;
	}
	return NULL;
}

/* Prints one "[offset width] name : value" line; @at is the absolute offset. */
static void line(struct gd_buf *out, size_t at, unsigned width, const char *name)
{
	gd_buf_printf(out, "[%03zXh %04zu %3u] %28s : ", at, at, width, name);
}

static void source_field(struct gd_buf *out, size_t at, const struct gd_acpi_field *f,
                         const struct gd_acpi_values *v)
{
	uint64_t x = v->n[f->slot];
	line(out, at + f->offset, f->width, f->name);
	switch (f->kind) {
	case GD_AF_LABEL:
		gd_buf_printf(out, "%s\n", f->text);
		return;
	case GD_AF_CHARS:
		gd_buf_printf(out, "\"%.*s\"\n", (int)f->width, v->s[f->slot] ? v->s[f->slot] : "");
		return;
	case GD_AF_SUBTYPE:
		gd_buf_printf(out, "%02" PRIX64 " %s\n", x, f->text);
		return;
	default:
		gd_buf_printf(out, "%0*" PRIX64 "\n", 2 * f->width, x);
	}
	/* iasl prints a bit or two in decimal, a byte-wide field (RMR access attributes) in hex */
	for (const struct gd_acpi_bit *b = f->bits; b && b->name; b++)
		gd_buf_printf(out,
		              b->width >= 8 ? "%44s : %02" PRIX64 "\n" : "%44s : %" PRIu64 "\n",
		              b->name, (x >> b->shift) & ((1u << b->width) - 1));
}

void gd_acpi_table_source(const struct gd_acpi_table *t, struct gd_buf *out)
{
	size_t at = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct gd_acpi_rec *r = &t->recs[i];
		if (i && !r->joined)
			gd_buf_printf(out, "\n");
		if (r->layout) {
			for (size_t j = 0; j < r->layout->n; j++)
				source_field(out, at, &r->layout->fields[j], &r->v);
		} else if (r->field->slot != GD_V_ZERO) {
			line(out, at, (unsigned)r->len, r->field->name);
			gd_buf_printf(out, "\"%s\"\n", r->v.s[r->field->slot]);
		} else {
			line(out, at, (unsigned)r->len, r->field->name);
			for (size_t k = 0; k < r->len; k++)
				gd_buf_printf(out, k ? " 00" : "00");
			gd_buf_printf(out, "\n");
		}
		at += gd_acpi_rec_size(r);
	}
}

void gd_acpi_table_free(struct gd_acpi_table *t)
{
	free(t->recs);
	memset(t, 0, sizeof(*t));
}

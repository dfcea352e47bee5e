/* SPDX-License-Identifier: MIT */
#include "acpi/table.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

/* Number of values record @r keeps: one per field, one for a variable field. */
static size_t n_values(const struct gd_acpi_rec *r)
{
	return r->layout ? r->layout->n : 1;
}

/* Slot of value @j of record @r. */
static unsigned slot_of(const struct gd_acpi_rec *r, size_t j)
{
	return r->layout ? r->layout->fields[j].slot : r->field->slot;
}

/* Moves the values of the last record from @open into @vals. */
static void pack(struct gd_acpi_table *t)
{
	if (t->packed == t->n)
		return;
	struct gd_acpi_rec *r = &t->recs[t->n - 1];
	size_t k = n_values(r);
	gd_vec_reserve((void **)&t->vals, &t->cap_vals, t->n_vals + k, sizeof(*t->vals));
	r->at = t->n_vals;
	for (size_t j = 0; j < k; j++) {
		unsigned slot = slot_of(r, j);
		bool chars = r->layout ? r->layout->fields[j].kind == GD_AF_CHARS : true;
		union gd_acpi_val *v = &t->vals[t->n_vals + j];
		if (chars)
			v->s = t->open.s[slot];
		else
			v->n = t->open.n[slot];
	}
	t->n_vals += k;
	t->packed = t->n;
}

/* Value @j of record @i, packed or open. */
static union gd_acpi_val value(const struct gd_acpi_table *t, size_t i, size_t j)
{
	const struct gd_acpi_rec *r = &t->recs[i];
	if (i < t->packed)
		return t->vals[r->at + j];
	unsigned slot = slot_of(r, j);
	bool chars = r->layout ? r->layout->fields[j].kind == GD_AF_CHARS : true;
	return chars ? (union gd_acpi_val){.s = t->open.s[slot]}
	             : (union gd_acpi_val){.n = t->open.n[slot]};
}

static struct gd_acpi_rec *push(struct gd_acpi_table *t)
{
	pack(t);
	gd_vec_reserve((void **)&t->recs, &t->cap, t->n + 1, sizeof(*t->recs));
	struct gd_acpi_rec *r = &t->recs[t->n++];
	memset(r, 0, sizeof(*r));
	memset(&t->open, 0, sizeof(t->open));
	return r;
}

struct gd_acpi_values *gd_acpi_table_add(struct gd_acpi_table *t, const struct gd_acpi_layout *l)
{
	struct gd_acpi_rec *r = push(t);
	r->layout = l;
	return &t->open;
}

struct gd_acpi_values *gd_acpi_table_add_var(struct gd_acpi_table *t, const struct gd_acpi_field *f,
                                             size_t len)
{
	struct gd_acpi_rec *r = push(t);
	r->field = f;
	r->len = len;
	r->joined = true;
	return &t->open;
}

void gd_acpi_table_reserve(struct gd_acpi_table *t, size_t recs, size_t vals)
{
	gd_vec_reserve((void **)&t->recs, &t->cap, t->n + recs, sizeof(*t->recs));
	gd_vec_reserve((void **)&t->vals, &t->cap_vals, t->n_vals + vals, sizeof(*t->vals));
}

size_t gd_acpi_rec_size(const struct gd_acpi_rec *r)
{
	return r->layout ? r->layout->size : r->len;
}

/* Writes field @f of value @v into @dst (the structure's first byte). */
static void put_field(uint8_t *dst, const struct gd_acpi_field *f, union gd_acpi_val v)
{
	if (f->kind == GD_AF_LABEL)
		return;
	if (f->kind == GD_AF_CHARS) {
		const char *s = v.s ? v.s : "";
		size_t n = strnlen(s, f->width);
		memcpy(dst + f->offset, s, n);
		return;
	}
	uint64_t x = v.n;
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
			const char *s = value(t, i, 0).s;
			if (s)
				memcpy(out->data + at, s, strnlen(s, r->len - 1));
			continue;
		}
		for (size_t j = 0; j < r->layout->n; j++)
			put_field(out->data + at, &r->layout->fields[j], value(t, i, j));
	}
}

/* Sets every field of record @i (packed) that reads @slot to @x. */
static void set_num(struct gd_acpi_table *t, size_t i, unsigned slot, uint64_t x)
{
	const struct gd_acpi_rec *r = &t->recs[i];
	for (size_t j = 0; j < n_values(r); j++)
		if (slot_of(r, j) == slot)
			t->vals[r->at + j].n = x;
}

size_t gd_acpi_table_finish(struct gd_acpi_table *t)
{
	struct gd_buf b = {0};
	size_t len = 0;
	pack(t);
	for (size_t i = 0; i < t->n; i++)
		len += gd_acpi_rec_size(&t->recs[i]);
	set_num(t, 0, GD_V_LENGTH, len);
	set_num(t, 0, GD_V_CHECKSUM, 0);
	gd_acpi_table_write(t, &b);
	uint8_t sum = 0;
	for (size_t i = 0; i < b.len; i++)
		sum = (uint8_t)(sum + b.data[i]);
	set_num(t, 0, GD_V_CHECKSUM, (uint8_t)(0x100 - sum));
	gd_buf_free(&b);
	return len;
}

const struct gd_acpi_layout *gd_acpi_table_iasl(const struct gd_acpi_table *t, const char **iasl)
{
	const struct gd_acpi_layout *only = NULL; /* a layout of "=RELEASE" */
	*iasl = "";
	for (size_t i = 0; i < t->n; i++) {
		const struct gd_acpi_layout *l = t->recs[i].layout;
		if (!l || !l->iasl)
			continue;
		if (!*l->iasl)
			return l;
		const char *release = l->iasl + (*l->iasl == '=');
		if (*l->iasl == '=' && (!only || strcmp(only->iasl + 1, release) > 0))
			only = l;
		/* releases are YYYYMMDD: the later compares greater */
		if (strcmp(release, *iasl) > 0)
			*iasl = release;
	}
	return only && strcmp(only->iasl + 1, *iasl) ? only : NULL;
}

/* Prints one "[offset width] name : value" line; @at is the absolute offset. */
static void line(struct gd_buf *out, size_t at, unsigned width, const char *name)
{
	gd_buf_printf(out, "[%03zXh %04zu %3u] %28s : ", at, at, width, name);
}

static void source_field(struct gd_buf *out, size_t at, const struct gd_acpi_field *f,
                         union gd_acpi_val v)
{
	uint64_t x = v.n;
	line(out, at + f->offset, f->width, f->name);
	switch (f->kind) {
	case GD_AF_LABEL:
		gd_buf_printf(out, "%s\n", f->text);
		return;
	case GD_AF_CHARS:
		gd_buf_printf(out, "\"%.*s\"\n", (int)f->width, v.s ? v.s : "");
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
				source_field(out, at, &r->layout->fields[j], value(t, i, j));
		} else if (r->field->slot != GD_V_ZERO) {
			line(out, at, (unsigned)r->len, r->field->name);
			gd_buf_printf(out, "\"%s\"\n", value(t, i, 0).s);
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
	free(t->vals);
	memset(t, 0, sizeof(*t));
}

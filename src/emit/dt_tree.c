/* SPDX-License-Identifier: MIT */
/* dt_tree.c - the in-memory device tree shared by the DTS and DTB back ends. */
#include "emit/dt_tree.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct gd_dt_node *gd_dt_add_node(struct gd_dt_tree *t, struct gd_dt_node *parent, const char *name)
{
	struct gd_dt_node *n = gd_arena_alloc(&t->arena, sizeof(*n));
	n->name = gd_arena_strdup(&t->arena, name);
	n->parent = parent;
	if (parent)
		*GD_ARRAY_PUSH(&t->arena, parent->children, parent->n_children,
		               parent->cap_children) = n;
	else
		t->root = n;
	return n;
}

static struct gd_dt_prop *add_prop(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                   enum gd_dt_prop_kind kind)
{
	struct gd_dt_prop *pr = gd_arena_alloc(&t->arena, sizeof(*pr));
	*GD_ARRAY_PUSH(&t->arena, n->props, n->n_props, n->cap_props) = pr;
	pr->name = name;
	pr->kind = kind;
	return pr;
}

struct gd_dt_prop *gd_dt_add_flag(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name)
{
	return add_prop(t, n, name, GD_DT_EMPTY);
}

struct gd_dt_prop *gd_dt_add_strings(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name)
{
	return add_prop(t, n, name, GD_DT_STRINGS);
}

void gd_dt_push_string(struct gd_dt_tree *t, struct gd_dt_prop *pr, const char *s)
{
	*GD_ARRAY_PUSH(&t->arena, pr->strings, pr->n_strings, pr->cap_strings) =
	    gd_arena_strdup(&t->arena, s);
}

struct gd_dt_prop *gd_dt_add_string(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                    const char *s)
{
	struct gd_dt_prop *pr = gd_dt_add_strings(t, n, name);
	gd_dt_push_string(t, pr, s);
	return pr;
}

struct gd_dt_prop *gd_dt_add_bytes(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                   const void *v, size_t len)
{
	struct gd_dt_prop *pr = add_prop(t, n, name, GD_DT_BYTES);
	uint8_t *copy = gd_arena_alloc(&t->arena, len + 1);
	memcpy(copy, v, len);
	pr->bytes = copy;
	pr->n_bytes = len;
	return pr;
}

struct gd_dt_prop *gd_dt_add_cells(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                   unsigned group)
{
	struct gd_dt_prop *pr = add_prop(t, n, name, GD_DT_CELLS);
	pr->group = group;
	return pr;
}

struct gd_dt_prop *gd_dt_add_u32(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                 uint32_t v)
{
	struct gd_dt_prop *pr = gd_dt_add_cells(t, n, name, 0);
	pr->decimal = true;
	gd_dt_push_u32(t, pr, v);
	return pr;
}

void gd_dt_push_u32(struct gd_dt_tree *t, struct gd_dt_prop *pr, uint32_t v)
{
	GD_ARRAY_PUSH(&t->arena, pr->cells, pr->n_cells, pr->cap_cells)->value = v;
}

void gd_dt_push_u64(struct gd_dt_tree *t, struct gd_dt_prop *pr, uint64_t v)
{
	gd_dt_push_u32(t, pr, (uint32_t)(v >> 32));
	gd_dt_push_u32(t, pr, (uint32_t)v);
}

void gd_dt_push_ref(struct gd_dt_tree *t, struct gd_dt_prop *pr, struct gd_dt_node *target)
{
	GD_ARRAY_PUSH(&t->arena, pr->cells, pr->n_cells, pr->cap_cells)->ref = target;
}

/* Pre-order walk; indexes, not pointers, since a target's property array may grow. */
static void assign_in(struct gd_dt_tree *t, struct gd_dt_node *n, uint32_t *next)
{
	for (size_t i = 0; i < n->n_props; i++)
		for (size_t c = 0; c < n->props[i]->n_cells; c++) {
			struct gd_dt_node *target = n->props[i]->cells[c].ref;
			if (!target || target->phandle)
				continue;
			target->phandle = (*next)++;
			struct gd_dt_prop *ph = gd_dt_add_cells(t, target, "phandle", 0);
			ph->generated = true;
			gd_dt_push_u32(t, ph, target->phandle);
		}
	for (size_t i = 0; i < n->n_children; i++)
		assign_in(t, n->children[i], next);
}

void gd_dt_assign_phandles(struct gd_dt_tree *t)
{
	uint32_t next = 1;
	if (t->root)
		assign_in(t, t->root, &next);
}

void gd_dt_prop_value(const struct gd_dt_prop *pr, struct gd_buf *out)
{
	if (pr->kind == GD_DT_CELLS)
		for (size_t i = 0; i < pr->n_cells; i++) {
			const struct gd_dt_cell *c = &pr->cells[i];
			uint32_t v = c->ref ? c->ref->phandle : c->value;
			uint8_t be[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8),
			                 (uint8_t)v};
			if (pr->bits16)
				gd_buf_append(out, be + 2, 2);
			else
				gd_buf_append(out, be, sizeof(be));
		}
	else if (pr->kind == GD_DT_STRINGS)
		for (size_t i = 0; i < pr->n_strings; i++)
			gd_buf_append(out, pr->strings[i], strlen(pr->strings[i]) + 1);
	else if (pr->kind == GD_DT_BYTES)
		gd_buf_append(out, pr->bytes, pr->n_bytes);
}

void gd_dt_tree_free(struct gd_dt_tree *t)
{
	gd_arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}

void gd_dt_note(struct gd_dt_tree *t, struct gd_dt_prop *pr, size_t index, const char *fmt, ...)
{
	char text[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	while (pr->n_notes <= index)
		*GD_ARRAY_PUSH(&t->arena, pr->notes, pr->n_notes, pr->cap_notes) = NULL;
	pr->notes[index] = gd_arena_strdup(&t->arena, text);
}

/* SPDX-License-Identifier: MIT */
/* DTB front end: node and phandle tables, paths, names, properties, diagnostics. */
#include "load/dtb.h"

#include "load/assume.h"

#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_phandle(const void *a, const void *b)
{
	const struct dtb_phandle *x = a, *y = b;
	if (x->phandle != y->phandle)
		return x->phandle < y->phandle ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* The DTB_P_ bit of property @name, 0 for one not in the table. */
static unsigned prop_bit(const char *name)
{
	static const struct {
		const char *name;
		unsigned bit;
	} bits[] = {
	    {"compatible", DTB_P_COMPATIBLE},
	    {"interrupts", DTB_P_INTERRUPTS},
	    {"interrupts-extended", DTB_P_INTERRUPTS_EXTENDED},
	    {"msi-parent", DTB_P_MSI_PARENT},
	    {"msi-map", DTB_P_MSI_MAP},
	    {"interrupt-controller", DTB_P_INTERRUPT_CONTROLLER},
	};
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (!strcmp(name, bits[i].name))
			return bits[i].bit;
	return 0;
}

/*
 * Reads the properties of node @off once: @props, and its phandle as
 * fdt_get_phandle() gives it (phandle, else linux,phandle, each 4 bytes).
 */
static uint32_t read_props(const struct dtb_ctx *c, int off, struct dtb_node_props *props)
{
	const void *ph = NULL, *linux_ph = NULL;
	int ph_len = 0, linux_ph_len = 0;
	bool seen_ph = false, seen_linux_ph = false;

	*props = (struct dtb_node_props){0};
	for (int po = fdt_first_property_offset(c->fdt, off); po >= 0;
	     po = fdt_next_property_offset(c->fdt, po)) {
		const char *name;
		int len;
		const void *v = fdt_getprop_by_offset(c->fdt, po, &name, &len);
		if (!v || !name)
			continue;
		unsigned bit = prop_bit(name);
		if (!strcmp(name, "device_type") && !(props->has & DTB_P_PCI) && len == 4 &&
		    !memcmp(v, "pci", 4))
			bit = DTB_P_PCI;
		if (bit == DTB_P_COMPATIBLE && !(props->has & bit)) {
			props->compatible = v;
			props->compatible_len = len;
		}
		props->has |= bit;
		if (!seen_ph && !strcmp(name, "phandle")) {
			seen_ph = true;
			ph = v;
			ph_len = len;
		} else if (!seen_linux_ph && !strcmp(name, "linux,phandle")) {
			seen_linux_ph = true;
			linux_ph = v;
			linux_ph_len = len;
		}
	}
	if (ph && ph_len == sizeof(fdt32_t))
		return fdt32_ld(ph);
	if (linux_ph && linux_ph_len == sizeof(fdt32_t))
		return fdt32_ld(linux_ph);
	return 0;
}

bool dtb_node_has(const struct dtb_ctx *c, size_t i, unsigned bits)
{
	return (c->props[i].has & bits) == bits;
}

const char *dtb_compatible_list(const struct dtb_ctx *c, int off, int *len)
{
	int i = dtb_offs_find(&c->nodes, off);
	if (i < 0)
		return fdt_getprop(c->fdt, off, "compatible", len);
	*len = c->props[i].compatible_len;
	return c->props[i].compatible;
}

bool dtb_compatible(const struct dtb_ctx *c, int off, const char *compatible)
{
	int len;
	const char *list = dtb_compatible_list(c, off, &len);
	return list && fdt_stringlist_contains(list, len, compatible);
}

int dtb_next_compatible(const struct dtb_ctx *c, int after, const char *compatible)
{
	size_t lo = 0, hi = c->nodes.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->nodes.v[mid] <= after)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < c->nodes.n; i++)
		if (c->props[i].compatible &&
		    fdt_stringlist_contains(c->props[i].compatible, c->props[i].compatible_len,
		                            compatible))
			return c->nodes.v[i];
	return -1;
}

int dtb_tree_build(struct dtb_ctx *c)
{
	size_t n_props = 0, cap_props = 0;
	int stack[DTB_MAX_DEPTH + 1];
	size_t n_parent = 0, cap_parent = 0;
	int depth = 0;

	for (int off = fdt_path_offset(c->fdt, "/"); off >= 0 && depth >= 0;
	     off = fdt_next_node(c->fdt, off, &depth)) {
		if (depth > DTB_MAX_DEPTH) {
			dtb_diag(c, GD_SEV_ERROR, -1, NULL, "nodes nested deeper than %d levels",
			         DTB_MAX_DEPTH);
			return -1;
		}
		if (depth < 0)
			break;
		stack[depth] = (int)c->nodes.n;
		*GD_ARRAY_PUSH(&c->scratch, c->parent, n_parent, cap_parent) =
		    depth ? stack[depth - 1] : -1;
		dtb_offs_push(c, &c->nodes, off);
		uint32_t ph =
		    read_props(c, off, GD_ARRAY_PUSH(&c->scratch, c->props, n_props, cap_props));
		if (ph && ph != UINT32_MAX) {
			struct dtb_phandle *e =
			    GD_ARRAY_PUSH(&c->scratch, c->phandles, c->n_phandles, c->cap_phandles);
			e->phandle = ph;
			e->off = off;
		}
	}
	if (c->n_phandles)
		qsort(c->phandles, c->n_phandles, sizeof(*c->phandles), cmp_phandle);
	return 0;
}

int dtb_offs_find(const struct dtb_offs *o, int off)
{
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->v[mid] == off)
			return (int)mid;
		if (o->v[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int dtb_parent(const struct dtb_ctx *c, int off)
{
	int i = dtb_offs_find(&c->nodes, off);
	if (i < 0 || c->parent[i] < 0)
		return -1;
	return c->nodes.v[c->parent[i]];
}

int dtb_phandle_node(const struct dtb_ctx *c, uint32_t ph)
{
	size_t lo = 0, hi = c->n_phandles;
	if (!ph || ph == UINT32_MAX)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->phandles[mid].phandle < ph)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n_phandles && c->phandles[lo].phandle == ph ? c->phandles[lo].off : -1;
}

const char *dtb_path(struct dtb_ctx *c, int off)
{
	int chain[DTB_MAX_DEPTH + 1];
	int n = 0;
	size_t len = 1;

	for (int i = dtb_offs_find(&c->nodes, off); i > 0 && n <= DTB_MAX_DEPTH; i = c->parent[i]) {
		int nl = 0;
		fdt_get_name(c->fdt, c->nodes.v[i], &nl);
		len += (size_t)(nl > 0 ? nl : 0) + 1;
		chain[n++] = c->nodes.v[i];
	}
	if (!n)
		return gd_arena_strdup(&c->p->arena, "/");
	char *s = gd_arena_alloc(&c->p->arena, len);
	size_t at = 0;
	while (n--) {
		int nl = 0;
		const char *name = fdt_get_name(c->fdt, chain[n], &nl);
		s[at++] = '/';
		if (name && nl > 0) {
			memcpy(s + at, name, (size_t)nl);
			at += (size_t)nl;
		}
	}
	s[at] = '\0';
	return s;
}

/* The byte offset in the DTB file of property @prop of node @off (of the node when it has none). */
static uint32_t file_offset(const struct dtb_ctx *c, int off, const char *prop)
{
	int at = off, poff;
	fdt_for_each_property_offset(poff, c->fdt, off)
	{
		const char *name = NULL;
		if (prop && fdt_getprop_by_offset(c->fdt, poff, &name, NULL) && name &&
		    !strcmp(name, prop)) {
			at = poff;
			break;
		}
	}
	return fdt_off_dt_struct(c->fdt) + (uint32_t)at;
}

struct gd_loc dtb_loc(struct dtb_ctx *c, int off, const char *prop)
{
	struct gd_loc loc = {.file = c->file};
	if (off < 0)
		return loc;
	if (c->byte_offsets) {
		loc.offset = file_offset(c, off, prop);
		loc.has_offset = 1;
	}
	const char *path = dtb_path(c, off);
	if (prop) {
		size_t n = strlen(path) + strlen(prop) + 2;
		char *s = gd_arena_alloc(&c->p->arena, n);
		snprintf(s, n, "%s:%s", path, prop);
		path = s;
	}
	loc.where = path;
	return loc;
}

void dtb_diag(struct dtb_ctx *c, enum gd_severity sev, int off, const char *prop, const char *fmt,
              ...)
{
	struct gd_loc loc = dtb_loc(c, off, prop);
	size_t before = c->d->n;
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(c->d, sev, NULL, &loc, fmt, ap);
	va_end(ap);
	/*
	 * The entries of one map property that say the same (one skipped target): said
	 * once. Only when this one was kept (a dropped note leaves the last two as they
	 * were) and of this same file (--each checks the next DTB into the same list).
	 */
	size_t n = c->d->n;
	if (n == before || n < 2)
		return;
	const struct gd_diag *last = &c->d->v[n - 1], *prev = &c->d->v[n - 2];
	if (last->sev == prev->sev && !last->rule && !prev->rule && last->loc.where &&
	    prev->loc.where && last->loc.file && prev->loc.file &&
	    !strcmp(last->loc.file, prev->loc.file) && !strcmp(last->loc.where, prev->loc.where) &&
	    !strcmp(last->msg, prev->msg)) {
		free(c->d->v[n - 1].msg);
		c->d->n--;
		if (sev == GD_SEV_ERROR)
			c->d->errors--;
		else if (sev == GD_SEV_WARNING)
			c->d->warnings--;
	}
}

void dtb_assume(struct dtb_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_load_vassume(c->p, fmt, ap);
	va_end(ap);
}

const char *dtb_node_name(struct dtb_ctx *c, int off)
{
	int len = 0;
	const char *name = fdt_get_name(c->fdt, off, &len);
	if (name && len > 0) {
		char *s = gd_arena_strndup(&c->p->arena, name, (size_t)len);
		if (!gd_platform_find_node(c->p, s))
			return s;
	}
	return dtb_path(c, off);
}

bool dtb_available(const struct dtb_ctx *c, int off)
{
	int len = 0;
	const char *s = fdt_getprop(c->fdt, off, "status", &len);
	if (!s)
		return true;
	return (len == 5 && !memcmp(s, "okay", 5)) || (len == 3 && !memcmp(s, "ok", 3));
}

bool dtb_has(const struct dtb_ctx *c, int off, const char *name)
{
	return fdt_getprop(c->fdt, off, name, NULL) != NULL;
}

bool dtb_msi_controller_usable(struct dtb_ctx *c, int off, enum gd_dt_binding_kind kind,
                               const char *what)
{
	if (!dtb_available(c, off)) {
		dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled %s skipped", what);
		return false;
	}
	dtb_record_binding(c, off, kind);
	return dtb_has(c, off, "msi-controller");
}

int dtb_u32(struct dtb_ctx *c, int off, const char *name, uint32_t *v)
{
	int len = 0;
	const void *q = fdt_getprop(c->fdt, off, name, &len);
	if (!q)
		return 0;
	if (len != 4) {
		dtb_diag(c, GD_SEV_ERROR, off, name, "must be one cell (4 bytes), not %d bytes",
		         len);
		return -1;
	}
	*v = dtb_cell(q, 0);
	return 1;
}

const char *dtb_string(struct dtb_ctx *c, int off, const char *name)
{
	int len = 0;
	const char *s = fdt_getprop(c->fdt, off, name, &len);
	if (!s || len <= 0)
		return NULL;
	return gd_arena_strndup(&c->p->arena, s, strnlen(s, (size_t)len));
}

void dtb_strings(struct dtb_ctx *c, int off, const char *name, const char ***list, size_t *n,
                 size_t *cap)
{
	int count = fdt_stringlist_count(c->fdt, off, name);
	for (int i = 0; i < count && i < DTB_MAX_COMPATIBLES; i++) {
		int len = 0;
		const char *s = fdt_stringlist_get(c->fdt, off, name, i, &len);
		if (s && len >= 0)
			*GD_ARRAY_PUSH(&c->p->arena, *list, *n, *cap) =
			    gd_arena_strndup(&c->p->arena, s, (size_t)len);
	}
}

uint32_t dtb_cell(const void *cells, size_t i)
{
	return fdt32_ld((const fdt32_t *)cells + i);
}

void dtb_offs_push(struct dtb_ctx *c, struct dtb_offs *o, int off)
{
	*GD_ARRAY_PUSH(&c->scratch, o->v, o->n, o->cap) = off;
}

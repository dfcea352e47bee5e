/* SPDX-License-Identifier: MIT */
/*
 * dt_from_fdt.c - reads a flattened device tree (Devicetree Specification
 * v0.4 §5) into the in-memory tree of dt_tree.h, so that the DTS printer can
 * print a tree it did not build (generate --base).
 */
#include <libfdt.h>
#include <string.h>

#include "emit/dt_tree.h"

/* Deeper trees are refused: the walk recurses once per level. */
#define MAX_DEPTH 256

/* A byte dtc prints inside a string literal (dtc treesource.c isstring()). */
static bool string_byte(uint8_t c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\0' || (c >= '\a' && c <= '\r');
}

/*
 * The kind dtc -O dts gives a value (dtc treesource.c guess_value_type()):
 * a string list when it ends in NUL, has only string bytes and no more NULs
 * than other bytes; else cells when its length is a multiple of 4; else bytes.
 */
static enum gd_dt_prop_kind guess_kind(const uint8_t *v, size_t len)
{
	size_t nul = 0, other = 0;

	if (!len)
		return GD_DT_EMPTY;
	for (size_t i = 0; i < len; i++) {
		nul += v[i] == '\0';
		other += !string_byte(v[i]);
	}
	if (v[len - 1] == '\0' && !other && nul <= len - nul)
		return GD_DT_STRINGS;
	return len % 4 == 0 ? GD_DT_CELLS : GD_DT_BYTES;
}

static void add_prop(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name, const uint8_t *v,
                     size_t len)
{
	struct gd_dt_prop *pr;

	name = gd_arena_strdup(&t->arena, name);
	switch (guess_kind(v, len)) {
	case GD_DT_EMPTY:
		gd_dt_add_flag(t, n, name);
		break;
	case GD_DT_STRINGS:
		pr = gd_dt_add_strings(t, n, name);
		for (size_t i = 0; i < len; i += strlen((const char *)v + i) + 1)
			gd_dt_push_string(t, pr, (const char *)v + i);
		break;
	case GD_DT_CELLS:
		pr = gd_dt_add_cells(t, n, name, 0);
		for (size_t i = 0; i < len; i += 4)
			gd_dt_push_u32(t, pr,
			               (uint32_t)v[i] << 24 | (uint32_t)v[i + 1] << 16 |
			                   (uint32_t)v[i + 2] << 8 | v[i + 3]);
		break;
	case GD_DT_BYTES:
		gd_dt_add_bytes(t, n, name, v, len);
		break;
	}
}

static int add_node(struct gd_dt_tree *t, struct gd_dt_node *parent, const void *fdt, int off,
                    int depth)
{
	const char *name = fdt_get_name(fdt, off, NULL);
	if (!name || depth > MAX_DEPTH)
		return -FDT_ERR_BADSTRUCTURE;
	struct gd_dt_node *n = gd_dt_add_node(t, parent, parent ? name : "");
	int p;
	fdt_for_each_property_offset(p, fdt, off)
	{
		const char *pname;
		int len;
		const void *v = fdt_getprop_by_offset(fdt, p, &pname, &len);
		if (!v || !pname || len < 0)
			return -FDT_ERR_BADSTRUCTURE;
		add_prop(t, n, pname, v, (size_t)len);
	}
	if (p != -FDT_ERR_NOTFOUND)
		return p;
	int child;
	fdt_for_each_subnode(child, fdt, off)
	{
		int err = add_node(t, n, fdt, child, depth + 1);
		if (err)
			return err;
	}
	return child == -FDT_ERR_NOTFOUND ? 0 : child;
}

int gd_dt_from_fdt(struct gd_dt_tree *t, const void *fdt)
{
	int root = fdt_path_offset(fdt, "/");
	return root < 0 ? root : add_node(t, NULL, fdt, root, 0);
}

/* SPDX-License-Identifier: MIT */
/*
 * dtb.c - writes the device tree of dt_tree.h as a flattened device tree
 * (Devicetree Specification v0.4 §5, version 17) with libfdt's
 * sequential-write API, so the blob holds exactly the tree the DTS prints.
 */
#include <libfdt.h>
#include <stdlib.h>

#include "emit/built.h"

/* Writes @pr; returns 0 or a negative libfdt error. */
static int put_prop(void *fdt, const struct gd_dt_prop *pr, struct gd_buf *scratch)
{
	scratch->len = 0;
	gd_dt_prop_value(pr, scratch);
	if (scratch->len > INT32_MAX)
		return -FDT_ERR_NOSPACE;
	return fdt_property(fdt, pr->name, scratch->data, (int)scratch->len);
}

static int put_node(void *fdt, const struct gd_dt_node *n, struct gd_buf *scratch)
{
	int err = fdt_begin_node(fdt, n->name);
	for (size_t i = 0; !err && i < n->n_props; i++)
		err = put_prop(fdt, n->props[i], scratch);
	for (size_t i = 0; !err && i < n->n_children; i++)
		err = put_node(fdt, n->children[i], scratch);
	return err ? err : fdt_end_node(fdt);
}

/* Writes the blob into @fdt of @size bytes; returns 0 or a negative libfdt error. */
static int write_blob(const struct gd_dt_tree *t, void *fdt, size_t size, struct gd_buf *scratch)
{
	int err = fdt_create(fdt, (int)size);
	if (!err)
		err = fdt_finish_reservemap(fdt);
	if (!err)
		err = put_node(fdt, t->root, scratch);
	return err ? err : fdt_finish(fdt);
}

int gd_emit_dtb(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	if (ctx->base)
		return gd_emit_put_merged(ctx, true, out);
	const struct gd_dt_tree *t = gd_emit_dt_tree(ctx);
	struct gd_buf scratch = {0};
	int rc = t ? 0 : -1;

	/* Start at 64 KiB and double while libfdt runs out of room. */
	for (size_t size = 0x10000; rc == 0; size *= 2) {
		void *fdt = calloc(1, size);
		if (!fdt || size > INT32_MAX) {
			free(fdt);
			gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL,
			            "DT: the device tree blob does not fit in memory");
			rc = -1;
			break;
		}
		int err = write_blob(t, fdt, size, &scratch);
		if (!err)
			gd_buf_append(out, fdt, fdt_totalsize(fdt));
		free(fdt);
		if (err == -FDT_ERR_NOSPACE)
			continue;
		if (err) {
			gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL, "DT: libfdt: %s",
			            fdt_strerror(err));
			rc = -1;
		}
		break;
	}
	gd_buf_free(&scratch);
	return rc;
}

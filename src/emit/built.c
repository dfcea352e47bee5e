/* SPDX-License-Identifier: MIT */
#include "emit/built.h"

#include <stdio.h>
#include <stdlib.h>

#include "emit/dt_base.h"

struct gd_emit_built *gd_emit_built(struct gd_emit_ctx *ctx)
{
	if (!ctx->built) {
		ctx->built = calloc(1, sizeof(*ctx->built));
		if (!ctx->built) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		ctx->built->dt_status = ctx->built->merge_status = 1;
		ctx->built->iort.status = ctx->built->madt.status = 1;
	}
	return ctx->built;
}

struct gd_dt_tree *gd_emit_dt_tree(struct gd_emit_ctx *ctx)
{
	struct gd_emit_built *b = gd_emit_built(ctx);
	if (b->dt_status == 1)
		b->dt_status = gd_dt_build(ctx, &b->dt);
	return b->dt_status ? NULL : &b->dt;
}

int gd_emit_put_merged(struct gd_emit_ctx *ctx, bool dtb, struct gd_buf *out)
{
	struct gd_emit_built *b = gd_emit_built(ctx);
	if (b->merge_status == 1) {
		struct gd_dt_tree *t = gd_emit_dt_tree(ctx);
		b->merge_status = t ? gd_dt_base_merge(ctx, t, &b->merged_dtb, &b->merged_dts) : -1;
	}
	if (b->merge_status)
		return -1;
	const struct gd_buf *merged = dtb ? &b->merged_dtb : &b->merged_dts;
	gd_buf_append(out, merged->data, merged->len);
	return 0;
}

void gd_emit_ctx_free(struct gd_emit_ctx *ctx)
{
	struct gd_emit_built *b = ctx->built;
	if (!b)
		return;
	gd_dt_tree_free(&b->dt);
	gd_buf_free(&b->merged_dtb);
	gd_buf_free(&b->merged_dts);
	gd_acpi_table_free(&b->iort.t);
	gd_acpi_table_free(&b->madt.t);
	free(b);
	ctx->built = NULL;
}

/* SPDX-License-Identifier: MIT */
/* Placeholder until the DT back end lands; delete this file with it. */
#include "emit/emit.h"

static int not_yet(const struct gd_emit_ctx *ctx)
{
	gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL, "DT output is not implemented yet");
	return -1;
}

int gd_emit_dts(const struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	(void)out;
	return not_yet(ctx);
}

int gd_emit_dtsi(const struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	(void)out;
	return not_yet(ctx);
}

int gd_emit_dtb(const struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	(void)out;
	return not_yet(ctx);
}

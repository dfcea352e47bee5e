/* SPDX-License-Identifier: MIT */
/*
 * built.h - the representations one emit context builds, each at most once
 * (built.c): the DT tree that the DTS, DTSI and DTB printers and the --base
 * merge share, the merged base, and each ACPI table, whose binary and iasl
 * source are printed from the same finished table. Private to src/emit.
 */
#ifndef GD_EMIT_BUILT_H
#define GD_EMIT_BUILT_H

#include "acpi/table.h"
#include "emit/dt_tree.h"

/* One ACPI table of a run: @status 1 until built, then 0 or -1; @title names it. */
struct gd_acpi_built {
	int status;
	struct gd_acpi_table t;
	char title[80];
};

/* Everything a context has built; each status is 1 until built, then 0 or -1. */
struct gd_emit_built {
	int dt_status;
	struct gd_dt_tree dt;
	int merge_status;
	struct gd_buf merged_dtb, merged_dts;
	struct gd_acpi_built iort, madt;
};

/* The built state of @ctx, allocated on first use (exits 2 when out of memory). */
struct gd_emit_built *gd_emit_built(struct gd_emit_ctx *ctx);

/*
 * The DT tree of ctx->p (gd_dt_build()), built on the first call; NULL when
 * building it failed, its errors in ctx->diags once.
 */
struct gd_dt_tree *gd_emit_dt_tree(struct gd_emit_ctx *ctx);

/*
 * Appends to @out the DT tree merged into ctx->base (gd_dt_base_merge()): the
 * blob when @dtb, else its DTS. The merge is done on the first call, and
 * gives our nodes the base's phandles, so it comes after the standalone
 * DTB, which --base does not write. Returns 0, or -1 when the tree or the
 * merge failed (errors reported once).
 */
int gd_emit_put_merged(struct gd_emit_ctx *ctx, bool dtb, struct gd_buf *out);

#endif

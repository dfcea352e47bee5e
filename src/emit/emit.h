/* SPDX-License-Identifier: MIT */
/*
 * emit.h - back ends: each writes one output format from the model and the
 * resolved routes into a buffer (never a file; see util/outset.h).
 *
 * Every emitter returns 0 on success, or -1 after adding at least one error
 * to ctx->diags (for a fact the format cannot express, for example).
 */
#ifndef GD_EMIT_EMIT_H
#define GD_EMIT_EMIT_H

#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/buf.h"
#include "util/diag.h"

/* What every emitter reads. */
struct gd_emit_ctx {
	const struct gd_platform *p;
	const struct gd_routes *routes;
	struct gd_diags *diags;
	/*
	 * generate --force: what an output format cannot carry (Direct LPI in
	 * IORT) is a warning and the output is written without it, not an error.
	 */
	bool force;
};

/*
 * One output format: its --format name, its file name (the platform name
 * followed by @file_suffix when @after_name, else @file_suffix alone), emitter.
 */
struct gd_format {
	const char *name;
	bool after_name;
	const char *file_suffix;
	const char *description;
	int (*emit)(const struct gd_emit_ctx *ctx, struct gd_buf *out);
};

/* The table of formats, in the order they are written: gd_n_formats entries. */
extern const struct gd_format gd_formats[];
extern const size_t gd_n_formats;

/* Writes the output file name of @f for platform @name into @buf (truncated to @size). */
void gd_format_file_name(const struct gd_format *f, const char *name, char *buf, size_t size);

/* Returns the format called @name, or NULL. */
const struct gd_format *gd_format_find(const char *name);

/* Standalone DTS of the interrupt system (dtc source, /dts-v1/). */
int gd_emit_dts(const struct gd_emit_ctx *ctx, struct gd_buf *out);
/* The same nodes as a labelled fragment for #include from a board DTS. */
int gd_emit_dtsi(const struct gd_emit_ctx *ctx, struct gd_buf *out);
/* Flattened device tree blob of exactly the tree of the DTS (libfdt sequential write). */
int gd_emit_dtb(const struct gd_emit_ctx *ctx, struct gd_buf *out);
/* IORT binary (IORT E.b/E.d, DEN0049) with a valid checksum. */
int gd_emit_iort(const struct gd_emit_ctx *ctx, struct gd_buf *out);
/* IORT as iasl data-table source that iasl compiles to the same bytes. */
int gd_emit_iort_dsl(const struct gd_emit_ctx *ctx, struct gd_buf *out);
/* MADT ("APIC") binary, ACPI 6.5 §5.2.12, with a valid checksum. */
int gd_emit_madt(const struct gd_emit_ctx *ctx, struct gd_buf *out);
/* MADT as iasl data-table source. */
int gd_emit_madt_dsl(const struct gd_emit_ctx *ctx, struct gd_buf *out);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * emit.h - back ends: each writes one output format from the model and the
 * resolved routes into a buffer (never a file; see util/outset.h).
 *
 * Every emitter returns 0 on success, or -1 after adding at least one error
 * to ctx->diags (once per context: a representation that failed to build is
 * not built again). What a format cannot express is a rule of check/
 * (iort-direct-lpi, iort-spi-msi, dt-ats, ...), reported before generate
 * emits; an emitter leaves it out without a word.
 */
#ifndef GD_EMIT_EMIT_H
#define GD_EMIT_EMIT_H

#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/buf.h"
#include "util/diag.h"

struct gd_dt_base;
struct gd_emit_built;

/*
 * What every emitter reads, and what one run has built: each representation
 * (the DT tree, the --base merge, the IORT and the MADT) is built at most once
 * per context, on first use, so that every format printed from it agrees with
 * the others and every diagnostic of building it is reported once. Zero-
 * initialise with @p, @routes, @diags (and @base), emit any formats, then free
 * with gd_emit_ctx_free().
 */
struct gd_emit_ctx {
	const struct gd_platform *p;
	const struct gd_routes *routes;
	struct gd_diags *diags;
	/* generate --base: the dts and dtb formats are this base with our system put in. */
	const struct gd_dt_base *base;
	/* format h: the prefix of every #define (generate --header-prefix); NULL: "PLAT_ARM_" */
	const char *header_prefix;
	/* format yaml: the platform name: to write (NULL: p->name), and what it was imported from
	 */
	const char *yaml_name, *yaml_source;
	struct gd_emit_built *built; /* private to src/emit (built.h); NULL until used */
};

/* Frees what @ctx has built (not p, routes, diags or base). */
void gd_emit_ctx_free(struct gd_emit_ctx *ctx);

/*
 * One output format: its --format name, the family of formats printed from
 * one representation ("dt", "iort", "madt"; check rules name it, struct
 * gd_rule), its file name (the platform name followed by @file_suffix when
 * @after_name, else @file_suffix alone), its emitter, and whether generate
 * writes it when no --format is given (@by_default: the DT and ACPI formats),
 * and whether its emitter only appends (@in_order: text, which can go to its
 * file while it is made; see gd_buf_sink()).
 */
struct gd_format {
	const char *name;
	const char *family;
	bool after_name;
	const char *file_suffix;
	const char *description;
	int (*emit)(struct gd_emit_ctx *ctx, struct gd_buf *out);
	bool by_default;
	bool in_order;
};

/* The table of formats, in the order they are written: gd_n_formats entries. */
extern const struct gd_format gd_formats[];
extern const size_t gd_n_formats;

/* Writes the output file name of @f for platform @name into @buf (truncated to @size). */
void gd_format_file_name(const struct gd_format *f, const char *name, char *buf, size_t size);

/* Returns the format called @name, or NULL. */
const struct gd_format *gd_format_find(const char *name);

/* Standalone DTS of the interrupt system (dtc source, /dts-v1/), or with ctx->base the merged tree.
 */
int gd_emit_dts(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* The same nodes as a labelled fragment for #include from a board DTS. */
int gd_emit_dtsi(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* Flattened device tree blob of exactly the tree of the DTS (libfdt sequential write). */
int gd_emit_dtb(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* IORT binary (IORT E.b/E.d, DEN0049) with a valid checksum. */
int gd_emit_iort(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* IORT as iasl data-table source that iasl compiles to the same bytes. */
int gd_emit_iort_dsl(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* MADT ("APIC") binary, ACPI 6.5 §5.2.12, with a valid checksum. */
int gd_emit_madt(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* MADT as iasl data-table source. */
int gd_emit_madt_dsl(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* dot.c: the routing graph (nodes, and ID mappings with their ID ranges) as Graphviz DOT
 * appended to @out; returns 0 (it cannot fail). */
int gd_emit_dot(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* svg.c: the graph of gd_emit_dot() drawn by Graphviz (`dot -Tsvg` from PATH, no shell),
 * appended to @out; returns -1 with an error when dot is not on PATH, cannot run or fails. */
int gd_emit_svg(struct gd_emit_ctx *ctx, struct gd_buf *out);
/* header.c: the GIC's frames (bases and sizes in bytes, SPIs, INTIDs) as C #defines for
 * TF-A and U-Boot ports, appended to @out; returns 0 (it cannot fail). */
int gd_emit_header(struct gd_emit_ctx *ctx, struct gd_buf *out);

/*
 * The $id of schemas/gicdesc.schema.json, which the YAML description names in
 * its first line ("# yaml-language-server: $schema=...") for editors.
 */
#define GD_YAML_SCHEMA_ID "https://gicdesc.dev/schemas/gicdesc.schema.json"

/*
 * yaml.c: the platform as a YAML description, format 1 (gicdesc(5)), that
 * `gicdesc generate` reads back into the same model: written by `gicdesc
 * import`, not by generate (whose input it is). Returns -1, writing nothing,
 * after an error (rules import-*) for each fact the format cannot hold.
 */
int gd_emit_yaml(struct gd_emit_ctx *ctx, struct gd_buf *out);

#endif

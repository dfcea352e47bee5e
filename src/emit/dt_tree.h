/* SPDX-License-Identifier: MIT */
/*
 * dt_tree.h - the in-memory device tree that the DT back ends share: built
 * once from the model and the routes (dt_build*.c), then printed as DTS text
 * (dts.c) or written as a flattened blob (dtb.c), so that the DTS, the DTSI
 * fragment and the DTB describe exactly the same tree.
 *
 * Phandles follow dtc (Devicetree Specification v0.4 §2.3.3; dtc livetree.c
 * get_node_phandle()): a node gets one only when a property refers to it, in
 * the order of the first reference met in a pre-order walk (a node's
 * properties in order, then its children), numbered from 1, and the
 * "phandle" property is appended after the node's own properties. dtc
 * compiling our DTS therefore assigns the very phandles our DTB holds.
 */
#ifndef GD_EMIT_DT_TREE_H
#define GD_EMIT_DT_TREE_H

#include <stdbool.h>
#include <stdint.h>

#include "emit/emit.h"
#include "util/arena.h"

/* Kind of a property value. */
enum gd_dt_prop_kind {
	GD_DT_EMPTY,   /* a flag such as interrupt-controller; */
	GD_DT_CELLS,   /* big-endian 32-bit cells, some of them phandle references */
	GD_DT_STRINGS, /* a string list: NUL-terminated strings back to back */
	GD_DT_BYTES,   /* raw bytes, printed [00 01 ...] (a tree read from a blob only) */
};

struct gd_dt_node;

/* One 32-bit cell: @value, or the phandle of @ref when @ref is not NULL. */
struct gd_dt_cell {
	uint32_t value;
	struct gd_dt_node *ref;
};

/*
 * A property. Cells print in groups of @group cells (one <...> per entry of
 * reg, ranges, msi-map...; 0 = one group), in decimal when @decimal, else hex.
 * @notes[i], when set, is a comment printed after group i in DTS text
 * (n_notes <= number of groups; add with gd_dt_note()).
 * @standalone_only: left out of the DTSI fragment (root model, compatible).
 * @generated: the "phandle" property added by gd_dt_assign_phandles(): written
 * to the DTB only, since dtc adds the same one when it compiles the DTS.
 * @bits16: the cells are 16-bit values (DTS "/bits/ 16 <...>", 2 bytes each
 * in the blob; arm,gic-v5.yaml arm,iaffids), never references.
 */
struct gd_dt_prop {
	const char *name;
	enum gd_dt_prop_kind kind;
	struct gd_dt_cell *cells;
	size_t n_cells, cap_cells;
	const char **strings;
	size_t n_strings, cap_strings;
	unsigned group;
	bool decimal;
	bool standalone_only;
	bool generated;
	bool bits16;
	const char **notes;
	size_t n_notes, cap_notes;
	const uint8_t *bytes; /* GD_DT_BYTES: n_bytes bytes */
	size_t n_bytes;
};

/*
 * A node: name ("cpu@0"), optional DTS label ("cpu0"), phandle (0 = none),
 * and the model node it describes (ITS, SMMU, root complex, named component;
 * NULL for every other node). @base_keeps: a --base merge keeps the base's
 * own node of this kind (/cpus, the GIC's ppi-partitions) and puts in
 * nothing of this subtree (dt_base.h).
 */
struct gd_dt_node {
	const char *name;
	const char *label;
	uint32_t phandle;
	bool base_keeps;
	const struct gd_node *source;
	struct gd_dt_node *parent;
	/* each allocated alone, so a property pointer stays valid as the node grows */
	struct gd_dt_prop **props;
	size_t n_props, cap_props;
	struct gd_dt_node **children;
	size_t n_children, cap_children;
};

/*
 * A tree; zero-initialise, fill with gd_dt_build() (or gd_dt_from_fdt()),
 * free with gd_dt_tree_free(). @gic: the GIC node gd_dt_build() made.
 */
struct gd_dt_tree {
	struct gd_arena arena;
	struct gd_dt_node *root;
	struct gd_dt_node *gic;
};

/* Adds a child node named @name (copied) under @parent (NULL: makes the root). */
struct gd_dt_node *gd_dt_add_node(struct gd_dt_tree *t, struct gd_dt_node *parent,
                                  const char *name);

/* Adds an empty property (a flag). */
struct gd_dt_prop *gd_dt_add_flag(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name);

/* Adds a property of one string. */
struct gd_dt_prop *gd_dt_add_string(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                    const char *s);

/* Adds a string-list property with no strings yet; fill with gd_dt_push_string(). */
struct gd_dt_prop *gd_dt_add_strings(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name);
void gd_dt_push_string(struct gd_dt_tree *t, struct gd_dt_prop *pr, const char *s);

/* Adds a property of @n bytes copied from @v (printed [00 01 ...]). */
struct gd_dt_prop *gd_dt_add_bytes(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                   const void *v, size_t len);

/* Adds a cells property with no cells yet, printed in groups of @group cells. */
struct gd_dt_prop *gd_dt_add_cells(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                   unsigned group);

/* Adds a property of one decimal cell, e.g. #address-cells = <2>. */
struct gd_dt_prop *gd_dt_add_u32(struct gd_dt_tree *t, struct gd_dt_node *n, const char *name,
                                 uint32_t v);

/* Appends one cell, a 64-bit value as two cells (high first), or a phandle reference. */
void gd_dt_push_u32(struct gd_dt_tree *t, struct gd_dt_prop *pr, uint32_t v);
void gd_dt_push_u64(struct gd_dt_tree *t, struct gd_dt_prop *pr, uint64_t v);
void gd_dt_push_ref(struct gd_dt_tree *t, struct gd_dt_prop *pr, struct gd_dt_node *target);

/*
 * Sets the comment of group @index of @pr (printf-formatted; DTS text only).
 * A comment must not contain the two characters that end a C comment.
 */
void gd_dt_note(struct gd_dt_tree *t, struct gd_dt_prop *pr, size_t index, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Appends the value of @pr as a blob holds it to @out: cells big-endian
 * with a reference as its target's phandle, strings NUL-terminated, bytes.
 */
void gd_dt_prop_value(const struct gd_dt_prop *pr, struct gd_buf *out);

/*
 * Prints @t as DTS nodes from "/ {" on (no /dts-v1/ header; dts.c), every
 * property included; the generated "phandle" properties are left out.
 */
void gd_dt_print(struct gd_buf *out, const struct gd_dt_tree *t);

/*
 * Fills the empty @t with the tree of the checked blob @fdt (dt_from_fdt.c):
 * every node and property in blob order; each value kept as a string list,
 * cells or bytes as dtc -O dts would print it (dtc treesource.c
 * guess_value_type()), so that compiling the DTS gives the same bytes.
 * Returns 0, or a negative libfdt error.
 */
int gd_dt_from_fdt(struct gd_dt_tree *t, const void *fdt);

/* Gives phandles to every referenced node, as dtc does (see the top of this file). */
void gd_dt_assign_phandles(struct gd_dt_tree *t);

/*
 * Builds the tree of the interrupt system of ctx->p with the routes
 * ctx->routes (dt_build.c). Returns 0, or -1 after adding errors to
 * ctx->diags for facts the Device Tree bindings of Linux 6.1 cannot express.
 * The tree is complete (phandles assigned) only on success.
 */
int gd_dt_build(const struct gd_emit_ctx *ctx, struct gd_dt_tree *t);

/* Frees @t and zeroes it. */
void gd_dt_tree_free(struct gd_dt_tree *t);

#endif

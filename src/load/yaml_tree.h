/* SPDX-License-Identifier: MIT */
/*
 * yaml_tree.h - a YAML document read into a small tree of our own, every node
 * with its 1-based line:col, built from libyaml's event API without recursion.
 *
 * Only the subset a description needs is accepted: one document of mappings,
 * sequences and scalars. Anchors, aliases and tags are refused (an alias
 * bomb fails at its first anchor), nesting deeper than GD_YTREE_MAX_DEPTH and
 * more than GD_YTREE_MAX_NODES nodes are refused, so reading is linear in the
 * input and bounded in memory.
 */
#ifndef GD_LOAD_YAML_TREE_H
#define GD_LOAD_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/diag.h"

/* Deepest nesting of mappings and sequences accepted. */
#define GD_YTREE_MAX_DEPTH 64
/* Most nodes (scalars, mappings, sequences) accepted in one document. */
#define GD_YTREE_MAX_NODES (1u << 20)

/* Kind of a YAML node (YAML 1.2 §3.2.1.1: scalar, mapping, sequence). */
enum gd_ynode_kind { GD_YSCALAR, GD_YMAP, GD_YSEQ };

struct gd_ynode;

/* One key: value pair of a mapping; the key is always a scalar. */
struct gd_ypair {
	struct gd_ynode *key, *value;
};

/*
 * A node of the tree, 32 bytes: the members of its kind share storage, so
 * read only those of n->kind. Arrays are exactly n_items or n_pairs long.
 */
struct gd_ynode {
	enum gd_ynode_kind kind;
	uint32_t line, col; /* 1-based, columns in characters */
	bool plain;         /* GD_YSCALAR: unquoted */
	union {
		const char *text;        /* GD_YSCALAR: NUL-terminated, no NUL inside */
		struct gd_ynode **items; /* GD_YSEQ: in document order */
		struct gd_ypair *pairs;  /* GD_YMAP: in document order, duplicates kept (the
		                            reader of the tree reports them) */
	};
	union {
		size_t len; /* GD_YSCALAR: bytes of text */
		size_t n_items;
		size_t n_pairs;
	};
};

/* A parsed document; root is NULL for an empty file, else @top. Zero-initialise. */
struct gd_ytree {
	struct gd_arena arena;
	const char *file;
	struct gd_ynode *root;
	struct gd_ynode top;
};

/*
 * Called by gd_ytree_parse_each() with each pair of the root mapping once its
 * value is read whole, in document order, with @arg. Returns true when it has
 * taken the pair, which is then freed; false keeps it in the tree.
 */
typedef bool gd_ytree_each_fn(void *arg, const struct gd_ynode *key, const struct gd_ynode *value);

/*
 * Called by gd_ytree_parse_each() with each item of a list that is the value
 * of a pair of the root mapping, once the item is read whole, in document
 * order, with the pair's @key and @arg. Returns true when it has taken the
 * item, which is then freed (the list holds only the items not taken).
 */
typedef bool gd_ytree_item_fn(void *arg, const struct gd_ynode *key, const struct gd_ynode *item);

/*
 * Reads @path (see text_file.h: at most 16 MiB, no NUL byte) and parses it
 * into @t. Returns 0, or 2 with an error in @d ("FILE:LINE:COL: error: ..."):
 * I/O error, size, NUL byte, invalid UTF-8, YAML syntax error, anchor, alias,
 * tag, non-scalar key, nesting or node count over the limits, several documents.
 */
int gd_ytree_read(const char *path, struct gd_ytree *t, struct gd_diags *d);

/*
 * Parses the @len bytes at @text (need not be NUL-terminated), read from
 * @file (kept in @t and every location: it must outlive @t), into @t: the
 * checks and returns of gd_ytree_read() but the I/O error (gd_text_check()
 * refuses a NUL byte or more than GD_TEXT_FILE_MAX bytes).
 */
int gd_ytree_parse(const char *file, const char *text, size_t len, struct gd_ytree *t,
                   struct gd_diags *d);

/*
 * gd_ytree_parse() that hands each pair of a root mapping to @each as soon as
 * it is read (see gd_ytree_each_fn), and before that each item of a list
 * that is such a pair's value to @item (NULL: none; see gd_ytree_item_fn),
 * so that memory holds one pair's nodes, or one item's, not the whole
 * document's, when they are taken. Pairs @each keeps stay in t->root; the
 * others are gone when this returns. @each and @item see the pairs and items
 * before a later error of the document is found.
 */
int gd_ytree_parse_each(const char *file, const char *text, size_t len, struct gd_ytree *t,
                        struct gd_diags *d, gd_ytree_each_fn *each, gd_ytree_item_fn *item,
                        void *arg);

/* Frees the tree. */
void gd_ytree_free(struct gd_ytree *t);

/* "a scalar", "a mapping", "a list": for "expected X, found Y" messages. */
const char *gd_ynode_kind_name(enum gd_ynode_kind kind);

#endif

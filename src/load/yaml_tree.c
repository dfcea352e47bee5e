/* SPDX-License-Identifier: MIT */
#include "load/yaml_tree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "load/text_file.h"
#include "util/vec.h"

/*
 * An open mapping or sequence; its children so far are kids[first..] of the
 * reader (a mapping's alternate key, value, key, ...).
 */
struct frame {
	struct gd_ynode *node;
	size_t first;
};

struct reader {
	struct gd_ytree *t;
	struct gd_diags *d;
	const char *text;
	size_t len;
	struct frame stack[GD_YTREE_MAX_DEPTH];
	size_t depth;
	struct gd_ynode **kids; /* children of the open collections, innermost last */
	size_t n_kids, cap_kids;
	size_t n_nodes;
	unsigned documents;
	gd_ytree_each_fn *each; /* or NULL */
	gd_ytree_item_fn *item; /* or NULL */
	void *arg;
	struct gd_arena_mark list_start; /* after the node of the list open at depth 2 */
};

const char *gd_ynode_kind_name(enum gd_ynode_kind kind)
{
	switch (kind) {
	case GD_YSCALAR:
		return "a scalar";
	case GD_YMAP:
		return "a mapping";
	case GD_YSEQ:
		return "a list";
	}
	return "a node";
}

static int fail_at(struct reader *r, const yaml_mark_t *m, const char *rule, const char *msg)
{
	struct gd_loc loc = {
	    .file = r->t->file, .line = (uint32_t)m->line + 1, .col = (uint32_t)m->column + 1};
	gd_diag_add(r->d, GD_SEV_ERROR, rule, &loc, "%s", msg);
	return 2;
}

/* Reports libyaml's own error: a reader (encoding) error at its byte offset, else its mark. */
static int parser_error(struct reader *r, const yaml_parser_t *ps)
{
	struct gd_loc loc = {.file = r->t->file};
	const char *problem = ps->problem ? ps->problem : "cannot parse";

	if (ps->error == YAML_MEMORY_ERROR) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	if (ps->error == YAML_READER_ERROR) {
		gd_text_position(r->text, r->len, ps->problem_offset, &loc.line, &loc.col);
		if (ps->problem_value != -1)
			gd_diag_add(r->d, GD_SEV_ERROR, "yaml-encoding", &loc,
			            "not UTF-8 text: %s (byte 0x%02X)", problem,
			            (unsigned)ps->problem_value & 0xFF);
		else
			gd_diag_add(r->d, GD_SEV_ERROR, "yaml-encoding", &loc, "not UTF-8 text: %s",
			            problem);
		return 2;
	}
	loc.line = (uint32_t)ps->problem_mark.line + 1;
	loc.col = (uint32_t)ps->problem_mark.column + 1;
	if (ps->context)
		gd_diag_add(r->d, GD_SEV_ERROR, "yaml-syntax", &loc, "YAML syntax: %s %s", problem,
		            ps->context);
	else
		gd_diag_add(r->d, GD_SEV_ERROR, "yaml-syntax", &loc, "YAML syntax: %s", problem);
	return 2;
}

/* True when the innermost open collection is a list that is the value of a pair of the root. */
static bool in_root_list(const struct reader *r)
{
	return r->depth == 2 && r->stack[0].node->kind == GD_YMAP &&
	       r->stack[1].node->kind == GD_YSEQ;
}

/*
 * After a node is read whole: when it is the value of a pair of the root
 * mapping, offers the pair to r->each, and frees it when taken (the root is
 * t->top, outside the arena; every other node of the tree is in the pair);
 * when it is an item of a list that is such a value, offers it to r->item,
 * and frees it when taken (the items after the list's node in the arena).
 */
static void value_read(struct reader *r)
{
	size_t first = r->stack[0].first;
	if (r->item && in_root_list(r)) {
		if (r->item(r->arg, r->kids[first], r->kids[r->n_kids - 1])) {
			r->n_kids--;
			gd_arena_release(&r->t->arena, r->list_start);
		} else {
			r->list_start = gd_arena_mark(&r->t->arena); /* the item stays */
		}
		return;
	}
	if (!r->each || r->depth != 1 || r->stack[0].node->kind != GD_YMAP ||
	    r->n_kids - first != 2)
		return;
	if (!r->each(r->arg, r->kids[first], r->kids[first + 1]))
		return;
	r->n_kids = first;
	gd_arena_release(&r->t->arena, (struct gd_arena_mark){0});
}

/* Makes a node for a scalar or collection event and attaches it to the open collection. */
static int add_node(struct reader *r, const yaml_event_t *ev, enum gd_ynode_kind kind,
                    struct gd_ynode **out)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	if (kind == GD_YSCALAR) {
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
	} else if (kind == GD_YMAP) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	}
	if (anchor)
		return fail_at(r, &ev->start_mark, "yaml-alias",
		               "YAML anchors and aliases are not supported: write each value out");
	if (tag)
		return fail_at(r, &ev->start_mark, "yaml-tag", "YAML tags are not supported");
	if (++r->n_nodes > GD_YTREE_MAX_NODES)
		return fail_at(r, &ev->start_mark, "yaml-too-large",
		               "more than 1048576 YAML nodes; a description never has that many");

	struct gd_ynode *n = r->depth ? gd_arena_alloc(&r->t->arena, sizeof(*n)) : &r->t->top;
	n->kind = kind;
	n->line = (uint32_t)ev->start_mark.line + 1;
	n->col = (uint32_t)ev->start_mark.column + 1;
	if (kind == GD_YSCALAR) {
		const char *v = (const char *)ev->data.scalar.value;
		if (memchr(v, '\0', ev->data.scalar.length))
			return fail_at(r, &ev->start_mark, "yaml-encoding",
			               "NUL character in a scalar: a description is text");
		n->text = gd_arena_strndup(&r->t->arena, v, ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	}

	if (r->depth == 0) {
		r->t->root = n;
	} else {
		struct frame *f = &r->stack[r->depth - 1];
		if (f->node->kind == GD_YMAP && (r->n_kids - f->first) % 2 == 0 &&
		    kind != GD_YSCALAR)
			return fail_at(r, &ev->start_mark, "yaml-syntax",
			               "a mapping key must be a scalar");
		gd_vec_reserve((void **)&r->kids, &r->cap_kids, r->n_kids + 1, sizeof(*r->kids));
		r->kids[r->n_kids++] = n;
	}
	if (kind == GD_YSCALAR)
		value_read(r);
	*out = n;
	return 0;
}

/* Moves the children of the innermost open collection into an array of its own, and closes it. */
static void close_collection(struct reader *r)
{
	struct frame *f = &r->stack[--r->depth];
	size_t n = r->n_kids - f->first;
	struct gd_ynode **kids = n ? r->kids + f->first : NULL; /* r->kids NULL before any */

	if (f->node->kind == GD_YSEQ) {
		f->node->n_items = n;
		f->node->items = gd_arena_alloc(&r->t->arena, n * sizeof(*kids));
		if (n)
			memcpy(f->node->items, kids, n * sizeof(*kids));
	} else {
		struct gd_ypair *pairs = gd_arena_alloc(&r->t->arena, n / 2 * sizeof(*pairs));
		for (size_t i = 0; i < n / 2; i++) {
			pairs[i].key = kids[2 * i];
			pairs[i].value = kids[2 * i + 1];
		}
		f->node->pairs = pairs;
		f->node->n_pairs = n / 2;
	}
	r->n_kids = f->first;
	value_read(r);
}

/* Handles one event; returns 0 to go on, 1 at the end of the stream, 2 on error. */
static int on_event(struct reader *r, const yaml_event_t *ev)
{
	struct gd_ynode *n;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++r->documents > 1)
			return fail_at(
			    r, &ev->start_mark, "yaml-syntax",
			    "more than one YAML document; a description is one document");
		return 0;
	case YAML_ALIAS_EVENT:
		return fail_at(r, &ev->start_mark, "yaml-alias",
		               "YAML anchors and aliases are not supported: write each value out");
	case YAML_SCALAR_EVENT:
		return add_node(r, ev, GD_YSCALAR, &n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (r->depth == GD_YTREE_MAX_DEPTH)
			return fail_at(r, &ev->start_mark, "yaml-too-deep",
			               "nesting deeper than 64 levels");
		if (add_node(r, ev, ev->type == YAML_MAPPING_START_EVENT ? GD_YMAP : GD_YSEQ, &n))
			return 2;
		r->stack[r->depth].node = n;
		r->stack[r->depth].first = r->n_kids;
		r->depth++;
		if (in_root_list(r))
			r->list_start = gd_arena_mark(&r->t->arena);
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(r);
		return 0;
	case YAML_STREAM_END_EVENT:
		return 1;
	default:
		return 0;
	}
}

int gd_ytree_parse_each(const char *file, const char *text, size_t len, struct gd_ytree *t,
                        struct gd_diags *d, gd_ytree_each_fn *each, gd_ytree_item_fn *item,
                        void *arg)
{
	struct reader r = {
	    .t = t, .d = d, .text = text, .len = len, .each = each, .item = item, .arg = arg};
	yaml_parser_t ps;
	int status = 0;

	t->file = file;
	t->root = NULL;
	t->top = (struct gd_ynode){0};
	if (gd_text_check(file, text, len, d))
		return 2;
	if (!yaml_parser_initialize(&ps)) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	yaml_parser_set_encoding(&ps, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&ps, (const unsigned char *)text, len);
	while (status == 0) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&ps, &ev)) {
			status = parser_error(&r, &ps);
			break;
		}
		status = on_event(&r, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&ps);
	free(r.kids);
	return status == 1 ? 0 : status;
}

int gd_ytree_parse(const char *file, const char *text, size_t len, struct gd_ytree *t,
                   struct gd_diags *d)
{
	return gd_ytree_parse_each(file, text, len, t, d, NULL, NULL, NULL);
}

int gd_ytree_read(const char *path, struct gd_ytree *t, struct gd_diags *d)
{
	char *text;
	size_t len;
	int status = gd_text_file_read(path, &text, &len, d);

	if (status)
		return status;
	status = gd_ytree_parse(path, text, len, t, d);
	free(text);
	return status;
}

void gd_ytree_free(struct gd_ytree *t)
{
	gd_arena_free(&t->arena);
	t->root = NULL;
}

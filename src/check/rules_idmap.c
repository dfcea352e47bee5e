/* SPDX-License-Identifier: MIT */
/* Rules over the ID mappings of each node, without following them (no routes). */
#include "check/rule.h"

#include <stdio.h>

#define ID_SPACE (UINT64_C(1) << 32)

/* Calls @fn for every ranged (not single) ID mapping of every node of @c->p. */
static void each_ranged_map(struct gd_check_ctx *c,
                            void (*fn)(struct gd_check_ctx *c, const struct gd_node *n,
                                       const struct gd_id_map *m))
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++)
		for (size_t k = 0; k < n->n_maps; k++)
			if (!n->maps[k].single)
				fn(c, n, &n->maps[k]);
}

static void zero_count(struct gd_check_ctx *c, const struct gd_node *n, const struct gd_id_map *m)
{
	if (m->count == 0)
		gd_check_report(c, &m->loc,
		                "ID mapping of %s at input %s 0x%04x maps 0 IDs (the number of "
		                "IDs must be at least 1)",
		                n->name, gd_check_id_word(n->kind, 1), (unsigned)m->input_base);
}

void gd_rule_id_map_zero_count(struct gd_check_ctx *c)
{
	each_ranged_map(c, zero_count);
}

static void overflow(struct gd_check_ctx *c, const struct gd_node *n, const struct gd_id_map *m)
{
	char in[GD_RANGE_BUF], out[GD_RANGE_BUF];
	const char *out_ids = m->output ? gd_check_id_name(m->output->kind) : "IDs";

	if (m->count > ID_SPACE || m->input_base + m->count > ID_SPACE)
		gd_check_report(c, &m->loc, "input %s %s of %s run past 0xffffffff",
		                gd_check_id_name(n->kind),
		                gd_check_range(in, m->input_base, m->count), n->name);
	else if (m->output_base + m->count > ID_SPACE)
		gd_check_report(c, &m->loc, "%s %s of %s map to %s %s, past 0xffffffff",
		                gd_check_id_name(n->kind),
		                gd_check_range(in, m->input_base, m->count), n->name, out_ids,
		                gd_check_range(out, m->output_base, m->count));
}

void gd_rule_id_map_overflow(struct gd_check_ctx *c)
{
	each_ranged_map(c, overflow);
}

/*
 * True when ranged mappings @a and @b overlap on exactly one ID, the last of
 * @a and the input base of @b, and @a holds more than one ID: what "number of
 * IDs" written where IORT wants number minus one looks like (Linux
 * iort_id_map() -EAGAIN work-around; rule id-map-count-off-by-one).
 */
static bool off_by_one(const struct gd_id_map *a, const struct gd_id_map *b)
{
	return a->count >= 2 && a->input_base + a->count - 1 == b->input_base &&
	       b->input_base > a->input_base;
}

/* The ranged mappings of @n (not single, not of 0 IDs) by input base, in *@out; their number. */
static size_t ranged_by_input_base(struct gd_check_ctx *c, const struct gd_node *n,
                                   struct gd_check_keyed **out)
{
	struct gd_check_keyed *v = gd_arena_alloc(c->tmp, n->n_maps * sizeof(*v));
	size_t m = 0;
	for (size_t k = 0; k < n->n_maps; k++)
		if (!n->maps[k].single && n->maps[k].count)
			v[m++] = (struct gd_check_keyed){n->maps[k].input_base, k};
	gd_check_sort(v, m);
	*out = v;
	return m;
}

static uint64_t map_end_at(const void *arg, size_t k)
{
	const struct gd_id_map *m = &((const struct gd_node *)arg)->maps[k];
	return m->input_base + m->count;
}

/*
 * Reports mappings @k and @reach of node @arg, whose input ranges overlap,
 * except an overlap of one ID of the off_by_one() shape, which rule
 * id-map-count-off-by-one reports.
 */
static void map_overlap(struct gd_check_ctx *c, const void *arg, size_t k, size_t reach)
{
	const struct gd_node *n = arg;
	const struct gd_id_map *a = &n->maps[k], *r = &n->maps[reach];
	if (off_by_one(r, a))
		return;
	uint64_t end = map_end_at(n, k), reach_end = map_end_at(n, reach);
	uint64_t ov_end = end < reach_end ? end : reach_end;
	const struct gd_id_map *later = a > r ? a : r, *first = a > r ? r : a;
	char ov[GD_RANGE_BUF], r1[GD_RANGE_BUF], r2[GD_RANGE_BUF];
	gd_check_report(c, &later->loc,
	                "ID mappings of %s for %s %s and %s overlap on %s: Linux uses the "
	                "first there (to %s), never the second (to %s)",
	                n->name, gd_check_id_name(n->kind),
	                gd_check_range(r1, first->input_base, first->count),
	                gd_check_range(r2, later->input_base, later->count),
	                gd_check_range(ov, a->input_base, ov_end - a->input_base),
	                first->output_name, later->output_name);
}

/* Reports input ranges of two ranged mappings of @n that overlap (sort by input base, sweep). */
static void overlaps_of(struct gd_check_ctx *c, const struct gd_node *n)
{
	struct gd_check_keyed *v;
	size_t m = ranged_by_input_base(c, n, &v);
	gd_check_overlaps(c, v, m, map_end_at, map_overlap, n);
}

void gd_rule_id_map_overlap(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++)
		overlaps_of(c, n);
}

/* Number of IDs that is a power of two plus one, 2^8 + 1 or more (0x101, 0x10001, ...). */
static bool power_of_two_plus_one(uint64_t count)
{
	uint64_t k = count - 1;
	return count > 0x100 && (k & (k - 1)) == 0;
}

/* The first of the @m sorted keys @v that is @key, or NULL. */
static const struct gd_check_keyed *first_keyed(const struct gd_check_keyed *v, size_t m,
                                                uint64_t key)
{
	size_t lo = 0, hi = m;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m && v[lo].key == key ? &v[lo] : NULL;
}

/*
 * Reports the mappings of @n that look like "number of IDs" written where
 * IORT wants number minus one: one whose last ID starts another (found by
 * binary search among the ranged mappings sorted by input base), else one
 * of 2^k + 1 IDs.
 */
static void off_by_one_of(struct gd_check_ctx *c, const struct gd_node *n)
{
	char r1[GD_RANGE_BUF], r2[GD_RANGE_BUF];
	struct gd_check_keyed *v;
	size_t m = ranged_by_input_base(c, n, &v);
	for (size_t k = 0; k < n->n_maps; k++) {
		const struct gd_id_map *a = &n->maps[k];
		if (a->single || !a->count)
			continue;
		const struct gd_check_keyed *at =
		    a->count >= 2 ? first_keyed(v, m, a->input_base + a->count - 1) : NULL;
		if (at && off_by_one(a, &n->maps[at->idx])) {
			const struct gd_id_map *b = &n->maps[at->idx];
			char tail[160] = "";
			if (a < b) /* written first: first match takes it */
				snprintf(
				    tail, sizeof(tail),
				    ", DT of_map_id() and gicdesc to the first, written before it "
				    "(to %s)",
				    a->output_name);
			gd_check_report(
			    c, &a->loc,
			    "ID mappings of %s for %s %s and %s share %s 0x%04x, the last of the "
			    "first "
			    "and the base of the second: a number of IDs written where IORT wants "
			    "number minus one? Linux iort_id_map() gives that ID to the second (to "
			    "%s)%s",
			    n->name, gd_check_id_name(n->kind),
			    gd_check_range(r1, a->input_base, a->count),
			    gd_check_range(r2, b->input_base, b->count),
			    gd_check_id_word(n->kind, 1), (unsigned)b->input_base, b->output_name,
			    tail);
		} else if (power_of_two_plus_one(a->count)) {
			gd_check_report(
			    c, &a->loc,
			    "ID mapping of %s for %s %s holds 0x%llx IDs, a power of two plus one: "
			    "a number of IDs written where IORT wants number minus one (0x%llx)?",
			    n->name, gd_check_id_name(n->kind),
			    gd_check_range(r1, a->input_base, a->count),
			    (unsigned long long)a->count, (unsigned long long)(a->count - 2));
		}
	}
}

void gd_rule_id_map_count_off_by_one(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++)
		off_by_one_of(c, n);
}

/* Reports @m of @n when its output cannot take its IDs; @own: an SMMU's own-MSI mapping. */
static void target_of(struct gd_check_ctx *c, const struct gd_node *n, const struct gd_id_map *m,
                      bool own)
{
	const struct gd_node *t = m->output;

	if (!t)
		gd_check_report(c, &m->loc, "ID mapping of %s outputs to '%s', which is no node",
		                n->name, m->output_name ? m->output_name : "");
	else if (own && t->kind != GD_NODE_ITS)
		gd_check_report(c, &m->loc,
		                "the own-MSI mapping of %s outputs to %s (%s): it must name an ITS",
		                n->name, t->name, gd_node_kind_name(t->kind));
	else if (t->kind == GD_NODE_ROOT_COMPLEX || t->kind == GD_NODE_NAMED_COMPONENT)
		gd_check_report(c, &m->loc,
		                "ID mapping of %s outputs to %s (%s), which takes no input IDs "
		                "(only an SMMU or an ITS does)",
		                n->name, t->name, gd_node_kind_name(t->kind));
	else if (n->kind == GD_NODE_SMMU && t->kind == GD_NODE_SMMU)
		gd_check_report(c, &m->loc,
		                "%s %s maps StreamIDs to %s, another SMMU: SMMU ID mappings "
		                "output DeviceIDs to an ITS",
		                gd_node_what(n), n->name, t->name);
}

void gd_rule_id_map_target_kind(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		if (gd_node_is_sink(n->kind) && n->n_maps) {
			gd_check_report(c, &n->maps[0].loc,
			                "%s (%s) is where IDs end: it takes no ID mappings",
			                n->name, gd_node_kind_name(n->kind));
			continue;
		}
		for (size_t k = 0; k < n->n_maps; k++)
			target_of(c, n, &n->maps[k], false);
	}
	for (size_t i = 0; i < c->p->n_smmus; i++)
		if (c->p->smmus[i]->own_msi)
			target_of(c, &c->p->smmus[i]->node, c->p->smmus[i]->own_msi, true);
}

void gd_rule_single_mapping_kind(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_smmus; i++) {
		const struct gd_smmu *s = c->p->smmus[i];
		for (size_t k = 0; k < s->node.n_maps; k++)
			if (s->node.maps[k].single)
				gd_check_report(
				    c, &s->node.maps[k].loc,
				    "single mapping among the StreamID mappings of %s: "
				    "Linux skips it there; an SMMUv3's own MSIs are its "
				    "own-MSI mapping",
				    s->node.name);
		if (s->own_msi && !s->own_msi->single)
			gd_check_report(c, &s->own_msi->loc,
			                "the own-MSI mapping of %s is not a single mapping "
			                "(Linux: \"Invalid MSI mapping\")",
			                s->node.name);
	}
}

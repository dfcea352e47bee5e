/* SPDX-License-Identifier: MIT */
/* Rules over the ID mappings of each node, without following them (no routes). */
#include "check/rule.h"

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

/* Reports input ranges of two ranged mappings of @n that overlap (sort by input base, sweep). */
static void overlaps_of(struct gd_check_ctx *c, const struct gd_node *n)
{
	struct gd_check_keyed *v = gd_arena_alloc(c->tmp, n->n_maps * sizeof(*v));
	size_t m = 0;
	for (size_t k = 0; k < n->n_maps; k++)
		if (!n->maps[k].single && n->maps[k].count)
			v[m++] = (struct gd_check_keyed){n->maps[k].input_base, k};
	gd_check_sort(v, m);

	const struct gd_id_map *reach = NULL; /* the mapping that ends last so far */
	for (size_t k = 0; k < m; k++) {
		const struct gd_id_map *a = &n->maps[v[k].idx];
		uint64_t end = a->input_base + a->count;
		if (reach && a->input_base < reach->input_base + reach->count) {
			uint64_t reach_end = reach->input_base + reach->count;
			uint64_t ov_end = end < reach_end ? end : reach_end;
			const struct gd_id_map *later = a > reach ? a : reach;
			const struct gd_id_map *first = a > reach ? reach : a;
			char ov[GD_RANGE_BUF], r1[GD_RANGE_BUF], r2[GD_RANGE_BUF];
			gd_check_report(
			    c, &later->loc,
			    "ID mappings of %s for %s %s and %s overlap on %s: Linux uses the "
			    "first there (to %s), never the second (to %s)",
			    n->name, gd_check_id_name(n->kind),
			    gd_check_range(r1, first->input_base, first->count),
			    gd_check_range(r2, later->input_base, later->count),
			    gd_check_range(ov, a->input_base, ov_end - a->input_base),
			    first->output_name, later->output_name);
		}
		if (!reach || end > reach->input_base + reach->count)
			reach = a;
	}
}

void gd_rule_id_map_overlap(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++)
		overlaps_of(c, n);
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
		                "(only an SMMUv3 or an ITS does)",
		                n->name, t->name, gd_node_kind_name(t->kind));
	else if (n->kind == GD_NODE_SMMU && t->kind == GD_NODE_SMMU)
		gd_check_report(
		    c, &m->loc,
		    "SMMUv3 %s maps StreamIDs to %s, another SMMUv3: SMMUv3 ID mappings "
		    "output DeviceIDs to an ITS",
		    n->name, t->name);
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

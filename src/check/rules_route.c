/* SPDX-License-Identifier: MIT */
/* Rules over the outcome of each route: does every input ID reach an ITS? */
#include "check/rule.h"

#include <string.h>

/* The node where route @r stopped (its last hop), or its source when it has no hops. */
static const struct gd_node *last_node(const struct gd_route *r)
{
	return r->n_hops ? r->hops[r->n_hops - 1].node : r->source;
}

/* True when @r stopped at a node that is no MSI controller and has no mappings to go on. */
static bool ends_at_dead_end(const struct gd_route *r)
{
	const struct gd_node *n = last_node(r);
	if (r->status == GD_ROUTE_OK)
		return !r->sink || !gd_node_is_sink(r->sink->kind);
	return r->status == GD_ROUTE_UNMAPPED && r->n_hops > 1 && !gd_node_is_sink(n->kind) &&
	       n->n_maps == 0;
}

/*
 * True when @r ends at an SMMU that has no ID mapping at all: the way IORT
 * E.e §3.1.1.3/§3.1.1.5 says that the StreamIDs it takes serve DMA
 * translation only. Linux's iort_node_map_id() then finds no ITS and the
 * device gets no MSI domain, without complaint.
 */
static bool ends_at_dma_only_smmu(const struct gd_route *r)
{
	return r->status == GD_ROUTE_UNMAPPED && ends_at_dead_end(r) &&
	       last_node(r)->kind == GD_NODE_SMMU;
}

void gd_rule_route_cycle(struct gd_check_ctx *c)
{
	char src[160], path[512];

	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		if (r->status != GD_ROUTE_CYCLE)
			continue;
		size_t len = 0;
		path[0] = '\0';
		for (size_t h = 0; h < r->n_hops && len < sizeof(path); h++) {
			int w = snprintf(path + len, sizeof(path) - len, "%s%s", h ? " -> " : "",
			                 r->hops[h].node->name);
			len += w > 0 ? (size_t)w : 0;
		}
		gd_check_route_source(r, src, sizeof(src));
		gd_check_report(c, &r->source->loc, "%s %s round in a loop of ID mappings: %s", src,
		                gd_check_verb(r, "go", "goes"), path);
	}
}

/*
 * True for RIDs of a root complex whose bus range the input does not state
 * (IORT without MCFG) that lie below its first ID mapping or above its last:
 * buses it may not have, so no finding may rest on them. A root complex with
 * no ID mapping has no such RIDs: whatever buses it has are unmapped.
 */
static bool outside_assumed_buses(const struct gd_route *r)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)r->source);
	if (!rc || !rc->bus_range_assumed || last_node(r) != r->source)
		return false;
	uint64_t lo = UINT64_MAX, hi = 0;
	for (size_t i = 0; i < rc->node.n_maps; i++) {
		const struct gd_id_map *m = &rc->node.maps[i];
		if (m->single)
			continue;
		lo = m->input_base < lo ? m->input_base : lo;
		hi = m->input_base + m->count > hi ? m->input_base + m->count : hi;
	}
	/* with no ID mapping at all, every bus it has is unmapped, whichever they are */
	return lo < hi && (r->input_base + r->count <= lo || r->input_base >= hi);
}

void gd_rule_route_unmapped(struct gd_check_ctx *c)
{
	char src[160], at[GD_RANGE_BUF];

	for (size_t i = 0; i < c->routes->n; i++) {
		struct gd_route r0 = c->routes->v[i], *r = &r0;
		if (r->status != GD_ROUTE_UNMAPPED || outside_assumed_buses(r) ||
		    (ends_at_dead_end(r) &&
		     !(ends_at_dma_only_smmu(r) && r->source->kind == GD_NODE_ROOT_COMPLEX)))
			continue;
		const struct gd_node *n = last_node(r);
		/*
		 * Behind an msi-map-mask the masked RIDs a source leaves unmapped
		 * lie apart (0x0200, 0x0300, ... under 0xff00): one report for a
		 * run of them.
		 */
		for (const struct gd_route *x; n == r->source && i + 1 < c->routes->n &&
		                               gd_route_input_id(r, UINT32_MAX) != UINT32_MAX &&
		                               (x = &c->routes->v[i + 1])->source == r->source &&
		                               x->status == GD_ROUTE_UNMAPPED && last_node(x) == n;
		     i++)
			r0.count = (uint64_t)x->input_base + x->count - r0.input_base;
		gd_check_route_source(r, src, sizeof(src));
		char why[200];
		if (n == r->source)
			snprintf(why, sizeof(why), "no ID mapping covers them");
		else
			snprintf(why, sizeof(why), "no ID mapping of %s covers %s %s", n->name,
			         gd_check_id_word(n->kind, r->count),
			         gd_check_range(at, r->hops[r->n_hops - 1].base, r->count));
		if (r->source->kind == GD_NODE_ROOT_COMPLEX && !r->single &&
		    gd_route_input_id(r, UINT32_MAX) == UINT32_MAX)
			gd_check_report(c, &r->source->loc,
			                "%s %s no ITS (%s): devices on buses 0x%02x-0x%02x get "
			                "no MSI domain",
			                src, gd_check_verb(r, "reach", "reaches"), why,
			                (unsigned)(r->input_base >> 8),
			                (unsigned)((r->input_base + r->count - 1) >> 8));
		else
			gd_check_report(c, &r->source->loc, "%s %s no ITS (%s)", src,
			                gd_check_verb(r, "reach", "reaches"), why);
	}
}

void gd_rule_route_no_its(struct gd_check_ctx *c)
{
	char src[160];

	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		if (!ends_at_dead_end(r) || ends_at_dma_only_smmu(r))
			continue;
		const struct gd_node *n =
		    r->status == GD_ROUTE_OK && r->sink ? r->sink : last_node(r);
		gd_check_route_source(r, src, sizeof(src));
		gd_check_report(c, &r->source->loc,
		                "%s %s at %s (%s) with no ID mappings onwards: it is no MSI "
		                "controller (an ITS)",
		                src, gd_check_verb(r, "end", "ends"), n->name, gd_node_what(n));
	}
}

void gd_rule_route_dma_only(struct gd_check_ctx *c)
{
	char src[160];

	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		if (!ends_at_dma_only_smmu(r) || r->source->kind == GD_NODE_ROOT_COMPLEX)
			continue;
		const struct gd_node *n = last_node(r);
		gd_check_route_source(r, src, sizeof(src));
		gd_check_report(c, &r->source->loc,
		                "%s %s at %s (%s), which has no ID mapping: DMA translation "
		                "only, no MSI domain; if the device raises MSIs, give %s an ID "
		                "mapping to an ITS group",
		                src, gd_check_verb(r, "end", "ends"), n->name, gd_node_what(n),
		                n->name);
	}
}

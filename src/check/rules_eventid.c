/* SPDX-License-Identifier: MIT */
/*
 * EventID budgets (GIC architecture IHI 0069 §5.2, the ITS: each DeviceID has
 * one interrupt translation table of 2^event-id-bits entries,
 * GITS_TYPER.ID_bits + 1). Every MSI a device sends and every slot of its own
 * interrupt message store (IMS) is one EventID of its DeviceID; devices that
 * share a DeviceID (DMA aliases, components on one single mapping) share the
 * table, so their budgets add up.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/rule.h"

/* EventIDs one DeviceID of the route's source uses: 0 when the description does not say. */
static uint64_t budget_of(const struct gd_route *r)
{
	struct gd_node *n = (struct gd_node *)r->source;
	const struct gd_named_component *nc = gd_node_as_nc(n);
	const struct gd_root_complex *rc = gd_node_as_rc(n);
	if (nc && r->single)
		return (uint64_t)nc->events + nc->ims_slots;
	if (rc && !r->single)
		return (uint64_t)rc->msis + rc->ims_slots;
	return 0;
}

/* Writes what one DeviceID of @r's source uses, e.g. "dma0 (32 MSIs, 64 IMS slots)". */
static void describe(const struct gd_route *r, char *buf, size_t size)
{
	struct gd_node *n = (struct gd_node *)r->source;
	const struct gd_named_component *nc = gd_node_as_nc(n);
	const struct gd_root_complex *rc = gd_node_as_rc(n);
	uint32_t msis = nc ? nc->events : rc->msis, ims = nc ? nc->ims_slots : rc->ims_slots;
	char range[GD_RANGE_BUF];
	if (nc)
		snprintf(buf, size, "%s (%" PRIu32 " MSIs", n->name, msis);
	else
		snprintf(buf, size, "each function of %s, RIDs %s (%" PRIu32 " MSIs", n->name,
		         gd_check_range(range, r->input_base, r->count), msis);
	size_t len = strnlen(buf, size);
	if (ims && len < size)
		snprintf(buf + len, size - len, ", %" PRIu32 " IMS slots", ims);
	len = strnlen(buf, size);
	if (len < size)
		snprintf(buf + len, size - len, ")");
}

/* A start (+weight) or end (-weight) of a route's DeviceIDs at one ITS. */
struct edge {
	uint64_t pos; /* its index << 33 | DeviceID (the end may be 2^32) */
	int64_t delta;
	size_t route;
};

static int cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	if (x->delta != y->delta)
		return x->delta < y->delta ? -1 : 1; /* ends before starts */
	return x->route < y->route ? -1 : x->route > y->route;
}

/* Index of the ITS @sink in the platform (a deterministic sort key). */
static uint64_t its_index(const struct gd_platform *p, const struct gd_node *sink)
{
	size_t k = 0;
	while (k < p->n_its && &p->its[k]->node != sink)
		k++;
	return k;
}

/* Reports DeviceIDs [lo, hi) of @its whose routes (active at lo) need @sum EventIDs. */
static void report(struct gd_check_ctx *c, const struct gd_its *its, uint64_t lo, uint64_t hi,
                   uint64_t sum, const struct gd_route *const *active, size_t n_active)
{
	char who[512] = "", one[200], ids[GD_RANGE_BUF];
	size_t len = 0;
	for (size_t i = 0; i < n_active && len < sizeof(who); i++) {
		describe(active[i], one, sizeof(one));
		snprintf(who + len, sizeof(who) - len, "%s%s", i ? " and " : "", one);
		len = strnlen(who, sizeof(who));
	}
	uint64_t limit = UINT64_C(1) << (its->event_id_bits > 32 ? 32 : its->event_id_bits);
	gd_check_report(c, &active[n_active - 1]->source->loc,
	                "%s %s %s %s of %s: %" PRIu64 " EventIDs per DeviceID, but %s has %u "
	                "EventID bits (at most %" PRIu64 ")",
	                who, n_active > 1 ? "share" : "uses",
	                gd_check_id_word(GD_NODE_ITS, hi - lo), gd_check_range(ids, lo, hi - lo),
	                its->node.name, sum, its->node.name, (unsigned)its->event_id_bits, limit);
}

void gd_rule_event_id_budget(struct gd_check_ctx *c)
{
	const struct gd_routes *rs = c->routes;
	size_t cap = 2 * rs->n + 1, n = 0;
	struct edge *e = gd_arena_alloc(c->tmp, cap * sizeof(*e));
	for (size_t i = 0; i < rs->n; i++) {
		const struct gd_route *r = &rs->v[i];
		uint64_t w = budget_of(r);
		if (r->status != GD_ROUTE_OK || r->sink->kind != GD_NODE_ITS || !w)
			continue;
		/* RIDs declared unpopulated have no device, so they take no EventIDs. */
		struct gd_id_range *run;
		size_t runs = gd_check_populated(r, c->tmp, &run);
		uint64_t at = its_index(c->p, r->sink) << 33;
		if (n + 2 * runs > cap) {
			cap = 2 * (cap + 2 * runs);
			struct edge *more = gd_arena_alloc(c->tmp, cap * sizeof(*e));
			memcpy(more, e, n * sizeof(*e));
			e = more;
		}
		for (size_t k = 0; k < runs; k++) {
			uint64_t out = (uint64_t)r->output_base + (run[k].base - r->input_base);
			e[n++] = (struct edge){at | out, (int64_t)w, i};
			e[n++] = (struct edge){at | (out + run[k].count), -(int64_t)w, i};
		}
	}
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_edge);
	const struct gd_route **active = gd_arena_alloc(c->tmp, (n / 2 + 1) * sizeof(*active));
	size_t n_active = 0;
	uint64_t sum = 0, mask = (UINT64_C(1) << 33) - 1;
	bool was_over = false, joined = false;
	for (size_t k = 0; k < n; k++) {
		const struct gd_route *r = &rs->v[e[k].route];
		if (e[k].delta < 0) {
			for (size_t j = 0; j < n_active; j++)
				if (active[j] == r) {
					active[j] = active[--n_active];
					break;
				}
		} else {
			active[n_active++] = r;
			joined = true;
		}
		sum = (uint64_t)((int64_t)sum + e[k].delta);
		if (k + 1 < n && e[k + 1].pos == e[k].pos)
			continue; /* the segment starts after the last edge at this ID */
		const struct gd_its *its = gd_node_as_its((struct gd_node *)r->sink);
		uint64_t limit = UINT64_C(1) << (its->event_id_bits > 32 ? 32 : its->event_id_bits);
		bool over = sum > limit && k + 1 < n;
		/* One report per over-budget stretch, and again when a device joins it. */
		if (over && (!was_over || joined))
			report(c, its, e[k].pos & mask, e[k + 1].pos & mask, sum, active, n_active);
		was_over = over;
		joined = false;
	}
}

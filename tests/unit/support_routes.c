/* SPDX-License-Identifier: MIT */
#include "support_routes.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int by_source(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct gd_route_span *)a)->source;
	uintptr_t y = (uintptr_t)((const struct gd_route_span *)b)->source;
	return (x > y) - (x < y);
}

/* Makes r->spans anew, as gd_resolve() does: one per run of routes of one source. */
static void index_spans(struct gd_routes *r)
{
	r->spans = gd_arena_alloc(&r->arena, r->n * sizeof(*r->spans));
	r->n_spans = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (!r->n_spans || r->spans[r->n_spans - 1].source != r->v[i].source)
			r->spans[r->n_spans++] =
			    (struct gd_route_span){.source = r->v[i].source, .first = i};
		r->spans[r->n_spans - 1].n++;
		r->spans[r->n_spans - 1].n_single += r->v[i].single;
	}
	qsort(r->spans, r->n_spans, sizeof(*r->spans), by_source);
}

struct gd_route *support_route(struct gd_routes *r, const struct gd_node *source,
                               uint32_t input_base, uint64_t count, bool single)
{
	struct gd_route *rt = GD_ARRAY_PUSH(&r->arena, r->v, r->n, r->cap);
	rt->source = source;
	rt->input_base = input_base;
	rt->count = single ? 1 : count;
	rt->single = single;
	rt->hops = gd_arena_alloc(&r->arena, SUPPORT_MAX_HOPS * sizeof(*rt->hops));
	rt->hops[0].node = source;
	rt->hops[0].base = input_base;
	rt->n_hops = 1;
	index_spans(r);
	return rt;
}

void support_hop(struct gd_route *rt, const struct gd_id_map *map, const struct gd_node *node,
                 uint32_t base)
{
	if (rt->n_hops == SUPPORT_MAX_HOPS) {
		fprintf(stderr, "support_hop: more than %d hops\n", SUPPORT_MAX_HOPS);
		abort();
	}
	rt->hops[rt->n_hops - 1].map = map;
	rt->hops[rt->n_hops].node = node;
	rt->hops[rt->n_hops].base = base;
	rt->n_hops++;
}

void support_end(struct gd_route *rt, enum gd_route_status status)
{
	rt->status = status;
	if (status == GD_ROUTE_OK) {
		rt->sink = rt->hops[rt->n_hops - 1].node;
		rt->output_base = rt->hops[rt->n_hops - 1].base;
	}
}

void support_routes_qemu_virt(const struct gd_platform *p, struct gd_routes *r)
{
	const struct gd_node *pcie0 = &p->rcs[0]->node;
	struct gd_route *rt = support_route(r, pcie0, 0, 0x10000, false);
	support_hop(rt, &pcie0->maps[0], &p->its[0]->node, 0);
	support_end(rt, GD_ROUTE_OK);
}

void support_routes_qemu_virt_smmuv3(const struct gd_platform *p, struct gd_routes *r)
{
	const struct gd_node *pcie0 = &p->rcs[0]->node, *smmu0 = &p->smmus[0]->node;
	struct gd_route *rt = support_route(r, pcie0, 0, 0x10000, false);
	support_hop(rt, &pcie0->maps[0], smmu0, 0);
	support_hop(rt, &smmu0->maps[0], &p->its[0]->node, 0);
	support_end(rt, GD_ROUTE_OK);
}

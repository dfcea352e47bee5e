/* SPDX-License-Identifier: MIT */
#include "support_routes.h"

struct gd_route *routes_add(struct gd_routes *r, struct gd_node *source, uint32_t input_base,
                            uint64_t count, bool single, struct gd_node *sink, uint32_t output_base)
{
	struct gd_route *rt = GD_ARRAY_PUSH(&r->arena, r->v, r->n, r->cap);
	rt->source = source;
	rt->input_base = input_base;
	rt->count = count;
	rt->single = single;
	rt->status = sink ? GD_ROUTE_OK : GD_ROUTE_UNMAPPED;
	rt->sink = sink;
	rt->output_base = output_base;
	rt->n_hops = sink ? 2 : 1;
	rt->hops = gd_arena_alloc(&r->arena, rt->n_hops * sizeof(*rt->hops));
	rt->hops[0] = (struct gd_hop){.node = source, .base = input_base};
	if (sink)
		rt->hops[1] = (struct gd_hop){.node = sink, .base = output_base};
	return rt;
}

void routes_qemu_virt(const struct gd_platform *p, struct gd_routes *r)
{
	routes_add(r, &p->rcs[0]->node, 0, 0x10000, false, &p->its[0]->node, 0);
}

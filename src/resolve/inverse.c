/* SPDX-License-Identifier: MIT */
/*
 * The inverse lookup: which sources reach one ID of one node (resolve.h
 * gd_routes_reaching()), to answer an ITS's or SMMU's complaint about a
 * DeviceID or StreamID from the log line alone.
 */
#include "resolve/resolve.h"

/* True when hop @h of a route of @count IDs holds @id. */
static bool hop_holds(const struct gd_hop *h, uint64_t count, uint32_t id)
{
	return id >= h->base && (uint64_t)(id - h->base) < count;
}

size_t gd_routes_reaching(const struct gd_routes *r, const struct gd_node *node, bool has_id,
                          uint32_t id,
                          void (*fn)(void *arg, const struct gd_route *route, uint32_t input_id),
                          void *arg)
{
	bool no_ids = gd_node_is_sink(node->kind) && node->kind != GD_NODE_ITS;
	size_t found = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct gd_route *route = &r->v[i];
		for (size_t k = 1; k < route->n_hops; k++) {
			const struct gd_hop *h = &route->hops[k];
			if (h->node != node)
				continue;
			if (no_ids || !has_id) {
				fn(arg, route, route->input_base);
				found++;
			} else if (hop_holds(h, route->count, id)) {
				fn(arg, route, route->input_base + (id - h->base));
				found++;
			}
			break;
		}
	}
	return found;
}

/* SPDX-License-Identifier: MIT */
/*
 * resolve.h - the interrupt-routing resolver: pushes ID intervals from every
 * source through the ID mappings of the model to a sink.
 *
 * Sources: each root complex (its RID space, from its bus range), each named
 * component (its single mapping, or the input ranges of its mappings), and
 * each SMMU's own MSI. Sinks: ITS (DeviceID).
 *
 * An interval is split only where the mapping that applies changes, so the
 * cost grows with the number of ID mappings, not with the size of ID spaces
 * (n log n in the mappings). Mapping lookup follows Linux's of_map_id() and
 * iort_node_map_id(): the first mapping whose input range contains the ID wins.
 */
#ifndef GD_RESOLVE_RESOLVE_H
#define GD_RESOLVE_RESOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "model/platform.h"

/* Outcome of one route. */
enum gd_route_status {
	GD_ROUTE_OK,       /* reached an ITS: sink and output_base are the DeviceIDs */
	GD_ROUTE_UNMAPPED, /* no mapping of the last hop's node covers the interval */
	GD_ROUTE_OVERFLOW, /* output_base + count of a mapping exceeds 2^32 */
	GD_ROUTE_CYCLE,    /* the path returned to a node it had passed */
};

/*
 * One hop of a route: the interval [base, base + route.count) in the ID space
 * of @node, and the mapping @map that took it onwards (NULL at the last hop).
 */
struct gd_hop {
	const struct gd_node *node;
	uint32_t base;
	const struct gd_id_map *map;
};

/*
 * A route: input IDs [input_base, input_base + count) of @source travel
 * through hops[0] (the source itself) .. hops[n_hops - 1] (the sink, or the
 * node where the route stopped). For GD_ROUTE_OK, sink is hops[n-1].node and
 * output_base == hops[n-1].base. Single mappings have count 1.
 */
struct gd_route {
	const struct gd_node *source;
	uint32_t input_base;
	uint64_t count;
	bool single; /* the source's own ID (single mapping) */
	enum gd_route_status status;
	const struct gd_node *sink; /* NULL unless GD_ROUTE_OK */
	uint32_t output_base;
	struct gd_hop *hops;
	size_t n_hops;
};

/* All routes of a platform, sorted by source (model order) then input_base. */
struct gd_routes {
	struct gd_route *v;
	size_t n, cap;
	struct gd_arena arena; /* owns v and the hop arrays */
};

/*
 * Resolves every source of @p into @out (zero-initialised by the caller).
 * Returns 0; routes that fail carry their status (rules report them).
 * Depth is bounded by the number of nodes (a longer path is a cycle).
 */
int gd_resolve(const struct gd_platform *p, struct gd_routes *out);

/* Frees @r. */
void gd_routes_free(struct gd_routes *r);

#endif

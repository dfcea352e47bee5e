/* SPDX-License-Identifier: MIT */
/*
 * support_routes.h - routes written by hand, as src/resolve/resolve.h says
 * the resolver makes them, so that the rules are tested without the resolver.
 * Every route here is worked out by hand from the fixture's ID mappings.
 */
#ifndef GD_TEST_ROUTES_H
#define GD_TEST_ROUTES_H

#include "model/platform.h"
#include "resolve/resolve.h"

/* Most hops a hand-made route may have. */
#define SUPPORT_MAX_HOPS 8

/*
 * Appends a route of @source's input IDs [input_base, input_base + count)
 * (@single: the source's own ID, count 1) with hops[0] = the source at
 * input_base; add further hops with support_hop(), then support_end().
 * Routes of one source are appended one after the other; r->spans is made
 * anew for gd_routes_of(). The pointer is valid until the next
 * support_route() on @r.
 */
struct gd_route *support_route(struct gd_routes *r, const struct gd_node *source,
                               uint32_t input_base, uint64_t count, bool single);

/* Sets the mapping that took the last hop onwards and appends a hop at @node, IDs from @base. */
void support_hop(struct gd_route *rt, const struct gd_id_map *map, const struct gd_node *node,
                 uint32_t base);

/* Sets the route's status; for GD_ROUTE_OK, sink and output_base come from the last hop. */
void support_end(struct gd_route *rt, enum gd_route_status status);

/* The routes of fixture_qemu_virt(): pcie0 RIDs 0x0000-0xffff -> its0 DeviceIDs 0x0000-0xffff. */
void support_routes_qemu_virt(const struct gd_platform *p, struct gd_routes *r);

/*
 * The routes of fixture_qemu_virt_smmuv3(): pcie0 RIDs 0x0000-0xffff ->
 * smmu0 StreamIDs 0x0000-0xffff -> its0 DeviceIDs 0x0000-0xffff.
 */
void support_routes_qemu_virt_smmuv3(const struct gd_platform *p, struct gd_routes *r);

#endif

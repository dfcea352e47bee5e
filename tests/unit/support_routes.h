/* SPDX-License-Identifier: MIT */
/*
 * support_routes.h - routes written by hand for back-end tests, so that the
 * emitters are tested without the resolver: each route states its source,
 * input IDs and the ITS DeviceIDs it reaches, as worked out by the test's
 * author from QEMU's own tables.
 */
#ifndef GD_TEST_ROUTES_H
#define GD_TEST_ROUTES_H

#include "resolve/resolve.h"

/*
 * Appends a route: input IDs [input_base, input_base + count) of @source reach
 * @sink's DeviceIDs from @output_base (status GD_ROUTE_OK), or stop
 * (GD_ROUTE_UNMAPPED) when @sink is NULL. Hops are the source and the sink.
 */
struct gd_route *routes_add(struct gd_routes *r, struct gd_node *source, uint32_t input_base,
                            uint64_t count, bool single, struct gd_node *sink,
                            uint32_t output_base);

/* The routes of fixture_qemu_virt() / fixture_qemu_virt_smmuv3(): RID 0..0xFFFF -> DeviceID
 * 0..0xFFFF. */
void routes_qemu_virt(const struct gd_platform *p, struct gd_routes *r);

#endif

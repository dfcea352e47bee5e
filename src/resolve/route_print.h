/* SPDX-License-Identifier: MIT */
/*
 * route_print.h - one route as one line of text, hop by hop, each interval
 * named by its node's ID space: root complex "RID", SMMU "StreamID", ITS
 * "DeviceID", named component "ID". Serves `gicdesc resolve` and the
 * messages of `gicdesc check`.
 */
#ifndef GD_RESOLVE_ROUTE_PRINT_H
#define GD_RESOLVE_ROUTE_PRINT_H

#include "resolve/resolve.h"
#include "util/buf.h"

/*
 * Appends @r to @out (no newline, no NUL), IDs in lower-case hex of at least
 * four digits, an interval as "FIRST-LAST" and a single ID alone:
 *   pcie0 RID 0x0000-0xffff -> smmu0 StreamID 0x0000-0xffff -> its0 DeviceID 0x10000-0x1ffff
 *   pcie0 RID 0x0100 -> its0 DeviceID 0x0100
 * Hop 0 of a single route reads "dma0 (single mapping)". A route that did not
 * reach an ITS ends in "-> (unmapped at smmu0)", "-> (cycle at smmu0)" or
 * "-> (overflow at pcie0: output base 0xffffff80 + 0x100 IDs > 2^32)".
 */
void gd_route_format(const struct gd_route *r, struct gd_buf *out);

/*
 * Appends @r narrowed to the one input ID @id of its source (a RID is
 * masked first, gd_route_input_id()), as gd_route_format() prints it.
 */
void gd_route_format_one(const struct gd_route *r, uint32_t id, struct gd_buf *out);

/* The ID space of a node kind: "RID", "StreamID", "DeviceID" or "ID". */
const char *gd_id_space_name(enum gd_node_kind kind);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * resolve_inverse.h - `gicdesc resolve INPUT... TARGET[:ID]` for a target
 * that routes end at or pass: every requester that reaches one DeviceID of
 * an ITS, one StreamID of an SMMU, or one INTID of a GICv2m frame, MBI or
 * Direct LPI, to answer "ITS MAPD: invalid device ID" from the log line.
 */
#ifndef GD_CLI_RESOLVE_INVERSE_H
#define GD_CLI_RESOLVE_INVERSE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/buf.h"

/* True when `resolve` looks @node up backwards: a sink, or an SMMU given a StreamID. */
bool gd_resolve_is_inverse(const struct gd_node *node, bool has_id);

/*
 * Appends to @out one line per route of @routes that reaches ID @id of
 * @target (every route reaching it without @has_id), narrowed to that ID
 * where the target takes IDs, or a line saying that nothing reaches it.
 * At a GICv2m frame or MBI the ID is an INTID of its SPIs, which the OS
 * hands out, so every source that reaches the frame is listed; at Direct
 * LPI, the source that owns the LPI. Returns 0, or 1 when nothing reaches it.
 */
int gd_resolve_inverse(const struct gd_routes *routes, const struct gd_node *target, bool has_id,
                       uint32_t id, struct gd_buf *out);

#endif

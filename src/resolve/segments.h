/* SPDX-License-Identifier: MIT */
/*
 * segments.h - the first-match ID mappings of one node as disjoint segments
 * (internal to the resolver).
 *
 * Linux's of_map_id() and iort_node_map_id() give an input ID to the first
 * mapping, in the order written, whose input range contains it. Computed
 * once per node, the segments say which mapping that is for every ID: they
 * are sorted, disjoint, maximal (two segments that meet have different
 * mappings), and IDs between them are unmapped. A node of m mappings has at
 * most 2m - 1 segments; building them costs O(m log m).
 */
#ifndef GD_RESOLVE_SEGMENTS_H
#define GD_RESOLVE_SEGMENTS_H

#include <stddef.h>
#include <stdint.h>

#include "model/platform.h"
#include "util/arena.h"

/* IDs [lo, hi) of a node go through @map (lo < hi <= 2^32). */
struct gd_segment {
	uint64_t lo, hi;
	const struct gd_id_map *map;
};

/* The segments of one node, sorted by lo. */
struct gd_segments {
	struct gd_segment *v;
	size_t n;
};

/*
 * Builds the segments of @node's mappings into @out, in @a. Single mappings,
 * mappings of no IDs and mappings without an output take no part; input
 * ranges are cut at 2^32 (there are no larger IDs).
 */
void gd_segments_build(struct gd_arena *a, const struct gd_node *node, struct gd_segments *out);

/* Index of the first segment of @s with hi > @id (s->n when none). O(log n). */
size_t gd_segments_first(const struct gd_segments *s, uint64_t id);

#endif

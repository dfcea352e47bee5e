/* SPDX-License-Identifier: MIT */
/*
 * mask.h - the IDs a range becomes under an ID mask (internal to the
 * resolver): DT msi-map-mask (pci-msi.txt), which Linux's of_map_id()
 * (drivers/of/base.c) ANDs with a RID before it searches msi-map.
 */
#ifndef GD_RESOLVE_MASK_H
#define GD_RESOLVE_MASK_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* IDs [lo, hi). */
struct gd_id_interval {
	uint64_t lo, hi;
};

/*
 * The image of IDs [@lo, @hi) (hi <= 2^32) under "id & @mask", as sorted,
 * disjoint, maximal intervals allocated in @a; returns their number (0 when
 * lo >= hi). The range is cut into aligned power-of-two blocks (at most 64);
 * a block of 2^k IDs maps to the submasks of mask's low k bits above a fixed
 * prefix, one interval per run, so the cost is the number of intervals
 * produced (bounded by hi - lo), not the size of the range.
 */
size_t gd_mask_image(struct gd_arena *a, uint64_t lo, uint64_t hi, uint32_t mask,
                     struct gd_id_interval **out);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * declared.c - what a description declares of the RIDs of its root complexes
 * (struct gd_id_decl): DMA alias groups and unpopulated RIDs. The rules turn
 * findings a declaration covers into notes (load/facts.c gd_load_lend() gives
 * a YAML description's declarations to the DTB and ACPI inputs beside it).
 */
#include "check/rule.h"

#include <stdio.h>

/* The root complex a route starts at, or NULL (a named component, an SMMU's own MSIs). */
static const struct gd_root_complex *route_rc(const struct gd_route *r)
{
	if (r->single || r->source->kind != GD_NODE_ROOT_COMPLEX)
		return NULL;
	return (const struct gd_root_complex *)r->source; /* the node is the first member */
}

/* True when [base, base + count) lies inside one range of @d. */
static bool holds(const struct gd_id_decl *d, uint32_t base, uint64_t count)
{
	for (size_t i = 0; i < d->n_ranges; i++) {
		const struct gd_id_range *r = &d->ranges[i];
		if (base >= r->base && (uint64_t)base + count <= (uint64_t)r->base + r->count)
			return true;
	}
	return false;
}

const struct gd_id_decl *gd_check_alias_group(const struct gd_route *a, uint32_t in_a,
                                              const struct gd_route *b, uint32_t in_b,
                                              uint64_t count)
{
	const struct gd_root_complex *rc = route_rc(a);
	if (!rc || route_rc(b) != rc)
		return NULL;
	for (size_t i = 0; i < rc->n_dma_aliases; i++)
		if (holds(&rc->dma_aliases[i], in_a, count) &&
		    holds(&rc->dma_aliases[i], in_b, count))
			return &rc->dma_aliases[i];
	return NULL;
}

const struct gd_id_decl *gd_check_unpopulated(const struct gd_route *r, uint32_t in, uint64_t count)
{
	const struct gd_root_complex *rc = route_rc(r);
	for (size_t i = 0; rc && i < rc->n_unpopulated_rids; i++)
		if (holds(&rc->unpopulated_rids[i], in, count))
			return &rc->unpopulated_rids[i];
	return NULL;
}

/*
 * The end of the unpopulated range of @rc that holds ID @at, or 0 when none does;
 * else *@next is lowered to the start of the first such range above @at.
 */
static uint64_t unpopulated_end(const struct gd_root_complex *rc, uint64_t at, uint64_t *next)
{
	for (size_t i = 0; i < rc->n_unpopulated_rids; i++)
		for (size_t k = 0; k < rc->unpopulated_rids[i].n_ranges; k++) {
			const struct gd_id_range *u = &rc->unpopulated_rids[i].ranges[k];
			uint64_t end = (uint64_t)u->base + u->count;
			if (u->base <= at && at < end)
				return end;
			if (u->base > at && u->base < *next)
				*next = u->base;
		}
	return 0;
}

size_t gd_check_populated(const struct gd_route *r, struct gd_arena *arena,
                          struct gd_id_range **runs)
{
	const struct gd_root_complex *rc = route_rc(r);
	size_t cap = 1, n = 0;
	for (size_t i = 0; rc && !rc->has_msi_map_mask && i < rc->n_unpopulated_rids; i++)
		cap += rc->unpopulated_rids[i].n_ranges;
	*runs = gd_arena_alloc(arena, cap * sizeof(**runs));
	if (cap == 1) {
		(*runs)[0] = (struct gd_id_range){r->input_base, r->count};
		return 1;
	}
	uint64_t at = r->input_base, end = at + r->count;
	while (at < end && n < cap) {
		uint64_t next = end, skip = unpopulated_end(rc, at, &next);
		if (skip) {
			at = skip;
			continue;
		}
		(*runs)[n++] = (struct gd_id_range){(uint32_t)at, next - at};
		at = next;
	}
	return n;
}

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

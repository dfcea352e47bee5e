/* SPDX-License-Identifier: MIT */
/*
 * declared.c - what a description declares of the RIDs of its root complexes
 * (struct gd_id_decl): DMA alias groups and unpopulated RIDs. The rules turn
 * findings a declaration covers into notes; `gicdesc check` lends the
 * declarations of a YAML description to the DTB and ACPI inputs beside it.
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

/* Lends the RC declarations of @src to the RCs of @dst with the same segment and none of their own.
 */
static size_t lend_declarations(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t lent = 0;
	for (size_t i = 0; i < dst->n_rcs; i++) {
		struct gd_root_complex *to = dst->rcs[i];
		if (to->n_dma_aliases || to->n_unpopulated_rids)
			continue;
		for (size_t k = 0; k < src->n_rcs; k++) {
			const struct gd_root_complex *from = src->rcs[k];
			if (from->segment != to->segment)
				continue;
			to->dma_aliases = from->dma_aliases;
			to->n_dma_aliases = from->n_dma_aliases;
			to->unpopulated_rids = from->unpopulated_rids;
			to->n_unpopulated_rids = from->n_unpopulated_rids;
			lent += from->n_dma_aliases + from->n_unpopulated_rids;
			break;
		}
	}
	return lent;
}

/* Lends GITS_TYPER's DeviceID and EventID widths of @src's ITSes to those of @dst at the same base.
 */
static size_t lend_its_widths(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t lent = 0;
	for (size_t i = 0; i < dst->n_its; i++)
		for (size_t k = 0; k < src->n_its; k++)
			if (src->its[k]->base == dst->its[i]->base) {
				dst->its[i]->device_id_bits = src->its[k]->device_id_bits;
				dst->its[i]->event_id_bits = src->its[k]->event_id_bits;
				lent++;
				break;
			}
	return lent;
}

void gd_check_lend(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t decls = lend_declarations(dst, src);
	size_t widths = lend_its_widths(dst, src);
	/* MADT GICD "GIC version" 4 stands for GICv4.0 and GICv4.1 alike (ACPI 6.5 Table 5.48). */
	bool v41 = dst->gic_version == GD_GIC_V4 && src->gic_version == GD_GIC_V4_1;
	if (v41) {
		/* The MADT gives no ITS size either: its loader took GICv4.0's. */
		dst->gic_version = GD_GIC_V4_1;
		for (size_t i = 0; i < dst->n_its; i++)
			dst->its[i]->size = gd_its_frame_size(GD_GIC_V4_1);
	}
	if (!decls && !widths && !v41)
		return;
	char text[320];
	snprintf(text, sizeof(text),
	         "taken from %s, which states what this input cannot: %zu ITS DeviceID and "
	         "EventID widths, %zu DMA alias or unpopulated-RID declarations%s",
	         src->file ? src->file : "the description", widths, decls,
	         v41 ? ", GICv4.1 (MADT GIC version 4)" : "");
	*GD_ARRAY_PUSH(&dst->arena, dst->assumed, dst->n_assumed, dst->cap_assumed) =
	    gd_arena_strdup(&dst->arena, text);
}

/* SPDX-License-Identifier: MIT */
/*
 * ACPI front end: the MADT GIC MSI frame structure (ACPI 6.5 §5.2.12.16) as
 * a GICv2m frame of the model, named "v2m<ID>" (decimal GIC MSI frame ID),
 * and the PCI MSIs Linux sends to the first frame when IORT maps no RID.
 */
#include <stdio.h>
#include <stdlib.h>

#include "load/acpi_load.h"

void gd_acpi_add_msi_frame(struct gd_acpi_load *c, const struct gd_acpi_values *v,
                           const struct gd_loc *loc, uint32_t off)
{
	char name[32];
	uint32_t id = (uint32_t)v->n[GD_V_MSI_FRAME_ID];
	snprintf(name, sizeof(name), "v2m%u", (unsigned)id);
	struct gd_msi_frame *f = gd_acpi_add_node(c, GD_NODE_MSI_FRAME, sizeof(*f), name, loc, off);
	f->frame_id = id;
	f->base = v->n[GD_V_BASE];
	f->size = 0x1000;
	if (!(v->n[GD_V_FLAGS] & GD_MSI_FRAME_SPI_SELECT))
		return; /* the OS reads MSI_TYPER: the SPIs are not known here */
	f->spi_base = (uint32_t)v->n[GD_V_SPI_BASE];
	f->spi_count = (uint32_t)v->n[GD_V_SPI_COUNT];
}

/* An input range [lo, hi) of a root complex's own ID mappings. */
struct rid_span {
	uint64_t lo, hi;
};

static int by_lo(const void *a, const void *b)
{
	const struct rid_span *x = a, *y = b;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Maps the RIDs of @rc that none of its ID mappings covers to @frame; returns how many gaps. */
static size_t map_gaps(struct gd_platform *p, struct gd_root_complex *rc, struct gd_node *frame)
{
	size_t n = rc->node.n_maps, gaps = 0;
	struct rid_span *v = gd_arena_alloc(&p->arena, (n + 1) * sizeof(*v)), *gap;
	for (size_t i = 0; i < n; i++) {
		const struct gd_id_map *m = &rc->node.maps[i];
		v[i].lo = m->single ? 0 : m->input_base;
		v[i].hi = m->single ? 0 : m->input_base + m->count;
	}
	qsort(v, n, sizeof(*v), by_lo);
	uint64_t lo = (uint64_t)rc->bus_start << 8, end = ((uint64_t)rc->bus_end + 1) << 8;
	gap = gd_arena_alloc(&p->arena, (n + 1) * sizeof(*gap));
	for (size_t i = 0; i <= n && lo < end; i++) {
		uint64_t next = i < n ? v[i].lo : end;
		if (next > lo)
			gap[gaps++] = (struct rid_span){lo, next < end ? next : end};
		if (i < n && v[i].hi > lo)
			lo = v[i].hi;
	}
	for (size_t i = 0; i < gaps; i++) {
		struct gd_id_map *m =
		    GD_ARRAY_PUSH(&p->arena, rc->node.maps, rc->node.n_maps, rc->node.cap_maps);
		m->input_base = (uint32_t)gap[i].lo;
		m->count = gap[i].hi - gap[i].lo;
		m->output_base = m->input_base;
		m->output = frame;
		m->output_name = frame->name;
		m->loc = rc->node.loc;
	}
	return gaps;
}

void gd_acpi_v2m_fallback(struct gd_acpi_load *c)
{
	struct gd_platform *p = c->p;
	if (!p->n_msi_frames)
		return;
	struct gd_node *frame = &p->msi_frames[0]->node;
	for (size_t i = 0; i < p->n_rcs; i++)
		if (map_gaps(p, p->rcs[i], frame))
			gd_acpi_assume(
			    c,
			    "%s: RIDs no IORT ID mapping covers go to GICv2m frame %s, the "
			    "first of the MADT (Linux: pci_msi_get_device_domain() falls "
			    "back to the PCI MSI domain of gicv2m_acpi_init(), "
			    "gicv2m_get_fwnode() gives the first frame)",
			    p->rcs[i]->node.name, frame->name);
}

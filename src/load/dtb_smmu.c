/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: SMMUv3 nodes (Linux 6.1 iommu/arm,smmu-v3.yaml): reg,
 * interrupts by interrupt-names (eventq, priq, cmdq-sync, gerror, or one
 * "combined"), dma-coherent, numa-node-id, the implementation quirks that
 * IORT states as a model, and msi-parent = the SMMU's own MSIs.
 */
#include "load/dtb.h"

#include <libfdt.h>

/* Reads the wired interrupts; each INTID stays 0 when that interrupt is not named. */
static void read_irqs(struct dtb_ctx *c, int off, struct gd_smmu *s)
{
	static const char *const names[] = {"eventq", "priq", "cmdq-sync", "gerror"};
	uint32_t *field[] = {&s->event_intid, &s->pri_intid, &s->sync_intid, &s->gerr_intid};
	struct dtb_irq irq;

	if (dtb_irq_named(c, off, "combined", &irq) == 1) {
		for (size_t i = 0; i < 4; i++)
			*field[i] = irq.intid;
		return;
	}
	for (size_t i = 0; i < 4; i++)
		if (dtb_irq_named(c, off, names[i], &irq) == 1)
			*field[i] = irq.intid;
}

/* Sets own_msi from the first msi-parent entry that gives an ITS and a DeviceID. */
static void read_own_msi(struct dtb_ctx *c, int off, struct gd_smmu *s)
{
	struct dtb_msi_parent mp[8];
	if (dtb_msi_parents(c, off, true, false, mp, sizeof(mp) / sizeof(mp[0])) > 0) {
		s->own_msi = gd_arena_alloc(&c->p->arena, sizeof(*s->own_msi));
		dtb_single_map(c, off, &mp[0], s->own_msi);
	}
}

static void load_one(struct dtb_ctx *c, int off)
{
	struct dtb_mmio m;
	struct gd_smmu *s = gd_node_as_smmu(
	    dtb_add_mmio_node(c, off, GD_NODE_SMMU, sizeof(struct gd_smmu), "SMMU", &m));
	if (!s)
		return;
	s->base = m.base;
	s->size = m.size;
	s->coherent = dtb_has(c, off, "dma-coherent");
	/* The quirks Linux derives from the IORT model (arm-smmu-v3.c acpi_smmu_get_options()). */
	if (dtb_has(c, off, "hisilicon,broken-prefetch-cmd"))
		s->model = GD_SMMUV3_HISILICON_HI161X;
	else if (dtb_has(c, off, "cavium,cn9900-broken-page1-regspace"))
		s->model = GD_SMMUV3_CAVIUM_CN99XX;
	s->has_proximity_domain = m.has_numa;
	s->proximity_domain = m.numa;
	read_irqs(c, off, s);
	read_own_msi(c, off, s);
	dtb_offs_push(c, &c->smmu, off);
}

void dtb_load_smmus(struct dtb_ctx *c)
{
	for (int off = fdt_node_offset_by_compatible(c->fdt, -1, "arm,smmu-v3"); off >= 0;
	     off = fdt_node_offset_by_compatible(c->fdt, off, "arm,smmu-v3")) {
		if (dtb_available(c, off)) {
			dtb_record_binding(c, off, GD_DT_SMMUV3);
			load_one(c, off);
		} else
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled SMMU skipped");
	}
}

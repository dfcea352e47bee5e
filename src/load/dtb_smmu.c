/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: SMMUv3 nodes (Linux 6.1 iommu/arm,smmu-v3.yaml): reg,
 * interrupts by interrupt-names (eventq, priq, cmdq-sync, gerror, or one
 * "combined"), dma-coherent, numa-node-id, the implementation quirks that
 * IORT states as a model, and msi-parent = the SMMU's own MSIs. SMMUv1/v2
 * nodes (iommu/arm,smmu.yaml, the compatibles Linux's arm-smmu.c matches):
 * reg, #global-interrupts and interrupts, #iommu-cells, stream-match-mask,
 * dma-coherent.
 */
#include "load/dtb.h"

#include <libfdt.h>

/*
 * SMMUv1/v2 compatibles of Linux 6.12 arm-smmu.c arm_smmu_of_match beyond
 * the generic one of each model (gd_smmu_dt_compatible()), and the IORT
 * model Linux gives them (acpi_smmu_get_data() by version and model).
 */
static const struct {
	const char *compatible;
	enum gd_smmu_v2_model model;
} v2_aliases[] = {
    {"nvidia,smmu-500", GD_SMMU_MMU500},
    {"qcom,smmu-v2", GD_SMMUV2_GENERIC},
};

/* The SMMUv1/v2 model of node @off by its compatible; -1 when it is no SMMUv1/v2. */
static int v2_model(const struct dtb_ctx *c, int off)
{
	int len;
	const char *list = dtb_compatible_list(c, off, &len);
	if (!list)
		return -1;
	for (uint32_t m = 0; gd_smmu_dt_compatible(GD_SMMU_V1_V2, m); m++)
		if (fdt_stringlist_contains(list, len, gd_smmu_dt_compatible(GD_SMMU_V1_V2, m)))
			return (int)m;
	for (size_t i = 0; i < sizeof(v2_aliases) / sizeof(v2_aliases[0]); i++)
		if (fdt_stringlist_contains(list, len, v2_aliases[i].compatible))
			return v2_aliases[i].model;
	return -1;
}

bool dtb_is_smmu(const struct dtb_ctx *c, int off)
{
	return v2_model(c, off) >= 0 || dtb_compatible(c, off, "arm,smmu-v3");
}

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

/*
 * Interrupts of an SMMUv1/v2: the first #global-interrupts are global (a DT
 * does not tell the PMU ones among them apart), the rest one per context
 * bank (Linux arm_smmu_device_probe()). IORT's SMMU_NSgIrpt is taken as
 * the first global interrupt.
 */
static void read_v2_irqs(struct dtb_ctx *c, int off, struct gd_smmu *s)
{
	uint32_t n_global = 0;
	int n = dtb_irq_count(c, off);
	if (dtb_u32(c, off, "#global-interrupts", &n_global) == 0)
		dtb_diag(c, GD_SEV_ERROR, off, NULL,
		         "SMMUv1/v2 without #global-interrupts (arm,smmu.yaml: required; Linux: "
		         "\"missing #global-interrupts property\")");
	if (n < 0)
		return;
	if (n_global > (uint32_t)n) {
		dtb_diag(c, GD_SEV_ERROR, off, "#global-interrupts",
		         "#global-interrupts %u but the node has %d interrupts", (unsigned)n_global,
		         n);
		n_global = (uint32_t)n;
	}
	for (int i = 0; i < n; i++) {
		struct dtb_irq irq;
		if (dtb_irq(c, off, i, &irq) != 1)
			continue;
		struct gd_smmu_irq *to =
		    (uint32_t)i < n_global
		        ? GD_ARRAY_PUSH(&c->p->arena, s->global, s->n_global, s->cap_global)
		        : GD_ARRAY_PUSH(&c->p->arena, s->context, s->n_context, s->cap_context);
		*to = (struct gd_smmu_irq){irq.intid, irq.edge};
	}
	if (s->n_global) {
		s->nsg_irpt = s->global[0];
		dtb_assume(
		    c, "SMMUv1/v2 global interrupts: IORT SMMU_NSgIrpt taken as the first; a DT "
		       "tells neither it nor the PMU interrupts from the other global ones");
	}
}

/* The arm,smmu.yaml properties of SMMUv1/v2 @s at node @off. */
static void read_v2(struct dtb_ctx *c, int off, struct gd_smmu *s, int model)
{
	s->version = GD_SMMU_V1_V2;
	s->model = (uint32_t)model;
	s->has_proximity_domain = false;
	if (fdt_stringlist_count(c->fdt, off, "compatible") != 1 ||
	    !dtb_compatible(c, off, gd_smmu_dt_compatible(s->version, s->model)))
		dtb_strings(c, off, "compatible", &s->dt_compatible, &s->n_dt_compatible,
		            &s->cap_dt_compatible);
	if (dtb_u32(c, off, "#iommu-cells", &s->iommu_cells) == 1 && s->iommu_cells != 1 &&
	    s->iommu_cells != 2) {
		dtb_diag(c, GD_SEV_ERROR, off, "#iommu-cells",
		         "#iommu-cells %u: arm,smmu.yaml allows 1 or 2", (unsigned)s->iommu_cells);
		s->iommu_cells = 1;
	}
	s->has_stream_match_mask = dtb_u32(c, off, "stream-match-mask", &s->stream_match_mask) == 1;
	read_v2_irqs(c, off, s);
}

static void load_one(struct dtb_ctx *c, int off, int model)
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
	if (model >= 0)
		read_v2(c, off, s, model);
	else {
		read_irqs(c, off, s);
		read_own_msi(c, off, s);
	}
	dtb_offs_push(c, &c->smmu, off);
}

/* Every SMMUv3 and SMMUv1/v2 node, in tree order (c->smmu is searched by halves). */
void dtb_load_smmus(struct dtb_ctx *c)
{
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		int model = v2_model(c, off);
		if (model < 0 && !dtb_compatible(c, off, "arm,smmu-v3"))
			continue;
		if (!dtb_available(c, off)) {
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled SMMU skipped");
			continue;
		}
		if (model < 0)
			dtb_record_binding(c, off, GD_DT_SMMUV3);
		load_one(c, off, model);
	}
}

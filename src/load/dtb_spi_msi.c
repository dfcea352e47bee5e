/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: a GICv2 (Linux 6.1 arm,gic.yaml, irq-gic.c gic_of_init():
 * reg = GICD, GICC, then GICH and GICV with virtualization; interrupts = the
 * VGIC maintenance interrupt), its GICv2m frames (arm,gic-v2m-frame children,
 * irq-gic-v2m.c gicv2m_of_init(): arm,msi-base-spi and arm,msi-num-spis
 * override MSI_TYPER, both or neither) and the MBI of a GICv3
 * (arm,gic-v3.yaml mbi-ranges <intid span> pairs, mbi-alias;
 * irq-gic-v3-mbi.c mbi_init()). SPIs are INTIDs in all of them.
 */
#include "load/dtb.h"

#include <libfdt.h>

/* What Linux's irq-gic.c probes (IRQCHIP_DECLARE), Linux 6.1. */
static const char *const gicv2_compatibles[] = {
    "arm,gic-400",        "arm,arm11mp-gic",   "arm,arm1176jzf-devchip-gic",
    "arm,cortex-a15-gic", "arm,cortex-a9-gic", "arm,cortex-a7-gic",
    "qcom,msm-8660-qgic", "qcom,msm-qgic2",    "arm,pl390",
};

/* Largest number of mbi-ranges pairs read. */
#define DTB_MAX_MBI_RANGES 1024

int dtb_find_gicv2(struct dtb_ctx *c)
{
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		for (size_t k = 0; k < sizeof(gicv2_compatibles) / sizeof(gicv2_compatibles[0]);
		     k++)
			if (dtb_compatible(c, off, gicv2_compatibles[k]) &&
			    dtb_node_has(c, i, DTB_P_INTERRUPT_CONTROLLER) && dtb_available(c, off))
				return off;
	}
	return -1;
}

void dtb_load_gicv2(struct dtb_ctx *c)
{
	struct gd_platform *p = c->p;
	uint32_t icells = 0;

	p->gic_version = GD_GIC_V2;
	dtb_strings(c, c->gic, "compatible", &p->dt.gic_compatible, &p->dt.n_gic_compatible,
	            &p->dt.cap_gic_compatible);
	p->dist.spis = c->opt.spis;
	if (!c->given || !c->given->spis)
		dtb_assume(c,
		           "number of SPIs assumed %u (GICD_TYPER.ITLinesNumber): a DTB does "
		           "not state it",
		           p->dist.spis);
	if (dtb_u32(c, c->gic, "#interrupt-cells", &icells) != 1 || icells != 3)
		dtb_diag(c, GD_SEV_ERROR, c->gic, "#interrupt-cells", "must be 3 (arm,gic.yaml)");
	else
		c->gic_icells = 3;
	if (dtb_reg(c, c->gic, 0, &p->dist.base, &p->dist.size) != 1) {
		dtb_diag(c, GD_SEV_ERROR, c->gic, "reg", "no GICD (reg entry 0)");
		return;
	}
	p->dist.loc = dtb_loc(c, c->gic, "reg");
	if (dtb_gic_cpu_facts(c, 1) == 0 && p->n_cpus && !p->cpus[0].gicc_base)
		dtb_diag(c, GD_SEV_ERROR, c->gic, "reg", "no GICC (reg entry 1)");
}

/* The frame at @off; its ID is its order, as the ITS IDs of a DTB are. */
static void load_frame(struct dtb_ctx *c, int off)
{
	struct dtb_mmio m;
	struct gd_msi_frame *f = gd_node_as_msi_frame(dtb_add_mmio_node(
	    c, off, GD_NODE_MSI_FRAME, sizeof(struct gd_msi_frame), "GICv2m frame", &m));
	if (!f)
		return;
	f->frame_id = (uint32_t)f->node.index;
	f->base = m.base;
	f->size = m.size;
	dtb_offs_push(c, &c->v2m, off);
	uint32_t base = 0, count = 0;
	int rb = dtb_u32(c, off, "arm,msi-base-spi", &base);
	int rn = dtb_u32(c, off, "arm,msi-num-spis", &count);
	if (rb == 1 && rn == 1) { /* one alone: v2m-binding reports it */
		f->spi_base = base;
		f->spi_count = count;
		f->dt_override = true;
	}
}

static void load_mbi(struct dtb_ctx *c)
{
	int len = 0;
	const void *v = fdt_getprop(c->fdt, c->gic, "mbi-ranges", &len);
	if (!v)
		return;
	if (!len || len % 8 || len / 8 > DTB_MAX_MBI_RANGES) {
		dtb_diag(c, GD_SEV_ERROR, c->gic, "mbi-ranges",
		         "%d bytes: not a list of 1 to %d <intid span> pairs", len,
		         DTB_MAX_MBI_RANGES);
		return;
	}
	struct gd_platform *p = c->p;
	const char *name = dtb_node_name(c, c->gic); /* unique among the nodes made so far */
	struct gd_mbi *mbi = gd_node_as_mbi(gd_platform_add_node(p, GD_NODE_MBI, sizeof(*mbi)));
	mbi->node.name = name;
	mbi->node.loc = dtb_loc(c, c->gic, "mbi-ranges");
	for (size_t i = 0; i < (size_t)len / 8; i++) {
		struct gd_intid_range *r =
		    GD_ARRAY_PUSH(&p->arena, mbi->ranges, mbi->n_ranges, mbi->cap_ranges);
		r->base = dtb_cell(v, 2 * i);
		r->count = dtb_cell(v, 2 * i + 1);
		r->loc = mbi->node.loc;
		if (!r->count)
			dtb_diag(c, GD_SEV_ERROR, c->gic, "mbi-ranges", "range %zu has span 0", i);
	}
	if (!dtb_has(c, c->gic, "mbi-alias"))
		return;
	int ac = 2, sc = 2;
	const void *a = fdt_getprop(c->fdt, c->gic, "mbi-alias", &len);
	if (dtb_bus_cells(c, dtb_parent(c, c->gic), &ac, &sc, 2, 2, c->gic, "mbi-alias"))
		return;
	if (len != ac * 4) {
		dtb_diag(c, GD_SEV_ERROR, c->gic, "mbi-alias", "must be one %d-cell address", ac);
		return;
	}
	mbi->alias = dtb_cells_u64(a, ac);
	dtb_translate(c, dtb_parent(c, c->gic), &mbi->alias, c->gic, "mbi-alias");
}

void dtb_load_spi_msi(struct dtb_ctx *c)
{
	for (int off = fdt_first_subnode(c->fdt, c->gic); off >= 0;
	     off = fdt_next_subnode(c->fdt, off)) {
		if (!dtb_compatible(c, off, "arm,gic-v2m-frame"))
			continue;
		if (dtb_msi_controller_usable(c, off, GD_DT_V2M, "GICv2m frame"))
			load_frame(c, off);
	}
	if (c->p->gic_version != GD_GIC_V2)
		load_mbi(c);
}

struct gd_node *dtb_spi_msi_node(const struct dtb_ctx *c, int t)
{
	int i = dtb_offs_find(&c->v2m, t);
	if (i >= 0)
		return &c->p->msi_frames[i]->node;
	if (t == c->gic && c->p->n_mbis)
		return &c->p->mbis[0]->node;
	return NULL;
}

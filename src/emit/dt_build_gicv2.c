/* SPDX-License-Identifier: MIT */
/*
 * dt_build_gicv2.c - the device tree of SPI-based MSI and of a GICv2: the
 * GICv2 node (interrupt-controller/arm,gic.yaml: reg = GICD, GICC, then GICH
 * and GICV with virtualization), the GICv2m frames (arm,gic-v2m-frame
 * children of a GICv2 or GICv3 node), and the MBI properties of a GICv3 node
 * (arm,gic-v3.yaml msi-controller, mbi-ranges, mbi-alias), Linux 6.1 bindings.
 */
#include <stdio.h>

#include "emit/dt_build.h"

#define V2M_FRAME_SIZE 0x1000u /* one 4 KiB page (MSI_TYPER, MSI_SETSPI_NS) */

/* GICC, GICH, GICV of every CPU: one value each in DT, so every CPU must agree. */
static void push_cpu_interface(struct gd_dt_builder *b, struct gd_dt_prop *reg)
{
	const struct gd_platform *p = b->p;
	if (!p->n_cpus)
		return;
	const struct gd_cpu *c0 = &p->cpus[0];
	for (size_t i = 1; i < p->n_cpus; i++)
		if (p->cpus[i].gicc_base != c0->gicc_base ||
		    p->cpus[i].gich_base != c0->gich_base || p->cpus[i].gicv_base != c0->gicv_base)
			gd_dt_error(b, &p->cpus[i].loc,
			            "DT: CPUs differ in their GICC/GICH/GICV bases; arm,gic.yaml "
			            "gives one of each for the whole GIC");
	if (!c0->gicc_base)
		gd_dt_error(b, &c0->loc, "DT: a GICv2 needs its CPU interface (GICC) base");
	gd_dt_builder_push_reg(b, reg, c0->gicc_base, gd_cpuif_size(p->cpuif.gicc_size), "GICC");
	if (!c0->gich_base != !c0->gicv_base)
		gd_dt_error(b, &c0->loc,
		            "DT: GICH and GICV come together (arm,gic.yaml reg entries 2 and 3)");
	else if (c0->gich_base) {
		gd_dt_builder_push_reg(b, reg, c0->gich_base, gd_cpuif_size(p->cpuif.gich_size),
		                       "GICH");
		gd_dt_builder_push_reg(b, reg, c0->gicv_base, gd_cpuif_size(p->cpuif.gicv_size),
		                       "GICV");
	}
}

static void build_v2m_frame(struct gd_dt_builder *b, size_t i)
{
	const struct gd_msi_frame *f = b->p->msi_frames[i];
	struct gd_dt_node *n =
	    gd_dt_builder_msi_child(b, "v2m", f->base, &f->node, "arm,gic-v2m-frame");
	b->v2m[i] = n;
	gd_dt_builder_push_reg(b, gd_dt_add_cells(b->t, n, "reg", 4), f->base,
	                       f->size ? f->size : V2M_FRAME_SIZE, "MSI frame");
	if (!f->dt_override)
		return;
	if (!f->spi_count) {
		gd_dt_error(b, &f->node.loc,
		            "DT: GICv2m frame '%s' overrides MSI_TYPER but gives no SPIs",
		            f->node.name);
		return;
	}
	gd_dt_add_u32(b->t, n, "arm,msi-base-spi", f->spi_base);
	gd_dt_add_u32(b->t, n, "arm,msi-num-spis", f->spi_count);
}

void gd_dt_build_gicv2(struct gd_dt_builder *b)
{
	const struct gd_platform *p = b->p;
	struct gd_dt_prop *reg;
	static const char *const gic400[] = {"arm,gic-400"};
	struct gd_dt_node *n =
	    p->dt.n_gic_compatible
	        ? gd_dt_builder_gic_node(b, p->dt.gic_compatible, p->dt.n_gic_compatible, &reg)
	        : gd_dt_builder_gic_node(b, gic400, 1, &reg);
	push_cpu_interface(b, reg);
	gd_dt_build_vgic_interrupt(b, n);
	gd_dt_build_v2m_frames(b);
}

void gd_dt_build_v2m_frames(struct gd_dt_builder *b)
{
	for (size_t i = 0; i < b->p->n_msi_frames; i++)
		build_v2m_frame(b, i);
}

void gd_dt_build_mbi(struct gd_dt_builder *b)
{
	const struct gd_platform *p = b->p;
	if (!p->n_mbis)
		return;
	const struct gd_mbi *mbi = p->mbis[0];
	if (p->n_mbis > 1)
		gd_dt_error(b, &p->mbis[1]->node.loc,
		            "DT: a second MBI; the distributor has one set of mbi-ranges");
	gd_dt_add_flag(b->t, b->gic, "msi-controller");
	struct gd_dt_prop *ranges = gd_dt_add_cells(b->t, b->gic, "mbi-ranges", 2);
	ranges->decimal = true;
	for (size_t i = 0; i < mbi->n_ranges; i++) {
		gd_dt_push_u32(b->t, ranges, mbi->ranges[i].base);
		gd_dt_push_u32(b->t, ranges, mbi->ranges[i].count);
		gd_dt_note(b->t, ranges, i, "SPI INTIDs %u-%u", mbi->ranges[i].base,
		           mbi->ranges[i].base + mbi->ranges[i].count - 1);
	}
	if (mbi->alias)
		gd_dt_push_u64(b->t, gd_dt_add_cells(b->t, b->gic, "mbi-alias", 0), mbi->alias);
}

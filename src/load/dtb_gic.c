/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: the arm,gic-v3 node (Linux 6.1 arm,gic-v3.yaml,
 * irq-gic-v3.c gic_of_init()): reg = GICD, #redistributor-regions GICR
 * regions, then optional GICC, GICH, GICV; redistributor-stride; interrupts =
 * the VGIC maintenance interrupt. The GIC is the one arm,gic-v3 node, else
 * the one arm,gic-v5 node (dtb_gicv5.c), else a GICv2 (dtb_spi_msi.c).
 */
#include "load/dtb.h"

#include <libfdt.h>

/* Largest #redistributor-regions (arm,gic-v3.yaml maximum). */
#define DTB_MAX_REDIST_REGIONS 4096

/*
 * The one enabled node of @compatible, -1 when there is none; a disabled
 * one is noted, a second enabled one an error.
 */
static int find_one(struct dtb_ctx *c, const char *compatible)
{
	int gic = -1;
	for (int off = dtb_next_compatible(c, -1, compatible); off >= 0;
	     off = dtb_next_compatible(c, off, compatible)) {
		if (!dtb_available(c, off))
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled GIC skipped");
		else if (gic >= 0)
			dtb_diag(c, GD_SEV_ERROR, off, NULL,
			         "a second enabled %s node (the first is %s): one GIC is modelled",
			         compatible, dtb_path(c, gic));
		else
			gic = off;
	}
	return gic;
}

/* Finds the one enabled arm,gic-v3, arm,gic-v5 or GICv2 node; -1 (warning added) when none. */
static int find_gic(struct dtb_ctx *c)
{
	int gic = find_one(c, "arm,gic-v3");
	if (gic < 0)
		gic = find_one(c, "arm,gic-v5");
	if (gic < 0 && (gic = dtb_find_gicv2(c)) < 0)
		dtb_diag(
		    c, GD_SEV_WARNING, 0, NULL,
		    "no enabled arm,gic-v3 or arm,gic-v5 node nor GICv2 (arm,gic.yaml): no GIC "
		    "gicdesc models, so nothing here was checked");
	return gic;
}

/* Reads redistributor-stride (a 64-bit value, 0 when absent); -1 (error added) when malformed. */
static int read_stride(struct dtb_ctx *c, uint64_t *stride)
{
	int len = 0;
	const void *v = fdt_getprop(c->fdt, c->gic, "redistributor-stride", &len);
	*stride = 0;
	if (!v)
		return 0;
	if (len != 8) {
		dtb_diag(c, GD_SEV_ERROR, c->gic, "redistributor-stride",
		         "must be a 64-bit value (2 cells), not %d bytes", len);
		return -1;
	}
	*stride = dtb_cells_u64(v, 2);
	return 0;
}

/* Reads the GICR regions (reg entries 1 .. @nr); returns 0 or -1 (error added). */
static int read_redists(struct dtb_ctx *c, uint32_t nr)
{
	uint64_t stride;
	if (read_stride(c, &stride))
		return -1;
	for (uint32_t i = 1; i <= nr; i++) {
		uint64_t base, size;
		if (dtb_reg(c, c->gic, (int)i, &base, &size) != 1)
			return -1;
		if (!size) {
			dtb_diag(c, GD_SEV_ERROR, c->gic, "reg",
			         "redistributor region %u has length 0", i - 1);
			return -1;
		}
		struct gd_redist_region *r =
		    GD_ARRAY_PUSH(&c->p->arena, c->p->redists, c->p->n_redists, c->p->cap_redists);
		r->base = base;
		r->length = size;
		r->stride = stride;
		r->loc = dtb_loc(c, c->gic, "reg");
	}
	return 0;
}

int dtb_gic_cpu_facts(struct dtb_ctx *c, uint32_t first)
{
	uint64_t base[3] = {0, 0, 0}, size[3] = {0, 0, 0};
	for (int i = 0; i < 3; i++)
		if (dtb_reg(c, c->gic, (int)first + i, &base[i], &size[i]) < 0)
			return -1;
	if (dtb_gic_maintenance(c))
		return -1;
	c->p->cpuif.gicc_size = size[0];
	c->p->cpuif.gich_size = size[1];
	c->p->cpuif.gicv_size = size[2];
	c->p->cpuif.loc = dtb_loc(c, c->gic, "reg");
	for (size_t i = 0; i < c->p->n_cpus; i++) {
		struct gd_cpu *cpu = &c->p->cpus[i];
		cpu->gicc_base = base[0];
		cpu->gich_base = base[1];
		cpu->gicv_base = base[2];
	}
	return 0;
}

int dtb_gic_maintenance(struct dtb_ctx *c)
{
	struct dtb_irq maint = {0};
	int r = dtb_irq_count(c, c->gic) > 0 ? dtb_irq(c, c->gic, 0, &maint) : 0;
	if (r < 0)
		return -1;
	/* the flags cell as stated, where the format holds it (YAML gic: dt-vgic-flags) */
	bool typed = gd_dt_vgic_flags_ok(maint.cell);
	if (r == 1 && !typed)
		dtb_diag(
		    c, GD_SEV_NOTE, c->gic, "interrupts",
		    "VGIC maintenance interrupt flags 0x%x are no IRQ_TYPE_* (1, 2, 4, 8) with a "
		    "CPU mask in bits [15:8] (arm,gic.yaml): not kept, a DT written from here "
		    "states the interrupt's trigger alone",
		    maint.cell);
	c->p->dt.has_vgic_flags = r == 1 && typed && maint.intid && c->p->n_cpus;
	c->p->dt.vgic_flags = maint.cell;
	/* Whether it is a PPI (or extended PPI) is rule intid-class's to say. */
	for (size_t i = 0; i < c->p->n_cpus; i++) {
		c->p->cpus[i].vgic_maint_intid = maint.intid;
		c->p->cpus[i].vgic_maint_edge = maint.edge;
	}
	return 0;
}

/* Fills the distributor facts a DTB does not state from the options. */
static void distributor_options(struct dtb_ctx *c)
{
	const struct gd_load_options *given = c->given;
	struct gd_platform *p = c->p;
	p->gic_version = c->opt.gic_version;
	p->dist.spis = c->opt.spis;
	p->dist.intid_bits = c->opt.intid_bits;
	if (!given || !given->gic_version)
		dtb_assume(c, "GIC version assumed %s: a DTB does not state it",
		           gd_gic_version_name(p->gic_version));
	if (!given || !given->spis)
		dtb_assume(c,
		           "number of SPIs assumed %u (GICD_TYPER.ITLinesNumber): a DTB does "
		           "not state it",
		           p->dist.spis);
	if (!given || !given->intid_bits)
		dtb_assume(c,
		           "INTID bits assumed %u (GICD_TYPER.IDbits + 1): a DTB does not "
		           "state them",
		           p->dist.intid_bits);
}

void dtb_load_gic(struct dtb_ctx *c)
{
	struct gd_platform *p = c->p;
	c->gic = find_gic(c);
	if (c->gic < 0)
		return;
	p->gic_loc = dtb_loc(c, c->gic, NULL);
	dtb_record_binding(c, c->gic, GD_DT_GIC);
	if (dtb_compatible(c, c->gic, "arm,gic-v5")) {
		dtb_load_gicv5(c);
		return;
	}
	if (!dtb_compatible(c, c->gic, "arm,gic-v3")) {
		dtb_load_gicv2(c);
		return;
	}
	distributor_options(c);

	uint32_t icells = 0;
	if (dtb_u32(c, c->gic, "#interrupt-cells", &icells) != 1 || icells < 3 || icells > 16)
		dtb_diag(c, GD_SEV_ERROR, c->gic, "#interrupt-cells",
		         "must be 3 or 4 (arm,gic-v3.yaml)");
	else
		c->gic_icells = (int)icells;

	int n = dtb_reg_count(c, c->gic);
	uint32_t nr = 1;
	if (n < 0 || dtb_u32(c, c->gic, "#redistributor-regions", &nr) < 0)
		return;
	if (n < 2 || nr < 1 || nr > DTB_MAX_REDIST_REGIONS || nr > (uint32_t)n - 1) {
		dtb_diag(c, GD_SEV_ERROR, c->gic, "reg",
		         "%d reg entries cannot hold the GICD and %u redistributor regions", n, nr);
		return;
	}
	if (dtb_reg(c, c->gic, 0, &p->dist.base, &p->dist.size) != 1)
		return;
	p->dist.loc = dtb_loc(c, c->gic, "reg");
	if (read_redists(c, nr))
		return;
	dtb_gic_cpu_facts(c, nr + 1);
}

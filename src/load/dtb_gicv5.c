/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: the GICv5 (Linux 7.2 interrupt-controller/arm,gic-v5.yaml
 * and arm,gic-v5-iwb.yaml; irq-gic-v5-irs.c gicv5_irs_of_init(),
 * irq-gic-v5-its.c gicv5_its_init(), irq-gic-its-msi-parent.c
 * its_translate_frame_address()): the arm,gic-v5 node's IRS children
 * (arm,gic-v5-irs: reg-names "ns-config" [, "ns-setlpi"], cpus with their
 * 16-bit arm,iaffids, dma-noncoherent), each IRS's ITS children
 * (arm,gic-v5-its: "ns-config") and each ITS's translate frames (its
 * msi-controller children: "ns-translate", #msi-cells 1), which are the
 * ITS nodes of the model; and the IWBs (arm,gic-v5-iwb, msi-parent =
 * <&frame DeviceID>) anywhere in the tree.
 *
 * A DTB does not state the IRS ID, the ITS's Translator ID, the translate
 * frame ID or the IWB index (ACPI identifiers): they are the order of the
 * nodes, recorded as assumed.
 */
#include "load/dtb.h"

#include <libfdt.h>

/*
 * Reads the frame named @name in reg-names of node @off (arm,gic-v5.yaml
 * "ns-config", "ns-setlpi", "ns-translate") into *@base. Returns 1, 0 when
 * the name is not there, -1 (error added) when its reg entry is missing or
 * malformed.
 */
static int named_frame(struct dtb_ctx *c, int off, const char *name, uint64_t *base)
{
	uint64_t size;
	int i = fdt_stringlist_search(c->fdt, off, "reg-names", name);
	if (i < 0)
		return 0;
	int r = dtb_reg(c, off, i, base, &size);
	if (r == 0)
		dtb_diag(c, GD_SEV_ERROR, off, "reg", "no reg entry %d for reg-names \"%s\"", i,
		         name);
	return r == 1 ? 1 : -1;
}

/* Like named_frame(), an error (naming what Linux then does: @linux) when the name is absent. */
static int required_frame(struct dtb_ctx *c, int off, const char *name, const char *linux_does,
                          uint64_t *base)
{
	int r = named_frame(c, off, name, base);
	if (r == 0)
		dtb_diag(c, GD_SEV_ERROR, off, "reg-names",
		         "no \"%s\" frame: Linux %s (arm,gic-v5.yaml)", name, linux_does);
	return r;
}

/*
 * The PEs of IRS node @off: cpus (phandles of cpu nodes) and arm,iaffids
 * (one 16-bit IAFFID each, in the same order). Linux
 * gicv5_irs_of_init_affinity() refuses an IRS whose counts differ.
 */
static int read_pes(struct dtb_ctx *c, int off, struct gd_irs *irs)
{
	int n_cpus = 0, n_ids = 0;
	const void *cpus = fdt_getprop(c->fdt, off, "cpus", &n_cpus);
	const uint8_t *ids = fdt_getprop(c->fdt, off, "arm,iaffids", &n_ids);
	if (!cpus || !ids || n_cpus % 4 || n_ids != n_cpus / 2) {
		dtb_diag(c, GD_SEV_ERROR, off, "arm,iaffids",
		         "cpus (%d bytes) and arm,iaffids (%d bytes) must name the same number of "
		         "CPUs, a phandle and a 16-bit IAFFID each: Linux "
		         "gicv5_irs_of_init_affinity() refuses the IRS (arm,gic-v5.yaml)",
		         cpus ? n_cpus : 0, ids ? n_ids : 0);
		return -1;
	}
	for (size_t k = 0; k < (size_t)n_cpus / 4; k++) {
		int cpu = dtb_phandle_node(c, dtb_cell(cpus, k));
		int i = cpu < 0 ? -1 : dtb_offs_find(&c->cpu, cpu);
		if (i < 0) {
			dtb_diag(c, GD_SEV_ERROR, off, "cpus",
			         "entry %zu names no cpu node of /cpus: Linux refuses the IRS", k);
			return -1;
		}
		struct gd_irs_pe *pe =
		    GD_ARRAY_PUSH(&c->p->arena, irs->pes, irs->n_pes, irs->cap_pes);
		pe->cpu = (size_t)i;
		pe->iaffid = (uint16_t)(ids[2 * k] << 8 | ids[2 * k + 1]);
		pe->loc = dtb_loc(c, off, "arm,iaffids");
	}
	return 0;
}

/* The translate frame @off (an msi-controller child of ITS node @v5), as an ITS node. */
static void load_frame(struct dtb_ctx *c, int off, struct gd_v5_its *v5)
{
	uint64_t base;
	if (!dtb_msi_controller_usable(c, off, GD_DT_ITS, "ITS translate frame") ||
	    required_frame(c, off, "ns-translate",
	                   "its_translate_frame_address() finds no doorbell for its MSIs",
	                   &base) != 1)
		return;
	const char *name = dtb_node_name(c, off); /* unique among the nodes so far: before adding */
	struct gd_its *its = gd_node_as_its(gd_platform_add_node(c->p, GD_NODE_ITS, sizeof(*its)));
	its->node.name = name;
	its->node.loc = dtb_loc(c, off, NULL);
	its->its_id = (uint32_t)its->node.index;
	its->base = base;
	its->size = GD_V5_FRAME_SIZE;
	its->v5 = v5;
	dtb_its_widths(c, its, dtb_path(c, off));
	dtb_offs_push(c, &c->its, off);
}

/* The GICv5 ITS @off, a child of IRS @irs, and its translate frames. */
static void load_its(struct dtb_ctx *c, int off, struct gd_irs *irs)
{
	struct gd_platform *p = c->p;
	uint64_t base;
	if (required_frame(c, off, "ns-config", "gicv5_its_init() does not probe the ITS", &base) !=
	    1)
		return;
	struct gd_v5_its *v5 = gd_arena_alloc(&p->arena, sizeof(*v5));
	v5->name = dtb_node_name(c, off);
	v5->translator_id = (uint32_t)p->n_v5_its;
	v5->config_base = base;
	v5->non_coherent = dtb_has(c, off, "dma-noncoherent");
	v5->irs = irs;
	v5->loc = dtb_loc(c, off, NULL);
	*GD_ARRAY_PUSH(&p->arena, p->v5_its, p->n_v5_its, p->cap_v5_its) = v5;
	int child;
	fdt_for_each_subnode(child, c->fdt, off) if (dtb_has(c, child, "msi-controller") ||
	                                             dtb_has(c, child, "#msi-cells"))
	    load_frame(c, child, v5);
}

/* The IRS @off (arm,gic-v5-irs) and its ITSes. */
static void load_irs(struct dtb_ctx *c, int off)
{
	struct gd_platform *p = c->p;
	struct gd_irs *irs = gd_arena_alloc(&p->arena, sizeof(*irs));
	if (required_frame(c, off, "ns-config", "gicv5_irs_of_init() does not probe the IRS",
	                   &irs->config_base) != 1 ||
	    named_frame(c, off, "ns-setlpi", &irs->setlpi_base) < 0 || read_pes(c, off, irs))
		return;
	irs->name = dtb_node_name(c, off);
	irs->irs_id = (uint32_t)p->n_irses;
	irs->non_coherent = dtb_has(c, off, "dma-noncoherent");
	irs->loc = dtb_loc(c, off, NULL);
	*GD_ARRAY_PUSH(&p->arena, p->irses, p->n_irses, p->cap_irses) = irs;
	int child;
	fdt_for_each_subnode(child, c->fdt, off)
	{
		if (fdt_node_check_compatible(c->fdt, child, "arm,gic-v5-its"))
			continue;
		if (dtb_available(c, child))
			load_its(c, child, irs);
		else
			dtb_diag(c, GD_SEV_NOTE, child, "status", "disabled ITS skipped");
	}
}

void dtb_load_gicv5(struct dtb_ctx *c)
{
	struct gd_platform *p = c->p;
	uint32_t icells = 0;
	p->gic_version = GD_GIC_V5;
	if (dtb_u32(c, c->gic, "#interrupt-cells", &icells) != 1 || icells != 3)
		dtb_diag(c, GD_SEV_ERROR, c->gic, "#interrupt-cells",
		         "must be 3 (arm,gic-v5.yaml)");
	else
		c->gic_icells = 3;
	int child;
	fdt_for_each_subnode(child, c->fdt, c->gic)
	{
		if (fdt_node_check_compatible(c->fdt, child, "arm,gic-v5-irs"))
			continue;
		if (dtb_available(c, child))
			load_irs(c, child);
		else
			dtb_diag(c, GD_SEV_NOTE, child, "status", "disabled IRS skipped");
	}
	if (!p->n_irses)
		dtb_diag(c, GD_SEV_ERROR, c->gic, NULL,
		         "no usable IRS (arm,gic-v5-irs child): Linux gicv5_of_init() fails");
	dtb_assume(c, "IRS IDs assumed to be the order of the IRS nodes (0, 1, ...): a DTB does "
	              "not state them");
	if (p->n_v5_its)
		dtb_assume(c, "GICv5 ITS Translator IDs and translate frame IDs assumed to be the "
		              "order of their nodes (0, 1, ...): a DTB does not state them");
	dtb_gic_maintenance(c);
}

void dtb_load_iwbs(struct dtb_ctx *c)
{
	struct gd_platform *p = c->p;
	for (int off = fdt_node_offset_by_compatible(c->fdt, -1, "arm,gic-v5-iwb"); off >= 0;
	     off = fdt_node_offset_by_compatible(c->fdt, off, "arm,gic-v5-iwb")) {
		struct dtb_msi_parent mp;
		struct dtb_mmio m;
		if (!dtb_available(c, off)) {
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled IWB skipped");
			continue;
		}
		int n = dtb_msi_parents(c, off, true, false, &mp, 1);
		if (n == 0)
			dtb_diag(
			    c, GD_SEV_ERROR, off, "msi-parent",
			    "the IWB names no ITS translate frame of the model with its DeviceID: "
			    "its wires raise no interrupt (arm,gic-v5-iwb.yaml: required)");
		if (n != 1)
			continue;
		struct gd_iwb *iwb = gd_node_as_iwb(
		    dtb_add_mmio_node(c, off, GD_NODE_IWB, sizeof(struct gd_iwb), "IWB", &m));
		if (!iwb)
			continue;
		iwb->iwb_id = (uint32_t)iwb->node.index;
		iwb->base = m.base;
		dtb_offs_push(c, &c->iwb, off);
		dtb_single_map(
		    c, off, &mp,
		    GD_ARRAY_PUSH(&p->arena, iwb->node.maps, iwb->node.n_maps, iwb->node.cap_maps));
	}
	if (p->n_iwbs)
		dtb_assume(
		    c, "IWB indexes assumed to be the order of the IWB nodes (0, 1, ...): a DTB "
		       "does not state them");
}

/* SPDX-License-Identifier: MIT */
/*
 * dt_build_gicv5.c - the device tree of a GICv5 (Linux 7.2
 * interrupt-controller/arm,gic-v5.yaml and arm,gic-v5-iwb.yaml): the
 * arm,gic-v5 node "interrupt-controller" (no reg: the IRSes hold the
 * frames), one irs@ child per IRS (reg-names "ns-config" [, "ns-setlpi"],
 * cpus and their 16-bit arm,iaffids), each GICv5 ITS an its@ child of its
 * IRS ("ns-config") and each of its translate frames an msi-controller@
 * child of the ITS ("ns-translate", #msi-cells 1): the frames are the ITS
 * nodes of the model, which msi-map, iommu-map and msi-parent name. The
 * IWBs are arm,gic-v5-iwb nodes under the root with msi-parent = <&frame
 * DeviceID>. Every bus node gives 2-cell addresses and sizes and an empty
 * ranges, so every reg is a CPU address (as QEMU 11.1 writes its IRS).
 *
 * Not written, by design: what exists only in ACPI (IRS ID, Translator ID,
 * translate frame ID, IWB index and device name) and what Linux reads from
 * the registers (IAFFID bits, SPI ranges, DeviceID and EventID bits, IWB
 * wires).
 */
#include <stdio.h>

#include "emit/dt_build.h"

/* Adds node "@prefix@BASE" labelled @label under @parent with compatible @compatible (NULL: none).
 */
static struct gd_dt_node *frame_node(struct gd_dt_builder *b, struct gd_dt_node *parent,
                                     const char *prefix, uint64_t base, const char *label,
                                     const char *compatible, const struct gd_loc *loc)
{
	char name[64];
	snprintf(name, sizeof(name), "%s@%llx", prefix, (unsigned long long)base);
	struct gd_dt_node *n = gd_dt_builder_node(b, parent, name, label, loc);
	if (compatible)
		gd_dt_add_string(b->t, n, "compatible", compatible);
	return n;
}

/*
 * Adds reg and reg-names of @n: the @n_frames frames @bases, 64 KiB each
 * unless @size, named @names. (Each property is filled before the next is
 * added: adding one may move the others.)
 */
static void put_frames(struct gd_dt_builder *b, struct gd_dt_node *n, size_t n_frames,
                       const uint64_t *bases, uint64_t size, const char *const *names)
{
	struct gd_dt_prop *reg = gd_dt_add_cells(b->t, n, "reg", 4);
	for (size_t i = 0; i < n_frames; i++)
		gd_dt_builder_push_reg(b, reg, bases[i], size ? size : GD_V5_FRAME_SIZE, names[i]);
	struct gd_dt_prop *reg_names = gd_dt_add_strings(b->t, n, "reg-names");
	for (size_t i = 0; i < n_frames; i++)
		gd_dt_push_string(b->t, reg_names, names[i]);
}

/* #address-cells, #size-cells 2 and an empty ranges: the children's reg are CPU addresses. */
static void bus_cells(struct gd_dt_builder *b, struct gd_dt_node *n)
{
	gd_dt_add_u32(b->t, n, "#address-cells", 2);
	gd_dt_add_u32(b->t, n, "#size-cells", 2);
	gd_dt_add_flag(b->t, n, "ranges");
}

/* The translate frame p->its[i] (an msi-controller@ child of its ITS's node @parent). */
static void build_frame(struct gd_dt_builder *b, struct gd_dt_node *parent, size_t i)
{
	const struct gd_its *its = b->p->its[i];
	struct gd_dt_node *n = frame_node(b, parent, "msi-controller", its->base, its->node.name,
	                                  NULL, &its->node.loc);
	n->source = &its->node;
	b->its[i] = n;
	static const char *const names[] = {"ns-translate"};
	put_frames(b, n, 1, &its->base, its->size, names);
	gd_dt_add_u32(b->t, n, "#msi-cells", 1);
	gd_dt_add_flag(b->t, n, "msi-controller");
}

/* The GICv5 ITS @v5 (an its@ child of its IRS's node @parent) and its translate frames. */
static void build_its(struct gd_dt_builder *b, struct gd_dt_node *parent,
                      const struct gd_v5_its *v5)
{
	struct gd_dt_node *n =
	    frame_node(b, parent, "its", v5->config_base, v5->name, "arm,gic-v5-its", &v5->loc);
	static const char *const names[] = {"ns-config"};
	put_frames(b, n, 1, &v5->config_base, 0, names);
	bus_cells(b, n);
	if (v5->non_coherent)
		gd_dt_add_flag(b->t, n, "dma-noncoherent");
	size_t frames = 0;
	for (size_t i = 0; i < b->p->n_its; i++)
		if (b->p->its[i]->v5 == v5) {
			build_frame(b, n, i);
			frames++;
		}
	if (!frames)
		gd_dt_error(b, &v5->loc,
		            "DT: GICv5 ITS '%s' has no translate frame; nothing can send it an MSI",
		            v5->name);
}

/* The IRS @irs (an irs@ child of the GIC) with its PEs and its ITSes. */
static void build_irs(struct gd_dt_builder *b, const struct gd_irs *irs)
{
	struct gd_dt_node *n =
	    frame_node(b, b->gic, "irs", irs->config_base, irs->name, "arm,gic-v5-irs", &irs->loc);
	static const char *const names[] = {"ns-config", "ns-setlpi"};
	const uint64_t bases[] = {irs->config_base, irs->setlpi_base};
	put_frames(b, n, irs->setlpi_base ? 2 : 1, bases, 0, names);
	bus_cells(b, n);
	if (irs->non_coherent)
		gd_dt_add_flag(b->t, n, "dma-noncoherent");
	if (!irs->n_pes)
		gd_dt_error(b, &irs->loc,
		            "DT: IRS '%s' serves no CPU; arm,gic-v5.yaml requires cpus and "
		            "arm,iaffids (Linux gicv5_irs_of_init_affinity() refuses the IRS)",
		            irs->name);
	struct gd_dt_prop *cpus = gd_dt_add_cells(b->t, n, "cpus", 0);
	for (size_t k = 0; k < irs->n_pes; k++)
		gd_dt_push_ref(b->t, cpus, b->cpus[irs->pes[k].cpu]);
	struct gd_dt_prop *ids = gd_dt_add_cells(b->t, n, "arm,iaffids", 0);
	ids->bits16 = true;
	for (size_t k = 0; k < irs->n_pes; k++)
		gd_dt_push_u32(b->t, ids, irs->pes[k].iaffid);
	for (size_t i = 0; i < b->p->n_v5_its; i++)
		if (b->p->v5_its[i]->irs == irs)
			build_its(b, n, b->p->v5_its[i]);
}

void gd_dt_build_gicv5(struct gd_dt_builder *b)
{
	const struct gd_platform *p = b->p;
	struct gd_dt_node *n =
	    gd_dt_builder_node(b, b->t->root, "interrupt-controller", "gic", &p->gic_loc);
	b->gic = b->t->gic = n;
	gd_dt_add_string(b->t, n, "compatible", "arm,gic-v5");
	gd_dt_add_u32(b->t, n, "#interrupt-cells", b->icells);
	bus_cells(b, n);
	gd_dt_add_flag(b->t, n, "interrupt-controller");
	gd_dt_build_vgic_interrupt(b, n);
	if (!p->n_irses)
		gd_dt_error(b, &p->gic_loc,
		            "DT: the GICv5 has no IRS; arm,gic-v5.yaml wants one or more");
	for (size_t i = 0; i < p->n_irses; i++)
		build_irs(b, p->irses[i]);
	for (size_t i = 0; i < p->n_its; i++)
		if (!p->its[i]->v5)
			gd_dt_error(b, &p->its[i]->node.loc,
			            "DT: ITS '%s' is no translate frame of a GICv5 ITS; an "
			            "arm,gic-v5 has no GICv3 ITS",
			            p->its[i]->node.name);
	gd_dt_build_v2m_frames(b);
}

void gd_dt_build_iwbs(struct gd_dt_builder *b)
{
	for (size_t i = 0; i < b->p->n_iwbs; i++) {
		const struct gd_iwb *iwb = b->p->iwbs[i];
		struct gd_dt_node *n = frame_node(b, b->t->root, "interrupt-controller", iwb->base,
		                                  iwb->node.name, "arm,gic-v5-iwb", &iwb->node.loc);
		n->source = &iwb->node;
		gd_dt_builder_push_reg(b, gd_dt_add_cells(b->t, n, "reg", 4), iwb->base,
		                       GD_V5_FRAME_SIZE, "IWB control frame");
		gd_dt_add_u32(b->t, n, "#address-cells", 0);
		gd_dt_add_u32(b->t, n, "#interrupt-cells", 2);
		gd_dt_add_flag(b->t, n, "interrupt-controller");
		gd_dt_msi_parent(b, n, &iwb->node);
	}
}

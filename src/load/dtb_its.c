/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: ITS frames (arm,gic-v3.yaml "msi-controller@" subnodes,
 * compatible arm,gic-v3-its). Like Linux its_of_probe(), every enabled
 * arm,gic-v3-its node after the GIC node counts, and one without
 * msi-controller is ignored.
 */
#include "load/dtb.h"

#include <libfdt.h>

#include "load/assume.h"

void dtb_its_widths(struct dtb_ctx *c, struct gd_its *its, const char *path)
{
	const struct gd_load_options none = {0}, *g = c->given ? c->given : &none;
	const struct gd_its_width_facts f = {
	    .its = g->its,
	    .n_its = g->n_its,
	    .device_id_bits = g->device_id_bits,
	    .event_id_bits = g->event_id_bits,
	    .def_device_id_bits = c->opt.device_id_bits,
	    .def_event_id_bits = c->opt.event_id_bits,
	    .why = "a DTB does not state them",
	};
	gd_load_its_widths(c->p, its, path, &f);
}

/* Loads the ITS at node @off; its_id is its order among the loaded ITSes. */
static void load_one(struct dtb_ctx *c, int off)
{
	struct dtb_mmio m;
	struct gd_its *its = gd_node_as_its(
	    dtb_add_mmio_node(c, off, GD_NODE_ITS, sizeof(struct gd_its), "ITS", &m));
	if (!its)
		return;
	its->its_id = (uint32_t)its->node.index;
	its->base = m.base;
	its->size = m.size;
	dtb_its_widths(c, its, dtb_path(c, off));
	its->has_proximity_domain = m.has_numa;
	its->proximity_domain = m.numa;
	dtb_offs_push(c, &c->its, off);
}

void dtb_load_its(struct dtb_ctx *c)
{
	if (c->p->gic_version == GD_GIC_V5)
		return; /* its translate frames are loaded with it (dtb_gicv5.c) */
	for (int off = fdt_node_offset_by_compatible(c->fdt, c->gic, "arm,gic-v3-its"); off >= 0;
	     off = fdt_node_offset_by_compatible(c->fdt, off, "arm,gic-v3-its")) {
		if (dtb_msi_controller_usable(c, off, GD_DT_ITS, "ITS"))
			load_one(c, off);
	}
	if (!c->p->n_its)
		return;
	dtb_assume(c, "ITS IDs assumed to be the order of the ITS nodes (0, 1, ...): a DTB does "
	              "not state them");
}

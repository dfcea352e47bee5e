/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: ITS frames (arm,gic-v3.yaml "msi-controller@" subnodes,
 * compatible arm,gic-v3-its). Like Linux its_of_probe(), every enabled
 * arm,gic-v3-its node after the GIC node counts, and one without
 * msi-controller is ignored.
 */
#include "load/dtb.h"

#include <libfdt.h>

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
	its->device_id_bits = c->opt.device_id_bits;
	its->event_id_bits = c->opt.event_id_bits;
	its->has_proximity_domain = m.has_numa;
	its->proximity_domain = m.numa;
	dtb_offs_push(c, &c->its, off);
}

void dtb_load_its(struct dtb_ctx *c)
{
	for (int off = fdt_node_offset_by_compatible(c->fdt, c->gic, "arm,gic-v3-its"); off >= 0;
	     off = fdt_node_offset_by_compatible(c->fdt, off, "arm,gic-v3-its")) {
		if (!dtb_available(c, off))
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled ITS skipped");
		else if (!dtb_has(c, off, "msi-controller"))
			dtb_diag(c, GD_SEV_WARNING, off, NULL,
			         "ITS without msi-controller: ignored, as Linux does");
		else
			load_one(c, off);
	}
	if (!c->p->n_its)
		return;
	dtb_assume(c, "ITS IDs assumed to be the order of the ITS nodes (0, 1, ...): a DTB does "
	              "not state them");
	if (!c->given || !c->given->device_id_bits)
		dtb_assume(c,
		           "ITS DeviceID bits assumed %u (GITS_TYPER.Devbits + 1): a DTB does "
		           "not state them",
		           c->opt.device_id_bits);
	if (!c->given || !c->given->event_id_bits)
		dtb_assume(c,
		           "ITS EventID bits assumed %u (GITS_TYPER.ID_bits + 1): a DTB does "
		           "not state them",
		           c->opt.event_id_bits);
}

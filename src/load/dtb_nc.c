/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: platform devices that raise MSIs through an ITS, a GICv2m
 * frame or MBI become named components (Linux 6.1 msi.txt; irq-gic-v3-its-platform-msi.c
 * of_pmsi_get_dev_id(): the DeviceID is the msi-parent cell, else msi-map).
 * Nodes the other parts load (GIC, ITS, SMMU, CPUs, PCI hosts, IWBs) and nodes on a
 * PCI bus are not named components.
 */
#include "load/dtb.h"

#include <libfdt.h>
#include <string.h>

static bool on_pci(const struct dtb_ctx *c, int off)
{
	for (int n = off; n >= 0; n = dtb_parent(c, n)) {
		int len = 0;
		const char *t = fdt_getprop(c->fdt, n, "device_type", &len);
		if (t && len == 4 && !memcmp(t, "pci", 4))
			return true;
	}
	return false;
}

static bool loaded_elsewhere(const struct dtb_ctx *c, int off)
{
	return off == c->gic || dtb_offs_find(&c->its, off) >= 0 ||
	       dtb_offs_find(&c->v2m, off) >= 0 || dtb_offs_find(&c->smmu, off) >= 0 ||
	       dtb_offs_find(&c->cpu, off) >= 0 || dtb_offs_find(&c->iwb, off) >= 0 ||
	       dtb_is_pmcg(c, off);
}

static void load_one(struct dtb_ctx *c, int off)
{
	struct gd_platform *p = c->p;
	struct gd_named_component *nc = gd_arena_alloc(&p->arena, sizeof(*nc));
	struct gd_node *n = &nc->node;
	struct dtb_msi_parent mp[8];

	n->kind = GD_NODE_NAMED_COMPONENT;
	dtb_direct_lpi_parent(c, off, n);
	int k = dtb_msi_parents(c, off, true, true, mp, sizeof(mp) / sizeof(mp[0]));
	for (int i = 0; i < k; i++)
		dtb_single_map(c, off, &mp[i],
		               GD_ARRAY_PUSH(&p->arena, n->maps, n->n_maps, n->cap_maps));
	if (!n->n_maps) {
		struct dtb_map_dest dst = {&n->maps, &n->n_maps, &n->cap_maps, NULL, NULL};
		dtb_read_map(c, off, "msi-map", &dst);
	}
	if (!n->n_maps)
		return;
	n->name = dtb_node_name(c, off);
	n->loc = dtb_loc(c, off, NULL);
	n->index = p->n_ncs;
	nc->dt_path = dtb_path(c, off);
	nc->mem = dtb_mem_access(c, off);
	nc->memory_address_limit = 64;
	*GD_ARRAY_PUSH(&p->arena, p->ncs, p->n_ncs, p->cap_ncs) = nc;
}

void dtb_load_named_components(struct dtb_ctx *c)
{
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		if (!dtb_has(c, off, "msi-parent") && !dtb_has(c, off, "msi-map"))
			continue;
		if (loaded_elsewhere(c, off) || on_pci(c, off) || !dtb_available(c, off))
			continue;
		load_one(c, off);
	}
}

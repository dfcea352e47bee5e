/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: SMMUv3 PMCG nodes (Linux perf/arm,smmu-v3-pmcg.yaml,
 * compatible arm,smmu-v3-pmcg): reg page 0 and page 1 (4 KiB each), the
 * overflow interrupt (interrupts), or msi-parent = <&its DeviceID> for its
 * own MSI. A DT does not say which SMMU a PMCG counts for: no node reference.
 */
#include "load/dtb.h"

#include <libfdt.h>

bool dtb_is_pmcg(const struct dtb_ctx *c, int off)
{
	return dtb_compatible(c, off, "arm,smmu-v3-pmcg");
}

static void load_one(struct dtb_ctx *c, int off)
{
	struct dtb_mmio m;
	struct gd_pmcg *g = gd_node_as_pmcg(
	    dtb_add_mmio_node(c, off, GD_NODE_PMCG, sizeof(struct gd_pmcg), "PMCG", &m));
	if (!g)
		return;
	g->page0_base = m.base;
	uint64_t size;
	g->has_page1 = dtb_reg(c, off, 1, &g->page1_base, &size) == 1;
	struct dtb_irq irq;
	if (dtb_irq(c, off, 0, &irq) == 1)
		g->overflow_intid = irq.intid;
	struct dtb_msi_parent mp[8];
	if (dtb_msi_parents(c, off, true, false, mp, sizeof(mp) / sizeof(mp[0])) > 0) {
		struct gd_id_map *map =
		    GD_ARRAY_PUSH(&c->p->arena, g->node.maps, g->node.n_maps, g->node.cap_maps);
		dtb_single_map(c, off, &mp[0], map);
	}
}

void dtb_load_pmcgs(struct dtb_ctx *c)
{
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		if (!dtb_is_pmcg(c, off))
			continue;
		if (!dtb_available(c, off)) {
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled PMCG skipped");
			continue;
		}
		load_one(c, off);
	}
}

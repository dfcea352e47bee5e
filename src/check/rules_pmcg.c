/* SPDX-License-Identifier: MIT */
/*
 * Rules over SMMUv3 performance monitor counter groups (IORT PMCG node, IORT
 * E.e §3.1.1.6), as Linux 6.12 drivers/acpi/arm64/iort.c reads them: the
 * overflow interrupt is the GSIV when there is one
 * (arm_smmu_v3_pmcg_init_resources(), edge-triggered); otherwise ID mapping
 * 0 is the PMCG's own MSI (iort_get_id_mapping_index()), which must be a
 * single mapping with an output reference ("Invalid MSI mapping",
 * iort_set_device_domain()) into an ITS group, or the PMCG gets no MSI
 * domain; with neither, drivers/perf/arm_smmuv3_pmu.c smmu_pmu_probe() fails
 * ("Setup irq failed"). The node reference names the SMMUv3, named component
 * or root complex the counters count for; Linux does not read it.
 */
#include "check/rule.h"

void gd_rule_pmcg_id_mapping(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_pmcgs; i++) {
		const struct gd_pmcg *g = c->p->pmcgs[i];
		const struct gd_id_map *m = g->node.n_maps ? &g->node.maps[0] : NULL;
		if (g->node.n_maps > 1)
			gd_check_report(c, &g->node.maps[1].loc,
			                "PMCG '%s' has %zu ID mappings: IORT allows one, its own "
			                "MSI, and Linux reads ID mapping 0 only",
			                g->node.name, g->node.n_maps);
		if (!m || g->overflow_intid)
			continue;
		if (!m->single)
			gd_check_report(c, &m->loc,
			                "PMCG '%s': its ID mapping is not a single mapping (Linux "
			                "iort_set_device_domain(): FW_BUG \"Invalid MSI "
			                "mapping\"): the PMCG gets no MSI domain",
			                g->node.name);
		else if (m->output && m->output->kind != GD_NODE_ITS)
			gd_check_report(c, &m->loc,
			                "PMCG '%s': its MSI mapping outputs to %s '%s', not an ITS "
			                "group: Linux gives it no MSI domain "
			                "(iort_set_device_domain())",
			                g->node.name, gd_node_what(m->output), m->output->name);
	}
}

void gd_rule_pmcg_node_ref(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_pmcgs; i++) {
		const struct gd_pmcg *g = c->p->pmcgs[i];
		const struct gd_node *n = g->node_ref;
		if (!n || n->kind == GD_NODE_ROOT_COMPLEX || n->kind == GD_NODE_NAMED_COMPONENT ||
		    (n->kind == GD_NODE_SMMU &&
		     gd_node_as_smmu((struct gd_node *)n)->version == GD_SMMU_V3))
			continue;
		gd_check_report(c, &g->node_ref_loc,
		                "PMCG '%s': its node reference is %s '%s'; IORT E.e §3.1.1.6 "
		                "wants the SMMUv3, named component or root complex it counts "
		                "for",
		                g->node.name, gd_node_what(n), n->name);
	}
}

void gd_rule_pmcg_overflow(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_pmcgs; i++) {
		const struct gd_pmcg *g = c->p->pmcgs[i];
		if (!g->overflow_intid && !g->node.n_maps)
			gd_check_report(c, &g->node.loc,
			                "PMCG '%s' has neither an overflow interrupt GSIV nor an "
			                "ID mapping for its MSI: Linux's arm_smmuv3_pmu does not "
			                "probe it (\"Setup irq failed\"), and a DT node needs "
			                "interrupts or msi-parent (arm,smmu-v3-pmcg.yaml)",
			                g->node.name);
	}
}

void gd_rule_pmcg_overflow_gsiv(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_pmcgs; i++)
		gd_check_wired_spi(c, &c->p->pmcgs[i]->node, "overflow",
		                   c->p->pmcgs[i]->overflow_intid);
}

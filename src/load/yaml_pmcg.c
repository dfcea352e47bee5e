/* SPDX-License-Identifier: MIT */
/*
 * yaml_pmcg.c - pmcgs: SMMUv3 performance monitor counter groups (IORT PMCG
 * node, IORT E.e §3.1.1.6; DT perf/arm,smmu-v3-pmcg.yaml): register pages,
 * overflow interrupt, the node they count for, and their own MSI as an
 * id-map: of one single mapping into an ITS.
 */
#include <string.h>

#include "load/yaml_platform.h"

static const struct gd_yfield pmcg_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"page0-base", GD_YF_BYTES, GD_YF_AT(struct gd_pmcg, page0_base), .required = true},
    {"page1-base", GD_YF_BYTES, GD_YF_AT(struct gd_pmcg, page1_base),
     .flag_off = offsetof(struct gd_pmcg, has_page1)},
    /* the IORT node reference, resolved by gd_yaml_pmcgs_finish() */
    {"node", GD_YF_CUSTOM, GD_YF_AT(struct gd_pmcg, node_ref_name),
     .flag_off = offsetof(struct gd_pmcg, node_ref_loc), .decode = gd_yaml_decode_located_string,
     .required = true},
    {"overflow-interrupt", GD_YF_INTID, GD_YF_AT(struct gd_pmcg, overflow_intid)},
    {"id-map", GD_YF_CUSTOM, .decode = gd_yaml_decode_id_maps},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_pmcgs(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                         const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {pmcg_fields, NULL};
	(void)obj;
	(void)f;
	return gd_yaml_decode_nodes(c, v, "PMCGs", GD_NODE_PMCG, sizeof(struct gd_pmcg), NULL,
	                            tables);
}

void gd_yaml_pmcgs_finish(struct gd_yctx *c)
{
	for (size_t i = 0; i < c->p->n_pmcgs; i++) {
		struct gd_pmcg *g = c->p->pmcgs[i];
		if (!g->node_ref_name)
			continue;
		g->node_ref = gd_platform_find_node(c->p, g->node_ref_name);
		if (!g->node_ref && !c->unnamed)
			gd_yerror_loc(c, &g->node_ref_loc, "yaml-unknown-reference",
			              "unknown reference '%s': no node of the description has this "
			              "name",
			              g->node_ref_name);
	}
}

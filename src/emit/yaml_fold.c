/* SPDX-License-Identifier: MIT */
/*
 * yaml_fold.c - the ID mappings the YAML description gives a root complex
 * with a DT iommu-map, and the SMMUs behind it (gd_yaml_fold_iommu_maps()).
 *
 * A DT states a PCI host's MSI routing (msi-map, RID -> DeviceID, pci-msi.txt)
 * and its DMA translation (iommu-map, RID -> StreamID, pci-iommu.txt) apart
 * and never the SMMU's StreamID -> DeviceID; the format states the chain
 * RID -> StreamID -> DeviceID (IORT E.e §3.2.2). So the iommu-map becomes the
 * root complex's id-map into the SMMU, and each RID range that both maps
 * cover gives the SMMU a StreamID -> DeviceID mapping to the DeviceID msi-map
 * gives it: a RID's route then ends where msi-map says (Linux of_map_id()
 * takes the first entry that holds an ID, and so do we). RIDs that only
 * msi-map covers keep their direct mapping. Two hosts whose StreamIDs meet
 * in one SMMU with different DeviceIDs cannot be said: refused.
 */
#include <stdio.h>
#include <stdlib.h>

#include "emit/yaml.h"

/* One segment of a root complex's RIDs: the first msi-map and iommu-map entries holding it. */
struct segment {
	uint64_t lo, count;
	const struct gd_id_map *msi, *iommu;
};

/* A StreamID range one root complex sends to an SMMU, and the DeviceIDs it needs there. */
struct claim {
	uint64_t sid, count;
	struct gd_node *output; /* NULL: the RIDs have no MSI route */
	uint32_t output_base;
	const struct gd_root_complex *rc;
};

/* Every root complex's claims on one SMMU (by walk index). */
struct claims {
	struct claim *v;
	size_t n, cap;
};

/* The first of @n maps @v (non-single, in order) that holds ID @id, or NULL. */
static const struct gd_id_map *first_holding(const struct gd_id_map *v, size_t n, uint64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (!v[i].single && v[i].input_base <= id && id < v[i].input_base + v[i].count)
			return &v[i];
	return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Appends mapping @m to @maps, or extends the last one when @m continues it. */
static void append_map(struct gd_arena *a, struct gd_yaml_maps *maps, const struct gd_id_map *m)
{
	struct gd_id_map *last = maps->n ? &maps->v[maps->n - 1] : NULL;
	if (last && last->output == m->output && !last->single && !m->single &&
	    (uint64_t)last->input_base + last->count == m->input_base &&
	    (uint64_t)last->output_base + last->count == m->output_base) {
		last->count += m->count;
		return;
	}
	*GD_ARRAY_PUSH(a, maps->v, maps->n, maps->cap) = *m;
}

/* The RIDs of @rc cut where any msi-map or iommu-map entry starts or ends: *@n segments. */
static struct segment *segments(struct gd_arena *a, const struct gd_root_complex *rc, size_t *n)
{
	size_t k = 0, n_edges = 2 * (rc->node.n_maps + rc->n_iommu_maps);
	uint64_t *edge = calloc(n_edges ? n_edges : 1, sizeof(*edge));
	if (!edge) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	const struct gd_id_map *lists[2] = {rc->node.maps, rc->iommu_maps};
	size_t counts[2] = {rc->node.n_maps, rc->n_iommu_maps};
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < counts[l]; i++) {
			edge[k++] = lists[l][i].input_base;
			edge[k++] = lists[l][i].input_base + lists[l][i].count;
		}
	qsort(edge, k, sizeof(*edge), cmp_u64);
	struct segment *v = gd_arena_alloc(a, (k ? k : 1) * sizeof(*v));
	*n = 0;
	for (size_t i = 0; i + 1 < k; i++) {
		if (edge[i] == edge[i + 1])
			continue;
		struct segment s = {edge[i], edge[i + 1] - edge[i],
		                    first_holding(rc->node.maps, rc->node.n_maps, edge[i]),
		                    first_holding(rc->iommu_maps, rc->n_iommu_maps, edge[i])};
		if (s.msi || s.iommu)
			v[(*n)++] = s;
	}
	free(edge);
	return v;
}

/*
 * Folds root complex @rc's iommu-map into its id-map (plan maps[@i]) and
 * records the StreamIDs it claims of each SMMU in @claims.
 */
static void fold_iommu_map(struct gd_yaml_planner *c, const struct gd_root_complex *rc, size_t i,
                           struct claims *claims)
{
	struct gd_yaml_plan *plan = c->plan;
	for (size_t k = 0; k < rc->node.n_maps; k++)
		if (rc->node.maps[k].output->kind == GD_NODE_DIRECT_LPI) {
			gd_yaml_refuse(
			    c, &rc->node.loc, "import-iommu-map",
			    "'%s' has an iommu-map and MSIs to the Direct-LPI target '%s', which "
			    "takes no ID: the format has no StreamID mapping into it",
			    rc->node.name, rc->node.maps[k].output->name);
			return;
		}
	size_t n;
	struct segment *seg = segments(&plan->arena, rc, &n);
	for (size_t k = 0; k < n; k++) {
		const struct gd_id_map *via = seg[k].iommu ? seg[k].iommu : seg[k].msi;
		struct gd_id_map m = *via;
		m.input_base = (uint32_t)seg[k].lo;
		m.count = seg[k].count;
		m.output_base = (uint32_t)(via->output_base + (seg[k].lo - via->input_base));
		m.msi_parent = false; /* an msi-parent's RIDs, unchanged, are an ID mapping here */
		append_map(&plan->arena, &plan->maps[i], &m);
		if (!seg[k].iommu)
			continue;
		if (seg[k].iommu->output->kind != GD_NODE_SMMU) {
			gd_yaml_refuse(c, &seg[k].iommu->loc, "import-iommu-map",
			               "iommu-map of '%s' leads to %s '%s', not an SMMU",
			               rc->node.name, gd_node_what(seg[k].iommu->output),
			               seg[k].iommu->output->name);
			continue;
		}
		struct claim cl = {m.output_base, m.count, NULL, 0, rc};
		if (seg[k].msi) {
			cl.output = seg[k].msi->output;
			cl.output_base = (uint32_t)(seg[k].msi->output_base +
			                            (seg[k].lo - seg[k].msi->input_base));
		}
		struct claims *to = &claims[gd_yaml_node_index(plan, seg[k].iommu->output)];
		*GD_ARRAY_PUSH(&plan->arena, to->v, to->n, to->cap) = cl;
	}
}

static int cmp_claim(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;
	return x->sid < y->sid ? -1 : x->sid > y->sid;
}

/* Do claims @x and @y, which overlap, ask the same of their common StreamIDs? */
static bool agree(const struct claim *x, const struct claim *y)
{
	return x->output == y->output && (!x->output || (uint32_t)(x->output_base - x->sid) ==
	                                                    (uint32_t)(y->output_base - y->sid));
}

/* The StreamID -> DeviceID mappings of SMMU node @i from its claims; refuses a conflict. */
static void smmu_maps(struct gd_yaml_planner *c, size_t i, struct claims *cl)
{
	struct gd_yaml_plan *plan = c->plan;
	qsort(cl->v, cl->n, sizeof(*cl->v), cmp_claim);
	uint64_t covered = 0; /* StreamIDs below this are in the maps already */
	for (size_t k = 0; k < cl->n; k++) {
		const struct claim *x = &cl->v[k];
		for (size_t j = k + 1; j < cl->n && cl->v[j].sid < x->sid + x->count; j++)
			if (!agree(x, &cl->v[j]))
				gd_yaml_refuse(
				    c, &cl->v[j].rc->node.loc, "import-stream-id-conflict",
				    "StreamIDs 0x%llx.. of %s '%s' are reached from '%s' and '%s' "
				    "with different DeviceIDs in their msi-map: one StreamID -> "
				    "DeviceID mapping cannot give both",
				    (unsigned long long)cl->v[j].sid,
				    gd_node_what(gd_platform_node(plan->p, i)),
				    gd_platform_node(plan->p, i)->name, x->rc->node.name,
				    cl->v[j].rc->node.name);
		uint64_t end = x->sid + x->count;
		if (!x->output || end <= covered)
			continue;
		uint64_t lo = x->sid > covered ? x->sid : covered;
		struct gd_id_map m = {.input_base = (uint32_t)lo,
		                      .count = end - lo,
		                      .output_base = (uint32_t)(x->output_base + (lo - x->sid)),
		                      .output = x->output,
		                      .output_name = x->output->name,
		                      .loc = x->rc->node.loc};
		append_map(&plan->arena, &plan->maps[i], &m);
		covered = end;
	}
}

void gd_yaml_fold_iommu_maps(struct gd_yaml_planner *c)
{
	struct gd_yaml_plan *plan = c->plan;
	struct claims *claims =
	    gd_arena_alloc(&plan->arena, (plan->n_nodes ? plan->n_nodes : 1) * sizeof(*claims));
	for (size_t i = 0; i < plan->n_nodes; i++) {
		const struct gd_root_complex *rc = gd_node_as_rc(gd_platform_node(plan->p, i));
		if (rc && rc->n_iommu_maps)
			fold_iommu_map(c, rc, i, claims);
	}
	for (size_t i = 0; i < plan->n_nodes; i++)
		if (claims[i].n)
			smmu_maps(c, i, &claims[i]);
}

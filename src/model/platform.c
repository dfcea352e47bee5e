/* SPDX-License-Identifier: MIT */
#include "model/platform.h"

#include <string.h>

void gd_platform_free(struct gd_platform *p)
{
	gd_arena_free(&p->arena);
	memset(p, 0, sizeof(*p));
}

/* One array of node pointers of the platform: the members of one kind. */
struct node_array {
	void ***v;
	size_t *n, *cap;
};

/* The platform's array for @kind, in the order gd_platform_node() walks them. */
static struct node_array array_of(struct gd_platform *p, enum gd_node_kind kind)
{
	switch (kind) {
	case GD_NODE_ITS:
		return (struct node_array){(void ***)&p->its, &p->n_its, &p->cap_its};
	case GD_NODE_SMMU:
		return (struct node_array){(void ***)&p->smmus, &p->n_smmus, &p->cap_smmus};
	case GD_NODE_ROOT_COMPLEX:
		return (struct node_array){(void ***)&p->rcs, &p->n_rcs, &p->cap_rcs};
	case GD_NODE_NAMED_COMPONENT:
		return (struct node_array){(void ***)&p->ncs, &p->n_ncs, &p->cap_ncs};
	case GD_NODE_MSI_FRAME:
		return (struct node_array){(void ***)&p->msi_frames, &p->n_msi_frames,
		                           &p->cap_msi_frames};
	case GD_NODE_MBI:
		return (struct node_array){(void ***)&p->mbis, &p->n_mbis, &p->cap_mbis};
	case GD_NODE_DIRECT_LPI:
		return (struct node_array){(void ***)&p->direct_lpis, &p->n_direct_lpis,
		                           &p->cap_direct_lpis};
	case GD_NODE_PMCG:
		return (struct node_array){(void ***)&p->pmcgs, &p->n_pmcgs, &p->cap_pmcgs};
	case GD_NODE_IWB:
		return (struct node_array){(void ***)&p->iwbs, &p->n_iwbs, &p->cap_iwbs};
	}
	return (struct node_array){0};
}

static const enum gd_node_kind walk_order[] = {
    GD_NODE_ITS,       GD_NODE_SMMU, GD_NODE_ROOT_COMPLEX, GD_NODE_NAMED_COMPONENT,
    GD_NODE_MSI_FRAME, GD_NODE_MBI,  GD_NODE_DIRECT_LPI,   GD_NODE_PMCG,
    GD_NODE_IWB,
};

struct gd_node *gd_platform_node(const struct gd_platform *p, size_t i)
{
	for (size_t k = 0; k < sizeof(walk_order) / sizeof(walk_order[0]); k++) {
		struct node_array a = array_of((struct gd_platform *)p, walk_order[k]);
		if (i < *a.n)
			return (struct gd_node *)(*a.v)[i];
		i -= *a.n;
	}
	return NULL;
}

struct gd_node *gd_platform_find_node(const struct gd_platform *p, const char *name)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(p, i)); i++)
		if (!strcmp(n->name, name))
			return n;
	return NULL;
}

/* Each object embeds its node header as first member, so the cast is exact. */
struct gd_its *gd_node_as_its(struct gd_node *n)
{
	return n && n->kind == GD_NODE_ITS ? (struct gd_its *)n : NULL;
}

struct gd_smmu *gd_node_as_smmu(struct gd_node *n)
{
	return n && n->kind == GD_NODE_SMMU ? (struct gd_smmu *)n : NULL;
}

struct gd_root_complex *gd_node_as_rc(struct gd_node *n)
{
	return n && n->kind == GD_NODE_ROOT_COMPLEX ? (struct gd_root_complex *)n : NULL;
}

struct gd_named_component *gd_node_as_nc(struct gd_node *n)
{
	return n && n->kind == GD_NODE_NAMED_COMPONENT ? (struct gd_named_component *)n : NULL;
}

struct gd_msi_frame *gd_node_as_msi_frame(struct gd_node *n)
{
	return n && n->kind == GD_NODE_MSI_FRAME ? (struct gd_msi_frame *)n : NULL;
}

struct gd_mbi *gd_node_as_mbi(struct gd_node *n)
{
	return n && n->kind == GD_NODE_MBI ? (struct gd_mbi *)n : NULL;
}

struct gd_direct_lpi *gd_node_as_direct_lpi(struct gd_node *n)
{
	return n && n->kind == GD_NODE_DIRECT_LPI ? (struct gd_direct_lpi *)n : NULL;
}

struct gd_pmcg *gd_node_as_pmcg(struct gd_node *n)
{
	return n && n->kind == GD_NODE_PMCG ? (struct gd_pmcg *)n : NULL;
}

struct gd_iwb *gd_node_as_iwb(struct gd_node *n)
{
	return n && n->kind == GD_NODE_IWB ? (struct gd_iwb *)n : NULL;
}

bool gd_node_is_sink(enum gd_node_kind kind)
{
	return kind == GD_NODE_ITS || kind == GD_NODE_MSI_FRAME || kind == GD_NODE_MBI ||
	       kind == GD_NODE_DIRECT_LPI;
}

const char *gd_node_kind_name(enum gd_node_kind kind)
{
	switch (kind) {
	case GD_NODE_ITS:
		return "ITS";
	case GD_NODE_SMMU:
		return "SMMUv3";
	case GD_NODE_ROOT_COMPLEX:
		return "root complex";
	case GD_NODE_NAMED_COMPONENT:
		return "named component";
	case GD_NODE_MSI_FRAME:
		return "GICv2m frame";
	case GD_NODE_MBI:
		return "MBI";
	case GD_NODE_DIRECT_LPI:
		return "Direct LPI";
	case GD_NODE_PMCG:
		return "PMCG";
	case GD_NODE_IWB:
		return "IWB";
	}
	return "node";
}

const char *gd_node_what(const struct gd_node *n)
{
	if (n->kind == GD_NODE_SMMU && ((const struct gd_smmu *)n)->version == GD_SMMU_V1_V2)
		return "SMMUv1/v2";
	if (n->kind == GD_NODE_ITS && ((const struct gd_its *)n)->v5)
		return "ITS translate frame";
	return gd_node_kind_name(n->kind);
}

const struct gd_smmu_irq *gd_smmu_dt_global(const struct gd_smmu *s, struct gd_smmu_irq tmp[2],
                                            size_t *n)
{
	if (s->n_global) {
		*n = s->n_global;
		return s->global;
	}
	*n = 0;
	if (s->nsg_irpt.intid)
		tmp[(*n)++] = s->nsg_irpt;
	if (s->nsg_cfg_irpt.intid)
		tmp[(*n)++] = s->nsg_cfg_irpt;
	return tmp;
}

const char *gd_smmu_dt_compatible(enum gd_smmu_version version, uint32_t model)
{
	static const char *const v2[] = {
	    [GD_SMMUV1_GENERIC] = "arm,smmu-v1", [GD_SMMUV2_GENERIC] = "arm,smmu-v2",
	    [GD_SMMU_MMU400] = "arm,mmu-400",    [GD_SMMU_MMU500] = "arm,mmu-500",
	    [GD_SMMU_MMU401] = "arm,mmu-401",    [GD_SMMU_CAVIUM_THUNDERX] = "cavium,smmu-v2",
	};
	if (version == GD_SMMU_V3)
		return "arm,smmu-v3";
	return model < sizeof(v2) / sizeof(v2[0]) ? v2[model] : NULL;
}

bool gd_smmu_wired_irq(const struct gd_smmu *s, size_t i, struct gd_smmu_irq *irq,
                       const char **what)
{
	if (s->version == GD_SMMU_V3) {
		const struct {
			const char *what;
			uint32_t intid;
		} v3[] = {{"eventq", s->event_intid},
		          {"priq", s->pri_intid},
		          {"gerror", s->gerr_intid},
		          {"cmdq-sync", s->sync_intid}};
		for (size_t k = 0; k < sizeof(v3) / sizeof(v3[0]); k++)
			if (v3[k].intid && i-- == 0) {
				*irq = (struct gd_smmu_irq){v3[k].intid, true};
				*what = v3[k].what;
				return true;
			}
		return false;
	}
	struct gd_smmu_irq tmp[2];
	size_t n_global;
	const struct gd_smmu_irq *global = gd_smmu_dt_global(s, tmp, &n_global);
	const struct {
		const char *what;
		const struct gd_smmu_irq *v;
		size_t n;
	} lists[] = {{"global", global, n_global},
	             {"PMU", s->pmu, s->n_pmu},
	             {"context", s->context, s->n_context}};
	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		if (i < lists[k].n) {
			*irq = lists[k].v[i];
			*what = lists[k].what;
			return true;
		}
		i -= lists[k].n;
	}
	return false;
}

uint32_t gd_ppi_cpu_mask(const struct gd_platform *p)
{
	if (p->gic_version != GD_GIC_V2)
		return 0;
	return (1u << (p->n_cpus < 8 ? p->n_cpus : 8)) - 1;
}

uint32_t gd_dt_vgic_default_flags(const struct gd_platform *p)
{
	return (p->n_cpus && p->cpus[0].vgic_maint_edge ? 1u : 4u) | gd_ppi_cpu_mask(p) << 8;
}

bool gd_dt_vgic_flags_ok(uint32_t cell)
{
	uint32_t type = cell & 0xff;
	return (type == 1 || type == 2 || type == 4 || type == 8) && cell <= 0xff0f;
}

uint32_t gd_dt_vgic_flags(const struct gd_platform *p)
{
	return p->dt.has_vgic_flags ? p->dt.vgic_flags : gd_dt_vgic_default_flags(p);
}

const char *gd_gic_version_name(enum gd_gic_version v)
{
	switch (v) {
	case GD_GIC_V2:
		return "2";
	case GD_GIC_V3:
		return "3";
	case GD_GIC_V4:
		return "4";
	case GD_GIC_V4_1:
		return "4.1";
	case GD_GIC_V5:
		return "5";
	}
	return "?";
}

uint64_t gd_dist_size(enum gd_gic_version v)
{
	if (v == GD_GIC_V5)
		return 0;
	return v == GD_GIC_V2 ? 0x1000 : 0x10000;
}

uint64_t gd_redist_frame_size(enum gd_gic_version v)
{
	if (v == GD_GIC_V2 || v == GD_GIC_V5)
		return 0;
	return v == GD_GIC_V3 ? 0x20000 : 0x40000;
}

uint64_t gd_its_frame_size(enum gd_gic_version v)
{
	if (v == GD_GIC_V2)
		return 0;
	if (v == GD_GIC_V5)
		return GD_V5_FRAME_SIZE;
	return v == GD_GIC_V4_1 ? 0x30000 : 0x20000;
}

uint64_t gd_rc_ecam_size(const struct gd_root_complex *rc)
{
	return rc->ecam_size ? rc->ecam_size : gd_rc_rid_count(rc) << 12;
}

size_t gd_irs_serving(const struct gd_platform *p, size_t cpu, size_t from,
                      const struct gd_irs_pe **pe)
{
	for (size_t i = from; i < p->n_irses; i++)
		for (size_t k = 0; k < p->irses[i]->n_pes; k++)
			if (p->irses[i]->pes[k].cpu == cpu) {
				*pe = &p->irses[i]->pes[k];
				return i;
			}
	return p->n_irses;
}

uint64_t gd_rc_rid_count(const struct gd_root_complex *rc)
{
	if (rc->bus_end < rc->bus_start)
		return 0;
	return ((uint64_t)rc->bus_end - rc->bus_start + 1) << 8;
}

struct gd_node *gd_platform_add_node(struct gd_platform *p, enum gd_node_kind kind, size_t size)
{
	struct gd_node *n = gd_arena_alloc(&p->arena, size);
	struct node_array a = array_of(p, kind);
	n->kind = kind;
	n->index = *a.n;
	*GD_ARRAY_PUSH(&p->arena, *a.v, *a.n, *a.cap) = n;
	return n;
}

uint64_t gd_cpuif_size(uint64_t size)
{
	return size ? size : 0x2000;
}

/* Property names by enum gd_dt_binding_prop. */
static const char *const prop_names[GD_DTP_COUNT] = {
    [GD_DTP_INTERRUPT_CONTROLLER] = "interrupt-controller",
    [GD_DTP_INTERRUPT_CELLS] = "#interrupt-cells",
    [GD_DTP_MSI_CONTROLLER] = "msi-controller",
    [GD_DTP_MBI_RANGES] = "mbi-ranges",
    [GD_DTP_MSI_CELLS] = "#msi-cells",
    [GD_DTP_IOMMU_CELLS] = "#iommu-cells",
    [GD_DTP_ADDRESS_CELLS] = "#address-cells",
    [GD_DTP_SIZE_CELLS] = "#size-cells",
    [GD_DTP_RANGES] = "ranges",
    [GD_DTP_MSI_MAP] = "msi-map",
    [GD_DTP_MSI_MAP_MASK] = "msi-map-mask",
    [GD_DTP_IOMMU_MAP] = "iommu-map",
    [GD_DTP_IOMMU_MAP_MASK] = "iommu-map-mask",
    [GD_DTP_MSI_BASE_SPI] = "arm,msi-base-spi",
    [GD_DTP_MSI_NUM_SPIS] = "arm,msi-num-spis",
};

const char *gd_dt_binding_prop_name(enum gd_dt_binding_prop prop)
{
	return prop_names[prop];
}

const struct gd_id_map *gd_pmcg_msi(const struct gd_pmcg *g)
{
	if (g->overflow_intid || !g->node.n_maps || !g->node.maps[0].single)
		return NULL;
	return &g->node.maps[0];
}

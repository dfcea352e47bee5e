/* SPDX-License-Identifier: MIT */
/*
 * yaml_smmu.c - what an iommus: item says beyond the SMMUv3 keys of
 * yaml_nodes.c: its model (which decides SMMUv3 or SMMUv1/v2), the
 * SMMUv1/v2 keys (IORT E.e §3.1.1.2; DT iommu/arm,smmu.yaml) and, once the
 * item is decoded, that it uses only the keys of its version.
 */
#include <stddef.h>

#include "load/yaml_platform.h"

/* YAML model names; the value is version << 8 | IORT "Model" of that node type. */
#define V2(model) (GD_SMMU_V1_V2 << 8 | (model))
static const struct gd_yenum smmu_models[] = {
    {"smmuv3", GD_SMMUV3_GENERIC},
    {"smmuv3-hisilicon-hi161x", GD_SMMUV3_HISILICON_HI161X},
    {"smmuv3-cavium-cn99xx", GD_SMMUV3_CAVIUM_CN99XX},
    {"smmuv1", V2(GD_SMMUV1_GENERIC)},
    {"smmuv2", V2(GD_SMMUV2_GENERIC)},
    {"mmu-400", V2(GD_SMMU_MMU400)},
    {"mmu-401", V2(GD_SMMU_MMU401)},
    {"mmu-500", V2(GD_SMMU_MMU500)},
    {"smmuv2-cavium-thunderx", V2(GD_SMMU_CAVIUM_THUNDERX)},
    {NULL, 0},
};

int gd_yaml_decode_smmu_model(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                              const struct gd_yfield *f)
{
	const struct gd_yfield as_enum = {
	    .key = f->key, .type = GD_YF_ENUM, .bits = 32, .enums = smmu_models};
	uint32_t code = 0;
	struct gd_smmu *s = obj;

	if (gd_yfield_decode(c, v, &as_enum, &code))
		return -1;
	s->version = (enum gd_smmu_version)(code >> 8);
	s->model = code & 0xFF;
	return 0;
}

int gd_yaml_decode_smmu_compatible(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                   const struct gd_yfield *f)
{
	struct gd_smmu *s = obj;
	(void)f;
	return gd_ystrings(c, v, &s->dt_compatible, &s->n_dt_compatible, &s->cap_dt_compatible);
}

/* One interrupt of a list: INTID and trigger (level unless written edge), and a count. */
struct list_irq {
	struct gd_smmu_irq irq;
	uint32_t count;
};

static const struct gd_yfield irq_field = {"interrupt", GD_YF_INTID,
                                           GD_YF_AT(struct list_irq, irq.intid),
                                           .flag_off = offsetof(struct list_irq, irq.edge)};

/*
 * Decodes one list item: an interrupt (a number, or a mapping with ppi, spi
 * or intid and trigger) with an optional count of consecutive INTIDs of the
 * same trigger, 1..988 (a context bank each).
 */
static int decode_list_irq(struct gd_yctx *c, const struct gd_ynode *v, struct list_irq *out)
{
	const struct gd_ynode *count = gd_ymap_get(v, "count");
	struct gd_ynode irq = *v;
	uint64_t n = 1;

	if (count) {
		if (gd_yuint(c, count, 32, false, &n))
			return -1;
		if (n == 0 || n > 988) {
			gd_yerror(c, count, "yaml-value", "count: %llu interrupts; give 1 to 988",
			          (unsigned long long)n);
			return -1;
		}
		/* the same mapping without its count: an interrupt */
		struct gd_ypair *pairs = gd_arena_alloc(&c->p->arena, v->n_pairs * sizeof(*pairs));
		irq.n_pairs = 0;
		for (size_t i = 0; i < v->n_pairs; i++)
			if (v->pairs[i].value != count)
				pairs[irq.n_pairs++] = v->pairs[i];
		irq.pairs = pairs;
	}
	out->count = (uint32_t)n;
	return gd_yfield_decode(c, &irq, &irq_field, out);
}

/* Appends the interrupts of list @v (named @what) to *@list (*@n of *@cap). */
static int decode_irq_list(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                           struct gd_smmu_irq **list, size_t *n, size_t *cap)
{
	int status = 0;
	if (gd_yseq_check(c, v, what))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct list_irq li = {0};
		if (decode_list_irq(c, v->items[i], &li)) {
			status = -1;
			continue;
		}
		for (uint32_t k = 0; k < li.count; k++) {
			struct gd_smmu_irq *irq = GD_ARRAY_PUSH(&c->p->arena, *list, *n, *cap);
			*irq = li.irq;
			irq->intid += k;
		}
	}
	return status;
}

int gd_yaml_decode_smmu_global(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                               const struct gd_yfield *f)
{
	struct gd_smmu *s = obj;
	return decode_irq_list(c, v, f->key, &s->global, &s->n_global, &s->cap_global);
}

int gd_yaml_decode_smmu_context(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                const struct gd_yfield *f)
{
	struct gd_smmu *s = obj;
	return decode_irq_list(c, v, f->key, &s->context, &s->n_context, &s->cap_context);
}

int gd_yaml_decode_smmu_pmu(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                            const struct gd_yfield *f)
{
	struct gd_smmu *s = obj;
	return decode_irq_list(c, v, f->key, &s->pmu, &s->n_pmu, &s->cap_pmu);
}

/* Keys of an iommus: item (and of its interrupts:) that only one version has. */
static const char *const v3_keys[] = {"httu-override", "vatos-base", "proximity-domain", "own-msi",
                                      NULL};
static const char *const v3_irq_keys[] = {"event", "pri", "gerror", "sync", NULL};
static const char *const v2_keys[] = {"dvm", "compatible", "iommu-cells", "stream-match-mask",
                                      NULL};
static const char *const v2_irq_keys[] = {"nsg-irpt", "nsg-cfg-irpt", "global",
                                          "context",  "pmu",          NULL};

/* Reports each key of @keys present in @map, which an SMMU of @version does not have. */
static int foreign_keys(struct gd_yctx *c, const struct gd_ynode *map, const char *const *keys,
                        const struct gd_smmu *s)
{
	int status = 0;
	for (size_t i = 0; map && keys[i]; i++) {
		const struct gd_ynode *v = gd_ymap_get(map, keys[i]);
		if (!v)
			continue;
		gd_yerror(c, v, "yaml-value", "%s: %s '%s' has no such key (model %s)", keys[i],
		          gd_node_what(&s->node), s->node.name,
		          s->version == GD_SMMU_V3 ? "of an SMMUv3" : "of an SMMUv1/v2");
		status = -1;
	}
	return status;
}

/* True when @irq is one of the @n interrupts @v (INTID and trigger). */
static bool listed(const struct gd_smmu_irq *irq, const struct gd_smmu_irq *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].intid == irq->intid && v[i].edge == irq->edge)
			return true;
	return false;
}

/*
 * An SMMUv1/v2 needs its span (size:) and NSgIrpt, the interrupt Linux's
 * arm_smmu_init_resources() always registers; a DT global list must hold
 * the IORT global interrupts it is written beside.
 */
static int smmu_v2_finish(struct gd_yctx *c, const struct gd_ynode *item, const struct gd_smmu *s)
{
	const struct gd_ynode *irqs = gd_ymap_get(item, "interrupts");
	int status = 0;
	if (!gd_ymap_get(item, "size")) {
		gd_yerror(c, item, "yaml-missing-key",
		          "SMMUv1/v2 '%s': give size: its register span (IORT \"Span\", DT reg)",
		          s->node.name);
		status = -1;
	}
	if (!s->nsg_irpt.intid) {
		gd_yerror(
		    c, irqs ? irqs : item, "yaml-missing-key",
		    "SMMUv1/v2 '%s': give interrupts: nsg-irpt: (IORT SMMU_NSgIrpt, the global "
		    "fault interrupt)",
		    s->node.name);
		status = -1;
	}
	const struct gd_smmu_irq *nsg[] = {&s->nsg_irpt, &s->nsg_cfg_irpt};
	for (size_t i = 0; i < 2 && s->n_global; i++)
		if (nsg[i]->intid && !listed(nsg[i], s->global, s->n_global)) {
			gd_yerror(
			    c, gd_ymap_get(irqs, i ? "nsg-cfg-irpt" : "nsg-irpt"), "yaml-value",
			    "SMMUv1/v2 '%s': INTID %u (%s) is not among its global interrupts",
			    s->node.name, (unsigned)nsg[i]->intid, nsg[i]->edge ? "edge" : "level");
			status = -1;
		}
	return status;
}

int gd_yaml_smmu_finish(struct gd_yctx *c, const struct gd_ynode *item, const struct gd_smmu *s)
{
	const struct gd_ynode *irqs = gd_ymap_get(item, "interrupts");
	bool v3 = s->version == GD_SMMU_V3;
	int status = foreign_keys(c, item, v3 ? v2_keys : v3_keys, s);
	if (irqs && irqs->kind == GD_YMAP &&
	    foreign_keys(c, irqs, v3 ? v2_irq_keys : v3_irq_keys, s))
		status = -1;
	if (!v3 && smmu_v2_finish(c, item, s))
		status = -1;
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * The IORT (Arm DEN0049) into the model. Two passes: the node walk reads
 * every node's header and body (ITS groups, SMMUv1/v2s, SMMUv3s, root
 * complexes, named components, PMCGs, RMRs and IWBs; other types skipped with a
 * note), then the ID mappings are read and their output references (and
 * PMCG node references) resolved to the nodes that start at those offsets.
 * Node bodies are read with the layout of the node's own revision; every
 * offset, length and count is checked against the node and the table before
 * it is used.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/read.h"
#include "load/acpi_load.h"

#define NODES_MIN   (GD_ACPI_HEADER_SIZE + 12u) /* ACPI header + IORT header */
#define NODE_HDR    16u
#define MAP_SIZE    20u
#define ITS_ID_AT   (NODE_HDR + 4u)
#define NC_NAME_AT  (NODE_HDR + 13u)
#define IWB_NAME_AT (NODE_HDR + 10u) /* IORT E.g IWB: config frame base, IWB index */

/* One node of the table as the walk found it. */
struct iort_node {
	uint32_t off;
	unsigned type, rev, len;
	uint32_t map_count, map_off; /* map_count 0 when the array is unusable */
	struct gd_node *node;        /* model node; for an ITS group, its first ITS */
	const char *what;            /* for diagnostics: "SMMUv1/v2 node", ... */
	int own_msi;                 /* SMMUv3: index of the DeviceID mapping, or -1 */
	uint32_t node_ref;           /* PMCG: its node reference (a table offset) */
	struct gd_rmr *rmr;          /* RMR node: its StreamIDs are read into it */
};

struct iort_walk {
	struct gd_acpi_load *c;
	const struct gd_iort_layouts *L;
	const uint8_t *t; /* the table */
	struct iort_node *nodes;
	size_t n;
};

static void err(struct iort_walk *w, const char *rule, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void err(struct iort_walk *w, const char *rule, size_t off, const char *fmt, ...)
{
	struct gd_loc loc = gd_acpi_loc(&w->c->iort, off);
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(w->c->d, GD_SEV_ERROR, rule, &loc, fmt, ap);
	va_end(ap);
}

/* Reads the body of node @n with @l; reports and returns -1 when the node is too short. */
static int body(struct iort_walk *w, const struct iort_node *n, const struct gd_acpi_layout *l,
                struct gd_acpi_values *v)
{
	if (gd_acpi_read(l, w->t + n->off + NODE_HDR, n->len - NODE_HDR, v, &w->c->p->arena) == 0)
		return 0;
	err(w, NULL, n->off, "%s of length %u: it needs %u bytes", l->what, n->len,
	    NODE_HDR + l->size);
	return -1;
}

static void mem_access(struct gd_mem_access *m, const struct gd_acpi_values *v)
{
	m->cca = (uint32_t)v->n[GD_V_CCA];
	m->hints = (uint8_t)v->n[GD_V_HINTS];
	m->flags = (uint8_t)v->n[GD_V_MEM_FLAGS];
}

/* Without a MADT: the ITS "its<ID>" made from the IORT alone, shared by every group naming it. */
static struct gd_its *its_alone(struct iort_walk *w, uint32_t id, size_t at)
{
	char name[32];
	snprintf(name, sizeof(name), "its%u", (unsigned)id);
	struct gd_its *its = gd_node_as_its(gd_acpi_node_named(w->c, name));
	if (its && its->its_id == id)
		return its;
	struct gd_loc loc = gd_acpi_loc(&w->c->iort, at);
	its = gd_acpi_add_its(w->c, id, 0, &loc, (uint32_t)at);
	gd_acpi_assume(w->c, "%s: base address unknown (no MADT given)", its->node.name);
	return its;
}

/*
 * A model node of @kind (@size bytes) for IORT node @n, named by what it is
 * and its base address: "smmu@0x...", "pmcg@0x...", "iwb@0x...".
 */
static void *add_at_base(struct iort_walk *w, const struct iort_node *n, enum gd_node_kind kind,
                         size_t size, const char *what, uint64_t base)
{
	char name[48];
	snprintf(name, sizeof(name), "%s@0x%llx", what, (unsigned long long)base);
	struct gd_loc loc = gd_acpi_loc(&w->c->iort, n->off);
	return gd_acpi_add_node(w->c, kind, size, name, &loc, n->off);
}

/* ITS group (§3.1.1.1): each GIC ITS identifier must name a MADT GIC ITS structure. */
static void its_group(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	struct gd_acpi_values v = {0};
	n->what = "ITS group";
	if (body(w, n, w->L->its, &v) != 0)
		return;
	uint64_t count = v.n[GD_V_ITS_COUNT];
	if (count == 0 || count > (n->len - ITS_ID_AT) / 4) {
		err(w, NULL, n->off + NODE_HDR,
		    "ITS group: ItsCount %llu but the node holds %u identifiers (1 or more needed)",
		    (unsigned long long)count, (n->len - ITS_ID_AT) / 4);
		return;
	}
	for (uint64_t k = 0; k < count; k++) {
		size_t at = n->off + ITS_ID_AT + 4 * k;
		gd_acpi_read(w->L->its_id, w->t + at, 4, &v, &c->p->arena);
		uint32_t id = (uint32_t)v.n[GD_V_ITS_ID];
		struct gd_its *its = c->madt.data ? gd_acpi_find_its(c, id) : its_alone(w, id, at);
		if (!its) {
			err(w, "iort-its-unknown", at,
			    "ITS group: GIC ITS identifier %u has no GIC ITS structure in the MADT",
			    (unsigned)id);
			continue;
		}
		if (!n->node)
			n->node = &its->node;
	}
	if (count > 1 && n->node)
		gd_acpi_assume(c,
		               "ITS group at +0x%x holds %llu ITSs: mappings into it go to the "
		               "first, %s (Linux iort_dev_find_its_id() uses identifiers[0])",
		               (unsigned)n->off, (unsigned long long)count, n->node->name);
}

static void root_complex(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	struct gd_acpi_values v = {0};
	n->what = "root complex";
	/* node revision 1 added the memory address size limit (E.a) */
	if (body(w, n, gd_iort_layouts(n->rev >= 1 ? 3 : 0)->rc, &v) != 0)
		return;
	char name[32];
	snprintf(name, sizeof(name), "pcie%u", (unsigned)v.n[GD_V_SEGMENT]);
	struct gd_loc loc = gd_acpi_loc(&c->iort, n->off);
	struct gd_root_complex *rc =
	    gd_acpi_add_node(c, GD_NODE_ROOT_COMPLEX, sizeof(*rc), name, &loc, n->off);
	rc->segment = (uint32_t)v.n[GD_V_SEGMENT];
	mem_access(&rc->mem, &v);
	rc->ats = v.n[GD_V_ATS] & 1;
	rc->memory_address_limit = (uint8_t)v.n[GD_V_MEM_LIMIT];
	const struct gd_mcfg_entry *e = gd_acpi_mcfg_find(c, rc->segment);
	if (e) {
		rc->ecam_base = e->base;
		rc->bus_start = e->bus_start;
		rc->bus_end = e->bus_end;
	} else {
		rc->bus_start = 0;
		rc->bus_end = 255;
		rc->ecam_unknown = true;
		rc->bus_range_assumed = true;
		gd_acpi_assume(
		    c,
		    "%s: bus range and ECAM base unknown (the IORT carries neither; %s): "
		    "RIDs below its first ID mapping and above its last are taken as "
		    "buses it does not have",
		    rc->node.name,
		    c->mcfg.data ? "the MCFG has no allocation of its segment"
		                 : "an MCFG would give them");
	}
	n->node = &rc->node;
}

/*
 * Whether Linux uses the SMMUv3's DeviceID mapping index for its own MSIs
 * (drivers/acpi/arm64/iort.c iort_get_id_mapping_index()): not before node
 * revision 1; before revision 5 unless all four GSIVs are wired; from
 * revision 5 only with the "DeviceID valid" flag (bit 4).
 */
static bool smmu_uses_index(const struct iort_node *n, const struct gd_acpi_values *v)
{
	if (n->rev < 1)
		return false;
	if (n->rev < 5)
		return !(v->n[GD_V_EVENT_GSIV] && v->n[GD_V_PRI_GSIV] && v->n[GD_V_GERR_GSIV] &&
		         v->n[GD_V_SYNC_GSIV]);
	return v->n[GD_V_FLAGS] & GD_IORT_SMMU_DEVID_VALID;
}

static void smmu_v3(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	struct gd_acpi_values v = {0};
	n->what = "SMMUv3";
	if (body(w, n, gd_iort_layouts(n->rev >= 1 ? 3 : 0)->smmu, &v) != 0)
		return;
	struct gd_smmu *s = add_at_base(w, n, GD_NODE_SMMU, sizeof(*s), "smmu", v.n[GD_V_BASE]);
	uint64_t flags = v.n[GD_V_FLAGS];
	s->model = (enum gd_smmu_model)v.n[GD_V_MODEL];
	s->base = v.n[GD_V_BASE];
	/* Linux arm_smmu_resource_size(): page 0 only for the CN99xx (PAGE0_REGS_ONLY) */
	s->size = s->model == GD_SMMUV3_CAVIUM_CN99XX ? 0x10000 : 0x20000;
	s->coherent = flags & GD_IORT_SMMU_COHACC;
	s->httu_override = flags & GD_IORT_SMMU_HTTU;
	s->vatos_base = v.n[GD_V_VATOS];
	s->event_intid = (uint32_t)v.n[GD_V_EVENT_GSIV];
	s->pri_intid = (uint32_t)v.n[GD_V_PRI_GSIV];
	s->gerr_intid = (uint32_t)v.n[GD_V_GERR_GSIV];
	s->sync_intid = (uint32_t)v.n[GD_V_SYNC_GSIV];
	s->has_proximity_domain = n->rev >= 1 && (flags & GD_IORT_SMMU_PXM_VALID);
	s->proximity_domain = s->has_proximity_domain ? (uint32_t)v.n[GD_V_PXM] : 0;
	gd_acpi_assume(c,
	               "%s: register frame %u KiB (the IORT does not give a size; Linux "
	               "maps %s)",
	               s->node.name, (unsigned)(s->size >> 10),
	               s->size == 0x10000 ? "page 0 alone of a Cavium CN99xx" : "pages 0 and 1");
	n->node = &s->node;
	if (!smmu_uses_index(n, &v))
		return;
	if (v.n[GD_V_ID_MAP_INDEX] >= n->map_count) {
		err(w, NULL, n->off + NODE_HDR + 48,
		    "SMMUv3 %s: DeviceID mapping index %u but the node has %u ID mappings (Linux: "
		    "\"ID mapping index overflows valid mappings\")",
		    s->node.name, (unsigned)v.n[GD_V_ID_MAP_INDEX], (unsigned)n->map_count);
		return;
	}
	n->own_msi = (int)v.n[GD_V_ID_MAP_INDEX];
}

/*
 * Reads the @count interrupts of an SMMUv1/v2 array at node offset @at (8
 * bytes each: GSIV, then flags with bit 0 edge) into *@v. Reports and
 * returns -1 when the array does not lie inside the node; an empty array's
 * offset is not looked at (EDK2's generator writes 0 there, iasl the end of
 * the arrays before it).
 */
static int smmu_v2_irqs(struct iort_walk *w, const struct iort_node *n, const char *what,
                        uint64_t at, uint64_t count, struct gd_smmu_irq **v, size_t *n_v,
                        size_t *cap)
{
	const struct gd_acpi_layout *l = w->L->smmu_v2_ctx;
	if (count && (at < NODE_HDR || at + count * l->size > n->len)) {
		err(w, NULL, n->off + NODE_HDR,
		    "SMMUv1/v2: %llu %s interrupts at node offset %llu do not fit in the node of "
		    "length %u",
		    (unsigned long long)count, what, (unsigned long long)at, n->len);
		return -1;
	}
	for (uint64_t k = 0; k < count; k++) {
		struct gd_acpi_values iv = {0};
		gd_acpi_read(l, w->t + n->off + at + k * l->size, l->size, &iv, &w->c->p->arena);
		struct gd_smmu_irq *irq = GD_ARRAY_PUSH(&w->c->p->arena, *v, *n_v, *cap);
		irq->intid = (uint32_t)iv.n[GD_V_SMMU_IRQ];
		irq->edge = (iv.n[GD_V_SMMU_IRQ] >> 32) & GD_IORT_IRQ_EDGE;
	}
	return 0;
}

/*
 * SMMUv1 or SMMUv2 (IORT E.e §3.1.1.2): body, global interrupt array
 * (NSgIrpt, NSgCfgIrpt), context and PMU interrupt arrays, each where its
 * reference says (Linux arm_smmu_init_resources() reads them there).
 */
static void smmu_v1_v2(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	const struct gd_iort_layouts *L = w->L;
	struct gd_acpi_values v = {0}, g = {0};
	n->what = "SMMUv1/v2";
	if (body(w, n, L->smmu_v2, &v) != 0)
		return;
	uint64_t gat = v.n[GD_V_GLOBAL_IRQ_OFFSET];
	if (gat < NODE_HDR || gat + L->smmu_v2_global->size > n->len) {
		err(w, NULL, n->off + NODE_HDR + 24,
		    "SMMUv1/v2: global interrupt array at node offset %llu does not fit in the "
		    "node of length %u",
		    (unsigned long long)gat, n->len);
		return;
	}
	gd_acpi_read(L->smmu_v2_global, w->t + n->off + gat, L->smmu_v2_global->size, &g,
	             &c->p->arena);
	struct gd_smmu *s = add_at_base(w, n, GD_NODE_SMMU, sizeof(*s), "smmu", v.n[GD_V_BASE]);
	s->version = GD_SMMU_V1_V2;
	s->model = (uint32_t)v.n[GD_V_MODEL];
	s->base = v.n[GD_V_BASE];
	s->size = v.n[GD_V_SPAN];
	s->dvm = v.n[GD_V_FLAGS] & GD_IORT_SMMU_V2_DVM;
	s->coherent = v.n[GD_V_FLAGS] & GD_IORT_SMMU_V2_COHWALK;
	s->nsg_irpt.intid = (uint32_t)g.n[GD_V_NSG_IRPT];
	s->nsg_irpt.edge = g.n[GD_V_NSG_IRPT_FLAGS] & GD_IORT_IRQ_EDGE;
	s->nsg_cfg_irpt.intid = (uint32_t)g.n[GD_V_NSG_CFG_IRPT];
	s->nsg_cfg_irpt.edge = g.n[GD_V_NSG_CFG_IRPT_FLAGS] & GD_IORT_IRQ_EDGE;
	n->node = &s->node;
	if (smmu_v2_irqs(w, n, "context", v.n[GD_V_CTX_IRQ_OFFSET], v.n[GD_V_CTX_IRQ_COUNT],
	                 &s->context, &s->n_context, &s->cap_context) == 0)
		smmu_v2_irqs(w, n, "PMU", v.n[GD_V_PMU_IRQ_OFFSET], v.n[GD_V_PMU_IRQ_COUNT],
		             &s->pmu, &s->n_pmu, &s->cap_pmu);
}

/*
 * The device name of node @n at node offset @at: it ends before the ID
 * mappings (or the node's end). Reports and returns NULL when it is empty or
 * not NUL-terminated there.
 */
static const char *device_name(struct iort_walk *w, const struct iort_node *n, uint32_t at)
{
	uint32_t end = n->map_count && n->map_off < n->len ? n->map_off : n->len;
	const char *s = (const char *)w->t + n->off + at;
	const char *nul = end > at ? memchr(s, 0, end - at) : NULL;
	if (nul && nul != s)
		return s;
	err(w, NULL, n->off + at, "%s: the device object name is %s before the node's %s", n->what,
	    nul ? "empty" : "not NUL-terminated", n->map_count ? "ID mappings" : "end");
	return NULL;
}

static void named_component(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	struct gd_acpi_values v = {0};
	n->what = "named component";
	if (body(w, n, w->L->nc, &v) != 0)
		return;
	const char *s = device_name(w, n, NC_NAME_AT);
	if (!s)
		return;
	struct gd_loc loc = gd_acpi_loc(&c->iort, n->off);
	struct gd_named_component *nc =
	    gd_acpi_add_node(c, GD_NODE_NAMED_COMPONENT, sizeof(*nc), s, &loc, n->off);
	nc->acpi_path = gd_arena_strdup(&c->p->arena, s);
	nc->node_flags = (uint32_t)v.n[GD_V_NODE_FLAGS];
	mem_access(&nc->mem, &v);
	nc->memory_address_limit = (uint8_t)v.n[GD_V_MEM_LIMIT];
	n->node = &nc->node;
}

/*
 * PMCG (IORT E.e §3.1.1.6): page 0, overflow GSIV, node reference (resolved
 * in pass 2), and page 1 from node revision 1 on; Linux gives a revision-0
 * PMCG no page 1 (arm_smmu_v3_pmcg_init_resources()).
 */
static void pmcg_node(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	struct gd_acpi_values v = {0};
	n->what = "PMCG";
	if (body(w, n, n->rev >= 1 ? w->L->pmcg : &gd_iort_pmcg_rev0, &v) != 0)
		return;
	struct gd_pmcg *g = add_at_base(w, n, GD_NODE_PMCG, sizeof(*g), "pmcg", v.n[GD_V_BASE]);
	g->page0_base = v.n[GD_V_BASE];
	g->has_page1 = n->rev >= 1;
	g->page1_base = g->has_page1 ? v.n[GD_V_PAGE1_BASE] : 0;
	g->overflow_intid = (uint32_t)v.n[GD_V_OVERFLOW_GSIV];
	g->node_ref_loc = gd_acpi_loc(&c->iort, n->off + NODE_HDR + 12);
	n->node_ref = (uint32_t)v.n[GD_V_NODE_REF];
	n->node = &g->node;
}

/*
 * IWB (IORT E.g; ACPICA ACPI_IORT_IWB): config frame base, IWB index and
 * device name; its ID mapping (its DeviceID into a translate frame's ITS
 * group) is read in pass 2. Read at any table revision, as Linux does.
 */
static void iwb_node(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	struct gd_acpi_values v = {0};
	n->what = "IWB";
	if (body(w, n, gd_iort_layouts(7)->iwb, &v) != 0)
		return;
	const char *path = device_name(w, n, IWB_NAME_AT);
	if (!path)
		return;
	struct gd_iwb *b = add_at_base(w, n, GD_NODE_IWB, sizeof(*b), "iwb", v.n[GD_V_BASE]);
	b->base = v.n[GD_V_BASE];
	b->iwb_id = (uint32_t)v.n[GD_V_IWB_INDEX];
	b->acpi_path = gd_arena_strdup(&c->p->arena, path);
	n->node = &b->node;
}

/*
 * RMR (IORT E.e §3.1.1.7): flags and the memory range descriptors where the
 * body's offset says (iasl puts them before the ID mappings, EDK2 after).
 */
static void rmr_node(struct iort_walk *w, struct iort_node *n)
{
	struct gd_acpi_load *c = w->c;
	const struct gd_iort_layouts *L = w->L;
	struct gd_acpi_values v = {0};
	n->what = "RMR";
	if (body(w, n, L->rmr, &v) != 0)
		return;
	uint64_t count = v.n[GD_V_RMR_COUNT], at = v.n[GD_V_RMR_OFFSET];
	uint64_t fixed = NODE_HDR + L->rmr->size;
	if (count && (at < fixed || at + count * L->rmr_desc->size > n->len)) {
		err(w, NULL, n->off + NODE_HDR + 4,
		    "RMR: %llu memory range descriptors at node offset %llu do not fit between "
		    "its body and its end (length %u)",
		    (unsigned long long)count, (unsigned long long)at, n->len);
		return;
	}
	struct gd_rmr *r = gd_arena_alloc(&c->p->arena, sizeof(*r));
	char name[32];
	snprintf(name, sizeof(name), "rmr@0x%x", (unsigned)n->off);
	r->name = gd_arena_strdup(&c->p->arena, name);
	r->loc = gd_acpi_loc(&c->iort, n->off);
	r->remap_permitted = v.n[GD_V_FLAGS] & GD_IORT_RMR_REMAP;
	r->access_privileged = v.n[GD_V_FLAGS] & GD_IORT_RMR_PRIV;
	r->access = (uint8_t)(v.n[GD_V_FLAGS] >> GD_IORT_RMR_ACCESS_SHIFT);
	for (uint64_t k = 0; k < count; k++) {
		size_t d = n->off + at + k * L->rmr_desc->size;
		struct gd_acpi_values dv = {0};
		gd_acpi_read(L->rmr_desc, w->t + d, L->rmr_desc->size, &dv, &c->p->arena);
		struct gd_rmr_range *m =
		    GD_ARRAY_PUSH(&c->p->arena, r->ranges, r->n_ranges, r->cap_ranges);
		m->base = dv.n[GD_V_BASE];
		m->length = dv.n[GD_V_RMR_LENGTH];
		m->loc = gd_acpi_loc(&c->iort, d);
	}
	*GD_ARRAY_PUSH(&c->p->arena, c->p->rmrs, c->p->n_rmrs, c->p->cap_rmrs) = r;
	n->rmr = r;
}

/* Size of the fixed part of a modelled node: its ID mappings must not start inside it. */
static unsigned fixed_size(const struct iort_node *n)
{
	switch (n->type) {
	case GD_IORT_ROOT_COMPLEX:
		return NODE_HDR + gd_iort_layouts(n->rev >= 1 ? 3 : 0)->rc->size;
	case GD_IORT_SMMUV3:
		return NODE_HDR + gd_iort_layouts(n->rev >= 1 ? 3 : 0)->smmu->size;
	case GD_IORT_SMMUV1V2:
		return NODE_HDR + gd_iort_layouts(0)->smmu_v2->size;
	case GD_IORT_NAMED_COMPONENT:
		return NC_NAME_AT;
	case GD_IORT_IWB:
		return IWB_NAME_AT;
	case GD_IORT_RMR:
		return NODE_HDR + 12;
	case GD_IORT_PMCG:
		return NODE_HDR +
		       (n->rev >= 1 ? gd_iort_layouts(0)->pmcg : &gd_iort_pmcg_rev0)->size;
	default:
		return NODE_HDR;
	}
}

/* Checks the ID mapping array of @n lies inside the node; clears map_count when not. */
static void check_maps(struct iort_walk *w, struct iort_node *n)
{
	if (!n->map_count)
		return;
	if (n->type == GD_IORT_ITS_GROUP) {
		struct gd_loc loc = gd_acpi_loc(&w->c->iort, n->off + 8);
		gd_diag_add(w->c->d, GD_SEV_WARNING, NULL, &loc,
		            "ITS group with %u ID mappings: an ITS group has none; ignored",
		            (unsigned)n->map_count);
		n->map_count = 0;
		return;
	}
	uint64_t end = (uint64_t)n->map_off + (uint64_t)n->map_count * MAP_SIZE;
	if (n->map_off < fixed_size(n) || end > n->len) {
		err(w, NULL, n->off + 12,
		    "node of length %u: %u ID mappings at offset %u do not fit between its fixed "
		    "part (%u bytes) and its end",
		    n->len, (unsigned)n->map_count, (unsigned)n->map_off, fixed_size(n));
		n->map_count = 0;
	}
}

/* The node of the walk starting at table offset @ref, or NULL. */
static struct iort_node *node_at(struct iort_walk *w, uint32_t ref)
{
	size_t lo = 0, hi = w->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->nodes[mid].off == ref)
			return &w->nodes[mid];
		if (w->nodes[mid].off < ref)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The target of output reference @ref, or NULL after an error at the mapping at @at. */
static struct gd_node *output(struct iort_walk *w, uint32_t ref, size_t at)
{
	struct iort_node *t = ref ? node_at(w, ref) : NULL;
	if (!t) {
		err(w, "iort-output-ref", at + 12,
		    ref ? "ID mapping: output reference 0x%x is not the start of a node"
		        : "ID mapping: output reference %u (Linux: \"ID map has NULL parent "
		          "reference\")",
		    (unsigned)ref);
		return NULL;
	}
	if (t->type == GD_IORT_PMCG || t->type == GD_IORT_IWB) {
		err(w, "iort-output-ref", at + 12,
		    "ID mapping: output reference 0x%x is a%s node, which takes no IDs",
		    (unsigned)ref, t->type == GD_IORT_PMCG ? " PMCG" : "n IWB");
		return NULL;
	}
	if (!t->node && t->what)
		err(w, "iort-output-ref", at + 12,
		    "ID mapping: output reference 0x%x: the %s node there %s", (unsigned)ref,
		    t->what,
		    t->type == GD_IORT_ITS_GROUP || t->type == GD_IORT_SMMUV3 ||
		            t->type == GD_IORT_SMMUV1V2 || t->type == GD_IORT_ROOT_COMPLEX ||
		            t->type == GD_IORT_NAMED_COMPONENT || t->type == GD_IORT_IWB
		        ? "could not be read (see above)"
		        : "is not modelled by gicdesc");
	else if (!t->node)
		err(w, "iort-output-ref", at + 12,
		    "ID mapping: output reference 0x%x: a node of unknown type %u", (unsigned)ref,
		    t->type);
	return t->node;
}

/*
 * Reads ID mapping @k of node @n into the model. Of an RMR node, the
 * StreamIDs output base .. + number of IDs, whatever the single-mapping
 * flag (Linux iort_node_get_rmr_info()).
 */
static void id_map(struct iort_walk *w, const struct iort_node *n, uint32_t k)
{
	struct gd_platform *p = w->c->p;
	size_t at = n->off + n->map_off + (size_t)k * MAP_SIZE;
	struct gd_acpi_values v = {0};
	gd_acpi_read(w->L->map, w->t + at, MAP_SIZE, &v, &p->arena);
	struct gd_node *target = output(w, (uint32_t)v.n[GD_V_OUTPUT_REF], at);
	if (!target)
		return;
	uint64_t flags = v.n[GD_V_FLAGS];
	struct gd_loc loc = gd_acpi_loc(&w->c->iort, at);
	if (flags & ~(uint64_t)GD_IORT_MAP_SINGLE)
		gd_diag_add(w->c->d, GD_SEV_WARNING, NULL, &loc,
		            "ID mapping: reserved flag bits set (flags 0x%x)", (unsigned)flags);
	struct gd_id_map *m;
	if (n->rmr) {
		struct gd_rmr *r = n->rmr;
		m = GD_ARRAY_PUSH(&p->arena, r->stream_ids, r->n_stream_ids, r->cap_stream_ids);
		m->input_base = m->output_base = (uint32_t)v.n[GD_V_OUTPUT_BASE];
		m->count = v.n[GD_V_ID_COUNT] + 1;
		m->output = target;
		m->output_name = target->name;
		m->loc = loc;
		return;
	}
	if ((int)k == n->own_msi) {
		struct gd_smmu *s = gd_node_as_smmu(n->node);
		m = s->own_msi = gd_arena_alloc(&p->arena, sizeof(*m));
	} else {
		m = GD_ARRAY_PUSH(&p->arena, n->node->maps, n->node->n_maps, n->node->cap_maps);
	}
	m->single = flags & GD_IORT_MAP_SINGLE;
	m->input_base = m->single ? 0 : (uint32_t)v.n[GD_V_INPUT_BASE];
	m->count = m->single ? 1 : v.n[GD_V_ID_COUNT] + 1; /* IORT: number of IDs minus one */
	m->output_base = (uint32_t)v.n[GD_V_OUTPUT_BASE];
	m->output = target;
	m->output_name = target->name;
	m->loc = loc;
}

/*
 * Points PMCG @n's node reference at the node that starts at that offset, of
 * whatever type (rule pmcg-node-ref judges it); reports one that is 0 or no
 * node's start, or a node gicdesc could not read.
 */
static void pmcg_node_ref(struct iort_walk *w, const struct iort_node *n)
{
	struct gd_pmcg *g = gd_node_as_pmcg(n->node);
	struct iort_node *t = n->node_ref ? node_at(w, n->node_ref) : NULL;
	if (t && t->node) {
		g->node_ref = t->node;
		g->node_ref_name = t->node->name;
		return;
	}
	err(w, "pmcg-node-ref", n->off + NODE_HDR + 12, "PMCG %s: node reference 0x%x %s",
	    g->node.name, (unsigned)n->node_ref,
	    !t        ? "is not the start of a node"
	    : t->what ? "names a node gicdesc did not read into its model"
	              : "names a node of unknown type");
}

/* Reads the node header at @off into a new walk entry; returns it, or NULL to stop. */
static struct iort_node *node_header(struct iort_walk *w, size_t off, size_t len)
{
	if (len - off < NODE_HDR) {
		err(w, NULL, off, "IORT node header cut by the table's end (%zu bytes left)",
		    len - off);
		return NULL;
	}
	struct gd_acpi_values v = {0};
	gd_acpi_read(w->L->node, w->t + off, NODE_HDR, &v, &w->c->p->arena);
	if (v.n[GD_V_LENGTH] < NODE_HDR || v.n[GD_V_LENGTH] > len - off) {
		err(w, NULL, off + 1,
		    "IORT node of length %u with %zu bytes left in the table: the walk stops here",
		    (unsigned)v.n[GD_V_LENGTH], len - off);
		return NULL;
	}
	struct iort_node *n = &w->nodes[w->n++];
	n->off = (uint32_t)off;
	n->type = (unsigned)v.n[GD_V_TYPE];
	n->rev = (unsigned)v.n[GD_V_REVISION];
	n->len = (unsigned)v.n[GD_V_LENGTH];
	n->map_count = (uint32_t)v.n[GD_V_MAP_COUNT];
	n->map_off = (uint32_t)v.n[GD_V_MAP_OFFSET];
	n->own_msi = -1;
	return n;
}

/* Node types gicdesc reads but does not model at this table revision (DEN0049E.g table 4). */
static const char *skipped_type(unsigned type)
{
	return type == GD_IORT_RMR ? "RMR" : NULL;
}

/* Pass 1: every node's header and body. Returns 0, or -1 when the walk stopped early. */
static int walk_nodes(struct iort_walk *w, uint64_t count, size_t first)
{
	size_t off = first, len = w->c->iort.len;
	for (uint64_t i = 0; i < count; i++) {
		struct iort_node *n = node_header(w, off, len);
		if (!n)
			return -1;
		check_maps(w, n);
		switch (n->type) {
		case GD_IORT_ITS_GROUP:
			its_group(w, n);
			break;
		case GD_IORT_NAMED_COMPONENT:
			named_component(w, n);
			break;
		case GD_IORT_ROOT_COMPLEX:
			root_complex(w, n);
			break;
		case GD_IORT_SMMUV3:
			smmu_v3(w, n);
			break;
		case GD_IORT_SMMUV1V2:
			smmu_v1_v2(w, n);
			break;
		case GD_IORT_PMCG:
			pmcg_node(w, n);
			break;
		case GD_IORT_IWB:
			iwb_node(w, n);
			break;
		case GD_IORT_RMR:
			if (w->L->rmr) {
				rmr_node(w, n);
				break;
			}
			/* Linux reads RMRs from table revision 5 on: skipped below */
			__attribute__((fallthrough));
		default: {
			struct gd_loc loc = gd_acpi_loc(&w->c->iort, off);
			n->what = skipped_type(n->type);
			gd_diag_add(w->c->d, GD_SEV_NOTE, NULL, &loc, "IORT %s%s node skipped",
			            n->what ? n->what : "unknown type ",
			            n->what ? "" : "(not in DEN0049E.g)");
		}
		}
		off += n->len;
	}
	return 0;
}

/* The layouts of table revision @rev: 0, 3, 5, 6, 7 exactly; others the closest older one. */
static const struct gd_iort_layouts *layouts(struct gd_acpi_load *c, unsigned rev)
{
	unsigned use = rev >= 7 ? 7 : rev >= 6 ? 6 : rev >= 5 ? 5 : rev >= 3 ? 3 : 0;
	if (use != rev) {
		struct gd_loc loc = gd_acpi_loc(&c->iort, 8);
		gd_diag_add(
		    c->d, GD_SEV_NOTE, NULL, &loc,
		    "IORT revision %u read with the layouts of revision %u; node bodies are "
		    "read by each node's own revision",
		    rev, use);
	}
	return gd_iort_layouts(use);
}

int gd_acpi_load_iort(struct gd_acpi_load *c)
{
	const struct gd_acpi_file *f = &c->iort;
	size_t errors = c->d->errors;
	struct iort_walk w = {.c = c, .L = layouts(c, f->revision), .t = f->data};
	c->p->acpi.iort_revision = w.L->table_revision;
	struct gd_acpi_values v = {0};
	if (gd_acpi_read(w.L->header, f->data + GD_ACPI_HEADER_SIZE, f->len - GD_ACPI_HEADER_SIZE,
	                 &v, &c->p->arena) != 0) {
		err(&w, NULL, GD_ACPI_HEADER_SIZE, "IORT of %zu bytes ends inside its header",
		    f->len);
		return 1;
	}
	uint64_t count = v.n[GD_V_NODE_COUNT], first = v.n[GD_V_NODE_OFFSET];
	if (count && (first < NODES_MIN || first >= f->len)) {
		err(&w, NULL, GD_ACPI_HEADER_SIZE + 4,
		    "node offset 0x%llx is not between the end of the IORT header (0x%x) and the "
		    "end of the table (0x%zx)",
		    (unsigned long long)first, NODES_MIN, f->len);
		return 1;
	}
	if (count > (f->len - first) / NODE_HDR) {
		err(&w, NULL, GD_ACPI_HEADER_SIZE,
		    "node count %llu: the table has room for at most %llu nodes",
		    (unsigned long long)count, (unsigned long long)((f->len - first) / NODE_HDR));
		return 1;
	}
	w.nodes = calloc(count + 1, sizeof(*w.nodes));
	if (!w.nodes)
		abort();
	if (walk_nodes(&w, count, (size_t)first) == 0)
		for (size_t i = 0; i < w.n; i++) {
			if (w.nodes[i].type == GD_IORT_PMCG && w.nodes[i].node)
				pmcg_node_ref(&w, &w.nodes[i]);
			for (uint32_t k = 0; k < w.nodes[i].map_count; k++)
				if (w.nodes[i].rmr ||
				    (w.nodes[i].node && w.nodes[i].type != GD_IORT_ITS_GROUP))
					id_map(&w, &w.nodes[i], k);
		}
	free(w.nodes);
	return c->d->errors > errors ? 1 : 0;
}

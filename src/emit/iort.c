/* SPDX-License-Identifier: MIT */
/*
 * iort.c - the IORT (Arm DEN0049) from the model, as bytes or iasl source.
 *
 * Nodes in table order: one ITS group per ITS (ItsCount 1; on a GICv5 per
 * ITS translate frame, its Translate Frame ID), then SMMUs
 * (SMMUv3 or SMMUv1/v2 nodes, in one model order), root complexes, named
 * components, PMCGs, IWBs (IORT E.g) and RMRs, each kind in model order; node
 * identifiers count from 0 in that order (as QEMU numbers them). An ID
 * mapping's output reference is the byte offset of the node it maps into;
 * a mapping into an ITS refers to that ITS's group.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/acpi.h"
#include "emit/built.h"

#define IORT_NODES_AT    48 /* ACPI header (36) + IORT header (12) */
#define MAP_SIZE         20
#define NODE_HEADER_SIZE 16

struct iort_plan {
	const struct gd_emit_ctx *ctx;
	const struct gd_iort_layouts *L;
	struct gd_node **nodes;
	uint32_t *offset;
	size_t n;
	uint32_t *rmr_offset; /* of p->rmrs[k], after the n nodes */
};

/*
 * Bytes of a device name @path (with its NUL) after @fixed bytes of node, and
 * in *@padding the zero bytes to 4-byte alignment after it.
 */
static size_t name_bytes(size_t fixed, const char *path, size_t *padding)
{
	size_t name = strlen(path) + 1;
	*padding = (4 - (fixed + name) % 4) % 4;
	return name;
}

/* Bytes of a named component's device name (with its NUL) and padding to 4 bytes. */
static size_t nc_name_bytes(const struct gd_named_component *nc, size_t *padding)
{
	return name_bytes(NODE_HEADER_SIZE + 13, nc->acpi_path, padding);
}

/* The same of an IWB node (IORT E.g): after the 16-byte header and 10-byte body. */
static size_t iwb_name_bytes(const struct iort_plan *pl, const struct gd_iwb *b, size_t *padding)
{
	return name_bytes(NODE_HEADER_SIZE + pl->L->iwb->size, b->acpi_path, padding);
}

/*
 * True when IORT must leave mapping @m out: its output is an MSI controller
 * that takes no DeviceID (Direct LPI, a GICv2m frame, MBI), for which IORT
 * has no node (IORT E.e §3). Rules iort-direct-lpi and iort-spi-msi say what
 * each loses.
 */
static bool skips_map(const struct gd_id_map *m)
{
	return m->output && m->output->kind != GD_NODE_ITS && gd_node_is_sink(m->output->kind);
}

/*
 * The ID mappings a node writes: its own (but those into a sink with no
 * DeviceID: skips_map()), then an SMMU's DeviceID mapping.
 */
static size_t n_maps(const struct gd_node *n)
{
	const struct gd_smmu *s = n->kind == GD_NODE_SMMU ? (const struct gd_smmu *)n : NULL;
	size_t k = s && s->own_msi ? 1 : 0;
	for (size_t i = 0; i < n->n_maps; i++)
		k += !skips_map(&n->maps[i]);
	return k;
}

/* Bytes of an SMMUv1/v2 node before its context interrupt array (header, body, global array). */
static size_t smmu_v2_fixed(const struct gd_iort_layouts *L)
{
	return NODE_HEADER_SIZE + L->smmu_v2->size + L->smmu_v2_global->size;
}

/* Size of the node's fixed part (header and body, name and interrupt arrays included). */
static size_t node_fixed(const struct iort_plan *pl, const struct gd_node *n)
{
	const struct gd_smmu *s = gd_node_as_smmu((struct gd_node *)n);
	size_t pad;
	switch (n->kind) {
	case GD_NODE_ITS:
		return NODE_HEADER_SIZE + pl->L->its->size + pl->L->its_id->size;
	case GD_NODE_SMMU:
		if (s->version == GD_SMMU_V1_V2)
			return smmu_v2_fixed(pl->L) + pl->L->smmu_v2_ctx->size * s->n_context +
			       pl->L->smmu_v2_pmu->size * s->n_pmu;
		return NODE_HEADER_SIZE + pl->L->smmu->size;
	case GD_NODE_ROOT_COMPLEX:
		return NODE_HEADER_SIZE + pl->L->rc->size;
	case GD_NODE_NAMED_COMPONENT:
		return NODE_HEADER_SIZE + pl->L->nc->size +
		       nc_name_bytes((const struct gd_named_component *)n, &pad) + pad;
	case GD_NODE_PMCG:
		return NODE_HEADER_SIZE + pl->L->pmcg->size;
	case GD_NODE_IWB:
		return NODE_HEADER_SIZE + pl->L->iwb->size +
		       iwb_name_bytes(pl, (const struct gd_iwb *)n, &pad) + pad;
	case GD_NODE_MSI_FRAME:
	case GD_NODE_MBI:
	case GD_NODE_DIRECT_LPI:
		break; /* IORT has no node for them; never planned */
	}
	return 0;
}

/* Reports an error of rule iort-inexpressible: what this IORT cannot carry of the description. */
__attribute__((format(printf, 3, 4))) static void
error(const struct iort_plan *pl, const struct gd_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(pl->ctx->diags, GD_SEV_ERROR, "iort-inexpressible", loc, fmt, ap);
	va_end(ap);
}

/*
 * Whether SMMUv3 @s says what its DeviceID mapping index means in an IORT whose
 * SMMUv3 nodes have the index but no "DeviceID valid" flag (node revisions 1 to 4:
 * IORT E.b to E.d). Linux (iort_get_id_mapping_index()) takes the index as the
 * SMMU's own-MSI mapping unless all four of event, PRI, GERR and sync are wired
 * GSIVs; the flag came with node revision 5 (IORT E.e). Reports and returns 1
 * when the table would say something else than the description.
 */
static int smmu_index_meant(const struct iort_plan *pl, const struct gd_smmu *s)
{
	bool wired = s->event_intid && s->pri_intid && s->gerr_intid && s->sync_intid;
	if (!s->own_msi && !wired) {
		error(pl, &s->node.loc,
		      "SMMUv3 '%s': %s cannot say that the SMMU has no own MSIs while its event, "
		      "PRI, GERR and sync interrupts are not all wired: Linux would take DeviceID "
		      "mapping index 0 for its own MSIs (iort_get_id_mapping_index()) and %s; "
		      "give own-msi or all four interrupts",
		      s->node.name, pl->L->spec,
		      n_maps(&s->node) ? "skip ID mapping 0 for the StreamIDs it maps"
		                       : "report a firmware bug (the node has no ID mappings)");
		return 1;
	}
	if (s->own_msi && wired) {
		error(pl, &s->node.loc,
		      "SMMUv3 '%s': with all four interrupts wired, Linux ignores the DeviceID "
		      "mapping index of %s (iort_get_id_mapping_index()), so the own-MSI single "
		      "mapping would be a StreamID mapping, which it refuses; drop own-msi or an "
		      "interrupt",
		      s->node.name, pl->L->spec);
		return 1;
	}
	return 0;
}

/*
 * Reports what an SMMUv1/v2 node (IORT E.e §3.1.1.2) cannot carry: its own
 * MSIs, a proximity domain, SMMUv3 fields. Returns the error count.
 */
static int smmu_v2_check(const struct iort_plan *pl, const struct gd_smmu *s)
{
	const char *what = s->own_msi                ? "own MSIs (a DeviceID mapping)"
	                   : s->has_proximity_domain ? "a proximity domain"
	                   : s->httu_override        ? "an HTTU override"
	                   : s->vatos_base           ? "a VATOS page"
	                   : s->event_intid || s->pri_intid || s->gerr_intid || s->sync_intid
	                       ? "SMMUv3 event, PRI, GERR or sync interrupts"
	                       : NULL;
	if (!what)
		return 0;
	error(pl, &s->node.loc,
	      "SMMUv1/v2 '%s': the IORT SMMUv1 or SMMUv2 node has no field for %s", s->node.name,
	      what);
	return 1;
}

/* True when PMCG @g's node reference names a node that has an IORT node. */
static bool pmcg_ref_planned(const struct gd_pmcg *g)
{
	return g->node_ref &&
	       (g->node_ref->kind == GD_NODE_ITS || !gd_node_is_sink(g->node_ref->kind));
}

/* Reports what the table revision cannot carry for node @n; returns the error count. */
static int check_node(const struct iort_plan *pl, const struct gd_node *n)
{
	const struct gd_iort_layouts *L = pl->L;
	int errors = 0;
	if (n->kind == GD_NODE_ROOT_COMPLEX) {
		const struct gd_root_complex *rc = (const struct gd_root_complex *)n;
		/* No field means no limit: only a limit below 64 bits would be lost. */
		if (!L->has_rc_mem_limit && rc->memory_address_limit &&
		    rc->memory_address_limit < 64) {
			error(pl, &n->loc, "root complex '%s': %s has no memory address size limit",
			      n->name, L->spec);
			errors++;
		}
	} else if (n->kind == GD_NODE_SMMU &&
	           ((const struct gd_smmu *)n)->version == GD_SMMU_V1_V2) {
		errors += smmu_v2_check(pl, (const struct gd_smmu *)n);
	} else if (n->kind == GD_NODE_SMMU) {
		const struct gd_smmu *s = (const struct gd_smmu *)n;
		if (!L->has_smmu_msi && s->own_msi) {
			error(pl, &n->loc,
			      "SMMUv3 '%s': %s has no DeviceID mapping index for the "
			      "SMMU's own MSIs",
			      n->name, L->spec);
			errors++;
		}
		if (!L->has_smmu_msi && s->has_proximity_domain) {
			error(pl, &n->loc, "SMMUv3 '%s': %s has no proximity domain", n->name,
			      L->spec);
			errors++;
		}
		/* from node revision 5 (E.e) the "DeviceID valid" flag says it */
		if (L->has_smmu_msi && L->smmu_rev < 5)
			errors += smmu_index_meant(pl, s);
	} else if (n->kind == GD_NODE_NAMED_COMPONENT &&
	           !((const struct gd_named_component *)n)->acpi_path) {
		error(pl, &n->loc, "named component '%s': IORT needs its ACPI device path",
		      n->name);
		return errors + 1;
	} else if (n->kind == GD_NODE_IWB) {
		const struct gd_iwb *b = (const struct gd_iwb *)n;
		if (!L->iwb)
			error(pl, &n->loc,
			      "IWB '%s': %s has no IWB node (IORT E.g, table revision 7, has)",
			      n->name, L->spec);
		else if (!b->acpi_path)
			error(
			    pl, &n->loc,
			    "IWB '%s': the IORT IWB node needs its ACPI device path (\"IWB Device "
			    "Name\"), by which Linux finds it (iort_iwb_handle())",
			    n->name);
		else if (b->iwb_id > 0xFFFF)
			error(pl, &n->loc,
			      "IWB '%s': IWB index %u does not fit the 16-bit IORT field", n->name,
			      (unsigned)b->iwb_id);
		else
			return errors;
		return errors + 1;
	} else if (n->kind == GD_NODE_PMCG && !pmcg_ref_planned((const struct gd_pmcg *)n)) {
		error(pl, &n->loc,
		      "PMCG '%s': the IORT PMCG node needs a node reference to a node of the IORT "
		      "(the SMMUv3, named component or root complex it counts for)",
		      n->name);
		errors++;
	}
	if (node_fixed(pl, n) + MAP_SIZE * n_maps(n) > 0xFFFF) {
		error(pl, &n->loc,
		      "node '%s': more ID mappings than a 16-bit IORT node length "
		      "holds",
		      n->name);
		errors++;
	}
	for (size_t k = 0; k < n->n_maps; k++)
		if (!n->maps[k].single && (!n->maps[k].count || n->maps[k].count > 1ull << 32)) {
			error(pl, &n->maps[k].loc, "node '%s': an ID mapping needs 1 to 2^32 IDs",
			      n->name);
			errors++;
		}
	return errors;
}

static int plan_add(struct iort_plan *pl, struct gd_node *n, uint32_t *at)
{
	pl->nodes[pl->n] = n;
	pl->offset[pl->n++] = *at;
	int errors = check_node(pl, n);
	if (!errors)
		*at += (uint32_t)(node_fixed(pl, n) + MAP_SIZE * n_maps(n));
	return errors;
}

/* RMR node size: header, body, descriptors, then one mapping per StreamID range (§3.1.1.7). */
static size_t rmr_size(const struct iort_plan *pl, const struct gd_rmr *r)
{
	return NODE_HEADER_SIZE + pl->L->rmr->size + pl->L->rmr_desc->size * r->n_ranges +
	       MAP_SIZE * r->n_stream_ids;
}

/* Lays out the RMR nodes from *@at; returns the error count. */
static int plan_rmrs(struct iort_plan *pl, uint32_t *at)
{
	const struct gd_platform *p = pl->ctx->p;
	int errors = 0;
	pl->rmr_offset = calloc(p->n_rmrs + 1, sizeof(*pl->rmr_offset));
	if (!pl->rmr_offset)
		abort();
	for (size_t k = 0; k < p->n_rmrs; k++) {
		const struct gd_rmr *r = p->rmrs[k];
		if (!pl->L->rmr) {
			error(pl, &r->loc,
			      "RMR '%s': %s has no RMR node that Linux reads (iort_find_rmrs() "
			      "wants table revision 5, E.d, on)",
			      r->name, pl->L->spec);
			errors++;
			continue;
		}
		if (rmr_size(pl, r) > 0xFFFF) {
			error(pl, &r->loc, "RMR '%s': more than a 16-bit IORT node length holds",
			      r->name);
			errors++;
			continue;
		}
		pl->rmr_offset[k] = *at;
		*at += (uint32_t)rmr_size(pl, r);
	}
	return errors;
}

/* Lays out the nodes; returns 0 or -1 after reporting. */
static int plan_make(struct iort_plan *pl)
{
	const struct gd_platform *p = pl->ctx->p;
	size_t total = p->n_its + p->n_smmus + p->n_rcs + p->n_ncs + p->n_pmcgs + p->n_iwbs;
	uint32_t at = IORT_NODES_AT;
	int errors = 0;

	pl->nodes = calloc(total + 1, sizeof(*pl->nodes));
	pl->offset = calloc(total + 1, sizeof(*pl->offset));
	if (!pl->nodes || !pl->offset)
		abort();
	for (size_t i = 0; i < p->n_its; i++)
		errors += plan_add(pl, &p->its[i]->node, &at);
	for (size_t i = 0; i < p->n_smmus; i++)
		errors += plan_add(pl, &p->smmus[i]->node, &at);
	for (size_t i = 0; i < p->n_rcs; i++)
		errors += plan_add(pl, &p->rcs[i]->node, &at);
	for (size_t i = 0; i < p->n_ncs; i++)
		errors += plan_add(pl, &p->ncs[i]->node, &at);
	for (size_t i = 0; i < p->n_pmcgs; i++)
		errors += plan_add(pl, &p->pmcgs[i]->node, &at);
	for (size_t i = 0; i < p->n_iwbs; i++)
		errors += plan_add(pl, &p->iwbs[i]->node, &at);
	errors += plan_rmrs(pl, &at);
	return errors ? -1 : 0;
}

/* The offset of planned node @n, or 0 when it has no IORT node. */
static uint32_t offset_of(const struct iort_plan *pl, const struct gd_node *n)
{
	for (size_t i = 0; i < pl->n; i++)
		if (pl->nodes[i] == n)
			return pl->offset[i];
	return 0;
}

/* Output reference of a mapping into @target: the offset of its node, or 0 after an error. */
static uint32_t output_ref(const struct iort_plan *pl, const struct gd_id_map *m)
{
	if (m->output && (m->output->kind == GD_NODE_ITS || m->output->kind == GD_NODE_SMMU))
		return offset_of(pl, m->output);
	gd_diag_add(pl->ctx->diags, GD_SEV_ERROR, "iort-inexpressible", &m->loc,
	            "ID mapping to '%s': IORT maps only into an ITS group or an SMMU",
	            m->output_name ? m->output_name : "?");
	return 0;
}

static void add_map(struct gd_acpi_table *t, const struct iort_plan *pl, const struct gd_id_map *m)
{
	if (skips_map(m))
		return; /* reported by gd_iort_report_direct_lpi(), _spi_msi() */
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->map);
	if (m->single) {
		v->n[GD_V_FLAGS] = GD_IORT_MAP_SINGLE;
	} else {
		v->n[GD_V_INPUT_BASE] = m->input_base;
		v->n[GD_V_ID_COUNT] = m->count - 1; /* IORT: number of IDs minus one */
	}
	v->n[GD_V_OUTPUT_BASE] = m->output_base;
	v->n[GD_V_OUTPUT_REF] = output_ref(pl, m);
}

/* Node header with type, revision, identifier; mappings follow the fixed part. */
static void add_header(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i, unsigned type,
                       unsigned rev)
{
	const struct gd_node *n = pl->nodes[i];
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->node);
	size_t maps = n_maps(n);
	v->n[GD_V_TYPE] = type;
	v->n[GD_V_LENGTH] = node_fixed(pl, n) + MAP_SIZE * maps;
	v->n[GD_V_REVISION] = rev;
	v->n[GD_V_IDENTIFIER] = pl->L->has_identifier ? i : 0;
	v->n[GD_V_MAP_COUNT] = maps;
	v->n[GD_V_MAP_OFFSET] = maps ? node_fixed(pl, n) : 0;
}

static void mem_access(struct gd_acpi_values *v, const struct gd_mem_access *m)
{
	v->n[GD_V_CCA] = m->cca;
	v->n[GD_V_HINTS] = m->hints;
	v->n[GD_V_MEM_FLAGS] = m->flags;
}

/* One context or PMU interrupt array entry: GSIV, then flags (bit 0: edge) in the upper word. */
static void add_smmu_irqs(struct gd_acpi_table *t, const struct gd_acpi_layout *l,
                          const struct gd_smmu_irq *v, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		gd_acpi_table_add(t, l)->n[GD_V_SMMU_IRQ] =
		    v[k].intid | (uint64_t)(v[k].edge ? GD_IORT_IRQ_EDGE : 0) << 32;
		t->recs[t->n - 1].joined = k > 0;
	}
}

/*
 * SMMUv1 or SMMUv2 node (IORT E.e §3.1.1.2): the interrupt arrays follow the
 * body in the order global, context, PMU, each offset set even when its
 * count is 0 (as iasl compiles them), then the ID mappings.
 */
static void add_smmu_v2(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	const struct gd_iort_layouts *L = pl->L;
	const struct gd_smmu *s = gd_node_as_smmu(pl->nodes[i]);
	size_t ctx_at = smmu_v2_fixed(L);
	add_header(t, pl, i, GD_IORT_SMMUV1V2, L->smmu_v2_rev);
	struct gd_acpi_values *v = gd_acpi_table_add(t, L->smmu_v2);
	v->n[GD_V_BASE] = s->base;
	v->n[GD_V_SPAN] = s->size;
	v->n[GD_V_MODEL] = s->model;
	v->n[GD_V_FLAGS] =
	    (s->dvm ? GD_IORT_SMMU_V2_DVM : 0) | (s->coherent ? GD_IORT_SMMU_V2_COHWALK : 0);
	v->n[GD_V_GLOBAL_IRQ_OFFSET] = NODE_HEADER_SIZE + L->smmu_v2->size;
	v->n[GD_V_CTX_IRQ_COUNT] = s->n_context;
	v->n[GD_V_CTX_IRQ_OFFSET] = ctx_at;
	v->n[GD_V_PMU_IRQ_COUNT] = s->n_pmu;
	v->n[GD_V_PMU_IRQ_OFFSET] = ctx_at + L->smmu_v2_ctx->size * s->n_context;
	v = gd_acpi_table_add(t, L->smmu_v2_global);
	v->n[GD_V_NSG_IRPT] = s->nsg_irpt.intid;
	v->n[GD_V_NSG_IRPT_FLAGS] = s->nsg_irpt.edge ? GD_IORT_IRQ_EDGE : 0;
	v->n[GD_V_NSG_CFG_IRPT] = s->nsg_cfg_irpt.intid;
	v->n[GD_V_NSG_CFG_IRPT_FLAGS] = s->nsg_cfg_irpt.edge ? GD_IORT_IRQ_EDGE : 0;
	add_smmu_irqs(t, L->smmu_v2_ctx, s->context, s->n_context);
	add_smmu_irqs(t, L->smmu_v2_pmu, s->pmu, s->n_pmu);
	for (size_t k = 0; k < s->node.n_maps; k++)
		add_map(t, pl, &s->node.maps[k]);
}

static void add_smmu(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	const struct gd_smmu *s = gd_node_as_smmu(pl->nodes[i]);
	if (s->version == GD_SMMU_V1_V2) {
		add_smmu_v2(t, pl, i);
		return;
	}
	add_header(t, pl, i, GD_IORT_SMMUV3, pl->L->smmu_rev);
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->smmu);
	v->n[GD_V_BASE] = s->base;
	v->n[GD_V_FLAGS] = (s->coherent ? GD_IORT_SMMU_COHACC : 0) |
	                   (s->httu_override ? GD_IORT_SMMU_HTTU : 0) |
	                   (s->has_proximity_domain ? GD_IORT_SMMU_PXM_VALID : 0) |
	                   (s->own_msi && pl->L->smmu_rev >= 5 ? GD_IORT_SMMU_DEVID_VALID : 0);
	v->n[GD_V_VATOS] = s->vatos_base;
	v->n[GD_V_MODEL] = s->model;
	v->n[GD_V_EVENT_GSIV] = s->event_intid;
	v->n[GD_V_PRI_GSIV] = s->pri_intid;
	v->n[GD_V_GERR_GSIV] = s->gerr_intid;
	v->n[GD_V_SYNC_GSIV] = s->sync_intid;
	v->n[GD_V_PXM] = s->has_proximity_domain ? s->proximity_domain : 0;
	v->n[GD_V_ID_MAP_INDEX] = s->own_msi ? n_maps(&s->node) - 1 : 0;
	for (size_t k = 0; k < s->node.n_maps; k++)
		add_map(t, pl, &s->node.maps[k]);
	if (s->own_msi)
		add_map(t, pl, s->own_msi);
}

static void add_rc(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	const struct gd_root_complex *rc = gd_node_as_rc(pl->nodes[i]);
	add_header(t, pl, i, GD_IORT_ROOT_COMPLEX, pl->L->rc_rev);
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->rc);
	mem_access(v, &rc->mem);
	v->n[GD_V_ATS] = rc->ats ? 1 : 0;
	v->n[GD_V_SEGMENT] = rc->segment;
	v->n[GD_V_MEM_LIMIT] = rc->memory_address_limit;
	for (size_t k = 0; k < rc->node.n_maps; k++)
		add_map(t, pl, &rc->node.maps[k]);
}

static void add_nc(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	const struct gd_named_component *nc = gd_node_as_nc(pl->nodes[i]);
	size_t pad, name = nc_name_bytes(nc, &pad);
	add_header(t, pl, i, GD_IORT_NAMED_COMPONENT, pl->L->nc_rev);
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->nc);
	v->n[GD_V_NODE_FLAGS] = nc->node_flags;
	mem_access(v, &nc->mem);
	v->n[GD_V_MEM_LIMIT] = nc->memory_address_limit;
	gd_acpi_table_add_var(t, &gd_iort_nc_name, name)->s[GD_V_DEVICE_NAME] = nc->acpi_path;
	if (pad)
		gd_acpi_table_add_var(t, &gd_iort_nc_padding, pad);
	for (size_t k = 0; k < nc->node.n_maps; k++)
		add_map(t, pl, &nc->node.maps[k]);
}

/*
 * PMCG node (IORT E.e §3.1.1.6): page 0 and page 1 bases, overflow GSIV, the
 * node reference (the offset of the node it counts for, whatever its type:
 * rule pmcg-node-ref judges that), then its ID mappings.
 */
static void add_pmcg(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	const struct gd_pmcg *g = gd_node_as_pmcg(pl->nodes[i]);
	add_header(t, pl, i, GD_IORT_PMCG, pl->L->pmcg_rev);
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->pmcg);
	v->n[GD_V_BASE] = g->page0_base;
	v->n[GD_V_OVERFLOW_GSIV] = g->overflow_intid;
	v->n[GD_V_NODE_REF] = offset_of(pl, g->node_ref);
	v->n[GD_V_PAGE1_BASE] = g->page1_base;
	for (size_t k = 0; k < g->node.n_maps; k++)
		add_map(t, pl, &g->node.maps[k]);
}

/*
 * IWB node (IORT E.g; ACPICA ACPI_IORT_IWB): config frame base, IWB index,
 * the device name Linux looks the IWB up by (iort_iwb_handle()), padded with
 * zeros to 4 bytes as a named component's is, then its ID mapping: one
 * single mapping into the ITS group of a translate frame, the output base
 * its DeviceID (Linux iort_node_get_id() takes a single mapping of an IWB).
 */
static void add_iwb(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	const struct gd_iwb *b = gd_node_as_iwb(pl->nodes[i]);
	size_t pad, name = iwb_name_bytes(pl, b, &pad);
	add_header(t, pl, i, GD_IORT_IWB, pl->L->iwb_rev);
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->iwb);
	v->n[GD_V_BASE] = b->base;
	v->n[GD_V_IWB_INDEX] = b->iwb_id;
	gd_acpi_table_add_var(t, &gd_iort_iwb_name, name)->s[GD_V_DEVICE_NAME] = b->acpi_path;
	if (pad) {
		gd_acpi_table_add(t, gd_iort_iwb_padding(pad));
		t->recs[t->n - 1].joined = true;
	}
	for (size_t k = 0; k < b->node.n_maps; k++)
		add_map(t, pl, &b->node.maps[k]);
}

/*
 * RMR node @k (IORT E.e §3.1.1.7), laid out as iasl compiles it: body,
 * memory range descriptors, then the StreamIDs as ID mappings into their
 * SMMU. One StreamID is a single mapping (output base the StreamID), as
 * firmware writes it; a range maps StreamIDs onto themselves. Linux takes
 * StreamIDs output base .. + number of IDs of either (iort_node_get_rmr_info()).
 */
static void add_rmr(struct gd_acpi_table *t, const struct iort_plan *pl, size_t k)
{
	const struct gd_iort_layouts *L = pl->L;
	const struct gd_rmr *r = pl->ctx->p->rmrs[k];
	size_t maps = r->n_stream_ids, desc_at = NODE_HEADER_SIZE + L->rmr->size;
	struct gd_acpi_values *v = gd_acpi_table_add(t, L->node);
	v->n[GD_V_TYPE] = GD_IORT_RMR;
	v->n[GD_V_LENGTH] = rmr_size(pl, r);
	v->n[GD_V_REVISION] = L->rmr_rev;
	v->n[GD_V_IDENTIFIER] = pl->n + k;
	v->n[GD_V_MAP_COUNT] = maps;
	v->n[GD_V_MAP_OFFSET] = maps ? desc_at + L->rmr_desc->size * r->n_ranges : 0;
	v = gd_acpi_table_add(t, L->rmr);
	v->n[GD_V_FLAGS] = (r->remap_permitted ? GD_IORT_RMR_REMAP : 0) |
	                   (r->access_privileged ? GD_IORT_RMR_PRIV : 0) |
	                   (uint64_t)r->access << GD_IORT_RMR_ACCESS_SHIFT;
	v->n[GD_V_RMR_COUNT] = r->n_ranges;
	v->n[GD_V_RMR_OFFSET] = r->n_ranges ? desc_at : 0;
	for (size_t i = 0; i < r->n_ranges; i++) {
		v = gd_acpi_table_add(t, L->rmr_desc);
		v->n[GD_V_BASE] = r->ranges[i].base;
		v->n[GD_V_RMR_LENGTH] = r->ranges[i].length;
	}
	for (size_t i = 0; i < maps; i++) {
		const struct gd_id_map *m = &r->stream_ids[i];
		v = gd_acpi_table_add(t, L->map);
		if (m->count == 1) {
			v->n[GD_V_FLAGS] = GD_IORT_MAP_SINGLE;
		} else {
			v->n[GD_V_INPUT_BASE] = m->input_base;
			v->n[GD_V_ID_COUNT] = m->count - 1;
		}
		v->n[GD_V_OUTPUT_BASE] = m->input_base;
		v->n[GD_V_OUTPUT_REF] = output_ref(pl, m);
	}
}

static void add_its_group(struct gd_acpi_table *t, const struct iort_plan *pl, size_t i)
{
	add_header(t, pl, i, GD_IORT_ITS_GROUP, pl->L->its_rev);
	gd_acpi_table_add(t, pl->L->its)->n[GD_V_ITS_COUNT] = 1;
	struct gd_acpi_values *v = gd_acpi_table_add(t, pl->L->its_id);
	v->n[GD_V_ITS_ID] = gd_node_as_its(pl->nodes[i])->its_id;
	t->recs[t->n - 1].joined = true;
}

/* Builds the whole IORT into @t and names it in @title; returns 0 or -1 after reporting. */
static int build(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t, char *title, size_t size)
{
	const struct gd_platform *p = ctx->p;
	struct iort_plan pl = {.ctx = ctx, .L = gd_iort_layouts(p->acpi.iort_revision)};
	if (!pl.L) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL,
		            "IORT revision %u is not supported (0, 3, 5, 6 or 7)",
		            p->acpi.iort_revision);
		return -1;
	}
	snprintf(title, size, "IORT revision %u (%s)", pl.L->table_revision, pl.L->spec);
	size_t errors = ctx->diags->errors;
	if (plan_make(&pl) == 0) {
		/* Room for every ID mapping, and about as many fields per node as the largest has.
		 */
		size_t maps = 0;
		for (size_t i = 0; i < pl.n; i++)
			maps += n_maps(pl.nodes[i]);
		gd_acpi_table_reserve(t, maps + 4 * pl.n + 2, maps * pl.L->map->n + 64 * pl.n);
		gd_acpi_emit_header(t, p, "IORT", pl.L->table_revision);
		struct gd_acpi_values *v = gd_acpi_table_add(t, pl.L->header);
		v->n[GD_V_NODE_COUNT] = pl.n + p->n_rmrs;
		v->n[GD_V_NODE_OFFSET] = IORT_NODES_AT;
		for (size_t i = 0; i < pl.n; i++) {
			switch (pl.nodes[i]->kind) {
			case GD_NODE_ITS:
				add_its_group(t, &pl, i);
				break;
			case GD_NODE_SMMU:
				add_smmu(t, &pl, i);
				break;
			case GD_NODE_ROOT_COMPLEX:
				add_rc(t, &pl, i);
				break;
			case GD_NODE_NAMED_COMPONENT:
				add_nc(t, &pl, i);
				break;
			case GD_NODE_PMCG:
				add_pmcg(t, &pl, i);
				break;
			case GD_NODE_IWB:
				add_iwb(t, &pl, i);
				break;
			case GD_NODE_MSI_FRAME:
			case GD_NODE_MBI:
			case GD_NODE_DIRECT_LPI:
				break; /* never planned */
			}
		}
		for (size_t k = 0; k < p->n_rmrs; k++)
			add_rmr(t, &pl, k);
	}
	free(pl.nodes);
	free(pl.offset);
	free(pl.rmr_offset);
	return ctx->diags->errors > errors ? -1 : 0;
}

int gd_emit_iort(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	return gd_acpi_emit(ctx, &gd_emit_built(ctx)->iort, out, false, build);
}

int gd_emit_iort_dsl(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	return gd_acpi_emit(ctx, &gd_emit_built(ctx)->iort, out, true, build);
}

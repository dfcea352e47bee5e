/* SPDX-License-Identifier: MIT */
#include "load/merge.h"

#include <string.h>

/* Drops the assumptions of @p that start with @prefix (a fact another input states). */
static void settled(struct gd_platform *p, const char *prefix)
{
	size_t k = 0;
	for (size_t i = 0; i < p->n_assumed; i++)
		if (strncmp(p->assumed[i], prefix, strlen(prefix)))
			p->assumed[k++] = p->assumed[i];
	p->n_assumed = k;
}

/* The CPU of @p with MPIDR @mpidr, or NULL. */
static const struct gd_cpu *cpu_at(const struct gd_platform *p, uint64_t mpidr)
{
	for (size_t i = 0; i < p->n_cpus; i++)
		if (p->cpus[i].mpidr == mpidr)
			return &p->cpus[i];
	return NULL;
}

/*
 * CPU @c of the DT becomes its MADT GICC @a, with what only the DT states:
 * its compatible, enable-method and place, and its PMU and VGIC maintenance
 * interrupts where it gives them.
 */
static void take_gicc(struct gd_cpu *c, const struct gd_cpu *a)
{
	const struct gd_cpu dt = *c;
	*c = *a;
	c->compatible = dt.compatible;
	c->enable_method = dt.enable_method;
	c->loc = dt.loc;
	if (dt.pmu_intid) {
		c->pmu_intid = dt.pmu_intid;
		c->pmu_edge = dt.pmu_edge;
	}
	if (dt.vgic_maint_intid) {
		c->vgic_maint_intid = dt.vgic_maint_intid;
		c->vgic_maint_edge = dt.vgic_maint_edge;
	}
}

/* The MADT GICC of every CPU (by MPIDR); true when every DT CPU has one. */
static bool merge_cpus(struct gd_platform *dt, const struct gd_platform *acpi)
{
	bool all = dt->n_cpus > 0;
	for (size_t i = 0; i < dt->n_cpus; i++) {
		const struct gd_cpu *a = cpu_at(acpi, dt->cpus[i].mpidr);
		all &= a != NULL;
		if (a)
			take_gicc(&dt->cpus[i], a);
	}
	return all;
}

/* The base address of an ITS, GICv2m frame or SMMU @n; false for another kind. */
static bool base_of(const struct gd_node *node, uint64_t *base)
{
	struct gd_node *n = (struct gd_node *)node; /* the down-casts take no const */
	struct gd_its *its = gd_node_as_its(n);
	struct gd_msi_frame *f = gd_node_as_msi_frame(n);
	struct gd_smmu *s = gd_node_as_smmu(n);
	*base = its ? its->base : f ? f->base : s ? s->base : 0;
	return its || f || s;
}

/*
 * The node of @p that is the hardware of node @n of the other input: an ITS,
 * GICv2m frame or SMMU at the same base, a root complex of the same PCI
 * segment; or NULL.
 */
static struct gd_node *counterpart(const struct gd_platform *p, const struct gd_node *n)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)n);
	uint64_t base, b;
	bool framed = base_of(n, &base);
	struct gd_node *m;
	for (size_t i = 0; (rc || framed) && (m = gd_platform_node(p, i)); i++)
		if (m->kind == n->kind &&
		    (rc ? gd_node_as_rc(m)->segment == rc->segment : base_of(m, &b) && b == base))
			return m;
	return NULL;
}

/* GIC ITS IDs and proximity domains; true when every DT ITS is in the MADT. */
static bool merge_its(struct gd_platform *dt, const struct gd_platform *acpi)
{
	bool all = true;
	for (size_t i = 0; i < dt->n_its; i++) {
		struct gd_its *its = dt->its[i], *a = NULL;
		struct gd_node *n = counterpart(acpi, &its->node);
		all &= n != NULL;
		if (!n || !(a = gd_node_as_its(n)))
			continue;
		its->its_id = a->its_id;
		its->has_proximity_domain = a->has_proximity_domain;
		its->proximity_domain = a->proximity_domain;
	}
	return all;
}

/* GIC MSI frame IDs, and the SPIs of frames the DT does not give them for. */
static void merge_msi_frames(struct gd_platform *dt, const struct gd_platform *acpi)
{
	for (size_t i = 0; i < dt->n_msi_frames; i++) {
		struct gd_msi_frame *f = dt->msi_frames[i];
		struct gd_node *n = counterpart(acpi, &f->node);
		const struct gd_msi_frame *a = n ? gd_node_as_msi_frame(n) : NULL;
		if (!a)
			continue;
		f->frame_id = a->frame_id;
		if (!f->spi_count) {
			f->spi_base = a->spi_base;
			f->spi_count = a->spi_count;
		}
	}
}

/* IORT root complex attributes, by PCI segment; true when every DT root complex has its node. */
static bool merge_rcs(struct gd_platform *dt, const struct gd_platform *acpi)
{
	bool all = true;
	for (size_t i = 0; i < dt->n_rcs; i++) {
		struct gd_root_complex *rc = dt->rcs[i];
		struct gd_node *n = counterpart(acpi, &rc->node);
		all &= n != NULL;
		if (!n)
			continue;
		rc->mem = gd_node_as_rc(n)->mem;
		rc->ats = gd_node_as_rc(n)->ats;
		rc->memory_address_limit = gd_node_as_rc(n)->memory_address_limit;
	}
	return all;
}

/* SMMU own MSIs the DT does not give, into the DT's ITS at the same base. */
static void merge_smmus(struct gd_platform *dt, const struct gd_platform *acpi)
{
	for (size_t i = 0; i < acpi->n_smmus; i++) {
		const struct gd_smmu *a = acpi->smmus[i];
		struct gd_node *n = counterpart(dt, &a->node);
		struct gd_node *its = a->own_msi ? counterpart(dt, a->own_msi->output) : NULL;
		struct gd_smmu *s = n ? gd_node_as_smmu(n) : NULL;
		if (!s || s->own_msi || !its)
			continue;
		s->own_msi = gd_arena_alloc(&dt->arena, sizeof(*s->own_msi));
		*s->own_msi = *a->own_msi;
		s->own_msi->output = its;
	}
}

/* The IORT node reference of each PMCG (by page 0 base), which a DT cannot state. */
static void merge_pmcgs(struct gd_platform *dt, const struct gd_platform *acpi)
{
	for (size_t i = 0; i < dt->n_pmcgs; i++)
		for (size_t k = 0; k < acpi->n_pmcgs && !dt->pmcgs[i]->node_ref; k++)
			if (acpi->pmcgs[k]->page0_base == dt->pmcgs[i]->page0_base &&
			    acpi->pmcgs[k]->node_ref)
				dt->pmcgs[i]->node_ref = counterpart(dt, acpi->pmcgs[k]->node_ref);
}

/* RMR nodes whose StreamIDs are all of SMMUs the DT has; a note for any other. */
static void merge_rmrs(struct gd_platform *dt, const struct gd_platform *acpi, struct gd_diags *d)
{
	for (size_t i = 0; i < acpi->n_rmrs; i++) {
		const struct gd_rmr *a = acpi->rmrs[i];
		struct gd_rmr *r = gd_arena_alloc(&dt->arena, sizeof(*r));
		*r = *a;
		r->stream_ids = gd_arena_alloc(&dt->arena, (a->n_stream_ids ? a->n_stream_ids : 1) *
		                                               sizeof(*r->stream_ids));
		r->cap_stream_ids = r->n_stream_ids;
		bool whole = true;
		for (size_t k = 0; k < a->n_stream_ids; k++) {
			r->stream_ids[k] = a->stream_ids[k];
			r->stream_ids[k].output = counterpart(dt, a->stream_ids[k].output);
			whole &= r->stream_ids[k].output != NULL;
		}
		if (whole)
			*GD_ARRAY_PUSH(&dt->arena, dt->rmrs, dt->n_rmrs, dt->cap_rmrs) = r;
		else
			gd_diag_add(d, GD_SEV_NOTE, NULL, &a->loc,
			            "RMR '%s' is not taken: its StreamIDs are of an SMMU the DTB "
			            "does not have",
			            a->name);
	}
}

void gd_load_merge(struct gd_platform *dt, const struct gd_platform *acpi, struct gd_diags *d)
{
	memcpy(dt->oem_id, acpi->oem_id, sizeof(dt->oem_id));
	memcpy(dt->oem_table_id, acpi->oem_table_id, sizeof(dt->oem_table_id));
	dt->oem_revision = acpi->oem_revision;
	dt->acpi = acpi->acpi;
	dt->dist.gic_id = acpi->dist.gic_id;
	dt->dist.system_vector_base = acpi->dist.system_vector_base;
	if (merge_cpus(dt, acpi))
		settled(dt, "ACPI processor UIDs assumed");
	if (merge_its(dt, acpi))
		settled(dt, "ITS IDs assumed");
	merge_msi_frames(dt, acpi);
	if (merge_rcs(dt, acpi)) {
		settled(dt, "dma-ranges of PCI hosts not read");
		if (!dt->n_ncs) /* the only other nodes a DT's dma-coherent is taken of */
			settled(dt, "dma-coherent taken as IORT memory access properties");
	}
	merge_smmus(dt, acpi);
	merge_pmcgs(dt, acpi);
	merge_rmrs(dt, acpi, d);
	for (size_t i = 0; i < acpi->n_ncs; i++) {
		const struct gd_named_component *nc = acpi->ncs[i];
		gd_diag_add(d, GD_SEV_NOTE, NULL, &nc->node.loc,
		            "named component '%s' (%s) of the IORT is not taken: no DT node is "
		            "known to be it",
		            nc->node.name, nc->acpi_path ? nc->acpi_path : "no device object");
	}
}

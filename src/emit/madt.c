/* SPDX-License-Identifier: MIT */
/*
 * madt.c - the MADT ("APIC", ACPI 6.5 §5.2.12) of the GIC from the model,
 * as bytes or iasl source. Order as QEMU writes it: GICD, one GICC per CPU
 * in model order, one GICR per redistributor region, one GIC ITS per ITS,
 * one GIC MSI frame per GICv2m frame (its SPIs stated when known). GICD
 * version 2, 3 or 4 (4 for GICv4.1 too: ACPI 6.5 table 5.39 has no 4.1).
 * Local interrupt controller address and flags are 0 (no PC-AT PICs).
 *
 * A GICv5 (MADT revision 7, ACPI 6.7) has no GICD, GICR or GIC ITS: one
 * 88-byte GICC per CPU with the IAFFID and IRS ID of the IRS that lists it,
 * one IRS per IRS, then per GICv5 ITS its config frame followed by its
 * translate frames (the structures Linux irq-gic-v5-irs.c and
 * irq-gic-v5-its.c read: gic_acpi_parse_madt_irs(), gic_acpi_parse_iaffid(),
 * gic_acpi_parse_madt_its(), gic_acpi_parse_madt_its_translate()).
 */
#include <stdio.h>

#include "emit/acpi.h"
#include "emit/built.h"

/* Reports a GICC field @value that MADT revision @rev cannot carry (it needs @need). */
static int lost(const struct gd_emit_ctx *ctx, const struct gd_cpu *c, const char *field,
                uint64_t value, unsigned rev, unsigned need)
{
	if (!value || rev >= need)
		return 0;
	gd_diag_add(ctx->diags, GD_SEV_ERROR, "madt-inexpressible", &c->loc,
	            "CPU with MPIDR 0x%llx: %s is set but the MADT revision %u GICC has no such "
	            "field (revision %u or later)",
	            (unsigned long long)c->mpidr, field, rev, need);
	return 1;
}

/*
 * The IRS of a GICv5 platform that lists CPU @cpu, and the PE entry there;
 * reports (madt-inexpressible) and returns NULL when none does or two do: a
 * GICC names one IRS ID (Linux gic_acpi_parse_iaffid() binds the CPU to the
 * IRS whose ID it gives).
 */
static const struct gd_irs *irs_of(const struct gd_emit_ctx *ctx, size_t cpu,
                                   const struct gd_irs_pe **pe)
{
	const struct gd_platform *p = ctx->p;
	const struct gd_irs_pe *again;
	size_t at = gd_irs_serving(p, cpu, 0, pe);
	bool none = at == p->n_irses;
	if (!none && gd_irs_serving(p, cpu, at + 1, &again) == p->n_irses)
		return p->irses[at];
	gd_diag_add(ctx->diags, GD_SEV_ERROR, "madt-inexpressible", &p->cpus[cpu].loc,
	            "CPU with MPIDR 0x%llx: %s IRS lists it, but its GICC names one IRS by "
	            "\"IRS ID\" and gives one IAFFID",
	            (unsigned long long)p->cpus[cpu].mpidr, none ? "no" : "more than one");
	return NULL;
}

static int add_gicc(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t,
                    const struct gd_madt_layouts *L, size_t i)
{
	const struct gd_cpu *c = &ctx->p->cpus[i];
	unsigned rev = L->revision;
	if (lost(ctx, c, "the efficiency class", c->efficiency_class, rev, 4) +
	    lost(ctx, c, "the SPE overflow interrupt", c->spe_intid, rev, 5) +
	    lost(ctx, c, "the TRBE interrupt", c->trbe_intid, rev, 6) +
	    lost(ctx, c, "online-capable", c->online_capable, rev, 6))
		return -1;
	const struct gd_irs_pe *pe = NULL;
	const struct gd_irs *irs = NULL;
	if (ctx->p->gic_version == GD_GIC_V5 && !(irs = irs_of(ctx, i, &pe)))
		return -1;
	const struct gd_acpi_layout *l = irs ? L->gicc_v5 : L->gicc;
	struct gd_acpi_values *v = gd_acpi_table_add(t, l);
	v->n[GD_V_TYPE] = GD_MADT_GICC;
	v->n[GD_V_LENGTH] = l->size;
	if (irs) {
		v->n[GD_V_IAFFID] = pe->iaffid;
		v->n[GD_V_IRS_ID] = irs->irs_id;
	}
	v->n[GD_V_CPU_IF] = c->cpu_interface_number;
	v->n[GD_V_UID] = c->uid;
	v->n[GD_V_FLAGS] = (c->enabled ? GD_GICC_ENABLED : 0) |
	                   (c->pmu_edge ? GD_GICC_PERF_EDGE : 0) |
	                   (c->vgic_maint_edge ? GD_GICC_VGIC_EDGE : 0) |
	                   (c->online_capable ? GD_GICC_ONLINE_CAPABLE : 0);
	v->n[GD_V_PARKING_VERSION] = c->parking_version;
	v->n[GD_V_PERF_GSIV] = c->pmu_intid;
	v->n[GD_V_PARKED_ADDR] = c->parked_address;
	v->n[GD_V_BASE] = c->gicc_base;
	v->n[GD_V_GICV_BASE] = c->gicv_base;
	v->n[GD_V_GICH_BASE] = c->gich_base;
	v->n[GD_V_VGIC_GSIV] = c->vgic_maint_intid;
	v->n[GD_V_GICR_BASE] = c->gicr_base;
	v->n[GD_V_MPIDR] = c->mpidr;
	v->n[GD_V_EFFICIENCY] = c->efficiency_class;
	v->n[GD_V_SPE_GSIV] = c->spe_intid;
	v->n[GD_V_TRBE_GSIV] = c->trbe_intid;
	return 0;
}

/* Starts a subtable of @l with its type and length. */
static struct gd_acpi_values *subtable(struct gd_acpi_table *t, const struct gd_acpi_layout *l,
                                       unsigned type)
{
	struct gd_acpi_values *v = gd_acpi_table_add(t, l);
	v->n[GD_V_TYPE] = type;
	v->n[GD_V_LENGTH] = l->size;
	return v;
}

/*
 * The GICv5 structures after the GICCs: IRSes (type 28), then each ITS's
 * config frame (29) followed by its translate frames (30). Returns 0, or -1
 * after reporting a translate frame of no GICv5 ITS.
 */
static int add_gicv5(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t,
                     const struct gd_madt_layouts *L)
{
	const struct gd_platform *p = ctx->p;
	struct gd_acpi_values *v;
	int rc = 0;
	for (size_t i = 0; i < p->n_irses; i++) {
		const struct gd_irs *irs = p->irses[i];
		v = subtable(t, L->irs, GD_MADT_IRS);
		v->n[GD_V_VERSION] = GD_MADT_GIC_VERSION_V5;
		v->n[GD_V_IRS_ID] = irs->irs_id;
		v->n[GD_V_FLAGS] = irs->non_coherent ? GD_MADT_V5_NON_COHERENT : 0;
		v->n[GD_V_BASE] = irs->config_base;
		v->n[GD_V_SETLPI_BASE] = irs->setlpi_base;
	}
	for (size_t i = 0; i < p->n_v5_its; i++) {
		const struct gd_v5_its *its = p->v5_its[i];
		v = subtable(t, L->v5_its, GD_MADT_V5_ITS);
		v->n[GD_V_FLAGS] = its->non_coherent ? GD_MADT_V5_NON_COHERENT : 0;
		v->n[GD_V_TRANSLATOR_ID] = its->translator_id;
		v->n[GD_V_BASE] = its->config_base;
		for (size_t k = 0; k < p->n_its; k++) {
			if (p->its[k]->v5 != its)
				continue;
			v = subtable(t, L->v5_frame, GD_MADT_V5_FRAME);
			v->n[GD_V_TRANSLATOR_ID] = its->translator_id;
			v->n[GD_V_FRAME_ID] = p->its[k]->its_id;
			v->n[GD_V_BASE] = p->its[k]->base;
		}
	}
	for (size_t k = 0; k < p->n_its; k++)
		if (!p->its[k]->v5) {
			gd_diag_add(ctx->diags, GD_SEV_ERROR, "madt-inexpressible",
			            &p->its[k]->node.loc,
			            "ITS '%s': a GICv5 MADT has no GICv3 ITS structure; an ITS "
			            "translate frame needs its GICv5 ITS",
			            p->its[k]->node.name);
			rc = -1;
		}
	return rc;
}

/* The GICv3/v4 distributor, redistributors and ITSes. */
static int add_gicv3(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t,
                     const struct gd_madt_layouts *L)
{
	const struct gd_platform *p = ctx->p;
	struct gd_acpi_values *v;
	int rc = 0;
	for (size_t i = 0; i < p->n_redists; i++) {
		v = subtable(t, L->gicr, GD_MADT_GICR);
		v->n[GD_V_BASE] = p->redists[i].base;
		v->n[GD_V_RANGE_LENGTH] = p->redists[i].length;
		if (p->redists[i].length > UINT32_MAX) {
			gd_diag_add(ctx->diags, GD_SEV_ERROR, "madt-inexpressible",
			            &p->redists[i].loc,
			            "redistributor region at 0x%llx: length does not fit the "
			            "32-bit MADT GICR discovery range length",
			            (unsigned long long)p->redists[i].base);
			rc = -1;
		}
	}
	for (size_t i = 0; i < p->n_its; i++) {
		v = subtable(t, L->its, GD_MADT_ITS);
		v->n[GD_V_ITS_ID] = p->its[i]->its_id;
		v->n[GD_V_BASE] = p->its[i]->base;
	}
	return rc;
}

static int build(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t, char *title, size_t size)
{
	const struct gd_platform *p = ctx->p;
	const struct gd_madt_layouts *L = gd_madt_layouts(p->acpi.madt_revision);
	if (!L) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL,
		            "MADT revision %u is not supported (3, 4, 5, 6 or 7)",
		            p->acpi.madt_revision);
		return -1;
	}
	bool v5 = p->gic_version == GD_GIC_V5;
	if (v5 && !L->irs) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, "madt-inexpressible", &p->gic_loc,
		            "a GICv5 needs MADT revision 7 (ACPI 6.7: IRS, GICv5 ITS and translate "
		            "frame structures, the GICC's IAFFID and IRS ID), not %u",
		            L->revision);
		return -1;
	}
	snprintf(title, size, "MADT revision %u (%s)", L->revision, L->spec);
	gd_acpi_emit_header(t, p, "APIC", L->revision);
	gd_acpi_table_add(t, L->header);

	struct gd_acpi_values *v;
	if (!v5) {
		v = subtable(t, L->gicd, GD_MADT_GICD);
		v->n[GD_V_GIC_ID] = p->dist.gic_id;
		v->n[GD_V_BASE] = p->dist.base;
		v->n[GD_V_VECTOR_BASE] = p->dist.system_vector_base;
		v->n[GD_V_VERSION] = p->gic_version == GD_GIC_V2   ? 2
		                     : p->gic_version == GD_GIC_V3 ? 3
		                                                   : 4;
	}
	int rc = 0;
	for (size_t i = 0; i < p->n_cpus; i++)
		rc |= add_gicc(ctx, t, L, i);
	rc |= v5 ? add_gicv5(ctx, t, L) : add_gicv3(ctx, t, L);
	for (size_t i = 0; i < p->n_msi_frames; i++) {
		const struct gd_msi_frame *f = p->msi_frames[i];
		v = subtable(t, L->msi_frame, GD_MADT_MSI_FRAME);
		v->n[GD_V_MSI_FRAME_ID] = f->frame_id;
		v->n[GD_V_BASE] = f->base;
		v->n[GD_V_FLAGS] = f->spi_count ? GD_MSI_FRAME_SPI_SELECT : 0;
		v->n[GD_V_SPI_COUNT] = f->spi_count;
		v->n[GD_V_SPI_BASE] = f->spi_base;
	}
	return rc;
}

int gd_emit_madt(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	return gd_acpi_emit(ctx, &gd_emit_built(ctx)->madt, out, false, build);
}

int gd_emit_madt_dsl(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	return gd_acpi_emit(ctx, &gd_emit_built(ctx)->madt, out, true, build);
}

/* SPDX-License-Identifier: MIT */
/*
 * madt.c - the MADT ("APIC", ACPI 6.5 §5.2.12) of the GIC from the model,
 * as bytes or iasl source. Order as QEMU writes it: GICD, one GICC per CPU
 * in model order, one GICR per redistributor region, one GIC ITS per ITS,
 * one GIC MSI frame per GICv2m frame (its SPIs stated when known). GICD
 * version 2, 3 or 4 (4 for GICv4.1 too: ACPI 6.5 table 5.39 has no 4.1).
 * Local interrupt controller address and flags are 0 (no PC-AT PICs).
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

static int add_gicc(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t,
                    const struct gd_madt_layouts *L, const struct gd_cpu *c)
{
	unsigned rev = L->revision;
	if (lost(ctx, c, "the efficiency class", c->efficiency_class, rev, 4) +
	    lost(ctx, c, "the SPE overflow interrupt", c->spe_intid, rev, 5) +
	    lost(ctx, c, "the TRBE interrupt", c->trbe_intid, rev, 6) +
	    lost(ctx, c, "online-capable", c->online_capable, rev, 6))
		return -1;
	struct gd_acpi_values *v = gd_acpi_table_add(t, L->gicc);
	v->n[GD_V_TYPE] = GD_MADT_GICC;
	v->n[GD_V_LENGTH] = L->gicc->size;
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

static int build(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t, char *title, size_t size)
{
	const struct gd_platform *p = ctx->p;
	const struct gd_madt_layouts *L = gd_madt_layouts(p->acpi.madt_revision);
	if (!L) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL,
		            "MADT revision %u is not supported (3, 4, 5 or 6)",
		            p->acpi.madt_revision);
		return -1;
	}
	snprintf(title, size, "MADT revision %u (%s)", L->revision, L->spec);
	gd_acpi_emit_header(t, p, "APIC", L->revision);
	gd_acpi_table_add(t, L->header);

	struct gd_acpi_values *v = subtable(t, L->gicd, GD_MADT_GICD);
	v->n[GD_V_GIC_ID] = p->dist.gic_id;
	v->n[GD_V_BASE] = p->dist.base;
	v->n[GD_V_VECTOR_BASE] = p->dist.system_vector_base;
	v->n[GD_V_VERSION] = p->gic_version == GD_GIC_V2 ? 2 : p->gic_version == GD_GIC_V3 ? 3 : 4;

	int rc = 0;
	for (size_t i = 0; i < p->n_cpus; i++)
		rc |= add_gicc(ctx, t, L, &p->cpus[i]);
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

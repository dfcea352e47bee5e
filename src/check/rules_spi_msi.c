/* SPDX-License-Identifier: MIT */
/*
 * Rules over SPI-based MSI (GICv2m frames, GICv3 MBI ranges) and over what a
 * GICv2 platform can have. Every range is of SPI INTIDs.
 */
#include "check/rule.h"

#include <inttypes.h>

/* One range of SPIs set aside for MSIs and what it is, for the sweeps. */
struct msi_range {
	uint32_t base, count; /* INTIDs [base, base + count) */
	char what[80];
	const struct gd_loc *loc;
};

/*
 * The MSI ranges of @p: each GICv2m frame whose SPIs are known (spi_count
 * > 0), then each MBI range. Returns their number; *@out in c->tmp.
 */
static size_t collect(struct gd_check_ctx *c, struct msi_range **out)
{
	const struct gd_platform *p = c->p;
	size_t cap = p->n_msi_frames, n = 0;
	for (size_t i = 0; i < p->n_mbis; i++)
		cap += p->mbis[i]->n_ranges;
	struct msi_range *v = gd_arena_alloc(c->tmp, (cap + 1) * sizeof(*v));
	for (size_t i = 0; i < p->n_msi_frames; i++) {
		const struct gd_msi_frame *f = p->msi_frames[i];
		if (!f->spi_count)
			continue;
		v[n] = (struct msi_range){f->spi_base, f->spi_count, "", &f->node.loc};
		snprintf(v[n++].what, sizeof(v->what), "GICv2m frame %s", f->node.name);
	}
	for (size_t i = 0; i < p->n_mbis; i++)
		for (size_t k = 0; k < p->mbis[i]->n_ranges; k++) {
			const struct gd_intid_range *r = &p->mbis[i]->ranges[k];
			v[n] = (struct msi_range){r->base, r->count, "", &r->loc};
			snprintf(v[n++].what, sizeof(v->what), "MBI range %zu of %s", k,
			         p->mbis[i]->node.name);
		}
	*out = v;
	return n;
}

/* Last INTID of @r, in 64 bits (base + count may pass 2^32). */
static uint64_t last_intid(const struct msi_range *r)
{
	return (uint64_t)r->base + r->count - 1;
}

void gd_rule_spi_msi_range(struct gd_check_ctx *c)
{
	struct msi_range *v;
	size_t n = collect(c, &v);
	uint64_t last_spi = 31 + (uint64_t)c->p->dist.spis;
	if (last_spi > 1019)
		last_spi = 1019;
	for (size_t i = 0; i < n; i++)
		if (v[i].base < 32 || last_intid(&v[i]) > last_spi)
			gd_check_report(c, v[i].loc,
			                "%s: INTIDs %" PRIu32 "-%" PRIu64
			                " are not all SPIs of the distributor (INTIDs 32-%" PRIu64
			                " with %" PRIu32 " SPIs)",
			                v[i].what, v[i].base, last_intid(&v[i]), last_spi,
			                c->p->dist.spis);
}

static uint64_t range_end_at(const void *arg, size_t i)
{
	return last_intid(&((const struct msi_range *)arg)[i]) + 1;
}

static void range_overlap(struct gd_check_ctx *c, const void *arg, size_t i, size_t reach)
{
	const struct msi_range *a = &((const struct msi_range *)arg)[i];
	const struct msi_range *r = &((const struct msi_range *)arg)[reach];
	gd_check_report(c, a->loc,
	                "%s (INTIDs %" PRIu32 "-%" PRIu64 ") overlaps %s (INTIDs %" PRIu32
	                "-%" PRIu64 "): one SPI would be given to two MSIs",
	                a->what, a->base, last_intid(a), r->what, r->base, last_intid(r));
}

void gd_rule_spi_msi_overlap(struct gd_check_ctx *c)
{
	struct msi_range *v;
	size_t n = collect(c, &v);
	struct gd_check_keyed *order = gd_arena_alloc(c->tmp, (n + 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = (struct gd_check_keyed){v[i].base, i};
	gd_check_sort(order, n);
	gd_check_overlaps(c, order, n, range_end_at, range_overlap, v);
}

/* Reports @intid (0 = none) of @what when an MSI range of @v holds it. */
static void wired(struct gd_check_ctx *c, const struct msi_range *v, size_t n, uint32_t intid,
                  const char *what, const char *owner, const struct gd_loc *loc)
{
	for (size_t i = 0; intid && i < n; i++)
		if (intid >= v[i].base && intid <= last_intid(&v[i]))
			gd_check_report(
			    c, loc,
			    "%s interrupt INTID %" PRIu32 " of %s is a wired SPI inside "
			    "%s (INTIDs %" PRIu32 "-%" PRIu64 ")",
			    what, intid, owner, v[i].what, v[i].base, last_intid(&v[i]));
}

void gd_rule_spi_msi_wired(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	struct msi_range *v;
	size_t n = collect(c, &v);
	char cpu[32];
	for (size_t i = 0; i < p->n_smmus; i++) {
		const struct gd_smmu *s = p->smmus[i];
		struct gd_smmu_irq irq;
		const char *what;
		for (size_t k = 0; gd_smmu_wired_irq(s, k, &irq, &what); k++)
			wired(c, v, n, irq.intid, what, s->node.name, &s->node.loc);
	}
	/* A PMU on one SPI per CPU (arm/pmu.yaml interrupt-affinity); PPIs never match. */
	for (size_t i = 0; i < p->n_cpus; i++) {
		snprintf(cpu, sizeof(cpu), "CPU %zu", i);
		wired(c, v, n, p->cpus[i].pmu_intid, "PMU", cpu, &p->cpus[i].loc);
	}
	for (size_t i = 0; i < p->n_wired; i++)
		wired(c, v, n, p->wired[i].intid, "the", p->wired[i].device, &p->wired[i].loc);
}

void gd_rule_v2m_spi_limit(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_msi_frames; i++) {
		const struct gd_msi_frame *f = c->p->msi_frames[i];
		if (f->spi_count && (uint64_t)f->spi_base + f->spi_count == 1020)
			gd_check_report(c, &f->node.loc,
			                "GICv2m frame %s ends at INTID 1019 (base %" PRIu32
			                " + %" PRIu32 " SPIs = 1020): architecturally right, but "
			                "Linux refuses the whole frame (irq-gic-v2m.c "
			                "is_msi_spi_valid(): base + num > 1019)",
			                f->node.name, f->spi_base, f->spi_count);
	}
}

/* Largest Multi-MSI block (PCI MSI: up to 32 vectors, a power of two) a range of @count holds. */
static uint32_t multi_msi_block(uint32_t count)
{
	uint32_t block = 1;
	while (block < 32 && block * 2 <= count)
		block *= 2;
	return block;
}

void gd_rule_mbi_multi_msi_alignment(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_mbis; i++)
		for (size_t k = 0; k < c->p->mbis[i]->n_ranges; k++) {
			const struct gd_intid_range *r = &c->p->mbis[i]->ranges[k];
			/* the block the description states, else the largest the range holds */
			uint32_t block = r->multi_msi ? r->multi_msi : multi_msi_block(r->count);
			if (r->base % block)
				gd_check_report(
				    c, &r->loc,
				    "MBI range %zu of %s starts at INTID %" PRIu32
				    ", not a multiple of %" PRIu32 ": a Multi-MSI block of %" PRIu32
				    " vectors gets misaligned INTIDs (the device sets the low bits "
				    "of the data, an INTID; Linux mbi_irq_domain_alloc() aligns "
				    "blocks from the range start)",
				    k, c->p->mbis[i]->node.name, r->base, block, block);
		}
}

void gd_rule_v2m_frame_alignment(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_msi_frames; i++) {
		const struct gd_msi_frame *f = c->p->msi_frames[i];
		if (f->base % 0x1000)
			gd_check_report(c, &f->node.loc,
			                "GICv2m frame %s base 0x%" PRIx64
			                " is not 4 KiB aligned (the frame is one 4 KiB page)",
			                f->node.name, f->base);
	}
}

/* Reports, on a GICv2 platform, @n objects of what only GICv3 and later have. */
static void not_on_v2(struct gd_check_ctx *c, size_t n, const struct gd_loc *loc, const char *what)
{
	if (n)
		gd_check_report(c, loc, "a GICv2 has no %s", what);
}

void gd_rule_gicv2_features(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	if (p->gic_version != GD_GIC_V2)
		return;
	not_on_v2(c, p->n_its, p->n_its ? &p->its[0]->node.loc : NULL,
	          "ITS (no LPIs: MSIs go through GICv2m frames)");
	not_on_v2(c, p->n_redists, p->n_redists ? &p->redists[0].loc : NULL,
	          "redistributors (GICD and GICC only)");
	for (size_t i = 0; i < p->n_cpus; i++)
		if (p->cpus[i].gicr_base) {
			not_on_v2(c, 1, &p->cpus[i].loc, "redistributors (a CPU has a GICR base)");
			break;
		}
	not_on_v2(c, p->n_mbis, p->n_mbis ? &p->mbis[0]->node.loc : NULL,
	          "MBI (GICD_SETSPI_NSR is GICv3's)");
	not_on_v2(c, p->n_direct_lpis, p->n_direct_lpis ? &p->direct_lpis[0]->node.loc : NULL,
	          "Direct LPI (no LPIs)");
	for (size_t i = 0; i < p->n_cpus; i++)
		if (p->cpus[i].cpu_interface_number > 7) {
			gd_check_report(c, &p->cpus[i].loc,
			                "CPU %zu has CPU interface number %" PRIu32
			                ": a GICv2 has CPU interfaces 0-7 (GICD_ITARGETSR), so at "
			                "most 8 CPUs",
			                i, p->cpus[i].cpu_interface_number);
			break;
		}
}

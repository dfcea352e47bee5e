/* SPDX-License-Identifier: MIT */
/* Rules over the MMIO layout: GIC frames, SMMUs, ECAM and PCI windows. */
#include "check/rule.h"

#include <inttypes.h>

#define SZ_64K UINT64_C(0x10000)

/* One MMIO range [base, base + size) and what it is, for the overlap sweep. */
struct mmio {
	uint64_t base, size;
	char what[64];
	const struct gd_loc *loc;
};

/*
 * The redistributor frame size of each CPU whose GICC gives a GICR base, by
 * CPU index: the architecture's for the GIC version, except that ACPI tables
 * (which state no frame size) get at most the spacing from the CPU's base to
 * the next higher one, as Linux finds each frame's end by the hardware
 * (irq-gic-v3.c gic_acpi_parse_madt_gicc() sizes it by GICR_PIDR2): no
 * overlap is claimed on a size the tables never gave.
 */
static uint64_t *cpu_redist_sizes(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	uint64_t frame = gd_redist_frame_size(p->gic_version);
	uint64_t *size = gd_arena_alloc(c->tmp, (p->n_cpus + 1) * sizeof(*size));
	struct gd_check_keyed *order = gd_arena_alloc(c->tmp, (p->n_cpus + 1) * sizeof(*order));
	size_t n = 0;
	for (size_t i = 0; i < p->n_cpus; i++) {
		size[i] = frame;
		if (p->cpus[i].gicr_base)
			order[n++] = (struct gd_check_keyed){p->cpus[i].gicr_base, i};
	}
	if (p->origin != GD_ORIGIN_ACPI)
		return size;
	gd_check_sort(order, n);
	for (size_t k = 0; k + 1 < n; k++) {
		uint64_t gap = order[k + 1].key - order[k].key;
		if (gap && gap < frame)
			size[order[k].idx] = gap;
	}
	return size;
}

/*
 * The MMIO ranges of @p, in model order, without empty ones; returns their
 * number. From GICv3 on, the GICC of the CPUs is left out: Linux's GICv3
 * driver never maps it (rule gicc-base-overlap judges it).
 */
static size_t collect_mmio(struct gd_check_ctx *c, struct mmio **out)
{
	const struct gd_platform *p = c->p;
	size_t cap = 1 + p->n_redists + 4 * p->n_cpus + p->n_its + p->n_smmus + p->n_msi_frames +
	             2 * p->n_irses + p->n_v5_its + p->n_iwbs;
	for (size_t i = 0; i < p->n_rcs; i++)
		cap += 1 + p->rcs[i]->n_windows + p->rcs[i]->n_regs;
	struct mmio *v = gd_arena_alloc(c->tmp, cap * sizeof(*v));
	size_t n = 0;
#define ADD(b, s, l, ...)                                                                          \
	do {                                                                                       \
		if ((s) > 0) {                                                                     \
			v[n].base = (b);                                                           \
			v[n].size = (s);                                                           \
			v[n].loc = (l);                                                            \
			snprintf(v[n].what, sizeof(v[n].what), __VA_ARGS__);                       \
			n++;                                                                       \
		}                                                                                  \
	} while (0)
	uint64_t *redist = cpu_redist_sizes(c);
	bool gicc = p->gic_version == GD_GIC_V2;
	ADD(p->dist.base, p->dist.size ? p->dist.size : gd_dist_size(p->gic_version), &p->dist.loc,
	    "the GICD");
	for (size_t i = 0; i < p->n_redists; i++)
		ADD(p->redists[i].base, p->redists[i].length, &p->redists[i].loc,
		    "redistributor region %zu", i);
	for (size_t i = 0; i < p->n_cpus; i++)
		if (p->cpus[i].gicr_base)
			ADD(p->cpus[i].gicr_base, redist[i], &p->cpus[i].loc,
			    "the redistributor of CPU %zu", i);
	/* CPU interface frames, banked: the same for every CPU unless a CPU differs. */
	for (size_t i = 0; i < p->n_cpus; i++) {
		const struct gd_cpu *cpu = &p->cpus[i], *prev = i ? &p->cpus[i - 1] : NULL;
		if (gicc && (!prev || cpu->gicc_base != prev->gicc_base))
			ADD(cpu->gicc_base, cpu->gicc_base ? gd_cpuif_size(p->cpuif.gicc_size) : 0,
			    &cpu->loc, "the GICC of CPU %zu", i);
		if (!prev || cpu->gich_base != prev->gich_base)
			ADD(cpu->gich_base, cpu->gich_base ? gd_cpuif_size(p->cpuif.gich_size) : 0,
			    &cpu->loc, "the GICH of CPU %zu", i);
		if (!prev || cpu->gicv_base != prev->gicv_base)
			ADD(cpu->gicv_base, cpu->gicv_base ? gd_cpuif_size(p->cpuif.gicv_size) : 0,
			    &cpu->loc, "the GICV of CPU %zu", i);
	}
	for (size_t i = 0; i < p->n_msi_frames; i++)
		ADD(p->msi_frames[i]->base,
		    p->msi_frames[i]->size ? p->msi_frames[i]->size : 0x1000,
		    &p->msi_frames[i]->node.loc, "%s", p->msi_frames[i]->node.name);
	for (size_t i = 0; i < p->n_its; i++) {
		const struct gd_its *its = p->its[i];
		ADD(its->base, its->size ? its->size : gd_its_frame_size(p->gic_version),
		    &its->node.loc, "%s", its->node.name);
	}
	for (size_t i = 0; i < p->n_smmus; i++) {
		const struct gd_smmu *s = p->smmus[i];
		ADD(s->base, s->size ? s->size : 2 * SZ_64K, &s->node.loc, "%s", s->node.name);
	}
	/* GICv5 frames: IRS config and SETLPI, ITS config, IWB control (64 KiB each) */
	for (size_t i = 0; i < p->n_irses; i++) {
		const struct gd_irs *irs = p->irses[i];
		ADD(irs->config_base, GD_V5_FRAME_SIZE, &irs->loc, "the config frame of %s",
		    irs->name);
		ADD(irs->setlpi_base, irs->setlpi_base ? GD_V5_FRAME_SIZE : 0, &irs->loc,
		    "the SETLPI frame of %s", irs->name);
	}
	for (size_t i = 0; i < p->n_v5_its; i++)
		ADD(p->v5_its[i]->config_base, GD_V5_FRAME_SIZE, &p->v5_its[i]->loc,
		    "the config frame of %s", p->v5_its[i]->name);
	for (size_t i = 0; i < p->n_iwbs; i++)
		ADD(p->iwbs[i]->base, GD_V5_FRAME_SIZE, &p->iwbs[i]->node.loc, "%s",
		    p->iwbs[i]->node.name);
	for (size_t i = 0; i < p->n_rcs; i++) {
		const struct gd_root_complex *rc = p->rcs[i];
		if (!rc->ecam_unknown)
			ADD(rc->ecam_base + ((uint64_t)rc->bus_start << 20),
			    gd_rc_rid_count(rc) << 12, &rc->node.loc, "the ECAM of %s",
			    rc->node.name);
		for (size_t k = 0; k < rc->n_regs; k++)
			ADD(rc->regs[k].base, rc->regs[k].size, &rc->regs[k].loc,
			    "register region '%s' of %s", rc->regs[k].name, rc->node.name);
		for (size_t k = 0; k < rc->n_windows; k++)
			ADD(rc->windows[k].cpu_base, rc->windows[k].size, &rc->windows[k].loc,
			    "PCI window %zu of %s", k, rc->node.name);
	}
#undef ADD
	*out = v;
	return n;
}

/* End of @m, saturated at 2^64 - 1. */
static uint64_t mmio_end(const struct mmio *m)
{
	return m->base + m->size < m->base ? UINT64_MAX : m->base + m->size;
}

static uint64_t mmio_end_at(const void *arg, size_t i)
{
	return mmio_end(&((const struct mmio *)arg)[i]);
}

/* Reports the later (in collection order) of two overlapping ranges at its location. */
static void mmio_overlap(struct gd_check_ctx *c, const void *arg, size_t i, size_t reach)
{
	const struct mmio *v = arg;
	const struct mmio *later = &v[i > reach ? i : reach], *first = &v[i > reach ? reach : i];
	gd_check_report(c, later->loc,
	                "%s (0x%" PRIx64 "-0x%" PRIx64 ") overlaps %s (0x%" PRIx64 "-0x%" PRIx64
	                ")",
	                later->what, later->base, mmio_end(later) - 1, first->what, first->base,
	                mmio_end(first) - 1);
}

void gd_rule_mmio_overlap(struct gd_check_ctx *c)
{
	struct mmio *v;
	size_t n = collect_mmio(c, &v);
	struct gd_check_keyed *order = gd_arena_alloc(c->tmp, (n + 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = (struct gd_check_keyed){v[i].base, i};
	gd_check_sort(order, n);
	gd_check_overlaps(c, order, n, mmio_end_at, mmio_overlap, v);
}

void gd_rule_gicc_base_overlap(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	if (p->gic_version == GD_GIC_V2)
		return; /* a GICv2's GICC is in mmio-overlap's sweep */
	struct mmio *v;
	size_t n = collect_mmio(c, &v);
	for (size_t i = 0; i < p->n_cpus; i++) {
		const struct gd_cpu *cpu = &p->cpus[i];
		if (!cpu->gicc_base || (i && cpu->gicc_base == p->cpus[i - 1].gicc_base))
			continue;
		struct mmio me = {.base = cpu->gicc_base,
		                  .size = gd_cpuif_size(p->cpuif.gicc_size)};
		for (size_t k = 0; k < n; k++) {
			if (v[k].base >= mmio_end(&me) || me.base >= mmio_end(&v[k]))
				continue;
			gd_check_report(
			    c, &cpu->loc,
			    "the GICC Physical Base Address 0x%" PRIx64
			    " of CPU %zu lies in %s (0x%" PRIx64 "-0x%" PRIx64
			    "): a known firmware quirk (often the GICD base) that Linux "
			    "tolerates on GICv%s, where CPUs use the system-register "
			    "interface and irq-gic-v3.c never maps the GICC",
			    cpu->gicc_base, i, v[k].what, v[k].base, mmio_end(&v[k]) - 1,
			    gd_gic_version_name(p->gic_version));
			break;
		}
	}
}

/* Reports @base of @what at @loc unless it is 64 KiB aligned. */
static void aligned(struct gd_check_ctx *c, uint64_t base, const struct gd_loc *loc,
                    const char *what)
{
	if (base % SZ_64K)
		gd_check_report(c, loc,
		                "%s base 0x%" PRIx64
		                " is not 64 KiB aligned (GIC register frames are "
		                "64 KiB pages)",
		                what, base);
}

void gd_rule_gic_frame_alignment(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	char what[64];

	if (p->gic_version != GD_GIC_V2) /* GICv2 register pages are 4 KiB */
		aligned(c, p->dist.base, &p->dist.loc, "GICD");
	for (size_t i = 0; i < p->n_redists; i++) {
		snprintf(what, sizeof(what), "redistributor region %zu", i);
		aligned(c, p->redists[i].base, &p->redists[i].loc, what);
	}
	for (size_t i = 0; i < p->n_cpus; i++) {
		snprintf(what, sizeof(what), "the redistributor of CPU %zu", i);
		aligned(c, p->cpus[i].gicr_base, &p->cpus[i].loc, what);
	}
	for (size_t i = 0; i < p->n_its; i++)
		aligned(c, p->its[i]->base, &p->its[i]->node.loc, p->its[i]->node.name);
}

void gd_rule_redist_region_too_small(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	uint64_t frame = gd_redist_frame_size(p->gic_version);
	uint64_t frames = 0;
	size_t need = 0;

	if (p->gic_version == GD_GIC_V2 || p->gic_version == GD_GIC_V5)
		return; /* no redistributors: gicv2-features reports any on GICv2; IRSes on GICv5 */

	for (size_t i = 0; i < p->n_cpus; i++)
		need += p->cpus[i].gicr_base == 0;
	for (size_t i = 0; i < p->n_redists; i++) {
		const struct gd_redist_region *r = &p->redists[i];
		if (r->stride && (r->stride % SZ_64K || r->stride < frame)) {
			gd_check_report(c, &r->loc,
			                "redistributor-stride 0x%" PRIx64 " of region %zu is not a "
			                "multiple of 64 KiB of at least the 0x%" PRIx64
			                "-byte redistributor of GICv%s",
			                r->stride, i, frame, gd_gic_version_name(p->gic_version));
			continue;
		}
		uint64_t step = r->stride ? r->stride : frame;
		if (r->length < frame)
			gd_check_report(c, &r->loc,
			                "redistributor region %zu is 0x%" PRIx64
			                " bytes, less than one "
			                "0x%" PRIx64 "-byte redistributor of GICv%s",
			                i, r->length, frame, gd_gic_version_name(p->gic_version));
		else
			frames += (r->length - frame) / step + 1;
	}
	if (need > frames && c->found == 0) /* a bad region above already explains it */
		gd_check_report(c, p->n_redists ? &p->redists[0].loc : &p->gic_loc,
		                "the redistributor regions hold %" PRIu64
		                " redistributors of 0x%" PRIx64
		                " bytes (GICv%s) but %zu CPUs without a GICR base need one each",
		                frames, frame, gd_gic_version_name(p->gic_version), need);
}

/* SPDX-License-Identifier: MIT */
/* Rules over interrupt numbers: the distributor's INTID space and each INTID's class. */
#include "check/rule.h"

void gd_rule_spis_range(struct gd_check_ctx *c)
{
	uint32_t spis = c->p->dist.spis;
	if ((spis % 32 == 0 && spis <= 960) || spis == 988)
		return;
	gd_check_report(c, &c->p->dist.loc,
	                "%u SPIs is no count the distributor can have: GICD_TYPER.ITLinesNumber "
	                "gives a multiple of 32 up to 960, or 988 (INTIDs 32-1019) at its maximum",
	                (unsigned)spis);
}

void gd_rule_intid_bits_range(struct gd_check_ctx *c)
{
	uint32_t bits = c->p->dist.intid_bits;
	if (c->p->gic_version == GD_GIC_V2 || c->p->gic_version == GD_GIC_V5)
		return; /* no LPIs, or no distributor: no GICD_TYPER.IDbits */
	if (bits < 14 || bits > 24)
		gd_check_report(
		    c, &c->p->dist.loc,
		    "intid-bits %u is outside 14..24 (GICD_TYPER.IDbits + 1; LPIs start "
		    "at INTID 8192, which needs 14 bits)",
		    (unsigned)bits);
}

/* GICv5 PPIs: typed INTIDs of type PPI, IDs 0-127 (GICv5 architecture, AES0070). */
static bool is_ppi(const struct gd_platform *p, uint32_t intid)
{
	if (p->gic_version == GD_GIC_V5)
		return GD_V5_INTID_TYPE(intid) == GD_V5_PPI && GD_V5_INTID_ID(intid) < 128;
	return (intid >= 16 && intid <= 31) || (intid >= 1056 && intid <= 1119);
}

static uint32_t pmu_of(const struct gd_cpu *cpu)
{
	return cpu->pmu_intid;
}

static uint32_t vgic_of(const struct gd_cpu *cpu)
{
	return cpu->vgic_maint_intid;
}

static uint32_t spe_of(const struct gd_cpu *cpu)
{
	return cpu->spe_intid;
}

static uint32_t trbe_of(const struct gd_cpu *cpu)
{
	return cpu->trbe_intid;
}

static bool is_spi(const struct gd_platform *p, uint32_t intid)
{
	if (p->gic_version == GD_GIC_V5)
		return GD_V5_INTID_TYPE(intid) == GD_V5_SPI;
	return (intid >= 32 && intid <= 1019) || (intid >= 4096 && intid <= 5119);
}

/*
 * Each per-CPU interrupt of every CPU; a value is reported at the first CPU
 * of a run that shares it. The PMU may use one SPI per CPU instead of a PPI
 * (DT arm,pmu.yaml with interrupt-affinity; the GICC GSIV of ACPI 6.5
 * §5.2.12.14 is any GSIV, and Linux's arm_pmu_acpi registers SPIs too); the
 * VGIC maintenance, SPE and TRBE interrupts are PPIs (arm,gic-v3.yaml,
 * arm,spe-pmu-v1.yaml, arm,trbe.yaml).
 */
/* @intid as messages write it: a GICv5 typed INTID in hex, any other in decimal. */
static const char *intid_text(const struct gd_platform *p, uint32_t intid, char buf[16])
{
	if (p->gic_version == GD_GIC_V5)
		snprintf(buf, 16, "0x%x", (unsigned)intid);
	else
		snprintf(buf, 16, "%u", (unsigned)intid);
	return buf;
}

static void cpu_ppis(struct gd_check_ctx *c)
{
	bool v5 = c->p->gic_version == GD_GIC_V5;
	char num[16];
	static const struct {
		const char *what;
		uint32_t (*of)(const struct gd_cpu *cpu);
		bool spi_too;
	} fields[] = {
	    {"PMU interrupt", pmu_of, true},
	    {"VGIC maintenance interrupt", vgic_of, false},
	    {"SPE interrupt", spe_of, false},
	    {"TRBE interrupt", trbe_of, false},
	};
	for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++)
		for (size_t i = 0; i < c->p->n_cpus; i++) {
			uint32_t intid = fields[f].of(&c->p->cpus[i]);
			if (intid == 0 || is_ppi(c->p, intid) ||
			    (fields[f].spi_too && is_spi(c->p, intid)) ||
			    (i > 0 && fields[f].of(&c->p->cpus[i - 1]) == intid))
				continue;
			gd_check_report(c, &c->p->cpus[i].loc, "%s INTID %s of CPU %zu is not %s%s",
			                fields[f].what, intid_text(c->p, intid, num), i,
			                v5 ? "a GICv5 PPI (type 1, ID 0-127)"
			                   : "a PPI (INTIDs 16-31, or extended PPIs 1056-1119)",
			                !fields[f].spi_too ? ""
			                : v5               ? " nor an SPI (type 3)"
			                                   : " nor an SPI (32-1019, 4096-5119)");
		}
}

/*
 * A GICv5 wired interrupt: an SPI (type 3) of an IRS that states its SPI
 * range, or of any IRS when none states one (IRS_IDR6/IRS_IDR7).
 */
static void wired_v5_spi(struct gd_check_ctx *c, const struct gd_node *n, const char *what,
                         uint32_t intid)
{
	const struct gd_platform *p = c->p;
	bool stated = false;
	uint32_t id = GD_V5_INTID_ID(intid);
	if (intid == 0)
		return;
	if (GD_V5_INTID_TYPE(intid) == GD_V5_SPI) {
		for (size_t i = 0; i < p->n_irses; i++) {
			const struct gd_irs *irs = p->irses[i];
			stated |= irs->spi_count > 0;
			if (irs->spi_count && id >= irs->spi_base &&
			    id - irs->spi_base < irs->spi_count)
				return;
		}
		if (!stated)
			return;
	}
	gd_check_report(c, &n->loc,
	                "%s interrupt INTID 0x%x of %s is not an SPI (type 3) that an IRS "
	                "serves%s",
	                what, (unsigned)intid, n->name,
	                stated ? " (the SPI ranges of gic: irses: spis:)" : "");
}

void gd_check_wired_spi(struct gd_check_ctx *c, const struct gd_node *n, const char *what,
                        uint32_t intid)
{
	if (c->p->gic_version == GD_GIC_V5) {
		wired_v5_spi(c, n, what, intid);
		return;
	}
	uint32_t last_spi = 31 + c->p->dist.spis;
	if (last_spi > 1019)
		last_spi = 1019;
	if (intid == 0 || (intid >= 32 && intid <= last_spi) || (intid >= 4096 && intid <= 5119))
		return;
	gd_check_report(c, &n->loc,
	                "%s interrupt INTID %u of %s is not an SPI of the distributor "
	                "(INTIDs 32-%u with %u SPIs, or extended SPIs 4096-5119)",
	                what, (unsigned)intid, n->name, (unsigned)last_spi,
	                (unsigned)c->p->dist.spis);
}

/* The wired interrupts of each SMMU: SPIs the distributor has, or extended SPIs. */
static void smmu_spis(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_smmus; i++) {
		const struct gd_smmu *s = c->p->smmus[i];
		struct gd_smmu_irq irq;
		const char *what;
		for (size_t k = 0; gd_smmu_wired_irq(s, k, &irq, &what); k++)
			gd_check_wired_spi(c, &s->node, what, irq.intid);
	}
}

void gd_rule_intid_class(struct gd_check_ctx *c)
{
	cpu_ppis(c);
	smmu_spis(c);
}

/* SPDX-License-Identifier: MIT */
/*
 * Rules over a GICv5: which IRS serves each PE by which IAFFID (arm,gic-v5.yaml
 * cpus and arm,iaffids; MADT GICC IAFFID and IRS ID, ACPI 6.7), the IWBs'
 * wires, the translate frames' use, and routes that mix GICv3 and GICv5 parts.
 * Linux 7.2 drivers/irqchip/irq-gic-v5-irs.c and irq-gic-v5-iwb.c say what
 * goes wrong.
 */
#include <inttypes.h>

#include "check/rule.h"

void gd_rule_iaffid_unserved(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	const struct gd_irs_pe *pe;

	if (p->gic_version != GD_GIC_V5)
		return;
	for (size_t i = 0; i < p->n_cpus; i++)
		if ((p->cpus[i].enabled || p->cpus[i].online_capable) &&
		    gd_irs_serving(p, i, 0, &pe) == p->n_irses)
			gd_check_report(c, &p->cpus[i].loc,
			                "CPU %zu (MPIDR 0x%" PRIx64 ") has an IAFFID in no IRS: "
			                "Linux says \"IAFFID for CPU %zu has not been "
			                "initialised\" and the CPU takes no interrupts",
			                i, p->cpus[i].mpidr, i);
}

void gd_rule_iaffid_duplicate(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;

	if (p->gic_version != GD_GIC_V5)
		return;
	for (size_t i = 0; i < p->n_cpus; i++) {
		const struct gd_irs_pe *pe, *again;
		size_t at = gd_irs_serving(p, i, 0, &pe);
		if (at == p->n_irses)
			continue;
		const struct gd_irs *irs = p->irses[at];
		size_t again_at = gd_irs_serving(p, i, at + 1, &again);
		const struct gd_irs *other = again_at < p->n_irses ? p->irses[again_at] : NULL;
		if (other)
			gd_check_report(
			    c, &again->loc,
			    "CPU %zu is served by IRS '%s' and again by IRS '%s': Linux "
			    "keeps the last it parses, so one of them is wrong",
			    i, irs->name, other->name);
		/* one IAFFID for two PEs of one IRS: IRS_PE_SELR selects one of them only */
		for (size_t k = 0; k < irs->n_pes; k++) {
			const struct gd_irs_pe *q = &irs->pes[k];
			if (q->cpu > i && q->iaffid == pe->iaffid)
				gd_check_report(
				    c, &q->loc,
				    "IAFFID 0x%x of IRS '%s' is given to CPU %zu and to CPU "
				    "%zu: the IRS routes to one PE by it (IRS_PE_SELR)",
				    (unsigned)q->iaffid, irs->name, i, q->cpu);
		}
	}
}

void gd_rule_iaffid_bits(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;

	for (size_t i = 0; i < p->n_irses; i++) {
		const struct gd_irs *irs = p->irses[i];
		if (!irs->iaffid_bits || irs->iaffid_bits >= 16)
			continue;
		for (size_t k = 0; k < irs->n_pes; k++)
			if (irs->pes[k].iaffid >> irs->iaffid_bits)
				gd_check_report(
				    c, &irs->pes[k].loc,
				    "IAFFID 0x%x of CPU %zu is wider than the %u IAFFID bits "
				    "of IRS '%s' (IRS_IDR1.IAFFID_BITS): Linux warns \"iaffid "
				    "exceeds IRS iaffid bits\" and leaves the CPU without one",
				    (unsigned)irs->pes[k].iaffid, irs->pes[k].cpu,
				    (unsigned)irs->iaffid_bits, irs->name);
	}
}

void gd_rule_iwb_wire_overlap(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;

	for (size_t i = 0; i < p->n_iwbs; i++)
		for (size_t k = 0; k < i; k++)
			if (p->iwbs[i]->iwb_id == p->iwbs[k]->iwb_id)
				gd_check_report(
				    c, &p->iwbs[i]->node.loc,
				    "IWBs %s and %s both have IWB index %" PRIu32 ": their wires "
				    "are the same GSIVs 0x%08" PRIx32
				    "... (GSIV = 0xe0000000 | index "
				    "<< 16 | wire; Linux iort_iwb_handle() finds only the first)",
				    p->iwbs[k]->node.name, p->iwbs[i]->node.name,
				    p->iwbs[i]->iwb_id, 0xe0000000u | (p->iwbs[i]->iwb_id << 16));
}

void gd_rule_iwb_wires(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		const struct gd_iwb *iwb = gd_node_as_iwb((struct gd_node *)r->source);
		const struct gd_its *its = gd_node_as_its((struct gd_node *)r->sink);
		if (!iwb || !its || !iwb->wires || r->status != GD_ROUTE_OK ||
		    its->event_id_bits >= 32 || iwb->wires <= 1ull << its->event_id_bits)
			continue;
		gd_check_report(c, &iwb->node.loc,
		                "%s has %" PRIu32 " wires, each raising the EventID of its number, "
		                "but %s takes %u EventID bits (%llu EventIDs)",
		                iwb->node.name, iwb->wires, its->node.name,
		                (unsigned)its->event_id_bits, 1ull << its->event_id_bits);
	}
}

void gd_rule_its_frame_unreached(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;

	for (size_t i = 0; i < p->n_its; i++) {
		const struct gd_its *its = p->its[i];
		bool reached = false;
		if (!its->v5)
			continue;
		for (size_t k = 0; k < c->routes->n && !reached; k++)
			reached = c->routes->v[k].sink == &its->node;
		if (!reached)
			gd_check_report(
			    c, &its->node.loc,
			    "ITS translate frame %s (ITS %s) is reached by no source: no "
			    "msi-map, IORT ID mapping or IWB leads to it",
			    its->node.name, its->v5->name);
	}
}

void gd_rule_gic_version_mixed(struct gd_check_ctx *c)
{
	bool v5 = c->p->gic_version == GD_GIC_V5;

	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		const struct gd_node *sink = r->sink;
		if (r->status != GD_ROUTE_OK || !sink || !gd_node_is_sink(sink->kind))
			continue;
		const struct gd_its *its = gd_node_as_its((struct gd_node *)sink);
		bool sink_v5 = its && its->v5;
		if (sink_v5 == v5 && (!v5 || its))
			continue;
		char src[160];
		gd_check_route_source(r, src, sizeof(src));
		gd_check_report(
		    c, &r->source->loc,
		    "%s %s %s, a %s MSI controller, but the GIC is version %s: its MSIs "
		    "reach no interrupt controller the OS drives",
		    src, gd_check_verb(r, "end", "ends"), sink->name,
		    sink_v5 ? "GICv5" : "GICv3/GICv2m", gd_gic_version_name(c->p->gic_version));
	}
}

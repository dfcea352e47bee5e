/* SPDX-License-Identifier: MIT */
/*
 * Rules over what an output format cannot express, for a gicdesc description
 * (from which generate writes both a device tree and ACPI tables): each one
 * says what an OS booted from that format loses. They judge descriptions
 * only; firmware that exists already chose its format.
 * - IORT (DEN0049 E.e §3) maps IDs only into ITS groups and SMMUs: Direct LPI
 *   (GICR_SETLPIR, GIC architecture §12.11) takes no DeviceID, and a GICv2m
 *   frame or MBI has no node, so those routes are left out of the IORT. The
 *   first GICv2m frame still serves PCI under ACPI through its MADT GIC MSI
 *   frame (Linux gicv2m_acpi_init(): pci_msi_register_fwnode_provider()), and
 *   takes every PCI device IORT leads to no ITS (gicv2m_get_fwnode()).
 * - The MADT GICR structure (ACPI 6.5 §5.2.12.16) has no DirectLPI flag.
 * - The Linux 6.1 DT bindings have no property for a root complex's ATS, nor
 *   for the node a PMCG counts for (perf/arm,smmu-v3-pmcg.yaml).
 */
#include "check/rule.h"

#include <stdio.h>
#include <string.h>

/* True when @c judges a description that generate turns into DT and ACPI. */
static bool describes(const struct gd_check_ctx *c)
{
	return c->p->origin == GD_ORIGIN_YAML;
}

/* Writes the LPI ranges of @n as " (LPIs 8192-9215, 9300-9301)" (nothing when none). */
static void lpi_text(const struct gd_node *n, char *buf, size_t size)
{
	struct gd_node *nd = (struct gd_node *)n;
	const struct gd_root_complex *rc = gd_node_as_rc(nd);
	const struct gd_named_component *nc = gd_node_as_nc(nd);
	size_t k = rc ? rc->n_lpis : nc ? nc->n_lpis : 0, len = 0;
	const struct gd_intid_range *r = rc ? rc->lpis : nc ? nc->lpis : NULL;
	buf[0] = '\0';
	for (size_t i = 0; i < k && len < size; i++) {
		snprintf(buf + len, size - len, "%s%u-%llu", i ? ", " : " (LPIs ",
		         (unsigned)r[i].base, (unsigned long long)r[i].base + r[i].count - 1);
		len = strnlen(buf, size);
	}
	if (k && len < size)
		snprintf(buf + len, size - len, ")");
}

void gd_rule_iort_direct_lpi(struct gd_check_ctx *c)
{
	struct gd_node *n;
	char lpis[160];
	for (size_t i = 0; describes(c) && (n = gd_platform_node(c->p, i)); i++)
		for (size_t k = 0; k < n->n_maps; k++) {
			if (!n->maps[k].output || n->maps[k].output->kind != GD_NODE_DIRECT_LPI)
				continue;
			lpi_text(n, lpis, sizeof(lpis));
			gd_check_report(
			    c, &n->maps[k].loc,
			    "IORT: %s '%s' raises its MSIs through Direct LPI%s, which "
			    "IORT cannot express (no node for it; ID mappings end at an "
			    "ITS group or SMMU, and Direct LPI takes no DeviceID): "
			    "generate writes no IORT, or with --force one without that "
			    "MSI route, so that an OS booted with ACPI gives the device "
			    "no MSIs",
			    gd_node_kind_name(n->kind), n->name, lpis);
			break;
		}
}

void gd_rule_iort_spi_msi(struct gd_check_ctx *c)
{
	char what[96];
	/* Under ACPI, Linux gives PCI MSIs IORT leads to no ITS to the first frame. */
	const struct gd_node *first = c->p->n_msi_frames ? &c->p->msi_frames[0]->node : NULL;
	for (size_t i = 0; describes(c) && i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		if (r->status != GD_ROUTE_OK)
			continue;
		bool pci = r->source->kind == GD_NODE_ROOT_COMPLEX;
		/* PCI reaches the first GICv2m frame through the MADT GIC MSI frame: nothing lost.
		 */
		if ((r->sink->kind != GD_NODE_MSI_FRAME || (pci && r->sink == first)) &&
		    r->sink->kind != GD_NODE_MBI)
			continue;
		gd_check_route_source(r, what, sizeof(what));
		if (pci && first)
			gd_check_report(
			    c, &r->source->loc,
			    "IORT: %s %s GICv2m frame %s, not %s %s, when the OS boots "
			    "with ACPI: %s has no IORT node, and Linux gives PCI devices "
			    "IORT leads to no ITS the first frame of the MADT "
			    "(gicv2m_get_fwnode())",
			    what, gd_check_verb(r, "reach", "reaches"), first->name,
			    gd_node_kind_name(r->sink->kind), r->sink->name, r->sink->name);
		else
			gd_check_report(
			    c, &r->source->loc,
			    "IORT: %s %s no MSI when the OS boots with ACPI: %s %s has no "
			    "ACPI form for a %s (no IORT node%s)",
			    what, gd_check_verb(r, "get", "gets"), gd_node_kind_name(r->sink->kind),
			    r->sink->name, gd_node_kind_name(r->source->kind),
			    r->sink->kind == GD_NODE_MBI ? ", no MADT structure" : "");
	}
}

void gd_rule_madt_direct_lpi(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	for (size_t i = 0; describes(c) && i < p->n_redists; i++)
		if (p->redists[i].direct_lpi) {
			gd_check_report(c, &p->redists[i].loc,
			                "MADT: the GICR structure has no DirectLPI flag (ACPI 6.5 "
			                "§5.2.12.16); the OS reads GICR_TYPER.DirectLPI itself");
			return;
		}
}

void gd_rule_dt_ats(struct gd_check_ctx *c)
{
	for (size_t i = 0; describes(c) && i < c->p->n_rcs; i++) {
		const struct gd_root_complex *rc = c->p->rcs[i];
		if (rc->ats)
			gd_check_report(
			    c, &rc->node.loc,
			    "DT: the Linux 6.1 bindings cannot say that root complex '%s' "
			    "supports ATS; an OS booted from this device tree will not "
			    "enable it",
			    rc->node.name);
	}
}

/* Reports @n (a root complex or named component) when its memory access flags say CANWBS. */
static void report_canwbs(struct gd_check_ctx *c, const struct gd_node *n,
                          const struct gd_mem_access *mem)
{
	if (mem->flags & GD_MEM_CANWBS)
		gd_check_report(c, &n->loc,
		                "DT: no binding can say that %s '%s' ensures coherency of accesses "
		                "(IORT E.f CANWBS); an OS booted from this device tree does not "
		                "rely on it (Linux: no nested SMMU translation for it)",
		                gd_node_what(n), n->name);
}

void gd_rule_dt_canwbs(struct gd_check_ctx *c)
{
	for (size_t i = 0; describes(c) && i < c->p->n_rcs; i++)
		report_canwbs(c, &c->p->rcs[i]->node, &c->p->rcs[i]->mem);
	for (size_t i = 0; describes(c) && i < c->p->n_ncs; i++)
		report_canwbs(c, &c->p->ncs[i]->node, &c->p->ncs[i]->mem);
}

void gd_rule_dt_pmcg(struct gd_check_ctx *c)
{
	for (size_t i = 0; describes(c) && i < c->p->n_pmcgs; i++) {
		const struct gd_pmcg *g = c->p->pmcgs[i];
		if (g->node_ref)
			gd_check_report(c, &g->node_ref_loc,
			                "DT: arm,smmu-v3-pmcg.yaml has no property for the node "
			                "PMCG '%s' counts for ('%s'): an OS booted from this "
			                "device tree cannot tell which SMMU's events it counts",
			                g->node.name, g->node_ref->name);
	}
}

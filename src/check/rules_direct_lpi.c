/* SPDX-License-Identifier: MIT */
/*
 * Rules over Direct LPI (GIC architecture IHI 0069 §12.11 GICR_SETLPIR,
 * GICR_TYPER.DirectLPI) and the LPI INTIDs devices own: a device writes an
 * INTID to GICR_SETLPIR (RD_base + 0x40) of a redistributor, with no ITS and
 * no DeviceID, so nothing but the description says which LPIs are whose.
 */
#include <string.h>

#include "check/rule.h"

/* First LPI INTID (GIC architecture §2.2.1: LPIs are 8192 and up). */
#define LPI_FIRST 8192u

/* The LPI ranges a source owns (@n: their number); NULL for other kinds. */
static const struct gd_intid_range *lpis_of(const struct gd_node *node, size_t *n)
{
	struct gd_node *nd = (struct gd_node *)node;
	const struct gd_root_complex *rc = gd_node_as_rc(nd);
	const struct gd_named_component *nc = gd_node_as_nc(nd);
	*n = rc ? rc->n_lpis : nc ? nc->n_lpis : 0;
	return rc ? rc->lpis : nc ? nc->lpis : NULL;
}

/* The isolation domain a source states, or NULL. */
static const char *domain_of(const struct gd_node *node)
{
	struct gd_node *nd = (struct gd_node *)node;
	const struct gd_root_complex *rc = gd_node_as_rc(nd);
	const struct gd_named_component *nc = gd_node_as_nc(nd);
	return rc ? rc->isolation_domain : nc ? nc->isolation_domain : NULL;
}

static bool reaches_direct_lpi(const struct gd_route *r)
{
	return r->status == GD_ROUTE_OK && r->sink && r->sink->kind == GD_NODE_DIRECT_LPI;
}

/* True when some route of @source reaches the Direct-LPI target. */
static bool source_uses_direct_lpi(const struct gd_check_ctx *c, const struct gd_node *source)
{
	size_t n = 0;
	const struct gd_route *r = gd_routes_of(c->routes, source, &n);
	for (size_t i = 0; i < n; i++)
		if (reaches_direct_lpi(&r[i]))
			return true;
	return false;
}

void gd_rule_direct_lpi_redistributor(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	if (!p->n_direct_lpis)
		return;
	const struct gd_direct_lpi *t = p->direct_lpis[0];
	if (!p->n_redists) {
		gd_check_report(c, &t->node.loc,
		                "Direct-LPI target %s, but no redistributor region says "
		                "direct-lpi: GICR_SETLPIR is defined only where "
		                "GICR_TYPER.DirectLPI is 1",
		                t->node.name);
		return;
	}
	for (size_t i = 0; i < p->n_redists; i++)
		if (!p->redists[i].direct_lpi)
			gd_check_report(
			    c, &p->redists[i].loc,
			    "redistributor region %zu at 0x%llx lacks DirectLPI, but "
			    "devices write GICR_SETLPIR of any redistributor through %s "
			    "(GICR_TYPER.DirectLPI must be 1 on every one)",
			    i, (unsigned long long)p->redists[i].base, t->node.name);
}

void gd_rule_direct_lpi_device_id(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++)
		for (size_t k = 0; k < n->n_maps; k++) {
			const struct gd_id_map *m = &n->maps[k];
			if (!m->output || m->output->kind != GD_NODE_DIRECT_LPI || m->msi_parent)
				continue;
			gd_check_report(
			    c, &m->loc,
			    "%s maps %s to output base 0x%x of %s, a Direct-LPI target: "
			    "Direct LPI takes no DeviceID (the MSI data is the INTID); "
			    "use msi-parent",
			    n->name, gd_check_id_name(n->kind), (unsigned)m->output_base,
			    m->output->name);
		}
}

void gd_rule_direct_lpi_lpis(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		size_t k = 0;
		const struct gd_intid_range *r = lpis_of(n, &k);
		bool uses = source_uses_direct_lpi(c, n);
		if (uses && !k)
			gd_check_report(c, &n->loc,
			                "%s raises its MSIs through Direct LPI but owns no LPIs "
			                "(lpis): the OS has no INTID to give it",
			                n->name);
		else if (!uses && k)
			gd_check_report(c, &r[0].loc,
			                "%s owns LPIs but its MSIs do not reach the Direct-LPI "
			                "target; through an ITS the OS allocates LPIs itself",
			                n->name);
	}
}

void gd_rule_lpi_range_class(struct gd_check_ctx *c)
{
	uint32_t bits = c->p->dist.intid_bits;
	uint64_t end = UINT64_C(1) << (bits > 32 ? 32 : bits);
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		size_t k = 0;
		const struct gd_intid_range *r = lpis_of(n, &k);
		for (size_t j = 0; j < k; j++) {
			uint64_t last = (uint64_t)r[j].base + r[j].count - 1;
			if (r[j].base >= LPI_FIRST && last < end)
				continue;
			gd_check_report(c, &r[j].loc,
			                "LPIs %u-%llu of %s leave the LPI INTIDs 8192-%llu "
			                "(intid-bits %u: GICD_TYPER.IDbits + 1)",
			                (unsigned)r[j].base, (unsigned long long)last, n->name,
			                (unsigned long long)(end - 1), (unsigned)bits);
		}
	}
}

/* One LPI range and its owner, for the overlap sweep. */
struct owned {
	const struct gd_node *owner;
	const struct gd_intid_range *r;
};

void gd_rule_lpi_range_overlap(struct gd_check_ctx *c)
{
	size_t total = 0, k = 0;
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		lpis_of(n, &k);
		total += k;
	}
	struct owned *v = gd_arena_alloc(c->tmp, (total + 1) * sizeof(*v));
	struct gd_check_keyed *key = gd_arena_alloc(c->tmp, (total + 1) * sizeof(*key));
	size_t m = 0;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		const struct gd_intid_range *r = lpis_of(n, &k);
		for (size_t j = 0; j < k; j++, m++) {
			v[m] = (struct owned){n, &r[j]};
			key[m] = (struct gd_check_keyed){r[j].base, m};
		}
	}
	gd_check_sort(key, m);
	const struct owned *reach = NULL; /* the range that ends last so far */
	for (size_t i = 0; i < m; i++) {
		const struct owned *a = &v[key[i].idx];
		uint64_t end = (uint64_t)a->r->base + a->r->count;
		uint64_t reach_end = reach ? (uint64_t)reach->r->base + reach->r->count : 0;
		if (reach && a->r->base < reach_end) {
			uint64_t last = (end < reach_end ? end : reach_end) - 1;
			gd_check_report(c, &a->r->loc,
			                "LPIs %u-%llu are owned by %s and by %s: with no DeviceID, "
			                "the OS cannot tell which of them raised one",
			                (unsigned)a->r->base, (unsigned long long)last,
			                reach->owner->name, a->owner->name);
		}
		if (!reach || end > reach_end)
			reach = a;
	}
}

void gd_rule_direct_lpi_beside_its(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	if (!p->n_direct_lpis || !p->n_its)
		return;
	gd_check_report(c, &p->direct_lpis[0]->node.loc,
	                "Direct-LPI target %s beside ITS %s: with an ITS present, whether "
	                "GICR_SETLPIR works is IMPLEMENTATION DEFINED (GIC architecture "
	                "§12.11)",
	                p->direct_lpis[0]->node.name, p->its[0]->node.name);
}

void gd_rule_direct_lpi_isolation(struct gd_check_ctx *c)
{
	const struct gd_node *first = NULL, *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		const char *dom = domain_of(n);
		if (!dom || !source_uses_direct_lpi(c, n))
			continue;
		if (!first) {
			first = n;
			continue;
		}
		if (strcmp(dom, domain_of(first)) != 0)
			gd_check_report(
			    c, &n->loc,
			    "%s (isolation domain %s) and %s (isolation domain %s) both "
			    "raise LPIs through Direct LPI, which has no DeviceID: each "
			    "can set any LPI, the other's too",
			    n->name, dom, first->name, domain_of(first));
	}
}

void gd_rule_lpi_multi_msi_alignment(struct gd_check_ctx *c)
{
	struct gd_node *n;
	for (size_t i = 0; (n = gd_platform_node(c->p, i)); i++) {
		size_t k = 0;
		const struct gd_intid_range *r = lpis_of(n, &k);
		for (size_t j = 0; j < k; j++) {
			uint32_t b = r[j].multi_msi;
			if (!b || (r[j].base % b == 0 && r[j].count % b == 0))
				continue;
			gd_check_report(c, &r[j].loc,
			                "LPIs %u+%u of %s hold Multi-MSI blocks of %u vectors, but "
			                "base and count are not multiples of %u: a function "
			                "writes its vector number into the low bits of the data "
			                "(PCI MSI Multiple Message Enable), so each block must be "
			                "%u-aligned",
			                (unsigned)r[j].base, (unsigned)r[j].count, n->name,
			                (unsigned)b, (unsigned)b, (unsigned)b);
		}
	}
}

/* SPDX-License-Identifier: MIT */
/*
 * compare.c - rule firmware-drift: two descriptions of one platform (YAML,
 * DTB, IORT+MADT) side by side, route by route. Real platforms ship DT and
 * ACPI together; Linux follows whichever it booted with, so where they differ
 * one of them is wrong.
 */
#include <inttypes.h>
#include <string.h>

#include "check/rule.h"
#include "resolve/route_print.h"

/* One comparison: the two inputs, and the severity and rule the messages carry. */
struct drift {
	const struct gd_check_input *a, *b;
	struct gd_diags *d;
	enum gd_severity sev;
	const char *rule;
	int errors;
};

/* Does @x match @y as the same hardware source (by identity, not by name)? */
static bool same_source(const struct gd_node *x, const struct gd_node *y)
{
	if (x->kind != y->kind)
		return false;
	switch (x->kind) {
	case GD_NODE_ROOT_COMPLEX:
		return gd_node_as_rc((struct gd_node *)x)->segment ==
		       gd_node_as_rc((struct gd_node *)y)->segment;
	case GD_NODE_SMMU:
		return gd_node_as_smmu((struct gd_node *)x)->base ==
		       gd_node_as_smmu((struct gd_node *)y)->base;
	case GD_NODE_NAMED_COMPONENT: {
		const struct gd_named_component *p = gd_node_as_nc((struct gd_node *)x);
		const struct gd_named_component *q = gd_node_as_nc((struct gd_node *)y);
		if (p->acpi_path && q->acpi_path)
			return !strcmp(p->acpi_path, q->acpi_path);
		return p->dt_path && q->dt_path && !strcmp(p->dt_path, q->dt_path);
	}
	case GD_NODE_PMCG:
		return gd_node_as_pmcg((struct gd_node *)x)->page0_base ==
		       gd_node_as_pmcg((struct gd_node *)y)->page0_base;
	case GD_NODE_IWB:
		return gd_node_as_iwb((struct gd_node *)x)->base ==
		       gd_node_as_iwb((struct gd_node *)y)->base;
	case GD_NODE_ITS:
	case GD_NODE_MSI_FRAME:
	case GD_NODE_MBI:
	case GD_NODE_DIRECT_LPI:
		break; /* sinks are no sources */
	}
	return false;
}

/* The hardware identity of a source, for messages: "PCI segment 0", "SMMUv3 at 0x9050000". */
static void source_identity(const struct gd_node *n, char *buf, size_t size)
{
	switch (n->kind) {
	case GD_NODE_ROOT_COMPLEX:
		snprintf(buf, size, "PCI segment %u", gd_node_as_rc((struct gd_node *)n)->segment);
		return;
	case GD_NODE_SMMU:
		snprintf(buf, size, "the own MSIs of the SMMUv3 at 0x%" PRIx64,
		         gd_node_as_smmu((struct gd_node *)n)->base);
		return;
	case GD_NODE_PMCG:
		snprintf(buf, size, "the own MSI of the PMCG at 0x%" PRIx64,
		         gd_node_as_pmcg((struct gd_node *)n)->page0_base);
		return;
	case GD_NODE_IWB:
		snprintf(buf, size, "the MSIs of the IWB at 0x%" PRIx64,
		         gd_node_as_iwb((struct gd_node *)n)->base);
		return;
	case GD_NODE_NAMED_COMPONENT:
	case GD_NODE_ITS:
	case GD_NODE_MSI_FRAME:
	case GD_NODE_MBI:
	case GD_NODE_DIRECT_LPI:
		break;
	}
	snprintf(buf, size, "named component %s", n->name);
}

/* The ranges (non-single routes) of @src: first and count. */
static const struct gd_route *ranges_of(const struct gd_routes *r, const struct gd_node *src,
                                        size_t *n, const struct gd_route **single)
{
	const struct gd_route *v = gd_routes_of(r, src, n);
	*single = NULL;
	while (v && *n && v->single) {
		if (!*single)
			*single = v;
		v++;
		(*n)--;
	}
	return v;
}

/*
 * The hardware identity of a sink: its frame's base address; 0 for MBI and
 * Direct LPI, of which a platform has one each.
 */
static uint64_t sink_base(const struct gd_node *n)
{
	if (n->kind == GD_NODE_ITS)
		return gd_node_as_its((struct gd_node *)n)->base;
	if (n->kind == GD_NODE_MSI_FRAME)
		return gd_node_as_msi_frame((struct gd_node *)n)->base;
	return 0;
}

/*
 * Do two routes reach the same sink for every ID both cover, and, at an ITS,
 * the same DeviceID? Other sinks take no DeviceID.
 */
static bool same_outcome(const struct gd_route *x, const struct gd_route *y)
{
	bool okx = x && x->status == GD_ROUTE_OK, oky = y && y->status == GD_ROUTE_OK;
	if (!okx || !oky)
		return okx == oky;
	if (x->sink->kind != y->sink->kind || sink_base(x->sink) != sink_base(y->sink))
		return false;
	return x->sink->kind != GD_NODE_ITS || (uint32_t)(x->output_base - x->input_base) ==
	                                           (uint32_t)(y->output_base - y->input_base);
}

/* The msi-map-mask of @r's source (all ones when it has none). */
static uint32_t mask_of(const struct gd_route *r)
{
	return gd_route_input_id(r, UINT32_MAX);
}

/* The DeviceID (or output ID) route @r gives its source's ID @id (a RID before any mask). */
static uint64_t output_of(const struct gd_route *r, uint64_t id)
{
	return (uint64_t)r->output_base + (gd_route_input_id(r, (uint32_t)id) - r->input_base);
}

/* Writes what @r does with IDs [lo, lo + count) of its source, for a message. */
static void outcome_text(const struct gd_route *r, uint64_t lo, uint64_t count, char *buf,
                         size_t size)
{
	char range[GD_RANGE_BUF];
	if (!r) {
		snprintf(buf, size, "no route (outside the source's IDs)");
		return;
	}
	if (r->status != GD_ROUTE_OK) {
		snprintf(buf, size, "no ITS (stops at %s)", r->hops[r->n_hops - 1].node->name);
		return;
	}
	uint64_t out = output_of(r, lo);
	if (r->sink->kind != GD_NODE_ITS)
		snprintf(buf, size, "%s at 0x%" PRIx64 " (%s)", gd_node_kind_name(r->sink->kind),
		         sink_base(r->sink), r->sink->name);
	else if (mask_of(r) != UINT32_MAX)
		snprintf(buf, size,
		         "ITS at 0x%" PRIx64 " (%s) DeviceID 0x%04" PRIx64
		         " from the first (RID & msi-map-mask 0x%04" PRIx32 ")",
		         sink_base(r->sink), r->sink->name, out, mask_of(r));
	else
		snprintf(buf, size, "ITS at 0x%" PRIx64 " (%s) %s %s", sink_base(r->sink),
		         r->sink->name, gd_check_id_word(GD_NODE_ITS, count),
		         gd_check_range(range, out, count));
}

static void report(struct drift *c, const struct gd_node *sa, const struct gd_node *sb,
                   const struct gd_route *ra, const struct gd_route *rb, uint64_t lo,
                   uint64_t count, bool single)
{
	char id[64], range[GD_RANGE_BUF], ta[160], tb[160];
	source_identity(sa, id, sizeof(id));
	outcome_text(ra, lo, count, ta, sizeof(ta));
	outcome_text(rb, lo, count, tb, sizeof(tb));
	if (single)
		snprintf(range, sizeof(range), "its own ID");
	else
		gd_check_range(range, lo, count);
	gd_diag_add(c->d, c->sev, c->rule, &sb->loc,
	            "%s %s %s (%s in %s, %s in %s): %s gives %s, but %s gives %s", id,
	            single ? "with" : gd_check_id_word(sa->kind, count), range, sa->name,
	            c->a->label, sb->name, c->b->label, c->a->label, ta, c->b->label, tb);
	if (c->sev == GD_SEV_ERROR)
		c->errors++;
}

/* The route of @v[0..n) that contains @x (advancing *@i), or NULL. */
static const struct gd_route *at(const struct gd_route *v, size_t n, size_t *i, uint64_t x)
{
	while (*i < n && (uint64_t)v[*i].input_base + v[*i].count <= x)
		(*i)++;
	if (*i < n && v[*i].input_base <= x)
		return &v[*i];
	return NULL;
}

/* Start of the next route boundary after @x in @v (from index @i), or UINT64_MAX. */
static uint64_t next_edge(const struct gd_route *v, size_t n, size_t i, uint64_t x)
{
	for (; i < n; i++) {
		if (v[i].input_base > x)
			return v[i].input_base;
		if ((uint64_t)v[i].input_base + v[i].count > x)
			return (uint64_t)v[i].input_base + v[i].count;
	}
	return UINT64_MAX;
}

/* Does ID @id of the sources of @x and @y reach the same sink and DeviceID? */
static bool same_at(const struct gd_route *x, const struct gd_route *y, uint64_t id)
{
	if (!same_outcome(x, y))
		return false;
	return !x || !y || x->status != GD_ROUTE_OK || x->sink->kind != GD_NODE_ITS ||
	       output_of(x, id) == output_of(y, id);
}

/*
 * What a run of differing RIDs must share to make one report: the route, or
 * behind an msi-map-mask (one route per masked RID) where the route ends.
 */
static const void *run_key(const struct gd_route *r)
{
	if (!r || mask_of(r) == UINT32_MAX)
		return r;
	return r->status == GD_ROUTE_OK ? r->sink : r->hops[r->n_hops - 1].node;
}

/*
 * Compares root complexes @sa and @sb RID by RID, for when one has an
 * msi-map-mask (its routes carry masked RIDs, which do not line up with the
 * other's RIDs); a run of RIDs that differ alike (run_key()) makes one
 * report. Cost: the RID space (at most 2^16 IDs).
 */
static void compare_rids(struct drift *c, const struct gd_node *sa, const struct gd_node *sb)
{
	const struct gd_root_complex *a = gd_node_as_rc((struct gd_node *)sa);
	const struct gd_root_complex *b = gd_node_as_rc((struct gd_node *)sb);
	uint64_t lo = (uint64_t)(a->bus_start < b->bus_start ? a->bus_start : b->bus_start) << 8;
	uint64_t hi = ((uint64_t)(a->bus_end > b->bus_end ? a->bus_end : b->bus_end) + 1) << 8;
	const struct gd_route *pa = NULL, *pb = NULL;
	uint64_t plo = 0;
	bool pending = false;
	for (uint64_t rid = lo; rid <= hi; rid++) {
		const struct gd_route *ra = NULL, *rb = NULL;
		bool differ = false;
		if (rid < hi) {
			ra = gd_routes_find(c->a->routes, sa, (uint32_t)rid);
			rb = gd_routes_find(c->b->routes, sb, (uint32_t)rid);
			differ = !same_at(ra, rb, rid);
		}
		if (pending &&
		    (!differ || run_key(ra) != run_key(pa) || run_key(rb) != run_key(pb))) {
			report(c, sa, sb, pa, pb, plo, rid - plo, false);
			pending = false;
		}
		if (differ && !pending) {
			pa = ra;
			pb = rb;
			plo = rid;
			pending = true;
		}
	}
}

/* Compares the ID ranges of matched sources @sa (in a) and @sb (in b). */
static void compare_source(struct drift *c, const struct gd_node *sa, const struct gd_node *sb)
{
	size_t na, nb, ia = 0, ib = 0;
	const struct gd_route *sga, *sgb;
	const struct gd_route *va = ranges_of(c->a->routes, sa, &na, &sga);
	const struct gd_route *vb = ranges_of(c->b->routes, sb, &nb, &sgb);

	if ((sga || sgb) && !same_outcome(sga, sgb))
		report(c, sa, sb, sga, sgb, 0, 1, true);
	if ((na && mask_of(va) != UINT32_MAX) || (nb && mask_of(vb) != UINT32_MAX)) {
		compare_rids(c, sa, sb);
		return;
	}

	/* Sweep the union of both interval lists; merge runs of one route pair. */
	const struct gd_route *pa = NULL, *pb = NULL;
	uint64_t plo = 0, pend = 0;
	bool pending = false;
	uint64_t x = 0;
	while (x < ((uint64_t)1 << 32)) {
		const struct gd_route *ra = at(va, na, &ia, x), *rb = at(vb, nb, &ib, x);
		uint64_t ea = next_edge(va, na, ia, x), eb = next_edge(vb, nb, ib, x);
		uint64_t end = ea < eb ? ea : eb;
		if (end == UINT64_MAX)
			end = (uint64_t)1 << 32;
		bool differ = (ra || rb) && !same_outcome(ra, rb);
		if (pending && (!differ || ra != pa || rb != pb)) {
			report(c, sa, sb, pa, pb, plo, pend - plo, false);
			pending = false;
		}
		if (differ) {
			if (!pending) {
				pa = ra;
				pb = rb;
				plo = x;
				pending = true;
			}
			pend = end;
		}
		if (!ra && !rb && end == ((uint64_t)1 << 32))
			break;
		x = end;
	}
	if (pending)
		report(c, sa, sb, pa, pb, plo, pend - plo, false);
}

/* Number of possible sources of @p: root complexes, SMMUv3s, named components, PMCGs, IWBs. */
static size_t n_sources(const struct gd_platform *p)
{
	return p->n_rcs + p->n_smmus + p->n_ncs + p->n_pmcgs + p->n_iwbs;
}

/* Source @k (0 .. n_sources() - 1) of @p, in that order. */
static const struct gd_node *source_at(const struct gd_platform *p, size_t k)
{
	if (k < p->n_rcs)
		return &p->rcs[k]->node;
	k -= p->n_rcs;
	if (k < p->n_smmus)
		return &p->smmus[k]->node;
	k -= p->n_smmus;
	if (k < p->n_ncs)
		return &p->ncs[k]->node;
	k -= p->n_ncs;
	if (k < p->n_pmcgs)
		return &p->pmcgs[k]->node;
	return &p->iwbs[k - p->n_pmcgs]->node;
}

/* Finds the source of @p that is the same hardware as @n, or NULL. */
static const struct gd_node *find_match(const struct gd_platform *p, const struct gd_node *n)
{
	for (size_t k = 0; k < n_sources(p); k++)
		if (same_source(source_at(p, k), n))
			return source_at(p, k);
	return NULL;
}

/* Does some ID of @n reach an MSI controller in @in? */
static bool reaches_sink(const struct gd_check_input *in, const struct gd_node *n)
{
	size_t count = 0;
	const struct gd_route *r = gd_routes_of(in->routes, n, &count);
	for (size_t i = 0; i < count; i++)
		if (r[i].status == GD_ROUTE_OK)
			return true;
	return false;
}

/* True when @to states root complex @n's host bridge but disables it (no devices behind it). */
static bool disabled_in(const struct gd_platform *to, const struct gd_node *n)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)n);
	for (size_t i = 0; rc && i < to->n_disabled_segments; i++)
		if (to->disabled_segments[i] == rc->segment)
			return true;
	return false;
}

/*
 * Reports every source of @from that reaches an MSI controller and that @to neither
 * describes nor disables. A source whose IDs all stop short (a root complex no ID
 * mapping covers) gives its devices no MSIs as the absent one does: a DT describes a
 * PCI host with no msi-map or msi-parent, but the DTB loader skips it, as it has no
 * MSI routes.
 */
static void missing_sources(struct drift *c, const struct gd_check_input *from,
                            const struct gd_check_input *to)
{
	for (size_t k = 0; k < n_sources(from->p); k++) {
		const struct gd_node *n = source_at(from->p, k);
		if (!reaches_sink(from, n) || find_match(to->p, n) || disabled_in(to->p, n))
			continue;
		char id[64];
		source_identity(n, id, sizeof(id));
		gd_diag_add(
		    c->d, c->sev, c->rule, &n->loc,
		    "%s (%s) is described in %s but not in %s, which gives its devices no MSIs", id,
		    n->name, from->label, to->label);
		if (c->sev == GD_SEV_ERROR)
			c->errors++;
	}
}

/* The IAFFID of CPU @cpu of @p and the config frame of the first IRS that serves it (0: none). */
static uint64_t iaffid_of(const struct gd_platform *p, size_t cpu, uint16_t *iaffid)
{
	const struct gd_irs_pe *pe;
	size_t i = gd_irs_serving(p, cpu, 0, &pe);
	if (i == p->n_irses)
		return 0;
	*iaffid = pe->iaffid;
	return p->irses[i]->config_base;
}

/*
 * On two GICv5s, each CPU (matched by MPIDR) must have the same IAFFID of the
 * same IRS (by its config frame) in both: the OS programs the IAFFID of the
 * one it booted with (arm,iaffids; MADT GICC IAFFID and IRS ID).
 */
static void compare_iaffids(struct drift *c)
{
	const struct gd_platform *pa = c->a->p, *pb = c->b->p;
	if (pa->gic_version != GD_GIC_V5 || pb->gic_version != GD_GIC_V5)
		return;
	for (size_t i = 0; i < pa->n_cpus; i++)
		for (size_t k = 0; k < pb->n_cpus; k++) {
			if (pa->cpus[i].mpidr != pb->cpus[k].mpidr)
				continue;
			uint16_t ia = 0, ib = 0;
			uint64_t irs_a = iaffid_of(pa, i, &ia), irs_b = iaffid_of(pb, k, &ib);
			if (irs_a == irs_b && ia == ib)
				break;
			char ta[64] = "no IRS", tb[64] = "no IRS";
			if (irs_a)
				snprintf(ta, sizeof(ta), "IAFFID 0x%x of the IRS at 0x%" PRIx64,
				         (unsigned)ia, irs_a);
			if (irs_b)
				snprintf(tb, sizeof(tb), "IAFFID 0x%x of the IRS at 0x%" PRIx64,
				         (unsigned)ib, irs_b);
			gd_diag_add(c->d, c->sev, c->rule, &pb->cpus[k].loc,
			            "the CPU with MPIDR 0x%" PRIx64 " has %s in %s, but %s in %s",
			            pa->cpus[i].mpidr, ta, c->a->label, tb, c->b->label);
			if (c->sev == GD_SEV_ERROR)
				c->errors++;
			break;
		}
}

int gd_check_compare(const struct gd_check_input *a, const struct gd_check_input *b,
                     const struct gd_check_config *cfg, struct gd_diags *d)
{
	long rule = gd_rule_find("firmware-drift");
	struct drift c = {.a = a, .b = b, .d = d, .rule = "firmware-drift"};
	c.sev = rule >= 0 ? gd_check_severity(cfg, (size_t)rule) : GD_SEV_ERROR;
	if (c.sev == GD_SEV_OFF)
		return 0;

	for (size_t k = 0; k < n_sources(a->p); k++) {
		const struct gd_node *n = source_at(a->p, k);
		const struct gd_node *m = find_match(b->p, n);
		if (m)
			compare_source(&c, n, m);
	}
	missing_sources(&c, a, b);
	missing_sources(&c, b, a);
	compare_iaffids(&c);
	return c.errors;
}

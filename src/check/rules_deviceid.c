/* SPDX-License-Identifier: MIT */
/* Rules over the DeviceIDs and EventIDs that routes deliver to each ITS. */
#include "check/rule.h"

/* The ITS route @r ends at, or NULL unless it reached one. */
static const struct gd_its *sink_its(const struct gd_route *r)
{
	if (r->status != GD_ROUTE_OK || !r->sink || r->sink->kind != GD_NODE_ITS)
		return NULL;
	return (const struct gd_its *)r->sink; /* the node is the first member */
}

/* Number of values an ID field of @bits bits holds (bits 0 .. 32; more counts as 32). */
static uint64_t id_limit(uint32_t bits)
{
	return bits >= 32 ? UINT64_C(1) << 32 : UINT64_C(1) << bits;
}

/* The input ID of route @r that reaches output ID @out (inside the route's output). */
static uint32_t input_of(const struct gd_route *r, uint64_t out)
{
	return r->single ? r->input_base : (uint32_t)(r->input_base + (out - r->output_base));
}

/*
 * Writes what part of the input of @r reaches DeviceIDs [base, base + count)
 * (a sub-range of the route's output) in user terms; returns "reach" or
 * "reaches" to agree with it.
 */
static const char *source_part(const struct gd_route *r, uint64_t base, uint64_t count, char *buf,
                               size_t size)
{
	struct gd_route part = *r;
	if (!r->single) {
		part.input_base = input_of(r, base);
		part.count = count;
	}
	gd_check_route_source(&part, buf, size);
	return gd_check_verb(&part, "reach", "reaches");
}

void gd_rule_device_id_range(struct gd_check_ctx *c)
{
	char src[160], ids[GD_RANGE_BUF];

	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		const struct gd_its *its = sink_its(r);
		if (!its)
			continue;
		uint64_t limit = id_limit(its->device_id_bits);
		uint64_t end = (uint64_t)r->output_base + r->count;
		if (end <= limit)
			continue;
		uint64_t from = r->output_base > limit ? r->output_base : limit;
		const char *verb = source_part(r, from, end - from, src, sizeof(src));
		gd_check_report(c, &r->source->loc,
		                "%s %s DeviceIDs %s of %s, beyond its %u DeviceID bits "
		                "(last DeviceID 0x%llx)",
		                src, verb, gd_check_range(ids, from, end - from), its->node.name,
		                (unsigned)its->device_id_bits, (unsigned long long)(limit - 1));
	}
}

/* True when route @q passes through node @n after its source. */
static bool passes_through(const struct gd_route *q, const struct gd_node *n)
{
	for (size_t h = 1; h < q->n_hops; h++)
		if (q->hops[h].node == n)
			return true;
	return false;
}

/* True when @a is the own-MSI route of an SMMU that @b goes through (smmu-msi-collision's case). */
static bool own_msi_of_client(const struct gd_route *a, const struct gd_route *b)
{
	return a->single && a->source->kind == GD_NODE_SMMU && passes_through(b, a->source);
}

/* Index of ITS @its in the platform (a deterministic sort key, unlike its address). */
static uint64_t its_index(const struct gd_platform *p, const struct gd_its *its)
{
	size_t k = 0;
	while (k < p->n_its && p->its[k] != its)
		k++;
	return k;
}

void gd_rule_device_id_collision(struct gd_check_ctx *c)
{
	const struct gd_routes *rs = c->routes;
	struct gd_check_keyed *v = gd_arena_alloc(c->tmp, (rs->n + 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++) {
		const struct gd_its *its = sink_its(&rs->v[i]);
		if (its && rs->v[i].count)
			v[n++] = (struct gd_check_keyed){
			    its_index(c->p, its) << 32 | rs->v[i].output_base, i};
	}
	gd_check_sort(v, n);

	const struct gd_route *reach = NULL; /* the route that ends last so far at this ITS */
	for (size_t k = 0; k < n; k++) {
		const struct gd_route *a = &rs->v[v[k].idx];
		uint64_t end = (uint64_t)a->output_base + a->count;
		if (reach && reach->sink != a->sink)
			reach = NULL;
		uint64_t reach_end = reach ? (uint64_t)reach->output_base + reach->count : 0;
		if (reach && a->output_base < reach_end && !own_msi_of_client(a, reach) &&
		    !own_msi_of_client(reach, a)) {
			const struct gd_route *later = a > reach ? a : reach;
			const struct gd_route *first = a > reach ? reach : a;
			uint64_t ov_end = end < reach_end ? end : reach_end;
			uint64_t ov_count = ov_end - a->output_base;
			char s1[160], s2[160], ids[GD_RANGE_BUF];
			source_part(first, a->output_base, ov_count, s1, sizeof(s1));
			source_part(later, a->output_base, ov_count, s2, sizeof(s2));
			uint32_t in1 = input_of(first, a->output_base);
			uint32_t in2 = input_of(later, a->output_base);
			const struct gd_id_decl *alias =
			    gd_check_alias_group(first, in1, later, in2, ov_count);
			const struct gd_id_decl *unused =
			    gd_check_unpopulated(first, in1, ov_count);
			if (!unused)
				unused = gd_check_unpopulated(later, in2, ov_count);
			const char *why = alias    ? "a DMA alias the description declares: "
			                  : unused ? "RIDs the description declares unpopulated: "
			                           : "the ITS cannot tell them apart";
			gd_check_report_declared(c, alias || unused, &later->source->loc,
			                         "%s and %s both reach %s %s of %s: %s%s", s1, s2,
			                         gd_check_id_word(GD_NODE_ITS, ov_count),
			                         gd_check_range(ids, a->output_base, ov_count),
			                         a->sink->name, why,
			                         alias    ? alias->reason
			                         : unused ? unused->reason
			                                  : "");
		}
		if (!reach || end > reach_end)
			reach = a;
	}
}

void gd_rule_smmu_msi_collision(struct gd_check_ctx *c)
{
	const struct gd_routes *rs = c->routes;
	char src[160];

	for (size_t i = 0; i < rs->n; i++) {
		const struct gd_route *own = &rs->v[i];
		if (!sink_its(own) || !own->single || own->source->kind != GD_NODE_SMMU)
			continue;
		for (size_t k = 0; k < rs->n; k++) {
			const struct gd_route *q = &rs->v[k];
			if (q == own || q->sink != own->sink || !sink_its(q) ||
			    !passes_through(q, own->source) || own->output_base < q->output_base ||
			    own->output_base >= (uint64_t)q->output_base + q->count)
				continue;
			source_part(q, own->output_base, 1, src, sizeof(src));
			gd_check_report(
			    c, &own->source->loc,
			    "the own MSIs of %s use DeviceID 0x%04x of %s, which %s also "
			    "reaches through %s",
			    own->source->name, (unsigned)own->output_base, own->sink->name, src,
			    own->source->name);
		}
	}
}

void gd_rule_vpe_proxy_device_id(struct gd_check_ctx *c)
{
	if (c->p->gic_version != GD_GIC_V4 || c->p->n_its == 0)
		return;
	const struct gd_its *first = c->p->its[0];
	uint64_t proxy = id_limit(first->device_id_bits) - 1;
	char src[160];

	for (size_t i = 0; i < c->routes->n; i++) {
		const struct gd_route *r = &c->routes->v[i];
		if (sink_its(r) != first || proxy < r->output_base ||
		    proxy >= (uint64_t)r->output_base + r->count)
			continue;
		source_part(r, proxy, 1, src, sizeof(src));
		const struct gd_id_decl *unused = gd_check_unpopulated(r, input_of(r, proxy), 1);
		gd_check_report_declared(
		    c, unused != NULL, &r->source->loc,
		    "%s reaches DeviceID 0x%llx of %s, which Linux takes for its GICv4.0 "
		    "VPE proxy device unless every redistributor has DirectLPI%s%s",
		    src, (unsigned long long)proxy, first->node.name,
		    unused ? "; the description declares that RID unpopulated: " : "",
		    unused ? unused->reason : "");
	}
}

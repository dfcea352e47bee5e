/* SPDX-License-Identifier: MIT */
/* Helpers the rules share: ID ranges in words, node iteration, sorting. */
#include "check/rule.h"

#include <inttypes.h>
#include <stdlib.h>

const char *gd_check_range(char buf[GD_RANGE_BUF], uint64_t base, uint64_t count)
{
	if (count <= 1)
		snprintf(buf, GD_RANGE_BUF, "0x%04" PRIx64, base);
	else
		snprintf(buf, GD_RANGE_BUF, "0x%04" PRIx64 "-0x%04" PRIx64, base, base + count - 1);
	return buf;
}

const char *gd_check_id_name(enum gd_node_kind kind)
{
	switch (kind) {
	case GD_NODE_ROOT_COMPLEX:
		return "RIDs";
	case GD_NODE_SMMU:
		return "StreamIDs";
	case GD_NODE_ITS:
		return "DeviceIDs";
	case GD_NODE_NAMED_COMPONENT:
	case GD_NODE_MSI_FRAME:
	case GD_NODE_MBI:
	case GD_NODE_DIRECT_LPI:
	case GD_NODE_PMCG:
	case GD_NODE_IWB:
		break; /* SPI-based MSI and Direct LPI take no DeviceID; a PMCG or IWB no ID */
	}
	return "IDs";
}

const char *gd_check_id_word(enum gd_node_kind kind, uint64_t count)
{
	static const char *const one[] = {
	    [GD_NODE_ITS] = "DeviceID",
	    [GD_NODE_SMMU] = "StreamID",
	    [GD_NODE_ROOT_COMPLEX] = "RID",
	    [GD_NODE_NAMED_COMPONENT] = "ID",
	};
	if (count == 1 && (size_t)kind < sizeof(one) / sizeof(one[0]))
		return one[kind];
	return gd_check_id_name(kind);
}

static int cmp_keyed(const void *a, const void *b)
{
	const struct gd_check_keyed *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

void gd_check_sort(struct gd_check_keyed *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_keyed);
}

void gd_check_overlaps(struct gd_check_ctx *c, const struct gd_check_keyed *sorted, size_t n,
                       uint64_t (*end)(const void *arg, size_t i),
                       void (*overlap)(struct gd_check_ctx *c, const void *arg, size_t i,
                                       size_t reach),
                       const void *arg)
{
	size_t reach = SIZE_MAX; /* the interval that ends last so far */
	for (size_t k = 0; k < n; k++) {
		size_t i = sorted[k].idx;
		if (reach != SIZE_MAX && sorted[k].key < end(arg, reach))
			overlap(c, arg, i, reach);
		if (reach == SIZE_MAX || end(arg, i) > end(arg, reach))
			reach = i;
	}
}

void gd_check_route_source(const struct gd_route *r, char *buf, size_t size)
{
	char range[GD_RANGE_BUF];

	if (r->single && r->source->kind == GD_NODE_SMMU)
		snprintf(buf, size, "the own MSIs of %s", r->source->name);
	else if (r->single && r->source->kind == GD_NODE_PMCG)
		snprintf(buf, size, "the own MSI of PMCG %s", r->source->name);
	else if (r->single)
		snprintf(buf, size, "the single-mapping ID of %s", r->source->name);
	else if (gd_route_input_id(r, UINT32_MAX) != UINT32_MAX)
		snprintf(buf, size, "RIDs of %s that msi-map-mask 0x%04" PRIx32 " makes %s",
		         r->source->name, gd_route_input_id(r, UINT32_MAX),
		         gd_check_range(range, r->input_base, r->count));
	else
		snprintf(buf, size, "%s %s of %s", gd_check_id_word(r->source->kind, r->count),
		         gd_check_range(range, r->input_base, r->count), r->source->name);
}

const char *gd_check_verb(const struct gd_route *r, const char *plural, const char *singular)
{
	bool own_msis = r->single && r->source->kind == GD_NODE_SMMU;
	return (r->single && !own_msis) || (!r->single && r->count == 1) ? singular : plural;
}

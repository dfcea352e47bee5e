/* SPDX-License-Identifier: MIT */
/* Looking routes up: by source (binary search on spans), then by input ID. */
#include "resolve/resolve.h"

#include <string.h>

void gd_routes_free(struct gd_routes *r)
{
	gd_arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

static const struct gd_route_span *span_of(const struct gd_routes *r, const struct gd_node *source)
{
	size_t lo = 0, hi = r->n_spans;
	uintptr_t key = (uintptr_t)source;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t at = (uintptr_t)r->spans[mid].source;
		if (at == key)
			return &r->spans[mid];
		if (at < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct gd_route *gd_routes_of(const struct gd_routes *r, const struct gd_node *source,
                                    size_t *n)
{
	const struct gd_route_span *s = span_of(r, source);
	*n = s ? s->n : 0;
	return *n ? &r->v[s->first] : NULL;
}

const struct gd_route *gd_routes_beyond(const struct gd_routes *r, const struct gd_node *source,
                                        size_t *n)
{
	const struct gd_route_span *s = span_of(r, source);
	*n = s ? s->n_beyond : 0;
	return *n ? &r->beyond[s->first_beyond] : NULL;
}

const struct gd_route *gd_routes_find(const struct gd_routes *r, const struct gd_node *source,
                                      uint32_t id)
{
	const struct gd_route_span *s = span_of(r, source);
	if (!s)
		return NULL;
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)source);
	if (rc && id - ((uint64_t)rc->bus_start << 8) >= gd_rc_rid_count(rc))
		return NULL; /* no RID of its bus range */
	if (rc && rc->has_msi_map_mask)
		id &= rc->msi_map_mask;
	/* Range routes: v[lo .. hi), sorted by input_base and disjoint. */
	const struct gd_route *v = r->v + s->first;
	size_t lo = s->n_single, hi = s->n, first = lo;
	while (lo < hi) { /* lo: the first route with input_base > id */
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].input_base <= id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == first)
		return NULL;
	const struct gd_route *e = &v[lo - 1];
	return id - (uint64_t)e->input_base < e->count ? e : NULL;
}

uint32_t gd_route_input_id(const struct gd_route *r, uint32_t id)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)r->source);
	return rc && rc->has_msi_map_mask && !r->single ? id & rc->msi_map_mask : id;
}

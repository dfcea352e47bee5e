/* SPDX-License-Identifier: MIT */
/*
 * First-match segments by a sweep over the mappings' end points: at each
 * elementary interval between two consecutive end points, the mappings that
 * cover it are those started and not yet ended; the winner is the one written
 * first, kept at the top of a min-heap on the mapping's position (ended
 * mappings are dropped lazily when they reach the top).
 */
#include "resolve/segments.h"

#include <stdlib.h>

#define ID_SPACE ((uint64_t)1 << 32)

/* One mapping's input range [lo, hi) and its position in the node's list. */
struct item {
	uint64_t lo, hi;
	size_t pos;
};

struct heap {
	const struct item *items;
	size_t *v; /* indices into items, ordered on items[].pos */
	size_t n;
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->lo != y->lo)
		return (x->lo > y->lo) - (x->lo < y->lo);
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int heap_less(const struct heap *h, size_t i, size_t j)
{
	return h->items[h->v[i]].pos < h->items[h->v[j]].pos;
}

static void heap_swap(struct heap *h, size_t i, size_t j)
{
	size_t t = h->v[i];
	h->v[i] = h->v[j];
	h->v[j] = t;
}

static void heap_push(struct heap *h, size_t item)
{
	size_t i = h->n++;
	h->v[i] = item;
	while (i && heap_less(h, i, (i - 1) / 2)) {
		heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void heap_pop(struct heap *h)
{
	h->v[0] = h->v[--h->n];
	size_t i = 0;
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->n && heap_less(h, l, m))
			m = l;
		if (r < h->n && heap_less(h, r, m))
			m = r;
		if (m == i)
			return;
		heap_swap(h, i, m);
		i = m;
	}
}

/* Collects the input ranges of the mappings that take part; returns their number. */
static size_t collect(const struct gd_node *node, struct item *items)
{
	size_t n = 0;
	for (size_t i = 0; i < node->n_maps; i++) {
		const struct gd_id_map *m = &node->maps[i];
		if (m->single || !m->count || !m->output)
			continue;
		uint64_t lo = m->input_base;
		items[n].lo = lo;
		items[n].hi = m->count > ID_SPACE - lo ? ID_SPACE : lo + m->count;
		items[n].pos = i;
		n++;
	}
	return n;
}

/* Sorted, de-duplicated end points of @items; returns their number. */
static size_t end_points(const struct item *items, size_t n, uint64_t *points)
{
	for (size_t i = 0; i < n; i++) {
		points[2 * i] = items[i].lo;
		points[2 * i + 1] = items[i].hi;
	}
	qsort(points, 2 * n, sizeof(*points), cmp_u64);
	size_t np = 0;
	for (size_t i = 0; i < 2 * n; i++)
		if (!np || points[np - 1] != points[i])
			points[np++] = points[i];
	return np;
}

void gd_segments_build(struct gd_arena *a, const struct gd_node *node, struct gd_segments *out)
{
	out->v = NULL;
	out->n = 0;
	struct gd_arena tmp = {0}; /* the sweep's working arrays, freed on return */
	struct item *items = gd_arena_alloc(&tmp, node->n_maps * sizeof(*items));
	size_t ni = collect(node, items);
	if (!ni) {
		gd_arena_free(&tmp);
		return;
	}
	qsort(items, ni, sizeof(*items), cmp_item);
	uint64_t *points = gd_arena_alloc(&tmp, 2 * ni * sizeof(*points));
	size_t np = end_points(items, ni, points);
	struct heap h = {.items = items, .v = gd_arena_alloc(&tmp, ni * sizeof(size_t))};
	out->v = gd_arena_alloc(a, (np - 1) * sizeof(*out->v));

	size_t next = 0;
	for (size_t k = 0; k + 1 < np; k++) {
		uint64_t x = points[k];
		while (next < ni && items[next].lo == x)
			heap_push(&h, next++);
		while (h.n && items[h.v[0]].hi <= x)
			heap_pop(&h);
		if (!h.n)
			continue;
		const struct gd_id_map *m = &node->maps[items[h.v[0]].pos];
		struct gd_segment *last = out->n ? &out->v[out->n - 1] : NULL;
		if (last && last->hi == x && last->map == m) {
			last->hi = points[k + 1];
			continue;
		}
		out->v[out->n++] = (struct gd_segment){.lo = x, .hi = points[k + 1], .map = m};
	}
	gd_arena_free(&tmp);
}

size_t gd_segments_first(const struct gd_segments *s, uint64_t id)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->v[mid].hi <= id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

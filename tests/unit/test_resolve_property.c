/* SPDX-License-Identifier: MIT */
/*
 * Property test of the resolver: on random small models (fixed seed), a
 * brute-force walk of every single ID through the mappings (first match in
 * the order written, as Linux's of_map_id() and iort_node_map_id() do) must
 * agree with the interval routes, hop by hop; root complexes with an
 * msi-map-mask first AND each RID with it, as of_map_id() does. The walk
 * below is test-only code written from the lookup rule, not from the resolver.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "resolve/mask.h"
#include "resolve/resolve.h"
#include "support_fixtures.h"
#include "support_graph.h"

#define MODELS      3000
#define MAX_PATH    64
#define ID_UNIVERSE 0x600 /* IDs tried per source: covers buses 0..4 and every input range */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

/* xorshift64*: the same sequence on every host. */
static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32) % n;
}

/* The per-ID outcome: nodes, IDs and mappings taken at each hop. */
struct walk {
	enum gd_route_status status;
	const struct gd_node *node[MAX_PATH];
	uint64_t id[MAX_PATH];
	const struct gd_id_map *map[MAX_PATH];
	size_t n;
};

static const struct gd_id_map *first_match(const struct gd_node *n, uint64_t id)
{
	for (size_t i = 0; i < n->n_maps; i++) {
		const struct gd_id_map *m = &n->maps[i];
		if (!m->single && id >= m->input_base && id - m->input_base < m->count)
			return m;
	}
	return NULL;
}

static int on_path(const struct walk *w, const struct gd_node *n)
{
	for (size_t k = 0; k < w->n; k++)
		if (w->node[k] == n)
			return 1;
	return 0;
}

/* Walks ID @id of @src; @single: the source's single mapping to take, or NULL. */
static void walk_id(struct walk *w, const struct gd_node *src, uint64_t id,
                    const struct gd_id_map *single)
{
	w->n = 0;
	const struct gd_node *n = src;
	for (;;) {
		assert_true(w->n < MAX_PATH);
		w->node[w->n] = n;
		w->id[w->n] = id;
		w->map[w->n] = NULL;
		w->n++;
		if (n->kind == GD_NODE_ITS) {
			w->status = GD_ROUTE_OK;
			return;
		}
		const struct gd_id_map *m = w->n == 1 && single ? single : first_match(n, id);
		if (!m) {
			w->status = GD_ROUTE_UNMAPPED;
			return;
		}
		w->map[w->n - 1] = m;
		if ((uint64_t)m->output_base + (m->single ? 1 : m->count) > ((uint64_t)1 << 32)) {
			w->status = GD_ROUTE_OVERFLOW;
			return;
		}
		id = m->single ? m->output_base : m->output_base + (id - m->input_base);
		if (on_path(w, m->output)) {
			w->node[w->n] = m->output;
			w->id[w->n] = id;
			w->map[w->n] = NULL;
			w->n++;
			w->status = GD_ROUTE_CYCLE;
			return;
		}
		n = m->output;
	}
}

/* The route agrees with the walk of ID @id (@id - input_base IDs into the route). */
static void assert_agrees(const struct gd_route *r, const struct walk *w, uint64_t id)
{
	assert_non_null(r);
	assert_int_equal(r->status, w->status);
	assert_int_equal(r->n_hops, w->n);
	uint64_t off = id - r->input_base;
	assert_true(off < r->count);
	for (size_t k = 0; k < w->n; k++) {
		assert_ptr_equal(r->hops[k].node, w->node[k]);
		assert_int_equal(r->hops[k].base + off, w->id[k]);
		assert_ptr_equal(r->hops[k].map, w->map[k]);
	}
}

static struct gd_node *pick(struct gd_node **all, size_t n_all)
{
	return all[rnd((uint32_t)n_all)];
}

/* A random mapping of @n: mostly in the small universe, sometimes near 2^32. */
static void random_map(struct gd_platform *p, struct gd_node *n, struct gd_node **all, size_t n_all)
{
	struct gd_node *out = pick(all, n_all);
	if (!rnd(8)) {
		graph_single(p, n, rnd(ID_UNIVERSE), out);
		return;
	}
	uint32_t in = rnd(ID_UNIVERSE);
	uint64_t count = rnd(12) ? 1 + rnd(0x200) : 0;
	uint32_t outb = rnd(10) ? rnd(ID_UNIVERSE) : 0xFFFFFE00u + rnd(0x200);
	fixture_add_map(p, n, in, count, outb, out);
}

static void random_model(struct gd_platform *p)
{
	memset(p, 0, sizeof(*p));
	struct gd_node *all[16];
	size_t n_all = 0;
	char name[16];
	size_t n_its = 1 + rnd(3), n_smmu = rnd(4), n_rc = 1 + rnd(3), n_nc = rnd(3);
	for (size_t i = 0; i < n_its; i++) {
		snprintf(name, sizeof(name), "its%zu", i);
		all[n_all++] = &graph_its(p, name)->node;
	}
	for (size_t i = 0; i < n_smmu; i++) {
		snprintf(name, sizeof(name), "smmu%zu", i);
		all[n_all++] = &graph_smmu(p, name)->node;
	}
	for (size_t i = 0; i < n_rc; i++) {
		snprintf(name, sizeof(name), "pcie%zu", i);
		uint8_t start = (uint8_t)(1 + rnd(3));
		uint8_t end = (uint8_t)(start - 1 + rnd(3)); /* an empty bus range at times */
		struct gd_root_complex *rc = graph_rc(p, name, start, end);
		static const uint32_t masks[] = {0xff00, 0xfff8, 0x031f, 0x0, 0xffff, 0x0f0f};
		if (!rnd(3)) { /* msi-map-mask: ones seen in Linux's DTs, and others */
			rc->has_msi_map_mask = true;
			rc->msi_map_mask = rnd(2) ? masks[rnd(6)] : rnd(0x10000);
		}
		all[n_all++] = &rc->node;
	}
	for (size_t i = 0; i < n_nc; i++) {
		snprintf(name, sizeof(name), "dev%zu", i);
		all[n_all++] = &graph_nc(p, name)->node;
	}
	for (size_t i = 0; i < n_all; i++) {
		/* ITSes get mappings too, seldom: the walk must ignore them. */
		size_t n_maps = all[i]->kind == GD_NODE_ITS ? (rnd(4) == 0) : rnd(6);
		for (size_t k = 0; k < n_maps; k++)
			random_map(p, all[i], all, n_all);
	}
	for (size_t i = 0; i < p->n_smmus; i++)
		if (!rnd(3))
			graph_own_msi(p, p->smmus[i], rnd(ID_UNIVERSE), &p->its[rnd(n_its)]->node);
}

/* Single routes of @src come first, one per single mapping, in order. */
static size_t check_singles(const struct gd_routes *r, const struct gd_node *src,
                            const struct gd_id_map *own_msi)
{
	size_t n, k = 0;
	const struct gd_route *v = gd_routes_of(r, src, &n);
	struct walk w;
	for (size_t i = 0; i <= src->n_maps; i++) {
		const struct gd_id_map *m = i < src->n_maps ? &src->maps[i] : own_msi;
		if (!m || !m->single || (m != own_msi && src->kind == GD_NODE_SMMU))
			continue;
		assert_true(k < n);
		assert_true(v[k].single);
		assert_int_equal(v[k].count, 1);
		walk_id(&w, src, 0, m);
		assert_agrees(&v[k], &w, 0);
		k++;
	}
	assert_true(k == n || !v[k].single);
	return k;
}

/* Every ID of @src: the route that gd_routes_find() gives agrees with the walk. */
static void check_ids(const struct gd_routes *r, const struct gd_node *src)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)src);
	uint64_t rid_lo = rc ? (uint64_t)rc->bus_start << 8 : 0;
	uint64_t rid_hi = rc ? rid_lo + gd_rc_rid_count(rc) : 0;
	struct walk w;
	for (uint64_t id = 0; id < ID_UNIVERSE; id++) {
		const struct gd_route *e = gd_routes_find(r, src, (uint32_t)id);
		int is_input = rc ? id >= rid_lo && id < rid_hi
		                  : src->kind == GD_NODE_NAMED_COMPONENT && first_match(src, id);
		if (!is_input) {
			assert_null(e);
			continue;
		}
		uint64_t masked = rc && rc->has_msi_map_mask ? id & rc->msi_map_mask : id;
		walk_id(&w, src, masked, NULL);
		assert_agrees(e, &w, masked);
	}
}

/*
 * Range routes of @src: sorted, disjoint and maximal (two routes that meet
 * differ in outcome or in some hop's node or mapping).
 */
static void check_maximal(const struct gd_routes *r, const struct gd_node *src, size_t n_single)
{
	size_t n;
	const struct gd_route *v = gd_routes_of(r, src, &n);
	for (size_t i = n_single + 1; i < n; i++) {
		const struct gd_route *a = &v[i - 1], *b = &v[i];
		assert_false(a->single || b->single);
		assert_true((uint64_t)a->input_base + a->count <= b->input_base);
		if ((uint64_t)a->input_base + a->count < b->input_base)
			continue;
		int differ = a->status != b->status || a->n_hops != b->n_hops;
		for (size_t k = 0; !differ && k < a->n_hops; k++)
			differ =
			    a->hops[k].node != b->hops[k].node || a->hops[k].map != b->hops[k].map;
		assert_true(differ);
	}
}

/* Routes come grouped by source: root complexes, named components, SMMUs, in model order. */
static void check_order(const struct gd_platform *p, const struct gd_routes *r)
{
	size_t at = 0;
	for (size_t i = 0; i < p->n_rcs + p->n_ncs + p->n_smmus; i++) {
		const struct gd_node *src = i < p->n_rcs ? &p->rcs[i]->node
		                            : i < p->n_rcs + p->n_ncs
		                                ? &p->ncs[i - p->n_rcs]->node
		                                : &p->smmus[i - p->n_rcs - p->n_ncs]->node;
		size_t n;
		const struct gd_route *v = gd_routes_of(r, src, &n);
		if (!n)
			continue;
		assert_ptr_equal(v, &r->v[at]);
		at += n;
	}
	assert_int_equal(at, r->n);
}

static void random_models_agree_with_brute_force(void **state)
{
	(void)state;
	for (int t = 0; t < MODELS; t++) {
		struct gd_platform p;
		struct gd_routes r;
		random_model(&p);
		assert_int_equal(gd_resolve(&p, &r), 0);
		check_order(&p, &r);
		for (size_t i = 0; i < p.n_rcs; i++) {
			size_t ns = check_singles(&r, &p.rcs[i]->node, NULL);
			check_ids(&r, &p.rcs[i]->node);
			check_maximal(&r, &p.rcs[i]->node, ns);
		}
		for (size_t i = 0; i < p.n_ncs; i++) {
			size_t ns = check_singles(&r, &p.ncs[i]->node, NULL);
			check_ids(&r, &p.ncs[i]->node);
			check_maximal(&r, &p.ncs[i]->node, ns);
		}
		for (size_t i = 0; i < p.n_smmus; i++)
			check_singles(&r, &p.smmus[i]->node, p.smmus[i]->own_msi);
		gd_routes_free(&r);
		gd_platform_free(&p);
	}
}

/* gd_mask_image() gives exactly the set {id & mask : lo <= id < hi}, as maximal intervals. */
static void mask_image_is_the_set_of_masked_ids(void **state)
{
	(void)state;
	static uint8_t seen[0x10000];
	for (int t = 0; t < 2000; t++) {
		uint64_t lo = rnd(0x10000), hi = lo + rnd((uint32_t)(0x10001 - lo));
		uint32_t mask = rnd(2) ? rnd(0x10000) : (0xffffu << rnd(16)) & 0xffff;
		memset(seen, 0, sizeof(seen));
		for (uint64_t id = lo; id < hi; id++)
			seen[id & mask] = 1;
		struct gd_arena a = {0};
		struct gd_id_interval *v;
		size_t n = gd_mask_image(&a, lo, hi, mask, &v);
		uint64_t at = 0;
		for (size_t i = 0; i < n; i++) {
			assert_true(v[i].lo < v[i].hi);
			assert_true(i == 0 || v[i - 1].hi < v[i].lo); /* disjoint, maximal */
			for (; at < v[i].lo; at++)
				assert_int_equal(seen[at], 0);
			for (; at < v[i].hi; at++)
				assert_int_equal(seen[at], 1);
		}
		for (; at < 0x10000; at++)
			assert_int_equal(seen[at], 0);
		gd_arena_free(&a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(mask_image_is_the_set_of_masked_ids),
	    cmocka_unit_test(random_models_agree_with_brute_force),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

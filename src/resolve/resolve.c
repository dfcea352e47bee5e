/* SPDX-License-Identifier: MIT */
/*
 * The resolver's walk: a depth-first search over the mapping graph with an
 * explicit stack (no recursion, whatever the depth), one frame per node on
 * the current path. A frame holds the part of its interval still to split;
 * each piece either ends a route (ITS, unmapped, overflow, cycle) or pushes
 * the next node's frame. Pieces are taken in ascending ID order and every
 * mapping preserves order, so routes come out sorted without a sort.
 */
#include "resolve/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "resolve/mask.h"
#include "resolve/segments.h"

#define ID_SPACE ((uint64_t)1 << 32)

/* What the walk knows of one node. */
struct nstate {
	const struct gd_node *node;
	struct gd_segments seg;
	bool on_path;
};

/* One node on the current path. */
struct frame {
	struct nstate *ns;
	uint64_t cur, end;           /* IDs [cur, end) of the node still to split */
	size_t seg;                  /* first segment with hi > cur */
	const struct gd_id_map *map; /* mapping taken by the piece being followed */
	int64_t delta;               /* ID at the next node = ID here + delta */
};

struct ctx {
	struct gd_routes *out;
	struct gd_arena scratch;
	struct nstate *states;
	size_t n_states, cap_states;
	size_t *slots; /* open addressing, load <= 1/2: node address -> states index */
	size_t n_slots;
	struct frame *stack; /* capacity n_states: a path never repeats a node */
	size_t sp;
	bool single; /* the source piece being walked is a single mapping */
	bool beyond; /* RIDs past the bus range: OK routes go to out->beyond, others nowhere */
	const struct gd_node *pci_msi_fallback; /* struct gd_platform: ACPI's GICv2m frame */
};

#define EMPTY SIZE_MAX

static size_t slot_of(const struct ctx *c, const struct gd_node *n)
{
	uint64_t h = (uint64_t)(uintptr_t)n * 0x9E3779B97F4A7C15ull;
	size_t i = (size_t)(h >> 32) & (c->n_slots - 1);
	while (c->slots[i] != EMPTY && c->states[c->slots[i]].node != n)
		i = (i + 1) & (c->n_slots - 1);
	return i;
}

static struct nstate *state_of(const struct ctx *c, const struct gd_node *n)
{
	size_t i = slot_of(c, n);
	return c->slots[i] == EMPTY ? NULL : &c->states[c->slots[i]];
}

/* Sizes the table for @n_slots slots (a power of two) and re-enters every state. */
static void rehash(struct ctx *c, size_t n_slots)
{
	c->n_slots = n_slots;
	c->slots = gd_arena_alloc(&c->scratch, n_slots * sizeof(*c->slots));
	memset(c->slots, 0xff, n_slots * sizeof(*c->slots));
	for (size_t k = 0; k < c->n_states; k++)
		c->slots[slot_of(c, c->states[k].node)] = k;
}

static void add_node(struct ctx *c, const struct gd_node *n)
{
	if (!n || c->slots[slot_of(c, n)] != EMPTY)
		return;
	GD_ARRAY_PUSH(&c->scratch, c->states, c->n_states, c->cap_states)->node = n;
	if (2 * c->n_states > c->n_slots)
		rehash(c, 2 * c->n_slots);
	else
		c->slots[slot_of(c, n)] = c->n_states - 1;
}

/*
 * Every node of the platform, then every node a mapping leads to (a loaded
 * model has no others; the walk follows the graph as given all the same),
 * and the segments of every node but the ITSes.
 */
static void build_states(struct ctx *c, const struct gd_platform *p)
{
	rehash(c, 16);
	for (size_t i = 0; i < p->n_rcs; i++)
		add_node(c, &p->rcs[i]->node);
	for (size_t i = 0; i < p->n_ncs; i++)
		add_node(c, &p->ncs[i]->node);
	for (size_t i = 0; i < p->n_pmcgs; i++)
		add_node(c, &p->pmcgs[i]->node);
	for (size_t i = 0; i < p->n_iwbs; i++)
		add_node(c, &p->iwbs[i]->node);
	for (size_t i = 0; i < p->n_smmus; i++)
		add_node(c, &p->smmus[i]->node);
	for (size_t i = 0; i < p->n_its; i++)
		add_node(c, &p->its[i]->node);
	for (size_t i = 0; i < c->n_states; i++) {
		const struct gd_node *n = c->states[i].node;
		for (size_t k = 0; k < n->n_maps; k++)
			add_node(c, n->maps[k].output);
		if (n->kind == GD_NODE_SMMU && ((const struct gd_smmu *)n)->own_msi)
			add_node(c, ((const struct gd_smmu *)n)->own_msi->output);
	}
	for (size_t i = 0; i < c->n_states; i++)
		if (!gd_node_is_sink(c->states[i].node->kind))
			gd_segments_build(&c->scratch, c->states[i].node, &c->states[i].seg);
	c->stack = gd_arena_alloc(&c->scratch, c->n_states * sizeof(*c->stack));
}

/*
 * Appends a route of @count IDs whose hops are the path frames[0 .. n_frames)
 * followed by (@last, @last_base, @last_map). The base at each earlier hop is
 * found by undoing each frame's translation from the last hop backwards.
 */
static void emit(struct ctx *c, size_t n_frames, const struct gd_node *last, uint64_t last_base,
                 const struct gd_id_map *last_map, uint64_t count, enum gd_route_status status)
{
	struct gd_routes *out = c->out;
	if (c->beyond && status != GD_ROUTE_OK)
		return;
	struct gd_route *r =
	    c->beyond ? GD_ARRAY_PUSH(&out->arena, out->beyond, out->n_beyond, out->cap_beyond)
	              : GD_ARRAY_PUSH(&out->arena, out->v, out->n, out->cap);
	r->n_hops = n_frames + 1;
	r->hops = gd_arena_alloc(&out->arena, r->n_hops * sizeof(*r->hops));
	r->hops[n_frames] =
	    (struct gd_hop){.node = last, .base = (uint32_t)last_base, .map = last_map};
	int64_t id = (int64_t)last_base;
	for (size_t k = n_frames; k-- > 0;) {
		id -= c->stack[k].delta;
		r->hops[k] = (struct gd_hop){
		    .node = c->stack[k].ns->node, .base = (uint32_t)id, .map = c->stack[k].map};
	}
	r->source = r->hops[0].node;
	r->input_base = r->hops[0].base;
	r->count = count;
	r->single = c->single;
	r->status = status;
	r->sink = status == GD_ROUTE_OK ? last : NULL;
	r->output_base = (uint32_t)last_base;
	if (status == GD_ROUTE_UNMAPPED && c->pci_msi_fallback && !c->single &&
	    r->source->kind == GD_NODE_ROOT_COMPLEX) {
		/* ACPI: the RIDs go to the first GICv2m frame, unchanged (no DeviceID). */
		struct gd_hop *two = gd_arena_alloc(&out->arena, 2 * sizeof(*two));
		two[0] = (struct gd_hop){.node = r->source, .base = r->input_base};
		two[1] = (struct gd_hop){.node = c->pci_msi_fallback, .base = r->input_base};
		r->hops = two;
		r->n_hops = 2;
		r->status = GD_ROUTE_OK;
		r->sink = c->pci_msi_fallback;
		r->output_base = r->input_base;
	}
}

static void push(struct ctx *c, struct nstate *ns, uint64_t lo, uint64_t hi)
{
	ns->on_path = true;
	c->stack[c->sp++] =
	    (struct frame){.ns = ns, .cur = lo, .end = hi, .seg = gd_segments_first(&ns->seg, lo)};
}

/*
 * Takes IDs [lo, lo + count) of the node of frame @d through mapping @m,
 * whose first input ID is @in_base (0 for a single mapping).
 */
static void take(struct ctx *c, size_t d, const struct gd_id_map *m, uint32_t in_base, uint64_t lo,
                 uint64_t count)
{
	struct frame *f = &c->stack[d];
	f->map = m;
	f->delta = (int64_t)m->output_base - (int64_t)in_base;
	uint64_t m_count = m->single ? 1 : m->count;
	if (m_count > ID_SPACE - m->output_base) {
		emit(c, d, f->ns->node, lo, m, count, GD_ROUTE_OVERFLOW);
		return;
	}
	uint64_t out = (uint64_t)((int64_t)lo + f->delta);
	struct nstate *t = state_of(c, m->output);
	if (t->on_path)
		emit(c, d + 1, t->node, out, NULL, count, GD_ROUTE_CYCLE);
	else if (gd_node_is_sink(t->node->kind))
		emit(c, d + 1, t->node, out, NULL, count, GD_ROUTE_OK);
	else
		push(c, t, out, out + count);
}

/* Splits off the next piece of the top frame: unmapped, or taken by one mapping. */
static void step(struct ctx *c)
{
	size_t d = c->sp - 1;
	struct frame *f = &c->stack[d];
	const struct gd_segments *s = &f->ns->seg;
	uint64_t lo = f->cur;
	while (f->seg < s->n && s->v[f->seg].hi <= lo)
		f->seg++;
	const struct gd_segment *g = f->seg < s->n ? &s->v[f->seg] : NULL;
	if (!g || g->lo > lo) {
		f->cur = g && g->lo < f->end ? g->lo : f->end;
		emit(c, d, f->ns->node, lo, NULL, f->cur - lo, GD_ROUTE_UNMAPPED);
		return;
	}
	f->cur = g->hi < f->end ? g->hi : f->end;
	take(c, d, g->map, g->map->input_base, lo, f->cur - lo);
}

static void run(struct ctx *c)
{
	while (c->sp) {
		struct frame *f = &c->stack[c->sp - 1];
		if (f->cur < f->end) {
			step(c);
			continue;
		}
		f->ns->on_path = false;
		c->sp--;
	}
}

/* Routes of a single mapping @m of source @ns (the source's own ID). */
static void walk_single(struct ctx *c, struct nstate *ns, const struct gd_id_map *m)
{
	if (!m->output)
		return;
	c->single = true;
	push(c, ns, 0, 0);
	take(c, 0, m, 0, 0, 1);
	run(c);
	c->single = false;
}

static void walk_range(struct ctx *c, struct nstate *ns, uint64_t lo, uint64_t hi)
{
	push(c, ns, lo, hi);
	run(c);
}

/*
 * The RIDs of root complex @ns that its own mappings cover outside its bus
 * range [@rid_lo, @rid_hi), walked into out->beyond (OK routes only).
 */
static void walk_beyond(struct ctx *c, struct nstate *ns, uint64_t rid_lo, uint64_t rid_hi)
{
	c->beyond = true;
	for (size_t i = 0; i < ns->seg.n; i++) {
		uint64_t lo = ns->seg.v[i].lo, hi = ns->seg.v[i].hi;
		if (lo < rid_lo)
			walk_range(c, ns, lo, hi < rid_lo ? hi : rid_lo);
		if (hi > rid_hi)
			walk_range(c, ns, lo > rid_hi ? lo : rid_hi, hi);
	}
	c->beyond = false;
}

/*
 * All routes of one source: its single mappings (@own_msi alone, for an SMMU
 * or a PMCG; an IWB has only single mappings), then its input IDs — the RID space [@rid_lo,
 * @rid_hi) of a root complex, or the mapped input ranges of a named component (@rid_hi == 0).
 */
static void walk_source(struct ctx *c, const struct gd_node *src, const struct gd_id_map *own_msi,
                        uint64_t rid_lo, uint64_t rid_hi)
{
	struct gd_routes *out = c->out;
	struct nstate *ns = state_of(c, src);
	size_t first = out->n, first_beyond = out->n_beyond;
	if (own_msi)
		walk_single(c, ns, own_msi);
	if (src->kind != GD_NODE_SMMU && src->kind != GD_NODE_PMCG)
		for (size_t i = 0; i < src->n_maps; i++)
			if (src->maps[i].single)
				walk_single(c, ns, &src->maps[i]);
	size_t n_single = out->n - first;
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)src);
	if (rc && rc->has_msi_map_mask) {
		struct gd_id_interval *v;
		size_t n = gd_mask_image(&c->scratch, rid_lo, rid_hi, rc->msi_map_mask, &v);
		for (size_t i = 0; i < n; i++)
			walk_range(c, ns, v[i].lo, v[i].hi);
	} else if (rc) {
		if (rid_lo < rid_hi)
			walk_range(c, ns, rid_lo, rid_hi);
		walk_beyond(c, ns, rid_lo, rid_hi);
	}
	if (src->kind == GD_NODE_NAMED_COMPONENT)
		for (size_t i = 0; i < ns->seg.n; i++)
			walk_range(c, ns, ns->seg.v[i].lo, ns->seg.v[i].hi);
	if (out->n == first && out->n_beyond == first_beyond)
		return;
	struct gd_route_span *sp = &out->spans[out->n_spans++];
	*sp = (struct gd_route_span){.source = src,
	                             .first = first,
	                             .n = out->n - first,
	                             .n_single = n_single,
	                             .first_beyond = first_beyond,
	                             .n_beyond = out->n_beyond - first_beyond};
}

static int cmp_span(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct gd_route_span *)a)->source;
	uintptr_t y = (uintptr_t)((const struct gd_route_span *)b)->source;
	return (x > y) - (x < y);
}

int gd_resolve(const struct gd_platform *p, struct gd_routes *out)
{
	memset(out, 0, sizeof(*out));
	struct ctx c = {.out = out, .pci_msi_fallback = p->pci_msi_fallback};
	build_states(&c, p);
	out->spans = gd_arena_alloc(&out->arena,
	                            (p->n_rcs + p->n_ncs + p->n_smmus + p->n_pmcgs + p->n_iwbs) *
	                                sizeof(*out->spans));

	for (size_t i = 0; i < p->n_rcs; i++) {
		const struct gd_root_complex *rc = p->rcs[i];
		uint64_t lo = (uint64_t)rc->bus_start << 8;
		walk_source(&c, &rc->node, NULL, lo, lo + gd_rc_rid_count(rc));
	}
	for (size_t i = 0; i < p->n_ncs; i++)
		walk_source(&c, &p->ncs[i]->node, NULL, 0, 0);
	for (size_t i = 0; i < p->n_smmus; i++)
		if (p->smmus[i]->own_msi)
			walk_source(&c, &p->smmus[i]->node, p->smmus[i]->own_msi, 0, 0);
	for (size_t i = 0; i < p->n_pmcgs; i++)
		if (gd_pmcg_msi(p->pmcgs[i]))
			walk_source(&c, &p->pmcgs[i]->node, gd_pmcg_msi(p->pmcgs[i]), 0, 0);
	for (size_t i = 0; i < p->n_iwbs; i++)
		walk_source(&c, &p->iwbs[i]->node, NULL, 0, 0); /* its single mapping */

	qsort(out->spans, out->n_spans, sizeof(*out->spans), cmp_span);
	gd_arena_free(&c.scratch);
	return 0;
}

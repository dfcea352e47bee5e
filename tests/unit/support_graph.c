/* SPDX-License-Identifier: MIT */
#include "support_graph.h"

#include "support_fixtures.h"

/* A zeroed node object of @size bytes whose header says @kind, @name, @index. */
static void *new_node(struct gd_platform *p, size_t size, enum gd_node_kind kind, const char *name,
                      size_t index)
{
	struct gd_node *n = gd_arena_alloc(&p->arena, size);
	n->kind = kind;
	n->name = gd_arena_strdup(&p->arena, name);
	n->index = index;
	return n;
}

struct gd_its *graph_its(struct gd_platform *p, const char *name)
{
	struct gd_its *its = new_node(p, sizeof(*its), GD_NODE_ITS, name, p->n_its);
	return *GD_ARRAY_PUSH(&p->arena, p->its, p->n_its, p->cap_its) = its;
}

struct gd_smmu *graph_smmu(struct gd_platform *p, const char *name)
{
	struct gd_smmu *s = new_node(p, sizeof(*s), GD_NODE_SMMU, name, p->n_smmus);
	return *GD_ARRAY_PUSH(&p->arena, p->smmus, p->n_smmus, p->cap_smmus) = s;
}

struct gd_root_complex *graph_rc(struct gd_platform *p, const char *name, uint8_t bus_start,
                                 uint8_t bus_end)
{
	struct gd_root_complex *rc = new_node(p, sizeof(*rc), GD_NODE_ROOT_COMPLEX, name, p->n_rcs);
	rc->bus_start = bus_start;
	rc->bus_end = bus_end;
	return *GD_ARRAY_PUSH(&p->arena, p->rcs, p->n_rcs, p->cap_rcs) = rc;
}

struct gd_named_component *graph_nc(struct gd_platform *p, const char *name)
{
	struct gd_named_component *nc =
	    new_node(p, sizeof(*nc), GD_NODE_NAMED_COMPONENT, name, p->n_ncs);
	return *GD_ARRAY_PUSH(&p->arena, p->ncs, p->n_ncs, p->cap_ncs) = nc;
}

struct gd_id_map *graph_single(struct gd_platform *p, struct gd_node *n, uint32_t output_base,
                               struct gd_node *output)
{
	struct gd_id_map *m = fixture_add_map(p, n, 0, 1, output_base, output);
	m->single = true;
	return m;
}

void graph_own_msi(struct gd_platform *p, struct gd_smmu *s, uint32_t device_id,
                   struct gd_node *its)
{
	struct gd_id_map *m = gd_arena_alloc(&p->arena, sizeof(*m));
	*m = (struct gd_id_map){.count = 1,
	                        .output_base = device_id,
	                        .single = true,
	                        .output = its,
	                        .output_name = its->name};
	s->own_msi = m;
}

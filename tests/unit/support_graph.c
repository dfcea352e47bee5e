/* SPDX-License-Identifier: MIT */
#include "support_graph.h"

#include "support_fixtures.h"

/* A zeroed node object of @size bytes named @name, appended to its kind's array. */
static void *new_node(struct gd_platform *p, size_t size, enum gd_node_kind kind, const char *name)
{
	struct gd_node *n = gd_platform_add_node(p, kind, size);
	n->name = gd_arena_strdup(&p->arena, name);
	return n;
}

struct gd_its *graph_its(struct gd_platform *p, const char *name)
{
	return new_node(p, sizeof(struct gd_its), GD_NODE_ITS, name);
}

struct gd_smmu *graph_smmu(struct gd_platform *p, const char *name)
{
	return new_node(p, sizeof(struct gd_smmu), GD_NODE_SMMU, name);
}

struct gd_root_complex *graph_rc(struct gd_platform *p, const char *name, uint8_t bus_start,
                                 uint8_t bus_end)
{
	struct gd_root_complex *rc =
	    new_node(p, sizeof(struct gd_root_complex), GD_NODE_ROOT_COMPLEX, name);
	rc->bus_start = bus_start;
	rc->bus_end = bus_end;
	return rc;
}

struct gd_named_component *graph_nc(struct gd_platform *p, const char *name)
{
	return new_node(p, sizeof(struct gd_named_component), GD_NODE_NAMED_COMPONENT, name);
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

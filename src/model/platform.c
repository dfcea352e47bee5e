/* SPDX-License-Identifier: MIT */
#include "model/platform.h"

#include <string.h>

void gd_platform_free(struct gd_platform *p)
{
	gd_arena_free(&p->arena);
	memset(p, 0, sizeof(*p));
}

struct gd_node *gd_platform_find_node(const struct gd_platform *p, const char *name)
{
	for (size_t i = 0; i < p->n_its; i++)
		if (!strcmp(p->its[i]->node.name, name))
			return &p->its[i]->node;
	for (size_t i = 0; i < p->n_smmus; i++)
		if (!strcmp(p->smmus[i]->node.name, name))
			return &p->smmus[i]->node;
	for (size_t i = 0; i < p->n_rcs; i++)
		if (!strcmp(p->rcs[i]->node.name, name))
			return &p->rcs[i]->node;
	for (size_t i = 0; i < p->n_ncs; i++)
		if (!strcmp(p->ncs[i]->node.name, name))
			return &p->ncs[i]->node;
	return NULL;
}

/* Each object embeds its node header as first member, so the cast is exact. */
struct gd_its *gd_node_as_its(struct gd_node *n)
{
	return n && n->kind == GD_NODE_ITS ? (struct gd_its *)n : NULL;
}

struct gd_smmu *gd_node_as_smmu(struct gd_node *n)
{
	return n && n->kind == GD_NODE_SMMU ? (struct gd_smmu *)n : NULL;
}

struct gd_root_complex *gd_node_as_rc(struct gd_node *n)
{
	return n && n->kind == GD_NODE_ROOT_COMPLEX ? (struct gd_root_complex *)n : NULL;
}

struct gd_named_component *gd_node_as_nc(struct gd_node *n)
{
	return n && n->kind == GD_NODE_NAMED_COMPONENT ? (struct gd_named_component *)n : NULL;
}

const char *gd_node_kind_name(enum gd_node_kind kind)
{
	switch (kind) {
	case GD_NODE_ITS:
		return "ITS";
	case GD_NODE_SMMU:
		return "SMMUv3";
	case GD_NODE_ROOT_COMPLEX:
		return "root complex";
	case GD_NODE_NAMED_COMPONENT:
		return "named component";
	}
	return "node";
}

const char *gd_gic_version_name(enum gd_gic_version v)
{
	switch (v) {
	case GD_GIC_V3:
		return "3";
	case GD_GIC_V4:
		return "4";
	case GD_GIC_V4_1:
		return "4.1";
	}
	return "?";
}

uint64_t gd_redist_frame_size(enum gd_gic_version v)
{
	return v == GD_GIC_V3 ? 0x20000 : 0x40000;
}

uint64_t gd_rc_rid_count(const struct gd_root_complex *rc)
{
	if (rc->bus_end < rc->bus_start)
		return 0;
	return ((uint64_t)rc->bus_end - rc->bus_start + 1) << 8;
}

struct gd_node *gd_platform_add_node(struct gd_platform *p, enum gd_node_kind kind, size_t size)
{
	struct gd_node *n = gd_arena_alloc(&p->arena, size);
	n->kind = kind;
	switch (kind) {
	case GD_NODE_ITS:
		n->index = p->n_its;
		*GD_ARRAY_PUSH(&p->arena, p->its, p->n_its, p->cap_its) = (struct gd_its *)n;
		break;
	case GD_NODE_SMMU:
		n->index = p->n_smmus;
		*GD_ARRAY_PUSH(&p->arena, p->smmus, p->n_smmus, p->cap_smmus) = (struct gd_smmu *)n;
		break;
	case GD_NODE_ROOT_COMPLEX:
		n->index = p->n_rcs;
		*GD_ARRAY_PUSH(&p->arena, p->rcs, p->n_rcs, p->cap_rcs) =
		    (struct gd_root_complex *)n;
		break;
	case GD_NODE_NAMED_COMPONENT:
		n->index = p->n_ncs;
		*GD_ARRAY_PUSH(&p->arena, p->ncs, p->n_ncs, p->cap_ncs) =
		    (struct gd_named_component *)n;
		break;
	}
	return n;
}

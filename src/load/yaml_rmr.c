/* SPDX-License-Identifier: MIT */
/*
 * yaml_rmr.c - rmrs: reserved memory ranges (IORT RMR node, IORT E.e
 * §3.1.1.7): each a name, its flags, its memory ranges and the StreamIDs of
 * the SMMUs they are reserved for.
 */
#include <string.h>

#include "load/yaml_platform.h"

/* RMR flags bits [9:2] (IORT E.e §3.1.1.7 table 21), as Linux names the memory types. */
static const struct gd_yenum rmr_access[] = {
    {"device-ngnrne", GD_RMR_DEVICE_NGNRNE},
    {"device-ngnre", GD_RMR_DEVICE_NGNRE},
    {"device-ngre", GD_RMR_DEVICE_NGRE},
    {"device-gre", GD_RMR_DEVICE_GRE},
    {"normal-nc", GD_RMR_NORMAL_NC},
    {"normal-wb", GD_RMR_NORMAL_WB},
    {NULL, 0},
};

static const struct gd_yfield range_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_rmr_range, base), .required = true},
    {"length", GD_YF_BYTES, GD_YF_AT(struct gd_rmr_range, length), .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_ranges(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                         const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {range_fields, NULL};
	struct gd_rmr *r = obj;
	int rc = 0;
	(void)f;
	if (gd_yseq_check(c, v, "memory ranges"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_rmr_range *m =
		    GD_ARRAY_PUSH(&c->p->arena, r->ranges, r->n_ranges, r->cap_ranges);
		m->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "memory range", tables, m))
			rc = -1;
	}
	return rc;
}

/* The SMMU of a stream-ids: entry, resolved with the other references. */
static int decode_iommu(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	(void)f;
	return gd_yaml_reference(c, v, obj, false, true);
}

static const struct gd_yfield stream_id_fields[] = {
    {"iommu", GD_YF_CUSTOM, .decode = decode_iommu, .required = true},
    {"base", GD_YF_UINT, GD_YF_AT(struct gd_id_map, input_base), .required = true},
    {"count", GD_YF_UINT, GD_YF_AT(struct gd_id_map, count), .min = 1, .max = 1ull << 32},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_stream_ids(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {stream_id_fields, NULL};
	struct gd_rmr *r = obj;
	int rc = 0;
	(void)f;
	if (gd_yseq_check(c, v, "StreamID ranges"))
		return -1;
	/* Allocated once, so the references recorded into it stay valid. */
	r->stream_ids = gd_arena_alloc(&c->p->arena, v->n_items * sizeof(*r->stream_ids));
	r->n_stream_ids = r->cap_stream_ids = v->n_items;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_id_map *m = &r->stream_ids[i];
		m->loc = gd_yloc(c, v->items[i]);
		m->count = 1;
		if (gd_ymap_decode(c, v->items[i], "StreamID range", tables, m))
			rc = -1;
		m->output_base = m->input_base;
	}
	return rc;
}

static int decode_rmr_name(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	struct gd_rmr *r = obj;
	(void)f;
	r->name = gd_yaml_name(c, v, "");
	if (!r->name)
		return -1;
	for (size_t i = 0; i < c->p->n_rmrs; i++)
		if (c->p->rmrs[i] != r && c->p->rmrs[i]->name &&
		    strcmp(c->p->rmrs[i]->name, r->name) == 0) {
			gd_yerror(c, v, "yaml-duplicate-name",
			          "name '%s' is already used by the RMR at line %u", r->name,
			          (unsigned)c->p->rmrs[i]->loc.line);
			return -1;
		}
	r->name = gd_arena_strdup(&c->p->arena, r->name);
	return 0;
}

static const struct gd_yfield rmr_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = decode_rmr_name, .required = true},
    {"remap-permitted", GD_YF_BOOL, GD_YF_AT(struct gd_rmr, remap_permitted)},
    {"access-privileged", GD_YF_BOOL, GD_YF_AT(struct gd_rmr, access_privileged)},
    {"access", GD_YF_ENUM, GD_YF_AT(struct gd_rmr, access), .enums = rmr_access},
    {"ranges", GD_YF_CUSTOM, .decode = decode_ranges, .required = true},
    {"stream-ids", GD_YF_CUSTOM, .decode = decode_stream_ids},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_rmrs(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {rmr_fields, NULL};
	int rc = 0;
	(void)obj;
	(void)f;
	if (gd_yseq_check(c, v, "RMRs"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_rmr *r = gd_arena_alloc(&c->p->arena, sizeof(*r));
		r->loc = gd_yloc(c, v->items[i]);
		*GD_ARRAY_PUSH(&c->p->arena, c->p->rmrs, c->p->n_rmrs, c->p->cap_rmrs) = r;
		if (gd_ymap_decode(c, v->items[i], "RMR", tables, r))
			rc = -1;
	}
	return rc;
}

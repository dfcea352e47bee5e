/* SPDX-License-Identifier: MIT */
/*
 * yaml_decl.c - what a description declares of some RIDs of a root complex,
 * with its reason: DMA alias groups (dma-aliases:) and unpopulated RIDs
 * (unpopulated-rids:). Neither DT nor IORT can say either; see struct
 * gd_id_decl.
 */
#include "load/yaml_platform.h"

/* One item of rids: a RID, or [first, last] (0 .. 0xffff, first <= last). */
static int decode_rid_item(struct gd_yctx *c, const struct gd_ynode *v, struct gd_id_decl *decl)
{
	uint64_t ends[2];

	if (v->kind == GD_YSEQ) {
		if (v->n_items != 2) {
			gd_yerror(c, v, "yaml-type",
			          "rids: expected a RID or a list [first, last]");
			return -1;
		}
		if (gd_yuint(c, v->items[0], 16, false, &ends[0]) ||
		    gd_yuint(c, v->items[1], 16, false, &ends[1]))
			return -1;
		if (ends[0] > ends[1]) {
			gd_yerror(c, v, "yaml-value",
			          "rids: first RID 0x%04llx is after last 0x%04llx",
			          (unsigned long long)ends[0], (unsigned long long)ends[1]);
			return -1;
		}
	} else {
		if (gd_yuint(c, v, 16, false, &ends[0]))
			return -1;
		ends[1] = ends[0];
	}
	struct gd_id_range *r =
	    GD_ARRAY_PUSH(&c->p->arena, decl->ranges, decl->n_ranges, decl->cap_ranges);
	r->base = (uint32_t)ends[0];
	r->count = ends[1] - ends[0] + 1;
	return 0;
}

static int decode_rids(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	struct gd_id_decl *decl = obj;
	int rc = 0;

	(void)f;
	if (gd_yseq_check(c, v, "RIDs"))
		return -1;
	if (v->n_items == 0) {
		gd_yerror(c, v, "yaml-value", "rids: expected at least one RID");
		return -1;
	}
	for (size_t i = 0; i < v->n_items; i++)
		if (decode_rid_item(c, v->items[i], decl))
			rc = -1;
	return rc;
}

static const struct gd_yfield decl_fields[] = {
    {"rids", GD_YF_CUSTOM, .decode = decode_rids, .required = true},
    {"reason", GD_YF_STRING, GD_YF_AT(struct gd_id_decl, reason), .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* Decodes the list @v of declarations into *@decls (@what names an item in messages). */
static int decode_decls(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                        struct gd_id_decl **decls, size_t *n, size_t *cap)
{
	static const struct gd_yfield *const tables[] = {decl_fields, NULL};
	int rc = 0;

	if (gd_yseq_check(c, v, what))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_id_decl *d = GD_ARRAY_PUSH(&c->p->arena, *decls, *n, *cap);
		d->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], what, tables, d))
			rc = -1;
	}
	return rc;
}

int gd_yaml_decode_dma_aliases(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                               const struct gd_yfield *f)
{
	struct gd_root_complex *rc = obj;
	(void)f;
	return decode_decls(c, v, "DMA alias groups", &rc->dma_aliases, &rc->n_dma_aliases,
	                    &rc->cap_dma_aliases);
}

int gd_yaml_decode_unpopulated_rids(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                    const struct gd_yfield *f)
{
	struct gd_root_complex *rc = obj;
	(void)f;
	return decode_decls(c, v, "unpopulated RIDs", &rc->unpopulated_rids,
	                    &rc->n_unpopulated_rids, &rc->cap_unpopulated_rids);
}

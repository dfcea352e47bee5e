/* SPDX-License-Identifier: MIT */
/*
 * yaml_waivers.c - waivers: reviewed findings accepted with a reason
 * (gicdesc(5) WAIVERS), in a description (its waivers: section) or in a
 * waivers file (--waivers FILE, "gicdesc-waivers: 1"), for DTB and ACPI
 * inputs, which cannot carry them.
 */
#include <stdio.h>
#include <string.h>

#include "load/load.h"
#include "load/yaml_platform.h"

static const struct gd_yfield ids_fields[] = {
    {"base", GD_YF_UINT, GD_YF_AT(struct gd_waiver, ids_base), .required = true},
    {"count", GD_YF_UINT, GD_YF_AT(struct gd_waiver, ids_count), .required = true, .min = 1,
     .max = 1ull << 32},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* ids: {base, count}: the IDs the finding must name. */
static int decode_ids(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                      const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {ids_fields, NULL};
	(void)f;
	return gd_ymap_decode(c, v, "waived IDs", tables, obj);
}

static const struct gd_yfield waiver_fields[] = {
    {"rule", GD_YF_STRING, GD_YF_AT(struct gd_waiver, rule), .required = true},
    {"node", GD_YF_STRING, GD_YF_AT(struct gd_waiver, node), .required = true},
    {"ids", GD_YF_CUSTOM, .decode = decode_ids},
    {"reason", GD_YF_STRING, GD_YF_AT(struct gd_waiver, reason), .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_waivers(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {waiver_fields, NULL};
	struct gd_platform *p = obj;
	int rc = 0;
	(void)f;
	if (gd_yseq_check(c, v, "waivers"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_waiver w = {.loc = gd_yloc(c, v->items[i])};
		if (gd_ymap_decode(c, v->items[i], "waiver", tables, &w)) {
			rc = -1;
			continue;
		}
		if (!w.reason[strspn(w.reason, " \t")]) {
			gd_yerror(c, v->items[i], "yaml-value",
			          "a waiver gives its reason: why the finding is accepted");
			rc = -1;
			continue;
		}
		*GD_ARRAY_PUSH(&p->arena, p->waivers, p->n_waivers, p->cap_waivers) = w;
	}
	return rc;
}

static const struct gd_yenum formats[] = {{"1", 1}, {NULL, 0}};

/* A waivers file: the format version and the list, decoded into a struct gd_platform. */
struct waivers_file {
	unsigned format;
};

static int decode_list(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	(void)obj;
	return gd_yaml_decode_waivers(c, v, c->p, f);
}

static const struct gd_yfield file_fields[] = {
    {"gicdesc-waivers", GD_YF_ENUM, GD_YF_AT(struct waivers_file, format), .enums = formats,
     .required = true},
    {"waivers", GD_YF_CUSTOM, .decode = decode_list, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_waivers_read(const char *path, struct gd_platform *holder, struct gd_diags *d)
{
	static const struct gd_yfield *const tables[] = {file_fields, NULL};
	struct gd_ytree tree = {0};
	struct waivers_file wf = {0};
	holder->file = gd_arena_strdup(&holder->arena, path);
	struct gd_yctx c = {.p = holder, .d = d, .file = holder->file};
	if (gd_ytree_read(path, &tree, d) != 0)
		return 2;
	if (!tree.root)
		gd_yerror(&c, NULL, "yaml-type",
		          "a waivers file is a mapping that starts with 'gicdesc-waivers: 1'");
	else
		gd_ymap_decode(&c, tree.root, "the waivers file", tables, &wf);
	gd_ytree_free(&tree);
	return c.errors ? 2 : 0;
}

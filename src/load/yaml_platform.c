/* SPDX-License-Identifier: MIT */
/*
 * yaml_platform.c - gd_load_yaml(): format 1 from the top: the format version,
 * platform:, acpi:, dt:, then the sections of yaml_gic.c and yaml_nodes.c,
 * then the output references of every ID mapping.
 */
#include <stdlib.h>
#include <string.h>

#include "load/load.h"
#include "load/text_file.h"
#include "load/yaml_platform.h"

/* name: the output file stem. */
static int decode_platform_name(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                const struct gd_yfield *f)
{
	(void)f;
	return gd_yaml_store_name(c, v, " is the output file stem",
	                          &((struct gd_platform *)obj)->name);
}

/*
 * A fixed-width ACPI header string (OEM ID 6, OEM Table ID 8, creator ID 4
 * characters; ACPI 6.5 §5.2.6): printable ASCII, padded with spaces. The
 * member is a char array of width + 1 (f->bits / 8).
 */
static int decode_acpi_id(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                          const struct gd_yfield *f)
{
	size_t width = f->bits / 8 - 1;
	const char *s = gd_ystring(c, v);

	if (!s)
		return -1;
	size_t len = strlen(s);
	if (len > width) {
		gd_yerror(c, v, "yaml-value", "%s: '%.40s' is longer than %zu characters", f->key,
		          s, width);
		return -1;
	}
	for (size_t i = 0; i < len; i++)
		if (s[i] < 0x20 || s[i] > 0x7E) {
			gd_yerror(c, v, "yaml-value", "%s: only printable ASCII characters",
			          f->key);
			return -1;
		}
	char *dst = (char *)obj + f->off;
	memset(dst, ' ', width);
	memcpy(dst, s, len);
	dst[width] = '\0';
	return 0;
}

static const struct gd_yfield platform_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = decode_platform_name, .required = true},
    {"oem-id", GD_YF_CUSTOM, GD_YF_AT(struct gd_platform, oem_id), .decode = decode_acpi_id,
     .required = true},
    {"oem-table-id", GD_YF_CUSTOM, GD_YF_AT(struct gd_platform, oem_table_id),
     .decode = decode_acpi_id, .required = true},
    {"oem-revision", GD_YF_UINT, GD_YF_AT(struct gd_platform, oem_revision)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static const struct gd_yenum iort_revisions[] = {{"0", 0}, {"3", 3}, {"5", 5},
                                                 {"6", 6}, {"7", 7}, {NULL, 0}};

static const struct gd_yfield acpi_fields[] = {
    {"iort-revision", GD_YF_ENUM, GD_YF_AT(struct gd_platform, acpi.iort_revision),
     .enums = iort_revisions},
    {"madt-revision", GD_YF_UINT, GD_YF_AT(struct gd_platform, acpi.madt_revision), .min = 3,
     .max = 7},
    {"creator-id", GD_YF_CUSTOM, GD_YF_AT(struct gd_platform, acpi.creator_id),
     .decode = decode_acpi_id},
    {"creator-revision", GD_YF_UINT, GD_YF_AT(struct gd_platform, acpi.creator_revision)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* dt: compatible: the root node's compatible list, most specific first. */
static int decode_dt_compatible(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                const struct gd_yfield *f)
{
	struct gd_dt_opts *dt = &((struct gd_platform *)obj)->dt;
	(void)f;
	return gd_ystrings(c, v, &dt->compatible, &dt->n_compatible, &dt->cap_compatible);
}

static const struct gd_yfield dt_fields[] = {
    {"model", GD_YF_STRING, GD_YF_AT(struct gd_platform, dt.model)},
    {"compatible", GD_YF_CUSTOM, .decode = decode_dt_compatible},
    {"pmu-compatible", GD_YF_CUSTOM, .off = offsetof(struct gd_platform, dt.pmu_compatible),
     .decode = gd_yaml_decode_string_list},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_section(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                          const struct gd_yfield *fields, void *obj)
{
	const struct gd_yfield *const tables[] = {fields, NULL};
	return gd_ymap_decode(c, v, what, tables, obj);
}

static int decode_platform(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	return decode_section(c, v, f->key, platform_fields, obj);
}

static int decode_acpi(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	return decode_section(c, v, f->key, acpi_fields, obj);
}

static int decode_dt(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                     const struct gd_yfield *f)
{
	return decode_section(c, v, f->key, dt_fields, obj);
}

/* gicdesc: checked by check_format_version() before anything else. */
static int decode_checked(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                          const struct gd_yfield *f)
{
	(void)c;
	(void)v;
	(void)obj;
	(void)f;
	return 0;
}

static const struct gd_yfield top_fields[] = {
    {"gicdesc", GD_YF_CUSTOM, .decode = decode_checked, .required = true},
    {"platform", GD_YF_CUSTOM, .decode = decode_platform, .required = true},
    {"acpi", GD_YF_CUSTOM, .decode = decode_acpi},
    {"dt", GD_YF_CUSTOM, .decode = decode_dt},
    {"gic", GD_YF_CUSTOM, .decode = gd_yaml_decode_gic, .required = true},
    {"iommus", GD_YF_CUSTOM, .decode = gd_yaml_decode_iommus, .item = gd_yaml_decode_iommu},
    {"root-complexes", GD_YF_CUSTOM, .decode = gd_yaml_decode_root_complexes,
     .item = gd_yaml_decode_root_complex},
    {"named-components", GD_YF_CUSTOM, .decode = gd_yaml_decode_named_components,
     .item = gd_yaml_decode_named_component},
    {"pmcgs", GD_YF_CUSTOM, .decode = gd_yaml_decode_pmcgs},
    {"iwbs", GD_YF_CUSTOM, .decode = gd_yaml_decode_iwbs},
    {"rmrs", GD_YF_CUSTOM, .decode = gd_yaml_decode_rmrs},
    {"devices", GD_YF_CUSTOM, .decode = gd_yaml_decode_devices},
    {"waivers", GD_YF_CUSTOM, .decode = gd_yaml_decode_waivers},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* The format version comes first: a description of another format is not read further. */
static int check_format_version(struct gd_yctx *c, const struct gd_ynode *root)
{
	const struct gd_ynode *v;
	uint64_t version;

	if (!root || root->kind != GD_YMAP) {
		gd_yerror(c, root, "yaml-type",
		          "a description is a mapping that starts with 'gicdesc: 1'");
		return -1;
	}
	v = gd_ymap_get(root, "gicdesc");
	if (!v) {
		gd_yerror(
		    c, root, "yaml-missing-key",
		    "missing required key 'gicdesc' (the format version: write 'gicdesc: 1')");
		return -1;
	}
	if (v->kind == GD_YSCALAR && !strcmp(v->text, "1"))
		return 0;
	if (v->kind == GD_YSCALAR && !gd_yuint(c, v, 64, false, &version))
		gd_yerror(c, v, "yaml-format-version",
		          "format version %s is not supported; this gicdesc reads format 1",
		          v->text);
	else if (v->kind != GD_YSCALAR)
		gd_yerror(c, v, "yaml-type", "gicdesc: expected the format version 1");
	return -1;
}

/* acpi: iort-revision not stated (no IORT revision is 255); madt-revision not stated is 0. */
#define IORT_REVISION_UNSTATED 255

static void platform_defaults(struct gd_platform *p, const char *path)
{
	p->file = path;
	p->oem_revision = 1;
	p->acpi.iort_revision = IORT_REVISION_UNSTATED;
	p->acpi.madt_revision = 0;
	memcpy(p->acpi.creator_id, "GICD", 5);
	p->acpi.creator_revision = 1;
	p->gic_version = GD_GIC_V3;
}

/*
 * Loading while the document is read: once the first pair is a good
 * 'gicdesc: 1', each later pair of the root is decoded as soon as it is read
 * and its nodes freed, so a description never sits whole in memory as a
 * tree. Diagnostics wait in @pending until the document proves to be
 * well-formed YAML: a syntax error at its end reports that alone, as when
 * the tree is read whole. Otherwise (no 'gicdesc' first) pairs stay in the
 * tree for gd_load_yaml_mem() to decode whole.
 */
struct stream {
	struct gd_yctx *c;
	struct gd_ymap_state st;
	struct gd_diags pending;
	bool started, streaming;
};

static bool each_pair(void *arg, const struct gd_ynode *key, const struct gd_ynode *value)
{
	static const struct gd_yfield *const tables[] = {top_fields, NULL};
	struct stream *s = arg;

	if (!s->started) {
		s->started = true;
		if (strcmp(key->text, "gicdesc") || value->kind != GD_YSCALAR ||
		    strcmp(value->text, "1"))
			return false;
		s->streaming = true;
		s->c->d = &s->pending;
		gd_ymap_begin(&s->st, "the description", tables, s->c->p);
	}
	if (!s->streaming)
		return false;
	gd_ymap_pair(s->c, &s->st, key, value);
	return true;
}

/*
 * An item of a list of the root, while streaming: decoded at once through
 * its field's item decoder when the list is the first value of a key that
 * has one (a duplicate key is reported whole by gd_ymap_pair(), as before).
 * The list reaches each_pair() with the items left, none.
 */
static bool each_item(void *arg, const struct gd_ynode *key, const struct gd_ynode *item)
{
	struct stream *s = arg;
	size_t k = 0;

	if (!s->streaming)
		return false;
	while (k < s->st.n && strcmp(s->st.fields[k]->key, key->text))
		k++;
	if (k == s->st.n || s->st.seen_line[k] || !s->st.fields[k]->item)
		return false;
	if (s->st.fields[k]->item(s->c, item))
		s->c->items_rc = -1;
	return true;
}

/*
 * The table revisions a description does not state: IORT 3 (E.b) and MADT 5;
 * on a GICv5 7 and 7, the first that describe it (IORT E.g: IWB nodes; ACPI
 * 6.7: IRS, GICv5 ITS and translate frame structures, the GICC's IAFFID).
 */
static void revision_defaults(struct gd_platform *p)
{
	bool v5 = p->gic_version == GD_GIC_V5;
	if (p->acpi.iort_revision == IORT_REVISION_UNSTATED)
		p->acpi.iort_revision = v5 ? 7 : 3;
	if (!p->acpi.madt_revision)
		p->acpi.madt_revision = v5 ? 7 : 5;
}

int gd_load_yaml_mem(const char *name, const char *text, size_t len, struct gd_platform *p,
                     struct gd_diags *d)
{
	static const struct gd_yfield *const tables[] = {top_fields, NULL};
	struct gd_ytree t = {0};
	struct gd_yctx c = {.p = p, .d = d, .file = name};
	struct stream s = {.c = &c};

	platform_defaults(p, name);
	int status = gd_ytree_parse_each(name, text, len, &t, d, each_pair, each_item, &s);
	c.d = d;
	bool decoded = status == 0 && s.streaming;
	if (decoded) {
		gd_diags_move(d, &s.pending);
		gd_ymap_end(&c, &s.st, t.root);
	} else if (status == 0 && check_format_version(&c, t.root) == 0) {
		gd_ymap_decode(&c, t.root, "the description", tables, p);
		decoded = true;
	}
	if (decoded) {
		gd_yaml_resolve_references(&c);
		gd_yaml_pmcgs_finish(&c);
	}
	revision_defaults(p);
	gd_diags_free(&s.pending);
	free(c.refs);
	gd_ytree_free(&t);
	if (status == 0 && c.errors)
		status = 1;
	return status;
}

int gd_load_yaml(const char *path, struct gd_platform *p, struct gd_diags *d)
{
	char *text;
	size_t len;
	int status = gd_text_file_read(path, &text, &len, d);

	if (status) {
		platform_defaults(p, path);
		revision_defaults(p);
		return status;
	}
	status = gd_load_yaml_mem(path, text, len, p, d);
	free(text);
	return status;
}

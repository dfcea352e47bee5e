/* SPDX-License-Identifier: MIT */
#include "load/yaml_decode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load/yaml_scalar.h"

struct gd_loc gd_yloc(const struct gd_yctx *c, const struct gd_ynode *n)
{
	struct gd_loc loc = {.file = c->file, .line = 1, .col = 1};
	if (n) {
		loc.line = n->line;
		loc.col = n->col;
	}
	return loc;
}

static void verror(struct gd_yctx *c, const struct gd_loc *loc, const char *rule, const char *fmt,
                   va_list ap) __attribute__((format(printf, 4, 0)));

static void verror(struct gd_yctx *c, const struct gd_loc *loc, const char *rule, const char *fmt,
                   va_list ap)
{
	if (c->errors++ >= GD_YAML_MAX_ERRORS) {
		if (c->errors == GD_YAML_MAX_ERRORS + 1)
			gd_diag_add(c->d, GD_SEV_NOTE, NULL, loc,
			            "more than %u errors; the rest are not shown",
			            GD_YAML_MAX_ERRORS);
		return;
	}
	gd_diag_vadd(c->d, GD_SEV_ERROR, rule, loc, fmt, ap);
}

void gd_yerror(struct gd_yctx *c, const struct gd_ynode *at, const char *rule, const char *fmt, ...)
{
	struct gd_loc loc = gd_yloc(c, at);
	va_list ap;
	va_start(ap, fmt);
	verror(c, &loc, rule, fmt, ap);
	va_end(ap);
}

void gd_yerror_loc(struct gd_yctx *c, const struct gd_loc *loc, const char *rule, const char *fmt,
                   ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(c, loc, rule, fmt, ap);
	va_end(ap);
}

static void wrong_type(struct gd_yctx *c, const struct gd_ynode *v, const char *expected)
{
	if (v->kind == GD_YSCALAR)
		gd_yerror(c, v, "yaml-type", "expected %s, found '%.40s'", expected, v->text);
	else
		gd_yerror(c, v, "yaml-type", "expected %s, found %s", expected,
		          gd_ynode_kind_name(v->kind));
}

int gd_yseq_check(struct gd_yctx *c, const struct gd_ynode *v, const char *what)
{
	if (v->kind == GD_YSEQ)
		return 0;
	gd_yerror(c, v, "yaml-type", "expected a list of %s, found %s", what,
	          v->kind == GD_YSCALAR ? "a scalar" : gd_ynode_kind_name(v->kind));
	return -1;
}

int gd_ystrings(struct gd_yctx *c, const struct gd_ynode *v, const char ***list, size_t *n,
                size_t *cap)
{
	int rc = 0;
	if (gd_yseq_check(c, v, "strings"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		const char *s = gd_ystring(c, v->items[i]);
		if (!s) {
			rc = -1;
			continue;
		}
		*GD_ARRAY_PUSH(&c->p->arena, *list, *n, *cap) = gd_arena_strdup(&c->p->arena, s);
	}
	return rc;
}

int gd_yaml_decode_multi_msi(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	uint64_t n;

	(void)f;
	if (gd_yuint(c, v, 32, false, &n))
		return -1;
	if (n == 0 || n > 32 || (n & (n - 1))) {
		gd_yerror(c, v, "yaml-value",
		          "multi-msi: %s is no Multi-MSI block size (1, 2, 4, 8, 16 or 32 vectors; "
		          "PCI MSI Multiple Message Enable)",
		          v->text);
		return -1;
	}
	((struct gd_intid_range *)obj)->multi_msi = (uint32_t)n;
	return 0;
}

int gd_yaml_decode_intid_ranges(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                                const struct gd_yfield *fields, struct gd_intid_range **ranges,
                                size_t *n, size_t *cap)
{
	const struct gd_yfield *const tables[] = {fields, NULL};
	char list[64];
	int status = 0;

	snprintf(list, sizeof(list), "%ss", what);
	if (gd_yseq_check(c, v, list))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_intid_range *r = GD_ARRAY_PUSH(&c->p->arena, *ranges, *n, *cap);
		r->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], what, tables, r))
			status = -1;
	}
	return status;
}

int gd_yuint(struct gd_yctx *c, const struct gd_ynode *v, unsigned bits, bool bytes, uint64_t *out)
{
	const char *why;

	if (v->kind != GD_YSCALAR) {
		wrong_type(c, v, "a number");
		return -1;
	}
	if (gd_yscalar_uint(v->text, bytes, out, &why)) {
		gd_yerror(c, v, "yaml-number", "%s: '%.40s'", why, v->text);
		return -1;
	}
	if (bits < 64 && *out >> bits) {
		gd_yerror(c, v, "yaml-number", "number does not fit in %u bits: %s", bits, v->text);
		return -1;
	}
	return 0;
}

const char *gd_ystring(struct gd_yctx *c, const struct gd_ynode *v)
{
	if (v->kind != GD_YSCALAR || (v->plain && gd_yscalar_plain_is_not_string(v->text))) {
		wrong_type(c, v, v->kind == GD_YSCALAR ? "a string (quote it)" : "a string");
		return NULL;
	}
	return v->text;
}

static void store_uint(void *obj, const struct gd_yfield *f, uint64_t v)
{
	char *p = (char *)obj + f->off;
	switch (f->bits) {
	case 8: {
		uint8_t x = (uint8_t)v;
		memcpy(p, &x, 1);
		break;
	}
	case 16: {
		uint16_t x = (uint16_t)v;
		memcpy(p, &x, 2);
		break;
	}
	case 32: {
		uint32_t x = (uint32_t)v;
		memcpy(p, &x, 4);
		break;
	}
	default:
		memcpy(p, &v, 8);
		break;
	}
}

static void set_flag(void *obj, size_t off, bool v)
{
	if (off)
		*(bool *)((char *)obj + off) = v;
}

static int decode_enum(struct gd_yctx *c, const struct gd_ynode *v, const struct gd_yfield *f,
                       void *obj)
{
	char names[256] = "";

	if (v->kind == GD_YSCALAR)
		for (const struct gd_yenum *e = f->enums; e->name; e++)
			if (!strcmp(v->text, e->name)) {
				store_uint(obj, f, e->value);
				return 0;
			}
	for (const struct gd_yenum *e = f->enums; e->name; e++) {
		size_t len = strlen(names);
		snprintf(names + len, sizeof(names) - len, "%s%s", len ? ", " : "", e->name);
	}
	if (v->kind == GD_YSCALAR)
		gd_yerror(c, v, "yaml-value", "%s: '%.40s' is not one of %s", f->key, v->text,
		          names);
	else
		gd_yerror(c, v, "yaml-type", "%s: expected one of %s, found %s", f->key, names,
		          gd_ynode_kind_name(v->kind));
	return -1;
}

/* An interrupt written as a mapping: exactly one of ppi/spi/intid, and a trigger mode. */
struct intid_spec {
	uint32_t ppi, spi, intid;
	bool has_ppi, has_spi, has_intid;
	uint32_t edge;
};

static const struct gd_yenum trigger_names[] = {{"level", 0}, {"edge", 1}, {NULL, 0}};

/*
 * PPI n is INTID 16 + n (n < 16); SPI n is INTID 32 + n (INTID <= 1019): GIC
 * arch §2.2. On a GICv5 (gic: version: 5 decoded first) PPI n is the typed
 * INTID GD_V5_INTID(GD_V5_PPI, n), n < 128, and SPI n GD_V5_INTID(GD_V5_SPI,
 * n), n < 2^24 (GICv5 architecture, AES0070, INTID types).
 */
static const struct gd_yfield intid_type_fields[] = {
    {"ppi", GD_YF_UINT, GD_YF_AT(struct intid_spec, ppi), .max = 15,
     .flag_off = offsetof(struct intid_spec, has_ppi)},
    {"spi", GD_YF_UINT, GD_YF_AT(struct intid_spec, spi), .max = 987,
     .flag_off = offsetof(struct intid_spec, has_spi)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static const struct gd_yfield intid_v5_type_fields[] = {
    {"ppi", GD_YF_UINT, GD_YF_AT(struct intid_spec, ppi), .max = 127,
     .flag_off = offsetof(struct intid_spec, has_ppi)},
    {"spi", GD_YF_UINT, GD_YF_AT(struct intid_spec, spi), .max = 0xffffff,
     .flag_off = offsetof(struct intid_spec, has_spi)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static const struct gd_yfield intid_fields[] = {
    {"intid", GD_YF_UINT, GD_YF_AT(struct intid_spec, intid),
     .flag_off = offsetof(struct intid_spec, has_intid)},
    {"trigger", GD_YF_ENUM, GD_YF_AT(struct intid_spec, edge), .enums = trigger_names},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static int decode_intid(struct gd_yctx *c, const struct gd_ynode *v, const struct gd_yfield *f,
                        void *obj)
{
	uint64_t intid;

	if (v->kind != GD_YMAP) {
		if (gd_yuint(c, v, f->bits, false, &intid))
			return -1;
		store_uint(obj, f, intid);
		set_flag(obj, f->flag_off, false);
		return 0;
	}
	struct intid_spec s = {0};
	bool v5 = c->p->gic_version == GD_GIC_V5;
	const struct gd_yfield *const tables[] = {v5 ? intid_v5_type_fields : intid_type_fields,
	                                          intid_fields, NULL};
	if (gd_ymap_decode(c, v, f->key, tables, &s))
		return -1;
	if (s.has_ppi + s.has_spi + s.has_intid != 1) {
		gd_yerror(c, v, "yaml-value", "%s: give exactly one of ppi, spi or intid", f->key);
		return -1;
	}
	if (!f->flag_off && gd_ymap_get(v, "trigger")) {
		gd_yerror(c, gd_ymap_get(v, "trigger"), "yaml-value",
		          "%s: its trigger mode is not part of the description", f->key);
		return -1;
	}
	if (v5)
		intid = s.has_ppi   ? GD_V5_INTID(GD_V5_PPI, s.ppi)
		        : s.has_spi ? GD_V5_INTID(GD_V5_SPI, s.spi)
		                    : s.intid;
	else
		intid = s.has_ppi ? 16u + s.ppi : s.has_spi ? 32u + s.spi : s.intid;
	if (f->bits < 64 && intid >> f->bits) {
		gd_yerror(c, v, "yaml-number", "%s: INTID %llu does not fit in %u bits", f->key,
		          (unsigned long long)intid, f->bits);
		return -1;
	}
	store_uint(obj, f, intid);
	set_flag(obj, f->flag_off, s.edge != 0);
	return 0;
}

int gd_yfield_decode(struct gd_yctx *c, const struct gd_ynode *v, const struct gd_yfield *f,
                     void *obj)
{
	uint64_t n;
	bool b;
	const char *s;

	switch (f->type) {
	case GD_YF_UINT:
	case GD_YF_BYTES:
		if (gd_yuint(c, v, f->bits, f->type == GD_YF_BYTES, &n))
			return -1;
		if (f->max && (n < f->min || n > f->max)) {
			gd_yerror(c, v, "yaml-value", "%s: %s is outside %llu..%llu", f->key,
			          v->text, (unsigned long long)f->min, (unsigned long long)f->max);
			return -1;
		}
		store_uint(obj, f, n);
		set_flag(obj, f->flag_off, true);
		return 0;
	case GD_YF_BOOL:
		if (v->kind != GD_YSCALAR || gd_yscalar_bool(v->text, v->plain, &b)) {
			wrong_type(c, v, "true or false");
			return -1;
		}
		*(bool *)((char *)obj + f->off) = b;
		return 0;
	case GD_YF_STRING:
		s = gd_ystring(c, v);
		if (!s)
			return -1;
		*(const char **)((char *)obj + f->off) = gd_arena_strdup(&c->p->arena, s);
		return 0;
	case GD_YF_ENUM:
		return decode_enum(c, v, f, obj);
	case GD_YF_INTID:
		return decode_intid(c, v, f, obj);
	case GD_YF_CUSTOM:
		return f->decode(c, v, obj, f);
	}
	return -1;
}

const struct gd_ynode *gd_ymap_get(const struct gd_ynode *map, const char *key)
{
	if (map->kind != GD_YMAP)
		return NULL;
	for (size_t i = 0; i < map->n_pairs; i++)
		if (!strcmp(map->pairs[i].key->text, key))
			return map->pairs[i].value;
	return NULL;
}

/* Levenshtein distance of two short strings (keys are < 64 characters). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];

	if (la >= 64 || lb >= 64)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static void unknown_key(struct gd_yctx *c, const struct gd_ynode *key, const char *what,
                        const struct gd_yfield *const *tables)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (size_t t = 0; tables[t]; t++)
		for (const struct gd_yfield *f = tables[t]; f->key; f++) {
			size_t dist = edit_distance(key->text, f->key);
			/* An abbreviation ("oem-rev") counts as close. */
			if (key->len >= 3 && !strncmp(f->key, key->text, key->len))
				dist = 1;
			if (dist < best_d) {
				best_d = dist;
				best = f->key;
			}
		}
	if (best)
		gd_yerror(c, key, "yaml-unknown-key",
		          "unknown key '%.40s' in %s; did you mean '%s'?", key->text, what, best);
	else
		gd_yerror(c, key, "yaml-unknown-key", "unknown key '%.40s' in %s", key->text, what);
}

void gd_ymap_begin(struct gd_ymap_state *st, const char *what,
                   const struct gd_yfield *const *tables, void *obj)
{
	st->what = what;
	st->tables = tables;
	st->obj = obj;
	st->n = 0;
	st->rc = 0;
	memset(st->seen_line, 0, sizeof(st->seen_line));
	for (size_t t = 0; tables[t]; t++)
		for (const struct gd_yfield *f = tables[t]; f->key && st->n < GD_YMAP_MAX_FIELDS;
		     f++)
			st->fields[st->n++] = f;
}

void gd_ymap_pair(struct gd_yctx *c, struct gd_ymap_state *st, const struct gd_ynode *key,
                  const struct gd_ynode *value)
{
	size_t k = 0;
	while (k < st->n && strcmp(st->fields[k]->key, key->text))
		k++;
	if (k == st->n) {
		unknown_key(c, key, st->what, st->tables);
		st->rc = -1;
	} else if (st->seen_line[k]) {
		gd_yerror(c, key, "yaml-duplicate-key",
		          "duplicate key '%s' in %s (first at line %u)", key->text, st->what,
		          (unsigned)st->seen_line[k]);
		st->rc = -1;
	} else {
		st->seen_line[k] = key->line;
		if (gd_yfield_decode(c, value, st->fields[k], st->obj))
			st->rc = -1;
	}
}

int gd_ymap_end(struct gd_yctx *c, struct gd_ymap_state *st, const struct gd_ynode *map)
{
	for (size_t k = 0; k < st->n; k++)
		if (st->fields[k]->required && !st->seen_line[k]) {
			gd_yerror(c, map, "yaml-missing-key", "%s: missing required key '%s'",
			          st->what, st->fields[k]->key);
			st->rc = -1;
		}
	return st->rc;
}

int gd_ymap_decode(struct gd_yctx *c, const struct gd_ynode *map, const char *what,
                   const struct gd_yfield *const *tables, void *obj)
{
	struct gd_ymap_state st;

	if (map->kind != GD_YMAP) {
		gd_yerror(c, map, "yaml-type", "%s: expected a mapping, found %s", what,
		          map->kind == GD_YSCALAR ? "a scalar" : gd_ynode_kind_name(map->kind));
		return -1;
	}
	gd_ymap_begin(&st, what, tables, obj);
	for (size_t i = 0; i < map->n_pairs; i++)
		gd_ymap_pair(c, &st, map->pairs[i].key, map->pairs[i].value);
	return gd_ymap_end(c, &st, map);
}

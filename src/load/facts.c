/* SPDX-License-Identifier: MIT */
/*
 * facts.c - the one place facts a format cannot state are lent (facts.h):
 * facts given by the user (values checked once for the options and the
 * facts file alike, per-ITS matching, notes, loader options), the default
 * policy every loader shares (gd_load_options_complete()), and what a YAML
 * description lends the firmware checked beside it (gd_load_lend()).
 */
#include "load/facts.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/yaml_decode.h"
#include "load/yaml_scalar.h"

bool gd_its_fact_matches(const struct gd_its_fact *f, uint32_t its_id, uint64_t base,
                         const char *dt_path)
{
	if (f->has_its_id && f->its_id != its_id)
		return false;
	if (f->has_base && f->base != base)
		return false;
	if (f->dt_path && (!dt_path || strcmp(f->dt_path, dt_path)))
		return false;
	return f->has_its_id || f->has_base || f->dt_path;
}

uint32_t gd_its_fact_width(const struct gd_its_fact *v, size_t n, uint32_t its_id, uint64_t base,
                           const char *dt_path, bool event, uint32_t every)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t w = event ? v[i].event_id_bits : v[i].device_id_bits;
		if (w && gd_its_fact_matches(&v[i], its_id, base, dt_path))
			return w;
	}
	return every;
}

/* A platform-wide fact: its key (option and file alike), member, range, words around its value. */
struct fact_key {
	const char *key;
	size_t off; /* of its struct gd_fact in struct gd_facts */
	uint32_t min, max;
	const char *before, *after;
};

static const struct fact_key fact_keys[] = {
    {"gic-version", offsetof(struct gd_facts, gic_version), 0, 0, "GIC version ", ""},
    {"spis", offsetof(struct gd_facts, spis), 32, 988, "", " SPIs"},
    {"intid-bits", offsetof(struct gd_facts, intid_bits), 14, 24, "", " INTID bits"},
    {"device-id-bits", offsetof(struct gd_facts, device_id_bits), 1, 32, "",
     " DeviceID bits, every ITS"},
    {"event-id-bits", offsetof(struct gd_facts, event_id_bits), 1, 32, "",
     " EventID bits, every ITS"},
};
#define N_FACT_KEYS (sizeof(fact_keys) / sizeof(fact_keys[0]))

static const struct fact_key *fact_key(const char *key)
{
	for (size_t i = 0; i < N_FACT_KEYS; i++)
		if (!strcmp(fact_keys[i].key, key))
			return &fact_keys[i];
	return NULL;
}

static struct gd_fact *fact_of(struct gd_facts *f, const struct fact_key *k)
{
	return (struct gd_fact *)(void *)((char *)f + k->off);
}

/*
 * Parses @text as the value of @k into *@out. Returns NULL, or why it is
 * no value of @k (the ranges of the rules spis-range and intid-bits-range,
 * of GITS_TYPER.Devbits and ID_bits).
 */
static const char *parse_value(const struct fact_key *k, const char *text, uint32_t *out)
{
	static const struct {
		const char *name;
		enum gd_gic_version v;
	} versions[] = {{"3", GD_GIC_V3}, {"4", GD_GIC_V4}, {"4.1", GD_GIC_V4_1}};
	uint64_t n;
	const char *why;

	if (!k->max) {
		for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
			if (!strcmp(text, versions[i].name)) {
				*out = (uint32_t)versions[i].v;
				return NULL;
			}
		return "must be 3, 4 or 4.1";
	}
	if (gd_yscalar_uint(text, false, &n, &why))
		return why;
	if (n < k->min || n > k->max)
		return k->min == 32   ? "must be a multiple of 32 from 32 to 960, or 988"
		       : k->min == 14 ? "must be 14 .. 24"
		                      : "must be 1 .. 32";
	if (k->min == 32 && n % 32 && n != 988)
		return "must be a multiple of 32 from 32 to 960, or 988";
	*out = (uint32_t)n;
	return NULL;
}

int gd_facts_option(struct gd_facts *f, const char *name, const char *arg, struct gd_diags *d)
{
	const struct fact_key *k = fact_key(name);
	uint32_t v = 0;
	const char *why = k ? parse_value(k, arg, &v) : "no such fact";
	if (why) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, NULL, "--%s %s: %s", name, arg, why);
		return 2;
	}
	struct gd_fact *fact = fact_of(f, k);
	*fact = (struct gd_fact){.given = true, .value = v, .option = k->key};
	return 0;
}

/* ---- the facts file ---- */

/* A platform-wide key of the file; an option given for it wins. */
static int decode_fact(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	const struct fact_key *k = fact_key(f->key);
	uint32_t value = 0;
	if (v->kind != GD_YSCALAR) {
		gd_yerror(c, v, "yaml-type", "%s: expected a scalar, found %s", f->key,
		          gd_ynode_kind_name(v->kind));
		return -1;
	}
	const char *why = parse_value(k, v->text, &value);
	if (why) {
		gd_yerror(c, v, "yaml-value", "%s: %s %s", f->key, v->text, why);
		return -1;
	}
	struct gd_fact *fact = fact_of(obj, k);
	if (!fact->option)
		*fact = (struct gd_fact){.given = true, .value = value, .loc = gd_yloc(c, v)};
	return 0;
}

/* dt-path: an absolute node path. */
static int decode_dt_path(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                          const struct gd_yfield *f)
{
	const char *s = gd_ystring(c, v);
	(void)f;
	if (!s)
		return -1;
	if (s[0] != '/') {
		gd_yerror(c, v, "yaml-value", "dt-path: '%.60s' is no node path (it starts with /)",
		          s);
		return -1;
	}
	((struct gd_its_fact *)obj)->dt_path = s; /* lives in the facts' tree */
	return 0;
}

static const struct gd_yfield its_fact_fields[] = {
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_its_fact, its_id),
     .flag_off = offsetof(struct gd_its_fact, has_its_id)},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_its_fact, base),
     .flag_off = offsetof(struct gd_its_fact, has_base)},
    {"dt-path", GD_YF_CUSTOM, .decode = decode_dt_path},
    {"device-id-bits", GD_YF_UINT, GD_YF_AT(struct gd_its_fact, device_id_bits), .min = 1,
     .max = 32},
    {"event-id-bits", GD_YF_UINT, GD_YF_AT(struct gd_its_fact, event_id_bits), .min = 1, .max = 32},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* its: a list of per-ITS facts, each naming its ITS and giving a width. */
static int decode_its(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                      const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {its_fact_fields, NULL};
	struct gd_facts *facts = obj;
	int status = 0;
	(void)f;
	if (gd_yseq_check(c, v, "ITS facts"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		const struct gd_ynode *item = v->items[i];
		struct gd_its_fact t = {.loc = gd_yloc(c, item)};
		if (gd_ymap_decode(c, item, "ITS fact", tables, &t)) {
			status = -1;
			continue;
		}
		if (!t.has_its_id && !t.has_base && !t.dt_path) {
			gd_yerror(c, item, "yaml-missing-key",
			          "an ITS fact names its ITS with id, base or dt-path");
			status = -1;
		} else if (!t.device_id_bits && !t.event_id_bits) {
			gd_yerror(c, item, "yaml-missing-key",
			          "an ITS fact gives device-id-bits or event-id-bits");
			status = -1;
		} else {
			if (facts->n_its == facts->cap_its) {
				facts->cap_its = facts->cap_its ? 2 * facts->cap_its : 8;
				facts->its = realloc(facts->its, facts->cap_its * sizeof(t));
				if (!facts->its) {
					fprintf(stderr, "gicdesc: error: out of memory\n");
					exit(2);
				}
			}
			facts->its[facts->n_its++] = t;
		}
	}
	return status;
}

static const struct gd_yenum formats[] = {{"1", 1}, {NULL, 0}};

static const struct gd_yfield facts_fields[] = {
    {"gicdesc-facts", GD_YF_ENUM, GD_YF_AT(struct gd_facts, format), .enums = formats,
     .required = true},
    {"gic-version", GD_YF_CUSTOM, .decode = decode_fact},
    {"spis", GD_YF_CUSTOM, .decode = decode_fact},
    {"intid-bits", GD_YF_CUSTOM, .decode = decode_fact},
    {"device-id-bits", GD_YF_CUSTOM, .decode = decode_fact},
    {"event-id-bits", GD_YF_CUSTOM, .decode = decode_fact},
    {"its", GD_YF_CUSTOM, .decode = decode_its},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_facts_read(struct gd_facts *f, const char *path, struct gd_diags *d)
{
	static const struct gd_yfield *const tables[] = {facts_fields, NULL};
	if (f->file) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, NULL,
		            "--facts %s: one facts file only (%s is one)", path, f->file);
		return 2;
	}
	f->file = path;
	if (gd_ytree_read(path, &f->tree, d) != 0)
		return 2;
	struct gd_yctx c = {.d = d, .file = path};
	if (!f->tree.root) {
		gd_yerror(&c, NULL, "yaml-type",
		          "a facts file is a mapping that starts with "
		          "'gicdesc-facts: 1'");
		return 2;
	}
	gd_ymap_decode(&c, f->tree.root, "the facts file", tables, f);
	return c.errors ? 2 : 0;
}

/* ---- using them ---- */

bool gd_facts_empty(const struct gd_facts *f)
{
	for (size_t i = 0; i < N_FACT_KEYS; i++)
		if (fact_of((struct gd_facts *)f, &fact_keys[i])->given)
			return false;
	return !f->n_its;
}

/* The value of @fact, 0 when not given (the loaders' "default"). */
static uint32_t value(const struct gd_fact *fact)
{
	return fact->given ? fact->value : 0;
}

void gd_facts_load_options(const struct gd_facts *f, struct gd_load_options *o)
{
	*o = (struct gd_load_options){
	    .gic_version = (enum gd_gic_version)value(&f->gic_version),
	    .spis = value(&f->spis),
	    .intid_bits = value(&f->intid_bits),
	    .device_id_bits = value(&f->device_id_bits),
	    .event_id_bits = value(&f->event_id_bits),
	    .its = f->its,
	    .n_its = f->n_its,
	};
}

/* "the ITS with ID 0, base 0x8080000, DT path /a/b" into @buf. */
static void its_words(const struct gd_its_fact *t, char *buf, size_t size)
{
	int n = snprintf(buf, size, "the ITS with");
	const char *sep = " ";
	if (t->has_its_id && n >= 0 && (size_t)n < size) {
		n += snprintf(buf + n, size - (size_t)n, "%sID %u", sep, (unsigned)t->its_id);
		sep = ", ";
	}
	if (t->has_base && n >= 0 && (size_t)n < size) {
		n += snprintf(buf + n, size - (size_t)n, "%sbase 0x%llx", sep,
		              (unsigned long long)t->base);
		sep = ", ";
	}
	if (t->dt_path && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%sDT path %s", sep, t->dt_path);
}

void gd_facts_note(const struct gd_facts *f, struct gd_diags *d)
{
	for (size_t i = 0; i < N_FACT_KEYS; i++) {
		const struct gd_fact *fact = fact_of((struct gd_facts *)f, &fact_keys[i]);
		if (!fact->given)
			continue;
		char v[16];
		snprintf(v, sizeof(v), "%u", (unsigned)fact->value);
		const char *text =
		    fact_keys[i].max ? v : gd_gic_version_name((enum gd_gic_version)fact->value);
		const char *a = fact_keys[i].before, *b = fact_keys[i].after;
		if (fact->option)
			gd_diag_add(d, GD_SEV_NOTE, "given", NULL, "given by --%s: %s%s%s",
			            fact->option, a, text, b);
		else
			gd_diag_add(d, GD_SEV_NOTE, "given", &fact->loc, "given: %s%s%s", a, text,
			            b);
	}
	for (size_t i = 0; i < f->n_its; i++) {
		const struct gd_its_fact *t = &f->its[i];
		char who[400], dev[32] = "", ev[32] = "";
		its_words(t, who, sizeof(who));
		if (t->device_id_bits)
			snprintf(dev, sizeof(dev), "%u DeviceID bits%s",
			         (unsigned)t->device_id_bits, t->event_id_bits ? ", " : "");
		if (t->event_id_bits)
			snprintf(ev, sizeof(ev), "%u EventID bits", (unsigned)t->event_id_bits);
		gd_diag_add(d, GD_SEV_NOTE, "given", &t->loc, "given: %s%s for %s", dev, ev, who);
	}
}

/* The DT node path of @its of @p when @p was loaded from a DTB (its location names it), else NULL.
 */
static const char *dt_path_of(const struct gd_platform *p, const struct gd_its *its)
{
	return p->origin == GD_ORIGIN_DTB ? its->node.loc.where : NULL;
}

void gd_facts_warn_unmatched(const struct gd_facts *f, const struct gd_platform *const *ps,
                             size_t n, struct gd_diags *d)
{
	for (size_t i = 0; i < f->n_its; i++) {
		bool found = false;
		for (size_t k = 0; k < n && !found; k++)
			for (size_t j = 0; j < ps[k]->n_its && !found; j++) {
				const struct gd_its *its = ps[k]->its[j];
				found = gd_its_fact_matches(&f->its[i], its->its_id, its->base,
				                            dt_path_of(ps[k], its));
			}
		if (!found) {
			char who[400];
			its_words(&f->its[i], who, sizeof(who));
			gd_diag_add(d, GD_SEV_WARNING, "facts-unused", &f->its[i].loc,
			            "no input has %s: this fact is not used", who);
		}
	}
}

void gd_facts_free(struct gd_facts *f)
{
	free(f->its);
	gd_ytree_free(&f->tree);
	memset(f, 0, sizeof(*f));
}

struct gd_load_options gd_load_options_complete(const struct gd_load_options *given)
{
	struct gd_load_options o = {0};
	if (given)
		o = *given;
	if (!o.gic_version)
		o.gic_version = GD_GIC_V3;
	if (!o.spis)
		o.spis = 988;
	if (!o.intid_bits)
		o.intid_bits = 24;
	if (!o.device_id_bits)
		o.device_id_bits = 32;
	if (!o.event_id_bits)
		o.event_id_bits = 32;
	return o;
}

/* Lends the RC declarations of @src to the RCs of @dst with the same segment and none of their own.
 */
static size_t lend_declarations(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t lent = 0;
	for (size_t i = 0; i < dst->n_rcs; i++) {
		struct gd_root_complex *to = dst->rcs[i];
		if (to->n_dma_aliases || to->n_unpopulated_rids)
			continue;
		for (size_t k = 0; k < src->n_rcs; k++) {
			const struct gd_root_complex *from = src->rcs[k];
			if (from->segment != to->segment)
				continue;
			to->dma_aliases = from->dma_aliases;
			to->n_dma_aliases = from->n_dma_aliases;
			to->unpopulated_rids = from->unpopulated_rids;
			to->n_unpopulated_rids = from->n_unpopulated_rids;
			lent += from->n_dma_aliases + from->n_unpopulated_rids;
			break;
		}
	}
	return lent;
}

/*
 * Lends the bus range, and the ECAM base, of @src's root complexes to those of
 * @dst of the same segment whose input does not state them (an IORT: MCFG does).
 */
static size_t lend_buses(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t lent = 0;
	for (size_t i = 0; i < dst->n_rcs; i++) {
		struct gd_root_complex *to = dst->rcs[i];
		for (size_t k = 0; to->bus_range_assumed && k < src->n_rcs; k++) {
			const struct gd_root_complex *from = src->rcs[k];
			if (from->segment != to->segment || from->bus_range_assumed)
				continue;
			to->bus_start = from->bus_start;
			to->bus_end = from->bus_end;
			to->bus_range_assumed = false;
			if (to->ecam_unknown && !from->ecam_unknown) {
				to->ecam_base = from->ecam_base;
				to->ecam_unknown = false;
			}
			lent++;
			break;
		}
	}
	return lent;
}

/* Lends GITS_TYPER's DeviceID and EventID widths of @src's ITSes to those of @dst at the same base.
 */
static size_t lend_its_widths(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t lent = 0;
	for (size_t i = 0; i < dst->n_its; i++)
		for (size_t k = 0; k < src->n_its; k++)
			if (src->its[k]->base == dst->its[i]->base) {
				dst->its[i]->device_id_bits = src->its[k]->device_id_bits;
				dst->its[i]->event_id_bits = src->its[k]->event_id_bits;
				lent++;
				break;
			}
	return lent;
}

bool gd_load_lend(struct gd_platform *dst, const struct gd_platform *src)
{
	size_t decls = lend_declarations(dst, src);
	size_t widths = lend_its_widths(dst, src);
	size_t buses = lend_buses(dst, src);
	/* MADT GICD "GIC version" 4 stands for GICv4.0 and GICv4.1 alike (ACPI 6.5 Table 5.48). */
	bool v41 = dst->gic_version == GD_GIC_V4 && src->gic_version == GD_GIC_V4_1;
	if (v41) {
		/* The MADT gives no ITS size either: its loader took GICv4.0's. */
		dst->gic_version = GD_GIC_V4_1;
		for (size_t i = 0; i < dst->n_its; i++)
			dst->its[i]->size = gd_its_frame_size(GD_GIC_V4_1);
	}
	if (!decls && !widths && !v41 && !buses)
		return false;
	char text[400], more[80] = "";
	if (buses)
		snprintf(more, sizeof(more), ", %zu PCI bus ranges and ECAM bases", buses);
	snprintf(text, sizeof(text),
	         "taken from %s, which states what this input cannot: %zu ITS DeviceID and "
	         "EventID widths, %zu DMA alias or unpopulated-RID declarations%s%s",
	         src->file ? src->file : "the description", widths, decls, more,
	         v41 ? ", GICv4.1 (MADT GIC version 4)" : "");
	*GD_ARRAY_PUSH(&dst->arena, dst->assumed, dst->n_assumed, dst->cap_assumed) =
	    gd_arena_strdup(&dst->arena, text);
	return buses > 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml_gicv5.c - the GICv5 parts of a description: gic: irses: (MADT GICv5
 * IRS, ACPI 6.7; arm,gic-v5.yaml irs@), gic: its: on a GICv5 (MADT GICv5 ITS
 * config and translate frames; irs@/its@/msi-controller@) and iwbs: (IORT
 * IWB node, IORT E.g; arm,gic-v5-iwb.yaml).
 */
#include <string.h>

#include "load/yaml_platform.h"

/* ---- IRSes ---- */

/* An IRS as decoded, with its cpus: and iaffids: lists before they pair up. */
struct irs_item {
	struct gd_irs irs; /* first, so the field offsets apply */
	const struct gd_ynode *cpus, *iaffids;
};

/* spis: {base, count}: the SPI IDs the IRS serves. */
static const struct gd_yfield irs_spi_fields[] = {
    {"base", GD_YF_UINT, GD_YF_AT(struct gd_irs, spi_base), .required = true, .max = 0xffffff},
    {"count", GD_YF_UINT, GD_YF_AT(struct gd_irs, spi_count), .required = true, .min = 1,
     .max = 1u << 24},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_irs_spis(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {irs_spi_fields, NULL};
	return gd_ymap_decode(c, v, f->key, tables, obj);
}

/* cpus: and iaffids: are kept as written and paired by irs_pes(). */
static int keep_list(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                     const struct gd_yfield *f)
{
	struct irs_item *it = obj;
	if (gd_yseq_check(c, v, f->key))
		return -1;
	if (!strcmp(f->key, "cpus"))
		it->cpus = v;
	else
		it->iaffids = v;
	return 0;
}

static int decode_irs_name(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	(void)f;
	return gd_yaml_store_name(c, v, " names an IRS", &((struct gd_irs *)obj)->name);
}

static const struct gd_yfield irs_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = decode_irs_name, .required = true},
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_irs, irs_id), .required = true},
    {"config-base", GD_YF_BYTES, GD_YF_AT(struct gd_irs, config_base), .required = true},
    {"setlpi-base", GD_YF_BYTES, GD_YF_AT(struct gd_irs, setlpi_base)},
    {"non-coherent", GD_YF_BOOL, GD_YF_AT(struct gd_irs, non_coherent)},
    {"iaffid-bits", GD_YF_UINT, GD_YF_AT(struct gd_irs, iaffid_bits), .min = 1, .max = 16},
    {"spis", GD_YF_CUSTOM, .decode = decode_irs_spis},
    {"cpus", GD_YF_CUSTOM, .decode = keep_list},
    {"iaffids", GD_YF_CUSTOM, .decode = keep_list, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/*
 * Pairs iaffids: with cpus: (CPU indices; none: 0, 1, ... in order) into the
 * IRS's PEs. CPU indices are checked against gic: cpus: by gd_yaml_gicv5_finish().
 */
static int irs_pes(struct gd_yctx *c, struct irs_item *it)
{
	const struct gd_ynode *ids = it->iaffids;
	struct gd_irs *irs = &it->irs;
	int rc = 0;

	if (it->cpus && it->cpus->n_items != ids->n_items) {
		gd_yerror(c, it->cpus, "yaml-value",
		          "cpus: %zu CPUs but iaffids: %zu IAFFIDs; give one IAFFID per CPU",
		          it->cpus->n_items, ids->n_items);
		return -1;
	}
	for (size_t i = 0; i < ids->n_items; i++) {
		uint64_t iaffid, cpu = i;
		if (gd_yuint(c, ids->items[i], 16, false, &iaffid) ||
		    (it->cpus && gd_yuint(c, it->cpus->items[i], 32, false, &cpu))) {
			rc = -1;
			continue;
		}
		struct gd_irs_pe *pe =
		    GD_ARRAY_PUSH(&c->p->arena, irs->pes, irs->n_pes, irs->cap_pes);
		pe->cpu = (size_t)cpu;
		pe->iaffid = (uint16_t)iaffid;
		pe->loc = gd_yloc(c, it->cpus ? it->cpus->items[i] : ids->items[i]);
	}
	return rc;
}

int gd_yaml_decode_irses(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                         const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {irs_fields, NULL};
	struct gd_platform *p = obj;
	int rc = 0;

	(void)f;
	if (gd_yseq_check(c, v, "IRSes"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct irs_item it = {0};
		it.irs.loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "IRS", tables, &it) || irs_pes(c, &it)) {
			rc = -1;
			continue;
		}
		struct gd_irs *irs = gd_arena_alloc(&p->arena, sizeof(*irs));
		*irs = it.irs;
		*GD_ARRAY_PUSH(&p->arena, p->irses, p->n_irses, p->cap_irses) = irs;
	}
	return rc;
}

/* ---- GICv5 ITSes and their translate frames ---- */

/* A GICv5 ITS as decoded: the config frame, its IRS's name, the widths its frames take. */
struct v5_its_item {
	struct gd_v5_its its; /* first, so the field offsets apply */
	const char *irs_name;
	struct gd_loc irs_loc;
	uint32_t device_id_bits, event_id_bits;
	const struct gd_ynode *frames;
};

static int decode_v5_its_name(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                              const struct gd_yfield *f)
{
	(void)f;
	return gd_yaml_store_name(c, v, " names a GICv5 ITS", &((struct gd_v5_its *)obj)->name);
}

static int keep_frames(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	if (gd_yseq_check(c, v, f->key))
		return -1;
	if (!v->n_items) {
		gd_yerror(c, v, "yaml-value", "translate-frames: a GICv5 ITS has at least one");
		return -1;
	}
	((struct v5_its_item *)obj)->frames = v;
	return 0;
}

static const struct gd_yfield v5_its_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = decode_v5_its_name, .required = true},
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_v5_its, translator_id), .required = true},
    {"irs", GD_YF_CUSTOM, GD_YF_AT(struct v5_its_item, irs_name),
     .flag_off = offsetof(struct v5_its_item, irs_loc), .decode = gd_yaml_decode_located_string,
     .required = true},
    {"config-base", GD_YF_BYTES, GD_YF_AT(struct gd_v5_its, config_base), .required = true},
    {"non-coherent", GD_YF_BOOL, GD_YF_AT(struct gd_v5_its, non_coherent)},
    {"device-id-bits", GD_YF_UINT, GD_YF_AT(struct v5_its_item, device_id_bits), .required = true,
     .min = 1, .max = 32},
    {"event-id-bits", GD_YF_UINT, GD_YF_AT(struct v5_its_item, event_id_bits), .required = true,
     .min = 1, .max = 32},
    {"translate-frames", GD_YF_CUSTOM, .decode = keep_frames, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* A translate frame: a node of the mapping graph (kind ITS), the output of ID mappings. */
static const struct gd_yfield frame_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_its, its_id), .required = true},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_its, base), .required = true},
    {"proximity-domain", GD_YF_UINT, GD_YF_AT(struct gd_its, proximity_domain),
     .flag_off = offsetof(struct gd_its, has_proximity_domain)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static struct gd_irs *find_irs(const struct gd_platform *p, const char *name)
{
	for (size_t i = 0; i < p->n_irses; i++)
		if (p->irses[i]->name && !strcmp(p->irses[i]->name, name))
			return p->irses[i];
	return NULL;
}

int gd_yaml_decode_v5_its(struct gd_yctx *c, const struct gd_ynode *v)
{
	static const struct gd_yfield *const tables[] = {v5_its_fields, NULL};
	static const struct gd_yfield *const frame_tables[] = {frame_fields, NULL};
	struct gd_platform *p = c->p;
	int rc = 0;

	if (gd_yseq_check(c, v, "GICv5 ITSes"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct v5_its_item it = {0};
		it.its.loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "GICv5 ITS", tables, &it)) {
			rc = -1;
			continue;
		}
		struct gd_v5_its *its = gd_arena_alloc(&p->arena, sizeof(*its));
		*its = it.its;
		its->irs = find_irs(p, it.irs_name);
		if (!its->irs) {
			gd_yerror_loc(c, &it.irs_loc, "yaml-unknown-reference",
			              "irs: unknown IRS '%s' (gic: irses: names them)",
			              it.irs_name);
			rc = -1;
		}
		*GD_ARRAY_PUSH(&p->arena, p->v5_its, p->n_v5_its, p->cap_v5_its) = its;
		size_t first = p->n_its;
		if (gd_yaml_decode_nodes(c, it.frames, "translate frames", GD_NODE_ITS,
		                         sizeof(struct gd_its), NULL, frame_tables))
			rc = -1;
		for (size_t k = first; k < p->n_its; k++) {
			p->its[k]->v5 = its;
			p->its[k]->size = GD_V5_FRAME_SIZE;
			p->its[k]->device_id_bits = it.device_id_bits;
			p->its[k]->event_id_bits = it.event_id_bits;
		}
	}
	return rc;
}

int gd_yaml_gicv5_finish(struct gd_yctx *c, const struct gd_ynode *gic)
{
	struct gd_platform *p = c->p;
	static const char *const v3_only[] = {"distributor",   "redistributors", "direct-lpi",
	                                      "cpu-interface", "v2m-frames",     "mbi"};
	int rc = 0;

	if (p->gic_version != GD_GIC_V5) {
		const struct gd_ynode *irses = gd_ymap_get(gic, "irses");
		if (!gd_ymap_get(gic, "distributor")) {
			gd_yerror(c, gic, "yaml-missing-key",
			          "gic: missing required key 'distributor'");
			rc = -1;
		}
		if (irses) {
			gd_yerror(c, irses, "yaml-value",
			          "irses: IRSes are GICv5's; this GIC is version %s",
			          gd_gic_version_name(p->gic_version));
			rc = -1;
		}
		return rc;
	}
	for (size_t k = 0; k < sizeof(v3_only) / sizeof(v3_only[0]); k++) {
		const struct gd_ynode *at = gd_ymap_get(gic, v3_only[k]);
		if (at) {
			gd_yerror(c, at, "yaml-value",
			          "%s: a GICv5 has none (IRSes and GICv5 ITSes take the place of "
			          "distributor, redistributors and GICv2m/MBI frames)",
			          v3_only[k]);
			rc = -1;
		}
	}
	if (!gd_ymap_get(gic, "irses")) {
		gd_yerror(c, gic, "yaml-missing-key",
		          "gic: missing required key 'irses' (a GICv5 has at least one IRS)");
		rc = -1;
	}
	for (size_t i = 0; i < p->n_irses; i++)
		for (size_t k = 0; k < p->irses[i]->n_pes; k++) {
			const struct gd_irs_pe *pe = &p->irses[i]->pes[k];
			if (pe->cpu >= p->n_cpus) {
				gd_yerror_loc(c, &pe->loc, "yaml-value",
				              "cpus: CPU %zu of IRS '%s' is not one of the %zu "
				              "CPUs of gic: cpus:",
				              pe->cpu, p->irses[i]->name, p->n_cpus);
				rc = -1;
			}
		}
	return rc;
}

/* ---- IWBs (IORT E.g IWB node; arm,gic-v5-iwb.yaml) ---- */

static const struct gd_yfield iwb_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_iwb, iwb_id), .required = true, .max = 0xffff},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_iwb, base), .required = true},
    {"wires", GD_YF_UINT, GD_YF_AT(struct gd_iwb, wires), .min = 1},
    {"acpi-path", GD_YF_STRING, GD_YF_AT(struct gd_iwb, acpi_path)},
    {"id-map", GD_YF_CUSTOM, .decode = gd_yaml_decode_id_maps},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_iwbs(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {iwb_fields, NULL};
	(void)f;
	if (((struct gd_platform *)obj)->gic_version != GD_GIC_V5) {
		gd_yerror(c, v, "yaml-value", "iwbs: IWBs are GICv5's (gic: version: 5)");
		return -1;
	}
	return gd_yaml_decode_nodes(c, v, "IWBs", GD_NODE_IWB, sizeof(struct gd_iwb), NULL, tables);
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml_gic.c - the gic: section: version, distributor (MADT GICD), redistributor
 * regions (MADT GICR), CPUs (MADT GICC, DT /cpus) and ITS frames (MADT GIC ITS,
 * IORT ITS group).
 */
#include <string.h>

#include "load/yaml_platform.h"

/* ---- Distributor (ACPI 6.5 §5.2.12.15; arm,gic-v3.yaml reg[0]) ---- */

static const struct gd_yfield dist_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_distributor, base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_distributor, size)},
    /* GICD_TYPER.ITLinesNumber: the architectural range is the rule spis-range's. */
    {"spis", GD_YF_UINT, GD_YF_AT(struct gd_distributor, spis), .required = true, .max = 1u << 16},
    /* GICD_TYPER.IDbits + 1: 14..24 is the rule intid-bits-range's; GICv3 and later only
       (gd_yaml_gic_finish()). */
    {"intid-bits", GD_YF_UINT, GD_YF_AT(struct gd_distributor, intid_bits), .max = 32},
    {"gic-id", GD_YF_UINT, GD_YF_AT(struct gd_distributor, gic_id)},
    {"system-vector-base", GD_YF_UINT, GD_YF_AT(struct gd_distributor, system_vector_base)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static int decode_distributor(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                              const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {dist_fields, NULL};
	struct gd_distributor *dist = &((struct gd_platform *)obj)->dist;

	(void)f;
	dist->size = 0x10000;
	dist->loc = gd_yloc(c, v);
	return gd_ymap_decode(c, v, "distributor", tables, dist);
}

/* ---- Redistributor regions (ACPI 6.5 §5.2.12.16) ---- */

static const struct gd_yfield redist_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_redist_region, base), .required = true},
    {"length", GD_YF_BYTES, GD_YF_AT(struct gd_redist_region, length), .required = true},
    {"stride", GD_YF_BYTES, GD_YF_AT(struct gd_redist_region, stride)},
    {"direct-lpi", GD_YF_BOOL, GD_YF_AT(struct gd_redist_region, direct_lpi)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static int decode_redistributors(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                 const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {redist_fields, NULL};
	struct gd_platform *p = obj;
	int rc = 0;

	(void)f;
	if (gd_yseq_check(c, v, "redistributor regions"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_redist_region *r =
		    GD_ARRAY_PUSH(&p->arena, p->redists, p->n_redists, p->cap_redists);
		r->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "redistributor region", tables, r))
			rc = -1;
	}
	return rc;
}

/* ---- CPUs (ACPI 6.5 §5.2.12.14 GICC; arm/cpus.yaml) ---- */

static int decode_mpidr(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	uint64_t mpidr;

	(void)f;
	if (gd_yuint(c, v, 64, false, &mpidr))
		return -1;
	if (mpidr & ~GD_MPIDR_AFFINITY) {
		gd_yerror(c, v, "yaml-value",
		          "mpidr %s has bits outside the affinity fields Aff3..Aff0 "
		          "(mask 0xFF00FFFFFF)",
		          v->text);
		return -1;
	}
	((struct gd_cpu *)obj)->mpidr = mpidr;
	return 0;
}

/* Keys every CPU may have, in the list form and as defaults of the short form. */
static const struct gd_yfield cpu_common_fields[] = {
    {"enabled", GD_YF_BOOL, GD_YF_AT(struct gd_cpu, enabled)},
    {"online-capable", GD_YF_BOOL, GD_YF_AT(struct gd_cpu, online_capable)},
    {"pmu-interrupt", GD_YF_INTID, GD_YF_AT(struct gd_cpu, pmu_intid),
     .flag_off = offsetof(struct gd_cpu, pmu_edge)},
    {"vgic-maintenance-interrupt", GD_YF_INTID, GD_YF_AT(struct gd_cpu, vgic_maint_intid),
     .flag_off = offsetof(struct gd_cpu, vgic_maint_edge)},
    {"gicc-base", GD_YF_BYTES, GD_YF_AT(struct gd_cpu, gicc_base)},
    {"gicv-base", GD_YF_BYTES, GD_YF_AT(struct gd_cpu, gicv_base)},
    {"gich-base", GD_YF_BYTES, GD_YF_AT(struct gd_cpu, gich_base)},
    {"gicr-base", GD_YF_BYTES, GD_YF_AT(struct gd_cpu, gicr_base)},
    {"efficiency-class", GD_YF_UINT, GD_YF_AT(struct gd_cpu, efficiency_class)},
    {"spe-interrupt", GD_YF_INTID, GD_YF_AT(struct gd_cpu, spe_intid)},
    {"trbe-interrupt", GD_YF_INTID, GD_YF_AT(struct gd_cpu, trbe_intid)},
    {"parking-version", GD_YF_UINT, GD_YF_AT(struct gd_cpu, parking_version)},
    {"parked-address", GD_YF_BYTES, GD_YF_AT(struct gd_cpu, parked_address)},
    {"compatible", GD_YF_STRING, GD_YF_AT(struct gd_cpu, compatible)},
    {"enable-method", GD_YF_STRING, GD_YF_AT(struct gd_cpu, enable_method)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

/* Keys of one CPU of the list form only. */
static const struct gd_yfield cpu_id_fields[] = {
    {"mpidr", GD_YF_CUSTOM, .decode = decode_mpidr, .required = true},
    {"uid", GD_YF_UINT, GD_YF_AT(struct gd_cpu, uid)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

/* The short form: count CPUs numbered as QEMU virt numbers them, sharing every other key. */
struct cpu_template {
	struct gd_cpu cpu; /* first, so cpu_common_fields' offsets apply */
	uint32_t count;
	uint32_t cluster_size; /* Aff0 values per Aff1 value */
};

static int per_cpu_only(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	(void)obj;
	gd_yerror(c, v, "yaml-value",
	          "cpus: '%s' is numbered from count and cluster-size in the short form; "
	          "list the CPUs to give each its own",
	          f->key);
	return -1;
}

static const struct gd_yfield cpu_short_fields[] = {
    {"count", GD_YF_UINT, GD_YF_AT(struct cpu_template, count), .required = true, .min = 1,
     .max = 65536},
    {"cluster-size", GD_YF_UINT, GD_YF_AT(struct cpu_template, cluster_size), .min = 1, .max = 256},
    {"mpidr", GD_YF_CUSTOM, .decode = per_cpu_only},
    {"uid", GD_YF_CUSTOM, .decode = per_cpu_only},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static void cpu_init(struct gd_cpu *cpu, size_t index)
{
	cpu->uid = (uint32_t)index;
	cpu->cpu_interface_number = (uint32_t)index;
	cpu->enabled = true;
}

static int decode_cpu_list(struct gd_yctx *c, const struct gd_ynode *v, struct gd_platform *p)
{
	static const struct gd_yfield *const tables[] = {cpu_id_fields, cpu_common_fields, NULL};
	int rc = 0;

	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_cpu *cpu = GD_ARRAY_PUSH(&p->arena, p->cpus, p->n_cpus, p->cap_cpus);
		cpu_init(cpu, i);
		cpu->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "CPU", tables, cpu))
			rc = -1;
	}
	return rc;
}

/* MPIDR of CPU i as QEMU virt numbers GICv3 CPUs: Aff1 = i / cluster-size, Aff0 = i % it. */
static int decode_cpu_count(struct gd_yctx *c, const struct gd_ynode *v, struct gd_platform *p)
{
	static const struct gd_yfield *const tables[] = {cpu_short_fields, cpu_common_fields, NULL};
	struct cpu_template t = {.cluster_size = 16};

	cpu_init(&t.cpu, 0);
	t.cpu.loc = gd_yloc(c, v);
	if (gd_ymap_decode(c, v, "cpus", tables, &t))
		return -1;
	for (uint32_t i = 0; i < t.count; i++) {
		struct gd_cpu *cpu = GD_ARRAY_PUSH(&p->arena, p->cpus, p->n_cpus, p->cap_cpus);
		*cpu = t.cpu;
		cpu->uid = i;
		cpu->cpu_interface_number = i;
		cpu->mpidr = ((uint64_t)(i / t.cluster_size) << 8) | (i % t.cluster_size);
	}
	return 0;
}

static int decode_cpus(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	(void)f;
	if (v->kind == GD_YSEQ)
		return decode_cpu_list(c, v, obj);
	if (v->kind == GD_YMAP)
		return decode_cpu_count(c, v, obj);
	gd_yerror(c, v, "yaml-type", "cpus: expected a list of CPUs or a mapping with a count");
	return -1;
}

/* ---- ITS frames (ACPI 6.5 §5.2.12.18; IORT E.e §3.1.1.1; arm,gic-v3-its) ---- */

static const struct gd_yfield its_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_its, its_id), .required = true},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_its, base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_its, size)},
    {"device-id-bits", GD_YF_UINT, GD_YF_AT(struct gd_its, device_id_bits), .required = true,
     .min = 1, .max = 32},
    {"event-id-bits", GD_YF_UINT, GD_YF_AT(struct gd_its, event_id_bits), .required = true,
     .min = 1, .max = 32},
    {"proximity-domain", GD_YF_UINT, GD_YF_AT(struct gd_its, proximity_domain),
     .flag_off = offsetof(struct gd_its, has_proximity_domain)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

static int decode_its(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                      const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {its_fields, NULL};
	(void)obj;
	(void)f;
	if (c->p->gic_version == GD_GIC_V5)
		return gd_yaml_decode_v5_its(c, v);
	/* No defaults: a size left 0 gets the GIC version's frame size in gd_yaml_decode_gic(). */
	return gd_yaml_decode_nodes(c, v, "ITS frames", GD_NODE_ITS, sizeof(struct gd_its), NULL,
	                            tables);
}

/* ---- gic: ---- */

static const struct gd_yenum gic_versions[] = {
    {"2", GD_GIC_V2},     {"3", GD_GIC_V3}, {"4", GD_GIC_V4},
    {"4.1", GD_GIC_V4_1}, {"5", GD_GIC_V5}, {NULL, 0},
};

static const struct gd_yfield gic_fields[] = {
    {"version", GD_YF_ENUM, GD_YF_AT(struct gd_platform, gic_version), .enums = gic_versions,
     .required = true},
    /* required but on GICv5, which has none (gd_yaml_gicv5_finish()) */
    {"distributor", GD_YF_CUSTOM, .decode = decode_distributor},
    {"redistributors", GD_YF_CUSTOM, .decode = decode_redistributors},
    {"cpus", GD_YF_CUSTOM, .decode = decode_cpus, .required = true},
    {"its", GD_YF_CUSTOM, .decode = decode_its},
    {"direct-lpi", GD_YF_CUSTOM, .decode = gd_yaml_decode_direct_lpi},
    {"irses", GD_YF_CUSTOM, .decode = gd_yaml_decode_irses},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL},
};

int gd_yaml_decode_gic(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {gic_fields, gd_yaml_spi_msi_fields, NULL};
	struct gd_platform *p = obj;

	(void)f;
	p->gic_loc = gd_yloc(c, v);
	/* The version first: on a GICv5 the keys after it, wherever written, take other forms. */
	const struct gd_ynode *version = v->kind == GD_YMAP ? gd_ymap_get(v, "version") : NULL;
	if (version && version->kind == GD_YSCALAR && !strcmp(version->text, "5"))
		p->gic_version = GD_GIC_V5;
	int rc = gd_ymap_decode(c, v, "gic", tables, p);
	if (v->kind == GD_YMAP && gd_yaml_gic_finish(c, v))
		rc = -1;
	if (v->kind == GD_YMAP && gd_yaml_gicv5_finish(c, v))
		rc = -1;
	for (size_t i = 0; i < p->n_its; i++)
		if (p->its[i]->size == 0)
			p->its[i]->size = gd_its_frame_size(p->gic_version);
	return rc;
}

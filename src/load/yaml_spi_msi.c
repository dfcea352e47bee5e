/* SPDX-License-Identifier: MIT */
/*
 * yaml_spi_msi.c - the parts of the gic: section for GICv2 and SPI-based MSI:
 * the CPU interface frames (cpu-interface:, arm,gic.yaml reg 1-3; MADT GICC
 * base addresses), GICv2m frames (v2m-frames:, arm,gic-v2m-frame; MADT GIC
 * MSI frame, ACPI 6.5 §5.2.12.16) and the GICv3 distributor's MBI (mbi:,
 * arm,gic-v3.yaml mbi-ranges, mbi-alias). SPIs are INTIDs everywhere.
 */
#include <string.h>

#include "load/yaml_platform.h"

/* ---- cpu-interface: GICC, GICH (hypervisor), GICV (virtual-cpu) ---- */

/* The frames as decoded: bases (applied to every CPU afterwards) and sizes. */
struct cpuif_frames {
	uint64_t gicc_base, gich_base, gicv_base;
	struct gd_cpu_interface sizes;
};

static const struct gd_yfield gich_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct cpuif_frames, gich_base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct cpuif_frames, sizes.gich_size)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static const struct gd_yfield gicv_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct cpuif_frames, gicv_base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct cpuif_frames, sizes.gicv_size)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_gich(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {gich_fields, NULL};
	(void)f;
	return gd_ymap_decode(c, v, "hypervisor interface", tables, obj);
}

static int decode_gicv(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {gicv_fields, NULL};
	(void)f;
	return gd_ymap_decode(c, v, "virtual CPU interface", tables, obj);
}

static const struct gd_yfield cpuif_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct cpuif_frames, gicc_base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct cpuif_frames, sizes.gicc_size)},
    {"hypervisor", GD_YF_CUSTOM, .decode = decode_gich},
    {"virtual-cpu", GD_YF_CUSTOM, .decode = decode_gicv},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* Gives every CPU the frame bases; a CPU that names its own is an error (one place only). */
static int apply_cpu_interface(struct gd_yctx *c, const struct gd_ynode *v,
                               const struct cpuif_frames *fr)
{
	struct gd_platform *p = c->p;
	for (size_t i = 0; i < p->n_cpus; i++) {
		struct gd_cpu *cpu = &p->cpus[i];
		if (cpu->gicc_base || cpu->gich_base || cpu->gicv_base) {
			gd_yerror(c, v, "yaml-value",
			          "cpu-interface: CPU %zu (line %u) gives its own gicc-base, "
			          "gich-base or gicv-base; give the frames in one place",
			          i, (unsigned)cpu->loc.line);
			return -1;
		}
		cpu->gicc_base = fr->gicc_base;
		cpu->gich_base = fr->gich_base;
		cpu->gicv_base = fr->gicv_base;
	}
	return 0;
}

/* ---- v2m-frames: (ACPI 6.5 §5.2.12.16; arm,gic.yaml arm,gic-v2m-frame) ---- */

static const struct gd_yfield v2m_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"id", GD_YF_UINT, GD_YF_AT(struct gd_msi_frame, frame_id), .required = true},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_msi_frame, base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_msi_frame, size)},
    /* MADT SPI Base and SPI Count are 16 bits wide. */
    {"spi-base", GD_YF_UINT, GD_YF_AT(struct gd_msi_frame, spi_base), .max = 0xffff},
    {"spi-count", GD_YF_UINT, GD_YF_AT(struct gd_msi_frame, spi_count), .max = 0xffff},
    {"msi-typer-wrong", GD_YF_BOOL, GD_YF_AT(struct gd_msi_frame, dt_override)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static void v2m_init(void *obj)
{
	((struct gd_msi_frame *)obj)->size = 0x1000;
}

static int decode_v2m_frames(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {v2m_fields, NULL};
	size_t first = c->p->n_msi_frames;
	(void)obj;
	(void)f;
	int rc = gd_yaml_decode_nodes(c, v, "GICv2m frames", GD_NODE_MSI_FRAME,
	                              sizeof(struct gd_msi_frame), v2m_init, tables);
	for (size_t i = first; i < c->p->n_msi_frames; i++) {
		const struct gd_msi_frame *fr = c->p->msi_frames[i];
		/*
		 * A range is stated by its count (the model's and the MADT's "SPI
		 * count/base select"): a base without a count says nothing. A count
		 * with base 0 is a range the rules judge (spi-msi-range), as a MADT
		 * frame that states it.
		 */
		if (fr->spi_base && !fr->spi_count) {
			gd_yerror_loc(c, &fr->node.loc, "yaml-missing-key",
			              "GICv2m frame: give spi-base and spi-count together, or "
			              "neither (the OS then reads MSI_TYPER)");
			rc = -1;
		}
	}
	return rc;
}

/* ---- mbi: (arm,gic-v3.yaml mbi-ranges, mbi-alias) ---- */

static const struct gd_yfield range_fields[] = {
    {"base", GD_YF_UINT, GD_YF_AT(struct gd_intid_range, base), .required = true, .max = 0xffff},
    {"count", GD_YF_UINT, GD_YF_AT(struct gd_intid_range, count), .required = true, .min = 1,
     .max = 0xffff},
    {"multi-msi", GD_YF_CUSTOM, .decode = gd_yaml_decode_multi_msi},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_mbi_ranges(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	struct gd_mbi *mbi = obj;

	(void)f;
	return gd_yaml_decode_intid_ranges(c, v, "MBI range", range_fields, &mbi->ranges,
	                                   &mbi->n_ranges, &mbi->cap_ranges);
}

static const struct gd_yfield mbi_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"ranges", GD_YF_CUSTOM, .decode = decode_mbi_ranges, .required = true},
    {"alias", GD_YF_BYTES, GD_YF_AT(struct gd_mbi, alias)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_mbi(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                      const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {mbi_fields, NULL};
	(void)obj;
	(void)f;
	struct gd_node *n = gd_platform_add_node(c->p, GD_NODE_MBI, sizeof(struct gd_mbi));
	n->name = "";
	n->loc = gd_yloc(c, v);
	int rc = gd_ymap_decode(c, v, "MBI", tables, n);
	if (!n->name[0])
		c->unnamed++;
	return rc;
}

/* ---- the keys, and what is checked once the whole gic: section is read ---- */

static int decode_cpu_interface(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                const struct gd_yfield *f)
{
	(void)c;
	(void)v;
	(void)obj;
	(void)f;
	return 0; /* read by gd_yaml_gic_finish(), once the CPUs are known */
}

const struct gd_yfield gd_yaml_spi_msi_fields[] = {
    {"dt-compatible", GD_YF_CUSTOM, .off = offsetof(struct gd_platform, dt.gic_compatible),
     .decode = gd_yaml_decode_string_list},
    {"dt-vgic-flags", GD_YF_UINT, GD_YF_AT(struct gd_platform, dt.vgic_flags),
     .flag_off = offsetof(struct gd_platform, dt.has_vgic_flags), .max = 0xff0f},
    {"cpu-interface", GD_YF_CUSTOM, .decode = decode_cpu_interface},
    {"v2m-frames", GD_YF_CUSTOM, .decode = decode_v2m_frames},
    {"mbi", GD_YF_CUSTOM, .decode = decode_mbi},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_gic_finish(struct gd_yctx *c, const struct gd_ynode *gic)
{
	static const struct gd_yfield *const tables[] = {cpuif_fields, NULL};
	struct gd_platform *p = c->p;
	const struct gd_ynode *dist = gd_ymap_get(gic, "distributor");
	const struct gd_ynode *bits = dist ? gd_ymap_get(dist, "intid-bits") : NULL;
	const struct gd_ynode *cpuif = gd_ymap_get(gic, "cpu-interface");
	int rc = 0;

	if (p->gic_version == GD_GIC_V2 && bits) {
		gd_yerror(c, bits, "yaml-value",
		          "intid-bits: a GICv2 has no LPIs and GICD_TYPER no IDbits; drop it");
		rc = -1;
	} else if (p->gic_version && p->gic_version != GD_GIC_V2 && dist && !bits) {
		gd_yerror(c, dist, "yaml-missing-key",
		          "distributor: missing required key 'intid-bits' (GICv3 and later)");
		rc = -1;
	}
	const struct gd_ynode *flags = gd_ymap_get(gic, "dt-vgic-flags");
	uint32_t type = p->dt.vgic_flags & 0xff;
	bool edge = type == 1 || type == 2;
	if (flags && (!gd_dt_vgic_flags_ok(p->dt.vgic_flags) || !p->n_cpus ||
	              !p->cpus[0].vgic_maint_intid || edge != p->cpus[0].vgic_maint_edge)) {
		gd_yerror(c, flags, "yaml-value",
		          "dt-vgic-flags: bits [7:0] must be the IRQ_TYPE_* (1, 2 edge; 4, 8 "
		          "level) of the CPUs' vgic-maintenance-interrupt");
		rc = -1;
	}
	if (cpuif) {
		struct cpuif_frames fr = {0};
		fr.sizes.loc = gd_yloc(c, cpuif);
		if (gd_ymap_decode(c, cpuif, "cpu-interface", tables, &fr) ||
		    apply_cpu_interface(c, cpuif, &fr))
			return -1;
		p->cpuif = fr.sizes;
	}
	return rc;
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml.c - the YAML description, format 1 (gicdesc(5), schemas/
 * gicdesc.schema.json), of a model loaded from anything (`gicdesc import`):
 * the schema modeline, platform:, acpi:, dt: and gic:; the sections of the
 * mapping graph are yaml_nodes.c's, scalars and comments yaml_write.c's, and
 * what the format cannot hold is refused by yaml_plan.c before anything is
 * written. Every fact a loader assumed (p->assumed) is a "# assumed:"
 * comment in the section it is about.
 */
#include <inttypes.h>
#include <string.h>

#include "emit/emit.h"
#include "emit/yaml.h"

/* Appends @n strings as a flow list ["a", "b"]. */
static void string_list(struct gd_buf *out, const char *const *v, size_t n)
{
	gd_buf_append(out, "[", 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			gd_buf_append(out, ", ", 2);
		gd_yaml_string(out, v[i]);
	}
	gd_buf_append(out, "]", 1);
}

/* Appends one string as itself and more as a flow list, then a newline. */
static void string_or_list(struct gd_buf *out, const char *const *v, size_t n)
{
	if (n == 1)
		gd_yaml_string(out, v[0]);
	else
		string_list(out, v, n);
	gd_buf_append(out, "\n", 1);
}

/* "  KEY: VALUE" of a fixed-width ACPI header string, without its padding spaces. */
static void acpi_id(struct gd_buf *out, const char *key, const char *s)
{
	char text[16];
	size_t n = strlen(s) < sizeof(text) ? strlen(s) : sizeof(text) - 1;
	while (n && s[n - 1] == ' ')
		n--;
	memcpy(text, s, n);
	text[n] = '\0';
	gd_buf_printf(out, "  %s: ", key);
	gd_yaml_string(out, text);
	gd_buf_append(out, "\n", 1);
}

static void platform_section(struct gd_buf *out, const struct gd_platform *p, const char *name)
{
	gd_buf_printf(out, "platform:\n");
	gd_yaml_assumed(out, p, "platform", 2);
	gd_buf_printf(out, "  name: ");
	gd_yaml_string(out, name);
	gd_buf_append(out, "\n", 1);
	bool acpi = p->oem_id[0] != '\0'; /* a DTB states no ACPI header */
	if (!acpi)
		gd_buf_printf(out, "  # assumed: no ACPI OEM IDs: a DTB does not state them\n");
	acpi_id(out, "oem-id", p->oem_id);
	acpi_id(out, "oem-table-id", p->oem_table_id);
	gd_buf_printf(out, "  oem-revision: %" PRIu32 "\n", p->oem_revision);
	if (!acpi)
		return;
	gd_buf_printf(out, "\nacpi:\n  iort-revision: %u\n  madt-revision: %u\n",
	              p->acpi.iort_revision, p->acpi.madt_revision);
	acpi_id(out, "creator-id", p->acpi.creator_id);
	gd_buf_printf(out, "  creator-revision: 0x%" PRIX32 "\n", p->acpi.creator_revision);
}

static void dt_section(struct gd_buf *out, const struct gd_platform *p)
{
	if (!p->dt.model && !p->dt.n_compatible && !p->dt.n_pmu_compatible)
		return;
	gd_buf_printf(out, "\ndt:\n");
	if (p->dt.model) {
		gd_buf_printf(out, "  model: ");
		gd_yaml_string(out, p->dt.model);
		gd_buf_append(out, "\n", 1);
	}
	if (p->dt.n_compatible) {
		gd_buf_printf(out, "  compatible: ");
		string_list(out, p->dt.compatible, p->dt.n_compatible);
		gd_buf_append(out, "\n", 1);
	}
	if (p->dt.n_pmu_compatible) {
		gd_buf_printf(out, "  pmu-compatible: ");
		string_or_list(out, p->dt.pmu_compatible, p->dt.n_pmu_compatible);
	}
}

static void distributor(struct gd_buf *out, const struct gd_platform *p)
{
	const struct gd_distributor *d = &p->dist;
	gd_yaml_assumed(out, p, "distributor", 2);
	gd_buf_printf(out, "  distributor: { base: ");
	gd_yaml_addr(out, d->base);
	if (d->size != 0x10000) {
		gd_buf_printf(out, ", size: ");
		gd_yaml_addr(out, d->size);
	}
	gd_buf_printf(out, ", spis: %" PRIu32, d->spis);
	if (p->gic_version != GD_GIC_V2)
		gd_buf_printf(out, ", intid-bits: %" PRIu32, d->intid_bits);
	if (d->gic_id)
		gd_buf_printf(out, ", gic-id: %" PRIu32, d->gic_id);
	if (d->system_vector_base)
		gd_buf_printf(out, ", system-vector-base: %" PRIu32, d->system_vector_base);
	gd_buf_printf(out, " }\n");
}

static void redistributors(struct gd_buf *out, const struct gd_platform *p)
{
	if (!p->n_redists)
		return;
	gd_buf_printf(out, "  redistributors:\n");
	gd_yaml_assumed(out, p, "redistributors", 4);
	for (size_t i = 0; i < p->n_redists; i++) {
		const struct gd_redist_region *r = &p->redists[i];
		gd_buf_printf(out, "    - { base: ");
		gd_yaml_addr(out, r->base);
		gd_buf_printf(out, ", length: ");
		gd_yaml_addr(out, r->length);
		if (r->stride) {
			gd_buf_printf(out, ", stride: ");
			gd_yaml_addr(out, r->stride);
		}
		gd_buf_printf(out, "%s }\n", r->direct_lpi ? ", direct-lpi: true" : "");
	}
}

/* True when every CPU has the same CPU interface frames (so they go in cpu-interface:). */
static bool shared_frames(const struct gd_platform *p)
{
	for (size_t i = 1; i < p->n_cpus; i++)
		if (p->cpus[i].gicc_base != p->cpus[0].gicc_base ||
		    p->cpus[i].gich_base != p->cpus[0].gich_base ||
		    p->cpus[i].gicv_base != p->cpus[0].gicv_base)
			return false;
	return p->n_cpus && p->cpus[0].gicc_base;
}

/* "SEP KEY: VALUE" of an address when it is not 0. */
static void addr_key(struct gd_buf *out, const char *sep, const char *key, uint64_t v)
{
	if (!v)
		return;
	gd_buf_printf(out, "%s%s: ", sep, key);
	gd_yaml_addr(out, v);
}

/* "SEP KEY: " and interrupt @intid (with trigger: edge when @edge) when it is not 0. */
static void irq_key(struct gd_buf *out, enum gd_gic_version gic, const char *sep, const char *key,
                    uint32_t intid, bool edge)
{
	if (!intid)
		return;
	gd_buf_printf(out, "%s%s: ", sep, key);
	gd_yaml_interrupt(out, gic, intid, edge ? "edge" : NULL, 1);
}

/* "SEP KEY: STRING" when @s is not NULL. */
static void string_key(struct gd_buf *out, const char *sep, const char *key, const char *s)
{
	if (!s)
		return;
	gd_buf_printf(out, "%s%s: ", sep, key);
	gd_yaml_string(out, s);
}

/*
 * The keys of CPU @c of a GIC of version @gic but mpidr and uid, each after
 * @sep (", " in a flow mapping, a newline and indent in a block one);
 * @frames: its frame bases.
 */
static void cpu_keys(struct gd_buf *out, enum gd_gic_version gic, const struct gd_cpu *c,
                     bool frames, const char *sep)
{
	if (!c->enabled)
		gd_buf_printf(out, "%senabled: false", sep);
	if (c->online_capable)
		gd_buf_printf(out, "%sonline-capable: true", sep);
	string_key(out, sep, "compatible", c->compatible);
	string_key(out, sep, "enable-method", c->enable_method);
	irq_key(out, gic, sep, "pmu-interrupt", c->pmu_intid, c->pmu_edge);
	irq_key(out, gic, sep, "vgic-maintenance-interrupt", c->vgic_maint_intid,
	        c->vgic_maint_edge);
	if (frames) {
		addr_key(out, sep, "gicc-base", c->gicc_base);
		addr_key(out, sep, "gich-base", c->gich_base);
		addr_key(out, sep, "gicv-base", c->gicv_base);
	}
	addr_key(out, sep, "gicr-base", c->gicr_base);
	if (c->efficiency_class)
		gd_buf_printf(out, "%sefficiency-class: %u", sep, c->efficiency_class);
	irq_key(out, gic, sep, "spe-interrupt", c->spe_intid, false);
	irq_key(out, gic, sep, "trbe-interrupt", c->trbe_intid, false);
	if (c->parking_version)
		gd_buf_printf(out, "%sparking-version: %" PRIu32, sep, c->parking_version);
	addr_key(out, sep, "parked-address", c->parked_address);
}

/*
 * True when the CPUs are what the short form makes of a count (gicdesc(5)
 * cpus: count, cluster-size 16): MPIDR (i / 16) << 8 | i % 16, UID i, and
 * every other key alike.
 */
static bool counted(const struct gd_platform *p)
{
	for (size_t i = 0; i < p->n_cpus; i++) {
		struct gd_cpu c = p->cpus[i], first = p->cpus[0];
		if (c.mpidr != ((uint64_t)(i / 16) << 8 | i % 16) || c.uid != i)
			return false;
		c.mpidr = first.mpidr;
		c.uid = first.uid;
		c.cpu_interface_number = first.cpu_interface_number;
		c.loc = first.loc;
		bool same_strings =
		    (!c.compatible == !first.compatible) &&
		    (!c.compatible || !strcmp(c.compatible, first.compatible)) &&
		    (!c.enable_method == !first.enable_method) &&
		    (!c.enable_method || !strcmp(c.enable_method, first.enable_method));
		c.compatible = first.compatible;
		c.enable_method = first.enable_method;
		if (!same_strings || memcmp(&c, &first, sizeof(c)))
			return false;
	}
	return p->n_cpus > 0;
}

static void cpus(struct gd_buf *out, const struct gd_platform *p, bool frames)
{
	gd_yaml_assumed(out, p, "cpus", 2);
	if (counted(p)) {
		gd_buf_printf(out, "  cpus:\n    count: %zu", p->n_cpus);
		cpu_keys(out, p->gic_version, &p->cpus[0], frames, "\n    ");
		gd_buf_append(out, "\n", 1);
		return;
	}
	gd_buf_printf(out, "  cpus:\n");
	for (size_t i = 0; i < p->n_cpus; i++) {
		gd_buf_printf(out, "    - { mpidr: 0x%" PRIX64, p->cpus[i].mpidr);
		if (p->cpus[i].uid != i)
			gd_buf_printf(out, ", uid: %" PRIu32, p->cpus[i].uid);
		cpu_keys(out, p->gic_version, &p->cpus[i], frames, ", ");
		gd_buf_printf(out, " }\n");
	}
}

/* A frame of cpu-interface: base, and size when it is not the 8 KiB default. */
static void cpuif_frame(struct gd_buf *out, uint64_t base, uint64_t size)
{
	gd_buf_printf(out, "base: ");
	gd_yaml_addr(out, base);
	if (size && size != 0x2000) {
		gd_buf_printf(out, ", size: ");
		gd_yaml_addr(out, size);
	}
}

static void cpu_interface(struct gd_buf *out, const struct gd_platform *p)
{
	const struct gd_cpu *c = &p->cpus[0];
	gd_buf_printf(out, "  cpu-interface: { ");
	cpuif_frame(out, c->gicc_base, p->cpuif.gicc_size);
	if (c->gich_base) {
		gd_buf_printf(out, ", hypervisor: { ");
		cpuif_frame(out, c->gich_base, p->cpuif.gich_size);
		gd_buf_printf(out, " }");
	}
	if (c->gicv_base) {
		gd_buf_printf(out, ", virtual-cpu: { ");
		cpuif_frame(out, c->gicv_base, p->cpuif.gicv_size);
		gd_buf_printf(out, " }");
	}
	gd_buf_printf(out, " }\n");
}

/*
 * "    - { name: N, id: I, base: B" of a frame of @node (ITS, GICv2m frame),
 * and ", size: S" when @size is not the format's default @def.
 */
static void frame_head(struct gd_buf *out, const struct gd_yaml_plan *plan,
                       const struct gd_node *node, uint32_t id, uint64_t base, uint64_t size,
                       uint64_t def)
{
	gd_buf_printf(
	    out, "    - { name: %s, id: %" PRIu32 ", base: ", gd_yaml_node_name(plan, node), id);
	gd_yaml_addr(out, base);
	if (size != def) {
		gd_buf_printf(out, ", size: ");
		gd_yaml_addr(out, size);
	}
}

static void its_list(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	if (!p->n_its)
		return;
	gd_buf_printf(out, "  its:\n");
	gd_yaml_assumed(out, p, "its", 4);
	for (size_t i = 0; i < p->n_its; i++) {
		const struct gd_its *its = p->its[i];
		frame_head(out, plan, &its->node, its->its_id, its->base, its->size,
		           gd_its_frame_size(p->gic_version));
		gd_buf_printf(out, ", device-id-bits: %" PRIu32 ", event-id-bits: %" PRIu32,
		              its->device_id_bits, its->event_id_bits);
		if (its->has_proximity_domain)
			gd_buf_printf(out, ", proximity-domain: %" PRIu32, its->proximity_domain);
		gd_buf_printf(out, " }\n");
	}
}

static void spi_msi(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	if (p->n_msi_frames)
		gd_buf_printf(out, "  v2m-frames:\n");
	gd_yaml_assumed(out, p, "v2m-frames", 4);
	for (size_t i = 0; i < p->n_msi_frames; i++) {
		const struct gd_msi_frame *f = p->msi_frames[i];
		frame_head(out, plan, &f->node, f->frame_id, f->base, f->size, 0x1000);
		if (f->spi_count)
			gd_buf_printf(out, ", spi-base: %" PRIu32 ", spi-count: %" PRIu32,
			              f->spi_base, f->spi_count);
		gd_buf_printf(out, "%s }\n", f->dt_override ? ", msi-typer-wrong: true" : "");
	}
	for (size_t i = 0; i < p->n_mbis; i++) {
		const struct gd_mbi *m = p->mbis[i];
		gd_buf_printf(out, "  mbi:\n    name: %s\n    ranges:\n",
		              gd_yaml_node_name(plan, &m->node));
		for (size_t k = 0; k < m->n_ranges; k++) {
			gd_buf_printf(out, "      - { base: %" PRIu32 ", count: %" PRIu32,
			              m->ranges[k].base, m->ranges[k].count);
			if (m->ranges[k].multi_msi)
				gd_buf_printf(out, ", multi-msi: %" PRIu32, m->ranges[k].multi_msi);
			gd_buf_printf(out, " }\n");
		}
		if (m->alias) {
			gd_buf_printf(out, "    alias: ");
			gd_yaml_addr(out, m->alias);
			gd_buf_append(out, "\n", 1);
		}
	}
}

static void gic_section(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	gd_buf_printf(out, "\ngic:\n");
	gd_yaml_assumed(out, p, "gic", 2);
	gd_buf_printf(out, "  version: %s\n", gd_gic_version_name(p->gic_version));
	if (p->dt.n_gic_compatible) {
		gd_buf_printf(out, "  dt-compatible: ");
		string_or_list(out, p->dt.gic_compatible, p->dt.n_gic_compatible);
	}
	if (gd_dt_vgic_flags(p) != gd_dt_vgic_default_flags(p))
		gd_buf_printf(out, "  dt-vgic-flags: 0x%" PRIX32 "\n", p->dt.vgic_flags);
	if (p->gic_version == GD_GIC_V5) { /* no distributor, redistributors, CPU interface */
		cpus(out, p, false);
		gd_yaml_gicv5(out, plan);
		spi_msi(out, plan);
		return;
	}
	distributor(out, p);
	redistributors(out, p);
	bool frames = shared_frames(p);
	cpus(out, p, !frames);
	if (frames)
		cpu_interface(out, p);
	its_list(out, plan);
	for (size_t i = 0; i < p->n_direct_lpis; i++)
		gd_buf_printf(out, "  direct-lpi: { name: %s }\n",
		              gd_yaml_node_name(plan, &p->direct_lpis[i]->node));
	spi_msi(out, plan);
}

int gd_emit_yaml(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	struct gd_yaml_plan plan;
	const struct gd_platform *p = ctx->p;
	if (gd_yaml_plan_make(&plan, p, ctx->diags) != 0) {
		gd_yaml_plan_free(&plan);
		return -1;
	}
	gd_buf_printf(out, "# yaml-language-server: $schema=%s\n", GD_YAML_SCHEMA_ID);
	gd_buf_printf(out, "# Imported by gicdesc import from ");
	gd_buf_printf(out, "%s", ctx->yaml_source ? ctx->yaml_source : p->file);
	gd_buf_printf(out, ". Format: man 5 gicdesc.\n");
	gd_yaml_assumed(out, p, "", 0);
	gd_buf_printf(out, "gicdesc: 1\n\n");
	platform_section(out, p, ctx->yaml_name ? ctx->yaml_name : p->name);
	dt_section(out, p);
	gic_section(out, &plan);
	gd_yaml_nodes(out, &plan);
	gd_yaml_plan_free(&plan);
	return 0;
}

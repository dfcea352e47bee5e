/* SPDX-License-Identifier: MIT */
/*
 * dt_build.c - builds the device tree of the interrupt system: the root,
 * /psci, /cpus (arm/cpus.yaml), the per-CPU PPI devices (arm/pmu.yaml,
 * perf/spe-pmu.yaml, arm/arm,trace-buffer-extension.yaml) and the GIC with
 * its ITS children (interrupt-controller/arm,gic-v3.yaml), all as in the
 * bindings of Linux 6.1; dt_build_gicv2.c and dt_build_gicv5.c write the
 * other GIC versions, dt_build_io.c adds SMMUs, PCIe hosts and named
 * components.
 *
 * Not written, by design: identifiers that exist only inside ACPI tables
 * (processor UID, GIC ID, ITS ID, ACPI paths, parking protocol, OEM fields)
 * and what the OS reads from the GIC's own registers (number of SPIs, INTID
 * bits, DeviceID and EventID bits, GIC version 3/4/4.1: the compatible is
 * "arm,gic-v3" for all of them).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emit/dt_base.h"
#include "emit/dt_build.h"

/* Architectural frame sizes used when the model leaves a size 0 (GIC architecture §12). */

void gd_dt_error(struct gd_dt_builder *b, const struct gd_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gd_diag_vadd(b->ctx->diags, GD_SEV_ERROR, "dt-inexpressible", loc, fmt, ap);
	va_end(ap);
	b->status = -1;
}

static char *make_label(struct gd_dt_tree *t, const char *name)
{
	size_t n = strlen(name);
	char *s = gd_arena_alloc(&t->arena, n + 2), *o = s;

	if (!(name[0] >= 'a' && name[0] <= 'z') && !(name[0] >= 'A' && name[0] <= 'Z'))
		*o++ = '_';
	for (const char *c = name; *c; c++) {
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		         (*c >= '0' && *c <= '9');
		*o++ = ok ? *c : '_';
	}
	return s;
}

struct gd_dt_node *gd_dt_builder_node(struct gd_dt_builder *b, struct gd_dt_node *parent,
                                      const char *name, const char *label, const struct gd_loc *loc)
{
	struct gd_dt_node *n = gd_dt_add_node(b->t, parent, name);
	if (parent && gd_namemap_add(&b->nodes, parent, n->name, n))
		gd_dt_error(b, loc, "DT: two nodes named '%s' under the same parent", name);
	if (!label)
		return n;
	n->label = make_label(b->t, label);
	if (gd_namemap_add(&b->labels, NULL, n->label, n))
		gd_dt_error(b, loc, "DT: two nodes would get the label '%s'", n->label);
	return n;
}

/*
 * Appends the arm,gic-v5.yaml specifier <type ID flags> of the typed INTID
 * @intid (type 1 PPI or 3 SPI; an LPI has none: software allocates them).
 */
static void push_v5_spec(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t intid, bool edge,
                         const char *what, const struct gd_loc *loc)
{
	uint32_t type = GD_V5_INTID_TYPE(intid), id = GD_V5_INTID_ID(intid);
	if (type != GD_V5_PPI && type != GD_V5_SPI) {
		gd_dt_error(b, loc,
		            "DT: %s INTID 0x%x is not a GICv5 PPI or SPI; an arm,gic-v5 interrupt "
		            "specifier cannot name it",
		            what ? what : "the", intid);
		return;
	}
	size_t group = pr->group ? pr->n_cells / pr->group : 0;
	gd_dt_push_u32(b->t, pr, type);
	gd_dt_push_u32(b->t, pr, id);
	gd_dt_push_u32(b->t, pr, edge ? 1 : 4);
	gd_dt_note(b->t, pr, group, "%s%s%s %u %s", what ? what : "", what ? ": " : "",
	           type == GD_V5_PPI ? "PPI" : "SPI", id,
	           edge ? "IRQ_TYPE_EDGE_RISING" : "IRQ_TYPE_LEVEL_HIGH");
}

/*
 * gd_dt_push_interrupt() with the partition cell of @partition (NULL: 0).
 * @flags: the flags cell as stated (dt.vgic_flags), or 0: IRQ_TYPE_EDGE_RISING
 * or IRQ_TYPE_LEVEL_HIGH by @edge, and a PPI's gd_ppi_cpu_mask().
 */
static void push_spec(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t intid, bool edge,
                      const char *what, struct gd_dt_node *partition, uint32_t flags,
                      const struct gd_loc *loc)
{
	static const struct {
		uint32_t first, last, type;
		const char *name;
	} classes[] = {
	    {16, 31, 1, "GIC_PPI"},
	    {32, 1019, 0, "GIC_SPI"},
	    {1056, 1119, 3, "GIC_EPPI"},
	    {4096, 5119, 2, "GIC_ESPI"},
	};
	if (b->p->gic_version == GD_GIC_V5) {
		push_v5_spec(b, pr, intid, edge, what, loc);
		return;
	}
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (intid < classes[i].first || intid > classes[i].last)
			continue;
		size_t group = pr->group ? pr->n_cells / pr->group : 0;
		/* PPIs name their CPU interfaces in flags bits [15:8] (arm,gic.yaml). */
		uint32_t mask = classes[i].type == 1 ? gd_ppi_cpu_mask(b->p) << 8 : 0;
		gd_dt_push_u32(b->t, pr, classes[i].type);
		gd_dt_push_u32(b->t, pr, intid - classes[i].first);
		gd_dt_push_u32(b->t, pr, flags ? flags : (edge ? 1 : 4) | mask);
		if (b->icells == 4 && partition)
			gd_dt_push_ref(b->t, pr, partition);
		else if (b->icells == 4)
			gd_dt_push_u32(b->t, pr, 0);
		if (flags)
			gd_dt_note(b->t, pr, group, "%s%s%s %u, flags 0x%x as stated",
			           what ? what : "", what ? ": " : "", classes[i].name,
			           intid - classes[i].first, flags);
		else
			gd_dt_note(b->t, pr, group, "%s%s%s %u %s%s", what ? what : "",
			           what ? ": " : "", classes[i].name, intid - classes[i].first,
			           edge ? "IRQ_TYPE_EDGE_RISING" : "IRQ_TYPE_LEVEL_HIGH",
			           mask ? " | GIC_CPU_MASK_SIMPLE" : "");
		return;
	}
	gd_dt_error(b, loc,
	            "DT: %s INTID %u is not a PPI, SPI, extended PPI or extended SPI; an "
	            "arm,gic-v3 interrupt specifier cannot name it",
	            what, intid);
}

void gd_dt_push_interrupt(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t intid, bool edge,
                          const char *what, const struct gd_loc *loc)
{
	push_spec(b, pr, intid, edge, what, NULL, 0, loc);
}

void gd_dt_push_partitioned(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t intid,
                            bool edge, struct gd_dt_node *partition, const struct gd_loc *loc)
{
	push_spec(b, pr, intid, edge, "PMU", partition, 0, loc);
}

struct gd_dt_prop *gd_dt_builder_interrupts(struct gd_dt_builder *b, struct gd_dt_node *n)
{
	struct gd_dt_prop *irq = gd_dt_add_cells(b->t, n, "interrupts", b->icells);
	irq->decimal = true;
	return irq;
}

struct gd_dt_node *gd_dt_target(const struct gd_dt_builder *b, const struct gd_node *n)
{
	for (size_t i = 0; i < b->p->n_its; i++)
		if (&b->p->its[i]->node == n)
			return b->its[i];
	for (size_t i = 0; i < b->p->n_smmus; i++)
		if (&b->p->smmus[i]->node == n)
			return b->smmus[i];
	for (size_t i = 0; i < b->p->n_msi_frames; i++)
		if (&b->p->msi_frames[i]->node == n)
			return b->v2m[i];
	return n->kind == GD_NODE_MBI ? b->gic : NULL;
}

static uint32_t cpu_vgic(const struct gd_cpu *c, bool *edge)
{
	*edge = c->vgic_maint_edge;
	return c->vgic_maint_intid;
}

/* SPE and TRBE interrupts are level-sensitive (Linux's arm_spe_acpi_register_device, TRBE). */
static uint32_t cpu_spe(const struct gd_cpu *c, bool *edge)
{
	*edge = false;
	return c->spe_intid;
}

static uint32_t cpu_trbe(const struct gd_cpu *c, bool *edge)
{
	*edge = false;
	return c->trbe_intid;
}

uint32_t gd_dt_common_ppi(struct gd_dt_builder *b, gd_cpu_ppi_fn fn, const size_t *cpus, size_t n,
                          const char *what, bool *edge)
{
	if (!cpus)
		n = b->p->n_cpus;
	if (!n)
		return 0;
	uint32_t intid = fn(&b->p->cpus[cpus ? cpus[0] : 0], edge);
	for (size_t i = 1; i < n; i++) {
		const struct gd_cpu *c = &b->p->cpus[cpus ? cpus[i] : i];
		bool e;
		if (fn(c, &e) != intid || (intid && e != *edge)) {
			gd_dt_error(b, &c->loc,
			            "DT: CPUs %sdiffer in their %s interrupt; DT gives it once for "
			            "them",
			            cpus ? "of one type " : "", what);
			return 0;
		}
	}
	return intid;
}

void gd_dt_ppi_device(struct gd_dt_builder *b, gd_cpu_ppi_fn fn, const char *what, const char *name,
                      const char *compatible)
{
	bool edge = false;
	uint32_t intid = gd_dt_common_ppi(b, fn, NULL, 0, what, &edge);
	if (!intid)
		return;
	struct gd_dt_node *n = gd_dt_builder_node(b, b->t->root, name, NULL, NULL);
	gd_dt_add_string(b->t, n, "compatible", compatible);
	gd_dt_push_interrupt(b, gd_dt_builder_interrupts(b, n), intid, edge, NULL,
	                     &b->p->cpus[0].loc);
}

/* /psci (arm/psci.yaml) when a CPU's enable-method is "psci". */
static void build_psci(struct gd_dt_builder *b)
{
	size_t i = 0;
	while (i < b->p->n_cpus &&
	       !(b->p->cpus[i].enable_method && !strcmp(b->p->cpus[i].enable_method, "psci")))
		i++;
	if (i == b->p->n_cpus)
		return;
	struct gd_dt_node *n = gd_dt_builder_node(b, b->t->root, "psci", "psci", NULL);
	struct gd_dt_prop *c = gd_dt_add_strings(b->t, n, "compatible");
	gd_dt_push_string(b->t, c, "arm,psci-1.0");
	gd_dt_push_string(b->t, c, "arm,psci-0.2");
	struct gd_dt_prop *m = gd_dt_add_string(b->t, n, "method", "smc");
	gd_dt_note(b->t, m, 0, "firmware at EL3; a guest of a hypervisor uses \"hvc\"");
}

static void build_cpu(struct gd_dt_builder *b, struct gd_dt_node *cpus, size_t i, bool two_cells)
{
	const struct gd_cpu *c = &b->p->cpus[i];
	uint64_t reg = c->mpidr & (two_cells ? GD_MPIDR_AFFINITY : 0xffffff);
	char name[32], label[32];

	if (c->mpidr & ~GD_MPIDR_AFFINITY)
		gd_dt_error(b, &c->loc, "DT: MPIDR 0x%llx has bits outside Aff3..Aff0",
		            (unsigned long long)c->mpidr);
	snprintf(name, sizeof(name), "cpu@%llx", (unsigned long long)reg);
	snprintf(label, sizeof(label), "cpu%zu", i);
	struct gd_dt_node *n = b->cpus[i] = gd_dt_builder_node(b, cpus, name, label, &c->loc);
	gd_dt_add_string(b->t, n, "device_type", "cpu");
	if (c->compatible)
		gd_dt_add_string(b->t, n, "compatible", c->compatible);
	else
		gd_dt_error(b, &c->loc,
		            "DT: CPU with MPIDR 0x%llx has no compatible (required by "
		            "arm/cpus.yaml)",
		            (unsigned long long)c->mpidr);
	struct gd_dt_prop *r = gd_dt_add_cells(b->t, n, "reg", 0);
	if (two_cells)
		gd_dt_push_u64(b->t, r, reg);
	else
		gd_dt_push_u32(b->t, r, (uint32_t)reg);
	if (c->enable_method)
		gd_dt_add_string(b->t, n, "enable-method", c->enable_method);
	if (c->enable_method && !strcmp(c->enable_method, "spin-table")) {
		if (!c->parked_address)
			gd_dt_error(b, &c->loc,
			            "DT: enable-method \"spin-table\" needs a release address "
			            "(cpu-release-addr); the CPU has no parked address");
		gd_dt_push_u64(b->t, gd_dt_add_cells(b->t, n, "cpu-release-addr", 0),
		               c->parked_address);
	}
	if (!c->enabled)
		gd_dt_add_string(b->t, n, "status", "disabled");
}

static void build_cpus(struct gd_dt_builder *b)
{
	bool two_cells = false;
	for (size_t i = 0; i < b->p->n_cpus; i++)
		two_cells |= (b->p->cpus[i].mpidr >> 32 & 0xff) != 0;
	struct gd_dt_node *cpus = gd_dt_builder_node(b, b->t->root, "cpus", NULL, NULL);
	cpus->base_keeps = true;
	gd_dt_add_u32(b->t, cpus, "#address-cells", two_cells ? 2 : 1);
	gd_dt_add_u32(b->t, cpus, "#size-cells", 0);
	for (size_t i = 0; i < b->p->n_cpus; i++)
		build_cpu(b, cpus, i, two_cells);
}

void gd_dt_builder_push_reg(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint64_t base,
                            uint64_t size, const char *note)
{
	size_t group = pr->n_cells / 4;
	gd_dt_push_u64(b->t, pr, base);
	gd_dt_push_u64(b->t, pr, size);
	gd_dt_note(b->t, pr, group, "%s", note);
}

/*
 * GICC, GICH, GICV (arm,gic-v3.yaml reg after the redistributors): one value
 * for the whole GIC in DT, positional, so every CPU must agree and a later
 * frame needs the earlier ones.
 */
static void push_cpu_interfaces(struct gd_dt_builder *b, struct gd_dt_prop *reg)
{
	static const char *names[] = {"GICC", "GICH", "GICV"};
	const struct gd_platform *p = b->p;
	if (!p->n_cpus)
		return;
	uint64_t first[3] = {p->cpus[0].gicc_base, p->cpus[0].gich_base, p->cpus[0].gicv_base};
	uint64_t size[3] = {gd_cpuif_size(p->cpuif.gicc_size), gd_cpuif_size(p->cpuif.gich_size),
	                    gd_cpuif_size(p->cpuif.gicv_size)};
	for (size_t i = 1; i < p->n_cpus; i++) {
		const struct gd_cpu *c = &p->cpus[i];
		if (c->gicc_base != first[0] || c->gich_base != first[1] ||
		    c->gicv_base != first[2])
			gd_dt_error(b, &c->loc,
			            "DT: CPUs differ in their GICC/GICH/GICV bases; arm,gic-v3 "
			            "gives one of each for the whole GIC");
	}
	for (size_t k = 0; k < 3; k++) {
		if (!first[k])
			continue;
		if (k > 0 && !first[k - 1])
			gd_dt_error(b, &p->cpus[0].loc,
			            "DT: %s without %s; arm,gic-v3 reg entries are positional",
			            names[k], names[k - 1]);
		gd_dt_builder_push_reg(b, reg, first[k], size[k], names[k]);
	}
}

/*
 * Redistributor regions: as given, or one per CPU GICR frame when the model
 * has none (per-CPU GICR bases, as MADT GICC allows). Returns the number.
 */
static uint32_t push_redistributors(struct gd_dt_builder *b, struct gd_dt_prop *reg,
                                    uint64_t *stride)
{
	const struct gd_platform *p = b->p;
	uint64_t frame = gd_redist_frame_size(p->gic_version);
	char note[40];

	*stride = 0;
	for (size_t i = 0; i < p->n_redists; i++) {
		const struct gd_redist_region *r = &p->redists[i];
		uint64_t s = r->stride ? r->stride : frame;
		if (i > 0 && s != (*stride ? *stride : frame))
			gd_dt_error(b, &r->loc,
			            "DT: redistributor regions with different strides; "
			            "arm,gic-v3 has one redistributor-stride for all");
		if (i == 0 && s != frame)
			*stride = s;
		snprintf(note, sizeof(note), "GICR region %zu", i);
		gd_dt_builder_push_reg(b, reg, r->base, r->length, note);
	}
	if (p->n_redists)
		return (uint32_t)p->n_redists;
	uint32_t n = 0;
	for (size_t i = 0; i < p->n_cpus; i++) {
		if (!p->cpus[i].gicr_base)
			continue;
		snprintf(note, sizeof(note), "GICR of CPU %zu", i);
		gd_dt_builder_push_reg(b, reg, p->cpus[i].gicr_base, frame, note);
		n++;
	}
	if (!n)
		gd_dt_error(b, &p->gic_loc, "DT: the GIC has no redistributor");
	return n;
}

struct gd_dt_node *gd_dt_builder_msi_child(struct gd_dt_builder *b, const char *prefix,
                                           uint64_t base, const struct gd_node *src,
                                           const char *compatible)
{
	char name[48];

	snprintf(name, sizeof(name), "%s@%llx", prefix, (unsigned long long)base);
	struct gd_dt_node *n = gd_dt_builder_node(b, b->gic, name, src->name, &src->loc);
	n->source = src;
	gd_dt_add_string(b->t, n, "compatible", compatible);
	gd_dt_add_flag(b->t, n, "msi-controller");
	return n;
}

static void build_its(struct gd_dt_builder *b, size_t i)
{
	const struct gd_its *its = b->p->its[i];
	struct gd_dt_node *n =
	    gd_dt_builder_msi_child(b, "msi-controller", its->base, &its->node, "arm,gic-v3-its");
	b->its[i] = n;
	gd_dt_add_u32(b->t, n, "#msi-cells", 1);
	gd_dt_builder_push_reg(b, gd_dt_add_cells(b->t, n, "reg", 4), its->base,
	                       its->size ? its->size : gd_its_frame_size(b->p->gic_version),
	                       "GITS");
	if (its->has_proximity_domain)
		gd_dt_add_u32(b->t, n, "numa-node-id", its->proximity_domain);
}

struct gd_dt_node *gd_dt_builder_gic_node(struct gd_dt_builder *b, const char *const *compatible,
                                          size_t n_compatible, struct gd_dt_prop **reg)
{
	const struct gd_platform *p = b->p;
	char name[48];

	snprintf(name, sizeof(name), "interrupt-controller@%llx", (unsigned long long)p->dist.base);
	struct gd_dt_node *n = gd_dt_builder_node(b, b->t->root, name, "gic", &p->gic_loc);
	b->gic = b->t->gic = n;
	struct gd_dt_prop *c = gd_dt_add_strings(b->t, n, "compatible");
	for (size_t i = 0; i < n_compatible; i++)
		gd_dt_push_string(b->t, c, compatible[i]);
	gd_dt_add_u32(b->t, n, "#interrupt-cells", b->icells);
	gd_dt_add_u32(b->t, n, "#address-cells", 2);
	gd_dt_add_u32(b->t, n, "#size-cells", 2);
	gd_dt_add_flag(b->t, n, "ranges");
	gd_dt_add_flag(b->t, n, "interrupt-controller");
	*reg = gd_dt_add_cells(b->t, n, "reg", 4);
	gd_dt_builder_push_reg(b, *reg, p->dist.base,
	                       p->dist.size ? p->dist.size : GD_DT_GICD_FRAME_SIZE, "GICD");
	return n;
}

static void build_gic(struct gd_dt_builder *b)
{
	const struct gd_platform *p = b->p;

	if (p->gic_version == GD_GIC_V2) {
		gd_dt_build_gicv2(b);
		return;
	}
	if (p->gic_version == GD_GIC_V5) {
		gd_dt_build_gicv5(b);
		return;
	}
	struct gd_dt_prop *reg;
	static const char *const v3[] = {"arm,gic-v3"};
	struct gd_dt_node *n = gd_dt_builder_gic_node(b, v3, 1, &reg);
	uint64_t stride;
	uint32_t regions = push_redistributors(b, reg, &stride);
	push_cpu_interfaces(b, reg);
	gd_dt_add_u32(b->t, n, "#redistributor-regions", regions);
	if (stride)
		gd_dt_push_u64(b->t, gd_dt_add_cells(b->t, n, "redistributor-stride", 0), stride);
	gd_dt_build_vgic_interrupt(b, n);
	for (size_t i = 0; i < p->n_its; i++)
		build_its(b, i);
	gd_dt_build_v2m_frames(b);
	gd_dt_build_mbi(b);
}

void gd_dt_build_vgic_interrupt(struct gd_dt_builder *b, struct gd_dt_node *n)
{
	bool edge = false;
	uint32_t vgic = gd_dt_common_ppi(b, cpu_vgic, NULL, 0, "VGIC maintenance", &edge);
	if (vgic)
		push_spec(b, gd_dt_builder_interrupts(b, n), vgic, edge, "VGIC maintenance", NULL,
		          b->p->dt.has_vgic_flags ? b->p->dt.vgic_flags : 0, &b->p->cpus[0].loc);
}

int gd_dt_build(const struct gd_emit_ctx *ctx, struct gd_dt_tree *t)
{
	const struct gd_platform *p = ctx->p;
	struct gd_dt_builder b = {.ctx = ctx, .p = p, .t = t};

	b.its = gd_arena_alloc(&t->arena, (p->n_its + 1) * sizeof(*b.its));
	b.smmus = gd_arena_alloc(&t->arena, (p->n_smmus + 1) * sizeof(*b.smmus));
	b.v2m = gd_arena_alloc(&t->arena, (p->n_msi_frames + 1) * sizeof(*b.v2m));
	b.cpus = gd_arena_alloc(&t->arena, (p->n_cpus + 1) * sizeof(*b.cpus));
	b.icells = gd_dt_pmu_partitioned(p) ? 4 : 3;
	if (ctx->base && p->gic_version != GD_GIC_V2)
		b.icells = gd_dt_base_interrupt_cells(ctx->base);
	struct gd_dt_node *root = gd_dt_builder_node(&b, NULL, "", NULL, NULL);
	if (p->dt.model)
		gd_dt_add_string(t, root, "model", p->dt.model)->standalone_only = true;
	if (p->dt.n_compatible) {
		struct gd_dt_prop *c = gd_dt_add_strings(t, root, "compatible");
		c->standalone_only = true;
		for (size_t i = 0; i < p->dt.n_compatible; i++)
			gd_dt_push_string(t, c, p->dt.compatible[i]);
	}
	gd_dt_add_u32(t, root, "#address-cells", 2);
	gd_dt_add_u32(t, root, "#size-cells", 2);
	struct gd_dt_prop *parent = gd_dt_add_cells(t, root, "interrupt-parent", 0);

	build_psci(&b);
	build_cpus(&b);
	build_gic(&b);
	gd_dt_build_pmus(&b);
	gd_dt_ppi_device(&b, cpu_spe, "SPE", "spe-pmu", "arm,statistical-profiling-extension-v1");
	gd_dt_ppi_device(&b, cpu_trbe, "TRBE", "trbe", "arm,trace-buffer-extension");
	gd_dt_push_ref(t, parent, b.gic);
	gd_dt_build_direct_lpi(&b);
	gd_dt_build_smmus(&b);
	gd_dt_build_pmcgs(&b);
	gd_dt_build_iwbs(&b);
	gd_dt_build_root_complexes(&b);
	gd_dt_build_named_components(&b);
	gd_namemap_free(&b.nodes);
	gd_namemap_free(&b.labels);
	if (b.status == 0)
		gd_dt_assign_phandles(t);
	return b.status;
}

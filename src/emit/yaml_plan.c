/* SPDX-License-Identifier: MIT */
/*
 * yaml_plan.c - what of a model the YAML format can hold (struct
 * gd_yaml_plan): YAML names for the nodes, the ID mappings each node gets,
 * and a refusal (rules import-*) for every fact the format cannot say.
 */
#include <stdarg.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>

#include "emit/yaml.h"

void gd_yaml_refuse(struct gd_yaml_planner *c, const struct gd_loc *loc, const char *rule,
                    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(c->d, GD_SEV_ERROR, rule, loc, fmt, ap);
	va_end(ap);
	c->refused = 1;
}

size_t gd_yaml_node_index(const struct gd_yaml_plan *plan, const struct gd_node *n)
{
	size_t i = 0;
	while (i < plan->n_nodes && gd_platform_node(plan->p, i) != n)
		i++;
	return i;
}

const char *gd_yaml_node_name(const struct gd_yaml_plan *plan, const struct gd_node *n)
{
	size_t i = gd_yaml_node_index(plan, n);
	return i < plan->n_nodes ? plan->names[i] : "?";
}

/* True when the first @i of @names hold @s. */
static bool taken(const char *const *names, size_t i, const char *s)
{
	for (size_t k = 0; k < i; k++)
		if (!strcmp(names[k], s))
			return true;
	return false;
}

/*
 * A gicdesc(5) name for object @i of a list whose names so far are @names:
 * @from with every character the format does not take made '_', without a
 * leading '.', '-' or '_' (a DT path's '/'), at most 63 characters, made
 * unique among @names by "-2", "-3", ... (storage in @a).
 */
static const char *yaml_name(struct gd_arena *a, const char *const *names, size_t i,
                             const char *from)
{
	static const char ok[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
	char base[64], name[64];
	size_t n = 0;
	for (const char *s = from; *s && n < 56; s++) {
		char ch = strchr(ok, *s) ? *s : '_';
		if (!n && isdigit((unsigned char)ch)) /* unquoted, YAML would read a number */
			base[n++] = 'n';
		if (n || !strchr("._-", ch))
			base[n++] = ch;
	}
	base[n] = '\0';
	if (!n)
		snprintf(base, sizeof(base), "node%zu", i);
	snprintf(name, sizeof(name), "%s", base);
	for (unsigned k = 2; taken(names, i, name); k++)
		snprintf(name, sizeof(name), "%s-%u", base, k);
	return gd_arena_strdup(a, name);
}

/* Refuses what the format cannot hold of root complex @rc. */
static void check_rc(struct gd_yaml_planner *c, const struct gd_root_complex *rc)
{
	if (rc->has_msi_map_mask || rc->has_iommu_map_mask)
		gd_yaml_refuse(c, &rc->node.loc, "import-map-mask",
		               "'%s' has %s 0x%x: the format has no ID mask (a RID is used whole)",
		               rc->node.name,
		               rc->has_msi_map_mask ? "msi-map-mask" : "iommu-map-mask",
		               rc->has_msi_map_mask ? rc->msi_map_mask : rc->iommu_map_mask);
	if (rc->ecam_unknown && !rc->n_regs)
		gd_yaml_refuse(
		    c, &rc->node.loc, "import-ecam-unknown",
		    "root complex '%s' (PCI segment %u): its ECAM base and bus range are not "
		    "stated (give the MCFG table, or a DT host with reg-names)",
		    rc->node.name, rc->segment);
}

/*
 * Refuses IORT memory access properties other than those the format says:
 * coherent (CCA 1, CPM|DACS) or not (all 0), with or without CANWBS (canwbs:).
 */
static void check_mem(struct gd_yaml_planner *c, const struct gd_node *n,
                      const struct gd_mem_access *m)
{
	unsigned flags = m->flags & ~GD_MEM_CANWBS;
	bool coherent = m->cca == 1 && flags == (GD_MEM_CPM | GD_MEM_DACS) && !m->hints;
	bool plain = !m->cca && !flags && !m->hints;
	if (!coherent && !plain)
		gd_yaml_refuse(
		    c, &n->loc, "import-memory-access",
		    "'%s': IORT memory access properties CCA %u, hints 0x%x, flags 0x%x; the "
		    "format says only coherent (CCA 1, CPM|DACS) or not (all 0), and CANWBS",
		    n->name, m->cca, m->hints, m->flags);
}

/*
 * True when @s is UTF-8 (RFC 3629: no overlong form, surrogate or code point
 * past U+10FFFF) of characters a YAML stream may hold (YAML 1.1 §5.1: no C1
 * control but NEL, no U+FFFE or U+FFFF; C0 controls are written escaped).
 */
static bool yaml_text(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		unsigned n = *u < 0x80                 ? 0
		             : *u >= 0xC2 && *u < 0xE0 ? 1
		             : *u >= 0xE0 && *u < 0xF0 ? 2
		             : *u >= 0xF0 && *u < 0xF5 ? 3
		                                       : 4;
		if (n == 4)
			return false;
		uint32_t cp = n ? *u & (0x3F >> n) : *u;
		for (unsigned k = 1; k <= n; k++) {
			if ((u[k] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (u[k] & 0x3F);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0x80 && cp < 0xA0 && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF)
			return false;
		u += n + 1;
	}
	return true;
}

/* Refuses string @s (may be NULL), @what of the object at @loc, unless yaml_text(). */
static void check_text(struct gd_yaml_planner *c, const struct gd_loc *loc, const char *what,
                       const char *s)
{
	if (s && !yaml_text(s))
		gd_yaml_refuse(
		    c, loc, "import-text",
		    "%s is not UTF-8 text of characters YAML may hold, as a description is", what);
}

/* Refuses an ACPI header string (OEM ID, ...) that is not printable ASCII, as the format wants. */
static void check_acpi_id(struct gd_yaml_planner *c, const struct gd_loc *loc, const char *what,
                          const char *s)
{
	for (const char *k = s; *k; k++)
		if (*k < 0x20 || *k > 0x7E) {
			gd_yaml_refuse(c, loc, "import-text",
			               "ACPI %s holds byte 0x%02x: not printable ASCII", what,
			               (unsigned char)*k);
			return;
		}
}

/* Refuses what the format cannot hold of node @n that is not an ID mapping. */
static void check_node(struct gd_yaml_planner *c, const struct gd_node *n)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)n);
	const struct gd_named_component *nc = gd_node_as_nc((struct gd_node *)n);
	const struct gd_smmu *s = gd_node_as_smmu((struct gd_node *)n);
	size_t parents = 0;
	for (size_t k = 0; k < n->n_maps; k++)
		parents += n->maps[k].msi_parent;
	if (parents && n->n_maps > 1)
		gd_yaml_refuse(
		    c, &n->loc, "import-msi-parent",
		    "'%s' has %zu MSI parents beside other ID mappings: the format gives a "
		    "node one msi-parent or an id-map",
		    n->name, parents);
	if (rc) {
		check_rc(c, rc);
		check_mem(c, n, &rc->mem);
	}
	if (nc) {
		check_mem(c, n, &nc->mem);
		if (nc->node_flags)
			gd_yaml_refuse(
			    c, &n->loc, "import-node-flags",
			    "named component '%s': IORT node flags 0x%x; the format has none",
			    n->name, nc->node_flags);
	}
	for (size_t k = 0; s && k < s->n_dt_compatible; k++)
		check_text(c, &n->loc, "the SMMU's compatible", s->dt_compatible[k]);
	for (size_t k = 0; rc && k < rc->n_dt_compatible; k++)
		check_text(c, &n->loc, "the PCI host's compatible", rc->dt_compatible[k]);
	for (size_t k = 0; rc && k < rc->n_regs; k++)
		check_text(c, &n->loc, "a reg-names name", rc->regs[k].name);
	if (nc) {
		check_text(c, &n->loc, "the ACPI device object name", nc->acpi_path);
		check_text(c, &n->loc, "the DT path", nc->dt_path);
	}
	if (s && s->version == GD_SMMU_V1_V2 && !gd_smmu_dt_compatible(s->version, s->model))
		gd_yaml_refuse(c, &n->loc, "import-smmu-model",
		               "SMMUv1/v2 '%s': IORT model %u has no name in the format", n->name,
		               s->model);
	if (s && s->version == GD_SMMU_V1_V2 && !s->nsg_irpt.intid)
		gd_yaml_refuse(c, &n->loc, "import-smmu-interrupts",
		               "SMMUv1/v2 '%s' has no SMMU_NSgIrpt, which the format requires",
		               n->name);
	const struct gd_pmcg *g = gd_node_as_pmcg((struct gd_node *)n);
	if (g && !g->node_ref)
		gd_yaml_refuse(
		    c, &n->loc, "import-pmcg-node",
		    "PMCG '%s': the input does not say whose traffic it counts (IORT node "
		    "reference), which the format requires (a DT cannot say it: give the IORT "
		    "too)",
		    n->name);
	if (s && s->own_msi && s->own_msi->output->kind != GD_NODE_ITS)
		gd_yaml_refuse(
		    c, &n->loc, "import-own-msi",
		    "SMMU '%s': its own MSIs go to %s '%s'; the format sends them to an ITS",
		    n->name, gd_node_what(s->own_msi->output), s->own_msi->output->name);
}

/* The strings of @p outside the mapping graph's nodes: UTF-8, ACPI IDs printable ASCII. */
static void check_strings(struct gd_yaml_planner *c, const struct gd_platform *p)
{
	struct gd_loc file = {.file = p->file};
	check_acpi_id(c, &file, "OEM ID", p->oem_id);
	check_acpi_id(c, &file, "OEM Table ID", p->oem_table_id);
	check_acpi_id(c, &file, "Creator ID", p->acpi.creator_id);
	check_text(c, &file, "the DT model", p->dt.model);
	for (size_t i = 0; i < p->dt.n_compatible; i++)
		check_text(c, &file, "the DT root compatible", p->dt.compatible[i]);
	for (size_t i = 0; i < p->dt.n_gic_compatible; i++)
		check_text(c, &p->gic_loc, "the GIC's compatible", p->dt.gic_compatible[i]);
	for (size_t i = 0; i < p->dt.n_pmu_compatible; i++)
		check_text(c, &file, "the PMU's compatible", p->dt.pmu_compatible[i]);
	for (size_t i = 0; i < p->n_cpus; i++) {
		check_text(c, &p->cpus[i].loc, "the CPU's compatible", p->cpus[i].compatible);
		check_text(c, &p->cpus[i].loc, "the CPU's enable-method", p->cpus[i].enable_method);
	}
	for (size_t i = 0; i < p->n_wired; i++)
		check_text(c, &p->wired[i].loc, "the device's name", p->wired[i].device);
}

/* Refuses what the format cannot hold outside the mapping graph. */
static void check_platform(struct gd_yaml_planner *c, const struct gd_platform *p)
{
	struct gd_loc file = {.file = p->file};
	if (!p->gic_version)
		gd_yaml_refuse(c, &file, "import-no-gic",
		               "no GIC the model holds: nothing to describe");
	if (p->gic_version && !p->n_cpus)
		gd_yaml_refuse(
		    c, &file, "import-no-cpus",
		    "no CPUs (and no distributor): the format needs them (give the MADT)");
	if (p->gic_version == GD_GIC_V5 && (p->n_msi_frames || p->n_mbis))
		gd_yaml_refuse(
		    c, p->n_msi_frames ? &p->msi_frames[0]->node.loc : &p->mbis[0]->node.loc,
		    "import-gicv5-spi-msi",
		    "a GICv2m frame or MBI beside a GICv5 (QEMU 11.1's msi=gicv2m): the "
		    "format gives a GICv5 none, and no GICv5 driver drives one");
	for (size_t i = 0; i < p->n_v5_its; i++) {
		size_t frames = 0;
		for (size_t k = 0; k < p->n_its; k++)
			frames += p->its[k]->v5 == p->v5_its[i];
		if (!frames)
			gd_yaml_refuse(
			    c, &p->v5_its[i]->loc, "import-gicv5-its-frames",
			    "GICv5 ITS '%s' has no translate frame: the format holds a GICv5 "
			    "ITS by its translate frames (and no MSI can reach it)",
			    p->v5_its[i]->name);
	}
	for (size_t i = 0; i < p->n_cpus; i++)
		if (p->cpus[i].cpu_interface_number != i)
			gd_yaml_refuse(
			    c, &p->cpus[i].loc, "import-cpu-interface-number",
			    "CPU %zu has CPU interface number %u; the format numbers each CPU's "
			    "interface by its index",
			    i, p->cpus[i].cpu_interface_number);
}

int gd_yaml_plan_make(struct gd_yaml_plan *plan, const struct gd_platform *p, struct gd_diags *d)
{
	struct gd_yaml_planner c = {.plan = plan, .d = d};
	memset(plan, 0, sizeof(*plan));
	plan->p = p;
	while (gd_platform_node(p, plan->n_nodes))
		plan->n_nodes++;
	size_t n = plan->n_nodes ? plan->n_nodes : 1;
	plan->maps = gd_arena_alloc(&plan->arena, n * sizeof(*plan->maps));
	plan->rmr_names =
	    gd_arena_alloc(&plan->arena, (p->n_rmrs ? p->n_rmrs : 1) * sizeof(*plan->rmr_names));
	for (size_t i = 0; i < p->n_rmrs; i++)
		plan->rmr_names[i] = yaml_name(&plan->arena, plan->rmr_names, i, p->rmrs[i]->name);
	check_platform(&c, p);
	check_strings(&c, p);
	/* The names of the nodes, then of the IRSes and GICv5 ITSes, unique among them all. */
	size_t n_all = plan->n_nodes + p->n_irses + p->n_v5_its;
	const char **all = gd_arena_alloc(&plan->arena, (n_all ? n_all : 1) * sizeof(*all));
	for (size_t i = 0; i < n_all; i++) {
		const struct gd_node *node = i < plan->n_nodes ? gd_platform_node(p, i) : NULL;
		size_t k = i - plan->n_nodes;
		all[i] = yaml_name(&plan->arena, all, i,
		                   node             ? node->name
		                   : k < p->n_irses ? p->irses[k]->name
		                                    : p->v5_its[k - p->n_irses]->name);
		if (node)
			check_node(&c, node);
	}
	plan->names = all;
	plan->irs_names = all + plan->n_nodes;
	plan->v5_its_names = plan->irs_names + p->n_irses;
	for (size_t i = 0; i < plan->n_nodes; i++) {
		const struct gd_node *node = gd_platform_node(p, i);
		const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)node);
		for (size_t k = 0; !(rc && rc->n_iommu_maps) && k < node->n_maps; k++)
			*GD_ARRAY_PUSH(&plan->arena, plan->maps[i].v, plan->maps[i].n,
			               plan->maps[i].cap) = node->maps[k];
	}
	gd_yaml_fold_iommu_maps(&c);
	return c.refused ? -1 : 0;
}

void gd_yaml_plan_free(struct gd_yaml_plan *plan)
{
	gd_arena_free(&plan->arena);
	memset(plan, 0, sizeof(*plan));
}

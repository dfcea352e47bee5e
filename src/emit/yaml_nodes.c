/* SPDX-License-Identifier: MIT */
/*
 * yaml_nodes.c - the sections of the mapping graph in the YAML description
 * (gicdesc(5)): iommus: (SMMUv3, IORT E.e §3.1.1.3; SMMUv1/v2, §3.1.1.2),
 * root-complexes: (§3.1.1.5), named-components: (§3.1.1.4), pmcgs:
 * (§3.1.1.6), rmrs: (§3.1.1.7), and devices: (the wired interrupts of the
 * other DT nodes).
 * ID mappings are the plan's (yaml_plan.c), not the model's as loaded.
 */
#include <inttypes.h>
#include <string.h>

#include "emit/yaml.h"

/*
 * The line "KEY:" of a top-level list of @n items, after a blank line, with
 * the assumptions about it; false (nothing written) when @n is 0.
 */
static bool section(struct gd_buf *out, const struct gd_platform *p, const char *key, size_t n)
{
	if (!n)
		return false;
	gd_buf_printf(out, "\n%s:\n", key);
	gd_yaml_assumed(out, p, key, 2);
	return true;
}

/* The first line of a list item that is node @n: "  - name: NAME". */
static void item(struct gd_buf *out, const struct gd_yaml_plan *plan, const struct gd_node *n)
{
	gd_buf_printf(out, "  - name: %s\n", gd_yaml_node_name(plan, n));
}

/* Appends one ID mapping of id-map as a flow mapping. */
static void id_map_entry(struct gd_buf *out, const struct gd_yaml_plan *plan,
                         const struct gd_id_map *m)
{
	if (m->single)
		gd_buf_printf(out, "{ single: true");
	else
		gd_buf_printf(out, "{ input-base: 0x%" PRIX32 ", count: 0x%" PRIX64, m->input_base,
		              m->count);
	gd_buf_printf(out, ", output-base: 0x%" PRIX32 ", output: %s }", m->output_base,
	              gd_yaml_node_name(plan, m->output));
}

void gd_yaml_id_maps(struct gd_buf *out, const struct gd_yaml_plan *plan, const struct gd_node *n,
                     unsigned indent)
{
	const struct gd_yaml_maps *maps = &plan->maps[gd_yaml_node_index(plan, n)];
	if (maps->n == 1 && maps->v[0].msi_parent) {
		gd_buf_printf(out, "%*smsi-parent: %s\n", (int)indent, "",
		              gd_yaml_node_name(plan, maps->v[0].output));
		return;
	}
	if (!maps->n)
		return;
	gd_buf_printf(out, "%*sid-map:\n", (int)indent, "");
	for (size_t i = 0; i < maps->n; i++) {
		gd_buf_printf(out, "%*s  - ", (int)indent, "");
		id_map_entry(out, plan, &maps->v[i]);
		gd_buf_append(out, "\n", 1);
	}
}

/* Appends an interrupt list of an SMMUv1/v2: runs of consecutive INTIDs of one trigger as count. */
static void irq_list(struct gd_buf *out, enum gd_gic_version gic, const char *key,
                     const struct gd_smmu_irq *v, size_t n)
{
	if (!n)
		return;
	gd_buf_printf(out, "      %s:\n", key);
	for (size_t i = 0; i < n;) {
		size_t run = 1;
		while (i + run < n && v[i + run].intid == v[i].intid + run &&
		       v[i + run].edge == v[i].edge)
			run++;
		gd_buf_printf(out, "        - ");
		gd_yaml_interrupt(out, gic, v[i].intid, v[i].edge ? "edge" : NULL, (uint32_t)run);
		gd_buf_append(out, "\n", 1);
		i += run;
	}
}

/* The name of an SMMU's model in the format (gicdesc(5) iommus: model). */
static const char *smmu_model(const struct gd_smmu *s)
{
	static const char *const v3[] = {"smmuv3", "smmuv3-hisilicon-hi161x",
	                                 "smmuv3-cavium-cn99xx"};
	static const char *const v2[] = {"smmuv1",  "smmuv2",  "mmu-400",
	                                 "mmu-500", "mmu-401", "smmuv2-cavium-thunderx"};
	if (s->version == GD_SMMU_V3)
		return s->model < 3 ? v3[s->model] : "smmuv3";
	return v2[s->model]; /* a model without a name is refused (yaml_plan.c) */
}

/* The "KEY: INTERRUPT" line of an SMMU interrupt when it is not 0 (trigger: edge when @edge). */
static void smmu_irq(struct gd_buf *out, enum gd_gic_version gic, const char *key, uint32_t intid,
                     bool edge)
{
	if (!intid)
		return;
	gd_buf_printf(out, "      %s: ", key);
	gd_yaml_interrupt(out, gic, intid, edge ? "edge" : NULL, 1);
	gd_buf_append(out, "\n", 1);
}

static void smmu_v3(struct gd_buf *out, const struct gd_yaml_plan *plan, const struct gd_smmu *s)
{
	if (s->httu_override)
		gd_buf_printf(out, "    httu-override: true\n");
	if (s->vatos_base) {
		gd_buf_printf(out, "    vatos-base: ");
		gd_yaml_addr(out, s->vatos_base);
		gd_buf_append(out, "\n", 1);
	}
	if (s->has_proximity_domain)
		gd_buf_printf(out, "    proximity-domain: %" PRIu32 "\n", s->proximity_domain);
	if (s->event_intid || s->pri_intid || s->gerr_intid || s->sync_intid)
		gd_buf_printf(out, "    interrupts:\n");
	smmu_irq(out, plan->p->gic_version, "event", s->event_intid, false);
	smmu_irq(out, plan->p->gic_version, "pri", s->pri_intid, false);
	smmu_irq(out, plan->p->gic_version, "gerror", s->gerr_intid, false);
	smmu_irq(out, plan->p->gic_version, "sync", s->sync_intid, false);
	if (s->own_msi)
		gd_buf_printf(out, "    own-msi: { output: %s, device-id: 0x%" PRIX32 " }\n",
		              gd_yaml_node_name(plan, s->own_msi->output), s->own_msi->output_base);
}

static void smmu_v2(struct gd_buf *out, enum gd_gic_version gic, const struct gd_smmu *s)
{
	if (s->dvm)
		gd_buf_printf(out, "    dvm: true\n");
	if (s->n_dt_compatible) {
		gd_buf_printf(out, "    compatible: [");
		for (size_t i = 0; i < s->n_dt_compatible; i++) {
			gd_buf_printf(out, "%s", i ? ", " : "");
			gd_yaml_string(out, s->dt_compatible[i]);
		}
		gd_buf_printf(out, "]\n");
	}
	if (s->iommu_cells > 1)
		gd_buf_printf(out, "    iommu-cells: %" PRIu32 "\n", s->iommu_cells);
	if (s->has_stream_match_mask)
		gd_buf_printf(out, "    stream-match-mask: 0x%" PRIX32 "\n", s->stream_match_mask);
	gd_buf_printf(out, "    interrupts:\n");
	smmu_irq(out, gic, "nsg-irpt", s->nsg_irpt.intid, s->nsg_irpt.edge);
	smmu_irq(out, gic, "nsg-cfg-irpt", s->nsg_cfg_irpt.intid, s->nsg_cfg_irpt.edge);
	irq_list(out, gic, "global", s->global, s->n_global);
	irq_list(out, gic, "pmu", s->pmu, s->n_pmu);
	irq_list(out, gic, "context", s->context, s->n_context);
}

static void iommus(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	if (!section(out, p, "iommus", p->n_smmus))
		return;
	for (size_t i = 0; i < p->n_smmus; i++) {
		const struct gd_smmu *s = p->smmus[i];
		item(out, plan, &s->node);
		gd_buf_printf(out, "    model: %s\n    base: ", smmu_model(s));
		gd_yaml_addr(out, s->base);
		if (s->version != GD_SMMU_V3 || s->size != 0x20000) {
			gd_buf_printf(out, "\n    size: ");
			gd_yaml_addr(out, s->size);
		}
		gd_buf_printf(out, "\n%s", s->coherent ? "    coherent: true\n" : "");
		if (s->version == GD_SMMU_V3)
			smmu_v3(out, plan, s);
		else
			smmu_v2(out, p->gic_version, s);
		gd_yaml_id_maps(out, plan, &s->node, 4);
	}
}

/* "    coherent: true", canwbs and memory-address-limit of IORT's memory access properties. */
static void memory_access(struct gd_buf *out, const struct gd_mem_access *m, uint8_t limit)
{
	if (m->cca)
		gd_buf_printf(out, "    coherent: true\n");
	if (m->flags & GD_MEM_CANWBS)
		gd_buf_printf(out, "    canwbs: true\n");
	if (!limit)
		gd_buf_printf(out, "    # IORT memory address size limit 0 (not stated): the "
		                   "format's default of 64 bits is written\n");
	else if (limit < 64)
		gd_buf_printf(out, "    memory-address-limit: %u\n", limit);
}

static void compatible_list(struct gd_buf *out, const char *key, const char *const *v, size_t n)
{
	gd_buf_printf(out, "%s: [", key);
	for (size_t i = 0; i < n; i++) {
		gd_buf_printf(out, "%s", i ? ", " : "");
		gd_yaml_string(out, v[i]);
	}
	gd_buf_printf(out, "]\n");
}

/* ecam: or host: of a root complex (yaml_plan.c refused one with neither). */
static void host_bridge(struct gd_buf *out, const struct gd_root_complex *rc)
{
	if (!rc->n_regs) {
		gd_buf_printf(out, "    ecam: { base: ");
		gd_yaml_addr(out, rc->ecam_base + ((uint64_t)rc->bus_start << 20));
		gd_buf_printf(out, ", bus-range: [0x%02X, 0x%02X]", rc->bus_start, rc->bus_end);
		if (rc->ecam_size) {
			gd_buf_printf(out, ", size: ");
			gd_yaml_addr(out, rc->ecam_size);
		}
		gd_buf_printf(out, " }\n");
		if (rc->n_dt_compatible && (rc->n_dt_compatible != 1 ||
		                            strcmp(rc->dt_compatible[0], "pci-host-ecam-generic")))
			compatible_list(out, "    dt-compatible", rc->dt_compatible,
			                rc->n_dt_compatible);
		return;
	}
	gd_buf_printf(out, "    host:\n");
	compatible_list(out, "      compatible", rc->dt_compatible, rc->n_dt_compatible);
	gd_buf_printf(out, "      bus-range: [0x%02X, 0x%02X]\n      reg:\n", rc->bus_start,
	              rc->bus_end);
	for (size_t i = 0; i < rc->n_regs; i++) {
		gd_buf_printf(out, "        - { name: ");
		gd_yaml_string(out, rc->regs[i].name);
		gd_buf_printf(out, ", base: ");
		gd_yaml_addr(out, rc->regs[i].base);
		gd_buf_printf(out, ", size: ");
		gd_yaml_addr(out, rc->regs[i].size);
		gd_buf_printf(out, " }\n");
	}
}

/* lpis: the LPI INTIDs a source owns behind Direct LPI. */
static void lpis(struct gd_buf *out, const struct gd_intid_range *v, size_t n)
{
	if (!n)
		return;
	gd_buf_printf(out, "    lpis:\n");
	for (size_t i = 0; i < n; i++) {
		gd_buf_printf(out, "      - { base: %" PRIu32 ", count: %" PRIu32, v[i].base,
		              v[i].count);
		if (v[i].multi_msi)
			gd_buf_printf(out, ", multi-msi: %" PRIu32, v[i].multi_msi);
		gd_buf_printf(out, " }\n");
	}
}

static void root_complexes(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	static const char *const space[] = {"", "io", "mem32", "mem64"};
	const struct gd_platform *p = plan->p;
	if (!section(out, p, "root-complexes", p->n_rcs))
		return;
	for (size_t i = 0; i < p->n_rcs; i++) {
		const struct gd_root_complex *rc = p->rcs[i];
		item(out, plan, &rc->node);
		gd_buf_printf(out, "    segment: %" PRIu32 "\n", rc->segment);
		host_bridge(out, rc);
		memory_access(out, &rc->mem, rc->memory_address_limit);
		if (rc->ats)
			gd_buf_printf(out, "    ats: true\n");
		if (rc->n_windows)
			gd_buf_printf(out, "    windows:\n");
		for (size_t k = 0; k < rc->n_windows; k++) {
			const struct gd_pci_window *w = &rc->windows[k];
			gd_buf_printf(out, "      - { type: %s%s, pci-base: ", space[w->space],
			              w->prefetchable ? ", prefetchable: true" : "");
			gd_yaml_addr(out, w->pci_base);
			gd_buf_printf(out, ", cpu-base: ");
			gd_yaml_addr(out, w->cpu_base);
			gd_buf_printf(out, ", size: ");
			gd_yaml_addr(out, w->size);
			gd_buf_printf(out, " }\n");
		}
		gd_yaml_id_maps(out, plan, &rc->node, 4);
		/* said by msi-parent: itself, unless an iommu-map folded it into an id-map */
		if (rc->dt_msi_parent && rc->n_iommu_maps)
			gd_buf_printf(out, "    dt-msi-parent: true\n");
		lpis(out, rc->lpis, rc->n_lpis);
	}
}

static void named_components(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	if (!section(out, p, "named-components", p->n_ncs))
		return;
	for (size_t i = 0; i < p->n_ncs; i++) {
		const struct gd_named_component *nc = p->ncs[i];
		item(out, plan, &nc->node);
		if (nc->acpi_path) {
			gd_buf_printf(out, "    acpi-path: ");
			gd_yaml_string(out, nc->acpi_path);
			gd_buf_append(out, "\n", 1);
		}
		if (nc->dt_path) {
			gd_buf_printf(out, "    dt-path: ");
			gd_yaml_string(out, nc->dt_path);
			gd_buf_append(out, "\n", 1);
		}
		memory_access(out, &nc->mem, nc->memory_address_limit);
		gd_yaml_id_maps(out, plan, &nc->node, 4);
		lpis(out, nc->lpis, nc->n_lpis);
	}
}

static void rmrs(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	static const char *const access[] = {"device-ngnrne", "device-ngnre", "device-ngre",
	                                     "device-gre",    "normal-nc",    "normal-wb"};
	const struct gd_platform *p = plan->p;
	section(out, p, "rmrs", p->n_rmrs);
	for (size_t i = 0; i < p->n_rmrs; i++) {
		const struct gd_rmr *r = p->rmrs[i];
		gd_buf_printf(out, "  - name: %s\n%s%s", plan->rmr_names[i],
		              r->remap_permitted ? "    remap-permitted: true\n" : "",
		              r->access_privileged ? "    access-privileged: true\n" : "");
		if (r->access)
			gd_buf_printf(out, "    access: %s\n", access[r->access]);
		gd_buf_printf(out, "    ranges:\n");
		for (size_t k = 0; k < r->n_ranges; k++) {
			gd_buf_printf(out, "      - { base: ");
			gd_yaml_addr(out, r->ranges[k].base);
			gd_buf_printf(out, ", length: ");
			gd_yaml_addr(out, r->ranges[k].length);
			gd_buf_printf(out, " }\n");
		}
		if (r->n_stream_ids)
			gd_buf_printf(out, "    stream-ids:\n");
		for (size_t k = 0; k < r->n_stream_ids; k++)
			gd_buf_printf(out,
			              "      - { iommu: %s, base: 0x%" PRIX32 ", count: 0x%" PRIX64
			              " }\n",
			              gd_yaml_node_name(plan, r->stream_ids[k].output),
			              r->stream_ids[k].input_base, r->stream_ids[k].count);
	}
}

/*
 * devices: the wired interrupts of the other DT nodes, one device a run of
 * interrupts of one node. A DT trigger the format has no word for (edge
 * falling, level low: the GIC takes them as edge and level) is written as
 * that and said in a comment.
 */
static void devices(struct gd_buf *out, const struct gd_platform *p)
{
	section(out, p, "devices", p->n_wired);
	for (size_t i = 0; i < p->n_wired;) {
		const char *dev = p->wired[i].device;
		const char *base = strrchr(dev, '/');
		gd_buf_printf(out, "  - name: ");
		gd_yaml_string(out, base && base[1] ? base + 1 : dev);
		if (dev[0] == '/') {
			gd_buf_printf(out, "\n    dt-path: ");
			gd_yaml_string(out, dev);
		}
		gd_buf_printf(out, "\n    interrupts:\n");
		for (; i < p->n_wired && !strcmp(p->wired[i].device, dev); i++) {
			uint32_t type = p->wired[i].flags & 0xf;
			gd_buf_printf(out, "      - ");
			gd_yaml_interrupt(out, p->gic_version, p->wired[i].intid,
			                  !type      ? NULL
			                  : type & 3 ? "edge"
			                             : "level",
			                  1);
			if (type == 2 || type == 8)
				gd_buf_printf(out, "  # DT: %s",
				              type == 2 ? "IRQ_TYPE_EDGE_FALLING"
				                        : "IRQ_TYPE_LEVEL_LOW");
			gd_buf_append(out, "\n", 1);
		}
	}
}

/* pmcgs: SMMUv3 PMCGs (IORT E.e §3.1.1.6); one without a node reference is refused (yaml_plan.c).
 */
static void pmcgs(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	section(out, p, "pmcgs", p->n_pmcgs);
	for (size_t i = 0; i < p->n_pmcgs; i++) {
		const struct gd_pmcg *g = p->pmcgs[i];
		item(out, plan, &g->node);
		gd_buf_printf(out, "    page0-base: ");
		gd_yaml_addr(out, g->page0_base);
		if (g->has_page1) {
			gd_buf_printf(out, "\n    page1-base: ");
			gd_yaml_addr(out, g->page1_base);
		}
		gd_buf_printf(out, "\n    node: %s\n", gd_yaml_node_name(plan, g->node_ref));
		if (g->overflow_intid) {
			gd_buf_printf(out, "    overflow-interrupt: ");
			gd_yaml_interrupt(out, plan->p->gic_version, g->overflow_intid, NULL, 1);
			gd_buf_append(out, "\n", 1);
		}
		gd_yaml_id_maps(out, plan, &g->node, 4);
	}
}

void gd_yaml_nodes(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	gd_yaml_iwbs(out, plan);
	iommus(out, plan);
	root_complexes(out, plan);
	named_components(out, plan);
	pmcgs(out, plan);
	rmrs(out, plan);
	devices(out, plan->p);
}

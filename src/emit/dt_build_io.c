/* SPDX-License-Identifier: MIT */
/*
 * dt_build_io.c - the MSI and IOMMU clients of the device tree: SMMUv3 nodes
 * (iommu/arm,smmu-v3.yaml), SMMUv1/v2 nodes (iommu/arm,smmu.yaml), PCIe hosts
 * (pci/host-generic-pci.yaml with msi-map from pci/pci-msi.txt and iommu-map from
 * pci/pci-iommu.txt) and the msi-parent/iommus of named components (interrupt-controller/msi.txt,
 * iommu/iommu.txt), Linux 6.1.
 *
 * DeviceIDs come from the resolver's routes only; nothing here follows an ID
 * mapping to its ITS. iommu-map and iommus are the sources' own mappings
 * whose output is an SMMU (one hop, RID or ID -> StreamID).
 */
#include <stdio.h>
#include <string.h>

#include "emit/dt_build.h"

#define SMMU_FRAME_SIZE 0x20000u  /* register pages 0 and 1, 64 KiB each */
#define ECAM_BUS_SIZE   0x100000u /* 1 MiB of configuration space per bus (PCIe ECAM) */
#define MAX_IOMMUS_IDS  32u       /* StreamIDs we list one by one in "iommus" */
#define PMCG_PAGE_SIZE  0x1000u   /* a PMCG register page (Linux iort.c: SZ_4K) */

/* The routes of @source (*@n of them), none when the context has no routes. */
static const struct gd_route *routes_of(const struct gd_dt_builder *b, const struct gd_node *source,
                                        size_t *n)
{
	*n = 0;
	return b->ctx->routes ? gd_routes_of(b->ctx->routes, source, n) : NULL;
}

void gd_dt_msi_parent(struct gd_dt_builder *b, struct gd_dt_node *dn, const struct gd_node *source)
{
	size_t n;
	const struct gd_route *routes = routes_of(b, source, &n);
	if (gd_dt_direct_lpi_parent(b, dn, source))
		return;
	for (size_t i = 0; i < n; i++) {
		const struct gd_route *r = &routes[i];
		if (!r->single)
			continue;
		struct gd_dt_node *its = r->status == GD_ROUTE_OK ? gd_dt_target(b, r->sink) : NULL;
		if (its && r->sink->kind != GD_NODE_ITS && source->kind != GD_NODE_SMMU) {
			/* SPI-based MSI: no DeviceID, no msi-specifier (msi.txt #msi-cells 0). */
			gd_dt_push_ref(b->t, gd_dt_add_cells(b->t, dn, "msi-parent", 0), its);
			return;
		}
		if (!its || r->sink->kind != GD_NODE_ITS) {
			gd_dt_error(b, &source->loc,
			            "DT: the own DeviceID of %s '%s' does not reach an ITS, so it "
			            "has no msi-parent",
			            gd_node_kind_name(source->kind), source->name);
			return;
		}
		struct gd_dt_prop *pr = gd_dt_add_cells(b->t, dn, "msi-parent", 0);
		gd_dt_push_ref(b->t, pr, its);
		gd_dt_push_u32(b->t, pr, r->output_base);
		gd_dt_note(b->t, pr, 0, "DeviceID %u", r->output_base);
		return;
	}
	gd_dt_error(b, &source->loc, "DT: %s '%s' has no route for its own DeviceID (msi-parent)",
	            gd_node_kind_name(source->kind), source->name);
}

/* SMMU wired interrupts are edge-triggered (Linux iort.c registers them ACPI_EDGE_SENSITIVE). */
static void smmu_interrupts(struct gd_dt_builder *b, struct gd_dt_node *n, const struct gd_smmu *s)
{
	const struct {
		uint32_t intid;
		const char *name;
	} irqs[] = {
	    {s->event_intid, "eventq"},
	    {s->pri_intid, "priq"},
	    {s->sync_intid, "cmdq-sync"},
	    {s->gerr_intid, "gerror"},
	};
	struct gd_dt_prop *irq = NULL, *names = NULL;
	for (size_t i = 0; i < sizeof(irqs) / sizeof(irqs[0]); i++) {
		if (!irqs[i].intid)
			continue;
		if (!irq) {
			irq = gd_dt_builder_interrupts(b, n);
			names = gd_dt_add_strings(b->t, n, "interrupt-names");
		}
		gd_dt_push_interrupt(b, irq, irqs[i].intid, true, irqs[i].name, &s->node.loc);
		gd_dt_push_string(b->t, names, irqs[i].name);
	}
}

/* Appends the interrupts @v (@n of them, named @what in notes) to @pr. */
static void push_smmu_irqs(struct gd_dt_builder *b, struct gd_dt_prop *pr,
                           const struct gd_smmu_irq *v, size_t n, const char *what,
                           const struct gd_loc *loc)
{
	for (size_t k = 0; k < n; k++)
		gd_dt_push_interrupt(b, pr, v[k].intid, v[k].edge, what, loc);
}

/*
 * SMMUv1/v2 (arm,smmu.yaml): compatible (the description's, else the
 * model's), reg, #global-interrupts and interrupts: the global interrupts,
 * then the PMU ones (which #global-interrupts counts: "2 secure, 2
 * non-secure, and up to 256 perf counters"), then one per context bank, as
 * Linux's arm-smmu.c takes them (context interrupts from index
 * #global-interrupts on). #iommu-cells, stream-match-mask, dma-coherent
 * (IORT coherent page table walk). DVM has no DT form: Linux reads it from
 * SMMU_IDR0.
 */
static void smmu_v2_props(struct gd_dt_builder *b, struct gd_dt_node *n, const struct gd_smmu *s)
{
	struct gd_smmu_irq tmp[2];
	size_t n_global;
	const struct gd_smmu_irq *global = gd_smmu_dt_global(s, tmp, &n_global);
	gd_dt_add_u32(b->t, n, "#global-interrupts", (uint32_t)(n_global + s->n_pmu));
	if (n_global + s->n_pmu + s->n_context) {
		struct gd_dt_prop *irq = gd_dt_builder_interrupts(b, n);
		push_smmu_irqs(b, irq, global, n_global, "global", &s->node.loc);
		push_smmu_irqs(b, irq, s->pmu, s->n_pmu, "PMU", &s->node.loc);
		push_smmu_irqs(b, irq, s->context, s->n_context, "context", &s->node.loc);
	}
	gd_dt_add_u32(b->t, n, "#iommu-cells", s->iommu_cells ? s->iommu_cells : 1);
	if (s->has_stream_match_mask)
		gd_dt_add_u32(b->t, n, "stream-match-mask", s->stream_match_mask);
	if (s->coherent)
		gd_dt_add_flag(b->t, n, "dma-coherent");
}

/* compatible of an SMMU: the description's list, else its model's generic one. */
static void smmu_compatible(struct gd_dt_builder *b, struct gd_dt_node *n, const struct gd_smmu *s)
{
	const char *generic = gd_smmu_dt_compatible(s->version, s->model);
	if (!s->n_dt_compatible && !generic) {
		gd_dt_error(b, &s->node.loc,
		            "DT: SMMUv1/v2 '%s' of IORT model %u has no arm,smmu.yaml compatible; "
		            "give compatible",
		            s->node.name, (unsigned)s->model);
		return;
	}
	struct gd_dt_prop *pr = gd_dt_add_strings(b->t, n, "compatible");
	for (size_t k = 0; k < s->n_dt_compatible; k++)
		gd_dt_push_string(b->t, pr, s->dt_compatible[k]);
	if (!s->n_dt_compatible)
		gd_dt_push_string(b->t, pr, generic);
}

static void build_smmu(struct gd_dt_builder *b, size_t i)
{
	const struct gd_smmu *s = b->p->smmus[i];
	char name[48];

	snprintf(name, sizeof(name), "iommu@%llx", (unsigned long long)s->base);
	struct gd_dt_node *n = gd_dt_builder_node(b, b->t->root, name, s->node.name, &s->node.loc);
	b->smmus[i] = n;
	n->source = &s->node;
	smmu_compatible(b, n, s);
	struct gd_dt_prop *reg = gd_dt_add_cells(b->t, n, "reg", 4);
	gd_dt_push_u64(b->t, reg, s->base);
	gd_dt_push_u64(b->t, reg, s->size ? s->size : SMMU_FRAME_SIZE);
	if (s->version == GD_SMMU_V1_V2) {
		smmu_v2_props(b, n, s);
		return;
	}
	smmu_interrupts(b, n, s);
	gd_dt_add_u32(b->t, n, "#iommu-cells", 1);
	if (s->coherent)
		gd_dt_add_flag(b->t, n, "dma-coherent");
	/* The IORT models are the quirks Linux's arm-smmu-v3 reads from these DT flags. */
	if (s->model == GD_SMMUV3_HISILICON_HI161X)
		gd_dt_add_flag(b->t, n, "hisilicon,broken-prefetch-cmd");
	else if (s->model == GD_SMMUV3_CAVIUM_CN99XX)
		gd_dt_add_flag(b->t, n, "cavium,cn9900-broken-page1-regspace");
	if (s->own_msi)
		gd_dt_msi_parent(b, n, &s->node);
	if (s->has_proximity_domain)
		gd_dt_add_u32(b->t, n, "numa-node-id", s->proximity_domain);
	if (s->httu_override)
		gd_dt_error(b, &s->node.loc,
		            "DT: SMMU '%s' overrides its HTTU ID field; arm,smmu-v3 has no "
		            "property for that (Linux reads SMMU_IDR0)",
		            s->node.name);
	if (s->vatos_base)
		gd_dt_error(b, &s->node.loc,
		            "DT: SMMU '%s' has a VATOS page; arm,smmu-v3 cannot describe it",
		            s->node.name);
}

void gd_dt_build_smmus(struct gd_dt_builder *b)
{
	for (size_t i = 0; i < b->p->n_smmus; i++)
		build_smmu(b, i);
}

/*
 * A PMCG (perf/arm,smmu-v3-pmcg.yaml): pmu@page0, reg page 0 and page 1 (4
 * KiB each), interrupts = its overflow SPI (edge, as Linux's IORT code
 * registers it) or msi-parent = <&its DeviceID> for its own MSI; the
 * binding wants one of them.
 */
static void build_pmcg(struct gd_dt_builder *b, const struct gd_pmcg *g)
{
	char name[48];
	snprintf(name, sizeof(name), "pmu@%llx", (unsigned long long)g->page0_base);
	struct gd_dt_node *n = gd_dt_builder_node(b, b->t->root, name, g->node.name, &g->node.loc);
	n->source = &g->node;
	gd_dt_push_string(b->t, gd_dt_add_strings(b->t, n, "compatible"), "arm,smmu-v3-pmcg");
	struct gd_dt_prop *reg = gd_dt_add_cells(b->t, n, "reg", 4);
	gd_dt_push_u64(b->t, reg, g->page0_base);
	gd_dt_push_u64(b->t, reg, PMCG_PAGE_SIZE);
	if (g->has_page1) {
		gd_dt_push_u64(b->t, reg, g->page1_base);
		gd_dt_push_u64(b->t, reg, PMCG_PAGE_SIZE);
	}
	if (g->overflow_intid)
		gd_dt_push_interrupt(b, gd_dt_builder_interrupts(b, n), g->overflow_intid, true,
		                     "overflow", &g->node.loc);
	else if (gd_pmcg_msi(g))
		gd_dt_msi_parent(b, n, &g->node);
	else
		gd_dt_error(b, &g->node.loc,
		            "DT: PMCG '%s' has neither an overflow interrupt nor an MSI; "
		            "arm,smmu-v3-pmcg.yaml wants interrupts or msi-parent",
		            g->node.name);
}

void gd_dt_build_pmcgs(struct gd_dt_builder *b)
{
	for (size_t i = 0; i < b->p->n_pmcgs; i++)
		build_pmcg(b, b->p->pmcgs[i]);
}

/* Appends one <ID-base &target output-base length> entry of msi-map or iommu-map. */
static void push_map_entry(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t input_base,
                           struct gd_dt_node *target, uint32_t output_base, uint64_t count,
                           const struct gd_loc *loc)
{
	if (count > UINT32_MAX) {
		gd_dt_error(b, loc, "DT: %s entry of %llu IDs does not fit a 32-bit length",
		            pr->name, (unsigned long long)count);
		return;
	}
	gd_dt_push_u32(b->t, pr, input_base);
	gd_dt_push_ref(b->t, pr, target);
	gd_dt_push_u32(b->t, pr, output_base);
	gd_dt_push_u32(b->t, pr, (uint32_t)count);
}

/*
 * The MSI controller that takes no DeviceID (GICv2m frame, MBI) every one
 * of the @n routes reaches, or NULL.
 */
static const struct gd_node *common_no_id_sink(const struct gd_route *v, size_t n)
{
	const struct gd_node *sink = n ? v[0].sink : NULL;
	if (!sink || (sink->kind != GD_NODE_MSI_FRAME && sink->kind != GD_NODE_MBI))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].status != GD_ROUTE_OK || v[i].sink != sink)
			return NULL;
	return sink;
}

/*
 * True when route @r goes on from the @count IDs of route @prev: the same
 * mapping at every hop, input and output IDs contiguous (a route cut at the
 * end of the bus range and its part past it).
 */
static bool route_continues(const struct gd_route *prev, uint64_t count, const struct gd_route *r)
{
	if (prev->n_hops != r->n_hops || prev->input_base + count != r->input_base ||
	    prev->output_base + count != r->output_base)
		return false;
	for (size_t k = 0; k < r->n_hops; k++)
		if (prev->hops[k].node != r->hops[k].node || prev->hops[k].map != r->hops[k].map)
			return false;
	return true;
}

/* Appends @count IDs from route @r's start to the msi-map *@map of @n (made on first use). */
static void push_msi_map_entry(struct gd_dt_builder *b, struct gd_dt_node *n,
                               struct gd_dt_prop **map, const struct gd_route *r, uint64_t count)
{
	if (!*map)
		*map = gd_dt_add_cells(b->t, n, "msi-map", 4);
	push_map_entry(b, *map, r->input_base, gd_dt_target(b, r->sink), r->output_base, count,
	               &r->source->loc);
}

/*
 * msi-map: each route of the root complex that reaches an ITS, RID ->
 * DeviceID, with those of the RIDs its mappings cover past the bus range
 * (gd_routes_beyond()), so that msi-map is as wide as the mappings it comes
 * from (what the IORT says too); or msi-parent = <&frame> for a root complex
 * whose routes all reach one GICv2m frame or MBI (pci-msi.txt: no msi-map,
 * no RID translation; those controllers take no ID) when its one mapping is
 * an msi-parent, or an SMMU stands between and dt_msi_parent says so.
 */
static void rc_msi_map(struct gd_dt_builder *b, struct gd_dt_node *n,
                       const struct gd_root_complex *rc)
{
	size_t n_in, n_out = 0;
	const struct gd_route *in = routes_of(b, &rc->node, &n_in);
	const struct gd_route *out =
	    b->ctx->routes ? gd_routes_beyond(b->ctx->routes, &rc->node, &n_out) : NULL;
	const struct gd_node *parent = common_no_id_sink(in, n_in);
	const struct gd_id_map *only = rc->node.n_maps == 1 ? &rc->node.maps[0] : NULL;
	if (parent && (rc->dt_msi_parent || (only && only->msi_parent))) {
		struct gd_dt_node *target = gd_dt_target(b, parent);
		if (target)
			gd_dt_push_ref(b->t, gd_dt_add_cells(b->t, n, "msi-parent", 0), target);
		return;
	}
	struct gd_dt_prop *map = NULL;
	const struct gd_route *pending = NULL;
	uint64_t count = 0;
	for (size_t i = 0, k = 0; i < n_in || k < n_out;) {
		const struct gd_route *r =
		    k == n_out || (i < n_in && in[i].input_base <= out[k].input_base) ? &in[i++]
		                                                                      : &out[k++];
		if (r->status != GD_ROUTE_OK || !gd_dt_target(b, r->sink))
			continue; /* a sink with no DT form */
		if (pending && route_continues(pending, count, r)) {
			count += r->count;
			continue;
		}
		if (pending)
			push_msi_map_entry(b, n, &map, pending, count);
		pending = r;
		count = r->count;
	}
	if (pending)
		push_msi_map_entry(b, n, &map, pending, count);
}

/* iommu-map: the root complex's own mappings to an SMMU, RID -> StreamID. */
static void rc_iommu_map(struct gd_dt_builder *b, struct gd_dt_node *n,
                         const struct gd_root_complex *rc)
{
	struct gd_dt_prop *map = NULL;
	for (size_t i = 0; i < rc->node.n_maps; i++) {
		const struct gd_id_map *m = &rc->node.maps[i];
		if (!m->output || m->output->kind != GD_NODE_SMMU)
			continue;
		if (!map)
			map = gd_dt_add_cells(b->t, n, "iommu-map", 4);
		push_map_entry(b, map, m->input_base, gd_dt_target(b, m->output), m->output_base,
		               m->count, &m->loc);
	}
}

/*
 * ranges (IEEE 1275 PCI binding): phys.hi space code, PCI address, CPU address, size.
 * A root complex with no windows still gets one entry, of 0 bytes in 32-bit memory
 * space: pci-bus.yaml requires ranges (dtc's pci_bridge check warns without it), an
 * empty one says the 3-cell PCI and 2-cell CPU address spaces are the same
 * (Devicetree Specification v0.4 §2.3.8; dtc's ranges_format check warns), and Linux
 * skips a zero-sized entry (devm_of_pci_get_host_bridge_resources()), as the DTB
 * loader does.
 */
static void rc_ranges(struct gd_dt_builder *b, struct gd_dt_node *n,
                      const struct gd_root_complex *rc)
{
	static const char *space_names[] = {"", "I/O", "32-bit memory", "64-bit memory"};
	struct gd_dt_prop *pr = gd_dt_add_cells(b->t, n, "ranges", 7);
	if (!rc->n_windows) {
		gd_dt_push_u32(b->t, pr, (uint32_t)GD_PCI_MEM32 << 24);
		gd_dt_push_u64(b->t, pr, 0);
		gd_dt_push_u64(b->t, pr, 0);
		gd_dt_push_u64(b->t, pr, 0);
		gd_dt_note(b->t, pr, 0, "no windows: 0 bytes, which Linux skips");
	}
	for (size_t i = 0; i < rc->n_windows; i++) {
		const struct gd_pci_window *w = &rc->windows[i];
		if (w->space < GD_PCI_IO || w->space > GD_PCI_MEM64) {
			gd_dt_error(b, &w->loc, "DT: unknown PCI address space %d", (int)w->space);
			continue;
		}
		gd_dt_push_u32(b->t, pr,
		               (uint32_t)w->space << 24 | (w->prefetchable ? 1u << 30 : 0));
		gd_dt_push_u64(b->t, pr, w->pci_base);
		gd_dt_push_u64(b->t, pr, w->cpu_base);
		gd_dt_push_u64(b->t, pr, w->size);
		gd_dt_note(b->t, pr, pr->n_cells / 7 - 1, "%s%s", space_names[w->space],
		           w->prefetchable ? ", prefetchable" : "");
	}
}

static void build_root_complex(struct gd_dt_builder *b, const struct gd_root_complex *rc)
{
	const struct gd_loc *loc = &rc->node.loc;
	char name[48];

	if (rc->bus_end < rc->bus_start)
		gd_dt_error(b, loc, "DT: root complex '%s' has bus range %u..%u", rc->node.name,
		            rc->bus_start, rc->bus_end);
	/* ecam_base is the address of bus 0 (as in MCFG); DT reg starts at the first bus. */
	uint64_t base =
	    rc->n_regs ? rc->regs[0].base : rc->ecam_base + (uint64_t)rc->bus_start * ECAM_BUS_SIZE;
	snprintf(name, sizeof(name), "pcie@%llx", (unsigned long long)base);
	struct gd_dt_node *n = gd_dt_builder_node(b, b->t->root, name, rc->node.name, loc);
	n->source = &rc->node;
	struct gd_dt_prop *compatible = gd_dt_add_strings(b->t, n, "compatible");
	for (size_t i = 0; i < rc->n_dt_compatible; i++)
		gd_dt_push_string(b->t, compatible, rc->dt_compatible[i]);
	if (!rc->n_dt_compatible)
		gd_dt_push_string(b->t, compatible, "pci-host-ecam-generic");
	gd_dt_add_string(b->t, n, "device_type", "pci");
	gd_dt_add_u32(b->t, n, "#address-cells", 3);
	gd_dt_add_u32(b->t, n, "#size-cells", 2);
	struct gd_dt_prop *reg = gd_dt_add_cells(b->t, n, "reg", 4);
	if (rc->n_regs) {
		/* A host with named registers (pci/snps,dw-pcie.yaml reg, reg-names). */
		struct gd_dt_prop *names = gd_dt_add_strings(b->t, n, "reg-names");
		for (size_t i = 0; i < rc->n_regs; i++) {
			gd_dt_builder_push_reg(b, reg, rc->regs[i].base, rc->regs[i].size,
			                       rc->regs[i].name);
			gd_dt_push_string(b->t, names, rc->regs[i].name);
		}
	} else {
		gd_dt_push_u64(b->t, reg, base);
		gd_dt_push_u64(b->t, reg, gd_rc_ecam_size(rc));
		gd_dt_note(b->t, reg, 0, "ECAM, buses %u..%u", rc->bus_start, rc->bus_end);
	}
	struct gd_dt_prop *bus_range = gd_dt_add_cells(b->t, n, "bus-range", 0);
	bus_range->decimal = true;
	gd_dt_push_u32(b->t, bus_range, rc->bus_start);
	gd_dt_push_u32(b->t, bus_range, rc->bus_end);
	gd_dt_add_u32(b->t, n, "linux,pci-domain", rc->segment);
	rc_ranges(b, n, rc);
	if (rc->mem.cca)
		gd_dt_add_flag(b->t, n, "dma-coherent");
	if (rc->memory_address_limit && rc->memory_address_limit < 64) {
		/* Inbound window limited to the bus master's address size (dma-ranges). */
		struct gd_dt_prop *dr = gd_dt_add_cells(b->t, n, "dma-ranges", 7);
		gd_dt_push_u32(b->t, dr, (uint32_t)GD_PCI_MEM64 << 24);
		gd_dt_push_u64(b->t, dr, 0);
		gd_dt_push_u64(b->t, dr, 0);
		gd_dt_push_u64(b->t, dr, 1ull << rc->memory_address_limit);
		gd_dt_note(b->t, dr, 0, "memory address limit: %u bits", rc->memory_address_limit);
	}
	rc_msi_map(b, n, rc);
	gd_dt_direct_lpi_parent(b, n, &rc->node);
	rc_iommu_map(b, n, rc);
}

void gd_dt_build_root_complexes(struct gd_dt_builder *b)
{
	for (size_t i = 0; i < b->p->n_rcs; i++)
		build_root_complex(b, b->p->rcs[i]);
}

static bool node_name_ok(const char *s, size_t len)
{
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-@",
		            s[i]))
			return false;
	return true;
}

/* The node at @path ("/soc/dma@1000"), made with its parents; NULL after an error. */
static struct gd_dt_node *path_node(struct gd_dt_builder *b, const struct gd_named_component *nc)
{
	const char *path = nc->dt_path;
	struct gd_dt_node *n = b->t->root;
	char name[256];

	if (path[0] != '/' || !path[1]) {
		gd_dt_error(b, &nc->node.loc,
		            "DT: dt-path '%s' of '%s' is not a node below the root", path,
		            nc->node.name);
		return NULL;
	}
	for (const char *s = path + 1; *s;) {
		size_t len = strcspn(s, "/");
		if (!node_name_ok(s, len) || len >= sizeof(name)) {
			gd_dt_error(b, &nc->node.loc,
			            "DT: dt-path '%s' of '%s' has an invalid node name", path,
			            nc->node.name);
			return NULL;
		}
		memcpy(name, s, len);
		name[len] = '\0';
		s += len + (s[len] == '/');
		struct gd_dt_node *child = gd_namemap_get(&b->nodes, n, name);
		if (!*s)
			return gd_dt_builder_node(b, n, name, nc->node.name, &nc->node.loc);
		n = child ? child : gd_dt_builder_node(b, n, name, NULL, &nc->node.loc);
	}
	return n;
}

/* iommus = <&smmu StreamID>...: the named component's own mappings to SMMUs. */
static void nc_iommus(struct gd_dt_builder *b, struct gd_dt_node *n,
                      const struct gd_named_component *nc)
{
	struct gd_dt_prop *pr = NULL;
	for (size_t i = 0; i < nc->node.n_maps; i++) {
		const struct gd_id_map *m = &nc->node.maps[i];
		if (!m->output || m->output->kind != GD_NODE_SMMU)
			continue;
		uint64_t count = m->single ? 1 : m->count;
		if (count > MAX_IOMMUS_IDS) {
			gd_dt_error(b, &m->loc,
			            "DT: '%s' maps %llu StreamIDs; gicdesc lists at most %u in "
			            "iommus",
			            nc->node.name, (unsigned long long)count, MAX_IOMMUS_IDS);
			continue;
		}
		/* #iommu-cells 2 (arm,smmu.yaml): StreamID and SMR mask, 0 here */
		bool mask = gd_node_as_smmu(m->output)->iommu_cells == 2;
		if (!pr)
			pr = gd_dt_add_cells(b->t, n, "iommus", mask ? 3 : 2);
		for (uint64_t k = 0; k < count; k++) {
			gd_dt_push_ref(b->t, pr, gd_dt_target(b, m->output));
			gd_dt_push_u32(b->t, pr, m->output_base + (uint32_t)k);
			if (mask)
				gd_dt_push_u32(b->t, pr, 0);
		}
	}
}

static void build_named_component(struct gd_dt_builder *b, const struct gd_named_component *nc)
{
	size_t n_routes;
	const struct gd_route *routes = routes_of(b, &nc->node, &n_routes);
	bool single = false, any = n_routes > 0;
	for (size_t i = 0; i < n_routes; i++) {
		const struct gd_route *r = &routes[i];
		single |= r->single;
		if (!r->single && r->status == GD_ROUTE_OK) /* else DMA only: iommus alone */
			gd_dt_error(b, &nc->node.loc,
			            "DT: '%s' maps a range of input IDs (%u, %llu IDs) to an ITS; "
			            "a platform device has one DeviceID in msi-parent",
			            nc->node.name, r->input_base, (unsigned long long)r->count);
	}
	for (size_t i = 0; i < nc->node.n_maps; i++)
		any |= nc->node.maps[i].output && nc->node.maps[i].output->kind == GD_NODE_SMMU;
	if (!any)
		return;
	if (!nc->dt_path) {
		gd_dt_error(b, &nc->node.loc,
		            "DT: named component '%s' has no dt-path; its msi-parent and iommus "
		            "belong in its own node, which gicdesc cannot name",
		            nc->node.name);
		return;
	}
	struct gd_dt_node *n = path_node(b, nc);
	if (!n)
		return;
	n->source = &nc->node;
	if (single)
		gd_dt_msi_parent(b, n, &nc->node);
	nc_iommus(b, n, nc);
}

void gd_dt_build_named_components(struct gd_dt_builder *b)
{
	for (size_t i = 0; i < b->p->n_ncs; i++)
		build_named_component(b, b->p->ncs[i]);
}

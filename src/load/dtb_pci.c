/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: PCI host bridges (device_type "pci", not below another
 * one) that state MSI or IOMMU facts: msi-map, iommu-map or msi-parent
 * (Linux 6.1 pci/host-generic-pci.yaml, pci-msi.txt, pci-iommu.txt).
 *
 * MSI routing: node.maps holds msi-map (RID -> DeviceID of an ITS), which is
 * what the ITS sees even behind an SMMU (Linux of_msi_map_id()); with no
 * msi-map, msi-parent naming an ITS gives the RIDs unchanged (of_map_id()
 * "no map implies no translation"). DMA: iommu-map (RID -> StreamID) goes
 * to iommu_maps, since a DT never states the SMMU's StreamID -> DeviceID.
 */
#include "load/dtb.h"

#include <libfdt.h>
#include <string.h>

/* True when node @off has device_type "pci". */

/* Reads bus-range (default 0..255); 0 or -1 (error added). */
static int read_bus_range(struct dtb_ctx *c, int off, struct gd_root_complex *rc)
{
	int len = 0;
	const void *v = fdt_getprop(c->fdt, off, "bus-range", &len);
	rc->bus_start = 0;
	rc->bus_end = 255;
	if (!v)
		return 0;
	uint32_t a = len == 8 ? dtb_cell(v, 0) : 1, b = len == 8 ? dtb_cell(v, 1) : 0;
	if (a > b || b > 255) {
		dtb_diag(c, GD_SEV_ERROR, off, "bus-range", "must be <first last>, 0 .. 255");
		return -1;
	}
	rc->bus_start = (uint8_t)a;
	rc->bus_end = (uint8_t)b;
	return 0;
}

/*
 * The named register regions of a host bridge that has no ECAM (reg with
 * reg-names: DesignWare pci/snps,dw-pcie.yaml and its vendor variants).
 * Returns the number read (0 without reg-names), or -1 (error added).
 */
static int read_regs(struct dtb_ctx *c, int off, struct gd_root_complex *rc)
{
	int n = fdt_stringlist_count(c->fdt, off, "reg-names"), regs = dtb_reg_count(c, off);
	if (n <= 0)
		return 0;
	if (regs != n) {
		dtb_diag(c, GD_SEV_ERROR, off, "reg-names",
		         "%d names for %d reg entries (pci/snps,dw-pcie.yaml: one name per "
		         "region)",
		         n, regs < 0 ? 0 : regs);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		struct gd_reg_region *r =
		    GD_ARRAY_PUSH(&c->p->arena, rc->regs, rc->n_regs, rc->cap_regs);
		int len = 0;
		const char *name = fdt_stringlist_get(c->fdt, off, "reg-names", i, &len);
		r->name = gd_arena_strndup(&c->p->arena, name ? name : "", name ? (size_t)len : 0);
		r->loc = dtb_loc(c, off, "reg");
		if (dtb_reg(c, off, i, &r->base, &r->size) != 1)
			return -1;
	}
	return n;
}

/*
 * Reads the ECAM base of bus 0 from reg of an ECAM host, or the named
 * regions of a host without ECAM; 0 or -1 (error added).
 */
static int read_ecam(struct dtb_ctx *c, int off, struct gd_root_complex *rc)
{
	uint64_t base, size;
	if (!dtb_compatible(c, off, "pci-host-ecam-generic")) {
		rc->ecam_unknown = true;
		int n = read_regs(c, off, rc);
		if (n == 0)
			dtb_diag(c, GD_SEV_NOTE, off, "compatible",
			         "not pci-host-ecam-generic and no reg-names: reg is not read "
			         "(ECAM unknown)");
		return n < 0 ? -1 : 0;
	}
	if (dtb_reg(c, off, 0, &base, &size) != 1) {
		dtb_diag(c, GD_SEV_ERROR, off, "reg", "no ECAM region");
		return -1;
	}
	/* reg starts at the first bus of bus-range; the model keeps bus 0's base (MCFG). */
	uint64_t skip = (uint64_t)rc->bus_start << 20;
	if (base < skip) {
		dtb_diag(c, GD_SEV_ERROR, off, "reg", "ECAM base below bus 0");
		return -1;
	}
	rc->ecam_base = base - skip;
	/* A reg past the bus range (FVP Base RevC: 256 buses for bus-range 0-1) is kept. */
	if (size > gd_rc_ecam_size(rc) && !(size & 0xfffff) && size >> 20 <= 256u - rc->bus_start)
		rc->ecam_size = size;
	return 0;
}

/*
 * Reads ranges into windows (PCI bus binding: <phys.hi pci.mid pci.lo cpu... size...>).
 * Returns 0, or -1: an error added, or (silently) a host whose #address-cells is not 3 or
 * #size-cells not 2, whose ranges are not read (pci-host-binding reports it).
 */
static int read_windows(struct dtb_ctx *c, int off, struct gd_root_complex *rc)
{
	int len = 0, pac, psc, parent = dtb_parent(c, off);
	const void *v = fdt_getprop(c->fdt, off, "ranges", &len);
	if (!v || !len)
		return 0;
	int ac = fdt_address_cells(c->fdt, off), sc = fdt_size_cells(c->fdt, off);
	if (ac != 3 || sc != 2)
		return -1;
	if (dtb_bus_cells(c, parent, &pac, &psc, 2, 2, off, "ranges"))
		return -1;
	size_t cells = (size_t)(ac + pac + sc);
	if ((size_t)len % (cells * 4)) {
		dtb_diag(c, GD_SEV_ERROR, off, "ranges",
		         "not a list of <3 + %d + %d>-cell PCI ranges entries", pac, sc);
		return -1;
	}
	for (size_t i = 0; i < (size_t)len / (cells * 4); i++) {
		const fdt32_t *e = (const fdt32_t *)v + i * cells;
		uint32_t hi = dtb_cell(e, 0);
		uint64_t cpu = dtb_cells_u64(e + 3, pac);
		if (!((hi >> 24) & 3))
			continue; /* configuration space */
		if (!dtb_cells_u64(e + 3 + pac, sc))
			continue; /* 0 bytes: Linux skips it
			             (devm_of_pci_get_host_bridge_resources()) */
		if (dtb_translate(c, parent, &cpu, off, "ranges"))
			return -1;
		struct gd_pci_window *w =
		    GD_ARRAY_PUSH(&c->p->arena, rc->windows, rc->n_windows, rc->cap_windows);
		w->space = (enum gd_pci_space)((hi >> 24) & 3);
		w->prefetchable = (hi >> 30) & 1;
		w->pci_base = dtb_cells_u64(e + 1, 2);
		w->cpu_base = cpu;
		w->size = dtb_cells_u64(e + 3 + pac, sc);
		w->loc = dtb_loc(c, off, "ranges");
	}
	return 0;
}

/* With no msi-map: msi-parent MSI controllers get the RIDs of the bus range unchanged. */
static void read_msi_parent(struct dtb_ctx *c, int off, struct gd_root_complex *rc)
{
	struct dtb_msi_parent mp[8];
	int n = dtb_msi_parents(c, off, false, true, mp, sizeof(mp) / sizeof(mp[0]));
	for (int i = 0; i < n; i++) {
		struct gd_id_map *m =
		    GD_ARRAY_PUSH(&c->p->arena, rc->node.maps, rc->node.n_maps, rc->node.cap_maps);
		m->input_base = (uint32_t)rc->bus_start << 8;
		m->count = gd_rc_rid_count(rc);
		m->output_base = m->input_base;
		m->output = mp[i].node;
		m->output_name = mp[i].node->name;
		/* an msi-parent that takes no DeviceID is no ID mapping (struct gd_id_map) */
		m->msi_parent = mp[i].node->kind != GD_NODE_ITS;
		rc->dt_msi_parent |= m->msi_parent;
		m->loc = dtb_loc(c, off, "msi-parent");
	}
}

static void load_one(struct dtb_ctx *c, int off, uint32_t order)
{
	struct gd_platform *p = c->p;
	struct gd_root_complex *rc = gd_arena_alloc(&p->arena, sizeof(*rc));
	dtb_record_binding(c, off, GD_DT_PCI_HOST);
	rc->node.kind = GD_NODE_ROOT_COMPLEX;
	rc->node.name = dtb_node_name(c, off);
	rc->node.loc = dtb_loc(c, off, NULL);
	dtb_strings(c, off, "compatible", &rc->dt_compatible, &rc->n_dt_compatible,
	            &rc->cap_dt_compatible);
	int has_domain = dtb_u32(c, off, "linux,pci-domain", &rc->segment);
	if (has_domain < 0 || read_bus_range(c, off, rc) || read_ecam(c, off, rc) ||
	    read_windows(c, off, rc))
		return;
	if (!has_domain) {
		rc->segment = order;
		dtb_assume(c, "PCI segment of a host without linux,pci-domain assumed to be its "
		              "order among the PCI hosts");
	}
	rc->mem = dtb_mem_access(c, off);
	rc->ats = dtb_has(c, off, "ats-supported");
	rc->memory_address_limit = 64;
	if (dtb_has(c, off, "dma-ranges"))
		dtb_assume(c, "dma-ranges of PCI hosts not read: memory address limit assumed 64 "
		              "bits");
	struct dtb_map_dest msi = {&rc->node.maps, &rc->node.n_maps, &rc->node.cap_maps,
	                           &rc->has_msi_map_mask, &rc->msi_map_mask};
	struct dtb_map_dest iommu = {&rc->iommu_maps, &rc->n_iommu_maps, &rc->cap_iommu_maps,
	                             &rc->has_iommu_map_mask, &rc->iommu_map_mask};
	if (dtb_has(c, off, "msi-map"))
		dtb_read_map(c, off, "msi-map", &msi);
	else if (!dtb_direct_lpi_parent(c, off, &rc->node))
		read_msi_parent(c, off, rc);
	if (!rc->node.n_maps && !dtb_has(c, off, "msi-map")) {
		/* MSIs to a controller gicdesc does not model (a SoC's own). */
		dtb_diag(c, GD_SEV_NOTE, off, "msi-parent",
		         "PCI host skipped: its msi-parent is no ITS, GICv2m frame or MBI of the "
		         "model");
		return;
	}
	dtb_read_map(c, off, "iommu-map", &iommu);
	rc->node.index = p->n_rcs;
	*GD_ARRAY_PUSH(&p->arena, p->rcs, p->n_rcs, p->cap_rcs) = rc;
}

void dtb_load_pci(struct dtb_ctx *c)
{
	uint32_t order = 0;
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		/* a PCI host: device_type "pci", its parent not */
		if (!dtb_node_has(c, i, DTB_P_PCI) ||
		    (c->parent[i] >= 0 && dtb_node_has(c, (size_t)c->parent[i], DTB_P_PCI)))
			continue;
		if (!dtb_has(c, off, "msi-map") && !dtb_has(c, off, "iommu-map") &&
		    !dtb_has(c, off, "msi-parent"))
			continue;
		if (!dtb_available(c, off)) {
			uint32_t segment;
			dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled PCI host skipped");
			if (dtb_u32(c, off, "linux,pci-domain", &segment) == 1)
				*GD_ARRAY_PUSH(&c->p->arena, c->p->disabled_segments,
				               c->p->n_disabled_segments,
				               c->p->cap_disabled_segments) = segment;
			continue;
		}
		load_one(c, off, order++);
	}
}

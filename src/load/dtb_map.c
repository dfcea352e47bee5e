/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: msi-map, iommu-map (Linux 6.1 pci-msi.txt, pci-iommu.txt,
 * drivers/of/base.c of_map_id()) and msi-parent (msi.txt), read into ID
 * mappings whose outputs are the ITS and SMMUv3 nodes of the model.
 */
#include "load/dtb.h"

#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Largest #msi-cells accepted. */
#define DTB_MAX_MSI_CELLS 16

/* Adds an error with a rule tag at @off:@prop. */
__attribute__((format(printf, 5, 6))) static void
map_error(struct dtb_ctx *c, const char *rule, int off, const char *prop, const char *fmt, ...)
{
	struct gd_loc loc = dtb_loc(c, off, prop);
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(c->d, GD_SEV_ERROR, rule, &loc, fmt, ap);
	va_end(ap);
}

/*
 * The model node a map entry of @prop targets at node @t, or NULL when the
 * entry is skipped (note or warning added) or wrong (error added).
 */
static struct gd_node *map_target(struct dtb_ctx *c, int off, const char *prop, bool iommu, int t)
{
	const char *want = iommu ? "an SMMU (arm,smmu-v3 or arm,smmu.yaml)" : "arm,gic-v3-its";
	const char *marker = iommu ? "#iommu-cells" : "msi-controller";
	int i = dtb_offs_find(iommu ? &c->smmu : &c->its, t);
	if (i >= 0)
		return iommu ? &c->p->smmus[i]->node : &c->p->its[i]->node;
	struct gd_node *spi_msi = iommu ? NULL : dtb_spi_msi_node(c, t);
	if (spi_msi)
		return spi_msi;
	if (!dtb_has(c, t, marker)) {
		map_error(c, "dt-map-target", off, prop, "target %s has no %s", dtb_path(c, t),
		          marker);
		return NULL;
	}
	if (iommu ? dtb_is_smmu(c, t) : dtb_compatible(c, t, "arm,gic-v3-its"))
		dtb_diag(c, GD_SEV_WARNING, off, prop, "target %s is not loaded: entry skipped",
		         dtb_path(c, t));
	else
		dtb_diag(c, GD_SEV_NOTE, off, prop, "target %s is not %s: entry skipped",
		         dtb_path(c, t), want);
	return NULL;
}

/* Reads @prop-mask into @dst; returns the mask (all ones when absent), or 0 with *@bad set. */
static uint32_t read_mask(struct dtb_ctx *c, int off, const char *prop,
                          const struct dtb_map_dest *dst, bool *bad)
{
	char name[32];
	uint32_t mask = UINT32_MAX;
	snprintf(name, sizeof(name), "%s-mask", prop);
	int r = dtb_u32(c, off, name, &mask);
	*bad = r < 0;
	if (r != 1 || mask == UINT32_MAX)
		return UINT32_MAX;
	if (!dst->has_mask) {
		dtb_diag(c, GD_SEV_NOTE, off, name, "not modelled on this node: ignored");
		return UINT32_MAX;
	}
	*dst->has_mask = true;
	*dst->mask = mask;
	return mask;
}

size_t dtb_read_map(struct dtb_ctx *c, int off, const char *prop, const struct dtb_map_dest *dst)
{
	bool iommu = !strcmp(prop, "iommu-map"), bad;
	int len = 0;
	const void *v = fdt_getprop(c->fdt, off, prop, &len);
	size_t added = 0;
	if (!v)
		return 0;
	if (!len || len % 16) {
		map_error(c, "dt-map-cells", off, prop,
		          "%d bytes: not a non-empty list of 4-cell entries", len);
		return 0;
	}
	uint32_t mask = read_mask(c, off, prop, dst, &bad);
	if (bad)
		return 0;
	for (size_t i = 0; i < (size_t)len / 16; i++) {
		uint32_t in = dtb_cell(v, 4 * i), ph = dtb_cell(v, 4 * i + 1);
		uint32_t out = dtb_cell(v, 4 * i + 2), count = dtb_cell(v, 4 * i + 3);
		int t = dtb_phandle_node(c, ph);
		if (in & ~mask) {
			map_error(c, "dt-map-mask", off, prop,
			          "entry %zu: id-base 0x%x has bits outside the mask 0x%x", i, in,
			          mask);
			continue;
		}
		if (!count) {
			map_error(c, "dt-map-length", off, prop, "entry %zu has length 0", i);
			continue;
		}
		if (t < 0) {
			map_error(c, "dt-map-phandle", off, prop,
			          "entry %zu: phandle 0x%x names no node", i, ph);
			continue;
		}
		struct gd_node *target = map_target(c, off, prop, iommu, t);
		if (!target)
			continue;
		struct gd_id_map *m = gd_arena_push(&c->p->arena, (void **)dst->v, dst->n, dst->cap,
		                                    sizeof(**dst->v));
		m->input_base = in;
		m->count = count;
		m->output_base = out;
		m->output = target;
		m->output_name = target->name;
		m->loc = dtb_loc(c, off, prop);
		added++;
	}
	return added;
}

int dtb_msi_parents(struct dtb_ctx *c, int off, bool need_devid, bool spi_msi,
                    struct dtb_msi_parent *out, size_t max)
{
	int len = 0;
	const void *v = fdt_getprop(c->fdt, off, "msi-parent", &len);
	size_t total = v ? (size_t)len / 4 : 0, at = 0, found = 0;
	if (v && len % 4) {
		dtb_diag(c, GD_SEV_ERROR, off, "msi-parent", "length %d is not whole cells", len);
		return -1;
	}
	while (at < total) {
		int t = dtb_phandle_node(c, dtb_cell(v, at));
		uint32_t cells = 0;
		if (t < 0 || dtb_u32(c, t, "#msi-cells", &cells) < 0 || cells > DTB_MAX_MSI_CELLS ||
		    cells > total - at - 1) {
			dtb_diag(c, GD_SEV_ERROR, off, "msi-parent",
			         "entry at cell %zu: no MSI controller with a fitting #msi-cells",
			         at);
			return -1;
		}
		int i = dtb_offs_find(&c->its, t);
		struct gd_node *sink = spi_msi ? dtb_spi_msi_node(c, t) : NULL;
		if (i < 0 && !sink && c->dlpi >= 0 && dtb_parent(c, t) == c->dlpi)
			; /* a Direct-LPI pool: dtb_direct_lpi_parent() reads it */
		else if (i < 0 && !sink)
			dtb_diag(c, GD_SEV_NOTE, off, "msi-parent",
			         "%s is not %s of the model (or is disabled): skipped",
			         dtb_path(c, t),
			         spi_msi ? "an ITS, GICv2m frame or MBI" : "an ITS");
		else if (sink && found < max)
			out[found++] = (struct dtb_msi_parent){sink, 0};
		else if (need_devid && !cells)
			dtb_diag(c, GD_SEV_NOTE, off, "msi-parent",
			         "%s gives no DeviceID (#msi-cells = 0): skipped", dtb_path(c, t));
		else if (found < max)
			out[found++] = (struct dtb_msi_parent){&c->p->its[i]->node,
			                                       cells ? dtb_cell(v, at + 1) : 0};
		at += 1 + cells;
	}
	return (int)found;
}

void dtb_single_map(struct dtb_ctx *c, int off, const struct dtb_msi_parent *mp,
                    struct gd_id_map *m)
{
	m->single = true;
	m->count = 1;
	m->output_base = mp->devid;
	m->output = mp->node;
	m->output_name = mp->node->name;
	m->loc = dtb_loc(c, off, "msi-parent");
}

struct gd_mem_access dtb_mem_access(struct dtb_ctx *c, int off)
{
	struct gd_mem_access m = {0};
	if (!dtb_has(c, off, "dma-coherent"))
		return m;
	dtb_assume(c, "dma-coherent taken as IORT memory access properties CCA = 1, CPM = 1, "
	              "DACS = 1");
	m.cca = 1;
	m.flags = 3;
	return m;
}

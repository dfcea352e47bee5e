/* SPDX-License-Identifier: MIT */
/*
 * dt_base_find.c - finds the nodes of a base device tree that a description
 * covers: the GIC by its compatible, a PCIe host or an SMMU by the CPU
 * address of its first reg (generate --base; dt_base.h).
 */
#include <libfdt.h>
#include <stdbool.h>
#include <string.h>

#include "emit/dt_base.h"

/* Interrupt controllers that are a GIC (arm,gic.yaml, arm,gic-v3.yaml, arm,gic-v5.yaml). */
static const char *const gic_compatibles[] = {
    "arm,gic-v5",        "arm,gic-v3",        "arm,gic-400",     "arm,cortex-a15-gic",
    "arm,cortex-a9-gic", "arm,cortex-a7-gic", "arm,arm11mp-gic", "arm,arm1176jzf-devchip-gic",
    "arm,eb11mp-gic",    "arm,pl390",         "arm,tc11mp-gic",  "qcom,msm-8660-qgic",
    "qcom,msm-qgic2",
};

/* A #address-cells or #size-cells of @off, @dflt when absent (Devicetree Specification §2.3.5). */
static int cells(const void *fdt, int off, const char *name, int dflt)
{
	int len;
	const fdt32_t *v = fdt_getprop(fdt, off, name, &len);
	return v && len == 4 ? (int)fdt32_to_cpu(*v) : dflt;
}

int gd_dt_base_cells(const void *fdt, int bus, bool size)
{
	return size ? cells(fdt, bus, "#size-cells", 1) : cells(fdt, bus, "#address-cells", 2);
}

/* @n (1 or 2) cells at @v as one number. */
static uint64_t read_cells(const fdt32_t *v, int n)
{
	uint64_t x = 0;
	for (int i = 0; i < n; i++)
		x = x << 32 | fdt32_to_cpu(v[i]);
	return x;
}

/*
 * Maps @addr through the ranges of @bus: up, from the space of @bus's
 * children to @parent's, or @down, the other way. 0, or -1 when @bus has no
 * ranges, cells outside 1..2, or no entry that holds @addr.
 */
static int map_ranges(const void *fdt, int bus, int parent, bool down, uint64_t *addr)
{
	int len;
	const fdt32_t *r = fdt_getprop(fdt, bus, "ranges", &len);
	if (!r || len < 0)
		return -1;
	if (len == 0)
		return 0;
	int cac = cells(fdt, bus, "#address-cells", 2), csc = cells(fdt, bus, "#size-cells", 1);
	int pac = cells(fdt, parent, "#address-cells", 2);
	if (cac < 1 || cac > 2 || csc < 1 || csc > 2 || pac < 1 || pac > 2)
		return -1;
	size_t entry = (size_t)(cac + pac + csc);
	for (size_t i = 0; i + entry <= (size_t)len / 4; i += entry) {
		uint64_t child = read_cells(r + i, cac), up = read_cells(r + i + cac, pac);
		uint64_t size = read_cells(r + i + cac + pac, csc);
		uint64_t from = down ? up : child, to = down ? child : up;
		if (*addr >= from && *addr - from < size) {
			*addr = to + (*addr - from);
			return 0;
		}
	}
	return -1;
}

int gd_dt_base_reg0(const void *fdt, int off, uint64_t *addr)
{
	int bus = fdt_parent_offset(fdt, off), len;
	if (bus < 0)
		return -1;
	int ac = cells(fdt, bus, "#address-cells", 2), sc = cells(fdt, bus, "#size-cells", 1);
	const fdt32_t *reg = fdt_getprop(fdt, off, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 || len < 4 * (ac + sc))
		return -1;
	*addr = read_cells(reg, ac);
	while (bus > 0) {
		int parent = fdt_parent_offset(fdt, bus);
		if (parent < 0 || map_ranges(fdt, bus, parent, false, addr))
			return -1;
		bus = parent;
	}
	return 0;
}

int gd_dt_base_bus_addr(const void *fdt, int bus, uint64_t cpu, uint64_t *addr)
{
	int depth = fdt_node_depth(fdt, bus);
	*addr = cpu;
	for (int d = 1; d <= depth; d++) {
		int node = fdt_supernode_atdepth_offset(fdt, bus, d, NULL);
		int parent = fdt_supernode_atdepth_offset(fdt, bus, d - 1, NULL);
		if (node < 0 || parent < 0 || map_ranges(fdt, node, parent, true, addr))
			return -1;
	}
	return depth < 0 ? -1 : 0;
}

int gd_dt_base_find_reg(const void *fdt, uint64_t addr, const char *marker, const char *device_type)
{
	int found = -1, off = -1;
	while ((off = fdt_next_node(fdt, off, NULL)) >= 0) {
		uint64_t a;
		if (marker && !fdt_getprop(fdt, off, marker, NULL))
			continue;
		if (device_type) {
			int len;
			const char *t = fdt_getprop(fdt, off, "device_type", &len);
			if (!t || (size_t)len != strlen(device_type) + 1 ||
			    memcmp(t, device_type, (size_t)len))
				continue;
		}
		if (gd_dt_base_reg0(fdt, off, &a) || a != addr)
			continue;
		if (found >= 0)
			return -2;
		found = off;
	}
	return found;
}

int gd_dt_base_find_gic(const void *fdt)
{
	int found = -1, off = -1;
	while ((off = fdt_next_node(fdt, off, NULL)) >= 0) {
		if (!fdt_getprop(fdt, off, "interrupt-controller", NULL))
			continue;
		size_t i = 0;
		while (i < sizeof(gic_compatibles) / sizeof(gic_compatibles[0]) &&
		       fdt_node_check_compatible(fdt, off, gic_compatibles[i]))
			i++;
		if (i == sizeof(gic_compatibles) / sizeof(gic_compatibles[0]))
			continue;
		if (found >= 0)
			return -2;
		found = off;
	}
	return found;
}

uint32_t gd_dt_base_interrupt_cells(const struct gd_dt_base *base)
{
	int gic = gd_dt_base_find_gic(base->fdt);
	int n = gic < 0 ? 3 : cells(base->fdt, gic, "#interrupt-cells", 3);
	return n == 4 ? 4 : 3;
}

/* Largest #address-cells or #interrupt-cells read in an interrupt-map entry. */
#define MAP_MAX_CELLS 16

/* @name (#address-cells or #interrupt-cells) of @off, @dflt when absent; -1 above MAP_MAX_CELLS. */
static int map_cells(const void *fdt, int off, const char *name, int dflt)
{
	int n = cells(fdt, off, name, dflt);
	return n >= 0 && n <= MAP_MAX_CELLS ? n : -1;
}

int gd_dt_base_interrupt_map_user(const void *fdt, int ctrl)
{
	uint32_t ph = fdt_get_phandle(fdt, ctrl);
	int off = -1;
	while (ph && (off = fdt_next_node(fdt, off, NULL)) >= 0) {
		int len;
		const fdt32_t *v = fdt_getprop(fdt, off, "interrupt-map", &len);
		int ac = map_cells(fdt, off, "#address-cells", 2);
		int ic = map_cells(fdt, off, "#interrupt-cells", -1);
		if (!v || len < 0 || ac < 0 || ic < 0)
			continue;
		for (size_t i = (size_t)(ac + ic); i < (size_t)len / 4;) {
			uint32_t p = fdt32_to_cpu(v[i]);
			if (p == ph)
				return off;
			int parent = fdt_node_offset_by_phandle(fdt, p);
			int pac = parent < 0 ? -1 : map_cells(fdt, parent, "#address-cells", 0);
			int pic = parent < 0 ? -1 : map_cells(fdt, parent, "#interrupt-cells", -1);
			if (pac < 0 || pic < 0)
				break; /* malformed: not read further */
			i += (size_t)(1 + pac + pic + ac + ic);
		}
	}
	return -1;
}

/* SPDX-License-Identifier: MIT */
/* DTB front end: reg decoding and address translation through ranges (DTSpec §2.3.6, §2.3.8). */
#include "load/dtb.h"

#include <string.h>

#include <libfdt.h>

int dtb_bus_cells(struct dtb_ctx *c, int bus, int *ac, int *sc, int ac_max, int sc_max, int off,
                  const char *prop)
{
	*ac = fdt_address_cells(c->fdt, bus);
	*sc = fdt_size_cells(c->fdt, bus);
	if (*ac < 1 || *ac > ac_max || *sc < 0 || *sc > sc_max) {
		dtb_diag(c, GD_SEV_ERROR, off, prop,
		         "unsupported cell counts of %s: #address-cells %d (1..%d), #size-cells %d "
		         "(0..%d)",
		         dtb_path(c, bus), *ac, ac_max, *sc, sc_max);
		return -1;
	}
	return 0;
}

uint64_t dtb_cells_u64(const void *cells, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 32 | dtb_cell(cells, (size_t)i);
	return v;
}

/*
 * Translates *@addr through the ranges of one bus node @bus into the address
 * space of its parent @parent. Returns 0 or -1 (error added).
 */
static int translate_one(struct dtb_ctx *c, int bus, int parent, uint64_t *addr, int off,
                         const char *prop)
{
	int len = 0;
	const void *r = fdt_getprop(c->fdt, bus, "ranges", &len);
	if (!r) {
		dtb_diag(c, GD_SEV_ERROR, off, prop,
		         "address 0x%llx cannot be translated: %s has no ranges",
		         (unsigned long long)*addr, dtb_path(c, bus));
		return -1;
	}
	if (len == 0)
		return 0; /* empty ranges: identity */
	int ac, sc, pac, psc;
	if (dtb_bus_cells(c, bus, &ac, &sc, 2, 2, off, prop) ||
	    dtb_bus_cells(c, parent, &pac, &psc, 2, 2, off, prop))
		return -1;
	size_t entry = (size_t)(ac + pac + sc) * 4;
	if (!sc || len % (int)entry) {
		dtb_diag(c, GD_SEV_ERROR, bus, "ranges",
		         "length %d is not a multiple of %zu bytes (<%d %d %d> cells)", len, entry,
		         ac, pac, sc);
		return -1;
	}
	for (size_t i = 0; i < (size_t)len / entry; i++) {
		const fdt32_t *e = (const fdt32_t *)r + i * (entry / 4);
		uint64_t child = dtb_cells_u64(e, ac);
		uint64_t parent_addr = dtb_cells_u64(e + ac, pac);
		uint64_t size = dtb_cells_u64(e + ac + pac, sc);
		if (*addr >= child && *addr - child < size) {
			*addr = parent_addr + (*addr - child);
			return 0;
		}
	}
	dtb_diag(c, GD_SEV_ERROR, off, prop, "address 0x%llx is outside every ranges entry of %s",
	         (unsigned long long)*addr, dtb_path(c, bus));
	return -1;
}

int dtb_translate(struct dtb_ctx *c, int bus, uint64_t *addr, int off, const char *prop)
{
	/* Each step goes one level up; the tree is at most DTB_MAX_DEPTH deep. */
	for (int parent = dtb_parent(c, bus); parent >= 0;
	     bus = parent, parent = dtb_parent(c, bus))
		if (translate_one(c, bus, parent, addr, off, prop))
			return -1;
	return 0;
}

/* The reg property of @off and the entry size in cells; NULL (error added if malformed). */
static const fdt32_t *reg_prop(struct dtb_ctx *c, int off, int *n, int *ac, int *sc)
{
	int len = 0;
	const fdt32_t *r = fdt_getprop(c->fdt, off, "reg", &len);
	int parent = dtb_parent(c, off);
	*n = 0;
	if (!r || parent < 0)
		return NULL;
	if (dtb_bus_cells(c, parent, ac, sc, 2, 2, off, "reg"))
		return NULL;
	int entry = (*ac + *sc) * 4;
	if (len % entry) {
		dtb_diag(
		    c, GD_SEV_ERROR, off, "reg",
		    "length %d is not a multiple of %d bytes (#address-cells %d, #size-cells %d)",
		    len, entry, *ac, *sc);
		*n = -1;
		return NULL;
	}
	*n = len / entry;
	return r;
}

int dtb_reg_count(struct dtb_ctx *c, int off)
{
	int n, ac, sc;
	const fdt32_t *r = reg_prop(c, off, &n, &ac, &sc);
	return r ? n : (n < 0 || dtb_has(c, off, "reg") ? -1 : 0);
}

int dtb_reg(struct dtb_ctx *c, int off, int index, uint64_t *base, uint64_t *size)
{
	int n, ac, sc;
	const fdt32_t *r = reg_prop(c, off, &n, &ac, &sc);
	if (!r)
		return n < 0 || dtb_has(c, off, "reg") ? -1 : 0;
	if (index < 0 || index >= n)
		return 0;
	const fdt32_t *e = r + (size_t)index * (size_t)(ac + sc);
	*base = dtb_cells_u64(e, ac);
	*size = dtb_cells_u64(e + ac, sc);
	if (dtb_translate(c, dtb_parent(c, off), base, off, "reg"))
		return -1;
	return 1;
}

struct gd_node *dtb_add_mmio_node(struct dtb_ctx *c, int off, enum gd_node_kind kind, size_t size,
                                  const char *what, struct dtb_mmio *m)
{
	memset(m, 0, sizeof(*m));
	if (dtb_reg(c, off, 0, &m->base, &m->size) != 1) {
		if (!dtb_has(c, off, "reg"))
			dtb_diag(c, GD_SEV_ERROR, off, NULL, "%s without reg", what);
		return NULL;
	}
	int has_numa = dtb_u32(c, off, "numa-node-id", &m->numa);
	if (has_numa < 0)
		return NULL;
	m->has_numa = has_numa == 1;
	const char *name = dtb_node_name(c, off); /* unique among the nodes so far: before adding */
	struct gd_node *n = gd_platform_add_node(c->p, kind, size);
	n->name = name;
	n->loc = dtb_loc(c, off, NULL);
	return n;
}

/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: GIC interrupt specifiers (arm,gic-v3.yaml "#interrupt-cells":
 * <type number flags [ppi-partition]>; arm,gic-v5.yaml: <type ID flags>,
 * type 1 PPI or 3 SPI), found through interrupt-parent (DTSpec §2.4.1) or
 * interrupts-extended.
 */
#include "load/dtb.h"

#include <libfdt.h>

/* Largest #interrupt-cells accepted for any interrupt controller. */
#define DTB_MAX_ICELLS 16

/* One specifier: its cells and its controller; NULL cells when there is none. */
struct spec {
	const fdt32_t *cells;
	int ctrl;   /* offset of the interrupt controller */
	int ncells; /* its #interrupt-cells */
};

/* #interrupt-cells of controller @ctrl, or -1 (error added at @off:@prop). */
static int ctrl_cells(struct dtb_ctx *c, int ctrl, int off, const char *prop)
{
	uint32_t n = 0;
	if (ctrl == c->gic && c->gic_icells)
		return c->gic_icells;
	if (dtb_u32(c, ctrl, "#interrupt-cells", &n) != 1 || n > DTB_MAX_ICELLS) {
		dtb_diag(c, GD_SEV_ERROR, off, prop,
		         "interrupt controller %s has no usable #interrupt-cells",
		         dtb_path(c, ctrl));
		return -1;
	}
	return (int)n;
}

/* The interrupt parent of @off: the nearest interrupt-parent up the tree, or -1. */
static int interrupt_parent(struct dtb_ctx *c, int off)
{
	for (int n = off; n >= 0; n = dtb_parent(c, n)) {
		uint32_t ph;
		int r = dtb_u32(c, n, "interrupt-parent", &ph);
		if (r < 0)
			return -1;
		if (r)
			return dtb_phandle_node(c, ph);
	}
	return -1;
}

/*
 * Finds specifier @index of @off (or counts them when @index < 0). Returns
 * the number of specifiers, or -1 (error added).
 */
static int find_spec(struct dtb_ctx *c, int off, int index, struct spec *out)
{
	int len = 0;
	out->cells = NULL;
	const fdt32_t *v = fdt_getprop(c->fdt, off, "interrupts-extended", &len);
	if (v) {
		const char *prop = "interrupts-extended";
		size_t total = (size_t)len / 4, at = 0;
		int n = 0;
		while (at < total) {
			int ctrl = dtb_phandle_node(c, dtb_cell(v, at));
			int nc = ctrl < 0 ? -1 : ctrl_cells(c, ctrl, off, prop);
			if (nc < 0 || total - at - 1 < (size_t)nc) {
				dtb_diag(c, GD_SEV_ERROR, off, prop, "malformed entry %d", n);
				return -1;
			}
			if (n == index)
				*out = (struct spec){v + at + 1, ctrl, nc};
			at += 1 + (size_t)nc;
			n++;
		}
		return n;
	}
	v = fdt_getprop(c->fdt, off, "interrupts", &len);
	if (!v)
		return 0;
	int ctrl = interrupt_parent(c, off);
	if (off == c->gic)
		ctrl = c->gic; /* the GIC's own interrupt is one of its PPIs */
	if (ctrl < 0) {
		dtb_diag(c, GD_SEV_ERROR, off, "interrupts", "no interrupt-parent resolves");
		return -1;
	}
	int nc = ctrl_cells(c, ctrl, off, "interrupts");
	if (nc <= 0 || len % (nc * 4)) {
		if (nc >= 0)
			dtb_diag(c, GD_SEV_ERROR, off, "interrupts",
			         "length %d is not a multiple of %d cells", len, nc);
		return -1;
	}
	int n = len / (nc * 4);
	if (index >= 0 && index < n)
		*out = (struct spec){v + (size_t)index * (size_t)nc, ctrl, nc};
	return n;
}

int dtb_irq_count(struct dtb_ctx *c, int off)
{
	struct spec s;
	return find_spec(c, off, -1, &s);
}

/* First INTID and number of INTIDs of each specifier type (arm,gic-v3.yaml). */
static const struct {
	uint32_t first, count;
} types[] = {{32, 988}, {16, 16}, {4096, 1024}, {1056, 64}};

/*
 * The INTID of specifier cells <@type @num> into *@intid: arm,gic-v3.yaml's
 * types, or on a GICv5 (@v5) GD_V5_INTID() of type 1 PPI or 3 SPI (LPIs are
 * never in a DT: software allocates them, arm,gic-v5.yaml). False when the
 * cells name no such interrupt.
 */
static bool decode(bool v5, uint32_t type, uint32_t num, uint32_t *intid)
{
	if (v5) {
		if ((type != GD_V5_PPI && type != GD_V5_SPI) || num > 0xffffff)
			return false;
		*intid = GD_V5_INTID(type, num);
		return true;
	}
	if (type >= sizeof(types) / sizeof(types[0]) || num >= types[type].count)
		return false;
	*intid = types[type].first + num;
	return true;
}

int dtb_irq(struct dtb_ctx *c, int off, int index, struct dtb_irq *out)
{
	const char *prop =
	    dtb_has(c, off, "interrupts-extended") ? "interrupts-extended" : "interrupts";
	struct spec s;
	int n = find_spec(c, off, index, &s);
	if (n < 0)
		return -1;
	if (!s.cells)
		return 0;
	if (s.ctrl != c->gic || c->gic < 0) {
		dtb_diag(c, GD_SEV_NOTE, off, prop,
		         "interrupt %d goes to %s, not to the GIC: not followed", index,
		         dtb_path(c, s.ctrl));
		return 0;
	}
	if (s.ncells < 3) {
		dtb_diag(c, GD_SEV_ERROR, off, prop, "the GIC needs #interrupt-cells >= 3, not %d",
		         s.ncells);
		return -1;
	}
	uint32_t type = dtb_cell(s.cells, 0), num = dtb_cell(s.cells, 1);
	bool v5 = c->p->gic_version == GD_GIC_V5;
	if (!decode(v5, type, num, &out->intid)) {
		dtb_diag(c, GD_SEV_ERROR, off, prop,
		         "interrupt %d: <%u %u> is not a %s interrupt (%s)", index, type, num,
		         v5 ? "GICv5" : "GIC",
		         v5 ? "type 1 PPI or 3 SPI, a 24-bit ID; arm,gic-v5.yaml"
		            : "type 0..3 with its number range");
		return -1;
	}
	out->edge = (dtb_cell(s.cells, 2) & 0xf) == 1 || (dtb_cell(s.cells, 2) & 0xf) == 2;
	out->partition = s.ncells >= 4 ? dtb_cell(s.cells, 3) : 0;
	out->flags = dtb_cell(s.cells, 2) & 0xf;
	return 1;
}

bool dtb_irq_is_ppi(const struct dtb_ctx *c, uint32_t intid)
{
	if (c->p->gic_version == GD_GIC_V5)
		return GD_V5_INTID_TYPE(intid) == GD_V5_PPI;
	return (intid >= 16 && intid < 32) || (intid >= 1056 && intid < 1120);
}

int dtb_irq_named(struct dtb_ctx *c, int off, const char *name, struct dtb_irq *out)
{
	int i = fdt_stringlist_search(c->fdt, off, "interrupt-names", name);
	return i < 0 ? 0 : dtb_irq(c, off, i, out);
}

/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: Direct LPI after the draft binding of this project,
 * schemas/bindings/interrupt-controller/arm,gic-v3-direct-lpi.yaml. The
 * arm,gic-v3-direct-lpi node becomes the model's Direct-LPI target; each of
 * its children is a pool of LPIs (arm,lpi-ranges <first-INTID count>...),
 * and a device whose msi-parent names a pool owns those LPIs and reaches the
 * target with no ID (a single mapping for a platform device, its bus range's
 * RIDs for a PCI host).
 */
#include "load/dtb.h"

#include <libfdt.h>

void dtb_load_direct_lpi(struct dtb_ctx *c)
{
	int off = dtb_next_compatible(c, -1, "arm,gic-v3-direct-lpi");
	if (off < 0)
		return;
	if (!dtb_available(c, off)) {
		dtb_diag(c, GD_SEV_NOTE, off, "status", "disabled Direct-LPI node skipped");
		return;
	}
	int more = dtb_next_compatible(c, off, "arm,gic-v3-direct-lpi");
	if (more >= 0)
		dtb_diag(c, GD_SEV_WARNING, more, "compatible",
		         "a second arm,gic-v3-direct-lpi node: a GIC has one Direct-LPI target; "
		         "ignored");
	const char *name = dtb_node_name(c, off); /* before the node joins the model */
	struct gd_node *n =
	    gd_platform_add_node(c->p, GD_NODE_DIRECT_LPI, sizeof(struct gd_direct_lpi));
	n->name = name;
	n->loc = dtb_loc(c, off, NULL);
	c->dlpi = off;
	for (size_t i = 0; i < c->p->n_redists; i++)
		c->p->redists[i].direct_lpi = true;
	dtb_assume(c, "redistributors assumed to have GICR_TYPER.DirectLPI = 1, as an "
	              "arm,gic-v3-direct-lpi node requires: a DTB cannot state it");
}

/* Appends the pairs of arm,lpi-ranges of pool @pool to @v; returns -1 (error added) if bad. */
static int read_pool(struct dtb_ctx *c, int pool, struct gd_intid_range **v, size_t *n, size_t *cap)
{
	int len = 0;
	const void *cells = fdt_getprop(c->fdt, pool, "arm,lpi-ranges", &len);
	if (!cells || len == 0 || len % 8) {
		dtb_diag(c, GD_SEV_ERROR, pool, "arm,lpi-ranges",
		         "missing, or not a list of <first-INTID count> pairs");
		return -1;
	}
	for (size_t i = 0; i < (size_t)len / 8; i++) {
		struct gd_intid_range *r = GD_ARRAY_PUSH(&c->p->arena, *v, *n, *cap);
		r->base = dtb_cell(cells, 2 * i);
		r->count = dtb_cell(cells, 2 * i + 1);
		r->loc = dtb_loc(c, pool, "arm,lpi-ranges");
		if (!r->count) {
			dtb_diag(c, GD_SEV_ERROR, pool, "arm,lpi-ranges", "range %zu has count 0",
			         i);
			return -1;
		}
	}
	return 0;
}

bool dtb_direct_lpi_parent(struct dtb_ctx *c, int off, struct gd_node *n)
{
	int len = 0;
	const void *v = c->dlpi >= 0 ? fdt_getprop(c->fdt, off, "msi-parent", &len) : NULL;
	struct gd_root_complex *rc = gd_node_as_rc(n);
	struct gd_named_component *nc = gd_node_as_nc(n);
	bool found = false;
	if (!v || len % 4 || (!rc && !nc))
		return false; /* a malformed msi-parent is dtb_msi_parents()'s to report */
	size_t total = (size_t)len / 4;
	for (size_t at = 0; at < total;) {
		int t = dtb_phandle_node(c, dtb_cell(v, at));
		uint32_t cells = 0;
		if (t < 0 || dtb_u32(c, t, "#msi-cells", &cells) < 0 || cells > total - at - 1)
			return found;
		at += 1 + cells;
		if (dtb_parent(c, t) != c->dlpi)
			continue;
		if (cells || !dtb_has(c, t, "msi-controller")) {
			dtb_diag(c, GD_SEV_ERROR, off, "msi-parent",
			         "%s is no Direct-LPI pool (msi-controller, #msi-cells = <0>)",
			         dtb_path(c, t));
			continue;
		}
		if ((rc ? read_pool(c, t, &rc->lpis, &rc->n_lpis, &rc->cap_lpis)
		        : read_pool(c, t, &nc->lpis, &nc->n_lpis, &nc->cap_lpis)) ||
		    found)
			continue;
		found = true;
		struct gd_id_map *m = GD_ARRAY_PUSH(&c->p->arena, n->maps, n->n_maps, n->cap_maps);
		m->msi_parent = true;
		m->single = nc != NULL;
		m->input_base = rc ? (uint32_t)rc->bus_start << 8 : 0;
		m->count = rc ? gd_rc_rid_count(rc) : 1;
		m->output = &c->p->direct_lpis[0]->node; /* c->dlpi >= 0: it exists */
		m->output_name = m->output->name;
		m->loc = dtb_loc(c, off, "msi-parent");
	}
	return found;
}

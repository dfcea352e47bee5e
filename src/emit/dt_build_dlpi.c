/* SPDX-License-Identifier: MIT */
/*
 * dt_build_dlpi.c - Direct LPI in the device tree, after the draft binding
 * schemas/bindings/interrupt-controller/arm,gic-v3-direct-lpi.yaml of this
 * project (no standard binding exists):
 *
 *   direct-lpi {                          the Direct-LPI target: every
 *       compatible = "arm,gic-v3-direct-lpi";  redistributor of the GIC
 *       vblock_lpis: lpis-vblock {        one pool per device (a PCI host:
 *           msi-controller;               one for all its functions)
 *           #msi-cells = <0>;             no DeviceID
 *           arm,lpi-ranges = <9248 32>;   <first-INTID count>...
 *       };
 *   };
 *
 * and msi-parent = <&vblock_lpis> in the device's node.
 */
#include <stdio.h>

#include "emit/dt_build.h"

void gd_dt_build_direct_lpi(struct gd_dt_builder *b)
{
	if (!b->p->n_direct_lpis)
		return;
	const struct gd_direct_lpi *t = b->p->direct_lpis[0];
	struct gd_dt_node *n =
	    gd_dt_builder_node(b, b->t->root, "direct-lpi", t->node.name, &t->node.loc);
	b->direct_lpi = n;
	gd_dt_add_string(b->t, n, "compatible", "arm,gic-v3-direct-lpi");
}

/* The LPI ranges @source owns (@n: their number); NULL for other kinds. */
static const struct gd_intid_range *lpis_of(const struct gd_node *source, size_t *n)
{
	struct gd_node *s = (struct gd_node *)source;
	const struct gd_root_complex *rc = gd_node_as_rc(s);
	const struct gd_named_component *nc = gd_node_as_nc(s);
	*n = rc ? rc->n_lpis : nc ? nc->n_lpis : 0;
	return rc ? rc->lpis : nc ? nc->lpis : NULL;
}

static bool reaches_direct_lpi(const struct gd_dt_builder *b, const struct gd_node *source)
{
	size_t n = 0;
	const struct gd_route *r = b->ctx->routes ? gd_routes_of(b->ctx->routes, source, &n) : NULL;
	for (size_t i = 0; i < n; i++)
		if (r[i].status == GD_ROUTE_OK && r[i].sink->kind == GD_NODE_DIRECT_LPI)
			return true;
	return false;
}

bool gd_dt_direct_lpi_parent(struct gd_dt_builder *b, struct gd_dt_node *dn,
                             const struct gd_node *source)
{
	if (!b->direct_lpi || !reaches_direct_lpi(b, source))
		return false;
	size_t k = 0;
	const struct gd_intid_range *r = lpis_of(source, &k);
	if (!k) {
		gd_dt_error(b, &source->loc,
		            "DT: %s '%s' uses Direct LPI but owns no LPIs; arm,gic-v3-direct-lpi "
		            "needs its arm,lpi-ranges",
		            gd_node_kind_name(source->kind), source->name);
		return true;
	}
	char name[80], label[80];
	snprintf(name, sizeof(name), "lpis-%s", source->name);
	snprintf(label, sizeof(label), "%s_lpis", source->name);
	struct gd_dt_node *pool = gd_dt_builder_node(b, b->direct_lpi, name, label, &source->loc);
	gd_dt_add_flag(b->t, pool, "msi-controller");
	gd_dt_add_u32(b->t, pool, "#msi-cells", 0);
	struct gd_dt_prop *ranges = gd_dt_add_cells(b->t, pool, "arm,lpi-ranges", 2);
	ranges->decimal = true;
	for (size_t i = 0; i < k; i++) {
		gd_dt_push_u32(b->t, ranges, r[i].base);
		gd_dt_push_u32(b->t, ranges, r[i].count);
		gd_dt_note(b->t, ranges, i, "LPIs %u-%llu", (unsigned)r[i].base,
		           (unsigned long long)r[i].base + r[i].count - 1);
	}
	gd_dt_push_ref(b->t, gd_dt_add_cells(b->t, dn, "msi-parent", 0), pool);
	return true;
}

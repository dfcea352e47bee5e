/* SPDX-License-Identifier: MIT */
/*
 * yaml_direct_lpi.c - Direct LPI in format 1: the target (gic: direct-lpi:),
 * the devices that use it (msi-parent: on named components and root
 * complexes) and the LPI INTIDs each owns (lpis:). GIC architecture (IHI
 * 0069) §12.11 GICR_SETLPIR, GICR_TYPER.DirectLPI; our draft binding
 * schemas/bindings/interrupt-controller/arm,gic-v3-direct-lpi.yaml.
 */
#include "load/yaml_platform.h"

/* gic: direct-lpi: { name: ... }: every redistributor's GICR_SETLPIR as one MSI target. */
static const struct gd_yfield direct_lpi_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_direct_lpi(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                              const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {direct_lpi_fields, NULL};

	(void)obj;
	(void)f;
	/* One target for all redistributors: a mapping, not a list. */
	struct gd_node *n =
	    gd_platform_add_node(c->p, GD_NODE_DIRECT_LPI, sizeof(struct gd_direct_lpi));
	n->name = "";
	n->loc = gd_yloc(c, v);
	int status = gd_ymap_decode(c, v, "direct-lpi", tables, n);
	if (!n->name[0])
		c->unnamed++;
	return status;
}

/*
 * msi-parent: NAME. The node's MSIs go to a controller that takes no
 * DeviceID (Direct LPI, a GICv2m frame, MBI); the mapping's input range (a root complex's RIDs) is
 * set when references are resolved, once the bus range is known. A node has either msi-parent or
 * id-map: its MSIs go to one place.
 */
int gd_yaml_decode_msi_parent(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                              const struct gd_yfield *f)
{
	struct gd_node *node = obj;
	const char *s = gd_ystring(c, v);

	(void)f;
	if (!s)
		return -1;
	if (node->n_maps) {
		gd_yerror(c, v, "yaml-value",
		          "msi-parent and id-map both say where the MSIs go: keep one");
		return -1;
	}
	node->maps = gd_arena_alloc(&c->p->arena, sizeof(*node->maps));
	node->n_maps = node->cap_maps = 1;
	struct gd_id_map *m = &node->maps[0];
	m->msi_parent = true;
	m->single = node->kind == GD_NODE_NAMED_COMPONENT;
	m->count = 1;
	m->loc = gd_yloc(c, v);
	m->output_name = gd_arena_strdup(&c->p->arena, s);
	gd_yaml_new_ref(c, m, m->loc)->owner = node;
	return 0;
}

/* One range of LPI INTIDs: base and count (>= 1); rules check them against the GIC. */
static const struct gd_yfield lpi_range_fields[] = {
    {"base", GD_YF_UINT, GD_YF_AT(struct gd_intid_range, base), .required = true},
    {"count", GD_YF_UINT, GD_YF_AT(struct gd_intid_range, count), .required = true, .min = 1,
     .max = UINT32_MAX},
    {"multi-msi", GD_YF_CUSTOM, .decode = gd_yaml_decode_multi_msi},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* lpis: [{base, count, multi-msi}]: @obj is the node; the array is the kind's own. */
int gd_yaml_decode_lpis(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	struct gd_root_complex *rc = gd_node_as_rc(obj);
	struct gd_named_component *nc = gd_node_as_nc(obj);

	(void)f;
	if (rc)
		return gd_yaml_decode_intid_ranges(c, v, "LPI range", lpi_range_fields, &rc->lpis,
		                                   &rc->n_lpis, &rc->cap_lpis);
	return gd_yaml_decode_intid_ranges(c, v, "LPI range", lpi_range_fields, &nc->lpis,
	                                   &nc->n_lpis, &nc->cap_lpis);
}

int gd_yaml_resolve_msi_parent(struct gd_yctx *c, const struct gd_yref *r, struct gd_node *n)
{
	if (n->kind == GD_NODE_ITS || !gd_node_is_sink(n->kind)) {
		gd_yerror_loc(c, &r->loc, "yaml-reference-kind",
		              "'%s' is a %s; msi-parent names a controller that takes no DeviceID "
		              "(a Direct-LPI target, GICv2m frame or MBI); an ITS is reached "
		              "through id-map",
		              r->map->output_name, gd_node_kind_name(n->kind));
		return -1;
	}
	r->map->output = n;
	struct gd_root_complex *rc = gd_node_as_rc(r->owner);
	if (rc) {
		/* RIDs carried unchanged, as a DT msi-parent of a PCI host (they select nothing).
		 */
		r->map->input_base = (uint32_t)rc->bus_start << 8;
		r->map->output_base = r->map->input_base;
		r->map->count = gd_rc_rid_count(rc);
	}
	return 0;
}

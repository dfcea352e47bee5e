/* SPDX-License-Identifier: MIT */
#include "resolve/route_print.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

const char *gd_id_space_name(enum gd_node_kind kind)
{
	switch (kind) {
	case GD_NODE_ROOT_COMPLEX:
		return "RID";
	case GD_NODE_SMMU:
		return "StreamID";
	case GD_NODE_ITS:
		return "DeviceID";
	case GD_NODE_NAMED_COMPONENT:
	case GD_NODE_MSI_FRAME:
	case GD_NODE_MBI:
	case GD_NODE_DIRECT_LPI:
	case GD_NODE_PMCG:
	case GD_NODE_IWB:
		break;
	}
	return "ID";
}

static void format_hop(const struct gd_route *r, size_t k, struct gd_buf *out)
{
	const struct gd_hop *h = &r->hops[k];
	const char *space = gd_id_space_name(h->node->kind);
	if (h->node->kind != GD_NODE_ITS && gd_node_is_sink(h->node->kind))
		gd_buf_printf(out, "%s (%s: no DeviceID)", h->node->name,
		              gd_node_kind_name(h->node->kind));
	else if (k == 0 && r->single)
		gd_buf_printf(out, "%s (single mapping)", h->node->name);
	else if (r->count == 1)
		gd_buf_printf(out, "%s %s 0x%04" PRIx32, h->node->name, space, h->base);
	else
		gd_buf_printf(out, "%s %s 0x%04" PRIx32 "-0x%04" PRIx64, h->node->name, space,
		              h->base, (uint64_t)h->base + r->count - 1);
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)h->node);
	if (k == 0 && !r->single && rc && rc->has_msi_map_mask)
		gd_buf_printf(out, " (RID & msi-map-mask 0x%04" PRIx32 ")", rc->msi_map_mask);
}

void gd_route_format(const struct gd_route *r, struct gd_buf *out)
{
	for (size_t k = 0; k < r->n_hops; k++) {
		if (k)
			gd_buf_printf(out, " -> ");
		format_hop(r, k, out);
	}
	const struct gd_hop *last = &r->hops[r->n_hops - 1];
	switch (r->status) {
	case GD_ROUTE_OK:
		break;
	case GD_ROUTE_UNMAPPED:
		gd_buf_printf(out, " -> (unmapped at %s)", last->node->name);
		break;
	case GD_ROUTE_CYCLE:
		gd_buf_printf(out, " -> (cycle at %s)", last->node->name);
		break;
	case GD_ROUTE_OVERFLOW:
		gd_buf_printf(out,
		              " -> (overflow at %s: output base 0x%" PRIx32 " + 0x%" PRIx64
		              " IDs > 2^32)",
		              last->node->name, last->map->output_base,
		              last->map->single ? (uint64_t)1 : last->map->count);
		break;
	}
}

void gd_route_format_one(const struct gd_route *r, uint32_t id, struct gd_buf *out)
{
	struct gd_hop *hops = calloc(r->n_hops ? r->n_hops : 1, sizeof(*hops));
	struct gd_route one = *r;
	if (!hops) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	id = gd_route_input_id(r, id);
	uint32_t off = id - r->input_base;
	for (size_t k = 0; k < r->n_hops; k++) {
		hops[k] = r->hops[k];
		hops[k].base += off;
	}
	one.hops = hops;
	one.input_base = id;
	one.output_base = r->output_base + off;
	one.count = 1;
	gd_route_format(&one, out);
	free(hops);
}

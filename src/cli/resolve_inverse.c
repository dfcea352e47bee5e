/* SPDX-License-Identifier: MIT */
/* The inverse lookup of `gicdesc resolve` (resolve_inverse.h). */
#include "cli/resolve_inverse.h"

#include "resolve/route_print.h"

bool gd_resolve_is_inverse(const struct gd_node *node, bool has_id)
{
	return gd_node_is_sink(node->kind) || (node->kind == GD_NODE_SMMU && has_id);
}

/* True when INTID @id is one of @n ranges @v. */
static bool in_ranges(const struct gd_intid_range *v, size_t n, uint32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (id >= v[i].base && id - v[i].base < v[i].count)
			return true;
	return false;
}

/* The LPIs a source owns (Direct LPI), by source kind. */
static bool owns_lpi(const struct gd_node *source, uint32_t intid)
{
	const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)source);
	const struct gd_named_component *nc = gd_node_as_nc((struct gd_node *)source);
	return (rc && in_ranges(rc->lpis, rc->n_lpis, intid)) ||
	       (nc && in_ranges(nc->lpis, nc->n_lpis, intid));
}

/* What one lookup prints into, and which routes it prints. */
struct inverse {
	struct gd_buf *out;
	bool narrow;    /* print each route narrowed to the input ID that becomes the ID */
	bool dlpi;      /* Direct LPI: only the source that owns the LPI */
	uint32_t intid; /* the LPI, when dlpi */
	size_t printed;
};

static void print_route(void *arg, const struct gd_route *r, uint32_t input_id)
{
	struct inverse *q = arg;
	if (q->dlpi && !owns_lpi(r->source, q->intid))
		return;
	if (q->narrow)
		gd_route_format_one(r, input_id, q->out);
	else
		gd_route_format(r, q->out);
	gd_buf_append(q->out, "\n", 1);
	q->printed++;
}

/* Whether INTID @id is one the SPI-based MSI target @t raises (a frame of unknown SPIs: any). */
static bool target_intid(const struct gd_node *t, uint32_t id)
{
	const struct gd_msi_frame *f = gd_node_as_msi_frame((struct gd_node *)t);
	const struct gd_mbi *mbi = gd_node_as_mbi((struct gd_node *)t);
	if (f)
		return !f->spi_count || (id >= f->spi_base && id - f->spi_base < f->spi_count);
	return !mbi || in_ranges(mbi->ranges, mbi->n_ranges, id);
}

int gd_resolve_inverse(const struct gd_routes *routes, const struct gd_node *target, bool has_id,
                       uint32_t id, struct gd_buf *out)
{
	bool takes_ids = target->kind == GD_NODE_ITS || target->kind == GD_NODE_SMMU;
	struct inverse q = {.out = out,
	                    .narrow = has_id && takes_ids,
	                    .dlpi = has_id && target->kind == GD_NODE_DIRECT_LPI,
	                    .intid = id};
	if (has_id && !takes_ids && target->kind != GD_NODE_DIRECT_LPI &&
	    !target_intid(target, id)) {
		gd_buf_printf(out, "%s INTID %u -> (not an SPI that %s raises)\n", target->name,
		              (unsigned)id, target->name);
		return 1;
	}
	gd_routes_reaching(routes, target, q.narrow, id, print_route, &q);
	if (q.printed) {
		if (has_id && !takes_ids && !q.dlpi)
			gd_buf_printf(
			    out, "(the OS hands out %s's SPIs: any of these may hold INTID %u)\n",
			    target->name, (unsigned)id);
		return 0;
	}
	if (has_id && takes_ids)
		gd_buf_printf(out, "nothing reaches %s %s 0x%04x\n", target->name,
		              gd_id_space_name(target->kind), (unsigned)id);
	else if (has_id)
		gd_buf_printf(out, "nothing reaches %s INTID %u\n", target->name, (unsigned)id);
	else
		gd_buf_printf(out, "nothing reaches %s\n", target->name);
	return 1;
}

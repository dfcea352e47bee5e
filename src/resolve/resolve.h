/* SPDX-License-Identifier: MIT */
/*
 * resolve.h - the interrupt-routing resolver: pushes ID intervals from every
 * source through the ID mappings of the model to a sink.
 *
 * Sources, in this order: each root complex (its single mappings, then its
 * RID space [bus_start << 8, (bus_end + 1) << 8), none when the bus range is
 * empty, and apart from those, what its mappings cover past it: struct
 * gd_routes.beyond; with an msi-map-mask, the image of that space under "RID & mask",
 * as Linux's of_map_id() masks a RID before it searches msi-map: a route's
 * input IDs are then masked RIDs, each standing for every RID that masks to
 * it), each named component (its single mappings, then the input ranges
 * of its other mappings), each SMMU's own MSI (struct gd_smmu.own_msi), and
 * each PMCG's own MSI (gd_pmcg_msi()).
 * Sinks (gd_node_is_sink()): an ITS, where the IDs are DeviceIDs, and the MSI
 * controllers that take none: GICv2m frame, MBI, Direct LPI; a route that
 * reaches one of those ends there, its output IDs meaning nothing.
 *
 * Mapping lookup follows Linux (6.1): of_map_id() (drivers/of/base.c) and
 * iort_node_map_id() / iort_id_map() (drivers/acpi/arm64/iort.c) take the
 * first mapping, in the order written, whose input range contains the ID.
 * IDs no mapping covers stop there (GD_ROUTE_UNMAPPED).
 *
 * Single mappings (IORT E.e §3.2.2, flag bit 0) carry the node's own ID and
 * take no part in input ranges: at a source each one gives a route of one ID
 * (single = true); at a node reached as an intermediate hop they are ignored,
 * as iort_id_map() does for an SMMUv3 ("SINGLE MAPPING flag not allowed for
 * node type %d, skipping ID map") and iort_node_map_id() for the SMMU's
 * DeviceID mapping index (iort_get_id_mapping_index()). Mappings of an ITS
 * are ignored: the walk stops there (iort_node_map_id() returns on the type).
 *
 * Not modelled (both are firmware mistakes, for the rules to report):
 *  - iort_id_map() gives a single mapping of a root complex or named
 *    component every input ID it is asked about, so in Linux one written
 *    before a root complex's range mappings would take every RID;
 *  - its work-around for firmware that writes "number of IDs" where IORT
 *    wants "number of IDs minus one": the last ID of a mapping goes to a
 *    later mapping that starts on it. This differs from first match only
 *    where two mappings overlap.
 *
 * An interval is split only where the mapping that applies changes, so the
 * cost grows with the number of ID mappings, not with the size of ID spaces:
 * per node, the first-match winners are computed once as disjoint segments
 * (O(m log m) for m mappings), and an interval of k pieces costs O(log m + k).
 */
#ifndef GD_RESOLVE_RESOLVE_H
#define GD_RESOLVE_RESOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "model/platform.h"

/* Outcome of one route. */
enum gd_route_status {
	GD_ROUTE_OK,       /* reached a sink; at an ITS output_base is the first DeviceID */
	GD_ROUTE_UNMAPPED, /* no mapping of the last hop's node covers the interval */
	/*
	 * output_base + count of the mapping taken exceeds 2^32: the whole
	 * piece it takes stops there, even IDs whose own output would fit.
	 */
	GD_ROUTE_OVERFLOW,
	GD_ROUTE_CYCLE, /* the path returned to a node it had passed */
};

/*
 * One hop of a route: the interval [base, base + route.count) in the ID space
 * of @node, and the mapping @map that took it onwards. At the last hop @map
 * is NULL, except for GD_ROUTE_OVERFLOW where it is the mapping whose output
 * range passes 2^32. At hop 0 of a single route, base is 0 (a single mapping
 * has no input ID) and @map is the single mapping.
 */
struct gd_hop {
	const struct gd_node *node;
	uint32_t base;
	const struct gd_id_map *map;
};

/*
 * A route: input IDs [input_base, input_base + count) of @source travel
 * through hops[0] (the source itself) .. hops[n_hops - 1] (the sink, or the
 * node where the route stopped: for GD_ROUTE_CYCLE the node met a second
 * time). output_base == hops[n_hops - 1].base; for GD_ROUTE_OK, sink is
 * hops[n_hops - 1].node and output_base the first DeviceID. count is 1 ..
 * 2^32; single routes have count 1 and input_base 0.
 */
struct gd_route {
	const struct gd_node *source;
	uint32_t input_base;
	uint64_t count;
	bool single; /* the source's own ID (single mapping) */
	enum gd_route_status status;
	const struct gd_node *sink; /* NULL unless GD_ROUTE_OK */
	uint32_t output_base;
	struct gd_hop *hops;
	size_t n_hops;
};

/*
 * Where the routes of one source lie: v[first .. first + n); the first
 * n_single of them are its single routes; its routes past the bus range,
 * beyond[first_beyond .. first_beyond + n_beyond).
 */
struct gd_route_span {
	const struct gd_node *source;
	size_t first, n, n_single;
	size_t first_beyond, n_beyond;
};

/*
 * All routes of a platform, sorted by source (root complexes, named
 * components, SMMU own MSIs, PMCGs, each in model order), then single routes before
 * ranges (single routes in the order of the source's mappings), then by
 * input_base. Routes of one source are disjoint and maximal: two routes that
 * meet differ in some hop's mapping or in their outcome.
 * spans: one per source with at least one route, sorted by the address of
 * the source node (a lookup index for gd_routes_of(); never printed).
 */
struct gd_routes {
	struct gd_route *v;
	size_t n, cap;
	/*
	 * The RIDs of a root complex (without an msi-map-mask) past its bus
	 * range that its own mappings cover, walked like the others but kept
	 * apart, GD_ROUTE_OK ones only, sorted by source then input_base: no
	 * device has those RIDs, so no rule reads them; a DT writer does, to
	 * write an msi-map as wide as the mappings it comes from.
	 */
	struct gd_route *beyond;
	size_t n_beyond, cap_beyond;
	struct gd_route_span *spans;
	size_t n_spans;
	struct gd_arena arena; /* owns v, spans and the hop arrays */
};

/*
 * Resolves every source of @p into @out (zero-initialised by the caller).
 * Returns 0; routes that fail carry their status (rules report them), but
 * that a root complex's RIDs left unmapped go on to @p's pci_msi_fallback
 * (ACPI: the first GICv2m frame) when it has one, as a route of two hops.
 * Depth is bounded by the number of nodes (a longer path is a cycle).
 * Mappings whose output is NULL (never after loading) are ignored.
 */
int gd_resolve(const struct gd_platform *p, struct gd_routes *out);

/* Frees @r and zeroes it. */
void gd_routes_free(struct gd_routes *r);

/*
 * The routes of @source: returns a pointer to the first and sets *@n to
 * their number (single routes first); NULL and 0 when @source has none.
 * O(log number of sources).
 */
const struct gd_route *gd_routes_of(const struct gd_routes *r, const struct gd_node *source,
                                    size_t *n);

/*
 * The routes of root complex @source past its bus range (struct
 * gd_routes.beyond): returns a pointer to the first and sets *@n to their
 * number; NULL and 0 when it has none. O(log number of sources).
 */
const struct gd_route *gd_routes_beyond(const struct gd_routes *r, const struct gd_node *source,
                                        size_t *n);

/*
 * The route that carries input ID @id of @source (a RID for a root complex,
 * ANDed with its msi-map-mask when it has one; the component's own ID for a
 * named component), or NULL when no route of
 * @source contains @id. Single routes have no input ID and are never
 * returned (find them with gd_routes_of()). The ID at hop k is
 * hops[k].base + (id - input_base). O(log number of sources + log routes).
 */
const struct gd_route *gd_routes_find(const struct gd_routes *r, const struct gd_node *source,
                                      uint32_t id);

/*
 * The inverse lookup (inverse.c): calls @fn for every route that passes
 * @node (an ITS, an SMMU, a GICv2m frame, MBI or Direct LPI; never at its
 * first hop, the source) with the ID @id there (a DeviceID at an ITS, a
 * StreamID at an SMMU), with the route and its input ID that becomes @id
 * (a masked RID for a root complex with an msi-map-mask: it stands for
 * every RID that masks to it). Without @has_id, and at the sinks that take
 * no ID, every route that passes @node. Returns the number of calls. O(n
 * routes x hops).
 */
size_t gd_routes_reaching(const struct gd_routes *r, const struct gd_node *node, bool has_id,
                          uint32_t id,
                          void (*fn)(void *arg, const struct gd_route *route, uint32_t input_id),
                          void *arg);

/*
 * The ID at route @r's input for ID @id of its source: @id itself, or for a
 * root complex with an msi-map-mask, id & mask (Linux of_map_id()). The ID
 * at hop k is then hops[k].base + (gd_route_input_id(r, id) - input_base).
 */
uint32_t gd_route_input_id(const struct gd_route *r, uint32_t id);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the resolver against hand-checked routes: every expected
 * value below is worked out by hand from the mappings (the reasoning is in
 * the comments), following Linux's first-match lookup (of_map_id(),
 * iort_node_map_id()).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "resolve/resolve.h"
#include "resolve/route_print.h"
#include "support_fixtures.h"
#include "support_graph.h"

static struct gd_buf text;

/* The route's text (valid until the next call). */
static const char *fmt(const struct gd_route *r)
{
	text.len = 0;
	gd_route_format(r, &text);
	gd_buf_append(&text, "", 1);
	return (const char *)text.data;
}

/* Asserts the route's outcome, interval, and hop-by-hop text. */
static void assert_route(const struct gd_route *r, enum gd_route_status status, uint32_t input_base,
                         uint64_t count, const char *want)
{
	assert_string_equal(fmt(r), want);
	assert_int_equal(r->status, status);
	assert_int_equal(r->input_base, input_base);
	assert_int_equal(r->count, count);
	assert_ptr_equal(r->source, r->hops[0].node);
	assert_int_equal(r->output_base, r->hops[r->n_hops - 1].base);
	if (status == GD_ROUTE_OK)
		assert_ptr_equal(r->sink, r->hops[r->n_hops - 1].node);
	else
		assert_null(r->sink);
}

/* Each test's platform and routes, zeroed before and freed after it. */
struct world {
	struct gd_platform p;
	struct gd_routes r;
};

#define WORLD(state) ((struct world *)*(state))

static int setup(void **state)
{
	*state = calloc(1, sizeof(struct world));
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	gd_routes_free(&WORLD(state)->r);
	gd_platform_free(&WORLD(state)->p);
	free(*state);
	return 0;
}

static void resolve(const struct gd_platform *p, struct gd_routes *r)
{
	assert_int_equal(gd_resolve(p, r), 0);
}

/* QEMU virt, its=on: the root complex maps RID 0..0xFFFF to its0 DeviceID 0..0xFFFF. */
static void qemu_virt_one_route(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	fixture_qemu_virt(p);
	resolve(p, r);
	assert_int_equal(r->n, 1);
	assert_route(&r->v[0], GD_ROUTE_OK, 0, 0x10000,
	             "pcie0 RID 0x0000-0xffff -> its0 DeviceID 0x0000-0xffff");
	assert_int_equal(r->v[0].n_hops, 2);
	assert_ptr_equal(r->v[0].hops[0].map, &p->rcs[0]->node.maps[0]);
	assert_null(r->v[0].hops[1].map);
	assert_ptr_equal(r->v[0].sink, &p->its[0]->node);
}

/* iommu=smmuv3: RID -> StreamID identity -> DeviceID identity: two hops of translation. */
static void qemu_virt_smmuv3_two_hops(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	fixture_qemu_virt_smmuv3(p);
	resolve(p, r);
	assert_int_equal(r->n, 1);
	assert_route(&r->v[0], GD_ROUTE_OK, 0, 0x10000,
	             "pcie0 RID 0x0000-0xffff -> smmu0 StreamID 0x0000-0xffff -> its0 DeviceID "
	             "0x0000-0xffff");
	assert_ptr_equal(r->v[0].hops[1].map, &p->smmus[0]->node.maps[0]);
}

/*
 * QEMU's tests/data/acpi/aarch64/virt/IORT.smmuv3-dev (revision 3 copy
 * IORT.smmuv3-dev.rev3.pre-f48bddafa2, read with iasl -d): ITS group {0};
 * two SMMUv3 at 0x0C000000 and 0x0C020000, each StreamID 0..0xFFFF -> ITS
 * DeviceID 0..0xFFFF; root complex segment 0 with four mappings (IORT's
 * "ID Count" is the number of IDs minus one):
 *   input 0x0000 count 0x01FF+1 -> SMMU 0x0C000000 output 0x0000
 *   input 0x1000 count 0x00FF+1 -> SMMU 0x0C020000 output 0x1000
 *   input 0x0200 count 0x0DFF+1 -> ITS group      output 0x0200
 *   input 0x1100 count 0xEEFF+1 -> ITS group      output 0x1100
 * The four ranges tile 0..0xFFFF without overlap, so in RID order:
 * 0x0000-0x01ff via smmu0, 0x0200-0x0fff direct, 0x1000-0x10ff via smmu1,
 * 0x1100-0xffff direct; every translation is the identity.
 */
static void build_smmuv3_dev(struct gd_platform *p)
{
	memset(p, 0, sizeof(*p));
	struct gd_its *its = graph_its(p, "its0");
	struct gd_smmu *s0 = graph_smmu(p, "smmu0");
	struct gd_smmu *s1 = graph_smmu(p, "smmu1");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 255);
	fixture_add_map(p, &s0->node, 0, 0x10000, 0, &its->node);
	fixture_add_map(p, &s1->node, 0, 0x10000, 0, &its->node);
	fixture_add_map(p, &rc->node, 0x0000, 0x01FF + 1, 0x0000, &s0->node);
	fixture_add_map(p, &rc->node, 0x1000, 0x00FF + 1, 0x1000, &s1->node);
	fixture_add_map(p, &rc->node, 0x0200, 0x0DFF + 1, 0x0200, &its->node);
	fixture_add_map(p, &rc->node, 0x1100, 0xEEFF + 1, 0x1100, &its->node);
}

static void qemu_smmuv3_dev_four_ways(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	build_smmuv3_dev(p);
	resolve(p, r);
	assert_int_equal(r->n, 4);
	assert_route(&r->v[0], GD_ROUTE_OK, 0x0000, 0x200,
	             "pcie0 RID 0x0000-0x01ff -> smmu0 StreamID 0x0000-0x01ff -> its0 DeviceID "
	             "0x0000-0x01ff");
	assert_route(&r->v[1], GD_ROUTE_OK, 0x0200, 0xE00,
	             "pcie0 RID 0x0200-0x0fff -> its0 DeviceID 0x0200-0x0fff");
	assert_route(&r->v[2], GD_ROUTE_OK, 0x1000, 0x100,
	             "pcie0 RID 0x1000-0x10ff -> smmu1 StreamID 0x1000-0x10ff -> its0 DeviceID "
	             "0x1000-0x10ff");
	assert_route(&r->v[3], GD_ROUTE_OK, 0x1100, 0xEF00,
	             "pcie0 RID 0x1100-0xffff -> its0 DeviceID 0x1100-0xffff");
	/* The mapping taken at each hop is the one written for that range. */
	const struct gd_node *rc = &p->rcs[0]->node;
	assert_ptr_equal(r->v[0].hops[0].map, &rc->maps[0]);
	assert_ptr_equal(r->v[1].hops[0].map, &rc->maps[2]);
	assert_ptr_equal(r->v[2].hops[0].map, &rc->maps[1]);
	assert_ptr_equal(r->v[3].hops[0].map, &rc->maps[3]);

	/* Lookup: RID 0x1050 is in the third route, StreamID 0x1050 at smmu1. */
	const struct gd_route *e = gd_routes_find(r, rc, 0x1050);
	assert_ptr_equal(e, &r->v[2]);
	assert_int_equal(e->hops[1].base + (0x1050 - e->input_base), 0x1050);
	assert_ptr_equal(gd_routes_find(r, rc, 0x0000), &r->v[0]);
	assert_ptr_equal(gd_routes_find(r, rc, 0x01FF), &r->v[0]);
	assert_ptr_equal(gd_routes_find(r, rc, 0x0200), &r->v[1]);
	assert_ptr_equal(gd_routes_find(r, rc, 0xFFFF), &r->v[3]);
	assert_null(gd_routes_find(r, rc, 0x10000));           /* past bus 255 */
	assert_null(gd_routes_find(r, &p->smmus[0]->node, 0)); /* not a source */
	size_t n;
	assert_ptr_equal(gd_routes_of(r, rc, &n), &r->v[0]);
	assert_int_equal(n, 4);
}

/*
 * First match wins where mappings overlap (bus 0: RIDs 0..0xFF):
 *   A: 0x40..0x7F -> its0 0x1000;  B: 0x00..0xBF -> its0 0x2000.
 * 0x00-0x3F: only B -> 0x2000-0x203F; 0x40-0x7F: A is first -> 0x1000-0x103F;
 * 0x80-0xBF: B -> 0x2000 + 0x80 = 0x2080-0x20BF; 0xC0-0xFF: nothing -> unmapped.
 */
static void first_match_and_gap(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 0);
	fixture_add_map(p, &rc->node, 0x40, 0x40, 0x1000, &its->node);
	fixture_add_map(p, &rc->node, 0x00, 0xC0, 0x2000, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 4);
	assert_route(&r->v[0], GD_ROUTE_OK, 0x00, 0x40,
	             "pcie0 RID 0x0000-0x003f -> its0 DeviceID 0x2000-0x203f");
	assert_route(&r->v[1], GD_ROUTE_OK, 0x40, 0x40,
	             "pcie0 RID 0x0040-0x007f -> its0 DeviceID 0x1000-0x103f");
	assert_route(&r->v[2], GD_ROUTE_OK, 0x80, 0x40,
	             "pcie0 RID 0x0080-0x00bf -> its0 DeviceID 0x2080-0x20bf");
	assert_route(&r->v[3], GD_ROUTE_UNMAPPED, 0xC0, 0x40,
	             "pcie0 RID 0x00c0-0x00ff -> (unmapped at pcie0)");
	assert_int_equal(r->v[3].n_hops, 1);
	assert_null(r->v[3].hops[0].map);
	assert_ptr_equal(gd_routes_find(r, &rc->node, 0xC5), &r->v[3]);
}

/*
 * A mapping that covers part of what reaches it: RIDs 0..0xFF -> smmu0
 * StreamID 0x100..0x1FF; smmu0 maps only StreamIDs 0x110..0x11F -> its0
 * 0x500. So RIDs 0x00-0x0F stop at smmu0, 0x10-0x1F reach DeviceID
 * 0x500-0x50F, 0x20-0xFF stop at smmu0. A count-0 mapping covers nothing.
 */
static void partial_cover_at_smmu(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_smmu *s = graph_smmu(p, "smmu0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 0);
	fixture_add_map(p, &rc->node, 0, 0x100, 0x100, &s->node);
	fixture_add_map(p, &s->node, 0x100, 0, 0x900, &its->node);
	fixture_add_map(p, &s->node, 0x110, 0x10, 0x500, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 3);
	assert_route(&r->v[0], GD_ROUTE_UNMAPPED, 0x00, 0x10,
	             "pcie0 RID 0x0000-0x000f -> smmu0 StreamID 0x0100-0x010f -> (unmapped at "
	             "smmu0)");
	assert_route(&r->v[1], GD_ROUTE_OK, 0x10, 0x10,
	             "pcie0 RID 0x0010-0x001f -> smmu0 StreamID 0x0110-0x011f -> its0 DeviceID "
	             "0x0500-0x050f");
	assert_route(&r->v[2], GD_ROUTE_UNMAPPED, 0x20, 0xE0,
	             "pcie0 RID 0x0020-0x00ff -> smmu0 StreamID 0x0120-0x01ff -> (unmapped at "
	             "smmu0)");
	assert_ptr_equal(r->v[1].hops[1].map, &s->node.maps[1]);
}

/*
 * An SMMUv1/v2 (an MMU-500, IORT node type 3) translates as an SMMUv3 does:
 * Linux iort_node_map_id() follows the ID mappings of either type. Buses
 * 0..1 (RIDs 0..0x1FF) as an LX2160A's U-Boot fixes up iommu-map:
 *   RID 0x000..0x00F -> mmu500 StreamID 0x20..0x2F; RID 0x100 -> StreamID 0x30;
 *   mmu500 StreamID 0x00..0xFF -> its0 DeviceID 0x1000..0x10FF.
 * So RIDs 0x000-0x00f reach DeviceID 0x1020-0x102f, 0x100 reaches 0x1030,
 * and 0x010-0x0ff and 0x101-0x1ff stop at pcie0.
 */
static void smmu_v2_translates(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_smmu *s = graph_smmu(p, "mmu500");
	s->version = GD_SMMU_V1_V2;
	s->model = GD_SMMU_MMU500;
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 1);
	fixture_add_map(p, &rc->node, 0x000, 0x10, 0x20, &s->node);
	fixture_add_map(p, &rc->node, 0x100, 1, 0x30, &s->node);
	fixture_add_map(p, &s->node, 0x00, 0x100, 0x1000, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 4);
	assert_route(&r->v[0], GD_ROUTE_OK, 0x000, 0x10,
	             "pcie0 RID 0x0000-0x000f -> mmu500 StreamID 0x0020-0x002f -> its0 DeviceID "
	             "0x1020-0x102f");
	assert_route(&r->v[1], GD_ROUTE_UNMAPPED, 0x010, 0xF0,
	             "pcie0 RID 0x0010-0x00ff -> (unmapped at pcie0)");
	assert_route(&r->v[2], GD_ROUTE_OK, 0x100, 1,
	             "pcie0 RID 0x0100 -> mmu500 StreamID 0x0030 -> its0 DeviceID 0x1030");
	assert_route(&r->v[3], GD_ROUTE_UNMAPPED, 0x101, 0xFF,
	             "pcie0 RID 0x0101-0x01ff -> (unmapped at pcie0)");
	assert_ptr_equal(r->v[2].hops[1].map, &s->node.maps[0]);
	assert_string_equal(gd_node_what(&s->node), "SMMUv1/v2");
}

/*
 * Overflow near 2^32 (buses 0..1: RIDs 0..0x1FF):
 *   0x000..0x0FF -> 0xFFFFFF80: 0xFFFFFF80 + 0x100 = 2^32 + 0x80 > 2^32: overflow;
 *   0x100..0x1FF -> 0xFFFFFF00: 0xFFFFFF00 + 0x100 = 2^32 exactly: fits, last
 *   DeviceID 0xFFFFFFFF.
 */
static void overflow_near_2_32(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 1);
	fixture_add_map(p, &rc->node, 0x000, 0x100, 0xFFFFFF80u, &its->node);
	fixture_add_map(p, &rc->node, 0x100, 0x100, 0xFFFFFF00u, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 2);
	assert_route(&r->v[0], GD_ROUTE_OVERFLOW, 0x000, 0x100,
	             "pcie0 RID 0x0000-0x00ff -> (overflow at pcie0: output base 0xffffff80 + "
	             "0x100 IDs > 2^32)");
	assert_ptr_equal(r->v[0].hops[0].map, &rc->node.maps[0]);
	assert_route(&r->v[1], GD_ROUTE_OK, 0x100, 0x100,
	             "pcie0 RID 0x0100-0x01ff -> its0 DeviceID 0xffffff00-0xffffffff");
}

/*
 * A cycle: RIDs 0..0xFF -> smmu0 0x1000; smmu0 0x1000.. -> smmu1 0; smmu1
 * 0.. -> smmu0 0x1000: smmu0 is met again with StreamIDs 0x1000-0x10FF.
 * A second root complex maps to smmu2, which maps onto itself.
 */
static void cycle(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_smmu *s0 = graph_smmu(p, "smmu0");
	struct gd_smmu *s1 = graph_smmu(p, "smmu1");
	struct gd_smmu *s2 = graph_smmu(p, "smmu2");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 0);
	struct gd_root_complex *rc1 = graph_rc(p, "pcie1", 1, 1);
	fixture_add_map(p, &rc->node, 0, 0x100, 0x1000, &s0->node);
	fixture_add_map(p, &s0->node, 0x1000, 0x100, 0, &s1->node);
	fixture_add_map(p, &s1->node, 0, 0x100, 0x1000, &s0->node);
	fixture_add_map(p, &rc1->node, 0x100, 0x100, 0, &s2->node);
	fixture_add_map(p, &s2->node, 0, 0x100, 0, &s2->node);
	resolve(p, r);
	assert_int_equal(r->n, 2);
	assert_route(&r->v[0], GD_ROUTE_CYCLE, 0, 0x100,
	             "pcie0 RID 0x0000-0x00ff -> smmu0 StreamID 0x1000-0x10ff -> smmu1 StreamID "
	             "0x0000-0x00ff -> smmu0 StreamID 0x1000-0x10ff -> (cycle at smmu0)");
	assert_int_equal(r->v[0].n_hops, 4);
	assert_route(&r->v[1], GD_ROUTE_CYCLE, 0x100, 0x100,
	             "pcie1 RID 0x0100-0x01ff -> smmu2 StreamID 0x0000-0x00ff -> smmu2 StreamID "
	             "0x0000-0x00ff -> (cycle at smmu2)");
}

/*
 * Sources in order: root complexes, named components, SMMU own MSIs.
 * dma0 (named component) has a single mapping to its0 DeviceID 0x42 (one
 * route of one ID, input_base 0) and no input ranges; smmu0's own MSI is
 * DeviceID 0x10000 (a single route of smmu0). gpu0 has a single mapping
 * written after its range mappings: its single route still comes first.
 * gpu0's ranges: 0x10..0x1F -> 0x100; 0x18..0x2F -> 0x200; 0x40..0x4F ->
 * 0x300. 0x10-0x1F take the first (0x100-0x10F); 0x20-0x2F the second from
 * 0x200 + (0x20 - 0x18) = 0x208; 0x40-0x4F the third; 0x30-0x3F is no input
 * range of gpu0, so no route.
 */
static void named_component_and_own_msi(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_smmu *s = graph_smmu(p, "smmu0");
	struct gd_named_component *dma = graph_nc(p, "dma0");
	struct gd_named_component *gpu = graph_nc(p, "gpu0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 0);
	graph_own_msi(p, s, 0x10000, &its->node);
	graph_single(p, &dma->node, 0x42, &its->node);
	fixture_add_map(p, &gpu->node, 0x10, 0x10, 0x100, &its->node);
	fixture_add_map(p, &gpu->node, 0x18, 0x18, 0x200, &its->node);
	fixture_add_map(p, &gpu->node, 0x40, 0x10, 0x300, &its->node);
	graph_single(p, &gpu->node, 0x77, &its->node);
	fixture_add_map(p, &rc->node, 0, 0x100, 0x8000, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 7);
	assert_route(&r->v[0], GD_ROUTE_OK, 0, 0x100,
	             "pcie0 RID 0x0000-0x00ff -> its0 DeviceID 0x8000-0x80ff");
	assert_route(&r->v[1], GD_ROUTE_OK, 0, 1, "dma0 (single mapping) -> its0 DeviceID 0x0042");
	assert_true(r->v[1].single);
	assert_ptr_equal(r->v[1].hops[0].map, &dma->node.maps[0]);
	assert_route(&r->v[2], GD_ROUTE_OK, 0, 1, "gpu0 (single mapping) -> its0 DeviceID 0x0077");
	assert_route(&r->v[3], GD_ROUTE_OK, 0x10, 0x10,
	             "gpu0 ID 0x0010-0x001f -> its0 DeviceID 0x0100-0x010f");
	assert_route(&r->v[4], GD_ROUTE_OK, 0x20, 0x10,
	             "gpu0 ID 0x0020-0x002f -> its0 DeviceID 0x0208-0x0217");
	assert_route(&r->v[5], GD_ROUTE_OK, 0x40, 0x10,
	             "gpu0 ID 0x0040-0x004f -> its0 DeviceID 0x0300-0x030f");
	assert_route(&r->v[6], GD_ROUTE_OK, 0, 1,
	             "smmu0 (single mapping) -> its0 DeviceID 0x10000");
	assert_true(r->v[6].single);
	assert_ptr_equal(r->v[6].hops[0].map, s->own_msi);

	size_t n;
	assert_ptr_equal(gd_routes_of(r, &gpu->node, &n), &r->v[2]);
	assert_int_equal(n, 4);
	assert_ptr_equal(gd_routes_of(r, &s->node, &n), &r->v[6]);
	assert_int_equal(n, 1);
	assert_null(gd_routes_of(r, &its->node, &n));
	assert_int_equal(n, 0);
	/* Single routes have no input ID: lookups see only the ranges. */
	assert_null(gd_routes_find(r, &dma->node, 0));
	assert_null(gd_routes_find(r, &gpu->node, 0x35));
	assert_ptr_equal(gd_routes_find(r, &gpu->node, 0x2F), &r->v[4]);
}

/*
 * Buses 0x10..0x1F: the RID space is [0x10 << 8, 0x20 << 8) = 0x1000..0x1FFF,
 * however wide the mapping (0..0xFFFF -> its0 0): one route of 0x1000 RIDs; the
 * mapping's RIDs past the bus range, apart (gd_routes_beyond()).
 */
static void bus_range_restricts_rids(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0x10, 0x1F);
	fixture_add_map(p, &rc->node, 0, 0x10000, 0, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 1);
	assert_route(&r->v[0], GD_ROUTE_OK, 0x1000, 0x1000,
	             "pcie0 RID 0x1000-0x1fff -> its0 DeviceID 0x1000-0x1fff");
	assert_null(gd_routes_find(r, &rc->node, 0x0FFF));
	assert_null(gd_routes_find(r, &rc->node, 0x2000));
	/* What the mapping covers past buses 0x10-0x1f, kept apart: RIDs 0-0xfff, 0x2000-0xffff. */
	size_t n;
	const struct gd_route *b = gd_routes_beyond(r, &rc->node, &n);
	assert_int_equal(n, 2);
	assert_route(&b[0], GD_ROUTE_OK, 0, 0x1000,
	             "pcie0 RID 0x0000-0x0fff -> its0 DeviceID 0x0000-0x0fff");
	assert_route(&b[1], GD_ROUTE_OK, 0x2000, 0xE000,
	             "pcie0 RID 0x2000-0xffff -> its0 DeviceID 0x2000-0xffff");
}

/* A mapping to an SMMU that has no mapping onwards: the IDs stop at the SMMU. */
static void smmu_without_mappings(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_smmu *s = graph_smmu(p, "smmu0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 0);
	fixture_add_map(p, &rc->node, 0, 0x100, 0x300, &s->node);
	resolve(p, r);
	assert_int_equal(r->n, 1);
	assert_route(&r->v[0], GD_ROUTE_UNMAPPED, 0, 0x100,
	             "pcie0 RID 0x0000-0x00ff -> smmu0 StreamID 0x0300-0x03ff -> (unmapped at "
	             "smmu0)");
	assert_int_equal(r->v[0].n_hops, 2);
	assert_ptr_equal(r->v[0].hops[0].map, &rc->node.maps[0]);
	assert_null(r->v[0].hops[1].map);
}

/*
 * ACPI's GICv2m fallback (struct gd_platform pci_msi_fallback): RIDs that stop at
 * the root complex or at an SMMU with no mapping for them go on to the frame,
 * unchanged; those that reach the ITS keep their route; a named component gets no
 * fallback. Found by the generative round trip: RIDs behind an SMMU whose route
 * into a frame IORT cannot carry stopped at the SMMU (route-no-its), where Linux
 * gives them the frame.
 */
static void pci_msi_fallback_frame(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_smmu *s = graph_smmu(p, "smmu0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 0);
	struct gd_node *frame =
	    gd_platform_add_node(p, GD_NODE_MSI_FRAME, sizeof(struct gd_msi_frame));
	frame->name = "v2m0";
	p->pci_msi_fallback = frame;
	fixture_add_map(p, &rc->node, 0, 0x80, 0x300, &s->node);
	fixture_add_map(p, &s->node, 0x300, 0x40, 0x500, &its->node);
	graph_single(p, &graph_nc(p, "dma0")->node, 0x900, &s->node);
	resolve(p, r);
	assert_int_equal(r->n, 4);
	size_t n = 0;
	const struct gd_route *nc = gd_routes_of(r, &p->ncs[0]->node, &n);
	assert_int_equal(n, 1);
	assert_route(nc, GD_ROUTE_UNMAPPED, 0, 1,
	             "dma0 (single mapping) -> smmu0 StreamID 0x0900 -> (unmapped at smmu0)");
	assert_route(&r->v[0], GD_ROUTE_OK, 0, 0x40,
	             "pcie0 RID 0x0000-0x003f -> smmu0 StreamID 0x0300-0x033f -> its0 DeviceID "
	             "0x0500-0x053f");
	assert_route(&r->v[1], GD_ROUTE_OK, 0x40, 0x40,
	             "pcie0 RID 0x0040-0x007f -> v2m0 (GICv2m frame: no DeviceID)");
	assert_route(&r->v[2], GD_ROUTE_OK, 0x80, 0x80,
	             "pcie0 RID 0x0080-0x00ff -> v2m0 (GICv2m frame: no DeviceID)");
}

/*
 * A single mapping of a node reached as an intermediate hop is skipped, as
 * Linux's iort_id_map() does for an SMMUv3 ("SINGLE MAPPING flag not allowed
 * for node type %d, skipping ID map"): smmu0's first mapping (single, to
 * 0x99) would otherwise take every StreamID; its second mapping (StreamIDs
 * 0..0xFF -> 0x200) applies. smmu1 has only a single mapping: unmapped.
 */
static void intermediate_single_ignored(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_smmu *s0 = graph_smmu(p, "smmu0");
	struct gd_smmu *s1 = graph_smmu(p, "smmu1");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 0, 1);
	fixture_add_map(p, &rc->node, 0x000, 0x100, 0, &s0->node);
	fixture_add_map(p, &rc->node, 0x100, 0x100, 0, &s1->node);
	graph_single(p, &s0->node, 0x99, &its->node);
	fixture_add_map(p, &s0->node, 0, 0x100, 0x200, &its->node);
	graph_single(p, &s1->node, 0x99, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 2);
	assert_route(&r->v[0], GD_ROUTE_OK, 0, 0x100,
	             "pcie0 RID 0x0000-0x00ff -> smmu0 StreamID 0x0000-0x00ff -> its0 DeviceID "
	             "0x0200-0x02ff");
	assert_ptr_equal(r->v[0].hops[1].map, &s0->node.maps[1]);
	assert_route(&r->v[1], GD_ROUTE_UNMAPPED, 0x100, 0x100,
	             "pcie0 RID 0x0100-0x01ff -> smmu1 StreamID 0x0000-0x00ff -> (unmapped at "
	             "smmu1)");
}

/*
 * The whole 32-bit ID space, at the cost of two mappings: a named component
 * maps 0xFFFFFF00 + 0x200 IDs (cut at 2^32: 0x100 IDs) -> 0x1000, then
 * 0..2^32-1 -> 0. First match: 0..0xFFFFFEFF by the second mapping (count
 * 0xFFFFFF00), 0xFFFFFF00..0xFFFFFFFF by the first.
 */
static void full_32_bit_space(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	struct gd_its *its = graph_its(p, "its0");
	struct gd_named_component *nc = graph_nc(p, "dev0");
	fixture_add_map(p, &nc->node, 0xFFFFFF00u, 0x200, 0x1000, &its->node);
	fixture_add_map(p, &nc->node, 0, (uint64_t)1 << 32, 0, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 2);
	assert_route(&r->v[0], GD_ROUTE_OK, 0, 0xFFFFFF00u,
	             "dev0 ID 0x0000-0xfffffeff -> its0 DeviceID 0x0000-0xfffffeff");
	assert_route(&r->v[1], GD_ROUTE_OK, 0xFFFFFF00u, 0x100,
	             "dev0 ID 0xffffff00-0xffffffff -> its0 DeviceID 0x1000-0x10ff");
	assert_ptr_equal(gd_routes_find(r, &nc->node, 0xFFFFFFFFu), &r->v[1]);
	assert_ptr_equal(gd_routes_find(r, &nc->node, 0), &r->v[0]);
}

/* One RID alone prints without a range; an empty platform has no routes. */
static void single_id_and_empty(void **state)
{
	struct gd_platform *p = &WORLD(state)->p;
	struct gd_routes *r = &WORLD(state)->r;
	resolve(p, r);
	assert_int_equal(r->n, 0);
	gd_routes_free(r);

	struct gd_its *its = graph_its(p, "its0");
	struct gd_root_complex *rc = graph_rc(p, "pcie0", 1, 1);
	fixture_add_map(p, &rc->node, 0x100, 1, 0x7, &its->node);
	resolve(p, r);
	assert_int_equal(r->n, 2);
	assert_route(&r->v[0], GD_ROUTE_OK, 0x100, 1, "pcie0 RID 0x0100 -> its0 DeviceID 0x0007");
	assert_route(&r->v[1], GD_ROUTE_UNMAPPED, 0x101, 0xFF,
	             "pcie0 RID 0x0101-0x01ff -> (unmapped at pcie0)");
}

static int group_teardown(void **state)
{
	(void)state;
	gd_buf_free(&text);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(qemu_virt_one_route, setup, teardown),
	    cmocka_unit_test_setup_teardown(qemu_virt_smmuv3_two_hops, setup, teardown),
	    cmocka_unit_test_setup_teardown(qemu_smmuv3_dev_four_ways, setup, teardown),
	    cmocka_unit_test_setup_teardown(first_match_and_gap, setup, teardown),
	    cmocka_unit_test_setup_teardown(partial_cover_at_smmu, setup, teardown),
	    cmocka_unit_test_setup_teardown(smmu_v2_translates, setup, teardown),
	    cmocka_unit_test_setup_teardown(overflow_near_2_32, setup, teardown),
	    cmocka_unit_test_setup_teardown(cycle, setup, teardown),
	    cmocka_unit_test_setup_teardown(named_component_and_own_msi, setup, teardown),
	    cmocka_unit_test_setup_teardown(bus_range_restricts_rids, setup, teardown),
	    cmocka_unit_test_setup_teardown(smmu_without_mappings, setup, teardown),
	    cmocka_unit_test_setup_teardown(pci_msi_fallback_frame, setup, teardown),
	    cmocka_unit_test_setup_teardown(intermediate_single_ignored, setup, teardown),
	    cmocka_unit_test_setup_teardown(full_32_bit_space, setup, teardown),
	    cmocka_unit_test_setup_teardown(single_id_and_empty, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, group_teardown);
}

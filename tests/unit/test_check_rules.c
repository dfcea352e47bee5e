/* SPDX-License-Identifier: MIT */
/*
 * One deliberately broken copy of a QEMU virt fixture per rule; each must
 * trigger that rule and no other. Routes are written by hand from the
 * fixture's mappings, as src/resolve/resolve.h says the resolver makes them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"
#include "support_check.h"
#include "support_fixtures.h"
#include "support_routes.h"

/* A platform and its routes, freed by teardown. */
struct world {
	struct gd_platform p;
	struct gd_routes r;
};

static int setup(void **state)
{
	*state = test_calloc(1, sizeof(struct world));
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	gd_platform_free(&w->p);
	gd_routes_free(&w->r);
	test_free(w);
	return 0;
}

/* Runs every rule over @w and asserts that only @rule fires, saying @msg (unless NULL). */
static void expect(struct world *w, const char *rule, const char *msg)
{
	struct gd_diags d = {0};
	gd_check_run(&w->p, &w->r, NULL, &d);
	support_expect_only(&d, rule);
	if (msg)
		support_expect_message(&d, msg);
	gd_diags_free(&d);
}

static struct gd_node *pcie0(struct world *w)
{
	return &w->p.rcs[0]->node;
}

static struct gd_node *its0(struct world *w)
{
	return &w->p.its[0]->node;
}

/* fixture_qemu_virt() with its hand-made routes. */
static struct world *virt(void **state)
{
	struct world *w = *state;
	fixture_qemu_virt(&w->p);
	return w;
}

static struct world *virt_smmuv3(void **state)
{
	struct world *w = *state;
	fixture_qemu_virt_smmuv3(&w->p);
	return w;
}

/* Adds dma0 with a single mapping to DeviceID @devid of its0 and its route. */
static struct gd_named_component *add_dma0(struct world *w, uint32_t devid)
{
	struct gd_named_component *nc = support_add_nc(&w->p, "dma0");
	struct gd_id_map *m = fixture_add_map(&w->p, &nc->node, 0, 1, devid, its0(w));
	m->single = true;
	struct gd_route *rt = support_route(&w->r, &nc->node, 0, 1, true);
	support_hop(rt, m, its0(w), devid);
	support_end(rt, GD_ROUTE_OK);
	return nc;
}

static void id_map_zero_count(void **state)
{
	struct world *w = virt(state);
	fixture_add_map(&w->p, pcie0(w), 0, 0, 0, its0(w));
	support_routes_qemu_virt(&w->p, &w->r);
	expect(w, "id-map-zero-count",
	       "ID mapping of pcie0 at input RID 0x0000 maps 0 IDs (the number of IDs must be at "
	       "least 1)");
}

static void id_map_overflow(void **state)
{
	struct world *w = virt(state);
	pcie0(w)->maps[0].output_base = 0xffff8000;
	struct gd_route *rt = support_route(&w->r, pcie0(w), 0, 0x8000, false);
	support_hop(rt, &pcie0(w)->maps[0], its0(w), 0xffff8000);
	support_end(rt, GD_ROUTE_OK);
	support_end(support_route(&w->r, pcie0(w), 0x8000, 0x8000, false), GD_ROUTE_OVERFLOW);
	/* DeviceIDs 0xffff8000.. are beyond 16 bits too, but device-id-range needs this rule. */
	expect(w, "id-map-overflow",
	       "RIDs 0x0000-0xffff of pcie0 map to DeviceIDs 0xffff8000-0x100007fff, past "
	       "0xffffffff");
}

static void id_map_overlap(void **state)
{
	struct world *w = virt(state);
	fixture_add_map(&w->p, pcie0(w), 0x100, 0x100, 0x20000, its0(w));
	support_routes_qemu_virt(&w->p, &w->r); /* Linux: the first mapping wins everywhere */
	expect(w, "id-map-overlap",
	       "ID mappings of pcie0 for RIDs 0x0000-0xffff and 0x0100-0x01ff overlap on "
	       "0x0100-0x01ff: Linux uses the first there (to its0), never the second (to its0)");
}

static void id_map_target_kind(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	struct gd_named_component *nc = support_add_nc(&w->p, "dma0");
	struct gd_id_map *m = fixture_add_map(&w->p, &nc->node, 0, 1, 0, pcie0(w));
	m->single = true;
	/* As Linux would follow it: dma0 -> pcie0 RID 0 -> its0 DeviceID 0, pcie0's too. */
	struct gd_route *rt = support_route(&w->r, &nc->node, 0, 1, true);
	support_hop(rt, m, pcie0(w), 0);
	support_hop(rt, &pcie0(w)->maps[0], its0(w), 0);
	support_end(rt, GD_ROUTE_OK);
	expect(w, "id-map-target-kind",
	       "ID mapping of dma0 outputs to pcie0 (root complex), which takes no input IDs (only "
	       "an SMMU or an ITS does)");
}

static void single_mapping_kind(void **state)
{
	struct world *w = virt_smmuv3(state);
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	fixture_add_map(&w->p, &w->p.smmus[0]->node, 0, 1, 0x20000, its0(w))->single = true;
	expect(w, "single-mapping-kind",
	       "single mapping among the StreamID mappings of smmu0: Linux skips it there; an "
	       "SMMUv3's own MSIs are its own-MSI mapping");
}

static void single_mapping_kind_own_msi(void **state)
{
	struct world *w = virt_smmuv3(state);
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	struct gd_id_map *own = gd_arena_alloc(&w->p.arena, sizeof(*own));
	*own = (struct gd_id_map){.count = 1, .output_base = 0x20000, .output = its0(w)};
	w->p.its[0]->device_id_bits = 18;
	w->p.smmus[0]->own_msi = own;
	struct gd_route *rt = support_route(&w->r, &w->p.smmus[0]->node, 0, 1, true);
	support_hop(rt, own, its0(w), 0x20000);
	support_end(rt, GD_ROUTE_OK);
	expect(w, "single-mapping-kind",
	       "the own-MSI mapping of smmu0 is not a single mapping (Linux: \"Invalid MSI "
	       "mapping\")");
}

/* The resolver's verdict alone: a valid model with a route marked as a cycle. */
static void route_cycle(void **state)
{
	struct world *w = virt_smmuv3(state);
	const struct gd_node *smmu0 = &w->p.smmus[0]->node;
	struct gd_route *rt = support_route(&w->r, pcie0(w), 0, 0x10000, false);
	support_hop(rt, &pcie0(w)->maps[0], smmu0, 0);
	support_hop(rt, &smmu0->maps[0], smmu0, 0);
	support_end(rt, GD_ROUTE_CYCLE);
	expect(w, "route-cycle",
	       "RIDs 0x0000-0xffff of pcie0 go round in a loop of ID mappings: pcie0 -> smmu0 -> "
	       "smmu0");
}

/*
 * A real loop needs a mapping into an SMMUv3 from an SMMUv3, which
 * id-map-target-kind reports; route-cycle has no prerequisite and reports it too.
 */
static void route_cycle_in_model(void **state)
{
	struct world *w = virt_smmuv3(state);
	struct gd_smmu *s1 = gd_arena_alloc(&w->p.arena, sizeof(*s1));
	s1->node.kind = GD_NODE_SMMU;
	s1->node.name = "smmu1";
	s1->base = 0x09070000;
	*GD_ARRAY_PUSH(&w->p.arena, w->p.smmus, w->p.n_smmus, w->p.cap_smmus) = s1;
	struct gd_node *smmu0 = &w->p.smmus[0]->node;
	smmu0->maps[0].output = &s1->node;
	smmu0->maps[0].output_name = "smmu1";
	fixture_add_map(&w->p, &s1->node, 0, 0x10000, 0, smmu0);
	struct gd_route *rt = support_route(&w->r, pcie0(w), 0, 0x10000, false);
	support_hop(rt, &pcie0(w)->maps[0], smmu0, 0);
	support_hop(rt, &smmu0->maps[0], &s1->node, 0);
	support_hop(rt, &s1->node.maps[0], smmu0, 0);
	support_end(rt, GD_ROUTE_CYCLE);

	struct gd_diags d = {0};
	gd_check_run(&w->p, &w->r, NULL, &d);
	gd_diags_print(stderr, &d);
	size_t cycles = 0;
	for (size_t i = 0; i < d.n; i++) {
		if (!strcmp(d.v[i].rule, "route-cycle"))
			cycles++;
		else
			assert_string_equal(d.v[i].rule, "id-map-target-kind");
	}
	assert_int_equal(cycles, 1);
	support_expect_message(&d, "RIDs 0x0000-0xffff of pcie0 go round in a loop of ID "
	                           "mappings: pcie0 -> smmu0 -> smmu1 -> smmu0");
	gd_diags_free(&d);
}

static void route_unmapped(void **state)
{
	struct world *w = virt(state);
	pcie0(w)->maps[0].count = 0x800;
	struct gd_route *rt = support_route(&w->r, pcie0(w), 0, 0x800, false);
	support_hop(rt, &pcie0(w)->maps[0], its0(w), 0);
	support_end(rt, GD_ROUTE_OK);
	support_end(support_route(&w->r, pcie0(w), 0x800, 0xf800, false), GD_ROUTE_UNMAPPED);
	expect(w, "route-unmapped",
	       "RIDs 0x0800-0xffff of pcie0 reach no ITS (no ID mapping covers them): devices on "
	       "buses 0x08-0xff get no MSI domain");
}

static void route_unmapped_later_hop(void **state)
{
	struct world *w = virt_smmuv3(state);
	const struct gd_node *smmu0 = &w->p.smmus[0]->node;
	smmu0->maps[0].count = 0x100;
	struct gd_route *rt = support_route(&w->r, pcie0(w), 0, 0x100, false);
	support_hop(rt, &pcie0(w)->maps[0], smmu0, 0);
	support_hop(rt, &smmu0->maps[0], its0(w), 0);
	support_end(rt, GD_ROUTE_OK);
	rt = support_route(&w->r, pcie0(w), 0x100, 0xff00, false);
	support_hop(rt, &pcie0(w)->maps[0], smmu0, 0x100);
	support_end(rt, GD_ROUTE_UNMAPPED);
	expect(w, "route-unmapped",
	       "RIDs 0x0100-0xffff of pcie0 reach no ITS (no ID mapping of smmu0 covers StreamIDs "
	       "0x0100-0xffff): devices on buses 0x01-0xff get no MSI domain");
}

/* virt_smmuv3() with no ID mapping on smmu0 and pcie0's RIDs ending there with @status. */
static struct world *rids_end_at_smmu0(void **state, enum gd_route_status status)
{
	struct world *w = virt_smmuv3(state);
	const struct gd_node *smmu0 = &w->p.smmus[0]->node;
	w->p.smmus[0]->node.n_maps = 0;
	struct gd_route *rt = support_route(&w->r, pcie0(w), 0, 0x10000, false);
	support_hop(rt, &pcie0(w)->maps[0], smmu0, 0);
	support_end(rt, status);
	return w;
}

/* A root complex whose RIDs end at an SMMU with no ID mapping: PCIe functions get no MSIs. */
static void route_unmapped_dma_only_smmu(void **state)
{
	expect(rids_end_at_smmu0(state, GD_ROUTE_UNMAPPED), "route-unmapped",
	       "RIDs 0x0000-0xffff of pcie0 reach no ITS (no ID mapping of smmu0 covers StreamIDs "
	       "0x0000-0xffff): devices on buses 0x00-0xff get no MSI domain");
}

/* A DT msi-map whose target is an SMMU: the route "arrives" at no MSI controller. */
static void route_no_its(void **state)
{
	expect(rids_end_at_smmu0(state, GD_ROUTE_OK), "route-no-its",
	       "RIDs 0x0000-0xffff of pcie0 end at smmu0 (SMMUv3) with no ID mappings onwards: it "
	       "is no MSI controller (an ITS)");
}

/* A named component behind an SMMU with no ID mapping: DMA only, a note. */
static void route_dma_only(void **state)
{
	struct world *w = virt_smmuv3(state);
	struct gd_node *smmu0 = &w->p.smmus[0]->node;
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	struct gd_named_component *nc = support_add_nc(&w->p, "gpu0");
	struct gd_id_map *m = fixture_add_map(&w->p, &nc->node, 0, 4, 0x800, smmu0);
	struct gd_route *rt = support_route(&w->r, &nc->node, 0, 4, false);
	support_hop(rt, m, smmu0, 0x800);
	support_end(rt, GD_ROUTE_UNMAPPED);
	smmu0->n_maps = 0;
	struct gd_diags d = {0};
	assert_int_equal(gd_check_run(&w->p, &w->r, NULL, &d), 0);
	gd_diags_print(stderr, &d);
	support_expect_message(&d, "IDs 0x0000-0x0003 of gpu0 end at smmu0 (SMMUv3), "
	                           "which has no ID mapping: DMA translation only, no MSI domain; "
	                           "if the device raises MSIs, give smmu0 an ID mapping to an ITS "
	                           "group");
	gd_diags_free(&d);
}

static void device_id_range(void **state)
{
	struct world *w = virt(state);
	w->p.its[0]->device_id_bits = 15;
	support_routes_qemu_virt(&w->p, &w->r);
	expect(w, "device-id-range",
	       "RIDs 0x8000-0xffff of pcie0 reach DeviceIDs 0x8000-0xffff of its0, beyond its 15 "
	       "DeviceID bits (last DeviceID 0x7fff)");
}

static void event_id_budget(void **state)
{
	struct world *w = virt(state);
	w->p.its[0]->device_id_bits = 17;
	w->p.its[0]->event_id_bits = 5;
	support_routes_qemu_virt(&w->p, &w->r);
	add_dma0(w, 0x10000)->events = 64;
	expect(w, "event-id-budget",
	       "dma0 (64 MSIs) uses DeviceID 0x10000 of its0: 64 EventIDs per DeviceID, but its0 "
	       "has 5 EventID bits (at most 32)");
}

static void device_id_collision(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	add_dma0(w, 0x10);
	expect(w, "device-id-collision",
	       "RID 0x0010 of pcie0 and the single-mapping ID of dma0 both reach DeviceID 0x0010 "
	       "of its0: the ITS cannot tell them apart");
}

/* The sweep must compare with the interval that reaches furthest, not the previous one. */
static void device_id_collision_nested(void **state)
{
	struct world *w = virt(state);
	pcie0(w)->maps[0].count = 0x100;
	fixture_add_map(&w->p, pcie0(w), 0x100, 0x10, 0x10, its0(w));
	fixture_add_map(&w->p, pcie0(w), 0x110, 0x10, 0x80, its0(w));
	const uint32_t in[] = {0, 0x100, 0x110}, out[] = {0, 0x10, 0x80}, n[] = {0x100, 0x10, 0x10};
	for (size_t k = 0; k < 3; k++) {
		struct gd_route *rt = support_route(&w->r, pcie0(w), in[k], n[k], false);
		support_hop(rt, &pcie0(w)->maps[k], its0(w), out[k]);
		support_end(rt, GD_ROUTE_OK);
	}
	support_end(support_route(&w->r, pcie0(w), 0x120, 0xfee0, false), GD_ROUTE_UNMAPPED);

	struct gd_diags d = {0};
	struct gd_check_config cfg = {0};
	assert_int_equal(gd_check_option(&cfg, 'W', "no-route-unmapped", &d), 0);
	gd_check_run(&w->p, &w->r, &cfg, &d);
	support_expect_only(&d, "device-id-collision");
	assert_int_equal(d.n, 2);
	support_expect_message(&d, "RIDs 0x0010-0x001f of pcie0 and RIDs 0x0100-0x010f of pcie0 "
	                           "both reach DeviceIDs 0x0010-0x001f of its0: the ITS cannot "
	                           "tell them apart");
	support_expect_message(&d, "RIDs 0x0080-0x008f of pcie0 and RIDs 0x0110-0x011f of pcie0 "
	                           "both reach DeviceIDs 0x0080-0x008f of its0: the ITS cannot "
	                           "tell them apart");
	gd_check_config_free(&cfg);
	gd_diags_free(&d);
}

static void smmu_msi_collision(void **state)
{
	struct world *w = virt_smmuv3(state);
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	struct gd_id_map *own = gd_arena_alloc(&w->p.arena, sizeof(*own));
	*own =
	    (struct gd_id_map){.single = true, .count = 1, .output_base = 0x10, .output = its0(w)};
	w->p.smmus[0]->own_msi = own;
	struct gd_route *rt = support_route(&w->r, &w->p.smmus[0]->node, 0, 1, true);
	support_hop(rt, own, its0(w), 0x10);
	support_end(rt, GD_ROUTE_OK);
	expect(w, "smmu-msi-collision",
	       "the own MSIs of smmu0 use DeviceID 0x0010 of its0, which RID 0x0010 of pcie0 also "
	       "reaches through smmu0");
}

static void vpe_proxy_device_id(void **state)
{
	struct world *w = virt(state);
	w->p.gic_version = GD_GIC_V4;
	support_routes_qemu_virt(&w->p, &w->r);
	expect(w, "vpe-proxy-device-id",
	       "RID 0xffff of pcie0 reaches DeviceID 0xffff of its0, which Linux takes for its "
	       "GICv4.0 VPE proxy device unless every redistributor has DirectLPI");
}

static void its_id_duplicate(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	struct gd_its *its1 = gd_arena_alloc(&w->p.arena, sizeof(*its1));
	*its1 = *w->p.its[0];
	its1->node.name = "its1";
	its1->node.index = 1;
	its1->node.maps = NULL;
	its1->node.n_maps = its1->node.cap_maps = 0;
	its1->base = 0x0c000000;
	*GD_ARRAY_PUSH(&w->p.arena, w->p.its, w->p.n_its, w->p.cap_its) = its1;
	expect(w, "its-id-duplicate", "ITS ID 0 of its1 is already the ID of its0");
}

static void mpidr_duplicate(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.cpus[1].mpidr = 0;
	expect(w, "mpidr-duplicate", "MPIDR 0x0 of CPU 1 is already that of CPU 0");
}

static void uid_duplicate(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.cpus[3].uid = 1;
	expect(w, "uid-duplicate", "ACPI processor UID 1 of CPU 3 is already that of CPU 1");
}

static void pci_segment_duplicate(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.its[0]->device_id_bits = 17;
	struct gd_root_complex *rc = gd_arena_alloc(&w->p.arena, sizeof(*rc));
	rc->node.kind = GD_NODE_ROOT_COMPLEX;
	rc->node.name = "pcie1";
	rc->node.index = 1;
	rc->ecam_base = 0x4020000000ull; /* right after pcie0's 256 MiB */
	*GD_ARRAY_PUSH(&w->p.arena, w->p.rcs, w->p.n_rcs, w->p.cap_rcs) = rc;
	struct gd_id_map *m = fixture_add_map(&w->p, &rc->node, 0, 0x100, 0x10000, its0(w));
	struct gd_route *rt = support_route(&w->r, &rc->node, 0, 0x100, false);
	support_hop(rt, m, its0(w), 0x10000);
	support_end(rt, GD_ROUTE_OK);
	expect(w, "pci-segment-duplicate",
	       "PCI segment 0 of pcie1 is already that of pcie0: Linux finds a root complex by its "
	       "segment and only ever finds pcie0");
}

static void mmio_overlap(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.its[0]->base = 0x08090000;
	expect(w, "mmio-overlap",
	       "its0 (0x8090000-0x80affff) overlaps redistributor region 0 (0x80a0000-0x8ffffff)");
}

static void gic_frame_alignment(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.dist.base = 0x08001000;
	expect(w, "gic-frame-alignment",
	       "GICD base 0x8001000 is not 64 KiB aligned (GIC register frames are 64 KiB pages)");
}

static void redist_region_too_small(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.redists[0].length = 0x60000; /* 3 frames of 128 KiB for 4 CPUs */
	expect(w, "redist-region-too-small",
	       "the redistributor regions hold 3 redistributors of 0x20000 bytes (GICv3) but 4 "
	       "CPUs without a GICR base need one each");
}

static void redist_region_bad_stride(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.redists[0].stride = 0x18000;
	expect(w, "redist-region-too-small",
	       "redistributor-stride 0x18000 of region 0 is not a multiple of 64 KiB of at least "
	       "the 0x20000-byte redistributor of GICv3");
}

static void spis_range(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.dist.spis = 100;
	expect(w, "spis-range",
	       "100 SPIs is no count the distributor can have: GICD_TYPER.ITLinesNumber gives a "
	       "multiple of 32 up to 960, or 988 (INTIDs 32-1019) at its maximum");
}

static void spis_range_limits(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	const uint32_t good[] = {0, 32, 960, 988};
	for (size_t i = 0; i < 4; i++) {
		struct gd_diags d = {0};
		w->p.dist.spis = good[i];
		assert_int_equal(gd_check_run(&w->p, &w->r, NULL, &d), 0);
		assert_int_equal(d.n, 0);
	}
	w->p.dist.spis = 992; /* INTIDs 1020-1023 are special, never SPIs */
	expect(w, "spis-range", NULL);
}

static void intid_bits_range(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	w->p.dist.intid_bits = 12;
	expect(w, "intid-bits-range",
	       "intid-bits 12 is outside 14..24 (GICD_TYPER.IDbits + 1; LPIs start at INTID 8192, "
	       "which needs 14 bits)");
}

/* The classic slip: the PPI number (QEMU's PMU is PPI 7) written where the INTID (23) goes. */
static void intid_class_ppi(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	for (size_t i = 0; i < w->p.n_cpus; i++)
		w->p.cpus[i].pmu_intid = 7;
	struct gd_diags d = {0};
	gd_check_run(&w->p, &w->r, NULL, &d);
	support_expect_only(&d, "intid-class");
	assert_int_equal(d.n, 1); /* once for the run of CPUs that share it */
	support_expect_message(&d, "PMU interrupt INTID 7 of CPU 0 is not a PPI (INTIDs 16-31, or "
	                           "extended PPIs 1056-1119) nor an SPI (32-1019, 4096-5119)");
	gd_diags_free(&d);
}

/*
 * A PMU on one SPI per CPU is legal (Linux 6.12's amazon/alpine-v2-evp.dts:
 * INTIDs 136..139 with interrupt-affinity); a VGIC maintenance SPI is not.
 */
static void intid_class_pmu_spi_vgic_ppi(void **state)
{
	struct world *w = virt(state);
	support_routes_qemu_virt(&w->p, &w->r);
	for (size_t i = 0; i < w->p.n_cpus; i++)
		w->p.cpus[i].pmu_intid = 136 + (uint32_t)i;
	struct gd_diags d = {0};
	gd_check_run(&w->p, &w->r, NULL, &d);
	assert_int_equal(d.n, 0);
	for (size_t i = 0; i < w->p.n_cpus; i++)
		w->p.cpus[i].vgic_maint_intid = 32 + 9;
	gd_check_run(&w->p, &w->r, NULL, &d);
	support_expect_only(&d, "intid-class");
	support_expect_message(&d, "VGIC maintenance interrupt INTID 41 of CPU 0 is not a PPI "
	                           "(INTIDs 16-31, or extended PPIs 1056-1119)");
	gd_diags_free(&d);
}

static void intid_class_spi(void **state)
{
	struct world *w = virt_smmuv3(state);
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	w->p.smmus[0]->sync_intid = 32 + 300; /* the distributor has 256 SPIs */
	expect(w, "intid-class",
	       "cmdq-sync interrupt INTID 332 of smmu0 is not an SPI of the distributor (INTIDs "
	       "32-287 with 256 SPIs, or extended SPIs 4096-5119)");
}

/*
 * The same SMMU as an SMMUv1/v2: its context interrupts are wired SPIs too
 * (arm,smmu.yaml; IORT context interrupt array), each checked.
 */
static void intid_class_spi_smmu_v2(void **state)
{
	struct world *w = virt_smmuv3(state);
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	struct gd_smmu *s = w->p.smmus[0];
	*s = (struct gd_smmu){.node = s->node,
	                      .version = GD_SMMU_V1_V2,
	                      .base = s->base,
	                      .size = 0x10000,
	                      .nsg_irpt = {32 + 10, false}};
	struct gd_smmu_irq ctx[] = {{32 + 11, false}, {32 + 300, false}};
	s->context = ctx;
	s->n_context = 2;
	expect(w, "intid-class",
	       "context interrupt INTID 332 of smmu0 is not an SPI of the distributor (INTIDs "
	       "32-287 with 256 SPIs, or extended SPIs 4096-5119)");
}

/* An IORT SMMUv1/v2 model past 5 (IORT E.e §3.1.1.2): Linux's acpi_smmu_get_data() refuses it. */
static void smmu_v2_model(void **state)
{
	struct world *w = virt_smmuv3(state);
	support_routes_qemu_virt_smmuv3(&w->p, &w->r);
	struct gd_smmu *s = w->p.smmus[0];
	static struct gd_smmu_irq ctx = {32 + 11, false};
	*s = (struct gd_smmu){.node = s->node,
	                      .version = GD_SMMU_V1_V2,
	                      .model = 6,
	                      .base = s->base,
	                      .size = 0x10000,
	                      .nsg_irpt = {32 + 10, false},
	                      .context = &ctx,
	                      .n_context = 1};
	expect(w, "smmu-v2-model",
	       "SMMUv1/v2 smmu0 has IORT model 6, none of IORT E.e's 0-5: Linux's arm-smmu "
	       "driver refuses it (acpi_smmu_get_data())");
	s->model = GD_SMMU_CAVIUM_THUNDERX;
	s->n_context = 0;
	expect(w, "smmu-v2-context-interrupts",
	       "SMMUv1/v2 smmu0 has no context interrupt: Linux's arm-smmu driver refuses it "
	       "(arm_smmu_device_probe(): \"found N interrupts but expected at least N + 1\"), so "
	       "it translates for none of its masters");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(id_map_zero_count),
	    T(id_map_overflow),
	    T(id_map_overlap),
	    T(id_map_target_kind),
	    T(single_mapping_kind),
	    T(single_mapping_kind_own_msi),
	    T(route_cycle),
	    T(route_cycle_in_model),
	    T(route_unmapped),
	    T(route_unmapped_later_hop),
	    T(route_unmapped_dma_only_smmu),
	    T(route_no_its),
	    T(route_dma_only),
	    T(device_id_range),
	    T(event_id_budget),
	    T(device_id_collision),
	    T(device_id_collision_nested),
	    T(smmu_msi_collision),
	    T(vpe_proxy_device_id),
	    T(its_id_duplicate),
	    T(mpidr_duplicate),
	    T(uid_duplicate),
	    T(pci_segment_duplicate),
	    T(mmio_overlap),
	    T(gic_frame_alignment),
	    T(redist_region_too_small),
	    T(redist_region_bad_stride),
	    T(spis_range),
	    T(spis_range_limits),
	    T(intid_bits_range),
	    T(intid_class_ppi),
	    T(intid_class_pmu_spi_vgic_ppi),
	    T(intid_class_spi),
	    T(intid_class_spi_smmu_v2),
	    T(smmu_v2_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * The DTB back end on the QEMU virt fixtures, read back with libfdt: every
 * expected value is one of QEMU 7.2's own DTB (tests/data/qemu-7.2/.../virt.dts),
 * phandles compared as the nodes they point at.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libfdt.h>
#include <string.h>

#include "emit/emit.h"
#include "load/load.h"
#include "support_fixtures.h"
#include "support_routes.h"

struct dt_case {
	struct gd_platform p;
	struct gd_routes routes;
	struct gd_diags diags;
	struct gd_buf dtb;
};

static int emit_case(struct dt_case *c)
{
	struct gd_emit_ctx ctx = {.p = &c->p, .routes = &c->routes, .diags = &c->diags};
	int rc = gd_emit_dtb(&ctx, &c->dtb);
	gd_emit_ctx_free(&ctx);
	if (rc == 0)
		assert_int_equal(fdt_check_full(c->dtb.data, c->dtb.len), 0);
	return rc;
}

/* Loads @fixture with its QEMU routes written by hand (RID 0..0xFFFF -> DeviceID 0..0xFFFF). */
static void open_case(struct dt_case *c, void (*fixture)(struct gd_platform *))
{
	memset(c, 0, sizeof(*c));
	fixture(&c->p);
	if (c->p.n_smmus)
		support_routes_qemu_virt_smmuv3(&c->p, &c->routes);
	else
		support_routes_qemu_virt(&c->p, &c->routes);
}

/* Adds the route of @source's own DeviceID @device_id on its0, made by @map. */
static void add_single_route(struct dt_case *c, const struct gd_node *source,
                             const struct gd_id_map *map, uint32_t device_id)
{
	struct gd_route *rt = support_route(&c->routes, source, 0, 1, true);
	support_hop(rt, map, &c->p.its[0]->node, device_id);
	support_end(rt, GD_ROUTE_OK);
}

/* Adds named component "dma0" at @dt_path whose own DeviceID is 0x20000 on its0, and its route. */
static void add_dma0(struct dt_case *c, const char *dt_path)
{
	struct gd_named_component *nc = gd_arena_alloc(&c->p.arena, sizeof(*nc));
	nc->node.kind = GD_NODE_NAMED_COMPONENT;
	nc->node.name = "dma0";
	nc->dt_path = dt_path;
	struct gd_id_map *m = fixture_add_map(&c->p, &nc->node, 0, 1, 0x20000, &c->p.its[0]->node);
	m->single = true;
	*GD_ARRAY_PUSH(&c->p.arena, c->p.ncs, c->p.n_ncs, c->p.cap_ncs) = nc;
	add_single_route(c, &nc->node, m, 0x20000);
}

static void free_case(struct dt_case *c)
{
	gd_buf_free(&c->dtb);
	gd_diags_free(&c->diags);
	gd_routes_free(&c->routes);
	gd_platform_free(&c->p);
}

static int node(const struct dt_case *c, const char *path)
{
	int off = fdt_path_offset(c->dtb.data, path);
	if (off < 0)
		fail_msg("no node %s", path);
	return off;
}

/* Asserts that @prop of @path holds exactly the cells @want[0..n). */
static void assert_cells(const struct dt_case *c, const char *path, const char *prop,
                         const uint32_t *want, size_t n)
{
	int len = 0;
	const fdt32_t *v = fdt_getprop(c->dtb.data, node(c, path), prop, &len);
	if (!v)
		fail_msg("no %s in %s", prop, path);
	assert_int_equal(len, n * 4);
	for (size_t i = 0; i < n; i++)
		if (fdt32_to_cpu(v[i]) != want[i])
			fail_msg("%s %s cell %zu: 0x%x, want 0x%x", path, prop, i,
			         fdt32_to_cpu(v[i]), want[i]);
}

static uint32_t phandle_of(const struct dt_case *c, const char *path)
{
	uint32_t ph = fdt_get_phandle(c->dtb.data, node(c, path));
	assert_true(ph != 0 && ph != ~0u);
	return ph;
}

static void assert_string(const struct dt_case *c, const char *path, const char *prop,
                          const char *want, int len_want)
{
	int len = 0;
	const char *v = fdt_getprop(c->dtb.data, node(c, path), prop, &len);
	assert_non_null(v);
	assert_int_equal(len, len_want);
	assert_memory_equal(v, want, (size_t)len_want);
}

#define CELLS(c, path, prop, ...)                                                                  \
	do {                                                                                       \
		const uint32_t want_[] = {__VA_ARGS__};                                            \
		assert_cells(c, path, prop, want_, sizeof(want_) / sizeof(want_[0]));              \
	} while (0)

static const char GIC[] = "/interrupt-controller@8000000";
static const char ITS[] = "/interrupt-controller@8000000/msi-controller@8080000";
static const char PCIE[] = "/pcie@4010000000";

static void qemu_virt_gic_its_cpus(void **state)
{
	(void)state;
	struct dt_case c;
	open_case(&c, fixture_qemu_virt);
	assert_int_equal(emit_case(&c), 0);
	assert_int_equal(c.diags.n, 0);

	/* intc@8000000 of QEMU's virt.dts */
	assert_string(&c, GIC, "compatible", "arm,gic-v3", 11);
	CELLS(&c, GIC, "reg", 0, 0x8000000, 0, 0x10000, 0, 0x80a0000, 0, 0xf60000);
	CELLS(&c, GIC, "#redistributor-regions", 1);
	CELLS(&c, GIC, "#interrupt-cells", 3);
	CELLS(&c, GIC, "#address-cells", 2);
	CELLS(&c, GIC, "#size-cells", 2);
	assert_non_null(fdt_getprop(c.dtb.data, node(&c, GIC), "interrupt-controller", NULL));
	assert_non_null(fdt_getprop(c.dtb.data, node(&c, GIC), "ranges", NULL));
	CELLS(&c, "/", "interrupt-parent", phandle_of(&c, GIC));
	CELLS(&c, "/", "#address-cells", 2);

	/* its@8080000 */
	assert_string(&c, ITS, "compatible", "arm,gic-v3-its", 15);
	CELLS(&c, ITS, "reg", 0, 0x8080000, 0, 0x20000);
	CELLS(&c, ITS, "#msi-cells", 1);
	assert_non_null(fdt_getprop(c.dtb.data, node(&c, ITS), "msi-controller", NULL));

	/* cpus: cpu@0..3, reg = MPIDR */
	CELLS(&c, "/cpus", "#address-cells", 1);
	CELLS(&c, "/cpus", "#size-cells", 0);
	CELLS(&c, "/cpus/cpu@0", "reg", 0);
	CELLS(&c, "/cpus/cpu@3", "reg", 3);
	assert_string(&c, "/cpus/cpu@2", "enable-method", "psci", 5);
	assert_string(&c, "/cpus/cpu@1", "device_type", "cpu", 4);
	assert_string(&c, "/cpus/cpu@1", "compatible", "arm,cortex-a57", 15);

	/* pmu: PPI 7, level high */
	CELLS(&c, "/pmu", "interrupts", 1, 7, 4);
	assert_string(&c, "/pmu", "compatible", "arm,armv8-pmuv3", 16);

	/* pcie@10000000 of QEMU (its unit address is not its reg; ours is) */
	CELLS(&c, PCIE, "reg", 0x40, 0x10000000, 0, 0x10000000);
	CELLS(&c, PCIE, "bus-range", 0, 0xff);
	CELLS(&c, PCIE, "linux,pci-domain", 0);
	CELLS(&c, PCIE, "#address-cells", 3);
	CELLS(&c, PCIE, "#size-cells", 2);
	CELLS(&c, PCIE, "ranges", 0x1000000, 0, 0, 0, 0x3eff0000, 0, 0x10000, 0x2000000, 0,
	      0x10000000, 0, 0x10000000, 0, 0x2eff0000, 0x3000000, 0x80, 0, 0x80, 0, 0x80, 0);
	CELLS(&c, PCIE, "msi-map", 0, phandle_of(&c, ITS), 0, 0x10000);
	assert_null(fdt_getprop(c.dtb.data, node(&c, PCIE), "iommu-map", NULL));
	assert_non_null(fdt_getprop(c.dtb.data, node(&c, PCIE), "dma-coherent", NULL));
	assert_string(&c, PCIE, "device_type", "pci", 4);
	assert_string(&c, PCIE, "compatible", "pci-host-ecam-generic", 22);
	free_case(&c);
}

static void qemu_virt_smmuv3(void **state)
{
	(void)state;
	struct dt_case c;
	open_case(&c, fixture_qemu_virt_smmuv3);
	assert_int_equal(emit_case(&c), 0);
	assert_int_equal(c.diags.n, 0);

	/* smmuv3@9050000 of QEMU's virt-gicv3-its-smmuv3-smp2/virt.dts */
	const char *smmu = "/iommu@9050000";
	assert_string(&c, smmu, "compatible", "arm,smmu-v3", 12);
	CELLS(&c, smmu, "reg", 0, 0x9050000, 0, 0x20000);
	CELLS(&c, smmu, "interrupts", 0, 0x4a, 1, 0, 0x4b, 1, 0, 0x4c, 1, 0, 0x4d, 1);
	assert_string(&c, smmu, "interrupt-names", "eventq\0priq\0cmdq-sync\0gerror", 29);
	CELLS(&c, smmu, "#iommu-cells", 1);
	assert_non_null(fdt_getprop(c.dtb.data, node(&c, smmu), "dma-coherent", NULL));
	assert_null(fdt_getprop(c.dtb.data, node(&c, smmu), "msi-parent", NULL));

	CELLS(&c, PCIE, "iommu-map", 0, phandle_of(&c, smmu), 0, 0x10000);
	CELLS(&c, PCIE, "msi-map", 0, phandle_of(&c, ITS), 0, 0x10000);
	CELLS(&c, "/cpus/cpu@1", "reg", 1);
	assert_true(fdt_path_offset(c.dtb.data, "/cpus/cpu@2") < 0);
	free_case(&c);
}

/*
 * The SMMU as an MMU-500 (arm,smmu.yaml): #global-interrupts counts the
 * global and PMU interrupts, listed first; one context interrupt per bank
 * follows (Linux arm-smmu.c takes them from index #global-interrupts).
 * Loaded back, the DT gives the same SMMU but for what it cannot tell: the
 * PMU interrupts join the global ones, NSgIrpt is the first global one.
 */
static void smmu_v2_written_and_read(void **state)
{
	(void)state;
	struct dt_case c;
	static const struct gd_smmu_irq global[] = {{45, false}, {47, false}};
	static const struct gd_smmu_irq ctx[] = {{178, false}, {179, true}};
	static const struct gd_smmu_irq pmu[] = {{243, false}};
	open_case(&c, fixture_qemu_virt_smmuv3);
	struct gd_smmu *s = c.p.smmus[0];
	s->event_intid = s->pri_intid = s->gerr_intid = s->sync_intid = 0;
	s->version = GD_SMMU_V1_V2;
	s->model = GD_SMMU_MMU500;
	s->size = 0x800000;
	s->nsg_irpt = global[1];
	s->global = (struct gd_smmu_irq *)global;
	s->n_global = 2;
	s->context = (struct gd_smmu_irq *)ctx;
	s->n_context = 2;
	s->pmu = (struct gd_smmu_irq *)pmu;
	s->n_pmu = 1;
	s->iommu_cells = 2;
	s->has_stream_match_mask = true;
	s->stream_match_mask = 0x7C00;
	assert_int_equal(emit_case(&c), 0);
	assert_int_equal(c.diags.n, 0);
	const char *smmu = "/iommu@9050000";
	assert_string(&c, smmu, "compatible", "arm,mmu-500", 12);
	CELLS(&c, smmu, "reg", 0, 0x9050000, 0, 0x800000);
	CELLS(&c, smmu, "#global-interrupts", 3);
	CELLS(&c, smmu, "interrupts", 0, 13, 4, 0, 15, 4, 0, 211, 4, 0, 146, 4, 0, 147, 1);
	CELLS(&c, smmu, "#iommu-cells", 2);
	CELLS(&c, smmu, "stream-match-mask", 0x7C00);
	assert_null(fdt_getprop(c.dtb.data, node(&c, smmu), "interrupt-names", NULL));
	CELLS(&c, PCIE, "iommu-map", 0, phandle_of(&c, smmu), 0, 0x10000);

	struct gd_platform got;
	struct gd_diags d = {0};
	memset(&got, 0, sizeof(got));
	assert_int_equal(gd_load_dtb_mem("t.dtb", c.dtb.data, c.dtb.len, NULL, &got, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(got.n_smmus, 1);
	const struct gd_smmu *g = got.smmus[0];
	assert_int_equal(g->version, GD_SMMU_V1_V2);
	assert_int_equal(g->model, GD_SMMU_MMU500);
	assert_int_equal(g->size, 0x800000);
	assert_int_equal(g->n_global, 3);
	assert_int_equal(g->global[2].intid, 243);
	assert_int_equal(g->nsg_irpt.intid, 45);
	assert_int_equal(g->n_context, 2);
	assert_int_equal(g->context[1].intid, 179);
	assert_true(g->context[1].edge);
	assert_int_equal(g->iommu_cells, 2);
	assert_true(g->has_stream_match_mask);
	assert_int_equal(g->stream_match_mask, 0x7C00);
	assert_int_equal(g->n_dt_compatible, 0);
	assert_ptr_equal(got.rcs[0]->iommu_maps[0].output, &g->node);
	gd_diags_free(&d);
	gd_platform_free(&got);
	free_case(&c);
}

/* Phandles follow dtc: first reference in a pre-order walk, from 1. */
static void phandles_in_dtc_order(void **state)
{
	(void)state;
	struct dt_case c;
	open_case(&c, fixture_qemu_virt_smmuv3);
	assert_int_equal(emit_case(&c), 0);
	assert_int_equal(phandle_of(&c, GIC), 1);              /* root interrupt-parent */
	assert_int_equal(phandle_of(&c, ITS), 2);              /* pcie msi-map */
	assert_int_equal(phandle_of(&c, "/iommu@9050000"), 3); /* pcie iommu-map */
	free_case(&c);
}

/* An SMMU's own MSIs and a named component: msi-parent = <&its DeviceID> from their routes. */
static void msi_parent_from_single_routes(void **state)
{
	(void)state;
	struct dt_case c;
	open_case(&c, fixture_qemu_virt_smmuv3);
	struct gd_smmu *s = c.p.smmus[0];
	s->own_msi = fixture_add_map(&c.p, &s->node, 0, 1, 0x10000, &c.p.its[0]->node);
	s->own_msi->single = true;
	add_single_route(&c, &s->node, s->own_msi, 0x10000);
	add_dma0(&c, "/soc/dma@1000");

	assert_int_equal(emit_case(&c), 0);
	uint32_t its = phandle_of(&c, ITS);
	CELLS(&c, "/iommu@9050000", "msi-parent", its, 0x10000);
	CELLS(&c, "/soc/dma@1000", "msi-parent", its, 0x20000);
	free_case(&c);
}

/* What DT cannot say is an error, never a silent drop. */
static void inexpressible_facts_are_errors(void **state)
{
	(void)state;
	struct dt_case c;
	open_case(&c, fixture_qemu_virt);
	c.p.cpus[0].pmu_intid = 30; /* CPUs disagree: needs ppi-partitions */
	add_dma0(&c, NULL);

	assert_int_equal(emit_case(&c), -1);
	assert_int_equal(c.diags.errors, 2);
	assert_non_null(strstr(c.diags.v[0].msg, "PMU"));
	assert_non_null(strstr(c.diags.v[1].msg, "dt-path"));
	assert_int_equal(c.dtb.len, 0);
	free_case(&c);
}

static void sgi_is_not_a_dt_interrupt(void **state)
{
	(void)state;
	struct dt_case c;
	open_case(&c, fixture_qemu_virt_smmuv3);
	c.p.smmus[0]->gerr_intid = 5;
	assert_int_equal(emit_case(&c), -1);
	assert_int_equal(c.diags.errors, 1);
	assert_non_null(strstr(c.diags.v[0].msg, "gerror INTID 5"));
	free_case(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_gic_its_cpus),
	    cmocka_unit_test(qemu_virt_smmuv3),
	    cmocka_unit_test(smmu_v2_written_and_read),
	    cmocka_unit_test(phandles_in_dtc_order),
	    cmocka_unit_test(msi_parent_from_single_routes),
	    cmocka_unit_test(inexpressible_facts_are_errors),
	    cmocka_unit_test(sgi_is_not_a_dt_interrupt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

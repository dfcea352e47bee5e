/* SPDX-License-Identifier: MIT */
/*
 * gd_load_dtb() on small DTBs built here with libfdt's sequential-write API:
 * the bindings' less common shapes (4-cell specifiers with ppi-partitions,
 * several ITSes, ranges translation, msi-parent with a DeviceID, GICv2m-like
 * MSI controllers) and malformed input (cell counts, msi-map, phandles,
 * loops, nesting). Expected values are read off the bindings by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/load.h"

/* A DTB under construction. */
struct tb {
	char buf[64 << 10];
	char path[64];
};

static void cells(struct tb *t, const char *name, int n, ...)
{
	fdt32_t v[64];
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		v[i] = cpu_to_fdt32(va_arg(ap, uint32_t));
	va_end(ap);
	assert_int_equal(fdt_property(t->buf, name, v, n * 4), 0);
}

static void str(struct tb *t, const char *name, const char *s)
{
	assert_int_equal(fdt_property_string(t->buf, name, s), 0);
}

static void empty(struct tb *t, const char *name)
{
	assert_int_equal(fdt_property(t->buf, name, NULL, 0), 0);
}

static void begin(struct tb *t, const char *name)
{
	assert_int_equal(fdt_begin_node(t->buf, name), 0);
}

static void end(struct tb *t)
{
	assert_int_equal(fdt_end_node(t->buf), 0);
}

static void cpu(struct tb *t, const char *name, uint32_t mpidr, uint32_t phandle)
{
	begin(t, name);
	str(t, "device_type", "cpu");
	str(t, "compatible", "arm,cortex-a72");
	str(t, "enable-method", "psci");
	cells(t, "reg", 1, mpidr);
	cells(t, "phandle", 1, phandle);
	end(t);
}

/* Phandles of the base tree. */
enum { PH_GIC = 1, PH_ITS = 2, PH_CPU0 = 10, PH_CPU1 = 11 };

/*
 * Opens the root and writes two CPUs, the GIC (phandle 1, @icells
 * #interrupt-cells) and its ITS (phandle 2); the root stays open.
 */
static void base(struct tb *t, uint32_t icells)
{
	assert_int_equal(fdt_create(t->buf, sizeof(t->buf)), 0);
	assert_int_equal(fdt_finish_reservemap(t->buf), 0);
	begin(t, "");
	cells(t, "#address-cells", 1, 2);
	cells(t, "#size-cells", 1, 2);
	cells(t, "interrupt-parent", 1, PH_GIC);
	str(t, "model", "test");
	begin(t, "cpus");
	cells(t, "#address-cells", 1, 1);
	cells(t, "#size-cells", 1, 0);
	cpu(t, "cpu@0", 0, PH_CPU0);
	cpu(t, "cpu@100", 0x100, PH_CPU1);
	end(t);
	begin(t, "interrupt-controller@8000000");
	str(t, "compatible", "arm,gic-v3");
	empty(t, "interrupt-controller");
	cells(t, "#interrupt-cells", 1, icells);
	cells(t, "#address-cells", 1, 2);
	cells(t, "#size-cells", 1, 2);
	empty(t, "ranges");
	cells(t, "reg", 8, 0, 0x8000000, 0, 0x10000, 0, 0x80a0000, 0, 0x40000);
	cells(t, "phandle", 1, PH_GIC);
	begin(t, "msi-controller@8080000");
	str(t, "compatible", "arm,gic-v3-its");
	empty(t, "msi-controller");
	cells(t, "#msi-cells", 1, 1);
	cells(t, "reg", 4, 0, 0x8080000, 0, 0x20000);
	cells(t, "phandle", 1, PH_ITS);
	end(t);
}

/* Closes the GIC (when @close_gic) and the root and writes the blob to a temporary file. */
static const char *finish(struct tb *t, bool close_gic)
{
	if (close_gic)
		end(t);
	end(t);
	assert_int_equal(fdt_finish(t->buf), 0);
	snprintf(t->path, sizeof(t->path), "/tmp/gd-dtb-XXXXXX");
	int fd = mkstemp(t->path);
	assert_true(fd >= 0);
	size_t n = fdt_totalsize(t->buf);
	assert_int_equal(write(fd, t->buf, n), (ssize_t)n);
	close(fd);
	return t->path;
}

/* Loads @t, removes its file, returns the loader's status; diagnostics in @d. */
static int load(struct tb *t, struct gd_platform *p, struct gd_diags *d)
{
	memset(p, 0, sizeof(*p));
	memset(d, 0, sizeof(*d));
	int r = gd_load_dtb(t->path, NULL, p, d);
	unlink(t->path);
	return r;
}

/* True when @d has an error tagged @rule, or containing @text when @rule is NULL. */
static bool has_error(const struct gd_diags *d, const char *rule, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].sev == GD_SEV_ERROR &&
		    (rule ? d->v[i].rule && !strcmp(d->v[i].rule, rule)
		          : strstr(d->v[i].msg, text) != NULL))
			return true;
	return false;
}

static void done(struct gd_platform *p, struct gd_diags *d)
{
	gd_platform_free(p);
	gd_diags_free(d);
}

/* A PCI host with msi-map @map (n cells) and an optional msi-map-mask. */
static void pci_host(struct tb *t, const uint32_t *map, int n, const uint32_t *mask)
{
	begin(t, "pcie@40000000");
	str(t, "device_type", "pci");
	str(t, "compatible", "pci-host-ecam-generic");
	cells(t, "#address-cells", 1, 3);
	cells(t, "#size-cells", 1, 2);
	cells(t, "reg", 4, 0, 0x40000000, 0, 0x1000000);
	cells(t, "bus-range", 2, 0, 15);
	fdt32_t v[16];
	for (int i = 0; i < n; i++)
		v[i] = cpu_to_fdt32(map[i]);
	assert_int_equal(fdt_property(t->buf, "msi-map", v, n * 4), 0);
	if (mask)
		cells(t, "msi-map-mask", 1, *mask);
	end(t);
}

static void minimal_tree_loads(void **state)
{
	(void)state;
	struct tb *t = malloc(sizeof(*t));
	struct gd_platform p;
	struct gd_diags d;
	base(t, 3);
	finish(t, true);
	assert_int_equal(load(t, &p, &d), 0);
	assert_int_equal(p.n_cpus, 2);
	assert_int_equal(p.cpus[1].mpidr, 0x100);
	assert_int_equal(p.n_its, 1);
	assert_string_equal(p.its[0]->node.name, "msi-controller@8080000");
	assert_int_equal(p.redists[0].length, 0x40000);
	done(&p, &d);
	free(t);
}

/* msi-map of 5 cells: not a list of 4-cell entries (of_map_id() "Bad msi-map length"). */
static void msi_map_not_multiple_of_4(void **state)
{
	(void)state;
	struct tb *t = malloc(sizeof(*t));
	struct gd_platform p;
	struct gd_diags d;
	base(t, 3);
	end(t);
	const uint32_t map[] = {0, PH_ITS, 0, 0x1000, 7};
	pci_host(t, map, 5, NULL);
	finish(t, false);
	assert_int_equal(load(t, &p, &d), 1);
	assert_true(has_error(&d, "dt-map-cells", NULL));
	done(&p, &d);
	free(t);
}

/*
 * msi-map-mask 0xff is recorded; an id-base outside it, a length of 0, an
 * unknown phandle and a target that is no MSI controller are each an error.
 */
static void msi_map_entries_checked(void **state)
{
	(void)state;
	struct tb *t = malloc(sizeof(*t));
	struct gd_platform p;
	struct gd_diags d;
	base(t, 3);
	end(t);
	const uint32_t mask = 0xff;
	const uint32_t map[] = {0,    PH_ITS, 0x10, 0x100, 0x100, PH_ITS, 0, 1,
	                        0x10, PH_ITS, 0,    0,     0x20,  0x77,   0, 1};
	pci_host(t, map, 16, &mask);
	finish(t, false);
	assert_int_equal(load(t, &p, &d), 1);
	assert_true(has_error(&d, "dt-map-mask", NULL));
	assert_true(has_error(&d, "dt-map-length", NULL));
	assert_true(has_error(&d, "dt-map-phandle", NULL));
	assert_int_equal(p.n_rcs, 1);
	const struct gd_root_complex *rc = p.rcs[0];
	assert_true(rc->has_msi_map_mask);
	assert_int_equal(rc->msi_map_mask, 0xff);
	assert_int_equal(rc->node.n_maps, 1);
	assert_int_equal(rc->node.maps[0].output_base, 0x10);
	assert_int_equal(rc->node.maps[0].count, 0x100);
	assert_ptr_equal(rc->node.maps[0].output, &p.its[0]->node);
	assert_int_equal(rc->bus_end, 15);
	assert_int_equal(rc->ecam_base, 0x40000000);
	assert_int_equal(rc->segment, 0);
	done(&p, &d);
	free(t);
}

/* #address-cells of the GIC's parent far beyond anything: an error, no crash. */
static void absurd_reg_cells(void **state)
{
	(void)state;
	static const uint32_t bad[][2] = {{0x7fffffff, 2}, {2, 0x40000000}, {3, 2}, {0, 2}};
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		struct tb *t = malloc(sizeof(*t));
		struct gd_platform p;
		struct gd_diags d;
		assert_int_equal(fdt_create(t->buf, sizeof(t->buf)), 0);
		assert_int_equal(fdt_finish_reservemap(t->buf), 0);
		begin(t, "");
		cells(t, "#address-cells", 1, bad[k][0]);
		cells(t, "#size-cells", 1, bad[k][1]);
		begin(t, "cpus");
		cells(t, "#address-cells", 1, 1);
		cpu(t, "cpu@0", 0, PH_CPU0);
		end(t);
		begin(t, "intc");
		str(t, "compatible", "arm,gic-v3");
		cells(t, "#interrupt-cells", 1, 3);
		cells(t, "reg", 3, 0, 0x8000000, 0);
		end(t);
		finish(t, false);
		assert_int_equal(load(t, &p, &d), 1);
		assert_true(d.errors > 0);
		done(&p, &d);
		free(t);
	}
}

/*
 * Loops through phandles: two MSI controllers that name each other as
 * msi-parent, an interrupt-parent chain that returns to its start, a PMU
 * partition that names itself, and a PCI host whose msi-map names itself.
 */
static void phandle_loops(void **state)
{
	(void)state;
	struct tb *t = malloc(sizeof(*t));
	struct gd_platform p;
	struct gd_diags d;
	base(t, 4);
	begin(t, "ppi-partitions");
	begin(t, "interrupt-partition-0");
	cells(t, "affinity", 2, 40, PH_CPU0);
	cells(t, "phandle", 1, 40);
	end(t);
	end(t);
	end(t);
	begin(t, "a");
	str(t, "compatible", "arm,smmu-v3");
	cells(t, "reg", 4, 0, 0x9000000, 0, 0x20000);
	str(t, "interrupt-names", "eventq");
	empty(t, "msi-controller");
	cells(t, "#msi-cells", 1, 1);
	cells(t, "msi-parent", 2, 31, 1);
	cells(t, "interrupt-parent", 1, 31);
	cells(t, "interrupts", 1, 5);
	cells(t, "#interrupt-cells", 1, 1);
	empty(t, "interrupt-controller");
	cells(t, "phandle", 1, 30);
	end(t);
	begin(t, "b");
	empty(t, "msi-controller");
	cells(t, "#msi-cells", 1, 1);
	cells(t, "msi-parent", 2, 30, 1);
	cells(t, "interrupt-parent", 1, 30);
	cells(t, "interrupts", 1, 5);
	cells(t, "#interrupt-cells", 1, 1);
	empty(t, "interrupt-controller");
	cells(t, "phandle", 1, 31);
	end(t);
	begin(t, "pmu");
	str(t, "compatible", "arm,armv8-pmuv3");
	cells(t, "interrupts", 4, 1, 7, 4, 40);
	end(t);
	begin(t, "pcie@0");
	str(t, "device_type", "pci");
	str(t, "compatible", "vendor,pcie");
	cells(t, "msi-map", 4, 0, 50, 0, 0x100);
	cells(t, "phandle", 1, 50);
	end(t);
	finish(t, false);
	assert_int_equal(load(t, &p, &d), 1);
	assert_true(has_error(&d, "dt-map-target", NULL));
	assert_int_equal(p.n_ncs, 0);
	assert_int_equal(p.n_smmus, 1);
	assert_int_equal(p.smmus[0]->event_intid, 0);
	assert_null(p.smmus[0]->own_msi);
	assert_int_equal(p.cpus[0].pmu_intid, 23);
	assert_int_equal(p.cpus[1].pmu_intid, 0);
	done(&p, &d);
	free(t);
}

/*
 * What real trees contain must load without error: 4-cell specifiers with
 * ppi-partitions (one PMU per cluster), several ITSes (one disabled, one
 * with numa-node-id and a socionext,synquacer-pre-its property), GIC and ITS
 * behind a bus with a non-identity ranges, a GICv2m-like frame as msi-parent
 * (skipped with a note), a platform device with msi-parent = <&its DeviceID>,
 * an SMMUv3 with own MSIs and a combined interrupt.
 */
static void real_world_shapes(void **state)
{
	(void)state;
	struct tb *t = malloc(sizeof(*t));
	struct gd_platform p;
	struct gd_diags d;
	assert_int_equal(fdt_create(t->buf, sizeof(t->buf)), 0);
	assert_int_equal(fdt_finish_reservemap(t->buf), 0);
	begin(t, "");
	cells(t, "#address-cells", 1, 2);
	cells(t, "#size-cells", 1, 2);
	cells(t, "interrupt-parent", 1, PH_GIC);
	begin(t, "cpus");
	cells(t, "#address-cells", 1, 2);
	cells(t, "#size-cells", 1, 0);
	begin(t, "cpu@0");
	str(t, "device_type", "cpu");
	cells(t, "reg", 2, 0, 0);
	cells(t, "phandle", 1, PH_CPU0);
	end(t);
	begin(t, "cpu@10000");
	str(t, "device_type", "cpu");
	cells(t, "reg", 2, 1, 0);
	str(t, "status", "disabled");
	cells(t, "phandle", 1, PH_CPU1);
	end(t);
	end(t);
	begin(t, "soc");
	cells(t, "#address-cells", 1, 1);
	cells(t, "#size-cells", 1, 1);
	cells(t, "ranges", 4, 0, 0x10, 0, 0x40000000); /* child 0 -> CPU 0x10_00000000 */
	begin(t, "interrupt-controller@1000000");
	str(t, "compatible", "arm,gic-v3");
	empty(t, "interrupt-controller");
	cells(t, "#interrupt-cells", 1, 4);
	cells(t, "#redistributor-regions", 1, 1);
	cells(t, "redistributor-stride", 2, 0, 0x40000);
	cells(t, "#address-cells", 1, 1);
	cells(t, "#size-cells", 1, 1);
	cells(t, "ranges", 3, 0, 0x1000000, 0x1000000); /* GIC child 0 -> soc 0x1000000 */
	cells(t, "reg", 8, 0x1000000, 0x10000, 0x1100000, 0x100000, 0x2c000000, 0x2000, 0x2c010000,
	      0x2000);
	cells(t, "interrupts", 4, 1, 9, 4, 0);
	cells(t, "phandle", 1, PH_GIC);
	begin(t, "ppi-partitions");
	begin(t, "interrupt-partition-0");
	cells(t, "affinity", 1, PH_CPU0);
	cells(t, "phandle", 1, 40);
	end(t);
	begin(t, "interrupt-partition-1");
	cells(t, "affinity", 1, PH_CPU1);
	cells(t, "phandle", 1, 41);
	end(t);
	end(t);
	begin(t, "msi-controller@20000");
	str(t, "compatible", "arm,gic-v3-its");
	empty(t, "msi-controller");
	cells(t, "#msi-cells", 1, 1);
	cells(t, "reg", 2, 0x20000, 0x20000);
	cells(t, "socionext,synquacer-pre-its", 2, 0x58000000, 0x200000);
	cells(t, "numa-node-id", 1, 1);
	cells(t, "phandle", 1, PH_ITS);
	end(t);
	begin(t, "msi-controller@40000");
	str(t, "compatible", "arm,gic-v3-its");
	empty(t, "msi-controller");
	str(t, "status", "disabled");
	cells(t, "reg", 2, 0x40000, 0x20000);
	end(t);
	begin(t, "msi-controller@60000");
	str(t, "compatible", "arm,gic-v3-its");
	empty(t, "msi-controller");
	cells(t, "#msi-cells", 1, 1);
	cells(t, "reg", 2, 0x60000, 0x20000);
	cells(t, "phandle", 1, 3);
	end(t);
	end(t); /* GIC */
	begin(t, "v2m@2c020000");
	str(t, "compatible", "arm,gic-v2m-frame");
	empty(t, "msi-controller");
	cells(t, "reg", 2, 0x2c020000, 0x1000);
	cells(t, "phandle", 1, 60);
	end(t);
	begin(t, "dma@3000000");
	str(t, "compatible", "vendor,dma");
	cells(t, "reg", 2, 0x3000000, 0x1000);
	cells(t, "msi-parent", 2, 3, 0x42);
	empty(t, "dma-coherent");
	end(t);
	begin(t, "eth@3001000");
	str(t, "compatible", "vendor,eth");
	cells(t, "msi-parent", 1, 60);
	end(t);
	begin(t, "iommu@5000000");
	str(t, "compatible", "arm,smmu-v3");
	cells(t, "reg", 2, 0x5000000, 0x20000);
	cells(t, "interrupts", 4, 0, 100, 1, 0);
	str(t, "interrupt-names", "combined");
	cells(t, "msi-parent", 2, PH_ITS, 0x7f00);
	cells(t, "#iommu-cells", 1, 1);
	cells(t, "numa-node-id", 1, 1);
	cells(t, "phandle", 1, 70);
	end(t);
	end(t); /* soc */
	begin(t, "pmu-a");
	str(t, "compatible", "arm,cortex-a55-pmu");
	cells(t, "interrupts", 4, 1, 7, 4, 40);
	end(t);
	begin(t, "pmu-b");
	str(t, "compatible", "arm,cortex-a76-pmu");
	cells(t, "interrupts", 4, 1, 6, 1, 41);
	end(t);
	finish(t, false);
	int r = load(t, &p, &d);
	if (r)
		gd_diags_print(stderr, &d);
	assert_int_equal(r, 0);
	assert_int_equal(d.warnings, 0);

	/* GIC: soc ranges add 0x10_00000000; reg after 1 region = GICC, GICH. */
	assert_int_equal(p.dist.base, 0x1001000000ull);
	assert_int_equal(p.redists[0].base, 0x1001100000ull);
	assert_int_equal(p.redists[0].stride, 0x40000);
	assert_int_equal(p.cpus[0].gicc_base, 0x102c000000ull);
	assert_int_equal(p.cpus[0].gich_base, 0x102c010000ull);
	assert_int_equal(p.cpus[0].gicv_base, 0);
	assert_int_equal(p.cpus[1].vgic_maint_intid, 25);
	assert_int_equal(p.cpus[1].mpidr, 0x100000000ull);
	assert_false(p.cpus[1].enabled);
	/* ppi-partitions: cluster 0 gets PPI 7 (level), cluster 1 PPI 6 (edge). */
	assert_int_equal(p.cpus[0].pmu_intid, 23);
	assert_false(p.cpus[0].pmu_edge);
	assert_int_equal(p.cpus[1].pmu_intid, 22);
	assert_true(p.cpus[1].pmu_edge);
	/* ITS: GIC ranges then soc ranges; the disabled one is not counted. */
	assert_int_equal(p.n_its, 2);
	assert_int_equal(p.its[0]->base, 0x1001020000ull);
	assert_int_equal(p.its[1]->base, 0x1001060000ull);
	assert_int_equal(p.its[1]->its_id, 1);
	assert_true(p.its[0]->has_proximity_domain);
	assert_int_equal(p.its[0]->proximity_domain, 1);
	/* dma: single mapping to the second ITS; eth (GICv2m-like) is skipped. */
	assert_int_equal(p.n_ncs, 1);
	const struct gd_named_component *nc = p.ncs[0];
	assert_string_equal(nc->dt_path, "/soc/dma@3000000");
	assert_string_equal(nc->node.name, "dma@3000000");
	assert_int_equal(nc->node.n_maps, 1);
	assert_true(nc->node.maps[0].single);
	assert_int_equal(nc->node.maps[0].output_base, 0x42);
	assert_ptr_equal(nc->node.maps[0].output, &p.its[1]->node);
	assert_int_equal(nc->mem.cca, 1);
	/* SMMU: combined interrupt SPI 100 = INTID 132; own MSI DeviceID 0x7f00 on ITS 0. */
	assert_int_equal(p.n_smmus, 1);
	const struct gd_smmu *s = p.smmus[0];
	assert_int_equal(s->base, 0x1005000000ull);
	assert_int_equal(s->event_intid, 132);
	assert_int_equal(s->gerr_intid, 132);
	assert_non_null(s->own_msi);
	assert_true(s->own_msi->single);
	assert_int_equal(s->own_msi->output_base, 0x7f00);
	assert_ptr_equal(s->own_msi->output, &p.its[0]->node);
	assert_true(s->has_proximity_domain);
	done(&p, &d);
	free(t);
}

/* Nodes nested deeper than the loader's limit: refused as unreadable, never recursed into. */
static void deep_nesting(void **state)
{
	(void)state;
	struct tb *t = malloc(sizeof(*t));
	struct gd_platform p;
	struct gd_diags d;
	base(t, 3);
	end(t);
	for (int i = 0; i < 100; i++)
		begin(t, "n");
	for (int i = 0; i < 100; i++)
		end(t);
	finish(t, false);
	assert_int_equal(load(t, &p, &d), 2);
	assert_true(has_error(&d, NULL, "nested deeper"));
	done(&p, &d);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(minimal_tree_loads),
	    cmocka_unit_test(msi_map_not_multiple_of_4),
	    cmocka_unit_test(msi_map_entries_checked),
	    cmocka_unit_test(absurd_reg_cells),
	    cmocka_unit_test(phandle_loops),
	    cmocka_unit_test(real_world_shapes),
	    cmocka_unit_test(deep_nesting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

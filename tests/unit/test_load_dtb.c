/* SPDX-License-Identifier: MIT */
/*
 * gd_load_dtb() on QEMU 7.2's own DTBs (tests/data/qemu-7.2/), compared field
 * by field with the fixtures (values from QEMU's files, not from gicdesc) and
 * with the dtc-decompiled virt.dts text beside each DTB.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "load/load.h"
#include "support_fixtures.h"

#define QEMU_DATA GICDESC_SOURCE_DIR "/tests/data/qemu-7.2/"

/* What QEMU's virt machine has and a DTB cannot say (QEMU hw/arm/virt.c, hw/intc/arm_gicv3_its.c).
 */
static const struct gd_load_options qemu_opts = {.gic_version = GD_GIC_V3,
                                                 .spis = 256,
                                                 .intid_bits = 16,
                                                 .device_id_bits = 16,
                                                 .event_id_bits = 16};

static void load(const char *dir, const struct gd_load_options *o, struct gd_platform *p)
{
	struct gd_diags d = {0};
	memset(p, 0, sizeof(*p));
	int r = gd_load_dtb(dir, o, p, &d);
	if (r || d.errors || d.warnings)
		gd_diags_print(stderr, &d);
	assert_int_equal(r, 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	gd_diags_free(&d);
}

static bool has_assumed(const struct gd_platform *p, const char *prefix)
{
	for (size_t i = 0; i < p->n_assumed; i++)
		if (!strncmp(p->assumed[i], prefix, strlen(prefix)))
			return true;
	return false;
}

static void same_gic(const struct gd_platform *got, const struct gd_platform *want)
{
	assert_int_equal(got->gic_version, want->gic_version);
	assert_int_equal(got->dist.base, want->dist.base);
	assert_int_equal(got->dist.size, want->dist.size);
	assert_int_equal(got->dist.spis, want->dist.spis);
	assert_int_equal(got->dist.intid_bits, want->dist.intid_bits);
	assert_int_equal(got->n_redists, want->n_redists);
	for (size_t i = 0; i < want->n_redists; i++) {
		assert_int_equal(got->redists[i].base, want->redists[i].base);
		assert_int_equal(got->redists[i].length, want->redists[i].length);
		assert_int_equal(got->redists[i].stride, want->redists[i].stride);
	}
	assert_int_equal(got->n_cpus, want->n_cpus);
	for (size_t i = 0; i < want->n_cpus; i++) {
		const struct gd_cpu *g = &got->cpus[i], *w = &want->cpus[i];
		assert_int_equal(g->mpidr, w->mpidr);
		assert_int_equal(g->uid, w->uid);
		assert_int_equal(g->enabled, w->enabled);
		assert_int_equal(g->pmu_intid, w->pmu_intid);
		assert_int_equal(g->pmu_edge, w->pmu_edge);
		assert_int_equal(g->vgic_maint_intid, w->vgic_maint_intid);
		assert_int_equal(g->gicc_base, w->gicc_base);
		assert_int_equal(g->gich_base, w->gich_base);
		assert_int_equal(g->gicv_base, w->gicv_base);
		assert_string_equal(g->compatible, w->compatible);
		assert_string_equal(g->enable_method, w->enable_method);
	}
	assert_int_equal(got->n_its, want->n_its);
	for (size_t i = 0; i < want->n_its; i++) {
		const struct gd_its *g = got->its[i], *w = want->its[i];
		assert_int_equal(g->its_id, w->its_id);
		assert_int_equal(g->base, w->base);
		assert_int_equal(g->size, w->size);
		assert_int_equal(g->device_id_bits, w->device_id_bits);
		assert_int_equal(g->event_id_bits, w->event_id_bits);
		assert_int_equal(g->has_proximity_domain, w->has_proximity_domain);
	}
	assert_string_equal(got->dt.model, want->dt.model);
	assert_int_equal(got->dt.n_compatible, want->dt.n_compatible);
	for (size_t i = 0; i < want->dt.n_compatible; i++)
		assert_string_equal(got->dt.compatible[i], want->dt.compatible[i]);
}

static void same_rc(const struct gd_root_complex *g, const struct gd_root_complex *w)
{
	assert_int_equal(g->segment, w->segment);
	assert_int_equal(g->ecam_base, w->ecam_base);
	assert_int_equal(g->bus_start, w->bus_start);
	assert_int_equal(g->bus_end, w->bus_end);
	assert_int_equal(g->mem.cca, w->mem.cca);
	assert_int_equal(g->mem.flags, w->mem.flags);
	assert_int_equal(g->memory_address_limit, w->memory_address_limit);
	assert_int_equal(g->ats, w->ats);
	/* the DTB states the compatible the fixture leaves to the default */
	assert_int_equal(g->n_dt_compatible, 1);
	assert_string_equal(g->dt_compatible[0], "pci-host-ecam-generic");
	assert_int_equal(w->n_dt_compatible, 0);
	assert_false(g->has_msi_map_mask);
	assert_int_equal(g->n_windows, w->n_windows);
	for (size_t i = 0; i < w->n_windows; i++) {
		assert_int_equal(g->windows[i].space, w->windows[i].space);
		assert_int_equal(g->windows[i].prefetchable, w->windows[i].prefetchable);
		assert_int_equal(g->windows[i].pci_base, w->windows[i].pci_base);
		assert_int_equal(g->windows[i].cpu_base, w->windows[i].cpu_base);
		assert_int_equal(g->windows[i].size, w->windows[i].size);
	}
}

/* Mapping @g equals @w, with the output compared by kind and index. */
static void same_map(const struct gd_id_map *g, const struct gd_id_map *w)
{
	assert_int_equal(g->input_base, w->input_base);
	assert_int_equal(g->count, w->count);
	assert_int_equal(g->output_base, w->output_base);
	assert_int_equal(g->single, w->single);
	assert_int_equal(g->output->kind, w->output->kind);
	assert_int_equal(g->output->index, w->output->index);
	assert_string_equal(g->output_name, g->output->name);
}

static void qemu_virt_its(void **state)
{
	(void)state;
	struct gd_platform got, want;
	load(QEMU_DATA "virt-gicv3-its-smp4/virt.dtb", &qemu_opts, &got);
	fixture_qemu_virt(&want);
	same_gic(&got, &want);
	assert_int_equal(got.n_rcs, 1);
	same_rc(got.rcs[0], want.rcs[0]);
	assert_int_equal(got.rcs[0]->node.n_maps, 1);
	same_map(&got.rcs[0]->node.maps[0], &want.rcs[0]->node.maps[0]);
	assert_int_equal(got.rcs[0]->n_iommu_maps, 0);
	assert_int_equal(got.n_smmus, 0);
	assert_int_equal(got.n_ncs, 0);

	/* Names come from the DT, unique; locations are node paths. */
	assert_string_equal(got.its[0]->node.name, "its@8080000");
	assert_string_equal(got.rcs[0]->node.name, "pcie@10000000");
	assert_string_equal(got.its[0]->node.loc.where, "/intc@8000000/its@8080000");
	assert_string_equal(got.rcs[0]->node.maps[0].loc.where, "/pcie@10000000:msi-map");
	assert_string_equal(got.cpus[3].loc.where, "/cpus/cpu@3");
	assert_string_equal(got.gic_loc.where, "/intc@8000000");
	assert_string_equal(got.name, "virt");
	/* Stated by the options, so not assumed; UIDs and ITS IDs are. */
	assert_false(has_assumed(&got, "GIC version assumed"));
	assert_true(has_assumed(&got, "ACPI processor UIDs assumed"));
	assert_true(has_assumed(&got, "ITS IDs assumed"));
	gd_platform_free(&got);
	gd_platform_free(&want);
}

/* The defaults of load.h are used and recorded when no options are given. */
static void defaults_are_assumed(void **state)
{
	(void)state;
	struct gd_platform p;
	load(QEMU_DATA "virt-gicv3-its-smp4/virt.dtb", NULL, &p);
	assert_int_equal(p.gic_version, GD_GIC_V3);
	assert_int_equal(p.dist.spis, 988);
	assert_int_equal(p.dist.intid_bits, 24);
	assert_int_equal(p.its[0]->device_id_bits, 32);
	assert_int_equal(p.its[0]->event_id_bits, 32);
	assert_true(has_assumed(&p, "GIC version assumed 3: a DTB does not state it"));
	assert_true(has_assumed(&p, "number of SPIs assumed 988"));
	assert_true(has_assumed(&p, "INTID bits assumed 24"));
	assert_true(has_assumed(&p, "ITS DeviceID bits assumed 32"));
	assert_true(has_assumed(&p, "ITS EventID bits assumed 32"));
	gd_platform_free(&p);
}

/*
 * QEMU's SMMUv3 DTB: msi-map (RID -> DeviceID, straight to the ITS) and
 * iommu-map (RID -> StreamID). The fixture chains pcie0 -> smmu0 -> its0 as
 * QEMU's IORT does; composing its two mappings must give the DT's msi-map,
 * and its first must be the DT's iommu-map.
 */
static void qemu_virt_smmuv3(void **state)
{
	(void)state;
	struct gd_platform got, want;
	load(QEMU_DATA "virt-gicv3-its-smmuv3-smp2/virt.dtb", &qemu_opts, &got);
	fixture_qemu_virt_smmuv3(&want);
	same_gic(&got, &want);
	assert_int_equal(got.n_smmus, 1);
	const struct gd_smmu *g = got.smmus[0], *w = want.smmus[0];
	assert_int_equal(g->base, w->base);
	assert_int_equal(g->size, w->size);
	assert_int_equal(g->coherent, w->coherent);
	assert_int_equal(g->model, w->model);
	assert_int_equal(g->event_intid, w->event_intid);
	assert_int_equal(g->pri_intid, w->pri_intid);
	assert_int_equal(g->sync_intid, w->sync_intid);
	assert_int_equal(g->gerr_intid, w->gerr_intid);
	assert_null(g->own_msi);
	assert_int_equal(g->node.n_maps, 0); /* a DT does not state StreamID -> DeviceID */

	const struct gd_root_complex *rc = got.rcs[0], *wrc = want.rcs[0];
	same_rc(rc, wrc);
	assert_int_equal(rc->n_iommu_maps, 1);
	same_map(&rc->iommu_maps[0], &wrc->node.maps[0]);
	assert_string_equal(rc->iommu_maps[0].loc.where, "/pcie@10000000:iommu-map");

	/* Compose the fixture's RID -> StreamID -> DeviceID (both identity-sized here). */
	const struct gd_id_map *r2s = &wrc->node.maps[0], *s2d = &w->node.maps[0];
	assert_int_equal(rc->node.n_maps, 1);
	const struct gd_id_map *msi = &rc->node.maps[0];
	assert_true(r2s->output_base >= s2d->input_base &&
	            r2s->output_base + r2s->count <= s2d->input_base + s2d->count);
	assert_int_equal(msi->input_base, r2s->input_base);
	assert_int_equal(msi->count, r2s->count);
	assert_int_equal(msi->output_base, r2s->output_base - s2d->input_base + s2d->output_base);
	same_map(msi, &(struct gd_id_map){.input_base = msi->input_base,
	                                  .count = msi->count,
	                                  .output_base = msi->output_base,
	                                  .output = s2d->output});
	gd_platform_free(&got);
	gd_platform_free(&want);
}

/*
 * Reads the MPIDRs of the cpu nodes of a dtc-decompiled DTS, in order, the
 * oracle for the 200-CPU machine. Returns their number.
 */
static size_t dts_mpidrs(const char *path, uint64_t *out, size_t max)
{
	FILE *f = fopen(path, "r");
	char line[512];
	size_t n = 0;
	bool in_cpu = false;
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		unsigned idx;
		unsigned long long reg;
		if (sscanf(line, "\t\tcpu@%u {", &idx) == 1)
			in_cpu = true;
		else if (in_cpu && sscanf(line, "\t\t\treg = <%llx>;", &reg) == 1 && n < max) {
			out[n++] = reg;
			in_cpu = false;
		}
	}
	fclose(f);
	return n;
}

static void qemu_virt_smp200(void **state)
{
	(void)state;
	struct gd_platform p;
	load(QEMU_DATA "virt-gicv3-its-smp200/virt.dtb", &qemu_opts, &p);
	uint64_t mpidr[256];
	size_t n = dts_mpidrs(QEMU_DATA "virt-gicv3-its-smp200/virt.dts", mpidr, 256);
	assert_int_equal(n, 200);
	assert_int_equal(p.n_cpus, 200);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(p.cpus[i].mpidr, mpidr[i]);
		assert_int_equal(p.cpus[i].uid, i);
		assert_int_equal(p.cpus[i].pmu_intid, 23);
	}
	/* By hand from the DTS: 16 CPUs per cluster (Aff1), cpu@100 is reg 0x604. */
	assert_int_equal(p.cpus[15].mpidr, 0xf);
	assert_int_equal(p.cpus[16].mpidr, 0x100);
	assert_int_equal(p.cpus[100].mpidr, 0x604);
	assert_int_equal(p.cpus[199].mpidr, 0xc07);
	/* reg = <0 0x8000000 0 0x10000  0 0x80a0000 0 0xf60000  0x40 0 0 0x4000000> */
	assert_int_equal(p.n_redists, 2);
	assert_int_equal(p.redists[0].base, 0x080a0000);
	assert_int_equal(p.redists[0].length, 0xf60000);
	assert_int_equal(p.redists[1].base, 0x4000000000ull);
	assert_int_equal(p.redists[1].length, 0x4000000);
	assert_string_equal(p.redists[1].loc.where, "/intc@8000000:reg");
	gd_platform_free(&p);
}

/* GICv4 with virtualization=on: interrupts = <1 9 4> on the GIC, PPI 9 = INTID 25, level. */
static void qemu_virt_gicv4_maintenance(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_load_options o = qemu_opts;
	o.gic_version = GD_GIC_V4;
	load(QEMU_DATA "virt-gicv4-its-smp2/virt.dtb", &o, &p);
	assert_int_equal(p.gic_version, GD_GIC_V4);
	assert_int_equal(p.n_cpus, 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(p.cpus[i].vgic_maint_intid, 25);
		assert_false(p.cpus[i].vgic_maint_edge);
		assert_int_equal(p.cpus[i].pmu_intid, 23);
	}
	gd_platform_free(&p);
}

/*
 * GICv2 with a v2m frame (QEMU 7.2 virt,gic-version=2 -smp 2; values of its
 * hw/arm/virt.c memory map, as its DTB states them): GICD 0x08000000 and
 * GICC 0x08010000, 64 KiB each; one v2m frame at 0x08020000 whose SPIs the
 * DTB leaves to MSI_TYPER; the PCI host's msi-map sends every RID to it.
 */
static void qemu_virt_gicv2_is_modelled(void **state)
{
	(void)state;
	struct gd_platform p = {0};
	struct gd_diags d = {0};
	assert_int_equal(gd_load_dtb(QEMU_DATA "virt-gicv2-v2m-smp2/virt.dtb", NULL, &p, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(p.gic_version, GD_GIC_V2);
	assert_int_equal(p.dist.base, 0x08000000);
	assert_int_equal(p.dist.size, 0x10000);
	assert_int_equal(p.cpuif.gicc_size, 0x10000);
	assert_int_equal(p.n_cpus, 2);
	for (size_t i = 0; i < p.n_cpus; i++) {
		assert_int_equal(p.cpus[i].gicc_base, 0x08010000);
		assert_int_equal(p.cpus[i].gich_base, 0);
		assert_int_equal(p.cpus[i].pmu_intid, 23);
	}
	assert_int_equal(p.n_its + p.n_redists, 0);
	assert_int_equal(p.n_msi_frames, 1);
	assert_int_equal(p.msi_frames[0]->base, 0x08020000);
	assert_int_equal(p.msi_frames[0]->size, 0x1000);
	assert_int_equal(p.msi_frames[0]->spi_count, 0);
	assert_int_equal(p.n_rcs, 1);
	assert_int_equal(p.rcs[0]->node.n_maps, 1);
	assert_ptr_equal(p.rcs[0]->node.maps[0].output, &p.msi_frames[0]->node);
	assert_int_equal(p.rcs[0]->node.maps[0].count, 0x10000);
	gd_diags_free(&d);
	gd_platform_free(&p);
}

/* What the loader makes of QEMU's DTBs, assumptions included, passes every rule of `check`. */
static void qemu_dtbs_pass_the_rules(void **state)
{
	(void)state;
	static const char *const dtbs[] = {QEMU_DATA "virt-gicv3-its-smp4/virt.dtb",
	                                   QEMU_DATA "virt-gicv3-its-smmuv3-smp2/virt.dtb",
	                                   QEMU_DATA "virt-gicv3-its-smp200/virt.dtb",
	                                   QEMU_DATA "virt-gicv4-its-smp2/virt.dtb"};
	for (size_t i = 0; i < sizeof(dtbs) / sizeof(dtbs[0]); i++) {
		struct gd_platform p;
		struct gd_routes routes;
		struct gd_diags d = {0};
		load(dtbs[i], NULL, &p);
		assert_int_equal(gd_resolve(&p, &routes), 0);
		int errors = gd_check_run(&p, &routes, NULL, &d);
		if (errors)
			gd_diags_print(stderr, &d);
		assert_int_equal(errors, 0);
		gd_routes_free(&routes);
		gd_diags_free(&d);
		gd_platform_free(&p);
	}
}

static void missing_file_is_unreadable(void **state)
{
	(void)state;
	struct gd_platform p = {0};
	struct gd_diags d = {0};
	assert_int_equal(gd_load_dtb(QEMU_DATA "no-such.dtb", NULL, &p, &d), 2);
	assert_int_equal(d.errors, 1);
	gd_diags_free(&d);
	gd_platform_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_its),
	    cmocka_unit_test(defaults_are_assumed),
	    cmocka_unit_test(qemu_virt_smmuv3),
	    cmocka_unit_test(qemu_virt_smp200),
	    cmocka_unit_test(qemu_virt_gicv4_maintenance),
	    cmocka_unit_test(qemu_virt_gicv2_is_modelled),
	    cmocka_unit_test(qemu_dtbs_pass_the_rules),
	    cmocka_unit_test(missing_file_is_unreadable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

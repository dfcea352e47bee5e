/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the YAML front end: examples/qemu-virt/qemu-virt.yaml must
 * load into exactly the model of fixture_qemu_virt() (written by hand from
 * QEMU 7.2's own DTB and ACPI tables), and each class of bad input must give
 * its status and its error at the right line:col.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/load.h"
#include "support_fixtures.h"

static void assert_cpus_equal(const struct gd_platform *a, const struct gd_platform *b)
{
	assert_int_equal(a->n_cpus, b->n_cpus);
	for (size_t i = 0; i < a->n_cpus; i++) {
		const struct gd_cpu *x = &a->cpus[i], *y = &b->cpus[i];
		assert_int_equal(x->mpidr, y->mpidr);
		assert_int_equal(x->uid, y->uid);
		assert_int_equal(x->cpu_interface_number, y->cpu_interface_number);
		assert_int_equal(x->enabled, y->enabled);
		assert_int_equal(x->online_capable, y->online_capable);
		assert_int_equal(x->pmu_intid, y->pmu_intid);
		assert_int_equal(x->pmu_edge, y->pmu_edge);
		assert_int_equal(x->vgic_maint_intid, y->vgic_maint_intid);
		assert_int_equal(x->vgic_maint_edge, y->vgic_maint_edge);
		assert_int_equal(x->gicc_base, y->gicc_base);
		assert_int_equal(x->gicv_base, y->gicv_base);
		assert_int_equal(x->gich_base, y->gich_base);
		assert_int_equal(x->gicr_base, y->gicr_base);
		assert_int_equal(x->parking_version, y->parking_version);
		assert_int_equal(x->parked_address, y->parked_address);
		assert_int_equal(x->efficiency_class, y->efficiency_class);
		assert_int_equal(x->spe_intid, y->spe_intid);
		assert_int_equal(x->trbe_intid, y->trbe_intid);
		assert_string_equal(x->compatible, y->compatible);
		assert_string_equal(x->enable_method, y->enable_method);
		assert_int_not_equal(x->loc.line, 0);
	}
}

static void assert_maps_equal(const struct gd_node *a, const struct gd_node *b)
{
	assert_string_equal(a->name, b->name);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->index, b->index);
	assert_int_not_equal(a->loc.line, 0);
	assert_int_equal(a->n_maps, b->n_maps);
	for (size_t i = 0; i < a->n_maps; i++) {
		assert_int_equal(a->maps[i].input_base, b->maps[i].input_base);
		assert_int_equal(a->maps[i].count, b->maps[i].count);
		assert_int_equal(a->maps[i].output_base, b->maps[i].output_base);
		assert_int_equal(a->maps[i].single, b->maps[i].single);
		assert_non_null(a->maps[i].output);
		assert_string_equal(a->maps[i].output->name, b->maps[i].output->name);
		assert_string_equal(a->maps[i].output_name, b->maps[i].output_name);
	}
}

static void assert_its_equal(const struct gd_platform *a, const struct gd_platform *b)
{
	assert_int_equal(a->n_its, b->n_its);
	for (size_t i = 0; i < a->n_its; i++) {
		const struct gd_its *x = a->its[i], *y = b->its[i];
		assert_maps_equal(&x->node, &y->node);
		assert_int_equal(x->its_id, y->its_id);
		assert_int_equal(x->base, y->base);
		assert_int_equal(x->size, y->size);
		assert_int_equal(x->device_id_bits, y->device_id_bits);
		assert_int_equal(x->event_id_bits, y->event_id_bits);
		assert_int_equal(x->has_proximity_domain, y->has_proximity_domain);
		assert_int_equal(x->proximity_domain, y->proximity_domain);
	}
}

static void assert_smmus_equal(const struct gd_platform *a, const struct gd_platform *b)
{
	assert_int_equal(a->n_smmus, b->n_smmus);
	for (size_t i = 0; i < a->n_smmus; i++) {
		const struct gd_smmu *x = a->smmus[i], *y = b->smmus[i];
		assert_maps_equal(&x->node, &y->node);
		assert_int_equal(x->model, y->model);
		assert_int_equal(x->base, y->base);
		assert_int_equal(x->size, y->size);
		assert_int_equal(x->coherent, y->coherent);
		assert_int_equal(x->httu_override, y->httu_override);
		assert_int_equal(x->vatos_base, y->vatos_base);
		assert_int_equal(x->event_intid, y->event_intid);
		assert_int_equal(x->pri_intid, y->pri_intid);
		assert_int_equal(x->gerr_intid, y->gerr_intid);
		assert_int_equal(x->sync_intid, y->sync_intid);
		assert_int_equal(x->has_proximity_domain, y->has_proximity_domain);
		assert_int_equal(x->own_msi == NULL, y->own_msi == NULL);
	}
}

static void assert_rcs_equal(const struct gd_platform *a, const struct gd_platform *b)
{
	assert_int_equal(a->n_rcs, b->n_rcs);
	for (size_t i = 0; i < a->n_rcs; i++) {
		const struct gd_root_complex *x = a->rcs[i], *y = b->rcs[i];
		assert_maps_equal(&x->node, &y->node);
		assert_int_equal(x->segment, y->segment);
		assert_int_equal(x->ecam_base, y->ecam_base);
		assert_int_equal(x->bus_start, y->bus_start);
		assert_int_equal(x->bus_end, y->bus_end);
		assert_int_equal(x->mem.cca, y->mem.cca);
		assert_int_equal(x->mem.hints, y->mem.hints);
		assert_int_equal(x->mem.flags, y->mem.flags);
		assert_int_equal(x->ats, y->ats);
		assert_int_equal(x->memory_address_limit, y->memory_address_limit);
		assert_int_equal(x->n_dt_compatible, y->n_dt_compatible);
		for (size_t k = 0; k < x->n_dt_compatible; k++)
			assert_string_equal(x->dt_compatible[k], y->dt_compatible[k]);
		assert_int_equal(x->n_windows, y->n_windows);
		for (size_t w = 0; w < x->n_windows; w++) {
			assert_int_equal(x->windows[w].space, y->windows[w].space);
			assert_int_equal(x->windows[w].prefetchable, y->windows[w].prefetchable);
			assert_int_equal(x->windows[w].pci_base, y->windows[w].pci_base);
			assert_int_equal(x->windows[w].cpu_base, y->windows[w].cpu_base);
			assert_int_equal(x->windows[w].size, y->windows[w].size);
		}
	}
}

/* Every field of the model that a description states, compared one by one. */
static void assert_platforms_equal(const struct gd_platform *a, const struct gd_platform *b)
{
	assert_string_equal(a->oem_id, b->oem_id);
	assert_string_equal(a->oem_table_id, b->oem_table_id);
	assert_int_equal(a->oem_revision, b->oem_revision);
	assert_int_equal(a->acpi.iort_revision, b->acpi.iort_revision);
	assert_int_equal(a->acpi.madt_revision, b->acpi.madt_revision);
	assert_string_equal(a->acpi.creator_id, b->acpi.creator_id);
	assert_int_equal(a->acpi.creator_revision, b->acpi.creator_revision);
	assert_string_equal(a->dt.model, b->dt.model);
	assert_int_equal(a->dt.n_compatible, b->dt.n_compatible);
	for (size_t i = 0; i < a->dt.n_compatible; i++)
		assert_string_equal(a->dt.compatible[i], b->dt.compatible[i]);
	assert_int_equal(a->gic_version, b->gic_version);
	assert_int_equal(a->dist.base, b->dist.base);
	assert_int_equal(a->dist.size, b->dist.size);
	assert_int_equal(a->dist.gic_id, b->dist.gic_id);
	assert_int_equal(a->dist.system_vector_base, b->dist.system_vector_base);
	assert_int_equal(a->dist.spis, b->dist.spis);
	assert_int_equal(a->dist.intid_bits, b->dist.intid_bits);
	assert_int_equal(a->n_redists, b->n_redists);
	for (size_t i = 0; i < a->n_redists; i++) {
		assert_int_equal(a->redists[i].base, b->redists[i].base);
		assert_int_equal(a->redists[i].length, b->redists[i].length);
		assert_int_equal(a->redists[i].stride, b->redists[i].stride);
	}
	assert_cpus_equal(a, b);
	assert_its_equal(a, b);
	assert_smmus_equal(a, b);
	assert_rcs_equal(a, b);
	assert_int_equal(a->n_ncs, b->n_ncs);
}

static void load_example(const char *rel, struct gd_platform *p)
{
	char path[1024];
	struct gd_diags d = {0};

	snprintf(path, sizeof(path), "%s/%s", GICDESC_SOURCE_DIR, rel);
	int status = gd_load_yaml(path, p, &d);
	gd_diags_print(stderr, &d);
	assert_int_equal(status, 0);
	assert_int_equal(d.n, 0);
	gd_diags_free(&d);
	assert_string_equal(p->file, path);
}

static void qemu_virt_example_matches_fixture(void **state)
{
	(void)state;
	struct gd_platform got = {0}, want;
	load_example("examples/qemu-virt/qemu-virt.yaml", &got);
	fixture_qemu_virt(&want);
	assert_string_equal(got.name, "qemu-virt");
	assert_platforms_equal(&got, &want);
	gd_platform_free(&got);
	gd_platform_free(&want);
}

static void qemu_virt_smmuv3_example_matches_fixture(void **state)
{
	(void)state;
	struct gd_platform got = {0}, want;
	load_example("examples/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml", &got);
	fixture_qemu_virt_smmuv3(&want);
	assert_string_equal(got.name, "qemu-virt-smmuv3");
	assert_platforms_equal(&got, &want);
	gd_platform_free(&got);
	gd_platform_free(&want);
}

/* Loads @text from a temporary file; returns the status, the diagnostics in @d. */
static int load_text(const char *text, size_t len, struct gd_platform *p, struct gd_diags *d)
{
	char path[] = "/tmp/gicdesc-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	memset(p, 0, sizeof(*p));
	int status = gd_load_yaml(path, p, d);
	unlink(path);
	return status;
}

/* A complete, valid description with one line replaced: line @n (1-based) by @line. */
static const char *const base_lines[] = {
    "gicdesc: 1",                                                     /* 1 */
    "platform: { name: t, oem-id: OEM, oem-table-id: TABLE }",        /* 2 */
    "gic:",                                                           /* 3 */
    "  version: 3",                                                   /* 4 */
    "  distributor: { base: 0x08000000, spis: 256, intid-bits: 16 }", /* 5 */
    "  redistributors: [ { base: 0x080A0000, length: 1M } ]",         /* 6 */
    "  cpus: { count: 2, pmu-interrupt: { ppi: 7, trigger: edge } }", /* 7 */
    "  its: [ { name: its0, id: 0, base: 0x8080000, device-id-bits: 16, event-id-bits: 16 } ]",
    "named-components:", /* 9 */
    "  - { name: dma0, events: 32, id-map: [ { single: true, output-base: 7, output: its0 } ] }",
};

static int load_variant(size_t n, const char *line, struct gd_platform *p, struct gd_diags *d)
{
	char text[4096] = "";
	for (size_t i = 0; i < sizeof(base_lines) / sizeof(base_lines[0]); i++) {
		strcat(text, i + 1 == n ? line : base_lines[i]);
		strcat(text, "\n");
	}
	return load_text(text, strlen(text), p, d);
}

static void base_description_loads(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load_variant(0, NULL, &p, &d), 0);
	assert_string_equal(p.oem_id, "OEM   ");
	assert_string_equal(p.oem_table_id, "TABLE   ");
	assert_int_equal(p.redists[0].length, 0x100000);
	assert_int_equal(p.n_cpus, 2);
	assert_int_equal(p.cpus[1].mpidr, 1);
	assert_int_equal(p.cpus[1].pmu_intid, 23);
	assert_true(p.cpus[1].pmu_edge);
	assert_int_equal(p.acpi.madt_revision, 5);
	assert_int_equal(p.ncs[0]->node.maps[0].count, 1);
	assert_true(p.ncs[0]->node.maps[0].single);
	assert_ptr_equal(p.ncs[0]->node.maps[0].output, &p.its[0]->node);
	assert_int_equal(p.ncs[0]->node.loc.line, 10);
	assert_int_equal(p.ncs[0]->node.loc.col, 5);
	gd_diags_free(&d);
	gd_platform_free(&p);
}

/*
 * An MMU-500 (SMMUv1/v2) as LX2160A's: 4 DT global interrupts of which SPI 15
 * is NSgIrpt, 10 PMU and 64 context interrupts written with count:.
 */
#define MMU500_LINE                                                                                \
	"iommus:\n"                                                                                \
	"  - { name: smmu, model: mmu-500, base: 0x5000000, size: 0x800000, coherent: true,\n"     \
	"      dvm: true, interrupts: { nsg-irpt: { spi: 15 }, nsg-cfg-irpt: { spi: 16 },\n"       \
	"      global: [ { spi: 13, count: 4 } ], pmu: [ { spi: 211, count: 10 } ],\n"             \
	"      context: [ { spi: 146, count: 63 }, { spi: 209, trigger: edge } ] },\n"             \
	"      id-map: [ { input-base: 0, count: 0x8000, output-base: 0, output: its0 } ] }\n"     \
	"named-components:"

static void smmu_v2_description_loads(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load_variant(9, MMU500_LINE, &p, &d), 0);
	assert_int_equal(p.n_smmus, 1);
	const struct gd_smmu *s = p.smmus[0];
	assert_int_equal(s->version, GD_SMMU_V1_V2);
	assert_int_equal(s->model, GD_SMMU_MMU500);
	assert_int_equal(s->size, 0x800000);
	assert_true(s->dvm);
	assert_true(s->coherent);
	assert_int_equal(s->nsg_irpt.intid, 32 + 15);
	assert_int_equal(s->nsg_cfg_irpt.intid, 32 + 16);
	assert_int_equal(s->n_global, 4);
	assert_int_equal(s->global[3].intid, 32 + 16);
	assert_int_equal(s->n_pmu, 10);
	assert_int_equal(s->pmu[9].intid, 32 + 220);
	assert_int_equal(s->n_context, 64);
	assert_int_equal(s->context[62].intid, 32 + 208);
	assert_false(s->context[62].edge);
	assert_int_equal(s->context[63].intid, 32 + 209);
	assert_true(s->context[63].edge);
	assert_ptr_equal(s->node.maps[0].output, &p.its[0]->node);
	gd_diags_free(&d);
	gd_platform_free(&p);
}

/* Each SMMU version has keys the other has not; an SMMUv1/v2 needs its span and NSgIrpt. */
static void smmu_version_keys(void **state)
{
	static const struct {
		const char *line, *phrase;
	} cases[] = {
	    {"iommus: [ { name: s, model: mmu-500, base: 0x5000000, size: 64K, own-msi: { output: "
	     "its0, device-id: 1 }, interrupts: { nsg-irpt: 47 } } ]",
	     "own-msi: SMMUv1/v2 's' has no such key"},
	    {"iommus: [ { name: s, model: smmuv3, base: 0x5000000, dvm: true } ]",
	     "dvm: SMMUv3 's' has no such key"},
	    {"iommus: [ { name: s, model: smmuv3, base: 0x5000000, interrupts: { context: [47] } } "
	     "]",
	     "context: SMMUv3 's' has no such key"},
	    {"iommus: [ { name: s, model: mmu-401, base: 0x5000000, interrupts: { nsg-irpt: 47 } } "
	     "]",
	     "give size:"},
	    {"iommus: [ { name: s, model: smmuv2, base: 0x5000000, size: 64K } ]",
	     "give interrupts: nsg-irpt:"},
	    {"iommus: [ { name: s, model: mmu-400, base: 0x5000000, size: 64K, interrupts: { "
	     "nsg-irpt: 47, global: [48] } } ]",
	     "INTID 47 (level) is not among its global interrupts"},
	    {"iommus: [ { name: s, model: mmu-500, base: 0x5000000, size: 64K, interrupts: { "
	     "nsg-irpt: 47, context: [ { spi: 1, count: 0 } ] } } ]",
	     "count: 0 interrupts"},
	    {"iommus: [ { name: s, model: mmu-600, base: 0x5000000 } ]", "'mmu-600' is not one of"},
	};
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gd_platform p;
		struct gd_diags d = {0};
		char line[512];
		snprintf(line, sizeof(line), "%s\nnamed-components:", cases[i].line);
		int status = load_variant(9, line, &p, &d);
		bool found = false;
		for (size_t k = 0; k < d.n; k++)
			found |= strstr(d.v[k].msg, cases[i].phrase) != NULL;
		if (status != 1 || !found) {
			fprintf(stderr, "case %zu: status %d, want '%s'\n", i, status,
			        cases[i].phrase);
			gd_diags_print(stderr, &d);
			bad = 1;
		}
		gd_diags_free(&d);
		gd_platform_free(&p);
	}
	assert_int_equal(bad, 0);
}

/* One case: replace a line, expect a status and the first error at line:col with a phrase. */
struct bad_case {
	size_t line_no;
	const char *line;
	int status;
	uint32_t err_line, err_col;
	const char *phrase;
};

static const struct bad_case bad_cases[] = {
    {1, "gicdesc: 2", 1, 1, 10, "format version 2 is not supported"},
    {2, "platform: { name: t, oem-id: OEM, oem-table-id: TABLE, oem-rev: 1 }", 1, 2, 56,
     "did you mean 'oem-revision'"},
    {4, "  version: 3\n  version: 4", 1, 5, 3, "duplicate key 'version'"},
    {5, "  distributor: { base: [1], spis: 256, intid-bits: 16 }", 1, 5, 24, "expected a number"},
    {5, "  distributor: { base: 0x08000000, spis: 256, intid-bits: 16, gic-id: 0x100000000 }", 1, 5,
     71, "does not fit in 32 bits"},
    {5, "  distributor: { base: 0x08000000, spis: 256 }", 1, 5, 16,
     "missing required key 'intid-bits'"},
    {10, "  - { name: dma0, id-map: [ { single: true, output-base: 7, output: its9 } ] }", 1, 10,
     69, "unknown reference 'its9'"},
    {10, "  - { name: its0 }", 1, 10, 13, "already used by the ITS at line 8"},
    {7, "  cpus: { count: 2, pmu-interrupt: { ppi: 16 } }", 1, 7, 43, "outside 0..15"},
    {7, "  cpus: { count: 2, mpidr: 5 }", 1, 7, 28, "numbered from count"},
    {6, "  redistributors: [ { base: 0x080A0000, length: 1T } ]", 1, 6, 49, "K, M or G"},
    {6, "  redistributors: [ { base: 0x080A0000, length: 0x4000000000000000K } ]", 1, 6, 49,
     "does not fit in 64 bits"},
    {2, "platform: { name: t, oem-id: TOOLONG, oem-table-id: TABLE }", 1, 2, 30, "longer than 6"},
    {2, "platform: { name: 12, oem-id: OEM, oem-table-id: TABLE }", 1, 2, 19, "quote it"},
    {2, "platform: { name: ../x, oem-id: OEM, oem-table-id: TABLE }", 1, 2, 19, "file stem"},
    {4, "  version: &v 3", 2, 4, 12, "anchors and aliases are not supported"},
    {4, "  version: [", 2, 6, 3, "YAML syntax"},
    {4, "  version: !!str 3", 2, 4, 12, "tags are not supported"},
};

static void bad_inputs_fail_at_their_line(void **state)
{
	int bad = 0;
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *bc = &bad_cases[i];
		struct gd_platform p;
		struct gd_diags d = {0};
		int status = load_variant(bc->line_no, bc->line, &p, &d);
		if (status != bc->status || d.n == 0 || d.v[0].loc.line != bc->err_line ||
		    d.v[0].loc.col != bc->err_col || !strstr(d.v[0].msg, bc->phrase)) {
			fprintf(stderr, "case %zu (%s): status %d\n", i, bc->line, status);
			gd_diags_print(stderr, &d);
			bad = 1;
		}
		gd_diags_free(&d);
		gd_platform_free(&p);
	}
	assert_int_equal(bad, 0);
}

static void several_independent_errors_in_one_run(void **state)
{
	(void)state;
	const char *text = "gicdesc: 1\n"
	                   "platform: { name: t, oem-id: OEM, oem-table-id: TABLE, colour: red }\n"
	                   "gic:\n"
	                   "  version: 6\n"
	                   "  distributor: { base: 0x1, spis: 256, intid-bits: 99 }\n"
	                   "  cpus: { count: 1 }\n";
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load_text(text, strlen(text), &p, &d), 1);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[0].loc.line, 2);
	assert_int_equal(d.v[1].loc.line, 4);
	assert_int_equal(d.v[2].loc.line, 5);
	gd_diags_free(&d);
	gd_platform_free(&p);
}

static void nul_and_bad_utf8_are_refused(void **state)
{
	(void)state;
	static const char nul[] = "gicdesc: 1\nplatform: {\0}\n";
	static const char latin1[] = "gicdesc: 1\n# caf\xE9\n";
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load_text(nul, sizeof(nul) - 1, &p, &d), 2);
	assert_int_equal(d.v[0].loc.line, 2);
	assert_int_equal(d.v[0].loc.col, 12);
	gd_diags_free(&d);
	gd_platform_free(&p);
	assert_int_equal(load_text(latin1, sizeof(latin1) - 1, &p, &d), 2);
	assert_int_equal(d.v[0].loc.line, 2);
	assert_non_null(strstr(d.v[0].msg, "UTF-8"));
	gd_diags_free(&d);
	gd_platform_free(&p);
}

static void deep_nesting_is_refused_without_recursion(void **state)
{
	(void)state;
	size_t depth = 100000;
	char *text = malloc(depth + 32);
	assert_non_null(text);
	memcpy(text, "gicdesc: 1\nx: ", 14);
	memset(text + 14, '[', depth);
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load_text(text, depth + 14, &p, &d), 2);
	assert_non_null(strstr(d.v[0].msg, "nesting deeper than 64"));
	assert_int_equal(d.v[0].loc.line, 2);
	free(text);
	gd_diags_free(&d);
	gd_platform_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_example_matches_fixture),
	    cmocka_unit_test(qemu_virt_smmuv3_example_matches_fixture),
	    cmocka_unit_test(smmu_v2_description_loads),
	    cmocka_unit_test(smmu_version_keys),
	    cmocka_unit_test(base_description_loads),
	    cmocka_unit_test(bad_inputs_fail_at_their_line),
	    cmocka_unit_test(several_independent_errors_in_one_run),
	    cmocka_unit_test(nul_and_bad_utf8_are_refused),
	    cmocka_unit_test(deep_nesting_is_refused_without_recursion),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * MADT emitter against QEMU 7.2's own MADT (tests/data/qemu-7.2) and GICC
 * sizes and offsets checked by hand against ACPI 6.5 §5.2.12.14 table 5.36.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "support_acpi.h"
#include "support_fixtures.h"

static void qemu_virt_matches_qemu(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf ours = {0}, qemu = {0};
	fixture_qemu_virt(&p);
	assert_int_equal(acpi_run(gd_emit_madt, &p, &ours, NULL, NULL), 0);
	acpi_read_data("tests/data/qemu-7.2/virt-gicv3-its-smp4/APIC.dat", &qemu);
	acpi_assert_same_table(&ours, &qemu);
	acpi_assert_checksum(&ours);
	gd_buf_free(&ours);
	gd_buf_free(&qemu);
	gd_platform_free(&p);
}

/* Table size and first GICC length per revision: 44 + GICD 24 + 4 GICC + GICR 16 + ITS 20. */
static void gicc_size_per_revision(void **state)
{
	(void)state;
	static const struct {
		uint8_t rev, gicc;
	} cases[] = {{3, 76}, {4, 80}, {5, 80}, {6, 82}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gd_platform p;
		struct gd_buf b = {0};
		fixture_qemu_virt(&p);
		p.acpi.madt_revision = cases[i].rev;
		assert_int_equal(acpi_run(gd_emit_madt, &p, &b, NULL, NULL), 0);
		acpi_assert_checksum(&b);
		assert_int_equal(b.data[8], cases[i].rev);
		assert_int_equal(b.len, 44 + 24 + 4 * cases[i].gicc + 16 + 20);
		assert_int_equal(b.data[0x44], 0x0B);
		assert_int_equal(b.data[0x45], cases[i].gicc);
		/* MPIDR at GICC offset 68 of the second CPU */
		assert_int_equal(acpi_le(&b, 0x44 + cases[i].gicc + 68, 8), 1);
		size_t gicr = 0x44 + 4 * cases[i].gicc;
		assert_int_equal(b.data[gicr], 0x0E);
		assert_int_equal(acpi_le(&b, gicr + 4, 8), 0x080A0000);
		assert_int_equal(acpi_le(&b, gicr + 12, 4), 0xF60000);
		assert_int_equal(b.data[gicr + 16], 0x0F);
		assert_int_equal(acpi_le(&b, gicr + 16 + 8, 8), 0x08080000);
		gd_buf_free(&b);
		gd_platform_free(&p);
	}
}

/* Revision 6: SPE at GICC offset 78, TRBE at 80, online-capable flag bit 3; GICv4 version 4. */
static void revision6_fields(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt(&p);
	p.acpi.madt_revision = 6;
	p.gic_version = GD_GIC_V4_1;
	p.cpus[1].enabled = false;
	p.cpus[1].online_capable = true;
	p.cpus[1].efficiency_class = 2;
	p.cpus[1].spe_intid = 21;
	p.cpus[1].trbe_intid = 22;
	p.cpus[1].pmu_edge = true;
	assert_int_equal(acpi_run(gd_emit_madt, &p, &b, NULL, NULL), 0);
	assert_int_equal(b.data[0x40], 4);
	size_t c = 0x44 + 82;
	assert_int_equal(acpi_le(&b, c + 12, 4), 0x8 | 0x2);
	assert_int_equal(b.data[c + 76], 2);
	assert_int_equal(acpi_le(&b, c + 78, 2), 21);
	assert_int_equal(acpi_le(&b, c + 80, 2), 22);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* Fields a revision has no room for are errors, one per field. */
static void older_revisions_refuse_newer_fields(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors;
	fixture_qemu_virt(&p);
	p.acpi.madt_revision = 3;
	p.cpus[0].efficiency_class = 1;
	p.cpus[0].spe_intid = 21;
	p.cpus[0].trbe_intid = 22;
	p.cpus[0].online_capable = true;
	assert_int_equal(acpi_run(gd_emit_madt, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 4);
	p.acpi.madt_revision = 5;
	assert_int_equal(acpi_run(gd_emit_madt, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 2);
	p.acpi.madt_revision = 8; /* none after ACPI 6.7 */
	assert_int_equal(acpi_run(gd_emit_madt, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 1);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* Source: a warning at revision 3 (no iasl compiles a 76-byte GICC), else names the iasl. */
static void source_names_its_iasl(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt(&p);
	size_t warnings;
	p.acpi.madt_revision = 3;
	assert_int_equal(acpi_run(gd_emit_madt_dsl, &p, &b, NULL, &warnings), 0);
	assert_int_equal(warnings, 1);
	gd_buf_free(&b);
	p.acpi.madt_revision = 4;
	assert_int_equal(acpi_run(gd_emit_madt_dsl, &p, &b, NULL, NULL), 0);
	gd_buf_append(&b, "", 1);
	assert_non_null(strstr((const char *)b.data, "iasl 20200925"));
	assert_non_null(strstr((const char *)b.data, "ARM MPIDR : 0000000000000003"));
	gd_buf_free(&b);
	p.acpi.madt_revision = 6;
	assert_int_equal(acpi_run(gd_emit_madt_dsl, &p, &b, NULL, NULL), 0);
	gd_buf_append(&b, "", 1);
	assert_non_null(strstr((const char *)b.data, "iasl 20250404"));
	gd_buf_free(&b);
	gd_platform_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_matches_qemu),
	    cmocka_unit_test(gicc_size_per_revision),
	    cmocka_unit_test(revision6_fields),
	    cmocka_unit_test(older_revisions_refuse_newer_fields),
	    cmocka_unit_test(source_names_its_iasl),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

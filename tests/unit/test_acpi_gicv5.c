/* SPDX-License-Identifier: MIT */
/*
 * The ACPI tables of a GICv5 (examples/server-gicv5): the MADT of revision 7
 * has no GICD, GICR or GIC ITS but 88-byte GICCs with IAFFID and IRS ID,
 * IRS, ITS config frame and ITS translate frame structures; the IORT of
 * revision 7 has an IWB node. Offsets and values stated by hand from ACPICA
 * 20260408's actbl2.h (packed structures) and the example; the tables load
 * back into the same IRSes, PEs, ITSes, translate frames and IWB. A GICv5
 * at MADT revision 6 or IORT revision 6 with an IWB is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "acpi/layout.h"
#include "load/load.h"
#include "support_acpi.h"

#define EXAMPLE GICDESC_SOURCE_DIR "/examples/server-gicv5/server-gicv5.yaml"
#define MADT_AT 44u /* ACPI header 36, MADT header 8 */
#define GICC    88u

static void load_example(struct gd_platform *p)
{
	struct gd_diags d = {0};
	memset(p, 0, sizeof(*p));
	int status = gd_load_yaml(EXAMPLE, p, &d);
	gd_diags_print(stderr, &d);
	assert_int_equal(status, 0);
	gd_diags_free(&d);
	assert_int_equal(p->gic_version, GD_GIC_V5);
}

/* MADT: 8 GICCs of 88 bytes, 2 IRSes of 32, then per ITS 16 + 2 x 24 bytes. */
static void madt_has_the_gicv5_structures(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors;
	load_example(&p);
	assert_int_equal(acpi_run(gd_emit_madt, &p, &b, &errors, NULL), 0);
	acpi_assert_checksum(&b);
	assert_int_equal(b.data[8], 7); /* MADT revision 7 */
	assert_int_equal(b.len, MADT_AT + 8 * GICC + 2 * 32 + 2 * (16 + 2 * 24));
	for (unsigned i = 0; i < 8; i++) {
		size_t g = MADT_AT + i * GICC;
		assert_int_equal(b.data[g], 0x0B);
		assert_int_equal(b.data[g + 1], GICC);
		assert_int_equal(acpi_le(&b, g + 20, 4), 0x20000017);           /* PPI 23, typed */
		assert_int_equal(acpi_le(&b, g + 68, 8), (i / 4) << 8 | i % 4); /* MPIDR */
		assert_int_equal(acpi_le(&b, g + 82, 2), (i / 4) << 8 | i % 4); /* IAFFID */
		assert_int_equal(acpi_le(&b, g + 84, 4), i / 4);                /* IRS ID */
	}
	size_t irs = MADT_AT + 8 * GICC;
	assert_int_equal(b.data[irs], 28);
	assert_int_equal(b.data[irs + 1], 32);
	assert_int_equal(b.data[irs + 2], 5); /* GIC version 5 */
	assert_int_equal(acpi_le(&b, irs + 32 + 4, 4), 1);
	assert_int_equal(acpi_le(&b, irs + 32 + 16, 8), 0x30400000); /* config frame */
	assert_int_equal(acpi_le(&b, irs + 32 + 24, 8), 0x30410000); /* SETLPI frame */
	size_t its1 = irs + 2 * 32 + 16 + 2 * 24;
	assert_int_equal(b.data[its1], 29);
	assert_int_equal(acpi_le(&b, its1 + 4, 4), 1);
	assert_int_equal(acpi_le(&b, its1 + 8, 8), 0x30440000);
	size_t frame3 = its1 + 16 + 24;
	assert_int_equal(b.data[frame3], 30);
	assert_int_equal(b.data[frame3 + 1], 24);
	assert_int_equal(acpi_le(&b, frame3 + 4, 4), 1); /* linked ITS */
	assert_int_equal(acpi_le(&b, frame3 + 8, 4), 3); /* translate frame ID */
	assert_int_equal(acpi_le(&b, frame3 + 16, 8), 0x30460000);
	gd_buf_free(&b);
	/* the same platform at MADT revision 6: refused */
	p.acpi.madt_revision = 6;
	assert_int_equal(acpi_run(gd_emit_madt, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 1);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * IORT: 4 ITS groups (24 bytes each, the translate frame IDs), the SMMUv3
 * (16 + 52 + 2 x 20), 2 root complexes (16 + 20 + 20), the named component
 * (16 + 13 + 10 name + 1 padding + 20), then the IWB node.
 */
static void iort_has_the_iwb_node(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors;
	load_example(&p);
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), 0);
	assert_int_equal(b.data[8], 7); /* IORT revision 7, E.g */
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(acpi_le(&b, 48 + 24 * i + 20, 4), i); /* ITS group identifiers */
	size_t iwb = 48 + 4 * 24 + (16 + 52 + 40) + 2 * 56 + 60;
	assert_int_equal(b.data[iwb], 7); /* type IWB */
	assert_int_equal(acpi_le(&b, iwb + 1, 2), 16 + 10 + 10 + 20);
	assert_int_equal(b.data[iwb + 3], 1);           /* node revision 1 */
	assert_int_equal(acpi_le(&b, iwb + 8, 4), 1);   /* one ID mapping */
	assert_int_equal(acpi_le(&b, iwb + 12, 4), 36); /* after the name */
	assert_int_equal(acpi_le(&b, iwb + 16, 8), 0x2F000000);
	assert_int_equal(acpi_le(&b, iwb + 24, 2), 0); /* IWB index */
	assert_memory_equal(b.data + iwb + 26, "\\_SB.IWB0", 10);
	assert_int_equal(acpi_le(&b, iwb + 36 + 8, 4), 0x50000);  /* DeviceID */
	assert_int_equal(acpi_le(&b, iwb + 36 + 12, 4), 48 + 24); /* its0_tf1's group */
	assert_int_equal(acpi_le(&b, iwb + 36 + 16, 4), GD_IORT_MAP_SINGLE);
	assert_int_equal(b.len, iwb + 56);
	gd_buf_free(&b);
	/* a name of 10 characters: 1 byte of padding, a source no iasl compiles back */
	p.iwbs[0]->acpi_path = "\\_SB.IWB10";
	size_t warnings;
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(warnings, 1);
	gd_buf_append(&b, "", 1);
	assert_non_null(strstr((const char *)b.data, "No iasl release compiles the IORT IWB"));
	gd_buf_free(&b);
	/* IORT E.e has no IWB node */
	p.acpi.iort_revision = 6;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 1);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* Both tables load back into the GICv5 parts of the model. */
static void tables_load_back(void **state)
{
	(void)state;
	struct gd_platform p, q;
	struct gd_buf madt = {0}, iort = {0};
	size_t errors;
	load_example(&p);
	assert_int_equal(acpi_run(gd_emit_madt, &p, &madt, &errors, NULL), 0);
	assert_int_equal(acpi_run(gd_emit_iort, &p, &iort, &errors, NULL), 0);
	struct gd_acpi_blob t[] = {{"APIC", madt.data, madt.len}, {"IORT", iort.data, iort.len}};
	struct gd_diags d = {0};
	memset(&q, 0, sizeof(q));
	assert_int_equal(gd_load_acpi_mem(t, 2, NULL, &q, &d), 0);
	gd_diags_print(stderr, &d);
	assert_int_equal(d.errors + d.warnings, 0);
	gd_diags_free(&d);
	assert_int_equal(q.gic_version, GD_GIC_V5);
	assert_int_equal(q.acpi.madt_revision, 7);
	assert_int_equal(q.acpi.iort_revision, 7);
	assert_int_equal(q.n_cpus, 8);
	assert_int_equal(q.n_irses, 2);
	for (size_t i = 0; i < 2; i++) {
		const struct gd_irs *r = q.irses[i], *w = p.irses[i];
		assert_int_equal(r->irs_id, w->irs_id);
		assert_int_equal(r->config_base, w->config_base);
		assert_int_equal(r->setlpi_base, w->setlpi_base);
		assert_int_equal(r->n_pes, 4);
		for (size_t k = 0; k < 4; k++) {
			assert_int_equal(r->pes[k].cpu, w->pes[k].cpu);
			assert_int_equal(r->pes[k].iaffid, w->pes[k].iaffid);
		}
	}
	assert_int_equal(q.n_v5_its, 2);
	assert_int_equal(q.n_its, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(q.its[i]->its_id, p.its[i]->its_id);
		assert_int_equal(q.its[i]->base, p.its[i]->base);
		assert_int_equal(q.its[i]->size, GD_V5_FRAME_SIZE);
		assert_non_null(q.its[i]->v5);
		assert_int_equal(q.its[i]->v5->translator_id, p.its[i]->v5->translator_id);
		assert_int_equal(q.its[i]->v5->config_base, p.its[i]->v5->config_base);
	}
	assert_int_equal(q.n_iwbs, 1);
	const struct gd_iwb *b = q.iwbs[0];
	assert_int_equal(b->base, 0x2F000000);
	assert_int_equal(b->iwb_id, 0);
	assert_string_equal(b->acpi_path, "\\_SB.IWB0");
	assert_int_equal(b->node.n_maps, 1);
	assert_true(b->node.maps[0].single);
	assert_int_equal(b->node.maps[0].output_base, 0x50000);
	assert_ptr_equal(b->node.maps[0].output, &q.its[1]->node);
	gd_buf_free(&madt);
	gd_buf_free(&iort);
	gd_platform_free(&q);
	gd_platform_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(madt_has_the_gicv5_structures),
	    cmocka_unit_test(iort_has_the_iwb_node),
	    cmocka_unit_test(tables_load_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

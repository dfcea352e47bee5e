/* SPDX-License-Identifier: MIT */
/*
 * gd_acpi_read(): every layout of every revision (IORT to E.g, MADT to ACPI
 * 6.7) tiles its bytes with its fields, what gd_acpi_table_write() wrote reads back the same, and
 * QEMU 7.2's own IORT reads as iasl 20200925 disassembled it
 * (tests/data/qemu-7.2/virt-gicv3-its-smp4/IORT.dsl).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "acpi/read.h"
#include "acpi/table.h"
#include "support_acpi.h"

/* Deterministic values: a different pattern in every slot. */
static uint64_t pattern(unsigned slot)
{
	return 0x0123456789ABCDEFull * (slot + 1) ^ 0xF0E1D2C3B4A59687ull;
}

/*
 * The fields of @l (labels aside) tile its @size bytes: each starts where the one
 * before ends, the first at 0, the last ends at size. The offsets are typed in by
 * hand from the specifications' tables; a gap or an overlap is a typing error.
 */
static void tiles(const struct gd_acpi_layout *l)
{
	unsigned end = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct gd_acpi_field *f = &l->fields[i];
		if (f->kind == GD_AF_LABEL)
			continue;
		if (f->offset != end)
			fail_msg("%s: field %s at offset %u, the one before ends at %u", l->what,
			         f->name, (unsigned)f->offset, end);
		end = f->offset + f->width;
	}
	if (end != l->size)
		fail_msg("%s: the fields end at %u of its %u bytes", l->what, end,
		         (unsigned)l->size);
}

static void round_trip(const struct gd_acpi_layout *l)
{
	tiles(l);
	struct gd_acpi_table t = {0};
	struct gd_acpi_values *w = gd_acpi_table_add(&t, l);
	static const char *strs[] = {"IORT", "BOCHS ", "BXPC    ", "GICD"};
	for (unsigned s = 1; s < GD_V_COUNT; s++) {
		w->n[s] = pattern(s);
		w->s[s] = strs[s % 4];
	}
	struct gd_buf b = {0};
	gd_acpi_table_write(&t, &b);
	assert_int_equal(b.len, l->size);
	struct gd_arena a = {0};
	struct gd_acpi_values r = {0};
	assert_int_equal(gd_acpi_read(l, b.data, b.len - 1, &r, &a), -1);
	assert_int_equal(gd_acpi_read(l, b.data, b.len, &r, &a), 0);
	for (size_t i = 0; i < l->n; i++) {
		const struct gd_acpi_field *f = &l->fields[i];
		if (f->kind == GD_AF_LABEL || f->slot == GD_V_ZERO)
			continue;
		if (f->kind == GD_AF_CHARS) {
			/* what fits the field's width */
			assert_int_equal(strlen(r.s[f->slot]), strnlen(w->s[f->slot], f->width));
			assert_memory_equal(r.s[f->slot], w->s[f->slot], strlen(r.s[f->slot]));
			continue;
		}
		uint64_t mask = f->width == 8 ? ~0ull : (1ull << (8 * f->width)) - 1;
		if ((r.n[f->slot] & mask) != (w->n[f->slot] & mask))
			fail_msg("%s: field %s", l->what, f->name);
	}
	assert_int_equal(r.n[GD_V_ZERO], 0);
	gd_arena_free(&a);
	gd_buf_free(&b);
	gd_acpi_table_free(&t);
}

static void every_layout_round_trips(void **state)
{
	(void)state;
	round_trip(&gd_acpi_header);
	round_trip(&gd_mcfg_allocation);
	static const unsigned iort[] = {0, 3, 5, 6, 7};
	for (size_t i = 0; i < sizeof(iort) / sizeof(iort[0]); i++) {
		const struct gd_iort_layouts *L = gd_iort_layouts(iort[i]);
		const struct gd_acpi_layout *ls[] = {
		    L->header,  L->node,           L->its,         L->its_id,
		    L->rc,      L->smmu,           L->nc,          L->map,
		    L->smmu_v2, L->smmu_v2_global, L->smmu_v2_ctx, L->smmu_v2_pmu};
		for (size_t k = 0; k < sizeof(ls) / sizeof(ls[0]); k++)
			round_trip(ls[k]);
		round_trip(L->pmcg);
		if (L->rmr) { /* IORT E.d on */
			round_trip(L->rmr);
			round_trip(L->rmr_desc);
		}
		if (L->iwb) /* IORT E.g */
			round_trip(L->iwb);
	}
	for (size_t n = 1; n <= 3; n++)
		round_trip(gd_iort_iwb_padding(n));
	assert_null(gd_iort_iwb_padding(0));
	assert_null(gd_iort_iwb_padding(4));
	for (unsigned rev = 3; rev <= 7; rev++) {
		const struct gd_madt_layouts *L = gd_madt_layouts(rev);
		const struct gd_acpi_layout *ls[] = {L->header, L->gicc, L->gicd,
		                                     L->gicr,   L->its,  L->msi_frame};
		for (size_t k = 0; k < sizeof(ls) / sizeof(ls[0]); k++)
			round_trip(ls[k]);
		if (L->irs) { /* ACPI 6.7: the GICv5 structures */
			round_trip(L->gicc_v5);
			round_trip(L->irs);
			round_trip(L->v5_its);
			round_trip(L->v5_frame);
		}
	}
	/* sizes from ACPICA 20260408 actbl2.h (packed structures) */
	const struct gd_madt_layouts *L7 = gd_madt_layouts(7);
	assert_int_equal(L7->gicc_v5->size, 88);
	assert_int_equal(L7->irs->size, 32);
	assert_int_equal(L7->v5_its->size, 16);
	assert_int_equal(L7->v5_frame->size, 24);
	assert_int_equal(gd_iort_layouts(7)->iwb->size, 10);
	assert_null(gd_madt_layouts(6)->irs);
	assert_null(gd_iort_layouts(6)->iwb);
}

/* Values of IORT.dsl (iasl 20200925), checked by hand. */
static void qemu_iort_reads_as_iasl_shows(void **state)
{
	(void)state;
	struct gd_buf b = {0};
	struct gd_arena a = {0};
	struct gd_acpi_values v = {0};
	acpi_read_data("tests/data/qemu-7.2/virt-gicv3-its-smp4/IORT.dat", &b);
	const struct gd_iort_layouts *L = gd_iort_layouts(3);
	assert_int_equal(gd_acpi_read(&gd_acpi_header, b.data, b.len, &v, &a), 0);
	assert_string_equal(v.s[GD_V_SIGNATURE], "IORT");
	assert_int_equal(v.n[GD_V_LENGTH], 0x80);
	assert_int_equal(v.n[GD_V_REVISION], 3);
	assert_int_equal(v.n[GD_V_CHECKSUM], 0xB3);
	assert_string_equal(v.s[GD_V_OEM_ID], "BOCHS ");
	assert_string_equal(v.s[GD_V_OEM_TABLE_ID], "BXPC    ");
	assert_string_equal(v.s[GD_V_CREATOR_ID], "BXPC");
	assert_int_equal(v.n[GD_V_CREATOR_REVISION], 1);
	assert_int_equal(gd_acpi_read(L->header, b.data + 0x24, b.len - 0x24, &v, &a), 0);
	assert_int_equal(v.n[GD_V_NODE_COUNT], 2);
	assert_int_equal(v.n[GD_V_NODE_OFFSET], 0x30);
	assert_int_equal(gd_acpi_read(L->node, b.data + 0x30, 16, &v, &a), 0);
	assert_int_equal(v.n[GD_V_TYPE], 0);
	assert_int_equal(v.n[GD_V_LENGTH], 0x18);
	assert_int_equal(v.n[GD_V_REVISION], 1);
	assert_int_equal(gd_acpi_read(L->its, b.data + 0x40, 4, &v, &a), 0);
	assert_int_equal(v.n[GD_V_ITS_COUNT], 1);
	assert_int_equal(gd_acpi_read(L->node, b.data + 0x48, 16, &v, &a), 0);
	assert_int_equal(v.n[GD_V_TYPE], 2);
	assert_int_equal(v.n[GD_V_LENGTH], 0x38);
	assert_int_equal(v.n[GD_V_REVISION], 3);
	assert_int_equal(v.n[GD_V_IDENTIFIER], 1);
	assert_int_equal(v.n[GD_V_MAP_COUNT], 1);
	assert_int_equal(v.n[GD_V_MAP_OFFSET], 0x24);
	assert_int_equal(gd_acpi_read(L->rc, b.data + 0x58, 20, &v, &a), 0);
	assert_int_equal(v.n[GD_V_CCA], 1);
	assert_int_equal(v.n[GD_V_HINTS], 0);
	assert_int_equal(v.n[GD_V_MEM_FLAGS], 3);
	assert_int_equal(v.n[GD_V_ATS], 0);
	assert_int_equal(v.n[GD_V_SEGMENT], 0);
	assert_int_equal(v.n[GD_V_MEM_LIMIT], 0x40);
	assert_int_equal(gd_acpi_read(L->map, b.data + 0x6C, 20, &v, &a), 0);
	assert_int_equal(v.n[GD_V_INPUT_BASE], 0);
	assert_int_equal(v.n[GD_V_ID_COUNT], 0xFFFF);
	assert_int_equal(v.n[GD_V_OUTPUT_BASE], 0);
	assert_int_equal(v.n[GD_V_OUTPUT_REF], 0x30);
	assert_int_equal(v.n[GD_V_FLAGS], 0);
	gd_arena_free(&a);
	gd_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_layout_round_trips),
	    cmocka_unit_test(qemu_iort_reads_as_iasl_shows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * IORT emitter against QEMU 7.2's own IORT (tests/data/qemu-7.2) and
 * offsets checked by hand against DEN0049 (E.b, E.d and the revision-0
 * layout of QEMU's oldest tables).
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
	assert_int_equal(acpi_run(gd_emit_iort, &p, &ours, NULL, NULL), 0);
	acpi_read_data("tests/data/qemu-7.2/virt-gicv3-its-smp4/IORT.dat", &qemu);
	acpi_assert_same_table(&ours, &qemu);
	acpi_assert_checksum(&ours);
	/* the header fields QEMU's comparison skips, from the platform */
	assert_memory_equal(ours.data + 28, "GICD", 4);
	assert_int_equal(acpi_le(&ours, 24, 4), 1);
	gd_buf_free(&ours);
	gd_buf_free(&qemu);
	gd_platform_free(&p);
}

/* QEMU 7.2 -machine iommu=smmuv3: ITS group, SMMUv3 at 0x48, RC at 0x94. */
static void smmuv3_layout_e_b(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt_smmuv3(&p);
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
	acpi_assert_checksum(&b);
	assert_int_equal(acpi_le(&b, 36, 4), 3);         /* node count */
	assert_int_equal(b.data[0x48], 4);               /* SMMUv3 */
	assert_int_equal(acpi_le(&b, 0x49, 2), 68 + 20); /* E.b SMMUv3: 68 bytes + 1 mapping */
	assert_int_equal(b.data[0x4B], 4);               /* node revision 4 */
	assert_int_equal(acpi_le(&b, 0x4C, 4), 1);       /* identifier */
	assert_int_equal(acpi_le(&b, 0x54, 4), 68);      /* mapping offset */
	assert_int_equal(acpi_le(&b, 0x58, 8), 0x09050000);
	assert_int_equal(acpi_le(&b, 0x60, 4), 1);          /* COHACC override */
	assert_int_equal(acpi_le(&b, 0x74, 4), 106);        /* event GSIV */
	assert_int_equal(acpi_le(&b, 0x78, 4), 107);        /* PRI */
	assert_int_equal(acpi_le(&b, 0x7C, 4), 109);        /* GERR */
	assert_int_equal(acpi_le(&b, 0x80, 4), 108);        /* sync */
	assert_int_equal(acpi_le(&b, 0x8C + 4, 4), 0xFFFF); /* SMMU mapping: 0x10000 IDs */
	assert_int_equal(acpi_le(&b, 0x8C + 12, 4), 0x30);  /* -> ITS group */
	size_t rc = 0x48 + 88;
	assert_int_equal(b.data[rc], 2);
	assert_int_equal(acpi_le(&b, rc + 4, 4), 2);          /* identifier */
	assert_int_equal(acpi_le(&b, rc + 36 + 12, 4), 0x48); /* RC -> SMMUv3 */
	assert_int_equal(b.len, rc + 36 + 20);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* Revision 0: reserved node identifiers, 32-byte root complex, like QEMU's oldest IORT. */
static void revision0_layout(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt(&p);
	p.acpi.iort_revision = 0;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
	acpi_assert_checksum(&b);
	assert_int_equal(b.len, 0x7C);
	assert_int_equal(b.data[8], 0);
	assert_int_equal(b.data[0x33], 0);            /* ITS group revision 0 */
	assert_int_equal(b.data[0x4B], 0);            /* RC revision 0 */
	assert_int_equal(acpi_le(&b, 0x4C, 4), 0);    /* reserved, not an identifier */
	assert_int_equal(acpi_le(&b, 0x49, 2), 0x34); /* 32 + one mapping */
	assert_int_equal(acpi_le(&b, 0x54, 4), 0x20); /* mapping offset */
	assert_int_equal(acpi_le(&b, 0x68 + 12, 4), 0x30);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* Revision 0 cannot carry a memory address limit below 64 bits, nor SMMU MSIs. */
static void revision0_refuses_what_it_cannot_carry(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors;
	fixture_qemu_virt_smmuv3(&p);
	p.acpi.iort_revision = 0;
	p.rcs[0]->memory_address_limit = 48;
	p.smmus[0]->own_msi =
	    fixture_add_map(&p, &p.smmus[0]->node, 0, 1, 0x20000, &p.its[0]->node);
	p.smmus[0]->node.n_maps--; /* own_msi lives apart from the StreamID mappings */
	p.smmus[0]->own_msi->single = true;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 2);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* E.d (revision 5): root complex node revision 4 with PASID capabilities, same size. */
static void revision5_layout(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt(&p);
	p.acpi.iort_revision = 5;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
	acpi_assert_checksum(&b);
	assert_int_equal(b.len, 0x80);
	assert_int_equal(b.data[8], 5);
	assert_int_equal(b.data[0x33], 1); /* ITS group revision 1 */
	assert_int_equal(b.data[0x4B], 4); /* RC revision 4 */
	assert_int_equal(acpi_le(&b, 0x4C, 4), 1);
	assert_int_equal(b.data[0x68], 64);        /* memory address size limit */
	assert_int_equal(acpi_le(&b, 0x69, 2), 0); /* PASID capabilities */
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * QEMU virt with its SMMUv3 turned into an MMU-500 (IORT E.e §3.1.1.2, node
 * type 3): offsets by hand. Header 16 + body 44 = global array at 60 (16
 * bytes); 2 context interrupts at 76, 1 PMU interrupt at 92, the mapping at
 * 100; length 120. Entries are GSIV then flags (bit 0 edge).
 */
static void smmu_v2_layout(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt_smmuv3(&p);
	struct gd_smmu *s = p.smmus[0];
	fixture_mmu500(s);
	for (unsigned rev = 0; rev <= 5; rev += rev ? 2 : 3) {
		p.acpi.iort_revision = (uint8_t)rev;
		b.len = 0;
		assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
		acpi_assert_checksum(&b);
		size_t n = 0x48;
		assert_int_equal(b.data[n], 3);                       /* SMMUv1 or SMMUv2 */
		assert_int_equal(acpi_le(&b, n + 1, 2), 120);         /* length */
		assert_int_equal(b.data[n + 3], rev ? 3 : 0);         /* node revision */
		assert_int_equal(acpi_le(&b, n + 4, 4), rev ? 1 : 0); /* identifier */
		assert_int_equal(acpi_le(&b, n + 8, 4), 1);           /* mapping count */
		assert_int_equal(acpi_le(&b, n + 12, 4), 100);        /* mapping offset */
		assert_int_equal(acpi_le(&b, n + 16, 8), 0x09050000); /* base */
		assert_int_equal(acpi_le(&b, n + 24, 8), 0x800000);   /* span */
		assert_int_equal(acpi_le(&b, n + 32, 4), 3);          /* model: MMU-500 */
		assert_int_equal(acpi_le(&b, n + 36, 4), 3);          /* DVM | coherent walk */
		assert_int_equal(acpi_le(&b, n + 40, 4), 60);         /* global interrupt array */
		assert_int_equal(acpi_le(&b, n + 44, 4), 2);
		assert_int_equal(acpi_le(&b, n + 48, 4), 76);
		assert_int_equal(acpi_le(&b, n + 52, 4), 1);
		assert_int_equal(acpi_le(&b, n + 56, 4), 92);
		assert_int_equal(acpi_le(&b, n + 60, 4), 47); /* NSgIrpt, level */
		assert_int_equal(acpi_le(&b, n + 64, 4), 0);
		assert_int_equal(acpi_le(&b, n + 68, 4), 48); /* NSgCfgIrpt, edge */
		assert_int_equal(acpi_le(&b, n + 72, 4), 1);
		assert_int_equal(acpi_le(&b, n + 76, 4), 178);
		assert_int_equal(acpi_le(&b, n + 80, 4), 0);
		assert_int_equal(acpi_le(&b, n + 84, 4), 179);
		assert_int_equal(acpi_le(&b, n + 88, 4), 1);
		assert_int_equal(acpi_le(&b, n + 92, 4), 243);
		assert_int_equal(acpi_le(&b, n + 96, 4), 1);
		assert_int_equal(acpi_le(&b, n + 100 + 4, 4), 0xFFFF); /* 0x10000 StreamIDs */
		assert_int_equal(acpi_le(&b, n + 100 + 12, 4), 0x30);  /* -> ITS group */
		assert_int_equal(b.data[n + 120], 2); /* the root complex follows */
	}
	s->own_msi = fixture_add_map(&p, &s->node, 0, 1, 0x20000, &p.its[0]->node);
	size_t errors = 0;
	assert_int_not_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), 0);
	assert_int_equal(errors, 1); /* no field for own MSIs */
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * SMMU own MSIs: a single mapping after the StreamID mappings, indexed by the node.
 * Its sync interrupt is not wired: with all four wired, Linux ignores the index.
 */
static void smmu_own_msi_and_named_component(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt_smmuv3(&p);
	struct gd_smmu *s = p.smmus[0];
	s->sync_intid = 0;
	s->own_msi = fixture_add_map(&p, &s->node, 0, 1, 0x20000, &p.its[0]->node);
	s->node.n_maps--;
	s->own_msi->single = true;
	struct gd_named_component *nc = gd_arena_alloc(&p.arena, sizeof(*nc));
	nc->node.kind = GD_NODE_NAMED_COMPONENT;
	nc->node.name = "dma0";
	nc->acpi_path = "\\_SB.DMA0";
	nc->mem.cca = 1;
	nc->mem.flags = 3;
	nc->memory_address_limit = 48;
	*GD_ARRAY_PUSH(&p.arena, p.ncs, p.n_ncs, p.cap_ncs) = nc;
	struct gd_id_map *m = fixture_add_map(&p, &nc->node, 0, 1, 0x30000, &p.its[0]->node);
	m->single = true;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
	acpi_assert_checksum(&b);
	size_t smmu = 0x48;
	assert_int_equal(acpi_le(&b, smmu + 1, 2), 68 + 2 * 20);
	assert_int_equal(acpi_le(&b, smmu + 8, 4), 2);  /* mapping count */
	assert_int_equal(acpi_le(&b, smmu + 64, 4), 1); /* DeviceID mapping index */
	size_t own = smmu + 68 + 20;
	assert_int_equal(acpi_le(&b, own + 4, 4), 0);       /* number of IDs: single */
	assert_int_equal(acpi_le(&b, own + 8, 4), 0x20000); /* DeviceID */
	assert_int_equal(acpi_le(&b, own + 12, 4), 0x30);   /* ITS group */
	assert_int_equal(acpi_le(&b, own + 16, 4), 1);      /* single mapping flag */
	size_t ncn = smmu + 108 + 56;
	assert_int_equal(b.data[ncn], 1);
	/* 16 + 13 + "\_SB.DMA0" (10 with NUL) = 39, padded to 40, + one mapping */
	assert_int_equal(acpi_le(&b, ncn + 1, 2), 60);
	assert_int_equal(acpi_le(&b, ncn + 12, 4), 40);
	assert_int_equal(b.data[ncn + 28], 48);
	assert_memory_equal(b.data + ncn + 29, "\\_SB.DMA0", 10);
	assert_int_equal(acpi_le(&b, ncn + 40 + 16, 4), 1);
	assert_int_equal(b.len, ncn + 60);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * IORT E.b and E.d have no "DeviceID valid" flag: Linux takes an SMMUv3's
 * DeviceID mapping index for its own MSIs unless all four interrupts are wired
 * (iort_get_id_mapping_index()). An SMMU with neither, or with both, cannot be
 * written as described. Found by the generative round trip.
 */
static void smmu_index_needs_own_msi_or_wired(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors;
	fixture_qemu_virt_smmuv3(&p);
	struct gd_smmu *s = p.smmus[0];
	s->pri_intid = 0; /* no PRI queue interrupt, no own MSIs */
	for (unsigned rev = 3; rev <= 5; rev += 2) {
		p.acpi.iort_revision = rev;
		assert_int_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), -1);
		assert_int_equal(errors, 1);
		gd_buf_free(&b);
	}
	p.acpi.iort_revision = 0; /* no index at all: nothing to misread */
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), 0);
	gd_buf_free(&b);
	p.acpi.iort_revision = 3;
	s->pri_intid = 107; /* all four wired, and own MSIs */
	s->own_msi = fixture_add_map(&p, &s->node, 0, 1, 0x20000, &p.its[0]->node);
	s->node.n_maps--;
	s->own_msi->single = true;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, &errors, NULL), -1);
	assert_int_equal(errors, 1);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * IORT E.e (revision 6): SMMUv3 node revision 5, whose "DeviceID valid" flag
 * (bit 4) says whether the DeviceID mapping index is the SMMU's own MSI
 * mapping, so what E.b and E.d cannot say is written: own MSIs with all four
 * interrupts wired, and no own MSIs with some interrupt not wired.
 */
static void revision6_deviceid_valid(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	fixture_qemu_virt_smmuv3(&p);
	struct gd_smmu *s = p.smmus[0];
	p.acpi.iort_revision = 6;
	s->pri_intid = 0; /* no own MSIs, an interrupt not wired */
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
	acpi_assert_checksum(&b);
	size_t smmu = 0x48;
	assert_int_equal(b.data[8], 6);
	assert_int_equal(b.data[smmu], 4);
	assert_int_equal(b.data[smmu + 3], 5);                 /* SMMUv3 node revision 5 */
	assert_int_equal(acpi_le(&b, smmu + 24, 4) & 0x10, 0); /* DeviceID valid clear */
	assert_int_equal(acpi_le(&b, smmu + 64, 4), 0);        /* index */
	gd_buf_free(&b);
	s->pri_intid = 107; /* all four wired, and own MSIs */
	s->own_msi = fixture_add_map(&p, &s->node, 0, 1, 0x20000, &p.its[0]->node);
	s->node.n_maps--;
	s->own_msi->single = true;
	assert_int_equal(acpi_run(gd_emit_iort, &p, &b, NULL, NULL), 0);
	assert_int_equal(acpi_le(&b, smmu + 24, 4) & 0x10, 0x10); /* DeviceID valid */
	assert_int_equal(acpi_le(&b, smmu + 64, 4), 1);           /* after the StreamID map */
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * The source of a revision-0 IORT with a root complex: no iasl compiles it back
 * (both compile a 36-byte root complex body), so it comes with a warning and
 * says so at its top; at revision 3 it names the iasl that does.
 */
static void revision0_source_warns(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors, warnings;
	fixture_qemu_virt(&p);
	p.acpi.iort_revision = 0;
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(errors, 0);
	assert_int_equal(warnings, 1);
	gd_buf_append(&b, "", 1);
	assert_non_null(strstr((const char *)b.data, "No iasl release compiles"));
	gd_buf_free(&b);
	p.acpi.iort_revision = 3;
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(warnings, 0);
	assert_non_null(strstr((const char *)b.data, "Signature : \"IORT\""));
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/*
 * A '"' in a header string: no iasl data-table string can hold it, so the source
 * says that it does not compile back, with a warning. Found by the generative
 * round trip (iasl 20250404 refused such a source, 20200925 compiled other bytes).
 */
static void quote_in_header_warns(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors, warnings;
	fixture_qemu_virt(&p);
	memcpy(p.oem_table_id, "a\"b     ", 9);
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(errors, 0);
	assert_int_equal(warnings, 1);
	gd_buf_append(&b, "", 1);
	assert_non_null(strstr((const char *)b.data, "No iasl release compiles this source"));
	assert_non_null(strstr((const char *)b.data, "OEM Table ID holds a '\"'"));
	gd_buf_free(&b);
	/* A full-width field ending in a backslash: '\"' before the closing quote. */
	memcpy(p.oem_table_id, "abcdefg\\", 9);
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(warnings, 1);
	memcpy(p.oem_table_id, "abcdef\\ ", 9); /* padded: the quote follows a space */
	gd_buf_free(&b);
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(warnings, 0);
	gd_buf_free(&b);
	gd_platform_free(&p);
}

/* An IORT with no node: iasl refuses the source of a table with nothing after its header. */
static void empty_iort_source_warns(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_buf b = {0};
	size_t errors, warnings;
	fixture_qemu_virt(&p);
	p.n_its = p.n_rcs = 0;
	assert_int_equal(acpi_run(gd_emit_iort_dsl, &p, &b, &errors, &warnings), 0);
	assert_int_equal(errors, 0);
	assert_int_equal(warnings, 1);
	gd_buf_append(&b, "", 1);
	assert_non_null(strstr((const char *)b.data, "nothing after its header"));
	gd_buf_free(&b);
	gd_platform_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_matches_qemu),
	    cmocka_unit_test(smmuv3_layout_e_b),
	    cmocka_unit_test(revision0_layout),
	    cmocka_unit_test(revision0_refuses_what_it_cannot_carry),
	    cmocka_unit_test(revision5_layout),
	    cmocka_unit_test(smmu_v2_layout),
	    cmocka_unit_test(smmu_own_msi_and_named_component),
	    cmocka_unit_test(smmu_index_needs_own_msi_or_wired),
	    cmocka_unit_test(revision6_deviceid_valid),
	    cmocka_unit_test(quote_in_header_warns),
	    cmocka_unit_test(empty_iort_source_warns),
	    cmocka_unit_test(revision0_source_warns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * Rule firmware-drift (gd_check_compare) on the QEMU fixtures with the real
 * resolver. Expected ranges are worked out by hand from the mappings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"
#include "support_fixtures.h"

struct side {
	struct gd_platform p;
	struct gd_routes r;
	struct gd_check_input in;
};

static void side_init(struct side *s, void (*fixture)(struct gd_platform *))
{
	fixture(&s->p);
	memset(&s->r, 0, sizeof(s->r));
}

static void side_resolve(struct side *s, const char *label)
{
	gd_resolve(&s->p, &s->r);
	s->in = (struct gd_check_input){&s->p, &s->r, label};
}

static void side_free(struct side *s)
{
	gd_routes_free(&s->r);
	gd_platform_free(&s->p);
}

/* QEMU virt with and without the SMMU: different paths, the same DeviceIDs: no drift. */
static void same_deviceids_through_other_paths(void **state)
{
	(void)state;
	struct side a, b;
	struct gd_diags d = {0};
	side_init(&a, fixture_qemu_virt);
	side_init(&b, fixture_qemu_virt_smmuv3);
	side_resolve(&a, "a");
	side_resolve(&b, "b");
	assert_int_equal(gd_check_compare(&a.in, &b.in, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	gd_diags_free(&d);
	side_free(&a);
	side_free(&b);
}

/*
 * b maps RIDs 0x0000-0x7fff as a does, and 0x8000-0xffff to DeviceIDs
 * 0x18000-0x1ffff (output base 0x18000): one drift, RIDs 0x8000-0xffff.
 */
static void one_drift_for_one_differing_range(void **state)
{
	(void)state;
	struct side a, b;
	struct gd_diags d = {0};
	side_init(&a, fixture_qemu_virt);
	side_init(&b, fixture_qemu_virt);
	struct gd_node *rc = &b.p.rcs[0]->node;
	rc->maps[0].count = 0x8000;
	fixture_add_map(&b.p, rc, 0x8000, 0x8000, 0x18000, &b.p.its[0]->node);
	side_resolve(&a, "a");
	side_resolve(&b, "b");
	assert_int_equal(gd_check_compare(&a.in, &b.in, NULL, &d), 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].rule, "firmware-drift");
	assert_non_null(strstr(d.v[0].msg, "PCI segment 0 RIDs 0x8000-0xffff"));
	assert_non_null(strstr(d.v[0].msg, "DeviceIDs 0x8000-0xffff, but b gives"));
	assert_non_null(strstr(d.v[0].msg, "DeviceIDs 0x18000-0x1ffff"));
	gd_diags_free(&d);
	side_free(&a);
	side_free(&b);
}

/* A root complex only one side describes; and the severity override turns it off. */
static void missing_source_and_override(void **state)
{
	(void)state;
	struct side a, b;
	struct gd_diags d = {0};
	struct gd_check_config cfg = {0};
	side_init(&a, fixture_qemu_virt);
	side_init(&b, fixture_qemu_virt);
	b.p.rcs[0]->segment = 1;
	side_resolve(&a, "a");
	side_resolve(&b, "b");
	assert_int_equal(gd_check_compare(&a.in, &b.in, NULL, &d), 2);
	assert_non_null(strstr(d.v[0].msg, "PCI segment 0 (pcie0) is described in a but not in b"));
	assert_non_null(strstr(d.v[1].msg, "PCI segment 1 (pcie0) is described in b but not in a"));
	gd_diags_free(&d);
	assert_int_equal(gd_check_option(&cfg, 'W', "no-firmware-drift", &d), 0);
	assert_int_equal(gd_check_compare(&a.in, &b.in, &cfg, &d), 0);
	assert_int_equal(d.n, 0);
	gd_check_config_free(&cfg);
	side_free(&a);
	side_free(&b);
}

/*
 * A root complex no ID mapping covers, which one side describes and the other
 * (as a DTB of a PCI host with no msi-map) does not: its devices get no MSIs
 * in both, so no drift. Found by the generative round trip.
 */
static void missing_source_without_msis(void **state)
{
	(void)state;
	struct side a, b;
	struct gd_diags d = {0};
	side_init(&a, fixture_qemu_virt);
	side_init(&b, fixture_qemu_virt);
	a.p.rcs[0]->node.n_maps = 0;
	b.p.n_rcs = 0;
	side_resolve(&a, "a");
	side_resolve(&b, "b");
	assert_int_equal(gd_check_compare(&a.in, &b.in, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(gd_check_compare(&b.in, &a.in, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	gd_diags_free(&d);
	side_free(&a);
	side_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_deviceids_through_other_paths),
	    cmocka_unit_test(one_drift_for_one_differing_range),
	    cmocka_unit_test(missing_source_and_override),
	    cmocka_unit_test(missing_source_without_msis),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

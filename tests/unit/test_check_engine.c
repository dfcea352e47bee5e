/* SPDX-License-Identifier: MIT */
/*
 * The rule engine: QEMU's own machines check clean; -W/-E/-Wno- change
 * severities; unknown rule names are refused; a failed prerequisite skips
 * its dependents with one note; --list-rules lists every rule once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/rule.h"
#include "support_check.h"
#include "support_fixtures.h"
#include "support_routes.h"

/* Every rule the table must have, each once. */
static const char *const expected_rules[] = {
    "id-map-zero-count",
    "id-map-overflow",
    "id-map-overlap",
    "id-map-count-off-by-one",
    "id-map-target-kind",
    "single-mapping-kind",
    "route-cycle",
    "route-unmapped",
    "route-no-its",
    "route-dma-only",
    "device-id-range",
    "event-id-budget",
    "device-id-collision",
    "smmu-msi-collision",
    "vpe-proxy-device-id",
    /* Direct LPI */
    "direct-lpi-redistributor",
    "direct-lpi-device-id",
    "direct-lpi-lpis",
    "lpi-range-class",
    "lpi-range-overlap",
    "direct-lpi-beside-its",
    "direct-lpi-isolation",
    "lpi-multi-msi-alignment",
    "its-id-duplicate",
    "mpidr-duplicate",
    "uid-duplicate",
    "pci-segment-duplicate",
    "mmio-overlap",
    "gicc-base-overlap",
    "gic-frame-alignment",
    "redist-region-too-small",
    "its-frame-size", /* server: GICv4.1 frame sizes */
    "its-translater-frame",
    "spis-range",
    "intid-bits-range",
    "intid-class",
    /* SMMUv1/v2 */
    "smmu-v2-context-interrupts",
    "smmu-v2-model",
    /* SPI-based MSI and GICv2 */
    "spi-msi-range",
    "spi-msi-overlap",
    "spi-msi-wired",
    "spi-trigger-mismatch",
    "v2m-spi-limit",
    "mbi-multi-msi-alignment",
    "v2m-frame-alignment",
    "gicv2-features",
    "gic-binding",
    "its-binding",
    "v2m-binding",
    "smmu-binding",
    "pci-host-binding",
    "iort-direct-lpi",
    "iort-spi-msi",
    "madt-direct-lpi",
    "dt-ats",
    "dt-canwbs",
    "dt-rmr",
    "dt-pmcg",
    "rmr-no-stream-ids",
    "rmr-range",
    "rmr-stream-ids",
    "pmcg-id-mapping",
    "pmcg-node-ref",
    "pmcg-overflow",
    "pmcg-overflow-gsiv",
    "iaffid-unserved",
    "iaffid-duplicate",
    "iaffid-bits",
    "iwb-wire-overlap",
    "iwb-wires",
    "its-frame-unreached",
    "gic-version-mixed",
    "dt-inexpressible",
    "iort-inexpressible",
    "madt-inexpressible",
    "firmware-drift",
};
#define N_EXPECTED (sizeof(expected_rules) / sizeof(expected_rules[0]))

/* Builds a fixture and its hand-made routes, checks them, and asserts nothing is found. */
static void expect_clean(void (*fixture)(struct gd_platform *p),
                         void (*routes)(const struct gd_platform *p, struct gd_routes *r))
{
	struct gd_platform p;
	struct gd_routes r = {0};
	struct gd_diags d = {0};
	fixture(&p);
	routes(&p, &r);
	assert_int_equal(gd_check_run(&p, &r, NULL, &d), 0);
	gd_diags_print(stderr, &d);
	assert_int_equal(d.n, 0);
	/* Without routes, the model rules alone find nothing either. */
	assert_int_equal(gd_check_run(&p, NULL, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	gd_routes_free(&r);
	gd_platform_free(&p);
}

static void qemu_virt_is_clean(void **state)
{
	(void)state;
	expect_clean(fixture_qemu_virt, support_routes_qemu_virt);
}

static void qemu_virt_smmuv3_is_clean(void **state)
{
	(void)state;
	expect_clean(fixture_qemu_virt_smmuv3, support_routes_qemu_virt_smmuv3);
}

/* QEMU virt with RIDs 0x0800-0xffff unmapped: one route-unmapped warning by default. */
static void unmapped_virt(struct gd_platform *p, struct gd_routes *r)
{
	fixture_qemu_virt(p);
	p->rcs[0]->node.maps[0].count = 0x800;
	struct gd_route *rt = support_route(r, &p->rcs[0]->node, 0, 0x800, false);
	support_hop(rt, &p->rcs[0]->node.maps[0], &p->its[0]->node, 0);
	support_end(rt, GD_ROUTE_OK);
	support_end(support_route(r, &p->rcs[0]->node, 0x800, 0xf800, false), GD_ROUTE_UNMAPPED);
}

/* Runs the unmapped machine with options @opts ("W:no-x", "E:y", ...) into @d; returns errors. */
static int run_unmapped(const char *const *opts, size_t n, struct gd_diags *d)
{
	struct gd_platform p;
	struct gd_routes r = {0};
	struct gd_check_config cfg = {0};
	unmapped_virt(&p, &r);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(gd_check_option(&cfg, opts[i][0], opts[i] + 2, d), 0);
	int errors = gd_check_run(&p, &r, &cfg, d);
	gd_check_config_free(&cfg);
	gd_routes_free(&r);
	gd_platform_free(&p);
	return errors;
}

static void default_severity(void **state)
{
	(void)state;
	struct gd_diags d = {0};
	assert_int_equal(run_unmapped(NULL, 0, &d), 0);
	support_expect_only(&d, "route-unmapped");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].sev, GD_SEV_WARNING);
	gd_diags_free(&d);
}

static void wno_silences(void **state)
{
	(void)state;
	struct gd_diags d = {0};
	const char *const opts[] = {"W:no-route-unmapped"};
	assert_int_equal(run_unmapped(opts, 1, &d), 0);
	assert_int_equal(d.n, 0);
	gd_diags_free(&d);
}

static void e_promotes(void **state)
{
	(void)state;
	struct gd_diags d = {0};
	const char *const opts[] = {"E:route-unmapped"};
	assert_int_equal(run_unmapped(opts, 1, &d), 1);
	support_expect_only(&d, "route-unmapped");
	assert_int_equal(d.v[0].sev, GD_SEV_ERROR);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.warnings, 0);
	gd_diags_free(&d);
}

static void last_option_wins(void **state)
{
	(void)state;
	struct gd_diags d = {0};
	const char *const opts[] = {"W:no-route-unmapped", "E:route-unmapped",
	                            "E:no-route-unmapped"};
	assert_int_equal(run_unmapped(opts, 3, &d), 0);
	support_expect_only(&d, "route-unmapped");
	assert_int_equal(d.v[0].sev, GD_SEV_WARNING);
	gd_diags_free(&d);
}

static void error_demoted_to_warning(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_routes r = {0};
	struct gd_check_config cfg = {0};
	struct gd_diags d = {0};
	fixture_qemu_virt(&p);
	support_routes_qemu_virt(&p, &r);
	fixture_add_map(&p, &p.rcs[0]->node, 0x100, 0x100, 0x20000, &p.its[0]->node);
	assert_int_equal(gd_check_option(&cfg, 'E', "no-id-map-overlap", &d), 0);
	assert_int_equal(gd_check_run(&p, &r, &cfg, &d), 0);
	support_expect_only(&d, "id-map-overlap");
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.errors, 0);
	gd_check_config_free(&cfg);
	gd_diags_free(&d);
	gd_routes_free(&r);
	gd_platform_free(&p);
}

static void unknown_rule_rejected(void **state)
{
	(void)state;
	struct gd_check_config cfg = {0};
	struct gd_diags d = {0};
	assert_int_equal(gd_check_option(&cfg, 'W', "no-such-rule", &d), -1);
	assert_int_equal(gd_check_option(&cfg, 'E', "route-unmaped", &d), -1);
	assert_int_equal(gd_check_option(&cfg, 'X', "route-unmapped", &d), -1);
	assert_int_equal(cfg.n, 0);
	assert_int_equal(d.errors, 3);
	assert_null(d.v[0].rule);
	assert_non_null(strstr(d.v[0].msg, "unknown rule 'such-rule'"));
	assert_non_null(strstr(d.v[1].msg, "unknown rule 'route-unmaped'"));
	gd_check_config_free(&cfg);
	gd_diags_free(&d);
}

/*
 * dma0 outputs to a root complex: id-map-target-kind fails, so the route
 * rules that would pile on (dma0 reaches DeviceID 0 of its0, as pcie0's RID 0
 * does) are skipped, with one note that names them.
 */
static void failed_prerequisite_skips_dependents(void **state)
{
	(void)state;
	struct gd_platform p;
	struct gd_routes r = {0};
	fixture_qemu_virt(&p);
	support_routes_qemu_virt(&p, &r);
	struct gd_named_component *nc = support_add_nc(&p, "dma0");
	struct gd_id_map *m = fixture_add_map(&p, &nc->node, 0, 1, 0, &p.rcs[0]->node);
	m->single = true;
	struct gd_route *rt = support_route(&r, &nc->node, 0, 1, true);
	support_hop(rt, m, &p.rcs[0]->node, 0);
	support_hop(rt, &p.rcs[0]->node.maps[0], &p.its[0]->node, 0);
	support_end(rt, GD_ROUTE_OK);

	struct gd_diags d = {0};
	assert_int_equal(gd_check_run(&p, &r, NULL, &d), 1);
	support_expect_only(&d, "id-map-target-kind");
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[1].sev, GD_SEV_NOTE);
	assert_string_equal(
	    d.v[1].msg,
	    "14 rules not run because 'id-map-target-kind' found problems: "
	    "route-unmapped, route-no-its, route-dma-only, device-id-range, event-id-budget, "
	    "device-id-collision, smmu-msi-collision, vpe-proxy-device-id, "
	    "direct-lpi-lpis, direct-lpi-isolation, iort-spi-msi, iwb-wires, "
	    "its-frame-unreached, gic-version-mixed");
	gd_diags_free(&d);

	/* Silenced, the prerequisite still runs and still holds its dependents back;
	 * dependents that are off are not named. */
	struct gd_check_config cfg = {0};
	assert_int_equal(gd_check_option(&cfg, 'W', "no-id-map-target-kind", &d), 0);
	assert_int_equal(gd_check_option(&cfg, 'W', "no-route-unmapped", &d), 0);
	assert_int_equal(gd_check_run(&p, &r, &cfg, &d), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].sev, GD_SEV_NOTE);
	assert_non_null(strstr(d.v[0].msg, "13 rules not run"));
	assert_null(strstr(d.v[0].msg, "route-unmapped"));
	gd_diags_free(&d);

	/* dma0 straight to DeviceID 0 of its0: now the collision is checked and reported. */
	m->output = &p.its[0]->node;
	m->output_name = "its0";
	struct gd_route *dma = &r.v[1];
	dma->hops[1] = (struct gd_hop){.node = &p.its[0]->node, .base = 0};
	dma->n_hops = 2;
	support_end(dma, GD_ROUTE_OK);
	assert_int_equal(gd_check_run(&p, &r, NULL, &d), 1);
	support_expect_only(&d, "device-id-collision");
	gd_diags_free(&d);
	gd_check_config_free(&cfg);
	gd_routes_free(&r);
	gd_platform_free(&p);
}

static void list_rules_lists_every_rule_once(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	gd_check_list_rules(f);
	fclose(f);

	assert_int_equal(gd_check_rule_count(), N_EXPECTED);
	size_t lines = 0;
	for (const char *s = text; *s; s++)
		lines += *s == '\n';
	assert_int_equal(lines, N_EXPECTED);
	for (size_t i = 0; i < N_EXPECTED; i++) {
		size_t seen = 0, n = strlen(expected_rules[i]);
		for (const char *line = text; *line; line = strchr(line, '\n') + 1)
			if (!strncmp(line, expected_rules[i], n) && line[n] == ' ') {
				seen++;
				const char *rest = line + n + strspn(line + n, " ");
				assert_true(!strncmp(rest, "error ", 6) ||
				            !strncmp(rest, "warning ", 8) ||
				            !strncmp(rest, "note ", 5));
			}
		assert_int_equal(seen, 1);
	}
	free(text);
}

/* Names are kebab-case and unique, prerequisites come first, descriptions cite a source. */
static void table_is_well_formed(void **state)
{
	(void)state;
	struct gd_rule_info *infos = calloc(gd_n_rules, sizeof(*infos));
	gd_check_rule_infos(infos);
	for (size_t i = 0; i < gd_n_rules; i++) {
		const struct gd_rule *r = &gd_rules[i];
		assert_int_equal(gd_rule_find(r->name), (long)i);
		for (const char *s = r->name; *s; s++)
			assert_true(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
			            *s == '-');
		/* a note is a format's limit, said, or a form firmware chose on purpose */
		assert_true(
		    r->level == GD_SEV_ERROR || r->level == GD_SEV_WARNING ||
		    (r->level == GD_SEV_NOTE && (r->format || !strcmp(r->name, "route-dma-only"))));
		assert_non_null(strchr(r->desc, '('));
		for (size_t k = 0; r->prereq[k]; k++) {
			long q = gd_rule_find(r->prereq[k]);
			assert_true(q >= 0 && (size_t)q < i);
		}
		assert_string_equal(infos[i].name, r->name);
		assert_string_equal(infos[i].description, r->desc);
		assert_int_equal(infos[i].sev, r->level);
	}
	free(infos);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_is_clean),
	    cmocka_unit_test(qemu_virt_smmuv3_is_clean),
	    cmocka_unit_test(default_severity),
	    cmocka_unit_test(wno_silences),
	    cmocka_unit_test(e_promotes),
	    cmocka_unit_test(last_option_wins),
	    cmocka_unit_test(error_demoted_to_warning),
	    cmocka_unit_test(unknown_rule_rejected),
	    cmocka_unit_test(failed_prerequisite_skips_dependents),
	    cmocka_unit_test(list_rules_lists_every_rule_once),
	    cmocka_unit_test(table_is_well_formed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

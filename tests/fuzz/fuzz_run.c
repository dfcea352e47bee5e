/* SPDX-License-Identifier: MIT */
#include "fuzz_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "emit/emit.h"
#include "load/load.h"
#include "resolve/route_print.h"
#include "util/diag_json.h"

/*
 * Emits, through one emit context, the formats of gd_formats[] whose family
 * is not @skip (NULL: none skipped), but svg: it runs Graphviz, a process per
 * input, on the DOT that format dot fuzzes already.
 */
static void emit_formats(const struct gd_platform *p, const struct gd_routes *routes,
                         const struct gd_dt_base *base, const char *skip, struct gd_diags *d)
{
	struct gd_emit_ctx ctx = {.p = p, .routes = routes, .diags = d, .base = base};
	for (size_t i = 0; i < gd_n_formats; i++) {
		if ((skip && !strcmp(gd_formats[i].family, skip)) ||
		    gd_formats[i].emit == gd_emit_svg)
			continue;
		struct gd_buf out = {0};
		gd_formats[i].emit(&ctx, &out);
		gd_buf_free(&out);
	}
	gd_emit_ctx_free(&ctx);
}

void fuzz_emit(const struct gd_platform *p, const struct gd_routes *routes,
               const struct gd_dt_base *base, struct gd_diags *d)
{
	emit_formats(p, routes, base, NULL, d);
}

void fuzz_print(const struct gd_diags *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	size_t n = gd_check_rule_count();
	struct gd_rule_info *rules = calloc(n, sizeof(*rules));
	if (!out || !rules)
		abort();
	gd_check_rule_infos(rules);
	gd_diags_print(out, d);
	gd_diags_print_json(out, d);
	gd_diags_print_sarif(out, d, rules, n);
	fclose(out);
	free(rules);
	free(text);
}

/*
 * `gicdesc import` of a platform loaded from a DTB or ACPI tables: its YAML
 * description, unless refused, loads back into a platform without an error
 * (a find: abort(), with the text on stderr).
 */
static void import_yaml(const struct gd_platform *p, struct gd_diags *d)
{
	struct gd_emit_ctx ctx = {.p = p, .diags = d};
	struct gd_buf out = {0};
	if (p->origin != GD_ORIGIN_YAML && gd_emit_yaml(&ctx, &out) == 0) {
		struct gd_platform back = {0};
		struct gd_diags errors = {0};
		if (gd_load_yaml_mem("import.yaml", (const char *)out.data, out.len, &back,
		                     &errors) != 0) {
			fprintf(stderr, "%.*s", (int)out.len, (const char *)out.data);
			gd_diags_print(stderr, &errors);
			abort();
		}
		gd_diags_free(&errors);
		gd_platform_free(&back);
	}
	gd_buf_free(&out);
	gd_emit_ctx_free(&ctx);
}

/* The most CPUs a platform may have for its IORT and MADT to be written at every revision. */
#define SWEEP_MAX_CPUS 512

void fuzz_run(struct gd_platform *p, int status, struct gd_diags *d)
{
	/* IORT, MADT revisions: each the emitters write, each at least once. */
	static const uint8_t revisions[][2] = {{0, 3}, {3, 4}, {5, 5}, {5, 6}, {7, 7}};
	if (status == 0) {
		struct gd_routes routes = {0};
		gd_resolve(p, &routes);
		struct gd_buf line = {0};
		for (size_t i = 0; i < routes.n; i++) /* as `gicdesc resolve` prints them */
			gd_route_format(&routes.v[i], &line);
		gd_buf_free(&line);
		gd_check_run(p, &routes, NULL, d);
		fuzz_emit(p, &routes, NULL, d);
		import_yaml(p, d);
		/*
		 * What a revision changes does not grow with the CPUs, but the time of each
		 * pass does: a few bytes of `cpus: { count: 65536 }` would pass the timeout.
		 */
		for (size_t i = 0;
		     p->n_cpus <= SWEEP_MAX_CPUS && i < sizeof(revisions) / sizeof(revisions[0]);
		     i++) {
			p->acpi.iort_revision = revisions[i][0];
			p->acpi.madt_revision = revisions[i][1];
			emit_formats(p, &routes, NULL, "dt", d);
		}
		gd_routes_free(&routes);
	}
	fuzz_print(d);
}

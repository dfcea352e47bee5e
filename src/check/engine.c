/* SPDX-License-Identifier: MIT */
/* The rule engine: runs the table in order, honours overrides and prerequisites. */
#include "check/rule.h"

#include <stdarg.h>
#include <string.h>

long gd_rule_find(const char *name)
{
	for (size_t i = 0; i < gd_n_rules; i++)
		if (!strcmp(gd_rules[i].name, name))
			return (long)i;
	return -1;
}

void gd_check_report(struct gd_check_ctx *c, const struct gd_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(c->d, c->sev, c->rule->name, loc, fmt, ap);
	va_end(ap);
	c->found++;
}

void gd_check_report_declared(struct gd_check_ctx *c, bool declared, const struct gd_loc *loc,
                              const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!declared) {
		gd_diag_vadd(c->d, c->sev, c->rule->name, loc, fmt, ap);
		c->found++;
	} else if (c->sev != GD_SEV_OFF) {
		gd_diag_vadd(c->d, GD_SEV_NOTE, c->rule->name, loc, fmt, ap);
	}
	va_end(ap);
}

enum gd_severity gd_check_severity(const struct gd_check_config *cfg, size_t i)
{
	enum gd_severity sev = gd_rules[i].level;
	for (size_t k = 0; cfg && k < cfg->n; k++)
		if (cfg->v[k].rule == i)
			sev = cfg->v[k].sev;
	return sev;
}

/* Returns the index of the first prerequisite of rule @i that failed, or -1. */
static long failed_prereq(size_t i, const bool *failed)
{
	for (size_t k = 0; gd_rules[i].prereq[k]; k++) {
		long q = gd_rule_find(gd_rules[i].prereq[k]);
		if (q >= 0 && failed[q])
			return q;
	}
	return -1;
}

/*
 * One note per failed prerequisite, listing the rules it kept from running
 * (dtc reports "Failed prerequisite" per check; we say it once).
 */
static void note_skipped(struct gd_diags *d, const long *skipped_by, const bool *failed,
                         const enum gd_severity *sev)
{
	for (size_t q = 0; q < gd_n_rules; q++) {
		if (!failed[q])
			continue;
		char list[512] = "";
		size_t n = 0, len = 0;
		for (size_t i = 0; i < gd_n_rules; i++) {
			if (skipped_by[i] != (long)q || sev[i] == GD_SEV_OFF)
				continue;
			int w = snprintf(list + len, sizeof(list) - len, "%s%s", n ? ", " : "",
			                 gd_rules[i].name);
			if (w > 0 && (size_t)w < sizeof(list) - len)
				len += (size_t)w;
			n++;
		}
		if (n)
			gd_diag_add(d, GD_SEV_NOTE, gd_rules[q].name, NULL,
			            "%zu rule%s not run because '%s' found problems: %s", n,
			            n == 1 ? "" : "s", gd_rules[q].name, list);
	}
}

int gd_check_run(const struct gd_platform *p, const struct gd_routes *routes,
                 const struct gd_check_config *cfg, struct gd_diags *d)
{
	static const struct gd_routes no_routes;
	struct gd_arena tmp = {0};
	bool *failed = gd_arena_alloc(&tmp, gd_n_rules * sizeof(*failed));
	long *skipped_by = gd_arena_alloc(&tmp, gd_n_rules * sizeof(*skipped_by));
	enum gd_severity *sev = gd_arena_alloc(&tmp, gd_n_rules * sizeof(*sev));
	size_t errors_before = d->errors;
	if (!p->gic_version) { /* no GIC described (the loader said why): nothing to check */
		gd_arena_free(&tmp);
		return 0;
	}

	for (size_t i = 0; i < gd_n_rules; i++) {
		sev[i] = gd_check_severity(cfg, i);
		skipped_by[i] = failed_prereq(i, failed);
		if (skipped_by[i] >= 0 || !gd_rules[i].fn) /* no fn: across inputs, or a writer's */
			continue;
		struct gd_check_ctx c = {
		    .p = p,
		    .routes = routes ? routes : &no_routes,
		    .rule = &gd_rules[i],
		    .sev = sev[i],
		    .d = d,
		    .tmp = &tmp,
		};
		gd_rules[i].fn(&c);
		failed[i] = c.found > 0;
	}
	note_skipped(d, skipped_by, failed, sev);
	gd_arena_free(&tmp);
	return (int)(d->errors - errors_before);
}

/* SPDX-License-Identifier: MIT */
/*
 * check.c - `gicdesc check`: load one or more platforms (YAML, DTB, ACPI
 * tables), resolve every route, run the rules, and report in text, JSON or
 * SARIF 2.1.0. Exit 0 when no error, 1 when the platform has errors, 2 when
 * an input cannot be read.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "cli/revisions.h"
#include "emit/emit.h"
#include "util/diag_json.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

static void check_usage(FILE *out)
{
	fprintf(
	    out,
	    "usage: gicdesc check [-W NAME] [-E NAME] [-Wno-NAME] [--format text|json|sarif]\n"
	    "                     [--facts FILE] [--gic-version V] [--spis N] [--intid-bits N]\n"
	    "                     [--device-id-bits N] [--event-id-bits N]\n"
	    "                     [--iort-revision N] [--madt-revision N] INPUT...\n"
	    "       gicdesc check --list-rules\n\n"
	    "  INPUT: a YAML description, a DTB (or DTS), or ACPI IORT, MADT (and MCFG) tables\n"
	    "  -W NAME / -Wno-NAME    report rule NAME as a warning / not at all\n"
	    "  -E NAME / -Eno-NAME    report rule NAME as an error / as a warning\n"
	    "      --format FORMAT    text (default), json or sarif (SARIF 2.1.0)\n"
	    "      --list-rules       print the rules: name, default severity, source\n"
	    "  of a YAML description, as generate with the same options writes it:\n"
	    "%s%s",
	    gd_revisions_usage, gd_input_usage);
}

/* Adds a note for every fact a loader assumed, so the report says what it took for granted. */
static void note_assumed(const struct gd_input_platform *ip, struct gd_diags *d)
{
	struct gd_loc loc = {.file = ip->p.file};
	for (size_t i = 0; i < ip->p.n_assumed; i++)
		gd_diag_add(d, GD_SEV_NOTE, NULL, &loc, "assumed: %s", ip->p.assumed[i]);
}

/*
 * What generate would still refuse of a description whose rules pass: the
 * errors its writers report (dt-, iort-, madt-inexpressible). Each format is
 * built once, into memory, and thrown away.
 */
static void run_writers(struct gd_input_platform *ip, struct gd_diags *d)
{
	struct gd_emit_ctx ctx = {.p = &ip->p, .routes = &ip->routes, .diags = d};
	struct gd_buf scratch = {0};
	gd_emit_dtb(&ctx, &scratch);
	gd_emit_iort(&ctx, &scratch);
	gd_emit_madt(&ctx, &scratch);
	gd_buf_free(&scratch);
	gd_emit_ctx_free(&ctx);
}

static void print_report(enum report_format fmt, const struct gd_diags *d)
{
	if (fmt == REPORT_JSON) {
		gd_diags_print_json(stdout, d);
	} else if (fmt == REPORT_SARIF) {
		size_t n = gd_check_rule_count();
		struct gd_rule_info *rules = calloc(n ? n : 1, sizeof(*rules));
		if (!rules) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		gd_check_rule_infos(rules);
		gd_diags_print_sarif(stdout, d, rules, n);
		free(rules);
	} else {
		gd_diags_print(stdout, d);
		printf("%zu error%s, %zu warning%s\n", d->errors, d->errors == 1 ? "" : "s",
		       d->warnings, d->warnings == 1 ? "" : "s");
	}
}

int gd_cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"list-rules", no_argument, NULL, 'L'},
	    GD_REVISION_LONG_OPTIONS,
	    {"help", no_argument, NULL, 'h'},
	    GD_INPUT_LONG_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	struct gd_check_config cfg = {0};
	struct gd_facts facts = {0};
	struct gd_diags d = {0};
	enum report_format fmt = REPORT_TEXT;
	struct gd_revisions revs = GD_REVISIONS_INIT;
	int c, status = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "W:E:h", opts, NULL)) != -1) {
		switch (c) {
		case 'W':
		case 'E':
			if (gd_check_option(&cfg, (char)c, optarg, &d) != 0)
				status = 2;
			break;
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = REPORT_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = REPORT_JSON;
			else if (!strcmp(optarg, "sarif"))
				fmt = REPORT_SARIF;
			else {
				fprintf(stderr, "gicdesc: error: unknown report format '%s'\n",
				        optarg);
				status = 2;
			}
			break;
		case 'I':
		case 'M':
			if (gd_revision_option(&revs, c, optarg))
				status = 2;
			break;
		case 'L':
			gd_check_list_rules(stdout);
			gd_check_config_free(&cfg);
			gd_facts_free(&facts);
			return 0;
		case 'h':
			check_usage(stdout);
			gd_check_config_free(&cfg);
			gd_facts_free(&facts);
			return 0;
		default:
			if (gd_input_option(&facts, c, optarg, &d) != 0)
				status = 2;
		}
	}
	if (status == 0 && optind >= argc) {
		check_usage(stderr);
		status = 2;
	}
	if (status != 0) {
		gd_diags_print(stderr, &d);
		gd_diags_free(&d);
		gd_check_config_free(&cfg);
		gd_facts_free(&facts);
		return status;
	}

	struct gd_inputs in = {0};
	status = gd_inputs_load(&in, argv + optind, (size_t)(argc - optind), &facts, &d);
	if (status != 2) {
		/* What only the first input (a YAML description) can state holds for the others. */
		for (size_t i = 1; i < in.n; i++)
			if (in.v[0].loaded && in.v[i].loaded &&
			    gd_load_lend(&in.v[i].p, &in.v[0].p)) {
				gd_routes_free(&in.v[i].routes);
				gd_resolve(&in.v[i].p, &in.v[i].routes);
			}
		/* A platform its loader found wrong may be partial: no rules on it. */
		for (size_t i = 0; i < in.n; i++) {
			if (!in.v[i].loaded)
				continue;
			note_assumed(&in.v[i], &d);
			if (in.v[i].p.origin == GD_ORIGIN_YAML)
				gd_revisions_apply(&revs, &in.v[i].p);
			if (gd_check_run(&in.v[i].p, &in.v[i].routes, &cfg, &d) == 0 &&
			    in.v[i].p.origin == GD_ORIGIN_YAML)
				run_writers(&in.v[i], &d);
		}
		/* Several descriptions of one platform: each against the first. */
		for (size_t i = 1; i < in.n; i++) {
			if (!in.v[0].loaded || !in.v[i].loaded)
				continue;
			struct gd_check_input a = {&in.v[0].p, &in.v[0].routes, in.v[0].label};
			struct gd_check_input b = {&in.v[i].p, &in.v[i].routes, in.v[i].label};
			gd_check_compare(&a, &b, &cfg, &d);
		}
		if (d.errors)
			status = status ? status : 1;
	}
	print_report(fmt, &d);
	gd_inputs_free(&in);
	gd_diags_free(&d);
	gd_check_config_free(&cfg);
	gd_facts_free(&facts);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * check.c - `gicdesc check`: load one or more platforms (YAML, DTB, ACPI
 * tables), resolve every route, run the rules, and report in text, JSON or
 * SARIF 2.1.0 on standard output. The inputs are one platform's
 * descriptions, compared with each other; with --each (or -r DIR) each is a
 * platform of its own, checked in turn. Exit 0 when no error, 1 when a
 * platform has errors, 2 when an input cannot be read: the worst of them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/each.h"
#include "cli/input.h"
#include "cli/revisions.h"
#include "emit/emit.h"
#include "util/diag_json.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

static void check_usage(FILE *out)
{
	fprintf(
	    out,
	    "usage: gicdesc check [-W NAME] [-E NAME] [-Wno-NAME] [-Werror] [-q]\n"
	    "                     [--format text|json|sarif] [--each] [-r DIR]...\n"
	    "                     [--waivers FILE] [-I DIR] [-D NAME]\n"
	    "                     [--facts FILE] [--gic-version V] [--spis N] [--intid-bits N]\n"
	    "                     [--device-id-bits N] [--event-id-bits N]\n"
	    "                     [--iort-revision N] [--madt-revision N] INPUT...\n"
	    "       gicdesc check --list-rules\n\n"
	    "  INPUT: a YAML description, a DTB (or DTS), or ACPI IORT, MADT (and MCFG) tables\n"
	    "  -W NAME / -Wno-NAME    report rule NAME as a warning / not at all\n"
	    "  -E NAME / -Eno-NAME    report rule NAME as an error / as a warning\n"
	    "  -Werror                report every warning as an error\n"
	    "  -q, --quiet            text: errors and warnings only, no notes or summary\n"
	    "      --each             check each INPUT as a platform of its own (the ACPI\n"
	    "                         tables of one folder together), a summary line each\n"
	    "  -r, --recursive DIR    --each over every description, DTB, DTS and ACPI\n"
	    "                         table under DIR\n"
	    "      --waivers FILE     reviewed findings accepted with a reason (gicdesc(5))\n"
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
		gd_diag_add(d, GD_SEV_NOTE, "assumed", &loc, "assumed: %s", ip->p.assumed[i]);
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
	scratch.len = 0; /* each output overwrites the last: one buffer of the largest */
	gd_emit_iort(&ctx, &scratch);
	scratch.len = 0;
	gd_emit_madt(&ctx, &scratch);
	gd_buf_free(&scratch);
	gd_emit_ctx_free(&ctx);
}

/* The options of one check run, shared by every input of --each. */
struct check_opts {
	struct gd_check_config cfg;
	struct gd_facts facts;
	struct gd_revisions revs;
	struct gd_cpp_args cpp;
	struct gd_platform *waivers; /* holds the --waivers files' waivers */
	enum report_format fmt;
	bool quiet, each;
};

/*
 * Loads the @n files of @paths as the descriptions of one platform, resolves
 * them, runs the rules on each and compares each with the first, adding to
 * @d. Returns 0, 1 (errors) or 2 (an input cannot be read).
 */
static int check_paths(char **paths, size_t n, const struct check_opts *o, struct gd_diags *d)
{
	size_t first = d->n, errors_before = d->errors;
	struct gd_inputs in = {.cpp = &o->cpp};
	int status = gd_inputs_load(&in, paths, n, &o->facts, d);
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
			note_assumed(&in.v[i], d);
			if (in.v[i].p.origin == GD_ORIGIN_YAML)
				gd_revisions_apply(&o->revs, &in.v[i].p);
			if (gd_check_run(&in.v[i].p, &in.v[i].routes, &o->cfg, d) == 0 &&
			    in.v[i].p.origin == GD_ORIGIN_YAML)
				run_writers(&in.v[i], d);
		}
		/* Several descriptions of one platform: each against the first. */
		for (size_t i = 1; i < in.n; i++) {
			if (!in.v[0].loaded || !in.v[i].loaded)
				continue;
			struct gd_check_input a = {&in.v[0].p, &in.v[0].routes, in.v[0].label};
			struct gd_check_input b = {&in.v[i].p, &in.v[i].routes, in.v[i].label};
			gd_check_compare(&a, &b, &o->cfg, d);
		}
	}
	/* The descriptions' own waivers, then the --waivers files', over every input's findings. */
	for (size_t i = 0; i < in.n; i++)
		if (in.v[i].p.origin == GD_ORIGIN_YAML)
			gd_check_waive(in.v[i].p.waivers, in.v[i].p.n_waivers, d, first);
	gd_check_waive(o->waivers->waivers, o->waivers->n_waivers, d, first);
	for (size_t i = 0; i < in.n; i++)
		if (in.v[i].p.origin == GD_ORIGIN_YAML)
			gd_check_waivers_unused(in.v[i].p.waivers, in.v[i].p.n_waivers, d);
	if (o->cfg.werror)
		gd_diags_warnings_as_errors(d, first);
	if (d->errors > errors_before && status == 0)
		status = 1;
	gd_inputs_free(&in);
	return status;
}

/*
 * Once every input is checked: the --waivers files' waivers that matched no
 * finding (a warning each, an error under -Werror). Returns @status, made 1
 * when that adds an error.
 */
static int stale_waivers(const struct check_opts *o, struct gd_diags *d, int status)
{
	size_t first = d->n, errors = d->errors;
	gd_check_waivers_unused(o->waivers->waivers, o->waivers->n_waivers, d);
	if (o->cfg.werror)
		gd_diags_warnings_as_errors(d, first);
	return d->errors > errors && status == 0 ? 1 : status;
}

static void print_sarif(const struct gd_diags *d)
{
	size_t n = gd_check_rule_count();
	struct gd_rule_info *rules = calloc(n + gd_n_diag_tags, sizeof(*rules));
	if (!rules) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	gd_check_rule_infos(rules);
	memcpy(rules + n, gd_diag_tags, gd_n_diag_tags * sizeof(*rules));
	gd_diags_print_sarif(stdout, d, rules, n + gd_n_diag_tags);
	free(rules);
}

static void print_counts(const char *label, size_t errors, size_t warnings)
{
	printf("%s%s%zu error%s, %zu warning%s\n", label ? label : "", label ? ": " : "", errors,
	       errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
}

static void print_report(const struct check_opts *o, const struct gd_diags *d)
{
	if (o->fmt == REPORT_JSON) {
		gd_diags_print_json(stdout, d);
	} else if (o->fmt == REPORT_SARIF) {
		print_sarif(d);
	} else {
		gd_diags_print_min(stdout, d, o->quiet ? GD_SEV_WARNING : GD_SEV_NOTE);
		if (!o->quiet)
			print_counts(NULL, d->errors, d->warnings);
	}
}

/* The diagnostics d->v[from .. to) as a list of their own (a view: not to be freed). */
static struct gd_diags view(const struct gd_diags *d, size_t from, size_t to)
{
	struct gd_diags v = {.v = d->v + from, .n = to - from};
	for (size_t i = 0; i < v.n; i++) {
		v.errors += v.v[i].sev == GD_SEV_ERROR;
		v.warnings += v.v[i].sev == GD_SEV_WARNING;
	}
	return v;
}

/*
 * --each: checks every platform of @l in turn, printing text as it goes
 * (findings, then a summary line each, then the totals) or JSON or SARIF at
 * the end. Returns the worst status.
 */
static int check_each(struct gd_paths *l, const struct check_opts *o, struct gd_diags *d)
{
	size_t n = 0, failed = 0;
	struct gd_path_group *g = gd_paths_group(l, &n);
	struct gd_diag_input *in = calloc(n + 1, sizeof(*in));
	size_t *first = calloc(n ? n : 1, sizeof(*first));
	int worst = 0;
	if (!in || !first) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = 1;
		for (size_t k = 0; k < g[i].n; k++)
			len += strlen(g[i].v[k]) + 1;
		char *label = malloc(len);
		if (!label) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		label[0] = '\0';
		for (size_t k = 0; k < g[i].n; k++)
			strcat(strcat(label, k ? "+" : ""), g[i].v[k]);
		first[i] = d->n;
		in[i].label = label;
		in[i].status = check_paths(g[i].v, g[i].n, o, d);
		worst = in[i].status > worst ? in[i].status : worst;
		failed += in[i].status != 0;
		if (o->fmt == REPORT_TEXT) {
			struct gd_diags v = view(d, first[i], d->n);
			gd_diags_print_min(stdout, &v, o->quiet ? GD_SEV_WARNING : GD_SEV_NOTE);
			if (!o->quiet)
				print_counts(label, v.errors, v.warnings);
			fflush(stdout);
		}
	}
	/* the --waivers files' stale waivers: an input of their own, labelled by the option */
	size_t stale = d->n;
	worst = stale_waivers(o, d, 0) > worst ? 1 : worst;
	if (o->fmt == REPORT_TEXT) {
		struct gd_diags v = view(d, stale, d->n);
		gd_diags_print_min(stdout, &v, o->quiet ? GD_SEV_WARNING : GD_SEV_NOTE);
	}
	for (size_t i = 0; i < n; i++)
		in[i].d = view(d, first[i], i + 1 < n ? first[i + 1] : stale);
	if (d->n > stale) {
		in[n].d = view(d, stale, d->n);
		in[n].status = in[n].d.errors ? 1 : 0;
		in[n++].label = strdup("--waivers");
	}
	if (o->fmt == REPORT_JSON)
		gd_diags_print_json_each(stdout, in, n);
	else if (o->fmt == REPORT_SARIF)
		print_sarif(d);
	else if (!o->quiet)
		printf("%zu input%s, %zu with errors or unreadable: %zu error%s, %zu warning%s\n",
		       n, n == 1 ? "" : "s", failed, d->errors, d->errors == 1 ? "" : "s",
		       d->warnings, d->warnings == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++)
		free((char *)in[i].label);
	free(in);
	free(first);
	free(g);
	return worst;
}

int gd_cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"list-rules", no_argument, NULL, 'L'},
	    {"each", no_argument, NULL, 'e'},
	    {"recursive", required_argument, NULL, 'r'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"waivers", required_argument, NULL, 'w'},
	    GD_REVISION_LONG_OPTIONS,
	    {"help", no_argument, NULL, 'h'},
	    GD_INPUT_LONG_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	struct gd_platform waivers = {0};
	struct check_opts o = {.fmt = REPORT_TEXT, .revs = GD_REVISIONS_INIT, .waivers = &waivers};
	struct gd_paths paths = {0};
	struct gd_diags d = {0};
	int c, status = 0;
	bool list = false, help = false;

	optind = 1;
	while ((c = getopt_long(argc, argv, "W:E:r:I:D:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'I':
		case 'D':
			gd_cpp_arg(&o.cpp, c, optarg);
			break;
		case 'w':
			if (gd_waivers_read(optarg, &waivers, &d) != 0)
				status = 2;
			break;
		case 'W':
		case 'E':
			if (gd_check_option(&o.cfg, (char)c, optarg, &d) != 0)
				status = 2;
			break;
		case 'f':
			if (!strcmp(optarg, "text"))
				o.fmt = REPORT_TEXT;
			else if (!strcmp(optarg, "json"))
				o.fmt = REPORT_JSON;
			else if (!strcmp(optarg, "sarif"))
				o.fmt = REPORT_SARIF;
			else {
				fprintf(stderr, "gicdesc: error: unknown report format '%s'\n",
				        optarg);
				status = 2;
			}
			break;
		case GD_OPT_IORT_REVISION:
		case GD_OPT_MADT_REVISION:
			if (gd_revision_option(&o.revs, c, optarg))
				status = 2;
			break;
		case 'e':
			o.each = true;
			break;
		case 'r':
			o.each = true;
			if (gd_paths_find(&paths, optarg, &d) != 0)
				status = 2;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'L':
			list = true;
			break;
		case 'h':
			help = true;
			break;
		default:
			if (gd_input_option(&o.facts, c, optarg, &d) != 0)
				status = 2;
		}
	}
	for (int i = optind; i < argc; i++)
		gd_paths_add(&paths, argv[i]);
	if (list || help) {
		if (list)
			gd_check_list_rules(stdout);
		else
			check_usage(stdout);
	} else if (status == 0 && paths.n == 0 && optind >= argc) {
		check_usage(stderr);
		status = 2;
	}
	/* -q in text prints no note: none is formatted (route-dma-only makes one per route) */
	d.drop_notes = o.quiet && o.fmt == REPORT_TEXT;
	if (status != 0 || list || help) {
		gd_diags_print(stderr, &d);
	} else if (o.each) {
		status = check_each(&paths, &o, &d);
	} else {
		status = stale_waivers(&o, &d, check_paths(paths.v, paths.n, &o, &d));
		print_report(&o, &d);
	}
	gd_paths_free(&paths);
	gd_diags_free(&d);
	gd_check_config_free(&o.cfg);
	gd_cpp_args_free(&o.cpp);
	gd_platform_free(&waivers);
	gd_facts_free(&o.facts);
	return status;
}

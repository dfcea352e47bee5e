/* SPDX-License-Identifier: MIT */
/*
 * generate.c - `gicdesc generate`: load a YAML description, resolve its
 * routes, emit the selected formats, and write them all or none.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/commands.h"
#include "emit/dt_base.h"
#include "emit/emit.h"
#include "load/load.h"
#include "resolve/resolve.h"
#include "util/depfile.h"
#include "util/outset.h"
#include "cli/revisions.h"

static void generate_usage(FILE *out)
{
	fprintf(
	    out,
	    "usage: gicdesc generate [-o DIR] [--format LIST] [--base BASE.dtb]\n"
	    "                        [--iort-revision N] [--madt-revision N] [--header-prefix P]\n"
	    "                        [-W NAME] [-E NAME] [-Werror] [--waivers FILE] [--force] "
	    "[-q]\n"
	    "                        [-d FILE] [--list-outputs] DESC.yaml\n\n"
	    "  -o, --output DIR       write into DIR (default: the current folder); -o -\n"
	    "                         writes the one format selected to standard output\n"
	    "  -d, --depfile FILE     also write FILE, a make rule: the outputs depend on\n"
	    "                         DESC.yaml and every file an option names\n"
	    "      --list-outputs     print the path of each output, one a line; write nothing\n"
	    "  -b, --base BASE.dtb    dts and dtb: BASE.dtb with the interrupt system put in\n"
	    "  -f, --format LIST      comma-separated formats (default: all but h, dot, svg):\n");
	char file[64];
	for (size_t i = 0; i < gd_n_formats; i++) {
		gd_format_file_name(&gd_formats[i], "NAME", file, sizeof(file));
		fprintf(out, "                           %-9s %s (%s)\n", gd_formats[i].name,
		        gd_formats[i].description, file);
	}
	fputs(gd_revisions_usage, out);
	fputs(
	    "      --header-prefix P  format h: the prefix of every #define (default PLAT_ARM_)\n",
	    out);
	fprintf(
	    out,
	    "  -W NAME, -E NAME, -Wno-NAME   rule severities, as gicdesc check takes them\n"
	    "  -Werror                every warning is an error\n"
	    "      --waivers FILE     reviewed findings accepted with a reason (gicdesc(5))\n"
	    "      --force            write even when the rules of `gicdesc check` find errors\n"
	    "  -q, --quiet            do not list the files written, print no notes\n");
}

/* Marks the formats named in the comma-separated @list; returns -1 on an unknown name. */
static int select_formats(const char *list, unsigned char *selected)
{
	char *copy = strdup(list), *save = NULL;
	int rc = 0;

	if (!copy)
		return -1;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const struct gd_format *f = gd_format_find(tok);
		if (!f) {
			fprintf(stderr, "gicdesc: error: unknown format '%s'\n", tok);
			rc = -1;
			continue;
		}
		selected[f - gd_formats] = 1;
	}
	free(copy);
	return rc;
}

/* Adds to @set an empty output named for each selected format of @p, in the table's order. */
static void add_outputs(const struct gd_platform *p, const unsigned char *selected,
                        struct gd_outset *set)
{
	char name[512];
	for (size_t i = 0; i < gd_n_formats; i++) {
		if (!selected[i])
			continue;
		gd_format_file_name(&gd_formats[i], p->name, name, sizeof(name));
		gd_outset_add(set, name);
	}
}

/*
 * Emits every selected format into the outputs of @set that add_outputs()
 * made, from one emit context, so that each representation (DT tree, --base
 * merge, IORT, MADT) is built once and its diagnostics are reported once;
 * with @base, the dts and dtb formats are @base with the interrupt system
 * put in. Each output is staged in @dir as soon as it is made (see
 * util/outset.h), so that memory holds one at a time; with @dir NULL (-o -)
 * they stay in memory. Returns 0 or -1 (errors in @d).
 */
static int emit_all(const struct gd_platform *p, const struct gd_routes *routes,
                    const unsigned char *selected, const struct gd_dt_base *base,
                    const char *header_prefix, const char *dir, struct gd_outset *set,
                    struct gd_diags *d)
{
	struct gd_emit_ctx ctx = {
	    .p = p, .routes = routes, .diags = d, .base = base, .header_prefix = header_prefix};
	size_t k = 0;
	int rc = 0;
	for (size_t i = 0; i < gd_n_formats; i++) {
		if (!selected[i])
			continue;
		struct gd_buf *out =
		    dir ? gd_outset_stage_begin(set, k, dir, gd_formats[i].in_order)
		        : &set->v[k].content;
		if (gd_formats[i].emit(&ctx, out) != 0)
			rc = -1;
		if (dir)
			gd_outset_stage_end(set, k);
		k++;
	}
	gd_emit_ctx_free(&ctx);
	return rc;
}

/*
 * Writes @set into @dir, all or nothing, and lists the files unless @quiet;
 * @dir "-" writes the one output of @set to standard output. Returns 0, 1
 * (-o - with other than one output) or 2 (a write failed), errors in @d.
 */
static int write_outputs(struct gd_outset *set, const char *dir, int quiet, struct gd_diags *d)
{
	if (!strcmp(dir, "-")) {
		if (set->n != 1) {
			gd_diag_add(d, GD_SEV_ERROR, NULL, NULL,
			            "-o - writes one output to standard output, and the formats "
			            "selected make %zu: select one with -f",
			            set->n);
			return 1;
		}
		if (fwrite(set->v[0].content.data, 1, set->v[0].content.len, stdout) !=
		        set->v[0].content.len ||
		    fflush(stdout) != 0) {
			gd_diag_add(d, GD_SEV_ERROR, NULL, NULL, "cannot write to standard output");
			return 2;
		}
		return 0;
	}
	if (gd_outset_commit(set, dir, d) != 0)
		return 2;
	for (size_t i = 0; !quiet && i < set->n; i++)
		printf("wrote %s/%s (%zu bytes)\n", set->v[i].dir ? set->v[i].dir : dir,
		       set->v[i].name, gd_output_size(&set->v[i]));
	return 0;
}

/*
 * Waives the findings d->v[from ..] that the description's waivers or the
 * --waivers files' (@file_waivers) accept. Waivers that match nothing are
 * reported by check, which runs every rule, not by generate, which runs
 * those of the formats it writes.
 */
static void waive(struct gd_platform *p, struct gd_platform *file_waivers, struct gd_diags *d,
                  size_t from)
{
	gd_check_waive(p->waivers, p->n_waivers, d, from);
	gd_check_waive(file_waivers->waivers, file_waivers->n_waivers, d, from);
}

int gd_cmd_generate(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"format", required_argument, NULL, 'f'},
	    GD_REVISION_LONG_OPTIONS,
	    {"quiet", no_argument, NULL, 'q'},
	    {"force", no_argument, NULL, 'F'},
	    {"base", required_argument, NULL, 'b'},
	    {"header-prefix", required_argument, NULL, 'P'},
	    {"depfile", required_argument, NULL, 'd'},
	    {"list-outputs", no_argument, NULL, 'L'},
	    {"waivers", required_argument, NULL, 'w'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	unsigned char selected[64] = {0};
	const char *dir = ".", *base_path = NULL, *header_prefix = NULL, *depfile = NULL;
	struct gd_revisions revs = GD_REVISIONS_INIT;
	int quiet = 0, force = 0, any_format = 0, list_outputs = 0, c, bad = 0;
	struct gd_check_config cfg = {0};
	struct gd_platform waivers = {0};
	struct gd_diags opt_errors = {0};
	/* What the outputs are made from, for -d: DESC.yaml, then each file an option names. */
	const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
	size_t n_inputs = 1;

	if (!inputs) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		return 2;
	}
	optind = 1;
	while (bad <= 0 && (c = getopt_long(argc, argv, "o:f:b:d:W:E:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'W':
		case 'E':
			bad = gd_check_option(&cfg, (char)c, optarg, &opt_errors) ? 2 : 0;
			break;
		case 'o':
			dir = optarg;
			break;
		case 'f':
			bad = select_formats(optarg, selected) ? 2 : 0;
			any_format = 1;
			break;
		case GD_OPT_IORT_REVISION:
		case GD_OPT_MADT_REVISION:
			bad = gd_revision_option(&revs, c, optarg) ? 2 : 0;
			break;
		case 'P':
			header_prefix = optarg;
			break;
		case 'b':
			inputs[n_inputs++] = base_path = optarg;
			break;
		case 'd':
			depfile = optarg;
			break;
		case 'L':
			list_outputs = 1;
			break;
		case 'w':
			inputs[n_inputs++] = optarg;
			bad = gd_waivers_read(optarg, &waivers, &opt_errors) ? 2 : 0;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'F':
			force = 1;
			break;
		case 'h':
			generate_usage(stdout);
			bad = -1; /* done: exit 0 */
			break;
		default:
			generate_usage(stderr);
			bad = 2;
		}
	}
	if (bad == 0 && optind != argc - 1) {
		generate_usage(stderr);
		bad = 2;
	}
	if (bad == 0 && (depfile || list_outputs) && !strcmp(dir, "-")) {
		fprintf(stderr, "gicdesc: error: -d and --list-outputs name output files, "
		                "and -o - writes none\n");
		bad = 2;
	}
	if (bad) {
		free(inputs);
		gd_diags_print(stderr, &opt_errors);
		gd_diags_free(&opt_errors);
		gd_platform_free(&waivers);
		gd_check_config_free(&cfg);
		return bad < 0 ? 0 : bad;
	}
	if (!any_format)
		for (size_t i = 0; i < gd_n_formats; i++)
			selected[i] = gd_formats[i].by_default;

	struct gd_platform p = {0};
	struct gd_diags d = {0};
	struct gd_routes routes = {0};
	struct gd_outset set = {0};
	struct gd_dt_base base = {.file = base_path};
	inputs[0] = argv[optind];
	void *base_blob = NULL;
	int status = 0;
	if (base_path && !list_outputs)
		status = gd_dtb_read(base_path, base_path, &d, &base_blob, &base.size);
	base.fdt = base_blob;
	if (status == 0)
		status = gd_load_yaml(argv[optind], &p, &d);
	if (status == 0)
		add_outputs(&p, selected, &set);

	if (status == 0 && list_outputs) {
		for (size_t i = 0; i < set.n; i++)
			printf("%s/%s\n", dir, set.v[i].name);
	} else if (status == 0) {
		gd_revisions_apply(&revs, &p);
		gd_resolve(&p, &routes);
		/*
		 * The rules of `gicdesc check` guard what we write, as dtc's checks
		 * do; those of a format family not written stay silent.
		 */
		for (size_t i = 0; i < gd_n_formats; i++) {
			bool written = false;
			for (size_t k = 0; k < gd_n_formats; k++)
				written |= selected[k] &&
				           !strcmp(gd_formats[k].family, gd_formats[i].family);
			if (!written)
				gd_check_off_for_format(&cfg, gd_formats[i].family);
		}
		gd_check_run(&p, &routes, &cfg, &d);
		waive(&p, &waivers, &d, 0);
		if (cfg.werror)
			gd_diags_warnings_as_errors(&d, 0);
		size_t rule_errors = d.errors, emitted = d.n;
		if (rule_errors && !force) {
			status = 1;
		} else {
			/* a writer that refuses writes nothing, waived or not */
			int rc = emit_all(&p, &routes, selected, base_path ? &base : NULL,
			                  header_prefix, strcmp(dir, "-") ? dir : NULL, &set, &d);
			waive(&p, &waivers, &d, emitted);
			if (cfg.werror) /* the writers' warnings too */
				gd_diags_warnings_as_errors(&d, 0);
			if (rc != 0 || d.errors > rule_errors)
				status = 1;
		}
		if (status == 0 && depfile) {
			size_t n_targets = set.n;
			struct gd_buf *dep = gd_outset_add_path(&set, depfile);
			if (gd_depfile_write(dep, dir, set.v, n_targets, inputs, n_inputs) != 0) {
				gd_diag_add(&d, GD_SEV_ERROR, NULL, NULL,
				            "a path with a line break cannot be written in "
				            "the depfile");
				status = 2;
			}
		}
		if (status == 0)
			status = write_outputs(&set, dir, quiet, &d);
	}
	gd_diags_print_min(stderr, &d, quiet ? GD_SEV_WARNING : GD_SEV_NOTE);
	gd_outset_free(&set);
	free(inputs);
	gd_platform_free(&waivers);
	gd_check_config_free(&cfg);
	free(base_blob);
	gd_routes_free(&routes);
	gd_diags_free(&d);
	gd_platform_free(&p);
	return status;
}

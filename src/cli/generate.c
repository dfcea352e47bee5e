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
#include "util/outset.h"
#include "cli/revisions.h"

static void generate_usage(FILE *out)
{
	fprintf(
	    out,
	    "usage: gicdesc generate [-o DIR] [--format LIST] [--base BASE.dtb]\n"
	    "                        [--iort-revision N] [--madt-revision N] [--header-prefix P]\n"
	    "                        [--force] [-q]\n"
	    "                        DESC.yaml\n\n"
	    "  -o, --output DIR       write into DIR (default: the current folder)\n"
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
	    "      --force            write even when the rules of `gicdesc check` find errors\n"
	    "  -q, --quiet            do not list the files written\n");
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

/*
 * Emits every selected format into @set from one emit context, so that each
 * representation (DT tree, --base merge, IORT, MADT) is built once and its
 * diagnostics are reported once; with @base, the dts and dtb formats are
 * @base with the interrupt system put in. Returns 0 or -1 (errors in @d).
 */
static int emit_all(const struct gd_platform *p, const struct gd_routes *routes,
                    const unsigned char *selected, const struct gd_dt_base *base,
                    const char *header_prefix, struct gd_outset *set, struct gd_diags *d)
{
	struct gd_emit_ctx ctx = {
	    .p = p, .routes = routes, .diags = d, .base = base, .header_prefix = header_prefix};
	char name[512];
	int rc = 0;
	for (size_t i = 0; i < gd_n_formats; i++) {
		if (!selected[i])
			continue;
		gd_format_file_name(&gd_formats[i], p->name, name, sizeof(name));
		if (gd_formats[i].emit(&ctx, gd_outset_add(set, name)) != 0)
			rc = -1;
	}
	gd_emit_ctx_free(&ctx);
	return rc;
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
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	unsigned char selected[64] = {0};
	const char *dir = ".", *base_path = NULL, *header_prefix = NULL;
	struct gd_revisions revs = GD_REVISIONS_INIT;
	int quiet = 0, force = 0, any_format = 0, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:f:b:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			dir = optarg;
			break;
		case 'f':
			if (select_formats(optarg, selected) != 0)
				return 2;
			any_format = 1;
			break;
		case 'I':
		case 'M':
			if (gd_revision_option(&revs, c, optarg))
				return 2;
			break;
		case 'P':
			header_prefix = optarg;
			break;
		case 'b':
			base_path = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'F':
			force = 1;
			break;
		case 'h':
			generate_usage(stdout);
			return 0;
		default:
			generate_usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		generate_usage(stderr);
		return 2;
	}
	if (!any_format)
		for (size_t i = 0; i < gd_n_formats; i++)
			selected[i] = gd_formats[i].by_default;

	struct gd_platform p = {0};
	struct gd_diags d = {0};
	struct gd_routes routes = {0};
	struct gd_outset set = {0};
	struct gd_dt_base base = {.file = base_path};
	void *base_blob = NULL;
	int status = base_path ? gd_dtb_read(base_path, base_path, &d, &base_blob, &base.size) : 0;
	base.fdt = base_blob;
	if (status == 0)
		status = gd_load_yaml(argv[optind], &p, &d);

	if (status == 0) {
		gd_revisions_apply(&revs, &p);
		gd_resolve(&p, &routes);
		/*
		 * The rules of `gicdesc check` guard what we write, as dtc's checks
		 * do; those of a format family not written stay silent.
		 */
		struct gd_check_config cfg = {0};
		for (size_t i = 0; i < gd_n_formats; i++) {
			bool written = false;
			for (size_t k = 0; k < gd_n_formats; k++)
				written |= selected[k] &&
				           !strcmp(gd_formats[k].family, gd_formats[i].family);
			if (!written)
				gd_check_off_for_format(&cfg, gd_formats[i].family);
		}
		size_t rule_errors = (size_t)gd_check_run(&p, &routes, &cfg, &d);
		gd_check_config_free(&cfg);
		if (rule_errors && !force)
			status = 1;
		else if (emit_all(&p, &routes, selected, base_path ? &base : NULL, header_prefix,
		                  &set, &d) != 0 ||
		         d.errors > rule_errors)
			status = 1;
	}
	if (status == 0 && gd_outset_commit(&set, dir, &d) != 0)
		status = 2;
	gd_diags_print(stderr, &d);
	if (status == 0 && !quiet)
		for (size_t i = 0; i < set.n; i++)
			printf("wrote %s/%s (%zu bytes)\n", dir, set.v[i].name,
			       set.v[i].content.len);
	gd_outset_free(&set);
	free(base_blob);
	gd_routes_free(&routes);
	gd_diags_free(&d);
	gd_platform_free(&p);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * import.c - `gicdesc import`: load a DTB (or DTS), or ACPI IORT+MADT(+MCFG)
 * tables, or one of each, and write the YAML description (format 1) that
 * generate reads back into the same routes. A DTB and tables given together
 * are compared (rule firmware-drift, as check does, reported as warnings) and
 * merged: the DTB's model with what only the tables state (load/merge.h).
 * What the format cannot hold is refused (rules import-*): no file then.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "emit/emit.h"
#include "load/merge.h"
#include "util/outset.h"

static void import_usage(FILE *out)
{
	fprintf(out,
	        "usage: gicdesc import [-o DESC.yaml] [-q] [--facts FILE] [--gic-version V]\n"
	        "                      [--spis N] [--intid-bits N] [--device-id-bits N]\n"
	        "                      [--event-id-bits N] INPUT...\n\n"
	        "  INPUT: a DTB (or DTS), or ACPI IORT and MADT (and MCFG) tables, or both\n"
	        "  -o, --output FILE      write the description to FILE (default: standard "
	        "output)\n"
	        "  -q, --quiet            do not say what was written\n"
	        "%s",
	        gd_input_usage);
}

/* The stem of @path ("dir/board.yaml" -> "board"), in @buf. */
static const char *stem(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(buf, size, "%s", base);
	char *dot = strrchr(buf, '.');
	if (dot && dot != buf)
		*dot = '\0';
	return buf;
}

/*
 * Checks the inputs are one DTB, one set of ACPI tables, or one of each;
 * returns the index of the DTB (or the only platform) and sets *@acpi to
 * the tables' (or -1). Returns -1 after an error in @d.
 */
static long pick(const struct gd_inputs *in, long *acpi, struct gd_diags *d)
{
	long dt = -1;
	*acpi = -1;
	for (size_t i = 0; i < in->n; i++) {
		struct gd_loc loc = {.file = in->v[i].p.file};
		long *slot = in->v[i].kind == GD_INPUT_ACPI ? acpi : &dt;
		if (in->v[i].kind == GD_INPUT_YAML) {
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
			            "already a description: import reads a DTB, a DTS or ACPI "
			            "tables");
			return -1;
		}
		if (*slot >= 0) {
			gd_diag_add(
			    d, GD_SEV_ERROR, NULL, &loc,
			    "a second device tree: import takes one DTB and one set of ACPI "
			    "tables of one platform");
			return -1;
		}
		*slot = (long)i;
	}
	if (dt < 0) {
		dt = *acpi;
		*acpi = -1;
	}
	return dt;
}

/*
 * The platform to describe: the only input, or the DTB merged with the tables
 * after reporting where their routes differ (firmware-drift, as warnings).
 */
static struct gd_platform *platform_of(struct gd_inputs *in, long dt, long acpi, struct gd_diags *d)
{
	struct gd_input_platform *a = &in->v[dt];
	if (acpi < 0)
		return &a->p;
	struct gd_input_platform *b = &in->v[acpi];
	struct gd_check_config cfg = {0};
	gd_check_option(&cfg, 'W', "firmware-drift", d);
	struct gd_check_input ca = {&a->p, &a->routes, a->label};
	struct gd_check_input cb = {&b->p, &b->routes, b->label};
	gd_check_compare(&ca, &cb, &cfg, d);
	gd_check_config_free(&cfg);
	gd_load_merge(&a->p, &b->p, d);
	return &a->p;
}

int gd_cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    GD_INPUT_LONG_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	struct gd_facts facts = {0};
	struct gd_diags d = {0};
	const char *output = NULL;
	int c, status = 0, quiet = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			import_usage(stdout);
			gd_facts_free(&facts);
			return 0;
		default:
			if (gd_input_option(&facts, c, optarg, &d) != 0) {
				if (c == '?')
					import_usage(stderr);
				status = 2;
			}
		}
	}
	if (status == 0 && optind >= argc) {
		import_usage(stderr);
		status = 2;
	}
	struct gd_inputs in = {0};
	struct gd_outset set = {0};
	struct gd_buf text = {0};
	char name[256], source[4096], dir[4096];
	if (status == 0)
		status = gd_inputs_load(&in, argv + optind, (size_t)(argc - optind), &facts, &d);
	long acpi = -1, dt = status == 0 ? pick(&in, &acpi, &d) : -1;
	if (status == 0 && dt < 0)
		status = 2;
	if (status == 0) {
		struct gd_platform *p = platform_of(&in, dt, acpi, &d);
		struct gd_emit_ctx ctx = {.p = p, .diags = &d};
		ctx.yaml_name = output ? stem(output, name, sizeof(name)) : NULL;
		ctx.yaml_source = in.v[dt].label;
		if (acpi >= 0) {
			snprintf(source, sizeof(source), "%s and %s", in.v[dt].label,
			         in.v[acpi].label);
			ctx.yaml_source = source;
		}
		if (gd_emit_yaml(&ctx, &text) != 0)
			status = 1;
		gd_emit_ctx_free(&ctx);
	}
	if (status == 0 && output) {
		const char *slash = strrchr(output, '/');
		snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - output) : 1,
		         slash ? output : ".");
		*gd_outset_add(&set, slash ? slash + 1 : output) = text;
		text = (struct gd_buf){0};
		if (gd_outset_commit(&set, slash == output ? "/" : dir, &d) != 0)
			status = 2;
	}
	gd_diags_print(stderr, &d);
	if (status == 0 && !output)
		fwrite(text.data, 1, text.len, stdout);
	else if (status == 0 && !quiet)
		printf("wrote %s (%zu bytes)\n", output, set.v[0].content.len);
	gd_buf_free(&text);
	gd_outset_free(&set);
	gd_inputs_free(&in);
	gd_diags_free(&d);
	gd_facts_free(&facts);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * resolve.c - `gicdesc resolve INPUT... SOURCE[:ID]`: the route of one ID of
 * a source, or of every ID range of it, hop by hop, in each platform given;
 * for an ITS, an SMMU's StreamID or an SPI-based MSI target, the routes that
 * reach it (resolve_inverse.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/input.h"
#include "cli/resolve_inverse.h"
#include "resolve/route_print.h"

static void resolve_usage(FILE *out)
{
	fprintf(
	    out,
	    "usage: gicdesc resolve [-q] [-Werror] [--facts FILE] [--gic-version V] [--spis N]\n"
	    "                       [--intid-bits N] [--device-id-bits N] [--event-id-bits N]\n"
	    "                       INPUT... SOURCE[:ID]\n\n"
	    "  INPUT: a YAML description, a DTB (or DTS), or ACPI IORT, MADT (and MCFG) tables\n"
	    "  SOURCE: a root complex, named component, SMMU, PMCG or IWB (its own MSIs) by name;\n"
	    "  ID: one input ID (a RID for a root complex), decimal or 0x hex\n"
	    "  or backwards, every requester that reaches TARGET[:ID]: an ITS or GICv5 ITS\n"
	    "  translate frame (ID: a DeviceID),\n"
	    "  an SMMU with a StreamID, a GICv2m frame, MBI or Direct LPI (ID: an INTID)\n"
	    "  -q, --quiet            print no notes of the loaders\n"
	    "  -Werror                a loader's warning is an error (exit 1)\n"
	    "%s",
	    gd_input_usage);
}

/* Splits "NAME[:ID]"; returns 0, or -1 when ID is not a 32-bit number. */
static int parse_source(char *spec, const char **name, int *has_id, uint32_t *id)
{
	char *colon = strrchr(spec, ':'), *end;
	*name = spec;
	*has_id = 0;
	if (!colon)
		return 0;
	*colon = '\0';
	errno = 0;
	unsigned long long v = strtoull(colon + 1, &end, 0);
	if (!colon[1] || *end || errno || v > UINT32_MAX || colon[1] == '-')
		return -1;
	*has_id = 1;
	*id = (uint32_t)v;
	return 0;
}

/* Prints the routes of @name (or the one of @id) in @ip; returns 0, or 1 when not found. */
static int resolve_in(const struct gd_input_platform *ip, const char *name, int has_id, uint32_t id,
                      int with_label)
{
	struct gd_node *src = gd_platform_find_node(&ip->p, name);
	struct gd_buf line = {0};
	int status = 0;

	if (with_label)
		printf("%s:\n", ip->label);
	if (!src) {
		fprintf(stderr, "%s: error: no source or target named '%s'\n", ip->label, name);
		return 1;
	}
	if (gd_resolve_is_inverse(src, has_id)) {
		status = gd_resolve_inverse(&ip->routes, src, has_id, id, &line);
		fwrite(line.data, 1, line.len, stdout);
		gd_buf_free(&line);
		return status;
	}
	size_t n = 0;
	const struct gd_route *routes = gd_routes_of(&ip->routes, src, &n);
	if (has_id) {
		const struct gd_route *r = gd_routes_find(&ip->routes, src, id);
		if (r) {
			gd_route_format_one(r, id, &line);
			status = r->status != GD_ROUTE_OK; /* scripts can test one ID */
		} else {
			gd_buf_printf(&line, "%s %s 0x%04x -> (no route: outside its ID space)",
			              name, gd_id_space_name(src->kind), (unsigned)id);
			status = 1;
		}
		gd_buf_append(&line, "\n", 1);
	} else {
		for (size_t i = 0; i < n; i++) {
			gd_route_format(&routes[i], &line);
			gd_buf_append(&line, "\n", 1);
		}
		if (!n)
			gd_buf_printf(&line, "%s: no routes\n", name);
	}
	fwrite(line.data, 1, line.len, stdout);
	gd_buf_free(&line);
	return status;
}

int gd_cmd_resolve(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'},
	    {"quiet", no_argument, NULL, 'q'},
	    GD_INPUT_LONG_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	struct gd_facts facts = {0};
	struct gd_diags d = {0};
	int c, status = 0;
	bool quiet = false, werror = false;
	struct gd_cpp_args cpp = {0};

	optind = 1;
	while ((c = getopt_long(argc, argv, "W:I:D:qh", opts, NULL)) != -1) {
		if (c == 'h') {
			resolve_usage(stdout);
			gd_facts_free(&facts);
			gd_cpp_args_free(&cpp);
			return 0;
		}
		if (c == 'I' || c == 'D') {
			gd_cpp_arg(&cpp, c, optarg);
			continue;
		}
		if (c == 'q' || c == 'W') {
			quiet |= c == 'q';
			werror |= c == 'W' && !strcmp(optarg, "error");
			if (c == 'W' && strcmp(optarg, "error")) {
				fprintf(stderr, "gicdesc: error: resolve takes -Werror only\n");
				status = 2;
			}
			continue;
		}
		int r = gd_input_option(&facts, c, optarg, &d);
		if (r < 0)
			resolve_usage(stderr);
		if (r != 0)
			status = 2;
	}
	if (status == 0 && argc - optind < 2) {
		resolve_usage(stderr);
		status = 2;
	}
	if (status != 0) {
		gd_diags_print(stderr, &d);
		gd_diags_free(&d);
		gd_facts_free(&facts);
		gd_cpp_args_free(&cpp);
		return status;
	}
	const char *name;
	int has_id;
	uint32_t id = 0;
	if (parse_source(argv[argc - 1], &name, &has_id, &id) != 0) {
		fprintf(stderr, "gicdesc: error: '%s': the ID after ':' must be a 32-bit number\n",
		        argv[argc - 1]);
		gd_facts_free(&facts);
		gd_cpp_args_free(&cpp);
		return 2;
	}

	struct gd_inputs in = {.cpp = &cpp};
	status = gd_inputs_load(&in, argv + optind, (size_t)(argc - optind - 1), &facts, &d);
	if (werror) {
		gd_diags_warnings_as_errors(&d, 0);
		status = d.errors && !status ? 1 : status;
	}
	gd_diags_print_min(stderr, &d, quiet ? GD_SEV_WARNING : GD_SEV_NOTE);
	for (size_t i = 0; i < in.n; i++)
		if (in.v[i].loaded && resolve_in(&in.v[i], name, has_id, id, in.n > 1) && !status)
			status = 1;
	gd_inputs_free(&in);
	gd_diags_free(&d);
	gd_facts_free(&facts);
	gd_cpp_args_free(&cpp);
	return status;
}

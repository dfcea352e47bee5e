/* SPDX-License-Identifier: MIT */
#include "cli/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

enum gd_input_kind gd_input_detect(const char *path)
{
	unsigned char head[16] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return GD_INPUT_UNKNOWN;
	size_t n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (n >= 4 && head[0] == 0xd0 && head[1] == 0x0d && head[2] == 0xfe && head[3] == 0xed)
		return GD_INPUT_DTB;
	if (n >= 4 && (!memcmp(head, "IORT", 4) || !memcmp(head, "APIC", 4)))
		return GD_INPUT_ACPI;
	if (ends_with(path, ".dts"))
		return GD_INPUT_DTS;
	if (ends_with(path, ".yaml") || ends_with(path, ".yml"))
		return GD_INPUT_YAML;
	return GD_INPUT_UNKNOWN;
}

static struct gd_input_platform *add(struct gd_inputs *in, enum gd_input_kind kind,
                                     const char *label)
{
	struct gd_input_platform *v = realloc(in->v, (in->n + 1) * sizeof(*v));
	if (!v) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	in->v = v;
	struct gd_input_platform *ip = &in->v[in->n++];
	memset(ip, 0, sizeof(*ip));
	ip->kind = kind;
	ip->label = label;
	return ip;
}

static int worst(int a, int b)
{
	return a > b ? a : b;
}

int gd_inputs_load(struct gd_inputs *in, char **paths, size_t n, struct gd_diags *d)
{
	int status = 0;

	for (size_t i = 0; i < n; i++) {
		struct gd_loc loc = {.file = paths[i]};
		enum gd_input_kind kind = gd_input_detect(paths[i]);
		struct gd_input_platform *ip;
		int rc;

		switch (kind) {
		case GD_INPUT_YAML:
			ip = add(in, kind, paths[i]);
			rc = gd_load_yaml(paths[i], &ip->p, d);
			break;
		default:
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
			            "cannot tell what this file is (expected a YAML description "
			            "(.yaml), a DTB, a DTS or an ACPI IORT/APIC table)");
			status = 2;
			continue;
		}
		if (rc == 0) {
			gd_resolve(&ip->p, &ip->routes);
			ip->loaded = true;
		}
		status = worst(status, rc);
	}
	return status;
}

void gd_inputs_free(struct gd_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		gd_routes_free(&in->v[i].routes);
		gd_platform_free(&in->v[i].p);
	}
	free(in->v);
	free(in->acpi_label);
	memset(in, 0, sizeof(*in));
}

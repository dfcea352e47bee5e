/* SPDX-License-Identifier: MIT */
/* Severity options (-W, -E, -Wno-) and the printed rule catalogue. */
#include "check/rule.h"

#include <string.h>

int gd_check_option(struct gd_check_config *cfg, char opt, const char *arg, struct gd_diags *d)
{
	bool no = !strncmp(arg, "no-", 3);
	const char *name = no ? arg + 3 : arg;
	long i = gd_rule_find(name);

	if (opt != 'W' && opt != 'E') {
		gd_diag_add(d, GD_SEV_ERROR, NULL, NULL, "unknown severity option -%c", opt);
		return -1;
	}
	if (opt == 'W' && !strcmp(name, "error")) {
		cfg->werror = !no;
		return 0;
	}
	if (i < 0) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, NULL,
		            "unknown rule '%s' in -%c %s (gicdesc check --list-rules lists them)",
		            name, opt, arg);
		return -1;
	}
	struct gd_check_override *o = GD_ARRAY_PUSH(&cfg->arena, cfg->v, cfg->n, cfg->cap);
	o->rule = (size_t)i;
	if (opt == 'W')
		o->sev = no ? GD_SEV_OFF : GD_SEV_WARNING;
	else
		o->sev = no ? GD_SEV_WARNING : GD_SEV_ERROR;
	return 0;
}

void gd_check_off_for_format(struct gd_check_config *cfg, const char *format)
{
	for (size_t i = 0; i < gd_n_rules; i++)
		if (gd_rules[i].format && !strcmp(gd_rules[i].format, format)) {
			struct gd_check_override *o =
			    GD_ARRAY_PUSH(&cfg->arena, cfg->v, cfg->n, cfg->cap);
			o->rule = i;
			o->sev = GD_SEV_OFF;
		}
}

void gd_check_config_free(struct gd_check_config *cfg)
{
	gd_arena_free(&cfg->arena);
	memset(cfg, 0, sizeof(*cfg));
}

void gd_check_list_rules(FILE *out)
{
	size_t width = 0;
	for (size_t i = 0; i < gd_n_rules; i++)
		if (strlen(gd_rules[i].name) > width)
			width = strlen(gd_rules[i].name);
	for (size_t i = 0; i < gd_n_rules; i++)
		fprintf(out, "%-*s  %-7s  %s\n", (int)width, gd_rules[i].name,
		        gd_severity_name(gd_rules[i].level), gd_rules[i].desc);
}

size_t gd_check_rule_count(void)
{
	return gd_n_rules;
}

void gd_check_rule_infos(struct gd_rule_info *out)
{
	for (size_t i = 0; i < gd_n_rules; i++) {
		out[i].name = gd_rules[i].name;
		out[i].description = gd_rules[i].desc;
		out[i].sev = gd_rules[i].level;
	}
}

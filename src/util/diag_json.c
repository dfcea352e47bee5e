/* SPDX-License-Identifier: MIT */
#include "util/diag_json.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

void gd_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void json_rule(FILE *out, const char *rule)
{
	if (rule)
		gd_json_string(out, rule);
	else
		fputs("null", out);
}

/* Writes "diagnostics": [...], "errors": N, "warnings": N (no braces), each line indented @ind. */
static void json_diags(FILE *out, const struct gd_diags *d, const char *ind)
{
	fputs("\"diagnostics\": [", out);
	for (size_t i = 0; i < d->n; i++) {
		const struct gd_diag *g = &d->v[i];
		fprintf(out, "%s\n%s  {", i ? "," : "", ind);
		fputs("\"severity\": ", out);
		gd_json_string(out, gd_severity_name(g->sev));
		fputs(", \"rule\": ", out);
		json_rule(out, g->rule);
		fputs(", \"file\": ", out);
		gd_json_string(out, g->loc.file);
		if (g->loc.line)
			fprintf(out, ", \"line\": %u, \"column\": %u", (unsigned)g->loc.line,
			        (unsigned)g->loc.col);
		else if (g->loc.where) {
			fputs(", \"where\": ", out);
			gd_json_string(out, g->loc.where);
		} else if (g->loc.has_offset)
			fprintf(out, ", \"offset\": %u", (unsigned)g->loc.offset);
		fputs(", \"message\": ", out);
		gd_json_string(out, g->msg);
		fputc('}', out);
	}
	fprintf(out, "%s%s], \"errors\": %zu, \"warnings\": %zu", d->n ? "\n" : "", d->n ? ind : "",
	        d->errors, d->warnings);
}

void gd_diags_print_json(FILE *out, const struct gd_diags *d)
{
	fputc('{', out);
	json_diags(out, d, "");
	fputs("}\n", out);
}

void gd_diags_print_json_each(FILE *out, const struct gd_diag_input *in, size_t n)
{
	size_t errors = 0, warnings = 0;
	fputs("{\"inputs\": [", out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n  {\"input\": " : "\n  {\"input\": ", out);
		gd_json_string(out, in[i].label);
		fprintf(out, ", \"status\": %d, ", in[i].status);
		json_diags(out, &in[i].d, "  ");
		fputc('}', out);
		errors += in[i].d.errors;
		warnings += in[i].d.warnings;
	}
	fprintf(out, "%s], \"errors\": %zu, \"warnings\": %zu}\n", n ? "\n" : "", errors, warnings);
}

static const char *sarif_level(enum gd_severity sev)
{
	return sev == GD_SEV_ERROR ? "error" : sev == GD_SEV_WARNING ? "warning" : "note";
}

static void sarif_location(FILE *out, const struct gd_loc *loc)
{
	if (!loc->file)
		return;
	fputs(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
	gd_json_string(out, loc->file);
	fputc('}', out);
	if (loc->line)
		fprintf(out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}",
		        (unsigned)loc->line, (unsigned)(loc->col ? loc->col : 1));
	else if (loc->has_offset)
		fprintf(out, ", \"region\": {\"byteOffset\": %u}", (unsigned)loc->offset);
	fputc('}', out);
	if (loc->where) {
		fputs(", \"logicalLocations\": [{\"fullyQualifiedName\": ", out);
		gd_json_string(out, loc->where);
		fputs("}]", out);
	}
	fputs("}]", out);
}

/* The ruleId of @g in SARIF: its rule or tag, "input" for an untagged diagnostic. */
static const char *sarif_rule_id(const struct gd_diag *g)
{
	return g->rule ? g->rule : "input";
}

static bool in_catalogue(const char *id, const struct gd_rule_info *rules, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rules[i].name, id))
			return true;
	return false;
}

static void sarif_rule(FILE *out, bool first, const char *id, const char *desc,
                       enum gd_severity sev)
{
	fputs(first ? "\n    {\"id\": " : ",\n    {\"id\": ", out);
	gd_json_string(out, id);
	fputs(", \"shortDescription\": {\"text\": ", out);
	gd_json_string(out, desc);
	fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
	        sev == GD_SEV_OFF ? "none" : sarif_level(sev));
}

/* FNV-1a (64 bits) of @s and its NUL over @h. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : "");; p++) {
		h = (h ^ *p) * 0x100000001b3ull;
		if (!*p)
			return h;
	}
}

void gd_diags_print_sarif(FILE *out, const struct gd_diags *d, const struct gd_rule_info *rules,
                          size_t n_rules)
{
	fputs("{\"version\": \"2.1.0\", "
	      "\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", "
	      "\"runs\": [{\"tool\": {\"driver\": {\"name\": \"gicdesc\", \"version\": ",
	      out);
	gd_json_string(out, GICDESC_VERSION);
	fputs(", \"rules\": [", out);
	for (size_t i = 0; i < n_rules; i++)
		sarif_rule(out, i == 0, rules[i].name, rules[i].description, rules[i].sev);
	/* an id no catalogue has still gets its entry, once */
	for (size_t i = 0; i < d->n; i++) {
		const char *id = sarif_rule_id(&d->v[i]);
		bool seen = in_catalogue(id, rules, n_rules);
		for (size_t k = 0; k < i && !seen; k++)
			seen = !strcmp(sarif_rule_id(&d->v[k]), id);
		if (!seen)
			sarif_rule(out, n_rules == 0 && i == 0, id, "reported by gicdesc",
			           d->v[i].sev);
	}
	fputs("]}}, \"results\": [", out);
	for (size_t i = 0; i < d->n; i++) {
		const struct gd_diag *g = &d->v[i];
		fputs(i ? ",\n    {\"ruleId\": " : "\n    {\"ruleId\": ", out);
		gd_json_string(out, sarif_rule_id(g));
		fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", sarif_level(g->sev));
		gd_json_string(out, g->msg);
		fputc('}', out);
		sarif_location(out, &g->loc);
		/*
		 * What stays the same when lines move: the rule, the file, the node
		 * path or property, and the message (names, IDs), not line numbers
		 * or byte offsets.
		 */
		uint64_t h = 0xcbf29ce484222325ull;
		h = fnv1a(fnv1a(fnv1a(fnv1a(h, sarif_rule_id(g)), g->loc.file), g->loc.where),
		          g->msg);
		fprintf(out,
		        ", \"partialFingerprints\": {\"gicdescFinding/v1\": \"%016" PRIx64 "\"}}",
		        h);
	}
	fputs("]}]}\n", out);
}

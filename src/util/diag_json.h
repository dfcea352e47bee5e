/* SPDX-License-Identifier: MIT */
/*
 * diag_json.h - machine-readable forms of a diagnostics list, for CI:
 * plain JSON, and SARIF 2.1.0 (OASIS Static Analysis Results Interchange
 * Format, §3) with the rule catalogue in tool.driver.rules.
 *
 * Locations: YAML -> region.startLine/startColumn; DTB -> a logical location
 * whose fullyQualifiedName is the node path (and property); ACPI ->
 * region.byteOffset. Output is deterministic (insertion order).
 */
#ifndef GD_UTIL_DIAG_JSON_H
#define GD_UTIL_DIAG_JSON_H

#include <stdio.h>

#include "util/diag.h"

/* A rule as the SARIF catalogue lists it. */
struct gd_rule_info {
	const char *name;        /* kebab-case id */
	const char *description; /* one line, citing its source */
	enum gd_severity sev;    /* default severity */
};

/* Writes @s as a JSON string literal (quotes and escapes included). */
void gd_json_string(FILE *out, const char *s);

/*
 * Writes {"diagnostics": [...], "errors": N, "warnings": N} with one object
 * per diagnostic: severity, rule (or null), file, line/column or where or
 * offset, message.
 */
void gd_diags_print_json(FILE *out, const struct gd_diags *d);

/*
 * One input of `check --each`: its label (the file, or the ACPI tables of one
 * folder joined by '+'), exit status (0, 1 errors, 2 unreadable) and its
 * diagnostics (a view: not owned).
 */
struct gd_diag_input {
	const char *label;
	int status;
	struct gd_diags d;
};

/*
 * Writes {"inputs": [{"input": L, "status": S, "diagnostics": [...],
 * "errors": N, "warnings": N}, ...], "errors": N, "warnings": N} for @n
 * inputs, the last two the totals.
 */
void gd_diags_print_json_each(FILE *out, const struct gd_diag_input *in, size_t n);

/* Writes one SARIF 2.1.0 log with one run of tool "gicdesc", @n_rules rules. */
void gd_diags_print_sarif(FILE *out, const struct gd_diags *d, const struct gd_rule_info *rules,
                          size_t n_rules);

#endif

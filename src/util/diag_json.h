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

/* The tags of diagnostics that are no rule of check (diag_tags.c), gd_n_diag_tags of them. */
extern const struct gd_rule_info gd_diag_tags[];
extern const size_t gd_n_diag_tags;

/*
 * Writes one SARIF 2.1.0 log with one run of tool "gicdesc": the @n_rules
 * rules of @rules, then any ruleId a result uses that they lack; a result
 * for every diagnostic, its ruleId its rule or tag ("input" when it has
 * none), its location (YAML: startLine/startColumn; DTB: the node path as a
 * logical location and the property's byte offset; ACPI: the byte offset in
 * the table), and partialFingerprints "gicdescFinding/v1": a 64-bit FNV-1a
 * hash of ruleId, file, node path and message (no line or offset, so that
 * it follows a finding across commits).
 */
void gd_diags_print_sarif(FILE *out, const struct gd_diags *d, const struct gd_rule_info *rules,
                          size_t n_rules);

#endif

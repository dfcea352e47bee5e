/* SPDX-License-Identifier: MIT */
/*
 * check.h - the rules of `gicdesc check`: a table of named checks over the
 * platform model and its resolved routes, in the manner of dtc's checks.c.
 *
 * Every rule has a stable kebab-case name (what the user types after -W, -E,
 * -Wno-), a default severity, a one-line description citing its source, and
 * may name prerequisite rules: when a prerequisite finds a problem, the rules
 * that need it are skipped and one note says so, instead of a cascade of
 * follow-on errors. Every message carries the rule name and the source
 * location of the object it is about (see util/diag.h).
 */
#ifndef GD_CHECK_CHECK_H
#define GD_CHECK_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/diag_json.h"

/* One severity override: rule @rule (index into the rule table) gets @sev. */
struct gd_check_override {
	size_t rule;
	enum gd_severity sev;
};

/*
 * Severity overrides in command-line order (the last one for a rule wins).
 * Zero-initialise; fill with gd_check_option(); free with gd_check_config_free().
 */
struct gd_check_config {
	struct gd_check_override *v;
	size_t n, cap;
	struct gd_arena arena;
	bool werror; /* -Werror: every warning, of a rule or a loader, is an error */
};

/*
 * Applies one severity option to @cfg. @opt is 'W' or 'E' and @arg its
 * argument, as dtc reads them:
 *   -W NAME      NAME reports as a warning
 *   -W no-NAME   NAME is off (the -Wno-NAME form, as getopt splits it)
 *   -E NAME      NAME reports as an error
 *   -E no-NAME   NAME reports as a warning (no longer an error)
 *   -W error     every warning is an error (@cfg->werror; the command applies
 *                it with gd_diags_warnings_as_errors()); -W no-error undoes it
 * Returns 0, or -1 after adding an error (no rule tag, no location) to @d
 * when NAME is not a rule or @opt is neither 'W' nor 'E'.
 */
int gd_check_option(struct gd_check_config *cfg, char opt, const char *arg, struct gd_diags *d);

/*
 * Turns off every rule that judges only what the output format family
 * @format ("dt": dts, dtsi, dtb; "iort"; "madt") cannot express, as if by
 * -Wno-NAME: for a generate that writes nothing of that family.
 */
void gd_check_off_for_format(struct gd_check_config *cfg, const char *format);

/* Frees the overrides of @cfg and zeroes it. */
void gd_check_config_free(struct gd_check_config *cfg);

/*
 * Runs every rule over @p and @routes and adds its findings to @d, in table
 * order. @routes are the routes of @p as gd_resolve() makes them (NULL is
 * read as no routes at all); @cfg may be NULL (default severities).
 * A rule set to GD_SEV_OFF still runs, silently, so that the rules that need
 * it are skipped when it fails. A platform with no GIC (gic_version 0, e.g.
 * a GICv2 DTB) runs no rule: its loader has said what was not modelled.
 * Returns the number of errors added to @d (0 = the platform passes).
 */
int gd_check_run(const struct gd_platform *p, const struct gd_routes *routes,
                 const struct gd_check_config *cfg, struct gd_diags *d);

/* One platform of a comparison: its model, routes and the label reports use. */
struct gd_check_input {
	const struct gd_platform *p;
	const struct gd_routes *routes;
	const char *label; /* e.g. "DTB board.dtb" */
};

/*
 * Compares the routes of @b with those of @a (rule "firmware-drift"): for
 * every source both describe, every input ID range on which they reach a
 * different ITS (by base address) or DeviceID, or on which one reaches an ITS
 * and the other does not; and every source one describes and the other does
 * not. Sources match by identity, not by name: root complexes by PCI segment,
 * SMMUv3 own MSIs by SMMU base, named components by ACPI or DT path.
 * Cost: O(r log r) in the routes. Returns the number of errors added to @d.
 */
int gd_check_compare(const struct gd_check_input *a, const struct gd_check_input *b,
                     const struct gd_check_config *cfg, struct gd_diags *d);

/*
 * Prints the rule table for `gicdesc check --list-rules`: one line per rule,
 * "NAME SEVERITY DESCRIPTION" in columns, in table order.
 */
void gd_check_list_rules(FILE *out);

/* Number of rules in the table. */
size_t gd_check_rule_count(void);

/*
 * Fills @out (gd_check_rule_count() entries) with the name, description and
 * default severity of every rule, in table order, for the SARIF catalogue.
 */
void gd_check_rule_infos(struct gd_rule_info *out);

/*
 * Waives, among the diagnostics d->v[from ..], every error and warning that
 * one of the @n waivers @w matches (gicdesc(5) WAIVERS): the same rule; a
 * node the finding names in its message, its DT node path, or its ACPI
 * table and byte offset (IORT+0x84); and, when the waiver gives IDs, an ID
 * or ID range of the message that meets them. A waived finding becomes a
 * note that gives the waiver's reason (gd_diag_waive()); the first waiver
 * that matches counts it (w[k].matched). Returns the number waived.
 */
size_t gd_check_waive(struct gd_waiver *w, size_t n, struct gd_diags *d, size_t from);

/*
 * Reports each of the @n waivers @w that matched nothing (warning) or names
 * no rule or tag (error), at the waiver, under tag waiver-unused.
 */
void gd_check_waivers_unused(const struct gd_waiver *w, size_t n, struct gd_diags *d);

#endif

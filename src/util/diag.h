/* SPDX-License-Identifier: MIT */
/*
 * diag.h - source locations and diagnostics shared by every loader, rule and
 * command (in the manner of dtc's check_msg(): one printer, one shape).
 *
 * Text form: "FILE:LINE:COL: error: message [rule]" for YAML input,
 * "FILE:/node/path:property: ..." for a DTB, "FILE:+0xOFFSET: ..." for an
 * ACPI table. The rule tag is omitted when a diagnostic has no rule.
 */
#ifndef GD_UTIL_DIAG_H
#define GD_UTIL_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Where an object came from. Exactly one form is used:
 *  - YAML: line and col (1-based) set, where NULL;
 *  - DTB: where = "/node/path" or "/node/path:property", line = 0;
 *  - ACPI: where = NULL, line = 0, has_offset = 1, offset = byte offset in file.
 * file may be NULL for objects made by the tool itself (defaults).
 */
struct gd_loc {
	const char *file;
	uint32_t line, col;
	const char *where;
	uint32_t offset;
	int has_offset;
};

/* Severity of a diagnostic; GD_SEV_OFF means a rule is disabled. */
enum gd_severity { GD_SEV_OFF = 0, GD_SEV_NOTE, GD_SEV_WARNING, GD_SEV_ERROR };

/*
 * One diagnostic. rule is a kebab-case rule name or NULL (a string that
 * outlives the list: a literal or the rule table's); msg, loc.file and
 * loc.where are owned by the list (one allocation at msg), so a diagnostic
 * outlives the platform it is about.
 */
struct gd_diag {
	enum gd_severity sev;
	const char *rule;
	struct gd_loc loc;
	char *msg;
};

/* A growable list of diagnostics, zero-initialised before use. */
struct gd_diags {
	struct gd_diag *v;
	size_t n, cap;
	size_t errors, warnings; /* counts by severity */
	/*
	 * Notes are neither formatted nor kept (check -q in text, which prints
	 * none): gd_diag_add() of a note does nothing. Set before the first add.
	 */
	bool drop_notes;
};

/*
 * Appends a diagnostic; @loc may be NULL (no location). @rule may be NULL.
 * The message is printf-formatted. A note is not appended when d->drop_notes. Never fails (exits 2
 * on out-of-memory).
 */
void gd_diag_add(struct gd_diags *d, enum gd_severity sev, const char *rule,
                 const struct gd_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* va_list form of gd_diag_add(). */
void gd_diag_vadd(struct gd_diags *d, enum gd_severity sev, const char *rule,
                  const struct gd_loc *loc, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/* Writes "FILE:LOCATION" for @loc into @buf (always NUL-terminated, truncated to @size). */
void gd_loc_format(const struct gd_loc *loc, char *buf, size_t size);

/* Prints every diagnostic of @d to @out in text form, one per line, in insertion order. */
void gd_diags_print(FILE *out, const struct gd_diags *d);

/* gd_diags_print() of the diagnostics of severity @min or worse (-q: GD_SEV_WARNING). */
void gd_diags_print_min(FILE *out, const struct gd_diags *d, enum gd_severity min);

/*
 * Makes d->v[@i] (an error or warning) a note "waived (@reason): MESSAGE",
 * and moves it out of d->errors or d->warnings.
 */
void gd_diag_waive(struct gd_diags *d, size_t i, const char *reason);

/*
 * -Werror: makes every warning of @d from index @from on an error, and
 * moves it from d->warnings to d->errors.
 */
void gd_diags_warnings_as_errors(struct gd_diags *d, size_t from);

/* Appends every diagnostic of @from to @to, in order, and leaves @from empty (zeroed). */
void gd_diags_move(struct gd_diags *to, struct gd_diags *from);

/* Returns "error", "warning", "note" or "off". */
const char *gd_severity_name(enum gd_severity sev);

/* Frees the messages and the array of @d and zeroes it. */
void gd_diags_free(struct gd_diags *d);

#endif

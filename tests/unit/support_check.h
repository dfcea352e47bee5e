/* SPDX-License-Identifier: MIT */
/* support_check.h - running the rules in unit tests and asserting what they found. */
#ifndef GD_TEST_CHECK_H
#define GD_TEST_CHECK_H

#include "check/check.h"

/*
 * Asserts that @d holds at least one diagnostic and that every diagnostic of
 * @d carries rule @rule (the set of rule names is exactly {@rule}), printing
 * @d first so a failure shows what was found.
 */
void support_expect_only(const struct gd_diags *d, const char *rule);

/* Asserts that some diagnostic of @d has exactly the message @msg. */
void support_expect_message(const struct gd_diags *d, const char *msg);

/* Adds a named component @name with no mappings to @p. */
struct gd_named_component *support_add_nc(struct gd_platform *p, const char *name);

#endif

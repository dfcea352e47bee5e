/* SPDX-License-Identifier: MIT */
/*
 * revisions.h - the table revision options of generate and check:
 * --iort-revision N (IORT 0, 3 = E.b, 5 = E.d, 6 = E.e) and --madt-revision N (3 to
 * 6), which override a description's acpi: section, so that check judges a
 * description as generate with the same options writes it.
 */
#ifndef GD_CLI_REVISIONS_H
#define GD_CLI_REVISIONS_H

#include <getopt.h>

#include "model/platform.h"

/* The revisions given; -1: not given. */
struct gd_revisions {
	int iort, madt;
};

#define GD_REVISIONS_INIT                                                                          \
	{                                                                                          \
		-1, -1                                                                             \
	}

/* getopt_long() codes of the two options (beyond any short option's). */
enum { GD_OPT_IORT_REVISION = 0x200, GD_OPT_MADT_REVISION };

/* getopt_long entries of --iort-revision and --madt-revision. */
#define GD_REVISION_LONG_OPTIONS                                                                   \
	{"iort-revision", required_argument, NULL, GD_OPT_IORT_REVISION},                          \
	{                                                                                          \
		"madt-revision", required_argument, NULL, GD_OPT_MADT_REVISION                     \
	}

/* Usage lines of the two options, for a command's help. */
extern const char gd_revisions_usage[];

/*
 * Takes option @c (GD_OPT_IORT_REVISION or GD_OPT_MADT_REVISION) with argument @arg into @r.
 * Returns 0, or -1 with a message on stderr for a revision gicdesc does not write.
 */
int gd_revision_option(struct gd_revisions *r, int c, const char *arg);

/* Sets the given revisions on description @p (its acpi: section's are overridden). */
void gd_revisions_apply(const struct gd_revisions *r, struct gd_platform *p);

#endif

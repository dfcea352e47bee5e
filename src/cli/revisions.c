/* SPDX-License-Identifier: MIT */
/* The table revision options of generate and check (revisions.h). */
#include "cli/revisions.h"

#include <stdio.h>
#include <stdlib.h>

const char gd_revisions_usage[] =
    "      --iort-revision N  IORT table revision: 0, 3 (E.b), 5 (E.d), 6 (E.e) or 7 (E.g)\n"
    "      --madt-revision N  MADT revision: 3, 4, 5, 6 or 7\n";

int gd_revision_option(struct gd_revisions *r, int c, const char *arg)
{
	static const int iort[] = {0, 3, 5, 6, 7}, madt[] = {3, 4, 5, 6, 7};
	const int *allowed = c == GD_OPT_IORT_REVISION ? iort : madt;
	size_t n = 5;
	char *end;
	long v = strtol(arg, &end, 10);
	for (size_t i = 0; *arg && !*end && i < n; i++)
		if (v == allowed[i]) {
			*(c == GD_OPT_IORT_REVISION ? &r->iort : &r->madt) = (int)v;
			return 0;
		}
	fprintf(stderr, "gicdesc: error: --%s-revision: unsupported revision '%s'\n",
	        c == GD_OPT_IORT_REVISION ? "iort" : "madt", arg);
	return -1;
}

void gd_revisions_apply(const struct gd_revisions *r, struct gd_platform *p)
{
	if (r->iort >= 0)
		p->acpi.iort_revision = (uint8_t)r->iort;
	if (r->madt >= 0)
		p->acpi.madt_revision = (uint8_t)r->madt;
}

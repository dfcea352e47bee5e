/* SPDX-License-Identifier: MIT */
/* Placeholder until the resolver lands; delete this file with it. */
#include "resolve/resolve.h"

#include <string.h>

int gd_resolve(const struct gd_platform *p, struct gd_routes *out)
{
	(void)p;
	memset(out, 0, sizeof(*out));
	return 0;
}

void gd_routes_free(struct gd_routes *r)
{
	gd_arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

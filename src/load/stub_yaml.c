/* SPDX-License-Identifier: MIT */
/* Placeholder until the YAML front end lands; delete this file with it. */
#include "load/load.h"

int gd_load_yaml(const char *path, struct gd_platform *p, struct gd_diags *d)
{
	struct gd_loc loc = {.file = path};
	(void)p;
	gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "YAML input is not implemented yet");
	return 2;
}

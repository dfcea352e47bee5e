/* SPDX-License-Identifier: MIT */
/* Harness yaml: the input is a YAML description (gd_load_yaml_mem()). */
#include "fuzz_run.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gd_platform p = {0};
	struct gd_diags d = {0};
	int status = gd_load_yaml_mem("fuzz.yaml", (const char *)data, size, &p, &d);
	fuzz_run(&p, status, &d);
	gd_diags_free(&d);
	gd_platform_free(&p);
	return 0;
}

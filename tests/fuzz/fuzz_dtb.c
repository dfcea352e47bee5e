/* SPDX-License-Identifier: MIT */
/* Harness dtb: the input is a DTB (gd_load_dtb_mem(), default facts). */
#include "fuzz_run.h"
#include "load/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gd_platform p = {0};
	struct gd_diags d = {0};
	int status = gd_load_dtb_mem("fuzz.dtb", data, size, NULL, &p, &d);
	fuzz_run(&p, status, &d);
	gd_diags_free(&d);
	gd_platform_free(&p);
	return 0;
}

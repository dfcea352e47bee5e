/* SPDX-License-Identifier: MIT */
/*
 * Harness base: the input is the base DTB of `generate --base` (checked
 * with gd_dtb_check(), as generate does); the description put into it is
 * always examples/qemu-virt/qemu-virt.yaml, loaded, resolved and checked
 * once by LLVMFuzzerInitialize(). Every format is emitted through one emit
 * context with the base, as generate does.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check/check.h"
#include "fuzz_run.h"
#include "load/load.h"

static struct gd_platform desc;
static struct gd_routes desc_routes;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char path[] = GICDESC_SOURCE_DIR "/examples/qemu-virt/qemu-virt.yaml";
	struct gd_diags d = {0};
	(void)argc;
	(void)argv;
	if (gd_load_yaml(path, &desc, &d) != 0 || gd_resolve(&desc, &desc_routes) != 0 ||
	    gd_check_run(&desc, &desc_routes, NULL, &d) != 0) {
		gd_diags_print(stderr, &d);
		fprintf(stderr, "fuzz_base: %s does not load cleanly\n", path);
		abort();
	}
	gd_diags_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gd_dt_base base = {.fdt = data, .size = size, .file = "fuzz-base.dtb"};
	struct gd_diags d = {0};
	if (gd_dtb_check(base.file, data, size, &d) == 0)
		fuzz_emit(&desc, &desc_routes, &base, &d);
	fuzz_print(&d);
	gd_diags_free(&d);
	return 0;
}

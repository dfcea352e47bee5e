/* SPDX-License-Identifier: MIT */
/*
 * The DT back end on the QEMU virt fixtures, checked by tools nobody here
 * wrote: dtc compiles our DTS without a warning into the very tree of our DTB,
 * and tests/cli/dt_facts.py finds the facts of QEMU 7.2's own DTB in ours
 * (the SMMUv3 machine has no YAML example, so this is where it is compared);
 * dt-validate with the bindings of Linux 6.1 (tools/dt-bindings-6.1) reports
 * nothing. Needs device-tree-compiler, python3-libfdt, dt-schema and, for
 * dt-validate only, linux-source-6.1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit/emit.h"
#include "support_fixtures.h"
#include "support_routes.h"

static void write_file(const char *dir, const char *name, const struct gd_buf *b)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
	fclose(f);
}

/* Runs a shell command in @dir; fails the test unless it succeeds and prints nothing. */
static void run_quiet(const char *dir, const char *cmd)
{
	char line[2048];
	snprintf(line, sizeof(line), "cd '%s' && { %s; } > out.txt 2>&1", dir, cmd);
	int status = system(line);
	snprintf(line, sizeof(line), "%s/out.txt", dir);
	struct stat st;
	if (status != 0 || stat(line, &st) != 0 || st.st_size != 0) {
		snprintf(line, sizeof(line), "cat '%s/out.txt'", dir);
		if (system(line) != 0)
			fprintf(stderr, "(no output)\n");
		fail_msg("failed: %s", cmd);
	}
}

static void check_fixture(void (*fixture)(struct gd_platform *), const char *qemu_dir)
{
	struct gd_platform p;
	struct gd_routes routes = {0};
	struct gd_diags d = {0};
	struct gd_buf dts = {0}, dtb = {0};
	char dir[] = "/tmp/gd-dt-tools-XXXXXX", cmd[1024];

	fixture(&p);
	if (p.n_smmus)
		support_routes_qemu_virt_smmuv3(&p, &routes);
	else
		support_routes_qemu_virt(&p, &routes);
	struct gd_emit_ctx ctx = {.p = &p, .routes = &routes, .diags = &d};
	assert_int_equal(gd_emit_dts(&ctx, &dts), 0);
	assert_int_equal(gd_emit_dtb(&ctx, &dtb), 0);
	gd_emit_ctx_free(&ctx);
	assert_non_null(mkdtemp(dir));
	write_file(dir, "ours.dts", &dts);
	write_file(dir, "ours.dtb", &dtb);

	run_quiet(dir, "dtc -I dts -O dtb -o dtc.dtb ours.dts");
	run_quiet(dir, "dtc -I dtb -O dts -o ours.txt ours.dtb");
	run_quiet(dir, "dtc -I dtb -O dts -o dtc.txt dtc.dtb && diff dtc.txt ours.txt");
	snprintf(cmd, sizeof(cmd),
	         "/usr/bin/python3 %s/tests/cli/dt_facts.py ours.dtb > ours.facts && "
	         "/usr/bin/python3 %s/tests/cli/dt_facts.py %s/tests/data/qemu-7.2/%s/virt.dtb "
	         "> qemu.facts && diff -u qemu.facts ours.facts",
	         GICDESC_SOURCE_DIR, GICDESC_SOURCE_DIR, GICDESC_SOURCE_DIR, qemu_dir);
	run_quiet(dir, cmd);

	/* dt-validate against the bindings of Linux 6.1, when linux-source-6.1 is installed. */
	snprintf(cmd, sizeof(cmd), "cd '%s' && %s/tools/dt-bindings-6.1 > schema.txt", dir,
	         GICDESC_SOURCE_DIR);
	int status = system(cmd);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		fprintf(stderr, "dt-validate skipped: linux-source-6.1 is not installed\n");
	} else {
		assert_int_equal(status, 0);
		run_quiet(dir, "dt-validate -s \"$(cat schema.txt)\" ours.dtb");
	}

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	gd_buf_free(&dts);
	gd_buf_free(&dtb);
	gd_diags_free(&d);
	gd_routes_free(&routes);
	gd_platform_free(&p);
}

static void qemu_virt_matches_qemu(void **state)
{
	(void)state;
	check_fixture(fixture_qemu_virt, "virt-gicv3-its-smp4");
}

static void qemu_virt_smmuv3_matches_qemu(void **state)
{
	(void)state;
	check_fixture(fixture_qemu_virt_smmuv3, "virt-gicv3-its-smmuv3-smp2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_virt_matches_qemu),
	    cmocka_unit_test(qemu_virt_smmuv3_matches_qemu),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

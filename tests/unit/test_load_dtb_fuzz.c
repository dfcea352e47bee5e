/* SPDX-License-Identifier: MIT */
/*
 * gd_load_dtb() on QEMU 7.2's DTBs truncated and mutated (deterministic
 * seeds): every run must return 0, 1 or 2 without a crash or a sanitizer
 * report, and a truncated blob must be refused as unreadable (2).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libfdt.h>

#include "load/load.h"

#define QEMU_DATA GICDESC_SOURCE_DIR "/tests/data/qemu-7.2/"

/* Mutations per DTB. */
#define N_MUTATIONS 1500

static uint8_t *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *b = malloc((size_t)len);
	assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return b;
}

/* Writes @n bytes of @b to @path and loads it; returns the loader's status. */
static int load_bytes(const char *path, const uint8_t *b, size_t n, int *errors)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	fclose(f);
	struct gd_platform p = {0};
	struct gd_diags d = {0};
	int r = gd_load_dtb(path, NULL, &p, &d);
	*errors = (int)d.errors;
	gd_platform_free(&p);
	gd_diags_free(&d);
	return r;
}

static char tmp[] = "/tmp/gd-dtb-fuzz-XXXXXX";

static int setup(void **state)
{
	(void)state;
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(tmp);
	return 0;
}

static void truncated(void **state)
{
	(void)state;
	size_t n;
	uint8_t *b = slurp(QEMU_DATA "virt-gicv3-its-smmuv3-smp2/virt.dtb", &n);
	for (size_t len = 0; len < n; len += 37) {
		int errors;
		assert_int_equal(load_bytes(tmp, b, len, &errors), 2);
		assert_true(errors > 0);
	}
	free(b);
}

/* xorshift32: a fixed sequence for a fixed seed. */
static uint32_t next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Where the property values of a blob lie: byte offsets and lengths. */
struct values {
	size_t at[4096], len[4096];
	size_t n;
};

static void find_values(const uint8_t *b, struct values *v)
{
	int node, prop;
	v->n = 0;
	for (node = 0; node >= 0; node = fdt_next_node(b, node, NULL))
		fdt_for_each_property_offset(prop, b, node)
		{
			int len;
			const void *val = fdt_getprop_by_offset(b, prop, NULL, &len);
			if (val && len >= 4 && v->n < 4096) {
				v->at[v->n] = (size_t)((const uint8_t *)val - b);
				v->len[v->n++] = (size_t)len;
			}
		}
	assert_true(v->n > 100);
}

/*
 * Mutates @b: one time in eight flips 1..8 bits anywhere (the structure);
 * otherwise, in the value of a property picked at random, flips one bit or
 * writes a value that stresses cell counts, lengths and phandles (0, 1, 3,
 * 4, 5, 0x8000_0000, ~0, QEMU's phandles) into an aligned cell.
 */
static void mutate(uint8_t *b, size_t n, const struct values *v, uint32_t *s)
{
	static const uint32_t cell[] = {0,           1,           3,      4,      5,
	                                0x80000000u, 0xffffffffu, 0x8003, 0x8004, 0x8005};
	if (next(s) % 8 == 0) {
		for (uint32_t k = next(s) % 8 + 1; k; k--)
			b[next(s) % n] ^= (uint8_t)(1u << (next(s) % 8));
		return;
	}
	size_t i = next(s) % v->n;
	if (next(s) & 1) {
		b[v->at[i] + next(s) % v->len[i]] ^= (uint8_t)(1u << (next(s) % 8));
		return;
	}
	size_t at = v->at[i] + (next(s) % (v->len[i] / 4)) * 4;
	uint32_t x = cell[next(s) % (sizeof(cell) / sizeof(cell[0]))];
	b[at] = (uint8_t)(x >> 24);
	b[at + 1] = (uint8_t)(x >> 16);
	b[at + 2] = (uint8_t)(x >> 8);
	b[at + 3] = (uint8_t)x;
}

static void mutated(const char *file, uint32_t seed)
{
	size_t n;
	uint8_t *orig = slurp(file, &n);
	uint8_t *b = malloc(n);
	uint32_t s = seed;
	struct values *v = malloc(sizeof(*v));
	find_values(orig, v);
	int counts[3] = {0, 0, 0};
	for (int i = 0; i < N_MUTATIONS; i++) {
		int errors;
		memcpy(b, orig, n);
		for (uint32_t k = next(&s) % 2 + 1; k; k--)
			mutate(b, n, v, &s);
		int r = load_bytes(tmp, b, n, &errors);
		assert_true(r >= 0 && r <= 2);
		assert_true(r == 0 || errors > 0);
		counts[r]++;
	}
	print_message("0: %d, 1: %d, 2: %d\n", counts[0], counts[1], counts[2]);
	/* Most mutations hit property values, which pass fdt_check_full(). */
	assert_true(counts[0] + counts[1] > N_MUTATIONS / 2);
	free(v);
	free(b);
	free(orig);
}

static void mutated_smmuv3(void **state)
{
	(void)state;
	mutated(QEMU_DATA "virt-gicv3-its-smmuv3-smp2/virt.dtb", 0x9e3779b9u);
}

static void mutated_gicv4(void **state)
{
	(void)state;
	mutated(QEMU_DATA "virt-gicv4-its-smp2/virt.dtb", 12345u);
}

/* GICv2 (arm,gic.yaml) with a GICv2m frame and a PCI host whose msi-map names it. */
static void mutated_gicv2(void **state)
{
	(void)state;
	mutated(QEMU_DATA "virt-gicv2-v2m-smp2/virt.dtb", 0x5eed2u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(truncated),
	    cmocka_unit_test(mutated_smmuv3),
	    cmocka_unit_test(mutated_gicv4),
	    cmocka_unit_test(mutated_gicv2),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

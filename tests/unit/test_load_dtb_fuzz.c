/* SPDX-License-Identifier: MIT */
/*
 * gd_load_dtb() on QEMU 7.2's DTBs truncated and mutated (deterministic
 * seeds): every run must return 0, 1 or 2 without a crash or a sanitizer
 * report, and a truncated blob or one with a bad header must be refused as
 * unreadable (2).
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

/* Sets the big-endian cell at byte @off of @b to @v. */
static void set_cell(uint8_t *b, size_t off, uint32_t v)
{
	b[off] = (uint8_t)(v >> 24);
	b[off + 1] = (uint8_t)(v >> 16);
	b[off + 2] = (uint8_t)(v >> 8);
	b[off + 3] = (uint8_t)v;
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
	set_cell(b, at, cell[next(s) % (sizeof(cell) / sizeof(cell[0]))]);
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

/*
 * A header libfdt 1.6.1's fdt_check_full() would crash on (version 15: it
 * dereferences the NULL name of the root) or not refuse (misaligned blocks)
 * is refused with 2 and one error at the field's offset (DTSpec v0.4 §5.2:
 * magic 0x00, totalsize 0x04, off_dt_struct 0x08, off_dt_strings 0x0c,
 * off_mem_rsvmap 0x10, version 0x14, last_comp_version 0x18,
 * size_dt_strings 0x20, size_dt_struct 0x24); versions 16 and 17 load.
 */
static void bad_header(void **state)
{
	(void)state;
	static const struct {
		size_t off;   /* field changed */
		uint32_t v;   /* its value */
		size_t where; /* offset of the error; 1: none (loads) */
	} cases[] = {
	    {0x00, 0xd00dfeee, 0x00},
	    {0x04, 7939, 0x04},
	    {0x04, 39, 0x04},
	    {0x08, 0x3a, 0x08},
	    {0x08, 0x24, 0x08},
	    {0x0c, 7938, 0x0c},
	    {0x10, 0x2c, 0x10},
	    {0x10, 7930, 0x10},
	    {0x14, 15, 0x14},
	    {0x14, 1, 0x14},
	    {0x18, 18, 0x18},
	    {0x20, 0xffffffff, 0x0c},
	    {0x24, 0xfffffff0, 0x08},
	    {0x24, 0xfffffff0, 1}, /* ignored by version 16 */
	    {0x14, 16, 1},
	};
	size_t n;
	uint8_t *orig = slurp(QEMU_DATA "virt-gicv3-its-smp4/virt.dtb", &n);
	uint8_t *b = malloc(n);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memcpy(b, orig, n);
		set_cell(b, cases[i].off, cases[i].v);
		if (cases[i].where == 1 && cases[i].off != 0x14)
			set_cell(b, 0x14, 16);
		struct gd_platform p = {0};
		struct gd_diags d = {0};
		int r = gd_load_dtb_mem("h.dtb", b, n, NULL, &p, &d);
		if (cases[i].where == 1) {
			assert_int_equal(r, 0);
		} else {
			assert_int_equal(r, 2);
			assert_int_equal(d.n, 1);
			assert_true(d.v[0].loc.has_offset);
			assert_int_equal(d.v[0].loc.offset, cases[i].where);
		}
		gd_platform_free(&p);
		gd_diags_free(&d);
	}
	free(b);
	free(orig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(truncated),     cmocka_unit_test(mutated_smmuv3),
	    cmocka_unit_test(mutated_gicv4), cmocka_unit_test(mutated_gicv2),
	    cmocka_unit_test(bad_header),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

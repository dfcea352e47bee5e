/* SPDX-License-Identifier: MIT */
/* Unit tests of src/util: arena, buffer, diagnostics, all-or-nothing output, depfiles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/depfile.h"
#include "util/diag_json.h"
#include "util/namemap.h"
#include "util/outset.h"

static void arena_push_keeps_elements(void **state)
{
	(void)state;
	struct gd_arena a = {0};
	uint32_t *v = NULL;
	size_t n = 0, cap = 0;
	for (uint32_t i = 0; i < 1000; i++)
		*GD_ARRAY_PUSH(&a, v, n, cap) = i * 3;
	assert_int_equal(n, 1000);
	for (uint32_t i = 0; i < 1000; i++)
		assert_int_equal(v[i], i * 3);
	assert_string_equal(gd_arena_strndup(&a, "abcdef", 3), "abc");
	gd_arena_free(&a);
}

static void buf_little_endian(void **state)
{
	(void)state;
	struct gd_buf b = {0};
	gd_buf_put_le(&b, 0x0102030405060708ull, 8);
	gd_buf_put_le(&b, 0xA1B2, 2);
	const uint8_t want[] = {8, 7, 6, 5, 4, 3, 2, 1, 0xB2, 0xA1};
	assert_int_equal(b.len, sizeof(want));
	assert_memory_equal(b.data, want, sizeof(want));
	gd_buf_free(&b);
}

static void diag_text_form(void **state)
{
	(void)state;
	struct gd_diags d = {0};
	struct gd_loc yaml = {.file = "a.yaml", .line = 3, .col = 7};
	struct gd_loc dtb = {.file = "b.dtb", .where = "/intc@8000000:reg"};
	struct gd_loc acpi = {.file = "IORT.dat", .has_offset = 1, .offset = 0x48};
	gd_diag_add(&d, GD_SEV_ERROR, "id-map-overlap", &yaml, "two mappings overlap");
	gd_diag_add(&d, GD_SEV_WARNING, NULL, &dtb, "odd");
	gd_diag_add(&d, GD_SEV_ERROR, "x", &acpi, "bad %d", 5);
	gd_diag_add(&d, GD_SEV_OFF, "y", &acpi, "hidden");
	assert_int_equal(d.n, 3);
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.warnings, 1);

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	gd_diags_print(f, &d);
	fclose(f);
	assert_string_equal(text, "a.yaml:3:7: error: two mappings overlap [id-map-overlap]\n"
	                          "b.dtb:/intc@8000000:reg: warning: odd\n"
	                          "IORT.dat:+0x48: error: bad 5 [x]\n");
	free(text);
	gd_diags_free(&d);
}

static void outset_all_or_nothing(void **state)
{
	(void)state;
	char dir[] = "/tmp/gd-outset-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct gd_outset s = {0};
	struct gd_diags d = {0};
	gd_buf_printf(gd_outset_add(&s, "a.txt"), "hello %d\n", 1);
	gd_outset_add(&s, "sub/b.txt"); /* subfolder does not exist: write fails */
	assert_int_equal(gd_outset_commit(&s, dir, &d), -1);
	assert_true(d.errors > 0);

	char path[256];
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	struct stat st;
	assert_int_not_equal(stat(path, &st), 0); /* nothing half-written */
	gd_outset_free(&s);

	gd_buf_printf(gd_outset_add(&s, "a.txt"), "hello\n");
	assert_int_equal(gd_outset_commit(&s, dir, &d), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 6);
	gd_outset_free(&s);

	/* A final name taken by a directory: refused before any rename. */
	char sub[300];
	snprintf(sub, sizeof(sub), "%s/c.txt", dir);
	assert_int_equal(mkdir(sub, 0777), 0);
	gd_buf_printf(gd_outset_add(&s, "a.txt"), "changed\n");
	gd_outset_add(&s, "c.txt");
	assert_int_equal(gd_outset_commit(&s, dir, &d), -1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 6); /* a.txt untouched */
	rmdir(sub);
	unlink(path);
	rmdir(dir);
	gd_outset_free(&s);
	gd_diags_free(&d);
}

/*
 * Staged outputs: written to their temporaries as they are made (a large
 * one while it fills), renamed with the set at the commit, and gone with
 * the folder staging made when the set is freed without a commit.
 */
static void outset_staged(void **state)
{
	(void)state;
	char top[] = "/tmp/gd-outset-XXXXXX", dir[64], path[128], tmp[160];
	assert_non_null(mkdtemp(top));
	snprintf(dir, sizeof(dir), "%s/new", top);
	snprintf(path, sizeof(path), "%s/big.txt", dir);
	snprintf(tmp, sizeof(tmp), "%s/.big.txt.tmp-%ld", dir, (long)getpid());
	struct gd_outset s = {0};
	struct gd_diags d = {0};
	struct stat st;

	gd_outset_add(&s, "big.txt");
	gd_outset_add(&s, "small.txt");
	struct gd_buf *b = gd_outset_stage_begin(&s, 0, dir, true);
	for (unsigned i = 0; i < 100000; i++)
		gd_buf_printf(b, "line %u\n", i);
	assert_true(b->len < 2 * GD_BUF_SINK_CHUNK); /* the rest is in the file already */
	gd_outset_stage_end(&s, 0);
	assert_int_equal(stat(tmp, &st), 0);
	size_t size = gd_output_size(&s.v[0]);
	assert_int_equal((size_t)st.st_size, size);
	assert_int_not_equal(stat(path, &st), 0);
	gd_outset_free(&s); /* no commit: the temporary and the folder go */
	assert_int_not_equal(stat(tmp, &st), 0);
	assert_int_not_equal(stat(dir, &st), 0);

	gd_outset_add(&s, "big.txt");
	gd_outset_add(&s, "small.txt");
	b = gd_outset_stage_begin(&s, 0, dir, true);
	for (unsigned i = 0; i < 100000; i++)
		gd_buf_printf(b, "line %u\n", i);
	gd_outset_stage_end(&s, 0);
	gd_buf_printf(&s.v[1].content, "small\n"); /* kept in memory, written by the commit */
	assert_int_equal(gd_outset_commit(&s, dir, &d), 0);
	gd_outset_free(&s);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal((size_t)st.st_size, size);
	assert_int_not_equal(stat(tmp, &st), 0);
	snprintf(tmp, sizeof(tmp), "%s/small.txt", dir);
	assert_int_equal(stat(tmp, &st), 0);
	assert_int_equal(st.st_size, 6);
	unlink(tmp);
	unlink(path);
	rmdir(dir);
	rmdir(top);
	gd_diags_free(&d);
}

/* Prints @d as JSON or SARIF into a memory stream and returns the text (caller frees). */
static char *capture_json(const struct gd_diags *d, int sarif)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	static const struct gd_rule_info rules[] = {
	    {"id-map-overlap", "two ID mappings of one node overlap", GD_SEV_ERROR},
	};
	if (sarif)
		gd_diags_print_sarif(f, d, rules, 1);
	else
		gd_diags_print_json(f, d);
	fclose(f);
	return text;
}

/* An output at a path of its own is written with the set, or not at all. */
static void outset_add_path_with_the_set(void **state)
{
	(void)state;
	char dir[] = "/tmp/gd-outset-XXXXXX", other[] = "/tmp/gd-outset-XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_non_null(mkdtemp(other));
	char at[300], path[300];
	snprintf(at, sizeof(at), "%s/x.d", other);
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	struct gd_outset s = {0};
	struct gd_diags d = {0};
	struct stat st;

	gd_buf_printf(gd_outset_add(&s, "a.txt"), "a\n");
	gd_outset_add(&s, "sub/b.txt"); /* fails: nothing of the set is written */
	gd_buf_printf(gd_outset_add_path(&s, at), "x\n");
	assert_int_equal(gd_outset_commit(&s, dir, &d), -1);
	assert_int_not_equal(stat(at, &st), 0);
	gd_outset_free(&s);

	gd_buf_printf(gd_outset_add(&s, "a.txt"), "a\n");
	gd_buf_printf(gd_outset_add_path(&s, at), "x\n");
	assert_string_equal(s.v[1].dir, other);
	assert_string_equal(s.v[1].name, "x.d");
	assert_int_equal(gd_outset_commit(&s, dir, &d), 0);
	assert_int_equal(stat(at, &st), 0);
	assert_int_equal(stat(path, &st), 0);
	gd_outset_free(&s);
	gd_outset_add_path(&s, "plain.d");
	gd_outset_add_path(&s, "/top.d");
	assert_string_equal(s.v[0].dir, ".");
	assert_string_equal(s.v[1].dir, "/");
	gd_outset_free(&s);
	gd_diags_free(&d);
	unlink(at);
	unlink(path);
	rmdir(dir);
	rmdir(other);
}

/* Hand-written make escapes (GNU make manual 4.4.2, gcc's mkdeps.c): space, tab, #, $. */
static void depfile_escapes(void **state)
{
	(void)state;
	struct gd_outset s = {0};
	struct gd_buf b = {0};
	gd_outset_add(&s, "a b.dtb");
	gd_outset_add_path(&s, "f/iort.aml");
	const char *const deps[] = {"x\\ y#1$.yaml", NULL, "tab\tz"};
	assert_int_equal(gd_depfile_write(&b, "out", s.v, s.n, deps, 3), 0);
	gd_buf_append(&b, "", 1);
	assert_string_equal((const char *)b.data,
	                    "out/a\\ b.dtb f/iort.aml: x\\\\\\ y\\#1$$.yaml tab\\\tz\n");
	const char *const bad[] = {"two\nlines"};
	assert_int_equal(gd_depfile_write(&b, "out", s.v, s.n, bad, 1), -1);
	gd_buf_free(&b);
	gd_outset_free(&s);
}

/* (owner, name) keys: one value each, the first kept; owners apart; past several growths. */
static void namemap_keys(void **state)
{
	(void)state;
	static char names[1000][8];
	int a, b;
	struct gd_namemap m = {0};
	assert_null(gd_namemap_get(&m, NULL, "cpu0"));
	for (int i = 0; i < 1000; i++) {
		snprintf(names[i], sizeof(names[i]), "cpu%d", i);
		assert_null(gd_namemap_add(&m, &a, names[i], names[i]));
	}
	assert_int_equal(m.n, 1000);
	assert_ptr_equal(gd_namemap_add(&m, &a, "cpu7", &b), names[7]);
	assert_ptr_equal(gd_namemap_get(&m, &a, "cpu7"), names[7]);
	assert_null(gd_namemap_get(&m, &b, "cpu7"));
	assert_null(gd_namemap_add(&m, &b, "cpu7", &b));
	assert_ptr_equal(gd_namemap_get(&m, &b, "cpu7"), &b);
	assert_ptr_equal(gd_namemap_get(&m, &a, "cpu999"), names[999]);
	assert_null(gd_namemap_get(&m, &a, "cpu1000"));
	gd_namemap_free(&m);
	assert_int_equal(m.cap, 0);
}

static void diag_json_forms(void **state)
{
	(void)state;
	struct gd_diags d = {0};
	struct gd_loc yaml = {.file = "a\"b.yaml", .line = 3, .col = 7};
	struct gd_loc acpi = {.file = "IORT.dat", .has_offset = 1, .offset = 0x48};
	gd_diag_add(&d, GD_SEV_ERROR, "id-map-overlap", &yaml, "tab\there\n");
	gd_diag_add(&d, GD_SEV_WARNING, NULL, &acpi, "ctl\x01");

	char *json = capture_json(&d, 0);
	assert_string_equal(json,
	                    "{\"diagnostics\": [\n"
	                    "  {\"severity\": \"error\", \"rule\": \"id-map-overlap\", \"file\": "
	                    "\"a\\\"b.yaml\", \"line\": 3, \"column\": 7, \"message\": "
	                    "\"tab\\there\\n\"},\n"
	                    "  {\"severity\": \"warning\", \"rule\": null, \"file\": \"IORT.dat\", "
	                    "\"offset\": 72, \"message\": \"ctl\\u0001\"}\n"
	                    "], \"errors\": 1, \"warnings\": 1}\n");
	free(json);

	char *sarif = capture_json(&d, 1);
	assert_non_null(strstr(sarif, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(sarif, "{\"id\": \"id-map-overlap\", \"shortDescription\": "
	                              "{\"text\": \"two ID mappings of one node overlap\"}, "
	                              "\"defaultConfiguration\": {\"level\": \"error\"}}"));
	assert_non_null(strstr(sarif, "\"region\": {\"startLine\": 3, \"startColumn\": 7}"));
	assert_non_null(strstr(sarif, "\"region\": {\"byteOffset\": 72}"));
	free(sarif);
	gd_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(arena_push_keeps_elements),
	    cmocka_unit_test(buf_little_endian),
	    cmocka_unit_test(diag_text_form),
	    cmocka_unit_test(namemap_keys),
	    cmocka_unit_test(outset_all_or_nothing),
	    cmocka_unit_test(outset_add_path_with_the_set),
	    cmocka_unit_test(outset_staged),
	    cmocka_unit_test(depfile_escapes),
	    cmocka_unit_test(diag_json_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * fuzz_main.c - a main() for the harnesses of tests/fuzz without libFuzzer
 * (the gcc builds): runs LLVMFuzzerTestOneInput() once on each file named,
 * as libFuzzer runs the files it is given, so that the normal suite runs the
 * seeds and the regression inputs through the harness code. Prints the
 * number of inputs run; exits 0, or 2 when a file cannot be read. A finding
 * is a crash or a sanitizer report (the ASan build), as under libFuzzer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_run.h"

/* libFuzzer's optional hook: defined by the harnesses that need set-up. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Runs the harness on the file @path; returns 0, or -1 when it cannot be read. */
static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0;
	uint8_t *data = NULL;
	for (;;) {
		data = realloc(data, cap);
		if (!data)
			abort();
		n += fread(data + n, 1, cap - n, f);
		if (n < cap)
			break;
		cap *= 2;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		fprintf(stderr, "%s: read error\n", path);
		free(data);
		return -1;
	}
	/* An exact-size copy, so that ASan sees a read past the input's end. */
	uint8_t *input = malloc(n ? n : 1);
	if (!input)
		abort();
	memcpy(input, data, n);
	free(data);
	LLVMFuzzerTestOneInput(input, n);
	free(input);
	return 0;
}

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		if (run_file(argv[i]))
			return 2;
	printf("%s: %d inputs run\n", argv[0], argc - 1);
	return 0;
}

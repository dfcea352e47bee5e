/* SPDX-License-Identifier: MIT */
/*
 * fuzz_run.h - what every harness of tests/fuzz (libFuzzer; README.md there)
 * does with the bytes it is given: load them with a front end, then take
 * what loaded through the rest of a run as the tool takes it: gd_resolve()
 * and its routes formatted, every rule (gd_check_run()), every emitter of gd_formats[] into memory,
 * and the diagnostics printed as text, JSON and SARIF into memory.
 */
#ifndef GD_FUZZ_RUN_H
#define GD_FUZZ_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "emit/dt_base.h"
#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/diag.h"

/*
 * The entry point of every harness: runs the @size bytes at @data (8-byte
 * aligned) through it. Returns 0 (libFuzzer's contract); any crash,
 * sanitizer report or leak is a finding.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Optional set-up of a harness, run once before the first input (libFuzzer
 * calls it when defined; so does fuzz_main.c). Returns 0.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/*
 * Emits every format of gd_formats[] through one emit context of @p and
 * @routes (resolved), with the --base tree @base (may be NULL), into
 * memory; what fails is reported in @d.
 */
void fuzz_emit(const struct gd_platform *p, const struct gd_routes *routes,
               const struct gd_dt_base *base, struct gd_diags *d);

/* Prints @d as text, JSON and SARIF (the three report formats of check) into memory. */
void fuzz_print(const struct gd_diags *d);

/*
 * The rest of a run for @p, which a loader filled and returned @status
 * for: unless @status is non-zero, resolves @p, formats every route (as
 * `gicdesc resolve` prints it) into memory, runs every rule, and emits
 * every format (fuzz_emit()) with the revisions as loaded, the YAML
 * description `gicdesc import` writes of a DTB or ACPI platform (which must
 * load back without an error, or the harness aborts), then, for a platform
 * of at most 512 CPUs, the IORT and MADT formats again with every IORT
 * revision (0, 3, 5, 7) and MADT revision (3, 4, 5, 6, 7); in any case
 * prints @d (fuzz_print()). @p is left with its
 * last revisions set; the caller frees @p and @d.
 */
void fuzz_run(struct gd_platform *p, int status, struct gd_diags *d);

#endif

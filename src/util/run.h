/* SPDX-License-Identifier: MIT */
/*
 * run.h - runs another program as a filter: a buffer in on its standard
 * input, its standard output and standard error back in buffers.
 */
#ifndef GD_UTIL_RUN_H
#define GD_UTIL_RUN_H

#include "util/buf.h"

/*
 * Runs @argv[0], looked up on PATH (posix_spawnp; no shell), with arguments
 * @argv (NULL-terminated), writes @in to its standard input and appends what
 * it writes to its standard output to @out and to its standard error to
 * @err, until it exits. A program that exits without reading all of @in is
 * no error here (its exit status says what happened). SIGPIPE is ignored
 * while it runs and default in the program.
 * Returns 0 with the waitpid() status of the program in @wstatus, or -1 with
 * errno set when it could not be run: ENOENT when it is not on PATH, or the
 * error of pipe(), posix_spawnp(), poll() or waitpid().
 */
int gd_run_filter(char *const argv[], const struct gd_buf *in, struct gd_buf *out,
                  struct gd_buf *err, int *wstatus);

#endif

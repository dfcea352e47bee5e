/* SPDX-License-Identifier: MIT */
/*
 * outset.h - all-or-nothing writing of a command's output files.
 *
 * Each file is first written to "DIR/.NAME.tmp-PID"; only when every file of
 * the set has been written and flushed are they renamed to their final names.
 * A final file that already exists is kept as a hard link "DIR/.NAME.bak-PID"
 * until every rename has succeeded. On any failure every temporary is
 * removed, every renamed file is put back as it was (or removed, if it is
 * new), a folder the commit created is removed, and every diagnostic names
 * the real folder and file. A file-size limit (SIGXFSZ) fails a write like a
 * full disk.
 */
#ifndef GD_UTIL_OUTSET_H
#define GD_UTIL_OUTSET_H

#include <stddef.h>

#include "util/buf.h"
#include "util/diag.h"

/*
 * One output: final file name and its content; the name is inside the
 * directory given to gd_outset_commit(), or inside @dir when set.
 */
struct gd_output {
	char *name;
	char *dir;
	struct gd_buf content;
};

/* A set of outputs for one directory; zero-initialise. */
struct gd_outset {
	struct gd_output *v;
	size_t n, cap;
};

/* Adds an output named @name (copied), returning its empty buffer to fill. */
struct gd_buf *gd_outset_add(struct gd_outset *s, const char *name);

/*
 * Adds an output at @path (copied; its folder is not the commit's but
 * @path's own, which must exist, "." when @path has no slash), returning
 * its empty buffer to fill. It is written, or not, with the rest of the set.
 */
struct gd_buf *gd_outset_add_path(struct gd_outset *s, const char *path);

/*
 * Writes every output into directory @dir (created if missing, one level).
 * Returns 0 on success; -1 after adding an error to @d located at @dir (which
 * must outlive @d), with the folder as it was before.
 */
int gd_outset_commit(const struct gd_outset *s, const char *dir, struct gd_diags *d);

/* Frees names and contents. */
void gd_outset_free(struct gd_outset *s);

#endif

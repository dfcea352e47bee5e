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
 *
 * An output may be staged as soon as it is made (gd_outset_stage_begin(),
 * _end()): its temporary is written then and its content freed, so that
 * memory holds one output at a time; the commit renames it with the rest,
 * and a set freed without a commit removes it. Staging that cannot start
 * (folder missing and not creatable, not writable) leaves the output in
 * memory, for the commit to write or to report as before.
 */
#ifndef GD_UTIL_OUTSET_H
#define GD_UTIL_OUTSET_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/diag.h"

/*
 * One output: final file name and its content; the name is inside the
 * directory given to gd_outset_commit(), or inside @dir when set. A staged
 * output's bytes are in its temporary @tmp (content.sunk of them), or were
 * lost with the errno value @err, which the commit reports.
 */
struct gd_output {
	char *name;
	char *dir;
	struct gd_buf content;
	char *tmp;
	FILE *f;
	int err;
};

/*
 * A set of outputs for one directory; zero-initialise. @stage_dir: the
 * folder outputs are staged in (the commit's), @created: staging made it;
 * @committed: the commit succeeded; @xfsz_saved: SIGXFSZ is ignored while staging, and
 * @old_xfsz is to be put back.
 */
struct gd_outset {
	struct gd_output *v;
	size_t n, cap;
	char *stage_dir;
	bool created, committed, xfsz_saved;
	struct sigaction old_xfsz;
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
 * Starts staging output @i (of gd_outset_add(), not _add_path()) into its
 * temporary in @dir (created if missing, one level; every output staged
 * and the commit use one folder) and returns its buffer
 * to fill; with @in_order (text written strictly in order), the bytes go to
 * the file while it fills. Call gd_outset_stage_end() once it is filled.
 * When the temporary cannot be made the output stays in memory.
 */
struct gd_buf *gd_outset_stage_begin(struct gd_outset *s, size_t i, const char *dir, bool in_order);

/* Writes the rest of staged output @i to its temporary and frees its content. */
void gd_outset_stage_end(struct gd_outset *s, size_t i);

/* Size in bytes of output @o, staged or in memory. */
size_t gd_output_size(const struct gd_output *o);

/*
 * Writes every output into directory @dir (created if missing, one level).
 * Returns 0 on success; -1 after adding an error to @d located at @dir (which
 * must outlive @d), with the folder as it was before.
 */
int gd_outset_commit(struct gd_outset *s, const char *dir, struct gd_diags *d);

/* Frees names and contents; without a commit, removes the temporaries staged. */
void gd_outset_free(struct gd_outset *s);

#endif

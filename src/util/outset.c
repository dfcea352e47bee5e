/* SPDX-License-Identifier: MIT */
#include "util/outset.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct gd_buf *gd_outset_add(struct gd_outset *s, const char *name)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct gd_output *v = realloc(s->v, cap * sizeof(*v));
		if (!v) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		s->v = v;
		s->cap = cap;
	}
	struct gd_output *o = &s->v[s->n++];
	memset(o, 0, sizeof(*o));
	o->name = strdup(name);
	if (!o->name) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	return &o->content;
}

struct gd_buf *gd_outset_add_path(struct gd_outset *s, const char *path)
{
	const char *slash = strrchr(path, '/');
	struct gd_buf *b = gd_outset_add(s, slash ? slash + 1 : path);
	struct gd_output *o = &s->v[s->n - 1];
	o->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	if (!o->dir) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	return b;
}

static char *join(const char *dir, const char *prefix, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(prefix) + strlen(name) + strlen(suffix) + 2;
	char *p = malloc(n);
	if (!p) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	snprintf(p, n, "%s/%s%s%s", dir, prefix, name, suffix);
	return p;
}

static void ignore_xfsz(struct gd_outset *s)
{
	if (s->xfsz_saved)
		return;
	struct sigaction ign = {.sa_handler = SIG_IGN};
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &s->old_xfsz);
	s->xfsz_saved = true;
}

struct gd_buf *gd_outset_stage_begin(struct gd_outset *s, size_t i, const char *dir, bool in_order)
{
	struct gd_output *o = &s->v[i];
	char suffix[32];

	if (!s->stage_dir) {
		s->stage_dir = strdup(dir);
		if (!s->stage_dir) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		s->created = mkdir(dir, 0777) == 0;
	}
	/*
	 * The SIGXFSZ of a file-size limit must fail the write (reported by the
	 * commit, see gd_outset_commit()), not kill the process mid-way.
	 */
	ignore_xfsz(s);
	snprintf(suffix, sizeof(suffix), ".tmp-%ld", (long)getpid());
	o->tmp = join(dir, ".", o->name, suffix);
	o->f = fopen(o->tmp, "wb");
	if (!o->f) {
		free(o->tmp);
		o->tmp = NULL;
	} else if (in_order) {
		gd_buf_sink(&o->content, o->f);
	}
	return &o->content;
}

void gd_outset_stage_end(struct gd_outset *s, size_t i)
{
	struct gd_output *o = &s->v[i];
	if (!o->f)
		return;
	gd_buf_sink(&o->content, o->f);
	o->err = gd_buf_sink_end(&o->content);
	if ((fflush(o->f) != 0 || ferror(o->f)) && !o->err)
		o->err = errno ? errno : EIO;
	if (fclose(o->f) != 0 && !o->err)
		o->err = errno ? errno : EIO;
	o->f = NULL;
}

size_t gd_output_size(const struct gd_output *o)
{
	return o->content.sunk + o->content.len;
}

static int write_file(const char *path, const struct gd_buf *b)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = b->len ? fwrite(b->data, 1, b->len, f) : 0;
	int bad = w != b->len || fflush(f) != 0;
	if (fclose(f) != 0)
		bad = 1;
	return bad ? -1 : 0;
}

/* Reports "DIR: error: WHAT NAME: strerror" with DIR as the location (it outlives @d's use). */
static void fail(struct gd_diags *d, const char *dir, const char *what, const char *name, int err)
{
	struct gd_loc loc = {.file = dir};
	gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "%s%s%s: %s", what, name ? " " : "",
	            name ? name : "", strerror(err));
}

/*
 * The folder, temporary, backup and final paths of one output, and what has
 * been done with them: a backup is a hard link to a final file that existed,
 * so a failed rename can put it back.
 */
struct staged {
	const char *dir;
	char *tmp, *bak, *final;
	int written, backed_up, renamed;
};

/* Undoes every staged step of @st[0..n): renamed files go, backups return, temporaries go. */
static void roll_back(struct staged *st, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		if (st[i].renamed) {
			if (st[i].backed_up)
				rename(st[i].bak, st[i].final);
			else
				unlink(st[i].final);
		} else if (st[i].backed_up) {
			unlink(st[i].bak);
		}
		if (st[i].written && !st[i].renamed)
			unlink(st[i].tmp);
	}
}

int gd_outset_commit(struct gd_outset *s, const char *dir, struct gd_diags *d)
{
	char suffix[32];
	struct stat st_dir;
	int rc = -1;

	int created = s->created || mkdir(dir, 0777) == 0;
	if (!created && errno != EEXIST) {
		fail(d, dir, "cannot create output directory", NULL, errno);
		return -1;
	}
	errno = 0;
	if (stat(dir, &st_dir) != 0 || !S_ISDIR(st_dir.st_mode)) {
		fail(d, dir, "cannot write outputs into this folder", NULL,
		     errno ? errno : ENOTDIR);
		return -1;
	}
	struct staged *st = calloc(s->n ? s->n : 1, sizeof(*st));
	if (!st) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	/*
	 * A file-size limit (ulimit -f) must fail a write with EFBIG, reported
	 * and rolled back like a full disk, not kill the process with SIGXFSZ
	 * and leave the temporaries behind.
	 */
	struct sigaction ign = {.sa_handler = SIG_IGN}, old_xfsz;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &old_xfsz);
	snprintf(suffix, sizeof(suffix), ".tmp-%ld", (long)getpid());
	for (size_t i = 0; i < s->n; i++) {
		st[i].dir = s->v[i].dir ? s->v[i].dir : dir;
		st[i].tmp = join(st[i].dir, ".", s->v[i].name, suffix);
		st[i].final = join(st[i].dir, "", s->v[i].name, "");
	}
	snprintf(suffix, sizeof(suffix), ".bak-%ld", (long)getpid());
	for (size_t i = 0; i < s->n; i++)
		st[i].bak = join(st[i].dir, ".", s->v[i].name, suffix);

	/* Staged outputs are written already: each is undone with the rest. */
	for (size_t i = 0; i < s->n; i++)
		st[i].written = s->v[i].tmp != NULL;
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].tmp && s->v[i].err) {
			fail(d, st[i].dir, "cannot write", s->v[i].name, s->v[i].err);
			goto out;
		}
		if (!s->v[i].tmp && write_file(st[i].tmp, &s->v[i].content) != 0) {
			int err = errno;
			unlink(st[i].tmp);
			fail(d, st[i].dir, "cannot write", s->v[i].name, err);
			goto out;
		}
		st[i].written = 1;
	}
	/* A final name held by a directory would fail mid-way: refuse before renaming any. */
	for (size_t i = 0; i < s->n; i++) {
		struct stat sf;
		if (stat(st[i].final, &sf) == 0 && S_ISDIR(sf.st_mode)) {
			fail(d, st[i].dir, "cannot replace", s->v[i].name, EISDIR);
			goto out;
		}
	}
	for (size_t i = 0; i < s->n; i++) {
		unlink(st[i].bak);
		if (link(st[i].final, st[i].bak) == 0) {
			st[i].backed_up = 1;
		} else if (errno != ENOENT) {
			fail(d, st[i].dir, "cannot keep a copy of", s->v[i].name, errno);
			goto out;
		}
		if (rename(st[i].tmp, st[i].final) != 0) {
			fail(d, st[i].dir, "cannot rename into place", s->v[i].name, errno);
			goto out;
		}
		st[i].renamed = 1;
	}
	for (size_t i = 0; i < s->n; i++)
		if (st[i].backed_up)
			unlink(st[i].bak);
	rc = 0;
	s->committed = true;
out:
	if (rc != 0) {
		roll_back(st, s->n);
		if (created)
			rmdir(dir);
		s->created = false;
	}
	for (size_t i = 0; i < s->n; i++) {
		free(st[i].tmp);
		free(st[i].bak);
		free(st[i].final);
	}
	free(st);
	sigaction(SIGXFSZ, &old_xfsz, NULL);
	return rc;
}

void gd_outset_free(struct gd_outset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].f)
			fclose(s->v[i].f);
		if (s->v[i].tmp && !s->committed)
			unlink(s->v[i].tmp);
		free(s->v[i].tmp);
		free(s->v[i].name);
		free(s->v[i].dir);
		gd_buf_free(&s->v[i].content);
	}
	/* A folder staging made for a set never committed goes (rmdir: only when empty). */
	if (s->created && !s->committed)
		rmdir(s->stage_dir);
	free(s->stage_dir);
	if (s->xfsz_saved)
		sigaction(SIGXFSZ, &s->old_xfsz, NULL);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* SPDX-License-Identifier: MIT */
#include "util/outset.h"

#include <errno.h>
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

int gd_outset_commit(const struct gd_outset *s, const char *dir, struct gd_diags *d)
{
	struct gd_loc loc = {.file = dir};
	char suffix[32];
	size_t done = 0;
	int rc = -1;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot create output directory: %s",
		            strerror(errno));
		return -1;
	}
	snprintf(suffix, sizeof(suffix), ".tmp-%ld", (long)getpid());
	char **tmp = calloc(s->n ? s->n : 1, sizeof(*tmp));
	if (!tmp) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (; done < s->n; done++) {
		tmp[done] = join(dir, ".", s->v[done].name, suffix);
		if (write_file(tmp[done], &s->v[done].content) != 0) {
			loc.file = tmp[done];
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot write: %s",
			            strerror(errno));
			done++;
			goto out;
		}
	}
	/* A final name held by a directory would fail mid-way: refuse before renaming any. */
	for (size_t i = 0; i < s->n; i++) {
		char *final = join(dir, "", s->v[i].name, "");
		struct stat st;
		int is_dir = stat(final, &st) == 0 && S_ISDIR(st.st_mode);
		free(final);
		if (is_dir) {
			loc.file = dir;
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
			            "cannot write %s: it is a directory", s->v[i].name);
			goto out;
		}
	}
	for (size_t i = 0; i < s->n; i++) {
		char *final = join(dir, "", s->v[i].name, "");
		int r = rename(tmp[i], final);
		free(final);
		if (r != 0) {
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot rename %s: %s", tmp[i],
			            strerror(errno));
			goto out;
		}
		free(tmp[i]);
		tmp[i] = NULL;
	}
	rc = 0;
out:
	for (size_t i = 0; i < done; i++) {
		if (tmp[i])
			unlink(tmp[i]);
		free(tmp[i]);
	}
	free(tmp);
	return rc;
}

void gd_outset_free(struct gd_outset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].name);
		gd_buf_free(&s->v[i].content);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* SPDX-License-Identifier: MIT */
#include "cli/each.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/input.h"

/* Grows *v (elements of @size bytes) to hold one more than @n; exits 2 on out-of-memory. */
static void *grow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? 2 * *cap : 16;
	v = realloc(v, *cap * size);
	if (!v) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	return v;
}

void gd_paths_add(struct gd_paths *l, char *path)
{
	l->v = grow(l->v, l->n, &l->cap, sizeof(*l->v));
	l->v[l->n++] = path;
}

static char *own(struct gd_paths *l, const char *dir, const char *name)
{
	size_t len = strlen(dir) + 1 + strlen(name) + 1;
	char *s = malloc(len);
	if (!s) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	snprintf(s, len, "%s/%s", dir, name);
	l->owned = grow(l->owned, l->n_owned, &l->cap_owned, sizeof(*l->owned));
	l->owned[l->n_owned++] = s;
	return s;
}

/* True when the YAML file at @path has a top-level "gicdesc:" key (a description). */
static bool is_description(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	bool found = false;
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, "gicdesc:", 8);
	fclose(f);
	return found;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int gd_paths_find(struct gd_paths *l, const char *dir, struct gd_diags *d)
{
	DIR *dp = opendir(dir);
	struct gd_loc loc = {.file = dir};
	if (!dp) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot read this folder: %s",
		            strerror(errno));
		return 2;
	}
	struct gd_paths here = {0};
	for (struct dirent *e; (e = readdir(dp));)
		if (e->d_name[0] != '.')
			gd_paths_add(&here, own(l, dir, e->d_name));
	closedir(dp);
	if (here.n)
		qsort(here.v, here.n, sizeof(*here.v), cmp_str);
	int status = 0;
	for (size_t i = 0; i < here.n; i++) {
		struct stat st;
		if (lstat(here.v[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int rc = gd_paths_find(l, here.v[i], d);
			status = rc > status ? rc : status;
			continue;
		}
		if (stat(here.v[i], &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		enum gd_input_kind kind = gd_input_detect(here.v[i]);
		if (kind != GD_INPUT_UNKNOWN &&
		    (kind != GD_INPUT_YAML || is_description(here.v[i])))
			gd_paths_add(l, here.v[i]);
	}
	free(here.v);
	return status;
}

/* The length of the folder part of @path ("a/b/IORT" -> 3, "IORT" -> 0). */
static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path) : 0;
}

static bool same_dir(const char *a, const char *b)
{
	size_t n = dir_len(a);
	return n == dir_len(b) && !strncmp(a, b, n);
}

struct gd_path_group *gd_paths_group(struct gd_paths *l, size_t *n_groups)
{
	struct gd_path_group *g = malloc((l->n ? l->n : 1) * sizeof(*g));
	char **sorted = malloc((l->n ? l->n : 1) * sizeof(*sorted));
	bool *taken = calloc(l->n ? l->n : 1, sizeof(*taken));
	size_t n = 0, k = 0;
	if (!g || !sorted || !taken) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < l->n; i++) {
		if (taken[i])
			continue;
		g[n].v = &sorted[k];
		g[n].n = 0;
		bool acpi = gd_input_detect(l->v[i]) == GD_INPUT_ACPI;
		for (size_t j = i; j < l->n; j++) {
			if (j != i && (!acpi || taken[j] || !same_dir(l->v[i], l->v[j]) ||
			               gd_input_detect(l->v[j]) != GD_INPUT_ACPI))
				continue;
			taken[j] = true;
			sorted[k++] = l->v[j];
			g[n].n++;
		}
		n++;
	}
	memcpy(l->v, sorted, l->n * sizeof(*sorted));
	for (size_t i = 0; i < n; i++)
		g[i].v = l->v + (g[i].v - sorted);
	free(sorted);
	free(taken);
	*n_groups = n;
	return g;
}

void gd_paths_free(struct gd_paths *l)
{
	for (size_t i = 0; i < l->n_owned; i++)
		free(l->owned[i]);
	free(l->owned);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

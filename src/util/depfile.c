/* SPDX-License-Identifier: MIT */
#include "util/depfile.h"

#include <string.h>

/* Appends @s to @b escaped for a make rule (see gd_depfile_write). */
static void put_escaped(struct gd_buf *b, const char *s)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case ' ':
		case '\t':
			for (const char *q = p; q > s && q[-1] == '\\'; q--)
				gd_buf_append(b, "\\", 1);
			gd_buf_append(b, "\\", 1);
			break;
		case '#':
			gd_buf_append(b, "\\", 1);
			break;
		case '$':
			gd_buf_append(b, "$", 1);
			break;
		}
		gd_buf_append(b, p, 1);
	}
}

int gd_depfile_write(struct gd_buf *out, const char *dir, const struct gd_output *targets,
                     size_t n_targets, const char *const *deps, size_t n_deps)
{
	for (size_t i = 0; i < n_targets; i++)
		if (strchr(targets[i].name, '\n') ||
		    strchr(targets[i].dir ? targets[i].dir : dir, '\n'))
			return -1;
	for (size_t i = 0; i < n_deps; i++)
		if (deps[i] && strchr(deps[i], '\n'))
			return -1;
	for (size_t i = 0; i < n_targets; i++) {
		if (i)
			gd_buf_append(out, " ", 1);
		put_escaped(out, targets[i].dir ? targets[i].dir : dir);
		gd_buf_append(out, "/", 1);
		put_escaped(out, targets[i].name);
	}
	gd_buf_append(out, ":", 1);
	for (size_t i = 0; i < n_deps; i++) {
		if (!deps[i])
			continue;
		gd_buf_append(out, " ", 1);
		put_escaped(out, deps[i]);
	}
	gd_buf_append(out, "\n", 1);
	return 0;
}

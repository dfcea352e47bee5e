/* SPDX-License-Identifier: MIT */
#include "load/text_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gd_text_position(const char *text, size_t len, size_t offset, uint32_t *line, uint32_t *col)
{
	uint32_t l = 1, c = 1;

	for (size_t i = 0; i < offset && i < len; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* Reads at most GD_TEXT_FILE_MAX + 1 bytes of @f; returns -1 on a read error. */
static int read_bounded(FILE *f, char **data, size_t *len)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap + 1);

	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || n > GD_TEXT_FILE_MAX)
			break;
		cap = cap * 2 > GD_TEXT_FILE_MAX ? GD_TEXT_FILE_MAX + 1 : cap * 2;
		char *nb = realloc(buf, cap + 1);
		if (!nb)
			free(buf);
		buf = nb;
	}
	if (!buf) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	if (ferror(f)) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int gd_text_file_read(const char *path, char **data, size_t *len, struct gd_diags *d)
{
	struct gd_loc loc = {.file = path};
	FILE *f = fopen(path, "rb");

	*data = NULL;
	if (!f) {
		gd_diag_add(d, GD_SEV_ERROR, "yaml-io", &loc, "cannot open: %s", strerror(errno));
		return 2;
	}
	int err = read_bounded(f, data, len);
	int saved = errno;
	fclose(f);
	if (err) {
		gd_diag_add(d, GD_SEV_ERROR, "yaml-io", &loc, "cannot read: %s", strerror(saved));
		return 2;
	}
	return 0;
}

int gd_text_check(const char *name, const char *text, size_t len, struct gd_diags *d)
{
	struct gd_loc loc = {.file = name};

	if (len > GD_TEXT_FILE_MAX) {
		gd_diag_add(d, GD_SEV_ERROR, "yaml-too-large", &loc,
		            "file is larger than %u MiB; a description never is",
		            GD_TEXT_FILE_MAX >> 20);
		return 2;
	}
	const char *nul = memchr(text, '\0', len);
	if (!nul)
		return 0;
	gd_text_position(text, len, (size_t)(nul - text), &loc.line, &loc.col);
	gd_diag_add(d, GD_SEV_ERROR, "yaml-encoding", &loc,
	            "NUL byte: a description must be UTF-8 text");
	return 2;
}

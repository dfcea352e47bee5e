/* SPDX-License-Identifier: MIT */
/*
 * text_file.h - reads a whole description file into memory, bounded, and
 * refuses what cannot be UTF-8 text (too large, NUL bytes).
 */
#ifndef GD_LOAD_TEXT_FILE_H
#define GD_LOAD_TEXT_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "util/diag.h"

/* Largest description accepted, in bytes (16 MiB). */
#define GD_TEXT_FILE_MAX (16u * 1024u * 1024u)

/*
 * Reads @path into a malloc'ed buffer *@data of *@len bytes (plus a NUL after
 * them), at most GD_TEXT_FILE_MAX + 1 bytes: one byte more than
 * gd_text_check() accepts, so that it can tell a file that is too large.
 * Returns 0, or 2 (the loaders' "cannot be read" status) with an error in
 * @d and *@data NULL when the file cannot be opened or read.
 */
int gd_text_file_read(const char *path, char **data, size_t *len, struct gd_diags *d);

/*
 * Checks that the @len bytes at @text (from the file @name, for messages)
 * can be a description: at most GD_TEXT_FILE_MAX bytes and no NUL byte
 * (reported at its line:col). Returns 0, or 2 with an error in @d.
 */
int gd_text_check(const char *name, const char *text, size_t len, struct gd_diags *d);

/*
 * Returns the 1-based line and column of byte @offset of @text (@len bytes),
 * counting columns in characters (UTF-8 continuation bytes do not count).
 */
void gd_text_position(const char *text, size_t len, size_t offset, uint32_t *line, uint32_t *col);

#endif

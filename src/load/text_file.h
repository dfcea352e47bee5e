/* SPDX-License-Identifier: MIT */
/*
 * text_file.h - reads a whole description file into memory, bounded, and
 * refuses what cannot be UTF-8 text (NUL bytes).
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
 * them). Fails, with an error in @d, when the file cannot be read, is larger
 * than GD_TEXT_FILE_MAX, or contains a NUL byte (reported at its line:col).
 * Returns 0, or 2 (the loaders' "cannot be read" status) with *@data NULL.
 */
int gd_text_file_read(const char *path, char **data, size_t *len, struct gd_diags *d);

/*
 * Returns the 1-based line and column of byte @offset of @text (@len bytes),
 * counting columns in characters (UTF-8 continuation bytes do not count).
 */
void gd_text_position(const char *text, size_t len, size_t offset, uint32_t *line, uint32_t *col);

#endif

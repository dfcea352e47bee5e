/* SPDX-License-Identifier: MIT */
/*
 * yaml_scalar.h - the meaning of a YAML scalar's text in format 1: numbers,
 * byte sizes, booleans, strings.
 */
#ifndef GD_LOAD_YAML_SCALAR_H
#define GD_LOAD_YAML_SCALAR_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Parses an unsigned integer: decimal ("0" or no leading zero), 0x hex, 0o
 * octal or 0b binary; with @bytes, one of the binary suffixes K (2^10),
 * M (2^20), G (2^30) may follow. Returns 0 and *@out, or -1 and a message in
 * *@why ("not a number", "number does not fit in 64 bits", ...).
 */
int gd_yscalar_uint(const char *text, bool bytes, uint64_t *out, const char **why);

/* Returns 0 and *@out for the plain scalars true and false, -1 otherwise. */
int gd_yscalar_bool(const char *text, bool plain, bool *out);

/*
 * True when @text, written plain, is what YAML 1.1 (and so a schema checker
 * reading the file) takes for a number, boolean or null rather than a string:
 * such a value must be quoted where a string is expected.
 */
bool gd_yscalar_plain_is_not_string(const char *text);

#endif

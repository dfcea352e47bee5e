/* SPDX-License-Identifier: MIT */
/*
 * load.h - front ends that fill a struct gd_platform.
 *
 * Return values shared by every loader:
 *   0 - loaded;
 *   1 - the input parses but describes something wrong (errors in @d);
 *   2 - the input cannot be read or parsed (errors in @d).
 * On a non-zero return the platform may be partly filled; free it anyway.
 */
#ifndef GD_LOAD_LOAD_H
#define GD_LOAD_LOAD_H

#include "model/platform.h"
#include "util/diag.h"

/* Loads a YAML platform description, format 1 (schemas/gicdesc.schema.json). */
int gd_load_yaml(const char *path, struct gd_platform *p, struct gd_diags *d);

#endif

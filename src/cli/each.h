/* SPDX-License-Identifier: MIT */
/*
 * each.h - the inputs of `gicdesc check --each` and `-r DIR`: every file
 * under a folder that is a description, a DTB, a DTS or an ACPI table, and
 * the platforms they make (one per file; the ACPI tables of one folder
 * together, as IORT, MADT and MCFG describe one machine).
 */
#ifndef GD_CLI_EACH_H
#define GD_CLI_EACH_H

#include <stddef.h>

#include "util/diag.h"

/* A list of paths; free with gd_paths_free(). Paths added by gd_paths_find() are owned. */
struct gd_paths {
	char **v;
	size_t n, cap;
	char **owned; /* the strings gd_paths_find() allocated */
	size_t n_owned, cap_owned;
};

/* Appends @path (not copied: it must outlive @l). */
void gd_paths_add(struct gd_paths *l, char *path);

/*
 * Appends, in byte order of their paths, every regular file under @dir
 * (recursively; hidden folders and symbolic links to folders are skipped)
 * that gd_input_detect() recognises, YAML files only when they are
 * descriptions (a top-level "gicdesc:" line, not facts or other YAML).
 * Returns 0, or 2 with an error in @d when @dir cannot be read.
 */
int gd_paths_find(struct gd_paths *l, const char *dir, struct gd_diags *d);

/* One platform of --each: @n paths at @v (into the list it was made from). */
struct gd_path_group {
	char **v;
	size_t n;
};

/*
 * Sorts @l into platforms, stable: each non-ACPI path alone, the ACPI
 * tables of one folder together (at the place of the first). Returns a
 * malloc()ed array of *n_groups groups pointing into @l (reordered); exits
 * 2 on out-of-memory.
 */
struct gd_path_group *gd_paths_group(struct gd_paths *l, size_t *n_groups);

/* Frees the list and the paths it owns. */
void gd_paths_free(struct gd_paths *l);

#endif

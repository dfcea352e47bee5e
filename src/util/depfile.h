/* SPDX-License-Identifier: MIT */
/*
 * depfile.h - make-format dependency files, as `dtc -d` and `gcc -MD` write
 * them: one rule "TARGET...: PREREQUISITE...", read by make's include, by
 * Ninja's depfile = and by CMake's add_custom_command(DEPFILE).
 */
#ifndef GD_UTIL_DEPFILE_H
#define GD_UTIL_DEPFILE_H

#include <stddef.h>

#include "util/buf.h"
#include "util/outset.h"

/*
 * Appends to @out the rule whose targets are the @n_targets outputs
 * @targets[], each as "DIR/NAME" (DIR its own folder, else @dir), and whose
 * prerequisites are the @n_deps paths @deps[] that are not NULL, in the
 * order given, on one line ended by a newline. Spaces and tabs are escaped
 * with a backslash (doubling the backslashes before them), '#' as "\#" and
 * '$' as "$$", as GNU make reads them. Returns 0, or -1 with @out unchanged
 * when a path holds a line break, which make cannot read back.
 */
int gd_depfile_write(struct gd_buf *out, const char *dir, const struct gd_output *targets,
                     size_t n_targets, const char *const *deps, size_t n_deps);

#endif

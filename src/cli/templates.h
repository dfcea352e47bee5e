/* SPDX-License-Identifier: MIT */
/*
 * templates.h - the starter descriptions `gicdesc init` writes: the .yaml
 * files of templates/, compiled into the tool by cmake/EmbedTemplates.cmake
 * (so an installed tool needs no data files).
 */
#ifndef GD_CLI_TEMPLATES_H
#define GD_CLI_TEMPLATES_H

#include <stddef.h>

/*
 * One template: @name is its file name without .yaml, @summary its second
 * line without "# ", @text the file's @len bytes (NUL-terminated), whose
 * first line names the schema by its $id.
 */
struct gd_template {
	const char *name;
	const char *summary;
	const char *text;
	size_t len;
};

/* The templates, sorted by name: gd_n_templates entries. */
extern const struct gd_template gd_templates[];
extern const size_t gd_n_templates;

#endif

/* SPDX-License-Identifier: MIT */
/*
 * init.c - `gicdesc init`: write a starter description, one of the templates
 * compiled into the tool (cli/templates.h), to a new file or standard output.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "cli/templates.h"
#include "util/outset.h"

/* The template written when --template is not given. */
#define DEFAULT_TEMPLATE "qemu-virt"

static void init_usage(FILE *out)
{
	fprintf(out, "usage: gicdesc init [--template NAME] [-o DESC.yaml] [--force]\n"
	             "       gicdesc init --list\n\n"
	             "  -t, --template NAME    the starter description (default: " DEFAULT_TEMPLATE
	             "; --list)\n"
	             "  -o, --output FILE      write FILE, all or nothing (default, or -: standard "
	             "output)\n"
	             "      --force            replace FILE if it exists\n"
	             "  -l, --list             list the templates: name and what it describes\n");
}

/* Returns the template called @name, or NULL. */
static const struct gd_template *find_template(const char *name)
{
	for (size_t i = 0; i < gd_n_templates; i++)
		if (!strcmp(gd_templates[i].name, name))
			return &gd_templates[i];
	return NULL;
}

/* Writes @t to standard output; returns 0, or 2 after an error message. */
static int write_stdout(const struct gd_template *t)
{
	if (fwrite(t->text, 1, t->len, stdout) != t->len || fflush(stdout) != 0) {
		fprintf(stderr, "gicdesc: error: cannot write the template to standard output\n");
		return 2;
	}
	return 0;
}

/*
 * Writes @t to @path through util/outset.h (a temporary renamed into place),
 * refusing an existing @path unless @force. Returns 0, or 2 after an error.
 */
static int write_file(const struct gd_template *t, const char *path, int force)
{
	struct stat st;
	if (!force && lstat(path, &st) == 0) {
		fprintf(stderr, "gicdesc: error: %s exists (--force replaces it)\n", path);
		return 2;
	}
	char *dir = strdup(path);
	if (!dir) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	char *slash = strrchr(dir, '/');
	const char *name = slash ? slash + 1 : dir;
	if (!*name) {
		fprintf(stderr, "gicdesc: error: %s names a folder, not a file\n", path);
		free(dir);
		return 2;
	}
	if (slash)
		*slash = '\0';
	const char *folder = !slash ? "." : slash == dir ? "/" : dir;

	struct gd_outset set = {0};
	struct gd_diags d = {0};
	gd_buf_append(gd_outset_add(&set, name), t->text, t->len);
	int status = gd_outset_commit(&set, folder, &d) == 0 ? 0 : 2;
	gd_diags_print(stderr, &d);
	if (status == 0)
		printf("wrote %s (%zu bytes)\n", path, t->len);
	gd_diags_free(&d);
	gd_outset_free(&set);
	free(dir);
	return status;
}

int gd_cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"template", required_argument, NULL, 't'}, {"output", required_argument, NULL, 'o'},
	    {"force", no_argument, NULL, 'F'},          {"list", no_argument, NULL, 'l'},
	    {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
	};
	const char *name = DEFAULT_TEMPLATE, *path = "-";
	int force = 0, list = 0, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:o:lh", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			name = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'l':
			list = 1;
			break;
		case 'h':
			init_usage(stdout);
			return 0;
		default:
			init_usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		init_usage(stderr);
		return 2;
	}
	if (list) {
		for (size_t i = 0; i < gd_n_templates; i++)
			printf("%-10s %s\n", gd_templates[i].name, gd_templates[i].summary);
		return 0;
	}
	const struct gd_template *t = find_template(name);
	if (!t) {
		fprintf(stderr, "gicdesc: error: unknown template '%s' (gicdesc init --list)\n",
		        name);
		return 2;
	}
	return strcmp(path, "-") ? write_file(t, path, force) : write_stdout(t);
}

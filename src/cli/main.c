/* SPDX-License-Identifier: MIT */
/* main.c - dispatches to one subcommand; nothing else lives here. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "util/mem.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
    {"generate", gd_cmd_generate, "YAML description -> DTS, DTB, IORT, MADT"},
    {"check", gd_cmd_check, "follow every MSI route and report what is wrong"},
    {"import", gd_cmd_import, "DTB or ACPI tables (or both) -> YAML description"},
    {"resolve", gd_cmd_resolve, "print the route of a source or one of its IDs, hop by hop"},
    {"init", gd_cmd_init, "write a starter description from a template (--list)"},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: gicdesc COMMAND [OPTIONS] ...\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'gicdesc COMMAND --help' describes one command; man gicdesc(1).\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("gicdesc %s\n", GICDESC_VERSION);
		return 0;
	}
	gd_mem_prefer_huge_pages();
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "gicdesc: error: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}

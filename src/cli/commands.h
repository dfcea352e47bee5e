/* SPDX-License-Identifier: MIT */
/*
 * commands.h - the subcommands of the gicdesc tool, one file each.
 *
 * Each takes the arguments after its name (argv[0] is the subcommand) and
 * returns the process exit status: 0 success, 1 the platform is wrong,
 * 2 an input cannot be read or the command line is wrong.
 */
#ifndef GD_CLI_COMMANDS_H
#define GD_CLI_COMMANDS_H

/* gicdesc generate [-o DIR] [--format LIST] [...] DESC.yaml */
int gd_cmd_generate(int argc, char **argv);

/* gicdesc check [-W NAME] [-E NAME] [--format text|json|sarif] INPUT... | --list-rules */
int gd_cmd_check(int argc, char **argv);

/* gicdesc resolve INPUT... SOURCE[:ID] */
int gd_cmd_resolve(int argc, char **argv);

/* gicdesc init [--template NAME] [-o DESC.yaml] [--force] | --list */
int gd_cmd_init(int argc, char **argv);

#endif

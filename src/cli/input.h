/* SPDX-License-Identifier: MIT */
/*
 * input.h - turning the INPUT... arguments of check and resolve into
 * platforms: each YAML description is one platform, each DTB (or DTS, through
 * dtc) one, and all ACPI tables given together (IORT, MADT) one.
 */
#ifndef GD_CLI_INPUT_H
#define GD_CLI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "load/facts.h"
#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/diag.h"

/* What a file holds, from its first bytes (and its name for YAML vs DTS). */
enum gd_input_kind {
	GD_INPUT_UNKNOWN,
	GD_INPUT_YAML,
	GD_INPUT_DTB,  /* magic 0xd00dfeed */
	GD_INPUT_DTS,  /* a .dts source: C preprocessor, then dtc */
	GD_INPUT_ACPI, /* a table whose signature is IORT or APIC */
};

/* A loaded platform with its routes and the label reports use for it. */
struct gd_input_platform {
	struct gd_platform p;
	struct gd_routes routes;
	const char *label; /* "YAML a.yaml", "DTB b.dtb", "ACPI IORT.dat+APIC.dat" */
	enum gd_input_kind kind;
	bool loaded; /* the loader returned 0: the model is whole and resolved */
};

/*
 * The options a DTS input is preprocessed with, as the kernel's
 * scripts/Makefile.lib passes them to cpp: "-I", DIR and "-D", NAME[=VALUE]
 * pairs in command-line order (the strings are not copied).
 */
struct gd_cpp_args {
	const char **v;
	size_t n, cap;
};

/* Appends -I @arg (@c 'I') or -D @arg (@c 'D') to @a; exits 2 on out-of-memory. */
void gd_cpp_arg(struct gd_cpp_args *a, int c, const char *arg);

/* Frees the list (not the strings). */
void gd_cpp_args_free(struct gd_cpp_args *a);

/*
 * The platforms of one command line; free with gd_inputs_free(). @cpp (set
 * by the caller before gd_inputs_load(), may be NULL) preprocesses DTS inputs.
 */
struct gd_inputs {
	struct gd_input_platform *v;
	size_t n;
	char *acpi_label; /* storage for the ACPI label */
	const struct gd_cpp_args *cpp;
};

/* Returns the kind of the file at @path (GD_INPUT_UNKNOWN if unreadable or unrecognised). */
enum gd_input_kind gd_input_detect(const char *path);

/*
 * Loads @paths (n files) into platforms and resolves each, with the facts
 * @facts (may be NULL) for DTBs and ACPI tables, which cannot state them.
 * Returns 0, or the loaders' worst status (1 wrong, 2 unreadable) with the
 * reasons in @d. ACPI tables given together make one platform. Notes say
 * the facts given, and warnings the per-ITS facts no input used.
 */
int gd_inputs_load(struct gd_inputs *in, char **paths, size_t n, const struct gd_facts *facts,
                   struct gd_diags *d);

/* getopt_long() codes of the fact options (gd_input_long_options). */
enum {
	GD_OPT_FACTS = 0x100,
	GD_OPT_GIC_VERSION,
	GD_OPT_SPIS,
	GD_OPT_INTID_BITS,
	GD_OPT_DEVICE_ID_BITS,
	GD_OPT_EVENT_ID_BITS,
};

/* The long options of facts for commands that load inputs, as struct option entries. */
#define GD_INPUT_LONG_OPTIONS                                                                      \
	{"facts", required_argument, NULL, GD_OPT_FACTS},                                          \
	    {"gic-version", required_argument, NULL, GD_OPT_GIC_VERSION},                          \
	    {"spis", required_argument, NULL, GD_OPT_SPIS},                                        \
	    {"intid-bits", required_argument, NULL, GD_OPT_INTID_BITS},                            \
	    {"device-id-bits", required_argument, NULL, GD_OPT_DEVICE_ID_BITS},                    \
	{                                                                                          \
		"event-id-bits", required_argument, NULL, GD_OPT_EVENT_ID_BITS                     \
	}

/* Usage lines of those options. */
extern const char gd_input_usage[];

/*
 * Takes getopt_long() result @c with @arg into @facts. Returns 0 when taken,
 * 2 when its value is wrong or the facts file cannot be read (errors in
 * @d), -1 when @c is no fact option.
 */
int gd_input_option(struct gd_facts *facts, int c, const char *arg, struct gd_diags *d);

/* Frees every platform and its routes. */
void gd_inputs_free(struct gd_inputs *in);

#endif

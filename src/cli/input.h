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

#include "model/platform.h"
#include "resolve/resolve.h"
#include "util/diag.h"

/* What a file holds, from its first bytes (and its name for YAML vs DTS). */
enum gd_input_kind {
	GD_INPUT_UNKNOWN,
	GD_INPUT_YAML,
	GD_INPUT_DTB,  /* magic 0xd00dfeed */
	GD_INPUT_DTS,  /* "/dts-v1/" source, compiled with dtc */
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

/* The platforms of one command line; free with gd_inputs_free(). */
struct gd_inputs {
	struct gd_input_platform *v;
	size_t n;
	char *acpi_label; /* storage for the ACPI label */
};

/* Returns the kind of the file at @path (GD_INPUT_UNKNOWN if unreadable or unrecognised). */
enum gd_input_kind gd_input_detect(const char *path);

/*
 * Loads @paths (n files) into platforms and resolves each.
 * Returns 0, or the loaders' worst status (1 wrong, 2 unreadable) with the
 * reasons in @d. ACPI tables given together make one platform.
 */
int gd_inputs_load(struct gd_inputs *in, char **paths, size_t n, struct gd_diags *d);

/* Frees every platform and its routes. */
void gd_inputs_free(struct gd_inputs *in);

#endif

/* SPDX-License-Identifier: MIT */
#include "cli/input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "load/load.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

enum gd_input_kind gd_input_detect(const char *path)
{
	unsigned char head[16] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return GD_INPUT_UNKNOWN;
	size_t n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (n >= 4 && head[0] == 0xd0 && head[1] == 0x0d && head[2] == 0xfe && head[3] == 0xed)
		return GD_INPUT_DTB;
	if (n >= 4 &&
	    (!memcmp(head, "IORT", 4) || !memcmp(head, "APIC", 4) || !memcmp(head, "MCFG", 4)))
		return GD_INPUT_ACPI;
	if (ends_with(path, ".dts"))
		return GD_INPUT_DTS;
	if (ends_with(path, ".yaml") || ends_with(path, ".yml"))
		return GD_INPUT_YAML;
	return GD_INPUT_UNKNOWN;
}

static struct gd_input_platform *add(struct gd_inputs *in, enum gd_input_kind kind,
                                     const char *label)
{
	struct gd_input_platform *v = realloc(in->v, (in->n + 1) * sizeof(*v));
	if (!v) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	in->v = v;
	struct gd_input_platform *ip = &in->v[in->n++];
	memset(ip, 0, sizeof(*ip));
	ip->kind = kind;
	ip->label = label;
	return ip;
}

/*
 * A DTS goes through dtc (device-tree-compiler) into a temporary DTB, which
 * is loaded with locations naming the DTS (node paths are the same).
 */
static int load_dts(const char *path, const struct gd_load_options *opt, struct gd_platform *p,
                    struct gd_diags *d)
{
	struct gd_loc loc = {.file = path};
	char tmp[] = "/tmp/gicdesc-dts-XXXXXX";
	int fd = mkstemp(tmp);
	if (fd < 0) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot make a temporary file for dtc");
		return 2;
	}
	close(fd);
	pid_t pid = fork();
	if (pid == 0) {
		execlp("dtc", "dtc", "-q", "-I", "dts", "-O", "dtb", "-o", tmp, path, (char *)NULL);
		_exit(127);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
		            WIFEXITED(st) && WEXITSTATUS(st) == 127
		                ? "cannot run dtc (Debian package device-tree-compiler)"
		                : "dtc could not compile this DTS");
		unlink(tmp);
		return 2;
	}
	int rc = gd_load_dtb_as(tmp, path, opt, p, d);
	unlink(tmp);
	return rc;
}

static int worst(int a, int b)
{
	return a > b ? a : b;
}

/*
 * Loads every ACPI table of @paths as one platform labelled "ACPI a+b" (at
 * the place of the first). Returns the loader's status; 0 when there is none.
 */
static int load_acpi(struct gd_inputs *in, char **paths, size_t n,
                     const struct gd_load_options *opts, struct gd_diags *d)
{
	char **acpi = calloc(n, sizeof(*acpi));
	size_t k = 0, label = sizeof("ACPI ");
	if (!acpi) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < n; i++)
		if (gd_input_detect(paths[i]) == GD_INPUT_ACPI) {
			acpi[k++] = paths[i];
			label += strlen(paths[i]) + 1;
		}
	int rc = 0;
	if (k) {
		in->acpi_label = malloc(label);
		if (!in->acpi_label) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		strcpy(in->acpi_label, "ACPI ");
		for (size_t i = 0; i < k; i++) {
			if (i)
				strcat(in->acpi_label, "+");
			strcat(in->acpi_label, acpi[i]);
		}
		struct gd_input_platform *ip = add(in, GD_INPUT_ACPI, in->acpi_label);
		rc = gd_load_acpi_opts(acpi, k, opts, &ip->p, d);
		if (rc == 0) {
			gd_resolve(&ip->p, &ip->routes);
			ip->loaded = true;
		}
	}
	free(acpi);
	return rc;
}

/* Notes the facts given; warns at per-ITS facts no DTB or ACPI input used. */
static void note_facts(const struct gd_inputs *in, const struct gd_facts *facts, struct gd_diags *d)
{
	if (gd_facts_empty(facts))
		return;
	gd_facts_note(facts, d);
	const struct gd_platform **ps = calloc(in->n + 1, sizeof(*ps));
	size_t n = 0;
	if (!ps) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < in->n; i++) {
		const struct gd_input_platform *ip = &in->v[i];
		struct gd_loc loc = {.file = ip->p.file};
		if (ip->kind == GD_INPUT_YAML)
			gd_diag_add(d, GD_SEV_NOTE, NULL, &loc,
			            "the facts given do not apply to a YAML description, which "
			            "states them");
		else if (ip->loaded)
			ps[n++] = &ip->p;
	}
	gd_facts_warn_unmatched(facts, ps, n, d);
	free(ps);
}

int gd_inputs_load(struct gd_inputs *in, char **paths, size_t n, const struct gd_facts *facts,
                   struct gd_diags *d)
{
	static const struct gd_facts none;
	struct gd_load_options opt;
	int status = 0;
	bool acpi_done = false;

	if (!facts)
		facts = &none;
	gd_facts_load_options(facts, &opt);
	for (size_t i = 0; i < n; i++) {
		struct gd_loc loc = {.file = paths[i]};
		enum gd_input_kind kind = gd_input_detect(paths[i]);
		struct gd_input_platform *ip;
		int rc;

		switch (kind) {
		case GD_INPUT_YAML:
			ip = add(in, kind, paths[i]);
			rc = gd_load_yaml(paths[i], &ip->p, d);
			break;
		case GD_INPUT_ACPI:
			if (!acpi_done)
				status = worst(status, load_acpi(in, paths, n, &opt, d));
			acpi_done = true;
			continue;
		case GD_INPUT_DTB:
			ip = add(in, kind, paths[i]);
			rc = gd_load_dtb(paths[i], &opt, &ip->p, d);
			break;
		case GD_INPUT_DTS:
			ip = add(in, kind, paths[i]);
			rc = load_dts(paths[i], &opt, &ip->p, d);
			break;
		default:
			if (access(paths[i], R_OK) != 0)
				gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
				            "cannot read this file: %s", strerror(errno));
			else
				gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
				            "cannot tell what this file is (expected a YAML "
				            "description (.yaml), a DTB, a DTS or an ACPI "
				            "IORT/APIC/MCFG table)");
			status = 2;
			continue;
		}
		if (rc == 0) {
			gd_resolve(&ip->p, &ip->routes);
			ip->loaded = true;
		}
		status = worst(status, rc);
	}
	note_facts(in, facts, d);
	return status;
}

const char gd_input_usage[] =
    "  facts a DTB or ACPI tables cannot state (default: assumed, see the report's notes):\n"
    "      --gic-version 3|4|4.1  --spis N  --intid-bits N\n"
    "      --device-id-bits N  --event-id-bits N   (every ITS)\n"
    "      --facts FILE.yaml      the same and per-ITS facts (gicdesc(5) FACTS FILE);\n"
    "                             an option wins over the file\n";

int gd_input_option(struct gd_facts *facts, int c, const char *arg, struct gd_diags *d)
{
	static const char *const names[] = {
	    [GD_OPT_GIC_VERSION - GD_OPT_FACTS] = "gic-version",
	    [GD_OPT_SPIS - GD_OPT_FACTS] = "spis",
	    [GD_OPT_INTID_BITS - GD_OPT_FACTS] = "intid-bits",
	    [GD_OPT_DEVICE_ID_BITS - GD_OPT_FACTS] = "device-id-bits",
	    [GD_OPT_EVENT_ID_BITS - GD_OPT_FACTS] = "event-id-bits",
	};
	if (c == GD_OPT_FACTS)
		return gd_facts_read(facts, arg, d);
	if (c < GD_OPT_GIC_VERSION || c > GD_OPT_EVENT_ID_BITS)
		return -1;
	return gd_facts_option(facts, names[c - GD_OPT_FACTS], arg, d);
}

void gd_inputs_free(struct gd_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		gd_routes_free(&in->v[i].routes);
		gd_platform_free(&in->v[i].p);
	}
	free(in->v);
	free(in->acpi_label);
	memset(in, 0, sizeof(*in));
}

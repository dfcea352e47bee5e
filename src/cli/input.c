/* SPDX-License-Identifier: MIT */
#include "cli/input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "load/load.h"
#include "load/text_file.h"
#include "util/run.h"

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

void gd_cpp_arg(struct gd_cpp_args *a, int c, const char *arg)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? 2 * a->cap : 16;
		a->v = realloc(a->v, a->cap * sizeof(*a->v));
		if (!a->v) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
	}
	a->v[a->n++] = c == 'I' ? "-I" : "-D";
	a->v[a->n++] = arg;
}

void gd_cpp_args_free(struct gd_cpp_args *a)
{
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/*
 * Runs @argv with @in on its standard input into @out; on failure adds an
 * error at @loc quoting the first line of its standard error, or saying it
 * is not installed (Debian package @package). Returns 0, 2 (it failed) or
 * -1 (it is not installed; nothing added when @quiet_missing).
 */
static int run_tool(char *const *argv, const struct gd_buf *in, struct gd_buf *out,
                    const char *package, bool quiet_missing, const struct gd_loc *loc,
                    struct gd_diags *d)
{
	struct gd_buf err = {0};
	int st = 0, rc = 0;
	if (gd_run_filter(argv, in, out, &err, &st) != 0 ||
	    (WIFEXITED(st) && WEXITSTATUS(st) == 127)) {
		if (!quiet_missing)
			gd_diag_add(d, GD_SEV_ERROR, NULL, loc, "cannot run %s (Debian package %s)",
			            argv[0], package);
		rc = -1;
	} else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		size_t len = err.len;
		for (size_t i = 0; i < err.len; i++)
			if (err.data[i] == '\n') {
				len = i;
				break;
			}
		bool cpp = !strcmp(argv[0], "cpp");
		gd_diag_add(d, GD_SEV_ERROR, NULL, loc, "%s could not %s this DTS: %.*s%s", argv[0],
		            cpp ? "preprocess" : "compile", (int)(len > 400 ? 400 : len),
		            len ? (const char *)err.data : "(no message)",
		            cpp ? " (-I DIR gives an #include folder, -D NAME a macro)" : "");
		rc = 2;
	}
	gd_buf_free(&err);
	return rc;
}

/*
 * A DTS goes, as the kernel's scripts/Makefile.lib builds it, through the C
 * preprocessor (cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp, with
 * the -I and -D options of @cpp; skipped, with a note, where cpp is not
 * installed) and dtc (-i the DTS's folder and every -I folder), into a DTB
 * loaded with locations naming the DTS (node paths are the same; cpp's line
 * markers make dtc's messages name the DTS and its includes).
 */
static int load_dts(const char *path, const struct gd_cpp_args *cpp,
                    const struct gd_load_options *opt, struct gd_platform *p, struct gd_diags *d)
{
	struct gd_loc loc = {.file = path};
	size_t n_cpp = cpp ? cpp->n : 0;
	const char **argv = calloc(n_cpp + 16, sizeof(*argv));
	char *dir = strdup(path);
	struct gd_buf none = {0}, pre = {0}, dtb = {0};
	int rc = 2;
	if (!argv || !dir) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	static const char *const cpp_args[] = {"cpp",       "-nostdinc", "-undef",
	                                       "-D__DTS__", "-x",        "assembler-with-cpp"};
	static const char *const dtc_args[] = {"dtc", "-q", "-I", "dts", "-O", "dtb", "-b", "0"};
	size_t k = sizeof(cpp_args) / sizeof(cpp_args[0]);
	memcpy(argv, cpp_args, sizeof(cpp_args));
	for (size_t i = 0; i < n_cpp; i++)
		argv[k++] = cpp->v[i];
	argv[k++] = path;
	argv[k] = NULL;
	int pre_rc = run_tool((char *const *)argv, &none, &pre, "cpp", true, &loc, d);
	if (pre_rc == -1) {
		gd_diag_add(
		    d, GD_SEV_NOTE, NULL, &loc,
		    "cpp (Debian package cpp) is not installed: the DTS is compiled without "
		    "the C preprocessor");
		char *text = NULL;
		size_t len = 0;
		pre_rc = gd_text_file_read(path, &text, &len, d) ? 2 : 0;
		if (pre_rc == 0)
			gd_buf_append(&pre, text, len);
		free(text);
	}
	if (pre_rc == 0) {
		k = sizeof(dtc_args) / sizeof(dtc_args[0]);
		memcpy(argv, dtc_args, sizeof(dtc_args));
		argv[k++] = "-i";
		argv[k++] = slash ? dir : ".";
		for (size_t i = 0; i + 1 < n_cpp; i += 2)
			if (!strcmp(cpp->v[i], "-I")) {
				argv[k++] = "-i";
				argv[k++] = cpp->v[i + 1];
			}
		argv[k++] = "-";
		argv[k] = NULL;
		if (run_tool((char *const *)argv, &pre, &dtb, "device-tree-compiler", false, &loc,
		             d) == 0)
			rc = gd_load_dtb_compiled(path, dtb.data, dtb.len, opt, p, d);
	}
	gd_buf_free(&pre);
	gd_buf_free(&dtb);
	free(dir);
	free(argv);
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
			rc = load_dts(paths[i], in->cpp, &opt, &ip->p, d);
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
    "  -I DIR, -D NAME[=VALUE]  a DTS input's C preprocessor options (its #include\n"
    "                         folders also dtc's /include/ folders)\n"
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

/* SPDX-License-Identifier: MIT */
/*
 * dts.c - prints the device tree of dt_tree.h as dtc source (Devicetree
 * Specification v0.4 §6): the standalone DTS and the DTSI fragment.
 */
#include <string.h>

#include "emit/built.h"

/* Prints a C comment's text: "*" followed by "/" would end it, newlines would break it. */
static void put_comment_text(struct gd_buf *out, const char *s)
{
	for (; *s; s++) {
		char c = *s == '\n' ? ' ' : *s;
		gd_buf_append(out, &c, 1);
		if (c == '*' && s[1] == '/')
			gd_buf_append(out, " ", 1);
	}
}

static void put_note(struct gd_buf *out, const struct gd_dt_prop *pr, size_t group)
{
	if (group >= pr->n_notes || !pr->notes[group])
		return;
	gd_buf_printf(out, " /* ");
	put_comment_text(out, pr->notes[group]);
	gd_buf_printf(out, " */");
}

/* A DTS string literal: '"' and '\' escaped, other bytes outside printable ASCII as \xNN. */
static void put_string(struct gd_buf *out, const char *s)
{
	gd_buf_append(out, "\"", 1);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\')
			gd_buf_printf(out, "\\%c", *c);
		else if (*c < 0x20 || *c > 0x7e)
			gd_buf_printf(out, "\\x%02x", *c);
		else
			gd_buf_append(out, c, 1);
	}
	gd_buf_append(out, "\"", 1);
}

static void put_indent(struct gd_buf *out, unsigned depth)
{
	for (unsigned i = 0; i < depth; i++)
		gd_buf_append(out, "\t", 1);
}

/* Cells: one <...> per group; several groups go one per line, aligned under the first. */
static void put_cells(struct gd_buf *out, const struct gd_dt_prop *pr, unsigned depth)
{
	size_t group = pr->group ? pr->group : pr->n_cells;
	size_t n_groups = group ? (pr->n_cells + group - 1) / group : 1;

	for (size_t g = 0; g < n_groups; g++) {
		if (g > 0) {
			gd_buf_append(out, ",", 1);
			put_note(out, pr, g - 1);
			gd_buf_append(out, "\n", 1);
			put_indent(out, depth);
			for (size_t i = 0; i < strlen(pr->name) + 3; i++)
				gd_buf_append(out, " ", 1);
		}
		gd_buf_printf(out, "%s<", pr->bits16 ? "/bits/ 16 " : "");
		for (size_t i = g * group; i < pr->n_cells && i < (g + 1) * group; i++) {
			const struct gd_dt_cell *c = &pr->cells[i];
			if (i > g * group)
				gd_buf_append(out, " ", 1);
			if (c->ref)
				gd_buf_printf(out, "&%s", c->ref->label);
			else
				gd_buf_printf(out, pr->decimal ? "%u" : "0x%x", c->value);
		}
		gd_buf_append(out, ">", 1);
	}
	gd_buf_append(out, ";", 1);
	put_note(out, pr, n_groups - 1);
}

static void put_prop(struct gd_buf *out, const struct gd_dt_prop *pr, unsigned depth)
{
	put_indent(out, depth);
	gd_buf_printf(out, "%s", pr->name);
	/* A value of no cells, strings or bytes is a zero-length property: "name;" (DTSpec §6.3).
	 */
	bool empty = pr->kind == GD_DT_EMPTY || (pr->kind == GD_DT_CELLS && pr->n_cells == 0) ||
	             (pr->kind == GD_DT_STRINGS && pr->n_strings == 0) ||
	             (pr->kind == GD_DT_BYTES && pr->n_bytes == 0);
	if (empty) {
		gd_buf_append(out, ";", 1);
	} else if (pr->kind == GD_DT_STRINGS) {
		gd_buf_printf(out, " = ");
		for (size_t i = 0; i < pr->n_strings; i++) {
			if (i)
				gd_buf_printf(out, ", ");
			put_string(out, pr->strings[i]);
		}
		gd_buf_append(out, ";", 1);
		put_note(out, pr, 0);
	} else if (pr->kind == GD_DT_BYTES) {
		gd_buf_printf(out, " = [");
		for (size_t i = 0; i < pr->n_bytes; i++)
			gd_buf_printf(out, i ? " %02x" : "%02x", pr->bytes[i]);
		gd_buf_append(out, "];", 2);
	} else {
		gd_buf_printf(out, " = ");
		put_cells(out, pr, depth);
	}
	gd_buf_append(out, "\n", 1);
}

static void put_node(struct gd_buf *out, const struct gd_dt_node *n, unsigned depth,
                     bool standalone)
{
	put_indent(out, depth);
	if (n->label)
		gd_buf_printf(out, "%s: ", n->label);
	gd_buf_printf(out, "%s {\n", n->parent ? n->name : "/");
	for (size_t i = 0; i < n->n_props; i++)
		if (!n->props[i]->generated && (standalone || !n->props[i]->standalone_only))
			put_prop(out, n->props[i], depth + 1);
	for (size_t i = 0; i < n->n_children; i++) {
		gd_buf_append(out, "\n", 1);
		put_node(out, n->children[i], depth + 1, standalone);
	}
	put_indent(out, depth);
	gd_buf_printf(out, "};\n");
}

void gd_dt_print(struct gd_buf *out, const struct gd_dt_tree *t)
{
	put_node(out, t->root, 0, true);
}

static const char dts_header[] =
    "/dts-v1/;\n"
    "\n"
    "/*\n"
    " * The interrupt system of platform \"%s\", written by gicdesc: CPUs, the GIC\n"
    " * (GICv3 with ITS and MBI, or GICv2 with GICv2m frames), SMMUv3, PCIe hosts,\n"
    " * as in the Device Tree bindings of Linux 6.1. Interrupt specifiers are\n"
    " * <type number flags> (arm,gic-v3.yaml, arm,gic.yaml): type 0 SPI, 1 PPI,\n"
    " * 2 extended SPI, 3 extended PPI; flags 1 edge rising, 4 level high, and on\n"
    " * GICv2 PPIs the CPU interfaces in bits [15:8]. A GIC with #interrupt-cells\n"
    " * = <4> has a 4th cell: a PPI's partition (ppi-partitions), else 0.\n"
    " */\n"
    "\n";

static const char dts_header_v5[] =
    "/dts-v1/;\n"
    "\n"
    "/*\n"
    " * The interrupt system of platform \"%s\", written by gicdesc: CPUs, the\n"
    " * GICv5 (IRSes, their ITSes with translate frames, IWBs), SMMUv3, PCIe hosts,\n"
    " * as in the Device Tree bindings of Linux 7.2. Interrupt specifiers are\n"
    " * <type ID flags> (arm,gic-v5.yaml): type 1 PPI, 3 SPI; flags 1 edge rising,\n"
    " * 4 level high.\n"
    " */\n"
    "\n";

static const char dtsi_header[] =
    "/*\n"
    " * The interrupt system of platform \"%s\", written by gicdesc, as a fragment\n"
    " * for a board DTS (Device Tree bindings of Linux %s).\n"
    " *\n"
    " * Contract:\n"
    " * - #include (cpp) or /include/ it in a board DTS after /dts-v1/; its\n"
    " *   \"/ { ... };\" block merges into the board's root node.\n"
    " * - It sets the root's #address-cells and #size-cells to 2 (every reg and\n"
    " *   ranges below is written so) and its interrupt-parent to &gic.\n"
    " * - It owns /cpus, /psci, the PMUs, the GIC and its ITSes, the SMMUs and the\n"
    " *   PCIe hosts: the board must not define them again, but may extend them\n"
    " *   through their labels: &gic, &psci, &cpu0.., and each ITS, SMMU and PCIe\n"
    " *   host by its name in the description (characters other than letters,\n"
    " *   digits and '_' become '_'), e.g. to add interrupt-map to a PCIe host,\n"
    " *   or &psci { method = \"hvc\"; }; for a guest of a hypervisor.\n"
    " * - Nodes at the dt-path of a named component receive only msi-parent and\n"
    " *   iommus: the board's own definition of that node gives the rest.\n"
    " * - The board gives model, compatible, memory, chosen, timer and the rest.\n"
    "%s"
    " */\n"
    "\n";

/* The DTSI header's last lines: the interrupt specifiers of a GICv3 or GICv2, of a GICv5. */
static const char dtsi_specifiers[] =
    " * Interrupt specifiers are <type number flags> (arm,gic-v3.yaml): type 0 SPI,\n"
    " * 1 PPI, 2 extended SPI, 3 extended PPI; flags 1 edge rising, 4 level high;\n"
    " * with #interrupt-cells = <4>, a 4th cell: a PPI's partition, else 0.\n";
static const char dtsi_specifiers_v5[] =
    " * Interrupt specifiers are <type ID flags> (arm,gic-v5.yaml): type 1 PPI,\n"
    " * 3 SPI; flags 1 edge rising, 4 level high.\n";

/*
 * Prints header @fmt: its first %s is @name as comment text, a second one
 * (the DTSI's) the Linux version of the bindings and then @tail.
 */
static void put_header(struct gd_buf *out, const char *fmt, const char *name, bool v5,
                       const char *tail)
{
	const char *mark = strstr(fmt, "%s");
	gd_buf_append(out, fmt, (size_t)(mark - fmt));
	put_comment_text(out, name ? name : "");
	const char *second = strstr(mark + 2, "%s");
	if (!second) {
		gd_buf_printf(out, "%s", mark + 2);
		return;
	}
	gd_buf_append(out, mark + 2, (size_t)(second - mark - 2));
	gd_buf_printf(out, "%s", v5 ? "7.2" : "6.1");
	const char *third = strstr(second + 2, "%s");
	gd_buf_append(out, second + 2, (size_t)(third - second - 2));
	gd_buf_printf(out, "%s%s", tail, third + 2);
}

static int emit_text(struct gd_emit_ctx *ctx, struct gd_buf *out, bool standalone)
{
	const struct gd_dt_tree *t = gd_emit_dt_tree(ctx);
	if (!t)
		return -1;
	bool v5 = ctx->p->gic_version == GD_GIC_V5;
	put_header(out, standalone ? (v5 ? dts_header_v5 : dts_header) : dtsi_header, ctx->p->name,
	           v5, v5 ? dtsi_specifiers_v5 : dtsi_specifiers);
	put_node(out, t->root, 0, standalone);
	return 0;
}

int gd_emit_dts(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	if (ctx->base)
		return gd_emit_put_merged(ctx, false, out);
	return emit_text(ctx, out, true);
}

int gd_emit_dtsi(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	return emit_text(ctx, out, false);
}

/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "emit/acpi.h"
#include "emit/built.h"

void gd_acpi_emit_header(struct gd_acpi_table *t, const struct gd_platform *p,
                         const char *signature, unsigned revision)
{
	struct gd_acpi_values *v = gd_acpi_table_add(t, &gd_acpi_header);
	v->s[GD_V_SIGNATURE] = signature;
	v->n[GD_V_REVISION] = revision;
	v->s[GD_V_OEM_ID] = p->oem_id;
	v->s[GD_V_OEM_TABLE_ID] = p->oem_table_id;
	v->n[GD_V_OEM_REVISION] = p->oem_revision;
	v->s[GD_V_CREATOR_ID] = p->acpi.creator_id;
	v->n[GD_V_CREATOR_REVISION] = p->acpi.creator_revision;
}

/*
 * True when iasl cannot read @s back as a data-table string "...": it holds a '"', or
 * ends in a backslash (a field padded to its full width puts it before the closing
 * quote). iasl strings have no escape for a quote: iasl 20250404 refuses the line,
 * and 20200925 reads "a\"b" as 'a\' and pads it with zeros.
 */
static bool iasl_cannot_quote(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '"') || (n && s[n - 1] == '\\');
}

/* The header string of @p (OEM ID, OEM Table ID, Creator ID) iasl cannot read back, or NULL. */
static const char *quoted_header_field(const struct gd_platform *p)
{
	if (iasl_cannot_quote(p->oem_id))
		return "OEM ID";
	if (iasl_cannot_quote(p->oem_table_id))
		return "OEM Table ID";
	if (iasl_cannot_quote(p->acpi.creator_id))
		return "Creator ID (Asl Compiler ID)";
	return NULL;
}

/*
 * True when @t holds nothing after its headers (record 0 the ACPI header, record 1
 * the table's own: IORT node count and offset), as an IORT of a platform with no
 * ITS, SMMU, root complex or named component: both iasl releases refuse the source
 * of such a table ("Could not compile input file").
 */
static bool no_subtable(const struct gd_acpi_table *t)
{
	return t->n <= 2;
}

/* Appends the finished table @t as bytes or source; see gd_acpi_emit(). */
static void output(const struct gd_emit_ctx *ctx, const struct gd_acpi_table *t, bool source,
                   const char *what, struct gd_buf *out)
{
	if (!source) {
		gd_acpi_table_write(t, out);
		return;
	}
	const char *iasl, *quoted = quoted_header_field(ctx->p);
	const struct gd_acpi_layout *bad = gd_acpi_table_iasl(t, &iasl);
	char why[160];
	if (bad)
		snprintf(why, sizeof(why), "the %s of this revision back to the same bytes",
		         bad->what);
	else if (quoted)
		snprintf(why, sizeof(why),
		         "this source back to the same bytes: its %s holds a '\"' or ends in a "
		         "backslash, which iasl strings cannot hold there",
		         quoted);
	else if (no_subtable(t))
		snprintf(
		    why, sizeof(why),
		    "this source back to the same bytes: it refuses a table with nothing after "
		    "its header");
	if (bad || quoted || no_subtable(t)) {
		/*
		 * Still worth writing: it reads as iasl -d would print the table.
		 * But the binary is the authority, and the file says so.
		 */
		gd_diag_add(
		    ctx->diags, GD_SEV_WARNING, NULL, NULL,
		    "%s: no iasl release compiles %s; the source is for reading, the binary "
		    "table is authoritative",
		    what, why);
		gd_buf_printf(
		    out,
		    "/*\n * %s, written by gicdesc as iasl data-table source.\n"
		    " * No iasl release compiles %s\n"
		    " * (see gicdesc(1), BUGS): read it, but use the binary table.\n */\n\n",
		    what, why);
	} else {
		gd_buf_printf(
		    out,
		    "/*\n * %s, written by gicdesc as iasl data-table source.\n"
		    " * Compile with iasl %s: it sets the checksum and the Asl Compiler ID\n"
		    " * and Revision to its own.\n */\n\n",
		    what, *iasl ? iasl : "(any release)");
	}
	gd_acpi_table_source(t, out);
}

int gd_acpi_emit(struct gd_emit_ctx *ctx, struct gd_acpi_built *slot, struct gd_buf *out,
                 bool source,
                 int (*build)(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t, char *title,
                              size_t size))
{
	if (slot->status == 1) {
		slot->status = build(ctx, &slot->t, slot->title, sizeof(slot->title));
		if (slot->status == 0)
			gd_acpi_table_finish(&slot->t);
	}
	if (slot->status == 0)
		output(ctx, &slot->t, source, slot->title, out);
	return slot->status;
}

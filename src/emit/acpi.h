/* SPDX-License-Identifier: MIT */
/*
 * acpi.h - what the IORT and MADT emitters share: the ACPI table header
 * from the platform, and the last step that writes bytes or iasl source.
 */
#ifndef GD_EMIT_ACPI_H
#define GD_EMIT_ACPI_H

#include <stdbool.h>

#include "acpi/table.h"
#include "emit/emit.h"

/*
 * Starts @t with the ACPI table header (ACPI 6.5 §5.2.6): @signature (4
 * characters), @revision, the platform's OEM ID, OEM table ID and OEM
 * revision, and the creator ID and revision of p->acpi.
 */
void gd_acpi_emit_header(struct gd_acpi_table *t, const struct gd_platform *p,
                         const char *signature, unsigned revision);

struct gd_acpi_built;

/*
 * Builds a table into @slot with @build (which fills the table and names it,
 * e.g. "IORT revision 3 (DEN0049E.b)", returning 0 or -1 after reporting),
 * once per context: a later call finds it in @slot. Then sets its length and
 * checksum and appends it to @out: its bytes, or with @source its iasl
 * data-table source under a comment naming the iasl release that compiles
 * it back (a warning when none does). Returns 0, or -1 when building it
 * failed (the errors were reported in ctx->diags the first time).
 */
int gd_acpi_emit(struct gd_emit_ctx *ctx, struct gd_acpi_built *slot, struct gd_buf *out,
                 bool source,
                 int (*build)(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t, char *title,
                              size_t size));

#endif

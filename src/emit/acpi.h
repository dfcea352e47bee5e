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

/*
 * Builds a table with @build (which fills the table and names it, e.g.
 * "IORT revision 3 (DEN0049E.b)", returning 0 or -1 after reporting), sets
 * its length and checksum and appends it to @out: its bytes, or with
 * @source its iasl data-table source under a comment naming the iasl
 * release that compiles it back. Returns 0, or -1 with errors in
 * ctx->diags (also when no iasl compiles the source of this revision).
 */
int gd_acpi_emit(const struct gd_emit_ctx *ctx, struct gd_buf *out, bool source,
                 int (*build)(const struct gd_emit_ctx *ctx, struct gd_acpi_table *t, char *title,
                              size_t size));

/*
 * Direct LPI in ACPI (acpi_direct_lpi.c): neither IORT (no node for it; ID
 * mappings end at ITS groups and SMMUs, and Direct LPI takes no DeviceID)
 * nor MADT (GICR structures have no DirectLPI flag) can say it.
 */

/*
 * True when IORT must leave mapping @m out: its output is an MSI controller
 * that takes no DeviceID (Direct LPI, a GICv2m frame, MBI), for which IORT
 * has no node (IORT E.e §3). gd_iort_report_direct_lpi() and
 * gd_iort_report_spi_msi() say what each loses.
 */
bool gd_iort_skips_map(const struct gd_id_map *m);

/*
 * Reports each device whose MSIs go through Direct LPI, naming what the IORT
 * cannot express: an error, or a warning under --force (ctx->force), when
 * the table is written without those devices' MSI routes.
 */
void gd_iort_report_direct_lpi(const struct gd_emit_ctx *ctx);

/* A note when redistributors have DirectLPI: the MADT GICR structure cannot say so. */
void gd_madt_note_direct_lpi(const struct gd_emit_ctx *ctx);

/*
 * Warns, for each route that ends at SPI-based MSI which IORT cannot carry
 * (MBI; a GICv2m frame from a named component, whereas PCI reaches one
 * through the MADT GIC MSI frame), that its source gets no MSI under ACPI
 * (iort_spi_msi.c).
 */
void gd_iort_report_spi_msi(const struct gd_emit_ctx *ctx);

#endif

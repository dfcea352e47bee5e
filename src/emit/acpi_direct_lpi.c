/* SPDX-License-Identifier: MIT */
/*
 * acpi_direct_lpi.c - what ACPI cannot say about Direct LPI, said out loud.
 * IORT (DEN0049 E.e) maps IDs only into ITS groups and SMMUs, and Direct LPI
 * (GICR_SETLPIR, GIC architecture §12.11) takes no ID at all, so a device
 * whose MSIs go through it has no MSI route in the IORT; the MADT GICR
 * structure (ACPI 6.5 §5.2.12.16) has no DirectLPI flag. Never a silent drop.
 */
#include <stdio.h>
#include <string.h>

#include "emit/acpi.h"

bool gd_iort_skips_map(const struct gd_id_map *m)
{
	return m->output && m->output->kind != GD_NODE_ITS && gd_node_is_sink(m->output->kind);
}

/* Writes the LPI ranges of @n as "LPIs 8192-9215, 9300-9301" (nothing when none). */
static void lpi_text(const struct gd_node *n, char *buf, size_t size)
{
	struct gd_node *nd = (struct gd_node *)n;
	const struct gd_root_complex *rc = gd_node_as_rc(nd);
	const struct gd_named_component *nc = gd_node_as_nc(nd);
	size_t k = rc ? rc->n_lpis : nc ? nc->n_lpis : 0, len = 0;
	const struct gd_intid_range *r = rc ? rc->lpis : nc ? nc->lpis : NULL;
	buf[0] = '\0';
	for (size_t i = 0; i < k && len < size; i++) {
		snprintf(buf + len, size - len, "%s%u-%llu", i ? ", " : " (LPIs ",
		         (unsigned)r[i].base, (unsigned long long)r[i].base + r[i].count - 1);
		len = strnlen(buf, size);
	}
	if (k && len < size)
		snprintf(buf + len, size - len, ")");
}

void gd_iort_report_direct_lpi(const struct gd_emit_ctx *ctx)
{
	struct gd_node *n;
	char lpis[160];
	for (size_t i = 0; (n = gd_platform_node(ctx->p, i)); i++)
		for (size_t k = 0; k < n->n_maps; k++) {
			if (!n->maps[k].output || n->maps[k].output->kind != GD_NODE_DIRECT_LPI)
				continue;
			lpi_text(n, lpis, sizeof(lpis));
			gd_diag_add(
			    ctx->diags, ctx->force ? GD_SEV_WARNING : GD_SEV_ERROR, NULL,
			    &n->maps[k].loc,
			    "IORT: %s '%s' raises its MSIs through Direct LPI%s, which IORT "
			    "cannot express (no node for it; ID mappings end at an ITS group "
			    "or SMMU, and Direct LPI takes no DeviceID): %s",
			    gd_node_kind_name(n->kind), n->name, lpis,
			    ctx->force ? "written without that MSI route, so an OS booted "
			                 "with ACPI gives the device no MSIs"
			               : "no IORT written (--force writes it without that "
			                 "route)");
			break;
		}
}

void gd_madt_note_direct_lpi(const struct gd_emit_ctx *ctx)
{
	const struct gd_platform *p = ctx->p;
	for (size_t i = 0; i < p->n_redists; i++)
		if (p->redists[i].direct_lpi) {
			gd_diag_add(ctx->diags, GD_SEV_NOTE, NULL, &p->redists[i].loc,
			            "MADT: the GICR structure has no DirectLPI flag (ACPI 6.5 "
			            "§5.2.12.16); the OS reads GICR_TYPER.DirectLPI itself");
			return;
		}
}

/* SPDX-License-Identifier: MIT */
/*
 * iort_spi_msi.c - what an ACPI platform loses of SPI-based MSI. IORT has no
 * node for a GICv2m frame or for MBI (IORT E.e §3, node types), so
 * mappings into them are left out of the IORT. A GICv2m frame still serves
 * PCI under ACPI through its MADT GIC MSI frame (Linux gicv2m_acpi_init()
 * registers it for every PCI device: pci_msi_register_fwnode_provider());
 * a named component behind one, and anything behind MBI (no MADT or IORT
 * structure at all), gets no MSI.
 */
#include "emit/acpi.h"

#include "check/rule.h"

/* Warns that the source of route @r gets no MSI when the OS boots with ACPI. */
static void report(const struct gd_emit_ctx *ctx, const struct gd_route *r)
{
	char what[96];
	gd_check_route_source(r, what, sizeof(what));
	gd_diag_add(ctx->diags, GD_SEV_WARNING, NULL, &r->source->loc,
	            "IORT: %s %s no MSI when the OS boots with ACPI: %s %s has no ACPI form "
	            "for a %s (no IORT node%s)",
	            what, gd_check_verb(r, "get", "gets"), gd_node_kind_name(r->sink->kind),
	            r->sink->name, gd_node_kind_name(r->source->kind),
	            r->sink->kind == GD_NODE_MBI ? ", no MADT structure" : "");
}

void gd_iort_report_spi_msi(const struct gd_emit_ctx *ctx)
{
	for (size_t i = 0; ctx->routes && i < ctx->routes->n; i++) {
		const struct gd_route *r = &ctx->routes->v[i];
		if (r->status != GD_ROUTE_OK)
			continue;
		/* PCI reaches a GICv2m frame through the MADT GIC MSI frame: nothing lost. */
		if ((r->sink->kind == GD_NODE_MSI_FRAME &&
		     r->source->kind != GD_NODE_ROOT_COMPLEX) ||
		    r->sink->kind == GD_NODE_MBI)
			report(ctx, r);
	}
}

/* SPDX-License-Identifier: MIT */
/*
 * rules_binding.c - the properties that the DT bindings of the nodes gicdesc
 * models require or constrain (struct gd_dt_binding_node, recorded by the
 * DTB front end), where Linux reads them. A description (YAML) and ACPI
 * tables have no such nodes: generate writes them as the bindings want.
 */
#include <inttypes.h>

#include "check/rule.h"

/* True when node @b has property @prop. */
static bool has(const struct gd_dt_binding_node *b, enum gd_dt_binding_prop prop)
{
	return b->present >> prop & 1;
}

/*
 * Reports property @prop of @b when it is missing or not the one cell @want:
 * "no P" or "P is <v>, not <want>", followed by @why.
 */
static void want_cell(struct gd_check_ctx *c, const struct gd_dt_binding_node *b,
                      enum gd_dt_binding_prop prop, uint32_t want, const char *why)
{
	const char *name = gd_dt_binding_prop_name(prop);
	if (!has(b, prop))
		gd_check_report(c, &b->loc, "no %s: %s", name, why);
	else if (b->len[prop] != 4 || b->cell[prop] != want)
		gd_check_report(c, &b->loc,
		                "%s is %" PRIu32 " (%" PRIu32 " bytes), not <%" PRIu32 ">: %s",
		                name, b->cell[prop], b->len[prop], want, why);
}

/* The recorded node of @kind after @b (NULL: from the first), or NULL. */
static const struct gd_dt_binding_node *
next(const struct gd_platform *p, const struct gd_dt_binding_node *b, enum gd_dt_binding_kind kind)
{
	for (size_t i = b ? (size_t)(b - p->dt_binding) + 1 : 0; i < p->n_dt_binding; i++)
		if (p->dt_binding[i].kind == kind)
			return &p->dt_binding[i];
	return NULL;
}

/* Reports MSI controller node @b without msi-controller, which Linux @skips (binding @binding). */
static void want_msi_controller(struct gd_check_ctx *c, const struct gd_dt_binding_node *b,
                                const char *skips, const char *binding)
{
	if (!has(b, GD_DTP_MSI_CONTROLLER))
		gd_check_report(c, &b->loc,
		                "no msi-controller: Linux %s, so nothing that maps to it gets an "
		                "MSI (%s: required)",
		                skips, binding);
}

/* Runs the statement that follows for each recorded node @b of @kind. */
#define FOR_EACH_BINDING_NODE(ctx, kind, b)                                                        \
	for (const struct gd_dt_binding_node *b = next((ctx)->p, NULL, kind); b;                   \
	     b = next((ctx)->p, b, kind))

void gd_rule_gic_binding(struct gd_check_ctx *c)
{
	FOR_EACH_BINDING_NODE(c, GD_DT_GIC, b)
	{
		if (!has(b, GD_DTP_INTERRUPT_CONTROLLER))
			gd_check_report(
			    c, &b->loc,
			    "no interrupt-controller: Linux of_irq_parse_raw() takes no "
			    "node without it for an interrupt parent, so no device "
			    "wired to the GIC gets its interrupts (DTSpec §2.4.2.1; "
			    "dt-schema interrupt-controller.yaml)");
		if (c->p->gic_version == GD_GIC_V2)
			continue;
		if (has(b, GD_DTP_MBI_RANGES) && !has(b, GD_DTP_MSI_CONTROLLER))
			gd_check_report(
			    c, &b->loc,
			    "mbi-ranges without msi-controller: Linux mbi_init() sets up "
			    "no MBI without it, so these SPIs raise no MSI (arm,gic-v3.yaml "
			    "dependencies)");
		if (has(b, GD_DTP_MSI_CONTROLLER) && !has(b, GD_DTP_MBI_RANGES))
			gd_check_report(
			    c, &b->loc,
			    "msi-controller without mbi-ranges: Linux mbi_init() fails "
			    "(\"Failed to initialize MBIs\") and a device whose msi-parent "
			    "is the GIC gets no MSI (arm,gic-v3.yaml dependencies)");
	}
}

void gd_rule_its_binding(struct gd_check_ctx *c)
{
	FOR_EACH_BINDING_NODE(c, GD_DT_ITS, b)
	{
		want_msi_controller(c, b, "its_of_probe() skips the ITS", "arm,gic-v3.yaml ITS");
		want_cell(c, b, GD_DTP_MSI_CELLS, 1,
		          "the one cell of an msi-parent specifier is the DeviceID: Linux "
		          "of_msi_get_domain() reads msi-parent entries by it, taking none as 0 "
		          "cells (arm,gic-v3.yaml ITS: required, const 1)");
	}
}

void gd_rule_v2m_binding(struct gd_check_ctx *c)
{
	FOR_EACH_BINDING_NODE(c, GD_DT_V2M, b)
	{
		want_msi_controller(c, b, "gicv2m_of_init() skips the frame", "arm,gic.yaml v2m");
		if (has(b, GD_DTP_MSI_BASE_SPI) != has(b, GD_DTP_MSI_NUM_SPIS))
			gd_check_report(
			    c, &b->loc,
			    "%s without %s: Linux gicv2m_of_init() overrides MSI_TYPER only "
			    "with both, so the one given is ignored (arm,gic.yaml v2m)",
			    gd_dt_binding_prop_name(has(b, GD_DTP_MSI_BASE_SPI)
			                                ? GD_DTP_MSI_BASE_SPI
			                                : GD_DTP_MSI_NUM_SPIS),
			    gd_dt_binding_prop_name(has(b, GD_DTP_MSI_BASE_SPI)
			                                ? GD_DTP_MSI_NUM_SPIS
			                                : GD_DTP_MSI_BASE_SPI));
	}
}

void gd_rule_smmu_binding(struct gd_check_ctx *c)
{
	FOR_EACH_BINDING_NODE(c, GD_DT_SMMUV3, b)
	want_cell(c, b, GD_DTP_IOMMU_CELLS, 1,
	          "the one cell of an iommus specifier is the StreamID: Linux "
	          "of_iommu_configure() reads iommus entries by it and gives a device none "
	          "without it (arm,smmu-v3.yaml: required, const 1)");
}

void gd_rule_pci_host_binding(struct gd_check_ctx *c)
{
	FOR_EACH_BINDING_NODE(c, GD_DT_PCI_HOST, b)
	{
		want_cell(c, b, GD_DTP_ADDRESS_CELLS, 3,
		          "PCI addresses are 3 cells (phys.hi, mid, lo), so ranges and child reg "
		          "cannot be read (pci-bus.yaml: required, const 3)");
		want_cell(c, b, GD_DTP_SIZE_CELLS, 2,
		          "PCI sizes are 2 cells (pci-bus.yaml: required, const 2)");
		if (!has(b, GD_DTP_RANGES))
			gd_check_report(
			    c, &b->loc,
			    "no ranges: Linux devm_of_pci_get_host_bridge_resources() then "
			    "gives the host bridge no windows, so no BAR can be assigned "
			    "(pci-bus.yaml: required)");
		if (has(b, GD_DTP_MSI_MAP_MASK) && !has(b, GD_DTP_MSI_MAP))
			gd_check_report(
			    c, &b->loc,
			    "msi-map-mask without msi-map: a mask of no map, a sign "
			    "that the msi-map was lost (pci-bus.yaml dependentRequired)");
		if (has(b, GD_DTP_IOMMU_MAP_MASK) && b->cell[GD_DTP_IOMMU_MAP_MASK] > 0xffff)
			gd_check_report(c, &b->loc,
			                "iommu-map-mask is 0x%" PRIx32 ", past 0xffff: a RID is 16 "
			                "bits (pci-iommu.yaml: maximum 0xffff)",
			                b->cell[GD_DTP_IOMMU_MAP_MASK]);
	}
}

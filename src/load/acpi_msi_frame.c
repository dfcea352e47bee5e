/* SPDX-License-Identifier: MIT */
/*
 * ACPI front end: the MADT GIC MSI frame structure (ACPI 6.5 §5.2.12.16) as
 * a GICv2m frame of the model, named "v2m<ID>" (decimal GIC MSI frame ID),
 * and the PCI MSIs Linux sends to the first frame when IORT leads a RID to no
 * ITS (struct gd_platform pci_msi_fallback; the resolver follows it).
 */
#include <stdio.h>
#include <stdlib.h>

#include "load/acpi_load.h"

void gd_acpi_add_msi_frame(struct gd_acpi_load *c, const struct gd_acpi_values *v,
                           const struct gd_loc *loc, uint32_t off)
{
	char name[32];
	uint32_t id = (uint32_t)v->n[GD_V_MSI_FRAME_ID];
	snprintf(name, sizeof(name), "v2m%u", (unsigned)id);
	struct gd_msi_frame *f = gd_acpi_add_node(c, GD_NODE_MSI_FRAME, sizeof(*f), name, loc, off);
	f->frame_id = id;
	f->base = v->n[GD_V_BASE];
	f->size = 0x1000;
	if (!(v->n[GD_V_FLAGS] & GD_MSI_FRAME_SPI_SELECT))
		return; /* the OS reads MSI_TYPER: the SPIs are not known here */
	f->spi_base = (uint32_t)v->n[GD_V_SPI_BASE];
	f->spi_count = (uint32_t)v->n[GD_V_SPI_COUNT];
}

void gd_acpi_v2m_fallback(struct gd_acpi_load *c)
{
	struct gd_platform *p = c->p;
	if (!p->n_msi_frames)
		return;
	p->pci_msi_fallback = &p->msi_frames[0]->node;
	if (p->n_rcs)
		gd_acpi_assume(
		    c,
		    "RIDs of root complexes that IORT leads to no ITS go to GICv2m frame "
		    "%s, the first of the MADT (Linux: pci_msi_get_device_domain() falls "
		    "back to the PCI MSI domain of gicv2m_acpi_init(), gicv2m_get_fwnode() "
		    "gives the first frame)",
		    p->msi_frames[0]->node.name);
}

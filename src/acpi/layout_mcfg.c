/* SPDX-License-Identifier: MIT */
/* MCFG layout (PCI Firmware Specification 3.3 §4.1.2, table 4-3), as iasl names it. */
#include "acpi/layout_def.h"

static const struct gd_acpi_field allocation_fields[] = {
    GD_INT(0, 8, GD_V_BASE, "Base Address"),
    GD_INT(8, 2, GD_V_SEGMENT, "Segment Group Number"),
    GD_INT(10, 1, GD_V_BUS_START, "Start Bus Number"),
    GD_INT(11, 1, GD_V_BUS_END, "End Bus Number"),
    GD_RSV(12, 4),
};

const struct gd_acpi_layout gd_mcfg_allocation =
    GD_LAYOUT("MCFG configuration space allocation", 16, allocation_fields, NULL);

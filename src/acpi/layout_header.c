/* SPDX-License-Identifier: MIT */
/* The ACPI table header (ACPI 6.5 §5.2.6, table 5.4), 36 bytes. */
#include "acpi/layout_def.h"

static const struct gd_acpi_field header_fields[] = {
    GD_CHARS(0, 4, GD_V_SIGNATURE, "Signature"),
    GD_INT(4, 4, GD_V_LENGTH, "Table Length"),
    GD_INT(8, 1, GD_V_REVISION, "Revision"),
    GD_INT(9, 1, GD_V_CHECKSUM, "Checksum"),
    GD_CHARS(10, 6, GD_V_OEM_ID, "Oem ID"),
    GD_CHARS(16, 8, GD_V_OEM_TABLE_ID, "Oem Table ID"),
    GD_INT(24, 4, GD_V_OEM_REVISION, "Oem Revision"),
    GD_CHARS(28, 4, GD_V_CREATOR_ID, "Asl Compiler ID"),
    GD_INT(32, 4, GD_V_CREATOR_REVISION, "Asl Compiler Revision"),
};

const struct gd_acpi_layout gd_acpi_header =
    GD_LAYOUT("ACPI table header", 36, header_fields, NULL);

/* SPDX-License-Identifier: MIT */
/*
 * MADT field tables (ACPI 6.5 §5.2.12): the MADT header, GICC (§5.2.12.14)
 * at revisions 3 (76 bytes, ACPI 5.1), 4 and 5 (80 bytes: efficiency class
 * from ACPI 6.0, SPE overflow interrupt from ACPI 6.3) and 6 (82 bytes: TRBE
 * interrupt, ACPI 6.5), GICD (§5.2.12.15), GIC MSI frame (§5.2.12.16),
 * GICR (§5.2.12.17) and GIC ITS (§5.2.12.18). Names are those of iasl; iasl 20200925 compiles the
 * 80-byte GICC, iasl 20250404 the 82-byte one, neither the 76-byte one.
 */
#include "acpi/layout_def.h"

static const struct gd_acpi_bit pcat_bits[] = {{"PC-AT Compatibility", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field madt_header_fields[] = {
    GD_INT(0, 4, GD_V_LAPIC_ADDR, "Local Apic Address"),
    GD_FLAGS(4, 4, GD_V_FLAGS, "Flags (decoded below)", pcat_bits),
};
static const struct gd_acpi_layout madt_header =
    GD_LAYOUT("MADT header", 8, madt_header_fields, NULL);

static const struct gd_acpi_bit gicc_flags_bits[] = {
    {"Processor Enabled", 0, 1},
    {"Performance Interrupt Trigger Mode", 1, 1},
    {"Virtual GIC Interrupt Trigger Mode", 2, 1},
    {NULL, 0, 0},
};
/* iasl 20250404 also decodes the online-capable bit (ACPI 6.5 table 5.37). */
static const struct gd_acpi_bit gicc65_flags_bits[] = {
    {"Processor Enabled", 0, 1},
    {"Performance Interrupt Trigger Mode", 1, 1},
    {"Virtual GIC Interrupt Trigger Mode", 2, 1},
    {"Online Capable", 3, 1},
    {NULL, 0, 0},
};
#define GICC_ACPI51(flags)                                                                         \
	GD_SUBTYPE("[Generic Interrupt Controller]"), GD_INT(1, 1, GD_V_LENGTH, "Length"),         \
	    GD_RSV(2, 2), GD_INT(4, 4, GD_V_CPU_IF, "CPU Interface Number"),                       \
	    GD_INT(8, 4, GD_V_UID, "Processor UID"),                                               \
	    GD_FLAGS(12, 4, GD_V_FLAGS, "Flags (decoded below)", flags),                           \
	    GD_INT(16, 4, GD_V_PARKING_VERSION, "Parking Protocol Version"),                       \
	    GD_INT(20, 4, GD_V_PERF_GSIV, "Performance Interrupt"),                                \
	    GD_INT(24, 8, GD_V_PARKED_ADDR, "Parked Address"),                                     \
	    GD_INT(32, 8, GD_V_BASE, "Base Address"),                                              \
	    GD_INT(40, 8, GD_V_GICV_BASE, "Virtual GIC Base Address"),                             \
	    GD_INT(48, 8, GD_V_GICH_BASE, "Hypervisor GIC Base Address"),                          \
	    GD_INT(56, 4, GD_V_VGIC_GSIV, "Virtual GIC Interrupt"),                                \
	    GD_INT(60, 8, GD_V_GICR_BASE, "Redistributor Base Address"),                           \
	    GD_INT(68, 8, GD_V_MPIDR, "ARM MPIDR")
#define GICC_ACPI63(flags)                                                                         \
	GICC_ACPI51(flags), GD_INT(76, 1, GD_V_EFFICIENCY, "Efficiency Class"), GD_RSV(77, 1),     \
	    GD_INT(78, 2, GD_V_SPE_GSIV, "SPE Overflow Interrupt")

static const struct gd_acpi_field gicc76_fields[] = {GICC_ACPI51(gicc_flags_bits)};
static const struct gd_acpi_field gicc80_fields[] = {GICC_ACPI63(gicc_flags_bits)};
static const struct gd_acpi_field gicc82_fields[] = {
    GICC_ACPI63(gicc65_flags_bits),
    GD_INT(80, 2, GD_V_TRBE_GSIV, "TRBE Interrupt"),
};
static const struct gd_acpi_layout gicc76 = GD_LAYOUT("GICC (76 bytes)", 76, gicc76_fields, "");
static const struct gd_acpi_layout gicc80 =
    GD_LAYOUT("GICC (80 bytes)", 80, gicc80_fields, "20200925");
static const struct gd_acpi_layout gicc82 =
    GD_LAYOUT("GICC (82 bytes)", 82, gicc82_fields, "20250404");

static const struct gd_acpi_field gicd_fields[] = {
    GD_SUBTYPE("[Generic Interrupt Distributor]"),
    GD_INT(1, 1, GD_V_LENGTH, "Length"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_GIC_ID, "Local GIC Hardware ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_INT(16, 4, GD_V_VECTOR_BASE, "Interrupt Base"),
    GD_INT(20, 1, GD_V_VERSION, "Version"),
    GD_RSV(21, 3),
};
static const struct gd_acpi_layout gicd = GD_LAYOUT("GICD", 24, gicd_fields, NULL);

static const struct gd_acpi_field gicr_fields[] = {
    GD_SUBTYPE("[Generic Interrupt Redistributor]"),
    GD_INT(1, 1, GD_V_LENGTH, "Length"),
    GD_RSV(2, 2),
    GD_INT(4, 8, GD_V_BASE, "Base Address"),
    GD_INT(12, 4, GD_V_RANGE_LENGTH, "Length"),
};
static const struct gd_acpi_layout gicr = GD_LAYOUT("GICR", 16, gicr_fields, NULL);

static const struct gd_acpi_field its_fields[] = {
    GD_SUBTYPE("[Generic Interrupt Translator]"),
    GD_INT(1, 1, GD_V_LENGTH, "Length"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_ITS_ID, "Translation ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_RSV(16, 4),
};
static const struct gd_acpi_layout its = GD_LAYOUT("GIC ITS", 20, its_fields, NULL);

/* GIC MSI frame (ACPI 6.5 §5.2.12.16, table 5.40): flags bit 0 "SPI count/base select". */
static const struct gd_acpi_bit msi_frame_bits[] = {{"Select SPI", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field msi_frame_fields[] = {
    GD_SUBTYPE("[Generic MSI Frame]"),
    GD_INT(1, 1, GD_V_LENGTH, "Length"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_MSI_FRAME_ID, "MSI Frame ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_FLAGS(16, 4, GD_V_FLAGS, "Flags (decoded below)", msi_frame_bits),
    GD_INT(20, 2, GD_V_SPI_COUNT, "SPI Count"),
    GD_INT(22, 2, GD_V_SPI_BASE, "SPI Base"),
};
static const struct gd_acpi_layout msi_frame =
    GD_LAYOUT("GIC MSI frame", 24, msi_frame_fields, NULL);

static const struct gd_madt_layouts madt_revs[] = {
    {3, "ACPI 5.1", &madt_header, &gicc76, &gicd, &gicr, &its, &msi_frame},
    {4, "ACPI 6.0", &madt_header, &gicc80, &gicd, &gicr, &its, &msi_frame},
    {5, "ACPI 6.3", &madt_header, &gicc80, &gicd, &gicr, &its, &msi_frame},
    {6, "ACPI 6.5", &madt_header, &gicc82, &gicd, &gicr, &its, &msi_frame},
};

const struct gd_madt_layouts *gd_madt_layouts(unsigned revision)
{
	for (size_t i = 0; i < sizeof(madt_revs) / sizeof(madt_revs[0]); i++)
		if (madt_revs[i].revision == revision)
			return &madt_revs[i];
	return NULL;
}

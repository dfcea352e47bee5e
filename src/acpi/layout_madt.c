/* SPDX-License-Identifier: MIT */
/*
 * MADT field tables (ACPI 6.5 §5.2.12): the MADT header, GICC (§5.2.12.14)
 * at revisions 3 (76 bytes, ACPI 5.1), 4 and 5 (80 bytes: efficiency class
 * from ACPI 6.0, SPE overflow interrupt from ACPI 6.3) and 6 (82 bytes: TRBE
 * interrupt, ACPI 6.5), GICD (§5.2.12.15), GIC MSI frame (§5.2.12.16),
 * GICR (§5.2.12.17) and GIC ITS (§5.2.12.18). Names are those of iasl; iasl 20200925 compiles the
 * 80-byte GICC, iasl 20250404 the 82-byte one, neither the 76-byte one.
 *
 * Revision 7 (ACPI 6.7; ACPICA's "MADT with ACPI 6.7 subtables" template is
 * revision 7, commit 7d54fc33a, and iasl decodes revisions above 6 with the
 * tables of commit e3afd8e17): a flags byte in GICR and GIC ITS (bit 0 non-
 * coherent) and GICC flags bit 4 (GICR non-coherent), then the GICv5
 * structures of ACPICA commit 69cca52dd (actbl2.h, dmtbinfo2.c
 * AcpiDmTableInfoMadt28..30): IRS (type 28), ITS config frame (29), ITS
 * translate frame (30), and the GICC's IAFFID (offset 82, 2 bytes) and IRS
 * ID (84, 4 bytes), 88 bytes in all. iasl 20260408 compiles all of them but
 * the GICC's last two fields: its AcpiDmTableInfoMadt11b ends at "TRBE
 * Interrupt", so it decodes an 88-byte GICC without them and compiles 82 bytes.
 */
#include "acpi/layout_def.h"

/* The 2 bytes every MADT structure starts with: its type (shown as @text) and length. */
#define MADT_SUB(text) GD_SUBTYPE(text), GD_INT(1, 1, GD_V_LENGTH, "Length")
/* MADT revision 7: a flags byte at offset 2 (bit 0 "non-coherent"), then a reserved byte. */
#define FLAGS_BYTE(bits) GD_FLAGS(2, 1, GD_V_FLAGS, "Flags (decoded below)", bits), GD_RSV(3, 1)

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
/* MADT revision 7 (ACPICA AcpiDmTableInfoMadt11b): bit 4, GICR not coherent. */
static const struct gd_acpi_bit gicc66_flags_bits[] = {
    {"Processor Enabled", 0, 1},
    {"Performance Interrupt Trigger Mode", 1, 1},
    {"Virtual GIC Interrupt Trigger Mode", 2, 1},
    {"Online Capable", 3, 1},
    {"GICR non-coherent", 4, 1},
    {NULL, 0, 0},
};
#define GICC_ACPI51(flags)                                                                         \
	MADT_SUB("[Generic Interrupt Controller]"), GD_RSV(2, 2),                                  \
	    GD_INT(4, 4, GD_V_CPU_IF, "CPU Interface Number"),                                     \
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
static const struct gd_acpi_field gicc82r7_fields[] = {
    GICC_ACPI63(gicc66_flags_bits),
    GD_INT(80, 2, GD_V_TRBE_GSIV, "TRBE Interrupt"),
};
/* ACPI 6.7 (actbl2.h ACPI_MADT_GENERIC_INTERRUPT "Iaffid", "IrsId"); iasl has no names for them. */
static const struct gd_acpi_field gicc88_fields[] = {
    GICC_ACPI63(gicc66_flags_bits),
    GD_INT(80, 2, GD_V_TRBE_GSIV, "TRBE Interrupt"),
    GD_INT(82, 2, GD_V_IAFFID, "IAFFID"),
    GD_INT(84, 4, GD_V_IRS_ID, "IRS ID"),
};
static const struct gd_acpi_layout gicc76 = GD_LAYOUT("GICC (76 bytes)", 76, gicc76_fields, "");
static const struct gd_acpi_layout gicc80 =
    GD_LAYOUT("GICC (80 bytes)", 80, gicc80_fields, "=20200925");
static const struct gd_acpi_layout gicc82 =
    GD_LAYOUT("GICC (82 bytes)", 82, gicc82_fields, "20250404");
static const struct gd_acpi_layout gicc82r7 =
    GD_LAYOUT("GICC (82 bytes, MADT revision 7)", 82, gicc82r7_fields, "20260408");
static const struct gd_acpi_layout gicc88 =
    GD_LAYOUT("GICv5 GICC (88 bytes, IAFFID and IRS ID)", 88, gicc88_fields, "");

static const struct gd_acpi_field gicd_fields[] = {
    MADT_SUB("[Generic Interrupt Distributor]"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_GIC_ID, "Local GIC Hardware ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_INT(16, 4, GD_V_VECTOR_BASE, "Interrupt Base"),
    GD_INT(20, 1, GD_V_VERSION, "Version"),
    GD_RSV(21, 3),
};
static const struct gd_acpi_layout gicd = GD_LAYOUT("GICD", 24, gicd_fields, NULL);

static const struct gd_acpi_field gicr_fields[] = {
    MADT_SUB("[Generic Interrupt Redistributor]"),
    GD_RSV(2, 2),
    GD_INT(4, 8, GD_V_BASE, "Base Address"),
    GD_INT(12, 4, GD_V_RANGE_LENGTH, "Length"),
};
static const struct gd_acpi_layout gicr = GD_LAYOUT("GICR", 16, gicr_fields, NULL);
/* MADT revision 7 (ACPICA AcpiDmTableInfoMadt14a): a flags byte where the reserved bytes began. */
static const struct gd_acpi_bit gicr_flags_bits[] = {{"GICR non-coherent", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field gicr7_fields[] = {
    MADT_SUB("[Generic Interrupt Redistributor]"),
    FLAGS_BYTE(gicr_flags_bits),
    GD_INT(4, 8, GD_V_BASE, "Base Address"),
    GD_INT(12, 4, GD_V_RANGE_LENGTH, "Length"),
};
static const struct gd_acpi_layout gicr7 =
    GD_LAYOUT("GICR (MADT revision 7)", 16, gicr7_fields, "20260408");

static const struct gd_acpi_field its_fields[] = {
    MADT_SUB("[Generic Interrupt Translator]"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_ITS_ID, "Translation ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_RSV(16, 4),
};
static const struct gd_acpi_layout its = GD_LAYOUT("GIC ITS", 20, its_fields, NULL);
/* MADT revision 7 (ACPICA AcpiDmTableInfoMadt15a). */
static const struct gd_acpi_bit its_flags_bits[] = {{"GIC ITS non-coherent", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field its7_fields[] = {
    MADT_SUB("[Generic Interrupt Translator]"),
    FLAGS_BYTE(its_flags_bits),
    GD_INT(4, 4, GD_V_ITS_ID, "Translation ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_RSV(16, 4),
};
static const struct gd_acpi_layout its7 =
    GD_LAYOUT("GIC ITS (MADT revision 7)", 20, its7_fields, "20260408");

/* GIC MSI frame (ACPI 6.5 §5.2.12.16, table 5.40): flags bit 0 "SPI count/base select". */
static const struct gd_acpi_bit msi_frame_bits[] = {{"Select SPI", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field msi_frame_fields[] = {
    MADT_SUB("[Generic MSI Frame]"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_MSI_FRAME_ID, "MSI Frame ID"),
    GD_INT(8, 8, GD_V_BASE, "Base Address"),
    GD_FLAGS(16, 4, GD_V_FLAGS, "Flags (decoded below)", msi_frame_bits),
    GD_INT(20, 2, GD_V_SPI_COUNT, "SPI Count"),
    GD_INT(22, 2, GD_V_SPI_BASE, "SPI Base"),
};
static const struct gd_acpi_layout msi_frame =
    GD_LAYOUT("GIC MSI frame", 24, msi_frame_fields, NULL);

/*
 * GICv5 IRS (type 28, ACPICA ACPI_MADT_GICV5_IRS, 32 bytes): GIC version 5,
 * IRS ID (the GICC "IRS ID" of the PEs it serves), flags bit 0 non-coherent,
 * config frame and SETLPI frame bases (Linux gic_acpi_parse_madt_irs()).
 */
static const struct gd_acpi_bit v5_irs_bits[] = {{"GICV5 IRS non-coherent", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field irs_fields[] = {
    MADT_SUB("[Generic Interrupt v5 Router]"),
    GD_INT(2, 1, GD_V_VERSION, "Gic version"),
    GD_RSV(3, 1),
    GD_INT(4, 4, GD_V_IRS_ID, "Irs Id"),
    GD_FLAGS(8, 4, GD_V_FLAGS, "Flags (decoded below)", v5_irs_bits),
    GD_RSV(12, 4),
    GD_INT(16, 8, GD_V_BASE, "Irs Config Frame Physical Base Address"),
    GD_INT(24, 8, GD_V_SETLPI_BASE, "Irs Setlpi Frame Physical Base Address"),
};
static const struct gd_acpi_layout irs = GD_LAYOUT("GICv5 IRS", 32, irs_fields, "20260408");

/*
 * GICv5 ITS config frame (type 29, ACPI_MADT_GICv5_ITS, 16 bytes): flags
 * byte (bit 0 non-coherent), Translator ID, config frame base (Linux
 * gic_acpi_parse_madt_its()).
 */
static const struct gd_acpi_bit v5_its_bits[] = {{"GICV5 ITS non-coherent", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field v5_its_fields[] = {
    MADT_SUB("[Generic Interrupt v5 Translator Config]"),
    FLAGS_BYTE(v5_its_bits),
    GD_INT(4, 4, GD_V_TRANSLATOR_ID, "Gic Its Id"),
    GD_INT(8, 8, GD_V_BASE, "Physical Base Address"),
};
static const struct gd_acpi_layout v5_its =
    GD_LAYOUT("GICv5 ITS config frame", 16, v5_its_fields, "20260408");

/*
 * GICv5 ITS translate frame (type 30, ACPI_MADT_GICv5_ITS_TRANSLATE, 24
 * bytes): the Translator ID of its ITS, its Translate Frame ID (what IORT ITS
 * groups list: Linux iort_register_domain_token()), its base.
 */
static const struct gd_acpi_field v5_frame_fields[] = {
    MADT_SUB("[Generic Interrupt v5 Translator Entry]"),
    GD_RSV(2, 2),
    GD_INT(4, 4, GD_V_TRANSLATOR_ID, "Linked Its Id"),
    GD_INT(8, 4, GD_V_FRAME_ID, "Its Translate Id"),
    GD_RSV(12, 4),
    GD_INT(16, 8, GD_V_BASE, "Its Translate Frame Physical Base Address"),
};
static const struct gd_acpi_layout v5_frame =
    GD_LAYOUT("GICv5 ITS translate frame", 24, v5_frame_fields, "20260408");

#define NO_GICV5 NULL, NULL, NULL, NULL
static const struct gd_madt_layouts madt_revs[] = {
    {3, "ACPI 5.1", &madt_header, &gicc76, &gicd, &gicr, &its, &msi_frame, NO_GICV5},
    {4, "ACPI 6.0", &madt_header, &gicc80, &gicd, &gicr, &its, &msi_frame, NO_GICV5},
    {5, "ACPI 6.3", &madt_header, &gicc80, &gicd, &gicr, &its, &msi_frame, NO_GICV5},
    {6, "ACPI 6.5", &madt_header, &gicc82, &gicd, &gicr, &its, &msi_frame, NO_GICV5},
    {7, "ACPI 6.7", &madt_header, &gicc82r7, &gicd, &gicr7, &its7, &msi_frame, &gicc88, &irs,
     &v5_its, &v5_frame},
};

const struct gd_madt_layouts *gd_madt_layouts(unsigned revision)
{
	for (size_t i = 0; i < sizeof(madt_revs) / sizeof(madt_revs[0]); i++)
		if (madt_revs[i].revision == revision)
			return &madt_revs[i];
	return NULL;
}

/* SPDX-License-Identifier: MIT */
/*
 * IORT field tables (Arm DEN0049) for table revisions 0 (the layout before
 * issue E: QEMU's oldest tables), 3 (E.b) and 5 (E.d).
 *
 * Names follow iasl 20250404, the release that knows the E.b and E.d node
 * layouts; it prints the E.b root complex's three reserved bytes as E.d's
 * "PASID Capabilities" and "Reserved", which are the same zero bytes.
 * Node revisions: ITS group 0/1/1, named component 0/4/4, root complex
 * 0/3/4, SMMUv3 0/4/4 for table revisions 0/3/5 (E.b table 3, E.d table 3).
 */
#include "acpi/layout_def.h"

#define IASL_IORT "20250404"

static const struct gd_acpi_field iort_header_fields[] = {
    GD_INT(0, 4, GD_V_NODE_COUNT, "Node Count"),
    GD_INT(4, 4, GD_V_NODE_OFFSET, "Node Offset"),
    GD_RSV(8, 4),
};
static const struct gd_acpi_layout iort_header =
    GD_LAYOUT("IORT header", 12, iort_header_fields, IASL_IORT);

/* Node header (E.b §3.1.1 table 4): bytes 4..7 are reserved before issue E. */
static const struct gd_acpi_field node_rev0_fields[] = {
    GD_INT(0, 1, GD_V_TYPE, "Type"),
    GD_INT(1, 2, GD_V_LENGTH, "Length"),
    GD_INT(3, 1, GD_V_REVISION, "Revision"),
    GD_RSV(4, 4),
    GD_INT(8, 4, GD_V_MAP_COUNT, "Mapping Count"),
    GD_INT(12, 4, GD_V_MAP_OFFSET, "Mapping Offset"),
};
static const struct gd_acpi_field node_fields[] = {
    GD_INT(0, 1, GD_V_TYPE, "Type"),
    GD_INT(1, 2, GD_V_LENGTH, "Length"),
    GD_INT(3, 1, GD_V_REVISION, "Revision"),
    GD_INT(4, 4, GD_V_IDENTIFIER, "Identifier"),
    GD_INT(8, 4, GD_V_MAP_COUNT, "Mapping Count"),
    GD_INT(12, 4, GD_V_MAP_OFFSET, "Mapping Offset"),
};
static const struct gd_acpi_layout node_rev0 =
    GD_LAYOUT("IORT node header (revision 0)", 16, node_rev0_fields, IASL_IORT);
static const struct gd_acpi_layout node_hdr =
    GD_LAYOUT("IORT node header", 16, node_fields, IASL_IORT);

/* ITS group (§3.1.1.1): ITS count, then that many GIC ITS identifiers. */
static const struct gd_acpi_field its_fields[] = {
    GD_INT(0, 4, GD_V_ITS_COUNT, "ItsCount"),
};
static const struct gd_acpi_field its_id_fields[] = {
    GD_INT(0, 4, GD_V_ITS_ID, "Identifiers"),
};
static const struct gd_acpi_layout its_body = GD_LAYOUT("IORT ITS group", 4, its_fields, IASL_IORT);
static const struct gd_acpi_layout its_id =
    GD_LAYOUT("IORT ITS identifier", 4, its_id_fields, IASL_IORT);

/* Memory access properties (§3.1.1.2 tables 7, 8), 8 bytes at @o. */
static const struct gd_acpi_bit hints_bits[] = {
    {"Transient", 0, 1}, {"Write Allocate", 1, 1}, {"Read Allocate", 2, 1}, {"Override", 3, 1},
    {NULL, 0, 0},
};
static const struct gd_acpi_bit mem_flags_bits[] = {
    {"Coherency", 0, 1},
    {"Device Attribute", 1, 1},
    {"Ensured Coherency of Accesses", 2, 1},
    {NULL, 0, 0},
};
#define MEM_PROPS(o)                                                                               \
	GD_LABEL(o, 8, "Memory Properties", "[IORT Memory Access Properties]"),                    \
	    GD_INT((o), 4, GD_V_CCA, "Cache Coherency"),                                           \
	    GD_FLAGS((o) + 4, 1, GD_V_HINTS, "Hints (decoded below)", hints_bits),                 \
	    GD_RSV((o) + 5, 2),                                                                    \
	    GD_FLAGS((o) + 7, 1, GD_V_MEM_FLAGS, "Memory Flags (decoded below)", mem_flags_bits)

/* Root complex (§3.1.1.5): 16 bytes of body at node revision 0, 20 from revision 1. */
static const struct gd_acpi_field rc_rev0_fields[] = {
    MEM_PROPS(0),
    GD_INT(8, 4, GD_V_ATS, "ATS Attribute"),
    GD_INT(12, 4, GD_V_SEGMENT, "PCI Segment Number"),
};
static const struct gd_acpi_field rc_fields[] = {
    MEM_PROPS(0),
    GD_INT(8, 4, GD_V_ATS, "ATS Attribute"),
    GD_INT(12, 4, GD_V_SEGMENT, "PCI Segment Number"),
    GD_INT(16, 1, GD_V_MEM_LIMIT, "Memory Size Limit"),
    GD_INT(17, 2, GD_V_PASID_CAPS, "PASID Capabilities"),
    GD_RSV(19, 1),
};
static const struct gd_acpi_layout rc_rev0 =
    GD_LAYOUT("IORT root complex node (revision 0)", 16, rc_rev0_fields, "");
static const struct gd_acpi_layout rc_body =
    GD_LAYOUT("IORT root complex node", 20, rc_fields, IASL_IORT);

/* SMMUv3 (§3.1.1.3): 44 bytes of body at node revision 0, 52 from revision 1. */
static const struct gd_acpi_bit smmu_flags_bits[] = {
    {"COHACC Override", 0, 1},
    {"HTTU Override", 1, 2},
    {"Proximity Domain Valid", 3, 1},
    {"DeviceID Valid", 4, 1},
    {NULL, 0, 0},
};
#define SMMU_COMMON                                                                                \
	GD_INT(0, 8, GD_V_BASE, "Base Address"),                                                   \
	    GD_FLAGS(8, 4, GD_V_FLAGS, "Flags (decoded below)", smmu_flags_bits), GD_RSV(12, 4),   \
	    GD_INT(16, 8, GD_V_VATOS, "VATOS Address"), GD_INT(24, 4, GD_V_MODEL, "Model"),        \
	    GD_INT(28, 4, GD_V_EVENT_GSIV, "Event GSIV"),                                          \
	    GD_INT(32, 4, GD_V_PRI_GSIV, "PRI GSIV"), GD_INT(36, 4, GD_V_GERR_GSIV, "GERR GSIV"),  \
	    GD_INT(40, 4, GD_V_SYNC_GSIV, "Sync GSIV")
static const struct gd_acpi_field smmu_rev0_fields[] = {SMMU_COMMON};
static const struct gd_acpi_field smmu_fields[] = {
    SMMU_COMMON,
    GD_INT(44, 4, GD_V_PXM, "Proximity Domain"),
    GD_INT(48, 4, GD_V_ID_MAP_INDEX, "Device ID Mapping Index"),
};
static const struct gd_acpi_layout smmu_rev0 =
    GD_LAYOUT("IORT SMMUv3 node (revision 0)", 44, smmu_rev0_fields, "");
static const struct gd_acpi_layout smmu_body =
    GD_LAYOUT("IORT SMMUv3 node", 52, smmu_fields, IASL_IORT);

/* Named component (§3.1.1.4): 13 bytes, then the device name and padding. */
static const struct gd_acpi_field nc_fields[] = {
    GD_INT(0, 4, GD_V_NODE_FLAGS, "Node Flags"),
    MEM_PROPS(4),
    GD_INT(12, 1, GD_V_MEM_LIMIT, "Memory Size Limit"),
};
/*
 * iasl 20250404 compiles the device name into 4 bytes whatever its length,
 * and 20200925 writes every node identifier as zero: neither round-trips.
 */
static const struct gd_acpi_layout nc_body =
    GD_LAYOUT("IORT named component node", 13, nc_fields, "");

const struct gd_acpi_field gd_iort_nc_name = {
    0, 0, GD_AF_CHARS, GD_V_DEVICE_NAME, "Device Name", NULL, NULL};
const struct gd_acpi_field gd_iort_nc_padding = {0, 0, GD_AF_INT, GD_V_ZERO, "Padding", NULL, NULL};

/* ID mapping (§3.1.1.2 table 6 "ID mapping format"), 20 bytes. */
static const struct gd_acpi_bit map_flags_bits[] = {{"Single Mapping", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field map_fields[] = {
    GD_INT(0, 4, GD_V_INPUT_BASE, "Input base"),
    GD_INT(4, 4, GD_V_ID_COUNT, "ID Count"),
    GD_INT(8, 4, GD_V_OUTPUT_BASE, "Output Base"),
    GD_INT(12, 4, GD_V_OUTPUT_REF, "Output Reference"),
    GD_FLAGS(16, 4, GD_V_FLAGS, "Flags (decoded below)", map_flags_bits),
};
static const struct gd_acpi_layout map = GD_LAYOUT("IORT ID mapping", 20, map_fields, IASL_IORT);

static const struct gd_iort_layouts iort_revs[] = {
    {0, "DEN0049 before issue E", 0, 0, 0, 0, false, false, false, &iort_header, &node_rev0,
     &its_body, &its_id, &rc_rev0, &smmu_rev0, &nc_body, &map},
    {3, "DEN0049E.b", 1, 3, 4, 4, true, true, true, &iort_header, &node_hdr, &its_body, &its_id,
     &rc_body, &smmu_body, &nc_body, &map},
    {5, "DEN0049E.d", 1, 4, 4, 4, true, true, true, &iort_header, &node_hdr, &its_body, &its_id,
     &rc_body, &smmu_body, &nc_body, &map},
};

const struct gd_iort_layouts *gd_iort_layouts(unsigned revision)
{
	for (size_t i = 0; i < sizeof(iort_revs) / sizeof(iort_revs[0]); i++)
		if (iort_revs[i].table_revision == revision)
			return &iort_revs[i];
	return NULL;
}

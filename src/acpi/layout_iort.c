/* SPDX-License-Identifier: MIT */
/*
 * IORT field tables (Arm DEN0049) for table revisions 0 (the layout before
 * issue E: QEMU's oldest tables), 3 (E.b), 5 (E.d), 6 (E.e) and 7 (E.g).
 *
 * Names follow iasl 20250404, the release that knows the E.b and E.d node
 * layouts; it prints the E.b root complex's three reserved bytes as E.d's
 * "PASID Capabilities" and "Reserved", which are the same zero bytes.
 * Node revisions: ITS group 0/1/1/1, named component 0/4/4/4, root complex
 * 0/3/4/4, SMMUv3 0/4/4/5 for table revisions 0/3/5/6 (E.b table 3, E.d
 * table 3; E.e adds only SMMUv3 node revision 5 and its "DeviceID valid"
 * flag, bit 4, as EDK2's DynamicTablesPkg writes table revision 6);
 * SMMUv1/v2 0/3/3/3, the revision EDK2's DynamicTablesPkg writes for a node
 * with an identifier (ACPICA knows one body for every issue, and Linux reads
 * it whatever its revision).
 *
 * Table revision 7 (E.g) adds the IWB node (type 7, ACPICA commit a90dc2f53
 * "The IORT IWB node is defined in IORT issue E.g"), node revision 1 as
 * ACPICA's IORT template writes it (commit 8a51bf823); the other nodes keep
 * their E.e revisions. Neither ACPICA nor Linux 7.2 states the table
 * revision that goes with E.g: 7 is the next after E.e's 6, and iasl
 * 20260408 reads an IWB node at any table revision it supports.
 */
#include "acpi/layout_def.h"

#define IASL_IORT "20250404"
#define IASL_IWB  "20260408" /* also named components */

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

/*
 * SMMUv1 or SMMUv2 (§3.1.1.2 "SMMUv1 or SMMUv2 node"): after the node header,
 *   +0  Base Address (8)       +8  Span (8)          +16 Model (4)
 *   +20 Flags (4): bit 0 DVM supported, bit 1 coherent page table walk
 *   +24 Reference to Global Interrupt Array (4, from the node's start)
 *   +28 Number of context interrupts (4)  +32 Reference to Context Interrupt Array (4)
 *   +36 Number of PMU interrupts (4)      +40 Reference to PMU Interrupt Array (4)
 * then the global interrupt array (SMMU_NSgIrpt and its flags, SMMU_NSgCfgIrpt
 * and its flags, 4 bytes each), the context and the PMU interrupt arrays
 * (GSIV then flags, 4 bytes each; flags bit 0: edge-triggered). iasl names
 * an array entry as one 8-byte "Context Interrupt" or "PMU Interrupt".
 */
static const struct gd_acpi_bit smmu_v2_flags_bits[] = {
    {"DVM Supported", 0, 1},
    {"Coherent Walk", 1, 1},
    {NULL, 0, 0},
};
static const struct gd_acpi_field smmu_v2_fields[] = {
    GD_INT(0, 8, GD_V_BASE, "Base Address"),
    GD_INT(8, 8, GD_V_SPAN, "Span"),
    GD_INT(16, 4, GD_V_MODEL, "Model"),
    GD_FLAGS(20, 4, GD_V_FLAGS, "Flags (decoded below)", smmu_v2_flags_bits),
    GD_INT(24, 4, GD_V_GLOBAL_IRQ_OFFSET, "Global Interrupt Offset"),
    GD_INT(28, 4, GD_V_CTX_IRQ_COUNT, "Context Interrupt Count"),
    GD_INT(32, 4, GD_V_CTX_IRQ_OFFSET, "Context Interrupt Offset"),
    GD_INT(36, 4, GD_V_PMU_IRQ_COUNT, "PMU Interrupt Count"),
    GD_INT(40, 4, GD_V_PMU_IRQ_OFFSET, "PMU Interrupt Offset"),
};
static const struct gd_acpi_bit irq_flags_bits[] = {{"Edge Triggered", 0, 1}, {NULL, 0, 0}};
static const struct gd_acpi_field smmu_v2_global_fields[] = {
    GD_INT(0, 4, GD_V_NSG_IRPT, "NSgIrpt"),
    GD_FLAGS(4, 4, GD_V_NSG_IRPT_FLAGS, "NSgIrpt Flags (decoded below)", irq_flags_bits),
    GD_INT(8, 4, GD_V_NSG_CFG_IRPT, "NSgCfgIrpt"),
    GD_FLAGS(12, 4, GD_V_NSG_CFG_IRPT_FLAGS, "NSgCfgIrpt Flags (decoded below)", irq_flags_bits),
};
static const struct gd_acpi_field smmu_v2_ctx_fields[] = {
    GD_INT(0, 8, GD_V_SMMU_IRQ, "Context Interrupt"),
};
static const struct gd_acpi_field smmu_v2_pmu_fields[] = {
    GD_INT(0, 8, GD_V_SMMU_IRQ, "PMU Interrupt"),
};
static const struct gd_acpi_layout smmu_v2_body =
    GD_LAYOUT("IORT SMMUv1/v2 node", 44, smmu_v2_fields, IASL_IORT);
static const struct gd_acpi_layout smmu_v2_global =
    GD_LAYOUT("IORT SMMUv1/v2 global interrupt array", 16, smmu_v2_global_fields, IASL_IORT);
static const struct gd_acpi_layout smmu_v2_ctx =
    GD_LAYOUT("IORT SMMUv1/v2 context interrupt", 8, smmu_v2_ctx_fields, IASL_IORT);
static const struct gd_acpi_layout smmu_v2_pmu =
    GD_LAYOUT("IORT SMMUv1/v2 PMU interrupt", 8, smmu_v2_pmu_fields, IASL_IORT);

/* Named component (§3.1.1.4): 13 bytes, then the device name and padding. */
static const struct gd_acpi_field nc_fields[] = {
    GD_INT(0, 4, GD_V_NODE_FLAGS, "Node Flags"),
    MEM_PROPS(4),
    GD_INT(12, 1, GD_V_MEM_LIMIT, "Memory Size Limit"),
};
/*
 * iasl 20250404 compiles the device name into 4 bytes whatever its length,
 * and 20200925 writes every node identifier as zero: neither round-trips;
 * iasl 20260408 compiles name and padding back to the same bytes
 * (tests/cli/test_gicv5_acpi.sh).
 */
static const struct gd_acpi_layout nc_body =
    GD_LAYOUT("IORT named component node", 13, nc_fields, IASL_IWB);

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

/*
 * PMCG (§3.1.1.6 "PMCG node"): page 0 base, overflow interrupt GSIV (0: none,
 * then the node's first ID mapping is its own MSI), node reference (the
 * SMMUv3 or named component whose events it counts), page 1 base (node
 * revision 1 on; Linux arm_smmu_v3_pmcg_init_resources() leaves it out at
 * revision 0, DEN0049C). Node revision 1 below table revision 5, 2 from it,
 * as EDK2's DynamicTablesPkg writes it.
 */
static const struct gd_acpi_field pmcg_fields[] = {
    GD_INT(0, 8, GD_V_BASE, "Page 0 Base Address"),
    GD_INT(8, 4, GD_V_OVERFLOW_GSIV, "Overflow Interrupt GSIV"),
    GD_INT(12, 4, GD_V_NODE_REF, "Node Reference"),
    GD_INT(16, 8, GD_V_PAGE1_BASE, "Page 1 Base Address"),
};
static const struct gd_acpi_layout pmcg_body =
    GD_LAYOUT("IORT PMCG node", 24, pmcg_fields, IASL_IORT);
/* Node revision 0: the first three fields. */
const struct gd_acpi_layout gd_iort_pmcg_rev0 = {"IORT PMCG node (node revision 0)", 16,
                                                 pmcg_fields, 3, IASL_IORT};

/*
 * RMR (§3.1.1.7 "Reserved memory range node", E.d on): flags (bit 0
 * remapping permitted, bit 1 access privileged, bits [9:2] access
 * attributes), the number of memory range descriptors and their offset from
 * the node's start; iasl compiles the descriptors right after the body and
 * the ID mappings after them. A descriptor: base, length, 4 reserved bytes.
 * Node revision 3 (EDK2 calls 2 the deprecated E.c one).
 */
static const struct gd_acpi_bit rmr_flags_bits[] = {
    {"Remapping Permitted", 0, 1},
    {"Access Privileged", 1, 1},
    {"Access Attributes", 2, 8},
    {NULL, 0, 0},
};
static const struct gd_acpi_field rmr_fields[] = {
    GD_FLAGS(0, 4, GD_V_FLAGS, "Flags (decoded below)", rmr_flags_bits),
    GD_INT(4, 4, GD_V_RMR_COUNT, "Number of RMR Descriptors"),
    GD_INT(8, 4, GD_V_RMR_OFFSET, "RMR Descriptor Offset"),
};
static const struct gd_acpi_field rmr_desc_fields[] = {
    GD_INT(0, 8, GD_V_BASE, "Base Address of RMR"),
    GD_INT(8, 8, GD_V_RMR_LENGTH, "Length of RMR"),
    GD_RSV(16, 4),
};
static const struct gd_acpi_layout rmr_body = GD_LAYOUT("IORT RMR node", 12, rmr_fields, IASL_IORT);
static const struct gd_acpi_layout rmr_desc =
    GD_LAYOUT("IORT RMR memory range descriptor", 20, rmr_desc_fields, IASL_IORT);

/*
 * IWB (IORT E.g; ACPICA ACPI_IORT_IWB, AcpiDmTableInfoIort7): config frame
 * base, IWB index (the IWB's GSIV namespace, Linux iort_iwb_handle()), then
 * the NUL-terminated device name ("IWB Device Name") and the ID mappings.
 */
static const struct gd_acpi_field iwb_fields[] = {
    GD_INT(0, 8, GD_V_BASE, "Config Frame base"),
    GD_INT(8, 2, GD_V_IWB_INDEX, "IWB Index"),
};
static const struct gd_acpi_layout iwb_body = GD_LAYOUT("IORT IWB node", 10, iwb_fields, IASL_IWB);

const struct gd_acpi_field gd_iort_iwb_name = {
    0, 0, GD_AF_CHARS, GD_V_DEVICE_NAME, "IWB Device Name", NULL, NULL};

static const struct gd_acpi_field iwb_pad_fields[][1] = {
    {GD_INT(0, 1, GD_V_ZERO, "Padding")},
    {GD_INT(0, 2, GD_V_ZERO, "Padding")},
    {GD_INT(0, 3, GD_V_ZERO, "Padding")},
};
static const struct gd_acpi_layout iwb_pad[] = {
    GD_LAYOUT("IORT IWB node's name padding", 1, iwb_pad_fields[0], ""),
    GD_LAYOUT("IORT IWB node's name padding", 2, iwb_pad_fields[1], ""),
    GD_LAYOUT("IORT IWB node's name padding", 3, iwb_pad_fields[2], ""),
};

const struct gd_acpi_layout *gd_iort_iwb_padding(size_t n)
{
	return n >= 1 && n <= 3 ? &iwb_pad[n - 1] : NULL;
}

#define SMMU_V2_LAYOUTS &smmu_v2_body, &smmu_v2_global, &smmu_v2_ctx, &smmu_v2_pmu
/* Before issue E: no identifier, revision-0 root complex and SMMUv3 bodies. */
#define BEFORE_E_LAYOUTS                                                                           \
	&iort_header, &node_rev0, &its_body, &its_id, &rc_rev0, &smmu_rev0, &nc_body, &map,        \
	    SMMU_V2_LAYOUTS
/* Issue E on: the node header with an identifier, the E.b root complex and SMMUv3 bodies. */
#define ISSUE_E_LAYOUTS                                                                            \
	&iort_header, &node_hdr, &its_body, &its_id, &rc_body, &smmu_body, &nc_body, &map,         \
	    SMMU_V2_LAYOUTS
/* E.d on: PMCG node revision 2, RMR node revision 3 (EDK2 DynamicTablesPkg). */
#define E_D_ON_LAYOUTS 2, 3, &pmcg_body, &rmr_body, &rmr_desc
/* Before E.d: PMCG node revision 1, no RMR node that Linux reads. */
#define BEFORE_E_D 1, 0, &pmcg_body, NULL, NULL
#define NO_IWB     0, NULL
static const struct gd_iort_layouts iort_revs[] = {
    {0, "DEN0049 before issue E", 0, 0, 0, 0, 0, false, false, false, BEFORE_E_LAYOUTS, BEFORE_E_D,
     NO_IWB},
    {3, "DEN0049E.b", 1, 3, 4, 4, 3, true, true, true, ISSUE_E_LAYOUTS, BEFORE_E_D, NO_IWB},
    {5, "DEN0049E.d", 1, 4, 4, 4, 3, true, true, true, ISSUE_E_LAYOUTS, E_D_ON_LAYOUTS, NO_IWB},
    {6, "DEN0049E.e", 1, 4, 5, 4, 3, true, true, true, ISSUE_E_LAYOUTS, E_D_ON_LAYOUTS, NO_IWB},
    {7, "DEN0049E.g", 1, 4, 5, 4, 3, true, true, true, ISSUE_E_LAYOUTS, E_D_ON_LAYOUTS, 1,
     &iwb_body},
};

const struct gd_iort_layouts *gd_iort_layouts(unsigned revision)
{
	for (size_t i = 0; i < sizeof(iort_revs) / sizeof(iort_revs[0]); i++)
		if (iort_revs[i].table_revision == revision)
			return &iort_revs[i];
	return NULL;
}

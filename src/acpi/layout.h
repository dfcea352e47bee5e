/* SPDX-License-Identifier: MIT */
/*
 * layout.h - ACPI structures described once, as field tables (in the manner
 * of ACPICA's ACPI_DMTABLE_INFO arrays).
 *
 * Each struct gd_acpi_layout lists the fields of one structure at one
 * revision: byte offset, width, the field name iasl's data-table language
 * uses, and how the value is shown. The binary writer, the iasl source
 * writer (acpi/table.h) and any reader walk the same tables, so they cannot
 * disagree. A field takes its value from a slot of struct gd_acpi_values,
 * named by enum gd_acpi_slot; reserved fields read GD_V_ZERO, which stays 0.
 *
 * All integers are little-endian (ACPI 6.5 §5.2). Offsets are relative to
 * the start of the structure the layout describes.
 */
#ifndef GD_ACPI_LAYOUT_H
#define GD_ACPI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How a field is stored and shown. */
enum gd_acpi_kind {
	GD_AF_INT,     /* unsigned integer, width 1, 2, 3, 4 or 8 bytes; shown in hex */
	GD_AF_FLAGS,   /* integer shown "Name (decoded below)" followed by its bits */
	GD_AF_SUBTYPE, /* MADT subtable type: integer followed by "[description]" */
	GD_AF_CHARS,   /* fixed-width characters (signature, OEM ID), NUL padded */
	GD_AF_LABEL,   /* no bytes of its own: names the group of fields that follows */
};

/* One decoded bit field of a GD_AF_FLAGS field: bits [shift, shift + width). */
struct gd_acpi_bit {
	const char *name;
	uint8_t shift, width;
};

/* Value slots; GD_V_ZERO is never written and reads 0 (reserved fields). */
enum gd_acpi_slot {
	GD_V_ZERO,
	/* ACPI table header (ACPI 6.5 §5.2.6) */
	GD_V_SIGNATURE,
	GD_V_LENGTH,
	GD_V_REVISION,
	GD_V_CHECKSUM,
	GD_V_OEM_ID,
	GD_V_OEM_TABLE_ID,
	GD_V_OEM_REVISION,
	GD_V_CREATOR_ID,
	GD_V_CREATOR_REVISION,
	/* IORT header and node header (DEN0049 §3.1, §3.2) */
	GD_V_NODE_COUNT,
	GD_V_NODE_OFFSET,
	GD_V_TYPE,
	GD_V_IDENTIFIER,
	GD_V_MAP_COUNT,
	GD_V_MAP_OFFSET,
	/* ITS group */
	GD_V_ITS_COUNT,
	GD_V_ITS_ID,
	/* memory access properties, root complex, named component */
	GD_V_CCA,
	GD_V_HINTS,
	GD_V_MEM_FLAGS,
	GD_V_ATS,
	GD_V_SEGMENT,
	GD_V_MEM_LIMIT,
	GD_V_PASID_CAPS,
	GD_V_NODE_FLAGS,
	GD_V_DEVICE_NAME,
	/* SMMUv3 */
	GD_V_BASE,
	GD_V_FLAGS,
	GD_V_VATOS,
	GD_V_MODEL,
	GD_V_EVENT_GSIV,
	GD_V_PRI_GSIV,
	GD_V_GERR_GSIV,
	GD_V_SYNC_GSIV,
	GD_V_PXM,
	GD_V_ID_MAP_INDEX,
	/* SMMUv1/v2 (and GD_V_BASE, GD_V_MODEL, GD_V_FLAGS) */
	GD_V_SPAN,
	GD_V_GLOBAL_IRQ_OFFSET,
	GD_V_CTX_IRQ_COUNT,
	GD_V_CTX_IRQ_OFFSET,
	GD_V_PMU_IRQ_COUNT,
	GD_V_PMU_IRQ_OFFSET,
	GD_V_NSG_IRPT,
	GD_V_NSG_IRPT_FLAGS,
	GD_V_NSG_CFG_IRPT,
	GD_V_NSG_CFG_IRPT_FLAGS,
	GD_V_SMMU_IRQ, /* one context or PMU interrupt: GSIV | flags << 32 */
	/* PMCG (and GD_V_BASE: page 0) */
	GD_V_OVERFLOW_GSIV,
	GD_V_NODE_REF,
	GD_V_PAGE1_BASE,
	/* RMR (and GD_V_FLAGS; GD_V_BASE for a memory range descriptor) */
	GD_V_RMR_COUNT,
	GD_V_RMR_OFFSET,
	GD_V_RMR_LENGTH,
	/* ID mapping */
	GD_V_INPUT_BASE,
	GD_V_ID_COUNT,
	GD_V_OUTPUT_BASE,
	GD_V_OUTPUT_REF,
	/* MADT (ACPI 6.5 §5.2.12) */
	GD_V_LAPIC_ADDR,
	GD_V_CPU_IF,
	GD_V_UID,
	GD_V_PARKING_VERSION,
	GD_V_PERF_GSIV,
	GD_V_PARKED_ADDR,
	GD_V_GICV_BASE,
	GD_V_GICH_BASE,
	GD_V_VGIC_GSIV,
	GD_V_GICR_BASE,
	GD_V_MPIDR,
	GD_V_EFFICIENCY,
	GD_V_SPE_GSIV,
	GD_V_TRBE_GSIV,
	GD_V_GIC_ID,
	GD_V_VECTOR_BASE,
	GD_V_VERSION,
	GD_V_RANGE_LENGTH,
	GD_V_MSI_FRAME_ID,
	GD_V_SPI_COUNT,
	GD_V_SPI_BASE,
	/* GICv5 (ACPI 6.7 MADT types 28 to 30, GICC; IORT E.g IWB node) */
	GD_V_IAFFID,
	GD_V_IRS_ID,
	GD_V_SETLPI_BASE,
	GD_V_TRANSLATOR_ID,
	GD_V_FRAME_ID,
	GD_V_IWB_INDEX,
	/* MCFG (PCI Firmware 3.3 §4.1.2) */
	GD_V_BUS_START,
	GD_V_BUS_END,
	GD_V_COUNT
};

/*
 * One field. @name is the label of iasl's data-table language (as `iasl -d`
 * prints it and `iasl` expects it). @bits: NULL-terminated list for
 * GD_AF_FLAGS, NULL otherwise. @text: the "[description]" of a
 * GD_AF_SUBTYPE or GD_AF_LABEL field.
 */
struct gd_acpi_field {
	uint16_t offset;
	uint8_t width;
	uint8_t kind; /* enum gd_acpi_kind */
	uint8_t slot; /* enum gd_acpi_slot */
	const char *name;
	const struct gd_acpi_bit *bits;
	const char *text;
};

/*
 * One structure at one revision: @size bytes, @n fields in offset order.
 * @iasl: the first iasl release whose data-table language the names follow
 * and which compiles them back to these bytes, later releases too; "=" before
 * it when only that release does (iasl 2023 and later compile every GICC as
 * at least 82 bytes); NULL when any iasl does, "" when
 * none does (iasl 20200925 and 20250404 both compile the E.b root complex
 * and SMMUv3 bodies and at least 80 bytes of GICC, whatever the revision).
 */
struct gd_acpi_layout {
	const char *what; /* for diagnostics, e.g. "IORT root complex node (revision 3)" */
	uint16_t size;
	const struct gd_acpi_field *fields;
	size_t n;
	const char *iasl;
};

/* The values of one structure instance; strings live elsewhere (borrowed). */
struct gd_acpi_values {
	uint64_t n[GD_V_COUNT];
	const char *s[GD_V_COUNT];
};

/* ACPI table header, 36 bytes (ACPI 6.5 §5.2.6), shared by IORT and MADT. */
extern const struct gd_acpi_layout gd_acpi_header;

/*
 * IORT layouts for one table revision (DEN0049): the node revisions it
 * implies and, for each structure, its layout. The node header is followed
 * by the node body; ID mappings follow the body (or the device name of a
 * named component).
 */
struct gd_iort_layouts {
	uint8_t table_revision;
	const char *spec;                          /* "DEN0049E.b" ... */
	uint8_t its_rev, rc_rev, smmu_rev, nc_rev; /* node revisions */
	uint8_t smmu_v2_rev;                       /* SMMUv1/v2 node revision */
	bool has_identifier;   /* node header "Identifier" (rev >= 3) or reserved */
	bool has_rc_mem_limit; /* root complex "memory address size limit" */
	bool has_smmu_msi;     /* SMMUv3 proximity domain and DeviceID mapping index */
	const struct gd_acpi_layout *header, *node, *its, *its_id, *rc, *smmu, *nc, *map;
	/*
	 * SMMUv1/v2 node (§3.1.1.2): the 44-byte body, the global interrupt
	 * array (16 bytes), one context or PMU interrupt (8 bytes); the same
	 * at every revision.
	 */
	const struct gd_acpi_layout *smmu_v2, *smmu_v2_global, *smmu_v2_ctx, *smmu_v2_pmu;
	/*
	 * PMCG node (§3.1.1.6), 24-byte body, node revision @pmcg_rev; RMR node
	 * (§3.1.1.7), 12-byte body and 20-byte memory range descriptors, node
	 * revision @rmr_rev, NULL (and 0) below table revision 5: Linux reads
	 * RMR nodes from E.d on (iort_find_rmrs()), whose flags E.b lacks.
	 */
	uint8_t pmcg_rev, rmr_rev;
	const struct gd_acpi_layout *pmcg, *rmr, *rmr_desc;
	/*
	 * IWB node (IORT E.g, ACPICA ACPI_IORT_IWB): the 10-byte body (config
	 * frame base, IWB index), then the device name; node revision
	 * @iwb_rev; NULL (and 0) before E.g.
	 */
	uint8_t iwb_rev;
	const struct gd_acpi_layout *iwb;
};

/* Returns the IORT layouts of table revision 0, 3, 5, 6 or 7; NULL for any other. */
const struct gd_iort_layouts *gd_iort_layouts(unsigned revision);

/*
 * The PMCG body of node revision 0 (DEN0049C): 16 bytes, no page 1 base
 * (Linux arm_smmu_v3_pmcg_init_resources() reads none below revision 1).
 * Read only; generate writes node revision 1 or 2 (@pmcg_rev).
 */
extern const struct gd_acpi_layout gd_iort_pmcg_rev0;

/* The named component's "Device Name" field (string, NUL-terminated, variable). */
extern const struct gd_acpi_field gd_iort_nc_name;
/* Its "Padding" field (raw bytes up to 4-byte alignment, optional). */
extern const struct gd_acpi_field gd_iort_nc_padding;

/* The IWB node's "IWB Device Name" field (string, NUL-terminated, variable; IORT E.g). */
extern const struct gd_acpi_field gd_iort_iwb_name;
/*
 * The zero bytes that pad an IWB node's name to 4-byte alignment, @n of them
 * (1 to 3); NULL for any other @n. iasl 20260408 neither prints nor compiles
 * them (its AcpiDmTableInfoIort7 ends at the name), so these layouts name no
 * iasl that compiles them back.
 */
const struct gd_acpi_layout *gd_iort_iwb_padding(size_t n);

/* IORT node types (DEN0049 table 4). */
enum gd_iort_node_type {
	GD_IORT_ITS_GROUP = 0,
	GD_IORT_NAMED_COMPONENT = 1,
	GD_IORT_ROOT_COMPLEX = 2,
	GD_IORT_SMMUV1V2 = 3,
	GD_IORT_SMMUV3 = 4,
	GD_IORT_PMCG = 5,
	GD_IORT_RMR = 6,
	GD_IORT_IWB = 7, /* IORT E.g; ACPICA ACPI_IORT_NODE_IWB */
};

/* IORT bit definitions (DEN0049E.d). */
#define GD_IORT_MAP_SINGLE     0x1u /* ID mapping flags: single mapping */
#define GD_IORT_SMMU_COHACC    0x1u /* SMMUv3 flags: COHACC override */
#define GD_IORT_SMMU_HTTU      0x2u /* SMMUv3 flags: HTTU override, bit 0 of 2 */
#define GD_IORT_SMMU_PXM_VALID 0x8u /* SMMUv3 flags: proximity domain valid */
/* SMMUv3 flags: DeviceID mapping index valid (IORT E.e §3.1.1.3, node revision 5) */
#define GD_IORT_SMMU_DEVID_VALID 0x10u
#define GD_IORT_SMMU_V2_DVM      0x1u /* SMMUv1/v2 flags: DVM supported */
#define GD_IORT_SMMU_V2_COHWALK  0x2u /* SMMUv1/v2 flags: coherent page table walk */
#define GD_IORT_IRQ_EDGE         0x1u /* SMMUv1/v2 interrupt flags: edge-triggered */
#define GD_IORT_RMR_REMAP        0x1u /* RMR flags: remapping permitted */
#define GD_IORT_RMR_PRIV         0x2u /* RMR flags: access privileged */
#define GD_IORT_RMR_ACCESS_SHIFT 2    /* RMR flags: access attributes, bits [9:2] */

/*
 * MCFG (PCI Firmware 3.3 §4.1.2): 8 reserved bytes after the ACPI header,
 * then 16-byte configuration space base address allocation structures
 * (table 4-3): ECAM base of bus 0 (GD_V_BASE), PCI segment group
 * (GD_V_SEGMENT), start and end bus (GD_V_BUS_START, GD_V_BUS_END).
 */
#define GD_MCFG_ENTRIES_AT 44u
extern const struct gd_acpi_layout gd_mcfg_allocation;

/*
 * MADT layouts for one revision (ACPI 6.5 §5.2.12): the MADT header after
 * the ACPI header (8 bytes), GICC (76 bytes at revision 3, 80 at 4 and 5, 82
 * at 6 and 7), GICD, GICR and GIC ITS structures (with a flags byte at 7).
 * From revision 7 (ACPI 6.7) the GICv5 structures too: the 88-byte GICC
 * with IAFFID and IRS ID, IRS (type 28, 32 bytes), ITS config frame (type
 * 29, 16 bytes) and ITS translate frame (type 30, 24 bytes); NULL before.
 */
struct gd_madt_layouts {
	uint8_t revision;
	const char *spec; /* "ACPI 6.5" ... */
	const struct gd_acpi_layout *header, *gicc, *gicd, *gicr, *its;
	const struct gd_acpi_layout *msi_frame; /* GIC MSI frame (§5.2.12.16), 24 bytes */
	const struct gd_acpi_layout *gicc_v5, *irs, *v5_its, *v5_frame;
};

/* Returns the MADT layouts of revision 3, 4, 5, 6 or 7; NULL for any other. */
const struct gd_madt_layouts *gd_madt_layouts(unsigned revision);

/*
 * MADT structure types (ACPI 6.5 table 5.21; GICv5 ones ACPI 6.7, ACPICA
 * enum AcpiMadtType) and GICC flags (table 5.37).
 */
enum gd_madt_type {
	GD_MADT_GICC = 0x0B,
	GD_MADT_GICD = 0x0C,
	GD_MADT_MSI_FRAME = 0x0D,
	GD_MADT_GICR = 0x0E,
	GD_MADT_ITS = 0x0F,
	GD_MADT_IRS = 0x1C,      /* 28, ACPI_MADT_TYPE_GICV5_IRS */
	GD_MADT_V5_ITS = 0x1D,   /* 29, ACPI_MADT_TYPE_GICV5_ITS (config frame) */
	GD_MADT_V5_FRAME = 0x1E, /* 30, ACPI_MADT_TYPE_GICV5_ITS_TRANSLATE */
};
/* MADT IRS "Gic version" of a GICv5 (ACPICA ACPI_MADT_GIC_VERSION_V5; Linux irq-gic-v5.c). */
#define GD_MADT_GIC_VERSION_V5 5u
/* IRS and GICv5 ITS config frame flags bit 0 (ACPI_MADT_IRS_NON_COHERENT, ..._ITS_NON_COHERENT) */
#define GD_MADT_V5_NON_COHERENT 0x1u
#define GD_GICC_ENABLED         0x1u
#define GD_GICC_PERF_EDGE       0x2u
#define GD_GICC_VGIC_EDGE       0x4u
#define GD_GICC_ONLINE_CAPABLE  0x8u
#define GD_MSI_FRAME_SPI_SELECT 0x1u /* GIC MSI frame flags: SPI count/base select */

#endif

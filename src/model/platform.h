/* SPDX-License-Identifier: MIT */
/*
 * platform.h - the in-memory platform model: what the interrupt hardware is,
 * in the GIC architecture's and the IORT specification's terms.
 *
 * Every front end (YAML, DTB, ACPI) fills a struct gd_platform; every back end
 * and the resolver read it. Nothing here says which format a fact came from,
 * except the source location (struct gd_loc) carried by every object so that
 * diagnostics point at what the user wrote.
 *
 * Ownership: every pointer in the model points into the platform's arena.
 * References between objects are pointers, resolved once by the loader.
 *
 * Units: addresses and sizes in bytes; IDs (RID, StreamID, DeviceID) as
 * 32-bit values; interrupts as INTIDs (the GSIV of ACPI; SPI n is INTID 32+n,
 * PPI n is INTID 16+n).
 */
#ifndef GD_MODEL_PLATFORM_H
#define GD_MODEL_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/diag.h"

/*
 * GIC architecture version (GICD_PIDR2.ArchRev; MADT GICD "GIC version" 2, 3,
 * 4; GICv5: MADT IRS "Version" 5, ACPI 6.7, DT arm,gic-v5.yaml). A GICv5 has
 * no distributor and no redistributors: IRSes (struct gd_irs) take their
 * place, and its ITSes have translate frames (struct gd_v5_its).
 */
enum gd_gic_version {
	GD_GIC_V2 = 20,
	GD_GIC_V3 = 30,
	GD_GIC_V4 = 40,
	GD_GIC_V4_1 = 41,
	GD_GIC_V5 = 50,
};

/*
 * GICv5 INTID (GICv5 architecture, Arm AES0070, "INTID"; Linux
 * arm-gic-v5.h GICV5_HWIRQ_TYPE/GICV5_HWIRQ_ID): bits [31:29] the type
 * (GD_V5_PPI 1, GD_V5_LPI 2, GD_V5_SPI 3), bits [23:0] the ID within the
 * type. ACPI's GSIV of a GICv5 interrupt is this value (Linux
 * gic_v5_get_gsi_domain_id()); DT writes <type ID flags> (arm,gic-v5.yaml).
 * On a GICv5 platform every INTID of the model is one of these.
 */
enum gd_v5_intid_type { GD_V5_PPI = 1, GD_V5_LPI = 2, GD_V5_SPI = 3 };
#define GD_V5_INTID(type, id)   (((uint32_t)(type) << 29) | ((uint32_t)(id)&0xffffffu))
#define GD_V5_INTID_TYPE(intid) ((uint32_t)(intid) >> 29)
#define GD_V5_INTID_ID(intid)   ((uint32_t)(intid)&0xffffffu)

/*
 * Kind of a node of the ID-mapping graph (IORT E.e §3, node types, and the
 * MSI controllers IORT has no node for). Sinks end every route: an ITS, whose
 * input IDs are DeviceIDs, and the MSI controllers that take no DeviceID
 * (gd_node_is_sink()): for those the IDs a route carries up to them select
 * nothing, and the devices behind one are not isolated from each other.
 */
enum gd_node_kind {
	GD_NODE_ITS,             /* ITS frame: a sink; its input IDs are DeviceIDs */
	GD_NODE_SMMU,            /* SMMUv3 or SMMUv1/v2: input StreamIDs, output DeviceIDs */
	GD_NODE_ROOT_COMPLEX,    /* PCI root complex: input RIDs (requester IDs) */
	GD_NODE_NAMED_COMPONENT, /* platform device: input its own IDs */
	GD_NODE_MSI_FRAME,       /* GICv2m frame: SPI-based MSI, a sink (no DeviceID) */
	GD_NODE_MBI,             /* GICv3 distributor's MBI ranges: SPI-based MSI, a sink */
	GD_NODE_DIRECT_LPI,      /* every redistributor's GICR_SETLPIR: Direct LPI, a sink */
	GD_NODE_PMCG,            /* SMMUv3 PMCG: its own MSI (a single mapping), a source only */
	GD_NODE_IWB,             /* GICv5 IWB: its wires' MSIs (a single mapping), a source only */
};

struct gd_node;

/*
 * A range of INTIDs [base, base + count), count >= 1 (LPIs, MBI SPIs).
 * multi_msi: the largest PCI Multi-Message MSI block (vectors: 1, 2, 4, 8,
 * 16 or 32; PCI Local Bus 3.0 §6.8.1.3 Multiple Message Enable) the range
 * must hold, each block n-aligned; 0 = not stated.
 */
struct gd_intid_range {
	uint32_t base;
	uint32_t count;
	uint32_t multi_msi;
	struct gd_loc loc;
};

/*
 * One ID mapping (IORT E.e §3.2.2 "ID mapping"; DT msi-map/iommu-map entry).
 * Input IDs [input_base, input_base + count) map to output IDs starting at
 * output_base in the ID space of @output. count is the number of IDs
 * (1 .. 2^32), never the IORT "number of IDs minus one" encoding.
 * A single mapping (IORT "single mapping" flag) maps the node's own ID
 * (no input range: input_base and count are unused, count is 1).
 */
struct gd_id_map {
	uint32_t input_base;
	uint64_t count;
	uint32_t output_base;
	bool single;
	/*
	 * Written as msi-parent (YAML msi-parent:, DT msi-parent to a controller
	 * that takes no DeviceID): the node's MSIs go to @output carrying no ID;
	 * output_base means nothing. Any other mapping outputs IDs.
	 */
	bool msi_parent;
	struct gd_node *output;  /* resolved reference, never NULL after loading */
	const char *output_name; /* the name as written (for diagnostics) */
	struct gd_loc loc;
};

/*
 * Common header of every node of the ID-mapping graph, embedded as the first
 * member of the struct of each kind (gd_its, gd_smmu, gd_root_complex,
 * gd_named_component, ..., gd_pmcg), so a node pointer converts to its object
 * with gd_node_as_*() below.
 */
struct gd_node {
	enum gd_node_kind kind;
	const char *name; /* unique across the platform */
	struct gd_loc loc;
	struct gd_id_map *maps; /* ordered, as written */
	size_t n_maps, cap_maps;
	size_t index; /* position in the platform's array of this kind */
};

/* Redistributor region (MADT GICR structure, ACPI 6.5 §5.2.12.16; DT arm,gic-v3 reg). */
struct gd_redist_region {
	uint64_t base;
	uint64_t length; /* bytes, > 0 */
	uint64_t stride; /* redistributor-stride in bytes; 0 = frames are contiguous */
	bool direct_lpi; /* GICR_TYPER.DirectLPI of every redistributor in the region */
	struct gd_loc loc;
};

/*
 * MPIDR_EL1 affinity fields Aff3 [39:32], Aff2 [23:16], Aff1 [15:8], Aff0 [7:0]:
 * the bits a CPU's MPIDR may have (arm/cpus.yaml reg; ACPI 6.5 §5.2.12.14 GICC
 * MPIDR: bits [63:40] and [31:24] must be zero).
 */
#define GD_MPIDR_AFFINITY 0xff00ffffffull

/*
 * A processing element and its CPU interface (MADT GICC, ACPI 6.5 §5.2.12.14;
 * DT /cpus/cpu@N, arm/cpus.yaml). Interrupts are INTIDs, 0 when absent.
 */
struct gd_cpu {
	uint64_t mpidr;                /* affinity fields Aff3..Aff0 only (GD_MPIDR_AFFINITY) */
	uint32_t uid;                  /* ACPI processor UID */
	uint32_t cpu_interface_number; /* GICC "CPU interface number" */
	bool enabled;                  /* GICC flags bit 0 */
	bool online_capable;           /* GICC flags bit 3 (MADT rev >= 5) */
	uint32_t pmu_intid;            /* performance monitoring interrupt (a PPI), 0 = none */
	bool pmu_edge;                 /* trigger: edge (true) or level */
	uint32_t vgic_maint_intid;     /* VGIC maintenance interrupt (a PPI), 0 = none */
	bool vgic_maint_edge;
	uint64_t gicc_base, gicv_base, gich_base; /* physical bases, 0 = none */
	uint64_t gicr_base;                       /* per-CPU GICR base when no regions, else 0 */
	uint32_t parking_version;
	uint64_t parked_address;
	uint8_t efficiency_class;  /* MADT rev >= 4 (GICC 80 bytes) */
	uint16_t spe_intid;        /* SPE overflow interrupt, MADT rev >= 5 */
	uint16_t trbe_intid;       /* TRBE interrupt, MADT rev >= 6 (GICC 82 bytes) */
	const char *compatible;    /* DT cpu compatible, e.g. "arm,cortex-a57" */
	const char *enable_method; /* DT enable-method, e.g. "psci"; NULL = none */
	struct gd_loc loc;
};

/*
 * Sizes of the CPU interface frames, bytes, the same for every CPU (arm,gic.yaml
 * reg entries 1-3: GICC, GICH, GICV; their bases are per CPU, struct gd_cpu,
 * as MADT GICC gives them). 0 = 8 KiB (GIC architecture v2 §4.3: GICC and GICV
 * span 8 KiB, GICC_DIR at 0x1000; arm,gic.yaml's example gives GICH 8 KiB too).
 */
struct gd_cpu_interface {
	uint64_t gicc_size, gich_size, gicv_size;
	struct gd_loc loc;
};

/* GIC distributor (MADT GICD, ACPI 6.5 §5.2.12.15; DT arm,gic-v3 first reg). */
struct gd_distributor {
	uint64_t base;
	uint64_t size;   /* bytes: 64 KiB on GICv3/v4 */
	uint32_t gic_id; /* MADT "GIC ID" */
	uint32_t system_vector_base;
	uint32_t spis;       /* number of SPIs (INTIDs 32 .. 32+spis-1), multiple of 32 */
	uint32_t intid_bits; /* GICD_TYPER.IDbits + 1: 14 .. 24 */
	struct gd_loc loc;
};

struct gd_v5_its;

/*
 * ITS frame (MADT GIC ITS structure §5.2.12.18, IORT ITS group §3.1.1.1;
 * DT arm,gic-v3-its), or on a GICv5 one ITS translate frame (MADT GICv5
 * ITS translate frame structure, ACPI 6.7, type 30; DT arm,gic-v5.yaml
 * its@.../msi-controller@...): what devices write MSIs to. A sink of the
 * mapping graph: input IDs are DeviceIDs.
 */
struct gd_its {
	struct gd_node node;
	/*
	 * MADT "GIC ITS ID" = IORT ITS identifier; GICv5: the translate
	 * frame's "Translate Frame ID", which IORT ITS groups list (Linux
	 * iort_register_domain_token()).
	 */
	uint32_t its_id;
	uint64_t base;
	uint64_t size; /* bytes, DT reg size: gd_its_frame_size() of the GIC version */
	uint32_t
	    device_id_bits; /* GITS_TYPER.Devbits + 1 (GICv5: ITS_IDR1.DEVICEID_BITS): 1 .. 32 */
	uint32_t event_id_bits; /* GITS_TYPER.ID_bits + 1 (GICv5: ITS_IDR1.EVENTID_BITS): 1 .. 32 */
	bool has_proximity_domain;
	uint32_t proximity_domain; /* SRAT GIC ITS affinity / DT numa-node-id */
	/* GICv5: the ITS whose translate frame this is; NULL on GICv3/v4. */
	struct gd_v5_its *v5;
};

/* A PE that a GICv5 IRS serves, and the IAFFID by which it knows it. */
struct gd_irs_pe {
	size_t cpu;      /* index into gd_platform.cpus */
	uint16_t iaffid; /* the PE's IAFFID (MADT GICC "IAFFID"; DT arm,iaffids entry) */
	struct gd_loc loc;
};

/*
 * A GICv5 IRS (Interrupt Routing Service; MADT GICv5 IRS structure, ACPI
 * 6.7, type 28; DT arm,gic-v5.yaml irs@...): it holds the state of SPIs and
 * LPIs and routes them to the PEs whose IAFFIDs it serves. Not a node of the
 * mapping graph: MSIs reach it through a GICv5 ITS (or its SETLPI frame).
 */
struct gd_irs {
	const char *name;
	uint32_t irs_id;      /* MADT IRS "IRS ID", the GICC "IRS ID" of the PEs it serves */
	uint64_t config_base; /* IRS_CONFIG_FRAME (DT reg-names "ns-config"), 64 KiB */
	uint64_t setlpi_base; /* IRS_SETLPI_FRAME ("ns-setlpi"), 64 KiB; 0 = none */
	bool non_coherent;    /* MADT IRS flag bit 0; DT dma-noncoherent */
	/*
	 * IRS_IDR1.IAFFID_BITS + 1: the width of the IAFFIDs it takes, 1 .. 16;
	 * 0 = not stated (hardware tells; no DT or ACPI field).
	 */
	uint32_t iaffid_bits;
	/*
	 * SPI IDs this IRS serves [spi_base, spi_base + spi_count)
	 * (IRS_IDR7.SPI_BASE, IRS_IDR6.SPI_IRS_RANGE); spi_count 0 = not
	 * stated (no DT or ACPI field).
	 */
	uint32_t spi_base, spi_count;
	/* The PEs it serves (DT cpus and arm,iaffids, in that order). */
	struct gd_irs_pe *pes;
	size_t n_pes, cap_pes;
	struct gd_loc loc;
};

/*
 * A GICv5 ITS: its config frame (MADT GICv5 ITS config frame structure,
 * ACPI 6.7, type 29, "Translator ID"; DT arm,gic-v5-its, a child of its
 * IRS). Its translate frames are struct gd_its nodes whose v5 points here;
 * they inherit its DeviceID and EventID widths.
 */
struct gd_v5_its {
	const char *name;
	uint32_t
	    translator_id; /* MADT "Translator ID" = a translate frame's "Linked Translator ID" */
	uint64_t config_base; /* ITS_CONFIG_FRAME ("ns-config"), 64 KiB */
	bool non_coherent;    /* MADT flag bit 0; DT dma-noncoherent */
	struct gd_irs *irs;   /* the IRS it is connected to (DT parent) */
	struct gd_loc loc;
};

/*
 * A GICv5 IWB (Interrupt Wire Bridge; IORT IWB node, type 7, IORT E.g; DT
 * arm,gic-v5-iwb.yaml): turns @wires wired interrupts into MSIs to a GICv5
 * ITS translate frame, the wire number as EventID (Linux irq-gic-v5-iwb.c:
 * hwirq = wire). A source of the mapping
 * graph and never an output: node.maps holds its own DeviceID, one single
 * mapping into an ITS group (DT msi-parent = <&frame DeviceID>).
 * ACPI names a wire by GSIV 0xe0000000 | iwb_id << 16 | wire (Linux
 * GICV5_GSI_IWB_*).
 */
struct gd_iwb {
	struct gd_node node;
	uint32_t iwb_id; /* IORT "IWB Index" (16 bits), the GSIV namespace frame ID */
	uint64_t base;   /* IWB control frame, 64 KiB */
	/*
	 * Wires, (IWB_IDR0.IW_RANGE + 1) * 32 (Linux gicv5_iwb_init_bases()),
	 * wire n raising EventID n; 0 = not stated.
	 */
	uint32_t wires;
	const char *acpi_path; /* IORT "IWB Device Name", e.g. "\\_SB.IWB0" */
};

/*
 * GICv2m frame (MADT GIC MSI frame structure, ACPI 6.5 §5.2.12.16;
 * DT arm,gic-v2m-frame, arm,gic.yaml): SPI-based MSI. A device writes the
 * SPI's INTID to MSI_SETSPI_NS (frame + 0x40); no DeviceID. A sink.
 * spi_base/spi_count: the SPIs the frame raises (INTIDs), given by the
 * description (MADT flag "SPI count/base select" set; DT arm,msi-base-spi,
 * arm,msi-num-spis) or read by the OS from MSI_TYPER when spi_count is 0.
 */
struct gd_msi_frame {
	struct gd_node node;
	uint32_t frame_id; /* MADT "GIC MSI Frame ID" */
	uint64_t base;
	uint64_t size; /* bytes: 4 KiB */
	uint32_t spi_base, spi_count;
	/*
	 * DT writes arm,msi-base-spi and arm,msi-num-spis, which arm,gic.yaml
	 * keeps for a frame whose MSI_TYPER is wrong; MADT states a known range
	 * whatever this says (flag "SPI count/base select").
	 */
	bool dt_override;
};

/*
 * MBI (message-based interrupts) of a GICv3 distributor (arm,gic-v3.yaml
 * mbi-ranges, mbi-alias; no ACPI form): devices write an SPI's INTID to
 * GICD_SETSPI_NSR (distributor + 0x40), or at the same offset of the alias
 * frame. ranges: INTIDs of SPIs set aside for MBI. A sink.
 */
struct gd_mbi {
	struct gd_node node;
	struct gd_intid_range *ranges;
	size_t n_ranges, cap_ranges;
	uint64_t alias; /* mbi-alias physical address, 0 = none */
};

/*
 * Direct LPI: devices raise LPIs by writing the INTID to GICR_SETLPIR
 * (RD_base + 0x40) of a redistributor, with no ITS and no DeviceID (GIC
 * architecture §12.11; GICR_TYPER.DirectLPI). All redistributors form one
 * target. No firmware standard describes it (schemas/bindings/ has our
 * draft). A sink; the LPIs each device owns are on the device (lpis).
 */
struct gd_direct_lpi {
	struct gd_node node;
};

/*
 * Architecture of an SMMU, which decides its IORT node type: SMMUv3 (IORT
 * E.e §3.1.1.3, node type 4) or SMMUv1/SMMUv2 (IORT E.e §3.1.1.2 "SMMUv1 or
 * SMMUv2 node", node type 3; DT iommu/arm,smmu.yaml).
 */
enum gd_smmu_version {
	GD_SMMU_V3 = 0,
	GD_SMMU_V1_V2 = 1,
};

/* SMMUv3 model (IORT E.e §3.1.1.3 "Model"). */
enum gd_smmu_model {
	GD_SMMUV3_GENERIC = 0,
	GD_SMMUV3_HISILICON_HI161X = 1,
	GD_SMMUV3_CAVIUM_CN99XX = 2,
};

/* SMMUv1/v2 model (IORT E.e §3.1.1.2 "Model"; Linux arm-smmu.c acpi_smmu_get_data()). */
enum gd_smmu_v2_model {
	GD_SMMUV1_GENERIC = 0,
	GD_SMMUV2_GENERIC = 1,
	GD_SMMU_MMU400 = 2,          /* Arm CoreLink MMU-400 (SMMUv1) */
	GD_SMMU_MMU500 = 3,          /* Arm CoreLink MMU-500 (SMMUv2) */
	GD_SMMU_MMU401 = 4,          /* Arm CoreLink MMU-401 (SMMUv1, 64 KiB pages) */
	GD_SMMU_CAVIUM_THUNDERX = 5, /* Cavium ThunderX SMMUv2 */
};

/*
 * A wired interrupt of an SMMUv1/v2: its INTID (GSIV) and trigger (IORT E.e
 * §3.1.1.2 interrupt flags, bit 0: 1 = edge, 0 = level; DT
 * IRQ_TYPE_EDGE_RISING or IRQ_TYPE_LEVEL_HIGH). intid 0 = none.
 */
struct gd_smmu_irq {
	uint32_t intid;
	bool edge;
};

/*
 * An SMMU: SMMUv3 (IORT SMMUv3 node, IORT E.e §3.1.1.3; DT arm,smmu-v3.yaml)
 * or SMMUv1/v2 (IORT SMMUv1 or SMMUv2 node, IORT E.e §3.1.1.2; DT
 * arm,smmu.yaml), as @version says. node.maps: StreamID -> DeviceID (Linux
 * iort_node_map_id() follows them for the MSIs of the devices behind it, of
 * either node type). own_msi: an SMMUv3's own MSIs (its DeviceID mapping, a
 * single mapping to an ITS), NULL when it uses wired interrupts only (always
 * for SMMUv1/v2). Wired interrupts are INTIDs, 0 = none.
 */
struct gd_smmu {
	struct gd_node node;
	enum gd_smmu_version version;
	uint32_t model; /* IORT "Model": enum gd_smmu_model (v3) or gd_smmu_v2_model */
	uint64_t base;
	/*
	 * Register frame, bytes (DT reg size): SMMUv3 128 KiB (two 64 KiB
	 * pages); SMMUv1/v2 the IORT "Span" (global space, then context banks).
	 */
	uint64_t size;
	/*
	 * SMMUv3: IORT flag COHACC override; SMMUv1/v2: IORT flag "coherent
	 * page table walk". DT dma-coherent for both.
	 */
	bool coherent;
	bool httu_override;  /* SMMUv3: 2-bit HTTU override field, bit 0 only */
	uint64_t vatos_base; /* SMMUv3 */
	uint32_t event_intid, pri_intid, gerr_intid, sync_intid; /* SMMUv3 */
	bool has_proximity_domain;
	uint32_t proximity_domain; /* SMMUv3 */
	struct gd_id_map *own_msi;
	/* SMMUv1/v2 only (IORT E.e §3.1.1.2): */
	bool dvm; /* IORT flag "DVM supported" (broadcast TLB maintenance); no DT form */
	/* IORT global interrupt array: SMMU_NSgIrpt and SMMU_NSgCfgIrpt (intid 0 = none). */
	struct gd_smmu_irq nsg_irpt, nsg_cfg_irpt;
	/*
	 * The global interrupts a DT lists first (arm,smmu.yaml
	 * #global-interrupts, the PMU ones apart), in DT order: secure and
	 * non-secure global fault and combined interrupts. None: the DT lists
	 * nsg_irpt, then nsg_cfg_irpt when there is one (gd_smmu_dt_global()).
	 */
	struct gd_smmu_irq *global;
	size_t n_global, cap_global;
	/* Context bank interrupts in context bank order (IORT context interrupt array). */
	struct gd_smmu_irq *context;
	size_t n_context, cap_context;
	/* Performance monitor interrupts (IORT PMU interrupt array). */
	struct gd_smmu_irq *pmu;
	size_t n_pmu, cap_pmu;
	/*
	 * DT (arm,smmu.yaml): compatible, most specific first (none: the
	 * model's, "arm,mmu-500" ...); #iommu-cells, 1 (StreamID) or 2
	 * (StreamID and SMR mask), 0 = 1; stream-match-mask when has_*.
	 */
	const char **dt_compatible;
	size_t n_dt_compatible, cap_dt_compatible;
	uint32_t iommu_cells;
	bool has_stream_match_mask;
	uint32_t stream_match_mask;
	const char *dt_path; /* its node in a base DT (generate --base), or NULL: found by reg */
	struct gd_loc dt_path_loc; /* where dt_path was written */
};

/*
 * An SMMUv3 performance monitor counter group (IORT PMCG node, type 5, IORT
 * E.e §3.1.1.6; DT perf/arm,smmu-v3-pmcg.yaml): two 4 KiB register pages
 * and an overflow interrupt, wired or an MSI. A source of the mapping graph
 * and never an output: node.maps holds its own MSI, one single mapping into
 * an ITS group whose output base is its DeviceID, used only when
 * overflow_intid is 0 (Linux iort_get_id_mapping_index(): index 0 when the
 * overflow GSIV is 0 and the node has an ID mapping). The rules report any
 * other mappings (pmcg-id-mapping).
 */
struct gd_pmcg {
	struct gd_node node;
	uint64_t page0_base; /* register page 0, bytes (4 KiB) */
	/*
	 * Register page 1 (4 KiB; the counters when SMMU_PMCG_CFGR.RELOC_CTRS
	 * is 1); no field at IORT node revision 0 (DEN0049C), where Linux
	 * gives the PMCG none (arm_smmu_v3_pmcg_init_resources()): has_page1
	 * false.
	 */
	uint64_t page1_base;
	bool has_page1;
	/* Overflow interrupt GSIV (INTID; Linux registers it edge-triggered), 0 = none. */
	uint32_t overflow_intid;
	/*
	 * IORT "Node reference": the SMMUv3, named component or root complex
	 * whose traffic it counts (rule pmcg-node-ref); NULL when the input
	 * gives none (a DT has no property for it). node_ref_name: as written.
	 */
	struct gd_node *node_ref;
	const char *node_ref_name;
	struct gd_loc node_ref_loc;
};

/* PCI address space of a window: the ss field of a PCI ranges entry (PCI Bus Binding §2.2.1.1). */
enum gd_pci_space { GD_PCI_IO = 1, GD_PCI_MEM32 = 2, GD_PCI_MEM64 = 3 };

/*
 * A PCI host bridge address window (DT ranges entry of a PCI host): @size
 * bytes at @pci_base on the PCI bus, at @cpu_base on the CPU's bus.
 */
struct gd_pci_window {
	enum gd_pci_space space;
	bool prefetchable;
	uint64_t pci_base, cpu_base, size;
	struct gd_loc loc;
};

/*
 * Memory access properties (IORT E.e §3.1.1.2 table 7/8): cache coherency
 * attribute (CCA), allocation hints and memory access flags (GD_MEM_*).
 */
struct gd_mem_access {
	uint32_t cca;
	uint8_t hints;
	uint8_t flags;
};

/* Memory access flags: CPM, DACS (IORT E.b), CANWBS (IORT E.f: "ensured coherency of accesses"). */
enum { GD_MEM_CPM = 1u << 0, GD_MEM_DACS = 1u << 1, GD_MEM_CANWBS = 1u << 2 };

/*
 * A named register region of a host bridge that has no ECAM (a DT reg entry
 * and its reg-names name: DesignWare pci/snps,dw-pcie.yaml "dbi", "apb",
 * "config", ...): @size bytes at CPU address @base.
 */
struct gd_reg_region {
	const char *name;
	uint64_t base, size;
	struct gd_loc loc;
};

/*
 * A reserved memory range (IORT E.e §3.1.1.7 RMR memory range descriptor):
 * @length bytes at physical address @base, which the SMMU must map 1:1 for
 * the StreamIDs of its RMR (Linux iort_get_rmrs(): IOMMU_RESV_DIRECT).
 */
struct gd_rmr_range {
	uint64_t base, length;
	struct gd_loc loc;
};

/* RMR access attributes (IORT E.e §3.1.1.7 RMR flags bits [9:2]). */
enum gd_rmr_access {
	GD_RMR_DEVICE_NGNRNE = 0,
	GD_RMR_DEVICE_NGNRE = 1,
	GD_RMR_DEVICE_NGRE = 2,
	GD_RMR_DEVICE_GRE = 3,
	GD_RMR_NORMAL_NC = 4, /* normal, inner and outer non-cacheable */
	GD_RMR_NORMAL_WB = 5, /* normal, inner and outer write-back, inner shareable */
};

/*
 * Reserved memory ranges (IORT RMR node, type 6, IORT E.e §3.1.1.7; no DT
 * form for StreamIDs): memory that devices use before the OS takes over the
 * SMMU (firmware buffers, a boot framebuffer), to stay mapped 1:1 for the
 * StreamIDs of @stream_ids. Each entry of @stream_ids is StreamIDs
 * [input_base, input_base + count) of the SMMU @output (output_base ==
 * input_base). Not a node of the mapping graph: no MSI travels through it.
 * Linux reads RMR nodes from IORT table revision 5 (iort_find_rmrs()).
 */
struct gd_rmr {
	const char *name;
	struct gd_loc loc;
	bool remap_permitted;   /* flags bit 0: IOMMU_RESV_DIRECT_RELAXABLE */
	bool access_privileged; /* flags bit 1: IOMMU_PRIV */
	uint8_t access;         /* flags bits [9:2]: enum gd_rmr_access */
	struct gd_rmr_range *ranges;
	size_t n_ranges, cap_ranges;
	struct gd_id_map *stream_ids;
	size_t n_stream_ids, cap_stream_ids;
};

/* A range of IDs [base, base + count), count 1 .. 2^32 (RIDs, StreamIDs, DeviceIDs). */
struct gd_id_range {
	uint32_t base;
	uint64_t count;
};

/*
 * Something a description declares of some input IDs of a source, with the
 * reason it gives (YAML only: neither DT nor IORT can say it; `gicdesc
 * check` lends it to the DTB and ACPI inputs checked beside the YAML).
 * As a DMA alias group: the RIDs reach the ITS as one requester (a
 * PCIe-to-PCI bridge, a device with phantom functions; Linux
 * pci_for_each_dma_alias()), so their sharing one DeviceID is intended.
 * As unpopulated RIDs: no device of the platform ever uses them.
 */
struct gd_id_decl {
	struct gd_id_range *ranges;
	size_t n_ranges, cap_ranges;
	const char *reason;
	struct gd_loc loc;
};

/*
 * PCI root complex (IORT root complex node §3.1.1.5; DT PCI host with
 * msi-map/iommu-map, pci-host-ecam-generic). node.maps: RID -> StreamID or
 * DeviceID. The RID space of a root complex spans its bus range:
 * [bus_start << 8, (bus_end + 1) << 8).
 */
struct gd_root_complex {
	struct gd_node node;
	uint32_t segment;   /* PCI segment; DT linux,pci-domain */
	uint64_t ecam_base; /* ECAM base of bus 0 (MCFG "base address"): bus b at + (b << 20) */
	/*
	 * Bytes of the DT reg of the ECAM, from bus bus_start on; 0 = 1 MiB
	 * per bus of the bus range. A DT may state more than its bus-range
	 * uses (FVP Base RevC: 256 MiB for buses 0-1); MCFG has no such field.
	 */
	uint64_t ecam_size;
	bool ecam_unknown; /* the input does not say (IORT): ecam_base is meaningless */
	uint8_t bus_start, bus_end;
	/*
	 * The input does not state the bus range (an IORT without its MCFG):
	 * bus_start..bus_end is 0..255, and RIDs outside every ID mapping may be
	 * buses the host bridge does not have.
	 */
	bool bus_range_assumed;
	struct gd_mem_access mem;
	bool ats;                     /* ATS supported */
	uint8_t memory_address_limit; /* bits, IORT rev >= 3 (node rev >= 1) */
	/*
	 * DT only: MSIs that all reach one GICv2m frame or MBI are stated as
	 * msi-parent = <&controller> (pci-msi.txt) even where the route passes
	 * an SMMU, whose StreamIDs iommu-map states apart (AMD Seattle), not as
	 * an msi-map into the controller (QEMU virt). Set by the DTB loader
	 * from the msi-parent it read; YAML dt-msi-parent.
	 */
	bool dt_msi_parent;
	struct gd_pci_window *windows;
	size_t n_windows, cap_windows;
	/* DT compatible list, most specific first; none = "pci-host-ecam-generic". */
	const char **dt_compatible;
	size_t n_dt_compatible, cap_dt_compatible;
	/*
	 * A host bridge with named registers and no ECAM (DesignWare and its
	 * vendor variants): its regions in DT reg order; ecam_unknown is set
	 * and ecam_base unused. None for an ECAM host.
	 */
	struct gd_reg_region *regs;
	size_t n_regs, cap_regs;
	/*
	 * DT msi-map-mask / iommu-map-mask (pci-msi.txt, pci-iommu.txt): a RID
	 * is ANDed with the mask before node.maps / iommu_maps are searched
	 * (Linux of_map_id()). Meaningful only when has_*_mask is set;
	 * otherwise the mask is all ones.
	 */
	bool has_msi_map_mask, has_iommu_map_mask;
	uint32_t msi_map_mask, iommu_map_mask;
	/*
	 * DT iommu-map (pci-iommu.txt): RID -> StreamID of an SMMU, kept apart
	 * from node.maps because a DT states MSI routing (msi-map, RID ->
	 * DeviceID) and DMA translation separately and never states the SMMU's
	 * StreamID -> DeviceID mapping. Filled by the DTB loader only; a
	 * description whose RID -> StreamID mappings are in node.maps leaves
	 * it empty.
	 */
	struct gd_id_map *iommu_maps;
	size_t n_iommu_maps, cap_iommu_maps;
	/*
	 * LPI INTIDs the devices below own when they reach a Direct-LPI target:
	 * a pool the OS allocates every function's MSIs from (no DeviceID ties
	 * an INTID to one function).
	 */
	struct gd_intid_range *lpis;
	size_t n_lpis, cap_lpis;
	/*
	 * EventID budget of each function (each RID is a DeviceID): msis, the
	 * most MSI/MSI-X vectors a function uses (1 .. 2048, PCI MSI-X Table
	 * Size), and ims_slots, interrupt message store entries of a function
	 * (device-specific MSI storage); 0 = unknown.
	 */
	uint32_t msis, ims_slots;
	/* Isolation domain of the devices below (a name; NULL = not stated). */
	const char *isolation_domain;
	/* Declared DMA alias groups and unpopulated RIDs (struct gd_id_decl). */
	struct gd_id_decl *dma_aliases;
	size_t n_dma_aliases, cap_dma_aliases;
	struct gd_id_decl *unpopulated_rids;
	size_t n_unpopulated_rids, cap_unpopulated_rids;
	/* Its node in a base DT (generate --base), or NULL: found by its ECAM reg. */
	const char *dt_path;
	struct gd_loc dt_path_loc; /* where dt_path was written */
};

/*
 * Named component (IORT named component node §3.1.1.4): a platform device.
 * node.maps: its IDs -> StreamID or DeviceID; a single mapping gives its own
 * DeviceID. events: number of MSIs it uses (EventID budget), 0 = unknown.
 */
struct gd_named_component {
	struct gd_node node;
	const char *acpi_path;     /* device object name, e.g. "\\_SB.DMA0" */
	const char *dt_path;       /* DT node path, or NULL */
	struct gd_loc dt_path_loc; /* where dt_path was written */
	uint32_t node_flags;
	struct gd_mem_access mem;
	uint8_t memory_address_limit;
	uint32_t events;
	uint32_t ims_slots; /* interrupt message store entries (EventIDs too), 0 = none */
	/* LPI INTIDs the device owns when it reaches a Direct-LPI target. */
	struct gd_intid_range *lpis;
	size_t n_lpis, cap_lpis;
	/*
	 * Isolation domain (a name; NULL = not stated): devices of different
	 * domains must not be able to raise each other's interrupts, which
	 * only an ITS (DeviceID) enforces.
	 */
	const char *isolation_domain;
};

/*
 * A wired interrupt of a device the model has no node for (a USB controller,
 * a thermal sensor, an ADC): YAML devices:, or any DT node whose interrupts
 * go to the GIC. @flags: the DT trigger (IRQ_TYPE_*: 1 edge rising, 2 edge
 * falling, 4 level high, 8 level low, 0 none); @device: its name or DT path.
 */
struct gd_wired_irq {
	uint32_t intid;
	uint32_t flags;
	const char *device;
	struct gd_loc loc;
};

/*
 * A node of the interrupt system as a DTB wrote it, with the properties its
 * binding requires or constrains (check/rules_binding.c judges them). Only
 * the DTB front end records these; generate writes them as the bindings want.
 */
enum gd_dt_binding_kind {
	GD_DT_GIC,      /* arm,gic-v3 (arm,gic-v3.yaml) or GICv2 (arm,gic.yaml) */
	GD_DT_ITS,      /* arm,gic-v3-its subnode (arm,gic-v3.yaml) */
	GD_DT_V2M,      /* arm,gic-v2m-frame subnode (arm,gic.yaml) */
	GD_DT_SMMUV3,   /* arm,smmu-v3 (iommu/arm,smmu-v3.yaml) */
	GD_DT_PCI_HOST, /* device_type "pci" host bridge (dt-schema pci/pci-bus.yaml) */
};

/* The properties recorded of a struct gd_dt_binding_node: bit (1u << value) of present. */
enum gd_dt_binding_prop {
	GD_DTP_INTERRUPT_CONTROLLER,
	GD_DTP_INTERRUPT_CELLS,
	GD_DTP_MSI_CONTROLLER,
	GD_DTP_MBI_RANGES,
	GD_DTP_MSI_CELLS,
	GD_DTP_IOMMU_CELLS,
	GD_DTP_ADDRESS_CELLS,
	GD_DTP_SIZE_CELLS,
	GD_DTP_RANGES,
	GD_DTP_MSI_MAP,
	GD_DTP_MSI_MAP_MASK,
	GD_DTP_IOMMU_MAP,
	GD_DTP_IOMMU_MAP_MASK,
	GD_DTP_MSI_BASE_SPI,
	GD_DTP_MSI_NUM_SPIS,
	GD_DTP_COUNT
};

/*
 * One such node: @loc its DT path; bit (1u << p) of @present when property p
 * (enum gd_dt_binding_prop) is there; @cell[p] its first cell when it is at least 4
 * bytes long, else 0; @len[p] its length in bytes.
 */
struct gd_dt_binding_node {
	enum gd_dt_binding_kind kind;
	struct gd_loc loc;
	uint32_t present;
	uint32_t cell[GD_DTP_COUNT];
	uint32_t len[GD_DTP_COUNT];
};

/* The DT name of property @prop ("#msi-cells"). */
const char *gd_dt_binding_prop_name(enum gd_dt_binding_prop prop);

/* ACPI output knobs: table revisions and the header's creator fields. */
struct gd_acpi_opts {
	uint8_t iort_revision; /* 0, 3 (IORT E.b, default), 5 (IORT E.d) or 6 (E.e) */
	uint8_t madt_revision; /* 3 (76-byte GICC), 4, 5 (80-byte) or 6 (82-byte) */
	char creator_id[5];    /* ASL compiler ID field, 4 chars */
	uint32_t creator_revision;
};

/* DT output knobs for the root node of a standalone DTS. */
struct gd_dt_opts {
	const char *model;
	/*
	 * compatible of a GICv2 distributor node, most specific first
	 * (arm,gic.yaml: "arm,gic-400", "arm,cortex-a15-gic", ...; AMD Seattle
	 * and Juno write both); none = "arm,gic-400". GICv3/v4: unused.
	 */
	const char **gic_compatible;
	size_t n_gic_compatible, cap_gic_compatible;
	/*
	 * The flags cell of the GIC node's VGIC maintenance interrupt (a PPI)
	 * as stated when has_vgic_flags: IRQ_TYPE_* in bits [3:0] (1, 2 edge;
	 * 4, 8 level: the CPUs' vgic_maint_edge), and in bits [15:8]
	 * arm,gic.yaml's CPU interfaces the PPI is wired to, one bit each.
	 * arm,gic-v3.yaml lists 1 and 4 only and no CPU mask, yet Layerscape
	 * and Qualcomm write 8 and a mask there. Otherwise 1 or 4 with
	 * gd_ppi_cpu_mask() (gd_dt_vgic_flags()).
	 */
	bool has_vgic_flags;
	uint32_t vgic_flags;
	/*
	 * compatibles of the CPU PMU nodes that each take every CPU on one PPI
	 * with no PPI partition (arm,pmu.yaml: "arm,cortex-a72-pmu",
	 * "arm,armv8-pmuv3", ...; a DTB with such nodes only: one, or one per
	 * CPU type as Qualcomm sm8550 writes them), one node each; none =
	 * "arm,armv8-pmuv3" on CPUs of one type, as QEMU writes it, and one
	 * node per type on PPI partitions otherwise.
	 */
	const char **pmu_compatible;
	size_t n_pmu_compatible, cap_pmu_compatible;
	const char **compatible; /* list of n_compatible strings */
	size_t n_compatible, cap_compatible;
};

/*
 * One waiver (gicdesc(5) WAIVERS; a description's waivers: or a --waivers
 * file): a reviewed finding of rule @rule about @node accepted for @reason,
 * which `check` and `generate` then report as a note. @node is a name the
 * finding's message gives (pcie0, smmu@0x2b400000, \_SB_.SEC0), a DT node
 * path (/soc/pcie@3400000), or an ACPI table and byte offset (IORT+0x84).
 * With @ids_count > 0 the finding must also name an ID (a hex number or
 * range in its message) in [ids_base, ids_base + ids_count). @matched counts
 * the findings it waived, so that one that matches nothing can be reported.
 */
struct gd_waiver {
	const char *rule, *node, *reason;
	uint32_t ids_base;
	uint64_t ids_count; /* 0: any IDs; 1 .. 2^32 */
	struct gd_loc loc;
	unsigned matched;
};

/* The whole platform; zero-initialise, fill through a loader, free with gd_platform_free(). */
/*
 * What a platform was loaded from: a gicdesc description (from which
 * generate writes both DT and ACPI), a device tree, or ACPI tables.
 */
enum gd_origin { GD_ORIGIN_YAML = 0, GD_ORIGIN_DTB, GD_ORIGIN_ACPI };

struct gd_platform {
	struct gd_arena arena;
	const char *file; /* the description's path, for diagnostics */
	enum gd_origin origin;

	const char *name;     /* output file stem */
	char oem_id[7];       /* 6 chars, space padded, NUL-terminated */
	char oem_table_id[9]; /* 8 chars, space padded, NUL-terminated */
	uint32_t oem_revision;
	struct gd_acpi_opts acpi;
	struct gd_dt_opts dt;

	enum gd_gic_version gic_version;
	struct gd_loc gic_loc;
	struct gd_distributor dist;
	struct gd_redist_region *redists;
	size_t n_redists, cap_redists;
	struct gd_cpu *cpus;
	size_t n_cpus, cap_cpus;
	struct gd_cpu_interface cpuif;

	struct gd_its **its;
	size_t n_its, cap_its;
	struct gd_smmu **smmus;
	size_t n_smmus, cap_smmus;
	struct gd_root_complex **rcs;
	size_t n_rcs, cap_rcs;
	struct gd_named_component **ncs;
	size_t n_ncs, cap_ncs;
	struct gd_msi_frame **msi_frames;
	size_t n_msi_frames, cap_msi_frames;
	struct gd_mbi **mbis; /* at most one: the distributor's */
	size_t n_mbis, cap_mbis;
	struct gd_direct_lpi **direct_lpis; /* at most one: all redistributors */
	size_t n_direct_lpis, cap_direct_lpis;
	struct gd_pmcg **pmcgs; /* SMMUv3 PMCGs (IORT PMCG nodes) */
	size_t n_pmcgs, cap_pmcgs;
	struct gd_iwb **iwbs; /* GICv5 IWBs (IORT IWB nodes) */
	size_t n_iwbs, cap_iwbs;
	/* GICv5 (gic_version GD_GIC_V5): IRSes and ITSes (the ITS translate frames are in its). */
	struct gd_irs **irses;
	size_t n_irses, cap_irses;
	struct gd_v5_its **v5_its;
	size_t n_v5_its, cap_v5_its;
	/* IORT reserved memory range nodes (not nodes of the mapping graph) */
	struct gd_rmr **rmrs;
	size_t n_rmrs, cap_rmrs;
	/* Reviewed findings accepted (a description's waivers:), in the order written. */
	struct gd_waiver *waivers;
	size_t n_waivers, cap_waivers;
	/*
	 * ACPI tables: the GICv2m frame that takes every RID of a root complex whose
	 * IORT route reaches no ITS (unmapped at the root complex or further on), as
	 * Linux gives such a PCI device the PCI MSI domain of the first MADT GIC MSI
	 * frame (pci_set_msi_domain() after pci_msi_get_device_domain() fails;
	 * gicv2m_acpi_init(), gicv2m_get_fwnode()); NULL otherwise.
	 */
	const struct gd_node *pci_msi_fallback;

	/* Wired interrupts of the devices outside the mapping graph (struct gd_wired_irq). */
	struct gd_wired_irq *wired;
	size_t n_wired, cap_wired;

	/*
	 * PCI segments of host bridges the input states but disables (DT
	 * status = "disabled", which the DTB front end skips): no device sits
	 * behind them, so another description that routes them is not wrong.
	 */
	uint32_t *disabled_segments;
	size_t n_disabled_segments, cap_disabled_segments;

	/* DT nodes with the properties their bindings constrain (DTB input only). */
	struct gd_dt_binding_node *dt_binding;
	size_t n_dt_binding, cap_dt_binding;

	/* Facts the input did not state and a loader assumed, for the report. */
	const char **assumed;
	size_t n_assumed, cap_assumed;
};

/* Frees everything the platform owns and zeroes it. */
void gd_platform_free(struct gd_platform *p);

/*
 * Allocates a zeroed object of @size bytes (sizeof the struct of @kind:
 * gd_its, gd_smmu, gd_root_complex, ..., gd_pmcg) in the arena,
 * sets its node's kind and index, and appends it to the platform's array
 * of that kind. Returns its node header (name and loc are the caller's).
 */
struct gd_node *gd_platform_add_node(struct gd_platform *p, enum gd_node_kind kind, size_t size);

/*
 * Node @i of every node of the platform, kind by kind (ITS, SMMUv3, root
 * complex, named component, GICv2m frame, MBI, Direct LPI, PMCG, IWB), each in
 * array order; NULL when i is past the last. For walks: for (i = 0; (n = ...); i++).
 */
struct gd_node *gd_platform_node(const struct gd_platform *p, size_t i);

/* Returns the node named @name, or NULL. Linear in the number of nodes. */
struct gd_node *gd_platform_find_node(const struct gd_platform *p, const char *name);

/* Down-casts of a node header; return NULL when the kind does not match. */
struct gd_its *gd_node_as_its(struct gd_node *n);
struct gd_smmu *gd_node_as_smmu(struct gd_node *n);
struct gd_root_complex *gd_node_as_rc(struct gd_node *n);
struct gd_named_component *gd_node_as_nc(struct gd_node *n);
struct gd_msi_frame *gd_node_as_msi_frame(struct gd_node *n);
struct gd_mbi *gd_node_as_mbi(struct gd_node *n);
struct gd_direct_lpi *gd_node_as_direct_lpi(struct gd_node *n);
struct gd_pmcg *gd_node_as_pmcg(struct gd_node *n);
struct gd_iwb *gd_node_as_iwb(struct gd_node *n);

/*
 * True for the kinds that end a route (MSI controllers): ITS, GICv2m frame,
 * MBI, Direct LPI. Only an ITS takes a DeviceID.
 */
bool gd_node_is_sink(enum gd_node_kind kind);

/*
 * The IORT/DT name of a node kind: "ITS", "SMMUv3" (an SMMU of either version:
 * gd_node_what() tells them apart), "root complex",
 * "named component", "GICv2m frame", "MBI", "Direct LPI", "PMCG", "IWB".
 */
const char *gd_node_kind_name(enum gd_node_kind kind);

/*
 * The name of what @n is, for messages: gd_node_kind_name() of its kind,
 * but "SMMUv1/v2" for an SMMU of that version (IORT E.e §3.1.1.2) and
 * "ITS translate frame" for a GICv5 ITS's.
 */
const char *gd_node_what(const struct gd_node *n);

/*
 * The global interrupts a DT lists for SMMUv1/v2 @s, PMU ones apart
 * (arm,smmu.yaml): s->global, or else nsg_irpt and nsg_cfg_irpt (those of
 * them with an INTID), copied into @tmp. Sets *@n to their number.
 */
const struct gd_smmu_irq *gd_smmu_dt_global(const struct gd_smmu *s, struct gd_smmu_irq tmp[2],
                                            size_t *n);

/*
 * The generic DT compatible of an SMMU (Linux arm-smmu.c arm_smmu_of_match,
 * arm,smmu.yaml; arm,smmu-v3.yaml): "arm,smmu-v3" for every SMMUv3;
 * "arm,smmu-v1", "arm,smmu-v2", "arm,mmu-400", "arm,mmu-500",
 * "arm,mmu-401", "cavium,smmu-v2" for SMMUv1/v2 models 0..5; NULL for
 * another SMMUv1/v2 model.
 */
const char *gd_smmu_dt_compatible(enum gd_smmu_version version, uint32_t model);

/*
 * Wired interrupt @i of SMMU @s, every one counted once: SMMUv3 eventq,
 * priq, gerror, cmdq-sync (those with an INTID; edge-triggered, as Linux
 * iort.c registers them); SMMUv1/v2 its DT global interrupts
 * (gd_smmu_dt_global()), PMU and context interrupts. Stores it in *@irq
 * and its role ("eventq", "global", "PMU", "context", ...) in *@what;
 * returns false when @i is past the last.
 */
bool gd_smmu_wired_irq(const struct gd_smmu *s, size_t i, struct gd_smmu_irq *irq,
                       const char **what);

/*
 * The CPU mask that PPI specifiers of DT carry by default in bits [15:8] of
 * their flags cell (arm,gic.yaml: the CPU interfaces a PPI is wired to): on
 * a GICv2 one bit for each of its first 8 CPUs; 0 from GICv3 on
 * (arm,gic-v3.yaml has no CPU mask).
 */
uint32_t gd_ppi_cpu_mask(const struct gd_platform *p);

/*
 * The flags cell DT writes for the VGIC maintenance interrupt of @p:
 * dt.vgic_flags when stated, else IRQ_TYPE_EDGE_RISING (1) or
 * IRQ_TYPE_LEVEL_HIGH (4) by the first CPU's trigger, with
 * gd_ppi_cpu_mask() in bits [15:8].
 */
uint32_t gd_dt_vgic_flags(const struct gd_platform *p);

/*
 * True when @cell is a VGIC maintenance flags cell dt.vgic_flags can hold:
 * IRQ_TYPE_* 1, 2, 4 or 8 in bits [7:0] and at most a CPU mask in bits
 * [15:8] (arm,gic.yaml), so at most 0xff0f.
 */
bool gd_dt_vgic_flags_ok(uint32_t cell);

/* gd_dt_vgic_flags() of @p were dt.vgic_flags not stated. */
uint32_t gd_dt_vgic_default_flags(const struct gd_platform *p);

/* The GIC version as written in YAML and reports: "2", "3", "4", "4.1", "5". */
const char *gd_gic_version_name(enum gd_gic_version v);

/*
 * Distributor (GICD) frame size in bytes for a GIC version: 4 KiB on GICv2
 * (GIC architecture v2 §4.1.2, GIC-400 TRM: the GICD is one 4 KiB page),
 * 64 KiB on GICv3 and GICv4 (GIC architecture §12.9); 0 on GICv5 (none).
 */
uint64_t gd_dist_size(enum gd_gic_version v);

/*
 * Redistributor frame size in bytes for a GIC version (GIC architecture
 * §12.10): 128 KiB (RD_base + SGI_base) on GICv3, 256 KiB on GICv4 and
 * GICv4.1 (adds VLPI_base and a reserved frame); 0 on GICv2 and GICv5 (none).
 */
uint64_t gd_redist_frame_size(enum gd_gic_version v);

/*
 * ITS frame size in bytes for a GIC version (GIC architecture §12.19 and
 * §12.20; Linux irq-gic-v3-its.c its_probe_one()): 128 KiB (ITS_base and the
 * translation frame) on GICv3 and GICv4, 192 KiB on GICv4.1, which adds the
 * vSGI frame at +128 KiB (GITS_SGIR); 0 on GICv2 (none); on GICv5 the
 * translate frame, 64 KiB (arm,gic-v5.yaml example; GICv5 ITS_TRANSLATE_FRAME).
 */
uint64_t gd_its_frame_size(enum gd_gic_version v);

/*
 * Size in bytes of every GICv5 register frame the model places (IRS config
 * and SETLPI frames, ITS config and translate frames, IWB control frame):
 * 64 KiB (arm,gic-v5.yaml and arm,gic-v5-iwb.yaml examples; Linux
 * ACPI_GICV5_IRS_MEM_SIZE).
 */
#define GD_V5_FRAME_SIZE 0x10000u

/* A CPU interface frame size of struct gd_cpu_interface: @size, or 8 KiB when it is 0. */
uint64_t gd_cpuif_size(uint64_t size);

/*
 * The own MSI of PMCG @g as Linux takes it: ID mapping 0 when the PMCG has no
 * overflow GSIV and that mapping is a single mapping
 * (iort_get_id_mapping_index(), iort_set_device_domain(): "Invalid MSI
 * mapping" otherwise); NULL when it has none.
 */
const struct gd_id_map *gd_pmcg_msi(const struct gd_pmcg *g);

/* Bytes of the DT reg of @rc's ECAM: ecam_size, or 1 MiB per bus of its bus range. */
uint64_t gd_rc_ecam_size(const struct gd_root_complex *rc);

/*
 * The index of the first IRS of @p, from index @from on, whose PEs include CPU
 * @cpu (an index into p->cpus), with that PE entry (its IAFFID) in *@pe;
 * p->n_irses when none does. A CPU the DT lists in two IRSes is found again
 * from the first one's index + 1 (arm,gic-v5.yaml cpus, arm,iaffids; MADT
 * GICC IRS ID, ACPI 6.7).
 */
size_t gd_irs_serving(const struct gd_platform *p, size_t cpu, size_t from,
                      const struct gd_irs_pe **pe);

/* Number of IDs in the RID space of a root complex's bus range (256 per bus). */
uint64_t gd_rc_rid_count(const struct gd_root_complex *rc);

#endif

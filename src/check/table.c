/* SPDX-License-Identifier: MIT */
/*
 * table.c - the rule table of `gicdesc check`. A rule is one function (see
 * rule.h) and one line here: name, default severity, function, prerequisites,
 * description with its source. Prerequisites come before their dependents.
 */
#include "check/rule.h"

/* Rules that follow routes need a mapping graph whose shape and ranges are sound. */
#define GRAPH                                                                                      \
	{                                                                                          \
		"id-map-zero-count", "id-map-target-kind", "id-map-overflow", NULL                 \
	}
#define NONE                                                                                       \
	{                                                                                          \
		NULL                                                                               \
	}
#define E GD_SEV_ERROR
#define W GD_SEV_WARNING
#define N GD_SEV_NOTE

const struct gd_rule gd_rules[] = {
    /* ID mappings, node by node (IORT E.e §3.2.2 "ID mapping"; DT msi-map, iommu-map) */
    {"id-map-zero-count", E, gd_rule_id_map_zero_count, NONE,
     "an ID mapping of 0 IDs (IORT E.e ID mapping: number of IDs is written minus one, so 0 "
     "cannot be; DT msi-map length must be > 0)",
     NULL},
    {"id-map-overflow", E, gd_rule_id_map_overflow, NONE,
     "an ID mapping whose input or output range runs past 0xffffffff (IORT E.e ID mapping: "
     "32-bit IDs; Linux of_map_id())",
     NULL},
    {"id-map-overlap", E, gd_rule_id_map_overlap, NONE,
     "two ID mappings of one node overlap on their input IDs (Linux iort_node_map_id() and "
     "of_map_id() take the first that matches)",
     NULL},
    {"id-map-count-off-by-one", W, gd_rule_id_map_count_off_by_one, NONE,
     "an ID mapping whose last ID is the input base of another of its node, or that holds "
     "2^k + 1 IDs (k >= 8): the number of IDs written where IORT E.e §3.2.2 wants number "
     "minus one (Linux iort_id_map() FW_BUG \"conflicting mapping\" work-around)",
     NULL},
    {"id-map-target-kind", E, gd_rule_id_map_target_kind, NONE,
     "an ID mapping outputs to a node that cannot take it: a root complex or named component, "
     "an SMMU from an SMMU, or a mapping on an ITS (IORT E.e: ITS groups have none)",
     NULL},
    {"single-mapping-kind", E, gd_rule_single_mapping_kind, NONE,
     "a single mapping where Linux ignores it: among an SMMU's StreamID mappings, or an "
     "own-MSI mapping that is not single (Linux iort_id_map(), iort_set_device_domain())",
     NULL},
    /* Routes (src/resolve: every source's IDs pushed through the mappings) */
    {"route-cycle", E, gd_rule_route_cycle, NONE,
     "a chain of ID mappings that comes back to a node it passed (Linux iort_node_map_id() "
     "follows output references until it reaches an ITS)",
     NULL},
    {"route-unmapped", W, gd_rule_route_unmapped, GRAPH,
     "input IDs of a source that no ID mapping covers: those devices get no MSI domain "
     "(Linux iort_get_device_domain(), of_msi_map_get_device_domain())",
     NULL},
    {"route-no-its", E, gd_rule_route_no_its, GRAPH,
     "a route that ends at a node that is no MSI controller (IORT E.e: MSI ID chains end at "
     "an ITS group; DT: msi-map targets an msi-controller)",
     NULL},
    {"route-dma-only", N, gd_rule_route_dma_only, GRAPH,
     "a named component whose IDs end at an SMMU with no ID mapping: its StreamIDs serve DMA "
     "translation only and it gets no MSI domain (IORT E.e §3.1.1.3, §3.1.1.5; Linux "
     "iort_node_map_id() finds no ITS, without complaint)",
     NULL},
    /* DeviceIDs and EventIDs at each ITS (GIC architecture IHI 0069, the ITS) */
    {"device-id-range", E, gd_rule_device_id_range, GRAPH,
     "a DeviceID at or past 2^device-id-bits of its ITS (GITS_TYPER.Devbits; Linux "
     "its_alloc_device_table() refuses it)",
     NULL},
    {"event-id-budget", E, gd_rule_event_id_budget, GRAPH,
     "the MSIs (events, msis) and IMS slots of every device that reaches one DeviceID add up "
     "to more than 2^event-id-bits of its ITS (GITS_TYPER.ID_bits: EventIDs per DeviceID)",
     NULL},
    {"device-id-collision", E, gd_rule_device_id_collision, GRAPH,
     "two sources reach the same DeviceID of one ITS, which then cannot isolate them (GIC "
     "architecture: the DeviceID identifies the requester)",
     NULL},
    {"smmu-msi-collision", E, gd_rule_smmu_msi_collision, GRAPH,
     "an SMMUv3's own-MSI DeviceID that its clients reach through it too (IORT E.e §3.1.1.3 "
     "DeviceID mapping index)",
     NULL},
    {"vpe-proxy-device-id", W, gd_rule_vpe_proxy_device_id, GRAPH,
     "GICv4.0: a device reaches DeviceID 2^device-id-bits - 1 of the first ITS, which Linux "
     "takes for the VPE proxy without DirectLPI (irq-gic-v3-its.c its_init_vpe_domain())",
     NULL},
    /* Direct LPI (GIC architecture §12.11 GICR_SETLPIR; our draft arm,gic-v3-direct-lpi) */
    {"direct-lpi-redistributor", E, gd_rule_direct_lpi_redistributor, NONE,
     "a Direct-LPI target while some redistributor lacks DirectLPI (GICR_SETLPIR is defined "
     "only when GICR_TYPER.DirectLPI is 1)",
     NULL},
    {"direct-lpi-device-id", E, gd_rule_direct_lpi_device_id, NONE,
     "an ID mapping with an output base into a Direct-LPI target, which takes no DeviceID "
     "(GICR_SETLPIR: the data is the INTID); a device names it in msi-parent",
     NULL},
    {"direct-lpi-lpis", E, gd_rule_direct_lpi_lpis, GRAPH,
     "a device that reaches the Direct-LPI target owns no LPIs, or one that owns LPIs does "
     "not reach it (arm,gic-v3-direct-lpi: msi-parent gives the LPIs a device owns)",
     NULL},
    {"lpi-range-class", E, gd_rule_lpi_range_class, NONE,
     "LPIs a device owns outside 8192 .. 2^intid-bits - 1 (GIC architecture: LPI INTIDs; "
     "GICD_TYPER.IDbits)",
     NULL},
    {"lpi-range-overlap", E, gd_rule_lpi_range_overlap, NONE,
     "two LPI ranges that devices own overlap: with no DeviceID the OS cannot tell which "
     "raised an LPI (GICR_SETLPIR)",
     NULL},
    {"direct-lpi-beside-its", W, gd_rule_direct_lpi_beside_its, NONE,
     "a Direct-LPI target on a GIC with an ITS: GICR_SETLPIR is then IMPLEMENTATION DEFINED "
     "(GIC architecture §12.11)",
     NULL},
    {"direct-lpi-isolation", W, gd_rule_direct_lpi_isolation, GRAPH,
     "devices of different isolation domains raise LPIs through Direct LPI, which has no "
     "DeviceID to keep them apart (an ITS isolates by DeviceID)",
     NULL},
    {"lpi-multi-msi-alignment", W, gd_rule_lpi_multi_msi_alignment, NONE,
     "an LPI range holding Multi-MSI blocks whose base or count is not a multiple of the block "
     "(PCI Local Bus 3.0 §6.8.1: MSI Multiple Message Enable, n-aligned blocks)",
     NULL},
    /* Identifiers that must be unique */
    {"its-id-duplicate", E, gd_rule_its_id_duplicate, NONE,
     "two ITSes share an ITS ID (ACPI 6.5 §5.2.12.18 GIC ITS ID; IORT E.e §3.1.1.1 ITS "
     "identifiers)",
     NULL},
    {"mpidr-duplicate", E, gd_rule_mpidr_duplicate, NONE,
     "two CPUs share an MPIDR (ACPI 6.5 §5.2.12.14 GICC MPIDR; DT arm/cpus.yaml reg)", NULL},
    {"uid-duplicate", E, gd_rule_uid_duplicate, NONE,
     "two CPUs share an ACPI processor UID (ACPI 6.5 §5.2.12.14 GICC ACPI Processor UID)", NULL},
    {"pci-segment-duplicate", E, gd_rule_pci_segment_duplicate, NONE,
     "two root complexes share a PCI segment (Linux iort_match_node_callback(): one root "
     "complex per segment, the first wins)",
     NULL},
    /* MMIO layout */
    {"mmio-overlap", E, gd_rule_mmio_overlap, NONE,
     "two MMIO ranges overlap: GICD, redistributor regions and frames, ITS, SMMU, ECAM, PCI "
     "windows, GICv2 CPU interface frames (GIC architecture; PCI Firmware 3.3 MCFG); from "
     "ACPI tables a redistributor frame is at most the spacing of the GICC GICR bases",
     NULL},
    {"gicc-base-overlap", W, gd_rule_gicc_base_overlap, NONE,
     "GICv3 or later: a GICC Physical Base Address inside another GIC or device frame, a known "
     "firmware quirk Linux tolerates (irq-gic-v3.c never maps the GICC; CPUs use the system "
     "registers)",
     NULL},
    {"gic-frame-alignment", E, gd_rule_gic_frame_alignment, NONE,
     "a GICD, redistributor or ITS base that is not 64 KiB aligned (GIC architecture: every "
     "register frame is a 64 KiB page)",
     NULL},
    {"redist-region-too-small", E, gd_rule_redist_region_too_small, NONE,
     "redistributor regions short of one frame per CPU, or a stride not a multiple of 64 KiB "
     "of at least a frame (ACPI 6.5 §5.2.12.16 GICR; arm,gic-v3.yaml redistributor-stride)",
     NULL},
    /* GICv4.1 frame sizes (server: several ITSes, GICv4/4.1) */
    {"its-frame-size", E, gd_rule_its_frame_size, NONE,
     "a GICv4.1 ITS frame smaller than 192 KiB, without its vSGI frame (GIC architecture "
     "§12.19; Linux its_probe_one() maps GITS_SGIR at base + 128 KiB whatever the firmware says)",
     NULL},
    {"its-translater-frame", W, gd_rule_its_translater_frame, NONE,
     "an ITS frame smaller than 128 KiB, leaving out the translation frame and GITS_TRANSLATER "
     "(GIC architecture §12.19; Linux maps only the first 64 KiB and boots, but a hypervisor or "
     "IOMMU that maps the stated frame misses the MSI doorbell)",
     NULL},
    /* Interrupt numbers */
    {"spis-range", E, gd_rule_spis_range, NONE,
     "a number of SPIs GICD_TYPER.ITLinesNumber cannot give: a multiple of 32 up to 960, or "
     "988 (Linux caps the SPIs at INTID 1019)",
     NULL},
    {"intid-bits-range", E, gd_rule_intid_bits_range, NONE,
     "intid-bits outside 14..24 (GICD_TYPER.IDbits + 1; LPIs start at INTID 8192)", NULL},
    {"intid-class", E, gd_rule_intid_class, NONE,
     "a CPU interrupt that is no PPI (16-31, 1056-1119) or an SMMU interrupt that is no SPI "
     "of the distributor (32-1019) or extended SPI (4096-5119) (GIC architecture INTIDs)",
     NULL},
    /* SMMUv1/v2 (IORT E.e §3.1.1.2; arm,smmu.yaml) as Linux's arm-smmu.c probes them */
    {"smmu-v2-context-interrupts", E, gd_rule_smmu_v2_context_interrupts, NONE,
     "an SMMUv1/v2 with no context interrupt (IORT E.e §3.1.1.2 context interrupt array; "
     "arm,smmu.yaml: one per context bank after #global-interrupts): Linux "
     "arm_smmu_device_probe() fails, \"found %d interrupts but expected at least %d\"",
     NULL},
    {"smmu-v2-model", E, gd_rule_smmu_v2_model, NONE,
     "an IORT SMMUv1/v2 node whose model is none of 0-5 (IORT E.e §3.1.1.2 Model: generic "
     "SMMUv1, SMMUv2, MMU-400, MMU-500, MMU-401, Cavium ThunderX): Linux "
     "acpi_smmu_get_data() refuses it",
     NULL},
    /* SPI-based MSI (GICv2m frames, GICv3 MBI) and GICv2 */
    {"spi-msi-range", E, gd_rule_spi_msi_range, NONE,
     "a GICv2m frame or MBI range with INTIDs that are no SPI of the distributor (32-1019 and "
     "below 32 + spis; arm,gic.yaml arm,msi-base-spi, arm,gic-v3.yaml mbi-ranges)",
     NULL},
    {"spi-msi-overlap", E, gd_rule_spi_msi_overlap, NONE,
     "two GICv2m frames or MBI ranges share SPIs (Linux gicv2m and mbi allocate each range "
     "on its own, so one SPI would serve two MSIs)",
     NULL},
    {"spi-msi-wired", E, gd_rule_spi_msi_wired, NONE,
     "a wired SPI in use (SMMU interrupts, a PMU on SPIs, any device's: YAML devices:, "
     "DT interrupts) inside a GICv2m frame or MBI range (the SPI would be both wired and an "
     "MSI)",
     NULL},
    {"spi-trigger-mismatch", E, gd_rule_spi_trigger_mismatch, NONE,
     "one SPI wired to devices with different trigger types: Linux maps it once and "
     "irq_create_fwspec_mapping() refuses the other (\"type mismatch, failed to map hwirq\")",
     NULL},
    {"v2m-spi-limit", W, gd_rule_v2m_spi_limit, NONE,
     "a GICv2m frame whose SPIs end at INTID 1019 (base + count = 1020): Linux refuses the "
     "frame (irq-gic-v2m.c is_msi_spi_valid(): base + num > V2M_MAX_SPI)",
     NULL},
    {"mbi-multi-msi-alignment", W, gd_rule_mbi_multi_msi_alignment, NONE,
     "an MBI range whose first INTID is not a multiple of the largest Multi-MSI block it "
     "holds (min(32, 2^floor(log2(count))); irq-gic-v3-mbi.c aligns blocks from the range "
     "start, PCI Multi-MSI needs the INTID aligned)",
     NULL},
    {"v2m-frame-alignment", E, gd_rule_v2m_frame_alignment, NONE,
     "a GICv2m frame base that is not 4 KiB aligned (ACPI 6.5 §5.2.12.16; the frame is one "
     "4 KiB page)",
     NULL},
    {"gicv2-features", E, gd_rule_gicv2_features, NONE,
     "a GICv2 platform with an ITS, redistributors, MBI or Direct LPI, or a CPU interface "
     "number past 7 (GICv2 has no LPIs and 8 CPU interfaces; ACPI 6.5 §5.2.12.15 GIC "
     "version 2)",
     NULL},
    /* DT binding conformance of the nodes gicdesc models (a DTB's; generate writes them right) */
    {"gic-binding", E, gd_rule_gic_binding, NONE,
     "a GIC node without interrupt-controller, or (GICv3) with mbi-ranges and msi-controller "
     "not both (DTSpec §2.4.2.1, dt-schema interrupt-controller.yaml; arm,gic-v3.yaml "
     "dependencies; Linux of_irq_parse_raw(), mbi_init())",
     NULL},
    {"its-binding", E, gd_rule_its_binding, NONE,
     "an ITS node without msi-controller or without #msi-cells = <1> (arm,gic-v3.yaml ITS "
     "subnode: required; Linux its_of_probe() skips it, of_msi_get_domain())",
     NULL},
    {"v2m-binding", E, gd_rule_v2m_binding, NONE,
     "a GICv2m frame node without msi-controller, or with one of arm,msi-base-spi and "
     "arm,msi-num-spis alone (arm,gic.yaml v2m subnode; Linux gicv2m_of_init() skips the "
     "frame, overrides MSI_TYPER only with both)",
     NULL},
    {"smmu-binding", E, gd_rule_smmu_binding, NONE,
     "an SMMUv3 node without #iommu-cells = <1> (arm,smmu-v3.yaml: required, const 1; Linux "
     "of_iommu_configure() parses iommus by it)",
     NULL},
    {"pci-host-binding", E, gd_rule_pci_host_binding, NONE,
     "a PCI host bridge node without #address-cells = <3>, #size-cells = <2> or ranges, with "
     "msi-map-mask but no msi-map, or an iommu-map-mask past 0xffff (dt-schema pci-bus.yaml, "
     "pci-iommu.yaml)",
     NULL},
    /* What a format cannot express of a description (YAML only: firmware chose its format) */
    {"iort-direct-lpi", E, gd_rule_iort_direct_lpi, NONE,
     "a device raises its MSIs through Direct LPI, which IORT cannot express: no node for it, "
     "ID mappings end at an ITS group or SMMU (IORT E.e §3), and GICR_SETLPIR takes no "
     "DeviceID; generate writes no IORT (with --force, one without that route)",
     "iort"},
    {"iort-spi-msi", W, gd_rule_iort_spi_msi, GRAPH,
     "a route ends at MBI, or at a GICv2m frame from a named component: IORT has no node "
     "for either, so the source gets no MSI under ACPI (PCI keeps a GICv2m frame through the "
     "MADT GIC MSI frame, Linux gicv2m_acpi_init(), but only the first: Linux gives every PCI "
     "device IORT leads to no ITS the first frame, gicv2m_get_fwnode())",
     "iort"},
    {"madt-direct-lpi", N, gd_rule_madt_direct_lpi, NONE,
     "redistributors with DirectLPI: the MADT GICR structure has no flag for it (ACPI 6.5 "
     "§5.2.12.16); the OS reads GICR_TYPER.DirectLPI",
     "madt"},
    {"dt-ats", W, gd_rule_dt_ats, NONE,
     "a root complex supports ATS, which the Linux 6.1 DT bindings cannot say (IORT root "
     "complex ATS attribute only): an OS booted from the DT does not enable it",
     "dt"},
    {"dt-canwbs", W, gd_rule_dt_canwbs, NONE,
     "a root complex or named component whose IORT memory access flags say CANWBS (IORT E.f: "
     "coherency of accesses ensured whatever the memory attributes), which no DT binding can "
     "say",
     "dt"},
    {"dt-rmr", W, gd_rule_dt_rmr, NONE,
     "a reserved memory range (IORT RMR) for StreamIDs, which a device tree cannot say "
     "(reserved-memory iommu-addresses names device nodes, and PCI devices have none): an "
     "OS booted from the DT does not keep it mapped",
     "dt"},
    {"dt-pmcg", N, gd_rule_dt_pmcg, NONE,
     "the node a PMCG counts for (IORT PMCG node reference), which arm,smmu-v3-pmcg.yaml has "
     "no property for: an OS booted from the DT cannot tell which SMMU it counts",
     "dt"},
    /* Reserved memory ranges (IORT E.e §3.1.1.7 RMR node; Linux iort_get_rmrs()) */
    {"rmr-no-stream-ids", E, gd_rule_rmr_no_stream_ids, NONE,
     "an RMR with no StreamIDs (Linux iort_node_get_rmr_info(): FW_BUG \"Invalid ID mapping, "
     "skipping RMR node\")",
     NULL},
    {"rmr-range", E, gd_rule_rmr_range, NONE,
     "an RMR memory range of length 0, not aligned to 64 KiB, or overlapping another of its "
     "node (Linux iort_rmr_desc_check_overlap(), iort_rmr_alloc() FW_BUG messages)",
     NULL},
    {"rmr-stream-ids", W, gd_rule_rmr_stream_ids, NONE,
     "RMR StreamIDs that no device behind their SMMU reaches it with, or an RMR ID mapping "
     "into a node that is no SMMU (Linux iort_node_get_rmr_info()): the memory is reserved "
     "for no device",
     NULL},
    /* SMMUv3 PMCGs (IORT E.e §3.1.1.6 PMCG node; Linux iort.c) */
    {"pmcg-id-mapping", E, gd_rule_pmcg_id_mapping, NONE,
     "a PMCG with more than one ID mapping, or whose own-MSI mapping is not a single mapping "
     "into an ITS group (IORT E.e §3.1.1.6; Linux iort_get_id_mapping_index(), "
     "iort_set_device_domain() FW_BUG \"Invalid MSI mapping\"): it gets no MSI domain",
     NULL},
    {"pmcg-node-ref", E, gd_rule_pmcg_node_ref, NONE,
     "a PMCG whose node reference is not an SMMUv3, named component or root complex (IORT "
     "E.e §3.1.1.6), or not the start of a node",
     NULL},
    {"pmcg-overflow", E, gd_rule_pmcg_overflow, NONE,
     "a PMCG with neither an overflow interrupt GSIV nor an ID mapping: nothing signals an "
     "overflow, and Linux's arm_smmuv3_pmu does not probe it (smmu_pmu_probe() \"Setup irq "
     "failed\"; arm,smmu-v3-pmcg.yaml wants interrupts or msi-parent)",
     NULL},
    {"pmcg-overflow-gsiv", E, gd_rule_pmcg_overflow_gsiv, NONE,
     "a PMCG overflow interrupt GSIV that is not an SPI of the distributor or an extended "
     "SPI (Linux arm_smmu_v3_pmcg_init_resources() registers it as an edge-triggered SPI)",
     NULL},
    /* GICv5 (ACPI 6.7 MADT IRS and GICC, IORT E.g IWB; arm,gic-v5.yaml; Linux 7.2 irq-gic-v5*.c) */
    {"iaffid-unserved", E, gd_rule_iaffid_unserved, NONE,
     "a GICv5 PE whose IAFFID no IRS gives (arm,gic-v5.yaml cpus and arm,iaffids; MADT GICC "
     "IAFFID and IRS ID): Linux gicv5_irs_register_cpu() \"IAFFID for CPU %d has not been "
     "initialised\", and the CPU takes no interrupts",
     NULL},
    {"iaffid-duplicate", E, gd_rule_iaffid_duplicate, NONE,
     "a PE served by two IRSes (Linux gicv5_irs_of_init_affinity() keeps the last), or one "
     "IAFFID of an IRS given to two PEs (IRS_PE_SELR selects a PE by it)",
     NULL},
    {"iaffid-bits", E, gd_rule_iaffid_bits, NONE,
     "an IAFFID wider than the IAFFID bits of its IRS (IRS_IDR1.IAFFID_BITS + 1; Linux "
     "\"iaffid exceeds IRS iaffid bits\" and the CPU gets none)",
     NULL},
    {"iwb-wire-overlap", E, gd_rule_iwb_wire_overlap, NONE,
     "two IWBs with one IWB index, so that their wires are the same GSIVs (IORT E.g IWB node; "
     "Linux GICV5_GSI_IWB_FRAME_ID, iort_iwb_handle() takes the first)",
     NULL},
    {"iwb-wires", E, gd_rule_iwb_wires, GRAPH,
     "an IWB with more wires than the EventIDs of the ITS translate frame it reaches (the wire "
     "number is the EventID: Linux irq-gic-v5-iwb.c; ITS_IDR1.EVENTID_BITS)",
     NULL},
    {"its-frame-unreached", W, gd_rule_its_frame_unreached, GRAPH,
     "a GICv5 ITS translate frame that no source reaches (arm,gic-v5.yaml msi-controller@, MADT "
     "GICv5 ITS translate frame): no msi-map, IORT ID mapping or IWB leads to it",
     NULL},
    {"gic-version-mixed", E, gd_rule_gic_version_mixed, GRAPH,
     "an MSI route that ends at a GICv3 ITS, GICv2m frame, MBI or Direct LPI of a GICv5, or at "
     "a GICv5 ITS translate frame of a GICv3 (arm,gic-v5.yaml: MSIs of a GICv5 go to its ITS "
     "translate frames)",
     NULL},
    /* What a writer of generate refuses: reported by src/emit, which `check` runs on a
       description whose rules pass (generate writes nothing when a rule fails) */
    {"dt-inexpressible", E, NULL, NONE,
     "the DT writer cannot write the description: a field no binding carries (an SMMU's VATOS "
     "page), a node it cannot name, a CPU it cannot describe (no compatible, a spin-table "
     "without release address, MPIDR bits outside Aff3..Aff0), redistributor regions of "
     "different strides, a route it cannot write as msi-map or msi-parent",
     "dt"},
    {"iort-inexpressible", E, NULL, NONE,
     "the IORT writer cannot write the description at its table revision: a field the node "
     "revision lacks (memory address size limit, proximity domain, DeviceID mapping index), "
     "an SMMUv3 whose own-MSI mapping the revision cannot tell from a StreamID mapping, a "
     "named component without its ACPI device path, a PMCG without its node reference, a mapping "
     "of 0 or more than 2^32 IDs "
     "(IORT E.b-E.d)",
     "iort"},
    {"madt-inexpressible", E, NULL, NONE,
     "the MADT writer cannot write the description at its revision: a GICC field the "
     "revision lacks (ACPI 6.5 §5.2.12.14: SPE, TRBE, efficiency class, online capable), a "
     "redistributor region longer than the 32-bit GICR discovery range length",
     "madt"},
    /* Across inputs: run by gd_check_compare() when several are given */
    {"firmware-drift", E, NULL, NONE,
     "two descriptions of one platform (YAML, DTB, IORT+MADT) send an input ID to different "
     "ITSes or DeviceIDs (DT msi-map and IORT ID mappings must agree: Linux follows whichever "
     "it booted with)",
     NULL},
};

const size_t gd_n_rules = sizeof(gd_rules) / sizeof(gd_rules[0]);

/* SPDX-License-Identifier: MIT */
/*
 * rule.h - inside the rule engine: the rule table, the context every rule
 * function receives, the one function every rule reports through, and small
 * helpers the rules share. Adding a rule = one function here + one table line
 * in table.c.
 */
#ifndef GD_CHECK_RULE_H
#define GD_CHECK_RULE_H

#include <stdbool.h>
#include <stdint.h>

#include "check/check.h"

struct gd_check_ctx;

/* Most prerequisites a rule may name. */
#define GD_RULE_MAX_PREREQ 3

/*
 * One rule: its kebab-case name, default severity, function, the names of
 * earlier rules it needs to have passed (NULL-terminated), and a one-line
 * description citing its source. A rule without a function compares several
 * inputs and is run by gd_check_compare(), not by gd_check_run(), or is
 * reported by a writer of src/emit (the *-inexpressible rules). @format:
 * the output format family ("dt", "iort", "madt") whose limits alone the
 * rule judges (gd_check_off_for_format()), NULL for a fault of the platform.
 */
struct gd_rule {
	const char *name;
	enum gd_severity level;
	void (*fn)(struct gd_check_ctx *c);
	const char *prereq[GD_RULE_MAX_PREREQ + 1];
	const char *desc;
	const char *format;
};

/* The rule table (table.c), gd_n_rules entries, prerequisites before dependents. */
extern const struct gd_rule gd_rules[];
extern const size_t gd_n_rules;

/* The severity of rule @i after the overrides of @cfg (NULL: none; the last one wins). */
enum gd_severity gd_check_severity(const struct gd_check_config *cfg, size_t i);

/* Returns the index of the rule called @name, or -1. */
long gd_rule_find(const char *name);

/*
 * What a rule function sees. routes is never NULL (an empty set when the
 * caller gave none); tmp is scratch memory freed after the run.
 */
struct gd_check_ctx {
	const struct gd_platform *p;
	const struct gd_routes *routes;
	const struct gd_rule *rule;
	enum gd_severity sev;
	struct gd_diags *d;
	struct gd_arena *tmp;
	size_t found; /* problems reported by the current rule */
};

/*
 * Reports one problem of the current rule at @loc (the object's source
 * location): adds it to the diagnostics with the rule's name and severity
 * (nothing when the rule is off) and marks the rule as failed.
 */
void gd_check_report(struct gd_check_ctx *c, const struct gd_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * gd_check_report(), or when @declared a note of the current rule (nothing
 * when the rule is off) that does not fail it: for a finding the description
 * declares intended (a DMA alias group, unpopulated RIDs; struct gd_id_decl).
 */
void gd_check_report_declared(struct gd_check_ctx *c, bool declared, const struct gd_loc *loc,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * declared.c: the declarations of a route's source root complex. Returns the
 * DMA alias group of the source of @a and @b (both root complexes, the same
 * one) that holds both input parts [in_a, in_a + count) and
 * [in_b, in_b + count), each inside one of its ranges; or NULL.
 */
const struct gd_id_decl *gd_check_alias_group(const struct gd_route *a, uint32_t in_a,
                                              const struct gd_route *b, uint32_t in_b,
                                              uint64_t count);

/* The unpopulated-RID declaration of the source of @r that holds RIDs [in, in + count), or NULL. */
const struct gd_id_decl *gd_check_unpopulated(const struct gd_route *r, uint32_t in,
                                              uint64_t count);

/*
 * The input IDs of route @r that a device may use: [input_base, input_base + count)
 * but for the RIDs its root complex declares unpopulated (no device uses them, so
 * they need no EventIDs). Writes the runs, in order, to @runs (allocated in @arena)
 * and returns their number: 0 when every ID is unpopulated; the whole route as one
 * run for a named component, an SMMU's own MSIs or a root complex behind an
 * msi-map-mask (whose input IDs are masked RIDs).
 */
size_t gd_check_populated(const struct gd_route *r, struct gd_arena *arena,
                          struct gd_id_range **runs);

/* Size of a buffer that holds any range written by gd_check_range(). */
#define GD_RANGE_BUF 40

/*
 * Writes the ID range [base, base + count) as "0x0800-0xffff", or "0x0800"
 * for one ID (at least four hex digits); count 1 .. 2^32. Returns @buf.
 */
const char *gd_check_range(char buf[GD_RANGE_BUF], uint64_t base, uint64_t count);

/*
 * The name of the input IDs of a node kind, plural: "RIDs" (root complex),
 * "StreamIDs" (SMMUv3), "IDs" (named component), "DeviceIDs" (ITS).
 */
const char *gd_check_id_name(enum gd_node_kind kind);

/* The same name, singular when @count is 1 ("RID 0x0010", "RIDs 0x0010-0x001f"). */
const char *gd_check_id_word(enum gd_node_kind kind, uint64_t count);

/* A sort key and the index of the object it belongs to. */
struct gd_check_keyed {
	uint64_t key;
	size_t idx;
};

/* Sorts @v by key, ties by idx: a deterministic order for sweeps and duplicate searches. */
void gd_check_sort(struct gd_check_keyed *v, size_t n);

/*
 * The overlap sweep of the layout and range rules. @sorted: @n intervals
 * as {first value, index}, sorted with gd_check_sort(); end(@arg, index) is
 * an interval's exclusive end (> its first value, saturated, in the same
 * unit: bytes, IDs, INTIDs). Calls overlap(@c, @arg, i, reach) for each
 * interval i that starts before the furthest end of the intervals before
 * it, reach being the interval of that furthest end. O(n).
 */
void gd_check_overlaps(struct gd_check_ctx *c, const struct gd_check_keyed *sorted, size_t n,
                       uint64_t (*end)(const void *arg, size_t i),
                       void (*overlap)(struct gd_check_ctx *c, const void *arg, size_t i,
                                       size_t reach),
                       const void *arg);

/*
 * Writes "RIDs 0x0000-0xffff of pcie0", "the single-mapping ID of dma0" or
 * "the own MSIs of smmu0": what the input of route @r is, in user terms.
 */
void gd_check_route_source(const struct gd_route *r, char *buf, size_t size);

/* Returns @singular when the input of @r is one ID (a single mapping or count 1), else @plural. */
const char *gd_check_verb(const struct gd_route *r, const char *plural, const char *singular);

/* Rule functions, grouped by file. */
/* rules_idmap.c: ID mappings of one node. */
void gd_rule_id_map_zero_count(struct gd_check_ctx *c);
void gd_rule_id_map_overflow(struct gd_check_ctx *c);
void gd_rule_id_map_overlap(struct gd_check_ctx *c);
void gd_rule_id_map_count_off_by_one(struct gd_check_ctx *c);
void gd_rule_id_map_target_kind(struct gd_check_ctx *c);
void gd_rule_single_mapping_kind(struct gd_check_ctx *c);
/* rules_route.c: outcome of each route. */
void gd_rule_route_cycle(struct gd_check_ctx *c);
void gd_rule_route_unmapped(struct gd_check_ctx *c);
void gd_rule_route_no_its(struct gd_check_ctx *c);
void gd_rule_route_dma_only(struct gd_check_ctx *c);
/* rules_deviceid.c: DeviceIDs and EventIDs at each ITS. */
void gd_rule_device_id_range(struct gd_check_ctx *c);
void gd_rule_device_id_collision(struct gd_check_ctx *c);
void gd_rule_smmu_msi_collision(struct gd_check_ctx *c);
void gd_rule_vpe_proxy_device_id(struct gd_check_ctx *c);
/* rules_eventid.c: EventIDs per DeviceID (MSIs and IMS slots of the devices that share it). */
void gd_rule_event_id_budget(struct gd_check_ctx *c);
/* rules_direct_lpi.c: Direct LPI and the LPI INTIDs devices own. */
void gd_rule_direct_lpi_redistributor(struct gd_check_ctx *c);
void gd_rule_direct_lpi_device_id(struct gd_check_ctx *c);
void gd_rule_direct_lpi_lpis(struct gd_check_ctx *c);
void gd_rule_lpi_range_class(struct gd_check_ctx *c);
void gd_rule_lpi_range_overlap(struct gd_check_ctx *c);
void gd_rule_direct_lpi_beside_its(struct gd_check_ctx *c);
void gd_rule_direct_lpi_isolation(struct gd_check_ctx *c);
void gd_rule_lpi_multi_msi_alignment(struct gd_check_ctx *c);
/* rules_unique.c: identifiers that must be unique. */
void gd_rule_its_id_duplicate(struct gd_check_ctx *c);
void gd_rule_mpidr_duplicate(struct gd_check_ctx *c);
void gd_rule_uid_duplicate(struct gd_check_ctx *c);
void gd_rule_pci_segment_duplicate(struct gd_check_ctx *c);
/* rules_layout.c: MMIO layout of the GIC and its neighbours. */
void gd_rule_mmio_overlap(struct gd_check_ctx *c);
void gd_rule_gicc_base_overlap(struct gd_check_ctx *c);
void gd_rule_gic_frame_alignment(struct gd_check_ctx *c);
void gd_rule_redist_region_too_small(struct gd_check_ctx *c);
/* rules_frames.c: frame sizes of the GIC version. */
void gd_rule_its_frame_size(struct gd_check_ctx *c);
void gd_rule_its_translater_frame(struct gd_check_ctx *c);
/* rules_intid.c: interrupt numbers. */
void gd_rule_spis_range(struct gd_check_ctx *c);
void gd_rule_intid_bits_range(struct gd_check_ctx *c);
void gd_rule_intid_class(struct gd_check_ctx *c);

/* rules_smmu.c: SMMUv1/v2 as Linux's arm-smmu.c probes them. */
void gd_rule_smmu_v2_context_interrupts(struct gd_check_ctx *c);
void gd_rule_smmu_v2_model(struct gd_check_ctx *c);

/* rules_spi_msi.c: SPI-based MSI (GICv2m, MBI) and GICv2. */
void gd_rule_spi_msi_range(struct gd_check_ctx *c);
void gd_rule_spi_msi_overlap(struct gd_check_ctx *c);
void gd_rule_spi_msi_wired(struct gd_check_ctx *c);
void gd_rule_spi_trigger_mismatch(struct gd_check_ctx *c);
void gd_rule_v2m_spi_limit(struct gd_check_ctx *c);
void gd_rule_mbi_multi_msi_alignment(struct gd_check_ctx *c);
void gd_rule_v2m_frame_alignment(struct gd_check_ctx *c);
void gd_rule_gicv2_features(struct gd_check_ctx *c);
/* rules_binding.c: DT binding conformance of the nodes gicdesc models (DTB input). */
void gd_rule_gic_binding(struct gd_check_ctx *c);
void gd_rule_its_binding(struct gd_check_ctx *c);
void gd_rule_v2m_binding(struct gd_check_ctx *c);
void gd_rule_smmu_binding(struct gd_check_ctx *c);
void gd_rule_pci_host_binding(struct gd_check_ctx *c);
/* rules_expressible.c: what DT or ACPI cannot express of a description. */
void gd_rule_iort_direct_lpi(struct gd_check_ctx *c);
void gd_rule_iort_spi_msi(struct gd_check_ctx *c);
void gd_rule_madt_direct_lpi(struct gd_check_ctx *c);
void gd_rule_dt_ats(struct gd_check_ctx *c);
void gd_rule_dt_canwbs(struct gd_check_ctx *c);
void gd_rule_dt_pmcg(struct gd_check_ctx *c);
/* rules_rmr.c: IORT RMR nodes (IORT E.e §3.1.1.7) */
void gd_rule_rmr_no_stream_ids(struct gd_check_ctx *c);
void gd_rule_rmr_range(struct gd_check_ctx *c);
void gd_rule_rmr_stream_ids(struct gd_check_ctx *c);
void gd_rule_dt_rmr(struct gd_check_ctx *c);
/* rules_pmcg.c: IORT PMCG nodes (IORT E.e §3.1.1.6) */
void gd_rule_pmcg_id_mapping(struct gd_check_ctx *c);
void gd_rule_pmcg_node_ref(struct gd_check_ctx *c);
void gd_rule_pmcg_overflow(struct gd_check_ctx *c);
void gd_rule_pmcg_overflow_gsiv(struct gd_check_ctx *c);

/*
 * rules_gicv5.c: a GICv5's IRSes, IAFFIDs, IWBs and translate frames (ACPI 6.7
 * MADT, IORT E.g, arm,gic-v5.yaml, arm,gic-v5-iwb.yaml; Linux 7.2 irq-gic-v5*.c)
 */
void gd_rule_iaffid_unserved(struct gd_check_ctx *c);
void gd_rule_iaffid_duplicate(struct gd_check_ctx *c);
void gd_rule_iaffid_bits(struct gd_check_ctx *c);
void gd_rule_iwb_wire_overlap(struct gd_check_ctx *c);
void gd_rule_iwb_wires(struct gd_check_ctx *c);
void gd_rule_its_frame_unreached(struct gd_check_ctx *c);
void gd_rule_gic_version_mixed(struct gd_check_ctx *c);

/*
 * Reports (rules_intid.c) the wired interrupt @intid of node @n, its @what
 * ("eventq", "overflow"), unless it is 0 (none), an SPI the distributor has
 * (INTIDs 32 .. 31 + spis, at most 1019) or an extended SPI (4096-5119).
 */
void gd_check_wired_spi(struct gd_check_ctx *c, const struct gd_node *n, const char *what,
                        uint32_t intid);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * dt_build.h - what the parts of the DT tree builder share (dt_build.c: root,
 * CPUs, GIC and ITS; dt_build_io.c: SMMUv3, PCIe hosts, named components).
 * Private to src/emit.
 */
#ifndef GD_EMIT_DT_BUILD_H
#define GD_EMIT_DT_BUILD_H

#include "emit/dt_tree.h"
#include "util/namemap.h"

/* State of one build: the tree, and the DT node made for each ITS and SMMU (model order). */
struct gd_dt_builder {
	const struct gd_emit_ctx *ctx;
	const struct gd_platform *p;
	struct gd_dt_tree *t;
	struct gd_dt_node *gic;
	struct gd_dt_node **its;       /* [p->n_its] */
	struct gd_dt_node **smmus;     /* [p->n_smmus] */
	struct gd_dt_node *direct_lpi; /* the arm,gic-v3-direct-lpi node, NULL when none */
	struct gd_dt_node **v2m;       /* [p->n_msi_frames] */
	struct gd_dt_node **cpus;      /* [p->n_cpus] */
	/*
	 * #interrupt-cells of the GIC: 3, or 4 when a PPI needs a partition
	 * (arm,gic-v3.yaml ppi-partitions) or a --base GIC has 4; every
	 * specifier gd_dt_push_interrupt() writes has this many cells.
	 */
	uint32_t icells;
	struct gd_namemap nodes;  /* (parent, name) -> every node made so far */
	struct gd_namemap labels; /* (NULL, label) -> the node given it */
	int status;               /* 0, or -1 once an error was reported */
};

/*
 * Reports an error of rule dt-inexpressible (what the DT cannot carry of the
 * description) at @loc (may be NULL) and marks the build failed.
 */
void gd_dt_error(struct gd_dt_builder *b, const struct gd_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Adds node @name under @parent with DTS label @label (NULL = none). The label
 * is made a valid DTS label (letters, digits, '_'; not starting with a digit);
 * a node name or label that is already taken is an error at @loc.
 */
struct gd_dt_node *gd_dt_builder_node(struct gd_dt_builder *b, struct gd_dt_node *parent,
                                      const char *name, const char *label,
                                      const struct gd_loc *loc);

/* GICD frame size in bytes written when the model gives none (GIC architecture: 64 KiB). */
#define GD_DT_GICD_FRAME_SIZE 0x10000u

/*
 * Appends one <base size> entry, two cells each (#address-cells and
 * #size-cells 2), to the reg property @pr, with a DTS comment @note.
 */
void gd_dt_builder_push_reg(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint64_t base,
                            uint64_t size, const char *note);

/*
 * Adds the GIC node "interrupt-controller@GICD" (label "gic") under the root
 * with compatible the @n strings @compatible, most specific first,
 * #interrupt-cells 3, 2-cell addresses and
 * sizes, ranges, interrupt-controller (arm,gic-v3.yaml, arm,gic.yaml), and
 * its reg (*@reg) holding the GICD frame; the caller appends the other
 * frames of its GIC version. Sets b->gic. Returns the node.
 */
struct gd_dt_node *gd_dt_builder_gic_node(struct gd_dt_builder *b, const char *const *compatible,
                                          size_t n, struct gd_dt_prop **reg);

/*
 * Adds the MSI controller child "@prefix@BASE" of the GIC for model node
 * @src at @base (an ITS, a GICv2m frame), labelled with its name, with
 * compatible @compatible and msi-controller (msi-controller.yaml); the
 * caller adds the rest. Returns the node; a name or label already taken is
 * an error at src->loc (gd_dt_builder_node()).
 */
struct gd_dt_node *gd_dt_builder_msi_child(struct gd_dt_builder *b, const char *prefix,
                                           uint64_t base, const struct gd_node *src,
                                           const char *compatible);

/*
 * Adds an "interrupts" property to @n, printed in decimal, one specifier
 * of b->icells cells a group; fill it with gd_dt_push_interrupt().
 */
struct gd_dt_prop *gd_dt_builder_interrupts(struct gd_dt_builder *b, struct gd_dt_node *n);

/*
 * Appends the arm,gic-v3 interrupt specifier <type number flags> of @intid
 * (type 0 SPI, 1 PPI, 2 extended SPI, 3 extended PPI; flags 1 edge rising,
 * 4 level high) to @pr, with a note naming it, and with b->icells 4 a fourth
 * cell: a reference to the PPI partition node @partition, or 0 (every CPU;
 * arm,gic-v3.yaml). @what names the interrupt in the error given for an
 * INTID that is none of these (SGI, LPI, special).
 */
void gd_dt_push_interrupt(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t intid, bool edge,
                          const char *what, const struct gd_loc *loc);
void gd_dt_push_partitioned(struct gd_dt_builder *b, struct gd_dt_prop *pr, uint32_t intid,
                            bool edge, struct gd_dt_node *partition, const struct gd_loc *loc);

/*
 * The one interrupt every CPU of @cpus (n indices into p->cpus; all CPUs
 * when @cpus is NULL) has for @fn, with its trigger in *@edge; 0 when none
 * has one. CPUs that differ are an error naming @what (DT gives a PPI once
 * for the CPUs of a node).
 */
typedef uint32_t (*gd_cpu_ppi_fn)(const struct gd_cpu *c, bool *edge);
uint32_t gd_dt_common_ppi(struct gd_dt_builder *b, gd_cpu_ppi_fn fn, const size_t *cpus, size_t n,
                          const char *what, bool *edge);

/*
 * Adds node @name (compatible @compatible) under the root with the PPI
 * every CPU has for @fn, when they have one (gd_dt_common_ppi()).
 */
void gd_dt_ppi_device(struct gd_dt_builder *b, gd_cpu_ppi_fn fn, const char *what, const char *name,
                      const char *compatible);

/*
 * True when the CPUs that have a PMU interrupt are of more than one type
 * (compatible) on a GICv3/v4 and the description names no PMU compatible
 * for them all (dt.pmu_compatible): DT then gives one PMU node per type on a
 * PPI partition of its CPUs (dt_build_pmu.c), as big.LITTLE boards do.
 */
bool gd_dt_pmu_partitioned(const struct gd_platform *p);

/*
 * The CPU PMU nodes (arm,pmu.yaml): one arm,armv8-pmuv3 on the PMU PPI of
 * every CPU, or when gd_dt_pmu_partitioned() one arm,<cpu>-pmu node per CPU
 * type with the GIC's ppi-partitions child (arm,gic-v3.yaml) for its CPUs.
 * Needs b->gic and b->cpus.
 */
void gd_dt_build_pmus(struct gd_dt_builder *b);

/*
 * The DT node of the ITS, SMMU, GICv2m frame or MBI (the GIC node) @n, or
 * NULL for any other node.
 */
struct gd_dt_node *gd_dt_target(const struct gd_dt_builder *b, const struct gd_node *n);

/* Adds interrupts = the VGIC maintenance interrupt, common to every CPU, to the GIC node @n. */
void gd_dt_build_vgic_interrupt(struct gd_dt_builder *b, struct gd_dt_node *n);

/* Adds the GICv2 node (arm,gic.yaml) with its GICv2m frames under the root; sets b->gic. */
void gd_dt_build_gicv2(struct gd_dt_builder *b);

/*
 * Adds the GICv2m frames (arm,gic-v2m-frame, arm,gic.yaml) as children of the GIC node
 * b->gic, a GICv2 or (as QEMU's virt machine with msi=gicv2m writes it) a GICv3; sets
 * b->v2m.
 */
void gd_dt_build_v2m_frames(struct gd_dt_builder *b);

/* Adds msi-controller, mbi-ranges and mbi-alias (arm,gic-v3.yaml) to the GICv3 node. */
void gd_dt_build_mbi(struct gd_dt_builder *b);

/*
 * GICv5 (dt_build_gicv5.c, arm,gic-v5.yaml): the arm,gic-v5 node under the
 * root with its IRSes, their ITSes and the ITSes' translate frames (b->its);
 * sets b->gic.
 */
void gd_dt_build_gicv5(struct gd_dt_builder *b);

/* The GICv5 IWB nodes (arm,gic-v5-iwb.yaml) under the root, with msi-parent. */
void gd_dt_build_iwbs(struct gd_dt_builder *b);

/*
 * Adds msi-parent = <&its DeviceID> to @dn from the single-mapping route of
 * @source (msi.txt), or <&frame> for SPI-based MSI, or the Direct-LPI pool;
 * an error when it has no such route.
 */
void gd_dt_msi_parent(struct gd_dt_builder *b, struct gd_dt_node *dn, const struct gd_node *source);

/* Adds the SMMUv3 nodes (arm,smmu-v3.yaml) under the root. */
void gd_dt_build_smmus(struct gd_dt_builder *b);

/* Adds the SMMUv3 PMCG nodes (perf/arm,smmu-v3-pmcg.yaml) under the root. */
void gd_dt_build_pmcgs(struct gd_dt_builder *b);

/* Adds the PCIe host nodes (host-generic-pci.yaml, pci-msi.txt, pci-iommu.txt). */
void gd_dt_build_root_complexes(struct gd_dt_builder *b);

/* Adds msi-parent and iommus to the nodes named by the named components' DT paths. */
void gd_dt_build_named_components(struct gd_dt_builder *b);

/*
 * Direct LPI (dt_build_dlpi.c; draft binding schemas/bindings/interrupt-
 * controller/arm,gic-v3-direct-lpi.yaml): the arm,gic-v3-direct-lpi node
 * under the root, when the platform has a Direct-LPI target.
 */
void gd_dt_build_direct_lpi(struct gd_dt_builder *b);

/*
 * When a route of @source reaches the Direct-LPI target: adds the pool of
 * the LPIs @source owns (child lpis-NAME of the Direct-LPI node, arm,lpi-ranges)
 * and msi-parent = <&pool> to its DT node @dn, and returns true (an error
 * when it owns none). Returns false, adding nothing, otherwise.
 */
bool gd_dt_direct_lpi_parent(struct gd_dt_builder *b, struct gd_dt_node *dn,
                             const struct gd_node *source);

#endif

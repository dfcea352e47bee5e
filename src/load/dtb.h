/* SPDX-License-Identifier: MIT */
/*
 * dtb.h - internals of the DTB front end (gd_load_dtb() in load.h), shared by
 * src/load/dtb*.c and by nothing else.
 *
 * The blob has passed fdt_check_full() before any of this runs, so libfdt's
 * read-only accessors are safe on it; what remains untrusted is every value:
 * cell counts, lengths of properties, phandles, and the shape of the tree.
 * A one-pass table of nodes (parent of each) and phandles makes every parent
 * and phandle lookup O(log n), so no input makes the loader quadratic, and
 * nesting deeper than DTB_MAX_DEPTH is refused, so no walk is unbounded.
 */
#ifndef GD_LOAD_DTB_H
#define GD_LOAD_DTB_H

#include <stdbool.h>
#include <stdint.h>

#include "load/load.h"

/* Deepest node nesting accepted (the root is depth 0). */
#define DTB_MAX_DEPTH 64

/* A growable array of node offsets (scratch memory). */
struct dtb_offs {
	int *v;
	size_t n, cap;
};

/* A phandle and the offset of its node. */
struct dtb_phandle {
	uint32_t phandle;
	int off;
};

/* Everything the parts of the loader share. */
struct dtb_ctx {
	const void *fdt;
	const char *file;  /* the DTB's path, owned by the platform arena */
	bool byte_offsets; /* @file is the DTB itself: locations give byte offsets in it */
	struct gd_platform *p;
	struct gd_diags *d;
	const struct gd_load_options *given; /* as the caller passed them, may be NULL */
	struct gd_load_options opt;          /* with defaults filled in */
	struct gd_arena scratch;             /* tables below; freed when loading ends */

	struct dtb_offs nodes;        /* every node offset, in tree (= increasing) order */
	int *parent;                  /* index of the parent of nodes.v[i], -1 for the root */
	struct dtb_phandle *phandles; /* sorted by phandle */
	size_t n_phandles, cap_phandles;

	int gic;              /* offset of the GIC node, -1 when none */
	int gic_icells;       /* its #interrupt-cells (3 .. 16), 0 when unusable */
	struct dtb_offs its;  /* node offset of p->its[i] */
	struct dtb_offs smmu; /* node offset of p->smmus[i] */
	struct dtb_offs cpu;  /* node offset of p->cpus[i] */
	int dlpi;             /* offset of the arm,gic-v3-direct-lpi node, -1 when none */
	struct dtb_offs v2m;  /* node offset of p->msi_frames[i] */
	struct dtb_offs iwb;  /* node offset of p->iwbs[i] */
};

/* dtb_tree.c: the node and phandle tables, paths, names, diagnostics. */

/* Builds ctx->nodes, ->parent and ->phandles; -1 (error added) when nested too deep. */
int dtb_tree_build(struct dtb_ctx *c);

/* Offset of the parent of node @off, -1 for the root or an unknown offset. */
int dtb_parent(const struct dtb_ctx *c, int off);

/* Offset of the node whose phandle is @ph, -1 when none (0 and ~0 never resolve). */
int dtb_phandle_node(const struct dtb_ctx *c, uint32_t ph);

/* Full path of node @off ("/" for the root), owned by the platform arena. */
const char *dtb_path(struct dtb_ctx *c, int off);

/* Source location of node @off, or of its property @prop when not NULL. */
struct gd_loc dtb_loc(struct dtb_ctx *c, int off, const char *prop);

/* Adds a diagnostic located at node @off (property @prop, may be NULL). */
void dtb_diag(struct dtb_ctx *c, enum gd_severity sev, int off, const char *prop, const char *fmt,
              ...) __attribute__((format(printf, 5, 6)));

/* Records an assumption in p->assumed once (a repeated text is not added again). */
void dtb_assume(struct dtb_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A unique model-node name for node @off: its DT node name ("its@8080000")
 * or, when another model node already has that name, its full path.
 */
const char *dtb_node_name(struct dtb_ctx *c, int off);

/* True when node @off has no status or status "okay"/"ok" (DTSpec §2.3.4). */
bool dtb_available(const struct dtb_ctx *c, int off);

/* True when node @off has property @name (of any length). */
bool dtb_has(const struct dtb_ctx *c, int off, const char *name);

/*
 * True when the MSI controller child @off of the GIC (an ITS or a GICv2m
 * frame, @kind, named @what in messages) is to be loaded: enabled, and with
 * msi-controller (msi-controller.yaml), which Linux's its_of_probe() and
 * gicv2m_of_init() require. Notes a disabled one; records an enabled one for
 * the binding rules (which report one without msi-controller, ignored as
 * Linux does).
 */
bool dtb_msi_controller_usable(struct dtb_ctx *c, int off, enum gd_dt_binding_kind kind,
                               const char *what);

/*
 * dtb_binding.c: appends to p->dt_binding node @off as a node of @kind with
 * the properties its binding constrains (struct gd_dt_binding_node).
 */
void dtb_record_binding(struct dtb_ctx *c, int off, enum gd_dt_binding_kind kind);

/*
 * Reads the one-cell property @name of node @off. Returns 1 with *@v set,
 * 0 when absent, -1 (error added) when its length is not 4 bytes.
 */
int dtb_u32(struct dtb_ctx *c, int off, const char *name, uint32_t *v);

/* The first string of property @name of node @off copied into the arena, or NULL. */
const char *dtb_string(struct dtb_ctx *c, int off, const char *name);

/* Largest number of strings read from one string-list property (compatible). */
#define DTB_MAX_COMPATIBLES 64

/*
 * Appends the strings of string-list property @name of @off (at most
 * DTB_MAX_COMPATIBLES), copied into the arena, to *@list (*@n of *@cap).
 */
void dtb_strings(struct dtb_ctx *c, int off, const char *name, const char ***list, size_t *n,
                 size_t *cap);

/* Big-endian cell @i of @cells (the caller has bounded @i). */
uint32_t dtb_cell(const void *cells, size_t i);

/*
 * Records the node offset @off of the model object just added. Offsets must
 * be pushed in increasing (tree) order: dtb_offs_find() searches by halves.
 */
void dtb_offs_push(struct dtb_ctx *c, struct dtb_offs *o, int off);

/* Index of @off in @o (O(log n)), or -1. */
int dtb_offs_find(const struct dtb_offs *o, int off);

/* dtb_addr.c: reg decoding and address translation (DTSpec §2.3.6, §2.3.8). */

/*
 * Reads #address-cells and #size-cells of bus node @bus into *@ac, *@sc
 * (libfdt defaults 2 and 1 when absent). Returns 0, or -1 (error added at
 * @off:@prop) when a value is not within @ac_max / @sc_max or malformed.
 */
int dtb_bus_cells(struct dtb_ctx *c, int bus, int *ac, int *sc, int ac_max, int sc_max, int off,
                  const char *prop);

/* Value of @n (0 .. 2) big-endian cells at @cells. */
uint64_t dtb_cells_u64(const void *cells, int n);

/*
 * Translates @addr, an address in the child address space of bus node @bus,
 * to a CPU physical address through the ranges of @bus and every ancestor
 * (Linux of_translate_address()). Returns 0, or -1 (error added at
 * @off:@prop) when a bus has no ranges, no entry covers the address, or the
 * cell counts are outside 1..2.
 */
int dtb_translate(struct dtb_ctx *c, int bus, uint64_t *addr, int off, const char *prop);

/* Number of entries of node @off's reg, or -1 (error added) when malformed. */
int dtb_reg_count(struct dtb_ctx *c, int off);

/*
 * Reads entry @index of node @off's reg as a CPU physical address and a size
 * in bytes. Returns 1, 0 when there is no such entry, -1 (error added) when
 * the reg or a translation is malformed.
 */
int dtb_reg(struct dtb_ctx *c, int off, int index, uint64_t *base, uint64_t *size);

/* What dtb_add_mmio_node() read: the first reg entry (bytes) and numa-node-id. */
struct dtb_mmio {
	uint64_t base, size;
	bool has_numa;
	uint32_t numa;
};

/*
 * An ITS, SMMU or PMCG node (@kind, object of @size bytes) from DT node @off:
 * reads its first reg entry and numa-node-id into @m, then creates the
 * model node (name and location from the DT, appended to its kind's array).
 * Returns NULL, after an error naming @what when reg is missing, when either
 * property is malformed.
 */
struct gd_node *dtb_add_mmio_node(struct dtb_ctx *c, int off, enum gd_node_kind kind, size_t size,
                                  const char *what, struct dtb_mmio *m);

/*
 * True for an SMMU node gicdesc models (dtb_smmu.c): arm,smmu-v3, or a
 * compatible of Linux's arm-smmu.c (SMMUv1/v2, arm,smmu.yaml).
 */
bool dtb_is_smmu(const struct dtb_ctx *c, int off);

/* True for an SMMUv3 PMCG node (arm,smmu-v3-pmcg; dtb_pmcg.c). */
bool dtb_is_pmcg(const struct dtb_ctx *c, int off);

/* True for a CPU PMU node (arm,armv8-pmuv3, arm,cortex-*-pmu, arm,neoverse-*-pmu; dtb_pmu.c). */
bool dtb_is_cpu_pmu(struct dtb_ctx *c, int off);

/*
 * dtb_wired.c: the GIC interrupts of every available device (a node with a
 * compatible) the model has no node for (not the GIC and its children, an
 * SMMU, a PMCG, a CPU PMU) into
 * p->wired. Quiet: a specifier that does not decode, or goes to another
 * controller, is left out without a word.
 */
void dtb_load_wired(struct dtb_ctx *c);

/* dtb_irq.c: interrupt specifiers of the GIC (arm,gic-v3.yaml #interrupt-cells). */

/* One decoded GIC interrupt. */
struct dtb_irq {
	/* INTID: SPI n = 32+n, PPI n = 16+n, ESPI 4096+n, EPPI 1056+n; GICv5: GD_V5_INTID() */
	uint32_t intid;
	bool edge;          /* flags bits [3:0] 1 or 2 (edge), else level */
	uint32_t partition; /* 4th cell: phandle of a ppi-partitions subnode, 0 = none */
	uint32_t flags;     /* flags bits [3:0]: IRQ_TYPE_* (1, 2 edge; 4, 8 level; 0 none) */
};

/*
 * Decodes interrupt @index of node @off (interrupts with the nearest
 * interrupt-parent, or interrupts-extended). Returns 1, 0 when there is no
 * such interrupt or it does not go straight to the GIC (note added), -1
 * (error added) when malformed.
 */
int dtb_irq(struct dtb_ctx *c, int off, int index, struct dtb_irq *out);

/* True when @intid, as dtb_irq() gives it, is a PPI (or extended PPI; GICv5: of type PPI). */
bool dtb_irq_is_ppi(const struct dtb_ctx *c, uint32_t intid);

/* Like dtb_irq() for the interrupt named @name in interrupt-names; 0 when not named. */
int dtb_irq_named(struct dtb_ctx *c, int off, const char *name, struct dtb_irq *out);

/* Number of interrupts of node @off (interrupts or interrupts-extended), or -1 (error added). */
int dtb_irq_count(struct dtb_ctx *c, int off);

/*
 * The parts, run in this order: each adds what it finds to c->p and its
 * problems to c->d. The CPUs come first (the GIC node gives per-CPU facts);
 * the parts after dtb_load_gic() run only when a GIC was found.
 */
void dtb_load_gic(struct dtb_ctx *c);
void dtb_load_its(struct dtb_ctx *c);
void dtb_load_cpus(struct dtb_ctx *c);
void dtb_load_pmu(struct dtb_ctx *c);
void dtb_load_smmus(struct dtb_ctx *c);
void dtb_load_pmcgs(struct dtb_ctx *c);
void dtb_load_pci(struct dtb_ctx *c);
void dtb_load_named_components(struct dtb_ctx *c);

/*
 * dtb_dlpi.c: Direct LPI (draft binding arm,gic-v3-direct-lpi.yaml of this
 * project). dtb_load_direct_lpi() runs after dtb_load_its(): the target,
 * and DirectLPI assumed on every redistributor region.
 */
void dtb_load_direct_lpi(struct dtb_ctx *c);

/*
 * When msi-parent of node @off names pools of the Direct-LPI node: adds
 * their LPIs to @n (a root complex or named component, kind set) and one
 * msi-parent mapping to the target (single for a named component, the bus
 * range's RIDs for a root complex, so the bus range must be read). Returns
 * true then; false when no pool is named. Bad pools are errors.
 */
bool dtb_direct_lpi_parent(struct dtb_ctx *c, int off, struct gd_node *n);

/* dtb_map.c: msi-map, iommu-map and msi-parent (pci-msi.txt, pci-iommu.txt, msi.txt). */

/* Where a map property's entries go. */
struct dtb_map_dest {
	struct gd_id_map **v;
	size_t *n, *cap;
	bool *has_mask; /* NULL when the property has no -mask companion */
	uint32_t *mask;
};

/*
 * Reads @prop ("msi-map" or "iommu-map", 4-cell entries <id-base phandle
 * out-base length>) of node @off and its "@prop-mask" into @dst. Entries
 * whose target is an ITS (msi-map) or SMMU (iommu-map) of the model become
 * ID mappings; other targets are skipped with a note. Returns the number of
 * mappings added; errors (dt-map-cells, dt-map-length, dt-map-mask,
 * dt-map-phandle, dt-map-target) are added to c->d.
 */
size_t dtb_read_map(struct dtb_ctx *c, int off, const char *prop, const struct dtb_map_dest *dst);

/* One msi-parent entry that names an MSI controller of the model. */
struct dtb_msi_parent {
	struct gd_node *node; /* an ITS, GICv2m frame or MBI */
	uint32_t devid;       /* the msi-specifier: the device's DeviceID, 0 when it has none */
};

/*
 * Reads msi-parent of node @off (msi.txt: entries <phandle msi-specifier>,
 * each as long as its target's #msi-cells). Fills up to @max entries that
 * name an ITS of the model, or with @spi_msi a GICv2m frame or the MBI of
 * the model, into @out and returns their number; other entries, and when
 * @need_devid ITS entries without a DeviceID cell (#msi-cells = 0), are
 * skipped with a note. Returns -1 (error added) when the property is malformed.
 */
int dtb_msi_parents(struct dtb_ctx *c, int off, bool need_devid, bool spi_msi,
                    struct dtb_msi_parent *out, size_t max);

/* Fills @m as the single mapping (IORT) of node @off's own DeviceID given by @mp. */
void dtb_single_map(struct dtb_ctx *c, int off, const struct dtb_msi_parent *mp,
                    struct gd_id_map *m);

/* dtb_spi_msi.c: GICv2 (arm,gic.yaml), GICv2m frames, MBI (arm,gic-v3.yaml). */

/* The first enabled GICv2 node (a compatible Linux's irq-gic.c probes), or -1. */
int dtb_find_gicv2(struct dtb_ctx *c);

/*
 * Loads the GICv2 at c->gic: GICD, GICC, GICH, GICV (reg 0-3) and the VGIC
 * maintenance interrupt.
 */
void dtb_load_gicv2(struct dtb_ctx *c);

/*
 * Loads the GICv2m frames below c->gic (arm,gic-v2m-frame with
 * msi-controller) and the GIC's mbi-ranges and mbi-alias.
 */
void dtb_load_spi_msi(struct dtb_ctx *c);

/* The GICv2m frame or MBI of the model whose DT node is @t, or NULL. */
struct gd_node *dtb_spi_msi_node(const struct dtb_ctx *c, int t);

/*
 * Reads reg entries @first .. @first + 2 of the GIC node as the GICC, GICH
 * and GICV of every CPU, and its interrupts as the VGIC maintenance
 * interrupt (dtb_gic.c). Returns 0, or -1 (error added).
 */
int dtb_gic_cpu_facts(struct dtb_ctx *c, uint32_t first);

/*
 * Reads the GIC node's interrupts (arm,gic-v3.yaml, arm,gic.yaml,
 * arm,gic-v5.yaml: the VGIC maintenance interrupt, a PPI) into every CPU.
 * Returns 0, or -1 (error added).
 */
int dtb_gic_maintenance(struct dtb_ctx *c);

/*
 * dtb_gicv5.c: the GICv5 at c->gic (arm,gic-v5.yaml): its IRSes with the
 * PEs they serve, their ITSes and the ITSes' translate frames (ITS nodes of
 * the model, c->its), and the VGIC maintenance interrupt.
 */
void dtb_load_gicv5(struct dtb_ctx *c);

/*
 * The GICv5 IWBs (arm,gic-v5-iwb.yaml) with their msi-parent as the single
 * mapping of their DeviceID; runs after the translate frames are loaded.
 */
void dtb_load_iwbs(struct dtb_ctx *c);

/*
 * Sets the DeviceID and EventID widths of the ITS (or GICv5 translate
 * frame) @its at DT path @path from the facts given, else the defaults,
 * recorded as assumed (gd_load_its_widths()).
 */
void dtb_its_widths(struct dtb_ctx *c, struct gd_its *its, const char *path);

/* IORT memory access properties from DT dma-coherent (recorded as assumed). */
struct gd_mem_access dtb_mem_access(struct dtb_ctx *c, int off);

#endif

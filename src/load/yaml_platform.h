/* SPDX-License-Identifier: MIT */
/*
 * yaml_platform.h - the sections of a format-1 description, decoded into the
 * model (internal to the YAML front end). Each is a GD_YF_CUSTOM decoder
 * (see yaml_decode.h) whose @obj is the struct gd_platform, or a node.
 */
#ifndef GD_LOAD_YAML_PLATFORM_H
#define GD_LOAD_YAML_PLATFORM_H

#include "load/yaml_decode.h"

/* gic: version, distributor, redistributors, cpus, its (yaml_gic.c). */
gd_yfield_fn gd_yaml_decode_gic;

/*
 * Keys of gic: for GICv2, DT and SPI-based MSI (yaml_spi_msi.c): dt-compatible,
 * dt-vgic-flags, cpu-interface, v2m-frames, mbi. A field table whose offsets refer to the
 * struct gd_platform.
 */
extern const struct gd_yfield gd_yaml_spi_msi_fields[];

/*
 * Checks made once the gic: mapping @gic is decoded: intid-bits required on
 * GICv3 and later and refused on GICv2; cpu-interface applied to every CPU.
 * Returns 0 or -1 (reported).
 */
int gd_yaml_gic_finish(struct gd_yctx *c, const struct gd_ynode *gic);

/*
 * GICv5 (yaml_gicv5.c): gic: irses: into p->irses (each with its PEs from
 * cpus: and iaffids:); gic: its: of a GICv5 (@v the list) into p->v5_its and
 * their translate-frames: into ITS nodes; iwbs: into IWB nodes. Each returns
 * 0 or -1 (reported).
 */
gd_yfield_fn gd_yaml_decode_irses;
int gd_yaml_decode_v5_its(struct gd_yctx *c, const struct gd_ynode *v);
gd_yfield_fn gd_yaml_decode_iwbs;

/*
 * Checks made once gic: @gic is decoded: distributor: required but on GICv5;
 * on GICv5 irses: required, the GICv3 keys refused, every IRS's CPUs among
 * gic: cpus:; elsewhere irses: refused. Returns 0 or -1 (reported).
 */
int gd_yaml_gicv5_finish(struct gd_yctx *c, const struct gd_ynode *gic);

/*
 * devices: the wired interrupts of other devices, into p->wired
 * (yaml_devices.c): [{name, dt-path, interrupts: [interrupt...]}]; a trigger
 * not given is none.
 */
gd_yfield_fn gd_yaml_decode_devices;

/* iommus:, root-complexes:, named-components: lists (yaml_nodes.c). */
gd_yfield_fn gd_yaml_decode_iommus;
/*
 * One item of iommus (a list decoded item by item as it is read): the SMMU,
 * then what its model does not have (gd_yaml_smmu_finish()).
 */
gd_yitem_fn gd_yaml_decode_iommu;
gd_yfield_fn gd_yaml_decode_root_complexes;
/* One item of root-complexes: (a list decoded item by item as it is read). */
gd_yitem_fn gd_yaml_decode_root_complex;
/*
 * An iommus: item (yaml_smmu.c; @obj a struct gd_smmu): model: (SMMUv3 or
 * SMMUv1/v2 names: sets version and IORT model), compatible: (DT, SMMUv1/v2),
 * interrupts: global:, context:, pmu: (SMMUv1/v2 lists: an interrupt each,
 * or with count: that many consecutive INTIDs).
 */
gd_yfield_fn gd_yaml_decode_smmu_model;
gd_yfield_fn gd_yaml_decode_smmu_compatible;
gd_yfield_fn gd_yaml_decode_smmu_global;
gd_yfield_fn gd_yaml_decode_smmu_context;
gd_yfield_fn gd_yaml_decode_smmu_pmu;

/*
 * After iommus: item @item is decoded into @s: reports the keys its version
 * has not (SMMUv3: httu-override, own-msi, ...; SMMUv1/v2: dvm, compatible,
 * ...), and for SMMUv1/v2 a missing size: or nsg-irpt:, and IORT global
 * interrupts that its DT global: list leaves out. Returns 0 or -1.
 */
int gd_yaml_smmu_finish(struct gd_yctx *c, const struct gd_ynode *item, const struct gd_smmu *s);
gd_yfield_fn gd_yaml_decode_named_components;
/* One item of named-components (a list decoded item by item as it is read). */
gd_yitem_fn gd_yaml_decode_named_component;

/*
 * rmrs: (yaml_rmr.c): [{name, remap-permitted, access-privileged, access,
 * ranges: [{base, length}], stream-ids: [{iommu, base, count}]}] into
 * p->rmrs; each StreamID range a struct gd_id_map into its SMMU.
 */
gd_yfield_fn gd_yaml_decode_rmrs;

/*
 * pmcgs: (yaml_pmcg.c): [{name, page0-base, page1-base, node, overflow-interrupt,
 * id-map}] into p->pmcgs. gd_yaml_pmcgs_finish(), once every node is
 * known, points each PMCG's node reference at the node named by node:,
 * of any kind (rule pmcg-node-ref judges it), or reports an unknown name.
 */
gd_yfield_fn gd_yaml_decode_pmcgs;

/*
 * waivers: (yaml_waivers.c): [{rule, node, ids: {base, count}, reason}] into
 * p->waivers (@obj is the platform); an empty reason is an error.
 */
gd_yfield_fn gd_yaml_decode_waivers;
void gd_yaml_pmcgs_finish(struct gd_yctx *c);

/*
 * id-map: of a node (@obj is its struct gd_node; yaml_nodes.c): ID mappings
 * in the order written, each a range (input-base, count) or single: true.
 */
gd_yfield_fn gd_yaml_decode_id_maps;

/*
 * Records the output reference at @v of mapping @m for
 * gd_yaml_resolve_references(): into an ITS only (@its_only: an SMMU's own
 * MSIs), an SMMU only (@smmu_only: an RMR's StreamIDs), or else any node a
 * mapping may output to. Returns 0 or -1 (reported).
 */
int gd_yaml_reference(struct gd_yctx *c, const struct gd_ynode *v, struct gd_id_map *m,
                      bool its_only, bool smmu_only);

/*
 * The host bridge of a root complex (@obj; yaml_pci_host.c): ecam: {base,
 * bus-range} (pci-host-ecam-generic; clears ecam_unknown), host: {compatible,
 * bus-range, reg: [{name, base, size}]} (a host with named registers and no
 * ECAM, pci/snps,dw-pcie.yaml), windows: (DT ranges), dt-compatible: (a
 * string or a list).
 */
gd_yfield_fn gd_yaml_decode_ecam;
gd_yfield_fn gd_yaml_decode_pci_host;
gd_yfield_fn gd_yaml_decode_pci_windows;
gd_yfield_fn gd_yaml_decode_rc_compatible;

/*
 * Checks every root complex has exactly one of ecam: and host:. Returns 0,
 * or -1 after an error at the root complex.
 */
int gd_yaml_pci_hosts_finish(struct gd_yctx *c);

/*
 * dma-aliases: and unpopulated-rids: of a root complex (@obj), lists of
 * {rids: [RID or [first, last], ...], reason: text} (yaml_decl.c).
 */
gd_yfield_fn gd_yaml_decode_dma_aliases;
gd_yfield_fn gd_yaml_decode_unpopulated_rids;

/*
 * Decodes the list @v of nodes of @kind (@size bytes each, a struct whose
 * first member is its struct gd_node): each item is made by @init (defaults)
 * and decoded through @tables, then appended to the platform's array of that
 * kind with its index and location. @init may be NULL (all zero).
 * Returns 0 or -1 (reported).
 */
int gd_yaml_decode_nodes(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                         enum gd_node_kind kind, size_t size, void (*init)(void *obj),
                         const struct gd_yfield *const *tables);

/* Decodes one item of such a list: what gd_yaml_decode_nodes() does per item. */
int gd_yaml_decode_node(struct gd_yctx *c, const struct gd_ynode *item, enum gd_node_kind kind,
                        size_t size, void (*init)(void *obj),
                        const struct gd_yfield *const *tables);

/*
 * Decodes the list @v ("expected a list of @what") item by item through
 * @item; returns 0, or -1 when any item, or an item of the list decoded
 * before as it was read (c->items_rc, then cleared), reported an error.
 */
int gd_yaml_decode_list(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                        gd_yitem_fn *item);

/*
 * Direct LPI (yaml_direct_lpi.c): gic: direct-lpi: (the target), msi-parent:
 * and lpis: of named components and root complexes (@obj is the node).
 */
gd_yfield_fn gd_yaml_decode_direct_lpi;
gd_yfield_fn gd_yaml_decode_msi_parent;
gd_yfield_fn gd_yaml_decode_lpis;

/*
 * Points the msi-parent mapping of @r at @n, which must be a sink that takes
 * no DeviceID (Direct-LPI target, GICv2m frame, MBI), and gives a root complex's mapping its RID
 * space. Returns 0, or -1 after an error [yaml-reference-kind].
 */
int gd_yaml_resolve_msi_parent(struct gd_yctx *c, const struct gd_yref *r, struct gd_node *n);

/* name: of a node (@obj is its struct gd_node): unique across the platform. */
gd_yfield_fn gd_yaml_decode_node_name;

/*
 * A string kept with where it was written: the string at f->off (a const
 * char * in the platform's arena) and its location at f->flag_off (a struct
 * gd_loc), for later errors about what it names (a DT node path, a name
 * resolved once every node is known).
 */
gd_yfield_fn gd_yaml_decode_located_string;

/*
 * Stores at *@dst a copy of the name at @v (gd_yaml_name(): @role in its
 * error). Returns 0, or -1 (reported).
 */
int gd_yaml_store_name(struct gd_yctx *c, const struct gd_ynode *v, const char *role,
                       const char **dst);

/*
 * The name at @v: 1 to 63 letters, digits, '_', '.', '-', not starting with
 * '.' or '-' (safe as a file stem and a DT label base). Returns it, or NULL
 * after an error [yaml-name] whose text adds @role after the quoted name.
 */
const char *gd_yaml_name(struct gd_yctx *c, const struct gd_ynode *v, const char *role);

/*
 * Records an output reference of mapping @m, written at @loc, for
 * gd_yaml_resolve_references(); returns it (zeroed but for map and loc) to
 * fill in. Exits 2 when out of memory.
 */
struct gd_yref *gd_yaml_new_ref(struct gd_yctx *c, struct gd_id_map *m, struct gd_loc loc);

/*
 * Points every ID mapping's output at the node it names, or reports the name
 * at the reference (unknown, or of a kind that cannot take IDs: an ID
 * mapping outputs to an ITS or an IOMMU; own-msi to an ITS). Names are looked
 * up in a sorted index of the nodes (n log n).
 */
void gd_yaml_resolve_references(struct gd_yctx *c);

#endif

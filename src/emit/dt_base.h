/* SPDX-License-Identifier: MIT */
/*
 * dt_base.h - `gicdesc generate --base`: the interrupt system of a
 * description put into a base device tree (a board's or QEMU's own DTB).
 *
 * What is put in (dt_base.c):
 * - the base's GIC node (interrupt-controller, compatible arm,gic-v3 or a
 *   GICv2) gets the properties gicdesc writes for a GIC (arm,gic-v3.yaml)
 *   in place of the base's; its ITS (arm,gic-v3-its) and GICv2m
 *   (arm,gic-v2m-frame) children are replaced by the description's ITSes;
 *   every reg and unit address is spelt in the cells and address space of
 *   the bus it sits on (taken down through the base's ranges); the GIC's
 *   #address-cells, #size-cells and ranges stay the base's when it has all
 *   three or the description has no ITS or GICv2m frame (an interrupt-map
 *   of the base reads the GIC's unit address in them), else the GIC takes
 *   its bus's cells and an empty ranges;
 * - each node the description covers (root complex, SMMU, named component)
 *   gets the description's msi-parent, msi-map, msi-map-mask, iommu-map,
 *   iommu-map-mask and iommus in place of the base's (pci-msi.txt,
 *   pci-iommu.txt, msi.txt, iommu.txt);
 * - everything else of the base stays as it is, node for node, property for
 *   property, byte for byte and in its order, with the memory reservation
 *   map and the header's boot CPU; /cpus, /psci, the PMUs and the GIC's
 *   ppi-partitions stay the base's, and the GIC keeps the base's
 *   #interrupt-cells (3, or 4 with PPI partitions): our specifiers are
 *   written in it.
 * Phandles: the GIC and every covered node keep the base's; an ITS takes the
 * phandle of the base ITS or GICv2m frame at the same address, else one the
 * base does not use (its largest + 1, ...).
 */
#ifndef GD_EMIT_DT_BASE_H
#define GD_EMIT_DT_BASE_H

#include "emit/dt_tree.h"

/* A base device tree: @size bytes at @fdt (checked with fdt_check_full()), @file for messages. */
struct gd_dt_base {
	const void *fdt;
	size_t size;
	const char *file;
};

/*
 * Puts the interrupt system of ctx->p, as the DT tree @t built from it
 * (gd_dt_build()), into ctx->base and appends the packed blob to @dtb and its
 * dtc source to @dts (either may be NULL). Our nodes take the base's
 * phandles in @t. Returns 0, or -1 after errors in ctx->diags (rule
 * "base-node" for a node the description names that the base lacks,
 * "base-phandle" for a reference of the base left without its node),
 * nothing appended then; "base-node" also for a reg the base's buses
 * cannot address, and for an ITS that would change the GIC's
 * #address-cells an interrupt-map of the base reads. Called once per run
 * through gd_emit_merged().
 */
int gd_dt_base_merge(const struct gd_emit_ctx *ctx, struct gd_dt_tree *t, struct gd_buf *dtb,
                     struct gd_buf *dts);

/*
 * #interrupt-cells of the base's GIC: 4 when it says 4 (ppi-partitions,
 * arm,gic-v3.yaml), else 3. The description's specifiers are written in it,
 * so the base's own interrupts properties stay valid.
 */
uint32_t gd_dt_base_interrupt_cells(const struct gd_dt_base *base);

/* ---- Private to dt_base*.c ---- */

/*
 * The CPU address of the first reg entry of node @off of the checked blob
 * @fdt, translated through the ranges of its parents (Devicetree
 * Specification v0.4 §2.3.8; address cells 1 or 2, size cells 0 to 2 in
 * reg and 1 or 2 in ranges). Returns 0, or -1 when the node has no such reg,
 * the cell counts are outside those, or an address cannot be translated.
 */
int gd_dt_base_reg0(const void *fdt, int off, uint64_t *addr);

/*
 * The node whose first reg is at CPU address @addr and that has the
 * property @marker (e.g. "#iommu-cells"), or, with @device_type, whose
 * device_type is that; -1 when none, -2 when more than one.
 */
int gd_dt_base_find_reg(const void *fdt, uint64_t addr, const char *marker,
                        const char *device_type);

/* The GIC node of @fdt (interrupt-controller with a GIC compatible); -1 none, -2 several. */
int gd_dt_base_find_gic(const void *fdt);

/*
 * #address-cells of node @bus of @fdt, or its #size-cells when @size; the
 * Devicetree Specification's defaults (v0.4 §2.3.5: 2 and 1) when absent.
 */
int gd_dt_base_cells(const void *fdt, int bus, bool size);

/*
 * The address that CPU address @cpu has in the address space of the
 * children of node @bus of the checked blob @fdt (what a child's reg
 * holds): the inverse of the translation of gd_dt_base_reg0(), down
 * through the ranges of @bus's ancestors and of @bus (cells as there).
 * Returns 0, or -1 when a bus on the way has no ranges or no entry whose
 * parent range holds the address.
 */
int gd_dt_base_bus_addr(const void *fdt, int bus, uint64_t cpu, uint64_t *addr);

/*
 * The first node of @fdt whose interrupt-map (Devicetree Specification
 * v0.4 §2.4.3.1) names the interrupt controller @ctrl as a parent, read as
 * Linux's of_irq_parse_raw() reads it (the nexus's #address-cells 2 when
 * absent, a parent's 0); -1 when none. Such a map spells @ctrl's unit
 * address in @ctrl's #address-cells, which must then stay as it is.
 */
int gd_dt_base_interrupt_map_user(const void *fdt, int ctrl);

#endif

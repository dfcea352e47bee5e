/* SPDX-License-Identifier: MIT */
/* merge.h - one platform from a DTB and the ACPI tables of the same machine (gicdesc import). */
#ifndef GD_LOAD_MERGE_H
#define GD_LOAD_MERGE_H

#include "model/platform.h"
#include "util/diag.h"

/*
 * Adds to @dt (loaded from a DTB) what only @acpi (IORT, MADT of the same
 * platform) states, matching objects by hardware identity: the ACPI header
 * fields and table revisions; per CPU (by MPIDR) the MADT GICC fields a DT
 * has no property for (UID, flags, frame bases, parking, efficiency class,
 * SPE and TRBE interrupts) and the PMU and VGIC maintenance interrupts the
 * DT lacks; MADT GIC ID and system vector base; per ITS (by base) its
 * GIC ITS ID and proximity domain; per GICv2m frame (by base) its frame ID
 * and the SPIs the DT does not state; per root complex (by PCI segment) IORT
 * memory access properties, ATS and memory address size limit; per SMMU (by
 * base) the own MSIs (into the ITS at the same base) the DT does not give;
 * per PMCG (by page 0 base) its IORT node reference; the RMR nodes (by SMMU
 * base). The ID mappings stay the DT's: where the two
 * differ, firmware-drift says so (check/compare.c). A named component the
 * DTB lacks cannot be matched to a DT node and is not taken: a note says so.
 * Assumptions of @dt that @acpi settles are dropped. @dt then points into
 * @acpi's arena: free them together.
 */
void gd_load_merge(struct gd_platform *dt, const struct gd_platform *acpi, struct gd_diags *d);

#endif

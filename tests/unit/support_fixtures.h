/* SPDX-License-Identifier: MIT */
/*
 * support_fixtures.h - platforms built by hand in C for unit tests, so that
 * back ends and the resolver are tested without the YAML front end.
 * Every value is taken from QEMU 7.2's own DTB and ACPI tables
 * (tests/data/qemu-7.2/), not from gicdesc's output.
 */
#ifndef GD_TEST_FIXTURES_H
#define GD_TEST_FIXTURES_H

#include "model/platform.h"

/*
 * QEMU 7.2 -machine virt,gic-version=3,its=on -cpu cortex-a57 -smp 4:
 * GICD 0x08000000, one GICR region 0x080A0000+0xF60000, ITS 0 at 0x08080000,
 * 4 CPUs (MPIDR 0..3, PMU PPI 7 = INTID 23), root complex "pcie0" segment 0,
 * ECAM 0x4010000000, buses 0..255, RID 0..0xFFFF -> its0 DeviceID 0..0xFFFF.
 */
void fixture_qemu_virt(struct gd_platform *p);

/*
 * The same machine with iommu=smmuv3 (-smp 2): "smmu0" at 0x09050000, SPIs
 * 74..77 (INTIDs 106..109) for eventq, priq, cmdq-sync, gerror;
 * pcie0 RID 0..0xFFFF -> smmu0 StreamID 0..0xFFFF -> its0 DeviceID 0..0xFFFF.
 */
void fixture_qemu_virt_smmuv3(struct gd_platform *p);

/*
 * Makes @s (its node, base and ID mappings kept) an Arm CoreLink MMU-500, an
 * SMMUv1/v2 (IORT E.e §3.1.1.2): span 0x800000, DVM and coherent walk,
 * NSgIrpt INTID 47 (level), NSgCfgIrpt 48 (edge), context interrupts 178
 * (level) and 179 (edge), PMU interrupt 243 (edge); no SMMUv3 interrupt.
 */
void fixture_mmu500(struct gd_smmu *s);

/* Adds an ID mapping to @n (count = number of IDs). */
struct gd_id_map *fixture_add_map(struct gd_platform *p, struct gd_node *n, uint32_t input_base,
                                  uint64_t count, uint32_t output_base, struct gd_node *output);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * rules_smmu.c - SMMUv1/v2 as Linux's arm-smmu.c probes them (IORT E.e
 * §3.1.1.2 SMMUv1 or SMMUv2 node; DT iommu/arm,smmu.yaml).
 */
#include "check/rule.h"

/*
 * arm_smmu_device_probe() counts the context interrupts as the interrupts
 * past the global ones (IORT: the context interrupt array; DT: those after
 * #global-interrupts) and fails with none: "found %d interrupts but
 * expected at least %d". The SMMU does not probe, so no device behind it
 * gets DMA translation and Linux defers every one of its masters.
 */
void gd_rule_smmu_v2_context_interrupts(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_smmus; i++) {
		const struct gd_smmu *s = c->p->smmus[i];
		if (s->version == GD_SMMU_V1_V2 && !s->n_context)
			gd_check_report(
			    c, &s->node.loc,
			    "SMMUv1/v2 %s has no context interrupt: Linux's arm-smmu "
			    "driver refuses it (arm_smmu_device_probe(): \"found N "
			    "interrupts but expected at least N + 1\"), so it translates "
			    "for none of its masters",
			    s->node.name);
	}
}

/*
 * IORT E.e §3.1.1.2 defines SMMUv1/v2 models 0 to 5; Linux's
 * acpi_smmu_get_data() refuses any other (-ENODEV): the SMMU does not probe.
 * Only an IORT can state one: DT and YAML name the model.
 */
void gd_rule_smmu_v2_model(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_smmus; i++) {
		const struct gd_smmu *s = c->p->smmus[i];
		if (s->version == GD_SMMU_V1_V2 && !gd_smmu_dt_compatible(s->version, s->model))
			gd_check_report(c, &s->node.loc,
			                "SMMUv1/v2 %s has IORT model %u, none of IORT E.e's 0-5: "
			                "Linux's arm-smmu driver refuses it (acpi_smmu_get_data())",
			                s->node.name, (unsigned)s->model);
	}
}

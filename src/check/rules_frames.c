/* SPDX-License-Identifier: MIT */
/* Rules over the frame sizes the GIC version gives: the ITS frame. */
#include "check/rule.h"

#include <inttypes.h>

void gd_rule_its_frame_size(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	uint64_t need = gd_its_frame_size(GD_GIC_V4_1);

	if (p->gic_version != GD_GIC_V4_1)
		return;
	for (size_t i = 0; i < p->n_its; i++) {
		const struct gd_its *its = p->its[i];
		if (its->size >= need)
			continue;
		gd_check_report(c, &its->node.loc,
		                "%s is 0x%" PRIx64 " bytes, less than the 0x%" PRIx64
		                "-byte ITS of GICv4.1 (ITS_base, translation and vSGI frames: "
		                "Linux writes GITS_SGIR at base + 128 KiB)",
		                its->node.name, its->size, need);
	}
}

void gd_rule_its_translater_frame(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	uint64_t need = gd_its_frame_size(GD_GIC_V3);

	if (p->gic_version == GD_GIC_V2 || p->gic_version == GD_GIC_V5)
		return; /* GICv2: no ITS (rule gicv2-features); GICv5: translate frames */
	for (size_t i = 0; i < p->n_its; i++) {
		const struct gd_its *its = p->its[i];
		if (its->size >= need)
			continue;
		gd_check_report(c, &its->node.loc,
		                "%s is 0x%" PRIx64 " bytes: GITS_TRANSLATER (base + 0x10040), the "
		                "address devices write their MSIs to, lies outside it",
		                its->node.name, its->size);
	}
}

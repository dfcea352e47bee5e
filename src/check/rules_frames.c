/* SPDX-License-Identifier: MIT */
/* Rules over the frame sizes the GIC version gives: the ITS frame. */
#include "check/rule.h"

#include <inttypes.h>

void gd_rule_its_frame_size(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	uint64_t need = gd_its_frame_size(p->gic_version);

	for (size_t i = 0; i < p->n_its; i++) {
		const struct gd_its *its = p->its[i];
		if (its->size >= need)
			continue;
		gd_check_report(
		    c, &its->node.loc,
		    "%s is 0x%" PRIx64 " bytes, less than the 0x%" PRIx64 "-byte ITS of GICv%s%s",
		    its->node.name, its->size, need, gd_gic_version_name(p->gic_version),
		    p->gic_version == GD_GIC_V4_1
		        ? " (ITS_base, translation and vSGI frames: Linux writes "
		          "GITS_SGIR at base + 128 KiB)"
		        : " (ITS_base and translation frames)");
	}
}

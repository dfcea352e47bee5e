/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: records, for each node of the interrupt system, the
 * properties its binding requires or constrains (struct gd_dt_binding_node),
 * as the DTB wrote them. The rules of check/rules_binding.c judge them; the
 * front end itself says nothing of a missing or wrong one it can read past.
 */
#include "load/dtb.h"

#include <libfdt.h>

void dtb_record_binding(struct dtb_ctx *c, int off, enum gd_dt_binding_kind kind)
{
	struct gd_platform *p = c->p;
	struct gd_dt_binding_node *b =
	    GD_ARRAY_PUSH(&p->arena, p->dt_binding, p->n_dt_binding, p->cap_dt_binding);
	*b = (struct gd_dt_binding_node){.kind = kind, .loc = dtb_loc(c, off, NULL)};
	for (int i = 0; i < GD_DTP_COUNT; i++) {
		int len = 0;
		const void *v = fdt_getprop(
		    c->fdt, off, gd_dt_binding_prop_name((enum gd_dt_binding_prop)i), &len);
		if (!v)
			continue;
		b->present |= 1u << i;
		b->len[i] = (uint32_t)len;
		if (len >= 4)
			b->cell[i] = dtb_cell(v, 0);
	}
}

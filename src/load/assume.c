/* SPDX-License-Identifier: MIT */
#include "load/assume.h"

#include "load/load.h"

#include <stdio.h>
#include <string.h>

void gd_load_vassume(struct gd_platform *p, const char *fmt, va_list ap)
{
	char text[512];
	vsnprintf(text, sizeof(text), fmt, ap);
	for (size_t i = 0; i < p->n_assumed; i++)
		if (!strcmp(p->assumed[i], text))
			return;
	*GD_ARRAY_PUSH(&p->arena, p->assumed, p->n_assumed, p->cap_assumed) =
	    gd_arena_strdup(&p->arena, text);
}

/* Records a fact once (gd_load_vassume() with arguments). */
static void assume(struct gd_platform *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void assume(struct gd_platform *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_load_vassume(p, fmt, ap);
	va_end(ap);
}

void gd_load_its_widths(struct gd_platform *p, struct gd_its *its, const char *dt_path,
                        const struct gd_its_width_facts *f)
{
	const char *who = f->n_its ? its->node.name : "ITS";
	its->device_id_bits = gd_its_fact_width(f->its, f->n_its, its->its_id, its->base, dt_path,
	                                        false, f->device_id_bits);
	its->event_id_bits = gd_its_fact_width(f->its, f->n_its, its->its_id, its->base, dt_path,
	                                       true, f->event_id_bits);
	if (!its->device_id_bits) {
		its->device_id_bits = f->def_device_id_bits;
		assume(p, "%s DeviceID bits assumed %u (GITS_TYPER.Devbits + 1): %s", who,
		       its->device_id_bits, f->why);
	}
	if (!its->event_id_bits) {
		its->event_id_bits = f->def_event_id_bits;
		assume(p, "%s EventID bits assumed %u (GITS_TYPER.ID_bits + 1): %s", who,
		       its->event_id_bits, f->why);
	}
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml_devices.c - devices: the wired interrupts of devices outside the
 * mapping graph (a USB controller, a thermal sensor, an ADC), so the rules
 * see every SPI in use: [{name, dt-path, interrupts: [interrupt, ...]}].
 * Neither DT nor ACPI output carries them (the board's DT has those nodes).
 */
#include <stddef.h>

#include "load/yaml_platform.h"

/* One interrupt as decoded by the INTID field type: INTID and whether it is edge-triggered. */
struct device_irq {
	uint32_t intid;
	bool edge;
};

static const struct gd_yfield irq_field = {"interrupt", GD_YF_INTID,
                                           GD_YF_AT(struct device_irq, intid),
                                           .flag_off = offsetof(struct device_irq, edge)};

/* The device being decoded: its name, and where its interrupts go. */
struct device {
	const char *name;
	const char *dt_path;
	const struct gd_ynode *interrupts;
};

static int keep_node(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                     const struct gd_yfield *f)
{
	(void)c;
	(void)f;
	((struct device *)obj)->interrupts = v;
	return 0;
}

static const struct gd_yfield device_fields[] = {
    {"name", GD_YF_STRING, GD_YF_AT(struct device, name), .required = true},
    {"dt-path", GD_YF_STRING, GD_YF_AT(struct device, dt_path)},
    {"interrupts", GD_YF_CUSTOM, .decode = keep_node, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/*
 * The interrupts of @dev into p->wired; a trigger left out is none
 * (IRQ_TYPE_NONE), so no rule takes one for it.
 */
static int add_interrupts(struct gd_yctx *c, const struct device *dev)
{
	const struct gd_ynode *v = dev->interrupts;
	int status = 0;
	if (gd_yseq_check(c, v, "interrupts"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct device_irq irq = {0};
		if (gd_yfield_decode(c, v->items[i], &irq_field, &irq)) {
			status = -1;
			continue;
		}
		struct gd_wired_irq *w =
		    GD_ARRAY_PUSH(&c->p->arena, c->p->wired, c->p->n_wired, c->p->cap_wired);
		w->intid = irq.intid;
		w->flags = !gd_ymap_get(v->items[i], "trigger") ? 0 : irq.edge ? 1 : 4;
		w->device = dev->dt_path ? dev->dt_path : dev->name;
		w->loc = gd_yloc(c, v->items[i]);
	}
	return status;
}

int gd_yaml_decode_devices(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {device_fields, NULL};
	int status = 0;
	(void)obj;
	(void)f;
	if (gd_yseq_check(c, v, "devices"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct device dev = {0};
		if (gd_ymap_decode(c, v->items[i], "device", tables, &dev) ||
		    add_interrupts(c, &dev))
			status = -1;
	}
	return status;
}

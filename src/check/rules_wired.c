/* SPDX-License-Identifier: MIT */
/*
 * rules_wired.c - wired interrupts shared between devices: one SPI is one
 * Linux interrupt (irq_create_fwspec_mapping() maps a hwirq once per domain),
 * so every device wired to it must give it the same trigger type.
 */
#include <inttypes.h>

#include "check/rule.h"

/* DT IRQ_TYPE_* trigger flags by value. */
static const char *const trigger_names[16] = {
    [0] = "none", [1] = "edge rising", [2] = "edge falling", [4] = "level high", [8] = "level low",
};

static const char *trigger_name(uint32_t flags)
{
	return flags < 16 && trigger_names[flags] ? trigger_names[flags] : "a combination";
}

/* True for an SPI or extended SPI INTID (GIC architecture §2.2): one line, one mapping. */
static bool is_spi(uint32_t intid)
{
	return (intid >= 32 && intid <= 1019) || (intid >= 4096 && intid <= 5119);
}

void gd_rule_spi_trigger_mismatch(struct gd_check_ctx *c)
{
	const struct gd_platform *p = c->p;
	struct gd_check_keyed *order = gd_arena_alloc(c->tmp, (p->n_wired + 1) * sizeof(*order));
	size_t n = 0;
	for (size_t i = 0; i < p->n_wired; i++)
		if (p->wired[i].flags && is_spi(p->wired[i].intid)) /* none takes the one set */
			order[n++] = (struct gd_check_keyed){p->wired[i].intid, i};
	gd_check_sort(order, n);
	/* the first of each run of one INTID is compared with the rest */
	for (size_t first = 0, k = 1; k < n; k++) {
		if (order[k].key != order[first].key) {
			first = k;
			continue;
		}
		const struct gd_wired_irq *a = &p->wired[order[first].idx];
		const struct gd_wired_irq *b = &p->wired[order[k].idx];
		if (a->flags == b->flags)
			continue;
		gd_check_report(c, &b->loc,
		                "SPI INTID %" PRIu32 " of %s is %s, but %s has it %s: Linux maps "
		                "the SPI once and refuses the second trigger type "
		                "(irq_create_fwspec_mapping(): \"type mismatch, failed to map "
		                "hwirq\")",
		                b->intid, b->device, trigger_name(b->flags), a->device,
		                trigger_name(a->flags));
	}
}

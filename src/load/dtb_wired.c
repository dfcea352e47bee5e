/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: the wired GIC interrupts of every device the model has no
 * node for (USB, thermal, ADC, a PCI host's own interrupts, ...), so that
 * the rules see every SPI in use with its node path: an SPI-based MSI range
 * over one (spi-msi-wired), two triggers for one SPI (spi-trigger-mismatch).
 */
#include "load/dtb.h"

#include <libfdt.h>

/* Largest number of interrupts read from one node. */
#define DTB_MAX_WIRED_IRQS 1024

/* True when @off is the GIC or below it (its ITS, GICv2m and ppi-partitions children). */
static bool in_gic(struct dtb_ctx *c, int off)
{
	for (int n = off; n >= 0; n = dtb_parent(c, n))
		if (n == c->gic)
			return true;
	return false;
}

/* The interrupts of @off, decoded without a word: a foreign or malformed one is skipped. */
static void load_node(struct dtb_ctx *c, int off)
{
	struct gd_diags *said = c->d, quiet = {0};
	c->d = &quiet;
	int n = dtb_irq_count(c, off);
	const char *path = n > 0 ? dtb_path(c, off) : NULL;
	for (int i = 0; i < n && i < DTB_MAX_WIRED_IRQS; i++) {
		struct dtb_irq irq;
		if (dtb_irq(c, off, i, &irq) != 1)
			continue;
		struct gd_wired_irq *w =
		    GD_ARRAY_PUSH(&c->p->arena, c->p->wired, c->p->n_wired, c->p->cap_wired);
		w->intid = irq.intid;
		w->flags = irq.flags;
		w->device = path;
		w->loc = dtb_loc(c, off,
		                 dtb_has(c, off, "interrupts-extended") ? "interrupts-extended"
		                                                        : "interrupts");
	}
	c->d = said;
	gd_diags_free(&quiet);
}

void dtb_load_wired(struct dtb_ctx *c)
{
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		/* a device is a node with a compatible (Linux of_platform_populate()); the
		 * interrupts of another node (a PCI host's legacy-interrupt-controller
		 * child) are mapped only if its parent's driver asks for them */
		if (!dtb_node_has(c, i, DTB_P_COMPATIBLE) ||
		    (!dtb_node_has(c, i, DTB_P_INTERRUPTS) &&
		     !dtb_node_has(c, i, DTB_P_INTERRUPTS_EXTENDED)))
			continue;
		if (in_gic(c, off) || dtb_offs_find(&c->smmu, off) >= 0 || dtb_is_pmcg(c, off) ||
		    dtb_is_cpu_pmu(c, off) || !dtb_available(c, off))
			continue;
		load_node(c, off);
	}
}

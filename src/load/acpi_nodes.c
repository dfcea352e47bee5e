/* SPDX-License-Identifier: MIT */
/* Nodes of a platform loaded from ACPI tables: unique names, arrays, ITS lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/acpi_load.h"
#include "load/assume.h"

void *gd_acpi_add_node(struct gd_acpi_load *c, enum gd_node_kind kind, size_t size,
                       const char *name, const struct gd_loc *loc, uint32_t off)
{
	struct gd_platform *p = c->p;
	char buf[300];
	if (gd_namemap_get(&c->names, NULL, name)) {
		snprintf(buf, sizeof(buf), "%s@0x%x", name, (unsigned)off);
		name = buf;
	}
	struct gd_node *n = gd_platform_add_node(p, kind, size);
	n->name = gd_arena_strdup(&p->arena, name);
	n->loc = *loc;
	/* a name@offset is unique: offsets of one table differ (else the first keeps it) */
	gd_namemap_add(&c->names, NULL, n->name, n);
	return n;
}

struct gd_its *gd_acpi_add_its(struct gd_acpi_load *c, uint32_t its_id, uint64_t base,
                               const struct gd_loc *loc, uint32_t off)
{
	char name[32];
	snprintf(name, sizeof(name), "its%u", (unsigned)its_id);
	struct gd_its *its = gd_acpi_add_node(c, GD_NODE_ITS, sizeof(*its), name, loc, off);
	its->its_id = its_id;
	its->base = base;
	/*
	 * MADT GICD "GIC version" has no value for GICv4.1: its 192 KiB frame
	 * is taken only from a given GIC version (--gic-version, facts file).
	 */
	its->size = gd_its_frame_size(c->opts.gic_version == GD_GIC_V4_1 ? GD_GIC_V4_1 : GD_GIC_V3);
	const struct gd_its_width_facts f = {
	    .its = c->opts.its,
	    .n_its = c->opts.n_its,
	    .device_id_bits = c->opts.device_id_bits,
	    .event_id_bits = c->opts.event_id_bits,
	    .def_device_id_bits = c->lent.device_id_bits,
	    .def_event_id_bits = c->lent.event_id_bits,
	    .why = "the tables do not carry GITS_TYPER",
	};
	gd_load_its_widths(c->p, its, NULL, &f);
	return its;
}

struct gd_node *gd_acpi_node_named(const struct gd_acpi_load *c, const char *name)
{
	return gd_namemap_get(&c->names, NULL, name);
}

static int by_id(const void *a, const void *b)
{
	const struct gd_acpi_its_ref *x = a, *y = b;
	return x->its_id < y->its_id ? -1 : x->its_id > y->its_id;
}

/* By ID, then in MADT order, so that the first of equal IDs comes first. */
static int by_id_then_order(const void *a, const void *b)
{
	const struct gd_acpi_its_ref *x = a, *y = b;
	int o = by_id(a, b);
	return o ? o : x->its->node.index < y->its->node.index ? -1 : 1;
}

struct gd_its *gd_acpi_find_its(const struct gd_acpi_load *c, uint32_t its_id)
{
	struct gd_acpi_its_ref key = {.its_id = its_id};
	struct gd_acpi_its_ref *r =
	    c->n_its_by_id ? bsearch(&key, c->its_by_id, c->n_its_by_id, sizeof(key), by_id) : NULL;
	if (!r)
		return NULL;
	while (r > c->its_by_id && r[-1].its_id == its_id)
		r--;
	return r->its;
}

void gd_acpi_index_its(struct gd_acpi_load *c)
{
	const struct gd_platform *p = c->p;
	c->its_by_id = calloc(p->n_its + 1, sizeof(*c->its_by_id));
	if (!c->its_by_id) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < p->n_its; i++)
		c->its_by_id[i] = (struct gd_acpi_its_ref){p->its[i]->its_id, p->its[i]};
	qsort(c->its_by_id, p->n_its, sizeof(*c->its_by_id), by_id_then_order);
	c->n_its_by_id = p->n_its;
}

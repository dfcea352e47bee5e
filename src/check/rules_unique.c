/* SPDX-License-Identifier: MIT */
/* Rules over identifiers that must be unique across the platform. */
#include "check/rule.h"

/*
 * Sorts @v (key, object index) and calls @report(c, first, dup) for every
 * object whose key an earlier-written object already has.
 */
static void find_duplicates(struct gd_check_ctx *c, struct gd_check_keyed *v, size_t n,
                            void (*report)(struct gd_check_ctx *c, size_t first, size_t dup))
{
	gd_check_sort(v, n);
	size_t run = 0; /* first entry of the current run of equal keys: the earliest written */
	for (size_t k = 1; k < n; k++) {
		if (v[k].key != v[run].key)
			run = k;
		else
			report(c, v[run].idx, v[k].idx);
	}
}

static void its_dup(struct gd_check_ctx *c, size_t first, size_t dup)
{
	const struct gd_its *a = c->p->its[first], *b = c->p->its[dup];
	gd_check_report(c, &b->node.loc, "ITS ID %u of %s is already the ID of %s",
	                (unsigned)b->its_id, b->node.name, a->node.name);
}

void gd_rule_its_id_duplicate(struct gd_check_ctx *c)
{
	struct gd_check_keyed *v = gd_arena_alloc(c->tmp, (c->p->n_its + 1) * sizeof(*v));
	for (size_t i = 0; i < c->p->n_its; i++)
		v[i] = (struct gd_check_keyed){c->p->its[i]->its_id, i};
	find_duplicates(c, v, c->p->n_its, its_dup);
}

static void mpidr_dup(struct gd_check_ctx *c, size_t first, size_t dup)
{
	gd_check_report(c, &c->p->cpus[dup].loc,
	                "MPIDR 0x%llx of CPU %zu is already that of CPU %zu",
	                (unsigned long long)c->p->cpus[dup].mpidr, dup, first);
}

static void uid_dup(struct gd_check_ctx *c, size_t first, size_t dup)
{
	gd_check_report(c, &c->p->cpus[dup].loc,
	                "ACPI processor UID %u of CPU %zu is already that of CPU %zu",
	                (unsigned)c->p->cpus[dup].uid, dup, first);
}

/* Finds CPUs sharing an MPIDR (@uid false) or an ACPI processor UID (@uid true). */
static void cpu_duplicates(struct gd_check_ctx *c, bool uid)
{
	struct gd_check_keyed *v = gd_arena_alloc(c->tmp, (c->p->n_cpus + 1) * sizeof(*v));
	for (size_t i = 0; i < c->p->n_cpus; i++)
		v[i] = (struct gd_check_keyed){uid ? c->p->cpus[i].uid : c->p->cpus[i].mpidr, i};
	find_duplicates(c, v, c->p->n_cpus, uid ? uid_dup : mpidr_dup);
}

void gd_rule_mpidr_duplicate(struct gd_check_ctx *c)
{
	cpu_duplicates(c, false);
}

void gd_rule_uid_duplicate(struct gd_check_ctx *c)
{
	cpu_duplicates(c, true);
}

static void segment_dup(struct gd_check_ctx *c, size_t first, size_t dup)
{
	const struct gd_root_complex *a = c->p->rcs[first], *b = c->p->rcs[dup];
	gd_check_report(c, &b->node.loc,
	                "PCI segment %u of %s is already that of %s: Linux finds a root complex "
	                "by its segment and only ever finds %s",
	                (unsigned)b->segment, b->node.name, a->node.name, a->node.name);
}

void gd_rule_pci_segment_duplicate(struct gd_check_ctx *c)
{
	struct gd_check_keyed *v = gd_arena_alloc(c->tmp, (c->p->n_rcs + 1) * sizeof(*v));
	for (size_t i = 0; i < c->p->n_rcs; i++)
		v[i] = (struct gd_check_keyed){c->p->rcs[i]->segment, i};
	find_duplicates(c, v, c->p->n_rcs, segment_dup);
}

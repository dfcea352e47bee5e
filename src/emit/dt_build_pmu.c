/* SPDX-License-Identifier: MIT */
/*
 * dt_build_pmu.c - the CPU PMU nodes of the DT (arm,pmu.yaml): one
 * arm,armv8-pmuv3 node for CPUs of one type; on CPUs of several types (a
 * big.LITTLE system) one node per type, arm,<cpu>-pmu, whose PPI names the
 * partition of that type's CPUs: the GIC's ppi-partitions child
 * (arm,gic-v3.yaml: interrupt-partition-N, affinity = the CPUs' phandles;
 * the 4th specifier cell is the partition's phandle). Linux's arm_pmu
 * driver probes one PMU per CPU type (drivers/perf/arm_pmu_platform.c),
 * as the boards of Linux's tree write them (rk3588-base.dtsi pmu-a55, pmu-a76).
 * CPUs whose PMU interrupts differ (SPIs wired one per CPU, rk3568.dtsi's
 * arm,cortex-a55-pmu) get their node's interrupts one per CPU, in the order
 * of its interrupt-affinity (arm,pmu.yaml), and no partition.
 */
#include <stdio.h>
#include <string.h>

#include "emit/dt_build.h"

static uint32_t cpu_pmu(const struct gd_cpu *c, bool *edge)
{
	*edge = c->pmu_edge;
	return c->pmu_intid;
}

/* The type of CPU @c as its DT compatible ("" when not given). */
static const char *cpu_type(const struct gd_cpu *c)
{
	return c->compatible ? c->compatible : "";
}

/* True when CPU @i is the first with a PMU interrupt of its type. */
static bool first_of_type(const struct gd_platform *p, size_t i)
{
	if (!p->cpus[i].pmu_intid)
		return false;
	for (size_t k = 0; k < i; k++)
		if (p->cpus[k].pmu_intid && !strcmp(cpu_type(&p->cpus[k]), cpu_type(&p->cpus[i])))
			return false;
	return true;
}

bool gd_dt_pmu_partitioned(const struct gd_platform *p)
{
	size_t types = 0;
	if (p->gic_version == GD_GIC_V2 || p->gic_version == GD_GIC_V5 || p->dt.pmu_compatible)
		return false;
	for (size_t i = 0; i < p->n_cpus; i++)
		types += first_of_type(p, i);
	return types > 1;
}

/*
 * When the @n CPUs @cpus (indices into p->cpus, each with a PMU interrupt)
 * differ in their PMU interrupt, all SPIs wired one per CPU: the PMU node
 * @name of @compatible with each CPU's interrupt and interrupt-affinity
 * naming the CPUs in the same order (arm,pmu.yaml), and true. Else false.
 */
static bool per_cpu_pmu(struct gd_dt_builder *b, const size_t *cpus, size_t n, const char *name,
                        const char *compatible)
{
	const struct gd_cpu *v = b->p->cpus;
	bool differ = false;
	for (size_t i = 0; i < n; i++) {
		uint32_t intid = v[cpus[i]].pmu_intid;
		bool ppi = b->p->gic_version == GD_GIC_V5
		               ? GD_V5_INTID_TYPE(intid) == GD_V5_PPI
		               : intid < 32 || (intid >= 1056 && intid < 1120);
		if (ppi)
			return false; /* a PPI (or extended PPI): one for all, or a partition */
		differ |=
		    intid != v[cpus[0]].pmu_intid || v[cpus[i]].pmu_edge != v[cpus[0]].pmu_edge;
	}
	if (!differ)
		return false;
	struct gd_dt_node *pmu = gd_dt_builder_node(b, b->t->root, name, NULL, &v[cpus[0]].loc);
	gd_dt_add_string(b->t, pmu, "compatible", compatible);
	struct gd_dt_prop *irqs = gd_dt_builder_interrupts(b, pmu);
	struct gd_dt_prop *aff = gd_dt_add_cells(b->t, pmu, "interrupt-affinity", 0);
	for (size_t i = 0; i < n; i++) {
		gd_dt_push_interrupt(b, irqs, v[cpus[i]].pmu_intid, v[cpus[i]].pmu_edge, NULL,
		                     &v[cpus[i]].loc);
		gd_dt_push_ref(b->t, aff, b->cpus[cpus[i]]);
	}
	return true;
}

/*
 * The PMU of the CPUs of type cpus[first] (its compatible @type): their
 * partition under @parts, its PMU node, and its PPI on that partition.
 */
static void type_pmu(struct gd_dt_builder *b, struct gd_dt_node *parts, size_t first)
{
	const struct gd_platform *p = b->p;
	const char *type = cpu_type(&p->cpus[first]);
	const char *comma = strchr(type, ','), *model = comma ? comma + 1 : type;
	char name[64], label[32], compatible[96];
	size_t *cpus = gd_arena_alloc(&b->t->arena, p->n_cpus * sizeof(*cpus)), n = 0;

	if (!strncmp(type, "arm,cortex-", 11))
		model = type + 11;
	if (strncmp(type, "arm,cortex-", 11) && strncmp(type, "arm,neoverse-", 13)) {
		gd_dt_error(b, &p->cpus[first].loc,
		            "DT: CPUs of several types need one PMU node each, and arm,pmu.yaml "
		            "has no PMU compatible for CPU compatible \"%s\" (arm,cortex-* and "
		            "arm,neoverse-* have one)",
		            type);
		return;
	}
	for (size_t i = 0; i < p->n_cpus; i++)
		if (p->cpus[i].pmu_intid && !strcmp(cpu_type(&p->cpus[i]), type))
			cpus[n++] = i;
	snprintf(name, sizeof(name), "pmu-%s", model);
	snprintf(compatible, sizeof(compatible), "%s-pmu", type);
	if (per_cpu_pmu(b, cpus, n, name, compatible))
		return;
	snprintf(name, sizeof(name), "interrupt-partition-%zu", parts->n_children);
	snprintf(label, sizeof(label), "ppi_partition%zu", parts->n_children);
	struct gd_dt_node *part = gd_dt_builder_node(b, parts, name, label, NULL);
	struct gd_dt_prop *aff = gd_dt_add_cells(b->t, part, "affinity", 0);
	for (size_t i = 0; i < n; i++)
		gd_dt_push_ref(b->t, aff, b->cpus[cpus[i]]);

	bool edge = false;
	uint32_t intid = gd_dt_common_ppi(b, cpu_pmu, cpus, n, "PMU", &edge);
	snprintf(name, sizeof(name), "pmu-%s", model);
	struct gd_dt_node *pmu = gd_dt_builder_node(b, b->t->root, name, NULL, &p->cpus[first].loc);
	gd_dt_add_string(b->t, pmu, "compatible", compatible);
	if (intid)
		gd_dt_push_partitioned(b, gd_dt_builder_interrupts(b, pmu), intid, edge, part,
		                       &p->cpus[first].loc);
}

void gd_dt_build_pmus(struct gd_dt_builder *b)
{
	const struct gd_platform *p = b->p;
	if (!gd_dt_pmu_partitioned(p)) {
		const char *compatible =
		    p->dt.pmu_compatible ? p->dt.pmu_compatible : "arm,armv8-pmuv3";
		size_t *cpus = gd_arena_alloc(&b->t->arena, (p->n_cpus + 1) * sizeof(*cpus)), n = 0;
		for (size_t i = 0; i < p->n_cpus; i++)
			if (p->cpus[i].pmu_intid)
				cpus[n++] = i;
		if (n == p->n_cpus && per_cpu_pmu(b, cpus, n, "pmu", compatible))
			return;
		gd_dt_ppi_device(b, cpu_pmu, "PMU", "pmu", compatible);
		return;
	}
	struct gd_dt_node *parts = gd_dt_builder_node(b, b->gic, "ppi-partitions", NULL, NULL);
	parts->base_keeps = true;
	for (size_t i = 0; i < p->n_cpus; i++)
		if (first_of_type(p, i))
			type_pmu(b, parts, i);
}

/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: the CPU PMU interrupt (Linux 6.1 arm/pmu.yaml,
 * drivers/perf/arm_pmu_platform.c): one PPI for every CPU, or for the CPUs of
 * a ppi-partitions subnode (4-cell specifier), or one SPI per CPU matched by
 * interrupt-affinity or else by order.
 */
#include "load/dtb.h"

#include <libfdt.h>
#include <string.h>

/* Largest number of interrupts read from one PMU node (one per CPU at most). */
#define DTB_MAX_PMU_IRQS 1024

/* True for a CPU PMU compatible: arm,armv8-pmuv3, arm,cortex-*-pmu, arm,neoverse-*-pmu. */
static bool is_cpu_pmu(const char *s)
{
	size_t n = strlen(s);
	if (!strcmp(s, "arm,armv8-pmuv3"))
		return true;
	if (strncmp(s, "arm,cortex-", 11) && strncmp(s, "arm,neoverse-", 13))
		return false;
	return n > 4 && !strcmp(s + n - 4, "-pmu");
}

bool dtb_is_cpu_pmu(struct dtb_ctx *c, int off)
{
	int n = fdt_stringlist_count(c->fdt, off, "compatible");
	for (int i = 0; i < n && i < DTB_MAX_COMPATIBLES; i++) {
		const char *s = fdt_stringlist_get(c->fdt, off, "compatible", i, NULL);
		if (s && is_cpu_pmu(s))
			return true;
	}
	return false;
}

/* Gives the CPU whose node is @cpu_off the PMU interrupt @irq. */
static void set_pmu(struct dtb_ctx *c, int pmu, int cpu_off, const struct dtb_irq *irq)
{
	int i = dtb_offs_find(&c->cpu, cpu_off);
	if (i < 0) {
		dtb_diag(c, GD_SEV_WARNING, pmu, NULL, "PMU interrupt for %s, which is not a CPU",
		         cpu_off < 0 ? "an unresolved phandle" : dtb_path(c, cpu_off));
		return;
	}
	struct gd_cpu *cpu = &c->p->cpus[i];
	if (cpu->pmu_intid && cpu->pmu_intid != irq->intid) {
		dtb_diag(c, GD_SEV_WARNING, pmu, "interrupts",
		         "CPU %s already has PMU interrupt %u; INTID %u ignored",
		         dtb_path(c, cpu_off), cpu->pmu_intid, irq->intid);
		return;
	}
	cpu->pmu_intid = irq->intid;
	cpu->pmu_edge = irq->edge;
}

/* Applies a PPI of ppi-partitions subnode @part (its affinity phandles) to its CPUs. */
static void set_partition(struct dtb_ctx *c, int pmu, const struct dtb_irq *irq)
{
	int part = dtb_phandle_node(c, irq->partition), len = 0;
	const void *aff = part < 0 ? NULL : fdt_getprop(c->fdt, part, "affinity", &len);
	if (!aff) {
		dtb_diag(c, GD_SEV_ERROR, pmu, "interrupts",
		         "PPI partition phandle 0x%x names no node with affinity", irq->partition);
		return;
	}
	for (size_t k = 0; k < (size_t)len / 4; k++)
		set_pmu(c, pmu, dtb_phandle_node(c, dtb_cell(aff, k)), irq);
}

/* Reads the CPU PMU node @pmu; returns true when one of its interrupts is on a PPI partition. */
static bool load_one(struct dtb_ctx *c, int pmu)
{
	bool partitioned = false;
	int n = dtb_irq_count(c, pmu), alen = 0;
	const void *aff = fdt_getprop(c->fdt, pmu, "interrupt-affinity", &alen);
	size_t n_aff = aff ? (size_t)alen / 4 : 0;

	if (n > DTB_MAX_PMU_IRQS) {
		dtb_diag(c, GD_SEV_WARNING, pmu, "interrupts",
		         "%d interrupts: only the first %d are read", n, DTB_MAX_PMU_IRQS);
		n = DTB_MAX_PMU_IRQS;
	}

	for (int i = 0; i < n; i++) {
		struct dtb_irq irq;
		if (dtb_irq(c, pmu, i, &irq) != 1)
			continue;
		bool ppi = dtb_irq_is_ppi(c, irq.intid);
		partitioned |= irq.partition != 0;
		if (irq.partition)
			set_partition(c, pmu, &irq);
		else if ((size_t)i < n_aff)
			set_pmu(c, pmu, dtb_phandle_node(c, dtb_cell(aff, (size_t)i)), &irq);
		else if (ppi)
			for (size_t k = 0; k < c->cpu.n; k++)
				set_pmu(c, pmu, c->cpu.v[k], &irq);
		else if ((size_t)i < c->cpu.n)
			set_pmu(c, pmu, c->cpu.v[i], &irq);
	}
	return partitioned;
}

void dtb_load_pmu(struct dtb_ctx *c)
{
	int one = -1, n = 0;
	bool partitioned = false;
	for (size_t i = 0; i < c->nodes.n; i++) {
		int off = c->nodes.v[i];
		if (dtb_is_cpu_pmu(c, off) && dtb_available(c, off)) {
			partitioned |= load_one(c, off);
			one = off;
			n++;
		}
	}
	/* One PMU node for every CPU, whatever their types: its compatible (dt.pmu_compatible). */
	if (n == 1 && !partitioned)
		c->p->dt.pmu_compatible = dtb_string(c, one, "compatible");
}

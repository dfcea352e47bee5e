/* SPDX-License-Identifier: MIT */
/*
 * DTB front end: /cpus/cpu@* nodes with device_type "cpu" (Linux 6.1
 * arm/cpus.yaml; arch/arm64 of_get_cpu_mpidr()): reg is the MPIDR affinity
 * (1 or 2 cells, #address-cells of /cpus), compatible, enable-method and a
 * spin-table's cpu-release-addr (the MADT GICC parked address).
 */
#include "load/dtb.h"

#include <libfdt.h>
#include <string.h>

/* MPIDR_EL1 affinity fields Aff3 [39:32], Aff2..Aff0 [23:0] (Linux MPIDR_HWID_BITMASK). */

/* Reads the MPIDR of cpu node @off; 0 or -1 (error added). */
static int read_mpidr(struct dtb_ctx *c, int off, int ac, uint64_t *mpidr)
{
	int len = 0;
	const void *reg = fdt_getprop(c->fdt, off, "reg", &len);
	if (!reg || len != ac * 4) {
		dtb_diag(c, GD_SEV_ERROR, off, "reg",
		         "a cpu's reg must be one MPIDR of #address-cells = %d cells", ac);
		return -1;
	}
	*mpidr = dtb_cells_u64(reg, ac);
	if (*mpidr & ~GD_MPIDR_AFFINITY) {
		dtb_diag(c, GD_SEV_ERROR, off, "reg",
		         "0x%llx has bits outside the MPIDR affinity fields (mask 0x%llx)",
		         (unsigned long long)*mpidr, GD_MPIDR_AFFINITY);
		return -1;
	}
	return 0;
}

void dtb_load_cpus(struct dtb_ctx *c)
{
	struct gd_platform *p = c->p;
	int cpus = fdt_path_offset(c->fdt, "/cpus");
	int ac, sc;

	if (cpus < 0) {
		dtb_diag(c, GD_SEV_ERROR, 0, NULL, "no /cpus node");
		return;
	}
	if (dtb_bus_cells(c, cpus, &ac, &sc, 2, 2, cpus, "#address-cells"))
		return;
	int off;
	fdt_for_each_subnode(off, c->fdt, cpus)
	{
		int len = 0;
		const char *type = fdt_getprop(c->fdt, off, "device_type", &len);
		uint64_t mpidr;
		if (!type || len != 4 || memcmp(type, "cpu", 4))
			continue;
		if (read_mpidr(c, off, ac, &mpidr))
			continue;
		struct gd_cpu *cpu = GD_ARRAY_PUSH(&p->arena, p->cpus, p->n_cpus, p->cap_cpus);
		cpu->mpidr = mpidr;
		cpu->uid = (uint32_t)(p->n_cpus - 1);
		cpu->cpu_interface_number = cpu->uid;
		cpu->enabled = dtb_available(c, off);
		cpu->compatible = dtb_string(c, off, "compatible");
		cpu->enable_method = dtb_string(c, off, "enable-method");
		/* spin-table's cpu-release-addr (arm/cpus.yaml: 1 or 2 cells): the parked address
		 */
		const void *release = fdt_getprop(c->fdt, off, "cpu-release-addr", &len);
		if (release && (len == 4 || len == 8))
			cpu->parked_address = dtb_cells_u64(release, len / 4);
		cpu->loc = dtb_loc(c, off, NULL);
		dtb_offs_push(c, &c->cpu, off);
	}
	if (!p->n_cpus) {
		dtb_diag(c, GD_SEV_ERROR, cpus, NULL, "no cpu nodes (device_type = \"cpu\")");
		return;
	}
	dtb_assume(c, "ACPI processor UIDs assumed to be the order of the cpu nodes (0, 1, ...): "
	              "a DTB does not state them");
}

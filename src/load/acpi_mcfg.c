/* SPDX-License-Identifier: MIT */
/*
 * The MCFG (PCI Firmware Specification 3.3 §4.1.2): each PCI segment's ECAM
 * base and bus range, which the IORT's root complexes do not carry.
 */
#include "acpi/read.h"
#include "load/acpi_load.h"

int gd_acpi_load_mcfg(struct gd_acpi_load *c)
{
	const struct gd_acpi_file *f = &c->mcfg;
	size_t errors = c->d->errors, size = gd_mcfg_allocation.size;
	size_t off = GD_MCFG_ENTRIES_AT;
	for (; off + size <= f->len; off += size) {
		struct gd_acpi_values v = {0};
		struct gd_loc loc = gd_acpi_loc(f, off);
		gd_acpi_read(&gd_mcfg_allocation, f->data + off, size, &v, &c->p->arena);
		if (v.n[GD_V_BUS_END] < v.n[GD_V_BUS_START]) {
			gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
			            "MCFG allocation of segment %u: end bus 0x%02x below start bus "
			            "0x%02x (PCI Firmware 3.3 table 4-3)",
			            (unsigned)v.n[GD_V_SEGMENT], (unsigned)v.n[GD_V_BUS_END],
			            (unsigned)v.n[GD_V_BUS_START]);
			continue;
		}
		struct gd_mcfg_entry *e = GD_ARRAY_PUSH(&c->p->arena, c->mcfg_entries,
		                                        c->n_mcfg_entries, c->cap_mcfg_entries);
		*e = (struct gd_mcfg_entry){.base = v.n[GD_V_BASE],
		                            .segment = (uint16_t)v.n[GD_V_SEGMENT],
		                            .bus_start = (uint8_t)v.n[GD_V_BUS_START],
		                            .bus_end = (uint8_t)v.n[GD_V_BUS_END],
		                            .off = (uint32_t)off};
	}
	if (off < f->len) {
		struct gd_loc loc = gd_acpi_loc(f, off);
		gd_diag_add(c->d, GD_SEV_NOTE, NULL, &loc,
		            "the last %zu bytes of the MCFG are no whole %zu-byte allocation: "
		            "skipped",
		            f->len - off, size);
	}
	return c->d->errors > errors ? 1 : 0;
}

const struct gd_mcfg_entry *gd_acpi_mcfg_find(const struct gd_acpi_load *c, uint32_t segment)
{
	for (size_t i = 0; i < c->n_mcfg_entries; i++)
		if (c->mcfg_entries[i].segment == segment)
			return &c->mcfg_entries[i];
	return NULL;
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml_gicv5.c - the GICv5 of the YAML description (gicdesc(5) GICv5): the
 * IRSes (irses:, with the CPUs each serves and their IAFFIDs), the GICv5
 * ITSes (its:, each with its IRS and its translate frames, the nodes ID
 * mappings output to) and the IWBs (the top-level iwbs:, each with its own
 * DeviceID as an id-map of one single mapping).
 */
#include <inttypes.h>

#include "emit/yaml.h"

/* "KEY: [a, b, ...]" of the @n PEs of @irs: their CPU indices, or their IAFFIDs when @iaffids. */
static void pe_list(struct gd_buf *out, const struct gd_irs *irs, bool iaffids)
{
	gd_buf_printf(out, "      %s: [", iaffids ? "iaffids" : "cpus");
	for (size_t k = 0; k < irs->n_pes; k++)
		if (iaffids)
			gd_buf_printf(out, "%s0x%X", k ? ", " : "", (unsigned)irs->pes[k].iaffid);
		else
			gd_buf_printf(out, "%s%zu", k ? ", " : "", irs->pes[k].cpu);
	gd_buf_printf(out, "]\n");
}

static void irses(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	gd_buf_printf(out, "  irses:\n");
	for (size_t i = 0; i < p->n_irses; i++) {
		const struct gd_irs *irs = p->irses[i];
		gd_buf_printf(out, "    - name: %s\n      id: %" PRIu32 "\n      config-base: ",
		              plan->irs_names[i], irs->irs_id);
		gd_yaml_addr(out, irs->config_base);
		if (irs->setlpi_base) {
			gd_buf_printf(out, "\n      setlpi-base: ");
			gd_yaml_addr(out, irs->setlpi_base);
		}
		gd_buf_printf(out, "\n");
		if (irs->non_coherent)
			gd_buf_printf(out, "      non-coherent: true\n");
		if (irs->iaffid_bits)
			gd_buf_printf(out, "      iaffid-bits: %" PRIu32 "\n", irs->iaffid_bits);
		if (irs->spi_count)
			gd_buf_printf(out,
			              "      spis: { base: %" PRIu32 ", count: %" PRIu32 " }\n",
			              irs->spi_base, irs->spi_count);
		pe_list(out, irs, false);
		pe_list(out, irs, true);
	}
}

/* The index of @irs among p->irses (the position of its YAML name). */
static size_t irs_index(const struct gd_platform *p, const struct gd_irs *irs)
{
	size_t i = 0;
	while (i < p->n_irses && p->irses[i] != irs)
		i++;
	return i;
}

static void v5_its(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	if (!p->n_v5_its)
		return;
	gd_buf_printf(out, "  its:\n");
	gd_yaml_assumed(out, p, "its", 4);
	for (size_t i = 0; i < p->n_v5_its; i++) {
		const struct gd_v5_its *v5 = p->v5_its[i];
		const struct gd_its *first = NULL;
		for (size_t k = 0; !first && k < p->n_its; k++)
			first = p->its[k]->v5 == v5 ? p->its[k] : NULL;
		size_t irs = irs_index(p, v5->irs);
		gd_buf_printf(out,
		              "    - name: %s\n      id: %" PRIu32 "\n      irs: %s\n      "
		              "config-base: ",
		              plan->v5_its_names[i], v5->translator_id,
		              irs < p->n_irses ? plan->irs_names[irs] : "?");
		gd_yaml_addr(out, v5->config_base);
		gd_buf_printf(out, "\n");
		if (v5->non_coherent)
			gd_buf_printf(out, "      non-coherent: true\n");
		if (first)
			gd_buf_printf(out,
			              "      device-id-bits: %" PRIu32
			              "\n      event-id-bits: %" PRIu32 "\n",
			              first->device_id_bits, first->event_id_bits);
		gd_buf_printf(out, "      translate-frames:\n");
		for (size_t k = 0; k < p->n_its; k++) {
			const struct gd_its *f = p->its[k];
			if (f->v5 != v5)
				continue;
			gd_buf_printf(out, "        - { name: %s, id: %" PRIu32 ", base: ",
			              gd_yaml_node_name(plan, &f->node), f->its_id);
			gd_yaml_addr(out, f->base);
			if (f->has_proximity_domain)
				gd_buf_printf(out, ", proximity-domain: %" PRIu32,
				              f->proximity_domain);
			gd_buf_printf(out, " }\n");
		}
	}
}

void gd_yaml_gicv5(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	irses(out, plan);
	v5_its(out, plan);
}

void gd_yaml_iwbs(struct gd_buf *out, const struct gd_yaml_plan *plan)
{
	const struct gd_platform *p = plan->p;
	if (!p->n_iwbs)
		return;
	gd_buf_printf(out, "\niwbs:\n");
	gd_yaml_assumed(out, p, "iwbs", 2);
	for (size_t i = 0; i < p->n_iwbs; i++) {
		const struct gd_iwb *iwb = p->iwbs[i];
		gd_buf_printf(out, "  - name: %s\n    id: %" PRIu32 "\n    base: ",
		              gd_yaml_node_name(plan, &iwb->node), iwb->iwb_id);
		gd_yaml_addr(out, iwb->base);
		gd_buf_printf(out, "\n");
		if (iwb->wires)
			gd_buf_printf(out, "    wires: %" PRIu32 "\n", iwb->wires);
		if (iwb->acpi_path) {
			gd_buf_printf(out, "    acpi-path: ");
			gd_yaml_string(out, iwb->acpi_path);
			gd_buf_printf(out, "\n");
		}
		gd_yaml_id_maps(out, plan, &iwb->node, 4);
	}
}

/* SPDX-License-Identifier: MIT */
/*
 * Rules over reserved memory ranges (IORT RMR node, IORT E.e §3.1.1.7), as
 * Linux 6.12 drivers/acpi/arm64/iort.c reads them: iort_node_get_rmr_info()
 * takes, for an SMMU, the StreamIDs of every ID mapping of the node whose
 * output reference is that SMMU (output base .. + number of IDs), and
 * iort_get_rmrs() reserves each memory range for them (IOMMU_RESV_DIRECT),
 * with firmware-bug messages for ranges of length 0, ranges that overlap,
 * and ranges not aligned to 64 KiB.
 */
#include "check/rule.h"

#define RMR_ALIGN 0x10000ull /* 64 KiB (Linux iort_rmr_alloc(), SZ_64K) */

void gd_rule_rmr_no_stream_ids(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_rmrs; i++)
		if (!c->p->rmrs[i]->n_stream_ids)
			gd_check_report(c, &c->p->rmrs[i]->loc,
			                "RMR '%s' names no StreamIDs: Linux skips it (FW_BUG "
			                "\"Invalid ID mapping, skipping RMR node\") and reserves "
			                "its memory for no device",
			                c->p->rmrs[i]->name);
}

void gd_rule_rmr_range(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_rmrs; i++) {
		const struct gd_rmr *r = c->p->rmrs[i];
		for (size_t k = 0; k < r->n_ranges; k++) {
			const struct gd_rmr_range *a = &r->ranges[k];
			if (!a->length) {
				gd_check_report(
				    c, &a->loc,
				    "RMR '%s': memory range at 0x%llx of length 0 (Linux: "
				    "FW_BUG \"RMR descriptor[...] with zero length\")",
				    r->name, (unsigned long long)a->base);
				continue;
			}
			if (a->base % RMR_ALIGN || a->length % RMR_ALIGN)
				gd_check_report(c, &a->loc,
				                "RMR '%s': memory range 0x%llx + 0x%llx is not "
				                "aligned to 64 KiB: "
				                "Linux widens it to whole pages (FW_BUG \"not "
				                "aligned to 64K\"), "
				                "mapping memory the firmware did not reserve",
				                r->name, (unsigned long long)a->base,
				                (unsigned long long)a->length);
			for (size_t j = k + 1; j < r->n_ranges; j++) {
				const struct gd_rmr_range *b = &r->ranges[j];
				if (b->length && a->base <= b->base + (b->length - 1) &&
				    b->base <= a->base + (a->length - 1))
					gd_check_report(
					    c, &b->loc,
					    "RMR '%s': memory range 0x%llx + 0x%llx overlaps "
					    "the one at 0x%llx (Linux: FW_BUG \"RMR "
					    "descriptor[...] overlaps\")",
					    r->name, (unsigned long long)b->base,
					    (unsigned long long)b->length,
					    (unsigned long long)a->base);
			}
		}
	}
}

/*
 * True when StreamIDs [lo, hi) of @smmu are all output by the ID mappings of
 * the nodes that map into it (root complexes, named components: the devices
 * behind it).
 */
static bool stream_ids_reached(const struct gd_platform *p, const struct gd_node *smmu, uint64_t lo,
                               uint64_t hi)
{
	struct gd_node *n;
	bool progress = true;
	while (lo < hi && progress) {
		progress = false;
		for (size_t i = 0; (n = gd_platform_node(p, i)); i++)
			for (size_t k = 0; k < n->n_maps; k++) {
				const struct gd_id_map *m = &n->maps[k];
				uint64_t b = m->output_base, e = b + (m->single ? 1 : m->count);
				if (m->output == smmu && b <= lo && lo < e) {
					lo = e;
					progress = true;
				}
			}
	}
	return lo >= hi;
}

void gd_rule_rmr_stream_ids(struct gd_check_ctx *c)
{
	for (size_t i = 0; i < c->p->n_rmrs; i++) {
		const struct gd_rmr *r = c->p->rmrs[i];
		for (size_t k = 0; k < r->n_stream_ids; k++) {
			const struct gd_id_map *m = &r->stream_ids[k];
			uint64_t lo = m->output_base, hi = lo + m->count;
			if (!m->output || m->output->kind != GD_NODE_SMMU)
				gd_check_report(
				    c, &m->loc,
				    "RMR '%s': an ID mapping into %s '%s', not an SMMU: "
				    "Linux reserves its memory for no device "
				    "(iort_node_get_rmr_info() takes mappings into the "
				    "SMMU being probed)",
				    r->name, m->output ? gd_node_what(m->output) : "?",
				    m->output_name ? m->output_name : "?");
			else if (!stream_ids_reached(c->p, m->output, lo, hi))
				gd_check_report(
				    c, &m->loc,
				    "RMR '%s': StreamIDs 0x%llx-0x%llx of %s '%s' are not all "
				    "StreamIDs that a device behind it reaches it with: the "
				    "reservation misses the device it was meant for",
				    r->name, (unsigned long long)lo, (unsigned long long)hi - 1,
				    gd_node_what(m->output), m->output->name);
		}
	}
}

void gd_rule_dt_rmr(struct gd_check_ctx *c)
{
	for (size_t i = 0; c->p->origin == GD_ORIGIN_YAML && i < c->p->n_rmrs; i++)
		gd_check_report(
		    c, &c->p->rmrs[i]->loc,
		    "DT: RMR '%s' cannot be written: a device tree reserves memory for a device "
		    "node (reserved-memory iommu-addresses), not for StreamIDs, and the PCI "
		    "devices behind an SMMU have no node; an OS booted from this device tree "
		    "does not keep the range mapped",
		    c->p->rmrs[i]->name);
}

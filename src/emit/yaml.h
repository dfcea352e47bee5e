/* SPDX-License-Identifier: MIT */
/*
 * yaml.h - private to the YAML back end (yaml.c: the top and gic:;
 * yaml_nodes.c: the mapping graph's sections; yaml_write.c: scalars and
 * comments; yaml_plan.c and yaml_fold.c: the plan): the writer of format-1
 * text (gicdesc(5)) and the plan that says, before a
 * byte is written, what of the model the format can hold: a unique YAML name
 * for every node of the mapping graph, and the ID mappings each node gets.
 *
 * The text is written by our own code, not libyaml's emitter: the output is
 * the style of examples/ (flow mappings for short items, hex for addresses
 * and IDs, "# assumed:" comments beside the facts), and libyaml's emitter
 * writes no comments.
 */
#ifndef GD_EMIT_YAML_H
#define GD_EMIT_YAML_H

#include <stdbool.h>
#include <stdint.h>

#include "model/platform.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"

/* The ID mappings written as one node's id-map (gicdesc(5) id-map), in order. */
struct gd_yaml_maps {
	struct gd_id_map *v;
	size_t n, cap;
};

/*
 * What the YAML says of each node of @p, by its position i in the walk of
 * gd_platform_node(p, i): names[i] (1..63 of [A-Za-z0-9_.-], unique) and
 * maps[i]; and rmr_names[k] of RMR k (such names too, unique among RMRs); irs_names[k] of
 * IRS k and v5_its_names[k] of GICv5 ITS k (such names too, unique among the nodes, IRSes and
 * ITSes). A root complex's maps are
 * its msi-map with its DT iommu-map folded in (RID -> StreamID of the SMMU), and an SMMU's then
 * hold the StreamID -> DeviceID mappings that make every RID reach the DeviceID its msi-map gives
 * (yaml_plan.c). Storage in @arena.
 */
struct gd_yaml_plan {
	const struct gd_platform *p;
	struct gd_arena arena;
	size_t n_nodes;
	const char **names;
	struct gd_yaml_maps *maps;
	const char **rmr_names;
	const char **irs_names, **v5_its_names;
};

/*
 * Makes the plan of @p. Returns 0, or -1 after one error in @d for every
 * fact the format cannot hold (rules import-*), each located at the object
 * it is about. Free with gd_yaml_plan_free() either way.
 */
/* id-map: of node @n at @indent, or msi-parent: for a mapping of that kind (yaml_plan.c). */
void gd_yaml_id_maps(struct gd_buf *out, const struct gd_yaml_plan *plan, const struct gd_node *n,
                     unsigned indent);

/*
 * GICv5 (yaml_gicv5.c): the irses: and its: keys of gic: (gicdesc(5) GICv5),
 * and the top-level iwbs: section.
 */
void gd_yaml_gicv5(struct gd_buf *out, const struct gd_yaml_plan *plan);
void gd_yaml_iwbs(struct gd_buf *out, const struct gd_yaml_plan *plan);

int gd_yaml_plan_make(struct gd_yaml_plan *plan, const struct gd_platform *p, struct gd_diags *d);

/* A plan being made (yaml_plan.c): the diagnostics, and whether anything was refused. */
struct gd_yaml_planner {
	struct gd_yaml_plan *plan;
	struct gd_diags *d;
	int refused;
};

/* Adds the error @fmt (rule @rule, an import-* rule) at @loc to c->d and marks @c refused. */
void gd_yaml_refuse(struct gd_yaml_planner *c, const struct gd_loc *loc, const char *rule,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * yaml_fold.c: the maps of each root complex with a DT iommu-map (RID ->
 * StreamID into its SMMU, the rest of msi-map as written), and appended to
 * each SMMU's maps the StreamID -> DeviceID mappings that give every RID the
 * DeviceID its msi-map gives it. Refuses (import-iommu-map,
 * import-stream-id-conflict) what no such mappings can say.
 */
void gd_yaml_fold_iommu_maps(struct gd_yaml_planner *c);

/* Frees the plan's storage. */
void gd_yaml_plan_free(struct gd_yaml_plan *plan);

/* The walk position of node @n in @plan's platform (n must be one of its nodes). */
size_t gd_yaml_node_index(const struct gd_yaml_plan *plan, const struct gd_node *n);

/* The YAML name of node @n. */
const char *gd_yaml_node_name(const struct gd_yaml_plan *plan, const struct gd_node *n);

/* Appends @s as a YAML scalar: plain when it is safe in flow context, else double-quoted. */
void gd_yaml_string(struct gd_buf *out, const char *s);

/* Appends an address or size: 0x and at least 8 hex digits ("0x08000000"). */
void gd_yaml_addr(struct gd_buf *out, uint64_t v);

/*
 * Appends interrupt @intid of a GIC of version @gic as a gicdesc(5) interrupt
 * mapping: { ppi: N }, { spi: N } or { intid: N } (above 1019; on a GICv5 a
 * typed INTID of neither type), with "trigger: @trigger" unless @trigger is
 * NULL, and "count: @count" when @count > 1 (consecutive INTIDs).
 */
void gd_yaml_interrupt(struct gd_buf *out, enum gd_gic_version gic, uint32_t intid,
                       const char *trigger, uint32_t count);

/*
 * Appends "# assumed: TEXT" lines at @indent spaces for the assumptions of
 * @p about section @section ("gic", "its", ...; "" for those about no
 * section the description has), each once over all sections.
 */
void gd_yaml_assumed(struct gd_buf *out, const struct gd_platform *p, const char *section,
                     unsigned indent);

/* Appends the iommus:, root-complexes:, named-components:, pmcgs:, rmrs: and devices: sections. */
void gd_yaml_nodes(struct gd_buf *out, const struct gd_yaml_plan *plan);

#endif

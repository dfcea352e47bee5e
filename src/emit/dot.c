/* SPDX-License-Identifier: MIT */
/*
 * dot.c - the routing graph as Graphviz DOT (format dot, NAME.dot): every
 * node of the ID-mapping graph (root complexes, named components, SMMUs,
 * ITSes, GICv2m frames, MBI, Direct LPI) once, and one edge per ID mapping,
 * labelled with its input range in the node's ID space and the output range
 * in the target's (the MSI path, solid); a root complex's DT iommu-map, which
 * carries no MSI, dashed. Drawn left to right (rankdir=LR): sources on the
 * left, SMMUs in the middle, MSI controllers on the right.
 */
#include <inttypes.h>

#include "emit/emit.h"
#include "resolve/route_print.h"

/* Appends @s as a DOT double-quoted string (", \ and newlines escaped). */
static void quoted(struct gd_buf *out, const char *s)
{
	gd_buf_append(out, "\"", 1);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			gd_buf_append(out, "\\", 1);
		gd_buf_append(out, *s == '\n' ? " " : s, 1);
	}
	gd_buf_append(out, "\"", 1);
}

/* Appends an ID interval "0x0000-0x00ff" (or one ID) of @count IDs from @base. */
static void interval(struct gd_buf *out, uint32_t base, uint64_t count)
{
	gd_buf_printf(out, "0x%04" PRIx32, base);
	if (count > 1)
		gd_buf_printf(out, "-0x%04" PRIx64, (uint64_t)base + count - 1);
}

/* The node line: shape by role, label with its name and kind. */
static void node_line(struct gd_buf *out, const struct gd_node *n)
{
	static const char *const shape[] = {
	    [GD_NODE_ITS] = "doubleoctagon",
	    [GD_NODE_SMMU] = "box3d",
	    [GD_NODE_ROOT_COMPLEX] = "box",
	    [GD_NODE_NAMED_COMPONENT] = "box",
	    [GD_NODE_MSI_FRAME] = "doubleoctagon",
	    [GD_NODE_MBI] = "doubleoctagon",
	    [GD_NODE_DIRECT_LPI] = "doubleoctagon",
	    [GD_NODE_PMCG] = "box",
	    [GD_NODE_IWB] = "box",
	};
	_Static_assert(sizeof(shape) / sizeof(shape[0]) == GD_NODE_IWB + 1,
	               "a shape per node kind");
	gd_buf_append(out, "  ", 2);
	quoted(out, n->name);
	gd_buf_printf(out, " [shape=%s, label=", shape[n->kind]);
	quoted(out, n->name);
	gd_buf_printf(out, " + \"\\n%s\"];\n", gd_node_what(n));
}

/* The edge of mapping @m of node @from (@dashed: an iommu-map entry). */
static void edge(struct gd_buf *out, const struct gd_node *from, const struct gd_id_map *m,
                 bool dashed)
{
	if (!m->output)
		return;
	gd_buf_append(out, "  ", 2);
	quoted(out, from->name);
	gd_buf_append(out, " -> ", 4);
	quoted(out, m->output->name);
	gd_buf_append(out, " [label=\"", 9);
	if (m->single) {
		gd_buf_printf(out, "own ID (single)");
	} else if (m->msi_parent) {
		gd_buf_printf(out, "msi-parent");
	} else {
		gd_buf_printf(out, "%s ", gd_id_space_name(from->kind));
		interval(out, m->input_base, m->count);
	}
	if (!m->msi_parent && !gd_node_is_sink(m->output->kind))
		gd_buf_printf(out, "\\n-> %s ", gd_id_space_name(m->output->kind));
	else if (m->output->kind == GD_NODE_ITS)
		gd_buf_printf(out, "\\n-> DeviceID ");
	if (!m->msi_parent && (m->output->kind == GD_NODE_ITS || !gd_node_is_sink(m->output->kind)))
		interval(out, m->output_base, m->single ? 1 : m->count);
	gd_buf_printf(out, "\"%s];\n", dashed ? ", style=dashed" : "");
}

int gd_emit_dot(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	const struct gd_platform *p = ctx->p;
	gd_buf_append(out, "digraph ", 8);
	quoted(out, p->name);
	gd_buf_printf(out, " {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
	                   "  edge [fontname=\"Helvetica\", fontsize=9];\n");
	size_t n = 0;
	for (struct gd_node *node; (node = gd_platform_node(p, n)); n++)
		node_line(out, node);
	for (size_t i = 0; i < n; i++) {
		const struct gd_node *node = gd_platform_node(p, i);
		for (size_t k = 0; k < node->n_maps; k++)
			edge(out, node, &node->maps[k], false);
		const struct gd_smmu *s = gd_node_as_smmu((struct gd_node *)node);
		if (s && s->own_msi)
			edge(out, node, s->own_msi, false);
		const struct gd_root_complex *rc = gd_node_as_rc((struct gd_node *)node);
		for (size_t k = 0; rc && k < rc->n_iommu_maps; k++)
			edge(out, node, &rc->iommu_maps[k], true);
	}
	gd_buf_printf(out, "}\n");
	return 0;
}

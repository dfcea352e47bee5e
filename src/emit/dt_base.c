/* SPDX-License-Identifier: MIT */
/*
 * dt_base.c - `gicdesc generate --base`: puts the tree dt_build.c makes into
 * a base blob with libfdt's read-write API (fdt_setprop, fdt_delprop,
 * fdt_del_node, fdt_add_subnode, fdt_pack), so that whatever the merge does
 * not touch stays exactly as the base has it. What is replaced: dt_base.h.
 */
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/dt_base.h"
#include "emit/dt_tree.h"

/* The MSI and IOMMU wiring of a covered node, replaced as a whole. */
static const char *const wiring_props[] = {
    "msi-parent", "msi-map", "msi-map-mask", "iommu-map", "iommu-map-mask", "iommus", NULL,
};

/* What gicdesc writes for a GIC (arm,gic-v3.yaml): the base's are replaced as a whole. */
static const char *const gic_props[] = {
    "compatible",
    "#interrupt-cells",
    "#address-cells",
    "#size-cells",
    "ranges",
    "interrupt-controller",
    "reg",
    "#redistributor-regions",
    "redistributor-stride",
    "interrupts",
    "msi-controller", /* with mbi-ranges, mbi-alias: the MBI of arm,gic-v3.yaml */
    "mbi-ranges",
    "mbi-alias",
    NULL,
};

/* One base node the merge changes: its path in the base, our node, what of it is ours. */
struct cover {
	const char *path;
	struct gd_dt_node *ours;
	const char *const *owned;
};

struct merge {
	const struct gd_emit_ctx *ctx;
	const struct gd_dt_base *base;
	struct gd_dt_tree *t; /* ours, built once per run (emit/built.h) */
	struct cover *covers; /* covers[0] is the GIC */
	size_t n_covers, cap_covers;
	uint32_t next_phandle;
	int status;
};

static void merge_error(struct merge *m, const struct gd_loc *loc, const char *rule,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void merge_error(struct merge *m, const struct gd_loc *loc, const char *rule,
                        const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gd_diag_vadd(m->ctx->diags, GD_SEV_ERROR, rule, loc, fmt, ap);
	va_end(ap);
	m->status = -1;
}

static bool is_its(const void *fdt, int off)
{
	return !fdt_node_check_compatible(fdt, off, "arm,gic-v3-its") ||
	       !fdt_node_check_compatible(fdt, off, "arm,gic-v2m-frame");
}

static bool listed(const char *const *list, const char *name)
{
	while (*list && strcmp(*list, name))
		list++;
	return *list != NULL;
}

/* Records that base node @off is @ours's; two covers of one base node are an error. */
static void add_cover(struct merge *m, int off, struct gd_dt_node *ours, const char *const *owned,
                      const struct gd_loc *loc)
{
	char path[1024];
	if (fdt_get_path(m->base->fdt, off, path, sizeof(path))) {
		merge_error(m, loc, "base-node", "DT: a node path of the base is too long");
		return;
	}
	for (size_t i = 0; i < m->n_covers; i++)
		if (!strcmp(m->covers[i].path, path)) {
			merge_error(m, loc, "base-node",
			            "DT: base node %s is already taken by '%s' of the description",
			            path, m->covers[i].ours->name);
			return;
		}
	struct cover *c = GD_ARRAY_PUSH(&m->t->arena, m->covers, m->n_covers, m->cap_covers);
	c->path = gd_arena_strdup(&m->t->arena, path);
	c->ours = ours;
	c->owned = owned;
}

/*
 * Finds the base node of @ours (a root complex, SMMU or named component of
 * the description): at @path when given, else by the CPU address @addr of
 * its first reg among the nodes with @marker or @device_type.
 */
static void locate(struct merge *m, struct gd_dt_node *ours, const char *path,
                   const struct gd_loc *path_loc, uint64_t addr, const char *marker,
                   const char *device_type)
{
	const struct gd_node *src = ours->source;
	const char *kind = gd_node_kind_name(src->kind);
	int off;

	if (path) {
		off = fdt_path_offset(m->base->fdt, path);
		if (off < 0)
			merge_error(m, path_loc, "base-node",
			            "dt-path '%s' of %s '%s' names no node of the base tree %s",
			            path, kind, src->name, m->base->file);
	} else {
		off = gd_dt_base_find_reg(m->base->fdt, addr, marker, device_type);
		if (off < 0)
			merge_error(m, &src->loc, "base-node",
			            "%s '%s': %s node of the base tree %s has its first reg at "
			            "0x%llx; give its dt-path",
			            kind, src->name, off == -2 ? "more than one" : "no",
			            m->base->file, (unsigned long long)addr);
	}
	if (off >= 0)
		add_cover(m, off, ours, wiring_props, path ? path_loc : &src->loc);
}

/* Walks our tree and locates every root complex, SMMU and named component. */
static void locate_all(struct merge *m, struct gd_dt_node *n)
{
	const struct gd_node *src = n->source;
	if (src && src->kind == GD_NODE_ROOT_COMPLEX) {
		const struct gd_root_complex *rc = (const struct gd_root_complex *)src;
		locate(m, n, rc->dt_path, &rc->dt_path_loc,
		       rc->n_regs ? rc->regs[0].base
		                  : rc->ecam_base + ((uint64_t)rc->bus_start << 20),
		       NULL, "pci");
	} else if (src && src->kind == GD_NODE_SMMU) {
		const struct gd_smmu *s = (const struct gd_smmu *)src;
		locate(m, n, s->dt_path, &s->dt_path_loc, s->base, "#iommu-cells", NULL);
	} else if (src && src->kind == GD_NODE_NAMED_COMPONENT) {
		const struct gd_named_component *nc = (const struct gd_named_component *)src;
		locate(m, n, nc->dt_path, &nc->dt_path_loc, 0, NULL, NULL);
	}
	for (size_t i = 0; i < n->n_children; i++)
		locate_all(m, n->children[i]);
}

/* The base's phandle of node @off (-1: none), or the next one the base does not use. */
static uint32_t take_phandle(struct merge *m, int off, const struct gd_loc *loc)
{
	uint32_t ph = off >= 0 ? fdt_get_phandle(m->base->fdt, off) : 0;
	if (ph)
		return ph;
	if (m->next_phandle > FDT_MAX_PHANDLE) {
		merge_error(m, loc, "base-phandle", "DT: the base tree leaves no phandle free");
		return 0;
	}
	return m->next_phandle++;
}

/* The base ITS or GICv2m frame under the GIC at @gic whose reg is @base, or -1. */
static int base_its_at(const void *fdt, int gic, uint64_t base)
{
	int child;
	fdt_for_each_subnode(child, fdt, gic)
	{
		uint64_t a;
		if (is_its(fdt, child) && !gd_dt_base_reg0(fdt, child, &a) && a == base)
			return child;
	}
	return -1;
}

/*
 * The base's node that our ITS or GICv2m frame @n replaces (the GIC's ITS or
 * frame child at its address): its offset, -1 when the base has none there,
 * -2 when @n is no ITS or frame.
 */
static int base_msi_child(struct merge *m, const struct gd_dt_node *n)
{
	const void *fdt = m->base->fdt;
	int gic = fdt_path_offset(fdt, m->covers[0].path);
	if (n->source && n->source->kind == GD_NODE_ITS)
		return base_its_at(fdt, gic, ((const struct gd_its *)n->source)->base);
	if (n->source && n->source->kind == GD_NODE_MSI_FRAME)
		return base_its_at(fdt, gic, ((const struct gd_msi_frame *)n->source)->base);
	return -2;
}

/* The new phandle of our node @n, which a property of ours refers to. */
static uint32_t plan_phandle(struct merge *m, struct gd_dt_node *n)
{
	const void *fdt = m->base->fdt;
	for (size_t i = 0; i < m->n_covers; i++)
		if (m->covers[i].ours == n)
			return take_phandle(m, fdt_path_offset(fdt, m->covers[i].path), NULL);
	int off = base_msi_child(m, n);
	if (off != -2)
		return take_phandle(m, off, &n->source->loc);
	merge_error(m, NULL, NULL, "DT: gicdesc cannot refer to its node '%s' in a base tree",
	            n->name);
	return 0;
}

/*
 * Gives each referenced node of ours its phandle in the merged tree (and its
 * "phandle"); an ITS or frame nothing of ours refers to still takes the
 * phandle of the base node it replaces, which the base's own nodes (a PCIe
 * host the description does not cover) may refer to.
 */
static void plan_phandles(struct merge *m, struct gd_dt_node *n)
{
	if (n->base_keeps)
		return;
	int off = n->phandle ? -1 : base_msi_child(m, n);
	uint32_t kept = off >= 0 ? fdt_get_phandle(m->base->fdt, off) : 0;
	if (kept) {
		struct gd_dt_prop *ph = gd_dt_add_cells(m->t, n, "phandle", 0);
		ph->generated = true;
		gd_dt_push_u32(m->t, ph, kept);
		n->phandle = kept;
	}
	if (n->phandle) {
		n->phandle = plan_phandle(m, n);
		for (size_t i = 0; i < n->n_props; i++)
			if (n->props[i].generated)
				n->props[i].cells[0].value = n->phandle;
	}
	for (size_t i = 0; i < n->n_children; i++)
		plan_phandles(m, n->children[i]);
}

static const struct gd_dt_prop *find_prop(const struct gd_dt_node *n, const char *name)
{
	for (size_t i = 0; i < n->n_props; i++)
		if (!strcmp(n->props[i].name, name))
			return &n->props[i];
	return NULL;
}

/*
 * Writes our properties of @ours that @owned lists (every one when @owned is
 * NULL) and our "phandle" into node @off, and deletes the base's @owned ones
 * we do not have. libfdt puts a new property first, so ours go in backwards.
 */
static int put_props(void *fdt, int off, const struct gd_dt_node *ours, const char *const *owned,
                     struct gd_buf *scratch)
{
	for (size_t i = ours->n_props; i-- > 0;) {
		const struct gd_dt_prop *pr = &ours->props[i];
		if (owned && !pr->generated && !listed(owned, pr->name))
			continue;
		scratch->len = 0;
		gd_dt_prop_value(pr, scratch);
		gd_buf_append(scratch, "",
		              1); /* data is never NULL; the extra byte is not written */
		int err = fdt_setprop(fdt, off, pr->name, scratch->data, (int)scratch->len - 1);
		if (err)
			return err;
	}
	for (; owned && *owned; owned++) {
		int err = find_prop(ours, *owned) ? 0 : fdt_delprop(fdt, off, *owned);
		if (err && err != -FDT_ERR_NOTFOUND)
			return err;
	}
	return 0;
}

/* Gives the base's GIC at @gic the unit address of ours, keeping the base's node name. */
static int rename_gic(void *fdt, int gic, const struct gd_dt_node *ours)
{
	const char *name = fdt_get_name(fdt, gic, NULL);
	const char *at = name ? strchr(name, '@') : NULL, *ours_at = strchr(ours->name, '@');
	char renamed[256];
	if (!at || !ours_at || !strcmp(at, ours_at))
		return 0;
	snprintf(renamed, sizeof(renamed), "%.*s%s", (int)(at - name), name, ours_at);
	return fdt_set_name(fdt, gic, renamed);
}

/* The GIC: our properties, our ITSes in place of the base's ITS and GICv2m children. */
static int put_gic(struct merge *m, void *fdt, struct gd_buf *scratch)
{
	const struct gd_dt_node *ours = m->covers[0].ours;
	int gic = fdt_path_offset(fdt, m->covers[0].path), err = 0, child = 0;
	if (gic < 0)
		return gic;
	while (!err && child >= 0) {
		fdt_for_each_subnode(child, fdt, gic) if (is_its(fdt, child)) break;
		if (child >= 0)
			err = fdt_del_node(fdt, child);
	}
	if (!err)
		err = put_props(fdt, gic, ours, gic_props, scratch);
	if (!err)
		err = rename_gic(fdt, gic, ours);
	for (size_t i = ours->n_children; !err && i-- > 0;) {
		if (ours->children[i]->base_keeps)
			continue;
		int its = fdt_add_subnode(fdt, gic, ours->children[i]->name);
		err = its < 0 ? its : put_props(fdt, its, ours->children[i], NULL, scratch);
	}
	return err;
}

/* Puts everything into a copy of the base in @fdt of @size bytes; returns 0 or a libfdt error. */
static int put_all(struct merge *m, void *fdt, size_t size)
{
	struct gd_buf scratch = {0};
	int err = fdt_open_into(m->base->fdt, fdt, (int)size);
	for (size_t i = 1; !err && i < m->n_covers; i++) {
		int off = fdt_path_offset(fdt, m->covers[i].path);
		err = off < 0
		          ? off
		          : put_props(fdt, off, m->covers[i].ours, m->covers[i].owned, &scratch);
	}
	if (!err)
		err = put_gic(m, fdt, &scratch);
	gd_buf_free(&scratch);
	return err ? err : fdt_pack(fdt);
}

/* Properties whose cells name nodes by phandle: which cells (every @stride from @first; 0 = one).
 */
static const struct {
	const char *name;
	size_t first, stride;
} phandle_props[] = {
    {"interrupt-parent", 0, 0}, {"msi-parent", 0, 0}, {"iommus", 0, 0},
    {"msi-map", 1, 4},          {"iommu-map", 1, 4},
};

/* Every reference of those properties in the merged @fdt names a node; else an error. */
static void check_references(struct merge *m, const void *fdt)
{
	struct gd_loc loc = {.file = m->base->file};
	for (int off = fdt_next_node(fdt, -1, NULL); off >= 0; off = fdt_next_node(fdt, off, NULL))
		for (size_t k = 0; k < sizeof(phandle_props) / sizeof(phandle_props[0]); k++) {
			int len;
			const fdt32_t *v = fdt_getprop(fdt, off, phandle_props[k].name, &len);
			for (size_t i = phandle_props[k].first; v && i < (size_t)len / 4;
			     i += phandle_props[k].stride ? phandle_props[k].stride : (size_t)len) {
				uint32_t ph = fdt32_to_cpu(v[i]);
				if (fdt_node_offset_by_phandle(fdt, ph) >= 0)
					continue;
				char path[1024];
				fdt_get_path(fdt, off, path, sizeof(path));
				merge_error(
				    m, &loc, "base-phandle",
				    "DT: %s:%s refers to phandle 0x%x, which no node has once "
				    "the description is put in",
				    path, phandle_props[k].name, ph);
			}
		}
}

/* The base's CPUs stay; a description with another number of CPUs is worth a warning. */
static void check_cpus(struct merge *m)
{
	const void *fdt = m->base->fdt;
	int cpus = fdt_path_offset(fdt, "/cpus"), child;
	size_t n = 0;
	fdt_for_each_subnode(child, fdt, cpus)
	{
		int len;
		const char *t = fdt_getprop(fdt, child, "device_type", &len);
		n += t && len == 4 && !memcmp(t, "cpu", 4);
	}
	if (n != m->ctx->p->n_cpus)
		gd_diag_add(m->ctx->diags, GD_SEV_WARNING, "base-cpus", &m->ctx->p->gic_loc,
		            "DT: the description has %zu CPUs, the base tree %s has %zu; its /cpus "
		            "stays as it is",
		            m->ctx->p->n_cpus, m->base->file, n);
}

/* The dtc source of the merged @fdt: header, /memreserve/ entries, the tree. */
static int put_dts(struct merge *m, const void *fdt, struct gd_buf *out)
{
	struct gd_dt_tree t = {0};
	int err = gd_dt_from_fdt(&t, fdt);
	if (!err) {
		gd_buf_printf(out,
		              "/dts-v1/;\n\n/*\n * The tree of %s with the interrupt system of "
		              "platform \"%s\" put in\n * by gicdesc generate --base (see "
		              "gicdesc(1)).\n */\n\n",
		              m->base->file, m->ctx->p->name ? m->ctx->p->name : "");
		for (int i = 0; i < fdt_num_mem_rsv(fdt); i++) {
			uint64_t addr, size;
			if (!fdt_get_mem_rsv(fdt, i, &addr, &size))
				gd_buf_printf(out, "/memreserve/ 0x%llx 0x%llx;\n",
				              (unsigned long long)addr, (unsigned long long)size);
		}
		gd_dt_print(out, &t);
	}
	gd_dt_tree_free(&t);
	return err;
}

/* Finds the base's GIC and the nodes of ours; plans phandles. Returns m->status. */
static int prepare(struct merge *m)
{
	const void *fdt = m->base->fdt;
	struct gd_loc base_loc = {.file = m->base->file};
	int gic = gd_dt_base_find_gic(fdt);
	uint32_t max = 0;

	if (gic < 0) {
		merge_error(m, &base_loc, "base-node",
		            "DT: the base tree has %s GIC node (interrupt-controller, compatible "
		            "arm,gic-v3 or a GICv2's)",
		            gic == -2 ? "more than one" : "no");
		return -1;
	}
	add_cover(m, gic, m->t->gic, gic_props, &m->ctx->p->gic_loc);
	locate_all(m, m->t->root);
	if (m->status || fdt_find_max_phandle(fdt, &max))
		return -1;
	m->next_phandle = max + 1;
	plan_phandles(m, m->t->root);
	check_cpus(m);
	return m->status;
}

int gd_dt_base_merge(const struct gd_emit_ctx *ctx, struct gd_dt_tree *t, struct gd_buf *dtb,
                     struct gd_buf *dts)
{
	const struct gd_dt_base *base = ctx->base;
	struct merge m = {.ctx = ctx, .base = base, .t = t};
	struct gd_loc base_loc = {.file = base->file};
	int err = fdt_check_full(base->fdt, base->size);

	if (err) {
		merge_error(&m, &base_loc, NULL, "not a valid DTB: %s", fdt_strerror(err));
		return -1;
	}
	if (prepare(&m))
		return -1;
	/* Room for the base and ours; doubled while libfdt runs out of it. */
	void *fdt = NULL;
	err = -FDT_ERR_NOSPACE;
	for (size_t size = fdt_totalsize(base->fdt) + 0x10000u; size <= INT32_MAX; size *= 2) {
		free(fdt);
		fdt = calloc(1, size);
		err = fdt ? put_all(&m, fdt, size) : -FDT_ERR_NOSPACE;
		if (err != -FDT_ERR_NOSPACE)
			break;
	}
	if (err)
		merge_error(&m, &base_loc, NULL, "DT: putting the description in: libfdt: %s",
		            fdt_strerror(err));
	else
		check_references(&m, fdt);
	if (!m.status && dts && put_dts(&m, fdt, dts))
		merge_error(&m, &base_loc, NULL, "DT: the merged tree cannot be printed");
	if (!m.status && dtb)
		gd_buf_append(dtb, fdt, fdt_totalsize(fdt));
	free(fdt);
	return m.status;
}

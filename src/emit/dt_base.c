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

/*
 * The GIC or a GIC child of ours (ITS, GICv2m frame) as the base's buses
 * address it: its name with the unit address its bus gives it, and its reg
 * (@reg_len bytes) in its bus's cells and address space.
 */
struct placed {
	const struct gd_dt_node *ours;
	const char *name;
	uint8_t *reg;
	size_t reg_len;
};

struct merge {
	const struct gd_emit_ctx *ctx;
	const struct gd_dt_base *base;
	struct gd_dt_tree *t; /* ours, built once per run (emit/built.h) */
	struct cover *covers; /* covers[0] is the GIC */
	size_t n_covers, cap_covers;
	struct placed *placed; /* placed[0] is the GIC */
	size_t n_placed, cap_placed;
	/* The GIC's #address-cells, #size-cells and ranges stay the base's; else gic_cells. */
	bool keep_gic_cells;
	uint32_t gic_cells[2];
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

/* A child of the base's GIC that ours replace: an ITS, a GICv2m frame, a GICv5 IRS. */
static bool is_its(const void *fdt, int off)
{
	return !fdt_node_check_compatible(fdt, off, "arm,gic-v3-its") ||
	       !fdt_node_check_compatible(fdt, off, "arm,gic-v2m-frame") ||
	       !fdt_node_check_compatible(fdt, off, "arm,gic-v5-irs");
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

/* The GIC's address-space properties, the base's or ours as place_gic() decides. */
static const char *const gic_cells_props[] = {"#address-cells", "#size-cells", "ranges", NULL};

static const struct gd_dt_prop *find_prop(const struct gd_dt_node *n, const char *name)
{
	for (size_t i = 0; i < n->n_props; i++)
		if (!strcmp(n->props[i]->name, name))
			return n->props[i];
	return NULL;
}

/* Cells @i, @i + 1 of @pr as one number. */
static uint64_t prop_u64(const struct gd_dt_prop *pr, size_t i)
{
	return (uint64_t)pr->cells[i].value << 32 | pr->cells[i + 1].value;
}

/* Writes @v as @n (1 or 2) big-endian cells at @out. */
static void put_cells(uint8_t *out, uint64_t v, int n)
{
	for (int i = n; i-- > 0; v >>= 32)
		fdt32_st(out + 4 * i, (uint32_t)v);
}

/*
 * Places our GIC or GIC child @ours as a child of base node @bus, whose
 * #address-cells is @ac and #size-cells @sc: its reg (entries of two
 * address and two size cells, CPU addresses, dt_build.c) taken down into
 * @bus's address space (Devicetree Specification v0.4 §2.3.8) and spelt in
 * those cells, its unit address that of its first entry there.
 */
static void place(struct merge *m, const struct gd_dt_node *ours, int bus, int ac, int sc)
{
	const void *fdt = m->base->fdt;
	const struct gd_dt_prop *reg = find_prop(ours, "reg");
	const struct gd_loc *loc = ours->source ? &ours->source->loc : &m->ctx->p->gic_loc;
	const char *at = strchr(ours->name, '@');
	struct placed *pl = GD_ARRAY_PUSH(&m->t->arena, m->placed, m->n_placed, m->cap_placed);
	char path[1024], name[128];

	pl->ours = ours;
	pl->name = ours->name;
	if (!reg)
		return;
	if (fdt_get_path(fdt, bus, path, sizeof(path)))
		snprintf(path, sizeof(path), "(a path too long)");
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
		merge_error(m, loc, "base-node",
		            "DT: '%s' has #address-cells %d and #size-cells %d in the base tree; "
		            "the reg of %s needs 1 or 2 of each",
		            path, ac, sc, ours->name);
		return;
	}
	size_t n = reg->n_cells / 4, entry = 4 * (size_t)(ac + sc);
	pl->reg = gd_arena_alloc(&m->t->arena, n * entry);
	pl->reg_len = n * entry;
	for (size_t i = 0; i < n; i++) {
		uint64_t cpu = prop_u64(reg, 4 * i), size = prop_u64(reg, 4 * i + 2), addr;
		if (gd_dt_base_bus_addr(fdt, bus, cpu, &addr)) {
			merge_error(m, loc, "base-node",
			            "DT: no ranges of the base tree's buses down to '%s' holds "
			            "address 0x%llx of %s",
			            path, (unsigned long long)cpu, ours->name);
			return;
		}
		if ((ac == 1 && addr >> 32) || (sc == 1 && size >> 32)) {
			merge_error(
			    m, loc, "base-node",
			    "DT: reg 0x%llx, size 0x%llx of %s does not fit the one address "
			    "and size cell of '%s' in the base tree",
			    (unsigned long long)addr, (unsigned long long)size, ours->name, path);
			return;
		}
		put_cells(pl->reg + i * entry, addr, ac);
		put_cells(pl->reg + i * entry + 4 * (size_t)ac, size, sc);
		if (i == 0 && at) {
			snprintf(name, sizeof(name), "%.*s@%llx", (int)(at - ours->name),
			         ours->name, (unsigned long long)addr);
			pl->name = gd_arena_strdup(&m->t->arena, name);
		}
	}
}

/*
 * Places @ours (a child of our GIC, cells @ac and @sc of base bus @bus) and
 * its descendants (a GICv5 IRS's ITSes and their translate frames): each
 * of our bus nodes below the GIC gives 2-cell addresses and sizes and an
 * empty ranges (dt_build_gicv5.c), so theirs are spelt in that bus's
 * address space with 2 cells each.
 */
static void place_below(struct merge *m, const struct gd_dt_node *ours, int bus, int ac, int sc)
{
	place(m, ours, bus, ac, sc);
	for (size_t i = 0; i < ours->n_children; i++)
		place_below(m, ours->children[i], bus, 2, 2);
}

/*
 * Places our GIC, at base offset @gic, and its children: the GIC's reg in
 * its parent bus's cells. A GIC of ours without children keeps the base's
 * #address-cells, #size-cells and ranges, which interrupt-map entries of the
 * base depend on; so does one with children (ITSes, GICv2m frames) when the
 * base gives all three, and the children are spelt in them. Else the GIC
 * takes its parent's cells and an empty ranges, unless an interrupt-map of
 * the base spells the GIC's unit address in the cells it had.
 */
static void place_gic(struct merge *m, int gic)
{
	const void *fdt = m->base->fdt;
	const struct gd_dt_node *ours = m->t->gic;
	int parent = fdt_parent_offset(fdt, gic), len;
	int pac = gd_dt_base_cells(fdt, parent, false), psc = gd_dt_base_cells(fdt, parent, true);
	bool children = false;

	place(m, ours, parent, pac, psc);
	for (size_t i = 0; i < ours->n_children; i++)
		children |= !ours->children[i]->base_keeps;
	m->keep_gic_cells = !children || (fdt_getprop(fdt, gic, "#address-cells", NULL) &&
	                                  fdt_getprop(fdt, gic, "#size-cells", NULL) &&
	                                  fdt_getprop(fdt, gic, "ranges", NULL));
	int bus = m->keep_gic_cells ? gic : parent;
	int ac = gd_dt_base_cells(fdt, bus, false), sc = gd_dt_base_cells(fdt, bus, true);
	if (!m->keep_gic_cells) {
		const fdt32_t *had = fdt_getprop(fdt, gic, "#address-cells", &len);
		int user = gd_dt_base_interrupt_map_user(fdt, gic);
		uint32_t was = had && len == 4 ? fdt32_to_cpu(*had) : 0;
		char path[1024];
		if (user >= 0 && was != (uint32_t)ac &&
		    !fdt_get_path(fdt, user, path, sizeof(path)))
			merge_error(m, &m->ctx->p->gic_loc, "base-node",
			            "DT: the interrupt-map of %s spells the GIC's unit address in "
			            "%u cells (the GIC's #address-cells in the base tree, 0 when "
			            "absent); the description's ITSes and GICv2m frames need %d, "
			            "which would change how that map reads: give the base's GIC "
			            "#address-cells, #size-cells and ranges",
			            path, was, ac);
		m->gic_cells[0] = (uint32_t)ac;
		m->gic_cells[1] = (uint32_t)sc;
	}
	for (size_t i = 0; i < ours->n_children; i++)
		if (!ours->children[i]->base_keeps)
			place_below(m, ours->children[i], bus, ac, sc);
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

/* The cpu node of the base's /cpus whose reg is @mpidr, or -1. */
static int base_cpu(const void *fdt, uint64_t mpidr)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), child, len;
	fdt_for_each_subnode(child, fdt, cpus)
	{
		const fdt32_t *reg = fdt_getprop(fdt, child, "reg", &len);
		uint64_t v = 0;
		for (int i = 0; reg && i < len / 4 && i < 2; i++)
			v = v << 32 | fdt32_to_cpu(reg[i]);
		if (reg && (len == 4 || len == 8) && v == mpidr)
			return child;
	}
	return -1;
}

/*
 * Our cpu nodes (in /cpus, which the base keeps) that a property of ours
 * names (a GICv5 IRS's cpus) take the phandle of the base's cpu node of the
 * same MPIDR; an error when it has none.
 */
static void plan_cpu_phandles(struct merge *m, struct gd_dt_node *cpus)
{
	for (size_t i = 0; i < cpus->n_children; i++) {
		struct gd_dt_node *c = cpus->children[i];
		const struct gd_dt_prop *reg = find_prop(c, "reg");
		if (!c->phandle || !reg)
			continue;
		uint64_t mpidr = reg->n_cells == 2 ? prop_u64(reg, 0) : reg->cells[0].value;
		int off = base_cpu(m->base->fdt, mpidr);
		c->phandle = off >= 0 ? fdt_get_phandle(m->base->fdt, off) : 0;
		if (!c->phandle)
			merge_error(m, &m->ctx->p->gic_loc, "base-node",
			            "DT: the base tree %s has no cpu node of MPIDR 0x%llx with a "
			            "phandle, which the description's GIC names (arm,gic-v5.yaml "
			            "IRS cpus)",
			            m->base->file, (unsigned long long)mpidr);
	}
}

/*
 * Gives each referenced node of ours its phandle in the merged tree (and its
 * "phandle"); an ITS or frame nothing of ours refers to still takes the
 * phandle of the base node it replaces, which the base's own nodes (a PCIe
 * host the description does not cover) may refer to.
 */
static void plan_phandles(struct merge *m, struct gd_dt_node *n)
{
	if (n->base_keeps && n->parent == m->t->root && !strcmp(n->name, "cpus"))
		plan_cpu_phandles(m, n);
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
			if (n->props[i]->generated)
				n->props[i]->cells[0].value = n->phandle;
	}
	for (size_t i = 0; i < n->n_children; i++)
		plan_phandles(m, n->children[i]);
}

/* The placement of our node @ours (the GIC or a child of it), or NULL. */
static const struct placed *placed_of(const struct merge *m, const struct gd_dt_node *ours)
{
	for (size_t i = 0; i < m->n_placed; i++)
		if (m->placed[i].ours == ours)
			return &m->placed[i];
	return NULL;
}

/*
 * The value of our property @pr of @ours as the merge writes it, into
 * @scratch: a reg as placed, the GIC's #address-cells and #size-cells as
 * planned (place_gic()), else ours. Returns 1 when the base's own stays
 * instead (the GIC's cells that the base keeps), else 0.
 */
static int merged_value(const struct merge *m, const struct gd_dt_node *ours,
                        const struct gd_dt_prop *pr, struct gd_buf *scratch)
{
	const struct placed *pl = placed_of(m, ours);
	scratch->len = 0;
	if (ours == m->t->gic && listed(gic_cells_props, pr->name)) {
		if (m->keep_gic_cells)
			return 1;
		if (strcmp(pr->name, "ranges")) {
			uint8_t v[4];
			fdt32_st(v, m->gic_cells[!strcmp(pr->name, "#size-cells")]);
			gd_buf_append(scratch, v, sizeof(v));
			return 0;
		}
	}
	if (pl && pl->reg && !strcmp(pr->name, "reg"))
		gd_buf_append(scratch, pl->reg, pl->reg_len);
	else
		gd_dt_prop_value(pr, scratch);
	return 0;
}

/*
 * Writes our properties of @ours that @owned lists (every one when @owned is
 * NULL) and our "phandle" into node @off, as merged_value() gives them, and
 * deletes the base's @owned ones we do not have. libfdt puts a new property
 * first, so ours go in backwards.
 */
static int put_props(const struct merge *m, void *fdt, int off, const struct gd_dt_node *ours,
                     const char *const *owned, struct gd_buf *scratch)
{
	for (size_t i = ours->n_props; i-- > 0;) {
		const struct gd_dt_prop *pr = ours->props[i];
		if (owned && !pr->generated && !listed(owned, pr->name))
			continue;
		if (merged_value(m, ours, pr, scratch))
			continue;
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

/* Gives the base's GIC at @gic the unit address of ours (placed), keeping the base's node name. */
static int rename_gic(void *fdt, int gic, const char *ours)
{
	const char *name = fdt_get_name(fdt, gic, NULL);
	const char *at = name ? strchr(name, '@') : NULL, *ours_at = strchr(ours, '@');
	char renamed[256];
	if (!at || !ours_at || !strcmp(at, ours_at))
		return 0;
	snprintf(renamed, sizeof(renamed), "%.*s%s", (int)(at - name), name, ours_at);
	return fdt_set_name(fdt, gic, renamed);
}

/*
 * Adds our node @ours, as placed, with all its properties and its subtree
 * under base node @parent. libfdt puts a new node first, so children go in
 * backwards. Returns 0 or a libfdt error.
 */
static int add_subtree(const struct merge *m, void *fdt, int parent, const struct gd_dt_node *ours,
                       struct gd_buf *scratch)
{
	int off = fdt_add_subnode(fdt, parent, placed_of(m, ours)->name);
	int err = off < 0 ? off : put_props(m, fdt, off, ours, NULL, scratch);
	/* What goes into @off is written after its start: its offset stays. */
	for (size_t i = ours->n_children; !err && i-- > 0;)
		err = add_subtree(m, fdt, off, ours->children[i], scratch);
	return err;
}

/*
 * The GIC: our properties, our ITSes (GICv5: IRSes) in place of the base's
 * ITS, GICv2m (and IRS) children.
 */
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
		err = put_props(m, fdt, gic, ours, gic_props, scratch);
	if (!err)
		err = rename_gic(fdt, gic, placed_of(m, ours)->name);
	for (size_t i = ours->n_children; !err && i-- > 0;)
		if (!ours->children[i]->base_keeps)
			err = add_subtree(m, fdt, gic, ours->children[i], scratch);
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
		          : put_props(m, fdt, off, m->covers[i].ours, m->covers[i].owned, &scratch);
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

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/*
 * The phandles of every node of @fdt, sorted, in a malloc'ed array of *@n (NULL
 * when there is none): one walk, so that looking a reference up is O(log n),
 * not libfdt's fdt_node_offset_by_phandle() walk of the whole tree each time.
 */
static uint32_t *sorted_phandles(const void *fdt, size_t *n)
{
	size_t cap = 0;
	uint32_t *v = NULL;
	*n = 0;
	for (int off = fdt_next_node(fdt, -1, NULL); off >= 0;
	     off = fdt_next_node(fdt, off, NULL)) {
		uint32_t ph = fdt_get_phandle(fdt, off);
		if (!ph)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			uint32_t *w = realloc(v, cap * sizeof(*v));
			if (!w) {
				fprintf(stderr, "gicdesc: error: out of memory\n");
				exit(2);
			}
			v = w;
		}
		v[(*n)++] = ph;
	}
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_u32);
	return v;
}

/*
 * Every reference of those properties in the merged @fdt names a node; else an error,
 * the first dangling one of a property.
 */
static void check_references(struct merge *m, const void *fdt)
{
	struct gd_loc loc = {.file = m->base->file};
	size_t n_ph;
	uint32_t *phandles = sorted_phandles(fdt, &n_ph);
	for (int off = fdt_next_node(fdt, -1, NULL); off >= 0; off = fdt_next_node(fdt, off, NULL))
		for (size_t k = 0; k < sizeof(phandle_props) / sizeof(phandle_props[0]); k++) {
			int len;
			const fdt32_t *v = fdt_getprop(fdt, off, phandle_props[k].name, &len);
			for (size_t i = phandle_props[k].first; v && i < (size_t)len / 4;
			     i += phandle_props[k].stride ? phandle_props[k].stride : (size_t)len) {
				uint32_t ph = fdt32_to_cpu(v[i]);
				if (ph && ph != ~0u && n_ph &&
				    bsearch(&ph, phandles, n_ph, sizeof(ph), cmp_u32))
					continue;
				char path[1024];
				fdt_get_path(fdt, off, path, sizeof(path));
				merge_error(
				    m, &loc, "base-phandle",
				    "DT: %s:%s refers to phandle 0x%x, which no node has once "
				    "the description is put in",
				    path, phandle_props[k].name, ph);
				break; /* one error a property */
			}
		}
	free(phandles);
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
	if (fdt_node_check_compatible(fdt, gic, "arm,gic-v5") !=
	    (m->ctx->p->gic_version != GD_GIC_V5)) {
		merge_error(m, &m->ctx->p->gic_loc, "base-node",
		            "DT: the description's GIC is %sa GICv5 and the base tree's is %s: the "
		            "base's interrupt specifiers would not read as ours",
		            m->ctx->p->gic_version == GD_GIC_V5 ? "" : "not ",
		            m->ctx->p->gic_version == GD_GIC_V5 ? "not" : "one");
		return -1;
	}
	add_cover(m, gic, m->t->gic, gic_props, &m->ctx->p->gic_loc);
	place_gic(m, gic);
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

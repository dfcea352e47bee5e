/* SPDX-License-Identifier: MIT */
/*
 * yaml_nodes.c - nodes of the ID-mapping graph (IORT E.e §3): names, ID
 * mappings and their output references, SMMUv3, root complexes, named
 * components. The ITS list is in yaml_gic.c.
 */
#include <stdlib.h>
#include <string.h>

#include "load/yaml_platform.h"
#include "util/vec.h"

const char *gd_yaml_name(struct gd_yctx *c, const struct gd_ynode *v, const char *role)
{
	const char *s = gd_ystring(c, v);
	if (!s)
		return NULL;
	size_t len = strlen(s);
	if (len == 0 || len > 63 || s[0] == '.' || s[0] == '-' ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") != len) {
		gd_yerror(
		    c, v, "yaml-name",
		    "name '%.40s'%s: use 1 to 63 letters, digits, '_', '.' or '-', not starting "
		    "with '.' or '-'",
		    s, role);
		return NULL;
	}
	return s;
}

int gd_yaml_decode_node_name(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	struct gd_node *node = obj;
	const char *s = gd_yaml_name(c, v, "");

	(void)f;
	if (!s)
		return -1;
	struct gd_node *first = gd_platform_find_node(c->p, s);
	node->name = gd_arena_strdup(&c->p->arena, s);
	if (first) {
		gd_yerror(c, v, "yaml-duplicate-name",
		          "name '%s' is already used by the %s at line %u; names are unique "
		          "across the description",
		          s, gd_node_kind_name(first->kind), (unsigned)first->loc.line);
		return -1;
	}
	return 0;
}

int gd_yaml_store_name(struct gd_yctx *c, const struct gd_ynode *v, const char *role,
                       const char **dst)
{
	const char *s = gd_yaml_name(c, v, role);
	if (!s)
		return -1;
	*dst = gd_arena_strdup(&c->p->arena, s);
	return 0;
}

int gd_yaml_decode_located_string(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                  const struct gd_yfield *f)
{
	const char *s = gd_ystring(c, v);

	if (!s)
		return -1;
	*(const char **)((char *)obj + f->off) = gd_arena_strdup(&c->p->arena, s);
	*(struct gd_loc *)((char *)obj + f->flag_off) = gd_yloc(c, v);
	return 0;
}

#define DT_PATH_FIELD(type)                                                                        \
	{                                                                                          \
		"dt-path", GD_YF_CUSTOM, GD_YF_AT(type, dt_path),                                  \
		    .flag_off = offsetof(type, dt_path_loc),                                       \
		    .decode = gd_yaml_decode_located_string                                        \
	}

int gd_yaml_reference(struct gd_yctx *c, const struct gd_ynode *v, struct gd_id_map *m,
                      bool its_only, bool smmu_only)
{
	const char *s = gd_ystring(c, v);

	if (!s)
		return -1;
	m->output_name = gd_arena_strdup(&c->p->arena, s);
	struct gd_yref *r = gd_yaml_new_ref(c, m, gd_yloc(c, v));
	r->its_only = its_only;
	r->smmu_only = smmu_only;
	return 0;
}

static int decode_output(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                         const struct gd_yfield *f)
{
	(void)f;
	return gd_yaml_reference(c, v, obj, false, false);
}

static int decode_output_its(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	(void)f;
	return gd_yaml_reference(c, v, obj, true, false);
}

/*
 * An ID mapping (IORT E.e §3.2.2): count is the number of IDs, at most 2^32;
 * 0 loads, for the rule id-map-zero-count to report with its name.
 */
static const struct gd_yfield id_map_fields[] = {
    {"input-base", GD_YF_UINT, GD_YF_AT(struct gd_id_map, input_base)},
    {"count", GD_YF_UINT, GD_YF_AT(struct gd_id_map, count), .max = 1ull << 32},
    {"output-base", GD_YF_UINT, GD_YF_AT(struct gd_id_map, output_base), .required = true},
    {"single", GD_YF_BOOL, GD_YF_AT(struct gd_id_map, single)},
    {"output", GD_YF_CUSTOM, .decode = decode_output, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/* A single mapping has no input range; any other mapping must give one. */
static int check_id_map_range(struct gd_yctx *c, const struct gd_ynode *item, struct gd_id_map *m)
{
	static const char *const range_keys[] = {"input-base", "count"};
	int rc = 0;

	for (size_t k = 0; k < 2; k++) {
		const struct gd_ynode *kv = gd_ymap_get(item, range_keys[k]);
		if (m->single && kv) {
			gd_yerror(c, kv, "yaml-value",
			          "a single mapping maps the node's own ID: drop '%s'",
			          range_keys[k]);
			rc = -1;
		} else if (!m->single && !kv) {
			gd_yerror(c, item, "yaml-missing-key",
			          "ID mapping: missing required key '%s' (or single: true)",
			          range_keys[k]);
			rc = -1;
		}
	}
	if (m->single)
		m->count = 1;
	return rc;
}

int gd_yaml_decode_id_maps(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                           const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {id_map_fields, NULL};
	struct gd_node *node = obj;
	int rc = 0;

	(void)f;
	if (gd_yseq_check(c, v, "ID mappings"))
		return -1;
	if (node->n_maps) {
		gd_yerror(c, v, "yaml-value",
		          "msi-parent and id-map both say where the MSIs go: keep one");
		return -1;
	}
	/* Allocated once, so the references recorded into it stay valid. */
	node->maps = gd_arena_alloc(&c->p->arena, v->n_items * sizeof(*node->maps));
	node->n_maps = node->cap_maps = v->n_items;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_id_map *m = &node->maps[i];
		m->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "ID mapping", tables, m) ||
		    check_id_map_range(c, v->items[i], m))
			rc = -1;
	}
	return rc;
}

static struct gd_node *new_node(struct gd_yctx *c, enum gd_node_kind kind, size_t size)
{
	struct gd_node *n = gd_platform_add_node(c->p, kind, size);
	n->name = "";
	return n;
}

int gd_yaml_decode_node(struct gd_yctx *c, const struct gd_ynode *item, enum gd_node_kind kind,
                        size_t size, void (*init)(void *obj), const struct gd_yfield *const *tables)
{
	struct gd_node *n = new_node(c, kind, size);
	n->loc = gd_yloc(c, item);
	if (init)
		init(n);
	int rc = gd_ymap_decode(c, item, gd_node_kind_name(kind), tables, n);
	if (!n->name[0])
		c->unnamed++;
	return rc;
}

int gd_yaml_decode_nodes(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                         enum gd_node_kind kind, size_t size, void (*init)(void *obj),
                         const struct gd_yfield *const *tables)
{
	int rc = 0;

	if (gd_yseq_check(c, v, what))
		return -1;
	for (size_t i = 0; i < v->n_items; i++)
		if (gd_yaml_decode_node(c, v->items[i], kind, size, init, tables))
			rc = -1;
	return rc;
}

int gd_yaml_decode_list(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                        gd_yitem_fn *item)
{
	int rc = c->items_rc;

	c->items_rc = 0;
	if (gd_yseq_check(c, v, what))
		return -1;
	for (size_t i = 0; i < v->n_items; i++)
		if (item(c, v->items[i]))
			rc = -1;
	return rc;
}

/*
 * coherent: IORT memory access properties as QEMU writes them: CCA 1, flags
 * CPM|DACS; canwbs: memory access flag CANWBS (IORT E.f). Each sets its own
 * bits, in either order.
 */
static int decode_mem_access(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                             const struct gd_yfield *f)
{
	const struct gd_yfield as_bool = {.key = f->key, .type = GD_YF_BOOL};
	bool on = false;

	if (gd_yfield_decode(c, v, &as_bool, &on))
		return -1;
	struct gd_mem_access *mem = (struct gd_mem_access *)((char *)obj + f->off);
	uint8_t bits = strcmp(f->key, "canwbs") ? GD_MEM_CPM | GD_MEM_DACS : GD_MEM_CANWBS;
	mem->flags = (uint8_t)(on ? mem->flags | bits : mem->flags & ~bits);
	if (bits != GD_MEM_CANWBS)
		mem->cca = on;
	return 0;
}

/*
 * ---- SMMUs: SMMUv3 (IORT E.e §3.1.1.3; arm,smmu-v3.yaml) and SMMUv1/v2
 * (IORT E.e §3.1.1.2; arm,smmu.yaml: yaml_smmu.c) ----
 */

/*
 * Wired interrupts: SMMUv3 IORT "Event", "PRI", "GERR", "Sync" GSIVs (DT eventq,
 * priq, gerror, cmdq-sync); SMMUv1/v2 IORT SMMU_NSgIrpt and SMMU_NSgCfgIrpt, the
 * DT global interrupts, context and PMU interrupts.
 */
static const struct gd_yfield smmu_interrupt_fields[] = {
    {"event", GD_YF_INTID, GD_YF_AT(struct gd_smmu, event_intid)},
    {"pri", GD_YF_INTID, GD_YF_AT(struct gd_smmu, pri_intid)},
    {"gerror", GD_YF_INTID, GD_YF_AT(struct gd_smmu, gerr_intid)},
    {"sync", GD_YF_INTID, GD_YF_AT(struct gd_smmu, sync_intid)},
    {"nsg-irpt", GD_YF_INTID, GD_YF_AT(struct gd_smmu, nsg_irpt.intid),
     .flag_off = offsetof(struct gd_smmu, nsg_irpt.edge)},
    {"nsg-cfg-irpt", GD_YF_INTID, GD_YF_AT(struct gd_smmu, nsg_cfg_irpt.intid),
     .flag_off = offsetof(struct gd_smmu, nsg_cfg_irpt.edge)},
    {"global", GD_YF_CUSTOM, .decode = gd_yaml_decode_smmu_global},
    {"context", GD_YF_CUSTOM, .decode = gd_yaml_decode_smmu_context},
    {"pmu", GD_YF_CUSTOM, .decode = gd_yaml_decode_smmu_pmu},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_smmu_interrupts(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                  const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {smmu_interrupt_fields, NULL};
	(void)f;
	return gd_ymap_decode(c, v, "SMMU interrupts", tables, obj);
}

/* own-msi: the SMMU's own DeviceID, a single mapping to an ITS (IORT DeviceID mapping index). */
static const struct gd_yfield own_msi_fields[] = {
    {"output", GD_YF_CUSTOM, .decode = decode_output_its, .required = true},
    {"device-id", GD_YF_UINT, GD_YF_AT(struct gd_id_map, output_base), .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_own_msi(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                          const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {own_msi_fields, NULL};
	struct gd_smmu *s = obj;
	struct gd_id_map *m = gd_arena_alloc(&c->p->arena, sizeof(*m));

	(void)f;
	m->single = true;
	m->count = 1;
	m->loc = gd_yloc(c, v);
	s->own_msi = m;
	return gd_ymap_decode(c, v, "own-msi", tables, m);
}

static const struct gd_yfield smmu_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"model", GD_YF_CUSTOM, .decode = gd_yaml_decode_smmu_model, .required = true},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_smmu, base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_smmu, size)},
    {"coherent", GD_YF_BOOL, GD_YF_AT(struct gd_smmu, coherent)},
    {"httu-override", GD_YF_BOOL, GD_YF_AT(struct gd_smmu, httu_override)},
    {"vatos-base", GD_YF_BYTES, GD_YF_AT(struct gd_smmu, vatos_base)},
    {"interrupts", GD_YF_CUSTOM, .decode = decode_smmu_interrupts},
    {"proximity-domain", GD_YF_UINT, GD_YF_AT(struct gd_smmu, proximity_domain),
     .flag_off = offsetof(struct gd_smmu, has_proximity_domain)},
    {"own-msi", GD_YF_CUSTOM, .decode = decode_own_msi},
    {"id-map", GD_YF_CUSTOM, .decode = gd_yaml_decode_id_maps},
    DT_PATH_FIELD(struct gd_smmu),
    {"dvm", GD_YF_BOOL, GD_YF_AT(struct gd_smmu, dvm)},
    {"compatible", GD_YF_CUSTOM, .decode = gd_yaml_decode_smmu_compatible},
    {"iommu-cells", GD_YF_UINT, GD_YF_AT(struct gd_smmu, iommu_cells), .min = 1, .max = 2},
    {"stream-match-mask", GD_YF_UINT, GD_YF_AT(struct gd_smmu, stream_match_mask),
     .flag_off = offsetof(struct gd_smmu, has_stream_match_mask)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static void smmu_init(void *obj)
{
	struct gd_smmu *s = obj;
	s->size = 0x20000;
}

int gd_yaml_decode_iommu(struct gd_yctx *c, const struct gd_ynode *item)
{
	static const struct gd_yfield *const tables[] = {smmu_fields, NULL};
	size_t at = c->p->n_smmus;
	int status =
	    gd_yaml_decode_node(c, item, GD_NODE_SMMU, sizeof(struct gd_smmu), smmu_init, tables);
	if (at < c->p->n_smmus && gd_yaml_smmu_finish(c, item, c->p->smmus[at]))
		status = -1;
	return status;
}

int gd_yaml_decode_iommus(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                          const struct gd_yfield *f)
{
	(void)obj;
	(void)f;
	return gd_yaml_decode_list(c, v, "IOMMUs", gd_yaml_decode_iommu);
}

/* ---- PCI root complexes (IORT E.e §3.1.1.5; the host bridge: yaml_pci_host.c) ---- */

static const struct gd_yfield rc_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"segment", GD_YF_UINT, GD_YF_AT(struct gd_root_complex, segment), .required = true},
    {"ecam", GD_YF_CUSTOM, .decode = gd_yaml_decode_ecam},
    {"host", GD_YF_CUSTOM, .decode = gd_yaml_decode_pci_host},
    {"coherent", GD_YF_CUSTOM, GD_YF_AT(struct gd_root_complex, mem), .decode = decode_mem_access},
    {"canwbs", GD_YF_CUSTOM, GD_YF_AT(struct gd_root_complex, mem), .decode = decode_mem_access},
    {"ats", GD_YF_BOOL, GD_YF_AT(struct gd_root_complex, ats)},
    {"memory-address-limit", GD_YF_UINT, GD_YF_AT(struct gd_root_complex, memory_address_limit),
     .min = 1, .max = 64},
    {"windows", GD_YF_CUSTOM, .decode = gd_yaml_decode_pci_windows},
    {"dt-compatible", GD_YF_CUSTOM, .decode = gd_yaml_decode_rc_compatible},
    {"dt-msi-parent", GD_YF_BOOL, GD_YF_AT(struct gd_root_complex, dt_msi_parent)},
    {"id-map", GD_YF_CUSTOM, .decode = gd_yaml_decode_id_maps},
    DT_PATH_FIELD(struct gd_root_complex),
    /* Direct LPI and EventID budgets (yaml_direct_lpi.c; PCI MSI-X Table Size <= 2048) */
    {"msi-parent", GD_YF_CUSTOM, .decode = gd_yaml_decode_msi_parent},
    {"lpis", GD_YF_CUSTOM, .decode = gd_yaml_decode_lpis},
    {"msis", GD_YF_UINT, GD_YF_AT(struct gd_root_complex, msis), .min = 1, .max = 2048},
    {"ims-slots", GD_YF_UINT, GD_YF_AT(struct gd_root_complex, ims_slots)},
    {"isolation-domain", GD_YF_STRING, GD_YF_AT(struct gd_root_complex, isolation_domain)},
    {"dma-aliases", GD_YF_CUSTOM, .decode = gd_yaml_decode_dma_aliases},
    {"unpopulated-rids", GD_YF_CUSTOM, .decode = gd_yaml_decode_unpopulated_rids},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static void rc_init(void *obj)
{
	struct gd_root_complex *rc = obj;
	rc->memory_address_limit = 64;
	rc->ecam_unknown = true; /* until ecam: gives it */
}

int gd_yaml_decode_root_complex(struct gd_yctx *c, const struct gd_ynode *item)
{
	static const struct gd_yfield *const tables[] = {rc_fields, NULL};
	return gd_yaml_decode_node(c, item, GD_NODE_ROOT_COMPLEX, sizeof(struct gd_root_complex),
	                           rc_init, tables);
}

int gd_yaml_decode_root_complexes(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                  const struct gd_yfield *f)
{
	(void)obj;
	(void)f;
	if (gd_yaml_decode_list(c, v, "root complexes", gd_yaml_decode_root_complex))
		return -1;
	return gd_yaml_pci_hosts_finish(c);
}

/* ---- Named components (IORT E.e §3.1.1.4) ---- */

static const struct gd_yfield nc_fields[] = {
    {"name", GD_YF_CUSTOM, .decode = gd_yaml_decode_node_name, .required = true},
    {"acpi-path", GD_YF_STRING, GD_YF_AT(struct gd_named_component, acpi_path)},
    DT_PATH_FIELD(struct gd_named_component),
    {"coherent", GD_YF_CUSTOM, GD_YF_AT(struct gd_named_component, mem),
     .decode = decode_mem_access},
    {"canwbs", GD_YF_CUSTOM, GD_YF_AT(struct gd_named_component, mem), .decode = decode_mem_access},
    {"memory-address-limit", GD_YF_UINT, GD_YF_AT(struct gd_named_component, memory_address_limit),
     .min = 1, .max = 64},
    {"events", GD_YF_UINT, GD_YF_AT(struct gd_named_component, events)},
    {"id-map", GD_YF_CUSTOM, .decode = gd_yaml_decode_id_maps},
    /* Direct LPI and EventID budgets (yaml_direct_lpi.c) */
    {"msi-parent", GD_YF_CUSTOM, .decode = gd_yaml_decode_msi_parent},
    {"lpis", GD_YF_CUSTOM, .decode = gd_yaml_decode_lpis},
    {"ims-slots", GD_YF_UINT, GD_YF_AT(struct gd_named_component, ims_slots)},
    {"isolation-domain", GD_YF_STRING, GD_YF_AT(struct gd_named_component, isolation_domain)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static void nc_init(void *obj)
{
	struct gd_named_component *nc = obj;
	nc->memory_address_limit = 64;
}

int gd_yaml_decode_named_component(struct gd_yctx *c, const struct gd_ynode *item)
{
	static const struct gd_yfield *const tables[] = {nc_fields, NULL};
	return gd_yaml_decode_node(c, item, GD_NODE_NAMED_COMPONENT,
	                           sizeof(struct gd_named_component), nc_init, tables);
}

int gd_yaml_decode_named_components(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                    const struct gd_yfield *f)
{
	(void)obj;
	(void)f;
	return gd_yaml_decode_list(c, v, "named components", gd_yaml_decode_named_component);
}

/* ---- References ---- */

struct gd_yref *gd_yaml_new_ref(struct gd_yctx *c, struct gd_id_map *m, struct gd_loc loc)
{
	gd_vec_reserve((void **)&c->refs, &c->cap_refs, c->n_refs + 1, sizeof(*c->refs));
	struct gd_yref *r = &c->refs[c->n_refs++];
	*r = (struct gd_yref){.map = m, .loc = loc};
	return r;
}

/* A node of the platform and its place in the walk of gd_platform_node(). */
struct named {
	struct gd_node *node;
	size_t pos;
};

/* By name, then by place: the first of several nodes of one name (an error) wins, as it did. */
static int by_name(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcmp(x->node->name, y->node->name);
	return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* The first node named @name in @index (@n entries sorted by_name()), or NULL. */
static struct gd_node *find(const struct named *index, size_t n, const char *name)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(index[mid].node->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !strcmp(index[lo].node->name, name) ? index[lo].node : NULL;
}

void gd_yaml_resolve_references(struct gd_yctx *c)
{
	size_t n_nodes = 0;
	while (gd_platform_node(c->p, n_nodes))
		n_nodes++;
	struct named *index = NULL;
	size_t cap = 0;
	gd_vec_reserve((void **)&index, &cap, n_nodes + 1, sizeof(*index));
	for (size_t i = 0; i < n_nodes; i++)
		index[i] = (struct named){gd_platform_node(c->p, i), i};
	qsort(index, n_nodes, sizeof(*index), by_name);
	for (size_t i = 0; i < c->n_refs; i++) {
		struct gd_yref *r = &c->refs[i];
		struct gd_node *n = find(index, n_nodes, r->map->output_name);
		if (!n) {
			/* A node without a valid name may be the one meant: do not cascade. */
			if (!c->unnamed)
				gd_yerror_loc(c, &r->loc, "yaml-unknown-reference",
				              "unknown reference '%s': no node of the description "
				              "has this name",
				              r->map->output_name);
		} else if (r->smmu_only) {
			if (n->kind == GD_NODE_SMMU)
				r->map->output = n;
			else
				gd_yerror_loc(c, &r->loc, "yaml-reference-kind",
				              "'%s' is a %s; an RMR's StreamIDs are an IOMMU's",
				              r->map->output_name, gd_node_kind_name(n->kind));
		} else if (r->map->msi_parent) {
			gd_yaml_resolve_msi_parent(c, r, n);
		} else if (n->kind == GD_NODE_ITS || (!r->its_only && (n->kind == GD_NODE_SMMU ||
		                                                       gd_node_is_sink(n->kind)))) {
			/* A DeviceID mapping into Direct LPI loads: rule direct-lpi-device-id. */
			r->map->output = n;
		} else {
			gd_yerror_loc(c, &r->loc, "yaml-reference-kind", "'%s' is a %s; %s",
			              r->map->output_name, gd_node_kind_name(n->kind),
			              r->its_only
			                  ? "own MSIs go to an ITS"
			                  : "an ID mapping outputs to an MSI controller (ITS, "
			                    "GICv2m frame, MBI, Direct LPI) or an IOMMU");
		}
	}
	free(index);
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml_pci_host.c - the host bridge of a root complex: an ECAM host
 * (ecam: {base, bus-range}; pci-host-ecam-generic, MCFG) or a host with
 * named registers and no ECAM (host: {compatible, bus-range, reg}: DesignWare
 * pci/snps,dw-pcie.yaml and its vendor variants), its windows (DT ranges)
 * and its DT compatible list.
 */
#include "load/yaml_platform.h"

/* bus-range: [first, last] bus numbers of the host bridge, 0..255, first <= last. */
static int decode_bus_range(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                            const struct gd_yfield *f)
{
	struct gd_root_complex *rc = obj;
	uint64_t bus[2];

	(void)f;
	if (v->kind != GD_YSEQ || v->n_items != 2) {
		gd_yerror(c, v, "yaml-type", "bus-range: expected a list [first, last]");
		return -1;
	}
	for (size_t i = 0; i < 2; i++)
		if (gd_yuint(c, v->items[i], 8, false, &bus[i]))
			return -1;
	if (bus[0] > bus[1]) {
		gd_yerror(c, v, "yaml-value", "bus-range: first bus %llu is after last bus %llu",
		          (unsigned long long)bus[0], (unsigned long long)bus[1]);
		return -1;
	}
	rc->bus_start = (uint8_t)bus[0];
	rc->bus_end = (uint8_t)bus[1];
	return 0;
}

static const struct gd_yfield ecam_fields[] = {
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_root_complex, ecam_base), .required = true},
    {"bus-range", GD_YF_CUSTOM, .decode = decode_bus_range, .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_root_complex, ecam_size)},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

/*
 * `base` is the ECAM of the first bus of bus-range (what DT reg says); the
 * model keeps the base of bus 0 (what MCFG says): bus b at base + (b << 20).
 * `size` (DT only) is whole MiB, from the first bus, covering at least the
 * bus range and at most bus 255: a smaller ECAM makes Linux
 * pci_ecam_create() cut the bus range.
 */
int gd_yaml_decode_ecam(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                        const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {ecam_fields, NULL};
	struct gd_root_complex *rc = obj;
	(void)f;
	int rc_status = gd_ymap_decode(c, v, "ecam", tables, obj);
	uint64_t first = (uint64_t)rc->bus_start << 20;
	if (rc_status == 0 && rc->ecam_base < first) {
		gd_yerror(
		    c, v, "yaml-value",
		    "ECAM base 0x%llx is below the %llu MiB that buses 0..%u before the first "
		    "bus would take",
		    (unsigned long long)rc->ecam_base, (unsigned long long)(first >> 20),
		    (unsigned)rc->bus_start - 1);
		return -1;
	}
	uint64_t mib = rc->ecam_size >> 20;
	if (rc_status == 0 && rc->ecam_size &&
	    ((rc->ecam_size & 0xfffff) || mib < gd_rc_rid_count(rc) >> 8 ||
	     mib > 256u - rc->bus_start)) {
		gd_yerror(c, gd_ymap_get(v, "size"), "yaml-value",
		          "ECAM size 0x%llx: whole MiB (one per bus), buses %u..%u at least and "
		          "bus 255 at most",
		          (unsigned long long)rc->ecam_size, rc->bus_start, rc->bus_end);
		return -1;
	}
	rc->ecam_base -= first;
	rc->ecam_unknown = rc_status != 0;
	return rc_status;
}

static const struct gd_yenum window_types[] = {
    {"io", GD_PCI_IO},
    {"mem32", GD_PCI_MEM32},
    {"mem64", GD_PCI_MEM64},
    {NULL, 0},
};

/* A host bridge window: one DT "ranges" entry of the PCI host (PCI bus binding). */
static const struct gd_yfield window_fields[] = {
    {"type", GD_YF_ENUM, GD_YF_AT(struct gd_pci_window, space), .enums = window_types,
     .required = true},
    {"prefetchable", GD_YF_BOOL, GD_YF_AT(struct gd_pci_window, prefetchable)},
    {"pci-base", GD_YF_BYTES, GD_YF_AT(struct gd_pci_window, pci_base), .required = true},
    {"cpu-base", GD_YF_BYTES, GD_YF_AT(struct gd_pci_window, cpu_base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_pci_window, size), .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_pci_windows(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                               const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {window_fields, NULL};
	struct gd_root_complex *rc = obj;
	int status = 0;

	(void)f;
	if (gd_yseq_check(c, v, "windows"))
		return -1;
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_pci_window *w =
		    GD_ARRAY_PUSH(&c->p->arena, rc->windows, rc->n_windows, rc->cap_windows);
		w->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "window", tables, w))
			status = -1;
	}
	return status;
}

/* A named register region: one DT reg entry and its reg-names name. */
static const struct gd_yfield reg_fields[] = {
    {"name", GD_YF_STRING, GD_YF_AT(struct gd_reg_region, name), .required = true},
    {"base", GD_YF_BYTES, GD_YF_AT(struct gd_reg_region, base), .required = true},
    {"size", GD_YF_BYTES, GD_YF_AT(struct gd_reg_region, size), .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

static int decode_regs(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                       const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {reg_fields, NULL};
	struct gd_root_complex *rc = obj;
	int status = 0;

	(void)f;
	if (gd_yseq_check(c, v, "register regions"))
		return -1;
	if (!v->n_items) {
		gd_yerror(c, v, "yaml-value", "host: reg: a host bridge has at least one region");
		return -1;
	}
	for (size_t i = 0; i < v->n_items; i++) {
		struct gd_reg_region *r =
		    GD_ARRAY_PUSH(&c->p->arena, rc->regs, rc->n_regs, rc->cap_regs);
		r->loc = gd_yloc(c, v->items[i]);
		if (gd_ymap_decode(c, v->items[i], "register region", tables, r))
			status = -1;
	}
	return status;
}

int gd_yaml_decode_rc_compatible(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                                 const struct gd_yfield *f)
{
	struct gd_root_complex *rc = obj;
	(void)f;
	return gd_ystring_or_list(c, v, &rc->dt_compatible, &rc->n_dt_compatible,
	                          &rc->cap_dt_compatible);
}

static const struct gd_yfield host_fields[] = {
    {"compatible", GD_YF_CUSTOM, .decode = gd_yaml_decode_rc_compatible, .required = true},
    {"bus-range", GD_YF_CUSTOM, .decode = decode_bus_range, .required = true},
    {"reg", GD_YF_CUSTOM, .decode = decode_regs, .required = true},
    {NULL, 0, 0, 0, false, 0, 0, 0, NULL, NULL, NULL},
};

int gd_yaml_decode_pci_host(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                            const struct gd_yfield *f)
{
	static const struct gd_yfield *const tables[] = {host_fields, NULL};
	(void)f;
	return gd_ymap_decode(c, v, "host", tables, obj);
}

int gd_yaml_pci_hosts_finish(struct gd_yctx *c)
{
	int status = 0;
	for (size_t i = 0; i < c->p->n_rcs; i++) {
		struct gd_root_complex *rc = c->p->rcs[i];
		bool ecam = !rc->ecam_unknown, host = rc->n_regs > 0;
		if (ecam == host) {
			gd_yerror_loc(
			    c, &rc->node.loc, ecam ? "yaml-value" : "yaml-missing-key",
			    "root complex '%s': give %s 'ecam' (an ECAM host) or 'host' (a "
			    "host bridge with named registers)",
			    rc->node.name, ecam ? "either" : "one of");
			status = -1;
		}
	}
	return status;
}

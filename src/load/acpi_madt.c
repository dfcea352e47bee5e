/* SPDX-License-Identifier: MIT */
/*
 * The MADT ("APIC", ACPI 6.5 §5.2.12) into the GIC part of the model: GICD
 * (§5.2.12.15), GICC (§5.2.12.14), GIC MSI frame (§5.2.12.16), GICR
 * (§5.2.12.17), GIC ITS (§5.2.12.18), and a GICv5's (ACPI 6.7): IRS (type
 * 28), ITS config frame (29), ITS translate frame (30) and the GICC's IAFFID
 * and IRS ID. Other subtables (local APICs, ...) are skipped with a note.
 * Each subtable is read with the field table the writer uses.
 */
#include <stdio.h>

#include "acpi/read.h"
#include "load/acpi_load.h"

#define MADT_SUBTABLES_AT (GD_ACPI_HEADER_SIZE + 8u)

/* A GICv5 GICC's IAFFID and IRS ID, bound to its IRS once every IRS is read. */
struct gicc_pe {
	size_t cpu;
	uint16_t iaffid;
	uint32_t irs_id;
	struct gd_loc loc;
};

/* A translate frame and the Translator ID of its ITS, linked once every ITS is read. */
struct frame_link {
	struct gd_its *frame;
	uint32_t translator_id;
};

/* What the subtable walk keeps until its end. */
struct madt_walk {
	bool have_gicd;
	struct gicc_pe *pes;
	size_t n_pes, cap_pes;
	struct frame_link *frames;
	size_t n_frames, cap_frames;
};

/*
 * The GICC layout for a subtable of @len bytes, as Linux chooses by length
 * (arch/arm64/include/asm/acpi.h BAD_MADT_GICC_ENTRY: at least 76 bytes;
 * ACPI_MADT_GICC_SPE, ACPI_MADT_GICC_TRBE: fields only when the length has them).
 * From 88 bytes the ACPI 6.7 GICC with IAFFID and IRS ID (Linux
 * gic_acpi_parse_iaffid() reads them whatever the length).
 */
static const struct gd_acpi_layout *gicc_layout(unsigned len)
{
	if (len >= 88)
		return gd_madt_layouts(7)->gicc_v5;
	return gd_madt_layouts(len >= 82 ? 6 : len >= 80 ? 4 : 3)->gicc;
}

static void gicc(struct gd_acpi_load *c, struct madt_walk *w, unsigned len,
                 const struct gd_acpi_values *v, const struct gd_loc *loc)
{
	struct gd_platform *p = c->p;
	struct gd_cpu *cpu = GD_ARRAY_PUSH(&p->arena, p->cpus, p->n_cpus, p->cap_cpus);
	uint64_t flags = v->n[GD_V_FLAGS];
	cpu->uid = (uint32_t)v->n[GD_V_UID];
	cpu->cpu_interface_number = (uint32_t)v->n[GD_V_CPU_IF];
	cpu->enabled = flags & GD_GICC_ENABLED;
	cpu->pmu_edge = flags & GD_GICC_PERF_EDGE;
	cpu->vgic_maint_edge = flags & GD_GICC_VGIC_EDGE;
	cpu->online_capable = flags & GD_GICC_ONLINE_CAPABLE;
	cpu->parking_version = (uint32_t)v->n[GD_V_PARKING_VERSION];
	cpu->parked_address = v->n[GD_V_PARKED_ADDR];
	cpu->pmu_intid = (uint32_t)v->n[GD_V_PERF_GSIV];
	cpu->gicc_base = v->n[GD_V_BASE];
	cpu->gicv_base = v->n[GD_V_GICV_BASE];
	cpu->gich_base = v->n[GD_V_GICH_BASE];
	cpu->vgic_maint_intid = (uint32_t)v->n[GD_V_VGIC_GSIV];
	cpu->gicr_base = v->n[GD_V_GICR_BASE];
	cpu->mpidr = v->n[GD_V_MPIDR];
	if (cpu->mpidr & ~GD_MPIDR_AFFINITY)
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, loc,
		            "GICC MPIDR 0x%llx has bits set that ACPI 6.5 §5.2.12.14 says must be "
		            "zero (only Aff3 [39:32] and Aff2..Aff0 [23:0] may be set)",
		            (unsigned long long)cpu->mpidr);
	cpu->efficiency_class = (uint8_t)v->n[GD_V_EFFICIENCY];
	cpu->spe_intid = (uint16_t)v->n[GD_V_SPE_GSIV];
	cpu->trbe_intid = (uint16_t)v->n[GD_V_TRBE_GSIV];
	cpu->loc = *loc;
	if (len >= 88)
		*GD_ARRAY_PUSH(&p->arena, w->pes, w->n_pes, w->cap_pes) = (struct gicc_pe){
		    p->n_cpus - 1, (uint16_t)v->n[GD_V_IAFFID], (uint32_t)v->n[GD_V_IRS_ID], *loc};
}

/*
 * GICv5 IRS (type 28): a GICv5 (Linux's irq-gic-v5.c probes only an IRS of
 * GIC version 5, IRQCHIP_ACPI_DECLARE(..., ACPI_MADT_GIC_VERSION_V5)).
 */
static void irs(struct gd_acpi_load *c, const struct gd_acpi_values *v, const struct gd_loc *loc)
{
	struct gd_platform *p = c->p;
	if (v->n[GD_V_VERSION] != GD_MADT_GIC_VERSION_V5) {
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, loc,
		            "GICv5 IRS of GIC version %u: Linux probes an IRS of version 5 only",
		            (unsigned)v->n[GD_V_VERSION]);
		return;
	}
	if (!p->n_irses)
		p->gic_loc = *loc;
	p->gic_version = GD_GIC_V5;
	struct gd_irs *r = gd_arena_alloc(&p->arena, sizeof(*r));
	char name[32];
	snprintf(name, sizeof(name), "irs%u", (unsigned)v->n[GD_V_IRS_ID]);
	r->name = gd_arena_strdup(&p->arena, name);
	r->irs_id = (uint32_t)v->n[GD_V_IRS_ID];
	r->config_base = v->n[GD_V_BASE];
	r->setlpi_base = v->n[GD_V_SETLPI_BASE];
	r->non_coherent = v->n[GD_V_FLAGS] & GD_MADT_V5_NON_COHERENT;
	r->loc = *loc;
	*GD_ARRAY_PUSH(&p->arena, p->irses, p->n_irses, p->cap_irses) = r;
}

/* GICv5 ITS config frame (type 29). */
static void v5_its(struct gd_acpi_load *c, const struct gd_acpi_values *v, const struct gd_loc *loc)
{
	struct gd_platform *p = c->p;
	struct gd_v5_its *its = gd_arena_alloc(&p->arena, sizeof(*its));
	char name[32];
	snprintf(name, sizeof(name), "itscfg%u", (unsigned)v->n[GD_V_TRANSLATOR_ID]);
	its->name = gd_arena_strdup(&p->arena, name);
	its->translator_id = (uint32_t)v->n[GD_V_TRANSLATOR_ID];
	its->config_base = v->n[GD_V_BASE];
	its->non_coherent = v->n[GD_V_FLAGS] & GD_MADT_V5_NON_COHERENT;
	its->loc = *loc;
	*GD_ARRAY_PUSH(&p->arena, p->v5_its, p->n_v5_its, p->cap_v5_its) = its;
}

/* GICv5 ITS translate frame (type 30): an ITS node named by its Translate Frame ID. */
static void v5_frame(struct gd_acpi_load *c, struct madt_walk *w, const struct gd_acpi_values *v,
                     const struct gd_loc *loc, uint32_t off)
{
	struct gd_its *f =
	    gd_acpi_add_its(c, (uint32_t)v->n[GD_V_FRAME_ID], v->n[GD_V_BASE], loc, off);
	f->size = GD_V5_FRAME_SIZE;
	*GD_ARRAY_PUSH(&c->p->arena, w->frames, w->n_frames, w->cap_frames) =
	    (struct frame_link){f, (uint32_t)v->n[GD_V_TRANSLATOR_ID]};
}

/* The IRS of ID @id, or NULL. */
static struct gd_irs *irs_by_id(const struct gd_platform *p, uint32_t id)
{
	for (size_t i = 0; i < p->n_irses; i++)
		if (p->irses[i]->irs_id == id)
			return p->irses[i];
	return NULL;
}

/* The GICv5 ITS of Translator ID @id, or NULL. */
static struct gd_v5_its *v5_its_by_id(const struct gd_platform *p, uint32_t id)
{
	for (size_t i = 0; i < p->n_v5_its; i++)
		if (p->v5_its[i]->translator_id == id)
			return p->v5_its[i];
	return NULL;
}

/*
 * After the walk of a GICv5 MADT: each GICC's IAFFID joins the IRS its IRS ID
 * names (Linux gicv5_irs_acpi_init_affinity() walks the GICCs per IRS), each
 * translate frame its ITS by Translator ID (gic_acpi_parse_madt_its_translate()
 * registers only frames linked to an ITS). The MADT does not say which IRS an
 * ITS is connected to: the first IRS is taken.
 */
static void link_gicv5(struct gd_acpi_load *c, const struct madt_walk *w)
{
	struct gd_platform *p = c->p;
	for (size_t i = 0; i < w->n_pes; i++) {
		const struct gicc_pe *g = &w->pes[i];
		struct gd_irs *r = irs_by_id(p, g->irs_id);
		if (!r) {
			gd_diag_add(c->d, GD_SEV_WARNING, NULL, &g->loc,
			            "GICC IRS ID %u names no IRS structure: Linux gives the CPU no "
			            "IAFFID (gic_acpi_parse_iaffid()) and cannot bring it up",
			            (unsigned)g->irs_id);
			continue;
		}
		*GD_ARRAY_PUSH(&p->arena, r->pes, r->n_pes, r->cap_pes) =
		    (struct gd_irs_pe){g->cpu, g->iaffid, g->loc};
	}
	for (size_t i = 0; i < w->n_frames; i++) {
		struct gd_its *f = w->frames[i].frame;
		f->v5 = v5_its_by_id(p, w->frames[i].translator_id);
		if (!f->v5)
			gd_diag_add(
			    c->d, GD_SEV_ERROR, NULL, &f->node.loc,
			    "GICv5 ITS translate frame %u: Linked ITS ID %u names no GICv5 ITS "
			    "config frame structure (Linux registers no such frame)",
			    (unsigned)f->its_id, (unsigned)w->frames[i].translator_id);
	}
	for (size_t i = 0; i < p->n_v5_its; i++)
		p->v5_its[i]->irs = p->irses[0];
	if (p->n_v5_its)
		gd_acpi_assume(c, "every GICv5 ITS is connected to %s (the MADT does not say)",
		               p->irses[0]->name);
}

/* GICD "GIC version" (ACPI 6.5 table 5.39): 2, 3 or 4; 0 means not specified. */
static void gicd_version(struct gd_acpi_load *c, const struct gd_acpi_values *v,
                         const struct gd_loc *loc)
{
	struct gd_platform *p = c->p;
	enum gd_gic_version given = c->opts.gic_version;
	switch (v->n[GD_V_VERSION]) {
	case 0: /* told from the other structures once all are read (version_zero()) */
		p->gic_version = c->lent.gic_version;
		c->gicd_version_zero = true;
		return;
	case 2:
		p->gic_version = GD_GIC_V2;
		break;
	case 3:
		p->gic_version = GD_GIC_V3;
		break;
	case 4:
		p->gic_version = GD_GIC_V4;
		if (!given)
			gd_acpi_assume(c,
			               "GIC version 4.0: the MADT's 4 covers GICv4.0 and GICv4.1");
		break;
	default:
		gd_diag_add(
		    c->d, GD_SEV_ERROR, NULL, loc,
		    "GICD: GIC version %u; gicdesc describes GICv2, GICv3 and GICv4 (2, 3, 4)",
		    (unsigned)v->n[GD_V_VERSION]);
		return;
	}
	/* The MADT's word wins over a fact given; GICv4.1 is "4" in the MADT. */
	if (given && given != p->gic_version &&
	    !(given == GD_GIC_V4_1 && p->gic_version == GD_GIC_V4))
		gd_diag_add(c->d, GD_SEV_WARNING, NULL, loc,
		            "GICD: GIC version %s, not %s as given: the MADT's is used",
		            gd_gic_version_name(p->gic_version), gd_gic_version_name(given));
	else if (given)
		p->gic_version = given;
}

/* The GICD: its frame is the size the GIC version gives (the MADT states none). */
static void gicd(struct gd_acpi_load *c, const struct gd_acpi_values *v, const struct gd_loc *loc)
{
	struct gd_platform *p = c->p;
	p->dist.base = v->n[GD_V_BASE];
	p->dist.gic_id = (uint32_t)v->n[GD_V_GIC_ID];
	p->dist.system_vector_base = (uint32_t)v->n[GD_V_VECTOR_BASE];
	p->dist.loc = *loc;
	p->gic_loc = *loc;
	gicd_version(c, v, loc);
	p->dist.size = gd_dist_size(p->gic_version);
}

static void gicr(struct gd_acpi_load *c, const struct gd_acpi_values *v, const struct gd_loc *loc)
{
	struct gd_platform *p = c->p;
	struct gd_redist_region *r =
	    GD_ARRAY_PUSH(&p->arena, p->redists, p->n_redists, p->cap_redists);
	r->base = v->n[GD_V_BASE];
	r->length = v->n[GD_V_RANGE_LENGTH];
	r->loc = *loc;
}

/* Reads one subtable of @len bytes at @off (inside the table) of @type. */
static void subtable(struct gd_acpi_load *c, struct madt_walk *w, const struct gd_madt_layouts *L,
                     unsigned type, size_t off, unsigned len)
{
	const struct gd_acpi_layout *l;
	const struct gd_madt_layouts *v5 = gd_madt_layouts(7);
	struct gd_loc loc = gd_acpi_loc(&c->madt, off);
	switch (type) {
	case GD_MADT_IRS:
		l = v5->irs;
		break;
	case GD_MADT_V5_ITS:
		l = v5->v5_its;
		break;
	case GD_MADT_V5_FRAME:
		l = v5->v5_frame;
		break;
	case GD_MADT_GICC:
		l = gicc_layout(len);
		break;
	case GD_MADT_GICD:
		l = L->gicd;
		break;
	case GD_MADT_GICR:
		l = L->gicr;
		break;
	case GD_MADT_ITS:
		l = L->its;
		break;
	case GD_MADT_MSI_FRAME:
		l = L->msi_frame;
		break;
	default:
		gd_diag_add(
		    c->d, GD_SEV_NOTE, NULL, &loc,
		    "MADT subtable type 0x%02X skipped (not a GIC structure gicdesc models)", type);
		return;
	}
	struct gd_acpi_values v = {0};
	if (gd_acpi_read(l, c->madt.data + off, len, &v, &c->p->arena) != 0) {
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
		            "%s of length %u: it needs at least %u bytes", l->what, len,
		            (unsigned)l->size);
		return;
	}
	switch (type) {
	case GD_MADT_GICC:
		gicc(c, w, len, &v, &loc);
		break;
	case GD_MADT_GICD:
		if (w->have_gicd) {
			gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
			            "a second GICD: a system has one distributor");
			return;
		}
		w->have_gicd = true;
		gicd(c, &v, &loc);
		break;
	case GD_MADT_IRS:
		irs(c, &v, &loc);
		break;
	case GD_MADT_V5_ITS:
		v5_its(c, &v, &loc);
		break;
	case GD_MADT_V5_FRAME:
		v5_frame(c, w, &v, &loc, (uint32_t)off);
		break;
	case GD_MADT_GICR:
		gicr(c, &v, &loc);
		break;
	case GD_MADT_MSI_FRAME:
		gd_acpi_add_msi_frame(c, &v, &loc, (uint32_t)off);
		break;
	default:
		gd_acpi_add_its(c, (uint32_t)v.n[GD_V_ITS_ID], v.n[GD_V_BASE], &loc, (uint32_t)off);
	}
}

/*
 * A GICD version 0 ("not specified", ACPI 5.1) without a version given: as
 * Linux probes both drivers and only the GICv3 one finds redistributors
 * (irq-gic-v3.c gic_acpi_count_gicr(): GICR structures or GICC GICR bases),
 * the GIC is a GICv3 when the MADT gives redistributors, else a GICv2.
 */
static void version_zero(struct gd_acpi_load *c)
{
	struct gd_platform *p = c->p;
	bool gicr = p->n_redists > 0;
	for (size_t i = 0; i < p->n_cpus && !gicr; i++)
		gicr = p->cpus[i].gicr_base != 0;
	p->gic_version = gicr ? GD_GIC_V3 : GD_GIC_V2;
	p->dist.size = gd_dist_size(p->gic_version);
	gd_acpi_assume(c,
	               "GIC version %s: the MADT GICD says 0, \"not specified\", and %s "
	               "redistributors (Linux's GICv3 driver probes only with them)",
	               gd_gic_version_name(p->gic_version), gicr ? "gives" : "gives no");
}

int gd_acpi_load_madt(struct gd_acpi_load *c)
{
	const struct gd_acpi_file *f = &c->madt;
	size_t errors = c->d->errors;
	unsigned rev = f->revision < 3 ? 3 : f->revision > 7 ? 7 : f->revision;
	struct gd_loc loc = gd_acpi_loc(f, 8);
	if (rev != f->revision)
		gd_diag_add(c->d, GD_SEV_NOTE, NULL, &loc,
		            "MADT revision %u read as revision %u (gicdesc knows 3 to 7)",
		            f->revision, rev);
	const struct gd_madt_layouts *L = gd_madt_layouts(rev);
	c->p->acpi.madt_revision = (uint8_t)rev;
	if (f->len < MADT_SUBTABLES_AT) {
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
		            "MADT of %zu bytes ends inside its %u-byte header", f->len,
		            MADT_SUBTABLES_AT);
		return 1;
	}
	struct madt_walk w = {0};
	size_t off = MADT_SUBTABLES_AT;
	while (off < f->len) {
		loc = gd_acpi_loc(f, off);
		unsigned len = f->len - off >= 2 ? f->data[off + 1] : 0;
		if (len < 2 || len > f->len - off) {
			gd_diag_add(
			    c->d, GD_SEV_ERROR, NULL, &loc,
			    "MADT subtable of length %u in the last %zu bytes of the table: "
			    "the walk stops here",
			    len, f->len - off);
			break;
		}
		subtable(c, &w, L, f->data[off], off, len);
		off += len;
	}
	loc = gd_acpi_loc(f, 0);
	if (c->p->n_irses && w.have_gicd)
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
		            "the MADT has both a GICD and GICv5 IRS structures: a GIC is one or "
		            "the other");
	else if (c->p->n_irses)
		link_gicv5(c, &w);
	else if (!w.have_gicd)
		gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
		            "the MADT has no GICD structure (nor a GICv5 IRS)");
	else if (c->gicd_version_zero && !c->opts.gic_version)
		version_zero(c);
	return c->d->errors > errors ? 1 : 0;
}

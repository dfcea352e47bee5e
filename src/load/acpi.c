/* SPDX-License-Identifier: MIT */
/*
 * gd_load_acpi(): IORT and MADT files (and an MCFG) given together make one
 * platform. The MADT is read first, so that the IORT's ITS groups find its
 * ITSs, then the MCFG, so that the IORT's root complexes find their buses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/acpi_load.h"

/* Sorts table @b into the IORT or MADT slot by signature; returns 0 or 2. */
static int take(struct gd_acpi_load *c, const struct gd_acpi_blob *b)
{
	struct gd_acpi_file f = {0};
	int rc = gd_acpi_file_check(c, b, &f);
	if (rc != 0)
		return rc;
	const char *sig = f.header.s[GD_V_SIGNATURE];
	struct gd_acpi_file *slot = !strcmp(sig, "IORT")   ? &c->iort
	                            : !strcmp(sig, "APIC") ? &c->madt
	                            : !strcmp(sig, "MCFG") ? &c->mcfg
	                                                   : NULL;
	struct gd_loc loc = gd_acpi_loc(&f, 0);
	if (!slot || slot->data) {
		if (!slot)
			gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
			            "signature \"%s\": gicdesc reads IORT, APIC (MADT) and MCFG "
			            "tables",
			            sig);
		else
			gd_diag_add(c->d, GD_SEV_ERROR, NULL, &loc,
			            "a second %s table (the first is %s): one platform has one",
			            sig, slot->path);
		return 2;
	}
	*slot = f;
	return 0;
}

/* Copies @src (NUL-terminated) into the fixed field @dst of @size bytes. */
static void copy_field(char *dst, size_t size, const char *src)
{
	memset(dst, 0, size);
	strncpy(dst, src, size - 1);
}

/* Platform name, OEM fields and creator from the first table given (MADT, else IORT). */
static void identity(struct gd_acpi_load *c)
{
	struct gd_platform *p = c->p;
	const struct gd_acpi_file *f = c->madt.data ? &c->madt : &c->iort;
	const struct gd_acpi_values *h = &f->header;
	p->name = "acpi";
	p->file = f->path;
	p->origin = GD_ORIGIN_ACPI;
	copy_field(p->oem_id, sizeof(p->oem_id), h->s[GD_V_OEM_ID]);
	copy_field(p->oem_table_id, sizeof(p->oem_table_id), h->s[GD_V_OEM_TABLE_ID]);
	p->oem_revision = (uint32_t)h->n[GD_V_OEM_REVISION];
	copy_field(p->acpi.creator_id, sizeof(p->acpi.creator_id), h->s[GD_V_CREATOR_ID]);
	p->acpi.creator_revision = (uint32_t)h->n[GD_V_CREATOR_REVISION];
	p->acpi.iort_revision = 3;
	p->acpi.madt_revision = 4;
	if (c->madt.data && c->iort.data) {
		const struct gd_acpi_values *o = &c->iort.header;
		if (strcmp(o->s[GD_V_OEM_ID], h->s[GD_V_OEM_ID]) ||
		    strcmp(o->s[GD_V_OEM_TABLE_ID], h->s[GD_V_OEM_TABLE_ID]) ||
		    o->n[GD_V_OEM_REVISION] != h->n[GD_V_OEM_REVISION])
			gd_acpi_assume(c, "OEM ID, OEM table ID and OEM revision of the MADT; the "
			                  "IORT's differ");
	}
}

/* What no MADT or IORT says: given by the options, else the defaults every loader shares. */
static void defaults(struct gd_acpi_load *c)
{
	struct gd_platform *p = c->p;
	p->dist.spis = c->lent.spis;
	p->dist.intid_bits = c->lent.intid_bits;
	if (!c->opts.spis)
		gd_acpi_assume(c,
		               "%u SPIs (the architectural maximum): the MADT does not carry "
		               "GICD_TYPER",
		               (unsigned)p->dist.spis);
	if (!c->opts.intid_bits)
		gd_acpi_assume(c,
		               "%u INTID bits (the architectural maximum): the MADT does not "
		               "carry GICD_TYPER",
		               (unsigned)p->dist.intid_bits);
	if (!c->madt.data) {
		p->gic_version = c->lent.gic_version;
		gd_acpi_assume(c, "no distributor, redistributors or CPUs: no MADT given");
		if (!c->opts.gic_version)
			gd_acpi_assume(c, "GICv3: no MADT given");
	}
}

int gd_load_acpi_mem(const struct gd_acpi_blob *tables, size_t n,
                     const struct gd_load_options *opts, struct gd_platform *p, struct gd_diags *d)
{
	struct gd_acpi_load c = {.p = p, .d = d};
	if (opts)
		c.opts = *opts;
	c.lent = gd_load_options_complete(opts);
	int status = 0;
	for (size_t i = 0; i < n; i++)
		if (take(&c, &tables[i]) != 0)
			status = 2;
	if (status == 0 && !c.iort.data && !c.madt.data) {
		if (c.mcfg.data) {
			struct gd_loc loc = gd_acpi_loc(&c.mcfg, 0);
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
			            "an MCFG alone: it goes with the IORT (and MADT) it completes");
		}
		status = 2;
	}
	if (status == 0) {
		identity(&c);
		defaults(&c);
		if (c.madt.data)
			status = gd_acpi_load_madt(&c);
		if (c.mcfg.data && gd_acpi_load_mcfg(&c) != 0)
			status = 1;
		gd_acpi_index_its(&c);
		if (c.iort.data && gd_acpi_load_iort(&c) != 0)
			status = 1;
		gd_acpi_v2m_fallback(&c);
	}
	free(c.its_by_id);
	gd_namemap_free(&c.names);
	return status;
}

int gd_load_acpi_opts(char **paths, size_t n, const struct gd_load_options *opts,
                      struct gd_platform *p, struct gd_diags *d)
{
	struct gd_acpi_blob *tables = calloc(n ? n : 1, sizeof(*tables));
	uint8_t **data = calloc(n ? n : 1, sizeof(*data));
	if (!tables || !data) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	int status = 0;
	for (size_t i = 0; i < n; i++) {
		tables[i].name = paths[i];
		if (gd_acpi_file_read(paths[i], &data[i], &tables[i].size, d) != 0)
			status = 2;
		tables[i].data = data[i];
	}
	if (status == 0)
		status = gd_load_acpi_mem(tables, n, opts, p, d);
	for (size_t i = 0; i < n; i++)
		free(data[i]);
	free(data);
	free(tables);
	return status;
}

int gd_load_acpi(char **paths, size_t n, struct gd_platform *p, struct gd_diags *d)
{
	return gd_load_acpi_opts(paths, n, NULL, p, d);
}

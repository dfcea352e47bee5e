/* SPDX-License-Identifier: MIT */
/*
 * header.c - the C header of a platform's GIC (format h, NAME-gic.h) for
 * TF-A and U-Boot platform ports: the frames their GIC drivers map, as
 * #defines in the names TF-A's platform_def.h files use where those exist
 * (PLAT_ARM_GICD_BASE, PLAT_ARM_GICR_BASE, PLAT_ARM_GICC_BASE, ...; the
 * prefix is ctx->header_prefix, "PLAT_ARM_" by default). Plain integer
 * constants, no suffix, so that assembly files can include it too.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emit/emit.h"

/* Appends "#define PREFIXNAME VALUE" with a comment @what (may be NULL). */
__attribute__((format(printf, 4, 5))) static void define(struct gd_buf *out, const char *prefix,
                                                         const char *what, const char *fmt, ...)
{
	char name[96];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	gd_buf_printf(out, "#define %s%s", prefix, name);
	if (what)
		gd_buf_printf(out, " /* %s */", what);
	gd_buf_append(out, "\n", 1);
}

/* The guard: PREFIX, the platform name in upper case (non-alphanumerics '_'), _GIC_H. */
static void guard(const struct gd_platform *p, const char *prefix, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "%s%s_GIC_H", prefix, p->name);
	for (size_t i = 0; i < n && i < size; i++)
		buf[i] =
		    isalnum((unsigned char)buf[i]) ? (char)toupper((unsigned char)buf[i]) : '_';
}

/* The distributor, the CPU interface frames (GICv2), the redistributor regions. */
static void gic_frames(const struct gd_platform *p, const char *x, struct gd_buf *out)
{
	const struct gd_cpu *c0 = p->n_cpus ? &p->cpus[0] : NULL;
	define(out, x, "2, 3 or 4 (GICv4.1: 4)", "GIC_VERSION %d",
	       p->gic_version == GD_GIC_V2   ? 2
	       : p->gic_version == GD_GIC_V3 ? 3
	                                     : 4);
	define(out, x, NULL, "GICD_BASE 0x%llx", (unsigned long long)p->dist.base);
	define(out, x, "bytes", "GICD_SIZE 0x%llx",
	       (unsigned long long)(p->dist.size ? p->dist.size : gd_dist_size(p->gic_version)));
	define(out, x, "INTIDs 32 .. 32 + SPIs - 1 (GICD_TYPER.ITLinesNumber)", "GIC_SPIS %u",
	       (unsigned)p->dist.spis);
	define(out, x, "GICD_TYPER.IDbits + 1", "GIC_INTID_BITS %u", (unsigned)p->dist.intid_bits);
	if (c0 && c0->gicc_base)
		define(out, x, "CPU interface", "GICC_BASE 0x%llx",
		       (unsigned long long)c0->gicc_base);
	if (c0 && c0->gich_base)
		define(out, x, "virtual interface control", "GICH_BASE 0x%llx",
		       (unsigned long long)c0->gich_base);
	if (c0 && c0->gicv_base)
		define(out, x, "virtual CPU interface", "GICV_BASE 0x%llx",
		       (unsigned long long)c0->gicv_base);
	if (!p->n_redists)
		return;
	define(out, x, "bytes of one redistributor: RD_base, SGI_base (and VLPI frames)",
	       "GICR_FRAME_SIZE 0x%llx", (unsigned long long)gd_redist_frame_size(p->gic_version));
	define(out, x, NULL, "GICR_REGIONS %zu", p->n_redists);
	for (size_t i = 0; i < p->n_redists; i++) {
		const struct gd_redist_region *r = &p->redists[i];
		char idx[24] = "";
		if (i)
			snprintf(idx, sizeof(idx), "%zu", i);
		define(out, x, i ? NULL : "the first region (TF-A's GICR base)",
		       "GICR%s_BASE 0x%llx", idx, (unsigned long long)r->base);
		define(out, x, "bytes", "GICR%s_SIZE 0x%llx", idx, (unsigned long long)r->length);
		if (r->stride)
			define(out, x, "redistributor-stride, bytes", "GICR%s_STRIDE 0x%llx", idx,
			       (unsigned long long)r->stride);
	}
}

/*
 * ITS @its (or GICv5 translate frame) number @i as STEM%zu_BASE, _SIZE (when
 * @size, bytes, is not 0), _ID and _DEVICE_ID_BITS; @id_what and @bits_what
 * say where the ID and the width come from.
 */
static void its_defines(struct gd_buf *out, const char *x, const char *stem, size_t i,
                        const struct gd_its *its, uint64_t size, const char *id_what,
                        const char *bits_what)
{
	define(out, x, its->node.name, "%s%zu_BASE 0x%llx", stem, i, (unsigned long long)its->base);
	if (size)
		define(out, x, "bytes", "%s%zu_SIZE 0x%llx", stem, i, (unsigned long long)size);
	define(out, x, id_what, "%s%zu_ID %u", stem, i, (unsigned)its->its_id);
	define(out, x, bits_what, "%s%zu_DEVICE_ID_BITS %u", stem, i,
	       (unsigned)its->device_id_bits);
}

/*
 * A GICv5's frames (ACPI 6.7 MADT IRS, ITS config and translate frame
 * structures; IORT E.g IWB): IRS%s_BASE (config frame) and IRS%s_SETLPI_BASE,
 * ITS%zu_CONFIG_BASE, ITS_TF%zu_BASE of each translate frame, IWB%zu_BASE;
 * each frame GD_V5_FRAME_SIZE bytes. TF-A's GICv5 driver takes them from
 * platform_def.h in names of each platform's own (FVP: BASE_IRS_BASE,
 * BASE_IWB_BASE), so the names follow the GICv3 ones here.
 */
static void gicv5_frames(const struct gd_platform *p, const char *x, struct gd_buf *out)
{
	define(out, x, "GICv5", "GIC_VERSION 5");
	define(out, x, "bytes of every GICv5 register frame", "GICV5_FRAME_SIZE 0x%x",
	       GD_V5_FRAME_SIZE);
	for (size_t i = 0; i < p->n_irses; i++) {
		const struct gd_irs *irs = p->irses[i];
		char idx[24] = "";
		if (i)
			snprintf(idx, sizeof(idx), "%zu", i);
		define(out, x, irs->name, "IRS%s_BASE 0x%llx", idx,
		       (unsigned long long)irs->config_base);
		define(out, x, "MADT IRS ID", "IRS%s_ID %u", idx, (unsigned)irs->irs_id);
		if (irs->setlpi_base)
			define(out, x, NULL, "IRS%s_SETLPI_BASE 0x%llx", idx,
			       (unsigned long long)irs->setlpi_base);
	}
	for (size_t i = 0; i < p->n_v5_its; i++)
		define(out, x, p->v5_its[i]->name, "ITS%zu_CONFIG_BASE 0x%llx", i,
		       (unsigned long long)p->v5_its[i]->config_base);
	for (size_t i = 0; i < p->n_its; i++)
		its_defines(out, x, "ITS_TF", i, p->its[i], 0, "MADT Translate Frame ID",
		            "ITS_IDR1.DEVICEID_BITS + 1");
	for (size_t i = 0; i < p->n_iwbs; i++) {
		const struct gd_iwb *iwb = p->iwbs[i];
		define(out, x, iwb->node.name, "IWB%zu_BASE 0x%llx", i,
		       (unsigned long long)iwb->base);
		define(out, x, "IORT IWB index", "IWB%zu_ID %u", i, (unsigned)iwb->iwb_id);
		if (iwb->wires)
			define(out, x, NULL, "IWB%zu_WIRES %u", i, (unsigned)iwb->wires);
	}
}

/* The ITSes, GICv2m frames and MBI ranges. */
static void msi_frames(const struct gd_platform *p, const char *x, struct gd_buf *out)
{
	for (size_t i = 0; i < p->n_its; i++)
		its_defines(out, x, "GITS", i, p->its[i],
		            p->its[i]->size ? p->its[i]->size : gd_its_frame_size(p->gic_version),
		            "MADT GIC ITS ID", "GITS_TYPER.Devbits + 1");
	for (size_t i = 0; i < p->n_msi_frames; i++) {
		const struct gd_msi_frame *f = p->msi_frames[i];
		define(out, x, f->node.name, "GICV2M%zu_BASE 0x%llx", i,
		       (unsigned long long)f->base);
		if (f->spi_count) {
			define(out, x, "first INTID", "GICV2M%zu_SPI_BASE %u", i,
			       (unsigned)f->spi_base);
			define(out, x, NULL, "GICV2M%zu_SPI_COUNT %u", i, (unsigned)f->spi_count);
		}
	}
	for (size_t m = 0; m < p->n_mbis; m++)
		for (size_t i = 0; i < p->mbis[m]->n_ranges; i++) {
			const struct gd_intid_range *r = &p->mbis[m]->ranges[i];
			define(out, x, "first INTID of an MBI range", "MBI%zu_SPI_BASE %u", i,
			       (unsigned)r->base);
			define(out, x, NULL, "MBI%zu_SPI_COUNT %u", i, (unsigned)r->count);
		}
}

/* The last component of @path (the description's file name: the same on every machine). */
static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? slash + 1 : path ? path : "its description";
}

int gd_emit_header(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	const struct gd_platform *p = ctx->p;
	const char *x = ctx->header_prefix ? ctx->header_prefix : "PLAT_ARM_";
	char g[160];
	guard(p, x, g, sizeof(g));
	gd_buf_printf(out,
	              "/* The GIC of %s, written by gicdesc from %s: do not edit. */\n"
	              "#ifndef %s\n#define %s\n\n",
	              p->name, base_name(p->file), g, g);
	if (p->gic_version == GD_GIC_V5) {
		gicv5_frames(p, x, out);
	} else {
		gic_frames(p, x, out);
		msi_frames(p, x, out);
	}
	gd_buf_printf(out, "\n#endif /* %s */\n", g);
	return 0;
}

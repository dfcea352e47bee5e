/* SPDX-License-Identifier: MIT */
/* DTB front end: reads and validates the blob, then runs the parts (see dtb.h). */
#include "load/dtb.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest DTB accepted, in bytes. */
#define DTB_MAX_SIZE (64u << 20)

/*
 * Reads the whole file into *@out (malloc'ed), at most DTB_MAX_SIZE + 1
 * bytes (one more tells gd_dtb_check() a file that is too large); its size
 * in *@size. 0 or -1 (error added).
 */
static int read_file(const char *path, struct gd_diags *d, void **out, size_t *size)
{
	struct gd_loc loc = {.file = path};
	FILE *f = fopen(path, "rb");
	if (!f) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "cannot open: %s", strerror(errno));
		return -1;
	}
	size_t cap = 64 << 10, n = 0;
	char *buf = NULL;
	for (;;) {
		char *bigger = realloc(buf, cap);
		if (!bigger) {
			fclose(f);
			free(buf);
			gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "out of memory");
			return -1;
		}
		buf = bigger;
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || cap > DTB_MAX_SIZE)
			break;
		cap = cap * 2 > DTB_MAX_SIZE ? (size_t)DTB_MAX_SIZE + 1 : cap * 2;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "read error");
		free(buf);
		return -1;
	}
	*out = buf;
	*size = n;
	return 0;
}

/* The platform's name (file stem), model and root compatible list. */
static void load_root(struct dtb_ctx *c)
{
	struct gd_platform *p = c->p;
	const char *base = strrchr(c->file, '/');
	base = base ? base + 1 : c->file;
	size_t len = strlen(base);
	if (len > 4 && !strcmp(base + len - 4, ".dtb"))
		len -= 4;
	p->name = gd_arena_strndup(&p->arena, base, len);
	p->dt.model = dtb_string(c, 0, "model");
	dtb_strings(c, 0, "compatible", &p->dt.compatible, &p->dt.n_compatible,
	            &p->dt.cap_compatible);
}

/* Adds "not a valid DTB: ..." at byte @off of the header of @name; returns -1. */
static int bad_header(struct gd_diags *d, const char *name, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int bad_header(struct gd_diags *d, const char *name, size_t off, const char *fmt, ...)
{
	struct gd_loc loc = {.file = name, .has_offset = 1, .offset = (uint32_t)off};
	char msg[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "not a valid DTB: %s", msg);
	return -1;
}

/*
 * Checks the header of the @size-byte blob @blob (DTSpec v0.4 §5.2) before
 * libfdt reads it, for what Debian 12's libfdt 1.6.1 does not check or does
 * not survive: its fdt_check_full() dereferences the NULL that
 * fdt_get_name() returns for the root node of a blob of version < 16 (whose
 * node names are paths; fixed upstream after 1.6.1, dtc commit fda71da),
 * and it checks neither the alignment of the blocks (upstream 8d15a63) nor
 * that the reservation map's terminating entry fits. So: the magic, version
 * 16 or later with a last compatible version of at most 17, a total size
 * within @size, and each block after the header and within the total size:
 * the memory reservation map 8-byte aligned with room for its terminating
 * entry, the structure block 4-byte aligned (its size is checked from
 * version 17, which has the field), the strings block. Returns 0, or -1
 * after an error located at the offending header field's byte offset.
 */
static int check_header(const char *name, const void *blob, size_t size, struct gd_diags *d)
{
	const size_t hdr = sizeof(struct fdt_header);
	if (size < hdr) {
		struct gd_loc loc = {.file = name};
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc,
		            "not a valid DTB: %zu bytes, shorter than the %zu-byte header", size,
		            hdr);
		return -1;
	}
	/* libfdt's header accessors read byte by byte: any alignment. */
	uint32_t total = fdt_totalsize(blob), version = fdt_version(blob);
	uint32_t rsv = fdt_off_mem_rsvmap(blob), st = fdt_off_dt_struct(blob);
	uint32_t str = fdt_off_dt_strings(blob);
	uint64_t st_end = (uint64_t)st + (version >= 17 ? fdt_size_dt_struct(blob) : 0);
	uint64_t str_end = (uint64_t)str + fdt_size_dt_strings(blob);
#define AT(field) offsetof(struct fdt_header, field)
	if (fdt_magic(blob) != FDT_MAGIC)
		return bad_header(d, name, AT(magic), "magic 0x%08x, not 0xd00dfeed",
		                  fdt_magic(blob));
	if (version < 16)
		return bad_header(d, name, AT(version),
		                  "version %u: gicdesc reads versions 16 and later", version);
	if (fdt_last_comp_version(blob) > 17)
		return bad_header(d, name, AT(last_comp_version),
		                  "last compatible version %u: gicdesc reads up to version 17",
		                  fdt_last_comp_version(blob));
	if (total < hdr || total > size)
		return bad_header(d, name, AT(totalsize),
		                  "total size %u, but %zu bytes given (and the header is %zu)",
		                  total, size, hdr);
	if (rsv % 8 || rsv < hdr || (uint64_t)rsv + sizeof(struct fdt_reserve_entry) > total)
		return bad_header(d, name, AT(off_mem_rsvmap),
		                  "memory reservation map at 0x%x: not 8-byte aligned between the "
		                  "header and the total size 0x%x",
		                  rsv, total);
	if (st % 4 || st < hdr || st_end > total)
		return bad_header(d, name, AT(off_dt_struct),
		                  "structure block 0x%x..0x%llx: not 4-byte aligned between the "
		                  "header and the total size 0x%x",
		                  st, (unsigned long long)st_end, total);
	if (str < hdr || str_end > total)
		return bad_header(
		    d, name, AT(off_dt_strings),
		    "strings block 0x%x..0x%llx: not between the header and the total "
		    "size 0x%x",
		    str, (unsigned long long)str_end, total);
#undef AT
	return 0;
}

/* @x rounded up to the 4-byte alignment of structure block tags (libfdt's private FDT_TAGALIGN). */
#define TAG_ALIGN(x) (((x) + FDT_TAGSIZE - 1) & ~(uint64_t)(FDT_TAGSIZE - 1))

/* The string at @off of the strings block (check_header() placed it), or "" when none ends there.
 */
static const char *string_at(const void *blob, uint32_t off)
{
	const char *strs = (const char *)blob + fdt_off_dt_strings(blob);
	uint32_t size = fdt_size_dt_strings(blob);
	return off < size && memchr(strs + off, '\0', size - off) ? strs + off : "";
}

/*
 * Walks the structure block's tags before libfdt does, for what
 * fdt_check_full() does not survive (libfdt 1.6.1 and upstream): a property
 * length of 2^31 or more, which fdt_next_tag() adds to an int offset as a
 * step back, so that its walk goes on through the property's own bytes
 * (with fdt_getprop() giving a negative length) or never ends. Every
 * property's value must lie inside the structure block. The walk stops at
 * FDT_END or at anything it does not know, which fdt_check_full() then
 * judges. Returns 0, or -1 after an error at the offending length's byte
 * offset.
 */
static int check_prop_lengths(const char *name, const void *blob, struct gd_diags *d)
{
	/* The structure block's size: a field from version 17, else up to the total size. */
	const uint8_t *st = (const uint8_t *)blob + fdt_off_dt_struct(blob);
	uint64_t end = fdt_version(blob) >= 17 ? fdt_size_dt_struct(blob)
	                                       : fdt_totalsize(blob) - fdt_off_dt_struct(blob);
	uint64_t at = 0;
	while (at + FDT_TAGSIZE <= end) {
		uint32_t tag = fdt32_ld((const fdt32_t *)(st + at));
		if (tag == FDT_BEGIN_NODE) {
			const uint8_t *nul =
			    memchr(st + at + FDT_TAGSIZE, '\0', end - at - FDT_TAGSIZE);
			if (!nul)
				return 0;
			at = TAG_ALIGN((uint64_t)(nul - st) + 1);
		} else if (tag == FDT_END_NODE || tag == FDT_NOP) {
			at += FDT_TAGSIZE;
		} else if (tag == FDT_PROP) {
			if (at + sizeof(struct fdt_property) > end)
				return 0;
			uint32_t len = fdt32_ld((const fdt32_t *)(st + at + FDT_TAGSIZE));
			uint32_t nameoff = fdt32_ld((const fdt32_t *)(st + at + 2 * FDT_TAGSIZE));
			if ((uint64_t)len > end - at - sizeof(struct fdt_property))
				return bad_header(
				    d, name, fdt_off_dt_struct(blob) + (size_t)at + 4,
				    "property '%s' of length 0x%x runs past the structure "
				    "block",
				    string_at(blob, nameoff), len);
			at = TAG_ALIGN(at + sizeof(struct fdt_property) + len);
		} else {
			return 0; /* FDT_END, or what fdt_check_full() reports */
		}
	}
	return 0;
}

int gd_dtb_check(const char *name, const void *blob, size_t size, struct gd_diags *d)
{
	struct gd_loc loc = {.file = name};
	if (size > DTB_MAX_SIZE) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "larger than %u bytes", DTB_MAX_SIZE);
		return 2;
	}
	if (check_header(name, blob, size, d) || check_prop_lengths(name, blob, d))
		return 2;
	int r = fdt_check_full(blob, size);
	if (r) {
		gd_diag_add(d, GD_SEV_ERROR, NULL, &loc, "not a valid DTB: %s", fdt_strerror(r));
		return 2;
	}
	return 0;
}

int gd_dtb_read(const char *path, const char *name, struct gd_diags *d, void **blob, size_t *size)
{
	if (read_file(path, d, blob, size))
		return 2;
	if (gd_dtb_check(name, *blob, *size, d)) {
		free(*blob);
		*blob = NULL;
		return 2;
	}
	return 0;
}

/*
 * gd_load_dtb_mem(), with locations holding byte offsets in the blob when
 * @byte_offsets (the blob is the file @name, not one compiled from it).
 */
static int load_mem(const char *name, bool byte_offsets, const void *blob, size_t size,
                    const struct gd_load_options *opt, struct gd_platform *p, struct gd_diags *d)
{
	size_t errors = d->errors;
	if (gd_dtb_check(name, blob, size, d))
		return 2;
	struct dtb_ctx c = {.fdt = blob,
	                    .byte_offsets = byte_offsets,
	                    .p = p,
	                    .d = d,
	                    .given = opt,
	                    .gic = -1,
	                    .dlpi = -1};
	c.file = p->file = gd_arena_strdup(&p->arena, name);
	p->origin = GD_ORIGIN_DTB;
	c.opt = gd_load_options_complete(opt);
	int status = 2;
	if (fdt_path_offset(blob, "/") == 0 && !dtb_tree_build(&c)) {
		load_root(&c);
		dtb_load_cpus(&c);
		dtb_load_gic(&c);
		if (c.gic >= 0) {
			dtb_load_its(&c);
			dtb_load_iwbs(&c);
			dtb_load_direct_lpi(&c);
			dtb_load_spi_msi(&c);
			dtb_load_pmu(&c);
			dtb_load_smmus(&c);
			dtb_load_pmcgs(&c);
			dtb_load_pci(&c);
			dtb_load_wired(&c);
			dtb_load_named_components(&c);
		}
		status = d->errors > errors;
	}
	gd_arena_free(&c.scratch);
	return status;
}

int gd_load_dtb(const char *path, const struct gd_load_options *opt, struct gd_platform *p,
                struct gd_diags *d)
{
	void *blob;
	size_t size;
	if (read_file(path, d, &blob, &size))
		return 2;
	int status = load_mem(path, true, blob, size, opt, p, d);
	free(blob);
	return status;
}

int gd_load_dtb_compiled(const char *name, const void *blob, size_t size,
                         const struct gd_load_options *opt, struct gd_platform *p,
                         struct gd_diags *d)
{
	return load_mem(name, false, blob, size, opt, p, d);
}

int gd_load_dtb_mem(const char *name, const void *blob, size_t size,
                    const struct gd_load_options *opt, struct gd_platform *p, struct gd_diags *d)
{
	return load_mem(name, true, blob, size, opt, p, d);
}

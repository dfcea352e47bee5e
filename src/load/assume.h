/* SPDX-License-Identifier: MIT */
/* assume.h - recording what a front end assumed (src/load only). */
#ifndef GD_LOAD_ASSUME_H
#define GD_LOAD_ASSUME_H

#include <stdarg.h>

#include "model/platform.h"

/*
 * Records a fact the input did not state in p->assumed (printf format,
 * at most 511 characters), once: a text already there is not added again.
 */
void gd_load_vassume(struct gd_platform *p, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* What a front end knows of ITS widths: facts given per ITS and for all, and its defaults. */
struct gd_its_width_facts {
	const struct gd_its_fact *its; /* per ITS (load.h), @n_its of them */
	size_t n_its;
	uint32_t device_id_bits, event_id_bits;         /* given for every ITS, 0 = not */
	uint32_t def_device_id_bits, def_event_id_bits; /* the front end's defaults */
	const char *why; /* why they are assumed: "a DTB does not state them" */
};

/*
 * Sets the DeviceID and EventID widths of @its (whose ID and base are set;
 * @dt_path is its DT node path, NULL for ACPI): given for it, given for
 * every ITS, or the default, recorded as assumed. The assumption names
 * the ITS when some ITS has facts of its own, else says "ITS" (once).
 */
void gd_load_its_widths(struct gd_platform *p, struct gd_its *its, const char *dt_path,
                        const struct gd_its_width_facts *f);

#endif

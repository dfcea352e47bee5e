/* SPDX-License-Identifier: MIT */
#include "emit/emit.h"

#include <stdio.h>
#include <string.h>

const struct gd_format gd_formats[] = {
    {"dts", "dt", true, ".dts", "standalone DTS of the interrupt system", gd_emit_dts, true, true},
    {"dtsi", "dt", true, "-gic.dtsi", "labelled DTS fragment for #include from a board DTS",
     gd_emit_dtsi, true, true},
    {"dtb", "dt", true, ".dtb", "flattened device tree blob (libfdt)", gd_emit_dtb, true, false},
    {"iort", "iort", false, "iort.aml", "IORT binary table", gd_emit_iort, true, false},
    {"iort-dsl", "iort", false, "iort.dsl", "IORT as iasl data-table source", gd_emit_iort_dsl,
     true, true},
    {"madt", "madt", false, "madt.aml", "MADT (APIC) binary table", gd_emit_madt, true, false},
    {"madt-dsl", "madt", false, "madt.dsl", "MADT as iasl data-table source", gd_emit_madt_dsl,
     true, true},
    {"h", "h", true, "-gic.h", "C header of the GIC frames for TF-A and U-Boot (on request)",
     gd_emit_header, false, true},
    {"dot", "dot", true, ".dot", "the routing graph for Graphviz dot (on request)", gd_emit_dot,
     false, true},
    {"svg", "dot", true, ".svg", "the routing graph drawn by Graphviz dot -Tsvg (on request)",
     gd_emit_svg, false, false},
};

const size_t gd_n_formats = sizeof(gd_formats) / sizeof(gd_formats[0]);

void gd_format_file_name(const struct gd_format *f, const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", f->after_name ? name : "", f->file_suffix);
}

const struct gd_format *gd_format_find(const char *name)
{
	for (size_t i = 0; i < gd_n_formats; i++)
		if (!strcmp(gd_formats[i].name, name))
			return &gd_formats[i];
	return NULL;
}

/* SPDX-License-Identifier: MIT */
/*
 * yaml_write.c - the scalars and comments of the YAML description (yaml.h):
 * strings plain or double-quoted as YAML 1.1 reads them back, addresses in
 * hex, interrupts as gicdesc(5) writes them, and the "# assumed:" comments.
 */
#include <inttypes.h>
#include <string.h>
#include <strings.h>

#include "emit/yaml.h"

void gd_yaml_string(struct gd_buf *out, const char *s)
{
	static const char plain[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/@+";
	static const char *const words[] = {"true", "false", "yes", "no", "on",
	                                    "off",  "null",  "y",   "n"};
	bool quote = !s[0] || strspn(s, plain) != strlen(s) || strchr("0123456789.-+@", s[0]);
	for (size_t i = 0; !quote && i < sizeof(words) / sizeof(words[0]); i++)
		quote = !strcasecmp(s, words[i]);
	if (!quote) {
		gd_buf_printf(out, "%s", s);
		return;
	}
	gd_buf_append(out, "\"", 1);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\')
			gd_buf_printf(out, "\\%c", *c);
		else if (*c < 0x20 || *c == 0x7f)
			gd_buf_printf(out, "\\x%02x", *c);
		else
			gd_buf_append(out, c, 1);
	}
	gd_buf_append(out, "\"", 1);
}

void gd_yaml_addr(struct gd_buf *out, uint64_t v)
{
	gd_buf_printf(out, "0x%08" PRIX64, v);
}

void gd_yaml_interrupt(struct gd_buf *out, enum gd_gic_version gic, uint32_t intid,
                       const char *trigger, uint32_t count)
{
	uint32_t type = GD_V5_INTID_TYPE(intid), id = GD_V5_INTID_ID(intid);
	if (gic == GD_GIC_V5 && type == GD_V5_PPI && id < 128)
		gd_buf_printf(out, "{ ppi: %" PRIu32, id);
	else if (gic == GD_GIC_V5 && type == GD_V5_SPI)
		gd_buf_printf(out, "{ spi: %" PRIu32, id);
	else if (gic == GD_GIC_V5)
		gd_buf_printf(out, "{ intid: %" PRIu32, intid);
	else if (intid >= 16 && intid < 32)
		gd_buf_printf(out, "{ ppi: %" PRIu32, intid - 16);
	else if (intid >= 32 && intid < 1020)
		gd_buf_printf(out, "{ spi: %" PRIu32, intid - 32);
	else
		gd_buf_printf(out, "{ intid: %" PRIu32, intid);
	if (trigger)
		gd_buf_printf(out, ", trigger: %s", trigger);
	if (count > 1)
		gd_buf_printf(out, ", count: %" PRIu32, count);
	gd_buf_printf(out, " }");
}

/*
 * The section an assumption of @p is about, by the words it uses (the
 * loaders' texts: src/load dtb_gic.c, assume.c, dtb_cpus.c, acpi*.c, ...),
 * if @p has that section; else "" (the comments above "gicdesc: 1").
 */
static const char *assumed_section(const struct gd_platform *p, const char *text)
{
	const struct {
		const char *word, *section;
		size_t items; /* of the section, which is written when > 0 */
	} words[] = {
	    {"OEM", "platform", 1},
	    {"GIC version", "gic", 1},
	    {"GICv3", "gic", 1},
	    {"SPIs", "distributor", 1},
	    {"INTID bits", "distributor", 1},
	    {"distributor", "distributor", 1},
	    {"DirectLPI", "redistributors", p->n_redists},
	    {"processor UIDs", "cpus", p->n_cpus},
	    {"ITS", "its", p->n_its},
	    {"GICv2m", "v2m-frames", p->n_msi_frames},
	    {"SMMU", "iommus", p->n_smmus},
	    {"register frame", "iommus", p->n_smmus},
	    {"PCI", "root-complexes", p->n_rcs},
	    {"bus range", "root-complexes", p->n_rcs},
	    {"dma-coherent", "root-complexes", p->n_rcs},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(text, words[i].word))
			return words[i].items ? words[i].section : "";
	return "";
}

void gd_yaml_assumed(struct gd_buf *out, const struct gd_platform *p, const char *section,
                     unsigned indent)
{
	for (size_t i = 0; i < p->n_assumed; i++)
		if (!strcmp(assumed_section(p, p->assumed[i]), section))
			gd_buf_printf(out, "%*s# assumed: %s\n", (int)indent, "", p->assumed[i]);
}

/* SPDX-License-Identifier: MIT */
/*
 * layout_def.h - shorthands for writing field tables (acpi/layout_*.c only).
 */
#ifndef GD_ACPI_LAYOUT_DEF_H
#define GD_ACPI_LAYOUT_DEF_H

#include "acpi/layout.h"

/* An integer field: offset, width in bytes, value slot, iasl name. */
#define GD_INT(off, w, slot, name)                                                                 \
	{                                                                                          \
		(off), (w), GD_AF_INT, (slot), (name), NULL, NULL                                  \
	}
/* A reserved integer field (always written as zero). */
#define GD_RSV(off, w) GD_INT(off, w, GD_V_ZERO, "Reserved")
/* A flags field with its decoded bits. */
#define GD_FLAGS(off, w, slot, name, bits)                                                         \
	{                                                                                          \
		(off), (w), GD_AF_FLAGS, (slot), (name), (bits), NULL                              \
	}
/* Fixed-width characters. */
#define GD_CHARS(off, w, slot, name)                                                               \
	{                                                                                          \
		(off), (w), GD_AF_CHARS, (slot), (name), NULL, NULL                                \
	}
/* A MADT subtable type byte with its description. */
#define GD_SUBTYPE(text)                                                                           \
	{                                                                                          \
		0, 1, GD_AF_SUBTYPE, GD_V_TYPE, "Subtable Type", NULL, (text)                      \
	}
/* A label line naming the group of @w bytes that follows at @off. */
#define GD_LABEL(off, w, name, text)                                                               \
	{                                                                                          \
		(off), (w), GD_AF_LABEL, GD_V_ZERO, (name), NULL, (text)                           \
	}

/* A layout from a field array. */
#define GD_LAYOUT(what, size, fields, iasl)                                                        \
	{                                                                                          \
		(what), (size), (fields), sizeof(fields) / sizeof((fields)[0]), (iasl)             \
	}

#endif

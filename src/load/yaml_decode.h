/* SPDX-License-Identifier: MIT */
/*
 * yaml_decode.h - table-driven decoding of YAML mappings into model structs.
 *
 * Each kind of mapping of format 1 is described once, as a table of fields
 * (key, type, member offset and width, required, range, default-free): the
 * decoder walks the mapping's pairs in document order, reports unknown keys
 * (with a "did you mean"), duplicate keys, wrong types, numbers that do not
 * fit, then missing required keys, and stores every value it could decode.
 * Defaults are the caller's: it fills the struct before decoding.
 */
#ifndef GD_LOAD_YAML_DECODE_H
#define GD_LOAD_YAML_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/yaml_tree.h"
#include "model/platform.h"

/* At most this many loader errors are reported; then one note says the rest were dropped. */
#define GD_YAML_MAX_ERRORS 100

/*
 * An ID mapping whose output reference awaits resolution: @loc is the name's
 * position; its_only for an SMMU's own MSIs, which go straight to an ITS;
 * smmu_only for an RMR's StreamIDs, which are an SMMU's;
 * @owner: the node whose msi-parent the mapping is (map->msi_parent), else NULL.
 */
struct gd_yref {
	struct gd_id_map *map;
	struct gd_loc loc;
	bool its_only, smmu_only;
	struct gd_node *owner;
};

/* State of one load: the platform being filled and the diagnostics. */
struct gd_yctx {
	struct gd_platform *p;
	struct gd_diags *d;
	const char *file;
	unsigned errors;      /* loader errors reported (or dropped past GD_YAML_MAX_ERRORS) */
	unsigned unnamed;     /* nodes whose name is missing or bad: unknown references are then not
	                         reported */
	int items_rc;         /* -1 when an item decoded as it was read (gd_yitem_fn) failed,
	                         until the decoder of its list returns it; else 0 */
	struct gd_yref *refs; /* output references, resolved once every node is known (malloc'ed,
	                         freed by whoever made the context) */
	size_t n_refs, cap_refs;
};

/* Reports an error at @at (a node of the tree; NULL = line 1) with a kebab-case @rule. */
void gd_yerror(struct gd_yctx *c, const struct gd_ynode *at, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* gd_yerror() at a location kept from the tree. */
void gd_yerror_loc(struct gd_yctx *c, const struct gd_loc *loc, const char *rule, const char *fmt,
                   ...) __attribute__((format(printf, 4, 5)));

/* The source location of @n in the description (NULL: line 1, column 1). */
struct gd_loc gd_yloc(const struct gd_yctx *c, const struct gd_ynode *n);

enum gd_yfield_type {
	GD_YF_UINT,   /* unsigned integer, `bits` wide, in [min, max] when max != 0 */
	GD_YF_BYTES,  /* uint64_t bytes (address or size); K/M/G suffixes allowed */
	GD_YF_BOOL,   /* bool: plain true or false */
	GD_YF_STRING, /* const char *, copied into the platform's arena */
	GD_YF_ENUM,   /* one of `enums`, stored as a `bits`-wide unsigned integer */
	GD_YF_INTID,  /* interrupt: INTID `bits` wide; trigger (edge = true) at flag_off */
	GD_YF_CUSTOM, /* decoded by `decode` */
};

/* A name of an enumerated value and the value stored. */
struct gd_yenum {
	const char *name;
	unsigned value;
};

struct gd_yfield;

/* Decoder of a GD_YF_CUSTOM field; returns 0, or -1 after reporting an error. */
typedef int gd_yfield_fn(struct gd_yctx *c, const struct gd_ynode *v, void *obj,
                         const struct gd_yfield *f);

/* Decoder of one item of a list; returns 0, or -1 after reporting an error. */
typedef int gd_yitem_fn(struct gd_yctx *c, const struct gd_ynode *item);

/* One key of a mapping. Tables end with an entry whose key is NULL. */
struct gd_yfield {
	const char *key;
	enum gd_yfield_type type;
	size_t off;    /* offset of the member in the object decoded */
	unsigned bits; /* member width in bits: 8, 16, 32 or 64 */
	bool required;
	uint64_t min, max; /* GD_YF_UINT: inclusive range, checked when max != 0 */
	size_t flag_off;   /* UINT/BYTES: bool set when the key is present; INTID: edge-trigger
	                      bool; 0 = none (no such bool is ever a struct's first member);
	                      gd_yaml_decode_located_string: its struct gd_loc */
	const struct gd_yenum *enums; /* GD_YF_ENUM: ends with a NULL name */
	gd_yfield_fn *decode;         /* GD_YF_CUSTOM */
	gd_yitem_fn *item; /* GD_YF_CUSTOM of a list: decodes one item, so that the list may be
	                      decoded item by item as it is read (see gd_yaml_decode_list()) */
};

/* Offset and width of @member of @type, for a field table. */
#define GD_YF_AT(type, member)                                                                     \
	.off = offsetof(type, member), .bits = 8 * sizeof(((type *)0)->member)

/*
 * Decodes the mapping @map (anything else: "expected a mapping") into @obj
 * through @tables (a NULL-terminated list of field tables whose offsets all
 * refer to @obj). @what names the mapping in messages ("distributor").
 * Returns 0, or -1 when any error was reported.
 */
int gd_ymap_decode(struct gd_yctx *c, const struct gd_ynode *map, const char *what,
                   const struct gd_yfield *const *tables, void *obj);

/* Most keys a mapping's field tables may hold together. */
#define GD_YMAP_MAX_FIELDS 64

/*
 * A mapping decoded pair by pair (gd_ymap_begin(), gd_ymap_pair() for each,
 * gd_ymap_end()), so a caller can decode pairs as they are read; what
 * gd_ymap_decode() does. @seen_line: the line of each field's key, 0 = not seen.
 */
struct gd_ymap_state {
	const char *what;
	const struct gd_yfield *const *tables;
	void *obj;
	const struct gd_yfield *fields[GD_YMAP_MAX_FIELDS];
	uint32_t seen_line[GD_YMAP_MAX_FIELDS];
	size_t n;
	int rc;
};

/* Starts decoding a mapping into @obj through @tables; @what names it in messages. */
void gd_ymap_begin(struct gd_ymap_state *st, const char *what,
                   const struct gd_yfield *const *tables, void *obj);

/* Decodes the pair @key: @value, or reports an unknown or duplicate key. */
void gd_ymap_pair(struct gd_yctx *c, struct gd_ymap_state *st, const struct gd_ynode *key,
                  const struct gd_ynode *value);

/*
 * Reports each required key not seen, at @map; returns 0, or -1 when this or
 * any pair reported an error.
 */
int gd_ymap_end(struct gd_yctx *c, struct gd_ymap_state *st, const struct gd_ynode *map);

/* Decodes one value as field @f into @obj (what gd_ymap_decode() does per key). */
int gd_yfield_decode(struct gd_yctx *c, const struct gd_ynode *v, const struct gd_yfield *f,
                     void *obj);

/* The value of @key in mapping @map (the first one), or NULL. */
const struct gd_ynode *gd_ymap_get(const struct gd_ynode *map, const char *key);

/* Checks that @v is a list ("expected a list of WHAT"); returns 0 or -1. */
int gd_yseq_check(struct gd_yctx *c, const struct gd_ynode *v, const char *what);

/*
 * Decodes @v, a list of INTID ranges (MBI ranges, LPI ranges), each a
 * mapping of @fields over struct gd_intid_range, appending them to the
 * array *@ranges (*@n of *@cap) in the platform's arena with their
 * line:col. @what names one in messages ("MBI range"); the list is "@what"
 * + "s". Returns 0, or -1 after reporting errors.
 */
int gd_yaml_decode_intid_ranges(struct gd_yctx *c, const struct gd_ynode *v, const char *what,
                                const struct gd_yfield *fields, struct gd_intid_range **ranges,
                                size_t *n, size_t *cap);

/*
 * multi-msi: of an INTID range (@obj a struct gd_intid_range): the largest
 * Multi-MSI block it must hold, 1, 2, 4, 8, 16 or 32 vectors (PCI MSI
 * Multiple Message Enable). Returns 0 or -1 (reported).
 */
gd_yfield_fn gd_yaml_decode_multi_msi;

/* Decodes an unsigned number of @bits bits from scalar @v; returns 0 or -1 (reported). */
int gd_yuint(struct gd_yctx *c, const struct gd_ynode *v, unsigned bits, bool bytes, uint64_t *out);

/* Returns the text of a string scalar @v, or NULL after reporting a wrong type. */
const char *gd_ystring(struct gd_yctx *c, const struct gd_ynode *v);

/*
 * Appends the strings of the list @v (DT compatible lists, most specific
 * first) to the array *@list (*@n of *@cap) in the platform's arena.
 * Returns 0, or -1 after reporting a value that is no list of strings.
 */
int gd_ystrings(struct gd_yctx *c, const struct gd_ynode *v, const char ***list, size_t *n,
                size_t *cap);

/* gd_ystrings(), but a string scalar @v is a list of that one string. */
int gd_ystring_or_list(struct gd_yctx *c, const struct gd_ynode *v, const char ***list, size_t *n,
                       size_t *cap);

/*
 * A field decoder (GD_YF_CUSTOM, .off = offsetof the list) of a string or a
 * list of strings (DT compatible, most specific first) into three members in
 * a row of the object: const char **list; size_t n_list, cap_list.
 */
gd_yfield_fn gd_yaml_decode_string_list;

#endif

/* SPDX-License-Identifier: MIT */
/*
 * namemap.h - a hash map from (owner, name) to a pointer: open addressing,
 * FNV-1a, load at most 1/2, for lookups by name in linear time overall
 * (node names under one DT parent, DT labels, ACPI node names). Names are
 * not copied: each must outlive the map. Allocation failure exits the
 * process with status 2.
 */
#ifndef GD_UTIL_NAMEMAP_H
#define GD_UTIL_NAMEMAP_H

#include <stddef.h>

/* One slot: empty while @name is NULL. */
struct gd_namemap_slot {
	const void *owner;
	const char *name;
	void *value;
};

/* Zero-initialise; free with gd_namemap_free(). cap is 0 or a power of two. */
struct gd_namemap {
	struct gd_namemap_slot *v;
	size_t n, cap;
};

/* The value of (@owner, @name), or NULL when the map has none. O(1) expected. */
void *gd_namemap_get(const struct gd_namemap *m, const void *owner, const char *name);

/*
 * Maps (@owner, @name) to @value (not NULL) unless the map has that key
 * already. Returns the value the key had before, or NULL when it was added.
 */
void *gd_namemap_add(struct gd_namemap *m, const void *owner, const char *name, void *value);

/* Frees @m and zeroes it. */
void gd_namemap_free(struct gd_namemap *m);

#endif

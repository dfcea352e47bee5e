/* SPDX-License-Identifier: MIT */
/*
 * vec.h - a malloc'ed array that grows by doubling, for scratch arrays whose
 * old storage must not stay behind (unlike GD_ARRAY_PUSH in an arena).
 * Allocation failure exits the process with status 2.
 */
#ifndef GD_UTIL_VEC_H
#define GD_UTIL_VEC_H

#include <stddef.h>

/*
 * Makes the array *@v of @elem-byte elements, of capacity *@cap elements,
 * hold at least @need elements: reallocates it to double its capacity (at
 * least 16) until it does. Elements past the old capacity are not initialised.
 */
void gd_vec_reserve(void **v, size_t *cap, size_t need, size_t elem);

#endif

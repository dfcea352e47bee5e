/* SPDX-License-Identifier: MIT */
#include "util/vec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void gd_vec_reserve(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elem)
			goto oom;
		ncap *= 2;
	}
	void *nv = realloc(*v, ncap * elem);
	if (!nv)
		goto oom;
	*v = nv;
	*cap = ncap;
	return;
oom:
	fprintf(stderr, "gicdesc: error: out of memory\n");
	exit(2);
}

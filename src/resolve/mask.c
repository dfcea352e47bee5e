/* SPDX-License-Identifier: MIT */
#include "resolve/mask.h"

#include <stdlib.h>

struct list {
	struct gd_arena *a;
	struct gd_id_interval *v;
	size_t n, cap;
};

/* Appends [lo, hi); intervals arrive sorted by lo within one block, not across blocks. */
static void add(struct list *l, uint64_t lo, uint64_t hi)
{
	*GD_ARRAY_PUSH(l->a, l->v, l->n, l->cap) = (struct gd_id_interval){lo, hi};
}

/*
 * The block [b, b + 2^k) (b a multiple of 2^k): every ID is b's high bits
 * ANDed with the mask, plus a submask of the mask's low k bits. The low
 * run of ones of those bits (t bits) gives intervals of 2^t IDs; the other
 * low bits enumerate the intervals' starts, in increasing order.
 */
static void add_block(struct list *l, uint64_t b, unsigned k, uint64_t mask)
{
	uint64_t low = mask & ((1ull << k) - 1), fixed = b & mask & ~((1ull << k) - 1);
	uint64_t run = (low + 1) & ~low; /* 2^t: lowest zero bit of low */
	uint64_t high = low & ~(run - 1);
	uint64_t s = 0;
	do {
		add(l, fixed + s, fixed + s + run);
		s = (s - high) & high;
	} while (s);
}

static int cmp_lo(const void *a, const void *b)
{
	uint64_t x = ((const struct gd_id_interval *)a)->lo;
	uint64_t y = ((const struct gd_id_interval *)b)->lo;
	return (x > y) - (x < y);
}

size_t gd_mask_image(struct gd_arena *a, uint64_t lo, uint64_t hi, uint32_t mask,
                     struct gd_id_interval **out)
{
	struct list l = {.a = a};
	while (lo < hi) {
		unsigned k = lo ? (unsigned)__builtin_ctzll(lo) : 32;
		while (k && lo + (1ull << k) > hi)
			k--;
		add_block(&l, lo, k, mask);
		lo += 1ull << k;
	}
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), cmp_lo);
	size_t n = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (n && l.v[i].lo <= l.v[n - 1].hi) {
			if (l.v[i].hi > l.v[n - 1].hi)
				l.v[n - 1].hi = l.v[i].hi;
		} else {
			l.v[n++] = l.v[i];
		}
	}
	*out = l.v;
	return n;
}

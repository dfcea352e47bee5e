/* SPDX-License-Identifier: MIT */
#define _DEFAULT_SOURCE /* sbrk(2), madvise(2) */
#include "util/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#endif

#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
void gd_mem_prefer_huge_pages(void)
{
	const size_t pad = (size_t)64 << 20, huge = (size_t)2 << 20;
	/* Each growth of the heap takes 64 MiB more than asked; none is given back. */
	if (!mallopt(M_TOP_PAD, (int)pad) || !mallopt(M_TRIM_THRESHOLD, (int)(4 * pad)))
		return;
	void *first = malloc(1); /* grows the heap by the pad: [first, sbrk(0)) */
	uintptr_t lo = (uintptr_t)first, hi = (uintptr_t)sbrk(0);
	if (first && lo < hi && hi - lo <= 2 * pad) {
		lo = (lo + huge - 1) & ~(uintptr_t)(huge - 1);
		hi &= ~(uintptr_t)(huge - 1);
		if (lo < hi)
			madvise((void *)lo, hi - lo,
			        MADV_HUGEPAGE); /* a hint: failure changes nothing */
	}
	free(first);
}
#else
void gd_mem_prefer_huge_pages(void)
{
}
#endif

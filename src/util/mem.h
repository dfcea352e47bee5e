/* SPDX-License-Identifier: MIT */
/*
 * mem.h - how the process asks for its heap memory.
 */
#ifndef GD_UTIL_MEM_H
#define GD_UTIL_MEM_H

/*
 * Asks, once at start, that the C heap be backed by transparent huge pages
 * (2 MiB) where the kernel allows it (Linux, THP "madvise" or "always"): it
 * reserves 64 MiB of heap (address space; pages are still given on first
 * use), keeps freed memory for reuse instead of returning it, and marks that
 * range MADV_HUGEPAGE. A platform of 65536 ID mappings touches ~45 MB of
 * heap: about 11000 page faults of 4 KiB, a third of check's CPU time in a
 * virtual machine, become about 25 (bench/README.md). Only with glibc's
 * malloc (mallopt(3)); elsewhere, or when the heap is not where sbrk(2) says
 * (another allocator, valgrind), it does nothing. Never fails.
 */
void gd_mem_prefer_huge_pages(void);

#endif

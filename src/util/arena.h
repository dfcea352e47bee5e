/* SPDX-License-Identifier: MIT */
/*
 * arena.h - region allocator that owns every object of one loaded platform.
 *
 * A platform model, its strings and its arrays live in one arena and are freed
 * together by gd_arena_free(). Allocation never returns NULL: on exhaustion of
 * the C heap the process prints a message and exits with status 2 (an input we
 * cannot hold is an input we cannot read).
 */
#ifndef GD_UTIL_ARENA_H
#define GD_UTIL_ARENA_H

#include <stddef.h>

struct gd_arena_block;

/*
 * An arena: a chain of blocks; zero-initialise (`struct gd_arena a = {0};`).
 * @spare: a block gd_arena_release() kept for the next allocations, so that
 * memory freed and taken again in a loop stays the same (already mapped).
 */
struct gd_arena {
	struct gd_arena_block *head; /* newest block first */
	struct gd_arena_block *spare;
};

/* A point in the allocations of an arena (gd_arena_mark()); zero is its very start. */
struct gd_arena_mark {
	struct gd_arena_block *block;
	size_t used;
};

/* Returns @size bytes of zeroed memory, aligned for any object, owned by @a. */
void *gd_arena_alloc(struct gd_arena *a, size_t size);

/* Returns a copy of the NUL-terminated string @s owned by @a (NULL gives NULL). */
char *gd_arena_strdup(struct gd_arena *a, const char *s);

/* Returns a NUL-terminated copy of the first @n bytes of @s owned by @a. */
char *gd_arena_strndup(struct gd_arena *a, const char *s, size_t n);

/*
 * Appends one zeroed element of @elem bytes to the array *@v of *@n elements
 * whose capacity is *@cap, growing it inside @a; returns the new element.
 * Old storage is left to the arena. Use through GD_ARRAY_PUSH().
 */
void *gd_arena_push(struct gd_arena *a, void **v, size_t *n, size_t *cap, size_t elem);

/* GD_ARRAY_PUSH(arena, array, count, capacity): pointer to a new zeroed element. */
#define GD_ARRAY_PUSH(a, v, n, cap)                                                                \
	((__typeof__(&(v)[0]))gd_arena_push((a), (void **)&(v), &(n), &(cap), sizeof((v)[0])))

/* The point @a has reached, for gd_arena_release(). */
struct gd_arena_mark gd_arena_mark(const struct gd_arena *a);

/*
 * Frees every allocation of @a made after @m (a mark of @a whose allocations
 * are not released yet; a zero mark frees them all), keeping one block for
 * the next allocations.
 */
void gd_arena_release(struct gd_arena *a, struct gd_arena_mark m);

/* Frees every allocation of @a; @a may be reused afterwards. */
void gd_arena_free(struct gd_arena *a);

#endif

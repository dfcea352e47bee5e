/* SPDX-License-Identifier: MIT */
#include "util/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gd_arena_block {
	struct gd_arena_block *next;
	size_t used, size;
	max_align_t data[]; /* size bytes */
};

#define GD_ARENA_BLOCK_MIN (64u * 1024u)

static size_t align_up(size_t n, size_t al)
{
	return (n + al - 1) / al * al;
}

/* Returns @size bytes (not zeroed) of @a at a multiple of @al (a power of two). */
static void *take(struct gd_arena *a, size_t size, size_t al)
{
	struct gd_arena_block *b = a->head;
	size_t need = size ? size : 1;
	size_t at = b ? align_up(b->used, al) : 0;

	if (!b || at > b->size || b->size - at < need) {
		size_t bsize = need > GD_ARENA_BLOCK_MIN ? need : GD_ARENA_BLOCK_MIN;
		if (bsize > SIZE_MAX - sizeof(*b))
			goto oom;
		if (a->spare && a->spare->size >= need) {
			b = a->spare;
			a->spare = NULL;
		} else {
			b = malloc(sizeof(*b) + bsize);
			if (!b)
				goto oom;
			b->size = bsize;
		}
		b->next = a->head;
		a->head = b;
		at = 0;
	}
	void *p = (char *)b->data + at;
	b->used = at + need;
	return p;
oom:
	fprintf(stderr, "gicdesc: error: out of memory\n");
	exit(2);
}

void *gd_arena_alloc(struct gd_arena *a, size_t size)
{
	void *p = take(a, size, sizeof(max_align_t));
	memset(p, 0, size);
	return p;
}

char *gd_arena_strndup(struct gd_arena *a, const char *s, size_t n)
{
	char *p = take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *gd_arena_strdup(struct gd_arena *a, const char *s)
{
	return s ? gd_arena_strndup(a, s, strlen(s)) : NULL;
}

void *gd_arena_push(struct gd_arena *a, void **v, size_t *n, size_t *cap, size_t elem)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;
		if (ncap > SIZE_MAX / elem) {
			fprintf(stderr, "gicdesc: error: out of memory\n");
			exit(2);
		}
		void *nv = gd_arena_alloc(a, ncap * elem);
		if (*n)
			memcpy(nv, *v, *n * elem);
		*v = nv;
		*cap = ncap;
	}
	void *e = (char *)*v + *n * elem;
	memset(e, 0, elem);
	(*n)++;
	return e;
}

struct gd_arena_mark gd_arena_mark(const struct gd_arena *a)
{
	return (struct gd_arena_mark){a->head, a->head ? a->head->used : 0};
}

void gd_arena_release(struct gd_arena *a, struct gd_arena_mark m)
{
	while (a->head && a->head != m.block) {
		struct gd_arena_block *b = a->head;
		a->head = b->next;
		if (!a->spare || a->spare->size < b->size) {
			free(a->spare);
			a->spare = b;
		} else {
			free(b);
		}
	}
	if (a->head)
		a->head->used = m.used;
}

void gd_arena_free(struct gd_arena *a)
{
	gd_arena_release(a, (struct gd_arena_mark){0});
	free(a->spare);
	a->spare = NULL;
}

/* SPDX-License-Identifier: MIT */
#include "util/namemap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a of @name, mixed with @owner's address. */
static size_t hash(const void *owner, const char *name)
{
	uint64_t h = 14695981039346656037ull ^ (uint64_t)(uintptr_t)owner;
	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211ull;
	return (size_t)(h ^ (h >> 32));
}

/* The slot of (@owner, @name): where it is, or the empty slot where it would go. */
static struct gd_namemap_slot *slot(const struct gd_namemap *m, const void *owner, const char *name)
{
	size_t i = hash(owner, name) & (m->cap - 1);
	while (m->v[i].name && (m->v[i].owner != owner || strcmp(m->v[i].name, name)))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

static void grow(struct gd_namemap *m)
{
	struct gd_namemap big = {.n = m->n, .cap = m->cap ? 2 * m->cap : 64};
	big.v = calloc(big.cap, sizeof(*big.v));
	if (!big.v) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < m->cap; i++)
		if (m->v[i].name)
			*slot(&big, m->v[i].owner, m->v[i].name) = m->v[i];
	free(m->v);
	*m = big;
}

void *gd_namemap_get(const struct gd_namemap *m, const void *owner, const char *name)
{
	return m->cap ? slot(m, owner, name)->value : NULL;
}

void *gd_namemap_add(struct gd_namemap *m, const void *owner, const char *name, void *value)
{
	if (2 * (m->n + 1) > m->cap)
		grow(m);
	struct gd_namemap_slot *s = slot(m, owner, name);
	if (s->name)
		return s->value;
	*s = (struct gd_namemap_slot){.owner = owner, .name = name, .value = value};
	m->n++;
	return NULL;
}

void gd_namemap_free(struct gd_namemap *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

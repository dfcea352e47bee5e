/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "support_check.h"

void support_expect_only(const struct gd_diags *d, const char *rule)
{
	gd_diags_print(stderr, d);
	assert_true(d->n > 0);
	for (size_t i = 0; i < d->n; i++) {
		assert_non_null(d->v[i].rule);
		assert_string_equal(d->v[i].rule, rule);
	}
}

void support_expect_message(const struct gd_diags *d, const char *msg)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].msg, msg))
			return;
	fail_msg("no diagnostic says \"%s\"", msg);
}

struct gd_named_component *support_add_nc(struct gd_platform *p, const char *name)
{
	struct gd_named_component *nc = gd_arena_alloc(&p->arena, sizeof(*nc));
	nc->node.kind = GD_NODE_NAMED_COMPONENT;
	nc->node.name = name;
	nc->node.index = p->n_ncs;
	*GD_ARRAY_PUSH(&p->arena, p->ncs, p->n_ncs, p->cap_ncs) = nc;
	return nc;
}

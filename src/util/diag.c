/* SPDX-License-Identifier: MIT */
#include "util/diag.h"

#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (!q) {
		fprintf(stderr, "gicdesc: error: out of memory\n");
		exit(2);
	}
	return q;
}

void gd_diag_vadd(struct gd_diags *d, enum gd_severity sev, const char *rule,
                  const struct gd_loc *loc, const char *fmt, va_list ap)
{
	if (sev == GD_SEV_OFF || (sev == GD_SEV_NOTE && d->drop_notes))
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	/* Formats once, on the stack, and again only when the message is longer. */
	char line[256];
	va_list ap2;
	va_copy(ap2, ap);
	int len = vsnprintf(line, sizeof(line), fmt, ap2);
	va_end(ap2);
	if (len < 0) {
		len = 0;
		line[0] = '\0';
	}
	/* the message, then copies of the location's file and node path: the list owns them */
	size_t file_len = loc && loc->file ? strlen(loc->file) + 1 : 0;
	size_t where_len = loc && loc->where ? strlen(loc->where) + 1 : 0;
	char *msg = xrealloc(NULL, (size_t)len + 1 + file_len + where_len);
	if ((size_t)len < sizeof(line))
		memcpy(msg, line, (size_t)len + 1);
	else
		vsnprintf(msg, (size_t)len + 1, fmt, ap);

	struct gd_diag *g = &d->v[d->n++];
	g->sev = sev;
	g->rule = rule;
	if (loc)
		g->loc = *loc;
	else
		memset(&g->loc, 0, sizeof(g->loc));
	if (file_len)
		g->loc.file = memcpy(msg + len + 1, loc->file, file_len);
	if (where_len)
		g->loc.where = memcpy(msg + len + 1 + file_len, loc->where, where_len);
	g->msg = msg;
	if (sev == GD_SEV_ERROR)
		d->errors++;
	else if (sev == GD_SEV_WARNING)
		d->warnings++;
}

void gd_diag_add(struct gd_diags *d, enum gd_severity sev, const char *rule,
                 const struct gd_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gd_diag_vadd(d, sev, rule, loc, fmt, ap);
	va_end(ap);
}

void gd_loc_format(const struct gd_loc *loc, char *buf, size_t size)
{
	const char *file = loc->file ? loc->file : "gicdesc";

	if (loc->line)
		snprintf(buf, size, "%s:%u:%u", file, (unsigned)loc->line, (unsigned)loc->col);
	else if (loc->where)
		snprintf(buf, size, "%s:%s", file, loc->where);
	else if (loc->has_offset)
		snprintf(buf, size, "%s:+0x%x", file, (unsigned)loc->offset);
	else
		snprintf(buf, size, "%s", file);
}

const char *gd_severity_name(enum gd_severity sev)
{
	switch (sev) {
	case GD_SEV_ERROR:
		return "error";
	case GD_SEV_WARNING:
		return "warning";
	case GD_SEV_NOTE:
		return "note";
	case GD_SEV_OFF:
		break;
	}
	return "off";
}

void gd_diags_print(FILE *out, const struct gd_diags *d)
{
	gd_diags_print_min(out, d, GD_SEV_NOTE);
}

void gd_diags_print_min(FILE *out, const struct gd_diags *d, enum gd_severity min)
{
	char where[1024];

	for (size_t i = 0; i < d->n; i++) {
		const struct gd_diag *g = &d->v[i];
		if (g->sev < min)
			continue;
		gd_loc_format(&g->loc, where, sizeof(where));
		if (g->rule)
			fprintf(out, "%s: %s: %s [%s]\n", where, gd_severity_name(g->sev), g->msg,
			        g->rule);
		else
			fprintf(out, "%s: %s: %s\n", where, gd_severity_name(g->sev), g->msg);
	}
}

void gd_diag_waive(struct gd_diags *d, size_t i, const char *reason)
{
	struct gd_diag *g = &d->v[i];
	struct gd_diags one = {0};
	gd_diag_add(&one, GD_SEV_NOTE, g->rule, &g->loc, "waived (%s): %s", reason, g->msg);
	if (g->sev == GD_SEV_ERROR)
		d->errors--;
	else if (g->sev == GD_SEV_WARNING)
		d->warnings--;
	free(g->msg);
	*g = one.v[0];
	free(one.v);
}

void gd_diags_warnings_as_errors(struct gd_diags *d, size_t from)
{
	for (size_t i = from; i < d->n; i++)
		if (d->v[i].sev == GD_SEV_WARNING) {
			d->v[i].sev = GD_SEV_ERROR;
			d->warnings--;
			d->errors++;
		}
}

void gd_diags_move(struct gd_diags *to, struct gd_diags *from)
{
	if (to->cap - to->n < from->n) {
		to->cap = to->n + from->n;
		to->v = xrealloc(to->v, to->cap * sizeof(*to->v));
	}
	if (from->n)
		memcpy(to->v + to->n, from->v, from->n * sizeof(*from->v));
	to->n += from->n;
	to->errors += from->errors;
	to->warnings += from->warnings;
	free(from->v);
	memset(from, 0, sizeof(*from));
}

void gd_diags_free(struct gd_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

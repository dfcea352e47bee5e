/* SPDX-License-Identifier: MIT */
/*
 * waivers.c - reviewed findings accepted with a reason (gicdesc(5) WAIVERS):
 * a waived error or warning becomes a note that gives the reason; a waiver
 * that waives nothing is a warning, so that stale ones surface.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "check/rule.h"
#include "util/diag_json.h"

/* Characters of the names a message gives (pcie0, smmu@0x2b400000, \_SB_.SEC0, /soc/pcie@0). */
static bool name_char(char ch)
{
	return isalnum((unsigned char)ch) || strchr("_-.@\\/,#+", ch);
}

/* True when @name stands in @msg as a whole name (not inside a longer one). */
static bool names(const char *msg, const char *name)
{
	size_t n = strlen(name);
	for (const char *s = msg; n && (s = strstr(s, name)); s++) {
		char after = s[n];
		/* a name ends a sentence with '.', ',' or ':' too */
		bool end = !name_char(after) ||
		           (strchr(".,:", after) && !name_char(after ? s[n + 1] : '\0'));
		if ((s == msg || !name_char(s[-1])) && end)
			return true;
	}
	return false;
}

/* True when @w's node is where @g is: a name it gives, its DT node path, or TABLE+0xOFF. */
static bool node_matches(const struct gd_waiver *w, const struct gd_diag *g)
{
	if (g->loc.where) {
		size_t n = strcspn(g->loc.where, ":");
		if (strlen(w->node) == n && !strncmp(g->loc.where, w->node, n))
			return true;
	}
	if (g->loc.has_offset && g->loc.file) {
		const char *base = strrchr(g->loc.file, '/');
		char at[300];
		snprintf(at, sizeof(at), "%s+0x%" PRIx32, base ? base + 1 : g->loc.file,
		         g->loc.offset);
		if (!strcmp(at, w->node))
			return true;
	}
	return names(g->msg, w->node);
}

/* True when @msg names an ID (0x... or a range 0x...-0x...) within @w's IDs. */
static bool ids_match(const struct gd_waiver *w, const char *msg)
{
	uint64_t lo = w->ids_base, hi = lo + w->ids_count; /* [lo, hi) */
	for (const char *s = msg; (s = strstr(s, "0x"));) {
		char *end;
		uint64_t a = strtoull(s + 2, &end, 16), b = a;
		if (end == s + 2) {
			s += 2;
			continue;
		}
		if (!strncmp(end, "-0x", 3)) {
			char *end2;
			b = strtoull(end + 3, &end2, 16);
			end = end2;
		}
		if (a < hi && b >= lo)
			return true;
		s = end;
	}
	return false;
}

size_t gd_check_waive(struct gd_waiver *w, size_t n, struct gd_diags *d, size_t from)
{
	size_t waived = 0;
	for (size_t i = from; i < d->n; i++) {
		struct gd_diag *g = &d->v[i];
		if (g->sev < GD_SEV_WARNING || !g->rule)
			continue;
		for (size_t k = 0; k < n; k++) {
			if (strcmp(w[k].rule, g->rule) || !node_matches(&w[k], g) ||
			    (w[k].ids_count && !ids_match(&w[k], g->msg)))
				continue;
			w[k].matched++;
			gd_diag_waive(d, i, w[k].reason);
			waived++;
			break;
		}
	}
	return waived;
}

/* True when @rule is a rule of check or a tag of the readers (what a waiver can name). */
static bool known(const char *rule)
{
	if (gd_rule_find(rule) >= 0)
		return true;
	for (size_t i = 0; i < gd_n_diag_tags; i++)
		if (!strcmp(gd_diag_tags[i].name, rule))
			return true;
	return false;
}

void gd_check_waivers_unused(const struct gd_waiver *w, size_t n, struct gd_diags *d)
{
	for (size_t k = 0; k < n; k++) {
		if (!known(w[k].rule))
			gd_diag_add(d, GD_SEV_ERROR, "waiver-unused", &w[k].loc,
			            "waiver for '%s': no rule or tag has that name (gicdesc check "
			            "--list-rules)",
			            w[k].rule);
		else if (!w[k].matched)
			gd_diag_add(
			    d, GD_SEV_WARNING, "waiver-unused", &w[k].loc,
			    "waiver for %s on %s matches no finding: the fault it accepted is "
			    "gone, or the waiver names it wrong; remove or correct it",
			    w[k].rule, w[k].node);
	}
}

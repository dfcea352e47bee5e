/* SPDX-License-Identifier: MIT */
/*
 * svg.c - the routing graph drawn as SVG (format svg, NAME.svg): the DOT of
 * dot.c through Graphviz's own `dot -Tsvg`, run from PATH with no shell.
 * Graphviz is needed at run time only for this format; without it the
 * format fails with an error saying so, and generate writes nothing.
 */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include "emit/emit.h"
#include "util/run.h"

/* Longest piece of dot's standard error quoted in a diagnostic, in bytes. */
#define DOT_MESSAGE_MAX 200

int gd_emit_svg(struct gd_emit_ctx *ctx, struct gd_buf *out)
{
	char *argv[] = {"dot", "-Tsvg", NULL};
	struct gd_buf graph = {0}, err = {0};
	int wstatus = 0;

	gd_emit_dot(ctx, &graph);
	int rc = gd_run_filter(argv, &graph, out, &err, &wstatus);
	/* dot's first line of complaint, if any, to quote */
	size_t n = 0;
	while (n < err.len && n < DOT_MESSAGE_MAX && err.data[n] != '\n')
		n++;
	/*
	 * POSIX lets posix_spawnp() report a program it cannot execute either as its
	 * error or as the child's exit status 127 (glibc under valgrind does the latter).
	 */
	bool not_run = rc != 0 ? errno == ENOENT
	                       : WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127 && !out->len;
	if (not_run) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL,
		            "format svg needs Graphviz: no 'dot' on PATH (Debian: apt install "
		            "graphviz)");
		rc = -1;
	} else if (rc != 0) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL, "format svg: cannot run dot: %s",
		            strerror(errno));
	} else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
		gd_diag_add(ctx->diags, GD_SEV_ERROR, NULL, NULL,
		            "format svg: dot -Tsvg failed (%s %d)%s%.*s",
		            WIFEXITED(wstatus) ? "exit status" : "signal",
		            WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : WTERMSIG(wstatus),
		            n ? ": " : "", (int)n, (const char *)err.data);
		rc = -1;
	} else if (n) {
		gd_diag_add(ctx->diags, GD_SEV_WARNING, NULL, NULL, "format svg: dot -Tsvg: %.*s",
		            (int)n, (const char *)err.data);
	}
	gd_buf_free(&graph);
	gd_buf_free(&err);
	return rc;
}

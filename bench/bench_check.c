/* SPDX-License-Identifier: MIT */
/*
 * bench_check - time and peak memory of `gicdesc check`'s work (gd_resolve()
 * then gd_check_run(), every rule) on synthetic platforms whose ID mappings
 * double. Not a test: it prints one line per size.
 *
 * Platform at scale s: 4096 CPUs (MPIDRs over 256 clusters of 16) in one
 * redistributor region, 32 ITSes, 64 SMMUv3s, 256 root complexes (buses
 * 0..255 each, 2^16 RIDs), 64 named components (the whole 2^32 ID space).
 * Each root complex splits its RIDs into 8s chunks: most go to an SMMU
 * (StreamIDs unique across the platform), every 7th is left out and falls
 * to a last catch-all mapping straight to an ITS (first match); each SMMU
 * maps the StreamIDs it receives to DeviceIDs, leaving every 5th chunk
 * unmapped. Each named component has 8s mappings tiling 2^32 IDs.
 * So about 3700s mappings and 2560s routes.
 *
 * The platform is built with the unit tests' helpers (tests/unit/support_*).
 *
 * Each size runs in a child process so that the peak RSS (getrusage,
 * ru_maxrss) is that size's alone: "model KiB" once the platform is built,
 * "peak KiB" after the check. Times are CLOCK_MONOTONIC: "resolve ms" for
 * gd_resolve(), "rules ms" for gd_check_run(); "findings" counts what the
 * rules reported (the platform is built with gaps on purpose).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check/check.h"
#include "resolve/resolve.h"
#include "support_fixtures.h"
#include "support_graph.h"

#define N_CPU   4096
#define N_ITS   32
#define N_SMMU  64
#define N_RC    256
#define N_NC    64
#define RIDS    0x10000u
#define MAX_LOG 7 /* scales 1 .. 2^MAX_LOG */

/* "@prefix@i" as a name. */
static const char *name(const char *prefix, size_t i)
{
	static char buf[32];
	snprintf(buf, sizeof(buf), "%s%zu", prefix, i);
	return buf;
}

/* Builds the platform of scale @s; returns its number of ID mappings. */
static size_t build(struct gd_platform *p, unsigned s)
{
	memset(p, 0, sizeof(*p));
	size_t n_maps = 0;
	p->gic_version = GD_GIC_V3;
	p->dist.base = 0x08000000;
	p->dist.spis = 988;
	p->dist.intid_bits = 16;
	struct gd_redist_region *rd = GD_ARRAY_PUSH(&p->arena, p->redists, p->n_redists,
	                                            p->cap_redists);
	rd->base = 0x100000000ull;
	rd->length = (uint64_t)N_CPU * gd_redist_frame_size(GD_GIC_V3);
	for (uint32_t i = 0; i < N_CPU; i++) {
		struct gd_cpu *c = GD_ARRAY_PUSH(&p->arena, p->cpus, p->n_cpus, p->cap_cpus);
		c->mpidr = (uint64_t)(i / 16) << 8 | i % 16;
		c->uid = i;
		c->enabled = true;
		c->pmu_intid = 23;
	}
	for (size_t i = 0; i < N_ITS; i++)
		graph_its(p, name("its", i));
	for (size_t i = 0; i < N_SMMU; i++)
		graph_smmu(p, name("smmu", i));
	uint32_t chunks = 8 * s, size = RIDS / chunks;
	for (size_t i = 0; i < N_RC; i++) {
		struct gd_node *rc = &graph_rc(p, name("pcie", i), 0, 255)->node;
		struct gd_node *its = &p->its[i % N_ITS]->node;
		for (uint32_t c = 0; c < chunks; c++) {
			if (c % 7 == 6)
				continue;
			uint32_t sid = (uint32_t)i * RIDS + c * size;
			struct gd_node *smmu = &p->smmus[(i * chunks + c) % N_SMMU]->node;
			fixture_add_map(p, rc, c * size, size, sid, smmu);
			n_maps++;
			if (c % 5 != 4) {
				fixture_add_map(p, smmu, sid, size, sid, its);
				n_maps++;
			}
		}
		fixture_add_map(p, rc, 0, RIDS, (uint32_t)i * RIDS, its);
		n_maps++;
	}
	uint64_t span = ((uint64_t)1 << 32) / (8 * s);
	for (size_t i = 0; i < N_NC; i++) {
		struct gd_node *nc = &graph_nc(p, name("dev", i))->node;
		for (uint64_t k = 0; k < 8 * s; k++, n_maps++)
			fixture_add_map(p, nc, (uint32_t)(k * span), span, 0,
			                &p->its[k % N_ITS]->node);
	}
	return n_maps;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void run(unsigned s)
{
	struct gd_platform p;
	struct gd_routes r;
	size_t n_maps = build(&p, s);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	long rss_model = ru.ru_maxrss;
	struct gd_diags d = {0};
	double t0 = now_ms();
	gd_resolve(&p, &r);
	double t1 = now_ms();
	gd_check_run(&p, &r, NULL, &d);
	double t2 = now_ms();
	getrusage(RUSAGE_SELF, &ru);
	printf("%6u %10zu %10zu %10.2f %10.2f %9zu %12ld %12ld\n", s, n_maps, r.n, t1 - t0,
	       t2 - t1, d.n, rss_model, ru.ru_maxrss);
	fflush(stdout);
	gd_diags_free(&d);
	gd_routes_free(&r);
	gd_platform_free(&p);
}

int main(void)
{
	printf("%6s %10s %10s %10s %10s %9s %12s %12s\n", "scale", "mappings", "routes",
	       "resolve ms", "rules ms", "findings", "model KiB", "peak KiB");
	fflush(stdout);
	for (unsigned log = 0; log <= MAX_LOG; log++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (!pid) {
			run(1u << log);
			_exit(0);
		}
		int st;
		if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
			fprintf(stderr, "bench_check: scale %u failed\n", 1u << log);
			return 1;
		}
	}
	return 0;
}

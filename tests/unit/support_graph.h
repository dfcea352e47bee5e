/* SPDX-License-Identifier: MIT */
/*
 * support_graph.h - nodes of the ID-mapping graph built by hand for the
 * resolver's tests: only the fields the resolver reads (kind, name, maps,
 * bus range, own MSI) are set. Each node is appended to @p's array of its
 * kind, so model order is the order of the calls.
 */
#ifndef GD_TEST_GRAPH_H
#define GD_TEST_GRAPH_H

#include "model/platform.h"

struct gd_its *graph_its(struct gd_platform *p, const char *name);
struct gd_smmu *graph_smmu(struct gd_platform *p, const char *name);
/* A root complex whose RID space is [bus_start << 8, (bus_end + 1) << 8). */
struct gd_root_complex *graph_rc(struct gd_platform *p, const char *name, uint8_t bus_start,
                                 uint8_t bus_end);
struct gd_named_component *graph_nc(struct gd_platform *p, const char *name);

/* Appends a single mapping of @n to DeviceID/StreamID @output_base of @output. */
struct gd_id_map *graph_single(struct gd_platform *p, struct gd_node *n, uint32_t output_base,
                               struct gd_node *output);

/* Sets @s's own MSI: a single mapping to DeviceID @device_id of @its. */
void graph_own_msi(struct gd_platform *p, struct gd_smmu *s, uint32_t device_id,
                   struct gd_node *its);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * gd_load_acpi(): QEMU 7.2's own IORT and MADT load into the model of
 * fixture_qemu_virt() (values from QEMU's files) for everything ACPI
 * carries; what the emitters write loads back to the same facts at every
 * revision; broken tables (truncated, zeroed or saturated fields, bad
 * output references, 10,000 deterministic mutations) never crash, hang or
 * load into a model with dangling references.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acpi/layout.h"
#include "load/load.h"
#include "support_acpi.h"
#include "support_fixtures.h"

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/gd-load-acpi-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof(path), "%s/IORT", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/APIC", dir);
	unlink(path);
	return rmdir(dir);
}

/* Writes @len bytes of @data to dir/@name; returns the path (static storage per name). */
static char *put(const char *name, const uint8_t *data, size_t len)
{
	static char paths[2][128];
	char *path = paths[name[0] == 'A'];
	snprintf(path, 128, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (len)
		assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

/*
 * What no IORT or MADT carries, stated as facts: QEMU 7.2's ITS has 16
 * DeviceID and 16 EventID bits (hw/intc/arm_gicv3_its.c GITS_TYPER Devbits
 * and IDbits 15), as the fixtures and examples say.
 */
static const struct gd_load_options qemu_its_facts = {.device_id_bits = 16, .event_id_bits = 16};

/* Loads @iort and @madt (either may be NULL) from buffers; returns the loader's status. */
static int load(const struct gd_buf *iort, const struct gd_buf *madt, struct gd_platform *p,
                struct gd_diags *d)
{
	char *paths[2];
	size_t n = 0;
	if (iort)
		paths[n++] = put("IORT", iort->data, iort->len);
	if (madt)
		paths[n++] = put("APIC", madt->data, madt->len);
	memset(p, 0, sizeof(*p));
	return gd_load_acpi_opts(paths, n, &qemu_its_facts, p, d);
}

/* Fixes the checksum of the table in @b (ACPI 6.5 §5.2.6). */
static void fix_checksum(struct gd_buf *b)
{
	if (b->len < 10)
		return;
	uint8_t sum = 0;
	b->data[9] = 0;
	for (size_t i = 0; i < b->len; i++)
		sum = (uint8_t)(sum + b->data[i]);
	b->data[9] = (uint8_t)(0x100 - sum);
}

static bool has_node(const struct gd_platform *p, const struct gd_node *n)
{
	for (size_t i = 0; i < p->n_its; i++)
		if (&p->its[i]->node == n)
			return true;
	for (size_t i = 0; i < p->n_smmus; i++)
		if (&p->smmus[i]->node == n)
			return true;
	for (size_t i = 0; i < p->n_rcs; i++)
		if (&p->rcs[i]->node == n)
			return true;
	for (size_t i = 0; i < p->n_ncs; i++)
		if (&p->ncs[i]->node == n)
			return true;
	return false;
}

static void assert_node_sound(const struct gd_platform *p, const struct gd_node *n, size_t index)
{
	assert_non_null(n->name);
	assert_int_equal(n->index, index);
	assert_true(n->loc.has_offset);
	for (size_t k = 0; k < n->n_maps; k++) {
		assert_non_null(n->maps[k].output);
		assert_true(has_node(p, n->maps[k].output));
		assert_true(n->maps[k].count >= 1 && n->maps[k].count <= 1ull << 32);
	}
}

/* A model the loader accepted has no dangling reference. */
static void assert_sound(const struct gd_platform *p)
{
	for (size_t i = 0; i < p->n_its; i++)
		assert_node_sound(p, &p->its[i]->node, i);
	for (size_t i = 0; i < p->n_smmus; i++) {
		assert_node_sound(p, &p->smmus[i]->node, i);
		if (p->smmus[i]->own_msi)
			assert_true(has_node(p, p->smmus[i]->own_msi->output));
	}
	for (size_t i = 0; i < p->n_rcs; i++)
		assert_node_sound(p, &p->rcs[i]->node, i);
	for (size_t i = 0; i < p->n_ncs; i++)
		assert_node_sound(p, &p->ncs[i]->node, i);
}

static void assert_same_maps(const struct gd_node *a, const struct gd_node *b)
{
	assert_int_equal(a->n_maps, b->n_maps);
	for (size_t k = 0; k < a->n_maps; k++) {
		const struct gd_id_map *x = &a->maps[k], *y = &b->maps[k];
		assert_int_equal(x->single, y->single);
		if (!x->single) {
			assert_int_equal(x->input_base, y->input_base);
			assert_int_equal(x->count, y->count);
		}
		assert_int_equal(x->output_base, y->output_base);
		assert_int_equal(x->output->kind, y->output->kind);
		assert_int_equal(x->output->index, y->output->index);
	}
}

static void assert_same_mem(const struct gd_mem_access *a, const struct gd_mem_access *b)
{
	assert_int_equal(a->cca, b->cca);
	assert_int_equal(a->hints, b->hints);
	assert_int_equal(a->flags, b->flags);
}

static void assert_same_cpu(const struct gd_cpu *a, const struct gd_cpu *b)
{
	assert_int_equal(a->mpidr, b->mpidr);
	assert_int_equal(a->uid, b->uid);
	assert_int_equal(a->cpu_interface_number, b->cpu_interface_number);
	assert_int_equal(a->enabled, b->enabled);
	assert_int_equal(a->online_capable, b->online_capable);
	assert_int_equal(a->pmu_intid, b->pmu_intid);
	assert_int_equal(a->pmu_edge, b->pmu_edge);
	assert_int_equal(a->vgic_maint_intid, b->vgic_maint_intid);
	assert_int_equal(a->vgic_maint_edge, b->vgic_maint_edge);
	assert_int_equal(a->gicc_base, b->gicc_base);
	assert_int_equal(a->gicv_base, b->gicv_base);
	assert_int_equal(a->gich_base, b->gich_base);
	assert_int_equal(a->gicr_base, b->gicr_base);
	assert_int_equal(a->parking_version, b->parking_version);
	assert_int_equal(a->parked_address, b->parked_address);
	assert_int_equal(a->efficiency_class, b->efficiency_class);
	assert_int_equal(a->spe_intid, b->spe_intid);
	assert_int_equal(a->trbe_intid, b->trbe_intid);
}

static void assert_same_irqs(const struct gd_smmu_irq *a, size_t n_a, const struct gd_smmu_irq *b,
                             size_t n_b)
{
	assert_int_equal(n_a, n_b);
	for (size_t i = 0; i < n_a; i++) {
		assert_int_equal(a[i].intid, b[i].intid);
		assert_int_equal(a[i].edge, b[i].edge);
	}
}

static void assert_same_smmu(const struct gd_smmu *a, const struct gd_smmu *b)
{
	assert_int_equal(a->version, b->version);
	assert_int_equal(a->dvm, b->dvm);
	assert_same_irqs(&a->nsg_irpt, 1, &b->nsg_irpt, 1);
	assert_same_irqs(&a->nsg_cfg_irpt, 1, &b->nsg_cfg_irpt, 1);
	assert_same_irqs(a->context, a->n_context, b->context, b->n_context);
	assert_same_irqs(a->pmu, a->n_pmu, b->pmu, b->n_pmu);
	assert_int_equal(a->model, b->model);
	assert_int_equal(a->base, b->base);
	assert_int_equal(a->size, b->size);
	assert_int_equal(a->coherent, b->coherent);
	assert_int_equal(a->httu_override, b->httu_override);
	assert_int_equal(a->vatos_base, b->vatos_base);
	assert_int_equal(a->event_intid, b->event_intid);
	assert_int_equal(a->pri_intid, b->pri_intid);
	assert_int_equal(a->gerr_intid, b->gerr_intid);
	assert_int_equal(a->sync_intid, b->sync_intid);
	assert_int_equal(a->has_proximity_domain, b->has_proximity_domain);
	assert_int_equal(a->proximity_domain, b->proximity_domain);
	assert_int_equal(!a->own_msi, !b->own_msi);
	if (a->own_msi) {
		assert_int_equal(a->own_msi->single, b->own_msi->single);
		assert_int_equal(a->own_msi->output_base, b->own_msi->output_base);
		assert_int_equal(a->own_msi->output->index, b->own_msi->output->index);
	}
	assert_same_maps(&a->node, &b->node);
}

/* Everything the IORT and MADT carry of @want is in @got (loaded). */
static void assert_acpi_facts(const struct gd_platform *got, const struct gd_platform *want)
{
	assert_string_equal(got->name, "acpi");
	assert_string_equal(got->oem_id, want->oem_id);
	assert_string_equal(got->oem_table_id, want->oem_table_id);
	assert_int_equal(got->oem_revision, want->oem_revision);
	assert_int_equal(got->acpi.iort_revision, want->acpi.iort_revision);
	assert_int_equal(got->acpi.madt_revision, want->acpi.madt_revision);
	assert_int_equal(got->gic_version, want->gic_version);
	assert_int_equal(got->dist.base, want->dist.base);
	assert_int_equal(got->dist.size, want->dist.size);
	assert_int_equal(got->dist.gic_id, want->dist.gic_id);
	assert_int_equal(got->dist.system_vector_base, want->dist.system_vector_base);
	assert_int_equal(got->n_redists, want->n_redists);
	for (size_t i = 0; i < got->n_redists; i++) {
		assert_int_equal(got->redists[i].base, want->redists[i].base);
		assert_int_equal(got->redists[i].length, want->redists[i].length);
	}
	assert_int_equal(got->n_cpus, want->n_cpus);
	for (size_t i = 0; i < got->n_cpus; i++)
		assert_same_cpu(&got->cpus[i], &want->cpus[i]);
	assert_int_equal(got->n_its, want->n_its);
	for (size_t i = 0; i < got->n_its; i++) {
		assert_int_equal(got->its[i]->its_id, want->its[i]->its_id);
		assert_int_equal(got->its[i]->base, want->its[i]->base);
		assert_int_equal(got->its[i]->size, want->its[i]->size);
		assert_int_equal(got->its[i]->device_id_bits, want->its[i]->device_id_bits);
		assert_int_equal(got->its[i]->event_id_bits, want->its[i]->event_id_bits);
	}
	assert_int_equal(got->n_smmus, want->n_smmus);
	for (size_t i = 0; i < got->n_smmus; i++)
		assert_same_smmu(got->smmus[i], want->smmus[i]);
	assert_int_equal(got->n_rcs, want->n_rcs);
	for (size_t i = 0; i < got->n_rcs; i++) {
		const struct gd_root_complex *a = got->rcs[i], *b = want->rcs[i];
		assert_string_equal(a->node.name, b->node.name);
		assert_int_equal(a->segment, b->segment);
		assert_same_mem(&a->mem, &b->mem);
		assert_int_equal(a->ats, b->ats);
		assert_int_equal(a->memory_address_limit, b->memory_address_limit);
		assert_true(a->ecam_unknown);
		assert_int_equal(a->bus_start, 0);
		assert_int_equal(a->bus_end, 255);
		assert_same_maps(&a->node, &b->node);
	}
	assert_int_equal(got->n_ncs, want->n_ncs);
	for (size_t i = 0; i < got->n_ncs; i++) {
		const struct gd_named_component *a = got->ncs[i], *b = want->ncs[i];
		assert_string_equal(a->node.name, b->acpi_path);
		assert_string_equal(a->acpi_path, b->acpi_path);
		assert_int_equal(a->node_flags, b->node_flags);
		assert_same_mem(&a->mem, &b->mem);
		assert_int_equal(a->memory_address_limit, b->memory_address_limit);
		assert_same_maps(&a->node, &b->node);
	}
	assert_sound(got);
	assert_true(got->n_assumed > 0);
}

static void load_qemu(const char *folder, struct gd_platform *p, struct gd_diags *d)
{
	char iort[256], apic[256];
	snprintf(iort, sizeof(iort), "%s/tests/data/qemu-7.2/%s/IORT.dat", GICDESC_SOURCE_DIR,
	         folder);
	snprintf(apic, sizeof(apic), "%s/tests/data/qemu-7.2/%s/APIC.dat", GICDESC_SOURCE_DIR,
	         folder);
	char *paths[] = {iort, apic};
	memset(p, 0, sizeof(*p));
	assert_int_equal(gd_load_acpi_opts(paths, 2, &qemu_its_facts, p, d), 0);
	gd_diags_print(stderr, d);
	assert_int_equal(d->errors, 0);
	assert_int_equal(d->warnings, 0);
	assert_string_equal(p->acpi.creator_id, "BXPC");
	assert_int_equal(p->cpus[0].loc.offset, 0x44);      /* first GICC (APIC.dsl) */
	assert_int_equal(p->rcs[0]->node.loc.offset, 0x48); /* root complex (IORT.dsl) */
	assert_int_equal(p->rcs[0]->node.maps[0].loc.offset, 0x6C);
}

static void qemu_gicv3_is_fixture(void **state)
{
	(void)state;
	struct gd_platform got, want;
	struct gd_diags d = {0};
	load_qemu("virt-gicv3-its-smp4", &got, &d);
	fixture_qemu_virt(&want);
	assert_acpi_facts(&got, &want);
	gd_platform_free(&got);
	gd_platform_free(&want);
	gd_diags_free(&d);
}

/* -machine gic-version=4,virtualization=on -smp 2: VGIC maintenance PPI 9 (INTID 25). */
static void qemu_gicv4_is_fixture(void **state)
{
	(void)state;
	struct gd_platform got, want;
	struct gd_diags d = {0};
	load_qemu("virt-gicv4-its-smp2", &got, &d);
	fixture_qemu_virt(&want);
	want.gic_version = GD_GIC_V4;
	want.n_cpus = 2;
	for (size_t i = 0; i < 2; i++)
		want.cpus[i].vgic_maint_intid = 25;
	assert_acpi_facts(&got, &want);
	gd_platform_free(&got);
	gd_platform_free(&want);
	gd_diags_free(&d);
}

/*
 * Appends fixture_mmu500() (SMMUv1/v2, IORT node type 3) at 0x05000000 whose
 * StreamIDs 0..0x7FFF map to its0 DeviceIDs 0x40000..
 */
static struct gd_smmu *add_mmu500(struct gd_platform *p)
{
	struct gd_smmu *s = gd_arena_alloc(&p->arena, sizeof(*s));
	s->node.kind = GD_NODE_SMMU;
	s->node.name = "smmu@0x5000000";
	s->node.index = p->n_smmus;
	s->base = 0x05000000;
	fixture_mmu500(s);
	*GD_ARRAY_PUSH(&p->arena, p->smmus, p->n_smmus, p->cap_smmus) = s;
	fixture_add_map(p, &s->node, 0, 0x8000, 0x40000, &p->its[0]->node);
	return s;
}

/* fixture_qemu_virt_smmuv3 + an SMMU with its own MSIs + a named component. */
static void rich_fixture(struct gd_platform *p)
{
	fixture_qemu_virt_smmuv3(p);
	struct gd_smmu *s = gd_arena_alloc(&p->arena, sizeof(*s));
	s->node.kind = GD_NODE_SMMU;
	s->node.name = "smmu1";
	s->node.index = 1;
	s->base = 0x09070000;
	s->size = 0x20000;
	s->event_intid = 120; /* PRI not wired: Linux uses the DeviceID mapping */
	s->has_proximity_domain = true;
	s->proximity_domain = 1;
	*GD_ARRAY_PUSH(&p->arena, p->smmus, p->n_smmus, p->cap_smmus) = s;
	fixture_add_map(p, &s->node, 0, 0x100, 0x10000, &p->its[0]->node);
	s->own_msi = fixture_add_map(p, &s->node, 0, 1, 0x20000, &p->its[0]->node);
	s->node.n_maps--;
	s->own_msi->single = true;
	struct gd_named_component *nc = gd_arena_alloc(&p->arena, sizeof(*nc));
	nc->node.kind = GD_NODE_NAMED_COMPONENT;
	nc->node.name = "dma0";
	nc->acpi_path = "\\_SB.DMA0";
	nc->node_flags = 1;
	nc->mem.cca = 1;
	nc->mem.hints = 0xA;
	nc->mem.flags = GD_MEM_CPM | GD_MEM_DACS | GD_MEM_CANWBS; /* IORT E.f */
	nc->memory_address_limit = 48;
	*GD_ARRAY_PUSH(&p->arena, p->ncs, p->n_ncs, p->cap_ncs) = nc;
	fixture_add_map(p, &nc->node, 0, 0x40, 0x100, &s->node);
	fixture_add_map(p, &nc->node, 0, 1, 0x30000, &p->its[0]->node)->single = true;
	fixture_add_map(p, &nc->node, 0x40, 0x10, 0x7000, &add_mmu500(p)->node);
	p->cpus[1].efficiency_class = 1;
	p->cpus[1].spe_intid = 21;
	p->cpus[1].trbe_intid = 22;
	p->cpus[1].online_capable = true;
	p->cpus[1].enabled = false;
}

/* Emits @p at the given revisions and loads it back into @got. */
static void emit_and_load(struct gd_platform *p, unsigned iort_rev, unsigned madt_rev,
                          struct gd_platform *got)
{
	struct gd_buf iort = {0}, madt = {0};
	struct gd_diags d = {0};
	p->acpi.iort_revision = (uint8_t)iort_rev;
	p->acpi.madt_revision = (uint8_t)madt_rev;
	assert_int_equal(acpi_run(gd_emit_iort, p, &iort, NULL, NULL), 0);
	assert_int_equal(acpi_run(gd_emit_madt, p, &madt, NULL, NULL), 0);
	int rc = load(&iort, &madt, got, &d);
	gd_diags_print(stderr, &d);
	assert_int_equal(rc, 0);
	assert_int_equal(d.errors + d.warnings, 0);
	gd_diags_free(&d);
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

static void emitted_tables_load_back(void **state)
{
	(void)state;
	static const unsigned iort_revs[] = {0, 3, 5, 6};
	for (size_t i = 0; i < sizeof(iort_revs) / sizeof(iort_revs[0]); i++) {
		for (unsigned madt = 3; madt <= 6; madt++) {
			struct gd_platform want, got;
			if (iort_revs[i] == 0) { /* revision 0: no own MSIs, no limits, no PXM */
				fixture_qemu_virt_smmuv3(&want);
				want.rcs[0]->memory_address_limit = 0;
				add_mmu500(&want);
			} else {
				rich_fixture(&want);
			}
			if (madt < 6)
				want.cpus[1].online_capable = false;
			if (madt < 6)
				want.cpus[1].trbe_intid = 0;
			if (madt < 5)
				want.cpus[1].spe_intid = 0;
			if (madt < 4)
				want.cpus[1].efficiency_class = 0;
			emit_and_load(&want, iort_revs[i], madt, &got);
			assert_acpi_facts(&got, &want);
			gd_platform_free(&got);
			gd_platform_free(&want);
		}
	}
}

/*
 * EDK2's IORT generator writes an empty SMMUv1/v2 interrupt array's offset as
 * 0 (DynamicTablesPkg AddSmmuV1V2Nodes()), iasl as the end of the arrays
 * before it: either loads, and an array that leaves the node does not.
 */
static void smmu_v2_empty_array_offset_zero(void **state)
{
	(void)state;
	struct gd_platform want, got;
	struct gd_buf iort = {0};
	struct gd_diags d = {0};
	fixture_qemu_virt(&want);
	add_mmu500(&want);
	assert_int_equal(acpi_run(gd_emit_iort, &want, &iort, NULL, NULL), 0);
	size_t n = 0x48; /* after the ITS group */
	assert_int_equal(iort.data[n], 3);
	memset(iort.data + n + 52, 0, 8); /* PMU interrupt count and offset 0, as EDK2 */
	fix_checksum(&iort);
	assert_int_equal(load(&iort, NULL, &got, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(got.smmus[0]->n_pmu, 0);
	assert_int_equal(got.smmus[0]->n_context, 2);
	gd_platform_free(&got);
	gd_diags_free(&d);
	iort.data[n + 44] = 0xFF; /* 255 context interrupts: past the node's end */
	fix_checksum(&iort);
	assert_int_not_equal(load(&iort, NULL, &got, &d), 0);
	assert_true(d.errors > 0);
	gd_platform_free(&got);
	gd_diags_free(&d);
	gd_platform_free(&want);
	gd_buf_free(&iort);
}

/* Loads @iort (and QEMU's MADT); checks the status and that an accepted model is sound. */
static int try_load(const struct gd_buf *iort, const struct gd_buf *madt)
{
	struct gd_platform p;
	struct gd_diags d = {0};
	int rc = load(iort, madt, &p, &d);
	if (rc == 0)
		assert_sound(&p);
	else
		assert_true(d.errors > 0);
	gd_platform_free(&p);
	gd_diags_free(&d);
	return rc;
}

static void qemu_tables(struct gd_buf *iort, struct gd_buf *madt)
{
	acpi_read_data("tests/data/qemu-7.2/virt-gicv3-its-smp4/IORT.dat", iort);
	acpi_read_data("tests/data/qemu-7.2/virt-gicv3-its-smp4/APIC.dat", madt);
}

/* A copy of @src with its header length @len, its checksum fixed. */
static void cut(struct gd_buf *dst, const struct gd_buf *src, size_t len)
{
	dst->len = 0;
	gd_buf_append(dst, src->data, len);
	if (len >= 8)
		gd_buf_set_le(dst, 4, len, 4);
	fix_checksum(dst);
}

static void truncated_at_every_length(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0}, t = {0};
	qemu_tables(&iort, &madt);
	for (int which = 0; which < 2; which++) {
		const struct gd_buf *src = which ? &madt : &iort;
		for (size_t len = 0; len < src->len; len++) {
			/* file cut short: the header's length no longer fits */
			t.len = 0;
			gd_buf_append(&t, src->data, len);
			assert_int_not_equal(try_load(which ? &iort : &t, which ? &t : &madt), 0);
			/* table cut short with a consistent length and checksum */
			cut(&t, src, len);
			try_load(which ? &iort : &t, which ? &t : &madt);
		}
	}
	gd_buf_free(&t);
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

/* Every 1-, 2- and 4-byte field after the header set to 0 and to all ones. */
static void fields_zero_and_saturated(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0}, t = {0};
	qemu_tables(&iort, &madt);
	for (int which = 0; which < 2; which++) {
		const struct gd_buf *src = which ? &madt : &iort;
		for (size_t off = 36; off < src->len; off++)
			for (unsigned w = 1; w <= 4; w *= 2)
				for (int ones = 0; ones < 2 && off + w <= src->len; ones++) {
					cut(&t, src, src->len);
					gd_buf_set_le(&t, off, ones ? 0xFFFFFFFFu : 0, w);
					fix_checksum(&t);
					try_load(which ? &iort : &t, which ? &t : &madt);
				}
	}
	gd_buf_free(&t);
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

static void node_offset_inside_header(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0};
	qemu_tables(&iort, &madt);
	for (uint32_t at = 0; at < 48; at += 4) {
		gd_buf_set_le(&iort, 40, at, 4);
		fix_checksum(&iort);
		assert_int_equal(try_load(&iort, &madt), 1);
	}
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

/* The root complex's mapping (output reference at 0x78) pointed at every odd offset. */
static void output_reference_to_odd_offsets(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0};
	qemu_tables(&iort, &madt);
	for (uint32_t ref = 1; ref < 0x200; ref += 2) {
		gd_buf_set_le(&iort, 0x78, ref, 4);
		fix_checksum(&iort);
		struct gd_platform p;
		struct gd_diags d = {0};
		assert_int_equal(load(&iort, &madt, &p, &d), 1);
		bool tagged = false;
		for (size_t i = 0; i < d.n; i++)
			tagged |= d.v[i].rule && !strcmp(d.v[i].rule, "iort-output-ref");
		assert_true(tagged);
		gd_platform_free(&p);
		gd_diags_free(&d);
	}
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

/* An ITS group naming an ITS the MADT lacks (U-Boot/sbsa-ref); without a MADT, assumed. */
static void its_identifier_unknown(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0};
	qemu_tables(&iort, &madt);
	gd_buf_set_le(&iort, 0x44, 7, 4);
	fix_checksum(&iort);
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load(&iort, &madt, &p, &d), 1);
	assert_string_equal(d.v[0].rule, "iort-its-unknown");
	assert_int_equal(d.v[0].loc.offset, 0x44);
	gd_platform_free(&p);
	gd_diags_free(&d);
	assert_int_equal(load(&iort, NULL, &p, &d), 0);
	assert_int_equal(p.n_its, 1);
	assert_string_equal(p.its[0]->node.name, "its7");
	assert_ptr_equal(p.rcs[0]->node.maps[0].output, &p.its[0]->node);
	gd_platform_free(&p);
	gd_diags_free(&d);
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

static void bad_checksum_warns(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0};
	qemu_tables(&iort, &madt);
	iort.data[9] ^= 1;
	struct gd_platform p;
	struct gd_diags d = {0};
	assert_int_equal(load(&iort, &madt, &p, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	gd_platform_free(&p);
	gd_diags_free(&d);
	assert_int_not_equal(load(&iort, &iort, &p, &d), 0); /* two IORTs */
	gd_platform_free(&p);
	gd_diags_free(&d);
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

static uint32_t xorshift(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void mutation_fuzz(void **state)
{
	(void)state;
	struct gd_buf iort = {0}, madt = {0}, t = {0};
	qemu_tables(&iort, &madt);
	uint32_t seed = 0x9E3779B9u;
	for (int i = 0; i < 10000; i++) {
		int which = xorshift(&seed) & 1;
		const struct gd_buf *src = which ? &madt : &iort;
		cut(&t, src, src->len);
		unsigned edits = 1 + xorshift(&seed) % 4;
		for (unsigned e = 0; e < edits; e++) {
			size_t at = 36 + xorshift(&seed) % (t.len - 36);
			if (xorshift(&seed) & 1)
				t.data[at] ^= (uint8_t)(1u << (xorshift(&seed) % 8));
			else
				t.data[at] = (uint8_t)xorshift(&seed);
		}
		if (xorshift(&seed) % 4)
			fix_checksum(&t);
		try_load(which ? &iort : &t, which ? &t : &madt);
	}
	gd_buf_free(&t);
	gd_buf_free(&iort);
	gd_buf_free(&madt);
}

/*
 * RMR nodes (IORT E.e §3.1.1.7) written at revisions 5 and 6 read back with
 * their flags, ranges and StreamIDs (one as a single mapping, one a range);
 * revision 3 has no RMR node Linux reads, and generate refuses it.
 */
static void rmr_round_trip(void **state)
{
	(void)state;
	static const struct gd_rmr_range ranges[] = {{0x48000000, 0x10000, {0}},
	                                             {0x48100000, 0x20000, {0}}};
	for (unsigned rev = 3; rev <= 6; rev++) {
		struct gd_platform want, got;
		struct gd_buf iort = {0}, madt = {0};
		struct gd_diags d = {0};
		size_t errors;
		if (rev == 4)
			continue;
		fixture_qemu_virt_smmuv3(&want);
		want.acpi.iort_revision = (uint8_t)rev;
		struct gd_rmr *r = gd_arena_alloc(&want.arena, sizeof(*r));
		r->name = "rmr0";
		r->remap_permitted = true;
		r->access = GD_RMR_NORMAL_WB;
		r->ranges = (struct gd_rmr_range *)ranges;
		r->n_ranges = 2;
		r->stream_ids = gd_arena_alloc(&want.arena, 2 * sizeof(*r->stream_ids));
		r->n_stream_ids = 2;
		r->stream_ids[0] =
		    (struct gd_id_map){.input_base = 8, .count = 1, .output_base = 8};
		r->stream_ids[1] =
		    (struct gd_id_map){.input_base = 0x100, .count = 4, .output_base = 0x100};
		r->stream_ids[0].output = r->stream_ids[1].output = &want.smmus[0]->node;
		*GD_ARRAY_PUSH(&want.arena, want.rmrs, want.n_rmrs, want.cap_rmrs) = r;
		int rc = acpi_run(gd_emit_iort, &want, &iort, &errors, NULL);
		if (rev < 5) {
			assert_int_equal(rc, -1);
			assert_int_equal(errors, 1);
			gd_buf_free(&iort);
			gd_platform_free(&want);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_int_equal(acpi_run(gd_emit_madt, &want, &madt, NULL, NULL), 0);
		assert_int_equal(load(&iort, &madt, &got, &d), 0);
		assert_int_equal(d.errors + d.warnings, 0);
		assert_int_equal(got.n_rmrs, 1);
		const struct gd_rmr *g = got.rmrs[0];
		assert_true(g->remap_permitted);
		assert_false(g->access_privileged);
		assert_int_equal(g->access, GD_RMR_NORMAL_WB);
		assert_int_equal(g->n_ranges, 2);
		assert_int_equal(g->ranges[1].base, 0x48100000);
		assert_int_equal(g->ranges[1].length, 0x20000);
		assert_int_equal(g->n_stream_ids, 2);
		assert_int_equal(g->stream_ids[0].output_base, 8);
		assert_int_equal(g->stream_ids[0].count, 1);
		assert_int_equal(g->stream_ids[1].output_base, 0x100);
		assert_int_equal(g->stream_ids[1].count, 4);
		assert_ptr_equal(g->stream_ids[1].output, &got.smmus[0]->node);
		gd_diags_free(&d);
		gd_buf_free(&iort);
		gd_buf_free(&madt);
		gd_platform_free(&got);
		gd_platform_free(&want);
	}
}

/* Adds PMCG @name at page 0 @base (page 1 at + 0x10000) counting for @ref. */
static struct gd_pmcg *add_pmcg(struct gd_platform *p, const char *name, uint64_t base,
                                struct gd_node *ref)
{
	struct gd_pmcg *g = gd_arena_alloc(&p->arena, sizeof(*g));
	g->node.kind = GD_NODE_PMCG;
	g->node.name = name;
	g->node.index = p->n_pmcgs;
	g->page0_base = base;
	g->page1_base = base + 0x10000;
	g->has_page1 = true;
	g->node_ref = ref;
	*GD_ARRAY_PUSH(&p->arena, p->pmcgs, p->n_pmcgs, p->cap_pmcgs) = g;
	return g;
}

/* The table offset of the first IORT node of @type in @b (node headers from offset 48). */
static size_t iort_node_of_type(const struct gd_buf *b, uint8_t type)
{
	size_t off = 48;
	while (off + 16 <= b->len && b->data[off] != type)
		off += (size_t)b->data[off + 1] | (size_t)b->data[off + 2] << 8;
	assert_true(off + 16 <= b->len);
	return off;
}

/*
 * PMCG nodes (IORT E.e §3.1.1.6) written at table revisions 0, 3, 5, 6 are
 * node revision 1 below 5 and 2 from it (EDK2 DynamicTablesPkg AddPmcgNodes())
 * and read back with their pages, overflow GSIV, node reference and own-MSI
 * single mapping. Made node revision 0 (DEN0049C), the same bytes read back
 * without page 1, as Linux arm_smmu_v3_pmcg_init_resources() reads them.
 */
static void pmcg_round_trip(void **state)
{
	(void)state;
	static const unsigned revs[] = {0, 3, 5, 6};
	for (size_t i = 0; i < sizeof(revs) / sizeof(revs[0]); i++) {
		struct gd_platform want, got;
		struct gd_buf iort = {0}, madt = {0};
		struct gd_diags d = {0};
		fixture_qemu_virt_smmuv3(&want);
		if (revs[i] == 0)
			want.rcs[0]->memory_address_limit = 0;
		want.acpi.iort_revision = (uint8_t)revs[i];
		struct gd_pmcg *msi = add_pmcg(&want, "pmcg0", 0x09052000, &want.smmus[0]->node);
		fixture_add_map(&want, &msi->node, 0, 1, 0x30000, &want.its[0]->node)->single =
		    true;
		add_pmcg(&want, "pmcg1", 0x09062000, &want.rcs[0]->node)->overflow_intid = 112;
		assert_int_equal(acpi_run(gd_emit_iort, &want, &iort, NULL, NULL), 0);
		assert_int_equal(acpi_run(gd_emit_madt, &want, &madt, NULL, NULL), 0);
		size_t at = iort_node_of_type(&iort, GD_IORT_PMCG);
		assert_int_equal(iort.data[at + 3], revs[i] < 5 ? 1 : 2);
		for (int node_rev = 1; node_rev >= 0; node_rev--) {
			assert_int_equal(load(&iort, &madt, &got, &d), 0);
			assert_int_equal(d.errors + d.warnings, 0);
			assert_int_equal(got.n_pmcgs, 2);
			const struct gd_pmcg *g = got.pmcgs[0], *h = got.pmcgs[1];
			assert_int_equal(g->page0_base, 0x09052000);
			assert_int_equal(g->has_page1, node_rev == 1);
			assert_int_equal(g->page1_base, node_rev == 1 ? 0x09062000 : 0);
			assert_int_equal(g->overflow_intid, 0);
			assert_ptr_equal(g->node_ref, &got.smmus[0]->node);
			assert_int_equal(g->node.n_maps, 1);
			assert_true(g->node.maps[0].single);
			assert_int_equal(g->node.maps[0].output_base, 0x30000);
			assert_ptr_equal(g->node.maps[0].output, &got.its[0]->node);
			assert_ptr_equal(gd_pmcg_msi(g), &g->node.maps[0]);
			assert_int_equal(h->overflow_intid, 112);
			assert_ptr_equal(h->node_ref, &got.rcs[0]->node);
			assert_int_equal(h->node.n_maps, 0);
			gd_platform_free(&got);
			gd_diags_free(&d);
			iort.data[at + 3] = 0; /* node revision 0: no page 1 field */
			fix_checksum(&iort);
		}
		gd_buf_free(&iort);
		gd_buf_free(&madt);
		gd_platform_free(&want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_gicv3_is_fixture),
	    cmocka_unit_test(qemu_gicv4_is_fixture),
	    cmocka_unit_test(emitted_tables_load_back),
	    cmocka_unit_test(smmu_v2_empty_array_offset_zero),
	    cmocka_unit_test(truncated_at_every_length),
	    cmocka_unit_test(fields_zero_and_saturated),
	    cmocka_unit_test(node_offset_inside_header),
	    cmocka_unit_test(output_reference_to_odd_offsets),
	    cmocka_unit_test(its_identifier_unknown),
	    cmocka_unit_test(bad_checksum_warns),
	    cmocka_unit_test(mutation_fuzz),
	    cmocka_unit_test(rmr_round_trip),
	    cmocka_unit_test(pmcg_round_trip),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}

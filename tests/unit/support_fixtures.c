/* SPDX-License-Identifier: MIT */
#include "support_fixtures.h"

#include <string.h>

struct gd_id_map *fixture_add_map(struct gd_platform *p, struct gd_node *n, uint32_t input_base,
                                  uint64_t count, uint32_t output_base, struct gd_node *output)
{
	struct gd_id_map *m = GD_ARRAY_PUSH(&p->arena, n->maps, n->n_maps, n->cap_maps);
	m->input_base = input_base;
	m->count = count;
	m->output_base = output_base;
	m->output = output;
	m->output_name = output->name;
	return m;
}

static void add_window(struct gd_platform *p, struct gd_root_complex *rc, enum gd_pci_space sp,
                       uint64_t pci, uint64_t cpu, uint64_t size)
{
	struct gd_pci_window *w =
	    GD_ARRAY_PUSH(&p->arena, rc->windows, rc->n_windows, rc->cap_windows);
	w->space = sp;
	w->pci_base = pci;
	w->cpu_base = cpu;
	w->size = size;
}

static void qemu_common(struct gd_platform *p, unsigned ncpus)
{
	memset(p, 0, sizeof(*p));
	p->file = "fixture";
	p->name = "qemu-virt";
	memcpy(p->oem_id, "BOCHS ", 7);
	memcpy(p->oem_table_id, "BXPC    ", 9);
	p->oem_revision = 1;
	p->acpi.iort_revision = 3;
	p->acpi.madt_revision = 4;
	memcpy(p->acpi.creator_id, "GICD", 5);
	p->acpi.creator_revision = 1;
	p->dt.model = "linux,dummy-virt";
	*GD_ARRAY_PUSH(&p->arena, p->dt.compatible, p->dt.n_compatible, p->dt.cap_compatible) =
	    "linux,dummy-virt";

	p->gic_version = GD_GIC_V3;
	p->dist.base = 0x08000000;
	p->dist.size = 0x10000;
	p->dist.spis = 256;
	p->dist.intid_bits = 16;
	struct gd_redist_region *r =
	    GD_ARRAY_PUSH(&p->arena, p->redists, p->n_redists, p->cap_redists);
	r->base = 0x080A0000;
	r->length = 0xF60000;
	for (unsigned i = 0; i < ncpus; i++) {
		struct gd_cpu *c = GD_ARRAY_PUSH(&p->arena, p->cpus, p->n_cpus, p->cap_cpus);
		c->mpidr = i;
		c->uid = i;
		c->cpu_interface_number = i;
		c->enabled = true;
		c->pmu_intid = 23;
		c->compatible = "arm,cortex-a57";
		c->enable_method = "psci";
	}

	struct gd_its *its = gd_arena_alloc(&p->arena, sizeof(*its));
	its->node.kind = GD_NODE_ITS;
	its->node.name = "its0";
	its->its_id = 0;
	its->base = 0x08080000;
	its->size = 0x20000;
	its->device_id_bits = 16;
	its->event_id_bits = 16;
	*GD_ARRAY_PUSH(&p->arena, p->its, p->n_its, p->cap_its) = its;

	struct gd_root_complex *rc = gd_arena_alloc(&p->arena, sizeof(*rc));
	rc->node.kind = GD_NODE_ROOT_COMPLEX;
	rc->node.name = "pcie0";
	rc->segment = 0;
	rc->ecam_base = 0x4010000000ull;
	rc->bus_start = 0;
	rc->bus_end = 255;
	rc->mem.cca = 1;
	rc->mem.flags = 3;
	rc->memory_address_limit = 64;
	add_window(p, rc, GD_PCI_IO, 0, 0x3EFF0000, 0x10000);
	add_window(p, rc, GD_PCI_MEM32, 0x10000000, 0x10000000, 0x2EFF0000);
	add_window(p, rc, GD_PCI_MEM64, 0x8000000000ull, 0x8000000000ull, 0x8000000000ull);
	*GD_ARRAY_PUSH(&p->arena, p->rcs, p->n_rcs, p->cap_rcs) = rc;
}

void fixture_qemu_virt(struct gd_platform *p)
{
	qemu_common(p, 4);
	fixture_add_map(p, &p->rcs[0]->node, 0, 0x10000, 0, &p->its[0]->node);
}

void fixture_qemu_virt_smmuv3(struct gd_platform *p)
{
	qemu_common(p, 2);
	struct gd_smmu *s = gd_arena_alloc(&p->arena, sizeof(*s));
	s->node.kind = GD_NODE_SMMU;
	s->node.name = "smmu0";
	s->base = 0x09050000;
	s->size = 0x20000;
	s->coherent = true;
	s->event_intid = 32 + 74;
	s->pri_intid = 32 + 75;
	s->sync_intid = 32 + 76;
	s->gerr_intid = 32 + 77;
	*GD_ARRAY_PUSH(&p->arena, p->smmus, p->n_smmus, p->cap_smmus) = s;
	fixture_add_map(p, &p->rcs[0]->node, 0, 0x10000, 0, &s->node);
	fixture_add_map(p, &s->node, 0, 0x10000, 0, &p->its[0]->node);
}

void fixture_mmu500(struct gd_smmu *s)
{
	static const struct gd_smmu_irq ctx[] = {{178, false}, {179, true}};
	static const struct gd_smmu_irq pmu[] = {{243, true}};
	*s = (struct gd_smmu){.node = s->node,
	                      .version = GD_SMMU_V1_V2,
	                      .model = GD_SMMU_MMU500,
	                      .base = s->base,
	                      .size = 0x800000,
	                      .coherent = true,
	                      .dvm = true,
	                      .nsg_irpt = {47, false},
	                      .nsg_cfg_irpt = {48, true},
	                      .context = (struct gd_smmu_irq *)ctx,
	                      .n_context = 2,
	                      .pmu = (struct gd_smmu_irq *)pmu,
	                      .n_pmu = 1};
}

#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""dt_facts.py DTB: prints the interrupt-system facts of a flattened device tree, one per line,
in a form that does not depend on node names, node order, property order or phandle values, so
that two trees that describe the same hardware print the same text. Nodes are found by
compatible / device_type (GICv3 or GICv2 with its GICv2m frames; a GICv5 with its IRSes, their ITSes and
translate frames, and its IWBs); a phandle is printed as the node it points at ("arm,gic-v3-its@0x8080000";
a node without compatible, a GICv5 translate frame, by its node name: "msi-controller@0x8090000").
An interrupt's trigger is printed as the GIC takes it: edge (IRQ_TYPE_EDGE_RISING, 1) or level
(IRQ_TYPE_LEVEL_HIGH, 4), for the GIC has no polarity (arm,gic-v3.yaml: SPIs are level-high or
edge-rising; Linux gic_configure_irq() takes every level type as level), so a PPI written
IRQ_TYPE_LEVEL_LOW (8), as Layerscape DTs write their PMU, prints as 4.
With --enabled (dt_facts.py --enabled DTB), nodes whose status is not "okay" are left out, and
the PCI host bridges are those at any depth (not below another PCI node), as gicdesc's DTB
loader reads them: for comparing a tree with the one generated from its import.
Needs Debian's python3-libfdt."""
import sys

import libfdt


def load(path):
    with open(path, 'rb') as f:
        fdt = libfdt.Fdt(f.read())
    nodes = {}

    def walk(off, path):
        props = {}
        poff = fdt.first_property_offset(off, libfdt.QUIET_NOTFOUND)
        while poff >= 0:
            prop = fdt.get_property_by_offset(poff)
            props[prop.name] = bytes(prop)
            poff = fdt.next_property_offset(poff, libfdt.QUIET_NOTFOUND)
        nodes[path] = props
        child = fdt.first_subnode(off, libfdt.QUIET_NOTFOUND)
        while child >= 0:
            walk(child, path.rstrip('/') + '/' + fdt.get_name(child))
            child = fdt.next_subnode(child, libfdt.QUIET_NOTFOUND)

    walk(0, '/')
    return nodes


def cells(v):
    return [int.from_bytes(v[i:i + 4], 'big') for i in range(0, len(v), 4)]


def number(cs):
    """The number that cells @cs spell, most significant first."""
    n = 0
    for c in cs:
        n = n << 32 | c
    return n


def gic_flags(f):
    """Interrupt specifier flags with the trigger as the GIC takes it: 2 -> 1, 8 -> 4."""
    return (f & ~0xf) | {2: 1, 8: 4}.get(f & 0xf, f & 0xf)


# SMMUv1/v2 compatibles of Linux 6.12 arm-smmu.c arm_smmu_of_match (iommu/arm,smmu.yaml).
SMMU_V2_COMPATIBLES = ('arm,smmu-v1', 'arm,smmu-v2', 'arm,mmu-400', 'arm,mmu-401', 'arm,mmu-500',
                       'cavium,smmu-v2', 'nvidia,smmu-500', 'qcom,smmu-v2')


def strings(v):
    return v.rstrip(b'\0').decode().split('\0') if v else []


class Tree:
    def __init__(self, path, enabled=False):
        self.nodes = load(path)
        self.enabled = enabled
        if enabled:  # a disabled node takes its subtree with it
            off = [n for n, p in self.nodes.items() if p.get('status', b'okay\0') not in (b'okay\0', b'ok\0')]
            self.nodes = {n: p for n, p in self.nodes.items()
                          if not any(n == o or n.startswith(o.rstrip('/') + '/') for o in off)}
        self.by_phandle = {cells(p['phandle'])[0]: n for n, p in self.nodes.items() if 'phandle' in p}

    def ident(self, phandle):
        path = self.by_phandle.get(phandle)
        if path is None:
            return 'dangling-phandle-0x%x' % phandle
        reg = self.regs(path)
        compatible = strings(self.nodes[path].get('compatible', b''))
        kind = compatible[0] if compatible else path.rsplit('/', 1)[1].split('@')[0]
        return '%s@0x%x' % (kind, reg[0][0] if reg else 0)

    def with_compatible(self, compat):
        return sorted((n for n, p in self.nodes.items() if compat in strings(p.get('compatible', b''))),
                      key=self.regs)

    def cell_count(self, path, name):
        """#address-cells or #size-cells of @path, the Devicetree Specification's 2 or 1 when absent."""
        v = self.nodes[path].get(name)
        return cells(v)[0] if v is not None and len(v) == 4 else 2 if name == '#address-cells' else 1

    def cpu_address(self, bus, addr):
        """Address @addr of the space of @bus's children as a CPU address (up through the ranges of
        @bus and its ancestors), or -1 when a bus on the way cannot translate it."""
        while bus != '/':
            parent = bus.rsplit('/', 1)[0] or '/'
            r = self.nodes[bus].get('ranges')
            if r is None:
                return -1
            cac, csc = self.cell_count(bus, '#address-cells'), self.cell_count(bus, '#size-cells')
            n, c = cac + self.cell_count(parent, '#address-cells') + csc, cells(r)
            if c:  # (an empty ranges maps 1:1)
                for i in range(0, len(c) - n + 1, n):
                    child, size = number(c[i:i + cac]), number(c[i + n - csc:i + n])
                    if child <= addr < child + size:
                        addr += number(c[i + cac:i + n - csc]) - child
                        break
                else:
                    return -1
            bus = parent
        return addr

    def regs(self, path):
        """reg of @path as (CPU address, size) pairs, in its parent's cells."""
        parent = path.rsplit('/', 1)[0] or '/'
        ac, sc = self.cell_count(parent, '#address-cells'), self.cell_count(parent, '#size-cells')
        c = cells(self.nodes[path].get('reg', b''))
        return [(self.cpu_address(parent, number(c[i:i + ac])), number(c[i + ac:i + ac + sc]))
                for i in range(0, len(c) - ac - sc + 1, ac + sc)] if ac + sc else []

    def hexregs(self, path):
        if 'reg' not in self.nodes[path]:
            return 'absent'
        return ' '.join('0x%x+0x%x' % r for r in self.regs(path)) or 'present'

    def hexcells(self, path, name):
        v = self.nodes[path].get(name)
        return 'absent' if v is None else ' '.join('0x%x' % c for c in cells(v)) or 'present'

    def specifiers(self, path):
        """interrupts of @path, a 4th (partition) cell as the reg of each CPU of its affinity."""
        v = self.nodes[path].get('interrupts')
        if v is None:
            return 'absent'
        c, out = cells(v), []
        n = 4 if len(c) % 4 == 0 and len(c) % 3 != 0 else 3
        for i in range(0, len(c) - n + 1, n):
            spec = ' '.join('0x%x' % x for x in c[i:i + 2] + [gic_flags(c[i + 2])])
            if n == 4 and c[i + 3]:
                part = self.nodes[self.by_phandle[c[i + 3]]]
                cpus = [self.mpidr(self.by_phandle[ph]) for ph in cells(part['affinity'])]
                spec += ' cpus %s' % sorted(cpus)
            out.append(spec)
        return ', '.join(out) or 'present'

    def strs(self, path, name):
        return strings(self.nodes[path].get(name, b'')) if name in self.nodes[path] else 'absent'

    def children(self, path, want):
        """The children of @path for which want(child path) holds, by reg."""
        return sorted((n for n in self.nodes if n.rsplit('/', 1)[0] == path and want(n)), key=self.regs)

    def mpidr(self, path):
        """The MPIDR of cpu node @path (its reg, in one or two cells)."""
        return '0x%x' % number(cells(self.nodes[path].get('reg', b'')))

    def pci_ranges(self, path):
        """ranges of PCI host @path, each phys.hi masked to its space code and prefetchable bit."""
        v = self.nodes[path].get('ranges')
        if v is None:
            return 'absent'
        c = cells(v)
        size = cells(self.nodes[path].get('#size-cells', b'\0\0\0\2'))[0]
        n = 3 + cells(self.nodes['/'].get('#address-cells', b'\0\0\0\2'))[0] + size
        for i in range(0, len(c) - n + 1, n):
            c[i] &= 0x43000000
        return ' '.join('0x%x' % x for x in c) or 'present'

    def id_map(self, path, name):
        v = self.nodes[path].get(name)
        if v is None:
            return 'absent'
        c = cells(v)
        return ', '.join('0x%x -> %s 0x%x +0x%x' % (c[i], self.ident(c[i + 1]), c[i + 2], c[i + 3])
                         for i in range(0, len(c) - 3, 4))


# GICv3 (arm,gic-v3.yaml) and the GICv2s of arm,gic.yaml that Linux's irq-gic.c probes.
GIC_COMPATIBLES = ('arm,gic-v3', 'arm,gic-400', 'arm,cortex-a15-gic', 'arm,cortex-a9-gic',
                   'arm,cortex-a7-gic', 'arm,arm11mp-gic', 'arm,arm1176jzf-devchip-gic',
                   'qcom,msm-8660-qgic', 'qcom,msm-qgic2', 'arm,pl390')


def is_cpu_pmu(compatible):
    """A CPU PMU of arm,pmu.yaml: arm,armv8-pmuv3, arm,cortex-*-pmu, arm,neoverse-*-pmu."""
    return compatible == 'arm,armv8-pmuv3' or (
        compatible.startswith(('arm,cortex-', 'arm,neoverse-')) and compatible.endswith('-pmu'))


def gicv5_facts(t):
    """The GICv5 (arm,gic-v5.yaml, arm,gic-v5-iwb.yaml): the GIC node, each IRS (its frames, the
    CPUs it serves by MPIDR with their IAFFIDs, in the order of cpus), its ITSes and their translate
    frames (msi-controller children), and the IWBs with the frame and DeviceID of their msi-parent."""
    out = []
    for gic in t.with_compatible('arm,gic-v5'):
        out.append('gicv5 compatible %s' % strings(t.nodes[gic]['compatible']))
        for prop in ('reg', '#interrupt-cells', 'interrupt-controller', 'interrupts'):
            out.append('gicv5 %s %s' % (prop, t.hexcells(gic, prop)))
        for irs in t.children(gic, lambda n: 'arm,gic-v5-irs' in t.strs(n, 'compatible')):
            out.append('irs reg %s' % t.hexregs(irs))
            out.append('irs reg-names %s' % t.strs(irs, 'reg-names'))
            out.append('irs dma-noncoherent %s' % t.hexcells(irs, 'dma-noncoherent'))
            ids = t.nodes[irs].get('arm,iaffids', b'')
            iaffids = [int.from_bytes(ids[i:i + 2], 'big') for i in range(0, len(ids), 2)]
            cpus = [t.mpidr(t.by_phandle[ph]) if ph in t.by_phandle else 'dangling-phandle-0x%x' % ph
                    for ph in cells(t.nodes[irs].get('cpus', b''))]
            out.append('irs cpus (MPIDR: IAFFID) %s' % ['%s: 0x%x' % pair for pair in zip(cpus, iaffids)]
                       if len(cpus) == len(iaffids) else
                       'irs cpus %s arm,iaffids %s' % (cpus, iaffids))
            for its in t.children(irs, lambda n: 'arm,gic-v5-its' in t.strs(n, 'compatible')):
                out.append('irs its reg %s' % t.hexregs(its))
                out.append('irs its reg-names %s' % t.strs(its, 'reg-names'))
                out.append('irs its dma-noncoherent %s' % t.hexcells(its, 'dma-noncoherent'))
                for frame in t.children(its, lambda n: 'msi-controller' in t.nodes[n]):
                    out.append('irs its frame reg %s' % t.hexregs(frame))
                    out.append('irs its frame reg-names %s' % t.strs(frame, 'reg-names'))
                    out.append('irs its frame #msi-cells %s' % t.hexcells(frame, '#msi-cells'))
    for iwb in t.with_compatible('arm,gic-v5-iwb'):
        out.append('iwb reg %s' % t.hexregs(iwb))
        for prop in ('#interrupt-cells', 'interrupt-controller'):
            out.append('iwb %s %s' % (prop, t.hexcells(iwb, prop)))
        parent = cells(t.nodes[iwb].get('msi-parent', b''))
        out.append('iwb msi-parent %s' % ('%s 0x%x' % (t.ident(parent[0]), parent[1]) if len(parent) == 2
                                          else ' '.join('0x%x' % c for c in parent) or 'absent'))
    return out


def facts(t):
    out = []
    root = t.nodes['/']
    out.append('root #address-cells %s' % t.hexcells('/', '#address-cells'))
    out.append('root #size-cells %s' % t.hexcells('/', '#size-cells'))
    out.append('root interrupt-parent %s' % (t.ident(cells(root['interrupt-parent'])[0])
                                             if 'interrupt-parent' in root else 'absent'))
    for gic in sum((t.with_compatible(c) for c in GIC_COMPATIBLES), []):
        out.append('gic compatible %s' % strings(t.nodes[gic]['compatible']))
        for prop in ('reg', '#redistributor-regions', '#interrupt-cells', 'interrupt-controller',
                     'interrupts', 'msi-controller', 'mbi-ranges', 'mbi-alias'):
            value = t.hexregs(gic) if prop == 'reg' else t.hexcells(gic, prop)
            if prop == '#redistributor-regions' and value == 'absent':
                value = '0x1'  # arm,gic-v3.yaml: the default is 1
            out.append('gic %s %s' % (prop, value))
    for v2m in t.with_compatible('arm,gic-v2m-frame'):
        out.append('v2m reg %s' % t.hexregs(v2m))
        for prop in ('msi-controller', 'arm,msi-base-spi', 'arm,msi-num-spis'):
            out.append('v2m %s %s' % (prop, t.hexcells(v2m, prop)))
    for its in t.with_compatible('arm,gic-v3-its'):
        out.append('its reg %s' % t.hexregs(its))
        for prop in ('#msi-cells', 'msi-controller'):
            out.append('its %s %s' % (prop, t.hexcells(its, prop)))
    out += gicv5_facts(t)
    cpus = [n for n, p in t.nodes.items() if p.get('device_type') == b'cpu\0']
    out.append('cpus %s' % sorted(t.mpidr(n) for n in cpus))
    out.append('cpus enable-method %s' % sorted(set(tuple(strings(t.nodes[n].get('enable-method', b''))) for n in cpus)))
    for pmu in sorted(n for n, p in t.nodes.items()
                      if any(is_cpu_pmu(c) for c in strings(p.get('compatible', b'')))):
        out.append('pmu %s interrupts %s' % (strings(t.nodes[pmu]['compatible'])[0], t.specifiers(pmu)))
    for smmu in t.with_compatible('arm,smmu-v3'):
        out.append('smmu reg %s' % t.hexregs(smmu))
        for prop in ('#iommu-cells', 'dma-coherent'):
            out.append('smmu %s %s' % (prop, t.hexcells(smmu, prop)))
        # arm,smmu-v3.yaml names each interrupt; their order is free.
        names = strings(t.nodes[smmu].get('interrupt-names', b''))
        specs = t.specifiers(smmu).split(', ')
        out.append('smmu interrupts %s' % sorted('%s: %s' % pair for pair in zip(names, specs)))
    # arm,smmu.yaml: the first #global-interrupts are global (and PMU) interrupts, then one
    # per context bank, in order.
    v2 = sorted(set(sum((t.with_compatible(c) for c in SMMU_V2_COMPATIBLES), [])),
                key=lambda n: cells(t.nodes[n].get('reg', b'')))
    for smmu in v2:
        out.append('smmu-v2 compatible %s' % strings(t.nodes[smmu]['compatible']))
        for prop in ('reg', '#global-interrupts', '#iommu-cells', 'stream-match-mask',
                     'dma-coherent'):
            out.append('smmu-v2 %s %s' % (prop, t.hexcells(smmu, prop)))
        out.append('smmu-v2 interrupts %s' % t.specifiers(smmu))
    def host(n, p):
        parent = n.rsplit('/', 1)[0] or '/'
        if t.enabled:
            return t.nodes[parent].get('device_type') != b'pci\0'
        return n.count('/') == 1 and 'bus-range' in p
    pcis = sorted((n for n, p in t.nodes.items() if p.get('device_type') == b'pci\0' and host(n, p)),
                  key=t.regs)
    in_dt_order = [n for n in t.nodes if n in pcis]  # (the order Linux numbers them in)
    for pci in pcis:  # the host bridges (ECAM or named registers), not their PCI-PCI bridges
        out.append('pcie compatible %s' % strings(t.nodes[pci].get('compatible', b'')))
        out.append('pcie reg-names %s' % strings(t.nodes[pci].get('reg-names', b'')))
        for prop in ('reg', 'bus-range', 'linux,pci-domain', 'ranges', 'dma-coherent'):
            value = {'ranges': t.pci_ranges, 'reg': t.hexregs}.get(prop, lambda n: t.hexcells(n, prop))(pci)
            if prop == 'linux,pci-domain' and value == 'absent':
                value = '0x%x' % in_dt_order.index(pci)
            out.append('pcie %s %s' % (prop, value))
        out.append('pcie device_type %s' % strings(t.nodes[pci].get('device_type', b'')))
        out.append('pcie msi-map %s' % t.id_map(pci, 'msi-map'))
        out.append('pcie iommu-map %s' % t.id_map(pci, 'iommu-map'))
    return out


if __name__ == '__main__':
    enabled = sys.argv[1] == '--enabled'
    print('\n'.join(facts(Tree(sys.argv[-1], enabled))))

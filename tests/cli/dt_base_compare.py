#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""dt_base_compare.py BASE.dtb MERGED.dtb OURS.dtb: checks a `gicdesc generate --base` result.

BASE is the base tree, MERGED what gicdesc made of it, OURS gicdesc's standalone DTB of the
same description. What the merge may replace is found here on its own, from the bindings:
the GIC node (interrupt-controller, compatible arm,gic-v3) and its GIC properties, its ITS and
GICv2m children, and the MSI/IOMMU wiring (msi-parent, msi-map, msi-map-mask, iommu-map,
iommu-map-mask, iommus) of the PCI hosts and SMMUv3s. Asserts, one line each:
- every other node and property of BASE is in MERGED, byte for byte, in the base's order;
- every phandle of BASE still names the node at the same path (an ITS: the ITS at its address);
- every replaced value equals OURS's (phandles compared as the nodes they name, a reg as its CPU
  addresses and sizes in the cells of its bus); the GIC's #address-cells, #size-cells and ranges
  are the base's where the base has them all or ours has no ITS or GICv2m frame (interrupt-map
  entries spell the GIC's unit address in them), else its parent's cells and an empty ranges;
- MERGED is packed and far below 1 MiB, and keeps the base's memory reservations.
Prints "ok - ..." / "not ok - ..." lines; exits 1 when one failed. Needs python3-libfdt."""
import sys

import libfdt

from dt_facts import Tree, cells, strings, load

GIC_PROPS = {'compatible', '#interrupt-cells', '#address-cells', '#size-cells', 'ranges',
             'interrupt-controller', 'reg', '#redistributor-regions', 'redistributor-stride',
             'interrupts', 'phandle'}
CELLS = {'#address-cells', '#size-cells', 'ranges'}
WIRING = {'msi-parent', 'msi-map', 'msi-map-mask', 'iommu-map', 'iommu-map-mask', 'iommus'}
ITS_COMPATIBLES = ('arm,gic-v3-its', 'arm,gic-v2m-frame')
failed = 0


def check(what, cond):
    global failed
    print('%s - %s' % ('ok' if cond else 'not ok', what))
    failed += not cond


def ordered(path):
    """The blob and, per node path in blob order, its property names in blob order (the walk of
    dt_facts.load(), whose dicts keep the order they were filled in)."""
    with open(path, 'rb') as f:
        fdt = libfdt.Fdt(f.read())
    return fdt, {n: list(props) for n, props in load(path).items()}


def compatible(props, c):
    return c in strings(props.get('compatible', b''))


def main(base_path, merged_path, ours_path):
    base, merged, ours = Tree(base_path), Tree(merged_path), Tree(ours_path)
    base_fdt, base_order = ordered(base_path)
    merged_fdt, merged_order = ordered(merged_path)

    gics = base.with_compatible('arm,gic-v3')
    check('the base has one arm,gic-v3 node', len(gics) == 1)
    gic = gics[0]
    base_its = {n for n, p in base.nodes.items()
                if n.startswith(gic + '/') and any(compatible(p, c) for c in ITS_COMPATIBLES)}
    # A PCI host or SMMU of the base is covered when ours has one with its reg (a real board has
    # hosts the description leaves out: they are kept like any other node).
    ours_regs = {tuple(ours.regs(n)) for n, p in ours.nodes.items()
                 if p.get('device_type') == b'pci\0' or compatible(p, 'arm,smmu-v3')}
    covered = {n for n, p in base.nodes.items()
               if (p.get('device_type') == b'pci\0' or compatible(p, 'arm,smmu-v3'))
               and tuple(base.regs(n)) in ours_regs}

    def replaced(node, prop):
        return (node == gic and prop in GIC_PROPS) or (node in covered and prop in WIRING)

    # Everything else of the base, byte for byte and in order.
    kept_nodes = [n for n in base_order if not any(n == i or n.startswith(i + '/') for i in base_its)]
    check('every base node but its ITSes is in the merged tree',
          all(n in merged.nodes for n in kept_nodes))
    check('the base nodes keep their order', [n for n in merged_order if n in kept_nodes] == kept_nodes)
    bad = ['%s:%s' % (n, p) for n in kept_nodes for p, v in base.nodes[n].items()
           if not replaced(n, p) and merged.nodes.get(n, {}).get(p) != v]
    check('every base property not replaced is kept byte for byte %s' % bad[:5], not bad)
    extra = ['%s:%s' % (n, p) for n in kept_nodes for p in merged.nodes.get(n, {})
             if p not in base.nodes[n] and not replaced(n, p)]
    check('no property is added outside the replaced set %s' % extra[:5], not extra)
    moved = [n for n in kept_nodes
             if [p for p in base_order[n] if not replaced(n, p)] !=
             [p for p in merged_order.get(n, []) if not replaced(n, p)]]
    check('the kept properties keep their order %s' % moved[:5], not moved)

    # Phandles of the base still name the same nodes.
    lost = []
    for ph, path in base.by_phandle.items():
        if path in base_its:
            want = base.ident(ph)
            got = merged.ident(ph)
        else:
            want, got = path, merged.by_phandle.get(ph)
        if want != got:
            lost.append('0x%x: %s -> %s' % (ph, want, got))
    check('every phandle of the base names the same node %s' % lost[:5], not lost)
    refs = [(n, p, c) for n, props in merged.nodes.items() for p, c in
            [(p, cells(v)) for p, v in props.items()]
            if p in ('interrupt-parent', 'msi-parent', 'iommus')
            for c in c[:1]]
    refs += [(n, p, c[i + 1]) for n, props in merged.nodes.items() for p in ('msi-map', 'iommu-map')
             if p in props for c in [cells(props[p])] for i in range(0, len(c) - 3, 4)]
    dangling = ['%s:%s 0x%x' % r for r in refs if r[2] not in merged.by_phandle]
    check('every interrupt-parent, msi-parent, iommus, msi-map, iommu-map resolves %s' % dangling[:5],
          not dangling)

    # The replaced values are ours.
    ours_gic = ours.with_compatible('arm,gic-v3')[0]
    for p in sorted(GIC_PROPS - CELLS - {'phandle', 'reg'}):
        check('GIC %s is ours' % p, merged.nodes[gic].get(p) == ours.nodes[ours_gic].get(p))
    check('GIC reg is ours %s' % merged.hexregs(gic), merged.regs(gic) == ours.regs(ours_gic))
    merged_its = merged.with_compatible('arm,gic-v3-its')
    ours_its = ours.with_compatible('arm,gic-v3-its')
    children = ours_its + ours.with_compatible('arm,gic-v2m-frame')
    parent = gic.rsplit('/', 1)[0] or '/'
    if not children or all(p in base.nodes[gic] for p in CELLS):
        whose, want = "the base's", {p: base.nodes[gic].get(p) for p in CELLS}
    else:
        whose, want = "its bus's cells, an empty ranges", {'#address-cells': base.nodes[parent].get('#address-cells', b'\0\0\0\2'),
                '#size-cells': base.nodes[parent].get('#size-cells', b'\0\0\0\1'), 'ranges': b''}
    check('GIC #address-cells, #size-cells, ranges are %s' % whose,
          {p: merged.nodes[gic].get(p) for p in CELLS} == want)
    check('the GIC has our ITSes, in our order',
          [n.rsplit('/', 1)[1].split('@')[0] for n in merged_its] ==
          [n.rsplit('/', 1)[1].split('@')[0] for n in ours_its])
    for m, o in zip(merged_its, ours_its):
        mp = {k: v for k, v in merged.nodes[m].items() if k not in ('phandle', 'reg')}
        op = {k: v for k, v in ours.nodes[o].items() if k not in ('phandle', 'reg')}
        check('%s has our properties' % m,
              mp == op and merged.regs(m) == ours.regs(o) and m.startswith(gic + '/'))
    for kind, nodes in (('pci', [n for n in covered if base.nodes[n].get('device_type') == b'pci\0']),
                        ('smmu', [n for n in covered if compatible(base.nodes[n], 'arm,smmu-v3')])):
        ours_nodes = [n for n, p in ours.nodes.items()
                      if (p.get('device_type') == b'pci\0') == (kind == 'pci')
                      and (kind == 'pci' or compatible(p, 'arm,smmu-v3'))]
        for n in nodes:
            o = [x for x in ours_nodes if ours.regs(x) == base.regs(n)]
            check('%s: our node with its reg' % n, len(o) == 1)
            for p in sorted(WIRING):
                if p in ('msi-map', 'iommu-map'):
                    same = merged.id_map(n, p) == ours.id_map(o[0], p)
                elif p in ('msi-parent', 'iommus'):
                    mv, ov = merged.nodes[n].get(p), ours.nodes[o[0]].get(p)
                    same = (mv is None) == (ov is None) and (mv is None or (
                        merged.ident(cells(mv)[0]) == ours.ident(cells(ov)[0]) and
                        cells(mv)[1:] == cells(ov)[1:]))
                else:
                    same = merged.nodes[n].get(p) == ours.nodes[o[0]].get(p)
                check('%s %s is ours (%s)' % (n, p, merged.id_map(n, p) if 'map' in p else 'bytes'), same)

    # Compact, packed, reservations kept.
    size = merged_fdt.totalsize()
    check('the merged DTB is packed (%d bytes)' % size,
          merged_fdt.off_dt_strings() + merged_fdt.size_dt_strings() == size and
          size < base_fdt.totalsize() + 64 * 1024)
    check('the memory reservation map is the base\'s',
          [merged_fdt.get_mem_rsv(i) for i in range(merged_fdt.num_mem_rsv())] ==
          [base_fdt.get_mem_rsv(i) for i in range(base_fdt.num_mem_rsv())])
    check('the boot CPU is the base\'s', merged_fdt.boot_cpuid_phys() == base_fdt.boot_cpuid_phys())
    return failed == 0


if __name__ == '__main__':
    sys.exit(0 if main(*sys.argv[1:4]) else 1)

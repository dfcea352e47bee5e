#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""synth_platform.py MAPPINGS: a large synthetic gicdesc platform on stdout.

A multichip server description with MAPPINGS ID mappings (a multiple of
4096), in the style of examples/server-gicv4.1: GICv4.1, 16 chips of 8 CPUs,
one redistributor region and one ITS per chip (20 DeviceID bits), 48 SMMUv3s
(two per chip in front of PCIe, each with its own MSIs, and one per chip
that translates the DMA of platform devices only), 128 PCIe root complexes (eight per
chip, four behind each SMMU, a PCI segment each) and 256 DMA engines
(named components). With s = MAPPINGS / 4096:

- each root complex splits its 2^16 RIDs into 8s equal chunks, each an ID
  mapping to its SMMU (StreamID = (RC index within the SMMU) << 16 | RID,
  so a constant offset per root complex);
- each SMMU maps the StreamIDs it receives, chunk by chunk, to DeviceIDs of
  its chip's ITS (DeviceID = (SMMU index within the chip) << 18 | StreamID);
  8s * 4 mappings per SMMU, the same number as its root complexes have;
- each named component signals its chip's ITS with one DeviceID (a single
  mapping, DT msi-parent) above 2^19, and has 8s - 1 StreamIDs on its
  chip's DMA SMMU (DT iommus), which maps no ID to an ITS (rule
  route-dma-only: a note each, the only findings).

So 1024s + 1024s + 2048s = 4096s mappings; every RID of every root complex
is routed, no two requesters share a DeviceID, and the description checks
with no error or warning. Deterministic: the same MAPPINGS always give the same bytes.
"""
import sys

CHIPS = 16
CPUS_PER_CHIP = 8
SMMUS_PER_CHIP = 2
RCS_PER_SMMU = 4
NCS_PER_CHIP = 16
CHIP_STRIDE = 1 << 42  # chip n's copy of a frame is at + n << 42
RIDS = 1 << 16


def smmu(w, name, chip, k):
    """Writes SMMUv3 @name up to its id-map: the k-th of @chip, its own MSIs to the chip's ITS."""
    w(f"  - name: {name}")
    w("    model: smmuv3")
    w(f"    base: {chip * CHIP_STRIDE + 0x4F000000 + k * 0x100000:#x}")
    w("    coherent: true")
    w(f"    proximity-domain: {chip}")
    w(f"    own-msi: {{ output: its{chip}, device-id: {0xFFF00 + k:#x} }}")


def id_map(w, comment, bases, count, offset, output):
    """Writes an id-map of @count IDs from each of @bases to base | @offset on @output."""
    w(f"    id-map:                  # {comment}")
    for b in bases:
        w(f"      - {{ input-base: {b:#x}, count: {count:#x}, output-base: {offset | b:#x}, "
          f"output: {output} }}")


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or int(sys.argv[1]) % 4096:
        sys.exit("usage: synth_platform.py MAPPINGS (a multiple of 4096)")
    s = int(sys.argv[1]) // 4096
    chunks = 8 * s
    rid_chunk = RIDS // chunks
    out = []
    w = out.append
    w(f"# synth_platform.py {sys.argv[1]}: a synthetic {CHIPS}-chip server, "
      f"{4096 * s} ID mappings (bench/README.md).")
    w("gicdesc: 1\n")
    w("platform:")
    w(f"  name: synth-{4096 * s}")
    w('  oem-id: "GICDSC"')
    w('  oem-table-id: "SYNTH   "')
    w("  oem-revision: 1\n")
    w("gic:")
    w("  version: 4.1")
    w("  distributor: { base: 0x30000000, spis: 960, intid-bits: 24 }")
    w("  redistributors:            # one region per chip, 8 x 256 KiB")
    for c in range(CHIPS):
        w(f"    - {{ base: {c * CHIP_STRIDE + 0x30400000:#x}, length: 0x200000 }}")
    w("  cpus:")
    w(f"    count: {CHIPS * CPUS_PER_CHIP}")
    w(f"    cluster-size: {CPUS_PER_CHIP}")
    w("    compatible: arm,neoverse-n2")
    w("    enable-method: psci")
    w("    pmu-interrupt: { ppi: 7 }")
    w("    vgic-maintenance-interrupt: { ppi: 9 }")
    w("  its:                       # one per chip")
    for c in range(CHIPS):
        w(f"    - {{ name: its{c}, id: {c}, base: {c * CHIP_STRIDE + 0x30040000:#x}, "
          f"device-id-bits: 20, event-id-bits: 16, proximity-domain: {c} }}")
    w("")
    w("iommus:")
    for c in range(CHIPS):
        for k in range(SMMUS_PER_CHIP):
            smmu(w, f"smmu{c * SMMUS_PER_CHIP + k}", c, k)
            sids = [r << 16 | j * rid_chunk for r in range(RCS_PER_SMMU) for j in range(chunks)]
            id_map(w, "StreamID -> DeviceID, chunk by chunk", sids, rid_chunk, k << 18, f"its{c}")
    for c in range(CHIPS):
        smmu(w, f"dmasmmu{c}              # platform devices' DMA, no MSI", c, SMMUS_PER_CHIP)
    w("")
    w("root-complexes:")
    for c in range(CHIPS):
        for k in range(SMMUS_PER_CHIP):
            for r in range(RCS_PER_SMMU):
                i = (c * SMMUS_PER_CHIP + k) * RCS_PER_SMMU + r
                w(f"  - name: pcie{i}")
                w(f"    segment: {i}")
                w(f"    ecam: {{ base: {c * CHIP_STRIDE + 0x1000000000 + (k * RCS_PER_SMMU + r) * 0x10000000:#x}, "
                  "bus-range: [0, 255] }")
                w("    coherent: true")
                rids = [j * rid_chunk for j in range(chunks)]
                id_map(w, "RID -> StreamID, bus by bus", rids, rid_chunk, r << 16,
                       f"smmu{c * SMMUS_PER_CHIP + k}")
    w("")
    w("named-components:")
    for c in range(CHIPS):
        for k in range(NCS_PER_CHIP):
            i = c * NCS_PER_CHIP + k
            w(f"  - name: dma{i}")
            w(f'    acpi-path: "\\\\_SB.DMA{i}"')
            w(f"    dt-path: /dma-controller-{i}")
            w("    coherent: true")
            w("    events: 32")
            w("    id-map:")
            w(f"      - {{ single: true, output-base: {1 << 19 | k:#x}, output: its{c} }}")
            for j in range(1, chunks):
                w(f"      - {{ input-base: {j:#x}, count: 1, output-base: {k * chunks + j:#x}, "
                  f"output: dmasmmu{c} }}")
    sys.stdout.write("\n".join(out) + "\n")


main()

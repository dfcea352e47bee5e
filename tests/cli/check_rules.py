#!/usr/bin/python3
"""Deliberately broken copies of the good QEMU descriptions, one per rule.

Each case loads a good example (which must check clean), breaks one fact, and
asserts that `gicdesc check --format json` reports exactly the rule named (the
set of rule names of its errors and warnings). Then the broken YAML is
generated (--force) as a DTB and as IORT+MADT, and each is checked alone:
where the format can express the fault, exactly that rule must fire again;
where it cannot, the expectation says what fires instead (often nothing),
and why. Facts a DTB or ACPI tables cannot carry (ITS widths, GIC version,
SPIs, INTID bits) are passed as a facts file (--facts) holding the values
the broken YAML states for its hardware, so that only the format's own
limits are tested. Every expectation is written by hand from the fault and
the format; nothing here is produced by the code under test.

Usage: check_rules.py GICDESC SRC WORKDIR
"""
import copy
import glob
import json
import os
import subprocess
import sys

import yaml

gicdesc, src, work = sys.argv[1:4]
examples = {
    "virt": f"{src}/examples/qemu-virt/qemu-virt.yaml",
    "smmu": f"{src}/examples/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml",
    # server block: the GICv4 QEMU machine and the GICv4.1 server
    "gicv4": f"{src}/examples/qemu-virt-gicv4/qemu-virt-gicv4.yaml",
    "server": f"{src}/examples/server-gicv4.1/server-gicv4.1.yaml",
    # spimsi block: QEMU's GICv2 machine with its GICv2m frame
    "v2": f"{src}/examples/qemu-virt-gicv2/qemu-virt-gicv2.yaml",
    # dlpi block: Direct LPI on a hypervisor's virtual platform (no ITS)
    "dlpi": f"{src}/examples/direct-lpi/direct-lpi.yaml",
    # smmuv2 block: NXP's LX2160A with its MMU-500 (SMMUv2)
    "lx2160a": f"{src}/examples/lx2160a/lx2160a.yaml",
    # rmr block: the GICv4.1 server at IORT E.e with two RMRs
    "ee": f"{src}/examples/server-iort-ee/server-iort-ee.yaml",
    # v5 block: the GICv5 server (two IRSes, two ITSes of two translate frames, an IWB)
    "v5": f"{src}/examples/server-gicv5/server-gicv5.yaml",
}
good = {k: yaml.safe_load(open(v)) for k, v in examples.items()}


def rc_map(d):
    return d["root-complexes"][0]["id-map"]


def add_nc(d, **kw):
    nc = {"name": "dma0", "acpi-path": "\\_SB.DMA0", "dt-path": "/dma@9100000",
          "id-map": [{"single": True, "output-base": kw.pop("devid", 0x20000), "output": "its0"}]}
    nc.update(kw)
    d.setdefault("named-components", []).append(nc)


def cpu_list(d, mpidrs, uids):
    cpus = d["gic"]["cpus"]
    common = {k: v for k, v in cpus.items() if k not in ("count", "cluster-size")}
    d["gic"]["cpus"] = [dict(copy.deepcopy(common), mpidr=m, uid=u)
                         for m, u in zip(mpidrs, uids)]


def second_its(d, **kw):
    # 0x08040000: free in QEMU's map between the GICD (64 KiB) and the ITS.
    its = dict(d["gic"]["its"][0], name="its1", id=1, base=0x08040000)
    its.update(kw)
    d["gic"]["its"].append(its)


def v2m(d):
    return d["gic"]["v2m-frames"][0]


def add_mbi(d, base, count):
    # SPI INTIDs set aside for MBI on the GICv3 distributor (arm,gic-v3.yaml mbi-ranges).
    d["gic"]["mbi"] = {"name": "mbi0", "ranges": [{"base": base, "count": count}]}


# SPI-based MSI and GICv2: QEMU's GICv2 example has v2m0 on INTIDs 80-143 of 256 SPIs;
# QEMU's SMMUv3 example wires the SMMU to INTIDs 106-109 (hw/arm/virt.c VIRT_SMMU = SPI 74).
SPI_MSI_CASES = [
    ("spi-msi-range", "v2", lambda d: v2m(d).update({"spi-base": 250})),  # 250-313 > 287
    ("spi-msi-overlap", "v2", lambda d: d["gic"]["v2m-frames"].append(
        {"name": "v2m1", "id": 1, "base": 0x08030000, "spi-base": 112, "spi-count": 64})),
    ("spi-msi-wired", "smmu", lambda d: add_mbi(d, 96, 32)),  # 96-127 holds 106-109
    # A device of devices: on an SPI inside the MBI range 96-127 (INTID 120).
    ("spi-msi-wired", "virt", lambda d: (add_mbi(d, 96, 32), d.update({"devices": [
        {"name": "adc0", "interrupts": [{"spi": 88, "trigger": "level"}]}]}))),
    # One SPI (INTID 140) given two trigger types by two devices.
    ("spi-trigger-mismatch", "virt", lambda d: d.update({"devices": [
        {"name": "tsadc", "interrupts": [{"spi": 108, "trigger": "level"}]},
        {"name": "usbphy", "dt-path": "/usbphy@fd5d0000",
         "interrupts": [{"spi": 108, "trigger": "edge"}]}]})),
    ("v2m-spi-limit", "v2", lambda d: (d["gic"]["distributor"].update({"spis": 988}),
                                       v2m(d).update({"spi-base": 956}))),  # 956 + 64 = 1020
    ("mbi-multi-msi-alignment", "virt", lambda d: add_mbi(d, 72, 32)),  # 72 % 32 != 0
    ("v2m-frame-alignment", "v2", lambda d: v2m(d).update({"base": 0x08020800})),
    ("gicv2-features", "v2", lambda d: d["gic"].update(
        {"its": [{"name": "its0", "id": 0, "base": 0x08080000, "device-id-bits": 16,
                  "event-id-bits": 16}]})),
    # A named component whose single-mapping ID goes to MBI: no IORT node for MBI.
    ("iort-spi-msi", "virt", lambda d: (add_mbi(d, 96, 32), add_nc(d), d["named-components"][0][
        "id-map"][0].update({"output": "mbi0", "output-base": 0}))),
    # PCI into a second GICv2m frame: under ACPI Linux gives it the first
    # (gicv2m_get_fwnode()); found by the generative round trip.
    ("iort-spi-msi", "v2", lambda d: (d["gic"]["v2m-frames"].append(
        {"name": "v2m1", "id": 1, "base": 0x08030000}), rc_map(d)[0].update({"output": "v2m1"}))),
]

# What a format cannot express of a description: rules of the YAML only (a DTB
# or IORT+MADT chose its format). The dlpi example itself is iort-direct-lpi's
# case; its other cases are checked with that rule off.
def add_rmr(d):
    # QEMU's SMMUv3 example at IORT E.d: a 64 KiB range for RID (StreamID) 0x8.
    d["acpi"]["iort-revision"] = 5
    d["rmrs"] = [{"name": "rmr0", "ranges": [{"base": 0x48000000, "length": 0x10000}],
                  "stream-ids": [{"iommu": "smmu0", "base": 8}]}]


EXPRESSIBLE_CASES = [
    ("iort-direct-lpi", "dlpi", lambda d: None),
    ("dt-rmr", "smmu", add_rmr),
    ("dt-ats", "virt", lambda d: d["root-complexes"][0].update({"ats": True})),
    ("dt-canwbs", "virt", lambda d: d["root-complexes"][0].update({"canwbs": True})),
]

# (rule, base example, edit). Each edit breaks exactly one fact.
CASES = [
    ("id-map-zero-count", "virt", lambda d: rc_map(d)[0].update({"count": 0})),
    ("id-map-overflow", "virt", lambda d: rc_map(d)[0].update({"output-base": 0xFFFF8000})),
    ("id-map-overlap", "virt", lambda d: rc_map(d).append(
        {"input-base": 0x8000, "count": 0x100, "output-base": 0x8000, "output": "its0"})),
    ("id-map-target-kind", "smmu", lambda d: (
        d["iommus"].append(dict(copy.deepcopy(d["iommus"][0]), name="smmu1", base=0x09070000,
                                **{"id-map": [{"input-base": 0, "count": 0x10000,
                                               "output-base": 0, "output": "its0"}]})),
        d["iommus"][0]["id-map"][0].update({"output": "smmu1"}))),
    ("single-mapping-kind", "smmu", lambda d: d["iommus"][0]["id-map"].append(
        {"single": True, "output-base": 0x20000, "output": "its0"})),
    ("route-unmapped", "virt", lambda d: rc_map(d)[0].update({"count": 0x8000})),
    ("device-id-range", "virt", lambda d: rc_map(d)[0].update({"output-base": 0x10000})),
    # DeviceID 0x10000: clear of pcie0's 0..0xffff, inside 17 DeviceID bits.
    ("event-id-budget", "virt", lambda d: (d["gic"]["its"][0].update({"device-id-bits": 17}),
                                           add_nc(d, events=0x20000, devid=0x10000))),
    ("device-id-collision", "virt", lambda d: add_nc(d, devid=0x0010)),
    # One wired interrupt fewer: Linux uses an SMMUv3's DeviceID mapping index
    # (own MSIs) before IORT node revision 5 only when not all four are wired
    # (iort_get_id_mapping_index()), so the fault exists in the IORT too.
    ("smmu-msi-collision", "smmu", lambda d: (
        d["iommus"][0]["interrupts"].pop("sync"),
        d["iommus"][0].update({"own-msi": {"output": "its0", "device-id": 0x0008}}))),
    ("vpe-proxy-device-id", "virt", lambda d: d["gic"].update({"version": 4})),
    ("its-id-duplicate", "virt", lambda d: second_its(d, id=0)),
    ("mpidr-duplicate", "virt", lambda d: cpu_list(d, [0, 1, 2, 2], [0, 1, 2, 3])),
    ("uid-duplicate", "virt", lambda d: cpu_list(d, [0, 1, 2, 3], [0, 1, 1, 3])),
    ("pci-segment-duplicate", "virt", lambda d: d["root-complexes"].append(
        dict(copy.deepcopy(d["root-complexes"][0]), name="pcie1",
             ecam={"base": 0x4020000000, "bus-range": [0, 255]}, windows=[],
             **{"id-map": [{"input-base": 0, "count": 0x10000, "output-base": 0x10000,
                            "output": "its1"}]})) or second_its(d, **{"device-id-bits": 17})),
    ("mmio-overlap", "virt", lambda d: d["gic"]["its"][0].update({"base": 0x08090000})
     or None),
    ("gic-frame-alignment", "virt", lambda d: d["gic"]["its"][0].update({"base": 0x08041000})),
    ("redist-region-too-small", "virt", lambda d: d["gic"]["redistributors"][0].update(
        {"length": 0x60000})),
    ("spis-range", "virt", lambda d: d["gic"]["distributor"].update({"spis": 100})),
    ("intid-bits-range", "virt", lambda d: d["gic"]["distributor"].update({"intid-bits": 13})),
    ("intid-class", "virt", lambda d: d["gic"]["cpus"].update(
        {"vgic-maintenance-interrupt": {"spi": 9}})),
    # RIDs 0x0000-0x8000 and 0x8000-0xffff: 0x8000 twice, as when "number of
    # IDs" is written where IORT wants number minus one.
    ("id-map-count-off-by-one", "virt", lambda d: (
        rc_map(d)[0].update({"count": 0x8001}),
        rc_map(d).append({"input-base": 0x8000, "count": 0x8000, "output-base": 0x8000,
                          "output": "its0"}))),
]

# ---- Direct LPI and EventID budgets (examples/direct-lpi: vpci0, vconsole, vblock) ----


def dlpi_nc(d, name):
    return next(n for n in d["named-components"] if n["name"] == name)


CASES += [
    # vblock's 9248.. moved onto vconsole's 9216..9219.
    ("lpi-range-overlap", "dlpi", lambda d: dlpi_nc(d, "vblock")["lpis"][0].update(
        {"base": 9216})),
    ("direct-lpi-redistributor", "dlpi", lambda d: d["gic"]["redistributors"][0].update(
        {"direct-lpi": False})),
    # A DeviceID mapping (id-map with an output base) into the Direct-LPI target.
    ("direct-lpi-device-id", "dlpi", lambda d: (
        d["root-complexes"][0].pop("msi-parent"),
        d["root-complexes"][0].update({"id-map": [
            {"input-base": 0, "count": 0x100, "output-base": 0, "output": "dlpi"}]}))),
    ("direct-lpi-lpis", "dlpi", lambda d: dlpi_nc(d, "vconsole").pop("lpis")),
    ("lpi-range-class", "dlpi", lambda d: dlpi_nc(d, "vconsole")["lpis"][0].update(
        {"base": 65534})),                      # 65534..65537: past 2^16 - 1
    ("lpi-multi-msi-alignment", "dlpi", lambda d: dlpi_nc(d, "vblock")["lpis"][0].update(
        {"base": 9264})),                       # 9264 = 32 * 289.5: not 32-aligned
    ("direct-lpi-beside-its", "dlpi", lambda d: d["gic"].update({"its": [
        {"name": "its0", "id": 0, "base": 0x08080000, "device-id-bits": 16,
         "event-id-bits": 16}]})),
    ("direct-lpi-isolation", "dlpi", lambda d: dlpi_nc(d, "vblock").update(
        {"isolation-domain": "host"})),
    # EventID budget of each PCI function: 2048 MSI-X vectors + 1 IMS slot > 2^11.
    ("event-id-budget", "virt", lambda d: (d["gic"]["its"][0].update({"event-id-bits": 11}),
                                           d["root-complexes"][0].update(
                                               {"msis": 2048, "ims-slots": 1}))),
]
# server block: GIC-version frame sizes, PCI segments on a shared ITS, DMA aliases.
# RIDs 0x0100 and 0x0108 (two devices behind a PCIe-to-PCI bridge) mapped to one DeviceID.
ALIASED_MAP = [{"input-base": 0, "count": 0x108, "output-base": 0, "output": "its0"},
               {"input-base": 0x108, "count": 1, "output-base": 0x100, "output": "its0"},
               {"input-base": 0x109, "count": 0xFEF7, "output-base": 0x109, "output": "its0"}]
CASES += [
    # 3 x 128 KiB would hold 2 GICv3 redistributors; 2 GICv4 ones need 2 x 256 KiB.
    ("redist-region-too-small", "gicv4", lambda d: d["gic"]["redistributors"][0].update(
        {"length": 0x60000})),
    # A GICv4.1 ITS written at GICv3's 128 KiB: no room for the vSGI frame.
    ("its-frame-size", "server", lambda d: d["gic"]["its"][0].update({"size": 0x20000})),
    # A 64 KiB ITS, as 40 TI and Broadcom trees of Linux 6.12 declare it.
    ("its-translater-frame", "virt", lambda d: d["gic"]["its"][0].update({"size": 0x10000})),
    # Segments 0 and 1 share its0; smmu1 loses its segment offset: both reach 0x0000-0xffff.
    ("device-id-collision", "server", lambda d: d["iommus"][1]["id-map"][0].update(
        {"output-base": 0})),
    # Two RIDs on one DeviceID that nothing declares: still an error.
    ("device-id-collision", "virt", lambda d: d["root-complexes"][0].update(
        {"id-map": copy.deepcopy(ALIASED_MAP)})),
]

# ---- SMMUv1/v2 (examples/lx2160a: an MMU-500 with 4 global, 10 PMU, 64 context interrupts) ----
CASES += [
    # No context interrupt: the DT lists only the 14 #global-interrupts, the IORT node an
    # empty context interrupt array.
    ("smmu-v2-context-interrupts", "lx2160a", lambda d: d["iommus"][0]["interrupts"].pop(
        "context")),
    # A GPU behind the MMU-500, which has no ID mapping: its StreamIDs serve DMA only (the
    # root complexes map straight to the ITS). A note, no fault.
    ("route-dma-only", "lx2160a", lambda d: (
        d["iommus"][0].pop("id-map"),
        [rc["id-map"][0].update({"output": "its"}) for rc in d["root-complexes"]],
        add_nc(d, name="gpu", **{"acpi-path": "\\_SB.GPU0", "dt-path": "/gpu@f0c0000",
                                 "id-map": [{"input-base": 0, "count": 4,
                                             "output-base": 0x4000, "output": "smmu"}]}))),
    # rmr block (IORT RMR nodes): segment 0's frame buffer RMR of the E.e server
    ("rmr-no-stream-ids", "ee", lambda d: d["rmrs"][0].pop("stream-ids")),
    ("rmr-range", "ee", lambda d: d["rmrs"][0]["ranges"].append(
        {"base": 0xF8400000, "length": 0x10000})),  # inside the 8 MiB at 0xF8000000
    ("rmr-stream-ids", "ee", lambda d: d["rmrs"][0]["stream-ids"][0].update(
        {"base": 0x20000})),  # segment 0's RIDs (StreamIDs) end at 0xffff
]

# pmcg block (IORT PMCG nodes): pmcg0 of the E.e server signals overflow by MSI (a single
# mapping to DeviceID 0x40010 of its0), pmcg2 by SPI 80 (INTID 112); both count for an SMMUv3.
def pmcg(d, name):
    return next(g for g in d["pmcgs"] if g["name"] == name)


CASES += [
    # Its MSI mapping as a range of one ID, not a single mapping: Linux "Invalid MSI mapping".
    ("pmcg-id-mapping", "ee", lambda d: pmcg(d, "pmcg0").update({"id-map": [
        {"input-base": 0, "count": 1, "output-base": 0x40010, "output": "its0"}]})),
    ("pmcg-node-ref", "ee", lambda d: pmcg(d, "pmcg2").update({"node": "its1"})),
    ("pmcg-overflow", "ee", lambda d: pmcg(d, "pmcg2").pop("overflow-interrupt")),
    # INTID 20: PPI 4, no SPI.
    ("pmcg-overflow-gsiv", "ee", lambda d: pmcg(d, "pmcg2").update({"overflow-interrupt": 20})),
]

# ---- GICv5 (examples/server-gicv5: irs0 serves CPUs 0-3 as IAFFIDs 0-3, irs1 CPUs 4-7 as
# 0x100-0x103; its0's frames 0 and 1, its1's 2 and 3, 16 EventID bits; iwb0, index 0, 64
# wires, DeviceID 0x50000 on frame 1) ----


def irs(d, i):
    return d["gic"]["irses"][i]


CASES += [
    # CPU 7 left out of irs1's cpus and iaffids.
    ("iaffid-unserved", "v5", lambda d: (irs(d, 1)["cpus"].pop(), irs(d, 1)["iaffids"].pop())),
    # CPU 1 given CPU 0's IAFFID on irs0.
    ("iaffid-duplicate", "v5", lambda d: irs(d, 0)["iaffids"].__setitem__(1, 0)),
    # 8 IAFFID bits on irs1, whose IAFFIDs 0x100-0x103 need 9.
    ("iaffid-bits", "v5", lambda d: irs(d, 1).update({"iaffid-bits": 8})),
    # A second IWB of index 0 (its own control frame and DeviceID).
    ("iwb-wire-overlap", "v5", lambda d: d["iwbs"].append(dict(
        copy.deepcopy(d["iwbs"][0]), name="iwb1", base=0x2F010000,
        **{"acpi-path": "\\_SB.IWB1",
           "id-map": [{"single": True, "output": "its0_tf1", "output-base": 0x50001}]}))),
    # 2^16 + 32 wires into 16 EventID bits.
    ("iwb-wires", "v5", lambda d: d["iwbs"][0].update({"wires": 0x10020})),
    # A third translate frame of its1, which nothing maps to.
    ("its-frame-unreached", "v5", lambda d: d["gic"]["its"][1]["translate-frames"].append(
        {"name": "its1_tf2", "id": 4, "base": 0x30470000})),
]

# What the DTB and the IORT+MADT of each broken case report, by hand:
#   SAME     exactly the case's rule;
#   CLEAN    nothing: the format cannot express the fault;
#   NOT_MADE the generator refuses to write the format (reason given);
#   a set    the rules that fire instead (reason given).
SAME, CLEAN, NOT_MADE = "same", frozenset(), "not made"
DLPI_IORT = {"route-unmapped"}  # see the dlpi block below
EXPECT = {
    # IORT cannot encode 0 IDs (the field is the number minus one): the IORT
    # emitter refuses. The DT back end writes msi-map from the routes, and a
    # mapping of 0 IDs routes nothing: pcie0 gets no msi-map, and a PCI host
    # without one is a host without MSIs (Linux falls back to INTx), no fault.
    "id-map-zero-count": (CLEAN, NOT_MADE),
    # The DT back end writes msi-map from the resolver's routes, which stop at
    # DeviceID 0xffffffff: the DTB holds no overflowing entry. IORT keeps it.
    "id-map-overflow": (CLEAN, SAME),
    # msi-map is composed from first-match routes: the DTB holds no overlap.
    "id-map-overlap": (CLEAN, SAME),
    # DT states no SMMU's StreamID -> DeviceID mapping at all (msi-map goes
    # RID -> DeviceID), so no SMMU -> SMMU mapping can be written.
    "id-map-target-kind": (CLEAN, SAME),
    # DT has no single mappings among an SMMU's StreamID mappings.
    "single-mapping-kind": (CLEAN, SAME),
    # IORT carries no bus range (the MCFG does): RIDs above a root complex's
    # last ID mapping may be buses it does not have, so no finding rests on them.
    "route-unmapped": (SAME, CLEAN),
    "device-id-range": (SAME, SAME),  # needs the 16 DeviceID bits given as a fact
    # Neither DT nor IORT says how many MSIs a device uses (no "events"; the
    # IORT named component has no such field): nothing to check there.
    "event-id-budget": (CLEAN, CLEAN),
    "device-id-collision": (SAME, SAME),
    # DT states no SMMU StreamID -> DeviceID mapping: the root complex's msi-map
    # goes straight to DeviceIDs, so RID 0x0008 and the SMMU's own MSIs are two
    # sources on one DeviceID with no SMMU between: device-id-collision.
    "smmu-msi-collision": ({"device-id-collision"}, SAME),
    "vpe-proxy-device-id": (SAME, SAME),  # needs GIC version 4 given for the DTB
    # DT has no ITS IDs: the loader takes the order of the ITS nodes (0, 1).
    "its-id-duplicate": (CLEAN, SAME),
    # Two /cpus nodes would both be cpu@2: the DT back end refuses.
    "mpidr-duplicate": (NOT_MADE, SAME),
    # DT has no ACPI processor UIDs: the loader takes the order of the cpu nodes.
    "uid-duplicate": (CLEAN, SAME),
    "pci-segment-duplicate": (SAME, SAME),  # DT linux,pci-domain; IORT segment
    "mmio-overlap": (SAME, SAME),
    "gic-frame-alignment": (SAME, SAME),
    "redist-region-too-small": (SAME, SAME),
    # Neither a DTB nor a MADT carries GICD_TYPER, and a facts file refuses 100
    # SPIs or 13 INTID bits: the fault is in a fact no firmware table states.
    "spis-range": (CLEAN, CLEAN),
    "intid-bits-range": (CLEAN, CLEAN),
    "intid-class": (SAME, SAME),  # DT GIC interrupts; MADT GICC VGIC GSIV
    # The DTB's msi-map is composed from first-match routes: RIDs 0x0000-0x8000
    # (0x8001 IDs, a power of two plus one) and 0x8001-0xffff; the IORT keeps
    # the two mappings that share RID 0x8000. Both are the rule's shapes.
    "id-map-count-off-by-one": (SAME, SAME),
    # DT reg states the ITS frame size; a MADT GIC ITS structure does not: the
    # ACPI loader takes the given GIC version's (192 KiB on GICv4.1).
    "its-frame-size": (SAME, CLEAN),
    "its-translater-frame": (SAME, CLEAN),  # the same: DT reg, no size in the MADT
    # A DT states a GICv2m frame's SPIs only where MSI_TYPER is wrong
    # (arm,gic.yaml arm,msi-base-spi); QEMU's example relies on MSI_TYPER, so
    # its DTB says nothing of them. The MADT GIC MSI frame states them.
    "spi-msi-range": (CLEAN, SAME),
    "spi-msi-overlap": (CLEAN, SAME),
    "v2m-spi-limit": (CLEAN, SAME),
    # MBI has DT mbi-ranges and no ACPI form at all.
    "spi-msi-wired": (SAME, CLEAN),
    # devices: are the board's nodes, which neither DT nor ACPI output carries
    # (test_wired_irqs.sh proves the DTB front end finds both faults in real nodes).
    "spi-trigger-mismatch": (CLEAN, CLEAN),
    "mbi-multi-msi-alignment": (SAME, CLEAN),
    "v2m-frame-alignment": (SAME, SAME),  # DT reg; MADT GIC MSI frame base
    # arm,gic.yaml gives a GICv2 node no ITS child: the DT back end writes none.
    # The MADT holds a GIC ITS structure beside a version-2 GICD.
    "gicv2-features": (CLEAN, SAME),
    # dlpi block. Direct LPI's DT form is our draft binding arm,gic-v3-direct-lpi
    # (a pool of LPIs per device, arm,lpi-ranges; msi-parent to it, no DeviceID).
    # IORT has no node for it: generate --force writes the IORT without the
    # Direct-LPI devices' MSI routes (and warns), and the MADT GICR cannot say
    # DirectLPI, so the tables hold no Direct-LPI target, no LPIs of a device
    # and no redistributor's DirectLPI: no Direct-LPI rule can fire there.
    # What they do show is the loss: vpci0's root complex node keeps no ID
    # mapping, so its RIDs reach no MSI controller (route-unmapped, a warning);
    # a named component with no ID mapping simply raises no MSIs.
    "lpi-range-overlap": (SAME, DLPI_IORT),  # DT: both pools' arm,lpi-ranges
    # A DTB cannot state GICR_TYPER.DirectLPI: its loader assumes it of every
    # redistributor once an arm,gic-v3-direct-lpi node exists.
    "direct-lpi-redistributor": (CLEAN, DLPI_IORT),
    # The DT form has no DeviceID (msi-parent to a pool, #msi-cells = 0): the
    # back end writes the RIDs' route as such a msi-parent, which is no mapping
    # with an output base.
    "direct-lpi-device-id": (CLEAN, DLPI_IORT),
    # A pool needs arm,lpi-ranges: the DT back end refuses a device with none.
    "direct-lpi-lpis": (NOT_MADE, DLPI_IORT),
    "lpi-range-class": (SAME, DLPI_IORT),  # DT arm,lpi-ranges; INTID bits as a fact
    # arm,lpi-ranges has no Multi-MSI block size: nothing to align to.
    "lpi-multi-msi-alignment": (CLEAN, DLPI_IORT),
    "direct-lpi-beside-its": (SAME, DLPI_IORT),  # DT: an ITS node beside the target
    # Neither DT nor IORT names an isolation domain.
    "direct-lpi-isolation": (CLEAN, DLPI_IORT),
    # Rules of descriptions only (rules_expressible.c). Direct LPI has its
    # draft DT binding; IORT loses vpci0's route (route-unmapped) and has no
    # form for the named components' (no mapping, no finding).
    "iort-direct-lpi": (CLEAN, DLPI_IORT),
    # DT mbi-ranges carry the route; the IORT named component keeps no ID
    # mapping, and one without mappings raises no MSIs.
    "iort-spi-msi": (CLEAN, CLEAN),
    # DT cannot say ATS (nothing to find in the DTB); IORT's root complex does.
    "dt-ats": (CLEAN, CLEAN),
    # CANWBS (IORT E.f) has no DT form; the IORT carries it, and dt-canwbs judges a
    # description only.
    "dt-canwbs": (CLEAN, CLEAN),
    # smmuv2 block. DT: interrupts past #global-interrupts; IORT: the context array.
    "smmu-v2-context-interrupts": (SAME, SAME),
    # DT's MSI routes never pass an SMMU (iommu-map and msi-map are apart): a DTB
    # cannot say that a device's StreamIDs end at one; the IORT named component can.
    "route-dma-only": (CLEAN, SAME),
    # A device tree has no RMR (dt-rmr): the DTB holds nothing to judge.
    "rmr-no-stream-ids": (CLEAN, SAME),
    "rmr-range": (CLEAN, SAME),
    "rmr-stream-ids": (CLEAN, SAME),
    # The IORT carries the RMR; dt-rmr judges a description only.
    "dt-rmr": (CLEAN, CLEAN),
    # pmcg block. arm,smmu-v3-pmcg.yaml has msi-parent = <&its DeviceID>, which is no ID
    # mapping of a range: the DT back end refuses a PMCG whose only mapping is one. The IORT
    # PMCG node keeps it.
    "pmcg-id-mapping": (NOT_MADE, SAME),
    # A DT has no node reference for a PMCG (dt-pmcg, a note); the IORT's is the ITS group.
    "pmcg-node-ref": (CLEAN, SAME),
    # arm,smmu-v3-pmcg.yaml wants interrupts or msi-parent: the DT back end refuses a PMCG
    # with neither. The IORT PMCG node has GSIV 0 and no ID mapping.
    "pmcg-overflow": (NOT_MADE, SAME),
    "pmcg-overflow-gsiv": (SAME, SAME),  # DT interrupts <PPI 4>; IORT GSIV 20
    # GICv5. DT: an IRS's cpus and arm,iaffids; MADT: each GICC's IAFFID and IRS ID.
    # A GICC names its IRS by "IRS ID" and gives one IAFFID: the MADT writer has none to give
    # a CPU no IRS serves and refuses it (madt-inexpressible).
    "iaffid-unserved": (SAME, NOT_MADE),
    "iaffid-duplicate": (SAME, SAME),
    # IRS_IDR1.IAFFID_BITS, an IWB's wires: hardware registers no DT or ACPI field states.
    "iaffid-bits": (CLEAN, CLEAN),
    "iwb-wires": (CLEAN, CLEAN),
    # The IWB index is IORT's (and the GSIVs of its wires); a DT has no index (the DTB loader
    # numbers IWBs in node order, so two are never one).
    "iwb-wire-overlap": (CLEAN, SAME),
    # The frame is a msi-controller@ node and a MADT translate frame structure alike.
    "its-frame-unreached": (SAME, SAME),
}

# Cases on the GICv4 QEMU machine: its YAML declares RID 0xffff unpopulated
# (Linux's VPE proxy takes DeviceID 0xffff), a declaration neither DT nor IORT
# can carry, so the DTB and the tables also warn vpe-proxy-device-id.
EXPECT_BY_BASE = {
    ("redist-region-too-small", "gicv4"): ({"redist-region-too-small", "vpe-proxy-device-id"},
                                           {"redist-region-too-small", "vpe-proxy-device-id"}),
    # the wired SPI is a devices: entry, which no output carries (the MBI range alone is no fault)
    ("spi-msi-wired", "virt"): (CLEAN, CLEAN),
}

# Notes that are rules' findings (a form firmware chose on purpose): such a case exits 0,
# and check() counts these notes as it counts errors and warnings.
NOTES = {"route-dma-only"}
# Warnings, not errors: such a case exits 0.
WARNINGS = {"its-frame-unreached", "route-unmapped", "vpe-proxy-device-id", "id-map-count-off-by-one",
            "iort-spi-msi", "dt-ats", "dt-canwbs", "dt-rmr", "rmr-stream-ids",
            "v2m-spi-limit", "mbi-multi-msi-alignment", "its-translater-frame",
            "direct-lpi-beside-its", "direct-lpi-isolation", "lpi-multi-msi-alignment"}

passed = failed = 0


def report(ok, msg):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {msg}")
    else:
        failed += 1
        print(f"not ok - {msg}")


def once(what, text):
    """No diagnostic is printed twice (each representation is built once per run)."""
    lines = [l for l in text.splitlines() if l.strip()]
    twice = sorted({l for l in lines if lines.count(l) > 1})
    if twice:
        report(False, f"{what}: printed twice: {twice[0]}")


def check(*args):
    text = subprocess.run([gicdesc, "check", *args], capture_output=True, text=True,
                          timeout=30)
    once(f"check {' '.join(args)}", text.stdout + text.stderr)
    r = subprocess.run([gicdesc, "check", "--format", "json", *args],
                       capture_output=True, text=True, timeout=30)
    try:
        out = json.loads(r.stdout)
    except ValueError:
        return r.returncode, None, r.stdout + r.stderr
    rules = {g["rule"] for g in out["diagnostics"]
             if g["severity"] in ("error", "warning") or g.get("rule") in NOTES}
    return r.returncode, rules, out


# The dlpi example is refused by its IORT alone (3 devices: iort-direct-lpi).
EXAMPLE_FINDINGS = {"dlpi": {"iort-direct-lpi"}, "ee": {"dt-rmr"}}
for name, path in examples.items():
    status, rules, out = check(path)
    want = EXAMPLE_FINDINGS.get(name, set())
    report(status == (1 if want - WARNINGS else 0) and rules == want,
           f"{name} example checks {sorted(want) or 'clean'} ({rules})")



def facts_file(d, path):
    """The hardware facts the broken YAML states, as a facts file (gicdesc(5))."""
    if str(d["gic"]["version"]) == "5":
        # A GICv5's DTB and MADT state the version; no distributor. The ITS identifiers a
        # DTB or IORT names are the translate frames', each with its ITS's widths.
        facts = {"gicdesc-facts": 1,
                 "its": [{"id": f["id"], "device-id-bits": i["device-id-bits"],
                          "event-id-bits": i["event-id-bits"]}
                         for i in d["gic"]["its"] for f in i["translate-frames"]]}
        with open(path, "w") as f:
            yaml.safe_dump(facts, f, sort_keys=False)
        return
    facts = {"gicdesc-facts": 1,
             "its": [{"id": i["id"], "device-id-bits": i["device-id-bits"],
                      "event-id-bits": i["event-id-bits"]} for i in d["gic"].get("its", [])]}
    if d["gic"]["version"] != 2:  # a DTB's and a MADT's GICv2 says so itself
        facts["gic-version"] = str(d["gic"]["version"])
    else:  # GICv2 has no ITS: an ITS fact would name one only the MADT holds
        del facts["its"]
    dist = d["gic"]["distributor"]
    if dist["spis"] % 32 == 0 or dist["spis"] == 988:  # else no fact can hold it
        facts["spis"] = dist["spis"]
    if 14 <= dist.get("intid-bits", 0) <= 24:  # GICv2 has no LPIs: no INTID bits
        facts["intid-bits"] = dist["intid-bits"]
    with open(path, "w") as f:
        yaml.safe_dump(facts, f, sort_keys=False)


def generate(path, outdir, formats):
    r = subprocess.run([gicdesc, "generate", "-q", "--force", "-o", outdir, "-f", formats,
                        path], capture_output=True, text=True, timeout=30)
    once(f"generate -f {formats} {path}", r.stdout + r.stderr)
    return r.returncode


def expect_format(rule, what, want, status, rules, out):
    if want == SAME:
        want_status = 0 if rule in WARNINGS | NOTES else 1
        report(rules == {rule} and status == want_status,
               f"{rule} as {what}: reported exactly it (got "
               f"{sorted(rules) if rules is not None else out}, status {status})")
    else:
        want_status = 0 if not want or want <= WARNINGS | NOTES else 1
        report(rules == set(want) and status == want_status,
               f"{rule} as {what}: {sorted(want) or 'clean'} (got "
               f"{sorted(rules) if rules is not None else out}, status {status})")


for n, (rule, base, edit) in enumerate(CASES + SPI_MSI_CASES + EXPRESSIBLE_CASES):
    d = copy.deepcopy(good[base])
    edit(d)
    case = f"{work}/{n:02d}-{rule}"
    os.makedirs(case, exist_ok=True)
    path = f"{case}/{rule}.yaml"
    with open(path, "w") as f:
        yaml.safe_dump(d, f, sort_keys=False)
    off = [f"-Wno-{r}" for r in EXAMPLE_FINDINGS.get(base, ()) if r != rule]
    status, rules, out = check(*off, path)
    want_status = 0 if rule in WARNINGS | NOTES else 1
    ok = rules == {rule} and status == want_status
    report(ok, f"{rule}: reported exactly it (got {sorted(rules) if rules else out}, "
               f"status {status})")

    facts = f"{case}/facts.yaml"
    facts_file(d, facts)
    want_dtb, want_acpi = EXPECT_BY_BASE.get((rule, base), EXPECT[rule])
    made = generate(path, f"{case}/dt", "dtb") == 0
    dtbs = glob.glob(f"{case}/dt/*.dtb")
    if want_dtb == NOT_MADE:
        report(not made and not dtbs, f"{rule}: generate refuses the DTB")
    else:
        report(made and len(dtbs) == 1, f"{rule}: DTB generated")
        if dtbs:
            expect_format(rule, "DTB", want_dtb, *check("--facts", facts, dtbs[0]))
    made = generate(path, f"{case}/acpi", "iort,madt") == 0
    tables = [f"{case}/acpi/iort.aml", f"{case}/acpi/madt.aml"]
    have = all(os.path.exists(t) for t in tables)
    if want_acpi == NOT_MADE:
        report(not made and not have, f"{rule}: generate refuses the IORT and MADT")
    else:
        report(made and have, f"{rule}: IORT and MADT generated")
        if have:
            expect_format(rule, "IORT+MADT", want_acpi, *check("--facts", facts, *tables))

# server block: the same two RIDs declared a DMA alias group: no error or warning, a note
# that gives the reason; a group that leaves one of the two out does not cover it.
d = copy.deepcopy(good["virt"])
d["root-complexes"][0]["id-map"] = copy.deepcopy(ALIASED_MAP)
d["root-complexes"][0]["dma-aliases"] = [{"rids": [0x100, 0x108],
                                          "reason": "PCIe-to-PCI bridge 00:01.0"}]
path = f"{work}/dma-alias-declared.yaml"
with open(path, "w") as f:
    yaml.safe_dump(d, f, sort_keys=False)
status, rules, out = check(path)
notes = [g["message"] for g in out["diagnostics"]
         if g["severity"] == "note" and g.get("rule") == "device-id-collision"] if rules is not None else []
report(status == 0 and rules == set() and len(notes) == 1 and "PCIe-to-PCI bridge" in notes[0],
       f"declared DMA alias: clean, one device-id-collision note with the reason (got {rules}, {notes})")
d["root-complexes"][0]["dma-aliases"][0]["rids"] = [0x100, 0x10F]
with open(path, "w") as f:
    yaml.safe_dump(d, f, sort_keys=False)
status, rules, out = check(path)
report(status == 1 and rules == {"device-id-collision"},
       f"an alias group without RID 0x0108: device-id-collision (got {rules})")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

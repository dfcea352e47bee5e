#!/usr/bin/env bash
# GICv5 in the device tree against oracles nobody here wrote, with Debian 12's dtc (1.6.1) and
# QEMU 11.1's own DTBs (tests/data/qemu-11.1/); test_gicv5_dt_modern.sh adds dtc 1.8.1 and
# dt-validate 2026.06 with Linux 7.2's bindings.
# - examples/qemu-virt-gicv5 and tests/data/gicv5-dt (a richer GICv5: two IRSes, ITSes with
#   translate frames, an IWB, an SMMUv3, PCIe msi-map and iommu-map): dtc compiles our DTS and
#   decompiles our DTB without a warning, to the same text;
# - the DT facts of our DTB of examples/qemu-virt-gicv5 (dt_facts.py: the arm,gic-v5 node, the
#   IRS's frames, the CPUs it serves by MPIDR with their IAFFIDs, PMU, PCIe host) equal those of
#   the DTB QEMU 11.1 dumps for virt,gic-version=x-5 with 4 CPUs;
# - generate --base of QEMU's own DTB gives QEMU's tree again (dtc -s: properties sorted; the
#   description writes the IRS's properties in the binding's order);
# - the DTB front end reads every QEMU 11.1 x-5 DTB with no error (check), and reads our DTB of
#   the richer GICv5 back: imported, then generated again, it has the same DT facts (IRSes,
#   ITSes, translate frames, the IWB's msi-parent, msi-map and iommu-map by their targets).
# What QEMU writes that the binding rejects is QEMU's fault, not a difference of ours: its GIC
# node is /intc, which arm,gic-v5.yaml's $nodename ('^interrupt-controller(@[0-9a-f,]+)*$')
# refuses (tests/data/qemu-11.1/README.md); dt_facts.py finds the GIC by compatible, not name.
# Needs: device-tree-compiler, python3-libfdt.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc not installed (Debian device-tree-compiler)"
facts() { /usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" "$@"; }
QEMU11=$GICDESC_SRC/tests/data/qemu-11.1
RICH=$GICDESC_SRC/tests/data/gicv5-dt/server-gicv5-dt.yaml

# quiet WHAT COMMAND...: ok when COMMAND succeeds and prints nothing on standard error.
quiet() {
	local what=$1
	shift
	if "$@" 2>"$WORK/stderr" && [ ! -s "$WORK/stderr" ]; then
		ok "$what"
	else
		not_ok "$what: $(head -c 2000 "$WORK/stderr")"
	fi
}

for yaml in "$GICDESC_SRC/examples/qemu-virt-gicv5/qemu-virt-gicv5.yaml" "$RICH"; do
	name=$(basename "$yaml" .yaml)
	check "$name: gicdesc generate writes DTS and DTB" \
		"$GICDESC" generate -q -f dts,dtb -o "$WORK" "$yaml"
	quiet "$name: dtc $(dtc --version | sed 's/.* //') compiles our DTS, no warning" \
		dtc -I dts -O dtb -o "$WORK/$name.from-dts.dtb" "$WORK/$name.dts"
	quiet "$name: dtc decompiles our DTB, no warning" \
		dtc -I dtb -O dts -o "$WORK/$name.ours.txt" "$WORK/$name.dtb"
	dtc -I dtb -O dts -o "$WORK/$name.dtc.txt" "$WORK/$name.from-dts.dtb" 2>/dev/null
	check "$name: our DTB and dtc's DTB of our DTS decompile to the same text" \
		diff -u "$WORK/$name.dtc.txt" "$WORK/$name.ours.txt"
done

# The example against QEMU 11.1's own DTB of the same machine.
qemu=$QEMU11/virt-gicv5-smp4/virt.dtb
facts "$qemu" >"$WORK/qemu.facts"
facts "$WORK/qemu-virt-gicv5.dtb" >"$WORK/ours.facts"
check "qemu-virt-gicv5: DT facts of our DTB equal QEMU 11.1's (virt-gicv5-smp4)" \
	diff -u "$WORK/qemu.facts" "$WORK/ours.facts"
check "qemu-virt-gicv5: the facts hold the IRS, the IAFFIDs of the 4 CPUs and the PMU PPI" \
	grep -q "irs cpus (MPIDR: IAFFID) \['0x0: 0x0', '0x1: 0x1', '0x2: 0x2', '0x3: 0x3'\]" "$WORK/ours.facts"

# generate --base: QEMU's tree with the description's interrupt system put in is QEMU's tree.
check "qemu-virt-gicv5: generate --base of QEMU's DTB" \
	"$GICDESC" generate -q --base "$qemu" -f dtb -o "$WORK/base" \
	"$GICDESC_SRC/examples/qemu-virt-gicv5/qemu-virt-gicv5.yaml"
dtc -s -I dtb -O dts -o "$WORK/qemu.sorted" "$qemu" 2>/dev/null
dtc -s -I dtb -O dts -o "$WORK/merged.sorted" "$WORK/base/qemu-virt-gicv5.dtb" 2>/dev/null
check "qemu-virt-gicv5: the merged DTB is QEMU's own tree (dtc -s), phandles and all" \
	diff -u "$WORK/qemu.sorted" "$WORK/merged.sorted"

# The DTB front end on QEMU 11.1's DTBs (one IRS, SMMUv3 SPIs, a GICv2m frame under the GICv5).
for dtb in "$QEMU11"/*/virt.dtb; do
	folder=$(basename "$(dirname "$dtb")")
	check "$folder: gicdesc check reads QEMU 11.1's DTB with no error" \
		"$GICDESC" check -q "$dtb"
done

# The richer GICv5 read back: import our DTB, generate it again, the same facts.
check "server-gicv5-dt: gicdesc import reads our DTB" \
	"$GICDESC" import -q -o "$WORK/back.yaml" "$WORK/server-gicv5-dt.dtb"
check "server-gicv5-dt: the imported description generates a DTB" \
	"$GICDESC" generate -q -f dtb -o "$WORK/back" "$WORK/back.yaml"
facts --enabled "$WORK/server-gicv5-dt.dtb" >"$WORK/rich.facts"
facts --enabled "$WORK/back/back.dtb" >"$WORK/back.facts"
check "server-gicv5-dt: DT facts equal after import and generate" \
	diff -u "$WORK/rich.facts" "$WORK/back.facts"
check "server-gicv5-dt: the facts hold the IWB's msi-parent and the translate frames of msi-map" \
	grep -q "iwb msi-parent msi-controller@0x2f130000 0x40" "$WORK/back.facts"
check "server-gicv5-dt: resolve from our DTB: pcie0's RIDs through the SMMU to the second frame" \
	bash -c '"$1" resolve -q "$2" pcie@4010000000 | grep -q "msi-controller@2f140000 DeviceID 0x10000-0x1ffff"' \
	_ "$GICDESC" "$WORK/server-gicv5-dt.dtb"
finish

#!/usr/bin/env bash
# gicdesc generate --base over QEMU 7.2's own DTBs (tests/data/qemu-7.2/), for both QEMU examples:
# - dt_base_compare.py: every node and property of QEMU's DTB that the description does not cover
#   is kept byte for byte and in order, every phandle still names its node, every replaced value
#   is the one of our standalone DTB (phandles compared as their targets), the blob is packed;
# - dtc decompiles the merged DTB without a warning, and compiling our DTS warns about nothing
#   that compiling dtc's own decompilation of the same DTB does not;
# - dtc's DTB of our DTS is our DTB (both put through dtc -O dtb, which lays a blob out its way);
# - the interrupt-system facts (dt_facts.py) of the merged DTB equal QEMU's own;
# - a dt-path that names no node of the base, and a root complex found neither by dt-path nor by
#   reg, are errors at their YAML line:col, exit 1, and nothing is written;
# - a GIC under a bus of one address and one size cell whose ranges moves addresses (a tree
#   written here, as i.MX 8M boards have it): the GIC's reg and its ITS's are in the bus's
#   cells and addresses; with no ITS its missing #address-cells stay missing (a PCI host's
#   interrupt-map reads the GIC's unit address in them), an ITS gives it the bus's cells and
#   an empty ranges, and an ITS where that interrupt-map would change is an error.
# Needs: device-tree-compiler, python3-libfdt.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"
/usr/bin/python3 -c 'import libfdt' 2>/dev/null || skip "python3-libfdt not installed"
py() { PYTHONPATH="$GICDESC_SRC/tests/cli" /usr/bin/python3 "$@"; }
# dtc's warnings in $1 without their file:line.col prefix, sorted.
warnings() { sed -E 's/^[^:]*:[0-9.-]+: //' "$1" | sort; }

for pair in "qemu-virt virt-gicv3-its-smp4" "qemu-virt-smmuv3 virt-gicv3-its-smmuv3-smp2"; do
	set -- $pair
	name=$1 base=$QEMU_DATA/$2/virt.dtb yaml=$GICDESC_SRC/examples/$1/$1.yaml out=$WORK/$1
	if ! "$GICDESC" generate -q --base "$base" -f dts,dtb -o "$out" "$yaml" 2>"$WORK/gen.err" ||
		! "$GICDESC" generate -q -f dtb -o "$out/standalone" "$yaml" 2>>"$WORK/gen.err"; then
		cat "$WORK/gen.err"
		not_ok "$name: gicdesc generate --base $2"
		continue
	fi
	check "$name: generate --base says nothing" test ! -s "$WORK/gen.err"
	py "$GICDESC_SRC/tests/cli/dt_base_compare.py" "$base" "$out/$name.dtb" "$out/standalone/$name.dtb" \
		>"$WORK/compare.txt" 2>&1
	sed "s/^/    /" "$WORK/compare.txt"
	check "$name: the merge keeps the base and puts ours in (dt_base_compare.py)" \
		grep -q . "$WORK/compare.txt"
	check "$name: dt_base_compare.py finds nothing wrong" bash -c "! grep -v '^ok' '$WORK/compare.txt'"

	dtc -I dtb -O dts -o "$WORK/decompiled.dts" "$out/$name.dtb" 2>"$WORK/dtc1.err" || echo "dtc failed" >>"$WORK/dtc1.err"
	check "$name: dtc decompiles the merged DTB without a warning" test ! -s "$WORK/dtc1.err"
	dtc -I dts -O dtb -o "$WORK/from-ours.dtb" "$out/$name.dts" 2>"$WORK/dtc2.err" || echo "dtc failed" >>"$WORK/dtc2.err"
	dtc -I dts -O dtb -o "$WORK/from-dtc.dtb" "$WORK/decompiled.dts" 2>"$WORK/dtc3.err" || echo "dtc failed" >>"$WORK/dtc3.err"
	check "$name: compiling our DTS warns only as compiling dtc's own decompilation does" \
		diff <(warnings "$WORK/dtc2.err") <(warnings "$WORK/dtc3.err")
	dtc -I dtb -O dtb -o "$WORK/canonical.dtb" "$out/$name.dtb" 2>/dev/null
	check "$name: dtc's DTB of our DTS is our DTB (both laid out by dtc)" \
		cmp "$WORK/from-ours.dtb" "$WORK/canonical.dtb"
	check "$name: interrupt-system facts of the merged DTB equal QEMU's" \
		diff <(py "$GICDESC_SRC/tests/cli/dt_facts.py" "$base") <(py "$GICDESC_SRC/tests/cli/dt_facts.py" "$out/$name.dtb")
done

# A GICv2 base with a GICv2m frame (QEMU virt, gic-version=2, 2 CPUs): the GIC becomes ours, the
# frame gives way to our ITS, the PCI host's msi-parent to our msi-map; 4 CPUs against 2 warn.
v2=$WORK/v2
if "$GICDESC" generate -q --base "$QEMU_DATA/virt-gicv2-v2m-smp2/virt.dtb" -f dtb -o "$v2" "$EXAMPLE" 2>"$WORK/v2.err"; then
	cat "$WORK/v2.err"
	check "GICv2 base: 4 CPUs against the base's 2 is a warning [base-cpus]" \
		grep -q "warning: DT: the description has 4 CPUs, the base tree .* has 2; its /cpus stays as it is \[base-cpus\]" "$WORK/v2.err"
	check "GICv2 base: the GIC is arm,gic-v3 with our ITS and no GICv2m frame" \
		test "$(fdtget "$v2/qemu-virt.dtb" /intc@8000000 compatible) $(fdtget -l "$v2/qemu-virt.dtb" /intc@8000000)" = "arm,gic-v3 msi-controller@8080000"
	check "GICv2 base: the PCI host has our msi-map and no msi-parent" \
		test "$(fdtget -t x "$v2/qemu-virt.dtb" /pcie@10000000 msi-map)/$(fdtget "$v2/qemu-virt.dtb" /pcie@10000000 msi-parent 2>&1 | grep -c FDT_ERR_NOTFOUND)" = \
		"0 $(fdtget -t x "$v2/qemu-virt.dtb" /intc@8000000/msi-controller@8080000 phandle) 0 10000/1"
	dtc -I dtb -O dts -o /dev/null "$v2/qemu-virt.dtb" 2>"$WORK/v2dtc.err"
	check "GICv2 base: dtc decompiles the merged DTB without a warning" test ! -s "$WORK/v2dtc.err"
else
	cat "$WORK/v2.err"
	not_ok "GICv2 base: gicdesc generate --base"
fi

# A dt-path that names no node: an error at its line and column, nothing written.
base=$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb
sed 's|^  - name: pcie0$|  - name: pcie0\n    dt-path: /pcie@20000000|' "$EXAMPLE" >"$WORK/bad-path.yaml"
line=$(grep -n 'dt-path: /pcie@20000000' "$WORK/bad-path.yaml" | cut -d: -f1)
set +e
"$GICDESC" generate -q --base "$base" -o "$WORK/bad1" "$WORK/bad-path.yaml" 2>"$WORK/bad1.err"
status=$?
set -e
cat "$WORK/bad1.err"
check "bad dt-path: exit status 1" test "$status" = 1
check "bad dt-path: error at its line and column, [base-node]" \
	grep -q "bad-path.yaml:$line:14: error: dt-path '/pcie@20000000' of root complex 'pcie0' names no node.*\[base-node\]" "$WORK/bad1.err"
check "bad dt-path: nothing written" test ! -e "$WORK/bad1"

# A root complex whose ECAM base no PCI host of the base has, and no dt-path: an error naming it.
sed 's|base: 0x4010000000, bus-range|base: 0x5010000000, bus-range|' "$EXAMPLE" >"$WORK/bad-reg.yaml"
set +e
"$GICDESC" generate -q --base "$base" -o "$WORK/bad2" "$WORK/bad-reg.yaml" 2>"$WORK/bad2.err"
status=$?
set -e
cat "$WORK/bad2.err"
check "root complex not in the base: exit status 1" test "$status" = 1
check "root complex not in the base: the error names it, [base-node]" \
	grep -q "bad-reg.yaml:[0-9]*:[0-9]*: error: root complex 'pcie0': no node of the base tree .* has its first reg at 0x5010000000; give its dt-path \[base-node\]" "$WORK/bad2.err"
check "root complex not in the base: nothing written" test ! -e "$WORK/bad2"

# A GIC under a bus of 1 + 1 cells that maps bus address 0 to CPU address 0x40000000, with no
# #address-cells, named by a PCI host's interrupt-map (whose GIC unit address is then 0 cells).
cat >"$WORK/bus.dts" <<'DTS'
/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	interrupt-parent = <&gic>;
	cpus {
		#address-cells = <1>;
		#size-cells = <0>;
		cpu@0 {
			device_type = "cpu";
			compatible = "arm,cortex-a53";
			reg = <0>;
			enable-method = "psci";
		};
	};
	soc@40000000 {
		compatible = "simple-bus";
		#address-cells = <1>;
		#size-cells = <1>;
		ranges = <0x0 0x0 0x40000000 0x10000000>;
		gic: interrupt-controller@8000000 {
			compatible = "arm,gic-v3";
			reg = <0x8000000 0x10000>, <0x80a0000 0x20000>;
			#interrupt-cells = <3>;
			interrupt-controller;
			interrupts = <1 9 4>;
		};
		pcie@1000000 {
			compatible = "pci-host-ecam-generic";
			device_type = "pci";
			reg = <0x1000000 0x1000000>;
			bus-range = <0 0xf>;
			#address-cells = <3>;
			#size-cells = <2>;
			ranges = <0x2000000 0 0x4000000 0x4000000 0 0x1000000>;
			#interrupt-cells = <1>;
			interrupt-map-mask = <0 0 0 7>;
			interrupt-map = <0 0 0 1 &gic 0 100 4>;
		};
	};
};
DTS
cat >"$WORK/bus.yaml" <<'YAML'
gicdesc: 1
platform: { name: bus, oem-id: "GICD  ", oem-table-id: "BUS     " }
gic:
  version: 3
  distributor: { base: 0x48000000, spis: 128, intid-bits: 16 }
  redistributors: [{ base: 0x480A0000, length: 0x20000 }]
  cpus: [{ mpidr: 0, compatible: "arm,cortex-a53", enable-method: psci,
           vgic-maintenance-interrupt: { ppi: 9 } }]
YAML
sed 's/^  cpus:/  its: [{ name: its0, id: 0, base: 0x48080000, device-id-bits: 16, event-id-bits: 16 }]\n  cpus:/' \
	"$WORK/bus.yaml" >"$WORK/bus-its.yaml"
dtc -I dts -O dtb -o "$WORK/bus.dtb" "$WORK/bus.dts" 2>/dev/null
gic=/soc@40000000/interrupt-controller@8000000
# $1: the description, $2: the base; the merged DTB against the base and our standalone DTB.
merge_bus() {
	"$GICDESC" generate -q --base "$2" -f dtb -o "$WORK/$1" "$WORK/$1.yaml" &&
		"$GICDESC" generate -q -f dtb -o "$WORK/$1/standalone" "$WORK/$1.yaml" &&
		py "$GICDESC_SRC/tests/cli/dt_base_compare.py" "$2" "$WORK/$1/bus.dtb" "$WORK/$1/standalone/bus.dtb" \
			>"$WORK/compare.txt" 2>&1
	grep -v '^ok' "$WORK/compare.txt"
	! grep -qv '^ok' "$WORK/compare.txt" &&
		test -z "$(comm -13 <(dtc -I dtb -O dts -o /dev/null "$2" 2>&1 | sed 's/^[^:]*: //' | sort) \
			<(dtc -I dtb -O dts -o /dev/null "$WORK/$1/bus.dtb" 2>&1 | sed 's/^[^:]*: //' | sort))"
}
check "1-cell bus: the merge keeps the base (dt_base_compare.py, no new dtc warning)" merge_bus bus "$WORK/bus.dtb"
check "1-cell bus: the GIC's reg in the bus's cells and addresses, no #address-cells added" \
	test "$(fdtget -t x "$WORK/bus/bus.dtb" $gic reg)/$(fdtget "$WORK/bus/bus.dtb" $gic '#address-cells' 2>&1 | grep -c NOTFOUND)" \
	= "8000000 10000 80a0000 20000/1"
set +e
"$GICDESC" generate -q --base "$WORK/bus.dtb" -o "$WORK/bad4" "$WORK/bus-its.yaml" 2>"$WORK/bad4.err"
status=$?
set -e
cat "$WORK/bad4.err"
check "1-cell bus, an ITS and an interrupt-map naming the GIC: exit status 1, nothing written" \
	test "$status" = 1 -a ! -e "$WORK/bad4"
check "... the error names the interrupt-map [base-node]" grep -q \
	"error: DT: the interrupt-map of /soc@40000000/pcie@1000000 spells the GIC's unit address in 0 cells .* need 1, .*\[base-node\]" \
	"$WORK/bad4.err"
cp "$WORK/bus.dtb" "$WORK/bus-nomap.dtb"
fdtput -d "$WORK/bus-nomap.dtb" /soc@40000000/pcie@1000000 interrupt-map
check "1-cell bus, an ITS, no interrupt-map: the merge keeps the base" merge_bus bus-its "$WORK/bus-nomap.dtb"
check "... the GIC takes the bus's cells and an empty ranges, the ITS its reg in them" \
	test "$(fdtget "$WORK/bus-its/bus.dtb" $gic '#address-cells') $(fdtget "$WORK/bus-its/bus.dtb" $gic '#size-cells') $(fdtget -t x "$WORK/bus-its/bus.dtb" $gic/msi-controller@8080000 reg)" \
	= "1 1 8080000 20000"

# A base that is no DTB.
set +e
"$GICDESC" generate -q --base "$EXAMPLE" -o "$WORK/bad3" "$EXAMPLE" 2>"$WORK/bad3.err"
status=$?
set -e
check "a base that is no DTB: exit status 2, nothing written" test "$status" = 2 -a ! -e "$WORK/bad3"
check "a base that is no DTB: says so" grep -q "not a valid DTB" "$WORK/bad3.err"

# A property of length 0xffffffff, which libfdt's fdt_check_full() lets through (found by
# the base harness, tests/fuzz/regressions/base/): not a valid DTB, at the length's offset.
set +e
"$GICDESC" generate -q --base "$GICDESC_SRC/tests/fuzz/regressions/base/prop-length-0xffffffff.dtb" \
	-o "$WORK/bad5" "$EXAMPLE" 2>"$WORK/bad5.err"
status=$?
set -e
cat "$WORK/bad5.err"
check "a property of length 0xffffffff: exit status 2, nothing written" test "$status" = 2 -a ! -e "$WORK/bad5"
check "... not a valid DTB, at the length's byte offset" grep -q \
	"prop-length-0xffffffff.dtb:+0x368: error: not a valid DTB: property 'ranges' of length 0xffffffff runs past the structure block" \
	"$WORK/bad5.err"
finish

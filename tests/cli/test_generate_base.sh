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
#   reg, are errors at their YAML line:col, exit 1, and nothing is written.
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

# A base that is no DTB.
set +e
"$GICDESC" generate -q --base "$EXAMPLE" -o "$WORK/bad3" "$EXAMPLE" 2>"$WORK/bad3.err"
status=$?
set -e
check "a base that is no DTB: exit status 2, nothing written" test "$status" = 2 -a ! -e "$WORK/bad3"
check "a base that is no DTB: says so" grep -q "not a valid DTB" "$WORK/bad3.err"
finish

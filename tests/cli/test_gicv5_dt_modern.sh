#!/usr/bin/env bash
# GICv5 in the device tree against the newest oracles Debian has (scripts/modern-oracles.sh,
# run through tools/modern): dtc 1.8.1 compiles our DTS and decompiles our DTB of
# examples/qemu-virt-gicv5 and of tests/data/gicv5-dt (two IRSes, ITSes with translate frames,
# an IWB, an SMMUv3, PCIe msi-map and iommu-map) without a warning, to the same text; and
# dt-validate 2026.06 with Linux 7.2's bindings (tools/dt-bindings-modern: arm,gic-v5.yaml,
# arm,gic-v5-iwb.yaml) reports nothing on our DTS of either. The binding is applied, not merely
# loaded: a copy whose IRS lacks arm,iaffids, and one whose translate frame lacks reg-names, are
# refused. Of QEMU 11.1's own DTB of the same machine it reports the GIC node's name, /intc
# ($nodename '^interrupt-controller(@[0-9a-f,]+)*$'): QEMU's binding fault, which ours has
# not; and of QEMU's DTB with the description put in (generate --base, which keeps the base's
# node names) nothing QEMU's own DTB does not get. Skips when the modern root cannot be built.
. "$(dirname "$0")/lib.sh"
set +e
MODERN=$GICDESC_SRC/tools/modern
"$GICDESC_SRC/scripts/modern-oracles.sh" --root >"$WORK/root" 2>"$WORK/root.err"
rc=$?
[ "$rc" = 77 ] && skip "$(cat "$WORK/root.err")"
[ "$rc" = 0 ] || { not_ok "modern-oracles.sh failed ($rc): $(cat "$WORK/root.err")"; finish; exit 1; }
schema=$("$GICDESC_SRC/tools/dt-bindings-modern" 2>"$WORK/schema.err")
rc=$?
[ "$rc" = 77 ] && skip "$(cat "$WORK/schema.err")"
[ "$rc" = 0 ] || { not_ok "tools/dt-bindings-modern failed ($rc): $(cat "$WORK/schema.err")"; finish; exit 1; }
echo "# $("$MODERN" dtc --version), dt-validate $("$MODERN" dt-validate --version), $schema"

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
# validate DTB: dt-validate's messages about DTB, without its file name, sorted.
validate() { "$MODERN" dt-validate -s "$schema" "$1" 2>&1 | grep -v '^\s*from schema' | sed -E 's/^[^:]*: //' | sort; }

for yaml in "$GICDESC_SRC/examples/qemu-virt-gicv5/qemu-virt-gicv5.yaml" \
	"$GICDESC_SRC/tests/data/gicv5-dt/server-gicv5-dt.yaml"; do
	name=$(basename "$yaml" .yaml)
	"$GICDESC" generate -q -f dts,dtb -o "$WORK" "$yaml" || { not_ok "$name: gicdesc generate"; continue; }
	quiet "$name: dtc 1.8 compiles our DTS, no warning" \
		"$MODERN" dtc -I dts -O dtb -o "$WORK/$name.from-dts.dtb" "$WORK/$name.dts"
	quiet "$name: dtc 1.8 decompiles our DTB, no warning" \
		"$MODERN" dtc -I dtb -O dts -o "$WORK/$name.ours.txt" "$WORK/$name.dtb"
	"$MODERN" dtc -I dtb -O dts -o "$WORK/$name.dtc.txt" "$WORK/$name.from-dts.dtb" 2>/dev/null
	check "$name: dtc 1.8: our DTB and its DTB of our DTS decompile to the same text" \
		diff -u "$WORK/$name.dtc.txt" "$WORK/$name.ours.txt"
	validate "$WORK/$name.from-dts.dtb" >"$WORK/$name.val"
	check "$name: dt-validate 2026.06 (Linux 7.2 bindings) reports nothing on our DTS$(head -c 1500 "$WORK/$name.val" | sed 's/^/: /' | paste -sd' ')" \
		test ! -s "$WORK/$name.val"
done

# The bindings bite: an IRS without arm,iaffids, a translate frame without reg-names.
sed '/arm,iaffids = /d' "$WORK/server-gicv5-dt.dts" >"$WORK/no-iaffids.dts"
sed '/reg-names = "ns-translate";/d' "$WORK/server-gicv5-dt.dts" >"$WORK/no-translate.dts"
for broken in no-iaffids:"'arm,iaffids' is a required property" \
	no-translate:"'reg-names' is a required property"; do
	file=${broken%%:*} want=${broken#*:}
	"$MODERN" dtc -q -I dts -O dtb -o "$WORK/$file.dtb" "$WORK/$file.dts" 2>/dev/null
	check "dt-validate refuses our DTS edited to $file: $want" \
		grep -qF "$want" <(validate "$WORK/$file.dtb")
done

# QEMU 11.1's own DTB: its GIC's node name is what the binding refuses; ours is not.
qemu=$GICDESC_SRC/tests/data/qemu-11.1/virt-gicv5-smp4/virt.dtb
validate "$qemu" >"$WORK/qemu.val"
check "QEMU 11.1's DTB: dt-validate refuses its GIC's node name intc (QEMU's binding fault)" \
	grep -q "^intc (arm,gic-v5): \$nodename:0: 'intc' does not match" "$WORK/qemu.val"
check "QEMU 11.1's DTB: dt-validate says nothing else of its GIC and IRS" \
	test -z "$(grep -E "gic-v5|irs@" "$WORK/qemu.val" | grep -v "^intc (arm,gic-v5): \$nodename:0: 'intc'")"
"$GICDESC" generate -q --base "$qemu" -f dtb -o "$WORK/base" \
	"$GICDESC_SRC/examples/qemu-virt-gicv5/qemu-virt-gicv5.yaml"
validate "$WORK/base/qemu-virt-gicv5.dtb" >"$WORK/merged.val"
check "generate --base of QEMU's DTB: dt-validate says nothing of it it does not of QEMU's own" \
	test -z "$(comm -13 "$WORK/qemu.val" "$WORK/merged.val")"
finish

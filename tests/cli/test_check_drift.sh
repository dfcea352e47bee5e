#!/usr/bin/env bash
# Rule firmware-drift: descriptions of one platform in different formats must
# route every ID alike. QEMU's own DTBs are the oracle for our YAML examples.
. "$(dirname "$0")/lib.sh"

json_rules() { # prints the sorted rule names of the errors/warnings of a JSON report
	/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(sorted({g["rule"] for g in d["diagnostics"] if g["severity"] in ("error","warning")})))'
}
smmu_yaml="$GICDESC_SRC/examples/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml"

for pair in "$EXAMPLE:virt-gicv3-its-smp4" "$smmu_yaml:virt-gicv3-its-smmuv3-smp2"; do
	yaml=${pair%%:*} dtb=$QEMU_DATA/${pair#*:}/virt.dtb
	set +e
	"$GICDESC" check --format json "$yaml" "$dtb" >"$WORK/r.json"
	st=$?
	set -e
	check "$(basename "$yaml") and QEMU's own ${pair#*:} DTB route alike (status $st)" \
		test "$st" = 0 -a -z "$(json_rules <"$WORK/r.json")"
done

# A description whose msi-map covers half the RIDs drifts from QEMU's DTB on
# exactly the other half.
sed 's/count: 0x10000, output-base: 0, output: its0/count: 0x8000, output-base: 0, output: its0/' \
	"$EXAMPLE" >"$WORK/half.yaml"
set +e
"$GICDESC" check --format json "$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" "$WORK/half.yaml" >"$WORK/r.json"
st=$?
set -e
check "half msi-map: exit 1" test "$st" = 1
check "half msi-map: firmware-drift (and route-unmapped)" \
	test "$(json_rules <"$WORK/r.json")" = "firmware-drift route-unmapped"
check "half msi-map: the drift names RIDs 0x8000-0xffff" \
	grep -q 'PCI segment 0 RIDs 0x8000-0xffff' "$WORK/r.json"

# A DeviceID base off by 0x100 (Linux boots through this without a word).
sed 's/count: 0x10000, output-base: 0, output: its0/count: 0x10000, output-base: 0x100, output: its0/' \
	"$EXAMPLE" >"$WORK/off.yaml"
set +e
"$GICDESC" check --format json -Wno-device-id-range "$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" \
	"$WORK/off.yaml" >"$WORK/r.json"
set -e
check "DeviceID base off by 0x100: firmware-drift" test "$(json_rules <"$WORK/r.json")" = "firmware-drift"
check "  ... naming both DeviceID ranges" \
	grep -q 'DeviceIDs 0x0000-0xffff, but .* DeviceIDs 0x0100-0x100ff' "$WORK/r.json"
check "-Wno-firmware-drift silences it" "$GICDESC" check -Wno-firmware-drift -Wno-device-id-range \
	"$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" "$WORK/off.yaml"

# Buses 0-15 only, the msi-map still over every RID as QEMU writes it: the IORT states no
# bus range (the MCFG does), so the description lends its own to the tables beside it, and
# RIDs 0x1000-0xffff, which no bus holds, are no drift (found by the generative round trip).
sed 's/bus-range: \[0, 255\]/bus-range: [0, 15]/' "$EXAMPLE" >"$WORK/buses.yaml"
"$GICDESC" generate -q -f iort,madt -o "$WORK/buses" "$WORK/buses.yaml"
set +e
"$GICDESC" check --format json "$WORK/buses.yaml" "$WORK/buses/iort.aml" "$WORK/buses/madt.aml" \
	>"$WORK/r.json"
st=$?
set -e
check "buses 0-15: the IORT routes as the description (status $st)" \
	test "$st" = 0 -a -z "$(json_rules <"$WORK/r.json")"
check "  ... with the bus range lent" grep -q '1 PCI bus ranges and ECAM bases' "$WORK/r.json"
finish

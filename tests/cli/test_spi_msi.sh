#!/usr/bin/env bash
# SPI-based MSI and GICv2 through every front and back end:
# - MBI (arm,gic-v3.yaml mbi-ranges, mbi-alias): a PCI host with half its RIDs on MBI and a
#   platform device on MBI; our DTB loads back and routes as the YAML (firmware-drift), the GIC
#   node is dt-validate clean, and generate warns, naming each device, that ACPI cannot carry
#   MBI (no IORT node, no MADT structure).
# - generate --base over QEMU's GICv2 DTB keeps its DT facts (dt_facts.py).
# - The YAML refuses what a GICv2 cannot have or what is half given.
. "$(dirname "$0")/lib.sh"

/usr/bin/python3 - "$EXAMPLE" "$WORK/mbi.yaml" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
d["platform"]["name"] = "mbi"
# INTIDs 96-127 and 160-223: SPIs of QEMU's 256, clear of its wired ones, 32-aligned.
d["gic"]["mbi"] = {"name": "mbi0", "alias": 0x08100000,
                   "ranges": [{"base": 96, "count": 32}, {"base": 160, "count": 64}]}
d["root-complexes"][0]["id-map"] = [
    {"input-base": 0, "count": 0x8000, "output-base": 0, "output": "its0"},
    {"input-base": 0x8000, "count": 0x8000, "output-base": 0, "output": "mbi0"}]
d["named-components"] = [{"name": "dma0", "acpi-path": "\\_SB.DMA0", "dt-path": "/dma@9100000",
                          "id-map": [{"single": True, "output-base": 0, "output": "mbi0"}]}]
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY
"$GICDESC" generate -q -f dts,dtb,iort,madt -o "$WORK/out" "$WORK/mbi.yaml" 2>"$WORK/gen.err"
check "MBI: generate warns that RIDs 0x8000-0xffff of pcie0 lose their MSIs under ACPI" \
	grep -q 'warning: IORT: RIDs 0x8000-0xffff of pcie0 get no MSI when the OS boots with ACPI: MBI mbi0' "$WORK/gen.err"
check "MBI: generate warns that dma0 loses its MSI under ACPI" \
	grep -q 'warning: IORT: the single-mapping ID of dma0 gets no MSI .*MBI mbi0' "$WORK/gen.err"
facts=$(fdtget "$WORK/out/mbi.dtb" /interrupt-controller@8000000 mbi-ranges)
check "MBI: DT mbi-ranges are the <INTID span> pairs ($facts)" test "$facts" = "96 32 160 64"
check "MBI: DT mbi-alias" test "$(fdtget -tx "$WORK/out/mbi.dtb" /interrupt-controller@8000000 mbi-alias)" = "0 8100000"
check "MBI: the GIC is an msi-controller" fdtget "$WORK/out/mbi.dtb" /interrupt-controller@8000000 msi-controller
set +e
# iort-spi-msi (the YAML's MBI routes have no ACPI form) was asserted above.
"$GICDESC" check -Wno-iort-spi-msi --format json "$WORK/mbi.yaml" "$WORK/out/mbi.dtb" >"$WORK/r.json"
st=$?
set -e
n=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["errors"]+d["warnings"])' <"$WORK/r.json")
check "MBI: our DTB loads back and routes as the YAML (status $st, $n findings)" test "$st" = 0 -a "$n" = 0
check "MBI: the DTB's platform device reaches the MBI" \
	grep -q 'dma@9100000 (single mapping) -> interrupt-controller@8000000 (MBI: no DeviceID)' \
	<("$GICDESC" resolve "$WORK/out/mbi.dtb" dma@9100000)
if schema=$("$GICDESC_SRC/tools/dt-bindings-6.1" 2>/dev/null); then
	# The named component's node is a stub (no reg): validate the GIC and PCI host only.
	fdtput -r "$WORK/out/mbi.dtb" /dma@9100000
	dt-validate -s "$schema" "$WORK/out/mbi.dtb" >"$WORK/v.out" 2>&1 || echo "dt-validate failed" >>"$WORK/v.out"
	check "MBI: dt-validate (Linux 6.1 arm,gic-v3.yaml) reports nothing" test ! -s "$WORK/v.out"
	cat "$WORK/v.out"
fi

# generate --base over QEMU's own GICv2 DTB with the GICv2 example: QEMU's DT facts kept.
v2yaml=$GICDESC_SRC/examples/qemu-virt-gicv2/qemu-virt-gicv2.yaml
"$GICDESC" generate -q -f dtb --base "$QEMU_DATA/virt-gicv2-v2m-smp2/virt.dtb" -o "$WORK/base" "$v2yaml"
check "GICv2 --base over QEMU's GICv2 DTB: the DT facts stay QEMU's (GIC, v2m frame, msi-map)" \
	diff <(/usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" "$QEMU_DATA/virt-gicv2-v2m-smp2/virt.dtb") \
	<(/usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" "$WORK/base/qemu-virt-gicv2.dtb")

# refuse CASE EXPECTED-MESSAGE EDIT: the GICv2 example with EDIT (python on d) is refused.
refuse() {
	/usr/bin/python3 - "$GICDESC_SRC/examples/qemu-virt-gicv2/qemu-virt-gicv2.yaml" "$WORK/$1.yaml" "$3" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
exec(sys.argv[3])
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY
	set +e
	"$GICDESC" check "$WORK/$1.yaml" >"$WORK/$1.out" 2>&1
	local st=$?
	set -e
	check "YAML refuses $1 (status $st)" grep -q "$2" "$WORK/$1.out"
}
refuse intid-bits-on-gicv2 "intid-bits: a GICv2 has no LPIs" \
	'd["gic"]["distributor"]["intid-bits"] = 16'
refuse spi-base-alone "give spi-base and spi-count together" \
	'del d["gic"]["v2m-frames"][0]["spi-count"]'
refuse gicc-twice "gives its own gicc-base" \
	'd["gic"]["cpus"]["gicc-base"] = 0x08010000'
refuse intid-bits-missing-on-gicv3 "missing required key .intid-bits." \
	'd["gic"]["version"] = 3; d["gic"]["redistributors"] = [{"base": 0x080A0000, "length": 0xF60000}]'
finish

#!/usr/bin/env bash
# YAML msi-parent: names any MSI controller that takes no DeviceID, not only the
# Direct-LPI target: QEMU's GICv2 example with pcie0's id-map (every RID to v2m0)
# written as msi-parent: v2m0 routes as the example's own DTB does (QEMU's msi-map
# <0 &v2m 0 0x10000>; rule firmware-drift compares them), and a named component
# with msi-parent: mbi0 reaches the MBI. msi-parent naming an ITS (which takes a
# DeviceID, so an id-map says which) is refused.
# Through an SMMU, RIDs that reach the GICv2m frame are written as msi-map into it (QEMU
# virt's form with iommu=smmuv3) unless dt-msi-parent: true asks for msi-parent beside
# the iommu-map (AMD Seattle's, Linux arch/arm64/boot/dts/amd/amd-seattle-soc.dtsi).
. "$(dirname "$0")/lib.sh"
/usr/bin/python3 -c 'import yaml' 2>/dev/null || skip "python3-yaml not installed"
V2="$GICDESC_SRC/examples/qemu-virt-gicv2/qemu-virt-gicv2.yaml"

edit() { # edit IN OUT PYTHON: OUT is IN's YAML after PYTHON (on d)
	/usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
exec(sys.argv[3])
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY
}

"$GICDESC" generate -q -f dtb -o "$WORK/v2" "$V2"
edit "$V2" "$WORK/v2m.yaml" 'rc = d["root-complexes"][0]; rc.pop("id-map"); rc["msi-parent"] = "v2m0"'
set +e
"$GICDESC" check --format json "$WORK/v2m.yaml" "$WORK/v2"/*.dtb >"$WORK/r.json"
st=$?
set -e
n=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["errors"]+d["warnings"])' <"$WORK/r.json")
check "msi-parent: v2m0 routes as the example's id-map, as its DTB (status $st, $n findings)" \
	test "$st" = 0 -a "$n" = 0
check "resolve: pcie0's RIDs reach the GICv2m frame" \
	grep -q 'GICv2m frame: no DeviceID' <("$GICDESC" resolve "$WORK/v2m.yaml" pcie0)

edit "$EXAMPLE" "$WORK/mbi.yaml" '
d["gic"]["mbi"] = {"name": "mbi0", "ranges": [{"base": 96, "count": 32}]}
d["named-components"] = [{"name": "dma0", "acpi-path": "\\_SB.DMA0", "dt-path": "/dma@9100000",
                          "msi-parent": "mbi0"}]'
check "msi-parent: mbi0 of a named component reaches the MBI" \
	grep -q 'dma0 (single mapping) -> mbi0 (MBI: no DeviceID)' <("$GICDESC" resolve "$WORK/mbi.yaml" dma0)

edit "$V2" "$WORK/smmu.yaml" '
d["iommus"] = [{"name": "smmu0", "model": "smmuv3", "base": 0x09050000, "coherent": True,
                "interrupts": {"event": {"spi": 40}, "pri": {"spi": 41}, "sync": {"spi": 42},
                               "gerror": {"spi": 43}},
                "id-map": [{"input-base": 0, "count": 0x10000, "output-base": 0, "output": "v2m0"}]}]
d["root-complexes"][0]["id-map"] = [{"input-base": 0, "count": 0x10000, "output-base": 0,
                                     "output": "smmu0"}]'
edit "$WORK/smmu.yaml" "$WORK/seattle.yaml" 'd["root-complexes"][0]["dt-msi-parent"] = True'
pcie() { "$GICDESC" generate -q -f dts -o - "$1" | sed -n '/pcie@/,/^\t};/p'; }
pcie "$WORK/smmu.yaml" >"$WORK/qemu.pcie"
pcie "$WORK/seattle.yaml" >"$WORK/seattle.pcie"
check "through an SMMU: msi-map into the frame, beside the iommu-map" \
	grep -q 'msi-map = <0x0 &v2m0 0x0 0x10000>;' "$WORK/qemu.pcie"
check "dt-msi-parent: msi-parent = <&v2m0> beside the iommu-map, no msi-map" \
	bash -c 'grep -q "msi-parent = <&v2m0>;" "$1" && grep -q "iommu-map = " "$1" && ! grep -q msi-map "$1"' _ "$WORK/seattle.pcie"
"$GICDESC" generate -q -f dtb -o "$WORK/seattle" "$WORK/seattle.yaml"
check "dt-msi-parent: the DTB routes as the description (no firmware-drift)" \
	bash -c '! "$1" check "$2" "$3"/*.dtb | grep -q firmware-drift' _ "$GICDESC" "$WORK/seattle.yaml" "$WORK/seattle"

edit "$EXAMPLE" "$WORK/its.yaml" 'rc = d["root-complexes"][0]; rc.pop("id-map"); rc["msi-parent"] = "its0"'
set +e
"$GICDESC" check "$WORK/its.yaml" >"$WORK/its.err" 2>&1
st=$?
set -e
check "msi-parent: its0 is refused (status $st)" \
	grep -q "'its0' is a ITS; msi-parent names a controller that takes no DeviceID.*\[yaml-reference-kind\]" "$WORK/its.err"
finish

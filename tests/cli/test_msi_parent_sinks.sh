#!/usr/bin/env bash
# YAML msi-parent: names any MSI controller that takes no DeviceID, not only the
# Direct-LPI target: QEMU's GICv2 example with pcie0's id-map (every RID to v2m0)
# written as msi-parent: v2m0 routes as the example's own DTB does (QEMU's msi-map
# <0 &v2m 0 0x10000>; rule firmware-drift compares them), and a named component
# with msi-parent: mbi0 reaches the MBI. msi-parent naming an ITS (which takes a
# DeviceID, so an id-map says which) is refused.
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

edit "$EXAMPLE" "$WORK/its.yaml" 'rc = d["root-complexes"][0]; rc.pop("id-map"); rc["msi-parent"] = "its0"'
set +e
"$GICDESC" check "$WORK/its.yaml" >"$WORK/its.err" 2>&1
st=$?
set -e
check "msi-parent: its0 is refused (status $st)" \
	grep -q "'its0' is a ITS; msi-parent names a controller that takes no DeviceID.*\[yaml-reference-kind\]" "$WORK/its.err"
finish

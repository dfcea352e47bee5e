#!/usr/bin/env bash
# msi-map-mask (pci-msi.txt): Linux's of_map_id() ANDs a RID with the mask
# before it searches msi-map. QEMU's own DTB, edited with fdtput (an oracle
# nobody here wrote) to mask RIDs with 0xff00 and map masked RIDs 0x0000 and
# 0x0100 only, the way several Qualcomm trees in Linux do: every function of
# bus 0 gets DeviceID 0, of bus 1 DeviceID 1, and buses 2-255 nothing.
. "$(dirname "$0")/lib.sh"
command -v fdtput >/dev/null || skip "fdtput (device-tree-compiler) is not installed"

dtb=$WORK/masked.dtb
cp "$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" "$dtb"
its=$(fdtget -t x "$dtb" /pcie@10000000 msi-map | awk '{print $2}')
fdtput -t x "$dtb" /pcie@10000000 msi-map-mask ff00
fdtput -t x "$dtb" /pcie@10000000 msi-map 0 "$its" 0 1 100 "$its" 1 1

resolve_one() { "$GICDESC" resolve "$dtb" "pcie@10000000:$1"; }
check "RID 0x0023 (bus 0) -> DeviceID 0x0000" \
	grep -q 'its@8080000 DeviceID 0x0000$' <(resolve_one 0x0023)
check "RID 0x0123 (bus 1) -> DeviceID 0x0001" \
	grep -q 'its@8080000 DeviceID 0x0001$' <(resolve_one 0x0123)
check "RID 0x0223 (bus 2) -> unmapped" grep -q 'unmapped' <(resolve_one 0x0223)

set +e
"$GICDESC" check "$dtb" >"$WORK/out" 2>&1
st=$?
set -e
check "check: exit 0 (warnings only)" test "$st" = 0
check "check: one route-unmapped warning for masked RIDs 0x0200-0xff00" \
	test "$(grep -c 'msi-map-mask 0xff00 makes 0x0200-0xff00 reach no ITS.*\[route-unmapped\]' "$WORK/out")" = 1
check "check: nothing else" test "$(grep -c ': warning: \|: error: ' "$WORK/out")" = 1

# Against the unmasked description of the same machine: bus 0 agrees on RID
# 0 only, bus 1 not at all, buses 2-255 reach nothing.
set +e
"$GICDESC" check "$dtb" "$EXAMPLE" >"$WORK/out" 2>&1
st=$?
set -e
check "drift: exit 1" test "$st" = 1
check "drift: RIDs 0x0001-0x01ff get other DeviceIDs" \
	grep -q 'RIDs 0x0001-0x01ff .*DeviceID 0x0000 from the first .*DeviceIDs 0x0001-0x01ff \[firmware-drift\]' "$WORK/out"
check "drift: RIDs 0x0200-0xffff reach no ITS in the masked DTB" \
	grep -q 'RIDs 0x0200-0xffff .*gives no ITS .*\[firmware-drift\]' "$WORK/out"
check "drift: two reports" test "$(grep -c 'firmware-drift' "$WORK/out")" = 2
finish

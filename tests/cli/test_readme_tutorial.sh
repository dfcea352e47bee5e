#!/usr/bin/env bash
# README's "From a board that already boots, in five steps", run as written on QEMU
# 7.2's virt DTB (tests/data/qemu-7.2, a DTB nobody here wrote): each step's command,
# and what the README says it prints or leaves.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
cp "$GICDESC_SRC/tests/data/qemu-7.2/virt-gicv3-its-smp4/virt.dtb" board.dtb

# 1. import
check "1. import writes board.yaml" "$GICDESC" import -q board.dtb -o board.yaml
check "1. the ITS widths are assumed, 32 each" grep -q 'device-id-bits: 32, event-id-bits: 32 }' board.yaml
check "1. with a '# assumed:' comment" grep -q '# assumed: ITS DeviceID bits assumed 32' board.yaml

# 2. state the facts, check
sed -i 's/device-id-bits: 32, event-id-bits: 32 }/device-id-bits: 8, event-id-bits: 16 }/' board.yaml
set +e
out=$("$GICDESC" check board.yaml)
st=$?
set -e
check "2. check: exit 1" test "$st" = 1
check "2. check: the line README quotes" grep -qxF "board.yaml:39:5: error: RIDs 0x0100-0xffff of pcie_10000000 reach DeviceIDs 0x0100-0xffff of its_8080000, beyond its 8 DeviceID bits (last DeviceID 0xff) [device-id-range]" <<<"$out"

# 3. fix, check, resolve both ways
sed -i 's/bus-range: \[0x00, 0xFF\]/bus-range: [0x00, 0x00]/; s/count: 0x10000, output-base: 0x0, output: its_8080000/count: 0x100, output-base: 0x0, output: its_8080000/' board.yaml
check "3. the fix: check is clean" grep -qx '0 errors, 0 warnings' <<<"$("$GICDESC" check board.yaml)"
check "3. resolve a RID" grep -q 'pcie_10000000 RID 0x0008 -> its_8080000 DeviceID 0x0008' <<<"$("$GICDESC" resolve board.yaml pcie_10000000:0x8)"
check "3. resolve a DeviceID backwards" grep -q 'pcie_10000000' <<<"$("$GICDESC" resolve board.yaml its_8080000:0x8)"

# 4. generate --base, compare
check "4. generate --base" "$GICDESC" generate -q --base board.dtb -f dtb -o out board.yaml
out=$("$GICDESC" check board.yaml out/board.dtb)
check "4. no firmware-drift" bash -c "! grep -q firmware-drift <<<\"\$1\"" _ "$out"
check "4. the base's bus-range warning README explains" grep -q 'RIDs 0x0100-0xffff of pcie@10000000 reach no ITS .*\[route-unmapped\]' <<<"$out"

# 5. CI: -Werror over a tree, a waiver for the reviewed warning, SARIF
mkdir -p firmware
cp board.yaml out/board.dtb firmware/
set +e
"$GICDESC" check -Werror -r firmware/ --format sarif >gicdesc.sarif
st=$?
set -e
check "5. -Werror -r: the warning fails CI" test "$st" = 1
printf 'gicdesc-waivers: 1\nwaivers:\n  - { rule: route-unmapped, node: /pcie@10000000, reason: "bus-range fixed in the board DTS next release" }\n' >waivers.yaml
check "5. with the waiver: CI passes" "$GICDESC" check -q -Werror --waivers waivers.yaml -r firmware/ --format sarif
check "5. SARIF written" /usr/bin/python3 -c 'import json, sys; json.load(open(sys.argv[1]))["runs"][0]["results"]' gicdesc.sarif
finish

#!/usr/bin/env bash
# Rule id-map-count-off-by-one on real tables: it never fires on QEMU's own
# IORTs (7.2 here; the upstream expected tables used in place from
# $GICDESC_SHARED, never copied), and it fires on QEMU 7.2's IORT with the
# one change the firmware bug makes, written by hand: the root complex's ID
# count 0xffff (0x10000 RIDs, IORT E.e §3.2.2 "number of IDs minus one")
# written as 0x10000, the number of IDs.
. "$(dirname "$0")/lib.sh"

fires() { "$GICDESC" check --format json "$@" | grep -c '"id-map-count-off-by-one"' || true; }

for m in virt-gicv3-its-smp4 virt-gicv4-its-smp2; do
	check "QEMU 7.2 $m: does not fire" test "$(fires "$QEMU_DATA/$m/IORT.dat" "$QEMU_DATA/$m/APIC.dat")" = 0
done
UP=${GICDESC_SHARED:-}/reference/qemu-upstream-tests
if [ -n "${GICDESC_SHARED:-}" ] && [ -d "$UP" ]; then
	for t in "$UP"/IORT*; do
		check "QEMU upstream $(basename "$t"): does not fire" test "$(fires "$t")" = 0
	done
else
	echo "# QEMU upstream tables not found (\$GICDESC_SHARED unset or without them): that part skipped"
fi

# QEMU 7.2's IORT: the root complex node is at 0x48, its ID mapping array at
# node offset 0x24 (IORT.dsl: "[06Ch ...] Input base", "[070h ...] ID Count :
# 0000FFFF"). Byte 0x70 = 0x10000; the checksum (byte 9) is put right again.
/usr/bin/python3 - "$QEMU_DATA/virt-gicv3-its-smp4/IORT.dat" "$WORK/IORT.dat" <<'PY'
import struct, sys
t = bytearray(open(sys.argv[1], "rb").read())
assert struct.unpack_from("<I", t, 0x70)[0] == 0xFFFF
struct.pack_into("<I", t, 0x70, 0x10000)
t[9] = 0
t[9] = (-sum(t)) & 0xFF
open(sys.argv[2], "wb").write(t)
PY
out=$("$GICDESC" check "$WORK/IORT.dat" "$QEMU_DATA/virt-gicv3-its-smp4/APIC.dat" || true)
echo "$out" | grep -v 'note:' | sed 's/^/# /'
check "ID count 0x10000 for 0x10000 RIDs: fires at the mapping (+0x6c)" \
	grep -q 'IORT.dat:+0x6c: warning: .*holds 0x10001 IDs.*\[id-map-count-off-by-one\]' <<<"$out"
check "ID count 0x10000: nothing else" grep -q '^0 errors, 1 warning' <<<"$out"
finish

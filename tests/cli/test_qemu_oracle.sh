#!/usr/bin/env bash
# The stored QEMU 7.2 DTBs (tests/data/qemu-7.2/) are what QEMU itself makes:
# regenerate each with qemu-system-aarch64's dumpdtb and compare byte for byte
# after dtc's compaction. Proves the oracle the other tests compare against.
. "$(dirname "$0")/lib.sh"

command -v qemu-system-aarch64 >/dev/null || skip "qemu-system-aarch64 not installed (Debian qemu-system-arm)"
qemu_version=$(qemu-system-aarch64 --version | head -n1)
case "$qemu_version" in
*" 7.2"*) ;;
*) skip "the stored DTBs come from QEMU 7.2; this is: $qemu_version" ;;
esac

# folder -> machine options, as tests/data/qemu-7.2/README.md lists them.
while read -r folder machine cpu smp; do
	dump="$WORK/$folder.raw.dtb"
	qemu-system-aarch64 -machine "$machine,dtb-randomness=off,dumpdtb=$dump" \
		-cpu "$cpu" -smp "$smp" -m 1G -nographic >/dev/null 2>&1
	dtc -q -I dtb -O dtb -o "$WORK/$folder.dtb" "$dump"
	check "$folder: QEMU makes the stored DTB" cmp -s "$WORK/$folder.dtb" "$QEMU_DATA/$folder/virt.dtb"
done <<'LIST'
virt-gicv3-its-smp4 virt,gic-version=3,its=on cortex-a57 4
virt-gicv3-its-smmuv3-smp2 virt,gic-version=3,its=on,iommu=smmuv3 cortex-a57 2
virt-gicv4-its-smp2 virt,gic-version=4,its=on,virtualization=on max 2
virt-gicv2-v2m-smp2 virt,gic-version=2 cortex-a57 2
virt-gicv3-its-smp200 virt,gic-version=3,its=on cortex-a57 200
LIST
finish

#!/usr/bin/env bash
# Boot proof, the good boots: a real Linux kernel (Debian arm64) on QEMU's virt
# machine takes gicdesc's description of the QEMU example and MSIs arrive.
#   DT:   gicdesc generate --base over QEMU's own DTB (dumped by QEMU)
#   ACPI: UEFI, with gicdesc's IORT and MADT put in by ACPI table upgrade; the
#         guest's /sys/firmware/acpi/tables/{IORT,APIC} must equal ours
# The proofs (verdict.py --good): the ITS's PCI/MSI domain, MSI-X on the
# virtio-pci function, a completed virtio-rng read, a non-zero ITS-MSI count,
# a clean QEMU guest_errors log.
. "$GICDESC_SRC/tests/cli/lib.sh"
. "$GICDESC_SRC/tests/boot/lib.sh"
boot_prepare

check "gicdesc check: the QEMU example (OEM revision 2) is clean" \
	"$GICDESC" check "$WORK/good.yaml"
check "generate --base over QEMU's DTB" dt_over_qemu "$WORK/good.yaml" "$WORK/good.dtb"
check "the DTB stays small (a DTB of 1 MiB hangs the kernel)" \
	test "$(stat -c %s "$WORK/good.dtb")" -lt 65536
check "generate -f iort,madt" tables "$WORK/good.yaml" "$WORK/good-acpi"

start=$SECONDS
boot_bg dt-good dt "$WORK/good.dtb"
boot_bg acpi-good acpi "$WORK/good-acpi/iort.aml" "$WORK/good-acpi/madt.aml"
boot_wait
echo "# boots took $((SECONDS - start)) s"

check "DT boot: MSIs delivered through gicdesc's DTB (--base over QEMU's)" \
	python3 "$BOOT/verdict.py" "$WORK/dt-good" --good
check "ACPI boot: MSIs delivered through gicdesc's IORT and MADT" \
	python3 "$BOOT/verdict.py" "$WORK/acpi-good" --good \
	--table "IORT=$WORK/good-acpi/iort.aml" --table "APIC=$WORK/good-acpi/madt.aml"
finish

#!/bin/sh
# boot.sh - boots an arm64 Linux kernel on QEMU's virt machine (TCG) with a
# virtio-rng device and the tests/boot initramfs. The machines are machine.sh's.
#
#   tests/boot/boot.sh OUT dt FILE.dtb
#       Device Tree boot of Debian 12's kernel (fetch.sh) on QEMU 7.2's GICv3
#       machine (gicv3): -dtb FILE.dtb
#   tests/boot/boot.sh OUT gicv5 FILE.dtb
#       Device Tree boot of Debian sid's kernel (modern_kernel.sh) on QEMU
#       11.1's GICv5 machine (gicv5, tools/modern): -dtb FILE.dtb
#   tests/boot/boot.sh OUT acpi IORT.aml APIC.aml
#       ACPI boot through UEFI (qemu-efi-aarch64), the two tables put in by the
#       kernel's ACPI table upgrade from the initrd (their OEM ID and OEM table
#       ID must be QEMU's, "BOCHS " and "BXPC    ", their OEM revision > 1)
#
# Writes OUT/initrd, OUT/console.log (the serial console: kernel log and the
# init's GICDESC-* lines), OUT/qemu.log (QEMU -d guest_errors),
# OUT/qemu.status (QEMU's exit status; 124: killed at the time limit) and
# OUT/seconds (how long QEMU ran). Exits 0
# once QEMU has run, whatever the guest did: verdict.py judges the logs.
# Exit 77 when the kernel cannot be fetched (fetch.sh) or the modern root
# cannot be built (modern_kernel.sh).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${GICDESC_SRC:=$(cd "$here/../.." && pwd)}"
. "$here/machine.sh"
[ $# -ge 3 ] || {
	echo "usage: boot.sh OUT dt|gicv5 FILE.dtb | boot.sh OUT acpi IORT.aml APIC.aml" >&2
	exit 2
}
out=$1 mode=$2
shift 2
if [ "$mode" = gicv5 ]; then
	assets=$("$here/modern_kernel.sh")
	machine gicv5
else
	assets=$("$here/fetch.sh")
	machine gicv3
fi
mkdir -p "$out"

modules=""
for m in $(cat "$assets/modules.order"); do modules="$modules $assets/modules/$m.ko"; done
# shellcheck disable=SC2086 # one word per module
python3 "$here/initramfs.py" init "$out/initramfs.cpio" --init "$here/init.sh" \
	--busybox "$assets/busybox" --modules $modules

# earlycon always: without it an early panic leaves an empty log.
# panic=-1 with -no-reboot: a panic ends QEMU at once.
append="console=ttyAMA0 panic=-1"
case $mode in
dt | gicv5)
	[ $# = 1 ] || { echo "boot.sh: $mode wants one DTB" >&2; exit 2; }
	cp "$out/initramfs.cpio" "$out/initrd"
	firmware="-dtb $1"
	append="$append earlycon=pl011,0x9000000"
	;;
acpi)
	[ $# = 2 ] || { echo "boot.sh: acpi wants IORT.aml APIC.aml" >&2; exit 2; }
	# The table upgrade archive goes first, uncompressed.
	python3 "$here/initramfs.py" acpi "$out/tables.cpio" "IORT=$1" "APIC=$2"
	cat "$out/tables.cpio" "$out/initramfs.cpio" >"$out/initrd"
	firmware="-bios /usr/share/qemu-efi-aarch64/QEMU_EFI.fd"
	append="$append earlycon acpi=force"
	;;
*) echo "boot.sh: mode dt, gicv5 or acpi, not $mode" >&2; exit 2 ;;
esac

rm -f "$out/qemu.log"
status=0
start=$(date +%s)
# shellcheck disable=SC2086 # $QEMU, $MACHINE_ARGS and $firmware are words
# One host thread runs all vCPUs (thread=single): as fast as multi-threaded
# TCG here, and several boots on 2 shared cores do not starve one another.
timeout -k 5 "${GICDESC_BOOT_TIMEOUT:-120}" $QEMU -accel tcg,thread=single $MACHINE_ARGS \
	-display none -monitor none -serial stdio -nic none -no-reboot \
	$firmware -kernel "$assets/vmlinuz" -initrd "$out/initrd" -append "$append" \
	-d guest_errors -D "$out/qemu.log" \
	</dev/null >"$out/console.log" 2>&1 || status=$?
touch "$out/qemu.log"
echo "$status" >"$out/qemu.status"
echo $(($(date +%s) - start)) >"$out/seconds"

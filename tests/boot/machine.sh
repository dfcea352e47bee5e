# shellcheck shell=sh disable=SC2034 # QEMU and MACHINE_ARGS are for the scripts that source this
# machine.sh - sourced by boot.sh and lib.sh (not a test): the QEMU machines the
# boot tests run, in one place, so that the DTB a test dumps and the machine it
# boots are the same machine. Needs GICDESC_SRC (the source tree).
#
# machine KIND sets
#   QEMU          the QEMU command (words)
#   MACHINE_ARGS  machine, CPU, number of CPUs, memory and the virtio-rng device
# for KIND
#   gicv3  Debian 12's QEMU 7.2: virt, GICv3 with one ITS, 4 Cortex-A57,
#          virtio-rng-pci (MSI-X through the ITS)
#   gicv5  the modern root's QEMU 11.1 (tools/modern): virt with the
#          experimental GICv5 (gic-version=x-5: one IRS, no ITS, so no MSIs),
#          4 CPUs of -cpu max (as examples/qemu-virt-gicv5 describes), virtio-rng-device on virtio-mmio (a wired SPI of
#          the IRS), virtio 1.0 rather than QEMU's legacy virtio-mmio default
machine() {
	case $1 in
	gicv3)
		QEMU=qemu-system-aarch64
		MACHINE_ARGS="-machine virt,gic-version=3,its=on -cpu cortex-a57 -smp 4 -m 1G -device virtio-rng-pci"
		;;
	gicv5)
		QEMU="$GICDESC_SRC/tools/modern qemu-system-aarch64"
		MACHINE_ARGS="-machine virt,gic-version=x-5 -cpu max -smp 4 -m 1G -device virtio-rng-device
			-global virtio-mmio.force-legacy=false"
		;;
	*)
		echo "machine.sh: no machine $1" >&2
		return 2
		;;
	esac
}

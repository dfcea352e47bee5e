#!/bin/sh
# /init of the boot-proof initramfs (busybox sh in the guest; not a host test).
# Loads the virtio modules, reads the virtio-rng device (which completes only if
# its interrupt arrives: MSI-X on the GICv3 machine, a wired SPI on the GICv5
# one) and prints GICDESC-* marker lines that tests/boot/verdict.py reads from
# the serial console: /proc/interrupts before (GICDESC-IRQ0) and after
# (GICDESC-IRQ) a second's sleep and the read, so that counts are seen to go
# up. Then powers off.
/bin/busybox --install -s /bin
export PATH=/bin
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

echo "GICDESC-BEGIN"
# The order of the dependencies (no modules.dep in the initramfs).
for m in $(cat /modules.order); do
	if insmod "/modules/$m.ko"; then
		echo "GICDESC-INSMOD-OK $m"
	else
		echo "GICDESC-INSMOD-FAIL $m"
	fi
done

# interrupts PREFIX: /proc/interrupts, each line after PREFIX.
interrupts() {
	while IFS= read -r line; do
		echo "$1 $line"
	done </proc/interrupts
}

echo "GICDESC-CPUS online=$(cat /sys/devices/system/cpu/online)"
interrupts GICDESC-IRQ0
# The sleep ends on a timer interrupt, whatever else the guest does.
sleep 1
if timeout 10 dd if=/dev/hwrng of=/tmp/rng bs=16 count=4 2>/dev/null &&
	[ "$(wc -c </tmp/rng)" -eq 64 ]; then
	echo "GICDESC-RNG-OK"
else
	echo "GICDESC-RNG-FAIL"
fi

# How each virtio PCI function takes its interrupts: msi_irqs/<irq> holds
# "msi" or "msix"; no msi_irqs folder means INTx.
for d in /sys/bus/pci/devices/*; do
	[ "$(cat "$d/vendor")" = 0x1af4 ] || continue
	modes=""
	for f in "$d"/msi_irqs/*; do
		[ -f "$f" ] && modes="$modes $(cat "$f")"
	done
	echo "GICDESC-PCI ${d##*/} irq=$(cat "$d/irq") modes=${modes:- intx}"
done

interrupts GICDESC-IRQ

for t in IORT APIC; do
	[ -f "/sys/firmware/acpi/tables/$t" ] &&
		echo "GICDESC-TABLE $t $(md5sum </sys/firmware/acpi/tables/$t | cut -d' ' -f1)"
done
echo "GICDESC-END"
poweroff -f

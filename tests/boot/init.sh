#!/bin/sh
# /init of the boot-proof initramfs (busybox sh in the guest; not a host test).
# Loads the virtio modules, reads the virtio-rng device (which completes only if
# its MSI-X interrupt arrives) and prints GICDESC-* marker lines that
# tests/boot/verdict.py reads from the serial console. Then powers off.
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

while IFS= read -r line; do
	echo "GICDESC-IRQ $line"
done </proc/interrupts

for t in IORT APIC; do
	[ -f "/sys/firmware/acpi/tables/$t" ] &&
		echo "GICDESC-TABLE $t $(md5sum </sys/firmware/acpi/tables/$t | cut -d' ' -f1)"
done
echo "GICDESC-END"
poweroff -f

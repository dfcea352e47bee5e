#!/usr/bin/env bash
# Boot proof, GICv5: Debian sid's arm64 kernel (7.2, CONFIG_ARM_GIC_V5=y) on
# QEMU 11.1's virt machine with the experimental GICv5 (gic-version=x-5: one
# IRS, no ITS), from the modern root (scripts/modern-oracles.sh, tools/modern);
# skipped where that root cannot be built.
#   good:   the DTB given to the test (-dtb): the IRS probes, both CPUs come
#           up, the arch_timer PPI and the virtio-mmio SPI count up, the
#           virtio-rng read completes (verdict.py --gicv5 --good)
#   broken: the same DTB with CPU 1 served by no IRS (the IRS's cpus and
#           arm,iaffids list cpu@0 only): the kernel fails the way
#           tests/boot/README.md (GICv5) predicts from Linux 7.2's
#           drivers/irqchip/irq-gic-v5*.c (verdict.py --gicv5 --symptom)
# The DTB given: QEMU 11.1's own DTB of the machine (dumped, packed by dtc).
# gicdesc does not generate GICv5 DT yet (main has the GICv5 model only); when
# it does, the good DTB becomes `gicdesc generate --base` of
# examples/qemu-virt-gicv5 over this DTB, as lib.sh does for GICv3.
. "$GICDESC_SRC/tests/cli/lib.sh"
. "$GICDESC_SRC/tests/boot/lib.sh"
boot_prepare_gicv5

# irs_node DTB: the path of the (first) arm,gic-v5-irs node, a child of the
# GIC node (arm,gic-v5.yaml), which is a child of the root.
irs_node() {
	local top child
	for top in $(fdtget -l "$1" /); do
		for child in $(fdtget -l "$1" "/$top"); do
			[ "$(fdtget "$1" "/$top/$child" compatible 2>/dev/null)" = arm,gic-v5-irs ] &&
				echo "/$top/$child" && return 0
		done
	done
	return 1
}

# irs_set IN.dtb OUT.dtb CPUS IAFFIDS: IN with its IRS's cpus set to the
# phandle cells CPUS and its arm,iaffids to the 16-bit values IAFFIDS (written
# as bytes: Debian 12's fdtput 1.6.1 stores `-t h` values byte-swapped).
irs_set() {
	local irs bytes="" v
	irs=$(irs_node "$1") || return 1
	for v in $4; do bytes="$bytes $(printf '%02x %02x' $((v >> 8)) $((v & 255)))"; done
	cp "$1" "$2"
	# shellcheck disable=SC2086 # one word per cell or byte
	fdtput -t x "$2" "$irs" cpus $3 && fdtput -t bx "$2" "$irs" arm,iaffids $bytes || return 1
	echo "    $(basename "$2" .dtb) $irs: cpus = <$(fdtget -t x "$2" "$irs" cpus)>," \
		"arm,iaffids = /bits/ 16 <$(fdtget -t hx "$2" "$irs" arm,iaffids)>"
	[ "$(fdtget -t x "$2" "$irs" cpus)" = "$3" ] && [ "$(fdtget -t hx "$2" "$irs" arm,iaffids)" = "$4" ]
}

check "the good DTB: QEMU 11.1's own (gicdesc does not generate GICv5 DT yet)" \
	cp "$WORK/qemu.dtb" "$WORK/v5-good.dtb"
check "the DTB stays small (a DTB of 1 MiB hangs the kernel)" \
	test "$(stat -c %s "$WORK/v5-good.dtb")" -lt 65536
irs=$(irs_node "$WORK/v5-good.dtb") || true
cpus=$(fdtget -t x "$WORK/v5-good.dtb" "$irs" cpus)
iaffids=$(fdtget -t hx "$WORK/v5-good.dtb" "$irs" arm,iaffids)
echo "    v5-good $irs: cpus = <$cpus>, arm,iaffids = /bits/ 16 <$iaffids>"
check "the good DTB's IRS serves two CPUs with IAFFIDs 0 and 1" test "$iaffids" = "0 1"
check "broken copy: the IRS serves cpu@0 only, CPU 1 has no IAFFID" \
	irs_set "$WORK/v5-good.dtb" "$WORK/v5-unserved.dtb" "${cpus%% *}" 0
check "broken copy: the IRS says it serves IAFFID 5 for CPU 1 (QEMU's IRS has PEs 0 and 1)" \
	irs_set "$WORK/v5-good.dtb" "$WORK/v5-iaffid-5.dtb" "$cpus" "0 5"

# The broken boots never reach the init (README.md, GICv5): they are stopped
# at 30 s, three times what the good boot takes on an idle machine.
start=$SECONDS
boot_bg v5-good gicv5 "$WORK/v5-good.dtb"
for n in v5-unserved v5-iaffid-5; do
	GICDESC_BOOT_TIMEOUT=${GICDESC_BOOT_V5_LIMIT:-30} boot_bg "$n" gicv5 "$WORK/$n.dtb"
done
boot_wait
echo "# boots took $((SECONDS - start)) s (good boot: $(cat "$WORK/v5-good/seconds") s)"

check "GICv5 boot: the IRS probes, timer and virtio interrupts count up, the rng read completes" \
	python3 "$BOOT/verdict.py" "$WORK/v5-good" --gicv5 --good

# broken NAME WHAT SYMPTOM...: the boot NAME shows every SYMPTOM.
broken() {
	local name=$1 what=$2 verdict st=0
	shift 2
	verdict=$(python3 "$BOOT/verdict.py" "$WORK/$name" --gicv5 --symptom "$@") || st=$?
	echo "$verdict"
	check "$what: the boot fails as predicted ($*)" test "$st" = 0
	echo "# $name: last kernel time stamp" \
		"$(grep -o '^\[ *[0-9.]*\]' "$WORK/$name/console.log" | tail -n 1)," \
		"$(grep -c 'IAFFID' "$WORK/$name/console.log") IAFFID lines," \
		"$(grep -c 'Could not force affinity' "$WORK/$name/console.log") affinity WARNINGs"
}
broken v5-unserved "CPU 1 served by no IRS" v5-irs-probed v5-iaffid-missing v5-ipi-affinity \
	v5-cpu-starting-failed no-init time-limit
broken v5-iaffid-5 "CPU 1's IAFFID 5 served by no IRS" v5-irs-probed v5-iaffid-invalid \
	v5-cpu-starting-enxio no-init time-limit
finish

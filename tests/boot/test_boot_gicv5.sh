#!/usr/bin/env bash
# Boot proof, GICv5: Debian sid's arm64 kernel (7.2, CONFIG_ARM_GIC_V5=y) on
# QEMU 11.1's virt machine with the experimental GICv5 (gic-version=x-5: one
# IRS, no ITS; 4 CPUs), from the modern root (scripts/modern-oracles.sh,
# tools/modern); skipped where that root cannot be built.
#   good:   gicdesc generate --base of examples/qemu-virt-gicv5 over QEMU 11.1's
#           own DTB, given to the kernel (-dtb): the IRS probes, every CPU
#           comes up, the arch_timer PPI and the virtio-mmio SPI count up, the
#           virtio-rng read completes (verdict.py --gicv5 --good)
#   broken: two copies of the example whose CPU 3 no IRS serves, generated
#           the same way: the IRS lists CPUs 0-2 only (gicdesc check:
#           iaffid-unserved), or gives CPU 3 IAFFID 5, which QEMU's IRS does
#           not have. Each fails the way tests/boot/README.md (GICv5) predicts
#           from Linux 7.2's drivers/irqchip/irq-gic-v5*.c
#           (verdict.py --gicv5 --symptom)
. "$GICDESC_SRC/tests/cli/lib.sh"
. "$GICDESC_SRC/tests/boot/lib.sh"
boot_prepare_gicv5

# irs_facts DTB: the cpus and arm,iaffids of its IRS (the arm,gic-v5-irs child
# of the root's arm,gic-v5 node, arm,gic-v5.yaml), as "cpus = <...>, ...".
irs_facts() {
	local top child
	for top in $(fdtget -l "$1" /); do
		for child in $(fdtget -l "$1" "/$top"); do
			[ "$(fdtget "$1" "/$top/$child" compatible 2>/dev/null)" = arm,gic-v5-irs ] || continue
			echo "/$top/$child: cpus = <$(fdtget -t x "$1" "/$top/$child" cpus)>," \
				"arm,iaffids = /bits/ 16 <$(fdtget -t hx "$1" "/$top/$child" arm,iaffids)>"
			return 0
		done
	done
	return 1
}

# v5_dtb NAME [--force]: $WORK/NAME.dtb, generate --base of $WORK/NAME.yaml
# over QEMU 11.1's DTB; shows its IRS.
v5_dtb() {
	check "$1: generate ${2:+$2 }--base over QEMU 11.1's DTB" \
		dt_over_qemu "$WORK/$1.yaml" "$WORK/$1.dtb" "${2:-}" &&
		echo "    $1 $(irs_facts "$WORK/$1.dtb")"
}

cp "$WORK/good.yaml" "$WORK/v5-good.yaml"
check "gicdesc check: the GICv5 example is clean, also against QEMU 11.1's DTB" \
	"$GICDESC" check -q "$WORK/v5-good.yaml" "$WORK/qemu.dtb"
echo "    QEMU's $(irs_facts "$WORK/qemu.dtb")"
v5_dtb v5-good
check "the DTB stays small (a DTB of 1 MiB hangs the kernel)" \
	test "$(stat -c %s "$WORK/v5-good.dtb")" -lt 65536
check "our IRS serves QEMU's four CPUs with IAFFIDs 0-3" \
	test "$(fdtget -t hx "$WORK/v5-good.dtb" /intc/irs@8010000 arm,iaffids)" = "0 1 2 3"

# unserved FILE: gicdesc check FILE exits 1 with rule iaffid-unserved.
unserved() {
	local out st=0
	out=$("$GICDESC" check "$1" 2>&1) || st=$?
	grep -v ': note: ' <<<"$out" | sed 's/^/    /'
	check "$(basename "$1"): gicdesc check rejects it (exit 1), rule iaffid-unserved" \
		test "$st" = 1 -a -n "$(grep '\[iaffid-unserved\]' <<<"$out")"
}
variant v5-unserved 's/cpus: \[0, 1, 2, 3\]/cpus: [0, 1, 2]/; s/iaffids: \[0, 1, 2, 3\]/iaffids: [0, 1, 2]/'
unserved "$WORK/v5-unserved.yaml"
v5_dtb v5-unserved --force
unserved "$WORK/v5-unserved.dtb"

# The description alone is consistent; only QEMU's IRS (PEs of IAFFIDs 0-3)
# disagrees, which check against QEMU's own DTB sees (firmware-drift compares
# each CPU's IAFFID and IRS).
variant v5-iaffid-5 's/iaffids: \[0, 1, 2, 3\]/iaffids: [0, 1, 2, 5]/'
st=0
out=$("$GICDESC" check "$WORK/v5-iaffid-5.yaml" "$WORK/qemu.dtb" 2>&1) || st=$?
grep -v ': note: ' <<<"$out" | sed 's/^/    /'
check "v5-iaffid-5.yaml against QEMU's DTB: gicdesc check rejects it (exit 1), rule firmware-drift" \
	test "$st" = 1 -a -n "$(grep 'MPIDR 0x3 has IAFFID 0x5 .*\[firmware-drift\]' <<<"$out")"
v5_dtb v5-iaffid-5 --force

# The broken boots never reach the init (README.md, GICv5): they are stopped
# at $limit s: the good boot takes about 10 s on an idle machine, 30-40 s on
# 2 cores at a load average of 12-17.
limit=${GICDESC_BOOT_V5_LIMIT:-40}
start=$SECONDS
boot_bg v5-good gicv5 "$WORK/v5-good.dtb"
for n in v5-unserved v5-iaffid-5; do
	GICDESC_BOOT_TIMEOUT=$limit boot_bg "$n" gicv5 "$WORK/$n.dtb"
done
boot_wait
good_s=$(cat "$WORK/v5-good/seconds")
echo "# boots took $((SECONDS - start)) s (good boot: $good_s s)"
# That a broken boot had not reached the init when stopped says something only
# if the good one, beside it, got there in less time.
stalled="no-init time-limit"
if [ "$good_s" -ge "$limit" ]; then
	echo "# the good boot took $good_s s, not less than the broken boots' $limit s (a loaded" \
		"host): their not reaching the init is not judged"
	stalled=""
fi

check "GICv5 boot with gicdesc's DTB: the IRS probes, timer and virtio interrupts count up, the rng read completes" \
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
# shellcheck disable=SC2086 # $stalled: one word per symptom
broken v5-unserved "CPU 3 served by no IRS" v5-irs-probed v5-iaffid-missing v5-ipi-affinity \
	v5-cpu-starting-failed $stalled
# shellcheck disable=SC2086 # $stalled: one word per symptom
broken v5-iaffid-5 "CPU 3's IAFFID 5 served by no IRS" v5-irs-probed v5-iaffid-invalid \
	v5-cpu-starting-enxio $stalled
finish

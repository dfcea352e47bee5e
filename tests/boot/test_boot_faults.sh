#!/usr/bin/env bash
# Boot proof, the negative boots: for each fault, `gicdesc check` rejects the
# faulty description (the rule that fires is asserted) AND a real Linux kernel
# booted with gicdesc's output for it (generate --force, or IORT bytes patched
# where YAML cannot express the fault) shows the fault break MSI delivery (the
# kernel's or QEMU's symptom is asserted, not only the absence of success).
# Ends with the table: fault | gicdesc rule | boot symptom.
. "$GICDESC_SRC/tests/cli/lib.sh"
. "$GICDESC_SRC/tests/boot/lib.sh"
boot_prepare

# Per fault: its gicdesc rules, its symptoms (verdict.py names), and why.
names=()
declare -A rules symptoms why

# rejects NAME "CHECK OPTIONS" INPUT...: gicdesc check with OPTIONS exits 1 and
# reports every rule of NAME.
rejects() {
	local name=$1 opts=$2 out status=0 r
	shift 2
	# shellcheck disable=SC2086 # the options are words
	out=$("$GICDESC" check $opts "$@" 2>&1) || status=$?
	grep -v ': note: ' <<<"$out" | sed 's/^/    /'
	check "$name: gicdesc check ${opts:+$opts }rejects it (exit 1)" test "$status" = 1
	for r in ${rules[$name]}; do
		check "$name: rule $r fires" grep -q "\[$r\]" <<<"$out"
	done
}

fault() { names+=("$1"); rules[$1]=$2; symptoms[$1]=$3; why[$1]=$4; }

# dt_fault NAME: $WORK/NAME.dtb, generate --force --base over QEMU's DTB of
# $WORK/NAME.yaml; shows the msi-map it got.
dt_fault() {
	check "$1: generate --force --base over QEMU's DTB" \
		dt_over_qemu "$WORK/$1.yaml" "$WORK/$1.dtb" --force &&
		echo "    msi-map = <$(fdtget -t x "$WORK/$1.dtb" /pcie@10000000 msi-map)>"
}

fault devid-off-0x100 "device-id-range firmware-drift" "rng-timeout its-invalid-dte" \
	"msi-map DeviceID base 0x100 instead of 0. QEMU's ITS takes the requester ID as the DeviceID
(virtio-rng at 00:01.0: 0x8) while the kernel maps DeviceID 0x108, so the device's MSIs
hit no device table entry. gicdesc: RIDs 0xff00-0xffff overflow the 16 DeviceID bits, and
the mapping differs from QEMU's own DTB, which carries the hardware's identity mapping."
variant devid-off-0x100 's/output-base: 0, output: its0/output-base: 0x100, output: its0/'
rejects devid-off-0x100 "" "$WORK/devid-off-0x100.yaml" "$WORK/qemu.dtb"
dt_fault devid-off-0x100

fault devid-past-range "device-id-range" "rng-timeout its-mapd-range" \
	"msi-map DeviceID base 0x10000: every DeviceID is past the ITS's 16 bits; QEMU refuses the
kernel's MAPD, and the device's MSIs (DeviceID 0x8) find no entry either."
variant devid-past-range 's/output-base: 0, output: its0/output-base: 0x10000, output: its0/'
rejects devid-past-range "" "$WORK/devid-past-range.yaml"
dt_fault devid-past-range

fault msi-map-short "route-unmapped" "no-msi-map-translation msi-setup-warning intx-fallback" \
	"msi-map covers RIDs 0-7 only; virtio-rng is RID 0x8: it gets no MSI domain, MSI-X setup
fails and the driver falls back to INTx. gicdesc reports route-unmapped as a warning by
default (devices may legitimately go without MSIs): -E route-unmapped makes it an error."
variant msi-map-short 's/input-base: 0, count: 0x10000/input-base: 0, count: 0x8/'
rejects msi-map-short "-E route-unmapped" "$WORK/msi-map-short.yaml"
dt_fault msi-map-short

fault iort-its-unknown "iort-its-unknown" "msi-setup-warning intx-fallback" \
	"IORT ITS group names GIC ITS identifier 1; the MADT's only ITS has identifier 0 (IORT made
from a description whose ITS has id 1, MADT from the good one). Linux finds no MSI domain for
identifier 1 and says nothing: MSI-X setup fails, INTx fallback."
variant its-id-1 's/name: its0, id: 0,/name: its0, id: 1,/'
check "generate -f iort,madt (good)" tables "$WORK/good.yaml" "$WORK/good-acpi"
check "generate --force -f iort (ITS id 1)" tables "$WORK/its-id-1.yaml" "$WORK/its-id-1-acpi" --force
rejects iort-its-unknown "" "$WORK/its-id-1-acpi/iort.aml" "$WORK/good-acpi/madt.aml"

fault rc-null-reference "iort-output-ref" "iort-null-parent intx-fallback" \
	"the root complex's ID mapping has output reference 0 (no node), IORT bytes patched."
python3 "$BOOT/iort_patch.py" "$WORK/good-acpi/iort.aml" "$WORK/rc-null-reference.aml" \
	--rc-output-reference 0
rejects rc-null-reference "" "$WORK/rc-null-reference.aml" "$WORK/good-acpi/madt.aml"

fault rc-missing-node "iort-output-ref" "iort-oops" \
	"the root complex's ID mapping references offset 0x80, the end of the 128-byte IORT, where
no node is: Linux follows it into the memory past the table and oopses."
python3 "$BOOT/iort_patch.py" "$WORK/good-acpi/iort.aml" "$WORK/rc-missing-node.aml" \
	--rc-output-reference 0x80
rejects rc-missing-node "" "$WORK/rc-missing-node.aml" "$WORK/good-acpi/madt.aml"

start=$SECONDS
for n in devid-off-0x100 devid-past-range msi-map-short; do boot_bg "$n" dt "$WORK/$n.dtb"; done
boot_bg iort-its-unknown acpi "$WORK/its-id-1-acpi/iort.aml" "$WORK/good-acpi/madt.aml"
for n in rc-null-reference rc-missing-node; do
	boot_bg "$n" acpi "$WORK/$n.aml" "$WORK/good-acpi/madt.aml"
done
boot_wait
echo "# ${#names[@]} boots took $((SECONDS - start)) s"

table=()
for n in "${names[@]}"; do
	echo "== $n: ${why[$n]}"
	# shellcheck disable=SC2086 # one word per symptom
	verdict=$(python3 "$BOOT/verdict.py" "$WORK/$n" --symptom ${symptoms[$n]}) && st=0 || st=$?
	echo "$verdict"
	check "$n: the boot shows the fault (${symptoms[$n]})" test "$st" = 0
	table+=("$(printf '%-18s | %-32s | %s' "$n" "${rules[$n]}" "$(sed -n 's/^observed: //p' <<<"$verdict")")")
done

echo
printf '%-18s | %-32s | %s\n' fault "gicdesc rule" "boot symptom"
printf '%s\n' "${table[@]}"
finish

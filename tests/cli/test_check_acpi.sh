#!/bin/bash
# gicdesc check/resolve on binary ACPI tables: QEMU 7.2's own IORT+MADT
# (tests/data/qemu-7.2) check clean; our generated tables of the examples
# check clean and resolve to the same routes as their YAML; QEMU's upstream
# expected tables (used in place from $GICDESC_SHARED, never copied) load,
# and what check reports on them is printed for the record, with the
# iort-its-unknown errors of the old IORTs that name ITS 0 on a machine
# whose MADT has no GIC ITS (QEMU before f48bddafa2) required.
. "$(dirname "$0")/lib.sh"

for m in virt-gicv3-its-smp4 virt-gicv4-its-smp2; do
	out=$("$GICDESC" check "$QEMU_DATA/$m/IORT.dat" "$QEMU_DATA/$m/APIC.dat") || true
	echo "$out" | sed 's/^/# /'
	check "$m: QEMU's IORT+MADT load with no error" grep -q '^0 errors' <<<"$out"
	check "$m: the assumptions are reported" grep -q 'assumed: pcie0: bus range and ECAM base unknown' <<<"$out"
done

# QEMU's GICv4 tables with QEMU's 16 DeviceID bits stated (GITS_TYPER is in no table):
# the VPE proxy warning is true (RID 0xffff -> DeviceID 0xffff, GENMASK(15, 0), no
# DirectLPI). Without the fact, the widest ITS (32 bits) is lent and nothing rests on a
# guess. Beside the example, whose root complex declares RID 0xffff unpopulated, the
# finding is a note and all checks clean.
g4=$QEMU_DATA/virt-gicv4-its-smp2
out=$("$GICDESC" check --device-id-bits 16 "$g4/IORT.dat" "$g4/APIC.dat") || true
check "virt-gicv4-its-smp2, 16 DeviceID bits given: RID 0xffff warned as the VPE proxy DeviceID" \
	grep -q 'warning: RID 0xffff of pcie0 reaches DeviceID 0xffff.*vpe-proxy-device-id' <<<"$out"
out=$("$GICDESC" check "$g4/IORT.dat" "$g4/APIC.dat") || true
check "virt-gicv4-its-smp2, no fact: no VPE proxy finding, and 32 DeviceID bits reported assumed" \
	grep -q 'DeviceID bits assumed 32' <<<"$out"
check "virt-gicv4-its-smp2, no fact: nothing rests on an assumed DeviceID width" \
	test -z "$(grep vpe-proxy-device-id <<<"$out")"
out=$("$GICDESC" check "$GICDESC_SRC/examples/qemu-virt-gicv4/qemu-virt-gicv4.yaml" \
	"$g4/virt.dtb" "$g4/IORT.dat" "$g4/APIC.dat") && rc=0 || rc=$?
check "virt-gicv4-its-smp2 beside the example YAML: 0 errors, 0 warnings" \
	grep -q '^0 errors, 0 warnings' <<<"$out"
check "virt-gicv4-its-smp2 beside the example YAML: the IORT's finding is a note with the reason" \
	grep -q 'IORT.dat:+0x48: note: .*declares that RID unpopulated.*vpe-proxy-device-id' <<<"$out"

# Our own tables of the examples: check clean; routes as from the YAML.
for ex in qemu-virt qemu-virt-smmuv3 qemu-virt-gicv4; do
	yaml=$GICDESC_SRC/examples/$ex/$ex.yaml
	mkdir -p "$WORK/$ex"
	"$GICDESC" generate -q -o "$WORK/$ex" -f iort,madt "$yaml"
	check "$ex: generated iort.aml+madt.aml check clean" \
		"$GICDESC" check "$WORK/$ex/iort.aml" "$WORK/$ex/madt.aml"
	"$GICDESC" resolve "$yaml" pcie0 >"$WORK/$ex/yaml.route"
	"$GICDESC" resolve "$WORK/$ex/iort.aml" "$WORK/$ex/madt.aml" pcie0 >"$WORK/$ex/acpi.route"
	# SMMUs are named by base from ACPI: compare after mapping names
	sed -i 's/smmu@0x9050000/smmu0/g' "$WORK/$ex/acpi.route"
	check "$ex: resolve pcie0 from ACPI gives the YAML's route" \
		cmp -s "$WORK/$ex/yaml.route" "$WORK/$ex/acpi.route"
done

# Two tables of one kind, a file that is no table: status 2.
"$GICDESC" check "$QEMU_DATA/virt-gicv3-its-smp4/IORT.dat" "$QEMU_DATA/virt-gicv4-its-smp2/IORT.dat" \
	>/dev/null && rc=0 || rc=$?
check "two IORTs: exit 2" test "$rc" = 2

UP=${GICDESC_SHARED:-}/reference/qemu-upstream-tests
if [ ! -d "$UP" ]; then
	echo "# QEMU upstream expected tables not found at $UP: that part skipped"
	finish
	exit
fi
for pair in IORT:APIC IORT.its_off:APIC.its_off IORT.msi_gicv2m:APIC.msi_gicv2m \
	IORT.rev0.0a93293eb2:APIC IORT.rev3.pre-f48bddafa2:APIC IORT.revEb.47432863ff:APIC \
	IORT.smmuv3-dev:APIC IORT.smmuv3-dev.rev3.pre-f48bddafa2:APIC IORT.smmuv3-legacy:APIC; do
	iort=${pair%%:*} apic=${pair##*:}
	out=$("$GICDESC" check "$UP/$iort" "$UP/$apic") && rc=0 || rc=$?
	echo "$out" | grep -v 'note: assumed' | sed "s|$UP/||; s/^/# /"
	check "upstream $iort+$apic: loads (status 0 or 1, not 2)" test "$rc" -le 1
	case $iort in
	IORT.msi_gicv2m)
		# A real fault of QEMU's hw/arm/virt.c irqmap: VIRT_GIC_V2M = SPI 48 + 64 SPIs
		# (INTIDs 80-143) covers VIRT_SMMU = SPIs 74-77 (INTIDs 106-109).
		check "upstream $iort: the SMMU's wired SPIs lie inside the GICv2m frame's SPIs" \
			grep -q 'INTID 106 of .* inside GICv2m frame v2m0 (INTIDs 80-143).*spi-msi-wired' <<<"$out"
		;;
	IORT.rev0.* | IORT.rev3.pre-* | IORT.revEb.* | IORT.smmuv3-dev.rev3.*)
		check "upstream $iort: ITS 0 is not in the GICv2 MADT" \
			grep -q 'identifier 0 has no GIC ITS structure.*iort-its-unknown' <<<"$out"
		;;
	esac
done
finish

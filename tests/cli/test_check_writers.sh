#!/usr/bin/env bash
# `gicdesc check desc.yaml` reports what `generate` would refuse: when the rules pass, the
# writers' own refusals (dt-, iort-, madt-inexpressible), each once (one per CPU for a CPU's), with the same text
# generate prints. One case per writer, each a copy of examples/qemu-virt-smmuv3 with one
# thing the format cannot carry:
# - an SMMUv3 with no own MSIs and not all four interrupts wired, at IORT revision 3 (E.b:
#   Linux iort_get_id_mapping_index() would take mapping 0 for the SMMU's own MSIs);
# - an SMMUv3 with a VATOS page, which arm,smmu-v3.yaml cannot describe;
# - a CPU with an SPE interrupt at MADT revision 4 (the GICC SPE field is revision 5's).
. "$(dirname "$0")/lib.sh"
src=$GICDESC_SRC/examples/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml

# case RULE FAMILY-FORMATS SED-EDIT
case_() {
	local rule=$1 formats=$2 edit=$3 yaml=$WORK/$1.yaml
	sed -e "$edit" "$src" >"$yaml"
	cmp -s "$src" "$yaml" && { not_ok "$rule: the edit changed the example"; return; }
	set +e
	"$GICDESC" check "$yaml" >"$WORK/check" 2>&1
	local st=$?
	"$GICDESC" generate -q -f "$formats" -o "$WORK/out-$rule" "$yaml" 2>"$WORK/gen"
	local gst=$?
	set -e
	check "$rule: check exits 1 ($st)" test "$st" = 1
	local n
	n=$(grep -c ': error: ' "$WORK/check" || true)
	check "$rule: check's errors ($n) are all of $rule" \
		test "$n" -ge 1 -a "$(grep -c ": error: .*\[$rule\]\$" "$WORK/check")" = "$n"
	check "$rule: generate -f $formats refuses ($gst)" test "$gst" = 1
	check "$rule: with the same message" \
		test "$(grep ': error: ' "$WORK/check")" = "$(grep ': error: ' "$WORK/gen")"
	check "$rule: generate leaves no output folder" test ! -e "$WORK/out-$rule"
}
case_ iort-inexpressible iort '/pri: { spi: 75 }/d'
case_ dt-inexpressible dtb 's/^    coherent: true              # IORT COHACC.*/&\n    vatos-base: 0x09070000/'
case_ madt-inexpressible madt 's/^    pmu-interrupt: { ppi: 7 }/&\n    spe-interrupt: { ppi: 5 }/'
# Outputs made before a writer refuses (dts and dtsi, staged in their temporaries
# as they are made) are not left behind: nor is the folder the run created.
set +e
"$GICDESC" generate -q -f dts,dtsi,iort -o "$WORK/staged" "$WORK/iort-inexpressible.yaml" 2>/dev/null
gst=$?
set -e
check "dts,dtsi,iort with a refused IORT: exit 1 ($gst)" test "$gst" = 1
check "dts,dtsi,iort with a refused IORT: no folder, no temporary" test ! -e "$WORK/staged"
mkdir "$WORK/kept"
set +e
"$GICDESC" generate -q -f dts,dtsi,iort -o "$WORK/kept" "$WORK/iort-inexpressible.yaml" 2>/dev/null
set -e
check "dts,dtsi,iort into a folder that exists: it stays empty" \
	test -z "$(ls -A "$WORK/kept")"
check "the example itself: check passes" bash -c "\"\$GICDESC\" check \"$src\" >/dev/null"
finish

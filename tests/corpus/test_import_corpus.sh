#!/usr/bin/env bash
# Real firmware through `gicdesc import`: every arm64 device tree of Linux 6.12
# (scripts/build-dt-corpus.sh; $GICDESC_DT_CORPUS names one already built) that
# has MSI routing (an msi-map or msi-parent, and an ITS, GICv2m frame or MBI:
# dtc's decompiled source says so, not our loader) is imported, the description
# generated back into a DTB (--force: the rules' findings on real trees are
# test_linux_dtbs.sh's), and the two trees compared:
# - `gicdesc check ORIGINAL REGENERATED` reports no firmware-drift (same routes);
# - the DT facts (tests/cli/dt_facts.py) of the GIC, ITS, GICv2m, SMMU and PCIe
#   host nodes are equal.
# Nothing may crash, hang or raise a sanitizer report; a refusal must carry an
# import-* rule or a loader error. Prints the counts: imported, round-tripped,
# refused by reason. The refusals and the trees whose DT facts differ must be
# exactly the reviewed lists below (each says why): a new entry is either a
# fault of import or a finding to review.
. "$(dirname "$0")/../cli/lib.sh"
[ -r /usr/src/linux-source-6.12.tar.xz ] || [ -n "${GICDESC_DT_CORPUS:-}" ] ||
	skip "linux-source-6.12 not installed"
/usr/bin/python3 -c 'import libfdt' 2>/dev/null || skip "python3-libfdt is needed by dt_facts.py"

# Refused, "board rules": what the format cannot hold.
# import-map-mask: the format maps whole RIDs, and these masks are no identity: Juno's
# iommu-map-mask 0 (every RID one StreamID), Marvell 8040/CN9130's iommu-map-mask 0x31f,
# Qualcomm sm8450/sm8650's msi-map-mask 0xff00 (one DeviceID per bus), HiSilicon D05's
# msi-map-mask 0xffff.
# import-ecam-unknown: Broadcom NS2 and Stingray (brcm,iproc-pcie) and HiSilicon D05's hosts are
# no pci-host-ecam-generic and name no reg-names: their ECAM base and bus layout are not stated.
expected_refused=$(sort <<'LIST'
arm/juno-r1 import-map-mask
arm/juno-r1-scmi import-map-mask
arm/juno-r2 import-map-mask
arm/juno-r2-scmi import-map-mask
broadcom/northstar2/ns2-svk import-ecam-unknown
broadcom/northstar2/ns2-xmc import-ecam-unknown
broadcom/stingray/bcm958742k import-ecam-unknown
broadcom/stingray/bcm958742t import-ecam-unknown
broadcom/stingray/bcm958802a802x import-ecam-unknown
hisilicon/hip07-d05 import-ecam-unknown,import-map-mask
marvell/armada-8040-clearfog-gt-8k import-map-mask
marvell/armada-8040-db import-map-mask
marvell/armada-8040-mcbin import-map-mask
marvell/armada-8040-mcbin-singleshot import-map-mask
marvell/armada-8040-puzzle-m801 import-map-mask
marvell/cn9130-crb-A import-map-mask
marvell/cn9130-crb-B import-map-mask
qcom/sm8450-hdk import-map-mask
qcom/sm8450-qrd import-map-mask
qcom/sm8450-sony-xperia-nagara-pdx223 import-map-mask
qcom/sm8450-sony-xperia-nagara-pdx224 import-map-mask
qcom/sm8650-hdk import-map-mask
qcom/sm8650-mtp import-map-mask
qcom/sm8650-qrd import-map-mask
LIST
)
# Imported, routes equal, DT facts differ, "board": what the model does not keep of a DT.
# None now. (Kept since: GICv2 compatible lists, gic: dt-compatible; the VGIC maintenance
# interrupt's flags cell, CPU mask and IRQ_TYPE_LEVEL_LOW, gic: dt-vgic-flags; several PMU
# nodes on one PPI without partitions, dt: pmu-compatible list; an ECAM reg past bus-range,
# ecam: size; an msi-map wider than bus-range (FVP Base RevC: RIDs 0-0xffff, buses 0-1), the
# DT writer's msi-map as wide as the id-map; msi-parent = <&v2m> beside an iommu-map (AMD
# Seattle), root complex dt-msi-parent.)
# Accounted for, not listed: a tree whose check reports its-binding (a firmware fault: an ITS
# node without #msi-cells, ThunderX2) differs in that ITS's #msi-cells and in its hosts'
# msi-map, since their msi-parent = <&its> with no specifier is only well formed against such
# an ITS; the generator writes #msi-cells = <1> as arm,gic-v3.yaml requires, and the same
# routes (checked above, no firmware-drift) as msi-map. Those two facts are left out of the
# comparison of such a tree only, and only when check reports its-binding's "no #msi-cells" on
# the original.
expected_differ=

corpus=${GICDESC_DT_CORPUS:-$GICDESC_TMP/linux-6.12-dtbs}
[ -n "${GICDESC_DT_CORPUS:-}" ] || "$GICDESC_SRC/scripts/build-dt-corpus.sh" "$corpus" >/dev/null
facts() { /usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" --enabled "$1" | grep -E '^(gic|its|v2m|smmu|smmu-v2|pcie) '; }

total=0 routed=0 imported=0 roundtrip=0 accounted=0 crashes=0 sanitizer=0 norule=0
: >"$WORK/refused"
: >"$WORK/failed"
: >"$WORK/accounted"
while IFS= read -r dtb; do
	total=$((total + 1))
	board=${dtb#"$corpus"/}
	board=${board%.dtb}
	dtc -q -I dtb -O dts "$dtb" 2>/dev/null >"$WORK/src.dts" || continue
	grep -q 'msi-map\|msi-parent' "$WORK/src.dts" &&
		grep -q 'arm,gic-v3-its\|arm,gic-v2m-frame\|mbi-ranges' "$WORK/src.dts" || continue
	routed=$((routed + 1))
	rm -rf "$WORK/out"
	mkdir -p "$WORK/out"
	set +e
	timeout 30 "$GICDESC" import -q -o "$WORK/out/board.yaml" "$dtb" >"$WORK/import.txt" 2>&1
	st=$?
	set -e
	grep -q 'Sanitizer\|runtime error' "$WORK/import.txt" && { sanitizer=$((sanitizer + 1)); echo "sanitizer: $board"; }
	if [ "$st" -ge 2 ]; then
		crashes=$((crashes + 1))
		echo "crash/hang/unreadable ($st): $board"
		continue
	fi
	if [ "$st" = 1 ]; then
		rules=$(sed -n 's/.*: error: .*\[\([a-z0-9-]*\)\]$/\1/p' "$WORK/import.txt" | sort -u | paste -sd, -)
		[ -n "$rules" ] || { norule=$((norule + 1)); echo "refused without a rule: $board"; }
		[ -e "$WORK/out/board.yaml" ] && { not_ok "$board: refused, but a file was written"; }
		echo "$board ${rules:-no-rule}" >>"$WORK/refused"
		continue
	fi
	imported=$((imported + 1))
	if ! "$GICDESC" generate -q --force -f dtb -o "$WORK/out" "$WORK/out/board.yaml" >"$WORK/gen.txt" 2>&1; then
		echo "generate failed: $board: $(grep -v -- '-wired\]$' "$WORK/gen.txt" | grep -m1 ': error: ')" >>"$WORK/failed"
		continue
	fi
	set +e
	"$GICDESC" check "$dtb" "$WORK/out/board.dtb" >"$WORK/check.txt" 2>&1
	set -e
	if grep -q 'firmware-drift' "$WORK/check.txt"; then
		echo "firmware-drift: $board: $(grep -m1 firmware-drift "$WORK/check.txt")" >>"$WORK/failed"
	elif diff <(facts "$dtb") <(facts "$WORK/out/board.dtb") >"$WORK/facts.diff"; then
		roundtrip=$((roundtrip + 1))
	elif { "$GICDESC" check "$dtb" 2>&1 || true; } | grep -q ': error: no #msi-cells: .*\[its-binding\]$' &&
		diff <(facts "$dtb" | grep -v '^its #msi-cells \|^pcie msi-map ') \
			<(facts "$WORK/out/board.dtb" | grep -v '^its #msi-cells \|^pcie msi-map ') >/dev/null; then
		accounted=$((accounted + 1))
		echo "$board" >>"$WORK/accounted"
	else
		echo "DT facts differ: $board: $(grep -m1 '^[<>]' "$WORK/facts.diff")" >>"$WORK/failed"
	fi
done < <(find "$corpus" -name '*.dtb' | sort)

echo "corpus: $total DTBs, $routed with MSI routing: $imported imported, $roundtrip round-tripped," \
	"$accounted round-tripped but for an its-binding fault ($(paste -sd' ' "$WORK/accounted"))," \
	"$(wc -l <"$WORK/refused") refused"
echo "refused, by reason (rules):"
cut -d' ' -f2 "$WORK/refused" | sort | uniq -c | sort -rn | sed 's/^/  /'
echo "imported but not round-tripped:"
sed 's/^/  /' "$WORK/failed"
check "the corpus has trees with MSI routing ($routed)" test "$routed" -gt 100
check "no crash, hang or unreadable tree" test "$crashes" = 0
check "no sanitizer report" test "$sanitizer" = 0
check "every refusal names its rule" test "$norule" = 0
same_list "the refusals are the $(wc -l <<<"$expected_refused") reviewed ones" \
	"$expected_refused" "$(sort "$WORK/refused")"
same_list "every other imported tree round-trips ($roundtrip of $imported)" \
	"$expected_differ" "$(sed 's/^[^:]*: \([^:]*\):.*/\1/' "$WORK/failed" | sort)"
finish

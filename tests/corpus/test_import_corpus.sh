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
# refused by reason. Every tree that imports must round-trip.
. "$(dirname "$0")/../cli/lib.sh"
[ -r /usr/src/linux-source-6.12.tar.xz ] || [ -n "${GICDESC_DT_CORPUS:-}" ] ||
	skip "linux-source-6.12 not installed"
/usr/bin/python3 -c 'import libfdt' 2>/dev/null || skip "python3-libfdt is needed by dt_facts.py"

corpus=${GICDESC_DT_CORPUS:-$GICDESC_TMP/linux-6.12-dtbs}
[ -n "${GICDESC_DT_CORPUS:-}" ] || "$GICDESC_SRC/scripts/build-dt-corpus.sh" "$corpus" >/dev/null
facts() { /usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" --enabled "$1" | grep -E '^(gic|its|v2m|smmu|smmu-v2|pcie) '; }

total=0 routed=0 imported=0 roundtrip=0 crashes=0 sanitizer=0 norule=0
: >"$WORK/refused"
: >"$WORK/failed"
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
		echo "${rules:-no-rule} $board" >>"$WORK/refused"
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
	elif ! diff <(facts "$dtb") <(facts "$WORK/out/board.dtb") >"$WORK/facts.diff"; then
		echo "DT facts differ: $board: $(grep -m1 '^[<>]' "$WORK/facts.diff")" >>"$WORK/failed"
	else
		roundtrip=$((roundtrip + 1))
	fi
done < <(find "$corpus" -name '*.dtb' | sort)

echo "corpus: $total DTBs, $routed with MSI routing: $imported imported, $roundtrip round-tripped," \
	"$(wc -l <"$WORK/refused") refused"
echo "refused, by reason (rules):"
cut -d' ' -f1 "$WORK/refused" | sort | uniq -c | sort -rn | sed 's/^/  /'
sed 's/^/  /' "$WORK/refused"
echo "imported but not round-tripped:"
sed 's/^/  /' "$WORK/failed"
check "the corpus has trees with MSI routing ($routed)" test "$routed" -gt 100
check "no crash, hang or unreadable tree" test "$crashes" = 0
check "no sanitizer report" test "$sanitizer" = 0
check "every refusal names its rule" test "$norule" = 0
check "every imported tree round-trips ($roundtrip of $imported)" test "$roundtrip" = "$imported"
finish

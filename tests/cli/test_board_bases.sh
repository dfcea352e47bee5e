#!/usr/bin/env bash
# Real boards: each description of examples/ that names a Linux 6.12 board DTB is proven
# against that DTB, compiled from Debian's linux-source-6.12 as the kernel builds it
# (scripts/build-dt-corpus.sh):
# - the DT facts (GIC, ITS, CPUs, PMUs on their PPI partitions, SMMUs; dt_facts.py) of
#   our standalone DTB equal the board's;
# - generate --base over the board DTB keeps every node and property we do not own byte
#   for byte (dt_base_compare.py), keeps the board's GIC interrupt-specifier format
#   (#interrupt-cells, ppi-partitions) and so the board's DT facts, dtc decompiles the
#   merged DTB with no warning the board's own DTB does not give, and `check` of it
#   finds no error but the board's own and routes as the description (no firmware-drift); dt-validate (Linux 6.1's
#   bindings) says nothing of it that it does not say of the board's own DTB.
# Needs: device-tree-compiler, dt-schema, python3-libfdt, cpp, linux-source-6.1 and 6.12.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"
/usr/bin/python3 -c 'import libfdt' 2>/dev/null || skip "python3-libfdt not installed"
[ -r /usr/src/linux-source-6.12.tar.xz ] || skip "Debian linux-source-6.12 not installed"
schema=$("$GICDESC_SRC/tools/dt-bindings-6.1" 2>/dev/null) || schema=
# dt-validate's messages about $1 (Linux 6.1's bindings), without file names, sorted.
validate() { dt-validate -s "$schema" "$1" 2>&1 | sed -E 's/^[^:]*: //' | sort; }
py() { PYTHONPATH="$GICDESC_SRC/tests/cli" /usr/bin/python3 "$@"; }
facts() { py "$GICDESC_SRC/tests/cli/dt_facts.py" "$1"; }
# dtc's warnings about $1, without file names, sorted.
dtc_warnings() { dtc -I dtb -O dts -o /dev/null "$1" 2>&1 | sed -E 's/^[^:]*: //' | sort; }

# example and board DTB (under arch/arm64/boot/dts of Linux 6.12)
boards=(
	"rk3588 rockchip/rk3588-rock-5b.dts"
)
"$GICDESC_SRC/scripts/build-dt-corpus.sh" "$WORK/linux" $(printf '%s\n' "${boards[@]}" | cut -d' ' -f2) >/dev/null

for pair in "${boards[@]}"; do
	set -- $pair
	name=$1 board=$WORK/linux/${2%.dts}.dtb yaml=$GICDESC_SRC/examples/$1/$1.yaml out=$WORK/$1
	[ -s "$board" ] || { not_ok "$name: $2 compiles"; continue; }
	mkdir -p "$out"
	"$GICDESC" generate -q -f dtb -o "$out/standalone" "$yaml" 2>/dev/null
	check "$name: DT facts of our DTB equal Linux 6.12's $(basename "$board")" \
		diff <(facts "$board") <(facts "$out/standalone/$name.dtb")

	"$GICDESC" generate -q --base "$board" -f dts,dtb -o "$out" "$yaml" 2>"$WORK/gen.err"
	check "$name: generate --base gives no error" bash -c "! grep -q 'error:' '$WORK/gen.err'"
	[ -s "$out/$name.dtb" ] || { not_ok "$name: the merged DTB is written"; continue; }
	py "$GICDESC_SRC/tests/cli/dt_base_compare.py" "$board" "$out/$name.dtb" \
		"$out/standalone/$name.dtb" >"$WORK/compare.txt" 2>&1
	check "$name: dt_base_compare.py finds nothing wrong" \
		bash -c "grep -q . '$WORK/compare.txt' && ! grep -v '^ok' '$WORK/compare.txt'"
	grep -v '^ok' "$WORK/compare.txt" || true
	# (the facts include the GIC's #interrupt-cells and the PMUs' PPI partitions)
	check "$name: the merged DTB has the board's DT facts" diff <(facts "$board") <(facts "$out/$name.dtb")
	check "$name: dtc warns about the merged DTB only as about the board's own" \
		diff <(dtc_warnings "$board") <(dtc_warnings "$out/$name.dtb")
	if [ -n "$schema" ]; then
		validate "$board" >"$WORK/board.val"
		validate "$out/$name.dtb" >"$WORK/merged.val"
		new=$(comm -13 "$WORK/board.val" "$WORK/merged.val")
		check "$name: dt-validate says nothing of the merged DTB it does not of the board's ($(wc -l <"$WORK/board.val") lines)${new:+: $new}" \
			test -z "$new"
	else
		not_ok "$name: tools/dt-bindings-6.1 gives Linux 6.1's processed bindings"
	fi
	# The merged DTB's errors are the board's own (reviewed in tests/corpus), none of ours.
	errors() { sed -n "s|^$1||; s|^\(:[^ ]*\): error: \(.*\)|\1 \2|p" "$2" | sort -u; }
	"$GICDESC" check "$board" >"$WORK/board.txt" 2>&1 || true
	"$GICDESC" check "$out/$name.dtb" "$yaml" >"$WORK/check.txt" 2>&1 || true
	new=$(comm -13 <(errors "$board" "$WORK/board.txt") <(errors "$out/$name.dtb" "$WORK/check.txt"))
	check "$name: check of the merged DTB beside the description: no error but the board's own ($(grep -c ': error: ' "$WORK/board.txt" || true))${new:+: $new}" \
		test -z "$new" -a -z "$(grep ': error: ' "$WORK/check.txt" | grep -v "^$out/$name.dtb" || true)"
	check "$name: ... and no firmware-drift" bash -c "! grep -q firmware-drift '$WORK/check.txt'"
done
finish

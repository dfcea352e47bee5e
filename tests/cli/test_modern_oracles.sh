#!/bin/bash
# Every example against the newest oracles Debian has (scripts/modern-oracles.sh, run through
# tools/modern): dtc 1.8 compiles our DTS and decompiles our DTB without a warning, and both
# give the same text; iasl 2026 decodes our IORT and MADT with no complaint, and compiles our
# iasl source back to our bytes (but for the checksum and the compiler fields) where the
# source names a later iasl than Debian 12's; for the rest it prints what it did. An output
# gicdesc refuses for an example (the IORT of direct-lpi) is noted, not tested. Skips when the
# modern root cannot be built (not root, no debootstrap, no archive).
source "$GICDESC_SRC/tests/cli/lib.sh"
set +e
need_modern_root
dtc_version=$("$MODERN" dtc --version)
iasl_version=$("$MODERN" iasl -v | sed -n 's/.*version \([0-9]*\).*/\1/p' | head -n 1)
echo "# $dtc_version, iasl $iasl_version"

for dir in "$GICDESC_SRC"/examples/*/; do
	name=$(basename "$dir")
	out=$WORK/$name
	mkdir -p "$out"
	# One generate per output, so that one gicdesc refuses leaves the others tested.
	for f in dts dtb iort iort-dsl madt madt-dsl; do
		"$GICDESC" generate -q -f "$f" -o "$out" "$dir/$name.yaml" 2>"$out/$f.err" ||
			echo "# $name: gicdesc writes no $f: $(grep -o '\[[a-z0-9-]*\]$' "$out/$f.err" | sort -u | paste -sd' ')"
	done
	if [ -f "$out/$name.dts" ] && [ -f "$out/$name.dtb" ]; then
		dtc_same "dtc 1.8" "$out/$name.dts" "$out/$name.dtb" "$MODERN" dtc
	fi
	for t in iort madt; do
		[ -f "$out/$t.aml" ] || continue
		# iasl marks what it cannot decode with "****" comments in the source it writes.
		if iasl_disassemble modern_iasl "$out/$t.aml" "$out/$t.modern.dsl" &&
			! grep -q '\*\*\*\*' "$out/$t.modern.dsl"; then
			ok "$name: iasl $iasl_version decodes our $t.aml with no complaint"
		else
			not_ok "$name: iasl $iasl_version decodes our $t.aml: $(grep -m 3 '\*\*\*\*' "$out/$t.modern.dsl" 2>/dev/null)"
		fi
		[ -f "$out/$t.dsl" ] || continue
		# Our source names the iasl that compiles it back. Debian 12's 20200925 is named for
		# MADT revisions before 6, whose GICC iasl 2023 and later always compile as 82 bytes;
		# "No iasl release" is written for what no release known here compiled back.
		named=$(sed -n 's/^ \* Compile with iasl \([0-9]*\):.*/\1/p' "$out/$t.dsl")
		if [ -n "$named" ] && [ "$named" != 20200925 ]; then
			check "$name: iasl $iasl_version compiles our $t.dsl (for iasl $named) back to our $t.aml" \
				iasl_compiles_back modern_iasl "$out/$t.dsl" "$out/$t.aml"
		elif iasl_compiles_back modern_iasl "$out/$t.dsl" "$out/$t.aml"; then
			echo "# $name: iasl $iasl_version compiles our $t.dsl back too, which says:" \
				"$(sed -n 's/^ \* \(Compile with iasl [0-9]*\|No iasl release compiles .*\)/\1/p' "$out/$t.dsl")"
		else
			echo "# $name: iasl $iasl_version does not compile our $t.dsl back (it names ${named:-no iasl})"
		fi
	done
done
finish

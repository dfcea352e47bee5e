#!/bin/bash
# SPDX-License-Identifier: MIT
# roundtrip_seed.sh SEED DIR: the generative round trip of one seeded platform, in DIR (made
# empty first). Run by tests/cli/test_roundtrip_generative.sh and scripts/roundtrip.sh; needs
# GICDESC (the binary) and GICDESC_SRC (the source tree) in the environment.
#
# tests/gen/gen_platform.py SEED writes the description (p.yaml) and what it means
# (expect.json); then, against oracles nobody here wrote where one exists:
# - `gicdesc generate` writes every format (the options on the description's
#   "# generate:" line: IORT and MADT revisions, --force for Direct LPI);
# - dtc compiles our DTS to our DTB byte for byte, and decompiles our DTB, without a word;
#   cpp and dtc compile a board DTS that #includes our DTSI without a word;
# - iasl decodes our IORT and MADT without an error, and compiles our iasl source back to
#   our bytes (but for checksum and compiler fields) wherever gicdesc does not say that no
#   iasl release can: IORT with tools/iasl-modern (20250404; Debian's 20200925 zeroes IORT
#   node identifiers), MADT revision 3 to 5 with Debian's iasl 20200925 and revision 6 with
#   iasl-modern (which reads every GICC as 82 bytes), as tests/cli/test_acpi_oracles.sh does;
# - tests/gen/check_routes.py: gicdesc check and resolve of the description, our DTB and our
#   IORT+MADT agree with each other and with the generator.
# Prints "ok - seed N: ..." or "not ok - seed N: ..." per assertion, details of a failure on
# "#" lines with the command that reproduces it; exits 1 when one failed.
set -u
seed=$1 dir=$2
: "${GICDESC:?}" "${GICDESC_SRC:?}"
py=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1 # check_routes.py imports modules: no __pycache__ in the source tree
gen=$GICDESC_SRC/tests/gen
modern=$GICDESC_SRC/tools/iasl-modern
fails=0

ok() { echo "ok - seed $seed: $*"; }
# not_ok WHAT FILE...: a failed assertion, the files' first lines as details.
not_ok() {
	fails=$((fails + 1))
	echo "not ok - seed $seed: $1"
	shift
	[ $# = 0 ] || { grep -h -m8 -i "error" "$@" || head -n 8 "$@"; } 2>/dev/null | sed "s/^/#   /"
	echo "#   reproduce: scripts/roundtrip.sh $seed 1 (keeps its folder with ROUNDTRIP_KEEP=1)"
}
# quiet WHAT LOG COMMAND...: ok when COMMAND succeeds and writes nothing to LOG (its stderr).
quiet() {
	local what=$1 log=$2
	shift 2
	"$@" 2>"$log" || echo "(exit status $?)" >>"$log"
	if [ -s "$log" ]; then not_ok "$what: $*" "$log"; else ok "$what"; fi
}

rm -rf "$dir" && mkdir -p "$dir/out" || exit 1
if ! "$py" "$gen/gen_platform.py" "$seed" --out "$dir" 2>"$dir/gen.err"; then
	not_ok "gen_platform.py $seed" "$dir/gen.err"
	exit 1
fi
gopts=() iort_rev='' madt_rev=''
while IFS= read -r line && [ "${line:0:1}" = "#" ]; do
	case $line in
	"# generate: "*) read -ra gopts <<<"${line#\# generate: }" ;;
	"# tables: IORT revision "*)
		line=${line#\# tables: IORT revision }
		iort_rev=${line%%,*} madt_rev=${line##* }
		;;
	esac
done <"$dir/p.yaml"

# --- generate: every format ---
if ! "$GICDESC" generate -q -o "$dir/out" "${gopts[@]}" "$dir/p.yaml" 2>"$dir/generate.err"; then
	not_ok "gicdesc generate ${gopts[*]} p.yaml failed" "$dir/generate.err"
	exit 1
fi
out=$dir/out
dtbs=("$out"/*.dtb)
name=${dtbs[0]##*/} name=${name%.dtb}
missing=
for f in "$name.dts" "$name-gic.dtsi" "$name.dtb" iort.aml iort.dsl madt.aml madt.dsl; do
	[ -s "$out/$f" ] || missing="$missing $f"
done
if [ -n "$missing" ]; then not_ok "generate wrote no$missing"; else ok "generate wrote all 7 formats (${gopts[*]})"; fi

# --- dtc ---
quiet "dtc compiles our DTS without a warning" "$dir/dtc1.err" dtc -I dts -O dtb -o "$dir/dtc.dtb" "$out/$name.dts"
quiet "dtc decompiles our DTB without a warning" "$dir/dtc2.err" dtc -I dtb -O dts -o "$dir/back.dts" "$out/$name.dtb"
# The same tree, not the same bytes: libfdt's sequential writer (our DTB) puts the memory
# reservation map at offset 0x30 (fdt_create() aligns it to 16 bytes) and its strings block in
# reverse order of first use; dtc puts the map at 0x28 and the strings in order. Both are valid
# flattened trees (Devicetree Specification v0.4 §5); dtc decompiles them to one text.
dtc -I dtb -O dts -o "$dir/dtc-back.dts" "$dir/dtc.dtb" 2>/dev/null
if cmp -s "$dir/dtc-back.dts" "$dir/back.dts"; then
	ok "dtc's DTB of our DTS is our DTB's tree (dtc decompiles both to the same text)"
else
	diff -u "$dir/dtc-back.dts" "$dir/back.dts" >"$dir/tree.diff"
	not_ok "dtc's DTB of our DTS and our DTB differ as trees" "$dir/tree.diff"
fi
printf '/dts-v1/;\n\n#include "%s-gic.dtsi"\n' "$name" >"$dir/board.dts"
board() {
	cpp -nostdinc -undef -x assembler-with-cpp -I "$out" "$dir/board.dts" |
		dtc -I dts -O dtb -o "$dir/board.dtb" -
}
quiet "a board DTS including our DTSI compiles through cpp and dtc without a warning" "$dir/board.err" board

# --- iasl ---
# decode IASL TABLE REVISION [KNOWN]: iasl -d of our TABLE (iort or madt) with no error and no
# "****" remark but those matching KNOWN (an extended regular expression).
decode() {
	local dsl=$dir/$2-d.dsl known=${4:-^$}
	if $1 -p "$dir/$2-d" -d "$out/$2.aml" >"$dir/$2-d.log" 2>&1 && [ -s "$dsl" ]; then
		grep -hiE '^(error|warning)|\*\*\*\*' "$dir/$2-d.log" "$dsl" | grep -vE "$known" >"$dir/$2-d.bad"
	else
		{ cat "$dir/$2-d.log"; echo "(no source written)"; } >"$dir/$2-d.bad"
	fi
	if [ -s "$dir/$2-d.bad" ]; then
		not_ok "$(basename "$1") -d $2.aml (revision $3)" "$dir/$2-d.bad"
	else
		ok "$(basename "$1") decodes our $2 (revision $3) without an error"
	fi
}
# compile IASL TABLE REVISION: our iasl source compiles to our bytes but for checksum (byte 9)
# and the compiler ID and revision (28..35), which iasl writes itself; skipped where our source
# says no iasl release compiles it (its comment, at the top).
compile() {
	local aml=$dir/$2-c.aml head
	head=$(<"$out/$2.dsl")
	case ${head:0:400} in *"No iasl release compiles"*) return ;; esac
	# a source that names a later iasl than this one (iasl 20260408 for named components)
	local named have
	named=$(sed -n 's/^ \* Compile with iasl \([0-9]*\):.*/\1/p' <<<"${head:0:400}")
	have=$($1 -v 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p' | head -n 1)
	[ -n "$named" ] && [ -n "$have" ] && [ "$named" -gt "$have" ] && return
	if ! $1 -p "$dir/$2-c" "$out/$2.dsl" >"$dir/$2-c.log" 2>&1 || ! [ -s "$aml" ]; then
		not_ok "$(basename "$1") does not compile our $2.dsl (revision $3)" "$dir/$2-c.log"
	elif cmp -l "$aml" "$out/$2.aml" 2>&1 |
		awk '$1 !~ /^[0-9]+$/ || ($1 != 10 && ($1 < 29 || $1 > 36)) { bad = 1 } END { exit bad }'; then
		ok "$(basename "$1") compiles our $2.dsl (revision $3) back to our bytes"
	else
		cmp -l "$aml" "$out/$2.aml" >"$dir/$2-c.diff" 2>&1
		not_ok "$(basename "$1"): our $2.dsl (revision $3) does not compile back to our $2.aml" "$dir/$2-c.diff"
	fi
}
# Each iasl knows only the newest layout of a structure, and says so of an older, shorter
# one: iasl 20250404 of IORT revision 0's root complex (16 bytes before IORT E; it knows
# 20) and SMMUv3 (44 bytes; it knows 52) nodes, and reads past the table's end when one is
# last; iasl 20200925 of MADT revision 3's 76-byte GICC (ACPI 5.1; it knows the 80 bytes
# of ACPI 6.0). Nothing else is expected.
known_iort='^$'
[ "$iort_rev" = 0 ] && known_iort='ACPI subtable terminates early \(Len (16|44)\) - may be older version|ACPI table terminates in the middle of a data structure'
known_madt='^$'
[ "$madt_rev" = 3 ] && known_madt='ACPI subtable terminates early - may be older version'
decode "$modern" iort "$iort_rev" "$known_iort"
compile "$modern" iort "$iort_rev"
madt_iasl=iasl
[ "$madt_rev" -ge 6 ] && madt_iasl=$modern
decode "$madt_iasl" madt "$madt_rev" "$known_madt"
compile "$madt_iasl" madt "$madt_rev"

# --- check and resolve: the three descriptions route alike, as the generator says ---
"$py" "$gen/check_routes.py" "$GICDESC" "$seed" "$dir" || fails=$((fails + 1))
[ "$fails" = 0 ]

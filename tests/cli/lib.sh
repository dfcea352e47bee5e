# lib.sh - sourced by tests/cli/test_*.sh (not a test itself).
# ctest provides GICDESC (the binary), GICDESC_SRC, GICDESC_SHARED, GICDESC_TMP.
set -euo pipefail
: "${GICDESC:?run through ctest}" "${GICDESC_SRC:?}" "${GICDESC_TMP:?}"
mkdir -p "$GICDESC_TMP"
WORK=$(mktemp -d "$GICDESC_TMP/$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$WORK"' EXIT
EXAMPLE="$GICDESC_SRC/examples/qemu-virt/qemu-virt.yaml"
QEMU_DATA="$GICDESC_SRC/tests/data/qemu-7.2"
passed=0
failed=0

# ok MESSAGE / not_ok MESSAGE: record one assertion.
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }
# check MESSAGE COMMAND...: ok when COMMAND succeeds.
check() { local m=$1; shift; if "$@"; then ok "$m"; else not_ok "$m"; fi; }
# skip MESSAGE: the whole test is skipped (ctest SKIP_RETURN_CODE 77).
skip() { echo "skip - $*"; exit 77; }
# same_list MESSAGE EXPECTED ACTUAL: ok when the two (sorted) lists are equal, else their diff.
same_list() {
	if [ "$3" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1: they differ from the reviewed list"
		diff <(echo "$2") <(echo "$3") || true
	fi
}
# quiet WHAT COMMAND...: ok when COMMAND succeeds and prints nothing on standard error.
quiet() {
	local what=$1
	shift
	if "$@" 2>"$WORK/stderr" && [ ! -s "$WORK/stderr" ]; then
		ok "$what"
	else
		not_ok "$what: $(head -c 2000 "$WORK/stderr")"
	fi
}
# dtc_same LABEL DTS DTB DTC...: the dtc command DTC... (dtc, or tools/modern dtc), named LABEL,
# compiles DTS (into DTS.dtb) and decompiles DTB without a warning, and both decompile to the
# same text (the same tree, the same phandles).
dtc_same() {
	local label=$1 dts=$2 dtb=$3 name
	shift 3
	name=$(basename "$dts" .dts)
	quiet "$name: $label compiles our DTS, no warning" "$@" -I dts -O dtb -o "$dts.dtb" "$dts"
	quiet "$name: $label decompiles our DTB, no warning" "$@" -I dtb -O dts -o "$dtb.ours.txt" "$dtb"
	"$@" -I dtb -O dts -o "$dtb.dtc.txt" "$dts.dtb" 2>/dev/null
	check "$name: $label: our DTB and its DTB of our DTS decompile to the same text" \
		diff -u "$dtb.dtc.txt" "$dtb.ours.txt"
}
# wired_hosts: the lines of tests/cli/dt_facts.py on standard input but those of PCI hosts with
# neither msi-map nor iommu-map (QEMU 11.1's GICv5 has no ITS), which the DTB reader does not
# read: they state no MSI or IOMMU fact.
wired_hosts() {
	awk '/^pcie compatible /{ n = 0; quiet = 0 } /^pcie /{ b[n++] = $0; quiet += /^pcie (msi|iommu)-map absent$/
		if (/^pcie iommu-map /) { if (quiet < 2) for (i = 0; i < n; i++) print b[i]; n = 0 } next } { print }'
}
# finish: the closing line, and the exit status.
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; }

# need_modern_root: MODERN, tools/modern; skips the test (77) when scripts/modern-oracles.sh
# cannot build the modern root, ends it failed when the script fails otherwise.
need_modern_root() {
	local rc=0
	MODERN=$GICDESC_SRC/tools/modern
	"$GICDESC_SRC/scripts/modern-oracles.sh" --root >"$WORK/root" 2>"$WORK/root.err" || rc=$?
	[ "$rc" = 77 ] && skip "$(cat "$WORK/root.err")"
	[ "$rc" = 0 ] || { not_ok "modern-oracles.sh failed ($rc): $(cat "$WORK/root.err")"; finish; exit 1; }
}
# modern_iasl ARGS...: the modern iasl, as a command the iasl helpers below can take.
modern_iasl() { "$MODERN" iasl "$@"; }

# iasl helpers (tests of our IORT against iasl's decoder and compiler).
# iasl_fields DSL: the fields of an iasl disassembly or source, one "Name : value" a line,
# without the header fields a compile changes (checksum, compiler ID and revision).
iasl_fields() {
	sed -n '/Signature :/,/^Raw Table Data/p' "$1" | grep -v '^Raw Table Data' |
		sed -e 's/^\[[^]]*\]//' -e 's/^ *//' -e 's/ *: */ : /' -e 's/ *$//' -e '/^$/d' |
		grep -Ev '^(Signature|Checksum|Oem Revision|Asl Compiler ID|Asl Compiler Revision) :'
}
# iasl_disassemble IASL FILE OUT: IASL -d of the table FILE, its source into OUT.
iasl_disassemble() {
	local d
	d=$(mktemp -d "$WORK/dis.XXXXXX")
	cp "$2" "$d/t.dat"
	(cd "$d" && $1 -d t.dat >/dev/null 2>&1) && cp "$d/t.dsl" "$3"
}
# iasl_compiles_back IASL DSL AML: IASL compiles DSL to AML's bytes but for the checksum
# (byte 10) and the compiler ID and revision (bytes 29..36).
iasl_compiles_back() {
	local d
	d=$(mktemp -d "$WORK/asl.XXXXXX")
	cp "$2" "$d/t.dsl"
	(cd "$d" && "$1" t.dsl >/dev/null 2>&1) || return 1
	[ "$(stat -c %s "$d/t.aml")" = "$(stat -c %s "$3")" ] &&
		{ cmp -l "$d/t.aml" "$3" || true; } |
		awk '$1 != 10 && ($1 < 29 || $1 > 36) { bad = 1 } END { exit bad }'
}

# iasl data-table source of tests (compile it with iasl -p).
# acpi_dsl_header SIGNATURE REVISION: a table header (OEM "GICDSC", "ASSUMED ").
acpi_dsl_header() { # SIGNATURE REVISION
	cat <<EOF
[0004]                          Signature : "$1"
[0004]                       Table Length : 00000000
[0001]                           Revision : $2
[0001]                           Checksum : 00
[0006]                             Oem ID : "GICDSC"
[0008]                       Oem Table ID : "ASSUMED "
[0004]                       Oem Revision : 00000001
[0004]                    Asl Compiler ID : "INTL"
[0004]              Asl Compiler Revision : 20200925

EOF
}
# qemu_mcfg_dsl START END: QEMU virt's MCFG as hw/arm/virt-acpi-build.c build_mcfg() writes it
# (segment 0, ECAM at 0x4010000000), for buses START..END (two hex digits each).
qemu_mcfg_dsl() { # START END
	acpi_dsl_header MCFG 01
	printf '[0008] Reserved : 0000000000000000\n\n'
	printf '[0008] Base Address : 0000004010000000\n[0002] Segment Group Number : 0000\n'
	printf '[0001] Start Bus Number : %s\n[0001] End Bus Number : %s\n[0004] Reserved : 00000000\n' "$1" "$2"
}

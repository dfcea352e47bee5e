#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# examples/server-gicv5: the ACPI tables of a GICv5 against iasl 20260408 (the modern root,
# scripts/modern-oracles.sh), field values stated here by hand from the YAML and ACPICA
# 20260408's structures (actbl2.h, packed):
# - the IORT (revision 7, IORT E.g) decodes with no error: four ITS groups whose identifiers
#   are the translate frame IDs 0-3, the SMMUv3's own MSI into its0's first frame, the IWB
#   node (type 7, node revision 1) with its config frame, index, device name and single
#   mapping of DeviceID 0x50000 into the ITS group of its0's second frame; field for field
#   as our source says; iasl compiles our source and its own disassembly back to our bytes;
# - the MADT (revision 7, ACPI 6.7) decodes with no error: no GICD, GICR or GIC ITS; eight
#   88-byte GICCs whose performance interrupt is GSIV 0x20000017 (PPI 23, typed); two IRSes
#   (GIC version 5, IRS IDs, config and SETLPI frames); two ITS config frames and four
#   translate frames with their linked ITS and translate frame IDs. iasl 20260408 knows no
#   GICC field past "TRBE Interrupt" (its AcpiDmTableInfoMadt11b), so it shows no IAFFID or
#   IRS ID: they are read from its raw dump of the table (offsets 82 and 84 of each GICC);
#   our source says no iasl compiles it back, and without those two lines a GICC iasl
#   compiles is our bytes cut to 82;
# - YAML, IORT and MADT check alike (no firmware-drift; the tables alone give no error or
#   warning) and resolve the same routes from every source, named as each input names them.
# Skips (77) when the modern root cannot be built.
source "$GICDESC_SRC/tests/cli/lib.sh"
set +e
need_modern_root
version=$(modern_iasl -v | sed -n 's/.*version \([0-9]*\).*/\1/p' | head -n 1)
[ "$version" = 20260408 ] || skip "the modern root's iasl is $version, not 20260408"

yaml=$GICDESC_SRC/examples/server-gicv5/server-gicv5.yaml
out=$WORK/out
check "generate writes the IORT and MADT and their iasl sources" \
	"$GICDESC" generate -q -f iort,iort-dsl,madt,madt-dsl -o "$out" "$yaml"

# has DSL LINE...: every LINE ("Name : value", as iasl_fields prints) is in DSL, in this order.
has() {
	local dsl=$1
	shift
	printf '%s\n' "$@" >"$WORK/want"
	iasl_fields "$dsl" | awk 'NR == FNR { want[++n] = $0; next } $0 == want[i + 1] { i++ }
		END { exit i < n }' "$WORK/want" -
}

# --- IORT. Offsets: header 0x30; 4 ITS groups of 0x18 (frame IDs 0, 1, 2, 3 at 0x30, 0x48,
# 0x60, 0x78); the SMMUv3 at 0x90 (16 + 52 + 2 x 20); 2 root complexes (56 each); the named
# component (16 + 13 + "\_SB.DMA0" 10 + 1 padding + 20); then the IWB: 16-byte header, config
# frame base, IWB index, "\_SB.IWB0" (10 bytes), its ID mapping at node offset 0x24.
m=$WORK/iort.m.dsl
check "iasl 20260408 decodes our IORT" iasl_disassemble modern_iasl "$out/iort.aml" "$m"
check "... with no unknown node, unsupported revision or bad length" \
	bash -c "! grep -Eq '\*\*\*\*|Unknown|Invalid|Unsupported' '$m'"
check "... table revision 7 (E.g)" has "$m" "Revision : 07"
check "... four ITS groups listing translate frame IDs 0 to 3" \
	has "$m" "Type : 00" "Identifiers : 00000000" "Type : 00" "Identifiers : 00000001" \
	"Type : 00" "Identifiers : 00000002" "Type : 00" "Identifiers : 00000003"
check "... the SMMUv3's own MSI: DeviceID 0x40000 into frame 0's group (0x30)" \
	has "$m" "Type : 04" "DeviceID Valid : 1" "Device ID Mapping Index : 00000001" \
	"Output Base : 00040000" "Output Reference : 00000030" "Single Mapping : 1"
check "... the IWB node: type 7, node revision 1, config frame, index 0, device name, mapping" \
	has "$m" "Type : 07" "Length : 0038" "Revision : 01" "Mapping Count : 00000001" \
	"Mapping Offset : 00000024" "Config Frame base : 000000002F000000" "IWB Index : 0000" \
	'IWB Device Name : "\_SB.IWB0"' "Output Base : 00050000" "Output Reference : 00000048" \
	"Single Mapping : 1"
# iasl 20260408 prints a named component's padding from the table's start, not the node's
# (dmtbdump2.c AcpiDmDumpIort passes Table to AcpiDmDumpTable): "Padding : 49", the "I"
# of "IORT", where the byte is 00. Its disassembly is compared with that byte put right.
sed 's/\(\] *Padding : \)49 .*/\100/' "$m" >"$WORK/iort.m0.dsl"
check "... field for field as our iasl source (but for iasl's padding byte)" \
	diff <(iasl_fields "$WORK/iort.m0.dsl") <(iasl_fields "$out/iort.dsl")
check "our IORT source names iasl 20260408" grep -q '^ \* Compile with iasl 20260408:' "$out/iort.dsl"
check "iasl 20260408 compiles our source back to our IORT" \
	iasl_compiles_back modern_iasl "$out/iort.dsl" "$out/iort.aml"
check "iasl 20260408 compiles its own disassembly back to our IORT (its padding byte put right)" \
	iasl_compiles_back modern_iasl "$WORK/iort.m0.dsl" "$out/iort.aml"

# --- MADT. GICC i (MPIDR Aff1 = i / 4, Aff0 = i % 4) at 0x2C + 0x58 i; then the IRSes, the
# ITS config frames each followed by its translate frames.
m=$WORK/madt.m.dsl
check "iasl 20260408 decodes our MADT" iasl_disassemble modern_iasl "$out/madt.aml" "$m"
check "... with no unknown subtable or bad length" \
	bash -c "! grep -Eq '\*\*\*\*|Unknown|Invalid' '$m'"
check "... revision 7" has "$m" "Revision : 07"
check "... no GICD, GICR or GIC ITS" \
	bash -c "! grep -Eq 'Subtable Type : 0(C|E|F) ' '$m'"
check "... eight GICCs of 88 bytes, performance interrupt GSIV 0x20000017 (PPI 23)" \
	bash -c "[ \$(grep -c 'Subtable Type : 0B' '$m') = 8 ] && [ \$(grep -A1 'Subtable Type : 0B' '$m' | grep -c 'Length : 58\$') = 8 ] &&
		[ \$(grep -c 'Performance Interrupt : 20000017\$' '$m') = 8 ]"
check "... two IRSes: GIC version 5, IRS IDs 0 and 1, config and SETLPI frames" \
	has "$m" "Subtable Type : 1C [Generic Interrupt v5 Router]" "Length : 20" "Gic version : 05" \
	"Irs Id : 00000000" "GICV5 IRS non-coherent : 0" \
	"Irs Config Frame Physical Base Address : 0000000030000000" \
	"Irs Setlpi Frame Physical Base Address : 0000000030010000" \
	"Subtable Type : 1C [Generic Interrupt v5 Router]" "Length : 20" "Gic version : 05" \
	"Irs Id : 00000001" "Irs Config Frame Physical Base Address : 0000000030400000" \
	"Irs Setlpi Frame Physical Base Address : 0000000030410000"
check "... two ITS config frames, each followed by its two translate frames" \
	has "$m" "Subtable Type : 1D [Generic Interrupt v5 Translator Config]" "Length : 10" \
	"Gic Its Id : 00000000" "Physical Base Address : 0000000030040000" \
	"Subtable Type : 1E [Generic Interrupt v5 Translator Entry]" "Length : 18" \
	"Linked Its Id : 00000000" "Its Translate Id : 00000000" \
	"Its Translate Frame Physical Base Address : 0000000030050000" \
	"Linked Its Id : 00000000" "Its Translate Id : 00000001" \
	"Its Translate Frame Physical Base Address : 0000000030060000" \
	"Gic Its Id : 00000001" "Physical Base Address : 0000000030440000" \
	"Linked Its Id : 00000001" "Its Translate Id : 00000002" \
	"Its Translate Frame Physical Base Address : 0000000030450000" \
	"Linked Its Id : 00000001" "Its Translate Id : 00000003" \
	"Its Translate Frame Physical Base Address : 0000000030460000"
# raw_gicc DSL: "IAFFID IRS-ID" of each 88-byte GICC, from iasl's raw dump of the table.
raw_gicc() {
	/usr/bin/python3 - "$1" <<'PY'
import re, struct, sys
raw = bytearray()
on = False
for line in open(sys.argv[1]):
    on = on or line.startswith("Raw Table Data")
    m = re.match(r"\s+[0-9A-F]{4,}: ((?:[0-9A-F]{2} )+)", line) if on else None
    if m:
        raw += bytes.fromhex(m.group(1))
off = 44
while off + 2 <= len(raw) and raw[off + 1] >= 2:
    if raw[off] == 0x0B and raw[off + 1] == 88:
        print("%04x %u" % struct.unpack_from("<HI", raw, off + 82))
    off += raw[off + 1]
PY
}
check "... its raw dump: IAFFIDs 0x000-0x003 on IRS 0 and 0x100-0x103 on IRS 1 (GICC +82, +84)" \
	test "$(raw_gicc "$m" | tr '\n' ' ')" = "0000 0 0001 0 0002 0 0003 0 0100 1 0101 1 0102 1 0103 1 "
check "... which iasl 20260408 does not show (no GICC field past TRBE Interrupt)" \
	bash -c "! grep -Eq 'IAFFID|IRS ID' '$m'"
check "our MADT source says no iasl compiles its 88-byte GICC back" \
	grep -q '^ \* No iasl release compiles the GICv5 GICC (88 bytes' "$out/madt.dsl"
check "... and is iasl's disassembly field for field, plus IAFFID and IRS ID" \
	diff <(iasl_fields "$m") <(iasl_fields "$out/madt.dsl" | grep -Ev '^(IAFFID|IRS ID) :')
# Without the IAFFID and IRS ID lines: iasl compiles 82-byte GICCs, everything else as ours.
grep -Ev '\] +(IAFFID|IRS ID) :' "$out/madt.dsl" >"$WORK/madt82.dsl"
/usr/bin/python3 - "$out/madt.aml" "$WORK/madt82.aml" <<'PY'
import struct, sys
t = bytearray(open(sys.argv[1], "rb").read())
out, off = t[:44], 44
while off < len(t):
    n = t[off + 1]
    s = t[off:off + n]
    if s[0] == 0x0B and n == 88:
        s = s[:82]
        s[1] = 82
    out += s
    off += n
struct.pack_into("<I", out, 4, len(out))
open(sys.argv[2], "wb").write(out)
PY
check "iasl 20260408 compiles our MADT source, less IAFFID and IRS ID, to our MADT with 82-byte GICCs" \
	iasl_compiles_back modern_iasl "$WORK/madt82.dsl" "$WORK/madt82.aml"

# --- the tables read back ---
"$GICDESC" check --format json "$yaml" "$out/iort.aml" "$out/madt.aml" >"$WORK/all.json" 2>/dev/null
rules=$(/usr/bin/python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted({g["rule"] or "-" for g in d["diagnostics"] if g["severity"] in ("error", "warning")})))' <"$WORK/all.json")
check "check of the YAML, IORT and MADT: no firmware-drift ($rules)" \
	bash -c "! grep -qw firmware-drift <<<'$rules'"
# The comparison bites: a copy giving pcie1 DeviceIDs 0x20000 on, where the tables say 0x10000.
sed 's/output-base: 0x10000, output: its1_tf0/output-base: 0x20000, output: its1_tf0/' "$yaml" >"$WORK/drift.yaml"
check "... and a copy that moves pcie1's DeviceIDs is firmware-drift against the same tables" \
	bash -c "'$GICDESC' check '$WORK/drift.yaml' '$out/iort.aml' '$out/madt.aml' 2>&1 | grep -q 'pcie1 in ACPI.*firmware-drift'"
"$GICDESC" check "$out/iort.aml" "$out/madt.aml" >"$WORK/acpi.txt" 2>&1
check "check of the IORT and MADT alone: no error, no warning" grep -qx '0 errors, 0 warnings' "$WORK/acpi.txt"
# The same sources and targets as the tables name them: a translate frame by its ID.
acpi_name() {
	sed -e 's/its0_tf0/its0/g; s/its0_tf1/its1/g; s/its1_tf0/its2/g; s/its1_tf1/its3/g' \
		-e 's/smmu0/smmu@0x4f000000/g; s/iwb0/iwb@0x2f000000/g; s/^dma0 /\\_SB.DMA0 /'
}
for source in pcie0 pcie1 smmu0 dma0 iwb0; do
	want=$("$GICDESC" resolve -q "$yaml" "$source" 2>&1 | acpi_name)
	asrc=$(acpi_name <<<"$source ")
	got=$("$GICDESC" resolve -q "$out/iort.aml" "$out/madt.aml" "${asrc% }" 2>&1)
	check "resolve $source: the tables give the YAML's route ($got)" test -n "$want" -a "$want" = "$got"
done
back=$("$GICDESC" resolve -q "$out/iort.aml" "$out/madt.aml" its1:0x50000 2>&1)
check "resolve backwards from the tables: frame 1 DeviceID 0x50000 is the IWB's ($back)" \
	test "$back" = "iwb@0x2f000000 (single mapping) -> its1 DeviceID 0x50000"
finish

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# examples/server-iort-ee: IORT revision 6 (E.e) with RMR nodes, end to end.
# - iasl 20250404 decodes our IORT with no error: table revision 6, four SMMUv3 nodes of
#   node revision 5 with "DeviceID Valid : 1" and the DeviceID mapping index after their
#   StreamID mapping, two RMR nodes (Type 06, node revision 3) with their flags, memory
#   range descriptors and StreamID mappings, field for field as our iasl source says;
# - iasl 20250404 compiles both our source and its own disassembly back to our bytes
#   (but for checksum and compiler fields);
# - iasl 20200925 (Debian 12) predates RMR (ACPICA added it for IORT E, 2021): it decodes
#   the SMMUv3 nodes but not the RMR nodes (said here, not relied upon);
# - the IORT and MADT read back route for route as the YAML and the DTB do (no
#   firmware-drift), with both RMRs and their StreamIDs; the only findings are the two
#   dt-rmr warnings of the description (a device tree cannot say an RMR);
# - a copy whose RMR names a StreamID no device reaches warns rmr-stream-ids.
# Needs: acpica-tools (iasl), tools/iasl-modern.
. "$(dirname "$0")/lib.sh"
command -v iasl >/dev/null || skip "iasl (Debian acpica-tools) not installed"
MODERN=$GICDESC_SRC/tools/iasl-modern
yaml=$GICDESC_SRC/examples/server-iort-ee/server-iort-ee.yaml
out=$WORK/out
check "generate writes every output" "$GICDESC" generate -q --force -o "$out" "$yaml"

m=$WORK/modern.dsl
check "iasl 20250404 decodes our IORT" iasl_disassemble "$MODERN" "$out/iort.aml" "$m"
check "... with no unknown node, unsupported revision or bad length" \
	bash -c "! grep -Eq '\*\*\*\*|Unknown|Invalid|Unsupported' '$m'"
check "... table revision 6" grep -q 'Revision : 06$' "$m"
check "... four SMMUv3 nodes of node revision 5, DeviceID valid, index 1" \
	bash -c "[ \$(grep -A2 'Type : 04\$' '$m' | grep -c 'Revision : 05\$') = 4 ] &&
		[ \$(grep -c 'DeviceID Valid : 1\$' '$m') = 4 ] &&
		[ \$(grep -c 'Device ID Mapping Index : 00000001\$' '$m') = 4 ]"
check "... two RMR nodes of node revision 3, three memory ranges" \
	bash -c "[ \$(grep -A2 'Type : 06\$' '$m' | grep -c 'Revision : 03\$') = 2 ] &&
		[ \$(grep -c 'Base Address of RMR : ' '$m') = 3 ] &&
		grep -q 'Base Address of RMR : 00000000F8000000' '$m' &&
		grep -q 'Length of RMR : 0000000000800000' '$m'"
check "... their flags: remapping permitted, access attributes 04 (normal-nc) and 05 (normal-wb)" \
	bash -c "grep -q 'Flags (decoded below) : 00000011\$' '$m' && grep -q 'Flags (decoded below) : 00000014\$' '$m' &&
		grep -q 'Access Attributes : 04' '$m' && grep -q 'Access Attributes : 05' '$m'"
check "... field for field as our iasl source" diff <(iasl_fields "$m") <(iasl_fields "$out/iort.dsl")
check "iasl 20250404 compiles our iasl source back to our IORT" iasl_compiles_back "$MODERN" "$out/iort.dsl" "$out/iort.aml"
check "iasl 20250404 compiles its own disassembly back to our IORT" iasl_compiles_back "$MODERN" "$m" "$out/iort.aml"
if iasl_disassemble iasl "$out/iort.aml" "$WORK/old.dsl" && ! grep -q 'Base Address of RMR' "$WORK/old.dsl"; then
	echo "# iasl 20200925 does not decode the RMR nodes (it predates them)"
fi

# --- the tables read back ---
dtb=$out/server-iort-ee.dtb
"$GICDESC" check --format json "$yaml" "$dtb" "$out/iort.aml" "$out/madt.aml" >"$WORK/all.json" 2>/dev/null || true
rules=$(/usr/bin/python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted(g["rule"] for g in d["diagnostics"] if g["severity"] in ("error", "warning"))))' <"$WORK/all.json")
check "check of YAML, DTB, IORT and MADT: no firmware-drift, only the two dt-rmr warnings ($rules)" \
	test "$rules" = "dt-rmr dt-rmr"
"$GICDESC" check "$out/iort.aml" "$out/madt.aml" >"$WORK/acpi.txt" 2>&1 || true
check "check of the IORT and MADT alone: no error, no warning" grep -qx '0 errors, 0 warnings' "$WORK/acpi.txt"
route=$("$GICDESC" resolve "$out/iort.aml" "$out/madt.aml" pcie2:0x4100 2>&1 || true)
check "resolve from the IORT: segment 2 RID 0x4100 -> its2 DeviceID 0x4100 ($route)" \
	bash -c "grep -q 'its2 DeviceID 0x4100' <<<'$route'"
# A copy whose RMR names StreamID 0x20000 of smmu0, which no RID reaches (the identity RID
# space of segment 0 ends at 0xffff): Linux reserves that memory for no device.
/usr/bin/python3 - "$yaml" "$WORK/far.yaml" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
d["rmrs"][0]["stream-ids"][0]["base"] = 0x20000
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY
"$GICDESC" generate -q --force -f iort,madt -o "$WORK/far" "$WORK/far.yaml" 2>/dev/null
"$GICDESC" check --format json "$WORK/far/iort.aml" "$WORK/far/madt.aml" >"$WORK/far.json" 2>/dev/null || true
rules=$(/usr/bin/python3 -c 'import json, sys
print(" ".join(sorted({g["rule"] for g in json.load(sys.stdin)["diagnostics"] if g["severity"] in ("error", "warning")})))' <"$WORK/far.json")
check "an IORT whose RMR names a StreamID no device reaches: exactly rmr-stream-ids ($rules)" \
	test "$rules" = rmr-stream-ids
finish

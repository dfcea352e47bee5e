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
# - a copy whose RMR names a StreamID no device reaches warns rmr-stream-ids;
# - the two PMCG nodes (Type 05, node revision 2 as EDK2 writes it at table revision 6) decode
#   in iasl 20250404 and 20200925 field for field as stated here by hand from the YAML and the
#   table layout; pmcg0's own MSI routes to its0 DeviceID 0x40010 from the YAML, the DTB
#   (msi-parent) and the IORT (its single mapping), backwards too; a copy that gives pmcg0
#   smmu0's own DeviceID 0x40000 is a device-id-collision in the YAML, the DTB and the IORT.
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
# IORT E.f: the memory access flag CANWBS of one root complex, decoded by iasl 20250404
# ("Ensured Coherency of Accesses", ACPICA's E.f update) and compiled back to our bytes.
/usr/bin/python3 -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
d["root-complexes"][0]["canwbs"] = True
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)' "$yaml" "$WORK/canwbs.yaml"
"$GICDESC" generate -q --force -o "$WORK/canwbs" -f iort,iort-dsl "$WORK/canwbs.yaml" 2>/dev/null
check "E.f CANWBS: iasl 20250404 decodes the IORT" iasl_disassemble "$MODERN" "$WORK/canwbs/iort.aml" "$WORK/canwbs-m.dsl"
check "E.f CANWBS: set on one root complex, clear on the others" bash -c \
	"[ \$(grep -c 'Ensured Coherency of Accesses : 1\$' '$WORK/canwbs-m.dsl') = 1 ] &&
		[ \$(grep -c 'Ensured Coherency of Accesses : 0\$' '$WORK/canwbs-m.dsl') -ge 3 ]"
check "E.f CANWBS: iasl 20250404 compiles our source back to our IORT" \
	iasl_compiles_back "$MODERN" "$WORK/canwbs/iort.dsl" "$WORK/canwbs/iort.aml"
if iasl_disassemble iasl "$out/iort.aml" "$WORK/old.dsl" && ! grep -q 'Base Address of RMR' "$WORK/old.dsl"; then
	echo "# iasl 20200925 does not decode the RMR nodes (it predates them)"
fi

# --- the PMCG nodes, by hand. Offsets: IORT header 0x30; 4 ITS groups of 0x18 (its0 at 0x30);
# 4 SMMUv3 nodes of 0x6C (16-byte header, 52-byte E.e body, 2 ID mappings: smmu0 at 0x90,
# smmu2 at 0x168); 4 root complexes; then the PMCGs, identifiers 12 and 13 (after 4 ITS
# groups, 4 SMMUs, 4 root complexes). A PMCG node: 16-byte header, 24-byte body (page 0,
# GSIV, node reference, page 1), its ID mapping at offset 0x28. SPI 80 is GSIV 0x70.
cat >"$WORK/pmcg.want" <<'EOF'
Type : 05
Length : 003C
Revision : 02
Identifier : 0000000C
Mapping Count : 00000001
Mapping Offset : 00000028
Page 0 Base Address : 000000004F002000
Overflow Interrupt GSIV : 00000000
Node Reference : 00000090
Page 1 Base Address : 000000004F012000
Input base : 00000000
ID Count : 00000000
Output Base : 00040010
Output Reference : 00000030
Flags (decoded below) : 00000001
Single Mapping : 1
Type : 05
Length : 0028
Revision : 02
Identifier : 0000000D
Mapping Count : 00000000
Mapping Offset : 00000000
Page 0 Base Address : 000080004F002000
Overflow Interrupt GSIV : 00000070
Node Reference : 00000168
Page 1 Base Address : 000080004F012000
EOF
# pmcg_nodes DSL: the fields of every PMCG node (Type 05) of an iasl disassembly.
pmcg_nodes() {
	iasl_fields "$1" | awk '/^Type : /{ on = ($0 == "Type : 05") } on'
}
check "iasl 20250404 decodes both PMCG nodes field for field as stated by hand" \
	diff "$WORK/pmcg.want" <(pmcg_nodes "$m")
check "iasl 20200925 decodes them alike (it names the identifier Reserved)" \
	diff <(sed 's/^Identifier :/Reserved :/' "$WORK/pmcg.want") <(pmcg_nodes "$WORK/old.dsl")

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
for input in "$yaml" "$dtb" "$out/iort.aml $out/madt.aml"; do
	for source in pmcg0 pmu@4f002000 pmcg@0x4f002000; do
		# shellcheck disable=SC2086
		route=$("$GICDESC" resolve $input "$source" 2>/dev/null) && break
	done
	check "resolve from $(basename "${input%% *}"): $source's own MSI -> ITS 0x30040000 DeviceID 0x40010 ($route)" \
		bash -c "grep -Eq '^$source \(single mapping\) -> (its0|msi-controller@30040000) DeviceID 0x40010$' <<<'$route'"
done
back=$("$GICDESC" resolve "$out/iort.aml" "$out/madt.aml" its0:0x40010 2>/dev/null || true)
check "resolve backwards from the IORT: its0 DeviceID 0x40010 is pmcg@0x4f002000's ($back)" \
	bash -c "grep -q '^pmcg@0x4f002000 (single mapping) -> its0 DeviceID 0x40010$' <<<'$back'"
# A copy that gives pmcg0 DeviceID 0x40000, smmu0's own: two requesters on one DeviceID.
/usr/bin/python3 - "$yaml" "$WORK/clash.yaml" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
d["pmcgs"][0]["id-map"][0]["output-base"] = 0x40000
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY
"$GICDESC" generate -q --force -f dtb,iort,madt -o "$WORK/clash" "$WORK/clash.yaml" 2>/dev/null
for input in "$WORK/clash.yaml" "$WORK/clash/server-iort-ee.dtb" "$WORK/clash/iort.aml $WORK/clash/madt.aml"; do
	# shellcheck disable=SC2086
	"$GICDESC" check --format json -Wno-dt-rmr $input >"$WORK/clash.json" 2>/dev/null || true
	rules=$(/usr/bin/python3 -c 'import json, sys
print(" ".join(sorted({g["rule"] for g in json.load(sys.stdin)["diagnostics"] if g["severity"] in ("error", "warning")})))' <"$WORK/clash.json")
	check "pmcg0 on smmu0's own DeviceID 0x40000, from $(basename "${input%% *}"): exactly device-id-collision ($rules)" \
		test "$rules" = device-id-collision
done
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

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# examples/lx2160a: an MMU-500 (SMMUv2, IORT node type 3) end to end.
# - DT: the facts (dt_facts.py: GIC, ITS, CPUs, PMU, and the arm,mmu-500 node with its
#   #global-interrupts, global, PMU and context interrupts in order) of our DTB equal those
#   of Linux 6.12's fsl-lx2160a-rdb.dtb, compiled from Debian's linux-source-6.12 as the
#   kernel builds it, but for the PCIe hosts: Linux 6.12 leaves every LX2160A PCIe
#   controller disabled (U-Boot enables it and rewrites its iommu-map), the example
#   describes two as NXP's ACPI tables do.
# - The board's DTB loads with its MMU-500 and checks clean.
# - IORT: iasl 20250404 decodes our table with one SMMUv1/v2 node (64 context, 10 PMU
#   interrupts) field for field as our iasl source says, and compiles both our source and
#   its own disassembly back to our bytes (but for checksum and compiler fields);
#   iasl 20200925 decodes the SMMUv1/v2 node with the same fields.
# - The IORT and MADT read back route PCIe RIDs through the MMU-500 to the ITS, as the
#   description does; a copy with SMMUv1/v2 model 6 breaks rule smmu-v2-model.
# Needs: dtc, cpp, python3-libfdt, linux-source-6.12, acpica-tools.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"
command -v iasl >/dev/null || skip "iasl (Debian acpica-tools) not installed"
/usr/bin/python3 -c 'import libfdt' 2>/dev/null || skip "python3-libfdt not installed"
[ -r /usr/src/linux-source-6.12.tar.xz ] || skip "Debian linux-source-6.12 not installed"
MODERN=$GICDESC_SRC/tools/iasl-modern
yaml=$GICDESC_SRC/examples/lx2160a/lx2160a.yaml
out=$WORK/out
facts() { /usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" "$1" | grep -v '^pcie '; }

"$GICDESC_SRC/scripts/build-dt-corpus.sh" "$WORK/linux" freescale/fsl-lx2160a-rdb.dts >/dev/null
board=$WORK/linux/freescale/fsl-lx2160a-rdb.dtb
[ -s "$board" ] || { not_ok "fsl-lx2160a-rdb.dts compiles"; finish; }
check "generate writes every output" "$GICDESC" generate -q -o "$out" "$yaml"

# --- DT ---
check "DT facts of our DTB equal Linux 6.12's fsl-lx2160a-rdb.dtb (PCIe hosts apart)" \
	diff <(facts "$board") <(facts "$out/lx2160a.dtb")
/usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" "$out/lx2160a.dtb" >"$WORK/facts.txt"
check "... and they hold the MMU-500: 14 global interrupts (4 global, 10 PMU) and 64 contexts" \
	bash -c "grep -qx \"smmu-v2 compatible \['arm,mmu-500'\]\" '$WORK/facts.txt' &&
		grep -qx 'smmu-v2 #global-interrupts 0xe' '$WORK/facts.txt' &&
		[ \$(grep '^smmu-v2 interrupts' '$WORK/facts.txt' | tr ',' '\n' | wc -l) = 78 ]"
"$GICDESC" check "$board" >"$WORK/board.txt" 2>&1 || true
check "check of the board's DTB: no error, no warning" grep -qx '0 errors, 0 warnings' "$WORK/board.txt"
check "... and no note that an SMMU was skipped or a mapping dropped" \
	bash -c "! grep -E ': (note|warning): .*(SMMU skipped|entry skipped|not modelled)' '$WORK/board.txt'"

# --- IORT ---
fields() { iasl_fields "$1"; }
# the SMMUv1/v2 node's fields, from its type line to the next node's
smmu_node() { fields "$1" | awk '/^Type : / { on = ($0 == "Type : 03") } on' | grep -v '^Identifier :\|^Reserved :'; }
disassemble() { iasl_disassemble "$@"; }
compiles_back() { iasl_compiles_back "$MODERN" "$1" "$out/iort.aml"; }
check "iasl 20250404 decodes our IORT" disassemble "$MODERN" "$out/iort.aml" "$WORK/modern.dsl"
check "... with one SMMUv1/v2 node (Type 03) of model 3 (MMU-500), 64 context and 10 PMU interrupts" \
	bash -c "[ \$(grep -c 'Type : 03\$' '$WORK/modern.dsl') = 1 ] && grep -q 'Model : 00000003' '$WORK/modern.dsl' &&
		[ \$(grep -c 'Context Interrupt : ' '$WORK/modern.dsl') = 64 ] &&
		[ \$(grep -c 'PMU Interrupt : ' '$WORK/modern.dsl') = 10 ] &&
		grep -q 'NSgIrpt : 0000002F' '$WORK/modern.dsl' && grep -q 'NSgCfgIrpt : 00000030' '$WORK/modern.dsl'"
check "... field for field as our iasl source" diff <(fields "$WORK/modern.dsl") <(fields "$out/iort.dsl")
check "iasl 20250404 compiles our iasl source back to our IORT" compiles_back "$out/iort.dsl"
check "iasl 20250404 compiles its own disassembly back to our IORT" compiles_back "$WORK/modern.dsl"
check "iasl 20200925 decodes our IORT" disassemble iasl "$out/iort.aml" "$WORK/old.dsl"
check "... its SMMUv1/v2 node field for field as iasl 20250404 (but the identifier it calls Reserved)" \
	bash -c "diff <($(declare -f iasl_fields fields smmu_node); smmu_node '$WORK/old.dsl') <($(declare -f iasl_fields fields smmu_node); smmu_node '$WORK/modern.dsl')"

# --- the tables read back ---
"$GICDESC" check "$out/iort.aml" "$out/madt.aml" "$yaml" "$out/lx2160a.dtb" >"$WORK/acpi.txt" 2>&1 || true
check "check of our IORT+MADT beside the YAML and the DTB: no error, no warning (no iort-output-ref)" \
	grep -qx '0 errors, 0 warnings' "$WORK/acpi.txt"
route=$("$GICDESC" resolve "$out/iort.aml" "$out/madt.aml" pcie4:0x100 2>&1 || true)
check "resolve from the IORT: segment 4 RID 0x100 -> MMU-500 StreamID 0x2900 -> ITS DeviceID 0x2900 ($route)" \
	test "$route" = "pcie4 RID 0x0100 -> smmu@0x5000000 StreamID 0x2900 -> its0 DeviceID 0x2900"
# A broken copy only an IORT can express: SMMUv1/v2 model 6 (IORT E.e defines 0-5).
/usr/bin/python3 - "$out/iort.aml" "$WORK/model6.aml" <<'PY'
import sys
t = bytearray(open(sys.argv[1], "rb").read())
node = int.from_bytes(t[40:44], "little")  # the first node: the ITS group, then the SMMU
node += int.from_bytes(t[node + 1:node + 3], "little")
assert t[node] == 3
t[node + 16 + 16] = 6  # Model, after the node header, base and span
t[9] = 0
t[9] = (-sum(t)) & 0xFF
open(sys.argv[2], "wb").write(t)
PY
"$GICDESC" check --format json "$WORK/model6.aml" "$out/madt.aml" >"$WORK/model6.json" 2>/dev/null || true
rules=$(/usr/bin/python3 -c 'import json, sys; print(" ".join(sorted({g["rule"] for g in json.load(sys.stdin)["diagnostics"] if g["severity"] in ("error", "warning")})))' <"$WORK/model6.json")
check "an IORT whose SMMUv1/v2 model is 6: exactly smmu-v2-model ($rules)" test "$rules" = smmu-v2-model
finish

#!/usr/bin/env bash
# Direct LPI in ACPI (examples/direct-lpi): IORT has no node for it and the MADT
# GICR structure no DirectLPI flag. Never a silent drop: rule iort-direct-lpi
# names each device, and --force writes the tables without their routes; iasl (the oracle) decodes them and
# shows those devices with no ID mapping; and `check` of the YAML beside them
# reports each missing route as firmware-drift.
. "$(dirname "$0")/lib.sh"
command -v iasl >/dev/null || skip "iasl (Debian acpica-tools) not installed"
yaml=$GICDESC_SRC/examples/direct-lpi/direct-lpi.yaml
out=$WORK/out
set +e
"$GICDESC" generate --force -f iort,madt -o "$out" "$yaml" >/dev/null 2>"$WORK/gen.err"
st=$?
set -e
check "generate --force writes IORT and MADT (status $st)" test "$st" = 0 -a -s "$out/iort.aml"
for dev in "root complex 'vpci0'" "named component 'vconsole'" "named component 'vblock'"; do
	check "rule iort-direct-lpi names $dev and what IORT cannot express" \
		grep -q "error: IORT: $dev raises its MSIs through Direct LPI.*with --force one without that MSI route.*\[iort-direct-lpi\]" "$WORK/gen.err"
done
check "rule madt-direct-lpi: no DirectLPI flag in GICR" grep -q "note: MADT: the GICR structure has no DirectLPI flag.*\[madt-direct-lpi\]" "$WORK/gen.err"
check "each finding once (no line printed twice)" test -z "$(sort "$WORK/gen.err" | uniq -d)"
(cd "$out" && iasl -d iort.aml madt.aml >/dev/null 2>&1)
check "iasl -d decodes both tables" test -s "$out/iort.dsl" -a -s "$out/madt.dsl"
nodes=$(grep -c 'Type : 0[12]$' "$out/iort.dsl" || true)
maps=$(grep 'Mapping Count : ' "$out/iort.dsl" | grep -vc ': 00000000$' || true)
check "iasl: 3 nodes (1 root complex, 2 named components), none with an ID mapping (got $nodes, $maps)" \
	test "$nodes" = 3 -a "$maps" = 0
set +e
"$GICDESC" check --format json "$yaml" "$out/iort.aml" "$out/madt.aml" >"$WORK/r.json"
set -e
drift=$(/usr/bin/python3 -c 'import json,sys; print(sum(g["rule"]=="firmware-drift" for g in json.load(sys.stdin)["diagnostics"]))' <"$WORK/r.json")
check "check YAML + IORT: each of the 3 devices' missing route is firmware-drift (got $drift)" test "$drift" = 3
finish

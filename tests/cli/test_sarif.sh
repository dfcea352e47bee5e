#!/usr/bin/env bash
# check --format sarif from a YAML description, a DTB and ACPI tables, each with
# findings, validates against the OASIS SARIF 2.1.0 JSON schema (tools/sarif-schema
# fetches the final rtm.5 schema once from the npm registry); every result has a
# ruleId that tool.driver.rules lists; YAML results have a line and column, DTB
# results the node path as a logical location and the property's byte offset (read
# back here with libfdt), ACPI results the byte offset in the table; every result
# has partialFingerprints, unchanged when the YAML's lines move.
# Needs: python3-jsonschema, python3-libfdt, device-tree-compiler (fdtput), network once.
. "$(dirname "$0")/lib.sh"
command -v fdtput >/dev/null || skip "fdtput (Debian device-tree-compiler) not installed"
/usr/bin/python3 -c 'import jsonschema, libfdt' 2>/dev/null || skip "python3-jsonschema or python3-libfdt not installed"
schema=$("$GICDESC_SRC/tools/sarif-schema") || skip "the SARIF 2.1.0 schema cannot be fetched (tools/sarif-schema)"

virt=$GICDESC_SRC/examples/qemu-virt/qemu-virt.yaml

# YAML: two root complexes' RIDs on one DeviceID (device-id-collision).
/usr/bin/python3 "$GICDESC_SRC/tests/cli/collision_yaml.py" "$virt" "$WORK/bad.yaml"
printf 'gicdesc: 1\nplatform: [\n' >"$WORK/syntax.yaml"
# DTB: the generated one, its ITS moved onto the distributor (mmio-overlap).
"$GICDESC" generate -q -o "$WORK/dt" -f dtb "$virt"
dtb=$WORK/dt/qemu-virt.dtb
fdtput -t x "$dtb" /interrupt-controller@8000000/msi-controller@8080000 reg 0 0x8000000 0 0x20000
# ACPI: the broken YAML's tables (generate --force), where the collision is at an IORT offset.
"$GICDESC" generate -q --force -o "$WORK/acpi" -f iort,madt "$WORK/bad.yaml" 2>/dev/null

sarif() { # NAME INPUT...: the SARIF of check over INPUT... into $WORK/NAME.sarif
	local name=$1
	shift
	"$GICDESC" check --format sarif "$@" >"$WORK/$name.sarif" || true
}
sarif yaml "$WORK/bad.yaml"
sarif syntax "$WORK/syntax.yaml"
sarif dtb "$dtb"
sarif acpi "$WORK/acpi/iort.aml" "$WORK/acpi/madt.aml"
sarif each --each "$WORK/bad.yaml" "$dtb" "$WORK/syntax.yaml"

check_sarif() { # NAME KIND: validates $WORK/NAME.sarif and checks the locations of KIND
	/usr/bin/python3 - "$schema" "$WORK/$1.sarif" "$2" "$dtb" <<'PY'
import json, sys
import jsonschema, libfdt
schema, log = (json.load(open(p)) for p in sys.argv[1:3])
kind, dtb = sys.argv[3:5]
jsonschema.Draft4Validator(schema).validate(log)
run, = log["runs"]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert len(ids) == len(set(ids)), "a rule listed twice"
results = run["results"]
assert results, "no result"
for r in results:
    assert r.get("ruleId") in ids, f"ruleId {r.get('ruleId')} not in rules[]"
    assert r["partialFingerprints"]["gicdescFinding/v1"], r
for r in results:
    if r["level"] == "note" or "locations" not in r:
        continue
    loc = r["locations"][0]
    region = loc["physicalLocation"].get("region", {})
    if kind == "yaml":
        assert region["startLine"] >= 1 and region["startColumn"] >= 1, r
    elif kind == "dtb" and "logicalLocations" in loc:
        where = loc["logicalLocations"][0]["fullyQualifiedName"]
        fdt = libfdt.Fdt(open(dtb, "rb").read())
        path, _, prop = where.partition(":")
        node = fdt.path_offset(path)
        want = fdt.off_dt_struct() + (fdt.get_property(node, prop).offset if prop else node)
        assert region["byteOffset"] == want, (where, region, want)
    elif kind == "acpi":
        assert "byteOffset" in region, r
print(f"{len(results)} results, rules {sorted({r['ruleId'] for r in results})}")
PY
}
check "YAML: valid SARIF, line and column" check_sarif yaml yaml
check "YAML: the finding is there" grep -q '"ruleId": "device-id-collision"' "$WORK/yaml.sarif"
check "YAML syntax error: valid SARIF, yaml-syntax listed" check_sarif syntax yaml
check "YAML syntax error: ruleId yaml-syntax" grep -q '"ruleId": "yaml-syntax"' "$WORK/syntax.sarif"
check "DTB: valid SARIF, node path and the property's byte offset" check_sarif dtb dtb
check "DTB: mmio-overlap, and the assumed facts as notes with a ruleId" \
	bash -c "grep -q '\"ruleId\": \"mmio-overlap\"' '$WORK/dtb.sarif' && grep -q '\"ruleId\": \"assumed\"' '$WORK/dtb.sarif'"
check "ACPI: valid SARIF, byte offsets" check_sarif acpi acpi
check "ACPI: device-id-collision at an IORT offset" grep -q '"ruleId": "device-id-collision"' "$WORK/acpi.sarif"
check "--each: one valid run over three inputs" check_sarif each mixed

# The fingerprints follow a finding when the YAML's lines move.
{ printf '# a comment\n\n'; cat "$WORK/bad.yaml"; } >"$WORK/moved.yaml"
mv "$WORK/moved.yaml" "$WORK/bad.yaml" # the same file, two commits later
sarif moved "$WORK/bad.yaml"
fingerprints() { /usr/bin/python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["runs"][0]["results"]:
    print(r["partialFingerprints"]["gicdescFinding/v1"], r.get("locations", [{}])[0].get("physicalLocation", {}).get("region", {}).get("startLine"))' "$1"; }
fingerprints "$WORK/yaml.sarif" >"$WORK/yaml.fp"
fingerprints "$WORK/moved.sarif" >"$WORK/moved.fp"
check "fingerprints unchanged when lines move" cmp -s <(cut -d' ' -f1 "$WORK/yaml.fp") <(cut -d' ' -f1 "$WORK/moved.fp")
check "... while the lines did move" bash -c "! cmp -s '$WORK/yaml.fp' '$WORK/moved.fp'"
finish

#!/usr/bin/env bash
# Waivers (gicdesc(5) WAIVERS): a reviewed finding accepted with a reason is a note
# that gives the reason, in a description's waivers: and in a --waivers file for a
# DTB (by name and by DT node path) and for ACPI tables (by name and by table+offset);
# ids: narrows a waiver; a waiver that matches nothing is the warning waiver-unused
# (an error under -Werror), one naming no rule an error, one without a reason a YAML
# error; generate writes what a waived finding would have stopped. The waivers file
# and a description with waivers validate against the schemas.
. "$(dirname "$0")/lib.sh"
/usr/bin/python3 -c 'import yaml, jsonschema' 2>/dev/null || skip "python3-yaml or python3-jsonschema not installed"
virt=$GICDESC_SRC/examples/qemu-virt/qemu-virt.yaml

# A second root complex on pcie0's DeviceIDs: one device-id-collision (RIDs 0x0000-0xffff).
mk() { # OUT [WAIVERS-YAML]: the broken description, with the waivers: given
	/usr/bin/python3 "$GICDESC_SRC/tests/cli/collision_yaml.py" "$virt" "$1" "${2:-}"
}
run() { set +e; out=$("$GICDESC" "$@" 2>&1); st=$?; set -e; }

mk "$WORK/bad.yaml"
run check "$WORK/bad.yaml"
check "unwaived: device-id-collision, exit 1" bash -c "[ $st = 1 ] && grep -q 'error: .*\[device-id-collision\]' <<<'$out'"

mk "$WORK/waived.yaml" '[{rule: device-id-collision, node: pcie1, reason: "bus 1 is a debug port (FW-123)"}]'
run check "$WORK/waived.yaml"
check "waivers: the finding is a note with the reason, exit 0" bash -c \
	"[ $st = 0 ] && grep -q 'note: waived (bus 1 is a debug port (FW-123)): RIDs 0x0000-0xffff of pcie0 and RIDs 0x0000-0xffff of pcie1 .*\[device-id-collision\]' <<<'$out'"
check "waivers: counted as neither" grep -qx '0 errors, 0 warnings' <<<"$out"

mk "$WORK/ids.yaml" '[{rule: device-id-collision, node: pcie1, ids: {base: 0x20000, count: 0x100}, reason: "another range"}]'
run check "$WORK/ids.yaml"
check "ids: that the finding does not name: not waived, and the waiver is stale" bash -c \
	"[ $st = 1 ] && grep -q 'error: .*\[device-id-collision\]' <<<'$out' && grep -q 'ids.yaml:[0-9]*:[0-9]*: warning: waiver for device-id-collision on pcie1 matches no finding.*\[waiver-unused\]' <<<'$out'"
mk "$WORK/ids2.yaml" '[{rule: device-id-collision, node: pcie1, ids: {base: 0x80, count: 1}, reason: "within"}]'
run check "$WORK/ids2.yaml"
check "ids: an ID inside the finding's range: waived" test "$st" = 0

mk "$WORK/norule.yaml" '[{rule: no-such-rule, node: pcie1, reason: "x"}]'
run check "$WORK/norule.yaml"
check "a waiver naming no rule: exit 1" test "$st" = 1
check "a waiver naming no rule: an error saying so" grep -q "error: waiver for 'no-such-rule': no rule or tag has that name" <<<"$out"
mk "$WORK/noreason.yaml" '[{rule: device-id-collision, node: pcie1, reason: " "}]'
run check "$WORK/noreason.yaml"
check "a waiver without a reason: a YAML error at its line" bash -c \
	"[ $st != 0 ] && grep -q 'noreason.yaml:[0-9]*:[0-9]*: error: a waiver gives its reason.*\[yaml-value\]' <<<'$out'"

# generate: refused without the waiver, written with it.
run generate -q -o "$WORK/gen-bad" -f dtb,iort,madt "$WORK/bad.yaml"
check "generate: the finding stops it" bash -c "[ $st = 1 ] && [ ! -e '$WORK/gen-bad' ]"
run generate -q -o "$WORK/gen" -f dtb,iort,madt "$WORK/waived.yaml"
check "generate: the waived finding does not" bash -c "[ $st = 0 ] && [ -s '$WORK/gen/qemu-virt.dtb' ] && [ -s '$WORK/gen/iort.aml' ]"

# --waivers FILE for the DTB and the tables generated from the broken description.
dtb=$WORK/gen/qemu-virt.dtb
acpi=("$WORK/gen/iort.aml" "$WORK/gen/madt.aml")
run check "$dtb"
check "DTB: the collision is there" grep -q '\[device-id-collision\]' <<<"$out"
where=$(sed -n 's|^[^:]*:\(/[^:]*\): error: .*\[device-id-collision\]$|\1|p' <<<"$out" | head -n1)
run check "${acpi[@]}"
offset=$(sed -n 's|^.*/\(iort.aml:+0x[0-9a-f]*\): error: .*\[device-id-collision\]$|\1|p' <<<"$out" | head -n1)
check "IORT: the collision is at an offset ($offset)" test -n "$offset"
cat >"$WORK/w-path.yaml" <<W
gicdesc-waivers: 1
waivers:
  - { rule: device-id-collision, node: "$where", reason: "reviewed: FW-123" }
W
cat >"$WORK/w-offset.yaml" <<W
gicdesc-waivers: 1
waivers:
  - { rule: device-id-collision, node: "${offset/:/}", reason: "reviewed: FW-123" }
  - { rule: mmio-overlap, node: gone0, reason: "fixed long ago" }
W
run check --waivers "$WORK/w-path.yaml" "$dtb"
check "DTB waived by its node path ($where)" bash -c "[ $st = 0 ] && grep -qx '0 errors, 0 warnings' <<<'$out'"
run check --waivers "$WORK/w-offset.yaml" "${acpi[@]}"
check "IORT waived by table+offset: exit 0" test "$st" = 0
check "IORT waived by table+offset: a note with the reason" grep -q 'note: waived (reviewed: FW-123)' <<<"$out"
check "the stale waiver warns at its line" grep -q 'w-offset.yaml:4:5: warning: waiver for mmio-overlap on gone0 matches no finding' <<<"$out"
run check -Werror --waivers "$WORK/w-offset.yaml" "${acpi[@]}"
check "-Werror: the stale waiver fails the run, the waived finding does not" bash -c \
	"[ $st = 1 ] && grep -qx '1 error, 0 warnings' <<<'$out'"
run check --each --format json --waivers "$WORK/w-offset.yaml" "${acpi[@]}" "$dtb"
check "--each JSON: the stale waiver is an input of its own" /usr/bin/python3 -c '
import json, sys
j = json.loads(sys.argv[1])
last = j["inputs"][-1]
assert last["input"] == "--waivers" and last["warnings"] == 1, last
assert j["inputs"][0]["errors"] == 0 and j["inputs"][1]["errors"] == 1' "$out"
run check --format sarif --waivers "$WORK/w-path.yaml" "$dtb"
check "SARIF: the waived finding is a note under its rule" /usr/bin/python3 -c '
import json, sys
r = [x for x in json.loads(sys.argv[1])["runs"][0]["results"] if x["ruleId"] == "device-id-collision"]
assert r and all(x["level"] == "note" and x["message"]["text"].startswith("waived (") for x in r), r' "$out"

check "schemas: the waivers file and a description with waivers validate" /usr/bin/python3 - \
	"$GICDESC_SRC/schemas" "$WORK/w-offset.yaml" "$WORK/waived.yaml" <<'PY'
import json, sys, yaml, jsonschema
d = sys.argv[1]
main = json.load(open(f"{d}/gicdesc.schema.json"))
wv = json.load(open(f"{d}/gicdesc-waivers.schema.json"))
store = {main["$id"]: main, wv["$id"]: wv}
for schema, doc in ((wv, sys.argv[2]), (main, sys.argv[3])):
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    jsonschema.Draft202012Validator(schema, resolver=resolver).validate(yaml.safe_load(open(doc)))
bad = {"gicdesc-waivers": 1, "waivers": [{"rule": "x", "node": "y", "reason": ""}]}
try:
    jsonschema.Draft202012Validator(wv, resolver=jsonschema.RefResolver.from_schema(wv, store=store)).validate(bad)
    sys.exit("an empty reason validated")
except jsonschema.ValidationError:
    pass
PY
finish

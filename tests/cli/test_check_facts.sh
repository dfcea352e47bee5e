#!/usr/bin/env bash
# Facts a DTB or ACPI tables cannot carry, given by option or facts file.
# Oracle: QEMU 7.2's own DTB and tables (tests/data/qemu-7.2), whose msi-map
# and IORT root complex map RIDs 0x0000-0xffff to DeviceIDs 0x0000-0xffff of
# the one ITS (virt.dts line "msi-map = <0x00 0x8006 0x00 0x10000>", IORT
# ID count 0xffff): 8 DeviceID bits (DeviceIDs 0x00-0xff) leave RIDs
# 0x0100-0xffff past the ITS; 16 bits hold them all. Positions in the bad
# facts files are counted by hand.
. "$(dirname "$0")/lib.sh"

M=$QEMU_DATA/virt-gicv3-its-smp4
DTB=$M/virt.dtb
ACPI=("$M/IORT.dat" "$M/APIC.dat")
# rules IN...: the rule names of the JSON report's errors and warnings, sorted, one line.
rules() {
	"$GICDESC" check --format json "$@" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)["diagnostics"]
print(" ".join(sorted({g["rule"] for g in d if g["severity"] in ("error", "warning")
                       and g["rule"]})))'
}
# status CMD...: prints the exit status of CMD.
status() { local s=0; "$@" >/dev/null 2>&1 || s=$?; echo "$s"; }

check "DTB with assumed widths: no device-id-range" test "$(rules "$DTB")" = ""
out=$("$GICDESC" check "$DTB")
check "DTB: the DeviceID width is reported as assumed" grep -q 'assumed: ITS DeviceID bits assumed 32' <<<"$out"

check "DTB --device-id-bits 8: device-id-range" test "$(rules --device-id-bits 8 "$DTB")" = "device-id-range"
check "DTB --device-id-bits 8: exit 1" test "$(status "$GICDESC" check --device-id-bits 8 "$DTB")" = 1
out=$("$GICDESC" check --device-id-bits 8 "$DTB" || true)
check "DTB --device-id-bits 8: the report names RIDs 0x0100-0xffff" \
	grep -q 'RIDs 0x0100-0xffff of pcie@10000000 reach DeviceIDs 0x0100-0xffff of its@8080000' <<<"$out"
check "DTB --device-id-bits 8: given, not assumed" \
	grep -q 'note: given by --device-id-bits: 8 DeviceID bits, every ITS' <<<"$out"
check "DTB --device-id-bits 8: no 'DeviceID bits assumed' note" \
	test "$(grep -c 'DeviceID bits assumed' <<<"$out")" = 0
check "DTB --device-id-bits 8: EventID bits still assumed" grep -q 'EventID bits assumed 32' <<<"$out"

check "ACPI --device-id-bits 8: device-id-range" \
	test "$(rules --device-id-bits 8 "${ACPI[@]}")" = "device-id-range"
check "ACPI default 16 DeviceID bits: clean" test "$(rules "${ACPI[@]}")" = ""

# The facts file: per-ITS facts by base, DT path, ITS ID; global ones.
cat >"$WORK/base.yaml" <<'EOF'
gicdesc-facts: 1
its:
  - { base: 0x08080000, device-id-bits: 8 }
EOF
cat >"$WORK/path.yaml" <<'EOF'
gicdesc-facts: 1
its:
  - dt-path: /intc@8000000/its@8080000
    device-id-bits: 8
EOF
cat >"$WORK/id.yaml" <<'EOF'
gicdesc-facts: 1
gic-version: 3
spis: 256
intid-bits: 16
event-id-bits: 16
its: [{id: 0, device-id-bits: 8}]
EOF
for f in base path id; do
	check "DTB --facts $f.yaml: device-id-range" \
		test "$(rules --facts "$WORK/$f.yaml" "$DTB")" = "device-id-range"
done
check "ACPI --facts base.yaml (MADT GIC ITS base): device-id-range" \
	test "$(rules --facts "$WORK/base.yaml" "${ACPI[@]}")" = "device-id-range"
check "ACPI --facts path.yaml: a DT path names no ITS of ACPI tables (warning)" \
	test "$(rules --facts "$WORK/path.yaml" "${ACPI[@]}")" = "facts-unused"
out=$("$GICDESC" check --facts "$WORK/path.yaml" "${ACPI[@]}")
check "ACPI --facts path.yaml: the unused fact is reported at its line" \
	grep -q "path.yaml:3:5: warning: no input has the ITS with DT path /intc@8000000/its@8080000" <<<"$out"
out=$("$GICDESC" check --facts "$WORK/id.yaml" "$DTB" || true)
for want in 'id.yaml:2:14: note: given: GIC version 3' 'id.yaml:3:7: note: given: 256 SPIs' \
	'id.yaml:4:13: note: given: 16 INTID bits' 'id.yaml:5:16: note: given: 16 EventID bits, every ITS' \
	'id.yaml:6:7: note: given: 8 DeviceID bits for the ITS with ID 0'; do
	check "facts file note: $want" grep -qF "$want" <<<"$out"
done
check "facts file: nothing it gives is assumed" \
	test "$(grep -cE 'assumed: (GIC version|number of SPIs|INTID bits|its@8080000 (DeviceID|EventID))' <<<"$out")" = 0
printf 'gicdesc-facts: 1\ndevice-id-bits: 8\n' >"$WORK/every.yaml"
check "--facts every.yaml (8 bits, every ITS): device-id-range" \
	test "$(rules --facts "$WORK/every.yaml" "$DTB")" = "device-id-range"
check "an option wins over the file, before or after it" \
	test "$(rules --device-id-bits 16 --facts "$WORK/every.yaml" "$DTB")$(rules --facts \
		"$WORK/every.yaml" --device-id-bits 16 "$DTB")" = ""
check "a fact for one ITS wins over one for every ITS" \
	test "$(rules --device-id-bits 16 --facts "$WORK/base.yaml" "$DTB")" = "device-id-range"
check "resolve takes the facts too" \
	"$GICDESC" resolve --facts "$WORK/base.yaml" "$DTB" pcie@10000000:0x100

# Bad facts: FILE:LINE:COL: error ... [rule], exit 2, nothing checked.
printf 'gicdesc-facts: 1\nspis: 100\n' >"$WORK/bad1.yaml"
printf 'gicdesc-facts: 1\nits:\n  - { base: 0x08080000, devce-id-bits: 8 }\n' >"$WORK/bad2.yaml"
printf 'gicdesc-facts: 1\nits:\n  - { device-id-bits: 8 }\n' >"$WORK/bad3.yaml"
printf 'spis: 256\n' >"$WORK/bad4.yaml"
printf 'gicdesc-facts: 1\ngic-version: 5\n' >"$WORK/bad5.yaml"
printf 'gicdesc-facts: 1\nits: {id: 0}\n' >"$WORK/bad6.yaml"
printf 'gicdesc-facts: 1\nits: [{id: 0, device-id-bits: 33}]\n' >"$WORK/bad7.yaml"
while read -r f want; do
	s=0
	err=$("$GICDESC" check --facts "$WORK/$f" "$DTB" 2>&1 >/dev/null) || s=$?
	check "$f: exit 2" test "$s" = 2
	check "$f: $want" grep -qF "$WORK/$f:$want" <<<"$err"
done <<'EOF'
bad1.yaml 2:7: error: spis: 100 must be a multiple of 32 from 32 to 960, or 988 [yaml-value]
bad2.yaml 3:25: error: unknown key 'devce-id-bits' in ITS fact; did you mean 'device-id-bits'? [yaml-unknown-key]
bad3.yaml 3:5: error: an ITS fact names its ITS with id, base or dt-path [yaml-missing-key]
bad4.yaml 1:1: error: the facts file: missing required key 'gicdesc-facts' [yaml-missing-key]
bad5.yaml 2:14: error: gic-version: 5 must be 3, 4 or 4.1 [yaml-value]
bad6.yaml 2:6: error: expected a list of ITS facts, found a mapping [yaml-type]
bad7.yaml 2:31: error: device-id-bits: 33 is outside 1..32 [yaml-value]
EOF
for bad in "--device-id-bits 0" "--event-id-bits 33" "--spis 1000" "--intid-bits 13" "--gic-version 2"; do
	# shellcheck disable=SC2086
	check "check $bad: exit 2" test "$(status "$GICDESC" check $bad "$DTB")" = 2
	# shellcheck disable=SC2086
	check "resolve $bad: exit 2" test "$(status "$GICDESC" resolve $bad "$DTB" pcie@10000000)" = 2
done
# schemas/gicdesc-facts.schema.json agrees (python3-jsonschema, a reader nobody here wrote).
if /usr/bin/python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	for f in base path id every; do
		check "schema: $f.yaml is valid" /usr/bin/python3 - "$GICDESC_SRC/schemas/gicdesc-facts.schema.json" "$WORK/$f.yaml" <<'PY'
import json, sys, jsonschema, yaml
jsonschema.validate(yaml.safe_load(open(sys.argv[2])), json.load(open(sys.argv[1])))
PY
	done
	for f in bad1 bad2 bad3 bad4 bad5 bad6 bad7; do
		check "schema: $f.yaml is invalid" /usr/bin/python3 - "$GICDESC_SRC/schemas/gicdesc-facts.schema.json" "$WORK/$f.yaml" <<'PY'
import json, sys, jsonschema, yaml
try:
    jsonschema.validate(yaml.safe_load(open(sys.argv[2])), json.load(open(sys.argv[1])))
except jsonschema.ValidationError:
    sys.exit(0)
sys.exit(1)
PY
	done
else
	echo "# python3-jsonschema not installed: the schema part is skipped"
fi
check "two facts files: exit 2" \
	test "$(status "$GICDESC" check --facts "$WORK/base.yaml" --facts "$WORK/id.yaml" "$DTB")" = 2
finish

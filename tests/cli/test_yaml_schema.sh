#!/bin/bash
# SPDX-License-Identifier: MIT
# schemas/gicdesc.schema.json and the YAML front end must agree: every example
# and template (templates/) is valid against the schema (python3-jsonschema, python3-yaml: readers nobody
# here wrote) and loads without a diagnostic; every tests/data/yaml-bad/ file
# marked "# schema: invalid" is refused by the schema too.
set -u
: "${GICDESC:?}" "${GICDESC_SRC:?}" "${GICDESC_TMP:?}"
py=/usr/bin/python3
if ! "$py" -c 'import jsonschema, yaml' 2>/dev/null; then
	echo "SKIP: $py with jsonschema and yaml (Debian python3-jsonschema, python3-yaml) is needed"
	exit 77
fi
failures=0

# Schema verdicts: one line "valid FILE" or "invalid FILE: reason" per file.
mapfile -t examples < <(find "$GICDESC_SRC/examples" "$GICDESC_SRC/templates" -name '*.yaml' | sort)
mapfile -t bad < <(grep -l '^# schema: invalid' "$GICDESC_SRC"/tests/data/yaml-bad/*.yaml)
[ "${#examples[@]}" -gt 0 ] || { echo "FAIL: no examples"; exit 1; }

"$py" - "$GICDESC_SRC/schemas/gicdesc.schema.json" "${#examples[@]}" "${examples[@]}" "${bad[@]}" <<'PY' || failures=$((failures + 1))
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
n_good = int(sys.argv[2])
good, bad = sys.argv[3:3 + n_good], sys.argv[3 + n_good:]
failed = 0
for path in good + bad:
    with open(path, encoding="utf-8") as f:
        errors = list(validator.iter_errors(yaml.safe_load(f)))
    if path in good and errors:
        print(f"FAIL: {path}: schema refuses an example: {errors[0].message}")
        failed += 1
    elif path in bad and not errors:
        print(f"FAIL: {path}: schema accepts a bad description")
        failed += 1
print(f"schema: {len(good)} examples valid, {len(bad)} bad files refused" if not failed else "")
sys.exit(1 if failed else 0)
PY

# Every example loads: no error or warning points into it (back ends may still refuse to emit;
# a note, such as a finding the description declares intended, is no fault).
# DTB only: the IORT refuses Direct-LPI devices by design (test_check_examples.sh checks that).
out="$GICDESC_TMP/yaml-schema-out"
for f in "${examples[@]}"; do
	rm -rf "$out" && mkdir -p "$out"
	timeout 10 "$GICDESC" generate -f dtb -o "$out" "$f" >/dev/null 2>"$out.err"
	status=$?
	# a dt-rmr warning is the DT's limit, not a fault of the description (gicdesc(1))
	if [ "$status" -ge 2 ] || grep -F -- "$f:" "$out.err" | grep -v ': note: ' | grep -qv '\[dt-rmr\]$'; then
		echo "FAIL: $f does not load (status $status):"
		cat "$out.err"
		failures=$((failures + 1))
	fi
done
rm -rf "$out" "$out.err"
[ "$failures" -eq 0 ]

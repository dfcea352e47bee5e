#!/usr/bin/env bash
# check in CI over many inputs: --each (each input its own platform, no
# firmware-drift between them), -r DIR (what it finds, ACPI tables of one
# folder together, facts files skipped), the per-input summaries and the
# total, the worst exit status, JSON per input; -Werror and -q on check,
# generate and resolve; -o -; a missing file said as such.
. "$(dirname "$0")/lib.sh"

ex=$GICDESC_SRC/examples
virt=$ex/qemu-virt/qemu-virt.yaml
smmu=$ex/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml
ee=$ex/server-iort-ee/server-iort-ee.yaml # checks clean but for two dt-rmr warnings
dlpi=$ex/direct-lpi/direct-lpi.yaml       # three iort-direct-lpi errors

# Three descriptions of different platforms: as one platform they drift; --each not.
out=$("$GICDESC" check "$virt" "$smmu" "$ee" 2>&1 || true)
check "three platforms as one: firmware-drift" grep -q '\[firmware-drift\]' <<<"$out"
set +e
out=$("$GICDESC" check --each "$virt" "$smmu" "$ee" 2>&1)
st=$?
set -e
check "--each: exit 0 (warnings only)" test "$st" = 0
check "--each: no firmware-drift" bash -c '! grep -q firmware-drift <<<"$1"' _ "$out"
check "--each: a summary line per input" test "$(grep -c '^[^ ]*: [0-9]* errors\?, [0-9]* warnings\?$' <<<"$out")" = 3
check "--each: the input's own line" grep -qxF "$ee: 0 errors, 2 warnings" <<<"$out"
check "--each: the total" grep -qxF "3 inputs, 0 with errors or unreadable: 0 errors, 2 warnings" <<<"$out"

# The worst status wins: an input with errors (1), a missing one (2).
set +e
"$GICDESC" check --each "$virt" "$dlpi" >/dev/null 2>&1
st1=$?
out=$("$GICDESC" check --each "$dlpi" "$WORK/missing.dtb" "$virt" 2>&1)
st2=$?
set -e
check "--each: errors in one input exit 1" test "$st1" = 1
check "--each: an unreadable input exits 2" test "$st2" = 2
check "a missing file is said to be missing" grep -qF "$WORK/missing.dtb: error: cannot read this file: No such file or directory" <<<"$out"
check "--each goes on after an unreadable input" grep -qxF "$virt: 0 errors, 0 warnings" <<<"$out"

# -r DIR: a description, a facts file (skipped), a DTB, ACPI tables in a folder (one input).
tree=$WORK/tree
mkdir -p "$tree/dt" "$tree/acpi" "$tree/.hidden"
cp "$smmu" "$tree/desc.yaml"
printf 'gicdesc-facts: 1\nspis: 64\n' >"$tree/facts.yaml"
"$GICDESC" generate -q -o "$tree/dt" -f dtb "$smmu"
"$GICDESC" generate -q -o "$tree/acpi" -f iort,madt "$smmu"
cp "$tree/dt/"*.dtb "$tree/.hidden/"
set +e
out=$("$GICDESC" check -r "$tree" 2>&1)
st=$?
set -e
check "-r: exit 0" test "$st" = 0
check "-r: three inputs (desc, DTB, one ACPI platform), facts and hidden skipped" \
	grep -qxF "3 inputs, 0 with errors or unreadable: 0 errors, 0 warnings" <<<"$out"
check "-r: the tables of one folder make one input" \
	grep -qxF "$tree/acpi/iort.aml+$tree/acpi/madt.aml: 0 errors, 0 warnings" <<<"$out"

# JSON per input, totals the sum; SARIF one run.
"$GICDESC" check --each --format json "$virt" "$ee" "$dlpi" >"$WORK/each.json" || true
check "--each JSON: inputs, statuses and totals" /usr/bin/python3 - "$WORK/each.json" "$virt" "$ee" "$dlpi" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
ins = j["inputs"]
assert [i["input"] for i in ins] == sys.argv[2:5], ins
assert [i["status"] for i in ins] == [0, 0, 1], [i["status"] for i in ins]
assert [(i["errors"], i["warnings"]) for i in ins] == [(0, 0), (0, 2), (3, 0)]
assert (j["errors"], j["warnings"]) == (3, 2)
assert all(d["file"] == ins[1]["input"] for d in ins[1]["diagnostics"])
PY
"$GICDESC" check --each --format sarif "$virt" "$ee" >"$WORK/each.sarif" || true
check "--each SARIF: one run, the two warnings" /usr/bin/python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert len(s["runs"]) == 1
assert sum(r["level"] == "warning" for r in s["runs"][0]["results"]) == 2' "$WORK/each.sarif"

# -Werror: warnings fail check, generate (nothing written) and resolve.
set +e
"$GICDESC" check -q "$ee" >/dev/null; st0=$?
"$GICDESC" check -q -Werror "$ee" >"$WORK/werror.out"; st1=$?
"$GICDESC" generate -q -Werror -o "$WORK/gen-werror" "$ee" 2>/dev/null; st2=$?
set -e
check "check: warnings alone exit 0" test "$st0" = 0
check "check -Werror: the warnings are errors, exit 1" test "$st1" = 1
check "check -Werror: said as errors" test "$(grep -c ': error: .*\[dt-rmr\]$' "$WORK/werror.out")" = 2
check "generate -Werror: exit 1, nothing written" bash -c "[ $st2 = 1 ] && [ ! -e '$WORK/gen-werror' ]"
check "generate -Werror --force: written" "$GICDESC" generate -q -Werror --force -o "$WORK/gen-force" -f dtb "$ee"
check "generate -E: a rule made an error stops it" bash -c \
	"! '$GICDESC' generate -q -E dt-rmr -o '$WORK/gen-e' '$ee' 2>/dev/null && [ ! -e '$WORK/gen-e' ]"
# resolve: a fact for an ITS the DTB does not have is a loader's warning.
printf 'gicdesc-facts: 1\nits:\n  - { base: 0x1000000, device-id-bits: 8 }\n' >"$WORK/stray.yaml"
dtb=$WORK/gen/qemu-virt.dtb
"$GICDESC" generate -q -o "$WORK/gen" -f dtb "$virt"
check "resolve: a stray fact warns, exit 0" "$GICDESC" resolve --facts "$WORK/stray.yaml" "$dtb" pcie@4010000000:0x8
set +e
"$GICDESC" resolve -q -Werror --facts "$WORK/stray.yaml" "$dtb" pcie@4010000000:0x8 >/dev/null 2>"$WORK/resolve.err"
st=$?
set -e
check "resolve -Werror: the warning is an error, exit 1" test "$st" = 1
check "resolve -Werror -q: said as an error, no notes" bash -c \
	"grep -q ': error: ' '$WORK/resolve.err' && ! grep -q ': note: ' '$WORK/resolve.err'"

# -q: a clean run prints nothing; notes go.
check "check -q: clean prints nothing" test -z "$("$GICDESC" check -q "$virt")"
out=$("$GICDESC" check -q "$ex/qemu-virt-gicv4/qemu-virt-gicv4.yaml")
check "check -q: no notes" test -z "$out"
# The same warning of two DTBs in a row (no GIC, dtc's DTBs) is each DTB's own, with -q
# too (where no note stands between them).
cat >"$WORK/nogic.dts" <<'DTS'
/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	cpus {
		#address-cells = <1>;
		#size-cells = <0>;
		cpu@0 { device_type = "cpu"; compatible = "arm,cortex-a53"; reg = <0>; };
	};
};
DTS
dtc -q -I dts -O dtb -o "$WORK/nogic1.dtb" "$WORK/nogic.dts"
cp "$WORK/nogic1.dtb" "$WORK/nogic2.dtb"
for q in "" -q; do
	out=$("$GICDESC" check --each $q "$WORK/nogic1.dtb" "$WORK/nogic2.dtb" 2>&1 || true)
	check "check --each${q:+ $q}: each of two DTBs without a GIC says so" \
		test "$(grep -c '/: warning: no enabled arm,gic-v3' <<<"$out")" = 2
done

# -o -: one format to standard output, byte for byte the file.
"$GICDESC" generate -q -o "$WORK/gen" -f dts "$virt"
check "generate -o -: the DTS on standard output" cmp -s <("$GICDESC" generate -o - -f dts "$virt") "$WORK/gen/qemu-virt.dts"
check "generate -o - with several formats: refused" bash -c "! '$GICDESC' generate -o - '$virt' >/dev/null 2>&1"
check "no folder named -" test ! -e ./-
finish

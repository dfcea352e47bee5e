#!/usr/bin/env bash
# gicdesc import against oracles nobody here wrote:
# - QEMU 7.2's own DTBs (tests/data/qemu-7.2): import, then generate, gives a DTB whose routes
#   are the original's (`gicdesc check ORIGINAL REGENERATED`: no firmware-drift) and whose DT
#   facts (dt_facts.py: root, GIC, ITS, GICv2m, CPUs, PMU, SMMU, PCIe) are the original's;
# - QEMU 7.2's IORT and MADT, with an MCFG as QEMU's build_mcfg() writes it (lib.sh's
#   qemu_mcfg_dsl, compiled by iasl here): the regenerated tables decode under iasl field for
#   field as QEMU's (IORT with tools/iasl-modern, MADT with Debian's iasl, as
#   test_acpi_oracles.sh), and byte for byte (the header's OEM and creator fields are the
#   tables' own);
# - the DTB and the tables of one machine together: one description, whose DTB and tables are
#   both the originals' as above; a DTB whose msi-map disagrees with the IORT is reported
#   (firmware-drift, a warning) and the DT's routes are kept;
# - every example's generated DTB imported again round-trips the same way;
# - refusals: tables without their MCFG (no ECAM base, bus range), a DT msi-map-mask: exit 1,
#   "FILE:WHERE: error: ... [import-*]", no file written; a YAML input: exit 2;
# - every description written is valid against schemas/gicdesc.schema.json (python3-jsonschema)
#   and starts with the yaml-language-server modeline naming the schema's $id.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"
command -v iasl >/dev/null || skip "iasl (Debian acpica-tools) not installed"
/usr/bin/python3 -c 'import libfdt, jsonschema, yaml' 2>/dev/null ||
	skip "python3-libfdt, python3-jsonschema and python3-yaml are needed"
MODERN=$GICDESC_SRC/tools/iasl-modern
facts() { /usr/bin/python3 "$GICDESC_SRC/tests/cli/dt_facts.py" "$1"; }
valid() { # valid YAML...: each validates against the schema and names its $id in line 1
	/usr/bin/python3 - "$GICDESC_SRC/schemas/gicdesc.schema.json" "$@" <<'PY'
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    errors = list(validator.iter_errors(yaml.safe_load(text)))
    for e in errors[:3]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    modeline = "# yaml-language-server: $schema=https://gicdesc.dev/schemas/gicdesc.schema.json\n"
    if not text.startswith(modeline):
        print(f"{path}: no modeline naming the schema's $id")
        errors.append(0)
    bad += bool(errors)
sys.exit(1 if bad else 0)
PY
}
written=()

# same_dt ORIGINAL YAML WHAT: generate YAML's DTB; same routes and DT facts as ORIGINAL.
same_dt() {
	local out
	out=$(mktemp -d "$WORK/gen.XXXXXX")
	if ! "$GICDESC" generate -q -f dtb -o "$out" "$2" >"$out.log" 2>&1; then
		cat "$out.log"
		not_ok "$3: generate"
		return
	fi
	set +e
	"$GICDESC" check "$1" "$out"/*.dtb >"$out.check" 2>&1
	set -e
	check "$3: routes as the original's (no firmware-drift)" bash -c "! grep -q firmware-drift '$out.check'"
	if diff <(facts "$1" | wired_hosts) <(facts "$out"/*.dtb | wired_hosts) >"$out.diff"; then
		ok "$3: DT facts as the original's"
	else
		cat "$out.diff"
		not_ok "$3: DT facts as the original's"
	fi
}

# same_tables DIR YAML WHAT: generate YAML's IORT and MADT; iasl decodes them as DIR's.
same_tables() {
	local out
	out=$(mktemp -d "$WORK/acpi.XXXXXX")
	if ! "$GICDESC" generate -q -f iort,madt -o "$out" "$2" >"$out.log" 2>&1; then
		cat "$out.log"
		not_ok "$3: generate"
		return
	fi
	iasl_disassemble "$MODERN" "$1/IORT.dat" "$out/qemu-iort.dsl"
	iasl_disassemble "$MODERN" "$out/iort.aml" "$out/our-iort.dsl"
	iasl_disassemble iasl "$1/APIC.dat" "$out/qemu-madt.dsl"
	iasl_disassemble iasl "$out/madt.aml" "$out/our-madt.dsl"
	for t in iort madt; do
		if [ -s "$out/our-$t.dsl" ] && diff <(iasl_fields "$out/qemu-$t.dsl") <(iasl_fields "$out/our-$t.dsl"); then
			ok "$3: iasl decodes our ${t^^} field for field as QEMU's"
		else
			not_ok "$3: iasl decodes our ${t^^} field for field as QEMU's"
		fi
	done
	# the OEM and creator fields come from the tables too: nothing differs, not even the checksum
	check "$3: our IORT is QEMU's byte for byte" cmp -s "$1/IORT.dat" "$out/iort.aml"
	check "$3: our MADT is QEMU's byte for byte" cmp -s "$1/APIC.dat" "$out/madt.aml"
}

# import NAME INPUT...: gicdesc import -o $WORK/NAME.yaml INPUT..., status in $st, stderr in $WORK/NAME.err
import() {
	local name=$1
	shift
	set +e
	"$GICDESC" import -q -o "$WORK/$name.yaml" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
	st=$?
	set -e
	[ "$st" = 0 ] && written+=("$WORK/$name.yaml")
	return 0
}

# --- QEMU 7.2's DTBs ---
for d in "$QEMU_DATA"/*/; do
	d=${d%/}
	m=$(basename "$d")
	import "$m" "$d/virt.dtb"
	check "$m DTB: import exits 0 ($st)" test "$st" = 0
	[ "$st" = 0 ] && same_dt "$d/virt.dtb" "$WORK/$m.yaml" "$m DTB"
done
check "the description of a DTB names what it assumed" grep -q '^  # assumed: GIC version assumed 3' "$WORK/virt-gicv3-its-smp4.yaml"
check "... in hex where addresses and IDs are meant" \
	grep -q 'output-base: 0x0, output: its_8080000' "$WORK/virt-gicv3-its-smp4.yaml"
check "... and the SMMUv3's StreamID -> DeviceID mapping that the DT's msi-map and iommu-map imply" \
	grep -q '{ input-base: 0x0, count: 0x10000, output-base: 0x0, output: its_8080000 }' \
	"$WORK/virt-gicv3-its-smmuv3-smp2.yaml"

# --- QEMU 7.2's IORT and MADT, with QEMU's MCFG ---
qemu_mcfg_dsl 00 FF >"$WORK/mcfg.dsl"
(cd "$WORK" && iasl -p mcfg mcfg.dsl >/dev/null)
for d in "$QEMU_DATA"/*/; do
	[ -e "$d/IORT.dat" ] || continue
	m=$(basename "$d")
	import "$m-acpi" "$d/IORT.dat" "$d/APIC.dat" "$WORK/mcfg.aml"
	check "$m IORT+MADT+MCFG: import exits 0 ($st)" test "$st" = 0
	[ "$st" = 0 ] && same_tables "$d" "$WORK/$m-acpi.yaml" "$m IORT+MADT"

	import "$m-nomcfg" "$d/IORT.dat" "$d/APIC.dat"
	check "$m IORT+MADT without MCFG: refused, exit 1 ($st)" test "$st" = 1
	check "... at the IORT root complex node, naming the rule" \
		grep -q "IORT.dat:+0x48: error: root complex 'pcie0' (PCI segment 0): .*MCFG.*\[import-ecam-unknown\]$" "$WORK/$m-nomcfg.err"
	check "... and no file is written" test ! -e "$WORK/$m-nomcfg.yaml"
done

# --- a DTB and the tables of one machine ---
smp4=$QEMU_DATA/virt-gicv3-its-smp4
import merged "$smp4/virt.dtb" "$smp4/IORT.dat" "$smp4/APIC.dat" "$WORK/mcfg.aml"
check "DTB+IORT+MADT+MCFG: import exits 0 ($st), with no disagreement" \
	bash -c "[ $st = 0 ] && ! grep -q firmware-drift '$WORK/merged.err'"
same_dt "$smp4/virt.dtb" "$WORK/merged.yaml" "DTB+tables, as the DTB"
same_tables "$smp4" "$WORK/merged.yaml" "DTB+tables, as the tables"
check "... the tables' ITS IDs and processor UIDs are no longer assumed" \
	bash -c "! grep -q 'ITS IDs assumed\|processor UIDs assumed' '$WORK/merged.yaml'"
sed 's/msi-map = <0x00 0x8006 0x00 0x10000>/msi-map = <0x00 0x8006 0x10 0x10000>/' "$smp4/virt.dts" >"$WORK/drift.dts"
import drift "$WORK/drift.dts" "$smp4/IORT.dat" "$smp4/APIC.dat" "$WORK/mcfg.aml"
check "a DTS whose msi-map disagrees with the IORT: exit 0 ($st)" test "$st" = 0
check "... the disagreement is reported (firmware-drift, a warning)" \
	grep -q 'warning: PCI segment 0 RIDs 0x0000-0xffff .*drift.dts gives ITS at 0x8080000 (its@8080000) DeviceIDs 0x0010-0x1000f, but ACPI .* gives ITS at 0x8080000 (its0) DeviceIDs 0x0000-0xffff \[firmware-drift\]$' \
	"$WORK/drift.err"
check "... and the DT's routes are written" grep -q 'count: 0x10000, output-base: 0x10, output: its_8080000' "$WORK/drift.yaml"

# --- every example's DTB, imported again (with its IORT and MADT where it has PMCGs, whose
# IORT node reference a DT cannot state) ---
for y in "$GICDESC_SRC"/examples/*/*.yaml; do
	m=$(basename "$y" .yaml)
	mkdir -p "$WORK/ex-$m"
	"$GICDESC" generate -q -f dtb,iort,madt -o "$WORK/ex-$m" "$y" 2>/dev/null ||
		"$GICDESC" generate -q -f dtb -o "$WORK/ex-$m" "$y" 2>/dev/null ||
		{ not_ok "$m: generate the example's DTB"; continue; }
	import "ex-$m" "$WORK/ex-$m/$m.dtb"
	if grep -q 'import-pmcg-node\]$' "$WORK/ex-$m.err"; then
		check "example $m's DTB: refused for its PMCGs alone ($st)" \
			test "$st" = 1 -a -z "$(grep ': error: ' "$WORK/ex-$m.err" | grep -v 'import-pmcg-node\]$')"
		import "ex-$m" "$WORK/ex-$m/$m.dtb" "$WORK/ex-$m/iort.aml" "$WORK/ex-$m/madt.aml"
		check "... with its IORT and MADT, the PMCGs have their node" grep -q '^    node: iommu_' "$WORK/ex-$m.yaml"
	fi
	check "example $m's DTB: import exits 0 ($st)" test "$st" = 0
	[ "$st" = 0 ] && same_dt "$WORK/ex-$m/$m.dtb" "$WORK/ex-$m.yaml" "example $m's DTB"
done

# --- refusals ---
sed 's/msi-map = </msi-map-mask = <0xff00>;\n\t\tmsi-map = </' "$smp4/virt.dts" >"$WORK/mask.dts"
import mask "$WORK/mask.dts"
check "a DT msi-map-mask: refused, exit 1 ($st)" test "$st" = 1
check "... at the PCI host node, naming the rule" \
	grep -q "mask.dts:/pcie@10000000: error: 'pcie@10000000' has msi-map-mask 0xff00: .*\[import-map-mask\]$" "$WORK/mask.err"
check "... and no file is written" test ! -e "$WORK/mask.yaml"
import yaml "$GICDESC_SRC/examples/qemu-virt/qemu-virt.yaml"
check "a YAML description: refused, exit 2 ($st)" test "$st" = 2
set +e
"$GICDESC" import "$smp4/virt.dtb" >"$WORK/stdout.yaml" 2>/dev/null
st=$?
set -e
check "without -o the description goes to standard output, named as the DTB ($st)" \
	diff <(sed 's/^  name: virt$/  name: virt-gicv3-its-smp4/' "$WORK/stdout.yaml") "$WORK/virt-gicv3-its-smp4.yaml"

# --- the schema ---
if valid "${written[@]}" >"$WORK/schema.txt"; then
	ok "all ${#written[@]} descriptions written validate against the schema, modeline first"
else
	cat "$WORK/schema.txt"
	not_ok "all ${#written[@]} descriptions written validate against the schema, modeline first"
fi
finish

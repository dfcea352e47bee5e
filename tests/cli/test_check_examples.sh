#!/usr/bin/env bash
# Every example: its own outputs check clean, and the routes resolved from its
# YAML, its DTB and its IORT+MADT are identical (rule firmware-drift compares
# them ID range by ID range, matching sources by PCI segment / SMMU base).
# An example whose IORT cannot carry its routes (Direct LPI: IORT has no node
# for it) must be refused by `generate -f iort` with one error per such device
# (the YAML says how many devices use Direct LPI); YAML and DTB are compared.
# No diagnostic of generate (every format at once) or check is printed twice.
. "$(dirname "$0")/lib.sh"
/usr/bin/python3 -c 'import yaml' 2>/dev/null || skip "python3-yaml not installed"

# Real findings an example keeps because its hardware has them: example -> "rule count".
declare -A known_findings=(
	# Linux 6.12's rk3588-base.dtsi: mbi-ranges = <424 56>; a 16- or 32-vector Multi-MSI
	# block would get misaligned INTIDs: the DTB warns (the YAML states 8-vector blocks).
	[rk3588]="mbi-multi-msi-alignment 1"
	# IORT RMR nodes, which a device tree cannot say: one dt-rmr per RMR.
	[server-iort-ee]="dt-rmr 2"
)
for yaml in "$GICDESC_SRC"/examples/*/*.yaml; do
	name=$(basename "$yaml" .yaml)
	out="$WORK/$name"
	# Every format in one run (each representation built once): no line twice.
	"$GICDESC" generate -q --force -o "$WORK/all-$name" "$yaml" >"$WORK/gen.out" 2>&1 || true
	"$GICDESC" check "$yaml" >"$WORK/check.out" 2>&1 || true
	twice=$(sort "$WORK/gen.out" | uniq -d; grep -v "^[0-9]* errors" "$WORK/check.out" | sort | uniq -d || true)
	check "$name: generate (every format) and check each print no diagnostic twice${twice:+: $twice}" test -z "$twice"
	"$GICDESC" generate -q -f dtb -o "$out" "$yaml"
	dtb=$(ls "$out"/*.dtb)
	acpi=("$out/iort.aml" "$out/madt.aml")
	# Nodes whose msi-parent names the Direct-LPI target (not a GICv2m frame or MBI).
	direct=$(/usr/bin/python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1])); t = (d["gic"].get("direct-lpi") or {}).get("name")
print(sum(n.get("msi-parent") == t for k in ("root-complexes", "named-components")
          for n in d.get(k) or [] if t))' "$yaml")
	set +e
	"$GICDESC" generate -q -f iort,madt -o "$out" "$yaml" 2>"$WORK/gen.err"
	gen=$?
	set -e
	if [ "$direct" -gt 0 ]; then
		refused=$(grep -c 'error: IORT: .* raises its MSIs through Direct LPI.*, which IORT cannot express' "$WORK/gen.err" || true)
		check "$name: generate refuses the IORT, one error for each of its $direct Direct-LPI devices (status $gen, $refused errors)" \
			test "$gen" = 1 -a "$refused" = "$direct"
		acpi=()
	else
		check "$name: generate IORT and MADT" test "$gen" = 0
	fi
	set +e
	"$GICDESC" check --format json "$yaml" "$dtb" "${acpi[@]}" >"$WORK/r.json"
	st=$?
	set -e
	findings=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["errors"]+d["warnings"])' <"$WORK/r.json")
	# A Direct-LPI description is refused by its IORT alone: one iort-direct-lpi per device.
	known=${known_findings[$name]:-} known_rule=none known_count=0
	[ -n "$known" ] && known_rule=${known% *} known_count=${known#* }
	others=$(/usr/bin/python3 -c 'import json,sys; print(sum(g["rule"] not in ("iort-direct-lpi", sys.argv[1]) and g["severity"] in ("error", "warning") for g in json.load(sys.stdin)["diagnostics"]))' "$known_rule" <"$WORK/r.json")
	want_st=0
	[ "$direct" -gt 0 ] && want_st=1
	want=$((direct + known_count))
	check "$name: YAML, DTB${acpi:+ and IORT+MADT} route alike, $direct iort-direct-lpi findings${known:+, $known_count $known_rule} and no other (status $st, $findings findings)" \
		test "$st" = "$want_st" -a "$findings" = "$want" -a "$others" = 0
	[ "$direct" -gt 0 ] && continue
	# The same, one route at a time: resolve prints the same DeviceIDs (or SPI-based MSI
	# sink) for the first root complex's RIDs (named pcie<segment> in ACPI).
	deviceids() { sed -n 's/.*\(DeviceID 0x[0-9a-fx-]*\|(GICv2m frame: no DeviceID)\)$/\1/p'; }
	# A root complex with no id-map and no msi-parent (QEMU 11.1's GICv5 has no ITS) has none.
	read -r rc seg maps < <(/usr/bin/python3 -c 'import sys, yaml; r = yaml.safe_load(open(sys.argv[1]))["root-complexes"][0]; print(r["name"], int(str(r["segment"]), 0), int("id-map" in r or "msi-parent" in r))' "$yaml")
	y=$("$GICDESC" resolve "$yaml" "$rc" | deviceids)
	a=$("$GICDESC" resolve "$out/iort.aml" "$out/madt.aml" "pcie$seg" | deviceids)
	check "$name: resolve $rc gives ${y:-no DeviceID} from YAML and from IORT+MADT (pcie$seg)" \
		test "$maps" = 0 -o -n "$y" -a "$y" = "$a"
done
finish

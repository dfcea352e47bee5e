#!/usr/bin/env bash
# Every example: its own outputs check clean, and the routes resolved from its
# YAML, its DTB and its IORT+MADT are identical (rule firmware-drift compares
# them ID range by ID range, matching sources by PCI segment / SMMU base).
. "$(dirname "$0")/lib.sh"

for yaml in "$GICDESC_SRC"/examples/*/*.yaml; do
	name=$(basename "$yaml" .yaml)
	out="$WORK/$name"
	"$GICDESC" generate -q -f dtb,iort,madt -o "$out" "$yaml"
	dtb=$(ls "$out"/*.dtb)
	set +e
	"$GICDESC" check --format json "$yaml" "$dtb" "$out/iort.aml" "$out/madt.aml" >"$WORK/r.json"
	st=$?
	set -e
	findings=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["errors"]+d["warnings"])' <"$WORK/r.json")
	check "$name: YAML, DTB and IORT+MADT check clean and route alike (status $st, $findings findings)" \
		test "$st" = 0 -a "$findings" = 0
	# The same, one route at a time: resolve prints the same DeviceIDs (or SPI-based MSI
	# sink) for pcie0's RIDs.
	deviceids() { sed -n 's/.*\(DeviceID 0x[0-9a-fx-]*\|(GICv2m frame: no DeviceID)\)$/\1/p'; }
	y=$("$GICDESC" resolve "$yaml" pcie0 | deviceids)
	a=$("$GICDESC" resolve "$out/iort.aml" "$out/madt.aml" pcie0 | deviceids)
	check "$name: resolve pcie0 gives $y from YAML and from IORT+MADT" test -n "$y" -a "$y" = "$a"
done
finish

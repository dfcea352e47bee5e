#!/usr/bin/env bash
# The generative round trip: 300 seeded random platforms (tests/gen/gen_platform.py: GICv2,
# v3, v4 and v4.1; ITSes, SMMUv3s, PCI segments, root complexes with and without windows,
# named components, GICv2m frames, MBI, Direct LPI; IORT revisions 0, 3, 5 and MADT 3 to 6),
# each through tests/gen/roundtrip_seed.sh by scripts/roundtrip.sh: generate writes every
# format; dtc compiles our DTS to our DTB's tree and decompiles our DTB without a warning;
# iasl decodes our IORT and MADT without an error and compiles our source back to our bytes;
# check of the description with our DTB and our IORT+MADT reports no error and no drift but
# where IORT cannot carry a route; and every source resolves in all three to the routes the
# generator worked out. Any seed again: scripts/roundtrip.sh SEED 1.
# GICDESC_ROUNDTRIP_SEEDS sets the number of seeds (from seed 1).
# Needs: device-tree-compiler, cpp, acpica-tools, python3-yaml, python3-libfdt.
. "$(dirname "$0")/lib.sh"
for tool in dtc cpp iasl; do
	command -v "$tool" >/dev/null || skip "$tool is not installed"
done
/usr/bin/python3 -c 'import yaml, libfdt' 2>/dev/null || skip "python3-yaml or python3-libfdt is not installed"
"$GICDESC_SRC/tools/iasl-modern" -v >/dev/null 2>&1 || skip "tools/iasl-modern does not run (no Debian archive?)"

seeds=${GICDESC_ROUNDTRIP_SEEDS:-300}
start=$(date +%s)
# (a failed seed makes roundtrip.sh exit 1: its "not ok" lines say which, below)
ROUNDTRIP_DIR=$WORK/seeds bash "$GICDESC_SRC/scripts/roundtrip.sh" 1 "$seeds" >"$WORK/log" 2>&1 || true
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	*) echo "$line" ;;
	esac
done <"$WORK/log"
echo "# $seeds seeds in $(($(date +%s) - start)) s"
finish

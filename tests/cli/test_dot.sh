#!/usr/bin/env bash
# Format dot (NAME.dot): Graphviz's dot (the oracle) parses and draws the routing graph of
# every example with no message, and the QEMU SMMUv3 example's graph holds, as dot reads it
# back (-Tcanon), the two ID mappings of its description: pcie0 -> smmu0 (RIDs to StreamIDs)
# and smmu0 -> its0 (StreamIDs to DeviceIDs), and nothing else.
# Needs: graphviz.
. "$(dirname "$0")/lib.sh"
command -v dot >/dev/null || skip "dot (Debian graphviz) is not installed"

for yaml in "$GICDESC_SRC"/examples/*/*.yaml; do
	name=$(basename "$yaml" .yaml)
	"$GICDESC" generate -q -f dot -o "$WORK/$name" "$yaml" 2>/dev/null
	check "$name: dot draws the graph (SVG) with no message" \
		bash -c "dot -Tsvg -o '$WORK/$name.svg' '$WORK/$name/$name.dot' 2>'$WORK/$name.err' && ! [ -s '$WORK/$name.err' ] && [ -s '$WORK/$name.svg' ]"
done
canon=$(dot -Tcanon "$WORK/qemu-virt-smmuv3/qemu-virt-smmuv3.dot" | tr -d '\t' | grep -- '->' | tr -s ' ')
check "qemu-virt-smmuv3: two edges" test "$(grep -c -- '->' <<<"$canon")" = 2
check "... pcie0 -> smmu0, RIDs 0x0000-0xffff to StreamIDs 0x0000-0xffff" \
	grep -q 'pcie0 -> smmu0.*label="RID 0x0000-0xffff\\n-> StreamID 0x0000-0xffff"' <<<"$canon"
check "... smmu0 -> its0, StreamIDs to DeviceIDs 0x0000-0xffff" \
	grep -q 'smmu0 -> its0.*label="StreamID 0x0000-0xffff\\n-> DeviceID 0x0000-0xffff"' <<<"$canon"
finish

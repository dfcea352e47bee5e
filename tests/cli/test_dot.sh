#!/usr/bin/env bash
# Format dot (NAME.dot): Graphviz's dot (the oracle) parses and draws the routing graph of
# every example with no message, and the QEMU SMMUv3 example's graph holds, as dot reads it
# back (-Tcanon), the two ID mappings of its description: pcie0 -> smmu0 (RIDs to StreamIDs)
# and smmu0 -> its0 (StreamIDs to DeviceIDs), and nothing else.
# Format svg (NAME.svg) is exactly what dot -Tsvg draws of NAME.dot, the same bytes on every
# run (dot names its version in a comment, nothing else that changes); without dot on PATH,
# or when dot fails, generate says so and writes nothing.
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

smmuv3="$GICDESC_SRC/examples/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml"
for run in 1 2; do
	"$GICDESC" generate -q -f svg -o "$WORK/svg$run" "$smmuv3"
done
check "svg: what dot -Tsvg draws of the DOT" \
	cmp "$WORK/svg1/qemu-virt-smmuv3.svg" "$WORK/qemu-virt-smmuv3.svg"
check "svg: two runs give the same bytes" \
	cmp "$WORK/svg1/qemu-virt-smmuv3.svg" "$WORK/svg2/qemu-virt-smmuv3.svg"

# no_output DIR ERR MESSAGE: generate failed into DIR with an error containing MESSAGE and
# wrote nothing (DIR not even created).
no_output() { ! [ -e "$1" ] && grep -q "error: .*$3" "$2"; }
mkdir -p "$WORK/bin"
PATH="$WORK/bin" "$GICDESC" generate -f dot,svg -o "$WORK/nodot" "$smmuv3" 2>"$WORK/nodot.err" &&
	not_ok "svg without dot succeeds" || ok "svg without dot fails"
check "... saying Graphviz is needed, writing nothing (not even the .dot)" \
	no_output "$WORK/nodot" "$WORK/nodot.err" "needs Graphviz"
printf '#!/bin/sh\necho "Error: <stdin>: syntax error in line 1" >&2\nexit 1\n' >"$WORK/bin/dot"
chmod +x "$WORK/bin/dot"
PATH="$WORK/bin" "$GICDESC" generate -f svg -o "$WORK/baddot" "$smmuv3" 2>"$WORK/baddot.err" &&
	not_ok "svg with a failing dot succeeds" || ok "svg with a failing dot fails"
check "... quoting dot's message, writing nothing" \
	no_output "$WORK/baddot" "$WORK/baddot.err" "dot -Tsvg failed (exit status 1): Error: <stdin>: syntax"
finish

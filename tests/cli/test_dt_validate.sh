#!/bin/bash
# dt-validate (Debian's dt-schema) against the Device Tree bindings of Linux 6.1 plus this
# project's draft bindings (schemas/bindings/*/*.yaml, each first checked by dt-doc-validate)
# must report nothing for our DTB of every example (the GICv4.1 server example: but a stated
# gap of the Linux bindings). The processed bindings come from
# tools/dt-bindings-6.1 (Debian's linux-source-6.1); skips when that is not installed.
# The draft bindings' own examples compile with dtc and validate too (as the kernel's
# dt_binding_check does: dt-extract-example, dtc, dt-validate).
set -u
tmp=${GICDESC_TMP:-/tmp}/dt-validate
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
bindings=("$GICDESC_SRC"/schemas/bindings/*/*.yaml)
schema=$("$GICDESC_SRC/tools/dt-bindings-6.1" "${bindings[@]}")
status=$?
[ $status -eq 77 ] && { echo "SKIP: linux-source-6.1 is not installed"; exit 77; }
[ $status -eq 0 ] || { echo "FAIL: tools/dt-bindings-6.1"; exit 1; }
fail=0
for yaml in "$GICDESC_SRC"/examples/*/*.yaml; do
  name=$(basename "$yaml" .yaml)
  if ! "$GICDESC" generate -q -f dtb -o "$tmp" "$yaml"; then
    echo "FAIL: $name: gicdesc generate"; fail=1; continue
  fi
  dt-validate -s "$schema" "$tmp/$name.dtb" > "$tmp/validate.out" 2>&1 || echo "dt-validate failed" >> "$tmp/validate.out"
  if [ "$name" = server-gicv4.1 ] || [ "$name" = server-iort-ee ]; then
    # Known gap of the Linux bindings, not of the tree: arm,gic-v3.yaml's ITS child and
    # arm,smmu-v3.yaml allow no numa-node-id, which Linux reads nonetheless (irq-gic-v3-its.c
    # its_of_probe(): of_node_to_nid(); numa.txt puts it on any device node). Exactly the
    # 4 ITS and 4 SMMUv3 nodes of the example carry it; nothing else may be reported.
    numa=$(grep -c "'numa-node-id' does not match any of the regexes" "$tmp/validate.out")
    if [ "$numa" = 8 ]; then
      echo "ok: $name: dt-validate reports only numa-node-id on its 4 ITS and 4 SMMUv3 nodes"
      grep -v -e "'numa-node-id' does not match any of the regexes" -e '^\s*$' -e '^\s*From schema: ' "$tmp/validate.out" > "$tmp/rest.out"
      mv "$tmp/rest.out" "$tmp/validate.out"
    fi
  fi
  if [ "$name" = rk3588 ]; then
    # A vendor PCIe host (pci/rockchip-dw-pcie.yaml) is the board's node as much as ours: its
    # clocks, phys, resets, power domains and lanes come from the board DTS (test_board_bases.sh
    # validates the board DTB with our description put in). Linux 6.1's binding also predates
    # the RK3588 (compatible, three ranges). Only those messages, on the 5 hosts, are allowed.
    host=$(grep -c "^$tmp/$name.dtb: pcie@[0-9a-f]*: " "$tmp/validate.out")
    grep -v -e "^$tmp/$name.dtb: pcie@[0-9a-f]*: " -e '^\s*$' \
      -e '^\s*From schema: .*/pci/rockchip-dw-pcie.yaml$' "$tmp/validate.out" > "$tmp/rest.out"
    if [ "$host" -gt 0 ] && ! grep -q "From schema" "$tmp/rest.out"; then
      echo "ok: $name: dt-validate reports only the board's properties of its 5 PCIe hosts ($host messages)"
      mv "$tmp/rest.out" "$tmp/validate.out"
    fi
  fi
  if [ -s "$tmp/validate.out" ]; then
    echo "FAIL: $name: dt-validate reports:"; cat "$tmp/validate.out"; fail=1
  else
    echo "ok: $name: dt-validate (Linux 6.1 bindings and ours) reports nothing for our DTB"
  fi
done
# The draft binding is applied, not merely loaded: a pool without its LPIs must be refused.
"$GICDESC" generate -q -f dts -o "$tmp" "$GICDESC_SRC/examples/direct-lpi/direct-lpi.yaml" &&
  sed '/arm,lpi-ranges = <9216 4>/d' "$tmp/direct-lpi.dts" > "$tmp/broken.dts" &&
  dtc -q -I dts -O dtb -o "$tmp/broken.dtb" "$tmp/broken.dts"
if dt-validate -s "$schema" "$tmp/broken.dtb" 2>&1 | grep -q "'arm,lpi-ranges' is a required property"; then
  echo "ok: dt-validate refuses a Direct-LPI pool without arm,lpi-ranges"
else
  echo "FAIL: dt-validate accepts a Direct-LPI pool without arm,lpi-ranges"; fail=1
fi
inc=$(mktemp -d "$tmp/inc.XXXXXX")
tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$inc" --strip-components=2 \
  'linux-source-6.1/include/dt-bindings' 2>/dev/null
for b in "${bindings[@]}"; do
  ex=$tmp/$(basename "$b" .yaml).example
  if dt-extract-example "$b" > "$ex.dts" &&
     cpp -P -nostdinc -I "$inc" -undef -D__DTS__ -x assembler-with-cpp "$ex.dts" > "$ex.pp.dts" &&
     dtc -q -I dts -O dtb -o "$ex.dtb" "$ex.pp.dts" &&
     dt-validate -s "$schema" "$ex.dtb" > "$ex.out" 2>&1 && [ ! -s "$ex.out" ]; then
    echo "ok: $(basename "$b"): its example compiles and validates"
  else
    echo "FAIL: $(basename "$b"): its example:"; cat "$ex.out" 2>/dev/null; fail=1
  fi
done
exit $fail

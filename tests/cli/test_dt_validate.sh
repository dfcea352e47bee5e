#!/bin/bash
# dt-validate (Debian's dt-schema) against the Device Tree bindings of Linux 6.1 must report
# nothing for our DTBs of the QEMU virt examples. The processed bindings come from
# tools/dt-bindings-6.1 (Debian's linux-source-6.1); skips when that is not installed.
set -u
tmp=${GICDESC_TMP:-/tmp}/dt-validate
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
schema=$("$GICDESC_SRC/tools/dt-bindings-6.1")
status=$?
[ $status -eq 77 ] && { echo "SKIP: linux-source-6.1 is not installed"; exit 77; }
[ $status -eq 0 ] || { echo "FAIL: tools/dt-bindings-6.1"; exit 1; }
fail=0
for name in qemu-virt qemu-virt-smmuv3 qemu-virt-gicv2; do
  if ! "$GICDESC" generate -q -f dtb -o "$tmp" "$GICDESC_SRC/examples/$name/$name.yaml"; then
    echo "FAIL: $name: gicdesc generate"; fail=1; continue
  fi
  if ! dt-validate -s "$schema" "$tmp/$name.dtb" > "$tmp/validate.out" 2>&1 || [ -s "$tmp/validate.out" ]; then
    echo "FAIL: $name: dt-validate reports:"; cat "$tmp/validate.out"; fail=1
  else
    echo "ok: $name: dt-validate (Linux 6.1 bindings) reports nothing for our DTB"
  fi
done
exit $fail

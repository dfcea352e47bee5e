#!/usr/bin/env bash
# cmake/Gicdesc.cmake: a project regenerates its DTB and tables as a build
# step, and again when (and only when) the description changes.
. "$(dirname "$0")/lib.sh"

cp "$EXAMPLE" "$WORK/board.yaml"
cmake -S "$GICDESC_SRC/tests/cli/cmake-plugin" -B "$WORK/build" -DGICDESC_SRC="$GICDESC_SRC" \
	-DGICDESC_EXECUTABLE="$GICDESC" -DBOARD_YAML="$WORK/board.yaml" >/dev/null
cmake --build "$WORK/build" >"$WORK/log1"
fw="$WORK/build/firmware"
check "build step wrote the DTB" test -s "$fw/qemu-virt.dtb"
check "build step wrote the IORT" test -s "$fw/iort.aml"
check "build step wrote the MADT" test -s "$fw/madt.aml"
check "only the formats asked for" test "$(cd "$fw" && ls | xargs)" = "iort.aml madt.aml qemu-virt.dtb"
check "consumer saw the outputs" grep -q "qemu-virt.dtb" "$WORK/build/packed.txt"

cmake --build "$WORK/build" >"$WORK/log2"
check "nothing to redo when nothing changed" bash -c "! grep -q 'gicdesc:' '$WORK/log2'"

sed -i 's/oem-revision: 1/oem-revision: 2/' "$WORK/board.yaml"
touch -d '+2 seconds' "$WORK/board.yaml"
cmake --build "$WORK/build" >"$WORK/log3"
check "a changed description regenerates" grep -q 'gicdesc:' "$WORK/log3"
# OEM revision is bytes 24..27 of every ACPI table header (ACPI 6.5 §5.2.6).
check "the new OEM revision is in the MADT" test "$(od -An -tu4 -j24 -N4 "$fw/madt.aml" | tr -d ' ')" = 2
finish

#!/usr/bin/env bash
# A DTS input goes through the C preprocessor as the kernel's scripts/Makefile.lib
# builds one (cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp, then dtc -i):
# #include <...> found through -I, a macro given with -D, a dtc /include/ beside the
# DTS, "linux,pci-domain" left alone (-undef); the result describes the same platform
# as the DTB it was made from (check of both: no firmware-drift). A missing include is
# cpp's own message with a hint; a dtc syntax error is dtc's.
# Needs: cpp, device-tree-compiler.
. "$(dirname "$0")/lib.sh"
command -v cpp >/dev/null || skip "cpp (Debian cpp) not installed"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"

"$GICDESC" generate -q -o "$WORK/gen" -f dts,dtb "$GICDESC_SRC/examples/qemu-virt/qemu-virt.yaml"
mkdir -p "$WORK/inc/board" "$WORK/dts"
printf '#define GIC_PPI 1\n#define IRQ_TYPE_LEVEL_HIGH 4\n' >"$WORK/inc/board/irq.h"
printf '/ { chosen { }; };\n' >"$WORK/dts/frag.dtsi"
# The generated DTS, its PMU PPI written with the header's macros, its GIC base with -D.
sed -e 's|^/dts-v1/;|/dts-v1/;\n#include <board/irq.h>\n/include/ "frag.dtsi"|' \
	-e 's|interrupt-controller@8000000 {|interrupt-controller@GICD_UNIT {|' \
	-e 's|interrupts = <1 7 4>;|interrupts = <GIC_PPI 7 IRQ_TYPE_LEVEL_HIGH>;|' \
	"$WORK/gen/qemu-virt.dts" >"$WORK/dts/board.dts"
check "the DTS uses the macros and has linux,pci-domain (cpp -undef keeps 'linux')" bash -c \
	"grep -q '<GIC_PPI 7 IRQ_TYPE_LEVEL_HIGH>' '$WORK/dts/board.dts' && grep -q 'linux,pci-domain' '$WORK/dts/board.dts'"

set +e
out=$("$GICDESC" check "$WORK/dts/board.dts" 2>&1)
st=$?
set -e
check "without -I: exit 2" test "$st" = 2
check "without -I: cpp's message and the hint" \
	grep -q "board.dts: error: cpp could not preprocess this DTS: .*board/irq.h.*(-I DIR gives an #include folder" <<<"$out"
out=$("$GICDESC" check -I "$WORK/inc" -D GICD_UNIT=8000000 "$WORK/dts/board.dts")
check "with -I and -D: clean" grep -qx "0 errors, 0 warnings" <<<"$out"
out=$("$GICDESC" check -I "$WORK/inc" -D GICD_UNIT=8000000 "$WORK/dts/board.dts" "$WORK/gen/qemu-virt.dtb")
check "the DTS and the DTB it came from: no firmware-drift" grep -qx "0 errors, 0 warnings" <<<"$out"
check "resolve takes -I and -D too" "$GICDESC" resolve -q -I "$WORK/inc" -D GICD_UNIT=8000000 "$WORK/dts/board.dts" pcie@4010000000:0x8

printf '/dts-v1/;\n/ { foo = <1 ; };\n' >"$WORK/dts/bad.dts"
set +e
out=$("$GICDESC" check "$WORK/dts/bad.dts" 2>&1)
st=$?
set -e
check "a syntax error: exit 2 with dtc's message" \
	bash -c "[ $st = 2 ] && grep -q 'bad.dts: error: dtc could not compile this DTS: Error: .*bad.dts:2' <<<'$out'"
finish

#!/usr/bin/env bash
# Every wired interrupt of a DTB is in the model: QEMU 7.2's own GICv3 DTB, edited by hand
# to carry the faults the rules look for in real boards (tests/corpus: RK3588's
# mbi-ranges over its USB PHYs, TSADC and SARADC): its GIC gets MBI on INTIDs 96-127, and
# - a device node whose SPI lies in the MBI range: spi-msi-wired, naming its node path;
# - two device nodes giving one SPI two trigger types: spi-trigger-mismatch;
# - and three that say nothing: the same trigger twice, a node without compatible (no
#   device Linux probes), a disabled device.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"
dtb=$WORK/virt.dtb
dtc -q -I dtb -O dts "$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" |
	sed 's|^\(\t*\)intc@8000000 {|&\n\1\tmsi-controller;\n\1\tmbi-ranges = <96 32>;|' >"$WORK/virt.dts"
cat >>"$WORK/virt.dts" <<'DTS'
/ {
	adc@9100000 { compatible = "test,adc"; interrupts = <0 70 4>; };       /* INTID 102: MBI */
	tsadc@9110000 { compatible = "test,tsadc"; interrupts = <0 10 4>; };   /* INTID 42, level */
	usbphy@9120000 { compatible = "test,usbphy"; interrupts = <0 10 1>; }; /* INTID 42, edge */
	thermal@9130000 { compatible = "test,thermal"; interrupts = <0 11 4>; };
	gpu@9140000 { compatible = "test,gpu"; interrupts = <0 11 4>; };       /* the same: fine */
	intc-child { interrupts = <0 11 1>; };                                  /* no device */
	off@9150000 { compatible = "test,off"; interrupts = <0 11 1>; status = "disabled"; };
};
DTS
dtc -q -I dts -O dtb -o "$dtb" "$WORK/virt.dts"
check "the edited DTB has MBI" grep -q "mbi-ranges = <96 32>" "$WORK/virt.dts"
set +e
"$GICDESC" check "$dtb" >"$WORK/out" 2>&1
st=$?
set -e
cat "$WORK/out"
check "exit status 1" test "$st" = 1
check "spi-msi-wired names /adc@9100000 and INTID 102" \
	grep -q "/adc@9100000:interrupts: error: .*INTID 102 of /adc@9100000 is a wired SPI inside MBI range .*\[spi-msi-wired\]" "$WORK/out"
check "spi-trigger-mismatch names INTID 42 and both nodes" \
	grep -q "error: SPI INTID 42 of /usbphy@9120000 is edge rising, but /tsadc@9110000 has it level high.*\[spi-trigger-mismatch\]" "$WORK/out"
check "exactly those two errors" test "$(grep -c ': error: ' "$WORK/out")" = 2
check "nothing about INTID 43 (same trigger, no compatible, disabled)" bash -c "! grep -q 'INTID 43' '$WORK/out'"
finish

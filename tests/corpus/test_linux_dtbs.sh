#!/usr/bin/env bash
# Real firmware: the arm64 device trees of Linux 6.12 (Debian's
# linux-source-6.12), built as the kernel builds them
# (scripts/build-dt-corpus.sh), each checked by `gicdesc check`.
# Every tree must load and check without a crash, a hang or a sanitizer
# report, and the errors must be exactly the reviewed real defects below:
# a new error is either a new false positive or a new finding to review.
. "$(dirname "$0")/../cli/lib.sh"
[ -r /usr/src/linux-source-6.12.tar.xz ] || skip "linux-source-6.12 not installed"

# Reviewed errors: "board rule" (the reason is in the comment above each).
# The GICD frame is 64 KiB (GICv3 architecture, GICD register map), but these
# trees give the GICD a reg of 1-2 MiB that covers the ITS frame (the node
# msi-controller@...820000 is inside it): two nodes claim the same registers.
# mbi-ranges over wired SPIs: arm,gic-v3.yaml mbi-ranges are INTIDs (Linux mbi_init(), and
# mbi_irq_gic_domain_alloc() asks the GIC for hwirq = range start + offset). RK3588's
# rk3588-base.dtsi gives <424 56> (INTIDs 424-479), which holds the wired SPIs of the
# USB2 PHYs (GIC_SPI 392-394: INTIDs 424-426), the TSADC (GIC_SPI 397: 429) and the SARADC
# (GIC_SPI 398: 430) of every RK3588 board that enables them; rk3568-lubancat-2.dts sets
# <94 31>, over the RGA (INTID 122), the VPU and its IOMMU (96, 95) and the PCIe host's
# own SPIs (103-107). An MSI given one of those SPIs would share it with the device.
# An ITS node without #msi-cells: arm,gic-v3.yaml (Linux 6.12) requires #msi-cells = <1> in
# every ITS subnode; cavium/thunder2-99xx.dtsi's msi-controller@4000100000 has none, so an
# msi-parent = <&gic_its DeviceID> would be read as 0-cell entries (of_msi_get_domain()).
# Broadcom Stingray (broadcom/stingray/stingray.dtsi): the GICR reg <0x02e00000 0x600000>
# (6 MiB, where 8 GIC-500 redistributors take 1 MiB) runs over the MMU-500 iommu@3000000
# (reg <0x03000000 0x80000>, both in /scr's window at 0x61000000): seen once arm,mmu-500
# nodes were loaded.
expected_errors=$(sort <<'LIST'
amd/elba-asic mmio-overlap
broadcom/stingray/bcm958742k mmio-overlap
broadcom/stingray/bcm958742t mmio-overlap
broadcom/stingray/bcm958802a802x mmio-overlap
cavium/thunder2-99xx its-binding
ti/k3-am68-sk-base-board mmio-overlap
ti/k3-j721s2-common-proc-board mmio-overlap
rockchip/rk3568-lubancat-2 spi-msi-wired
rockchip/rk3588-armsom-sige7 spi-msi-wired
rockchip/rk3588-coolpi-cm5-evb spi-msi-wired
rockchip/rk3588-coolpi-cm5-genbook spi-msi-wired
rockchip/rk3588-edgeble-neu6a-io spi-msi-wired
rockchip/rk3588-edgeble-neu6b-io spi-msi-wired
rockchip/rk3588-evb1-v10 spi-msi-wired
rockchip/rk3588-friendlyelec-cm3588-nas spi-msi-wired
rockchip/rk3588-jaguar spi-msi-wired
rockchip/rk3588-nanopc-t6-lts spi-msi-wired
rockchip/rk3588-nanopc-t6 spi-msi-wired
rockchip/rk3588-ok3588-c spi-msi-wired
rockchip/rk3588-orangepi-5-plus spi-msi-wired
rockchip/rk3588-quartzpro64 spi-msi-wired
rockchip/rk3588-rock-5-itx spi-msi-wired
rockchip/rk3588-rock-5b spi-msi-wired
rockchip/rk3588-tiger-haikou spi-msi-wired
rockchip/rk3588-toybrick-x0 spi-msi-wired
rockchip/rk3588-turing-rk1 spi-msi-wired
rockchip/rk3588s-coolpi-4b spi-msi-wired
rockchip/rk3588s-gameforce-ace spi-msi-wired
rockchip/rk3588s-indiedroid-nova spi-msi-wired
rockchip/rk3588s-khadas-edge2 spi-msi-wired
rockchip/rk3588s-nanopi-r6c spi-msi-wired
rockchip/rk3588s-nanopi-r6s spi-msi-wired
rockchip/rk3588s-odroid-m2 spi-msi-wired
rockchip/rk3588s-orangepi-5 spi-msi-wired
rockchip/rk3588s-rock-5a spi-msi-wired
LIST
)

corpus="$GICDESC_TMP/linux-6.12-dtbs"
"$GICDESC_SRC/scripts/build-dt-corpus.sh" "$corpus" >"$WORK/build.txt"
total=$(find "$corpus" -name '*.dtb' | wc -l)
check "the corpus built ($(cat "$WORK/build.txt"))" test "$total" -gt 1000

: >"$WORK/errors"
crashes=0 hangs=0 sanitizer=0 warnings=0 clean=0 nogic=0 twice=0
while IFS= read -r dtb; do
	board=${dtb#"$corpus"/}
	board=${board%.dtb}
	set +e
	timeout 30 "$GICDESC" check "$dtb" >"$WORK/out" 2>&1
	st=$?
	set -e
	[ "$st" -ge 124 ] && { [ "$st" = 124 ] && hangs=$((hangs + 1)) || crashes=$((crashes + 1)); echo "crash/hang ($st): $board"; }
	[ "$st" = 2 ] && { crashes=$((crashes + 1)); echo "unreadable: $board"; }
	grep -q 'Sanitizer\|runtime error' "$WORK/out" && { sanitizer=$((sanitizer + 1)); echo "sanitizer: $board"; }
	grep -q 'nothing here was checked' "$WORK/out" && nogic=$((nogic + 1))
	dup=$(grep -v '^[0-9]* errors' "$WORK/out" | sort | uniq -d | head -n1 || true)
	[ -n "$dup" ] && { twice=$((twice + 1)); echo "printed twice: $board: $dup"; }
	warnings=$((warnings + $(grep -c ': warning: .*\]$' "$WORK/out" || true)))
	sed -n 's/.*: error: .*\[\([a-z0-9-]*\)\]$/\1/p' "$WORK/out" | sort -u | sed "s|^|$board |" >>"$WORK/errors"
	[ "$st" = 0 ] && clean=$((clean + 1))
done < <(find "$corpus" -name '*.dtb' | sort)

echo "checked $total DTBs: $clean exit 0, $nogic without GICv3 (not modelled), $warnings warnings"
check "no crash or unreadable tree" test "$crashes" = 0
check "no hang" test "$hangs" = 0
check "no sanitizer report" test "$sanitizer" = 0
check "no diagnostic printed twice in any tree ($twice trees)" test "$twice" = 0
same_list "errors are exactly the $(wc -l <<<"$expected_errors") reviewed real defects" \
	"$expected_errors" "$(sort -u "$WORK/errors")"
finish

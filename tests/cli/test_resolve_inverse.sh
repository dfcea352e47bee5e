#!/usr/bin/env bash
# The inverse lookup: `gicdesc resolve INPUT... TARGET[:ID]` for an ITS (DeviceID), an SMMU
# (StreamID), a GICv2m frame or Direct LPI (INTID) prints every requester that reaches it.
# - The boot harness's negative boot devid-off-0x100 (tests/boot/test_boot_faults.sh): QEMU's
#   ITS takes the requester ID as the DeviceID and reports DeviceID 0x8 (virtio-rng at
#   00:01.0); on QEMU's own DTB that DeviceID is RID 0x0008, on the faulty description
#   (DeviceID base 0x100) nothing reaches it.
# - An SMMU in the path (examples/qemu-virt-smmuv3), by DeviceID and by StreamID.
# - A masked msi-map (QEMU's DTB with msi-map-mask 0xff00, as test_msi_map_mask.sh makes it).
# - A GICv2m frame INTID, and an INTID it does not raise; a Direct-LPI INTID names its owner.
. "$(dirname "$0")/lib.sh"
command -v fdtput >/dev/null || skip "fdtput (device-tree-compiler) is not installed"
qemu=$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb
r() { "$GICDESC" resolve "$@" 2>&1; }

check "QEMU's DTB: its@8080000:0x8 is pcie@10000000 RID 0x0008" \
	test "$(r "$qemu" its@8080000:0x8)" = "pcie@10000000 RID 0x0008 -> its@8080000 DeviceID 0x0008"
sed 's/output-base: 0, output: its0/output-base: 0x100, output: its0/' "$EXAMPLE" >"$WORK/off.yaml"
set +e
out=$(r "$WORK/off.yaml" its0:0x8)
st=$?
set -e
check "DeviceID base 0x100: nothing reaches its0 DeviceID 0x8, exit 1 ($st)" \
	test "$out" = "nothing reaches its0 DeviceID 0x0008" -a "$st" = 1
check "... and DeviceID 0x108 is RID 0x0008" \
	test "$(r "$WORK/off.yaml" its0:0x108)" = "pcie0 RID 0x0008 -> its0 DeviceID 0x0108"

smmu=$GICDESC_SRC/examples/qemu-virt-smmuv3/qemu-virt-smmuv3.yaml
check "SMMU in the path: its0:0x123 is pcie0 RID 0x0123 through smmu0" \
	test "$(r "$smmu" its0:0x123)" = "pcie0 RID 0x0123 -> smmu0 StreamID 0x0123 -> its0 DeviceID 0x0123"
check "by StreamID: smmu0:0x123 alike" \
	test "$(r "$smmu" smmu0:0x123)" = "pcie0 RID 0x0123 -> smmu0 StreamID 0x0123 -> its0 DeviceID 0x0123"
check "StreamID past the mappings: nothing reaches smmu0 StreamID 0x10000" \
	test "$(r "$smmu" smmu0:0x10000)" = "nothing reaches smmu0 StreamID 0x10000"

cp "$qemu" "$WORK/masked.dtb"
its=$(fdtget -t x "$WORK/masked.dtb" /pcie@10000000 msi-map | awk '{print $2}')
fdtput -t x "$WORK/masked.dtb" /pcie@10000000 msi-map-mask ff00
fdtput -t x "$WORK/masked.dtb" /pcie@10000000 msi-map 0 "$its" 0 1 100 "$its" 1 1
check "masked msi-map: DeviceID 1 is every RID that masks to 0x0100 (bus 1)" \
	test "$(r "$WORK/masked.dtb" its@8080000:1)" = \
	"pcie@10000000 RID 0x0100 (RID & msi-map-mask 0xff00) -> its@8080000 DeviceID 0x0001"
check "masked msi-map: the ITS without an ID lists both routes" \
	test "$(r "$WORK/masked.dtb" its@8080000 | wc -l)" = 2

v2=$GICDESC_SRC/examples/qemu-virt-gicv2/qemu-virt-gicv2.yaml
check "GICv2m frame INTID 100: pcie0, the OS picks the SPI" \
	bash -c "r() { \"\$GICDESC\" resolve \"\$@\"; }; out=\$(r '$v2' v2m0:100); grep -qx 'pcie0 RID 0x0000-0xffff -> v2m0 (GICv2m frame: no DeviceID)' <<<\"\$out\" && grep -q 'the OS hands out' <<<\"\$out\""
check "GICv2m frame INTID 10: not one of its SPIs" \
	test "$(r "$v2" v2m0:10)" = "v2m0 INTID 10 -> (not an SPI that v2m0 raises)"
dl=$GICDESC_SRC/examples/direct-lpi/direct-lpi.yaml
check "Direct LPI INTID 9217: vconsole owns it" \
	test "$(r "$dl" dlpi:9217)" = "vconsole (single mapping) -> dlpi (Direct LPI: no DeviceID)"
check "Direct LPI INTID 9300: nobody owns it" test "$(r "$dl" dlpi:9300)" = "nothing reaches dlpi INTID 9300"
finish

#!/usr/bin/env bash
# ACPI tables state no frame sizes and no bus ranges: no error may rest on a size or a bus
# range gicdesc assumed. MADTs and MCFGs written here in iasl's data-table language and
# compiled by iasl (the oracle builds the bytes), each shaped after real firmware:
# - a GICv4 MADT whose GICC redistributor bases step by 0x30000 (the redistributor-stride of
#   Linux's arch/arm64/boot/dts/hisilicon/hip05.dtsi): no mmio-overlap, since a frame is taken
#   as at most the spacing of the bases; two CPUs on one base are still an overlap;
# - a GICv2 MADT with a GIC-400 at the Raspberry Pi 4's addresses (GICD 0xff841000, GICC
#   0xff842000, GICH 0xff844000, GICV 0xff846000; Linux bcm2711.dtsi): a GICv2 distributor
#   is 4 KiB, so nothing overlaps;
# - a GICv3 MADT whose GICC Physical Base Address is the GICD base (a firmware quirk Linux
#   tolerates: irq-gic-v3.c never maps the GICC): the warning gicc-base-overlap, no error;
# - MADTs whose GICD version is 0 ("not specified"): GICv2 or GICv3 as Linux would probe;
# - QEMU 7.2 virt's IORT and MADT (tests/data/qemu-7.2) with an MCFG as QEMU's
#   hw/arm/virt-acpi-build.c build_mcfg() writes it (segment 0, buses 0-255 at
#   0x4010000000): the root complex takes its ECAM and buses from it, and nothing is assumed
#   of them; an MCFG allocation whose end bus is below its start bus is an error;
# - an IORT (written by generate) with two SMMUv3s of model Cavium CN99xx 64 KiB apart:
#   Linux maps page 0 alone of that model (arm_smmu_resource_size(), PAGE0_REGS_ONLY,
#   as on ThunderX2), so they do not overlap.
# Needs: iasl (Debian acpica-tools).
. "$(dirname "$0")/lib.sh"
command -v iasl >/dev/null || skip "iasl (Debian acpica-tools) not installed"

madt_header() {
	acpi_dsl_header APIC 04
	printf '[0004] Local Apic Address : 00000000\n[0004] Flags (decoded below) : 00000000\n'
	printf 'PC-AT Compatibility : 0\n\n'
}
gicc() { # UID BASE GICH GICV GICR MPIDR
	cat <<EOF
[0001]                      Subtable Type : 0B
[0001]                             Length : 50
[0002]                           Reserved : 0000
[0004]               CPU Interface Number : $(printf %08x "$1")
[0004]                      Processor UID : $(printf %08x "$1")
[0004]              Flags (decoded below) : 00000001
                        Processor Enabled : 1
       Performance Interrupt Trigger Mode : 0
       Virtual GIC Interrupt Trigger Mode : 0
[0004]           Parking Protocol Version : 00000000
[0004]              Performance Interrupt : 00000017
[0008]                     Parked Address : 0000000000000000
[0008]                       Base Address : $2
[0008]           Virtual GIC Base Address : $4
[0008]        Hypervisor GIC Base Address : $3
[0004]              Virtual GIC Interrupt : 00000019
[0008]         Redistributor Base Address : $5
[0008]                          ARM MPIDR : $6
[0001]                   Efficiency Class : 00
[0001]                           Reserved : 00
[0002]             SPE Overflow Interrupt : 0000

EOF
}
gicd() { # BASE VERSION
	cat <<EOF
[0001]                      Subtable Type : 0C
[0001]                             Length : 18
[0002]                           Reserved : 0000
[0004]              Local GIC Hardware ID : 00000000
[0008]                       Base Address : $1
[0004]                     Interrupt Base : 00000000
[0001]                            Version : $2
[0003]                           Reserved : 000000

EOF
}
# compile NAME: $WORK/NAME.dsl (stdin) -> $WORK/NAME.aml
compile() {
	cat >"$WORK/$1.dsl"
	iasl -p "$WORK/$1" "$WORK/$1.dsl" >"$WORK/iasl.log" 2>&1 || { cat "$WORK/iasl.log"; not_ok "iasl compiles $1.dsl"; }
}
run() { set +e; "$GICDESC" check "$@" >"$WORK/out" 2>&1; st=$?; set -e; }

# GICv4, GICR bases 0x30000 apart (0x4000_0000 + i * 0x30000), no GICC frame.
{
	madt_header
	for i in 0 1 2 3; do gicc $i 0 0 0 $(printf %016x $((0x40000000 + i * 0x30000))) $(printf %016x $((i << 8))); done
	gicd 0000000030000000 04
} | compile stride
run "$WORK/stride.aml"
check "GICv4 MADT, GICR bases 0x30000 apart: exit 0 ($st)" test "$st" = 0
check "... and no mmio-overlap" bash -c "! grep -q mmio-overlap '$WORK/out'"
{
	madt_header
	for i in 0 1 2 3; do gicc $i 0 0 0 $(printf %016x $((0x40000000 + (i / 2) * 0x40000))) $(printf %016x $((i << 8))); done
	gicd 0000000030000000 04
} | compile shared
run "$WORK/shared.aml"
check "two CPUs on one GICR base: still an mmio-overlap error" grep -q 'error: the redistributor of CPU 1 .*overlaps the redistributor of CPU 0.*\[mmio-overlap\]' "$WORK/out"

# GICv2 GIC-400 at the Raspberry Pi 4's addresses.
{
	madt_header
	for i in 0 1 2 3; do gicc $i 00000000ff842000 00000000ff844000 00000000ff846000 0 $(printf %016x $i); done
	gicd 00000000ff841000 02
} | compile gic400
run "$WORK/gic400.aml"
check "GICv2 GIC-400 (GICD 4 KiB, GICC 0x1000 above it): exit 0, no mmio-overlap ($st)" \
	bash -c "[ $st = 0 ] && ! grep -q mmio-overlap '$WORK/out'"

# GICD version 0 ("not specified", ACPI 5.1, as AMD Seattle's Overdrive MADT says): a GICv2
# when the MADT gives no redistributor, a GICv3 when it does (Linux's GICv3 driver probes
# only with redistributors).
{
	madt_header
	for i in 0 1 2 3; do gicc $i 00000000ff842000 00000000ff844000 00000000ff846000 0 $(printf %016x $i); done
	gicd 00000000ff841000 00
} | compile v0gicv2
run "$WORK/v0gicv2.aml"
check "GICD version 0, no redistributor: taken as GICv2, said so, exit 0 ($st)" \
	bash -c "[ $st = 0 ] && grep -q 'assumed: GIC version 2: the MADT GICD says 0' '$WORK/out'"
{
	madt_header
	for i in 0 1; do gicc $i 0 0 0 $(printf %016x $((0x30100000 + i * 0x20000))) $(printf %016x $i); done
	gicd 0000000030000000 00
} | compile v0gicv3
run "$WORK/v0gicv3.aml"
check "GICD version 0 with GICC redistributor bases: taken as GICv3 ($st)" \
	bash -c "[ $st = 0 ] && grep -q 'assumed: GIC version 3: the MADT GICD says 0' '$WORK/out'"

# GICv3, GICC Physical Base Address = the GICD base.
{
	madt_header
	for i in 0 1; do gicc $i 0000000030000000 0 0 $(printf %016x $((0x30100000 + i * 0x20000))) $(printf %016x $i); done
	gicd 0000000030000000 03
} | compile quirk
run "$WORK/quirk.aml"
check "GICv3, GICC base = GICD base: exit 0 ($st)" test "$st" = 0
check "... warns gicc-base-overlap, naming the quirk" \
	grep -q 'warning: the GICC Physical Base Address 0x30000000 of CPU 0 lies in the GICD .*known firmware quirk.*\[gicc-base-overlap\]' "$WORK/out"
check "... once for the CPUs that share the base" test "$(grep -c gicc-base-overlap "$WORK/out")" = 1

# QEMU virt's tables with an MCFG.
qemu=$GICDESC_SRC/tests/data/qemu-7.2/virt-gicv3-its-smp4
qemu_mcfg_dsl 00 FF | compile mcfg
run "$qemu/IORT.dat" "$qemu/APIC.dat" "$WORK/mcfg.aml"
check "QEMU IORT+MADT+MCFG: exit 0 ($st)" test "$st" = 0
check "... nothing assumed of pcie0's buses or ECAM" bash -c "! grep -q 'bus range and ECAM base unknown' '$WORK/out'"
qemu_mcfg_dsl 00 0F | compile mcfg16
"$GICDESC" resolve "$qemu/IORT.dat" "$qemu/APIC.dat" "$WORK/mcfg16.aml" pcie0 >"$WORK/resolve" 2>&1 || true
check "an MCFG of buses 0-15: resolve routes pcie0's RIDs of those buses only" \
	grep -qx 'pcie0 RID 0x0000-0x0fff -> its0 DeviceID 0x0000-0x0fff' "$WORK/resolve"
run "$qemu/IORT.dat" "$qemu/APIC.dat"
check "without the MCFG, the assumption is said" grep -q 'bus range and ECAM base unknown' "$WORK/out"
qemu_mcfg_dsl 10 0F | compile badmcfg
run "$qemu/IORT.dat" "$qemu/APIC.dat" "$WORK/badmcfg.aml"
check "an MCFG allocation ending below its start bus: error at its offset ($st)" \
	bash -c "[ $st != 0 ] && grep -q 'badmcfg.aml:+0x2c: error: MCFG allocation of segment 0: end bus 0x0f below start bus 0x10' '$WORK/out'"

cat >"$WORK/cn99xx.yaml" <<'EOF'
gicdesc: 1
platform: { name: cn99xx, oem-id: "GICDSC", oem-table-id: "CN99XX  ", oem-revision: 1 }
gic:
  version: 3
  distributor: { base: 0x08000000, spis: 256, intid-bits: 16 }
  redistributors: [ { base: 0x080A0000, length: 0x40000 } ]
  cpus: { count: 2, compatible: "arm,cortex-a57", enable-method: psci }
  its: [ { name: its0, id: 0, base: 0x08080000, device-id-bits: 20, event-id-bits: 16 } ]
iommus:
  - { name: smmu0, model: smmuv3-cavium-cn99xx, base: 0x09000000, size: 0x10000,
      interrupts: { event: { spi: 74 }, pri: { spi: 75 }, sync: { spi: 76 }, gerror: { spi: 77 } },
      id-map: [ { input-base: 0, count: 0x10000, output-base: 0, output: its0 } ] }
  - { name: smmu1, model: smmuv3-cavium-cn99xx, base: 0x09010000, size: 0x10000,
      interrupts: { event: { spi: 78 }, pri: { spi: 79 }, sync: { spi: 80 }, gerror: { spi: 81 } },
      id-map: [ { input-base: 0, count: 0x10000, output-base: 0x10000, output: its0 } ] }
EOF
"$GICDESC" generate -q -f iort,madt -o "$WORK/cn99xx" "$WORK/cn99xx.yaml"
run "$WORK/cn99xx/iort.aml" "$WORK/cn99xx/madt.aml"
check "two CN99xx SMMUv3s 64 KiB apart in an IORT: exit 0, no mmio-overlap ($st)" \
	bash -c "[ $st = 0 ] && ! grep -q mmio-overlap '$WORK/out'"
check "... the 64 KiB frame is said to be assumed, with the reason" \
	grep -q 'register frame 64 KiB (the IORT does not give a size; Linux maps page 0 alone of a Cavium CN99xx)' "$WORK/out"
finish

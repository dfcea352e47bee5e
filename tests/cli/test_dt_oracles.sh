#!/bin/bash
# The DT back end against its oracles (dtc, cpp, QEMU 7.2's own DTBs), on the QEMU virt examples
# (examples/qemu-virt, examples/qemu-virt-smmuv3, examples/qemu-virt-gicv4,
# examples/qemu-virt-gicv2):
# - dtc compiles our DTS and decompiles our DTB without a warning;
# - the DTB dtc builds from our DTS decompiles to exactly the text our DTB does (same tree,
#   same phandles);
# - a board DTS that #includes our DTSI goes through cpp and dtc without a warning;
# - the interrupt-system facts of our DTB equal those of QEMU's own DTB (tests/cli/dt_facts.py:
#   reg cells, #redistributor-regions, the GIC's VGIC maintenance interrupt, CPUs, PMU
#   interrupts with GICv2 CPU masks, GICv2m frames, PCIe host, msi-map with phandles as their
#   targets).
# Needs: device-tree-compiler, cpp, python3-libfdt.
set -u
tmp=${GICDESC_TMP:-/tmp}/dt-oracles
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fail=0
check() { # check WHAT FILE-OF-STDERR: the file must be empty
  if [ -s "$2" ]; then echo "FAIL: $1:"; cat "$2"; fail=1; else echo "ok: $1"; fi
}

for pair in "qemu-virt virt-gicv3-its-smp4" "qemu-virt-smmuv3 virt-gicv3-its-smmuv3-smp2" \
            "qemu-virt-gicv4 virt-gicv4-its-smp2" "qemu-virt-gicv2 virt-gicv2-v2m-smp2"; do
  set -- $pair; name=$1; qemu=$2
  if ! "$GICDESC" generate -q -f dts,dtsi,dtb -o "$tmp" "$GICDESC_SRC/examples/$name/$name.yaml" 2> "$tmp/gen.err"; then
    cat "$tmp/gen.err"
    echo "FAIL: $name: gicdesc generate"; fail=1; continue
  fi

  dtc -I dts -O dtb -o "$tmp/from-dts.dtb" "$tmp/$name.dts" 2> "$tmp/dtc1.err" || echo "dtc failed" >> "$tmp/dtc1.err"
  check "$name: dtc -I dts -O dtb of our DTS, no warning" "$tmp/dtc1.err"
  dtc -I dtb -O dts -o "$tmp/ours.txt" "$tmp/$name.dtb" 2> "$tmp/dtc2.err" || echo "dtc failed" >> "$tmp/dtc2.err"
  check "$name: dtc -I dtb -O dts of our DTB, no warning" "$tmp/dtc2.err"
  dtc -I dtb -O dts -o "$tmp/dtc.txt" "$tmp/from-dts.dtb" 2> /dev/null
  diff -u "$tmp/dtc.txt" "$tmp/ours.txt" > "$tmp/same-tree.diff"
  check "$name: our DTB and dtc's DTB of our DTS decompile to the same text" "$tmp/same-tree.diff"

  # A board in the manner of QEMU's own: our fragment, then what the board adds through labels.
  cat > "$tmp/board.dts" <<BOARD
/dts-v1/;

#include "$name-gic.dtsi"

/ {
	model = "linux,dummy-virt";
	compatible = "linux,dummy-virt";

	memory@40000000 {
		device_type = "memory";
		reg = <0x0 0x40000000 0x0 0x40000000>;
	};

	timer {
		compatible = "arm,armv8-timer";
		interrupts = <1 13 4>, <1 14 4>, <1 11 4>, <1 10 4>;
		always-on;
	};
};

&psci {
	method = "hvc";
};

&pcie0 {
	#interrupt-cells = <1>;
	interrupt-map-mask = <0x0 0x0 0x0 0x7>;
	interrupt-map = <0x0 0x0 0x0 0x1 &gic 0x0 0x0 0x0 0x3 0x4>;
};
BOARD
  { cpp -nostdinc -undef -x assembler-with-cpp -I "$tmp" "$tmp/board.dts" > "$tmp/board.pp.dts" &&
    dtc -I dts -O dtb -o "$tmp/board.dtb" "$tmp/board.pp.dts"; } 2> "$tmp/board.err" || echo "cpp or dtc failed" >> "$tmp/board.err"
  check "$name: a board DTS including our DTSI compiles through cpp and dtc, no warning" "$tmp/board.err"

  qemu_dtb=$GICDESC_SRC/tests/data/qemu-7.2/$qemu/virt.dtb
  facts=$GICDESC_SRC/tests/cli/dt_facts.py
  { /usr/bin/python3 "$facts" "$tmp/$name.dtb" > "$tmp/ours.facts" &&
    /usr/bin/python3 "$facts" "$qemu_dtb" > "$tmp/qemu.facts" &&
    diff -u "$tmp/qemu.facts" "$tmp/ours.facts"; } > "$tmp/facts.diff" 2>&1
  check "$name: interrupt-system facts of our DTB equal QEMU's ($qemu)" "$tmp/facts.diff"
done
exit $fail

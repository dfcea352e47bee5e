#!/usr/bin/env bash
# Real boards: each description below is proven against a Linux 6.12 board DTB, compiled
# from Debian's linux-source-6.12 as the kernel builds it (scripts/build-dt-corpus.sh):
# - the DT facts (GIC, ITS, CPUs, PMUs on their PPI partitions, SMMUs; dt_facts.py) of
#   our standalone DTB equal the board's, but for the board's differences named below;
# - generate --base over the board DTB keeps every node and property we do not own byte
#   for byte (dt_base_compare.py), keeps the board's GIC interrupt-specifier format
#   (#interrupt-cells, ppi-partitions) and so the board's DT facts, dtc decompiles the
#   merged DTB with no warning the board's own DTB does not give, and `check` of it
#   finds no error but the board's own and routes as the description (no
#   firmware-drift); dt-validate (Linux 6.1's bindings) says nothing of it that it does
#   not say of the board's own DTB (its messages about a DTB are cached by the DTB's and
#   the bindings' content in ${GICDESC_TOOLS_CACHE:-~/.cache/gicdesc-tools}/board-validate:
#   they take ~20 s a DTB).
# Needs: device-tree-compiler, dt-schema, python3-libfdt, cpp, linux-source-6.1 and 6.12.
. "$(dirname "$0")/lib.sh"
command -v dtc >/dev/null || skip "dtc (Debian device-tree-compiler) not installed"
/usr/bin/python3 -c 'import libfdt' 2>/dev/null || skip "python3-libfdt not installed"
[ -r /usr/src/linux-source-6.12.tar.xz ] || skip "Debian linux-source-6.12 not installed"
schema=$("$GICDESC_SRC/tools/dt-bindings-6.1" 2>/dev/null) || schema=
cache=${GICDESC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gicdesc-tools}/board-validate
# dt-validate's messages about $1 (Linux 6.1's bindings), without file names, sorted.
validate() { dt-validate -s "$schema" "$1" 2>&1 | sed -E 's/^[^:]*: //' | sort; }
# The same, from the cache when a DTB of these bytes was validated with these bindings.
validate_cached() {
	local key
	key=$(cat "$1" "$schema" | sha256sum | cut -c1-32)
	if [ ! -e "$cache/$key" ]; then
		mkdir -p "$cache"
		validate "$1" >"$cache/$key.$$" && mv "$cache/$key.$$" "$cache/$key"
	fi
	cat "$cache/$key"
}
py() { PYTHONPATH="$GICDESC_SRC/tests/cli" /usr/bin/python3 "$@"; }
facts() { py "$GICDESC_SRC/tests/cli/dt_facts.py" "$1"; }
# dtc's warnings about $1, without file names, sorted.
dtc_warnings() { dtc -I dtb -O dts -o /dev/null "$1" 2>&1 | sed -E 's/^[^:]*: //' | sort; }
# Errors of a `check` report $2 of DTB $1: "[:node:prop] message [rule]", sorted.
errors() { sed -n "s|^$1||; s|^\(:[^ ]*\): error: \(.*\)|\1 \2|p" "$2" | sort -u; }

# What a board DT says that its description does not, named in the list below: a sed
# script over the DT facts of both sides before the standalone comparison.
declare -A differences=(
	# The PMUs' PPI is IRQ_TYPE_LEVEL_LOW (8): arm,gic-v3.yaml has 1 (edge) and 4
	# (level), a GIC PPI has no polarity, and the description's `trigger: level` gives
	# 4 (Linux's gic_set_type() takes any type for a PPI). The board's own defect.
	[pmu-level-low]='s/^\(pmu .* interrupts 0x1 0x[0-9a-f]*\) 0x8 /\1 0x4 /'
	# The root's interrupt-parent is MediaTek's sysirq, which inverts the polarity of
	# the SPIs behind it: a wired path the format does not describe.
	[root-sysirq]='/^root interrupt-parent /d'
	# The PMU's PPI flags hold GIC_CPU_MASK_SIMPLE(n), a GICv2 CPU mask that
	# arm,gic-v3.yaml does not define (bits[3:0] only) and Linux's
	# gic_irq_domain_translate() drops. The board's own slip.
	[ppi-cpu-mask]='s/^\(pmu .* interrupts 0x1 0x[0-9a-f]*\) 0x[0-9a-f]*0\([1-9a-f]\)$/\1 0x\2/'
	# The one PMU of CPUs of one type is arm,cortex-<cpu>-pmu; gicdesc writes
	# arm,armv8-pmuv3 (arm,pmu.yaml allows both) and a CPU's own PMU compatible only
	# to tell the PMUs of several CPU types apart.
	[pmu-compatible]='s/^pmu arm,[a-z0-9-]*-pmu\(v3\)\{0,1\} /pmu (one) /'
)

# Description (under the source tree), board DTS (under arch/arm64/boot/dts of Linux
# 6.12), the board's differences. Linux 6.12's 4-cell GICs (ppi-partitions, one PMU per
# CPU type) are all on Rockchip and MediaTek SoCs; these boards cover six of those SoCs
# and seven board makers (three Google Chromebooks built by Samsung, Lenovo and Acer),
# and between them:
# - rock-5b (Radxa), RK3588: two ITSes, MBI, two SMMUv3s, five DesignWare PCIe hosts;
# - orangepi-5 (Xunlong), RK3588S: the same GIC with the two hosts of the smaller
#   package, one of them disabled (check skips it, the description keeps it: no drift);
# - gru-kevin (Google/Samsung Chromebook Plus) and firefly (T-Firefly), RK3399: a
#   GIC-500 ITS and a PCIe host with its own register names, the GICv2-compatible
#   GICC/GICH/GICV frames, /cpus in two address cells, a msi-map that leaves half the
#   bus range unmapped (check warns [route-unmapped], of the board too); one description
#   over two makers' boards;
# - krane (Google/Lenovo IdeaPad Duet), MT8183: GICC/GICH/GICV of unequal sizes, the
#   GIC under /soc and the root's interrupt-parent not the GIC, no ITS, no MSI at all;
# - tomato (Google/Acer Chromebook Spin 513), MT8195: a GIC-600 with an 832-SPI
#   distributor and PCIe hosts whose MSIs never reach the GIC;
# - mt8188-evb (MediaTek), MT8188: PPI partitions of 6 and 2 CPUs;
# and one 3-cell GIC, for what the 4-cell boards do not show:
# - imx8mm-beacon-kit (Beacon EmbeddedWorks), i.MX 8M Mini: a GIC under a bus of one
#   address and one size cell, with no #address-cells, named by a PCI host's
#   interrupt-map (of Linux 6.12's arm64 DTBs, 336 have their GIC under a bus of cells
#   other than 2 + 2, and 151 a GIC without #address-cells that an interrupt-map names).
boards=(
	"examples/rk3588/rk3588.yaml rockchip/rk3588-rock-5b.dts"
	"tests/boards/rk3588s.yaml rockchip/rk3588s-orangepi-5.dts"
	"tests/boards/rk3399.yaml rockchip/rk3399-gru-kevin.dts pmu-level-low"
	"tests/boards/rk3399.yaml rockchip/rk3399-firefly.dts pmu-level-low"
	"tests/boards/mt8183.yaml mediatek/mt8183-kukui-krane-sku176.dts pmu-level-low root-sysirq"
	"tests/boards/mt8195.yaml mediatek/mt8195-cherry-tomato-r2.dts"
	"tests/boards/mt8188.yaml mediatek/mt8188-evb.dts"
	"tests/boards/imx8mm.yaml freescale/imx8mm-beacon-kit.dts ppi-cpu-mask pmu-compatible"
)
"$GICDESC_SRC/scripts/build-dt-corpus.sh" "$WORK/linux" $(printf '%s\n' "${boards[@]}" | cut -d' ' -f2) >/dev/null

for entry in "${boards[@]}"; do
	set -- $entry
	rel=$1 yaml=$GICDESC_SRC/$1 dts=$2 stem=$(basename "$1" .yaml)
	shift 2
	name=$(basename "$dts" .dts) board=$WORK/linux/${dts%.dts}.dtb out=$WORK/$(basename "$dts" .dts)
	[ -s "$board" ] || { not_ok "$name: $dts compiles"; continue; }
	mkdir -p "$out"
	known= but=
	for d in "$@"; do known+="${differences[$d]:?unknown difference $d};"; done
	[ $# = 0 ] || but=" but for the board's $*"
	"$GICDESC" generate -q -f dtb -o "$out/standalone" "$yaml" 2>/dev/null
	check "$name: DT facts of our DTB ($rel) equal Linux 6.12's $(basename "$board")$but" \
		diff <(facts "$board" | sed "$known") <(facts "$out/standalone/$stem.dtb" | sed "$known")

	"$GICDESC" generate -q --base "$board" -f dts,dtb -o "$out" "$yaml" 2>"$WORK/gen.err"
	check "$name: generate --base gives no error" bash -c "! grep -q 'error:' '$WORK/gen.err'"
	[ -s "$out/$stem.dtb" ] || { not_ok "$name: the merged DTB is written"; continue; }
	py "$GICDESC_SRC/tests/cli/dt_base_compare.py" "$board" "$out/$stem.dtb" \
		"$out/standalone/$stem.dtb" >"$WORK/compare.txt" 2>&1 || true
	check "$name: dt_base_compare.py finds nothing wrong" \
		bash -c "grep -q . '$WORK/compare.txt' && ! grep -v '^ok' '$WORK/compare.txt'"
	grep -v '^ok' "$WORK/compare.txt" || true
	# (the facts include the GIC's #interrupt-cells and the PMUs' PPI partitions)
	check "$name: the merged DTB has the board's DT facts" diff <(facts "$board") <(facts "$out/$stem.dtb")
	new=$(comm -13 <(dtc_warnings "$board") <(dtc_warnings "$out/$stem.dtb"))
	check "$name: dtc warns about the merged DTB only as about the board's own${new:+: $new}" test -z "$new"
	comm -23 <(dtc_warnings "$board") <(dtc_warnings "$out/$stem.dtb") | sed 's/^/# the board'\''s own, gone: /'
	if [ -n "$schema" ]; then
		validate_cached "$board" >"$WORK/board.val"
		validate_cached "$out/$stem.dtb" >"$WORK/merged.val"
		new=$(comm -13 "$WORK/board.val" "$WORK/merged.val")
		check "$name: dt-validate says nothing of the merged DTB it does not of the board's ($(wc -l <"$WORK/board.val") lines)${new:+: $new}" \
			test -z "$new"
	else
		not_ok "$name: tools/dt-bindings-6.1 gives Linux 6.1's processed bindings"
	fi
	# The merged DTB's errors are the board's own (reviewed in tests/corpus), none of ours.
	"$GICDESC" check "$board" >"$WORK/board.txt" 2>&1 || true
	"$GICDESC" check "$out/$stem.dtb" "$yaml" >"$WORK/check.txt" 2>&1 || true
	new=$(comm -13 <(errors "$board" "$WORK/board.txt") <(errors "$out/$stem.dtb" "$WORK/check.txt"))
	check "$name: check of the merged DTB beside the description: no error but the board's own ($(grep -c ': error: ' "$WORK/board.txt" || true))${new:+: $new}" \
		test -z "$new" -a -z "$(grep ': error: ' "$WORK/check.txt" | grep -v "^$out/$stem.dtb" || true)"
	check "$name: ... and no firmware-drift" bash -c "! grep -q firmware-drift '$WORK/check.txt'"
done
finish

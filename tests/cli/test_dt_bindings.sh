#!/usr/bin/env bash
# The DT binding rules (gic-binding, its-binding, v2m-binding, smmu-binding, pci-host-binding)
# on broken copies of our own DTBs: each copy breaks one property of one node with fdtput.
# For each, `gicdesc check` must report that rule (and no other rule the good DTB does not
# report), and dt-validate (Debian's dt-schema with Linux 6.1's bindings, the oracle) must
# say something of the copy it does not say of the good DTB, or, where the bindings'
# schemas cannot say it (marked "linux" below: a Linux behaviour, not a schema constraint),
# nothing new. YAML and IORT+MADT cannot express any of these faults: generate writes the
# properties, and ACPI has no such properties (man gicdesc-check(1), BINDING RULES).
# Needs: device-tree-compiler (fdtput), dt-schema, linux-source-6.1.
. "$(dirname "$0")/lib.sh"
command -v fdtput >/dev/null || skip "fdtput (Debian device-tree-compiler) not installed"
schema=$("$GICDESC_SRC/tools/dt-bindings-6.1") || skip "tools/dt-bindings-6.1: no Linux 6.1 bindings"

for e in rk3588 qemu-virt-gicv2 qemu-virt-smmuv3; do
	"$GICDESC" generate -q -f dtb -o "$WORK" "$GICDESC_SRC/examples/$e/$e.yaml"
done
# dt-validate's messages about $1, without file names, sorted.
validate() { dt-validate -s "$schema" "$1" 2>&1 | sed -E 's/^[^:]*: //' | sort -u; }
# The rule names `gicdesc check` reports of $1, one per line.
rules() { "$GICDESC" check "$1" 2>&1 | sed -n 's/.*: \(error\|warning\): .*\[\([a-z0-9-]*\)\]$/\2/p' | sort -u; }

# case RULES ORACLE EXAMPLE EDIT...: RULES, the rules check must add (comma-separated: the
# binding rule, then any the fault leads to); ORACLE is "schema" (dt-validate must object) or "linux"
# (the schemas cannot say it: dt-validate must stay silent). Each EDIT is one fdtput
# command without the file: "-c NODE", "-d NODE PROP" or "-t TYPE NODE PROP VALUE...".
n=0
case_() {
	local rules=$1 oracle=$2 example=$3 edit opts
	shift 3
	n=$((n + 1))
	local good=$WORK/$example.dtb bad=$WORK/case$n.dtb what="$rules: $example: $*"
	cp "$good" "$bad"
	for edit in "$@"; do
		set -- $edit
		case $1 in -d | -c) opts=("$1") && shift ;; *) opts=("$1" "$2") && shift 2 ;; esac
		fdtput "${opts[@]}" "$bad" "$@" 2>"$WORK/fdtput.err" ||
			{ not_ok "$what: fdtput ($(cat "$WORK/fdtput.err"))"; return; }
	done
	local new
	new=$(comm -13 <(rules "$good") <(rules "$bad") | tr '\n' ' ')
	local want
	want=$(tr , '\n' <<<"$rules" | sort | tr '\n' ' ')
	check "$what: check reports exactly these rules${new:+ (reports: $new)}" test "$new" = "$want"
	new=$(comm -13 <(validate "$good") <(validate "$bad"))
	if [ "$oracle" = schema ]; then
		check "$what: dt-validate objects too${new:+: $(grep -v "^/" <<<"$new" | head -n 1)}" test -n "$new"
	else
		check "$what: dt-validate is silent (the schemas cannot say it)" test -z "$new"
	fi
}

gic=/interrupt-controller@fe600000 its=$gic/msi-controller@fe640000
case_ gic-binding schema rk3588 "-d $gic interrupt-controller"
case_ gic-binding schema rk3588 "-d $gic msi-controller"
case_ its-binding schema rk3588 "-d $its #msi-cells"
case_ its-binding schema rk3588 "-t u $its #msi-cells 2"
smmu=/iommu@9050000 pci=/pcie@4010000000
case_ smmu-binding schema qemu-virt-smmuv3 "-t u $smmu #iommu-cells 2"
case_ pci-host-binding schema qemu-virt-smmuv3 "-d $pci ranges"
case_ pci-host-binding schema qemu-virt-smmuv3 "-t x $pci iommu-map-mask 10000"
case_ pci-host-binding schema qemu-virt-smmuv3 "-t u $pci #size-cells 1"
case_ pci-host-binding schema qemu-virt-smmuv3 "-t x $pci msi-map-mask ffff" "-d $pci msi-map"
v2m=/interrupt-controller@8000000/v2m@8020000
# A second frame, which nothing maps to, without msi-controller (Linux skips it). Removing
# that of the frame the PCI host maps to gives the front end's dt-map-target first.
v2m2=/interrupt-controller@8000000/v2m@8030000
case_ v2m-binding schema qemu-virt-gicv2 "-c $v2m2" "-t s $v2m2 compatible arm,gic-v2m-frame" \
	"-t x $v2m2 reg 0 8030000 0 1000"
case_ v2m-binding linux qemu-virt-gicv2 "-t u $v2m arm,msi-base-spi 80"

# A good DTB of every example reports none of these rules.
for dtb in "$WORK"/rk3588.dtb "$WORK"/qemu-virt-*.dtb; do
	check "$(basename "$dtb"): no binding rule fires on our own DTB" \
		bash -c "! '$GICDESC' check '$dtb' 2>&1 | grep -q -- '-binding\]'"
done
finish

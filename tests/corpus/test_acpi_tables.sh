#!/usr/bin/env bash
# Real firmware: the IORT, MADT (APIC) and MCFG tables of 25 arm64 machines
# (servers, laptops, boards and Arm reference designs), each checked by
# `gicdesc check` twice (all its tables; its MADT alone, so that MADT rules
# masked by IORT load errors still run) and every source of each routed by
# `gicdesc resolve`. Nothing may crash, hang or raise a sanitizer report,
# and the errors must be the reviewed list below. The tables are not in
# this repository (tests/corpus/acpi-tables.md says why, where each comes
# from and where they live); the test reads them from $GICDESC_ACPI_CORPUS,
# else $GICDESC_SHARED/reference/acpi-real, one folder per platform holding
# IORT, APIC and MCFG files, and skips when there is none (tests/CMakeLists.txt
# registers it only where shared/ has the corpus, so a CI without it skips nothing).
. "$(dirname "$0")/../cli/lib.sh"
corpus=${GICDESC_ACPI_CORPUS:-${GICDESC_SHARED:-$GICDESC_SRC/../shared}/reference/acpi-real}
[ -d "$corpus" ] && [ -n "$(ls "$corpus" 2>/dev/null)" ] || skip "no ACPI table corpus at $corpus"
command -v python3 >/dev/null || skip "python3 is needed to list the IORT sources to resolve"

# REAL: reviewed firmware defects, "platform[/APIC] file+offset rule", exact.
# /APIC marks the run over the MADT alone. Each must still be reported.
#
# ampere-altra-ava smmu-msi-collision: each SMMUv3's own MSIs (Device ID
# Mapping Index 1: a single mapping to DeviceID RC<<16) use the DeviceID that
# RID 0x0000 (00:00.0, the root complex's own function) gets through mapping 0
# of the same SMMU (StreamID 0 -> DeviceID RC<<16 + 0) on the same ITS. The
# ITS cannot tell the SMMU's event/GERROR MSIs from 00:00.0's (ITS: one
# DeviceID, one ITT); Linux its_msi_prepare() reuses the its_device of the
# first user for the second, sized for the first. Ampere's own generator does
# this on purpose (edk2-platforms JadePkg AcpiIort.c: both OutputBase =
# EnabledRCs[Idx] << 16): latent while 00:00.0 raises no MSI.
#
# hisilicon-d06-nosmmu device-id-collision: the named component \_SB_.SEC0
# (the SEC crypto engine) has a single mapping to DeviceID 0x100 of the one
# ITS, and pcie0 (segment 0, buses 0-0xff in the MCFG) maps RIDs 0-0x4000
# one-to-one to the same ITS: an endpoint at 01:00.0, behind the first root
# port, gets DeviceID 0x100 too and shares the SEC engine's ITT (no isolation,
# Linux its_msi_prepare() as above). This IORT is the one D06 installs by
# default (HisiAcpiPlatformDxe SelectIort(), EnableSmmu = 0).
#
# socionext-developerbox device-id-collision: both root complexes (segments 0
# and 1) have one ID mapping, a single mapping to DeviceID 0 of the one ITS
# (edk2-platforms SynQuacer Iort.aslc). Linux iort_id_map() gives every RID of
# a root complex a single mapping's output base, so every PCI function of both
# segments raises its MSIs as DeviceID 0: one ITT for all, no isolation (seen
# once the MMU-500 node, type 3, no longer stopped the load).
expected_real=$(sort <<'LIST'
ampere-altra-ava IORT+0x210 smmu-msi-collision
ampere-altra-ava IORT+0x27c smmu-msi-collision
ampere-altra-ava IORT+0x2e8 smmu-msi-collision
ampere-altra-ava IORT+0x354 smmu-msi-collision
ampere-altra-ava IORT+0x3c0 smmu-msi-collision
ampere-altra-ava IORT+0x42c smmu-msi-collision
hisilicon-d06-nosmmu IORT+0xd60 device-id-collision
socionext-developerbox IORT+0x84 device-id-collision
LIST
)

# Once false, now fixed (no longer reported): IORT type 3 (SMMUv1/v2) nodes not modelled, so
# that every ID mapping into one was an iort-output-ref load error (2 to 180 a platform);
# a GICv3 GICC Physical Base Address equal to the GICD base (the Arm RD-* models,
# DeveloperBox: now the warning gicc-base-overlap); D03's GICv4 MADT whose GICC
# redistributor bases step by 0x30000 (a frame is at most the spacing); the Raspberry Pi
# 4's GIC-400 distributor (4 KiB); Overdrive's GICD version 0 (a GICv2: no
# redistributors); D05's RIDs beyond its host bridges' buses (the MCFG gives them); and
# 1370 route-no-its errors on 12 platforms for named components (GPU, audio DSP, IPA, QUP
# on the Qualcomm laptops; SATA, Ethernet, crypto on Overdrive; Ethernet and SD on
# DeveloperBox) whose ID mappings lead to an MMU-500 or MMU-401 with no ID mapping
# onwards: StreamIDs for DMA translation only, which Linux's iort_node_map_id() leaves
# without an MSI domain and without complaint. They are the note route-dma-only now,
# counted below.
dma_only_platforms=12

# Does this build read MCFG? (It gives bus ranges; without it RIDs are guessed.)
mcfg=no
first_mcfg=$(find "$corpus" -mindepth 2 -maxdepth 2 -name MCFG | head -n1)
if [ -n "$first_mcfg" ]; then
	probe=$("$GICDESC" check "$first_mcfg" 2>&1 || true)
	grep -q 'cannot tell what this file is' <<<"$probe" || mcfg=yes
fi

# sources IORT: the names gicdesc gives the IORT's sources (pcie<segment>,
# smmu@0x<base> for SMMUv3, the named components' ACPI paths), one a line
# (IORT E.e node layouts: RC segment at +0x1c, named component name at
# +0x1d, SMMUv3 base at +0x10).
sources() {
	python3 - "$1" <<'PY'
import struct, sys
b = open(sys.argv[1], 'rb').read()
count, off = struct.unpack_from('<II', b, 36)
for _ in range(count):
    if off + 4 > len(b):
        break
    kind, length = b[off], struct.unpack_from('<H', b, off + 1)[0]
    if kind == 1:
        name = b[off + 0x1d:off + length].split(b'\0')[0].decode('ascii', 'replace')
        if name:
            print(name)
    elif kind == 2:
        print('pcie%d' % struct.unpack_from('<I', b, off + 0x1c)[0])
    elif kind == 4:
        print('smmu@0x%x' % struct.unpack_from('<Q', b, off + 0x10)[0])
    if length == 0:
        break
    off += length
PY
}

# run KEY CMD...: one gicdesc run; its errors go to $WORK/errors as
# "KEY file+offset rule"; a crash, hang or sanitizer report is counted.
crashes=0 hangs=0 sanitizer=0 warnings=0 dma_only=0
run() {
	local key=$1 st
	shift
	set +e
	timeout 60 "$GICDESC" "$@" </dev/null >"$WORK/out" 2>&1
	st=$?
	set -e
	[ "$st" -ge 124 ] && { [ "$st" = 124 ] && hangs=$((hangs + 1)) || crashes=$((crashes + 1)); echo "crash/hang ($st): $key: $*"; }
	[ "$st" = 2 ] && { crashes=$((crashes + 1)); echo "unreadable: $key: $*"; }
	grep -q 'Sanitizer\|runtime error' "$WORK/out" && { sanitizer=$((sanitizer + 1)); echo "sanitizer: $key: $*"; }
	return 0
}
errors_of() { # KEY: the errors of the last run
	sed -n 's|^\([^:]*/\)\{0,1\}\([A-Z]*\)\(:+0x[0-9a-f]*\)\{0,1\}: error: .*\[\([a-z0-9-]*\)\]$|\2\3 \4|p' "$WORK/out" |
		sed 's/:+/+/' | sed "s|^|$1 |" >>"$WORK/errors"
}

: >"$WORK/errors"
platforms=0 resolved=0 unresolved=0 unknown=0 rc_unrouted=0
for dir in "$corpus"/*/; do
	p=$(basename "$dir")
	[ -f "$dir/APIC" ] || continue
	platforms=$((platforms + 1))
	set -- "$dir/APIC"
	[ -f "$dir/IORT" ] && set -- "$dir/IORT" "$@"
	[ "$mcfg" = yes ] && [ -f "$dir/MCFG" ] && set -- "$@" "$dir/MCFG"
	tables=("$@")
	run "$p" check "${tables[@]}"
	errors_of "$p"
	warnings=$((warnings + $(grep -c ': warning: .*\]$' "$WORK/out" || true)))
	grep -q ': note: .*\[route-dma-only\]$' "$WORK/out" && dma_only=$((dma_only + 1))
	run "$p/APIC" check "$dir/APIC"
	errors_of "$p/APIC"
	[ -f "$dir/IORT" ] || continue
	while IFS= read -r src; do
		run "$p" resolve "${tables[@]}" "$src"
		if grep -q "no source named" "$WORK/out"; then
			# A source the tool does not know is wrong only when the tables loaded.
			grep -q ': error: .*\[' "$WORK/out" || { unknown=$((unknown + 1)); echo "resolve does not know $src of $p"; }
		elif grep -q -- ' -> ' "$WORK/out"; then
			resolved=$((resolved + 1))
		else
			unresolved=$((unresolved + 1))
			case $src in pcie*) rc_unrouted=$((rc_unrouted + 1)) ;; esac
			echo "no route (no ID mapping): $src of $p: $(grep -m1 -v '^ *$' "$WORK/out")"
		fi
	done < <(sources "$dir/IORT")
done

echo "checked $platforms platforms (MCFG read: $mcfg), $warnings warnings; resolve: $resolved sources routed, $unresolved with no ID mapping"
check "some platforms found" test "$platforms" -gt 0
check "no crash or unreadable table" test "$crashes" = 0
check "no hang" test "$hangs" = 0
check "no sanitizer report" test "$sanitizer" = 0
check "resolve knows every IORT source of the tables that load" test "$unknown" = 0
check "resolve gives every PCIe root complex a route" test "$rc_unrouted" = 0

present() { [ -f "$corpus/${1%%/*}/APIC" ]; }
actual=$(sort "$WORK/errors")
# REAL: every reviewed defect of a present platform is still reported.
missing=0
while read -r key loc rule; do
	present "$key" || continue
	grep -qxF "$key $loc $rule" <<<"$actual" || { missing=$((missing + 1)); echo "real defect no longer reported: $key $loc $rule"; }
done <<<"$expected_real"
check "the $(wc -l <<<"$expected_real") reviewed real defects are reported" test "$missing" = 0
# Nothing else: every error is a reviewed real defect.
new=$(grep -vxF -f <(echo "$expected_real") <<<"$actual" || true)
[ -z "$new" ] || { echo "new errors to review:"; head -n 20 <<<"$new"; }
check "no error beyond the reviewed real ones" test -z "$new"
check "the DMA-only named components of $dma_only_platforms platforms are notes (route-dma-only): $dma_only" \
	test "$dma_only" -ge "$dma_only_platforms"
finish

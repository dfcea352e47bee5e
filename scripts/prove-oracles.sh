#!/usr/bin/env bash
# prove-oracles.sh - every oracle the tests use really starts here: QEMU
# dumps a DTB of its virt machine (with the default NIC, whose option ROM
# comes from ipxe-qemu), dtc compiles and decompiles it, iasl compiles and
# decodes a table, and dt-validate validates the DTB. The first that fails
# stops the script with exit 1 and names the Debian package it comes from.
set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { # WHAT PACKAGE LOG
	echo "prove-oracles: $1 does not work; install or repair Debian package '$2':" >&2
	sed 's/^/    /' "$3" >&2
	exit 1
}

qemu-system-aarch64 -machine virt,gic-version=3,its=on,dumpdtb="$tmp/virt.dtb" \
	-cpu cortex-a57 -m 256M -nographic >"$tmp/qemu.log" 2>&1 && [ -s "$tmp/virt.dtb" ] ||
	fail "qemu-system-aarch64 (dumpdtb, default NIC)" "qemu-system-arm, ipxe-qemu" "$tmp/qemu.log"
echo "ok: $(qemu-system-aarch64 --version | head -n1) dumps a DTB"

dtc -q -I dtb -O dts -o "$tmp/virt.dts" "$tmp/virt.dtb" >"$tmp/dtc.log" 2>&1 &&
	dtc -q -I dts -O dtb -o "$tmp/again.dtb" "$tmp/virt.dts" >>"$tmp/dtc.log" 2>&1 ||
	fail "dtc" device-tree-compiler "$tmp/dtc.log"
echo "ok: $(dtc --version) decompiles and compiles it"

cat >"$tmp/t.asl" <<'ASL'
DefinitionBlock ("", "SSDT", 2, "GICDSC", "PROOF", 1) { Name (ABCD, 1) }
ASL
(cd "$tmp" && iasl -p t t.asl && iasl -d t.aml) >"$tmp/iasl.log" 2>&1 && [ -s "$tmp/t.dsl" ] ||
	fail "iasl" acpica-tools "$tmp/iasl.log"
echo "ok: iasl $(iasl -v 2>/dev/null | grep -o 'version [0-9]*' | head -n1) compiles and decodes a table"

dt-validate "$tmp/virt.dtb" >"$tmp/dtv.log" 2>&1 ||
	fail "dt-validate" "dt-schema (python3-jsonschema, python3-ruamel.yaml, python3-libfdt)" "$tmp/dtv.log"
echo "ok: dt-validate $(dt-validate --version 2>/dev/null) validates it"

#!/usr/bin/env bash
# build-dt-corpus.sh - the arm64 device trees of Linux 6.12 (Debian's
# linux-source-6.12) compiled the way the kernel's scripts/Makefile.lib does:
# cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp with the kernel's
# include-prefixes, then dtc -O dtb -b 0. Real firmware for `gicdesc check`.
#
#   scripts/build-dt-corpus.sh OUTDIR [VENDOR/BOARD.dts...]
#
# Writes OUTDIR/<vendor>/<board>.dtb (every board, or only those named) and
# prints how many compiled. Sources are
# extracted once into ${GICDESC_TOOLS_CACHE:-~/.cache/gicdesc-tools}/linux-6.12.
# Runs holding OUTDIR/.lock (tests that run at once share one OUTDIR); a whole
# corpus already built there is kept (OUTDIR/.built holds its summary).
set -euo pipefail
out=${1:?usage: build-dt-corpus.sh OUTDIR [VENDOR/BOARD.dts...]}
shift
tarball=/usr/src/linux-source-6.12.tar.xz
[ -r "$tarball" ] || { echo "build-dt-corpus: $tarball missing (Debian linux-source-6.12)" >&2; exit 77; }
cache=${GICDESC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gicdesc-tools}/linux-6.12
src=$cache/linux-source-6.12
if [ ! -e "$cache/.extracted" ]; then
	mkdir -p "$cache"
	tar -C "$cache" -xJf "$tarball" --wildcards \
		'linux-source-6.12/arch/arm64/boot/dts/*' 'linux-source-6.12/arch/arm/boot/dts/*' \
		'linux-source-6.12/include/dt-bindings/*' 'linux-source-6.12/include/uapi/linux/input-event-codes.h' 'linux-source-6.12/scripts/dtc/include-prefixes/*'
	touch "$cache/.extracted"
fi
prefixes=$src/scripts/dtc/include-prefixes
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9
if [ $# -eq 0 ] && [ -e "$out/.built" ]; then
	cat "$out/.built"
	exit 0
fi
rm -f "$out/.built"

compile() { # one board: $1 = path of the .dts under arch/arm64/boot/dts
	local dts=$1 rel dtb pp
	rel=${dts#"$src"/arch/arm64/boot/dts/}
	dtb=$out/${rel%.dts}.dtb
	pp=$dtb.pp
	mkdir -p "$(dirname "$dtb")"
	if cpp -nostdinc -I "$prefixes" -undef -D__DTS__ -x assembler-with-cpp -o "$pp" "$dts" 2>/dev/null &&
		dtc -q -O dtb -b 0 -i "$(dirname "$dts")" -i "$prefixes" -o "$dtb" "$pp" 2>/dev/null; then
		rm -f "$pp"
		echo ok
	else
		rm -f "$pp" "$dtb"
		echo "failed $rel"
	fi
}
export -f compile
export src out prefixes
if [ $# -gt 0 ]; then printf "$src/arch/arm64/boot/dts/%s\n" "$@"; else
	find "$src/arch/arm64/boot/dts" -name '*.dts' | sort
fi |
	xargs -P "$(nproc)" -I{} bash -c 'compile "$1"' _ {} >"$out/build.log"
summary="build-dt-corpus: $(grep -c '^ok' "$out/build.log") DTBs compiled, $(grep -c '^failed' "$out/build.log" || true) failed with Debian's dtc (see $out/build.log)"
[ $# -gt 0 ] || echo "$summary" >"$out/.built"
echo "$summary"

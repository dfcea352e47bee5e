#!/usr/bin/env bash
# Build integration, as a consumer project uses an installed gicdesc: `cmake --install` of
# this build into a prefix, then three consumers (tests/cli/build-consumers/): a CMake
# project through find_package(gicdesc) with the Ninja and with the Makefile generator, and
# a Makefile through share/gicdesc/gicdesc.mk. Each:
# - writes the outputs that `gicdesc generate --list-outputs` names, though the description
#   gives its platform name in flow style (`platform: {name: fw, ...}`, which the old grep of
#   Gicdesc.cmake read as no name at all), and a step after it sees them;
# - builds nothing when nothing changed (the outputs keep their inode: gicdesc replaces a
#   file it writes by a rename, util/outset.h);
# - writes them again when the description, the --base DTB or the waivers file gets a later
#   mtime (the depfile of generate -d, read by Ninja, by CMake's Makefiles, by make), and
#   then builds nothing again; a changed description's new OEM revision reaches the MADT,
#   and gicdesc_generate(IORT_REVISION 0) the IORT.
# The CMake consumers live under a folder whose name has a space: Ninja and CMake read the
# depfile's escaped paths back. Needs: cmake, ninja (Debian ninja-build), make.
. "$(dirname "$0")/lib.sh"
command -v ninja >/dev/null || skip "ninja (Debian ninja-build) not installed"

prefix=$WORK/prefix
cmake --install "$(dirname "$GICDESC")" --prefix "$prefix" >/dev/null
cmake_dir=$prefix/share/gicdesc/cmake
check "installed the package config" test -f "$cmake_dir/gicdescConfig.cmake" -a \
	-f "$cmake_dir/gicdescConfigVersion.cmake" -a -f "$cmake_dir/Gicdesc.cmake"
check "installed gicdesc.mk" test -f "$prefix/share/gicdesc/gicdesc.mk"
check "installed the bash completion" test -f "$prefix/share/bash-completion/completions/gicdesc"
check "installed the schema" test -f "$prefix/share/gicdesc/schemas/gicdesc.schema.json"

inode() { stat -c %i "$1"; }
inodes() { local f; for f in "$@"; do inode "$f"; done | xargs; }

# consumer NAME BUILD-COMMAND...: the checks above for one consumer whose inputs are in $src,
# whose outputs go to $fw and whose step after them writes $packed.
consumer() {
	local name=$1 k=0 before input
	shift
	"$@" >"$src/log" 2>&1 || { cat "$src/log"; not_ok "$name: first build"; return; }
	check "$name: wrote the outputs --list-outputs names" \
		test "$(cd "$fw" && ls fw.dtb iort.aml madt.aml | xargs)" = "fw.dtb iort.aml madt.aml"
	check "$name: the step after it saw them" grep -q "fw.dtb" "$packed"
	before=$(inodes "$fw"/*.dtb "$fw"/*.aml "$packed")
	"$@" >"$src/log" 2>&1
	check "$name: nothing done when nothing changed" \
		test "$(inodes "$fw"/*.dtb "$fw"/*.aml "$packed")" = "$before"
	sed -i 's/oem-revision: 1/oem-revision: 2/' "$src/board.yaml"
	for input in "$src/board.yaml" "$src/base.dtb" "$src/waivers.yaml"; do
		before=$(inode "$fw/fw.dtb")
		touch "$input"
		"$@" >"$src/log" 2>&1 || cat "$src/log"
		check "$name: a later $(basename "$input") makes the outputs again" \
			test "$(inode "$fw/fw.dtb")" != "$before"
		before=$(inode "$fw/fw.dtb")
		"$@" >"$src/log" 2>&1
		check "$name: and then nothing again" test "$(inode "$fw/fw.dtb")" = "$before"
	done
	# OEM revision is bytes 24..27 of every ACPI table header (ACPI 6.5 §5.2.6).
	check "$name: the new OEM revision is in the MADT" \
		test "$(od -An -tu4 -j24 -N4 "$fw/madt.aml" | tr -d ' ')" = 2
}

# inputs DIR: the consumer's inputs in DIR, an hour old.
inputs() {
	mkdir -p "$1"
	sed -e 's/^platform:$/platform: {name: fw, oem-id: "BOCHS ", oem-table-id: "BXPC    ", oem-revision: 1}/' \
		-e '/^  name: qemu-virt/d' -e '/^  oem-id:/d' -e '/^  oem-table-id:/d' \
		-e '/^  oem-revision:/d' "$EXAMPLE" >"$1/board.yaml"
	cp "$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" "$1/base.dtb"
	printf 'gicdesc-waivers: 1\nwaivers: []\n' >"$1/waivers.yaml"
	touch -d '-1 hour' "$1"/*
}

for generator in Ninja "Unix Makefiles"; do
	root="$WORK/with space/${generator// /-}"
	src=$root/src fw=$root/build/firmware packed=$root/build/packed.txt
	inputs "$src"
	cmake -G "$generator" -S "$GICDESC_SRC/tests/cli/build-consumers/cmake" -B "$root/build" \
		-DCMAKE_PREFIX_PATH="$prefix" -DBOARD_YAML="$src/board.yaml" \
		-DBOARD_BASE="$src/base.dtb" -DBOARD_WAIVERS="$src/waivers.yaml" >"$root/configure.log" 2>&1 ||
		cat "$root/configure.log"
	consumer "CMake+$generator" cmake --build "$root/build"
	# Revision is byte 8 of an ACPI table header (ACPI 6.5 §5.2.6); 0 is a value CMake's if() drops.
	check "CMake+$generator: IORT_REVISION 0 reached the IORT" \
		test "$(od -An -tu1 -j8 -N1 "$fw/iort.aml" | tr -d ' ')" = 0
done

root=$WORK/make src=$WORK/make/src fw=$WORK/make/firmware packed=$WORK/make/packed.txt
inputs "$src"
consumer "make+gicdesc.mk" make -C "$GICDESC_SRC/tests/cli/build-consumers/make" \
	GICDESC_PREFIX="$prefix" BOARD_YAML="$src/board.yaml" BOARD_BASE="$src/base.dtb" \
	BOARD_WAIVERS="$src/waivers.yaml" OUT="$root"
finish

#!/usr/bin/env bash
# setup.sh - from a fresh Debian bookworm machine to a built gicdesc.
#
#   scripts/setup.sh          install what is missing, build, and run
#                             `gicdesc generate` on the QEMU example (into out/)
#   scripts/setup.sh --test   the same, then prove every oracle starts, and run
#                             the whole test suite: in a gcc build, in a gcc
#                             ASan+UBSan build, and in a clang build with the
#                             libFuzzer harnesses run for a short fixed time
#
# Installs Debian packages only (apt-get, as root or through sudo); never
# changes anything else on the machine. Packages are installed with
# --no-install-recommends, so every package a test runs is named here,
# down to what those need at run time (a minimal root proves it:
# scripts/fresh-root-test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests=0
case "${1:-}" in
--test) run_tests=1 ;;
"") ;;
*) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

# Build: compiler and C library headers (gcc alone brings no libc6-dev),
# CMake, libraries.
packages=(gcc libc6-dev make cmake pkgconf libyaml-dev libfdt-dev)
# Tests: cmocka; clang with its sanitizer and libFuzzer runtimes (the clang
# build and tests/fuzz); the oracles: dtc, iasl, dt-validate with Linux 6.1's
# and 6.12's bindings (linux-source-*), QEMU with the ROMs its default NIC
# loads (ipxe-qemu) and UEFI for arm64 (qemu-efi-aarch64); man-db renders the
# man pages and mandoc lints them; python3 and its modules run the test scripts; cpp preprocesses
# binding examples; flock (util-linux), xz and dpkg-deb fetch the boot kernel
# into ~/.cache/gicdesc-boot; graphviz's dot parses the routing graphs; ninja-build
# is the Ninja that a consumer CMake project of test_build_consumers builds with
# (gicdesc_generate()'s depfile read by Ninja as well as by Makefiles).
test_packages=(libcmocka-dev clang libclang-rt-14-dev
	device-tree-compiler acpica-tools dt-schema linux-source-6.1 linux-source-6.12
	qemu-system-arm ipxe-qemu qemu-efi-aarch64 man-db
	python3 python3-yaml python3-jsonschema python3-libfdt cpp util-linux xz-utils graphviz mandoc
	ninja-build)
[ "$run_tests" = 1 ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "== installing: ${missing[*]}"
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
tests=OFF
[ "$run_tests" = 1 ] && tests=ON

echo "== building (build/)"
cmake -S . -B build -DGICDESC_TESTS=$tests >/dev/null
cmake --build build -j "$jobs"

echo "== gicdesc generate examples/qemu-virt/qemu-virt.yaml -> out/"
./build/gicdesc generate -o out examples/qemu-virt/qemu-virt.yaml

[ "$run_tests" = 1 ] || exit 0

echo "== oracles start"
scripts/prove-oracles.sh

echo "== tests (gcc build)"
(cd build && ctest --output-on-failure -j "$jobs")

echo "== tests (gcc, ASan + UBSan build, build-asan/)"
cmake -S . -B build-asan -DGICDESC_SANITIZE=ON -DGICDESC_TESTS=ON >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")

echo "== tests (clang build with the libFuzzer harnesses, build-clang/)"
CC=clang cmake -S . -B build-clang -DGICDESC_TESTS=ON -DGICDESC_FUZZ=ON >/dev/null
cmake --build build-clang -j "$jobs"
(cd build-clang && ctest --output-on-failure -j "$jobs" -L 'unit|fuzz')

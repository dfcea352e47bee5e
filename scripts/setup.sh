#!/usr/bin/env bash
# setup.sh - from a fresh Debian bookworm machine to a built gicdesc.
#
#   scripts/setup.sh          install what is missing, build, and run
#                             `gicdesc generate` on the QEMU example (into out/)
#   scripts/setup.sh --test   the same, then the whole test suite: once in a
#                             normal build, once built with ASan and UBSan
#
# Installs Debian packages only (apt-get, as root or through sudo); never
# changes anything else on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests=0
case "${1:-}" in
--test) run_tests=1 ;;
"") ;;
*) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

# Build: compiler, CMake, libraries. Tests: cmocka and the oracles (dtc, iasl,
# dt-validate with Linux 6.1's bindings, QEMU, JSON Schema validation); the
# boot tests also need UEFI for arm64 (qemu-efi-aarch64), flock (util-linux)
# and dpkg-deb, and download an arm64 kernel into ~/.cache/gicdesc-boot.
packages=(gcc make cmake pkgconf libyaml-dev libfdt-dev)
test_packages=(libcmocka-dev device-tree-compiler acpica-tools dt-schema linux-source-6.1
	linux-source-6.12
	python3 python3-yaml python3-jsonschema python3-libfdt cpp util-linux xz-utils
	qemu-system-arm qemu-efi-aarch64)
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

echo "== tests (normal build)"
(cd build && ctest --output-on-failure -j "$jobs")

echo "== tests (ASan + UBSan build, build-asan/)"
cmake -S . -B build-asan -DGICDESC_SANITIZE=ON -DGICDESC_TESTS=ON >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")

#!/usr/bin/env bash
# fuzz.sh - builds (if needed) and runs one libFuzzer harness of tests/fuzz
# for longer than the fuzz label does, under ASan+UBSan, at nice 10.
#
#   scripts/fuzz.sh HARNESS [SECONDS] [LIBFUZZER-OPTION...]
#
# HARNESS is yaml, dtb, acpi or base (tests/fuzz/README.md); SECONDS defaults
# to 600. The build is build-clang/ (CC=clang, GICDESC_FUZZ=ON, as setup.sh
# makes it). The corpus is build-clang/fuzz-runs/HARNESS/corpus, seeded from
# the tree on the first run and kept between runs; finds (crash-*, leak-*,
# timeout-*, oom-*) go to build-clang/fuzz-runs/HARNESS/finds/. Needs clang
# and libclang-rt-14-dev (scripts/setup.sh --test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
yaml | dtb | acpi | base) ;;
*)
	echo "usage: scripts/fuzz.sh yaml|dtb|acpi|base [SECONDS] [LIBFUZZER-OPTION...]" >&2
	exit 2
	;;
esac
harness=$1
seconds=${2:-600}
shift $(($# < 2 ? $# : 2))

if ! grep -q '^GICDESC_FUZZ:BOOL=ON' build-clang/CMakeCache.txt 2>/dev/null; then
	CC=clang cmake -S . -B build-clang -DGICDESC_TESTS=ON -DGICDESC_FUZZ=ON >/dev/null
fi
cmake --build build-clang -j 2 --target "fuzz_$harness" >/dev/null
work=build-clang/fuzz-runs/$harness
status=0
tests/fuzz/run.sh build-clang/tests/fuzz/fuzz_"$harness" "$harness" "$seconds" "$work" "$@" ||
	status=$?
echo "corpus: $work/corpus ($(find "$work/corpus" -type f | wc -l) files)"
echo "finds:  $work/finds/ ($(find "$work/finds" -type f | wc -l) files)"
exit $status

#!/usr/bin/env bash
# run.sh - runs one libFuzzer harness of tests/fuzz from a scratch copy of its
# seeds, under ASan+UBSan (how it was built), at nice 10:
#
#   run.sh [--fresh] FUZZER HARNESS SECONDS WORKDIR [LIBFUZZER-OPTION...]
#
# FUZZER is the fuzz_HARNESS binary. WORKDIR/corpus starts as a copy of
# corpus/HARNESS and regressions/HARNESS (--fresh: always; else only when it
# does not exist, so that a longer campaign goes on from where it stopped);
# what libFuzzer adds goes there too. A crash, leak, timeout (-timeout=10)
# or OOM (-rss_limit_mb=2048) is written to WORKDIR/finds/ and ends the run
# with a non-zero status. The tree is never written.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fresh=0
if [ "${1:-}" = --fresh ]; then
	fresh=1
	shift
fi
if [ $# -lt 4 ]; then
	echo "usage: run.sh [--fresh] FUZZER HARNESS SECONDS WORKDIR [LIBFUZZER-OPTION...]" >&2
	exit 2
fi
fuzzer=$1 harness=$2 seconds=$3 work=$4
shift 4

dict=()
case "$harness" in
yaml) dict=(-dict="$here/yaml.dict") ;;
dtb | base) dict=(-dict="$here/dtb.dict") ;;
esac

[ "$fresh" = 1 ] && rm -rf "$work/corpus"
mkdir -p "$work/finds"
if [ ! -d "$work/corpus" ]; then
	mkdir -p "$work/corpus"
	for seeds in "$here/corpus/$harness" "$here/regressions/$harness"; do
		for f in "$seeds"/*; do
			[ -f "$f" ] && cp "$f" "$work/corpus/"
		done
	done
fi
echo "fuzz $harness for ${seconds}s: corpus $work/corpus, finds $work/finds/"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	nice -n 10 "$fuzzer" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/finds/" "$@" \
	"$work/corpus"

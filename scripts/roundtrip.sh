#!/bin/bash
# SPDX-License-Identifier: MIT
# roundtrip.sh [FIRST_SEED] [COUNT]: the generative round trip (tests/gen/roundtrip_seed.sh) of
# COUNT seeded random platforms from FIRST_SEED (default: 1 and 1), two at a time. Builds
# nothing: GICDESC names the binary (default build/gicdesc of this checkout). Prints each
# seed's assertions ("ok - seed N: ..." or "not ok - seed N: ..." with the details on "#"
# lines), seeds in order, then "N seeds, N failed"; exits 1 when one failed.
# Environment: ROUNDTRIP_JOBS (seeds run at once, default 2), ROUNDTRIP_DIR (where the seeds'
# folders go, default a temporary folder), ROUNDTRIP_KEEP=1 (keep the folders: each holds
# p.yaml, expect.json, out/ and the oracles' logs).
# Example: scripts/roundtrip.sh 1000 50; ROUNDTRIP_KEEP=1 scripts/roundtrip.sh 17 1
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
first=${1:-1} count=${2:-1}
case "$first$count" in *[!0-9]*)
	echo "usage: roundtrip.sh [FIRST_SEED] [COUNT]" >&2
	exit 2
	;;
esac
export GICDESC=${GICDESC:-$src/build/gicdesc} GICDESC_SRC=$src
[ -x "$GICDESC" ] || { echo "roundtrip.sh: $GICDESC is not built (set GICDESC)" >&2; exit 2; }
dir=${ROUNDTRIP_DIR:-}
if [ -z "$dir" ]; then
	dir=$(mktemp -d "${TMPDIR:-/tmp}/gicdesc-roundtrip.XXXXXX") || exit 2
	[ "${ROUNDTRIP_KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir" || exit 2
# iasl-modern fetches its iasl once: not from two seeds at the same time.
"$src/tools/iasl-modern" -v >/dev/null 2>&1 || { echo "roundtrip.sh: tools/iasl-modern does not run" >&2; exit 2; }

seq "$first" $((first + count - 1)) |
	xargs -P "${ROUNDTRIP_JOBS:-2}" -I{} sh -c 'bash "$1" "$2" "$3/$2" >"$3/$2.log" 2>&1' _ \
		"$src/tests/gen/roundtrip_seed.sh" {} "$dir"
failed=0
for seed in $(seq "$first" $((first + count - 1))); do
	cat "$dir/$seed.log"
	grep -q '^not ok' "$dir/$seed.log" && failed=$((failed + 1))
	[ "${ROUNDTRIP_KEEP:-0}" = 1 ] || rm -rf "${dir:?}/$seed"
done
[ "${ROUNDTRIP_KEEP:-0}" = 1 ] && echo "# the seeds' folders are in $dir"
echo "$count seeds, $failed failed"
[ "$failed" = 0 ]

#!/bin/bash
# SPDX-License-Identifier: MIT
# Every file of tests/data/yaml-bad/ (and inputs too large to commit) must be
# refused by `gicdesc generate`: the exit status its first line expects
# ("# expect: STATUS LINE:COL [errors=N]"), "FILE:LINE:COL: error:" at the
# expected place, no crash, no sanitizer report, no hang, and nothing written.
set -u
: "${GICDESC:?}" "${GICDESC_SRC:?}" "${GICDESC_TMP:?}"
work="$GICDESC_TMP/yaml-bad"
rm -rf "$work" && mkdir -p "$work" || exit 1
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# check FILE STATUS LOCATION [ERRORS]: LOCATION is "LINE:COL", or "" for a file-level error.
check() {
	local file=$1 want=$2 where=$3 errors=${4:-} out="$work/out" err="$work/stderr"
	rm -rf "$out" && mkdir -p "$out"
	timeout 10 "$GICDESC" generate -o "$out" "$file" >/dev/null 2>"$err"
	local status=$?
	local name=${file##*/}
	if [ "$status" -ge 124 ]; then
		fail "$name: status $status (crash or hang)"
		cat "$err"
		return
	fi
	[ "$status" -eq "$want" ] || fail "$name: status $status, expected $want"
	if grep -q -e 'Sanitizer' -e 'runtime error' "$err"; then
		fail "$name: sanitizer report"
	fi
	local prefix="$file:${where:+$where:} error:"
	head -1 "$err" | grep -qF -- "$prefix" || fail "$name: first diagnostic is not '$prefix...'"
	if [ -n "$errors" ]; then
		local n
		n=$(grep -cF -- "$file:" "$err")
		[ "$n" -eq "$errors" ] || fail "$name: $n errors, expected $errors"
	fi
	[ -z "$(ls -A "$out")" ] || fail "$name: wrote files: $(ls -A "$out")"
	[ "$failures" -eq 0 ] || cat "$err"
}

n=0
for f in "$GICDESC_SRC"/tests/data/yaml-bad/*.yaml; do
	read -r hash word status where errors < <(head -1 "$f")
	if [ "$hash $word" != "# expect:" ]; then
		fail "${f##*/}: no '# expect:' first line"
		continue
	fi
	check "$f" "$status" "$where" "${errors#errors=}"
	n=$((n + 1))
done

# 10000-deep nesting: refused at the 65th level, without recursing.
deep="$work/deep.yaml"
{
	printf 'gicdesc: 1\nx: '
	head -c 10000 /dev/zero | tr '\0' '['
	echo
} >"$deep"
check "$deep" 2 "2:67"

# A 17 MiB file: refused before parsing.
big="$work/big.yaml"
{
	echo 'gicdesc: 1'
	head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' '#'
	echo
} >"$big"
check "$big" 2 ""
rm -f "$deep" "$big"

echo "$((n + 2)) bad inputs checked, $failures failures"
[ "$failures" -eq 0 ]

#!/usr/bin/env bash
# run.sh - gicdesc's speed and memory against its baselines, as ratios measured
# in this one run (bench/README.md says what each line means).
#
#   bench/run.sh [BUILD_DIR]      (default build/; or `cmake --build B --target bench`)
#
# Needs BUILD_DIR/gicdesc and BUILD_DIR/bench/yaml_scan, /usr/bin/time, dtc and
# python3. Every time is the median of REPEAT runs (default 3); peak RSS is
# GNU time's "maximum resident set size". The corpus part needs the DTBs of
# scripts/build-dt-corpus.sh in GICDESC_CORPUS (default /var/tmp/corpus612)
# and is skipped with a message when they are absent. The synthetic platforms
# are written by bench/synth_platform.py into a temporary folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
gicdesc=$build/gicdesc
scan=$build/bench/yaml_scan
corpus=${GICDESC_CORPUS:-/var/tmp/corpus612}
repeat=${REPEAT:-3}
for tool in "$gicdesc" "$scan" /usr/bin/time dtc python3; do
	command -v "$tool" >/dev/null || { echo "run.sh: $tool missing (build first?)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# once CMD...: runs CMD (output discarded, exit status ignored: check exits 1
# on findings) and prints "WALL CPU RSS": seconds, user + system seconds, KiB.
once() {
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1 || true
	tail -n1 "$tmp/time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

# median CMD...: once, REPEAT times; prints the median of each column.
median() {
	for _ in $(seq "$repeat"); do once "$@"; done >"$tmp/runs"
	local col out=""
	for col in 1 2 3; do
		out+="$(cut -d' ' -f$col "$tmp/runs" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') "
	done
	echo "${out% }"
}

# ratio A B: A / B to two decimals ("-" when B is 0).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

echo "gicdesc bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), median of $repeat"
echo "times: wall seconds / CPU (user + system) seconds; ratios of medians"
echo

echo "== check --each over the Linux 6.12 DTB corpus vs dtc -I dtb -O dts per DTB"
mapfile -t dtbs < <(find "$corpus" -name '*.dtb' 2>/dev/null | sort)
if [ ${#dtbs[@]} -eq 0 ]; then
	echo "skipped: no DTB under $corpus (scripts/build-dt-corpus.sh $corpus)"
else
	printf '%s\0' "${dtbs[@]}" >"$tmp/dtbs"
	read -r cw cc _ < <(median "$gicdesc" check --each -q "${dtbs[@]}")
	read -r dw dc _ < <(median xargs -0 -n1 -a "$tmp/dtbs" dtc -q -I dtb -O dts -o /dev/null)
	printf '%d DTBs: check --each %s s / %s s; dtc per process %s s / %s s\n' \
		${#dtbs[@]} "$cw" "$cc" "$dw" "$dc"
	printf 'check --each / dtc: wall %sx, CPU %sx (target <= 0.25x)\n' \
		"$(ratio "$cw" "$dw")" "$(ratio "$cc" "$dc")"
fi
echo

echo "== synthetic platforms (bench/synth_platform.py N): check and generate vs a bare libyaml scan"
printf '%6s %8s | %12s | %12s %12s | %12s %8s | %12s %10s %7s | %7s\n' \
	mappings "YAML KB" "scan s" "check s" "check/scan" "check RSS" "/input" \
	"generate s" "gen RSS" "/input" "growth"
formats=dts,dtsi,dtb,iort,iort-dsl,madt,madt-dsl
prev=""
for n in 4096 8192 16384 32768 65536; do
	y=$tmp/synth-$n.yaml
	python3 "$here/synth_platform.py" "$n" >"$y"
	size=$(stat -c %s "$y")
	kb=$((size / 1024))
	read -r sw sc _ < <(median "$scan" "$y")
	read -r kw kc kr < <(median "$gicdesc" check -q "$y")
	mkdir -p "$tmp/out-$n"
	read -r gw gc gr < <(median "$gicdesc" generate -q -f "$formats" -o "$tmp/out-$n" "$y")
	growth=-
	[ -n "$prev" ] && growth="$(ratio "$gc" "$prev")x"
	prev=$gc
	printf '%8d %8d | %5s / %4s | %5s / %4s %5sx / %4sx | %9d KB %7sx | %5s / %4s %7d KB %6sx | %7s\n' \
		"$n" "$kb" "$sw" "$sc" "$kw" "$kc" "$(ratio "$kw" "$sw")" "$(ratio "$kc" "$sc")" \
		"$kr" "$(ratio "$kr" "$kb")" "$gw" "$gc" "$gr" "$(ratio "$gr" "$kb")" "$growth"
done
echo "targets at 65536: check/scan <= 2x; generate RSS/input <= 10x (every format, below); growth <= 2.2x per doubling (CPU)"
echo

n=65536
y=$tmp/synth-$n.yaml
kb=$(($(stat -c %s "$y") / 1024))
echo "== generate of each format alone at $n mappings: peak RSS / input ($kb KB), time vs the scan and vs dtc"
for f in ${formats//,/ }; do
	read -r _ fc fr < <(once "$gicdesc" generate -q -f "$f" -o "$tmp/out-$n" "$y")
	printf '%-9s %7d KB %6sx  CPU %5s s\n' "$f" "$fr" "$(ratio "$fr" "$kb")" "$fc"
done
dts=$(ls "$tmp/out-$n"/*.dts)
read -r tw tc tr < <(median dtc -q -I dts -O dtb -o /dev/null "$dts")
read -r gw gc _ < <(median "$gicdesc" generate -q -f dts,dtb -o "$tmp/out-$n" "$y")
printf 'dtc -I dts -O dtb of our %d KB DTS: %s s / %s s, %d KB RSS; generate -f dts,dtb from the YAML: %s s / %s s (%sx / %sx dtc)\n' \
	$(($(stat -c %s "$dts") / 1024)) "$tw" "$tc" "$tr" "$gw" "$gc" "$(ratio "$gw" "$tw")" "$(ratio "$gc" "$tc")"

#!/usr/bin/env bash
# fresh-root-test.sh - proves README's second command on a machine that has
# nothing but what scripts/setup.sh installs: a minimal Debian 12 root
# (debootstrap --variant=minbase, as the debian:bookworm-slim image, plus git),
# a fresh clone of this checkout's HEAD and a copy of shared/ beside it, and
# `bash .ci/run` inside it as CI runs it (CI=true, no standard input), in a
# chroot with its own /proc, /dev and /tmp.
#
#   scripts/fresh-root-test.sh [--keep]
#
# Needs root (debootstrap, mount, chroot) and the Debian archive that this
# machine's apt sources name. The pristine root is built once and cached as a
# tarball (~/.cache/gicdesc-fresh-root/); every run unpacks a new copy, so
# nothing one run installs is there for the next. The whole log is kept in
# ~/.cache/gicdesc-fresh-root/last.log. --keep leaves the root (its path is
# printed) for a look after the run. Exit status: that of .ci/run.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
keep=0
[ "${1:-}" = --keep ] && keep=1
[ "$(id -u)" = 0 ] || { echo "fresh-root-test: needs root (debootstrap, mount, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || {
	echo "fresh-root-test: needs debootstrap: apt-get install debootstrap" >&2
	exit 2
}

cache=${GICDESC_FRESH_ROOT_CACHE:-$HOME/.cache/gicdesc-fresh-root}
tarball=$cache/bookworm-minbase-git.tar
log=$cache/last.log
mkdir -p "$cache"

# The archive this machine already uses (first bookworm URI of its sources).
mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ && u {print u; exit}' "$f"
	done | head -n1
	grep -hsE '^deb +[^[]*bookworm( |$)' /etc/apt/sources.list | awk '{print $2}' | head -n1
	return 0
}

if [ ! -s "$tarball" ]; then
	url=$(mirror | head -n1)
	[ -n "$url" ] || { echo "fresh-root-test: no bookworm archive in /etc/apt/sources*" >&2; exit 2; }
	build=$(mktemp -d "$cache/build.XXXXXX")
	echo "== debootstrap --variant=minbase --include=git bookworm (once; cached in $tarball)"
	debootstrap --variant=minbase --include=git,ca-certificates bookworm "$build" "$url" \
		>"$cache/debootstrap.log" 2>&1 || {
		tail -n 20 "$cache/debootstrap.log" >&2
		rm -rf "$build"
		exit 2
	}
	tar -C "$build" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
	rm -rf "$build"
fi

root=$(mktemp -d /var/tmp/gicdesc-fresh-root.XXXXXX)
cleanup() {
	local m
	for m in tmp dev/pts dev proc; do
		mountpoint -q "$root/$m" && umount -l "$root/$m"
	done
	if [ "$keep" = 1 ]; then echo "fresh-root-test: root kept in $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT
tar -C "$root" -xf "$tarball"

# The same archive (and security updates) as this machine, and its resolver.
rm -f "$root/etc/apt/sources.list"
cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$root/etc/apt/"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

# CI's layout: a fresh clone of main's HEAD, shared/ beside it without write bits.
git clone -q --no-local "$src" "$root/work/main"
commit=$(git -C "$root/work/main" rev-parse --short HEAD) # what runs, not what HEAD is by the end
if [ -d "$src/../shared" ]; then
	cp -r "$src/../shared" "$root/work/shared"
	chmod -R a-w "$root/work/shared"
fi

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"

echo "== bash .ci/run in a fresh Debian 12 minbase root ($root), log: $log"
start=$(date +%s)
set +e
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	LANG=C.UTF-8 CI=true bash -c 'cd /work/main && bash .ci/run' </dev/null >"$log" 2>&1
status=$?
set -e
tail -n 30 "$log"
echo "== fresh-root-test: .ci/run exited $status after $(($(date +%s) - start)) s (commit $commit)"
exit $status

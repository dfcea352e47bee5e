#!/usr/bin/env bash
# modern-oracles.sh - the newest oracles Debian has (sid): QEMU (qemu-system-arm), iasl
# (acpica-tools), dtc (device-tree-compiler), dt-validate (dt-schema), the Linux source
# (linux-source, for its bindings) and sid's arm64 kernel (linux-image-arm64: vmlinuz, config
# and modules under /opt/linux-arm64/usr/lib/modules/ABI/), in a Debian sid root built once
# with debootstrap and cached; then prints which suite offered which version and each tool's
# version. Their binaries need a newer C library than Debian 12's, so tools/modern runs them
# from that root on this machine's files.
#
#   scripts/modern-oracles.sh          build the root if needed, print the versions
#   scripts/modern-oracles.sh --root   the same, but print only the root's path (for tools/modern)
#
# Cache: $GICDESC_MODERN_CACHE, default ~/.cache/gicdesc-modern: sid-oracles.tar (the root,
# built once), root/ (it unpacked), versions (what apt installed, from which suite), build.log.
# Delete the cache to take the archive's current packages. Needs root (debootstrap, chroot)
# and the Debian archive that this machine's apt sources name; the host's apt state is only
# read. Exit 77 with "cannot build the modern root: WHY" where the root cannot be built.
set -euo pipefail
only_root=0
[ "${1:-}" = --root ] && only_root=1
cache=${GICDESC_MODERN_CACHE:-$HOME/.cache/gicdesc-modern}
tarball=$cache/sid-oracles.tar
root=$cache/root
log=$cache/build.log
packages="qemu-system-arm qemu-system-data ipxe-qemu acpica-tools device-tree-compiler dt-schema linux-source"

cannot() { echo "cannot build the modern root: $*" >&2; exit 77; }

# The archive this machine's apt uses: the first URI of its sources that is not security's.
mirror() {
	{ sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null
	  sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) .*/\2/p' /etc/apt/sources.list 2>/dev/null
	} | grep -v security | head -n 1
	return 0
}

# build: debootstrap sid (minbase) into a fresh folder, with sid and trixie-backports as its
# sources (backports keep their default priority 100, so apt takes sid's version unless only
# backports has one), install the packages, fetch and unpack the arm64 kernel, and tar it.
build() {
	[ "$(id -u)" = 0 ] || cannot "needs root (debootstrap, chroot)"
	command -v debootstrap >/dev/null || cannot "no debootstrap (apt-get install debootstrap)"
	[ -e /usr/share/debootstrap/scripts/sid ] || cannot "this debootstrap does not know sid"
	local url b
	url=$(mirror)
	[ -n "$url" ] || cannot "no Debian archive in /etc/apt/sources*"
	b=$(mktemp -d "$cache/build.XXXXXX")
	# shellcheck disable=SC2064 # $b is fixed now
	trap "umount -l '$b/proc' 2>/dev/null; rm -rf '$b'" EXIT
	echo "== debootstrap --variant=minbase sid from $url (once; cached in $tarball, log $log)" >&2
	debootstrap --variant=minbase sid "$b" "$url" >"$log" 2>&1 ||
		cannot "debootstrap sid failed: $(tail -n 3 "$log" | tr '\n' ' ')"
	printf 'deb %s sid main\ndeb %s trixie-backports main\n' "$url" "$url" >"$b/etc/apt/sources.list"
	rm -f "$b/etc/apt/sources.list.d/"*
	# The archive may be a dated copy whose sid Release has passed its Valid-Until.
	echo 'Acquire::Check-Valid-Until "false";' >"$b/etc/apt/apt.conf.d/99gicdesc-modern"
	cp -L /etc/resolv.conf "$b/etc/resolv.conf"
	mount -t proc proc "$b/proc"
	# shellcheck disable=SC2016 # expanded inside the root
	chroot "$b" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
		DEBIAN_FRONTEND=noninteractive PACKAGES="$packages" sh -ec '
		dpkg --add-architecture arm64
		apt-get -q update
		apt-get -q install -y --no-install-recommends $PACKAGES
		for p in $PACKAGES linux-image-arm64:arm64; do
			echo "== $p"; apt-cache policy "$p" | sed -n "/Version table/,\$p"
		done >/versions.suites
		abi=$(apt-cache depends linux-image-arm64:arm64 | sed -n "s/^ *Depends: linux-image-\(.*\)-arm64.*/\1/p" | head -n 1)
		# linux-image-ABI is a meta package: the kernel, its modules and its config come in
		# the linux-*-ABI packages it depends on.
		debs=$(apt-cache depends "linux-image-$abi-arm64:arm64" |
			sed -n "s/^ *Depends: \(linux-[a-z]*-$abi-arm64\)\(:arm64\)\{0,1\}\$/\1:arm64/p")
		mkdir -p /opt/linux-arm64 /tmp/k && cd /tmp/k
		apt-get -q download "linux-image-$abi-arm64:arm64" $debs
		for d in *.deb; do
			dpkg -x "$d" /opt/linux-arm64
			dpkg-deb -f "$d" Package Version | paste -sd" "
		done >/opt/linux-arm64/packages
		cd / && rm -rf /tmp/k
		apt-get clean
		dpkg-query -W $PACKAGES $(ls /usr/src | sed -n "s/\.tar\.xz$//p") >/versions.installed
	' >>"$log" 2>&1 || cannot "installing the packages in the sid root failed: $(tail -n 3 "$log" | tr '\n' ' ')"
	umount -l "$b/proc"
	tar -C "$b" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
	rm -rf "$b"
	trap - EXIT
}

mkdir -p "$cache"
exec 9>"$cache/lock"
flock 9
[ -s "$tarball" ] || build
if [ ! "$root/.unpacked" -nt "$tarball" ]; then
	rm -rf "$root.new" && mkdir -p "$root.new"
	tar -C "$root.new" -xf "$tarball"
	touch "$root.new/.unpacked"
	rm -rf "$root" && mv "$root.new" "$root"
fi
flock -u 9 # tools/modern, run below, takes the lock too
if [ "$only_root" = 1 ]; then
	echo "$root"
	exit 0
fi

modern=$(cd "$(dirname "$0")/.." && pwd)/tools/modern
echo "== the modern root: $root (from $tarball)"
echo "== what each suite offers (sid at priority 500, trixie-backports at 100)"
cat "$root/versions.suites"
echo "== installed"
cat "$root/versions.installed"
kernel=$(echo "$root"/opt/linux-arm64/usr/lib/modules/*/vmlinuz)
echo "== arm64 kernel: $kernel (and config, modules beside it), from:"
sed 's/^Package: \(.*\) Version: /\1 /' "$root/opt/linux-arm64/packages"
grep -hw 'CONFIG_ARM_GIC_V5[A-Z0-9_]*' "${kernel%/vmlinuz}/config"
echo "== versions"
"$modern" qemu-system-aarch64 --version | head -n 1
"$modern" iasl -v | grep -m 1 -i version
"$modern" dtc --version
"$modern" dt-validate --version

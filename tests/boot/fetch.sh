#!/bin/sh
# fetch.sh - the arm64 kernel and busybox the boot tests run, downloaded once.
#
#   tests/boot/fetch.sh        prints the assets folder, fetching it if needed
#
# Cache: $GICDESC_BOOT_CACHE, default $HOME/.cache/gicdesc-boot. Its assets/
# folder holds vmlinuz, busybox, modules/*.ko and modules.order (the load
# order), and versions (the packages they came from); once complete it is used
# as it is, with no network. Delete it (or the whole cache) to fetch the
# archive's current kernel.
#
# The download uses a private APT state under the cache (lists, package cache,
# a sources list derived from the host's by apt_sources.py, arm64 only) and
# `apt-get download` + `dpkg -x`: nothing is installed and the host's APT
# configuration is left alone. Exit 77 (skip) when the archive is unreachable.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${GICDESC_BOOT_CACHE:-$HOME/.cache/gicdesc-boot}
assets=$cache/assets
mkdir -p "$cache"

# The virtio modules, dependencies first (linux-boot.md: the package's
# modules.dep is no use inside the initramfs).
modules="net/core/failover drivers/net/net_failover drivers/virtio/virtio_pci_legacy_dev
drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci drivers/net/virtio_net
drivers/char/hw_random/virtio-rng"

fetch() {
	apt=$cache/apt
	rm -rf "$apt" "$cache/assets.new"
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$apt/root"
	python3 "$here/apt_sources.py" >"$apt/sources.list"
	set -- -o APT::Architecture=arm64 -o APT::Architectures=arm64 \
		-o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" \
		-o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
		-o APT::Sandbox::User="$(id -un)" -o Debug::NoLocking=1
	# A source that fails (a third-party one without arm64) is not fatal: what
	# counts is whether linux-image-arm64 can be found.
	apt-get "$@" -q update >"$apt/update.log" 2>&1 || true
	abi=$(apt-cache "$@" depends linux-image-arm64 2>/dev/null |
		sed -n 's/^ *Depends: linux-image-\(.*\)-arm64$/\1/p' | head -n 1)
	if [ -z "$abi" ]; then
		echo "fetch.sh: no Debian arm64 archive reachable (apt-get update: $apt/update.log)" >&2
		exit 77
	fi
	(cd "$apt/debs" && apt-get "$@" -q download "linux-image-$abi-arm64" busybox-static \
		>"$apt/download.log" 2>&1) || {
		echo "fetch.sh: cannot download linux-image-$abi-arm64 busybox-static ($apt/download.log)" >&2
		exit 77
	}
	for deb in "$apt"/debs/*.deb; do
		dpkg -x "$deb" "$apt/root"
		dpkg-deb -f "$deb" Package Version | paste -sd' ' >>"$apt/versions"
	done
	new=$cache/assets.new
	mkdir -p "$new/modules"
	cp "$apt/root/boot/vmlinuz-$abi-arm64" "$new/vmlinuz"
	cp "$apt/root/bin/busybox" "$new/busybox"
	for m in $modules; do
		cp "$apt/root/lib/modules/$abi-arm64/kernel/$m.ko" "$new/modules/"
		basename "$m" >>"$new/modules.order"
	done
	mv "$apt/versions" "$new/versions"
	mv "$new" "$assets"
	rm -rf "$apt"
}

# Two tests may start at once: one fetches, the other waits for it.
exec 9>"$cache/lock"
flock 9
[ -f "$assets/modules.order" ] || fetch
echo "$assets"

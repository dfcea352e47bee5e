#!/usr/bin/env bash
# modern_kernel.sh - the assets of the GICv5 boot, in the layout fetch.sh gives
# the GICv3 boots: Debian sid's arm64 kernel from the modern root
# (scripts/modern-oracles.sh; CONFIG_ARM_GIC_V5=y), busybox from fetch.sh, and
# the kernel's modules the virtio-mmio rng device needs.
#
#   tests/boot/modern_kernel.sh     prints the assets folder, making it if needed
#
# The folder, $GICDESC_BOOT_CACHE/modern-ABI (default cache
# $HOME/.cache/gicdesc-boot), holds vmlinuz (a link into the root), busybox,
# modules/*.ko (unpacked from the root's .ko.xz), modules.order (dependencies
# first, from each module's modinfo "depends=") and versions. A driver the
# kernel has built in (=y in its config) is not loaded; one it lacks is an
# error. Exit 77 (skip) when the modern root cannot be built or fetch.sh cannot
# fetch busybox.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
cache=${GICDESC_BOOT_CACHE:-$HOME/.cache/gicdesc-boot}
mkdir -p "$cache"

# The drivers of the boot: config symbol and module name.
drivers="CONFIG_VIRTIO_MMIO:virtio_mmio CONFIG_HW_RANDOM_VIRTIO:virtio-rng"

root=$("$src/scripts/modern-oracles.sh" --root) || exit $?
busybox=$("$here/fetch.sh")/busybox || exit $?
set -- "$root"/opt/linux-arm64/usr/lib/modules/*/vmlinuz
[ -f "$1" ] || { echo "modern_kernel.sh: no arm64 kernel in $root/opt/linux-arm64" >&2; exit 1; }
kdir=$(dirname "$1")
assets=$cache/modern-$(basename "$kdir")

# add NAME: unpacks module NAME (its file name, '-' and '_' alike) after the
# modules it depends on, once.
add() {
	local path name dep
	path=$(grep -E "/$(echo "$1" | sed 's/[-_]/[-_]/g')\.ko\$" "$kdir/modules.order" | head -n 1)
	[ -n "$path" ] || { echo "modern_kernel.sh: no module $1 in $kdir" >&2; exit 1; }
	name=$(basename "$path" .ko)
	grep -qx "$name" "$new/modules.order" 2>/dev/null && return 0
	xz -dc "$kdir/$path.xz" >"$new/modules/$name.ko"
	for dep in $(tr '\0' '\n' <"$new/modules/$name.ko" | sed -n 's/^depends=//p' | tr , ' '); do
		add "$dep"
	done
	echo "$name" >>"$new/modules.order"
}

make_assets() {
	new=$assets.new
	rm -rf "$new"
	mkdir -p "$new/modules"
	: >"$new/modules.order"
	for d in $drivers; do
		case $(sed -n "s/^${d%%:*}=//p" "$kdir/config") in
		y) echo "${d%%:*}=y: ${d#*:} built in" >>"$new/versions" ;;
		m) add "${d#*:}" ;;
		*) echo "modern_kernel.sh: $kdir has no ${d%%:*}" >&2; exit 1 ;;
		esac
	done
	ln -s "$kdir/vmlinuz" "$new/vmlinuz"
	cp "$busybox" "$new/busybox"
	cat "$root/opt/linux-arm64/packages" >>"$new/versions"
	mv "$new" "$assets"
}

# Two tests may start at once: one makes the folder, the other waits for it.
exec 9>"$cache/modern.lock"
flock 9
[ -f "$assets/versions" ] && [ -e "$assets/vmlinuz" ] || { rm -rf "$assets"; make_assets; }
echo "$assets"

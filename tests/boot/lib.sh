# lib.sh - sourced by tests/boot/test_*.sh (not a test itself), after
# tests/cli/lib.sh (ok, not_ok, check, skip, finish, WORK, EXAMPLE).
BOOT="$GICDESC_SRC/tests/boot"
. "$BOOT/machine.sh"
BOOT_JOBS=${GICDESC_BOOT_JOBS:-3}
# GICDESC_BOOT_KEEP=1: keep the work folder (logs, DTBs, tables) for a look.
[ -n "${GICDESC_BOOT_KEEP:-}" ] && trap 'echo "# kept $WORK"' EXIT

# assets_or_skip SCRIPT WHY: runs tests/boot/SCRIPT (fetch.sh, modern_kernel.sh:
# they print the assets folder) into $WORK/assets; its exit 77 skips the test
# ("WHY: " and the script's last message), any other failure fails it.
assets_or_skip() {
	local rc=0
	"$BOOT/$1" >"$WORK/assets" 2>"$WORK/fetch.err" || rc=$?
	[ "$rc" = 77 ] && skip "$2: $(tail -n 1 "$WORK/fetch.err")"
	[ "$rc" = 0 ] || { not_ok "$1 failed ($rc): $(cat "$WORK/fetch.err")"; finish; exit 1; }
}

# boot_prepare: fetches the kernel (or skips the test), dumps QEMU's own DTB of
# the machine to $WORK/qemu.dtb (packed), and writes $WORK/good.yaml: the QEMU example
# with OEM revision 2, so that the kernel's ACPI table upgrade takes our
# tables over QEMU's (revision 1).
boot_prepare() {
	assets_or_skip fetch.sh "no kernel"
	[ -f /usr/share/qemu-efi-aarch64/QEMU_EFI.fd ] || skip "no qemu-efi-aarch64"
	qemu_dtb gicv3 "$WORK/qemu.dtb"
	sed 's/^\(  oem-revision:\) 1$/\1 2/' "$EXAMPLE" >"$WORK/good.yaml"
	grep -q '^  oem-revision: 2$' "$WORK/good.yaml" || { not_ok "good.yaml: OEM revision 2"; finish; exit 1; }
}

# boot_prepare_gicv5: makes the GICv5 boot's assets (modern_kernel.sh: the
# modern root's kernel and modules, busybox) or skips the test, dumps QEMU
# 11.1's own DTB of the GICv5 machine to $WORK/qemu.dtb (packed), the base of
# dt_over_qemu, and copies examples/qemu-virt-gicv5 to $WORK/good.yaml (the
# base of variant).
boot_prepare_gicv5() {
	assets_or_skip modern_kernel.sh "no GICv5 kernel or QEMU"
	qemu_dtb gicv5 "$WORK/qemu.dtb"
	cp "$GICDESC_SRC/examples/qemu-virt-gicv5/qemu-virt-gicv5.yaml" "$WORK/good.yaml"
}

# qemu_dtb KIND OUT.dtb: QEMU's own DTB of machine.sh's machine KIND, packed.
qemu_dtb() {
	machine "$1"
	# shellcheck disable=SC2086 # $QEMU and $MACHINE_ARGS are words
	$QEMU $MACHINE_ARGS -machine "dumpdtb=$2.dump" -display none >/dev/null 2>&1
	# QEMU dumps its 1 MiB working blob; a DTB that big can hang the kernel
	# (linux-boot.md): dtc packs it, keeping every node, property and phandle.
	dtc -q -I dtb -O dtb -o "$2" "$2.dump"
}

# variant NAME SED-SCRIPT: writes $WORK/NAME.yaml, good.yaml edited by
# SED-SCRIPT, and fails the test if the edit changed nothing.
variant() {
	sed "$2" "$WORK/good.yaml" >"$WORK/$1.yaml"
	cmp -s "$WORK/good.yaml" "$WORK/$1.yaml" && { not_ok "$1.yaml: the edit '$2' changed nothing"; return 1; }
	return 0
}

# dt_over_qemu YAML OUT.dtb [--force]: gicdesc generate --base over QEMU's
# DTB: QEMU's tree with our GIC, ITS and msi-map put in (--force: for the
# faulty descriptions). Fails when generate does.
dt_over_qemu() {
	local dir
	dir=$WORK/gen-$(basename "$1" .yaml)
	# shellcheck disable=SC2086 # ${3:-}: --force or no word at all
	"$GICDESC" generate ${3:-} -q --base "$WORK/qemu.dtb" -f dtb -o "$dir" "$1" 2>"$dir.err" &&
		cp "$dir"/*.dtb "$2"
}

# tables YAML DIR [--force]: gicdesc's IORT and MADT of YAML in DIR (iort.aml,
# madt.aml). Fails when generate does.
tables() {
	# shellcheck disable=SC2086 # ${3:-}: --force or no word at all
	"$GICDESC" generate ${3:-} -q -f iort,madt -o "$2" "$1" 2>"$2.err"
}

# boot_bg NAME MODE FILE...: starts boot.sh into $WORK/NAME in the background,
# at most $BOOT_JOBS at once; boot_wait waits for them all.
boot_bg() {
	while [ "$(jobs -rp | wc -l)" -ge "$BOOT_JOBS" ]; do wait -n || true; done
	local name=$1
	shift
	"$BOOT/boot.sh" "$WORK/$name" "$@" >"$WORK/$name.boot.log" 2>&1 &
}
boot_wait() { wait || true; }

#!/usr/bin/env bash
# Faults on output: a full disk, a file-size limit, a read-only folder and a
# file where the folder should be each give one clear error naming the real
# folder and file, exit 2, and leave the folder as it was (no temporary, no
# partial file, earlier outputs untouched). The errors are the kernel's own
# (ENOSPC, EFBIG, EROFS, ENOTDIR), provoked for real: a 12 KiB tmpfs, ulimit
# -f, a tmpfs mounted read-only (root ignores mode bits, so as root the
# folder is a read-only mount; otherwise chmod a-w).
. "$(dirname "$0")/lib.sh"

# listing DIR: every entry with its size and checksum, hidden ones included.
listing() { (cd "$1" && find . -mindepth 1 -printf '%p %s\n' | sort && find . -type f -exec md5sum {} + | sort); }

# fails_cleanly WHAT DIR EXPECTED_ERRNO_TEXT [generate options...]: generate
# into DIR fails with exit 2 and "DIR: error: ...: TEXT", DIR is unchanged.
fails_cleanly() {
	local what=$1 dir=$2 text=$3
	shift 3
	local before after rc=0
	before=$(listing "$dir" 2>/dev/null || echo absent)
	"$@" -o "$dir" "$EXAMPLE" >"$WORK/out" 2>"$WORK/err" || rc=$?
	after=$(listing "$dir" 2>/dev/null || echo absent)
	check "$what: exit 2 (was $rc)" test "$rc" = 2
	check "$what: error names $dir and says '$text'" grep -q "^$dir: error: .*$text" "$WORK/err"
	check "$what: one error line" test "$(wc -l <"$WORK/err")" = 1
	check "$what: nothing said written" test ! -s "$WORK/out"
	check "$what: the folder is as it was" test "$before" = "$after"
}

gen=("$GICDESC" generate)

# A file where the folder should be.
touch "$WORK/file"
fails_cleanly "a file as the output folder" "$WORK/file" "Not a directory" "${gen[@]}"

# A file-size limit: the write fails with EFBIG (SIGXFSZ must not kill the
# tool and strand its temporaries). Earlier outputs stay as they were.
mkdir "$WORK/limit"
"${gen[@]}" -q -o "$WORK/limit" "$EXAMPLE"
echo stale >"$WORK/limit/qemu-virt.dts"
fails_cleanly "ulimit -f 4" "$WORK/limit" "File too large" bash -c 'ulimit -f 4; exec "$@"' - "${gen[@]}"

# A folder the run creates is gone again when the run fails.
fails_cleanly "ulimit -f 4, new folder" "$WORK/limit/new" "File too large" \
	bash -c 'ulimit -f 4; exec "$@"' - "${gen[@]}"

if [ "$(id -u)" = 0 ] && mkdir "$WORK/tiny" "$WORK/ro" &&
	mount -t tmpfs -o size=12k tmpfs "$WORK/tiny" 2>/dev/null; then
	trap 'umount "$WORK/tiny" "$WORK/ro" 2>/dev/null; rm -rf "$WORK"' EXIT
	# A full disk: old outputs of another platform stay, nothing new is left.
	echo "keep me" >"$WORK/tiny/other.dtb"
	fails_cleanly "full disk (12 KiB tmpfs)" "$WORK/tiny" "No space left on device" "${gen[@]}"
	mount -t tmpfs -o ro,size=64k tmpfs "$WORK/ro"
	fails_cleanly "read-only mount" "$WORK/ro" "Read-only file system" "${gen[@]}"
	# Root may write anywhere: the one format that fits is written whole.
	check "full disk: a small output still fits" "${gen[@]}" -q -f madt -o "$WORK/tiny" "$EXAMPLE"
	check "full disk: it is the real MADT" cmp -s "$WORK/tiny/madt.aml" "$WORK/limit/madt.aml"
elif [ "$(id -u)" != 0 ]; then
	mkdir "$WORK/ro"
	chmod a-w "$WORK/ro"
	fails_cleanly "read-only folder" "$WORK/ro" "Permission denied" "${gen[@]}"
	echo "note - not root: the full-disk case needs a tmpfs mount and is not run"
else
	not_ok "root, but no tmpfs could be mounted for the full-disk and read-only cases"
fi
finish

#!/usr/bin/env bash
# The generate command's contract: determinism, all-or-nothing output,
# exit statuses, the FILE: error form for what it cannot read, --list-outputs and -d.
. "$(dirname "$0")/lib.sh"

# Two runs give byte-identical files (and the same file set).
"$GICDESC" generate -q -o "$WORK/a" "$EXAMPLE"
"$GICDESC" generate -q -o "$WORK/b" "$EXAMPLE"
check "two runs are byte-identical" diff -r "$WORK/a" "$WORK/b"
expected="iort.aml iort.dsl madt.aml madt.dsl qemu-virt-gic.dtsi qemu-virt.dtb qemu-virt.dts"
check "all seven outputs by default" test "$(cd "$WORK/a" && ls | xargs)" = "$expected"
check "no temporaries left" test -z "$(cd "$WORK/a" && ls -A | grep '^\.' || true)"

# --format selects.
"$GICDESC" generate -q -f dtb,iort -o "$WORK/sel" "$EXAMPLE"
check "--format dtb,iort writes just those" test "$(cd "$WORK/sel" && ls | xargs)" = "iort.aml qemu-virt.dtb"

# Output prints what it wrote.
out=$("$GICDESC" generate -f madt -o "$WORK/p" "$EXAMPLE")
check "prints what it wrote" grep -q "^wrote $WORK/p/madt.aml (" <<<"$out"

# Command-line errors: status 2, nothing written.
status() { set +e; "$@" >"$WORK/out" 2>"$WORK/err"; echo $?; set -e; }
check "unknown format -> 2" test "$(status "$GICDESC" generate -f nope -o "$WORK/x" "$EXAMPLE")" = 2
check "unknown format named" grep -q "unknown format 'nope'" "$WORK/err"
check "bad IORT revision -> 2" test "$(status "$GICDESC" generate --iort-revision 4 -o "$WORK/x" "$EXAMPLE")" = 2
check "bad MADT revision -> 2" test "$(status "$GICDESC" generate --madt-revision 2 -o "$WORK/x" "$EXAMPLE")" = 2
check "missing file -> 2" test "$(status "$GICDESC" generate -o "$WORK/x" "$WORK/absent.yaml")" = 2
check "missing file: FILE: error:" grep -q "^$WORK/absent.yaml: error: " "$WORK/err"
check "nothing written on errors" test ! -e "$WORK/x"
check "no arguments -> 2" test "$(status "$GICDESC" generate)" = 2
check "unknown command -> 2" test "$(status "$GICDESC" frobnicate)" = 2
check "--help -> 0" test "$(status "$GICDESC" generate --help)" = 0

# All or nothing: an output name held by a directory fails the run before any
# file is renamed into place.
mkdir -p "$WORK/held/qemu-virt.dtb"
check "held output name -> 2" test "$(status "$GICDESC" generate -o "$WORK/held" "$EXAMPLE")" = 2
check "nothing else appeared" test "$(cd "$WORK/held" && ls -A | xargs)" = "qemu-virt.dtb"

# --list-outputs names the files a run writes, in the order of the format table, and writes
# nothing (nor reads --base).
listed=$("$GICDESC" generate --list-outputs --base "$WORK/absent.dtb" -o "$WORK/l" "$EXAMPLE")
check "--list-outputs: one path a line, those of the default formats" \
	test "$(xargs -n1 basename <<<"$listed" | sort | xargs)" = "$expected"
check "--list-outputs: DIR/NAME" test "$(head -1 <<<"$listed")" = "$WORK/l/qemu-virt.dts"
check "--list-outputs writes nothing" test ! -e "$WORK/l"

# -d: a make rule, read back by GNU make itself (a space and a # in a path: a misread path
# names a file that does not exist, and make stops), written with the
# outputs or not at all.
cp "$QEMU_DATA/virt-gicv3-its-smp4/virt.dtb" "$WORK/b a#se.dtb"
printf 'gicdesc-waivers: 1\nwaivers: []\n' >"$WORK/w.yaml"
"$GICDESC" generate -q -f dtb,iort -d "$WORK/dep.d" --base "$WORK/b a#se.dtb" --waivers "$WORK/w.yaml" \
	-o "$WORK/d" "$EXAMPLE"
printf 'include %s\n$(T):\n\t$(info $^|$@)@:\n' "$WORK/dep.d" >"$WORK/dep.mk"
for target in "$WORK/d/qemu-virt.dtb" "$WORK/d/iort.aml"; do
	check "-d: make reads $(basename "$target")'s prerequisites" \
		test "$(make -s -B -f "$WORK/dep.mk" T="$target" "$target")" = "$EXAMPLE $WORK/b a#se.dtb $WORK/w.yaml|$target"
done
check "-d: the depfile of the same run is the same" bash -c "cp '$WORK/dep.d' '$WORK/dep1.d' &&
	'$GICDESC' generate -q -f dtb,iort -d '$WORK/dep.d' --base '$WORK/b a#se.dtb' \
		--waivers '$WORK/w.yaml' -o '$WORK/d' '$EXAMPLE' &&
	cmp '$WORK/dep.d' '$WORK/dep1.d'"
check "-d into a missing folder -> 2" \
	test "$(status "$GICDESC" generate -d "$WORK/nodir/x.d" -o "$WORK/dx" "$EXAMPLE")" = 2
check "-d into a missing folder: no output either" test ! -e "$WORK/dx"
check "-d with -o - -> 2" test "$(status "$GICDESC" generate -f dtb -d "$WORK/o.d" -o - "$EXAMPLE")" = 2
finish

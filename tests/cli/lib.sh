# lib.sh - sourced by tests/cli/test_*.sh (not a test itself).
# ctest provides GICDESC (the binary), GICDESC_SRC, GICDESC_SHARED, GICDESC_TMP.
set -euo pipefail
: "${GICDESC:?run through ctest}" "${GICDESC_SRC:?}" "${GICDESC_TMP:?}"
mkdir -p "$GICDESC_TMP"
WORK=$(mktemp -d "$GICDESC_TMP/$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$WORK"' EXIT
EXAMPLE="$GICDESC_SRC/examples/qemu-virt/qemu-virt.yaml"
QEMU_DATA="$GICDESC_SRC/tests/data/qemu-7.2"
passed=0
failed=0

# ok MESSAGE / not_ok MESSAGE: record one assertion.
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }
# check MESSAGE COMMAND...: ok when COMMAND succeeds.
check() { local m=$1; shift; if "$@"; then ok "$m"; else not_ok "$m"; fi; }
# skip MESSAGE: the whole test is skipped (ctest SKIP_RETURN_CODE 77).
skip() { echo "skip - $*"; exit 77; }
# finish: the closing line, and the exit status.
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; }

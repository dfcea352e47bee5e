#!/usr/bin/env bash
# Every oracle the suite relies on really starts on this machine (QEMU dumps
# a DTB, dtc, iasl, dt-validate): scripts/prove-oracles.sh, which setup.sh
# also runs right after installing, names the Debian package of any that
# does not.
. "$(dirname "$0")/lib.sh"
check "prove-oracles.sh: QEMU, dtc, iasl and dt-validate start" "$GICDESC_SRC/scripts/prove-oracles.sh"
finish

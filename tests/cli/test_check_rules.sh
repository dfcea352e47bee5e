#!/usr/bin/env bash
# One deliberately broken copy of a good description per rule: each must
# trigger exactly that rule (tests/cli/check_rules.py says how each is broken).
. "$(dirname "$0")/lib.sh"
/usr/bin/python3 -c 'import yaml' 2>/dev/null || skip "python3-yaml not installed"
/usr/bin/python3 "$GICDESC_SRC/tests/cli/check_rules.py" "$GICDESC" "$GICDESC_SRC" "$WORK"

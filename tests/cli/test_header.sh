#!/usr/bin/env bash
# Format h (NAME-gic.h, for TF-A and U-Boot ports): for every example, gcc compiles the
# header with -Wall -Wextra -Werror, and _Static_asserts made from the description itself
# (read by PyYAML, not by gicdesc) hold: GIC version, GICD base, SPIs, every redistributor
# region's base and length, every ITS's base and ID, the GICv2m frames' bases; on a GICv5 every
# IRS's config frame base and ID. The prefix is
# PLAT_ARM_ (TF-A's platform_def.h names) or the one --header-prefix gives.
# Needs: gcc, python3-yaml.
. "$(dirname "$0")/lib.sh"
command -v gcc >/dev/null || skip "gcc is not installed"
/usr/bin/python3 -c 'import yaml' 2>/dev/null || skip "python3-yaml is not installed"

asserts() { # YAML PREFIX: _Static_asserts of what the description states
	/usr/bin/python3 - "$1" "$2" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1])); x = sys.argv[2]; g = d['gic']
v = str(g['version'])
def a(name, value): print('_Static_assert(%s%s == %d, "%s");' % (x, name, value, name))
a('GIC_VERSION', {'2': 2, '3': 3, '5': 5}.get(v, 4))
for i, irs in enumerate(g.get('irses', [])):  # a GICv5: IRSes, no distributor
    a('IRS%s_BASE' % (i or ''), irs['config-base']); a('IRS%s_ID' % (i or ''), irs['id'])
if v == '5':
    g['its'] = []  # GICv5 ITSes: config frames and translate frames, not GITS
else:
    a('GICD_BASE', g['distributor']['base'])
    a('GIC_SPIS', g['distributor']['spis'])
for i, r in enumerate(g.get('redistributors', [])):
    a('GICR%s_BASE' % (i or ''), r['base']); a('GICR%s_SIZE' % (i or ''), r['length'])
for i, its in enumerate(g.get('its', [])):
    a('GITS%d_BASE' % i, its['base']); a('GITS%d_ID' % i, its['id'])
for i, f in enumerate(g.get('v2m-frames', g.get('msi-frames', []))):
    a('GICV2M%d_BASE' % i, f['base'])
PY
}
for yaml in "$GICDESC_SRC"/examples/*/*.yaml; do
	name=$(basename "$yaml" .yaml)
	prefix=PLAT_ARM_
	[ "$name" = rk3588 ] && prefix=RK3588_ # --header-prefix
	opts=()
	[ "$prefix" != PLAT_ARM_ ] && opts=(--header-prefix "$prefix")
	"$GICDESC" generate -q -f h "${opts[@]}" -o "$WORK/$name" "$yaml"
	h=$WORK/$name/$name-gic.h
	{ echo "#include \"$h\""; echo "#include \"$h\""; asserts "$yaml" "$prefix"; echo "int main(void) { return 0; }"; } >"$WORK/$name.c"
	check "$name: gcc -Wall -Wextra -Werror compiles the header (twice: guarded) and its values are the description's ($(grep -c _Static_assert "$WORK/$name.c") asserts)" \
		gcc -std=c11 -Wall -Wextra -Werror -o "$WORK/$name.out" "$WORK/$name.c"
	check "$name: the header is all #defines under one guard" \
		test "$(grep -vc '^#define \|^$\|^#ifndef \|^#endif \|^/\*' "$h")" = 0
done
"$GICDESC" generate -q -o "$WORK/default" "$EXAMPLE"
check "generate without --format writes no header" bash -c "! ls '$WORK/default' | grep -q 'gic.h'"
finish

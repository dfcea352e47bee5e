#!/usr/bin/env bash
# The man pages render without warnings (man-db's groff, and mandoc -Tlint at
# warning level and above), name every command, state no version of their own
# (gicdesc --version, from CMake, is the one), document every long option each
# command's --help names, and document every rule of
# `gicdesc check --list-rules` with its default severity.
. "$(dirname "$0")/lib.sh"
command -v man >/dev/null || skip "man (Debian man-db) not installed"

for page in gicdesc.1 gicdesc.5; do
	warnings=$(man --warnings -l "$GICDESC_SRC/man/$page" 2>&1 >/dev/null || true)
	check "$page renders without warnings" test -z "$warnings"
done
if command -v mandoc >/dev/null; then
	check "mandoc -Tlint -W warning: no message" \
		test -z "$(mandoc -Tlint -W warning "$GICDESC_SRC/man/gicdesc.1" "$GICDESC_SRC/man/gicdesc.5" 2>&1)"
else
	not_ok "mandoc (Debian mandoc) not installed"
fi
check "no version in the pages' .TH (gicdesc --version says it)" \
	bash -c "! grep -h '^\.TH' '$GICDESC_SRC/man/gicdesc.1' '$GICDESC_SRC/man/gicdesc.5' | grep -q '[0-9]\.[0-9]'"
check "gicdesc --version names the CMake project version" \
	grep -qx "gicdesc $(sed -n 's/^project(gicdesc VERSION \([0-9.]*\).*/\1/p' "$GICDESC_SRC/CMakeLists.txt")" <<<"$("$GICDESC" --version)"
text=$(MANWIDTH=200 man -l "$GICDESC_SRC/man/gicdesc.1" 2>/dev/null)
for cmd in generate check resolve init; do
	check "gicdesc(1) documents $cmd" grep -q "gicdesc $cmd" <<<"$text"
	for option in $("$GICDESC" "$cmd" --help | grep -oE -- '--[a-z][-a-z]*' | sort -u); do
		check "gicdesc(1) documents $cmd $option" grep -q -- "$option" <<<"$text"
	done
done
while read -r name severity _; do
	check "gicdesc(1) documents rule $name ($severity)" grep -q "^ *$name ($severity)" <<<"$text"
done < <("$GICDESC" check --list-rules)
finish

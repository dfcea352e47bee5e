#!/usr/bin/env bash
# The man pages render without warnings, name every command, and document
# every rule of `gicdesc check --list-rules` with its default severity.
. "$(dirname "$0")/lib.sh"
command -v man >/dev/null || skip "man (Debian man-db) not installed"

for page in gicdesc.1 gicdesc.5; do
	warnings=$(man --warnings -l "$GICDESC_SRC/man/$page" 2>&1 >/dev/null || true)
	check "$page renders without warnings" test -z "$warnings"
done
text=$(MANWIDTH=200 man -l "$GICDESC_SRC/man/gicdesc.1" 2>/dev/null)
for cmd in generate check resolve import; do
	check "gicdesc(1) documents $cmd" grep -q "gicdesc $cmd" <<<"$text"
done
while read -r name severity _; do
	check "gicdesc(1) documents rule $name ($severity)" grep -q "^ *$name ($severity)" <<<"$text"
done < <("$GICDESC" check --list-rules)
finish

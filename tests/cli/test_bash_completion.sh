#!/usr/bin/env bash
# completion/gicdesc.bash, sourced into bash and called as bash calls it (COMP_WORDS,
# COMP_CWORD): commands; each command's options; formats after -f, one list item at a
# time for generate; rule names after -W/-E and -Wno-; template names after init -t;
# folders after -o; files elsewhere. The expected names are the tool's own, asked of it
# here (--list-rules, init --list) or read from the COMMANDS of man/gicdesc.1.
. "$(dirname "$0")/lib.sh"
. "$GICDESC_SRC/completion/gicdesc.bash"

# complete WORD...: the completions of the last WORD after `gicdesc WORD...`, sorted, on one line.
complete_words() {
	COMP_WORDS=("$GICDESC" "$@")
	COMP_CWORD=$#
	_gicdesc
	printf '%s\n' "${COMPREPLY[@]}" | sort | xargs
}

check "commands are those of the man page" test "$(complete_words "")" = \
	"$( (sed -n '/^\.SH COMMANDS/,/^\.SH RULES/s/^\.SS //p' "$GICDESC_SRC/man/gicdesc.1"; echo --help; echo --version) | sort | xargs)"
check "generate's options" test "$(complete_words generate --)" = \
	"--base --depfile --force --format --header-prefix --iort-revision --list-outputs --madt-revision --output --quiet --waivers"
check "check's long options include --list-rules and --facts" \
	bash -c "grep -q -- '--list-rules .*--facts\|--facts .*--list-rules' <<<'$(complete_words check --)'"
check "generate -f completes the last name of a list" \
	test "$(complete_words generate -f dts,madt)" = "dts,madt dts,madt-dsl"
check "check --format" test "$(complete_words check --format "")" = "json sarif text"
rule=$("$GICDESC" check --list-rules | awk 'NR == 1 { print $1 }')
check "-W completes rule names" bash -c "grep -qw -- '$rule' <<<'$(complete_words check -W "${rule%?}")'"
check "-E completes rule names" test "$(complete_words generate -E "$rule" | wc -w)" -ge 1
check "-Wno- completes rule names" \
	bash -c "grep -qw -- '-Wno-$rule' <<<'$(complete_words check "-Wno-${rule%?}")'"
check "init -t completes the templates" test "$(complete_words init -t "")" = \
	"$("$GICDESC" init --list | awk '{ print $1 }' | sort | xargs)"
mkdir "$WORK/fw" && touch "$WORK/fw.yaml"
check "generate -o completes folders only" test "$(complete_words generate -o "$WORK/f")" = "$WORK/fw"
check "an input completes files" test "$(complete_words check "$WORK/fw.")" = "$WORK/fw.yaml"
finish

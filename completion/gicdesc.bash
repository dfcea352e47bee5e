# bash completion for gicdesc(1); installed as share/bash-completion/completions/gicdesc.
# Commands, each command's options, the formats, rule names and template names all come
# from the gicdesc being completed (COMP_WORDS[0]): its --help, `check --list-rules` and
# `init --list`, so that this file never lists what the tool knows.

# _gicdesc_options GICDESC COMMAND: the options `GICDESC COMMAND --help` names, one a line.
_gicdesc_options()
{
	"$1" "$2" --help 2>/dev/null |
		grep -oE -- '(^|[][[:space:](,/|])(--[a-z][-a-z]*|-[A-Za-z]|-Werror)([^A-Za-z-]|$)' |
		sed -E 's/^[^-]*//; s/[^A-Za-z]$//' | sort -u
}

# _gicdesc_formats GICDESC COMMAND: the names -f/--format takes, one a line.
_gicdesc_formats()
{
	if [ "$2" = generate ]; then
		"$1" generate --help 2>/dev/null | sed -nE 's/^ {27}([a-z][-a-z]*) .*/\1/p'
	else
		"$1" "$2" --help 2>/dev/null | sed -nE 's/.*--format ([a-z|]+).*/\1/p' | tr '|' '\n'
	fi
}

_gicdesc()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local gd=${COMP_WORDS[0]} cmd="" i words
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		generate | check | resolve | init) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	COMPREPLY=()
	if [ -z "$cmd" ]; then
		words=$("$gd" --help 2>/dev/null | sed -nE 's/^  ([a-z]+) .*/\1/p')
		COMPREPLY=($(compgen -W "$words --help --version" -- "$cur"))
		return
	fi
	case $prev in
	-f | --format)
		words=$(_gicdesc_formats "$gd" "$cmd")
		if [ "$cmd" = generate ] && [[ $cur == *,* ]]; then
			# a comma-separated list: complete its last name
			COMPREPLY=($(compgen -P "${cur%,*}," -W "$words" -- "${cur##*,}"))
		else
			COMPREPLY=($(compgen -W "$words" -- "$cur"))
		fi
		return
		;;
	-W | -E)
		words=$("$gd" check --list-rules 2>/dev/null | awk '{ print $1 }')
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
		;;
	-t | --template)
		words=$("$gd" init --list 2>/dev/null | awk '{ print $1 }')
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
		;;
	-r | --recursive | -I | -o | --output)
		if [ "$cmd" != init ]; then # init -o is a file, the others a folder
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -d -- "$cur"))
			return
		fi
		;;
	--iort-revision | --madt-revision | --header-prefix | -D | --gic-version | --spis | \
		--intid-bits | --device-id-bits | --event-id-bits)
		return
		;;
	esac
	case $cur in
	-Wno-* | -Eno-*)
		words=$("$gd" check --list-rules 2>/dev/null | awk '{ print $1 }')
		COMPREPLY=($(compgen -P "${cur:0:5}" -W "$words" -- "${cur:5}"))
		;;
	-*)
		COMPREPLY=($(compgen -W "$(_gicdesc_options "$gd" "$cmd")" -- "$cur"))
		;;
	*)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		;;
	esac
}
complete -F _gicdesc gicdesc

# journeymap.bash - bash completion for journeymap: its options, and the values of --view,
# --format, --style (the built-in styles and style files), --page (the paper sizes), --slide,
# --svg-text and --background; files elsewhere. Installed as
# PREFIX/share/bash-completion/completions/journeymap. tests/cli/manpage.sh checks it against --help.
_journeymap() {
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    # --opt=value: complete the value of --opt
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    fi
    if [[ ${COMP_WORDS[1]} == serve ]]; then   # journeymap serve: the service's own options
        case $prev in --allow-images) COMPREPLY=($(compgen -d -- "$cur")); return ;; esac
        COMPREPLY=($(compgen -W "--listen --jobs --queue --deadline --max-body --max-memory --max-side --allow-images --quiet --help" -- "$cur"))
        return
    fi
    if [[ $COMP_CWORD == 1 && $cur != -* ]]; then COMPREPLY=($(compgen -W "serve" -- "$cur")); fi
    local papers="A0 A1 A2 A3 A4 A5 B0 B1 B2 B3 B4 B5 Letter Legal Tabloid"
    case $prev in
        --view) COMPREPLY=($(compgen -W "funnel sequence emotions map all" -- "$cur")); return ;;
        -T|--format) COMPREPLY=($(compgen -W "png svg pdf" -- "$cur")); return ;;
        --style)
            COMPREPLY=($(compgen -W "default print dark auto" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
            return ;;
        --page)
            local p sizes=""
            for p in $papers; do sizes="$sizes $p $p-landscape"; done
            COMPREPLY=($(compgen -W "$sizes" -- "$cur")); return ;;
        --slide) COMPREPLY=($(compgen -W "16:9 4:3" -- "$cur")); return ;;
        --svg-text) COMPREPLY=($(compgen -W "text paths" -- "$cur")); return ;;
        --background) COMPREPLY=($(compgen -W "transparent '#ffffff'" -- "$cur")); return ;;
        -O|--output-dir|--image-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -o|--output|--batch) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --font) COMPREPLY=($(compgen -f -X '!*.@(otf|ttf|ttc|woff|woff2)' -- "$cur") $(compgen -d -- "$cur")); return ;;
        --width|--scale|--dpi|--margin|-j|--jobs|--link-prefix) COMPREPLY=(); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--output --view --format --style --width --scale --dpi --page --fit --margin
            --slide --font --svg-text --background --thoughts --no-estimate --emit-yaml --check --list-views
            --check-layout --dump-scene --list-fonts --version --help --output-dir --batch --jobs --watch
            --markdown --strict --image-dir --link-prefix" -- "$cur"))
        return
    fi
    COMPREPLY+=($(compgen -f -X '!*.@(yaml|yml|mmd|md|markdown)' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -o bashdefault -F _journeymap journeymap

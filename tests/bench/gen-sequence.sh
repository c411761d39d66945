#!/usr/bin/env bash
# gen-sequence.sh N PARTICIPANTS DIR: writes DIR/seqN.yaml (journeymap) and DIR/seqN.msc (mscgen),
# the same N messages cycling over PARTICIPANTS participants, every third one a reply.
n=$1 p=$2 dir=$3
{
    echo "title: \"$n messages among $p participants\""
    echo "sequence:"
    echo "  participants:"
    for i in $(seq 1 "$p"); do echo "    - {id: P$i, label: \"Participant $i\"}"; done
    echo "  messages:"
    for i in $(seq 1 "$n"); do
        a=$(( (i % p) + 1 )); b=$(( ((i * 7 + 3) % p) + 1 )); [ $a = $b ] && b=$(( (b % p) + 1 ))
        if [ $((i % 3)) = 0 ]; then echo "    - \"P$a-->>P$b: reply number $i\""; else echo "    - \"P$a->>P$b: message number $i\""; fi
    done
} > "$dir/seq$n.yaml"
{
    echo "msc {"
    printf '  '; for i in $(seq 1 "$p"); do printf 'P%s [label="Participant %s"]%s' "$i" "$i" "$([ $i = $p ] && echo ';' || echo ', ')"; done; echo
    for i in $(seq 1 "$n"); do
        a=$(( (i % p) + 1 )); b=$(( ((i * 7 + 3) % p) + 1 )); [ $a = $b ] && b=$(( (b % p) + 1 ))
        if [ $((i % 3)) = 0 ]; then echo "  P$a >> P$b [label=\"reply number $i\"];"; else echo "  P$a => P$b [label=\"message number $i\"];"; fi
    done
    echo "}"
} > "$dir/seq$n.msc"

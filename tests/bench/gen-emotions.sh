#!/usr/bin/env bash
# gen-emotions.sh N DIR: writes DIR/emotionsN.yaml, an emotion curve of N steps in ten stages,
# scores cycling through a fixed pattern (peaks, dips, slopes, flats) and short labels, so the
# label placer has many candidates and many neighbours to keep clear of.
n=$1 dir=$2
labels=(Neutral Curious Pleased "A little lost" Annoyed Hopeful Stuck Relieved "Worried about the data" Focused)
scores=(0 0.5 1 -0.5 -1 0.5 -1.5 1.5 -1 0 2 -2 0.5 -0.5)
{
    echo "title: \"$n steps of one emotion curve\""
    echo "stages:"
    for s in $(seq 1 10); do echo "  - {name: Stage $s}"; done
    echo "steps:"
    for i in $(seq 1 "$n"); do
        st=$(( (i - 1) * 10 / n + 1 ))
        echo "  - {title: \"Step $i\", stage: stage-$st, emotion: {label: \"${labels[i % 10]}\", score: ${scores[(i * 7) % 14]}}}"
    done
} > "$dir/emotions$n.yaml"

# tests/cli/fuzz_replay.sh - the fuzz target (the CLI's whole path: load, diagnostics, layout,
# --check-layout, the writers) over every sample, hostile input, reliability reproducer and kept
# crasher; under make test-asan this is where a memory error in any of them shows up.
files=$(ls "$ROOT"/samples/*.yaml "$ROOT"/samples/*.mmd "$ROOT"/tests/hostile/* "$ROOT"/tests/fuzz/crashers/* 2>/dev/null)
expect_exit "fuzz target replays $(echo "$files" | wc -l) inputs" 0 env ROOT="$ROOT" "$ROOT/$BUILD/tests/replay" $files

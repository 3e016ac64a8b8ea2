#!/usr/bin/env bash
# Regenerates the .expected files of the conformance programs from the host rustc, which is the
# oracle for what a program prints. Release semantics, as rivet compiles: -O (no overflow checks,
# no debug assertions), edition 2021.
#   emulator-tests/expect-from-rustc.sh [PROGRAM.rs...]     (default: every program)
# Each PROGRAM.expected holds stdout; a program that exits non-zero gets its status recorded in
# PROGRAM.status, and one that panics (101) its panic report in PROGRAM.stderr: rustc's, without
# the blank line before it, the thread name and the backtrace note, the file named as PROGRAM.rs (rustc runs in the
# programs' directory). Keep 64-bit-only values (usize::MAX) out of panic messages.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/src/test/resources/programs
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$dir"/*.rs)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "${files[@]}"; do
    name=$(basename "$f" .rs)
    (cd "$dir" && rustc -O --edition 2021 -A warnings -o "$work/$name" "$name.rs")
    set +e
    RUST_BACKTRACE=0 "$work/$name" > "$dir/$name.expected" 2> "$work/$name.err"
    status=$?
    set -e
    if [ $status -ne 0 ]; then echo "$status" > "$dir/$name.status"; else rm -f "$dir/$name.status"; fi
    if [ $status -eq 101 ]; then
        sed -e "s/^thread '[^']*' ([0-9]*) panicked at/panicked at/" -e '/^note: run with `RUST_BACKTRACE=1`/d' -e '1{/^$/d}' \
            "$work/$name.err" > "$dir/$name.stderr"
    else
        rm -f "$dir/$name.stderr"
    fi
    echo "$name: exit $status"
done

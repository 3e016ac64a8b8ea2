#!/usr/bin/env bash
# Regenerates the .expected files of the conformance programs from the host rustc, which is the
# oracle for what a program prints. Release semantics, as rivet compiles: -O (no overflow checks,
# no debug assertions), edition 2021.
#   emulator-tests/expect-from-rustc.sh [PROGRAM.rs...]     (default: every program)
# Each PROGRAM.expected holds stdout; a program that exits non-zero gets an "exit: N" first line
# recorded in PROGRAM.status instead.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/src/test/resources/programs
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$dir"/*.rs)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "${files[@]}"; do
    name=$(basename "$f" .rs)
    rustc -O --edition 2021 -A warnings -o "$work/$name" "$f"
    set +e
    "$work/$name" > "$dir/$name.expected" 2> /dev/null
    status=$?
    set -e
    if [ $status -ne 0 ]; then echo "$status" > "$dir/$name.status"; else rm -f "$dir/$name.status"; fi
    echo "$name: exit $status"
done

#!/usr/bin/env bash
# Byte-identity check for compiler work that must not change code: builds every conformance
# program (emulator-tests/…/programs) and the compile benchmark's generated programs for every
# board of the conformance suite, and compares the .elf files with a tree saved earlier.
#   scripts/check-identical-output.sh save DIR      builds into DIR (run this before the change)
#   scripts/check-identical-output.sh compare DIR   builds into a fresh tree and compares it with DIR
# The generated programs are those of scripts/bench-compile.sh, the pathological ones at sizes the
# compiler handled before it was made linear: mod1k, mod5k, lets2000, elseif300, match1000.
# RIVET_JAR=FILE builds with another jar (a copy of the one before the change).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/common.sh" && rivet_use_jdk
[ $# -eq 2 ] || { echo "usage: $0 save|compare DIR" >&2; exit 2; }
mode=$1 dir=$2
"$here/rivet" --version >/dev/null # builds the jar when the sources changed
jar=${RIVET_JAR:-$here/cli/target/rivet.jar}
gen=$here/target/identical-output
mkdir -p "$gen"
inputs=("$here/emulator-tests/src/test/resources/programs")
for g in "modules 1000 mod1k" "modules 5000 mod5k" "lets 2000 lets2000" "elseif 300 elseif300" "match 1000 match1000"; do
    read -r kind size name <<<"$g"
    java -cp "$jar" dev.rivet.cli.BenchPrograms "$kind" "$size" "$gen/$name.rs"
    inputs+=("$gen/$name.rs")
done
build() { java --enable-native-access=ALL-UNNAMED -cp "$jar" "$here/scripts/BuildEvery.java" "$1" "${inputs[@]}"; }
case $mode in
    save) rm -rf "$dir"; build "$dir" ;;
    compare)
        fresh=$(mktemp -d)
        build "$fresh"
        if diff -r -q "$dir" "$fresh"; then echo "identical: $(find "$dir" -name '*.elf' | wc -l) ELF files"; rm -rf "$fresh"
        else echo "DIFFERENT (new tree kept in $fresh)" >&2; exit 1; fi ;;
    *) echo "usage: $0 save|compare DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Code size and executed instructions of the benchmark kernels (emulator-tests/.../bench_*.rs, the
# kernels of ../shared/bench with a main that prints the checksum), beside the reference figures
# of ../shared/bench/README.md (gcc -Os, clang -Oz, rustc opt-level=z). Usage:
#   scripts/bench-size.sh [--panic=report] [--no-insns] [TARGET...]
#       (default targets: thumbv7m, thumbv6m, rv32imc, the ones the references were built for)
#
# Size is counted as the reference tables count it: the code and read-only data `run` needs,
# library routines apart (`rivet size --from run`). The default build is --panic=trap, as the
# reference rustc column was built; --panic=report measures the default build (panic messages)
# and also prints what the panic path costs over the trap build.
#
# Executed instructions are those of one call of run(), library routines included: the whole
# program's count (`rivet run --stats`) less the count of the same program whose run() only
# returns the checksum (through black_box), so that start-up and printing cancel out.
#
# Geomean ratios: size ÷ the best of gcc/clang/rustc, size ÷ rustc, instructions ÷ rustc.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=${RIVET_BENCH:-$here/../shared/bench}
[ -d "$bench" ] || bench=/work/shared/bench
panic=--panic=trap
insns=1
while [ $# -gt 0 ]; do
    case "$1" in
        --panic=*) panic=$1; shift ;;
        --no-insns) insns=0; shift ;;
        *) break ;;
    esac
done
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(thumbv7m-none-eabi thumbv6m-none-eabi riscv32imc-unknown-none-elf)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The reference column group of a target in the README's tables: m3, m0 or rv32 (none: no figures).
group() {
    case "$1" in
        thumbv7m-*|thumbv7em-*) echo 0 ;;
        thumbv6m-*) echo 3 ;;
        riscv32imc-*|riscv32imac-*) echo 6 ;;
        *) echo - ;;
    esac
}

# reference TABLE KERNEL GROUP: "gcc clang rustc" from the README's size (1) or instructions (2) table.
reference() {
    awk -v table="$1" -v k="$2" -v g="$3" '
        /^## Size/ { t = 1 } /^## Executed/ { t = 2 }
        t == table && $0 ~ "^\\| " k " \\|" {
            n = split($0, c, "|"); printf "%s %s %s\n", c[3 + g] + 0, c[4 + g] + 0, c[5 + g] + 0; exit }' "$bench/README.md"
}

size_of() { # size_of PANIC TARGET FILE
    "$here"/rivet size "$1" --target "$2" --from run "$3" | head -1 | sed -E 's/.*: ([0-9]+) bytes.*/\1/'
}

executed() { # executed TARGET FILE: instructions of the whole run
    "$here"/rivet run --stats "$panic" --target "$1" "$2" 2>&1 >/dev/null | sed -nE 's/^executed ([0-9]+) instructions.*/\1/p'
}

baseline() { # baseline KERNEL: the kernel's main around a run() that only returns the checksum
    local sum
    sum=$(awk -v k="$1" '$1 == k { print $2 }' "$bench/expected.txt")
    printf 'fn run() -> u32 {\n    core::hint::black_box(%s)\n}\n\nfn main() {\n    println!("{:#010x}", run());\n}\n' "$sum" \
        > "$tmp/base_$1.rs"
    echo "$tmp/base_$1.rs"
}

for t in "${targets[@]}"; do
    g=$(group "$t")
    echo "${t%%-*} ($panic)"
    printf '%-13s %6s %6s %6s %6s %6s %6s' kernel size gcc clang rustc ÷best ÷rustc
    [ "$panic" = --panic=trap ] || printf ' %6s' panic
    [ $insns = 0 ] || printf ' %8s %8s %8s %8s %6s' insns gcc clang rustc ÷rustc
    echo
    : > "$tmp/ratios"
    for f in "$here"/emulator-tests/src/test/resources/programs/bench_*.rs; do
        k=$(basename "$f" .rs); k=${k#bench_}
        n=$(size_of "$panic" "$t" "$f")
        read -r sg sc sr <<<"$( [ "$g" = - ] && echo "0 0 0" || reference 1 "$k" "$g")"
        best=$(printf '%s\n' "$sg" "$sc" "$sr" | sort -n | head -1)
        printf '%-13s %6s %6s %6s %6s' "$k" "$n" "$sg" "$sc" "$sr"
        rb=$(awk -v a="$n" -v b="$best" 'BEGIN { print (b > 0 ? a / b : 0) }')
        rr=$(awk -v a="$n" -v b="$sr" 'BEGIN { print (b > 0 ? a / b : 0) }')
        printf ' %6.3f %6.3f' "$rb" "$rr"
        if [ "$panic" != --panic=trap ]; then printf ' %6s' $((n - $(size_of --panic=trap "$t" "$f"))); fi
        ri=0
        if [ $insns = 1 ]; then
            e=$(( $(executed "$t" "$f") - $(executed "$t" "$(baseline "$k")") ))
            read -r ig ic ir <<<"$( [ "$g" = - ] && echo "0 0 0" || reference 2 "$k" "$g")"
            ri=$(awk -v a="$e" -v b="$ir" 'BEGIN { print (b > 0 ? a / b : 0) }')
            printf ' %8s %8s %8s %8s %6.3f' "$e" "$ig" "$ic" "$ir" "$ri"
        fi
        echo
        echo "$rb $rr $ri" >> "$tmp/ratios"
    done
    pad=42; [ "$panic" = --panic=trap ] || pad=49
    awk -v insns=$insns -v pad=$pad '
        { for (i = 1; i <= 3; i++) if ($i > 0) { s[i] += log($i); c[i]++ } }
        END {
            printf "%-13s %27s %6.3f %6.3f", "geomean", "", c[1] ? exp(s[1] / c[1]) : 0, c[2] ? exp(s[2] / c[2]) : 0
            if (insns) printf " %*.3f", pad, c[3] ? exp(s[3] / c[3]) : 0
            printf "\n\n" }' "$tmp/ratios"
done

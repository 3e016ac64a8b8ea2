#!/usr/bin/env bash
# Code size of the benchmark kernels (emulator-tests/.../bench_*.rs, the kernels of
# ../shared/bench with a main that prints the checksum), counted as the reference tables count:
# the code and read-only data `run` needs, library routines apart. Usage:
#   scripts/bench-size.sh [--panic=trap] [TARGET...]    (default: thumbv6m, thumbv7m, rv32imc, rv32ec)
# --panic=trap builds as the reference's rustc column was built: panics are a trap instruction.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
panic=()
if [ "${1:-}" = --panic=trap ]; then panic=(--panic=trap); shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(thumbv6m-none-eabi thumbv7m-none-eabi riscv32imc-unknown-none-elf riscv32ec-unknown-none-elf)
printf '%-14s' kernel; for t in "${targets[@]}"; do printf '%12s' "${t%%-*}"; done; echo
for f in "$here"/emulator-tests/src/test/resources/programs/bench_*.rs; do
    k=$(basename "$f" .rs); k=${k#bench_}
    printf '%-14s' "$k"
    for t in "${targets[@]}"; do
        n=$("$here"/rivet size "${panic[@]}" --target "$t" --from run "$f" | head -1 | sed -E 's/.*: ([0-9]+) bytes.*/\1/')
        printf '%12s' "$n"
    done
    echo
done

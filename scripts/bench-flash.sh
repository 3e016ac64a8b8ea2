#!/usr/bin/env bash
# Write throughput of `rivet flash` to rivet's bootloader simulators, with the simulator pacing
# bytes as a UART at the given rate would (a pseudo-terminal has no line rate of its own).
# Prints payload bytes/s and that as a share of the line's raw byte rate (8E1: 11 bits a byte
# for the STM32 bootloader, 8N1: 10 for the ESP loader). Needs socat. Usage:
#   scripts/bench-flash.sh [KIB]     (default 60 KiB of random bytes)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kib=${1:-60}
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
head -c $((kib * 1024)) /dev/urandom > "$work/image.bin"

one() { # protocol board baud
    local proto=$1 board=$2 baud=$3 sim_baud=$3 bits=11
    [ "$proto" = esp ] && { sim_baud=115200; bits=10; } # the ESP ROM starts at 115200 and follows CHANGE_BAUDRATE
    socat -d -d pty,raw,echo=0 pty,raw,echo=0 2> "$work/socat.log" & local socat_pid=$!
    for _ in $(seq 50); do [ "$(grep -c 'N PTY is' "$work/socat.log")" -ge 2 ] && break; sleep 0.1; done
    local dev host
    dev=$(grep -o '/dev/pts/[0-9]*' "$work/socat.log" | sed -n 1p); host=$(grep -o '/dev/pts/[0-9]*' "$work/socat.log" | sed -n 2p)
    "$here"/rivet sim "$proto" --port "$dev" --baud "$sim_baud" -q 2>/dev/null & local sim_pid=$!
    sleep 1
    local t0 t1
    "$here"/rivet flash --board "$board" --port "$host" --baud "$baud" --no-verify "$work/image.bin" 2> "$work/flash.log"
    local rate
    rate=$(grep -o '[0-9.]* KiB/s' "$work/flash.log" | tail -1 | cut -d' ' -f1)
    awk -v p="$proto" -v b="$baud" -v r="$rate" -v bits="$bits" 'BEGIN {
        line = b / bits; bps = r * 1024
        printf "%-6s %7d baud: %8.0f bytes/s written, %5.1f%% of the line'\''s %6.0f bytes/s\n", p, b, bps, 100 * bps / line, line }'
    kill $sim_pid $socat_pid 2>/dev/null || true; wait $sim_pid $socat_pid 2>/dev/null || true
}

one stm32 bluepill 115200
one stm32 bluepill 921600
one esp esp32c3-devkitm 115200
one esp esp32c3-devkitm 921600

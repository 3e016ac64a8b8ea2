#!/usr/bin/env bash
# The whole test suite. Installs what the tests need (as root, with apt-get), selects a
# JDK >= 25 and runs `mvn verify` over the reactor. Extra arguments go to Maven
# (e.g. ./test.sh -pl emulator, ./test.sh -Dbless=true).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
. "$root/scripts/common.sh"

# libunicorn2: the emulator. The rest are test-only oracles: GNU binutils (objdump, as, ld,
# objcopy) for both ISAs, GNU gcc for the mixed Rust + C firmware tests, socat (pseudo-terminal
# pairs), stm32flash (a real client for the bootloader simulator), QEMU (a second emulator
# the conformance programs are cross-checked on) and gdb-multiarch (which must load the ELF).
rivet_ensure_packages maven libunicorn2 binutils-arm-none-eabi binutils-riscv64-unknown-elf \
    gcc-arm-none-eabi gcc-riscv64-unknown-elf socat stm32flash qemu-system-arm qemu-system-misc gdb-multiarch
rivet_use_jdk

cd "$root"
exec mvn -B -ntp verify "$@"

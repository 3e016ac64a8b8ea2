#!/usr/bin/env bash
# Front-end throughput (parse, resolve, type-check, lower, IR passes; warm, one JVM) in source
# lines per second, on the largest conformance program by default. Usage:
#   scripts/bench-frontend.sh [FILE.rs] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/common.sh" && rivet_use_jdk
file=${1:-$(wc -l "$here"/emulator-tests/src/test/resources/programs/*.rs | sort -n | grep -v total | tail -1 | awk '{print $2}')}
java -cp "$here/cli/target/rivet.jar" dev.rivet.cli.FrontendBench "$file" "${2:-10}"

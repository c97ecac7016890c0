#!/bin/sh
# Builds a release ivyscan and times it against ripgrep on the same tree.
#   scripts/bench.sh [--runs N] [--tree DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/deps.sh"
ivyscan_need_packages python3 || exit 2
if ! command -v rg >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq ripgrep time
    else
        echo "bench: needs ripgrep and GNU time: sudo apt-get install -y ripgrep time" >&2
        exit 2
    fi
fi
# Linux: a fully static executable. It runs on any Linux without the Swift
# runtime, PCRE2 or OpenSSL installed, and starts in under 2 ms instead of 6
# (no dynamic loader resolving thousands of symbols): it is a git hook.
static=""
[ "$(uname -s)" = "Linux" ] && static="-Xswiftc -static-executable"
swift build -c release $static --package-path "$here" --product ivyscan >&2
bin=$(swift build -c release $static --package-path "$here" --show-bin-path)/ivyscan
exec python3 "$here/scripts/bench.py" --bin "$bin" "$@"

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
# Linux: link the Swift runtime statically, so the binary runs anywhere
# (and starts faster: no dozen shared libraries to load).
static=""
[ "$(uname -s)" = "Linux" ] && static="--static-swift-stdlib"
swift build -c release $static --package-path "$here" --product ivyscan >&2
bin=$(swift build -c release $static --package-path "$here" --show-bin-path)/ivyscan
exec python3 "$here/scripts/bench.py" --bin "$bin" "$@"

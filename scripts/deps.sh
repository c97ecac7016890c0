# Sourced by scripts/ivyscan and scripts/test: makes sure the system
# packages ivyscan builds against are present, installing them when it can
# (root with apt-get), otherwise printing the exact command to run.
ivyscan_need_packages() {
    missing=""
    [ -f /usr/include/pcre2.h ] || missing="$missing libpcre2-dev"
    [ -f /usr/include/openssl/sha.h ] || missing="$missing libssl-dev"
    command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
    command -v git >/dev/null 2>&1 || missing="$missing git"
    command -v curl >/dev/null 2>&1 || missing="$missing curl"
    for extra in "$@"; do
        case "$extra" in
            python3) command -v python3 >/dev/null 2>&1 || missing="$missing python3" ;;
        esac
    done
    [ -z "$missing" ] && return 0
    if [ "$(uname -s)" = "Darwin" ]; then
        echo "ivyscan: missing:$missing. Install with: brew install pcre2 openssl pkg-config" >&2
        return 1
    fi
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "ivyscan: installing:$missing" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >&2 || {
            echo "ivyscan: could not install; run: apt-get update && apt-get install -y$missing" >&2
            return 1
        }
        return 0
    fi
    echo "ivyscan: missing system packages. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    return 1
}

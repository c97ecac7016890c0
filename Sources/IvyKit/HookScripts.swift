/// The hook scripts `install-hooks` writes, byte for byte the same as
/// hooks/pre-commit and hooks/pre-push (a test compares them), so a user who
/// copies the file by hand and one who runs `ivyscan install-hooks` get the
/// same hook. Edit hooks/ first, then paste the text here.
enum HookScripts {
    static let preCommit = #"""
        #!/bin/sh
        # ivyscan-managed-hook: pre-commit
        #
        # Blocks a commit that adds an IvyMail API key: runs `ivyscan git staged`,
        # which reads the index (what the commit records), not the work tree.
        # Installed by `ivyscan install-hooks`, removed by `ivyscan uninstall-hooks`
        # (or copy it to .git/hooks/pre-commit and make it executable).
        # ivyscan is looked up in $IVYSCAN, then on PATH, then at .build/release/ivyscan.
        # After a clean scan it runs the hook it took the place of, if any
        # (pre-commit.ivyscan-chained, from `ivyscan install-hooks --chain`).

        runnable() {
            case $1 in
                */*) [ -f "$1" ] && [ -x "$1" ] ;;
                *) command -v "$1" >/dev/null 2>&1 ;;
            esac
        }
        if [ -n "${IVYSCAN:-}" ]; then
            ivyscan=$IVYSCAN
        elif runnable ivyscan; then
            ivyscan=ivyscan
        elif runnable .build/release/ivyscan; then
            ivyscan=./.build/release/ivyscan
        else
            ivyscan=
        fi
        if [ -z "$ivyscan" ] || ! runnable "$ivyscan"; then
            echo "ivyscan: not found${IVYSCAN:+ at IVYSCAN=$IVYSCAN}, so this commit was not checked for IvyMail API keys." >&2
            echo "  install: build ivyscan (swift build -c release) and copy .build/release/ivyscan onto PATH," >&2
            echo "           or point the hook at it: export IVYSCAN=/path/to/ivyscan" >&2
            echo "  bypass once: git commit --no-verify" >&2
            exit 1
        fi

        "$ivyscan" git staged --format hook || exit

        chained="$0.ivyscan-chained"
        if [ -x "$chained" ]; then
            exec "$chained" "$@"
        fi

        """#

    static let prePush = #"""
        #!/bin/sh
        # ivyscan-managed-hook: pre-push
        #
        # Blocks a push whose commits add an IvyMail API key: runs
        # `ivyscan git pre-push` on the refs git is about to push (from stdin).
        # Installed by `ivyscan install-hooks --pre-push`, removed by
        # `ivyscan uninstall-hooks` (or copy it to .git/hooks/pre-push).
        # ivyscan is looked up in $IVYSCAN, then on PATH, then at .build/release/ivyscan.
        # After a clean scan it runs the hook it took the place of, if any
        # (pre-push.ivyscan-chained, from `ivyscan install-hooks --chain`), with
        # the same arguments and input.

        input=$(cat)

        runnable() {
            case $1 in
                */*) [ -f "$1" ] && [ -x "$1" ] ;;
                *) command -v "$1" >/dev/null 2>&1 ;;
            esac
        }
        if [ -n "${IVYSCAN:-}" ]; then
            ivyscan=$IVYSCAN
        elif runnable ivyscan; then
            ivyscan=ivyscan
        elif runnable .build/release/ivyscan; then
            ivyscan=./.build/release/ivyscan
        else
            ivyscan=
        fi
        if [ -z "$ivyscan" ] || ! runnable "$ivyscan"; then
            echo "ivyscan: not found${IVYSCAN:+ at IVYSCAN=$IVYSCAN}, so this push was not checked for IvyMail API keys." >&2
            echo "  install: build ivyscan (swift build -c release) and copy .build/release/ivyscan onto PATH," >&2
            echo "           or point the hook at it: export IVYSCAN=/path/to/ivyscan" >&2
            echo "  bypass once: git push --no-verify" >&2
            exit 1
        fi

        printf '%s\n' "$input" | "$ivyscan" git pre-push --format hook || exit

        chained="$0.ivyscan-chained"
        if [ -x "$chained" ]; then
            printf '%s\n' "$input" | "$chained" "$@"
        fi

        """#
}

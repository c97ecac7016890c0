#!/usr/bin/env python3
"""Times ivyscan against ripgrep on the same large tree, alternating runs in
one process so both see the same machine state. Prints medians, the ratio
and peak RSS. A benchmark, never a test: it asserts nothing about speed.

Usage: scripts/bench.py [--runs N] [--tree DIR] [--bin PATH]
Default tree: a copy of the installed Python's standard library (including
site-packages) with a few generated keys planted in it.
"""
import argparse
import os
import random
import shutil
import statistics
import string
import subprocess
import sys
import sysconfig
import tempfile
import time

RG_PATTERNS = ["-e", r"(?:^|[^A-Za-z0-9_-])ivym_sk_[A-Za-z0-9_-]{16,128}", "-e", r"(?i)x-api-key"]


def key():
    alphabet = string.ascii_letters + string.digits
    return "ivym_sk_" + "".join(random.SystemRandom().choice(alphabet) for _ in range(40))


def prepare_tree(base):
    source = sysconfig.get_paths()["stdlib"]
    tree = os.path.join(base, "tree")
    print(f"copying {source} ...", file=sys.stderr)
    shutil.copytree(source, tree, symlinks=True)
    planted = []
    for index, relative in enumerate(["json/planted_config.py", "email/planted.env", "planted/docs/README.md"]):
        path = os.path.join(tree, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        secret = key()
        planted.append(secret)
        with open(path, "w") as handle:
            handle.write(f"# planted by bench\nIVYMAIL_API_KEY = \"{secret}\"\n")
    return tree, planted


def timed(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - start, result


def peak_rss_kb(command, cwd):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree")
    parser.add_argument("--bin", required=True)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ivyscan-bench-") as base:
        planted = []
        tree = args.tree
        if tree is None:
            tree, planted = prepare_tree(base)
        files = sum(len(names) for _, _, names in os.walk(tree))
        ivyscan = [args.bin, "scan", "--no-git", "-q", "--format", "json", "-j", str(args.threads), "."]
        ripgrep = ["rg", f"-j{args.threads}", "--hidden", "-g", "!.git", "-c", "--no-messages"] + RG_PATTERNS + ["."]

        # Warm the page cache and check both tools see the planted keys.
        _, first = timed(ivyscan, tree)
        found = first.stdout.decode()
        missing = [secret for secret in planted if secret[:10] not in found and secret[-3:] not in found]
        if first.returncode not in (0, 1) or missing:
            print(f"ivyscan failed (exit {first.returncode}) or missed planted keys: {first.stderr.decode()[:500]}", file=sys.stderr)
            return 1
        timed(ripgrep, tree)

        times = {"ivyscan": [], "rg": []}
        for _ in range(args.runs):
            times["ivyscan"].append(timed(ivyscan, tree)[0])
            times["rg"].append(timed(ripgrep, tree)[0])
        median_ivy = statistics.median(times["ivyscan"])
        median_rg = statistics.median(times["rg"])
        print(f"tree: {tree} ({files} files), {args.runs} alternating runs each, {args.threads} threads")
        print(f"ivyscan median {median_ivy * 1000:.0f} ms  (min {min(times['ivyscan']) * 1000:.0f}, max {max(times['ivyscan']) * 1000:.0f})")
        print(f"rg      median {median_rg * 1000:.0f} ms  (min {min(times['rg']) * 1000:.0f}, max {max(times['rg']) * 1000:.0f})")
        print(f"ratio ivyscan/rg: {median_ivy / median_rg:.2f}x")
        print(f"peak RSS: ivyscan {peak_rss_kb(ivyscan, tree) / 1024:.1f} MB, rg {peak_rss_kb(ripgrep, tree) / 1024:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmarks ivyscan against a reference tool on the same input, with
alternating runs in one process so both see the same machine state. Prints
medians, ratios and peak RSS. A benchmark, never a test: it asserts nothing
about speed.

Suites (--suite, default all):
  tree       ivyscan scan vs ripgrep on a copy of Python's stdlib (~50,000 files)
  precommit  ivyscan git staged vs git diff --cached --name-only, 10,000-file
             repository with a 3-file staged change
  history    ivyscan git history --all vs git log -p --all | rg, on a generated
             repository with 10,000 commits (git fast-import)
  verify     ivyscan verify against the fake IvyMail server
             (Tests/TestSupport/fake_ivymail.py) at --verify-rate 50: 1,000
             unique keys (elapsed vs the 20 s the limit allows), then 40 keys
             answered after 0.5 s each, 8 at a time (vs 2.5 s); time to the
             first request, requests in flight, sends (must be 0), lost
             results (not in the "all" set: it is a network-shaped run)
  progress   the tree scan with stderr on a pseudo-terminal (progress line
             drawn from the start) vs stderr on a pipe (no progress line),
             both through Tests/TestSupport/on_terminal.py: its cost

Usage: scripts/bench.py --bin PATH [--suite S] [--runs N] [--tree DIR]
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


def peak_rss_kb(command, cwd):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def git(args, cwd, **kwargs):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null",
               GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")
    # gc.auto=0: a commit of 10,000 files would otherwise start a detached
    # `git gc` that competes with the timed runs (and races the cleanup).
    return subprocess.run(["git", "-c", "gc.auto=0"] + args, cwd=cwd, env=env, check=True, **kwargs)


def alternate(commands, cwd, runs, shell=False):
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, shell=shell and isinstance(command, str))
            times[name].append(time.perf_counter() - start)
    return times


def report(times, reference):
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:10} median {medians[name] * 1000:8.1f} ms  (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})")
    for name in times:
        if name != reference:
            print(f"  ratio {name}/{reference}: {medians[name] / medians[reference]:.2f}x")
    return medians


def precommit_suite(args, base):
    repo = os.path.join(base, "precommit")
    os.makedirs(repo)
    git(["init", "-q", "-b", "main"], repo)
    rng = random.Random(1)
    for index in range(10_000):
        directory = os.path.join(repo, f"pkg{index % 100}", f"mod{index % 7}")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"file{index}.py"), "w") as handle:
            handle.write("".join(f"value_{i} = {rng.randint(0, 10**9)}\n" for i in range(20)))
    git(["add", "-A"], repo)
    git(["commit", "-qm", "initial"], repo)
    # Packed, as a real repository of this size is.
    git(["gc", "-q"], repo)
    for index in (5, 1234, 9876):
        with open(os.path.join(repo, f"pkg{index % 100}", f"mod{index % 7}", f"file{index}.py"), "a") as handle:
            handle.write("extra = os.environ['IVYMAIL_API_KEY']\n")
    git(["add", "-A"], repo)
    ivyscan = [args.bin, "git", "staged", "-q"]
    check = subprocess.run(ivyscan, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check.returncode != 0:
        print(f"ivyscan git staged failed: {check.returncode} {check.stderr.decode()[:300]}", file=sys.stderr)
        return 1
    times = alternate({"ivyscan": ivyscan, "git-diff": ["git", "diff", "--cached", "--name-only"]}, repo, max(args.runs, 31))
    print("precommit: 10,000-file repository, 3 staged files")
    report(times, "git-diff")
    print(f"  peak RSS: ivyscan {peak_rss_kb(ivyscan, repo) / 1024:.1f} MB")
    return 0


def history_suite(args, base):
    repo = os.path.join(base, "history")
    os.makedirs(repo)
    git(["init", "-q", "-b", "main"], repo)
    rng = random.Random(2)
    files = [f"src/m{i // 50}/f{i}.py" for i in range(2000)]
    contents = {}
    planted = key()
    stream = []
    mark = 0
    for number in range(10_000):
        changes = []
        for path in rng.sample(files, rng.randint(1, 3)):
            lines = contents.get(path, [])
            lines = lines[-60:] + [f"line_{number}_{rng.randint(0, 10**9)} = {rng.random()}\n" for _ in range(rng.randint(1, 5))]
            if number == 3000 and not changes:
                lines.append(f"IVYMAIL_API_KEY = \"{planted}\"\n")
            if number == 6000 and not changes:
                path = next(p for p in files if any("IVYMAIL_API_KEY" in l for l in contents.get(p, []))) if any(any("IVYMAIL_API_KEY" in l for l in v) for v in contents.values()) else path
                lines = [l for l in contents.get(path, lines) if "IVYMAIL_API_KEY" not in l]
            contents[path] = lines
            changes.append(path)
        mark += 1
        stream.append(f"commit refs/heads/main\nmark :{mark}\ncommitter Bench <bench@example.com> {1700000000 + number * 60} +0000\n")
        message = f"commit {number}"
        stream.append(f"data {len(message)}\n{message}\n")
        if number > 0:
            stream.append(f"from :{mark - 1}\n")
        for path in changes:
            data = "".join(contents[path]).encode()
            stream.append(f"M 100644 inline {path}\ndata {len(data)}\n")
            stream.append(data.decode() + "\n")
    git(["fast-import", "--quiet"], repo, input="".join(stream).encode())
    git(["reset", "-q", "--hard", "main"], repo)
    ivyscan = [args.bin, "git", "history", "--all", "-q", "--format", "json"]
    check = subprocess.run(ivyscan, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if planted[-3:] not in check.stdout.decode():
        print(f"ivyscan git history missed the planted key (exit {check.returncode}): {check.stderr.decode()[:300]}", file=sys.stderr)
        return 1
    reference = "git log -p --all | rg -c 'ivym_sk_|(?i)x-api-key'"
    times = alternate({"ivyscan": ivyscan, "log-p|rg": reference}, repo, max(3, args.runs // 2), shell=True)
    print("history: 10,000 commits, 2,000 files (git fast-import)")
    report(times, "log-p|rg")
    print(f"  peak RSS: ivyscan {peak_rss_kb(ivyscan, repo) / 1024:.1f} MB")
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree")
    parser.add_argument("--bin", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--suite", default="all", choices=["all", "tree", "precommit", "history", "verify", "progress"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ivyscan-bench-", ignore_cleanup_errors=True) as base:
        status = 0
        if args.suite in ("all", "precommit"):
            status |= precommit_suite(args, base)
        if args.suite in ("all", "history"):
            status |= history_suite(args, base)
        if args.suite in ("all", "tree"):
            status |= tree_suite(args, base)
        if args.suite == "verify":
            status |= verify_suite(args, base)
        if args.suite == "progress":
            status |= progress_suite(args, base)
        return status


def verify_suite(args, base):
    """Two runs against the fake server. Throughput: 1,000 keys at 50/s, so
    the rate limit is the only bound (20 s). Concurrency: 40 keys the server
    answers after 0.5 s each, 8 at a time (ideal 40/8 x 0.5 = 2.5 s). Both
    print when the first request arrived and the most requests in flight, so
    a stall or lost concurrency shows (libdispatch granting one thread per
    second once curl workers block made the first run take 27 s)."""
    status = 0
    keys = [key() for _ in range(1000)]
    behaviours = ["active", "revoked", "restricted"]
    elapsed, first, stats, statuses, leaked = verify_run(args, base, keys, [behaviours[i % 3] for i in range(len(keys))], [], 8)
    print("verify: %d keys at 50/s: %.1f s (the limit allows 1000/50 = 20.0 s; first request after %.2f s, %.1f/s at the server), "
          "%d requests, %d sends, %d results (%d active, %d inactive, %d restricted, %d unknown), %d lost, keys in output: %s"
          % (len(keys), elapsed, first, (stats["requests"] - 1) / max(1e-9, stats["times"][-1] - stats["times"][0]) if stats["times"] else 0,
             stats["requests"], stats["sends"], len(statuses), statuses.count("active"), statuses.count("inactive"),
             statuses.count("restricted"), statuses.count("unknown"), len(keys) - len(statuses), "yes" if leaked else "no"))
    status |= 0 if stats["sends"] == 0 and len(statuses) == len(keys) and not leaked else 1
    slow = [key() for _ in range(40)]
    elapsed, first, stats, statuses, leaked = verify_run(args, base, slow, ["slow"] * len(slow), ["--delay", "0.5"], 8)
    print("verify: %d keys answered after 0.5 s, 8 at a time: %.1f s (ideal 40/8 x 0.5 = 2.5 s; first request after %.2f s), "
          "at most %d in flight, %d sends, %d lost, keys in output: %s"
          % (len(slow), elapsed, first, stats["max_in_flight"], stats["sends"], len(slow) - len(statuses), "yes" if leaked else "no"))
    status |= 0 if stats["sends"] == 0 and len(statuses) == len(slow) and not leaked else 1
    return status


def verify_run(args, base, keys, behaviours, server_arguments, concurrency):
    """Runs `ivyscan verify` on `keys` against a fresh fake server; returns
    (elapsed, seconds to the first request, server stats, statuses, leaked)."""
    import json
    import urllib.request
    key_file = os.path.join(base, "keys.txt")
    with open(key_file, "w") as handle:
        for value, behaviour in zip(keys, behaviours):
            handle.write("%s %s\n" % (value, behaviour))
    server_script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TestSupport", "fake_ivymail.py")
    server = subprocess.Popen([sys.executable, server_script, "--keys", key_file] + server_arguments, stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        # time.monotonic is the server's clock too (CLOCK_MONOTONIC on Linux).
        started = time.monotonic()
        result = subprocess.run([args.bin, "verify", "--api-base", "http://127.0.0.1:%d" % port, "--verify-rate", "50",
                                 "--verify-concurrency", str(concurrency), "--verify-deadline", "120", "--format", "json"],
                                input="\n".join(keys) + "\n", capture_output=True, text=True, env=env)
        elapsed = time.monotonic() - started
        report = json.loads(result.stdout)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        stats = json.loads(opener.open("http://127.0.0.1:%d/__stats" % port).read())
    finally:
        server.kill()
        server.wait()
    first = min(stats["times"]) - started if stats["times"] else float("nan")
    statuses = [entry["status"] for entry in report["keys"]]
    leaked = any(value in result.stdout or value in result.stderr for value in keys)
    return elapsed, first, stats, statuses, leaked


def tree_suite(args, base):
    planted = []
    tree = args.tree
    if tree is None:
        tree, planted = prepare_tree(base)
    files = sum(len(names) for _, _, names in os.walk(tree))
    ivyscan = [args.bin, "scan", "--no-git", "-q", "--format", "json", "-j", str(args.threads), "."]
    ripgrep = ["rg", f"-j{args.threads}", "--hidden", "-g", "!.git", "-c", "--no-messages"] + RG_PATTERNS + ["."]
    # Warm the page cache and check ivyscan sees the planted keys.
    first = subprocess.run(ivyscan, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    found = first.stdout.decode()
    missing = [secret for secret in planted if secret[-3:] not in found]
    if first.returncode not in (0, 1) or missing:
        print(f"ivyscan failed (exit {first.returncode}) or missed planted keys: {first.stderr.decode()[:500]}", file=sys.stderr)
        return 1
    subprocess.run(ripgrep, cwd=tree, stdout=subprocess.DEVNULL)
    times = alternate({"ivyscan": ivyscan, "rg": ripgrep}, tree, args.runs)
    print(f"tree: {files} files, {args.runs} alternating runs each, {args.threads} threads")
    report(times, "rg")
    print(f"  peak RSS: ivyscan {peak_rss_kb(ivyscan, tree) / 1024:.1f} MB, rg {peak_rss_kb(ripgrep, tree) / 1024:.1f} MB")
    return 0


def progress_suite(args, base):
    tree = args.tree or prepare_tree(base)[0]
    helper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TestSupport", "on_terminal.py")
    command = [args.bin, "scan", "--no-git", "--format", "json", "-j", str(args.threads), "."]
    # Drawn from the start, not after the usual second, so every run pays for it.
    os.environ.update(IVYSCAN_PROGRESS_DELAY="0", TERM="xterm")
    drawn = subprocess.run([sys.executable, helper] + command, cwd=tree, stdout=subprocess.PIPE).stdout
    if b" files \xc2\xb7 " not in drawn.split(b"\0", 1)[-1]:
        print("progress: no progress line was drawn on the terminal", file=sys.stderr)
        return 1
    # The same wrapper both ways, so only the terminal differs.
    times = alternate({"progress": [sys.executable, helper] + command,
                       "plain": [sys.executable, helper, "--no-tty"] + command}, tree, args.runs)
    print(f"progress: tree scan, {args.runs} alternating runs, stderr on a pty (line redrawn every 0.2 s) vs a pipe")
    report(times, "plain")
    return 0

if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs a command with its stderr on a pseudo-terminal and its stdout on a
pipe, as a person at a terminal who redirects the report would. Writes the
command's stdout, a NUL byte, then everything the terminal received, and
exits with the command's status. Used by the end-to-end tests of the
progress line and by scripts/bench.py --suite progress.

Usage: on_terminal.py [--no-tty] COMMAND [ARG ...]
  --no-tty  the same plumbing with stderr on a pipe instead (the baseline)
"""
import os
import pty
import subprocess
import sys
import threading


def run(command, tty=True):
    if tty:
        master, slave = pty.openpty()
    else:
        master, slave = os.pipe()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    # stdout is drained at the same time: a report larger than the pipe
    # buffer would otherwise block the command while we wait on the terminal.
    out = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))
    reader.start()
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's last writer is gone
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    reader.join()
    return proc.wait(), out[0], received


def main():
    args = sys.argv[1:]
    tty = True
    if args and args[0] == "--no-tty":
        tty, args = False, args[1:]
    status, out, received = run(args, tty)
    sys.stdout.buffer.write(out + b"\0" + received)
    return status


if __name__ == "__main__":
    sys.exit(main())

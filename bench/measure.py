#!/usr/bin/env python3
"""Measures whole processes in interleaved rounds (standard library only).

    measure.py ROUNDS BASE NAME=COMMAND [NAME=COMMAND ...]

Each round runs every command once, in a shuffled order, so a noisy machine slows all of them
alike; a command's ratio is the median over rounds of (its time / BASE's time in that round).
Also reports each command's median wall time, its median minor page faults and its peak
resident memory (from the kernel's accounting of the child, `wait4`). Commands run through
`sh -c` only when they hold a shell character; their output goes to a temporary file that is
discarded. Prints one row per command and writes the figures as JSON to $BENCH_JSON if set.
"""
import json
import os
import random
import shlex
import statistics
import sys
import tempfile
import time

SHELL_CHARS = set(";|&$<>*`")


def argv(command):
    if SHELL_CHARS & set(command):
        return ["sh", "-c", command]
    return shlex.split(command)


def run_once(args, sink):
    start = time.perf_counter()
    # posix_spawn, not fork: a forked copy of this Python would count in the child's peak memory
    actions = [(os.POSIX_SPAWN_DUP2, sink, 1), (os.POSIX_SPAWN_DUP2, sink, 2)]
    pid = os.posix_spawnp(args[0], args, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {shlex.join(args)}")
    return wall, usage.ru_minflt


def peak_mib(args, sink):
    """Peak resident memory of one run, from GNU time (the kernel's figure for a spawned child
    would include this Python's pages it shares until exec); None without /usr/bin/time."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        run_once(["/usr/bin/time", "-f", "%M", "-o", out.name, *args], sink)
        return int(out.read().split()[-1]) / 1024


def summary(samples, base_samples, command, sink):
    ratios = [s[0] / b[0] for s, b in zip(samples, base_samples)]
    return {
        "median_ms": statistics.median(s[0] for s in samples) * 1000,
        "ratio": statistics.median(ratios),
        "faults": statistics.median(s[1] for s in samples),
        "peak_mib": peak_mib(argv(command), sink),
    }


def main():
    rounds, base = int(sys.argv[1]), sys.argv[2]
    commands = dict(pair.split("=", 1) for pair in sys.argv[3:])
    if base not in commands:
        sys.exit(f"the base {base} is not among the commands")
    runs = {name: [] for name in commands}
    with tempfile.TemporaryFile() as sink:
        for name, command in commands.items():  # one warm-up each
            run_once(argv(command), sink.fileno())
        for _ in range(rounds):
            order = list(commands)
            random.shuffle(order)
            for name in order:
                sink.seek(0)
                sink.truncate()
                runs[name].append(run_once(argv(commands[name]), sink.fileno()))
        figures = {name: summary(samples, runs[base], commands[name], sink.fileno())
                   for name, samples in runs.items()}
    for name, f in figures.items():
        peak = "" if f["peak_mib"] is None else f"{f['peak_mib']:7.1f} MiB peak"
        print(f"  {name:<40} {f['median_ms']:9.2f} ms  {f['ratio']:6.2f}x {base:<14}"
              f" {f['faults']:8.0f} faults  {peak}")
    if os.environ.get("BENCH_JSON"):
        with open(os.environ["BENCH_JSON"], "a", encoding="utf-8") as out:
            out.write(json.dumps({"base": base, "rounds": rounds, "figures": figures}) + "\n")


if __name__ == "__main__":
    main()

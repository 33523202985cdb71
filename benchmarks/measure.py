"""Timing helpers, fresh-process runs and the result rows the report prints."""

from __future__ import annotations

import functools
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import interviewprep

#: The source folder the benchmarks measure: the one this process imported.
SOURCE = Path(interviewprep.__file__).resolve().parents[1]


@dataclass
class Row:
    """One line of the report: a measured value, its baseline and its target."""

    name: str
    value: float = 0.0
    unit: str = "s"
    baseline: str = ""
    baseline_value: float | None = None
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        """The value over the baseline's value, when there is a baseline."""
        if self.baseline_value is None:
            return None
        return self.value / self.baseline_value if self.baseline_value else float("inf")

    def as_json(self) -> dict[str, Any]:
        """The row as plain data, with its ratio."""
        return {**asdict(self), "ratio": self.ratio}


def versus(
    name: str, value: float, baseline: str, baseline_value: float, max_ratio: float | None = None
) -> Row:
    """A row comparing *value* with a baseline, met when the ratio is at most *max_ratio*."""
    result = Row(name, value, baseline=baseline, baseline_value=baseline_value)
    if max_ratio is not None:
        result.target = f"<= {max_ratio:g}x"
        result.met = result.ratio is not None and result.ratio <= max_ratio
    return result


def compare(
    functions: Sequence[Callable[[], object]], repeats: int, number: int | Sequence[int] = 1
) -> list[float]:
    """
    The median wall time of one call of each function, in seconds, over *repeats* rounds.

    Each round runs every function once, in an order that rotates from round to round,
    so load from other processes weighs on every function alike. A call too short to
    time alone runs *number* times in a row, and the time is divided. Before each
    call the young generations of garbage are collected (a full collection takes most
    of a second with a 100k-question pack alive); freeing the last result is not timed.
    """
    numbers = [number] * len(functions) if isinstance(number, int) else list(number)
    times: list[list[float]] = [[] for _ in functions]
    for round_ in range(repeats):
        for offset in range(len(functions)):
            index = (round_ + offset) % len(functions)
            function, count = functions[index], numbers[index]
            gc.collect(1)
            start = time.perf_counter()
            for _ in range(count):
                result = function()
            times[index].append((time.perf_counter() - start) / count)
            del result  # freeing the last result is left out of the time
    return [statistics.median(t) for t in times]


def child_env(*, path: Sequence[str] = (), cache: str | None = None) -> dict[str, str]:
    """
    The environment of a fresh process: *path* first, then the sources measured here.

    ``INTERVIEWPREP_CACHE_DIR`` is set to *cache* (``""`` turns the cache off).
    """
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    entries = [*path, str(SOURCE), *(str(Path(p).resolve()) for p in inherited)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(entries)}
    if cache is not None:
        env["INTERVIEWPREP_CACHE_DIR"] = cache
    return env


def run_script(code: str, env: Mapping[str, str]) -> str:
    """Run ``python -c code`` in a fresh process; its standard output."""
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, env=dict(env), capture_output=True, text=True
    )
    return done.stdout


def process_wall_times(codes: Sequence[str], repeats: int, env: Mapping[str, str]) -> list[float]:
    """The median wall time of each ``python -c code``, interleaved over *repeats* rounds."""
    return compare([functools.partial(run_script, code, env) for code in codes], repeats)


def self_timed(
    runs: Sequence[tuple[str, Mapping[str, str]]], repeats: int
) -> list[tuple[float, list[str]]]:
    """
    For each ``(code, env)``: the median of the seconds the script prints first, and
    the rest of what its last run printed.

    Each script runs once per round in a fresh process, the scripts interleaved in a
    rotating order; each times itself from before its first import, so the
    interpreter's start-up is left out on every side.
    """
    outputs: list[list[list[str]]] = [[] for _ in runs]
    for round_ in range(repeats):
        for offset in range(len(runs)):
            index = (round_ + offset) % len(runs)
            outputs[index].append(run_script(*runs[index]).split())
    return [(statistics.median(float(o[0]) for o in out), out[-1][1:]) for out in outputs]


def format_value(value: float, unit: str) -> str:
    """A value for the table: seconds as µs, ms or s; other units as they are."""
    if unit == "s":
        if value < 0.001:
            return f"{value * 1e6:.1f} µs"
        if value < 1:
            return f"{value * 1e3:.1f} ms"
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:,.0f} {unit}"


def format_ratio(ratio: float | None) -> str:
    """A ratio for the table."""
    if ratio is None:
        return ""
    return f"{ratio:.2f}x" if ratio >= 0.01 else f"{ratio:.1e}x"


def run_alone(
    bench: Callable[..., None], prog: str, description: str | None, argv: list[str] | None
) -> int:
    """
    Run one benchmark module alone (``python -m benchmarks.<module> [--quick]``):
    ``bench(rows, quick=, repeats=)``, then its rows as ``python -m benchmarks`` prints them.
    """
    import argparse

    from benchmarks.__main__ import report

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 3 repeats")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    bench(rows, quick=args.quick, repeats=3 if args.quick else 7)
    print(report(rows, judged=not args.quick))
    return 0

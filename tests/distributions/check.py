"""
The containment check run by CI against really installed hostile distributions.

``.ci/run`` installs every distribution in this folder into a fresh virtual
environment beside the interviewprep wheel, then runs this script with it. The good
pack must load every time, and each hostile one must be a problem naming it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOSTILE = {
    "include-dot": "ip-include-dot",
    "include-empty": "ip-include-empty",
    "base-exception": "ip-base-exception",
    "generator-exit": "ip-generator-exit",
    "sleeper": "ip-sleeper",
}


def command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).parent / "interviewprep"
    return subprocess.run(
        [str(cli), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def main() -> int:
    started = time.monotonic()
    done = command("packs", "--format", "json")
    report = json.loads(done.stdout)
    loaded = {pack["name"] for pack in report["packs"]}
    problems = report["problems"]
    failures = []
    if not {"core", "good"} <= loaded:
        failures.append(f"core and good must load, got {sorted(loaded)}")
    for pack, dist in HOSTILE.items():
        if pack in loaded:
            failures.append(f"{pack} must be left out")
        if not any(p.get("distribution") == dist for p in problems):
            failures.append(f"{pack}: no problem names {dist}: {problems}")
    if not any(p.get("distribution") == "ip-bad-name" for p in problems):
        failures.append("the entry point named 'Core' is not reported")
    if done.returncode != 1:
        failures.append(f"exit code {done.returncode}, expected 1 (problems)")
    # Data-only: no third-party code at all, the scorer included.
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder, "imported")
        env = {**os.environ, "SPY_MARKER": str(marker)}
        answer = Path(folder, "answer.txt")
        answer.write_text("I led the migration and cut the costs by a fifth.", encoding="utf-8")
        for argv in (
            ["--data-only", "packs"],
            ["--data-only", "assess", str(answer), "--rubric", "core/star-answer"],
        ):
            result = command(*argv, env=env)
            if marker.exists():
                failures.append(f"{argv} imported a third-party scorer")
            if "Traceback" in result.stderr:
                failures.append(f"{argv} crashed: {result.stderr}")
    for line in failures:
        print("FAIL", line)
    print(f"containment check: {len(failures)} failure(s) in {time.monotonic() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

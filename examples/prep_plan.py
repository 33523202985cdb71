"""Build and print a dated prep plan for the sample interview in examples/interview.toml.

Run: python examples/prep_plan.py [--ics FILE]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from interviewprep import build_plan, load_interview, load_library, plan_to_ics, render_text

HERE = Path(__file__).parent


def main(argv: list[str]) -> None:
    interview = load_interview(HERE / "interview.toml")
    library = load_library(language="en")
    # A fixed "today" keeps the example's output stable; an app would pass dt.date.today().
    plan = build_plan(library, interview, today=dt.date(2026, 11, 26))
    print(render_text(plan, width=88))
    print(f"{len(plan.tasks)} tasks, {len(plan.overdue)} already overdue")
    if len(argv) == 2 and argv[0] == "--ics":
        Path(argv[1]).write_text(plan_to_ics(plan), encoding="utf-8", newline="")
        print(f"calendar written to {argv[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])

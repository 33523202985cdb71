"""The fact coverage table in the docs matches the core pack.

Regenerate it after changing the core pack with:
    REGENERATE_DOCS=1 python -m pytest tests/test_coverage_doc.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from interviewprep import load_library

DOC = Path(__file__).parent.parent / "docs" / "explanation" / "coverage.md"
GUIDANCE = Path(__file__).parent.parent.parent / "shared" / "GUIDANCE.md"

HEADER = """\
# Fact coverage of the core pack

The core pack is written from a brief of 46 facts about second interviews (F1-F46),
in the project's own words. Every item lists the facts it covers in `covers`; this
table, generated from the pack, shows where each fact is covered. A test fails if any
fact is covered by no item.

| Fact | Covered by |
| --- | --- |
"""


def table() -> str:
    library = load_library(packs=["core"], strict=True)
    (core,) = library.packs
    where: dict[str, list[str]] = {f"F{n}": [] for n in range(1, 47)}
    for kind in ("tips", "questions", "checklists", "rubrics"):
        for item in getattr(core, kind):
            for fact in sorted(item.covers):
                where.setdefault(fact, []).append(f"`{item.id}`")
            if kind == "checklists":
                for entry in item.items:
                    for fact in sorted(entry.covers):
                        where.setdefault(fact, []).append(f"`{item.id}#{entry.id}`")
    rows = [f"| {fact} | {', '.join(dict.fromkeys(items))} |" for fact, items in where.items()]
    return HEADER + "\n".join(rows) + "\n"


def test_coverage_table_is_current() -> None:
    """docs/explanation/coverage.md is the table generated from the core pack."""
    expected = table()
    if os.environ.get("REGENERATE_DOCS"):
        DOC.write_text(expected, encoding="utf-8")
    assert DOC.read_text("utf-8") == expected, (
        "run: REGENERATE_DOCS=1 python -m pytest tests/test_coverage_doc.py"
    )


def test_every_fact_has_a_row() -> None:
    """The table has a row for each of the 46 facts, none empty."""
    rows = re.findall(r"^\| (F\d+) \| (.*) \|$", DOC.read_text("utf-8"), re.MULTILINE)
    assert [fact for fact, _ in rows] == [f"F{n}" for n in range(1, 47)]
    assert all(covered.strip() for _, covered in rows)

"""
The baselines the library is measured against: hand-written construction, msgspec
Structs of the same shape, and the scripts run in fresh processes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec

from interviewprep import (
    Checklist,
    ChecklistItem,
    Criterion,
    Level,
    Pack,
    PackInfo,
    Question,
    Rubric,
    Scale,
    Tip,
)
from interviewprep._vocabulary import AskedBy, Audience, Format, Intent, QuestionKind, Stage, Topic

PACKS_GROUP = "interviewprep.packs"


def handwritten(data: dict[str, Any]) -> Pack:
    """Build the pack by calling the attrs constructors directly on parsed data."""
    name = data["pack"]["name"]
    return Pack(
        info=PackInfo(**data["pack"]),
        tips=[Tip(**t, pack=name) for t in data["tips"]],
        questions=[Question(**q, pack=name) for q in data["questions"]],
        checklists=[
            Checklist(**{**c, "items": [ChecklistItem(**i) for i in c["items"]]}, pack=name)
            for c in data["checklists"]
        ],
        rubrics=[
            Rubric(
                **{
                    **r,
                    "scale": Scale(**r["scale"]),
                    "criteria": [
                        Criterion(**{**c, "levels": [Level(**lv) for lv in c["levels"]]})
                        for c in r["criteria"]
                    ],
                },
                pack=name,
            )
            for r in data["rubrics"]
        ],
    )


# -- msgspec Structs mirroring a pack file ---------------------------------------------------
# The same fields, types and defaults as the attrs model (vocabulary fields as the same
# enums, sets as frozensets, sequences as tuples, ``due`` as a timedelta); no validators.


class ManifestStruct(msgspec.Struct, frozen=True, kw_only=True):
    """The ``pack`` table."""

    name: str
    version: str
    title: str
    description: str = ""
    language: str = "en"
    license: str | None = None
    authors: tuple[str, ...] = ()
    homepage: str | None = None
    format: int = 1
    requires: tuple[str, ...] = ()


class TipStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A tip."""

    id: str
    title: str
    body: str
    topic: Topic
    stages: frozenset[Stage] = frozenset()
    audiences: frozenset[Audience] = frozenset()
    tags: frozenset[str] = frozenset()
    covers: frozenset[str] = frozenset()
    replaces: str | None = None


class QuestionStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A question."""

    id: str
    text: str
    asked_by: AskedBy
    kind: QuestionKind
    intent: Intent
    guidance: str = ""
    pitfalls: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    rubric: str | None = None
    audiences: frozenset[Audience] = frozenset()
    stages: frozenset[Stage] = frozenset()
    tags: frozenset[str] = frozenset()
    covers: frozenset[str] = frozenset()
    replaces: str | None = None


class ItemStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A checklist item."""

    id: str
    text: str
    due: dt.timedelta | None = None
    optional: bool = False
    per_interviewer: bool = False
    tips: tuple[str, ...] = ()
    covers: frozenset[str] = frozenset()


class ChecklistStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A checklist and its items."""

    id: str
    title: str
    stage: Stage
    items: tuple[ItemStruct, ...]
    formats: frozenset[Format] = frozenset()
    tags: frozenset[str] = frozenset()
    covers: frozenset[str] = frozenset()
    replaces: str | None = None


class LevelStruct(msgspec.Struct, frozen=True, kw_only=True):
    """An anchored level."""

    score: int
    label: str
    anchor: str


class ScaleStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A rubric's scale."""

    min: int
    max: int


class CriterionStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A rubric criterion and its levels."""

    id: str
    name: str
    description: str = ""
    weight: float = 1.0
    levels: tuple[LevelStruct, ...] = ()
    scorer: str | None = None


class RubricStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A rubric."""

    id: str
    title: str
    scale: ScaleStruct
    criteria: tuple[CriterionStruct, ...]
    description: str = ""
    tags: frozenset[str] = frozenset()
    covers: frozenset[str] = frozenset()
    replaces: str | None = None


class PackStruct(msgspec.Struct, frozen=True, kw_only=True):
    """A whole pack file."""

    pack: ManifestStruct
    tips: tuple[TipStruct, ...] = ()
    questions: tuple[QuestionStruct, ...] = ()
    checklists: tuple[ChecklistStruct, ...] = ()
    rubrics: tuple[RubricStruct, ...] = ()


PACK_DECODER = msgspec.json.Decoder(PackStruct)


def decode_structs(file: Path) -> PackStruct:
    """Read a ``pack.json`` and decode it straight into the Structs (the physical floor)."""
    return PACK_DECODER.decode(file.read_bytes())


# -- scripts run in fresh processes ----------------------------------------------------------
# Each prints the seconds it took, timed from before its first import, then a count to
# check that it did the work.

BARE_DISCOVERY = f"""\
import time
start = time.perf_counter()
import importlib_metadata
found = importlib_metadata.entry_points(group={PACKS_GROUP!r})
print(time.perf_counter() - start, len(found))
"""

OUR_DISCOVERY = """\
import time
start = time.perf_counter()
import interviewprep._discovery as d
sources, problems = d.find_pack_sources()
print(time.perf_counter() - start, len(sources))
"""

LOAD_LIBRARY = """\
import time
start = time.perf_counter()
import interviewprep
library = interviewprep.load_library()
elapsed = time.perf_counter() - start
assert not library.problems, library.problems
print(elapsed, len(library.tips) + len(library.questions) + len(library.checklists)
      + len(library.rubrics))
"""

REPEATED_LOAD_LIBRARY = """\
import time
from interviewprep import load_library
times = []
for _ in range({calls}):
    start = time.perf_counter()
    load_library()
    times.append(time.perf_counter() - start)
print(*times)
"""


def startup_floor(core: Path) -> str:
    """
    The start-up floor: import attrs and cattrs, one bare ``entry_points`` call, parse
    the core pack's TOML files with tomllib and build its items with the attrs classes.
    """
    return f"""\
import time
start = time.perf_counter()
import tomllib
from pathlib import Path
import attrs, cattrs
import importlib_metadata
from interviewprep import _model as m
importlib_metadata.entry_points(group={PACKS_GROUP!r})
folder = Path({str(core)!r})
main = tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8"))
data = {{"tips": [], "questions": [], "checklists": [], "rubrics": []}}
for name in main["pack"]["include"]:
    for kind, items in tomllib.loads((folder / name).read_text(encoding="utf-8")).items():
        data[kind].extend(items)
def nested(d):
    # The nested objects format 2 adds: applicability, talking points, red flags.
    d = dict(d)
    if "applies" in d:
        d["applies"] = m.Applicability(**d["applies"])
    for key in ("talking_points", "red_flags"):
        if key in d:
            d[key] = [m.Signal(**s) for s in d[key]]
    return d
tips = [m.Tip(**nested(t)) for t in data["tips"]]
questions = [m.Question(**nested(q)) for q in data["questions"]]
checklists = [
    m.Checklist(**{{**nested(c), "items": [m.ChecklistItem(**nested(i)) for i in c["items"]]}})
    for c in data["checklists"]
]
rubrics = [
    m.Rubric(**{{
        **r,
        "scale": m.Scale(**r["scale"]),
        "criteria": [
            m.Criterion(**{{**c, "levels": [m.Level(**lv) for lv in c["levels"]]}})
            for c in r["criteria"]
        ],
    }})
    for r in data["rubrics"]
]
elapsed = time.perf_counter() - start
print(elapsed, len(tips) + len(questions) + len(checklists) + len(rubrics))
"""

"""
A pytest plugin that gives pack authors a ready-made test of their pack.

It is registered through the ``pytest11`` entry point, so installing interviewprep
is enough. In a pack's test suite::

    def test_pack(check_pack):
        check_pack("my-pack")

``check_pack`` accepts an installed pack's name or a pack folder. It fails the test,
listing every problem, unless the pack:

* reads without problems (syntax, fields, ids, includes, limits);
* merges with the packs it requires: its references resolve, its ``requires`` are
  met, its ``replaces`` point at existing items of required packs;
* round-trips losslessly through :func:`~interviewprep.to_dict` /
  :func:`~interviewprep.from_dict` and through JSON;
* (with ``quality=True``, the default) has no blank or placeholder text (``TODO``,
  ``TBD``, ``lorem ipsum``, ``...``), no two items of a kind with the same title
  or text, a rubric for every question, and every ``due`` within 60 days of the
  interview.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

__all__ = ["PackCheck", "check_pack", "quality_problems"]

_PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|FIXME|XXX|lorem ipsum)\b|\.\.\.\s*$|^\s*\.\.\.", re.I)
_MAX_DUE = dt.timedelta(days=60)

PackCheck = Callable[..., Any]


def quality_problems(pack: Any) -> list[str]:
    """
    Content-quality problems of a pack: placeholders, duplicates, missing rubrics, odd dues.

    Args:
        pack: A :class:`~interviewprep.Pack`.

    Returns:
        One message per problem, each naming the item's field path.
    """
    found: list[str] = []

    def text(path: str, value: str) -> None:
        if not value.strip():
            found.append(f"{path}: empty text")
        elif _PLACEHOLDER.search(value):
            found.append(f"{path}: placeholder text {value.strip()[:60]!r}")

    seen: dict[tuple[str, str], str] = {}

    def unique(kind: str, path: str, value: str) -> None:
        key = (kind, " ".join(value.lower().split()))
        if key in seen:
            found.append(f"{path}: same text as {seen[key]}")
        else:
            seen[key] = path

    for index, tip in enumerate(pack.tips):
        path = f"tips[{index}]"
        text(f"{path}.title", tip.title)
        text(f"{path}.body", tip.body)
        unique("tip-title", f"{path}.title", tip.title)
        unique("tip-body", f"{path}.body", tip.body)
    for index, question in enumerate(pack.questions):
        path = f"questions[{index}]"
        text(f"{path}.text", question.text)
        unique("question", f"{path}.text", question.text)
        if question.guidance:
            text(f"{path}.guidance", question.guidance)
        for n, pitfall in enumerate(question.pitfalls):
            text(f"{path}.pitfalls[{n}]", pitfall)
        for n, follow_up in enumerate(question.follow_ups):
            text(f"{path}.follow_ups[{n}]", follow_up)
        if question.rubric is None:
            found.append(f"{path}.rubric: every question needs a rubric")
    for index, checklist in enumerate(pack.checklists):
        path = f"checklists[{index}]"
        text(f"{path}.title", checklist.title)
        unique("checklist", f"{path}.title", checklist.title)
        for n, item in enumerate(checklist.items):
            text(f"{path}.items[{n}].text", item.text)
            if item.due is not None and abs(item.due) > _MAX_DUE:
                found.append(f"{path}.items[{n}].due: more than 60 days from the interview")
    for index, rubric in enumerate(pack.rubrics):
        path = f"rubrics[{index}]"
        text(f"{path}.title", rubric.title)
        unique("rubric", f"{path}.title", rubric.title)
        for n, criterion in enumerate(rubric.criteria):
            for m, level in enumerate(criterion.levels):
                text(f"{path}.criteria[{n}].levels[{m}].anchor", level.anchor)
    return found


def check_pack(
    pack: str | os.PathLike[str], *, quality: bool = True, data_only: bool = False
) -> Any:
    """
    Check a pack thoroughly; fail the current test with every problem found.

    Args:
        pack: An installed pack's name, or the path of a pack folder.
        quality: Also check content quality (see :func:`quality_problems`).
        data_only: Load the installed packs in data-only mode.

    Returns:
        The loaded, resolved :class:`~interviewprep.Pack`, for further checks.
    """
    from interviewprep import (
        Pack,
        from_dict,
        from_json,
        load_library,
        load_pack,
        to_dict,
        to_json,
        validate_pack,
    )

    is_folder = not isinstance(pack, str) or "/" in pack or os.sep in pack or Path(pack).exists()
    if is_folder:
        problems = validate_pack(pack, data_only=data_only)
        if problems:
            lines = ["the pack has problems:", *map(str, problems)]
            pytest.fail("\n".join(lines), pytrace=False)
        loaded = load_pack(pack)
        name = loaded.name
    else:
        name = str(pack)
        library = load_library(packs=[name], data_only=data_only)
        own = [p for p in library.problems if p.pack == name]
        if own or name not in {p.name for p in library.packs}:
            lines = [f"pack {name!r} does not load:", *map(str, own or library.problems)]
            pytest.fail("\n".join(lines), pytrace=False)
        loaded = next(p for p in library.packs if p.name == name)
    if from_dict(Pack, to_dict(loaded)) != loaded:
        pytest.fail(f"pack {name!r} does not round-trip through to_dict/from_dict", pytrace=False)
    if from_json(Pack, to_json(loaded)) != loaded:
        pytest.fail(f"pack {name!r} does not round-trip through JSON", pytrace=False)
    if quality:
        found = quality_problems(loaded)
        if found:
            pytest.fail("\n".join([f"pack {name!r} has quality problems:", *found]), pytrace=False)
    return loaded


@pytest.fixture(name="check_pack")
def _check_pack_fixture() -> PackCheck:
    """
    The :func:`check_pack` function, as a fixture: ``def test_pack(check_pack): ...``.
    """
    return check_pack

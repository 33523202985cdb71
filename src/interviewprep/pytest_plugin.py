"""
A pytest plugin that gives pack authors a ready-made test of their pack.

It is registered through the ``pytest11`` entry point, so installing interviewprep
is enough. In a pack's test suite::

    def test_pack(check_pack):
        check_pack("my-pack")

``check_pack`` accepts an installed pack's name or a pack folder, and applies the one
definition of a valid pack that :func:`~interviewprep.validate_pack` and
``interviewprep validate`` apply (see :mod:`interviewprep._validation`). It fails the
test, listing every problem, unless the pack:

* reads without problems (syntax, fields, ids, includes, limits);
* merges with the packs it requires: its references resolve, its ``requires`` are
  met, its ``replaces`` point at existing items of required packs;
* has finished content: no placeholder text (``TODO``, ``TBD``, ``FIXME``, ``XXX``,
  ``lorem ipsum``, a leading or trailing ``...``; the texts ``interviewprep
  new-pack`` writes all start with ``TODO``), no blank text, no two items of a kind
  with the same title or text;
* round-trips losslessly through :func:`~interviewprep.to_dict` /
  :func:`~interviewprep.from_dict` and through JSON.

Warnings (a question nothing can rate, a checklist item due more than 60 days from
the interview) do not fail the test: each is issued as a :class:`PackWarning`, which
pytest lists in its warnings summary; ``strict=True`` (or ``-W error::
interviewprep.pytest_plugin.PackWarning``) makes them fail it too.

For the readability and rubric checks the core pack holds itself to, a pack's own
tests can use the same helpers: :func:`sentences`, :func:`copied_runs`,
:func:`stacked_anchors` and :func:`scored_share`.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "PackCheck",
    "PackWarning",
    "check_pack",
    "copied_runs",
    "quality_problems",
    "scored_share",
    "sentences",
    "stacked_anchors",
]

PackCheck = Callable[..., Any]


class PackWarning(UserWarning):
    """
    Something in a pack to look at that does not make it invalid.
    """


def sentences(text: str) -> list[str]:
    """
    The sentences of a text, as readability checks count them: Markdown emphasis
    dropped, split after ``.``, ``!``, ``?`` or ``:``, at list bullets and at blank lines.
    """
    plain = re.sub(r"[*_`#>]", "", text)
    parts = re.split(r"(?<=[.!?:])\s+|\n\s*(?:[-*]|\d+\.)\s+|\n\s*\n", plain)
    return [part for part in parts if part.strip()]


def copied_runs(texts: Iterable[tuple[str, str]], length: int = 12) -> list[tuple[str, str, str]]:
    """
    Runs of *length* words that appear in two different items' texts.

    Args:
        texts: ``(owner, text)`` pairs, such as ``(tip.id, tip.body)``.
        length: How many words make a run.

    Returns:
        ``(owner, earlier owner, run)`` for each run found again in another owner's text.
    """
    seen: dict[tuple[str, ...], str] = {}
    copied = []
    for owner, text in texts:
        words = re.findall(r"[a-z']+", text.lower())
        for start in range(len(words) - length + 1):
            run = tuple(words[start : start + length])
            if seen.setdefault(run, owner) != owner:
                copied.append((owner, seen[run], " ".join(run)))
    return copied


def stacked_anchors(rubrics: Iterable[Any]) -> list[tuple[str, str]]:
    """
    The level anchors that describe more than one observable behaviour: more than one
    sentence or 30 words, a semicolon, or more than one "and".

    Returns:
        ``("rubric/criterion/score", anchor)`` for each such anchor.
    """
    stacked = []
    for rubric in rubrics:
        for criterion in rubric.criteria:
            for level in criterion.levels:
                anchor = level.anchor
                if (
                    len(anchor.split()) > 30
                    or ";" in anchor
                    or len(re.findall(r"\band\b", anchor, re.IGNORECASE)) > 1
                    or len(sentences(anchor)) != 1
                ):
                    stacked.append((f"{rubric.id}/{criterion.id}/{level.score}", anchor))
    return stacked


def scored_share(rubric: Any) -> float:
    """
    The share of a rubric's weight whose criteria name an automatic scorer (0 to 1).
    """
    total: float = sum(criterion.weight for criterion in rubric.criteria)
    scored: float = sum(criterion.weight for criterion in rubric.criteria if criterion.scorer)
    return scored / total


def quality_problems(pack: Any) -> list[str]:
    """
    The content problems of a pack, as text (kept for tests written against 0.2).

    The same checks as the content step of :func:`check_pack`; warnings start with
    ``warning:``.

    Args:
        pack: A :class:`~interviewprep.Pack`.

    Returns:
        One line per problem, ``path: message``.
    """
    from interviewprep._validation import content_problems

    return [
        f"{problem.path}: {'warning: ' if problem.severity == 'warning' else ''}{problem.message}"
        for problem in content_problems(pack)
    ]


def _is_folder(pack: str | os.PathLike[str]) -> bool:
    return not isinstance(pack, str) or "/" in pack or os.sep in pack or Path(pack).exists()


def check_pack(
    pack: str | os.PathLike[str],
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    data_only: bool = False,
    strict: bool = False,
) -> Any:
    """
    Check a pack thoroughly; fail the current test with every problem found.

    Args:
        pack: An installed pack's name, or the path of a pack folder.
        paths: Other pack folders to check it with, such as the folder of a base
            pack that is not installed (a translation's or a role pack's); each takes
            the place of an installed pack of the same name.
        data_only: Load the installed packs in data-only mode.
        strict: Fail on warnings too.

    Returns:
        The resolved :class:`~interviewprep.Pack`, for further checks.
    """
    from interviewprep._validation import check_folders, check_installed

    if _is_folder(pack):
        report = check_folders([pack], paths=paths, data_only=data_only)
    else:
        report = check_installed(str(pack), paths=paths, data_only=data_only)
    failing = report.problems if strict else report.errors
    if failing or not report.packs:
        what = f"the pack at {pack}" if _is_folder(pack) else f"pack {str(pack)!r}"
        found = report.problems or (f"{what} was not found",)
        lines = [f"{what} has problems:", *map(str, found)]
        pytest.fail("\n".join(lines), pytrace=False)
    for problem in report.warnings:
        warnings.warn(PackWarning(str(problem)), stacklevel=2)
    [loaded] = report.packs.values()
    return loaded


@pytest.fixture(name="check_pack")
def _check_pack_fixture() -> PackCheck:
    """
    The :func:`check_pack` function, as a fixture: ``def test_pack(check_pack): ...``.
    """
    return check_pack

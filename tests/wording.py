"""
Helpers to check that output speaks one language: no English phrase of the library's
own left in a German rendering.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable
from pathlib import Path

from interviewprep import PrepPlan, build_plan, load_interview, load_library
from interviewprep._catalogue import ENGLISH, GERMAN

ROOT = Path(__file__).parent.parent
INTERVIEW = ROOT / "examples" / "interview.toml"
#: The German translation of the core pack, as a pack folder.
CORE_DE = ROOT / "packs" / "core-de" / "src" / "interviewprep_core_de"
TODAY = "2026-11-26"


def german_plan() -> PrepPlan:
    """The example interview's plan from the core pack and its German translation."""
    import datetime as dt

    library = load_library(paths=[CORE_DE], language="de", strict=True)
    interview = load_interview(INTERVIEW)
    return build_plan(library, interview, today=dt.date.fromisoformat(TODAY))


def _words(template: str) -> list[str]:
    """The runs of words between a template's placeholders and punctuation."""
    return [
        part.strip()
        for literal, _, _, _ in string.Formatter().parse(template)
        for part in re.split(r"[^\w\s'-]+|(?<!\w)-|-(?!\w)", literal)
        if re.search(r"[^\W\d_]{2}", part)
    ]


def english_fragments() -> set[str]:
    """
    The words of English phrases that a German rendering must not contain.

    Every run of words of an English phrase that differs from its German one, except
    runs that German uses too ("Motivation", "VERSION").
    """
    german = " ".join(GERMAN.values()).casefold()
    found = set()
    for key, english in ENGLISH.items():
        if english == GERMAN[key]:
            continue
        for fragment in _words(english):
            if not re.search(rf"\b{re.escape(fragment.casefold())}\b", german):
                found.add(fragment)
    return found


def content(plan: PrepPlan) -> list[str]:
    """Every piece of content a rendered plan shows (which may be English), longest first."""
    interview = plan.interview
    pieces = [interview.role, interview.company, interview.location]
    pieces += [earlier.answer for earlier in interview.first_round.answers]
    # What a priority quotes from round one (maybe shortened), in any quotation marks.
    for priority in plan.priorities:
        pieces += re.findall(r"[“„«]\s*(.+?)\s*[”“»]", priority.reason)
    for person in interview.interviewers:
        pieces += [person.name, person.title]
    pieces += [task.text for task in plan.tasks]
    pieces += [q.text for q in plan.questions_to_rehearse]
    for name, questions in plan.questions_to_ask.items():
        pieces += [name, *(q.text for q in questions)]
    pieces += [tip.title for tip in plan.tips]
    return sorted({" ".join(p.split()) for p in pieces if p.strip()}, key=len, reverse=True)


def readable(output: str, fmt: str) -> str:
    """*output* as the words a reader sees: no markup, escapes resolved, one space apart."""
    if fmt == "html":
        output = re.sub(r"<style>.*?</style>", " ", output, flags=re.DOTALL)
        output = html.unescape(re.sub(r"<[^>]+>", " ", output))
    elif fmt == "md":
        output = output.replace("\\", "").replace("*", "").replace("#", "")
    return " ".join(output.split())


def english_left(output: str, fmt: str, pieces: Iterable[str]) -> list[str]:
    """The English phrases of the library still in *output* once its content is taken out."""
    words = readable(output, fmt)
    for piece in pieces:
        # Text output capitalises the titles of items shown on their own.
        words = words.replace(piece, " ").replace(piece.upper(), " ")
    folded = words.casefold()
    return sorted(
        fragment
        for fragment in english_fragments()
        if re.search(rf"\b{re.escape(fragment.casefold())}\b", folded)
    )

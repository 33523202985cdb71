"""
Rendering content as Markdown and as plain text for a terminal.

Pack text is third-party text: plain-text output strips control characters and
terminal escape sequences, so a pack cannot move the cursor, change colours or
rewrite the screen.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import textwrap
from collections.abc import Iterable
from typing import Any

from ._model import Checklist, ChecklistItem, Pack, Question, Rubric, Tip

__all__ = ["render_markdown", "render_text"]

# ESC-based sequences (CSI, OSC, and two-character escapes), then any other C0/C1 control
# character except newline and tab.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """
    Remove terminal escape sequences and control characters (keeping newlines and tabs).
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def _offset(delta: dt.timedelta) -> str:
    if delta == dt.timedelta(0):
        return "at the start"
    after = delta > dt.timedelta(0)
    delta = abs(delta)
    days, seconds = delta.days, delta.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    amount = " ".join(parts) or "moments"
    return f"{amount} after the start" if after else f"{amount} before"


def _labels(values: Iterable[Any]) -> str:
    return ", ".join(sorted(str(v) for v in values))


def _md(text: str) -> str:
    """Markdown-escape a single-line value written into Markdown structure."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))


# -- Markdown --------------------------------------------------------------------------


def _md_tip(tip: Tip, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(tip.title)}", "", tip.body.strip(), ""]
    meta = [f"topic: {tip.topic}"]
    if tip.stages:
        meta.append(f"stages: {_labels(tip.stages)}")
    if tip.audiences:
        meta.append(f"audiences: {_labels(tip.audiences)}")
    lines += [f"*{'; '.join(meta)}*", ""]
    return lines


def _md_question(question: Question, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(question.text)}", ""]
    side = "asked of you" if question.asked_by == "interviewer" else "for you to ask"
    lines += [f"*{question.kind}, {side}; checks: {question.intent}*", ""]
    if question.guidance.strip():
        lines += [question.guidance.strip(), ""]
    if question.pitfalls:
        lines += ["Pitfalls:", "", *(f"- {_md(p)}" for p in question.pitfalls), ""]
    if question.follow_ups:
        lines += ["Likely follow-ups:", "", *(f"1. {_md(f)}" for f in question.follow_ups), ""]
    return lines


def _md_item(item: ChecklistItem) -> str:
    when = f" — {_offset(item.due)}" if item.due is not None else ""
    optional = " (optional)" if item.optional else ""
    return f"- [ ] {_md(item.text)}{when}{optional}"


def _md_checklist(checklist: Checklist, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(checklist.title)}", ""]
    lines += [_md_item(item) for item in checklist.items]
    return [*lines, ""]


def _md_rubric(rubric: Rubric, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(rubric.title)}", ""]
    if rubric.description.strip():
        lines += [rubric.description.strip(), ""]
    for criterion in rubric.criteria:
        weight = f" (weight {criterion.weight:g})" if criterion.weight != 1 else ""
        lines += [f"{'#' * (level + 1)} {_md(criterion.name)}{weight}", ""]
        if criterion.description.strip():
            lines += [criterion.description.strip(), ""]
        lines += ["| Score | Level | What it sounds like |", "| --- | --- | --- |"]
        for lvl in sorted(criterion.levels, key=lambda x: x.score):
            lines.append(f"| {lvl.score} | {_md(lvl.label)} | {_md(lvl.anchor)} |")
        lines.append("")
    return lines


def _md_pack(pack: Pack, level: int) -> list[str]:
    info = pack.info
    lines = [f"{'#' * level} {_md(info.title)}", ""]
    if info.description.strip():
        lines += [" ".join(info.description.split()), ""]
    lines += [f"*{info.name} {info.version} · {info.language}*", ""]
    sections: list[tuple[str, Iterable[Any]]] = [
        ("Tips", pack.tips),
        ("Questions you may be asked", [q for q in pack.questions if q.asked_by == "interviewer"]),
        ("Questions to ask", [q for q in pack.questions if q.asked_by == "candidate"]),
        ("Checklists", pack.checklists),
        ("Rubrics", pack.rubrics),
    ]
    for heading, items in sections:
        items = list(items)
        if items:
            lines += [f"{'#' * (level + 1)} {heading}", ""]
            for item in items:
                lines += _markdown_lines(item, level + 2)
    return lines


def _markdown_lines(obj: Any, level: int) -> list[str]:
    if isinstance(obj, Tip):
        return _md_tip(obj, level)
    if isinstance(obj, Question):
        return _md_question(obj, level)
    if isinstance(obj, Checklist):
        return _md_checklist(obj, level)
    if isinstance(obj, Rubric):
        return _md_rubric(obj, level)
    if isinstance(obj, Pack):
        return _md_pack(obj, level)
    if isinstance(obj, ChecklistItem):
        return [_md_item(obj), ""]
    if hasattr(obj, "__iter__") and not isinstance(obj, str | bytes):
        lines: list[str] = []
        for item in obj:
            lines += _markdown_lines(item, level)
        return lines
    msg = f"cannot render {type(obj).__name__} as Markdown"
    raise TypeError(msg)


def render_markdown(obj: Any) -> str:
    """
    Render a model object, a pack, or an iterable of them (a library selection) as Markdown.

    Args:
        obj: A :class:`Tip`, :class:`Question`, :class:`Checklist`,
            :class:`ChecklistItem`, :class:`Rubric`, :class:`Pack`, or an iterable
            of these (such as ``library.questions.filter(kind="behavioral")``).

    Returns:
        Markdown text ending in one newline. Checklist items are task-list entries
        (``- [ ]``), so the output prints as a checklist.

    Raises:
        TypeError: For an object it cannot render.
    """
    lines = _markdown_lines(obj, 1 if isinstance(obj, Pack) else 2)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


# -- plain text ------------------------------------------------------------------------


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        joined = " ".join(paragraph.split())
        if not joined:
            continue
        if out:
            out.append("")
        out += textwrap.wrap(
            joined, width=width, initial_indent=indent, subsequent_indent=indent
        ) or [indent]
    return out


def _text_lines(obj: Any, width: int) -> list[str]:
    if isinstance(obj, Tip):
        lines = [obj.title.upper() if obj.title.isascii() else obj.title, *_wrap(obj.body, width)]
        return [*lines, f"  [{obj.topic}; {_labels(obj.stages) or 'any stage'}]", ""]
    if isinstance(obj, Question):
        lines = _wrap(obj.text, width)
        side = "asked of you" if obj.asked_by == "interviewer" else "to ask"
        lines.append(f"  [{obj.kind}, {side}; checks {obj.intent}]")
        if obj.guidance.strip():
            lines += ["", *_wrap(obj.guidance, width, "  ")]
        if obj.pitfalls:
            lines += ["", "  Pitfalls:"]
            for pitfall in obj.pitfalls:
                lines += _wrap(f"- {pitfall}", width, "    ")
        if obj.follow_ups:
            lines += ["", "  Likely follow-ups:"]
            for follow_up in obj.follow_ups:
                lines += _wrap(f"- {follow_up}", width, "    ")
        return [*lines, ""]
    if isinstance(obj, ChecklistItem):
        when = f" ({_offset(obj.due)})" if obj.due is not None else ""
        optional = " [optional]" if obj.optional else ""
        return _wrap(f"[ ] {obj.text}{when}{optional}", width, "  ")
    if isinstance(obj, Checklist):
        lines = [obj.title.upper() if obj.title.isascii() else obj.title]
        for item in obj.items:
            lines += _text_lines(item, width)
        return [*lines, ""]
    if isinstance(obj, Rubric):
        lines = [obj.title.upper() if obj.title.isascii() else obj.title]
        if obj.description.strip():
            lines += _wrap(obj.description, width)
        for criterion in obj.criteria:
            lines += ["", f"  {criterion.name} (weight {criterion.weight:g})"]
            for level in sorted(criterion.levels, key=lambda x: x.score):
                lines += _wrap(f"{level.score} {level.label}: {level.anchor}", width, "    ")
        return [*lines, ""]
    if isinstance(obj, Pack):
        info = obj.info
        lines = [f"{info.title} ({info.name} {info.version}, {info.language})", ""]
        for kind in ("tips", "questions", "checklists", "rubrics"):
            for item in getattr(obj, kind):
                lines += _text_lines(item, width)
        return lines
    if hasattr(obj, "__iter__") and not isinstance(obj, str | bytes):
        lines = []
        for item in obj:
            lines += _text_lines(item, width)
        return lines
    msg = f"cannot render {type(obj).__name__} as text"
    raise TypeError(msg)


def render_text(obj: Any, width: int | None = None) -> str:
    """
    Render a model object, a pack or a selection as plain text for a terminal.

    Control characters and terminal escape sequences in the content are removed.

    Args:
        obj: What :func:`render_markdown` accepts.
        width: The line width; the terminal's width (at most 100) by default.

    Returns:
        Wrapped plain text ending in one newline.

    Raises:
        TypeError: For an object it cannot render.
    """
    if width is None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 100)
    width = max(width, 20)
    lines = _text_lines(obj, width)
    while lines and not lines[-1]:
        lines.pop()
    return clean("\n".join(lines)) + "\n"

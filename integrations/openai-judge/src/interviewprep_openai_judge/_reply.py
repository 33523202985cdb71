"""
Reading a model's reply: the JSON object inside it, and a score per criterion.

Models wrap JSON in code fences, add prose around it, key criteria by name, or score
outside the scale. What can be read is kept; a criterion whose entry cannot be read is
left out (the library then falls back to the criterion's own scorer and reports it).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from interviewprep.scorers import JudgeContext, Score

from ._errors import JudgeError, excerpt

__all__ = ["json_object", "scores"]

#: How much of a reply is searched for JSON (a reply is a few kilobytes).
_MAX_REPLY_CHARS = 200_000
#: How many opening braces are tried as the start of the object.
_MAX_STARTS = 50
#: The reasoning some models write before their answer (``<think>...</think>``).
_THINKING = re.compile(r"<think>.*?</think>", re.DOTALL)
_FENCE = re.compile(r"```[A-Za-z]*[ \t]*\n?(.*?)```", re.DOTALL)
_MAX_EVIDENCE = 5
_MAX_QUOTE_CHARS = 300
_MAX_SUGGESTION_CHARS = 600


def json_object(text: str) -> dict[str, Any] | None:
    """
    The first JSON object in *text*: the whole text, a fenced code block, or an object
    with prose around it, after any ``<think>...</think>`` reasoning.

    Args:
        text: A model's reply.

    Returns:
        The object, or ``None`` when *text* holds none.
    """
    text = _THINKING.sub("", text[:_MAX_REPLY_CHARS])
    candidates = [text.strip(), *(m.group(1).strip() for m in _FENCE.finditer(text))]
    for candidate in candidates:
        try:
            found = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(found, dict):
            return found
    decoder = json.JSONDecoder()
    start = text.find("{")
    for _ in range(_MAX_STARTS):
        if start < 0:
            break
        try:
            found, _end = decoder.raw_decode(text, start)
        except ValueError:
            found = None
        if isinstance(found, dict):
            return found
        start = text.find("{", start + 1)
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def _texts(value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    quotes = (" ".join(item.split()) for item in items if isinstance(item, str))
    return tuple(quote[:_MAX_QUOTE_CHARS] for quote in quotes if quote)[:_MAX_EVIDENCE]


def _score(entry: object, low: int, high: int, provenance: str) -> Score | None:
    """One criterion's entry as a :class:`Score`, or ``None`` if it cannot be read."""
    fields: Mapping[str, object] = entry if isinstance(entry, dict) else {"score": entry}
    level = _number(fields.get("score"))
    if level is None or not low <= level <= high:
        return None
    confidence = _number(fields.get("confidence"))
    suggestion = fields.get("suggestion")
    return Score(
        value=(level - low) / (high - low),
        evidence=_texts(fields.get("evidence")),
        suggestion=" ".join(suggestion.split())[:_MAX_SUGGESTION_CHARS]
        if isinstance(suggestion, str)
        else "",
        confidence=confidence if confidence is not None and 0 <= confidence <= 1 else None,
        provenance=provenance,
    )


def _normal(key: str) -> str:
    return " ".join(key.split()).lower()


def _keys(found: Mapping[str, object]) -> dict[str, object]:
    return {_normal(key): value for key, value in found.items()}


def scores(content: str, context: JudgeContext, *, provenance: str, url: str) -> dict[str, Score]:
    """
    The scores in a model's reply, by criterion id.

    An entry is found by the criterion's id or, failing that, its name (either in any
    case), at the top of the object or inside its only key (``{"scores": {...}}``). Its
    ``score`` (a number, or a string holding one) must lie on the rubric's scale; it
    becomes ``(score - min) / (max - min)``. An entry without a readable score on the
    scale is left out. Evidence keeps at most five quotes; a confidence outside 0 to 1
    is dropped.

    Args:
        content: The reply's text.
        context: What the judge was asked.
        provenance: What made the scores (``"model @ base URL"``).
        url: The URL called, for errors.

    Returns:
        A score for each criterion the reply scores readably.

    Raises:
        JudgeError: If the reply holds no JSON object, or scores none of the criteria.
    """
    found = json_object(content)
    if found is None:
        msg = f"the reply of {url} holds no JSON object: {excerpt(content)}"
        raise JudgeError(msg, url=url)
    keys = _keys(found)
    names = {_normal(name) for c in context.criteria for name in (c.id, c.name)}
    if not names & keys.keys() and len(keys) == 1:
        [inner] = keys.values()  # {"scores": {...}}: the criteria one level down
        keys = _keys(inner) if isinstance(inner, dict) else keys
    low, high = context.rubric.scale.min, context.rubric.scale.max
    result: dict[str, Score] = {}
    for criterion in context.criteria:
        entry = keys.get(_normal(criterion.id), keys.get(_normal(criterion.name)))
        score = _score(entry, low, high, provenance)
        if score is not None:
            result[criterion.id] = score
    if not result:
        asked = ", ".join(criterion.id for criterion in context.criteria)
        msg = (
            f"the reply of {url} scores none of the criteria asked for ({asked}) "
            f"on the scale {low}-{high}: {excerpt(content)}"
        )
        raise JudgeError(msg, url=url)
    return result

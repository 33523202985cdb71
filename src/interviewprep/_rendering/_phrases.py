"""
Every fixed word the renderers write, in one table keyed by stable ids.

Renderers never spell out English themselves: they ask :func:`phrase` for a phrase by
id and fill in the values. Another language is one more table with the same keys.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["ENGLISH", "phrase", "plural"]

#: The English catalogue. Values are :meth:`str.format` templates.
ENGLISH: Mapping[str, str] = {
    # The catalogue's language, as a BCP 47 tag.
    "language": "en",
    # A label before a text, in a heading ("Prep plan: ...") or a line ("evidence: ...").
    "labelled": "{label}: {text}",
    "document.several": "{first} and {count} more",
    "document.empty": "Nothing to show",
    # Tips.
    "tip.topic": "topic: {topic}",
    "tip.stages": "stages: {stages}",
    "tip.audiences": "audiences: {audiences}",
    # Questions.
    "question.meta": "{kind}, {side}; checks: {intent}",
    "question.asked_of_you": "asked of you",
    "question.for_you_to_ask": "for you to ask",
    "question.pitfalls": "Pitfalls:",
    "question.follow_ups": "Likely follow-ups:",
    # Checklist items and their offsets from the interview's start.
    "item.optional": "(optional)",
    "item.due": "{text} — {when}",
    "offset.at_start": "at the start",
    "offset.after": "{amount} after the start",
    "offset.before": "{amount} before",
    "offset.moments": "moments",
    "unit.day.one": "{count} day",
    "unit.day.other": "{count} days",
    "unit.hour.one": "{count} hour",
    "unit.hour.other": "{count} hours",
    "unit.minute.one": "{count} minute",
    "unit.minute.other": "{count} minutes",
    # Rubrics.
    "rubric.weight": "{name} (weight {weight})",
    "rubric.score": "Score",
    "rubric.level": "Level",
    "rubric.anchor": "What it sounds like",
    # Packs.
    "pack.meta": "{name} {version} · {language}",
    "pack.tips": "Tips",
    "pack.questions_asked": "Questions you may be asked",
    "pack.questions_to_ask": "Questions to ask",
    "pack.checklists": "Checklists",
    "pack.rubrics": "Rubrics",
    # Prep plans.
    "plan.title": "Prep plan",
    "plan.subject": "{role} at {company}",
    "plan.meta": "{when} · {format} · plan made {today}",
    "plan.meet": "Who you will meet",
    "plan.person": "{name} ({audience})",
    "plan.person_titled": "{name}, {title} ({audience})",
    "plan.before": "Before the interview",
    "plan.during": "During the interview",
    "plan.after": "After the interview",
    "plan.task": "{when} — {text}",
    "plan.overdue": "overdue",
    "plan.rehearse": "Questions to rehearse",
    "plan.to_ask": "Questions to ask",
    "plan.tips": "Tips",
    "plan.kind": "({kind})",
    "plan.topic": "({topic})",
    # Assessments.
    "assessment.title": "Assessment",
    "assessment.question": "Question: {text}",
    "assessment.total": "Total: {total}",
    "assessment.scale": "on a scale of {min}-{max}",
    "assessment.needs_human": "needs a human rating",
    "assessment.criterion": "Criterion",
    "assessment.score": "Score",
    "assessment.evidence": "Evidence",
    "assessment.change": "What to change",
    "assessment.evidence_label": "evidence",
    "assessment.change_label": "to improve",
    "assessment.covered": "Covered",
    "assessment.missing": "Not covered yet",
    "assessment.red_flags": "Red flags",
    # Dates and times.
    "datetime": "{weekday} {day:02d} {month} {year}, {hour:02d}:{minute:02d}",
    "datetime.zoned": "{when} {zone}",
    "weekday.0": "Mon",
    "weekday.1": "Tue",
    "weekday.2": "Wed",
    "weekday.3": "Thu",
    "weekday.4": "Fri",
    "weekday.5": "Sat",
    "weekday.6": "Sun",
    "month.1": "Jan",
    "month.2": "Feb",
    "month.3": "Mar",
    "month.4": "Apr",
    "month.5": "May",
    "month.6": "Jun",
    "month.7": "Jul",
    "month.8": "Aug",
    "month.9": "Sep",
    "month.10": "Oct",
    "month.11": "Nov",
    "month.12": "Dec",
    # iCalendar.
    "ics.summary": "Second interview: {role} at {company}",
    "ics.with": "With {people}",
    "ics.for": "For {name}",
    "ics.from": "From {source}",
}


def phrase(key: str, /, **values: object) -> str:
    """
    The phrase *key*, with *values* filled in.

    Args:
        key: The phrase's id, such as ``"plan.rehearse"``.
        **values: The values its template names.

    Returns:
        The phrase.

    Raises:
        KeyError: For an unknown id or a value the template names but was not given.
    """
    return ENGLISH[key].format(**values)


def plural(key: str, count: int) -> str:
    """
    The phrase *key* for *count* things (``key.one`` or ``key.other``).

    Args:
        key: The id without its ``.one`` or ``.other`` suffix, such as ``"unit.day"``.
        count: How many.

    Returns:
        The phrase, with *count* filled in.
    """
    return phrase(f"{key}.{'one' if count == 1 else 'other'}", count=count)

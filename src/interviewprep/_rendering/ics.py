"""
Rendering a prep plan as an iCalendar file (RFC 5545), with the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .._planning import PrepPlan
from ._document import phrase, speaking, words

if TYPE_CHECKING:
    from .._catalogue import Catalogue

__all__ = ["plan_to_ics"]

# Every line separator a calendar app might honour, each written as one escaped "\n".
_SEPARATORS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
# Other control characters, which RFC 5545 does not allow in text (tab is allowed).
_CONTROLS = dict.fromkeys([*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
_SLUG = re.compile(r"[^a-z0-9]+")
_LINE_OCTETS = 75


def _ics_escape(text: str) -> str:
    """Text as an iCalendar TEXT value: separators as ``\\n``, controls dropped."""
    lines = _SEPARATORS.split(text)
    escaped = (
        line.translate(_CONTROLS).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        for line in lines
    )
    return "\\n".join(escaped)


def _ics_fold(line: str) -> list[str]:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > _LINE_OCTETS:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return out


def _out_of_range(moment: dt.datetime, why: str) -> ValueError:
    return ValueError(f"cannot write {moment.isoformat()} to an iCalendar file: {why}")


def _ics_time(moment: dt.datetime) -> str:
    """
    A DATE-TIME value: UTC for an aware moment, floating local time for a naive one.

    Raises:
        ValueError: If the year (in UTC, for an aware moment) is not four digits.
    """
    try:
        value = moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment
    except OverflowError:
        value = None
    if value is None or not 1000 <= value.year <= 9999:
        raise _out_of_range(moment, "its dates need a four-digit year (1000 to 9999)")
    suffix = "Z" if moment.tzinfo is not None else ""
    return (
        f"{value.year:04d}{value.month:02d}{value.day:02d}"
        f"T{value.hour:02d}{value.minute:02d}{value.second:02d}{suffix}"
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    """*moment* in UTC (a naive one taken as local time)."""
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        raise _out_of_range(moment, "it lies outside the years 1000 to 9999") from None


def _end(moment: dt.datetime) -> dt.datetime:
    try:
        return moment + dt.timedelta(hours=1)
    except OverflowError:
        raise _out_of_range(moment, "the interview would end after the year 9999") from None


def plan_to_ics(
    plan: PrepPlan, *, stamp: dt.datetime | None = None, catalogue: Catalogue | None = None
) -> str:
    """
    Export a plan as an iCalendar file (RFC 5545), written with the standard library.

    The interview is a ``VEVENT``; each task is a ``VTODO`` due at its time, marked
    with its interviewer. Aware times are written in UTC; naive times as floating
    local times. Text is escaped (every kind of line break becomes ``\\n``; other
    control characters are dropped) and lines are folded at 75 octets.

    Args:
        plan: The plan.
        stamp: The ``DTSTAMP`` to write; the plan's day at midnight UTC by default,
            so the same plan always gives the same file.
        catalogue: The library's own words (the event's summary, the tasks'
            descriptions and categories), such as ``interviewprep.catalogue("de")``;
            English by default.

    Returns:
        The calendar, with CRLF line endings.

    Raises:
        ValueError: If a date to write (the interview, its end, a task, the stamp)
            falls outside the years 1000 to 9999, which iCalendar cannot express.
    """
    with speaking(catalogue):
        return _calendar(plan, stamp)


def _calendar(plan: PrepPlan, stamp: dt.datetime | None) -> str:
    """The calendar of :func:`plan_to_ics`, in the current catalogue's words."""
    interview = plan.interview
    start = _ics_time(interview.when)
    end = _ics_time(_end(interview.when))
    if stamp is None:
        stamp = dt.datetime.combine(plan.today, dt.time(), tzinfo=dt.UTC)
    stamp_text = _ics_time(_aware(stamp))
    slug = _SLUG.sub("-", f"{interview.company} {interview.role}".lower()).strip("-")
    base = f"{start}-{slug or 'interview'}@interviewprep"
    summary = phrase("ics.summary", role=interview.role, company=interview.company)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//interviewprep//prep plan//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:interview-{base}",
        f"DTSTAMP:{stamp_text}",
        f"DTSTART:{start}",
        f"DTEND:{end}",
        f"SUMMARY:{_ics_escape(summary)}",
    ]
    if interview.location:
        lines.append(f"LOCATION:{_ics_escape(interview.location)}")
    if interview.interviewers:
        people = ", ".join(
            f"{p.name} ({p.title})" if p.title else p.name for p in interview.interviewers
        )
        lines.append(f"DESCRIPTION:{_ics_escape(phrase('ics.with', people=people))}")
    lines.append("END:VEVENT")
    for number, task in enumerate(plan.tasks, start=1):
        lines += [
            "BEGIN:VTODO",
            f"UID:task-{number}-{base}",
            f"DTSTAMP:{stamp_text}",
            f"DUE:{_ics_time(task.due)}",
            f"SUMMARY:{_ics_escape(task.text)}",
            f"CATEGORIES:{_ics_escape(words().label(task.stage).upper())}",
            f"PRIORITY:{9 if task.optional else 5}",
        ]
        details = [phrase("ics.from", source=task.source)]
        if task.interviewer:
            details.insert(0, phrase("ics.for", name=task.interviewer))
        lines.append(f"DESCRIPTION:{_ics_escape('. '.join(details))}")
        lines.append("END:VTODO")
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _ics_fold(line)]
    return "\r\n".join(folded) + "\r\n"

"""
Rendering a prep plan as an iCalendar file (RFC 5545), with the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import TYPE_CHECKING, NamedTuple

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


def _end(moment: dt.datetime, length: dt.timedelta) -> dt.datetime:
    try:
        return moment + length
    except OverflowError:
        raise _out_of_range(moment, "it would end after the year 9999") from None


# The reminder, before the interview starts.
_REMINDER = "-PT1H"
_DAY = dt.timedelta(days=1)
_SECOND = dt.timedelta(seconds=1)
# How far before a plan's first date to look for the observance in effect then.
_LOOKBACK = dt.timedelta(days=366)
# How far from the interview a time is written as local time: the VTIMEZONE lists
# every change over that span, so a plan a hostile pack stretches over centuries
# (a checklist item due in 2,000 years) is written in UTC beyond it instead.
_LOCAL_SPAN = dt.timedelta(days=3 * 366)
# The earliest onset a VTIMEZONE can write in any zone (four-digit years).
_EARLIEST = dt.datetime(1000, 1, 2, tzinfo=dt.UTC)


class _State(NamedTuple):
    """What a zone says at one instant: its offset, its name and whether it is summer time."""

    offset: dt.timedelta
    name: str
    daylight: bool


class _Observance(NamedTuple):
    """One onset of a zone's observance, as a VTIMEZONE writes it."""

    at: dt.datetime  # the onset, in UTC
    before: _State
    after: _State


def _offset_text(offset: dt.timedelta) -> str:
    """A UTC-OFFSET value (``+0100``, ``-0330``, ``+005328``)."""
    sign = "-" if offset < dt.timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _state(zone: dt.tzinfo, instant: dt.datetime) -> _State:
    """The zone's offset, name and summer time at a UTC *instant*."""
    local = instant.astimezone(zone)
    offset = local.utcoffset() or dt.timedelta(0)
    summer = local.dst()
    # A zone with "negative summer time" (Europe/Dublin's winter) is standard time here.
    return _State(
        offset, local.tzname() or _offset_text(offset), bool(summer and summer > dt.timedelta(0))
    )


def _transitions(zone: dt.tzinfo, first: dt.datetime, last: dt.datetime) -> list[_Observance]:
    """
    The zone's changes between the UTC instants *first* and *last*.

    Found by comparing the zone a day apart and bisecting a change to the second
    (transitions fall on whole seconds); a zone that changes and changes back
    within one day would be missed, and none does.
    """
    found: list[_Observance] = []
    here = first.replace(microsecond=0)
    before = _state(zone, here)
    while here < last:
        there = min(here + _DAY, last)
        if _state(zone, there) == before:
            here = there
            continue
        low, high = 0, max(1, int((there - here) / _SECOND))
        while high - low > 1:
            middle = (low + high) // 2
            if _state(zone, here + middle * _SECOND) == before:
                low = middle
            else:
                high = middle
        here = here + high * _SECOND
        after = _state(zone, here)
        found.append(_Observance(here, before, after))
        before = after
    return found


def _observances(zone: dt.tzinfo, first: dt.datetime, last: dt.datetime) -> list[_Observance]:
    """
    The observances a calendar needs for UTC instants from *first* to *last*: the
    one in effect at *first* (its onset found up to a year before, else taken as a
    year before) and every change up to *last*.
    """
    since = max(first - _LOOKBACK, _EARLIEST)
    earlier = _transitions(zone, since, first)
    if earlier:
        opening = earlier[-1]
    else:
        state = _state(zone, since)
        opening = _Observance(since.replace(microsecond=0), state, state)
    return [opening, *_transitions(zone, first, last)]


def _vtimezone(name: str, zone: dt.tzinfo, first: dt.datetime, last: dt.datetime) -> list[str]:
    """A VTIMEZONE for *zone*, covering the UTC instants *first* to *last*."""
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    for observance in _observances(zone, first, last):
        kind = "DAYLIGHT" if observance.after.daylight else "STANDARD"
        # The onset is written in the local time before it (RFC 5545, 3.6.5).
        onset = (observance.at + observance.before.offset).replace(tzinfo=None)
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{_ics_time(onset)}",
            f"TZOFFSETFROM:{_offset_text(observance.before.offset)}",
            f"TZOFFSETTO:{_offset_text(observance.after.offset)}",
            f"TZNAME:{_ics_escape(observance.after.name)}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return lines


class _Clock:
    """
    Writes a plan's times: in the interview's zone with a TZID when it has one,
    else in UTC (aware) or as floating local time (naive). Remembers the span of
    the times written, for the VTIMEZONE.
    """

    def __init__(self, timezone: str | None, around: dt.datetime) -> None:
        self.name = timezone
        self.zone = None if timezone is None else zoneinfo.ZoneInfo(timezone)
        self.around = _aware(around.replace(tzinfo=self.zone) if around.tzinfo is None else around)
        self.first: dt.datetime | None = None
        self.last: dt.datetime | None = None

    def line(self, name: str, moment: dt.datetime) -> str:
        """The content line ``NAME;TZID=zone:local`` (or ``NAME:utc``) for *moment*."""
        text = _ics_time(moment)  # refuses years iCalendar cannot write
        if self.zone is None:
            return f"{name}:{text}"
        aware = moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment
        instant = _aware(aware)
        local = instant.astimezone(self.zone)
        if _aware(local.replace(fold=0)) != instant or abs(instant - self.around) > _LOCAL_SPAN:
            # The second time round a repeated hour (after clocks go back): a local
            # time names the first, so this one is written in UTC; and so is a time
            # years from the interview, beyond the span the VTIMEZONE covers.
            return f"{name}:{_ics_time(instant)}"
        self.first = instant if self.first is None else min(self.first, instant)
        self.last = instant if self.last is None else max(self.last, instant)
        return f"{name};TZID={_parameter(self.name or '')}:{_ics_time(local.replace(tzinfo=None))}"

    def vtimezone(self) -> list[str]:
        """The VTIMEZONE for the times written, or nothing without a zone."""
        if self.zone is None or self.name is None:
            return []
        if self.first is None or self.last is None:
            return []
        return _vtimezone(self.name, self.zone, self.first, self.last)


def _parameter(value: str) -> str:
    """A parameter value, quoted if it holds a colon, semicolon or comma."""
    return f'"{value}"' if any(ch in value for ch in ":;,") else value


def plan_to_ics(
    plan: PrepPlan, *, stamp: dt.datetime | None = None, catalogue: Catalogue | None = None
) -> str:
    """
    Export a plan as an iCalendar file (RFC 5545), written with the standard library.

    The interview is a ``VEVENT`` of an hour with a reminder an hour before; each
    task is a ``VTODO`` due at its time, marked with its interviewer. When the
    interview has a ``timezone``, times are written as local times there
    (``TZID=Europe/Berlin``) and the calendar carries a ``VTIMEZONE`` for the zone,
    made from the system's time zone database, with every daylight-saving change
    over the plan's span; a time in the repeated hour after clocks go back is
    written in UTC, which local time cannot name. Without a zone, aware times are
    written in UTC and naive times as floating local times. Text is escaped (every
    kind of line break becomes ``\\n``; other control characters are dropped) and
    lines are folded at 75 octets.

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
    clock = _Clock(interview.timezone, interview.when)
    start = _ics_time(interview.when)
    if stamp is None:
        stamp = dt.datetime.combine(plan.today, dt.time(), tzinfo=dt.UTC)
    stamp_text = _ics_time(_aware(stamp))
    slug = _SLUG.sub("-", f"{interview.company} {interview.role}".lower()).strip("-")
    base = f"{start}-{slug or 'interview'}@interviewprep"
    summary = phrase("ics.summary", role=interview.role, company=interview.company)
    lines = [
        "BEGIN:VEVENT",
        f"UID:interview-{base}",
        f"DTSTAMP:{stamp_text}",
        clock.line("DTSTART", interview.when),
        clock.line("DTEND", interview.end),
        f"SUMMARY:{_ics_escape(summary)}",
    ]
    if interview.location:
        lines.append(f"LOCATION:{_ics_escape(interview.location)}")
    if interview.interviewers:
        people = ", ".join(
            f"{p.name} ({p.title})" if p.title else p.name for p in interview.interviewers
        )
        lines.append(f"DESCRIPTION:{_ics_escape(phrase('ics.with', people=people))}")
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{_REMINDER}",
        f"DESCRIPTION:{_ics_escape(phrase('ics.reminder', company=interview.company))}",
        "END:VALARM",
        "END:VEVENT",
    ]
    for number, task in enumerate(plan.tasks, start=1):
        # A task with an effort starts at its planned time and is due when the effort
        # is spent (DTSTART and DUE: RFC 5545 forbids DUE and DURATION together).
        timing = [clock.line("DUE", task.due)]
        if task.effort:
            timing = [
                clock.line("DTSTART", task.due),
                clock.line("DUE", _end(task.due, task.effort)),
            ]
        lines += [
            "BEGIN:VTODO",
            f"UID:task-{number}-{base}",
            f"DTSTAMP:{stamp_text}",
            *timing,
            f"SUMMARY:{_ics_escape(task.text)}",
            f"CATEGORIES:{_ics_escape(words().label(task.stage).upper())}",
            f"PRIORITY:{9 if task.optional else 5}",
        ]
        details = [phrase("ics.from", source=task.source)]
        if task.interviewer:
            details.insert(0, phrase("ics.for", name=task.interviewer))
        lines.append(f"DESCRIPTION:{_ics_escape('. '.join(details))}")
        lines.append("END:VTODO")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//interviewprep//prep plan//EN",
        "CALSCALE:GREGORIAN",
        *clock.vtimezone(),
        *lines,
        "END:VCALENDAR",
    ]
    folded = [part for line in lines for part in _ics_fold(line)]
    return "\r\n".join(folded) + "\r\n"

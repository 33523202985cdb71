"""
When a candidate has time to prepare: availability windows, working days, and placing
tasks of a known effort into the windows without overfilling any of them.

Availability is written as a short text, the same in an interview file, on the
command line and in the API::

    weekdays 18:30-21:00; weekends 10:00-17:00
    mon-thu 07:00-08:00, 19:00-21:30; sat 09:00-12:00
    any time

Each part names days (``weekdays``, ``weekends``, ``daily``, a day such as ``mon``,
a range such as ``mon-thu`` or a list such as ``sat,sun``) and one or more time
ranges. ``any time`` (for a candidate not in work) means every day from 09:00 to
18:00. The windows are local times in the interview's time zone, so a plan stays
right across a daylight-saving change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

import attrs

from .exceptions import ValidationError, excerpt

__all__ = [
    "ANY_TIME",
    "DEFAULT_AVAILABILITY",
    "Availability",
    "Window",
    "add_working_days",
]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_GROUPS = {
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
    "daily": frozenset(range(7)),
    "every day": frozenset(range(7)),
}
_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
_ANY_TIME = ("any time", "anytime", "any-time")
#: The example given in error messages.
_EXAMPLE = "'weekdays 18:30-21:00; weekends 10:00-17:00' or 'any time'"


def _time(hours: str, minutes: str, text: str) -> dt.time:
    hour, minute = int(hours), int(minutes)
    if hour == 24 and minute == 0:
        return dt.time.max
    if hour > 23 or minute > 59:
        raise ValidationError("availability", f"{excerpt(text)} is not a time of day")
    return dt.time(hour, minute)


def _clock(moment: dt.time) -> str:
    return "24:00" if moment == dt.time.max else moment.strftime("%H:%M")


@attrs.frozen(kw_only=True)
class Window:
    """
    A stretch of free time that recurs on some days of the week.

    Attributes:
        days: The days it recurs on, 0 for Monday to 6 for Sunday.
        start: When it starts, local time.
        end: When it ends, local time; later than *start* (``24:00`` is midnight).
    """

    days: frozenset[int]
    start: dt.time
    end: dt.time

    def __attrs_post_init__(self) -> None:
        if not self.days or not self.days <= frozenset(range(7)):
            raise ValidationError("availability", "a window needs days between 0 and 6")
        if self.start >= self.end:
            msg = f"{_clock(self.start)}-{_clock(self.end)} ends before it starts"
            raise ValidationError("availability", msg)

    def __str__(self) -> str:
        for name, days in _DAY_GROUPS.items():
            if days == self.days and name != "every day":
                return f"{name} {_clock(self.start)}-{_clock(self.end)}"
        runs: list[list[int]] = []
        for day in sorted(self.days):
            if runs and runs[-1][-1] == day - 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        names = ",".join(
            _DAYS[run[0]] if len(run) == 1 else f"{_DAYS[run[0]]}-{_DAYS[run[-1]]}" for run in runs
        )
        return f"{names} {_clock(self.start)}-{_clock(self.end)}"


@attrs.frozen
class Availability:
    """
    When the candidate is free to prepare: windows of local time on days of the week.

    Build one from its text with :meth:`parse`; ``str()`` gives the text back.

    Attributes:
        windows: The windows, in the order given.
    """

    windows: tuple[Window, ...]

    def __attrs_post_init__(self) -> None:
        if not self.windows:
            raise ValidationError("availability", f"name at least one window, such as {_EXAMPLE}")

    @classmethod
    def parse(cls, text: str) -> Availability:
        """
        Read availability from its text form (see the module's documentation).

        Raises:
            ValidationError: At ``availability``, naming the part that is wrong.
        """
        if not isinstance(text, str) or not text.strip():
            raise ValidationError("availability", f"write it as {_EXAMPLE}")
        if text.strip().lower() in _ANY_TIME:
            return ANY_TIME
        windows: list[Window] = []
        for part in text.split(";"):
            part = part.strip()
            if not part:
                continue
            match = re.match(r"^([a-z ,\-]+?)\s+(\d.*)$", part.lower())
            if match is None:
                msg = f"{excerpt(part)} needs days and a time range, such as {_EXAMPLE}"
                raise ValidationError("availability", msg)
            days = _days(match.group(1).strip(), part)
            for span in match.group(2).split(","):
                found = _RANGE.match(span.strip())
                if found is None:
                    msg = f"{excerpt(span.strip())} is not a time range such as 18:30-21:00"
                    raise ValidationError("availability", msg)
                start = _time(found.group(1), found.group(2), span)
                end = _time(found.group(3), found.group(4), span)
                windows.append(Window(days=days, start=start, end=end))
        return cls(tuple(windows))

    def __str__(self) -> str:
        if self == ANY_TIME:
            return "any time"
        return "; ".join(str(window) for window in self.windows)

    def slots(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """
        The free stretches between *start* and *end*, in time order, each cut to them.

        The datetimes follow *start*: aware in its zone, or naive.
        """
        zone = start.tzinfo
        day = start.date()
        while day <= end.date():
            found = []
            for window in self.windows:
                if day.weekday() not in window.days:
                    continue
                opens = dt.datetime.combine(day, window.start, tzinfo=zone)
                closes = (
                    dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
                    if window.end == dt.time.max
                    else dt.datetime.combine(day, window.end, tzinfo=zone)
                )
                opens, closes = max(opens, start), min(closes, end)
                if opens < closes:
                    found.append((opens, closes))
            yield from sorted(found)
            day += dt.timedelta(days=1)


def _days(text: str, part: str) -> frozenset[int]:
    if text in _DAY_GROUPS:
        return _DAY_GROUPS[text]
    days: set[int] = set()
    for piece in text.replace(" ", "").split(","):
        first, _, last = piece.partition("-")
        try:
            begin = _DAYS.index(first[:3])
            finish = _DAYS.index(last[:3]) if last else begin
        except ValueError:
            msg = (
                f"{excerpt(piece)} in {excerpt(part)} is not a day: use mon..sun, a range "
                "such as mon-fri, weekdays, weekends or daily"
            )
            raise ValidationError("availability", msg) from None
        span = (
            range(begin, finish + 1) if begin <= finish else [*range(begin, 7), *range(finish + 1)]
        )
        days.update(span)
    return frozenset(days)


#: Someone not in work: every day, 09:00 to 18:00.
ANY_TIME = Availability((Window(days=frozenset(range(7)), start=dt.time(9), end=dt.time(18)),))
#: Someone in work, the usual case in a second round: weekday evenings, weekend daytime.
DEFAULT_AVAILABILITY = Availability(
    (
        Window(days=frozenset(range(5)), start=dt.time(18, 30), end=dt.time(21)),
        Window(days=frozenset({5, 6}), start=dt.time(10), end=dt.time(17)),
    )
)


def add_working_days(moment: dt.datetime, days: int) -> dt.datetime:
    """
    *moment* moved on by *days* working days (Monday to Friday), at the same time of day.

    A wait of two working days after a Thursday ends on Monday, never on a Saturday.
    """
    day = moment.date()
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return dt.datetime.combine(day, moment.timetz())


@attrs.define
class _Slot:
    start: dt.datetime
    end: dt.datetime
    #: The length of the free window it was cut from (a free weekend day is longer
    #: than the sitting taken from it).
    span: dt.timedelta
    used: dt.timedelta = dt.timedelta(0)

    @property
    def free_from(self) -> dt.datetime:
        return self.start + self.used


def _take(slot: _Slot, request: Request) -> dt.datetime | None:
    """Take the start of *slot*'s free time for *request* if the whole task fits there."""
    begin = max(slot.free_from, request.earliest)
    if begin + request.effort <= min(slot.end, request.latest):
        slot.used = begin + request.effort - slot.start
        return begin
    return None


#: A whole window, as a share in thousandths (see :meth:`Calendar.spread`).
_WHOLE = 1000
_MINUTE = dt.timedelta(minutes=1)


def _level(slot: _Slot, share: int) -> dt.timedelta:
    """How far into *slot* a spread may fill it at *share* (thousandths) of its free
    window, in whole minutes, never beyond the slot itself."""
    minutes = -(-slot.span * share // (_WHOLE * _MINUTE))
    return min(slot.end - slot.start, minutes * _MINUTE)


@attrs.frozen(kw_only=True)
class Request:
    """
    A task to place: its effort, the time it may start and the time it must end by.
    """

    effort: dt.timedelta
    earliest: dt.datetime
    latest: dt.datetime


class Calendar:
    """
    The candidate's free time between two moments, filled as tasks are placed.

    Args:
        availability: The recurring windows.
        start: The first moment to use (the plan's "now").
        end: The last moment to use.
        extra: More free stretches, used as they are (short notice).
        longest: The most of one window to use (a long free day gets one sitting).
    """

    def __init__(
        self,
        availability: Availability,
        start: dt.datetime,
        end: dt.datetime,
        extra: Sequence[tuple[dt.datetime, dt.datetime]] = (),
        *,
        longest: dt.timedelta | None = None,
    ) -> None:
        windows = list(availability.slots(start, end)) if start < end else []
        windows += [(a, b) for a, b in extra if a < b]
        self._slots = [
            _Slot(a, b if longest is None else min(b, a + longest), b - a)
            for a, b in sorted(windows)
        ]

    def place(self, request: Request, *, latest_first: bool = False) -> dt.datetime | None:
        """
        The start of the first free stretch that holds the whole task within its
        bounds (the last one with *latest_first*), which is then taken; ``None`` if
        there is none.
        """
        if latest_first:
            for slot in reversed(self._slots):
                if slot.free_from < request.latest and slot.end > request.earliest:
                    begin = _take(slot, request)
                    if begin is not None:
                        return begin
            return None
        for slot in self._slots:
            if slot.end <= request.earliest:
                continue
            if slot.free_from >= request.latest:
                break
            begin = _take(slot, request)
            if begin is not None:
                return begin
        return None

    def spread(self, requests: Sequence[Request]) -> list[dt.datetime] | None:
        """
        Place *requests* in their order, spread evenly over the free windows.

        Each request starts no earlier than the one before it, and no window is
        filled beyond one level: the same share of each free window (counted from its
        start, in whole minutes, and never beyond the longest sitting), the lowest
        share that holds them all, each window filled up to it before the next is
        used, so that the earliest windows come first and none is left idle while
        another is full. A free weekend day takes a longer sitting than a free
        evening before either is full.

        Returns:
            The starts, in the order of *requests*; ``None``, with nothing taken, if
            they do not all fit.
        """
        if not requests:
            return []
        if not self._slots:
            return None
        if self._fill(requests, _WHOLE) is None:
            return None
        low, high = 0, _WHOLE
        while low < high:
            middle = (low + high) // 2
            if self._fill(requests, middle) is None:
                low = middle + 1
            else:
                high = middle
        found = self._fill(requests, high)
        assert found is not None
        starts, used = found
        for slot, taken in zip(self._slots, used, strict=True):
            slot.used = taken
        return starts

    def fits(self, requests: Sequence[Request]) -> bool:
        """
        Whether :meth:`spread` would place all of *requests* (nothing is taken).
        """
        if not requests:
            return True
        if not self._slots:
            return False
        return self._fill(requests, _WHOLE) is not None

    def _fill(
        self, requests: Sequence[Request], share: int
    ) -> tuple[list[dt.datetime], list[dt.timedelta]] | None:
        """The starts of *requests* in order, no window used beyond *share* (in
        thousandths) of it, and the windows' use after them; ``None`` if they do not
        all fit."""
        used = [slot.used for slot in self._slots]
        starts: list[dt.datetime] = []
        index = 0
        for request in requests:
            earliest = max(request.earliest, starts[-1]) if starts else request.earliest
            while index < len(self._slots):
                slot = self._slots[index]
                if slot.end > earliest and slot.start < request.latest:
                    begin = max(slot.start + used[index], earliest)
                    finish = begin + request.effort
                    if finish <= min(slot.end, request.latest) and finish - slot.start <= _level(
                        slot, share
                    ):
                        used[index] = finish - slot.start
                        starts.append(begin)
                        break
                elif slot.start >= request.latest:
                    return None
                index += 1
            else:
                return None
        return starts, used

    def close(self, moment: dt.datetime) -> None:
        """
        Take the rest of the window *moment* falls in: nothing is placed after it
        there (the evening before ends with rest).
        """
        for slot in self._slots:
            if slot.start <= moment < slot.end:
                slot.used = slot.end - slot.start

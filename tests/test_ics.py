"""Prep plans as iCalendar files: RFC 5545 lines, escaped text, four-digit years."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import (
    Interview,
    Interviewer,
    Library,
    PrepPlan,
    ValidationError,
    build_plan,
    catalogue,
    load_library,
    plan_to_ics,
)

BERLIN = dt.timezone(dt.timedelta(hours=1))
WHEN = dt.datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)
TODAY = dt.date(2026, 11, 30)
LOOP = (
    Interviewer(name="Dana Whitfield", title="Head of Analytics", audience="hiring-manager"),
    Interviewer(name="Sam Osei", title="Data engineer", audience="peer"),
    Interviewer(name="Priya Raman", title="VP Finance", audience="executive"),
    Interviewer(name="Lee Park", title="Principal engineer", audience="senior-technical"),
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(packs=["core"], strict=True)


def plan_for(library: Library, today: dt.date = TODAY, **fields: object) -> PrepPlan:
    values: dict[str, object] = {
        "company": "Northwind",
        "role": "Senior data analyst",
        "when": WHEN,
        "format": "video",
        "interviewers": LOOP,
    }
    interview = Interview(**(values | fields))  # type: ignore[arg-type]
    return build_plan(library, interview, today=today)


def unfolded(text: str) -> list[str]:
    """The calendar's content lines, folded lines joined again."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def value(text: str, name: str) -> str:
    return next(line for line in unfolded(text) if line.startswith(f"{name}:"))[len(name) + 1 :]


def planned(todo: Any) -> dt.datetime:
    """An icalendar to-do's planned start: DTSTART when it has an effort, else DUE."""
    return todo.decoded("DTSTART") if "DTSTART" in todo else todo.decoded("DUE")


class TestICalendar:
    def test_a_task_lasts_its_effort(self, library: Library) -> None:
        """A task with an effort starts at its planned time and is due when it is done."""
        plan = plan_for(library, timezone="Europe/Berlin")
        calendar = parse(plan_to_ics(plan))
        for task, todo in zip(plan.tasks, calendar.walk("VTODO"), strict=True):
            due = instant(calendar, *todo.get("DUE"))
            if task.effort:
                assert instant(calendar, *todo.get("DTSTART")) == task.due
                assert due == task.due + task.effort
            else:
                assert due == task.due

    def test_the_interview_lasts_its_duration(self, library: Library) -> None:
        plan = plan_for(library, duration=dt.timedelta(hours=3))
        calendar = parse(plan_to_ics(plan))
        [event] = calendar.walk("VEVENT")
        assert instant(calendar, *event.get("DTEND")) == WHEN + dt.timedelta(hours=3)

    def test_an_interview_of_unknown_length_lasts_an_hour(self, library: Library) -> None:
        """Without a duration the calendar event lasts the hour a plan assumes."""
        calendar = parse(plan_to_ics(plan_for(library)))
        [event] = calendar.walk("VEVENT")
        assert instant(calendar, *event.get("DTEND")) == WHEN + dt.timedelta(hours=1)

    def test_parses_with_an_independent_parser(self, library: Library) -> None:
        """The .ics file parses with the icalendar library, with every task due as planned."""
        icalendar = pytest.importorskip("icalendar")
        plan = plan_for(library, location="https://meet.example/x; room 1")
        text = plan_to_ics(plan)
        calendar = icalendar.Calendar.from_ical(text)
        todos = [c for c in calendar.walk() if c.name == "VTODO"]
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert len(todos) == len(plan.tasks)
        assert len(events) == 1
        assert events[0].decoded("DTSTART") == WHEN
        assert str(events[0]["LOCATION"]) == "https://meet.example/x; room 1"
        assert [planned(t) for t in todos] == [task.due for task in plan.tasks]
        assert [str(t["SUMMARY"]) for t in todos] == [task.text for task in plan.tasks]
        assert len({str(t["UID"]) for t in todos}) == len(todos)

    def test_rfc5545_lines(self, library: Library) -> None:
        """CRLF line endings and no line over 75 octets."""
        text = plan_to_ics(plan_for(library))
        assert text.endswith("\r\n")
        lines = text.split("\r\n")[:-1]
        assert all(len(line.encode("utf-8")) <= 75 for line in lines)
        assert lines[0] == "BEGIN:VCALENDAR"
        assert lines[-1] == "END:VCALENDAR"
        assert "\n" not in text.replace("\r\n", "")

    def test_naive_times_are_floating(self, library: Library) -> None:
        """A naive interview time is written as floating local time."""
        icalendar = pytest.importorskip("icalendar")
        naive = WHEN.replace(tzinfo=None)
        calendar = icalendar.Calendar.from_ical(plan_to_ics(plan_for(library, when=naive)))
        [event] = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert event.decoded("DTSTART") == naive
        assert "DTSTART:20261203T100000\r\n" in plan_to_ics(plan_for(library, when=naive))

    def test_aware_times_are_utc(self, library: Library) -> None:
        """An aware interview time is written in UTC."""
        text = plan_to_ics(plan_for(library))
        assert value(text, "DTSTART") == "20261203T090000Z"
        assert value(text, "DTEND") == "20261203T100000Z"

    def test_same_plan_same_file(self, library: Library) -> None:
        """The same plan gives the same file, stamped with the plan's day."""
        plan = plan_for(library)
        assert plan_to_ics(plan) == plan_to_ics(plan)
        assert value(plan_to_ics(plan), "DTSTAMP") == "20261130T000000Z"


class TestEscaping:
    @pytest.mark.parametrize(
        "separator", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
    )
    def test_every_line_separator_is_escaped(self, library: Library, separator: str) -> None:
        """CR, LF, CRLF, U+2028, U+2029, NEL, VT and FF each become one escaped newline."""
        text = plan_to_ics(plan_for(library, location=f"Room 1{separator}Floor 2"))
        assert value(text, "LOCATION") == "Room 1\\nFloor 2"
        for raw in ("\u2028", "\u2029", "\x85", "\x0b", "\x0c"):
            assert raw not in text
        assert "\n" not in text.replace("\r\n", "")

    def test_other_controls_are_dropped(self, library: Library) -> None:
        """Other control characters are dropped; tabs stay."""
        text = plan_to_ics(plan_for(library, location="a\x00b\x1b[31mc\x7fd\x9be\tf"))
        assert value(text, "LOCATION") == "ab[31mcde\tf"

    def test_text_specials_are_escaped(self, library: Library) -> None:
        """Backslashes, semicolons and commas are escaped."""
        text = plan_to_ics(plan_for(library, location="C:\\temp; room 1, floor 2"))
        assert value(text, "LOCATION") == "C:\\\\temp\\; room 1\\, floor 2"

    def test_folding_keeps_characters_whole(self, library: Library) -> None:
        """Lines fold at 75 octets without splitting a multi-byte character."""
        location = "€ü😀" * 60
        text = plan_to_ics(plan_for(library, location=location))
        lines = text.encode("utf-8").split(b"\r\n")[:-1]
        assert all(len(line) <= 75 for line in lines)
        assert all(line.decode("utf-8") for line in lines)
        assert value(text, "LOCATION") == location
        assert max(len(line) for line in lines) > 70


class TestYears:
    @pytest.mark.parametrize(
        "when",
        [dt.datetime(999, 1, 1), dt.datetime(1899, 12, 31, 23, 30), dt.datetime(9999, 12, 31)],
    )
    def test_interviews_outside_the_plannable_years_are_refused(self, when: dt.datetime) -> None:
        """An interview in a year no calendar can hold is a ValidationError naming the year."""
        with pytest.raises(ValidationError, match=f"{when.year} is outside the years"):
            Interview(company="Acme", role="Analyst", when=when)

    @pytest.mark.parametrize("year", [999, 10_000 - 1])
    def test_task_dates_outside_four_digit_years_are_refused(
        self, library: Library, year: int
    ) -> None:
        """A task due in a year iCalendar cannot write is a clear ValueError naming the date."""
        plan = plan_for(library)
        due = dt.datetime(year, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-1)))
        if year < 1000:
            due = dt.datetime(year, 1, 1)
        task = attrs.evolve(plan.tasks[0], due=due)
        odd = attrs.evolve(plan, tasks=(task,))
        with pytest.raises(ValueError, match=r"cannot write .* to an iCalendar file"):
            plan_to_ics(odd)

    def test_a_stamp_outside_the_range_is_refused(self, library: Library) -> None:
        """A DTSTAMP before the year 1000 is refused too."""
        with pytest.raises(ValueError, match="0999"):
            plan_to_ics(plan_for(library), stamp=dt.datetime(999, 6, 1, tzinfo=dt.UTC))


# --- Times in the interview's zone, parsed back with a small RFC 5545 reader. ---

CET = zoneinfo.ZoneInfo("Europe/Berlin")
# Zones with summer time north and south, half and quarter hours, negative summer
# time (Dublin), none at all, and a change of base offset over the years.
ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "Europe/Dublin",
    "America/New_York",
    "America/St_Johns",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Asia/Kolkata",
    "Asia/Tehran",
    "Asia/Tokyo",
    "Africa/Casablanca",
    "Europe/Moscow",
    "UTC",
)


@dataclass
class Component:
    name: str
    properties: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> tuple[dict[str, str], str]:
        [found] = [(params, value) for key, params, value in self.properties if key == name]
        return found

    def value(self, name: str) -> str:
        return self.get(name)[1]

    def start(self) -> tuple[dict[str, str], str]:
        """A to-do's planned start: DTSTART when it has an effort, else DUE."""
        names = {key for key, _, _ in self.properties}
        return self.get("DTSTART" if "DTSTART" in names else "DUE")

    def walk(self, name: str) -> list[Component]:
        found = [self] if self.name == name else []
        return found + [c for child in self.children for c in child.walk(name)]


def parse(text: str) -> Component:
    """
    An RFC 5545 reader: every line CRLF-terminated and at most 75 octets, folded
    lines unfolded, content lines split into name, parameters and value.
    """
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert "\r" not in line
        assert "\n" not in line
        assert len(line.encode("utf-8")) <= 75, line
    logical: list[str] = []
    for line in physical:
        if line[:1] in (" ", "\t"):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    stack: list[Component] = []
    root: Component | None = None
    for line in logical:
        head, _, value = line.partition(":")
        name, *raw = head.split(";")
        params = dict(p.split("=", 1) for p in raw)
        if name == "BEGIN":
            component = Component(value)
            if stack:
                stack[-1].children.append(component)
            stack.append(component)
        elif name == "END":
            ended = stack.pop()
            assert ended.name == value
            root = ended if not stack else root
        else:
            stack[-1].properties.append((name, params, value))
    assert not stack
    assert root is not None
    assert root.name == "VCALENDAR"
    return root


def _offset(text: str) -> dt.timedelta:
    sign = -1 if text[0] == "-" else 1
    hours, minutes, seconds = int(text[1:3]), int(text[3:5]), int(text[5:7] or 0)
    return sign * dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _local(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%S")


def instant(calendar: Component, params: dict[str, str], value: str) -> dt.datetime:
    """A DATE-TIME as a UTC instant, resolved with the calendar's own VTIMEZONE."""
    if value.endswith("Z"):
        return _local(value[:-1]).replace(tzinfo=dt.UTC)
    [zone] = [z for z in calendar.walk("VTIMEZONE") if z.value("TZID") == params["TZID"]]
    onsets = sorted(
        (
            _local(o.value("DTSTART")) - _offset(o.value("TZOFFSETFROM")),
            _offset(o.value("TZOFFSETTO")),
        )
        for o in zone.children
    )

    def offset_at(moment: dt.datetime) -> dt.timedelta:
        effective = [offset for onset, offset in onsets if onset <= moment]
        assert effective, f"no observance covers {moment}"
        return effective[-1]

    local = _local(value)
    # The first of the instants the local time names (RFC 5545, 3.3.5).
    matches = [local - off for _, off in onsets if offset_at(local - off) == off]
    assert matches, f"{value} does not exist in {params['TZID']}"
    return min(matches).replace(tzinfo=dt.UTC)


def utc(moment: dt.datetime) -> dt.datetime:
    """An aware time's instant, comparable whatever its zone and fold."""
    return moment.astimezone(dt.UTC)


def zoned(
    library: Library, zone: str, when: dt.datetime, *dues: dt.datetime, **fields: object
) -> PrepPlan:
    """A plan made a week ahead for an interview in *zone*; with *dues*, just those tasks."""
    plan = plan_for(library, when.date() - dt.timedelta(days=8), when=when, timezone=zone, **fields)
    if dues:
        plan = attrs.evolve(plan, tasks=tuple(attrs.evolve(plan.tasks[0], due=d) for d in dues))
    return plan


class TestTimeZones:
    def test_berlin_vtimezone_across_the_october_change(self, library: Library) -> None:
        """Summer and winter time, each with its onset, offsets and name."""
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10))
        calendar = parse(plan_to_ics(plan))
        [zone] = calendar.walk("VTIMEZONE")
        assert zone.value("TZID") == "Europe/Berlin"
        observances = {o.name: o for o in zone.children}
        assert set(observances) == {"DAYLIGHT", "STANDARD"}
        summer, winter = observances["DAYLIGHT"], observances["STANDARD"]
        assert summer.value("DTSTART") == "20260329T020000"
        assert (summer.value("TZOFFSETFROM"), summer.value("TZOFFSETTO")) == ("+0100", "+0200")
        assert summer.value("TZNAME") == "CEST"
        assert winter.value("DTSTART") == "20261025T030000"
        assert (winter.value("TZOFFSETFROM"), winter.value("TZOFFSETTO")) == ("+0200", "+0100")
        assert winter.value("TZNAME") == "CET"

    def test_tasks_either_side_of_the_change_keep_their_wall_clock(self, library: Library) -> None:
        """9:00 before and after the change is written as 9:00 local, an hour apart in UTC."""
        before = dt.datetime(2026, 10, 24, 9, tzinfo=CET)
        after = dt.datetime(2026, 10, 26, 9, tzinfo=CET)
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10), before, after)
        calendar = parse(plan_to_ics(plan))
        dues = [todo.start() for todo in calendar.walk("VTODO")]
        assert [value for _, value in dues] == ["20261024T090000", "20261026T090000"]
        assert all(params == {"TZID": "Europe/Berlin"} for params, _ in dues)
        assert [instant(calendar, *due) for due in dues] == [
            dt.datetime(2026, 10, 24, 7, tzinfo=dt.UTC),
            dt.datetime(2026, 10, 26, 8, tzinfo=dt.UTC),
        ]

    def test_planned_tasks_cross_the_change(self, library: Library) -> None:
        """A week's plan over the change: every task's local time is its planned wall time."""
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10))
        calendar = parse(plan_to_ics(plan))
        todos = calendar.walk("VTODO")
        assert {task.due.utcoffset() for task in plan.tasks} == {
            dt.timedelta(hours=1),
            dt.timedelta(hours=2),
        }
        for task, todo in zip(plan.tasks, todos, strict=True):
            params, value = todo.start()
            assert value == task.due.strftime("%Y%m%dT%H%M%S")
            assert instant(calendar, params, value) == utc(task.due)

    def test_the_repeated_hour_is_written_in_utc(self, library: Library) -> None:
        """The second 2:30 of the night clocks go back cannot be named locally: UTC."""
        first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=CET)
        second = first.replace(fold=1)
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10), first, second)
        calendar = parse(plan_to_ics(plan))
        dues = [todo.start() for todo in calendar.walk("VTODO")]
        assert dues == [({"TZID": "Europe/Berlin"}, "20261025T023000"), ({}, "20261025T013000Z")]
        # In UTC: an aware time in a repeated hour never equals one in another zone.
        assert [instant(calendar, *due) for due in dues] == [utc(first), utc(second)]

    def test_times_years_away_are_written_in_utc(self, library: Library) -> None:
        """A task centuries away (a hostile due offset) is in UTC; the zone stays short."""
        far = dt.datetime(2900, 1, 5, 9, tzinfo=CET)
        near = dt.datetime(2026, 10, 24, 9, tzinfo=CET)
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10), near, far)
        calendar = parse(plan_to_ics(plan))
        dues = [todo.start() for todo in calendar.walk("VTODO")]
        assert dues[0] == ({"TZID": "Europe/Berlin"}, "20261024T090000")
        assert dues[1] == ({}, "29000105T080000Z")
        [zone] = calendar.walk("VTIMEZONE")
        assert len(zone.children) <= 3

    def test_a_zone_without_summer_time_has_one_standard_observance(self, library: Library) -> None:
        calendar = parse(plan_to_ics(zoned(library, "Asia/Tokyo", dt.datetime(2026, 7, 1, 10))))
        [zone] = calendar.walk("VTIMEZONE")
        [standard] = zone.children
        assert standard.name == "STANDARD"
        assert (standard.value("TZOFFSETFROM"), standard.value("TZOFFSETTO")) == ("+0900",) * 2
        assert standard.value("TZNAME") == "JST"

    def test_the_interview_event_and_its_reminder(self, library: Library) -> None:
        """The interview is an event of an hour in its zone, with a reminder an hour before."""
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10), location="Room 4")
        calendar = parse(plan_to_ics(plan))
        [event] = calendar.walk("VEVENT")
        assert event.get("DTSTART") == ({"TZID": "Europe/Berlin"}, "20261027T100000")
        assert event.get("DTEND") == ({"TZID": "Europe/Berlin"}, "20261027T110000")
        assert event.value("SUMMARY") == "Second interview: Senior data analyst at Northwind"
        assert event.value("LOCATION") == "Room 4"
        assert event.value("DESCRIPTION").startswith("With Dana Whitfield")
        [alarm] = event.walk("VALARM")
        assert alarm.value("ACTION") == "DISPLAY"
        assert alarm.value("TRIGGER") == "-PT1H"
        assert alarm.value("DESCRIPTION") == (
            "Your second interview at Northwind starts in one hour"
        )

    def test_the_reminder_speaks_the_catalogue(self, library: Library) -> None:
        plan = plan_for(library)
        calendar = parse(plan_to_ics(plan, catalogue=catalogue("de")))
        [alarm] = calendar.walk("VALARM")
        assert alarm.value("DESCRIPTION").startswith("Ihr zweites Vorstellungsgespräch")

    def test_without_a_zone_times_stay_in_utc(self, library: Library) -> None:
        """No timezone: no VTIMEZONE, no TZID, aware times in UTC as before."""
        text = plan_to_ics(plan_for(library))
        calendar = parse(text)
        assert calendar.walk("VTIMEZONE") == []
        assert "TZID" not in text
        [event] = calendar.walk("VEVENT")
        assert event.get("DTSTART") == ({}, "20261203T090000Z")
        assert event.walk("VALARM")

    def test_an_independent_parser_reads_the_zone(self, library: Library) -> None:
        """The icalendar library reads the zoned file back to the planned instants."""
        icalendar = pytest.importorskip("icalendar")
        plan = zoned(library, "Europe/Berlin", dt.datetime(2026, 10, 27, 10))
        parsed = icalendar.Calendar.from_ical(plan_to_ics(plan))
        todos = [c for c in parsed.walk() if c.name == "VTODO"]
        assert [planned(t) for t in todos] == [task.due for task in plan.tasks]
        [event] = [c for c in parsed.walk() if c.name == "VEVENT"]
        assert event.decoded("DTSTART") == plan.interview.when

    @given(
        zone=st.sampled_from(ZONES),
        moment=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2037, 12, 31)),
        gap=st.integers(min_value=-60 * 24 * 60, max_value=60 * 24 * 60),
    )
    def test_local_time_and_offsets_give_the_same_instant(
        self, library: Library, zone: str, moment: dt.datetime, gap: int
    ) -> None:
        """
        In any zone at any time, the written local time read with the VTIMEZONE's
        offsets is the task's instant (or the instant is written in UTC).
        """
        due = moment.replace(microsecond=0, tzinfo=dt.UTC).astimezone(zoneinfo.ZoneInfo(zone))
        when = due + dt.timedelta(minutes=gap)
        calendar = parse(plan_to_ics(zoned(library, zone, when, due)))
        [todo] = calendar.walk("VTODO")
        params, value = todo.start()
        assert instant(calendar, params, value) == utc(due)
        if params:
            assert value == due.strftime("%Y%m%dT%H%M%S")
        [event] = calendar.walk("VEVENT")
        assert instant(calendar, *event.get("DTSTART")) == utc(when)

"""Free time: availability windows, working days, placing tasks without overfilling."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import Availability, Interview, ValidationError
from interviewprep._schedule import (
    ANY_TIME,
    DEFAULT_AVAILABILITY,
    Calendar,
    Request,
    add_working_days,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


class TestAvailabilityText:
    @pytest.mark.parametrize(
        "text",
        [
            "weekdays 18:30-21:00; weekends 10:00-17:00",
            "mon-thu 19:00-22:00; sat 09:00-12:00",
            "mon,wed,fri 07:00-08:00",
            "daily 09:00-18:00",
            "fri-mon 10:00-12:00",
        ],
    )
    def test_round_trip(self, text: str) -> None:
        availability = Availability.parse(text)
        assert Availability.parse(str(availability)) == availability

    def test_defaults(self) -> None:
        assert str(DEFAULT_AVAILABILITY) == "weekdays 18:30-21:00; weekends 10:00-17:00"
        assert Availability.parse("any time") == ANY_TIME
        assert str(ANY_TIME) == "any time"

    def test_several_ranges_a_day(self) -> None:
        availability = Availability.parse("mon 07:00-08:00, 19:00-21:00")
        assert [(w.start.hour, w.end.hour) for w in availability.windows] == [(7, 8), (19, 21)]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "weekdays 18:30-21:00"),
            ("wkdays 18:00-21:00", "'wkdays' in 'wkdays 18:00-21:00' is not a day"),
            ("mon 18-21", "'18-21' is not a time range such as 18:30-21:00"),
            ("mon 21:00-18:00", "21:00-18:00 ends before it starts"),
            ("mon 25:00-26:00", "is not a time of day"),
            ("evenings", "needs days and a time range"),
        ],
    )
    def test_errors_say_what_is_wrong(self, text: str, message: str) -> None:
        with pytest.raises(ValidationError, match="availability") as caught:
            Availability.parse(text)
        assert message in str(caught.value)

    def test_an_interview_file_checks_it(self) -> None:
        with pytest.raises(ValidationError, match="is not a day"):
            Interview(
                company="A", role="B", when=dt.datetime(2026, 12, 3, 10), availability="x 1:00-2:00"
            )

    @given(st.text(max_size=60))
    def test_any_text_parses_or_is_a_clear_error(self, text: str) -> None:
        try:
            availability = Availability.parse(text)
        except ValidationError as exc:
            field = exc.field
        else:
            assert Availability.parse(str(availability)) == availability
            field = "availability"
        assert field == "availability"


class TestSlots:
    def test_windows_follow_the_local_clock_across_daylight_saving(self) -> None:
        """18:30 is 18:30 local on both sides of the October change."""
        start = dt.datetime(2026, 10, 23, tzinfo=BERLIN)
        end = dt.datetime(2026, 10, 27, tzinfo=BERLIN)
        slots = list(DEFAULT_AVAILABILITY.slots(start, end))
        evenings = [s for s, _ in slots if s.weekday() < 5]
        assert [s.time() for s in evenings] == [dt.time(18, 30)] * 2
        assert {s.utcoffset() for s in evenings} == {dt.timedelta(hours=2), dt.timedelta(hours=1)}

    def test_cut_to_the_bounds(self) -> None:
        start = dt.datetime(2026, 11, 30, 19, 0)
        slots = list(DEFAULT_AVAILABILITY.slots(start, dt.datetime(2026, 11, 30, 20, 0)))
        assert slots == [(start, dt.datetime(2026, 11, 30, 20, 0))]


class TestWorkingDays:
    @pytest.mark.parametrize(
        ("start", "days", "end"),
        [
            (dt.date(2026, 12, 3), 2, dt.date(2026, 12, 7)),  # Thursday + 2: Monday
            (dt.date(2026, 12, 4), 1, dt.date(2026, 12, 7)),  # Friday + 1: Monday
            (dt.date(2026, 12, 3), 5, dt.date(2026, 12, 10)),  # a week
        ],
    )
    def test_weekends_do_not_count(self, start: dt.date, days: int, end: dt.date) -> None:
        moment = dt.datetime.combine(start, dt.time(10), tzinfo=BERLIN)
        moved = add_working_days(moment, days)
        assert moved.date() == end
        assert moved.time() == dt.time(10)


class TestCalendar:
    def test_never_overfills_an_evening(self) -> None:
        """Three 60-minute tasks in a 150-minute evening: the third waits for the next."""
        start = dt.datetime(2026, 11, 30)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, start + dt.timedelta(days=3))
        hour = dt.timedelta(hours=1)
        request = Request(effort=hour, earliest=start, latest=start + dt.timedelta(days=3))
        placed = [calendar.place(request) for _ in range(3)]
        assert placed == [
            dt.datetime(2026, 11, 30, 18, 30),
            dt.datetime(2026, 11, 30, 19, 30),
            dt.datetime(2026, 12, 1, 18, 30),
        ]

    def test_no_room_before_the_deadline(self) -> None:
        start = dt.datetime(2026, 11, 30)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, start + dt.timedelta(days=1))
        request = Request(
            effort=dt.timedelta(hours=3), earliest=start, latest=start + dt.timedelta(days=1)
        )
        assert calendar.place(request) is None

    @given(st.lists(st.integers(min_value=5, max_value=200), max_size=30))
    def test_placed_tasks_never_overlap(self, minutes: list[int]) -> None:
        start = dt.datetime(2026, 11, 30)
        end = start + dt.timedelta(days=7)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, end)
        spans = []
        for length in minutes:
            effort = dt.timedelta(minutes=length)
            begin = calendar.place(Request(effort=effort, earliest=start, latest=end))
            if begin is not None:
                spans.append((begin, begin + effort))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))

    def test_spread_fills_every_evening_to_one_level(self) -> None:
        """Six 60-minute tasks over three 150-minute evenings: two an evening, in order,
        rather than two full evenings and an empty one."""
        start = dt.datetime(2026, 11, 30)
        end = start + dt.timedelta(days=3)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, end)
        hour = dt.timedelta(hours=1)
        starts = calendar.spread([Request(effort=hour, earliest=start, latest=end)] * 6)
        assert starts is not None
        assert [s.date().day for s in starts] == [30, 30, 1, 1, 2, 2]
        assert starts == sorted(starts)

    def test_spread_fills_each_window_to_the_same_share(self) -> None:
        """A free weekend day (seven hours, one sitting of at most three) takes long
        work before a 150-minute evening is filled: the same share of each window,
        not the same minutes, so no evening is full while a weekend day has room."""
        start = dt.datetime(2026, 11, 28)  # a Saturday
        end = start + dt.timedelta(days=3)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, end, longest=dt.timedelta(hours=3))
        requests = [
            Request(effort=dt.timedelta(minutes=n), earliest=start, latest=end)
            for n in (120, 60, 120, 30)
        ]
        starts = calendar.spread(requests)
        assert starts == [
            dt.datetime(2026, 11, 28, 10),
            dt.datetime(2026, 11, 28, 12),
            dt.datetime(2026, 11, 29, 10),
            dt.datetime(2026, 11, 29, 12),
        ]

    def test_spread_takes_nothing_when_it_cannot_place_all(self) -> None:
        start = dt.datetime(2026, 11, 30)
        end = start + dt.timedelta(days=1)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, end)
        hour = dt.timedelta(hours=1)
        requests = [Request(effort=hour, earliest=start, latest=end)] * 3
        assert not calendar.fits(requests)
        assert calendar.spread(requests) is None
        assert calendar.place(Request(effort=2 * hour, earliest=start, latest=end)) is not None

    @given(st.lists(st.integers(min_value=5, max_value=150), max_size=20))
    def test_spread_keeps_order_and_never_overlaps(self, minutes: list[int]) -> None:
        """Spread tasks start in the order given, inside free windows, never overlapping;
        whatever fits() accepts, spread() places."""
        start = dt.datetime(2026, 11, 30)
        end = start + dt.timedelta(days=7)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, end)
        requests = [
            Request(effort=dt.timedelta(minutes=n), earliest=start, latest=end) for n in minutes
        ]
        fits = calendar.fits(requests)
        starts = calendar.spread(requests)
        assert (starts is not None) == fits
        if starts is None:
            return
        spans = [(s, s + r.effort) for s, r in zip(starts, requests, strict=True)]
        assert starts == sorted(starts)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        windows = list(DEFAULT_AVAILABILITY.slots(start, end))
        assert all(any(a <= s and e <= b for a, b in windows) for s, e in spans)

    def test_close_leaves_nothing_after(self) -> None:
        """After the evening's last step, nothing more is placed that evening."""
        start = dt.datetime(2026, 11, 30)
        end = start + dt.timedelta(days=2)
        calendar = Calendar(DEFAULT_AVAILABILITY, start, end)
        quarter = dt.timedelta(minutes=15)
        first = calendar.place(Request(effort=quarter, earliest=start, latest=end))
        assert first is not None
        calendar.close(first)
        later = calendar.place(Request(effort=quarter, earliest=start, latest=end))
        assert later == dt.datetime(2026, 12, 1, 18, 30)

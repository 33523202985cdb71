from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep._durations import format_duration, parse_duration


class TestParseDuration:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("-P2D", dt.timedelta(days=-2)),
            ("-PT1H", dt.timedelta(hours=-1)),
            ("PT24H", dt.timedelta(hours=24)),
            ("+PT30M", dt.timedelta(minutes=30)),
            ("P1W", dt.timedelta(weeks=1)),
            ("-P1DT2H", -dt.timedelta(days=1, hours=2)),
            ("PT0S", dt.timedelta(0)),
            ("PT1.25S", dt.timedelta(seconds=1.25)),
        ],
    )
    def test_accepts_signed_durations(self, text: str, expected: dt.timedelta) -> None:
        """Signed weeks, days, hours, minutes and seconds parse to a timedelta."""
        assert parse_duration(text) == expected

    @pytest.mark.parametrize("text", ["", "P", "PT", "-P2DT", "2D", "P1Y", "P1M", "-p2d", "P 2D"])
    def test_rejects_everything_else(self, text: str) -> None:
        """Empty, unit-less, calendar (years, months) and lowercase forms are refused."""
        with pytest.raises(ValueError, match="ISO 8601 duration"):
            parse_duration(text)

    def test_rejects_overflow(self) -> None:
        """A duration beyond what timedelta holds is a ValueError, not an OverflowError."""
        with pytest.raises(ValueError, match="too long"):
            parse_duration("P999999999DT999999H")


class TestFormatDuration:
    @pytest.mark.parametrize(
        ("delta", "expected"),
        [
            (dt.timedelta(days=-2), "-P2D"),
            (dt.timedelta(hours=-1), "-PT1H"),
            (dt.timedelta(hours=24), "P1D"),
            (dt.timedelta(0), "PT0S"),
            (dt.timedelta(hours=1, minutes=30), "PT1H30M"),
            (dt.timedelta(seconds=1, microseconds=500_000), "PT1.5S"),
        ],
    )
    def test_writes_canonical_form(self, delta: dt.timedelta, expected: str) -> None:
        """Zero parts are left out and the sign leads."""
        assert format_duration(delta) == expected

    @given(st.timedeltas())
    def test_round_trips(self, delta: dt.timedelta) -> None:
        """Parsing what was formatted gives the same duration back."""
        assert parse_duration(format_duration(delta)) == delta

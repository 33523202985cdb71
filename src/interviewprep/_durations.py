"""
Signed ISO 8601 durations, the way checklist items give their ``due`` offsets.
"""

from __future__ import annotations

import datetime as dt
import re

from .exceptions import excerpt

__all__ = ["DURATION_PATTERN", "format_duration", "parse_duration"]

DURATION_PATTERN = _DURATION = re.compile(
    r"""
    (?P<sign>[+-])?P
    (?:(?P<weeks>\d{1,6})W)?
    (?:(?P<days>\d{1,9})D)?
    (?:T
        (?:(?P<hours>\d{1,6})H)?
        (?:(?P<minutes>\d{1,6})M)?
        (?:(?P<seconds>\d{1,6})(?:\.(?P<fraction>\d{1,6}))?S)?
    )?
    """,
    re.VERBOSE | re.ASCII,
)


def parse_duration(text: str) -> dt.timedelta:
    """
    Parse a signed ISO 8601 duration such as ``-P2D``, ``-PT1H`` or ``PT24H``.

    Weeks, days, hours, minutes and (fractional) seconds are accepted. Years and
    months are refused: their length depends on the calendar, and an offset from
    an interview must be exact.

    Args:
        text: The duration.

    Returns:
        The duration as a :class:`datetime.timedelta` (negative for ``-P...``).

    Raises:
        ValueError: If *text* is not such a duration.
    """
    match = _DURATION.fullmatch(text)
    parts = match.groupdict() if match else {}
    units = {k: v for k, v in parts.items() if k != "sign" and v is not None}
    if not units or text.endswith("T"):
        msg = (
            f"{excerpt(text)} is not a signed ISO 8601 duration "
            "(examples: '-P2D', '-PT1H', 'PT24H'; years and months are not allowed)"
        )
        raise ValueError(msg)
    try:
        delta = dt.timedelta(
            weeks=int(units.get("weeks", 0)),
            days=int(units.get("days", 0)),
            hours=int(units.get("hours", 0)),
            minutes=int(units.get("minutes", 0)),
            seconds=int(units.get("seconds", 0)),
            microseconds=int(units.get("fraction", "0").ljust(6, "0")),
        )
    except OverflowError:
        msg = f"{excerpt(text)} is too long a duration"
        raise ValueError(msg) from None
    return -delta if parts["sign"] == "-" else delta


def format_duration(delta: dt.timedelta) -> str:
    """
    Format a :class:`datetime.timedelta` as a signed ISO 8601 duration.

    The result is canonical: days, then hours, minutes and seconds, with zero
    parts left out (``PT0S`` for no offset). ``parse_duration(format_duration(d))``
    equals ``d`` for every duration.

    Args:
        delta: The duration.

    Returns:
        The duration, for example ``-P2D`` or ``PT1H30M``.
    """
    sign = "-" if delta < dt.timedelta(0) else ""
    delta = abs(delta)
    days = delta.days
    hours, rest = divmod(delta.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = ""
    if hours:
        time += f"{hours}H"
    if minutes:
        time += f"{minutes}M"
    if seconds or delta.microseconds:
        fraction = f".{delta.microseconds:06d}".rstrip("0") if delta.microseconds else ""
        time += f"{seconds}{fraction}S"
    date = f"{days}D" if days else ""
    if not date and not time:
        return "PT0S"
    return f"{sign}P{date}" + (f"T{time}" if time else "")

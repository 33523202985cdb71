"""
A concrete second interview: who, when, how, and what happened in round one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any

import attrs

from ._model import ID_PATTERN, REGION_PATTERN, _check_text, _enum_member
from ._schedule import Availability
from ._vocabulary import Audience, Format, Seniority, Situation
from .exceptions import ValidationError, excerpt

# Plans reach weeks around the interview, and calendars write four-digit years.
_FIRST_YEAR = 1900
_LAST_YEAR = 9000
#: How long an interview whose duration is not given is taken to last, for what is
#: planned after it (the first notes, the calendar event's end).
ASSUMED_DURATION = dt.timedelta(hours=1)

__all__ = ["EarlierAnswer", "FirstRound", "Interview", "Interviewer", "load_interview"]


def _audience(value: Audience | str) -> Audience:
    return _enum_member(Audience, "audience", value)


def _format(value: Format | str) -> Format:
    return _enum_member(Format, "format", value)


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


def _interviewers(values: Iterable[Interviewer]) -> tuple[Interviewer, ...]:
    return tuple(values)


def _answers(values: Iterable[EarlierAnswer]) -> tuple[EarlierAnswer, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Interviewer:
    """
    A person the candidate meets.

    Attributes:
        name: Their name, as the candidate will address them.
        title: Their job title.
        audience: What kind of interviewer they are (hiring manager, peer, ...).
        met_before: Whether the candidate met them in an earlier round; a plan
            prepares a short introduction for those who are new.
    """

    name: str = attrs.field(validator=_check_text)
    title: str = ""
    audience: Audience = attrs.field(converter=_audience)
    met_before: bool = False


@attrs.frozen(kw_only=True)
class EarlierAnswer:
    """
    An answer the candidate gave in the first round.

    Attributes:
        question: The question's full id (``core/why-leaving-current-employer``) or
            its text.
        answer: What the candidate said, as near as they remember.
    """

    question: str = attrs.field(validator=_check_text)
    answer: str = attrs.field(validator=_check_text)


@attrs.frozen(kw_only=True)
class FirstRound:
    """
    What happened in the first interview.

    Attributes:
        went_badly: Questions that went badly: full ids or the question's text.
        promised: Things the candidate promised to send or do.
        answers: Answers given, to keep round two consistent with them.
        notes: Anything else worth remembering.
    """

    went_badly: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    promised: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    answers: tuple[EarlierAnswer, ...] = attrs.field(default=(), converter=_answers)
    notes: str = ""

    def answer_to(self, question: str) -> str | None:
        """
        The earlier answer to *question* (a full id or text), if one was recorded.
        """
        wanted = " ".join(question.lower().split())
        for earlier in self.answers:
            if " ".join(earlier.question.lower().split()) == wanted:
                return earlier.answer
        return None


def _optional_seniority(value: Seniority | str | None) -> Seniority | None:
    return None if value is None else _enum_member(Seniority, "seniority", value)


def _optional_situations(
    values: Iterable[Situation | str] | None,
) -> frozenset[Situation] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = (values,)
    return frozenset(_enum_member(Situation, "situations", value) for value in values)


@attrs.frozen(kw_only=True)
class Interview:
    """
    A concrete second interview to prepare for.

    Attributes:
        company: The employer.
        role: The job.
        when: When it starts; aware or naive, and every date in a plan built for it
            follows suit.
        format: In person, video, phone or panel.
        interviewers: Who the candidate will meet, in the order of the day.
        job_posting: The job advertisement's text, used to judge relevance.
        first_round: What happened in the first interview.
        location: Where it takes place (an address or a meeting link).
        region: Where the job is, as a lowercase ISO 3166 country code (``de``,
            ``us``); ``None`` when unknown. Region-specific advice (pay law, equal
            treatment) is chosen by it.
        seniority: How senior the role is; ``None`` when unknown.
        situations: The candidate's situations (``graduate``, ``returner``, ...);
            ``None`` when unknown, empty when none applies.
        sector: The role or sector, as a role pack's scope id (``data``); when
            ``None`` it is recognised from the role and the job posting.
        duration: How long it lasts; ``None`` when the interview file does not say.
            A plan then assumes an hour for what follows the interview (see
            :attr:`end`), but never prints an end time it does not know.
        availability: When the candidate is free to prepare, as text such as
            ``"weekdays 18:30-21:00; weekends 10:00-17:00"`` or ``"any time"`` (see
            :class:`interviewprep.Availability`); ``None`` means weekday evenings
            and weekend daytime.
        timezone: The IANA time zone it takes place in, such as ``Europe/London``.
            When given, *when* is held in that zone (a naive time is read as local
            time there, an aware one converted), so every date of a plan follows the
            zone's daylight-saving changes, and the zone survives every round trip.
    """

    company: str = attrs.field(validator=_check_text)
    role: str = attrs.field(validator=_check_text)
    when: dt.datetime = attrs.field()
    format: Format = attrs.field(default=Format.IN_PERSON, converter=_format)
    interviewers: tuple[Interviewer, ...] = attrs.field(default=(), converter=_interviewers)
    job_posting: str = ""
    first_round: FirstRound = attrs.field(factory=FirstRound)
    location: str = ""
    region: str | None = attrs.field(default=None)
    seniority: Seniority | None = attrs.field(default=None, converter=_optional_seniority)
    situations: frozenset[Situation] | None = attrs.field(
        default=None, converter=_optional_situations
    )
    sector: str | None = attrs.field(default=None)
    duration: dt.timedelta | None = attrs.field(default=None)
    availability: str | None = attrs.field(default=None)
    timezone: str | None = attrs.field(default=None)

    @duration.validator
    def _check_duration(self, _: attrs.Attribute[Any], value: dt.timedelta | None) -> None:
        if value is None:
            return
        if not isinstance(value, dt.timedelta) or not (
            dt.timedelta(minutes=5) <= value <= dt.timedelta(hours=12)
        ):
            msg = f"must be between five minutes and twelve hours ('PT1H'), not {excerpt(value)}"
            raise ValidationError("duration", msg)

    @availability.validator
    def _check_availability(self, _: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None:
            Availability.parse(value)

    @region.validator
    def _check_region(self, _: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and (
            not isinstance(value, str) or not REGION_PATTERN.fullmatch(value)
        ):
            msg = f"{excerpt(value)} is not a region: use a lowercase country code such as 'de'"
            raise ValidationError("region", msg)

    @sector.validator
    def _check_sector(self, _: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and (not isinstance(value, str) or not ID_PATTERN.fullmatch(value)):
            msg = f"{excerpt(value)} is not a role id such as 'data' or 'teaching'"
            raise ValidationError("sector", msg)

    @timezone.validator
    def _check_timezone(self, _: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None:
            _zone(value)

    def __attrs_post_init__(self) -> None:
        if self.timezone is None:
            return
        zone = _zone(self.timezone)
        when = self.when
        local = when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)
        object.__setattr__(self, "when", local)

    @when.validator
    def _check_when(self, _: attrs.Attribute[Any], value: dt.datetime) -> None:
        if not isinstance(value, dt.datetime):
            msg = f"must be a date and time, such as 2026-12-03T10:00:00+01:00, not {value!r}"
            raise ValidationError("when", msg)
        if not _FIRST_YEAR <= value.year <= _LAST_YEAR:
            msg = (
                f"{value.year} is outside the years a plan can be made for "
                f"({_FIRST_YEAR}-{_LAST_YEAR})"
            )
            raise ValidationError("when", msg)

    @interviewers.validator
    def _check_interviewers(self, _: attrs.Attribute[Any], value: tuple[Interviewer, ...]) -> None:
        seen: set[str] = set()
        for index, interviewer in enumerate(value):
            key = interviewer.name.casefold()
            if key in seen:
                msg = f"{excerpt(interviewer.name)} is listed twice: names must be unique"
                raise ValidationError(f"interviewers[{index}].name", msg)
            seen.add(key)

    @property
    def end(self) -> dt.datetime:
        """
        When it ends: its start plus its :attr:`duration`, or plus an hour when the
        duration is not given.
        """
        return self.when + (ASSUMED_DURATION if self.duration is None else self.duration)

    @property
    def remote(self) -> bool:
        """
        Whether the interview is held by video or phone.
        """
        return self.format in (Format.VIDEO, Format.PHONE)


def _zone(name: str) -> dt.tzinfo:
    """The time zone of an IANA name, or a ValidationError naming the nearest one."""
    import zoneinfo

    if not isinstance(name, str) or not name.strip():
        raise ValidationError("timezone", "must be an IANA time zone name such as Europe/Berlin")
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        from ._suggest import did_you_mean

        hint = did_you_mean(name, sorted(zoneinfo.available_timezones()))
        msg = f"{name[:60]!r} is not an IANA time zone name such as Europe/Berlin{hint}"
        raise ValidationError("timezone", msg) from None


def load_interview(path: str | os.PathLike[str]) -> Interview:
    """
    Read an interview from a TOML or JSON file.

    The file holds the fields of :class:`Interview` at its top level, with
    ``[[interviewers]]`` and a ``[first_round]`` table; ``when`` is a TOML date-time
    (or an ISO 8601 string in JSON).

    Args:
        path: The file.

    Returns:
        The interview.

    Raises:
        StructureError: With every problem, each naming the file, the line where
            known and the field path.
    """
    from ._files import read_model

    return read_model(Interview, path)

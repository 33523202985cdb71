"""
The content model: tips, questions, checklists, rubrics and packs.

Every class is frozen, slotted and keyword-only, holds tuples and frozensets (never
lists), and checks the rules that belong to a single object when it is built, raising
:class:`~interviewprep.exceptions.ValidationError` with the field path.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import json
import math
import re
import sys
import typing
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._durations import format_duration, parse_duration
from ._languages import LANGUAGE_PATTERN
from ._suggest import did_you_mean
from ._vocabulary import (
    AnswerType,
    AskedBy,
    Audience,
    Format,
    Intent,
    QuestionKind,
    Seniority,
    Situation,
    Stage,
    Theme,
    Topic,
)
from .exceptions import ValidationError, excerpt

if TYPE_CHECKING:
    from packaging.requirements import Requirement

__all__ = [
    "Applicability",
    "Checklist",
    "ChecklistItem",
    "Criterion",
    "CriterionText",
    "ItemText",
    "Level",
    "Pack",
    "PackInfo",
    "Question",
    "Rubric",
    "Scale",
    "Scope",
    "Section",
    "Signal",
    "Source",
    "Tip",
    "Translation",
    "Vocabulary",
]

#: The alphabet of pack names and item ids.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*", re.ASCII)
#: The alphabet of pack names: the id alphabet, not ending in '-' (a PEP 508 name).
PACK_NAME_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", re.ASCII)
#: A full id: ``pack/id``.
FULL_ID_PATTERN = re.compile(f"(?:{PACK_NAME_PATTERN.pattern})/(?:{ID_PATTERN.pattern})", re.ASCII)
#: A reference: a bare id or a full id.
REFERENCE_PATTERN = re.compile(
    f"(?:(?:{PACK_NAME_PATTERN.pattern})/)?(?:{ID_PATTERN.pattern})", re.ASCII
)
#: An extra vocabulary value a pack declares: ``packname:value``.
NAMESPACED_PATTERN = re.compile(
    f"(?:{PACK_NAME_PATTERN.pattern}):(?:{ID_PATTERN.pattern})", re.ASCII
)
_MAX_ID_LENGTH = 100
#: A region: a lowercase ISO 3166-1 alpha-2 code, or ``eu``.
REGION_PATTERN = re.compile(r"[a-z]{2}", re.ASCII)
#: The pack formats this version reads.
FORMATS = (1, 2)
#: The kinds of item a pack holds, as its field names, in file order.
ITEM_KINDS = ("tips", "questions", "checklists", "rubrics")
#: The path of an item in a pack and what follows it: ``questions[3].rubric``.
ITEM_PATH = re.compile(r"(tips|questions|checklists|rubrics)\[(\d+)\](.*)")
#: Field metadata: the field's key in pack files, where it differs from its name.
KEY = "interviewprep.key"
#: Field metadata: the field is written out even when it equals its default.
ALWAYS_WRITTEN = "interviewprep.always-written"

_S = TypeVar("_S", bound=enum.StrEnum)
_E = TypeVar("_E")
_T = TypeVar("_T")


# -- converters --------------------------------------------------------------------------


def _enum_member(members: type[_S], field: str, value: _S | str) -> _S:
    # A dictionary lookup, not ``members(value)``: loading 100k items converts
    # hundreds of thousands of values, and Enum.__call__ is several times slower.
    member = members._value2member_map_.get(value) if isinstance(value, str) else None
    if member is None:
        raise ValidationError(field, _not_a_value(members, value))
    return member  # type: ignore[return-value]


def _not_a_value(members: type[enum.StrEnum], value: object, *, open_: bool = False) -> str:
    values = [m.value for m in members]
    hint = did_you_mean(value, values)
    extra = "; a pack can declare more as 'packname:value'" if open_ else ""
    allowed = ", ".join(values)
    return f"{excerpt(value)} is not a {members.__name__} value{hint}: use one of {allowed}{extra}"


def _open_member(members: type[_S], field: str, value: _S | str) -> _S | str:
    """A vocabulary value, or an extra value a pack declares (``packname:value``)."""
    member = members._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:
        return member  # type: ignore[return-value]
    if isinstance(value, str) and NAMESPACED_PATTERN.fullmatch(value):
        return sys.intern(value)
    raise ValidationError(field, _not_a_value(members, value, open_=True))


def _open_set(members: type[_S], field: str, values: Iterable[_S | str]) -> frozenset[_S | str]:
    if isinstance(values, str):
        values = (values,)
    return _shared(frozenset([_open_member(members, field, value) for value in values]))


#: Equal frozensets share one object: items repeat the same few stage, audience and
#: tag sets, and a frozenset costs 200 bytes or more. Bounded so it cannot grow forever.
_SHARED_SETS: dict[frozenset[Any], frozenset[Any]] = {}
_SHARED_SETS_LIMIT = 50_000


def _shared(values: frozenset[_E]) -> frozenset[_E]:
    found = _SHARED_SETS.get(values)
    if found is not None:
        return found
    if len(_SHARED_SETS) < _SHARED_SETS_LIMIT:
        _SHARED_SETS[values] = values
    return values


def _enum_set(members: type[_S], field: str, values: Iterable[_S | str]) -> frozenset[_S]:
    if isinstance(values, str):
        values = (values,)
    return _shared(frozenset([_enum_member(members, field, value) for value in values]))


def _topic(value: Topic | str) -> Topic | str:
    return _open_member(Topic, "topic", value)


def _optional_topic(value: Topic | str | None) -> Topic | str | None:
    return None if value is None else _open_member(Topic, "topic", value)


def _theme(value: Theme | str | None) -> Theme | str | None:
    return None if value is None else _open_member(Theme, "theme", value)


def _asked_by(value: AskedBy | str) -> AskedBy:
    return _enum_member(AskedBy, "asked_by", value)


def _stage(value: Stage | str) -> Stage | str:
    return _open_member(Stage, "stage", value)


def _stages(values: Iterable[Stage | str]) -> frozenset[Stage | str]:
    return _open_set(Stage, "stages", values)


def _audiences(values: Iterable[Audience | str]) -> frozenset[Audience | str]:
    return _open_set(Audience, "audiences", values)


def _formats(values: Iterable[Format | str]) -> frozenset[Format]:
    return _enum_set(Format, "formats", values)


def _seniority(values: Iterable[Seniority | str]) -> frozenset[Seniority]:
    return _enum_set(Seniority, "seniority", values)


def _situations(values: Iterable[Situation | str]) -> frozenset[Situation]:
    return _enum_set(Situation, "situations", values)


def _answer_types(values: Iterable[AnswerType | str]) -> frozenset[AnswerType]:
    return _enum_set(AnswerType, "answer_types", values)


def _answer_type(value: AnswerType | str | None) -> AnswerType | None:
    return None if value is None else _enum_member(AnswerType, "answer_type", value)


def _optional_kind(value: QuestionKind | str | None) -> QuestionKind | str | None:
    return None if value is None else _open_member(QuestionKind, "kind", value)


def _optional_intent(value: Intent | str | None) -> Intent | None:
    return None if value is None else _enum_member(Intent, "intent", value)


def _str_set(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        values = (values,)
    return _shared(frozenset([sys.intern(v) if type(v) is str else v for v in values]))


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


def _due(value: dt.timedelta | str | None) -> dt.timedelta | None:
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except ValueError as exc:
            raise ValidationError("due", str(exc)) from None
    return value


def _effort(value: dt.timedelta | str | None) -> dt.timedelta | None:
    if isinstance(value, str):
        try:
            value = parse_duration(value)
        except ValueError as exc:
            raise ValidationError("effort", str(exc)) from None
    if value is not None and not dt.timedelta(0) < value <= _LONGEST_EFFORT:
        shown = format_duration(value)
        msg = f"must be a positive duration of at most a day ('PT30M', 'PT2H'), not {shown}"
        raise ValidationError("effort", msg)
    return value


#: The longest effort a checklist item may ask for: more is a project, not a task.
_LONGEST_EFFORT = dt.timedelta(days=1)

#: The details of an interview a checklist item can ask for (see
#: :attr:`ChecklistItem.asks_for`): who the interviewers are, where it takes place
#: (an address or a meeting link), and its schedule (how long it lasts).
INTERVIEW_DETAILS: frozenset[str] = frozenset({"interviewers", "location", "schedule"})


def _check_details(_: object, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
    unknown = sorted(str(detail) for detail in value if detail not in INTERVIEW_DETAILS)
    if unknown:
        known = ", ".join(sorted(INTERVIEW_DETAILS))
        msg = f"{excerpt(unknown[0])} is not a detail of an interview: use {known}"
        raise ValidationError(attribute.name, msg)


def _weight(value: float) -> float:
    try:
        return float(value)
    except (OverflowError, TypeError, ValueError):
        msg = f"must be a positive number, not {excerpt(value)}"
        raise ValidationError("weight", msg) from None


def _tuple(values: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(values)


# -- validators --------------------------------------------------------------------------


def _check_id(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        msg = (
            f"{excerpt(value)} is not a valid id: use lowercase ASCII letters (a-z), digits "
            "and '-', starting with a letter or digit"
        )
        raise ValidationError(attribute.name, msg)
    if len(value) > _MAX_ID_LENGTH:
        msg = f"{excerpt(value)} is longer than {_MAX_ID_LENGTH} characters"
        raise ValidationError(attribute.name, msg)


def _check_reference(field: str, value: str) -> None:
    if not REFERENCE_PATTERN.fullmatch(value):
        msg = f"{excerpt(value)} is not a reference: use an id ('star-answer') or 'pack/id'"
        raise ValidationError(field, msg)


def _check_optional_reference(
    _: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None:
        _check_reference(attribute.name, value)


def _check_optional_id(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_id(_, attribute, value)


def _check_references(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for index, reference in enumerate(value):
        _check_reference(f"{attribute.name}[{index}]", reference)


def _check_replaces(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not FULL_ID_PATTERN.fullmatch(value):
        msg = f"{excerpt(value)} must be the full id of the replaced item, such as 'core/some-tip'"
        raise ValidationError(attribute.name, msg)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_one_text(field: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, "must not be empty")
    if _SURROGATE.search(value):
        raise ValidationError(field, "holds a lone surrogate, which no file can hold")


def _check_text(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    _check_one_text(attribute.name, value)


def _check_texts(_: object, attribute: attrs.Attribute[Any], value: Iterable[str]) -> None:
    for index, text in enumerate(value):
        _check_one_text(f"{attribute.name}[{index}]", text)


def _check_pack_name(field: str, value: str) -> None:
    if not isinstance(value, str) or not PACK_NAME_PATTERN.fullmatch(value):
        msg = (
            f"{excerpt(value)} is not a valid pack name: use lowercase ASCII letters (a-z), "
            "digits and '-', starting and ending with a letter or digit"
        )
        raise ValidationError(field, msg)


def _check_pack(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_pack_name(attribute.name, value)


def _check_name(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    _check_pack_name(attribute.name, value)


def _check_unique_ids(field: str, items: Iterable[Any]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            msg = f"duplicate id {item.id!r} (ids must be unique per kind within a pack)"
            raise ValidationError(f"{field}[{index}].id", msg)
        seen.add(item.id)


class InPack:
    """The full id of an item that belongs to a pack (tips, questions, checklists, rubrics)."""

    __slots__ = ()

    if TYPE_CHECKING:
        id: str
        pack: str | None

    @property
    def full_id(self) -> str:
        """
        ``pack/id``; raises :class:`ValidationError` while the item has no pack.
        """
        if self.pack is None:
            msg = f"{type(self).__name__} {self.id!r} does not belong to a pack yet"
            raise ValidationError("pack", msg)
        return f"{self.pack}/{self.id}"


# -- tips and questions ------------------------------------------------------------------


def _check_regions(_: object, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
    for region in sorted(value):
        if not isinstance(region, str) or not REGION_PATTERN.fullmatch(region):
            msg = (
                f"{excerpt(region)} is not a region: use a lowercase ISO 3166 country "
                "code such as 'de' or 'us', or 'eu'"
            )
            raise ValidationError(attribute.name, msg)


def _check_ids(_: object, attribute: attrs.Attribute[Any], value: Iterable[str]) -> None:
    for index, text in enumerate(sorted(value) if isinstance(value, frozenset) else value):
        if not isinstance(text, str) or not ID_PATTERN.fullmatch(text) or len(text) > 100:
            msg = f"{excerpt(text)} is not an id: use lowercase ASCII letters (a-z), digits and '-'"
            raise ValidationError(f"{attribute.name}[{index}]", msg)


_SPDX = re.compile(r"[A-Za-z0-9.+:()-]+(?: +(?:AND|OR|WITH) +[A-Za-z0-9.+:()-]+)*", re.ASCII)


def _check_license(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _SPDX.fullmatch(value)):
        msg = (
            f"{excerpt(value)} is not an SPDX licence expression such as 'CC-BY-4.0' "
            "or 'CC-BY-SA-4.0'"
        )
        raise ValidationError(attribute.name, msg)


def _check_optional_text(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_one_text(attribute.name, value)


def _check_rank(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValidationError(
            attribute.name, f"must be a whole number from 1, not {excerpt(value)}"
        )


@attrs.frozen(kw_only=True)
class Source:
    """
    Where content comes from (pack format 2): the page or repository it was taken or
    translated from.

    Attributes:
        url: The address of the source.
        revision: Which version of it was used: a date, a commit or an edition.
    """

    url: str = attrs.field(validator=_check_text)
    revision: str | None = attrs.field(default=None, validator=_check_optional_text)


@attrs.frozen(kw_only=True)
class Section:
    """
    A group of a pack's items, in a pack-defined order (pack format 2).

    Attributes:
        id: The section's id; items name it in their ``section``.
        title: The heading shown above the section's items.
        order: Where the section comes among the pack's sections (lowest first;
            sections of equal order keep their order in the file).
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    order: int = 0


def _namespaced(field: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for index, text in enumerate(value):
            if not isinstance(text, str) or not NAMESPACED_PATTERN.fullmatch(text):
                msg = (
                    f"{excerpt(text)} is not an extra {field} value: write it as "
                    "'packname:value', such as 'acme:remote-work'"
                )
                raise ValidationError(f"{attribute.name}[{index}]", msg)

    return attrs.field(default=(), converter=_str_tuple, validator=check)


@attrs.frozen(kw_only=True)
class Vocabulary:
    """
    The extra vocabulary values a pack declares (pack format 2).

    Every value is namespaced with the declaring pack's name (``acme:remote-work``),
    so it never collides with a core value or another pack's. Items of the pack,
    and of packs that require it, may then use it where the core values go.

    Attributes:
        topics: Extra values for ``topic``.
        themes: Extra values for ``theme``.
        stages: Extra values for ``stage`` and ``stages``.
        audiences: Extra values for ``audiences``.
        kinds: Extra values for a question's ``kind``.
    """

    topics: tuple[str, ...] = _namespaced("topic")
    themes: tuple[str, ...] = _namespaced("theme")
    stages: tuple[str, ...] = _namespaced("stage")
    audiences: tuple[str, ...] = _namespaced("audience")
    kinds: tuple[str, ...] = _namespaced("kind")

    def __bool__(self) -> bool:
        """
        Whether the pack declares any extra value.
        """
        return bool(self.topics or self.themes or self.stages or self.audiences or self.kinds)

    def values(self) -> frozenset[str]:
        """
        Every declared value, of every field.
        """
        return frozenset(self.topics + self.themes + self.stages + self.audiences + self.kinds)


#: The vocabulary fields of items whose values a pack may extend, by field name, with
#: the :class:`Vocabulary` field that declares them.
OPEN_FIELDS = {
    "topic": "topics",
    "theme": "themes",
    "stage": "stages",
    "stages": "stages",
    "audiences": "audiences",
    "kind": "kinds",
}


@attrs.frozen(kw_only=True)
class Applicability:
    """
    Where an item applies (pack format 2): every dimension it names must match.

    An empty set means "any". An item applies to an interview when, for every
    dimension the item names, the interview's value is one of the named ones; a
    dimension the interview leaves unknown keeps the item but ranks it lower. See
    :func:`interviewprep.applies`.

    Attributes:
        formats: Interview formats (``video``, ``phone``, ...).
        regions: Jurisdictions: lowercase ISO 3166 country codes, or ``eu`` for the
            member states of the European Union.
        seniority: Seniority levels of the role.
        situations: The candidate's situations (``graduate``, ``career-changer``,
            ``internal``, ``returner``, ``adjustments``); any one of them matches.
        roles: Roles or sectors, as the scope ids of role packs (``teaching``).
    """

    formats: frozenset[Format] = attrs.field(default=frozenset(), converter=_formats)
    regions: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_regions
    )
    seniority: frozenset[Seniority] = attrs.field(default=frozenset(), converter=_seniority)
    situations: frozenset[Situation] = attrs.field(default=frozenset(), converter=_situations)
    roles: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_ids
    )

    def __bool__(self) -> bool:
        """
        Whether any dimension is named (an empty applicability applies everywhere).
        """
        return bool(self.formats or self.regions or self.seniority or self.situations or self.roles)


#: Applicability that names nothing: the item applies everywhere.
EVERYWHERE = Applicability()


@attrs.frozen(kw_only=True)
class Signal:
    """
    Something an answer covers (a talking point) or shows (a red flag), found by cues.

    Attributes:
        id: Unique among the question's talking points or red flags.
        label: A short name a candidate understands (``"a forward-looking reason"``).
        cues: Words and phrases that show it in an answer (matched by word stems;
            see :func:`interviewprep.find_signals`).
    """

    id: str = attrs.field(validator=_check_id)
    label: str = attrs.field(validator=_check_text)
    cues: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_check_texts)


@attrs.frozen(kw_only=True)
class Scope:
    """
    A role or sector a role pack is for, with the words that recognise it.

    Attributes:
        id: The role's id (``teaching``), also used in items' ``applies.roles``.
        title: A human-readable name.
        words: Words and phrases that recognise the role in a role title or job
            posting (``teacher``, ``school``, ``pupils``).
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    words: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_check_texts)


def _check_signals(_: object, attribute: attrs.Attribute[Any], value: tuple[Signal, ...]) -> None:
    _check_unique_ids(attribute.name, value)


@attrs.frozen(kw_only=True)
class Tip(InPack):
    """
    A piece of advice: what to do, and why.

    Attributes:
        id: Unique among the pack's tips (``[a-z0-9][a-z0-9-]*``).
        title: A title a person can scan.
        body: What to do and why, in Markdown.
        topic: What the tip is about.
        stages: When it applies; empty means at any stage.
        audiences: Whom it concerns; empty means every audience.
        applies: Where it applies (format 2): formats, regions, seniority,
            situations, roles; empty means everywhere.
        tags: Free-form labels.
        covers: Ids of the guidance facts the tip covers (for example ``F12``).
        section: The id of the pack section it belongs to (format 2).
        featured: Whether the pack marks it as one of its most important items.
        rank: Its place in the pack's own ranking (1 is first; format 2), such
            as "most common" for questions.
        source: Where its text comes from, if not from its pack's source.
        license: Its licence (SPDX), if not its pack's.
        attribution: Whom to credit for it, if not its pack's attribution.
        replaces: Full id of an item of another pack that this one overrides.
        pack: The pack the tip belongs to; set when the tip is put in a pack.
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    body: str = attrs.field(validator=_check_text)
    topic: Topic | str = attrs.field(converter=_topic)
    stages: frozenset[Stage | str] = attrs.field(default=frozenset(), converter=_stages)
    audiences: frozenset[Audience | str] = attrs.field(default=frozenset(), converter=_audiences)
    applies: Applicability = attrs.field(default=EVERYWHERE)
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    covers: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    section: str | None = attrs.field(default=None, validator=_check_optional_id)
    featured: bool = False
    rank: int | None = attrs.field(default=None, validator=_check_rank)
    source: Source | None = None
    license: str | None = attrs.field(default=None, validator=_check_license)
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    replaces: str | None = attrs.field(default=None, validator=_check_replaces)
    pack: str | None = attrs.field(default=None, validator=_check_pack)


@attrs.frozen(kw_only=True)
class Question(InPack):
    """
    A question asked of the candidate, or one for the candidate to ask.

    Attributes:
        id: Unique among the pack's questions.
        text: The question as it is asked.
        asked_by: ``interviewer`` (asked of the candidate) or ``candidate``.
        kind: The kind of question; required for questions asked of the candidate.
        intent: What the asker checks: ``can-do``, ``will-do`` or ``fit``; required
            for questions asked of the candidate.
        guidance: How to answer it, or why to ask it and what the answer tells you
            (Markdown).
        pitfalls: Mistakes to avoid.
        follow_ups: Likely follow-up questions, in order.
        rubric: Reference to the rubric that rates an answer; without one, the
            library's rubric for its *answer_type* is used.
        answer_type: What kind of answer it wants (format 2): ``story``,
            ``hypothetical``, ``motivation``, ...
        talking_points: What a strong answer covers (format 2).
        red_flags: What sinks an answer (format 2).
        theme: What the question is about (format 2), such as ``team`` or
            ``remote-work``; a pack can declare more.
        topic: The topic of preparation it belongs to (format 2), as for tips.
        audiences: Who is likely to ask it (or best to ask); empty means anyone.
        stages: When it applies; empty means at any stage.
        applies: Where it applies (format 2); empty means everywhere.
        tags: Free-form labels.
        covers: Ids of the guidance facts it covers.
        section: The id of the pack section it belongs to (format 2).
        featured: Whether the pack marks it as one of its most important items.
        rank: Its place in the pack's own ranking (1 is first; format 2), such
            as "most common" for questions.
        source: Where its text comes from, if not from its pack's source.
        license: Its licence (SPDX), if not its pack's.
        attribution: Whom to credit for it, if not its pack's attribution.
        replaces: Full id of an item of another pack that this one overrides.
        pack: The pack the question belongs to.
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_text)
    asked_by: AskedBy = attrs.field(converter=_asked_by)
    kind: QuestionKind | str | None = attrs.field(default=None, converter=_optional_kind)
    intent: Intent | None = attrs.field(default=None, converter=_optional_intent)
    guidance: str = ""
    pitfalls: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_check_texts
    )
    follow_ups: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_check_texts
    )
    rubric: str | None = attrs.field(default=None, validator=_check_optional_reference)
    answer_type: AnswerType | None = attrs.field(default=None, converter=_answer_type)
    talking_points: tuple[Signal, ...] = attrs.field(
        default=(), converter=_tuple, validator=_check_signals
    )
    red_flags: tuple[Signal, ...] = attrs.field(
        default=(), converter=_tuple, validator=_check_signals
    )
    theme: Theme | str | None = attrs.field(default=None, converter=_theme)
    topic: Topic | str | None = attrs.field(default=None, converter=_optional_topic)
    audiences: frozenset[Audience | str] = attrs.field(default=frozenset(), converter=_audiences)
    stages: frozenset[Stage | str] = attrs.field(default=frozenset(), converter=_stages)
    applies: Applicability = attrs.field(default=EVERYWHERE)
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    covers: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    section: str | None = attrs.field(default=None, validator=_check_optional_id)
    featured: bool = False
    rank: int | None = attrs.field(default=None, validator=_check_rank)
    source: Source | None = None
    license: str | None = attrs.field(default=None, validator=_check_license)
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    replaces: str | None = attrs.field(default=None, validator=_check_replaces)
    pack: str | None = attrs.field(default=None, validator=_check_pack)

    def __attrs_post_init__(self) -> None:
        if self.asked_by is AskedBy.INTERVIEWER:
            for field in ("kind", "intent"):
                if getattr(self, field) is None:
                    msg = "is required for a question asked of the candidate"
                    raise ValidationError(field, msg)


# -- checklists --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """
    One thing to do, optionally due at an offset from the interview's start.

    Attributes:
        id: Unique within its checklist.
        text: What to do, in the imperative.
        due: Offset from the interview's start (negative is before it); written in
            pack files as a signed ISO 8601 duration such as ``-P2D`` or ``PT24H``.
        effort: How long it takes (format 2), written as an ISO 8601 duration such
            as ``PT30M``; for a per-interviewer item, the time per interviewer.
            Without it, a plan assumes a default by stage (see
            :data:`interviewprep.DEFAULT_EFFORT`).
        optional: Whether the item is nice to have rather than essential.
        per_interviewer: Whether the item is done once for each interviewer (a
            thank-you note); a plan then makes one task per interviewer, naming
            them after the item's text.
        applies: Where it applies (format 2), within its checklist's; empty
            means wherever the checklist applies.
        asks_for: The details of the interview the item finds out (format 2), of
            :data:`INTERVIEW_DETAILS`: ``interviewers`` (each one's name and title),
            ``location`` (the address or meeting link) and ``schedule`` (how long it
            lasts). A plan for an interview that already gives all of them keeps the
            item as optional; one that books time off around an interview of
            unknown length does the step asking for the schedule with the booking.
        names_location: Whether a plan names the interview's location (its address
            or meeting link) after the item's text, when the interview gives it
            (format 2): "Join the call five minutes before the start — https://...".
        tips: References to tips that explain the item.
        covers: Ids of the guidance facts it covers.
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_text)
    due: dt.timedelta | None = attrs.field(default=None, converter=_due)
    effort: dt.timedelta | None = attrs.field(default=None, converter=_effort)
    optional: bool = False
    per_interviewer: bool = False
    applies: Applicability = attrs.field(default=EVERYWHERE)
    asks_for: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_details
    )
    names_location: bool = False
    tips: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_check_references
    )
    covers: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )


@attrs.frozen(kw_only=True)
class Checklist(InPack):
    """
    Things to do at one stage of the process.

    Attributes:
        id: Unique among the pack's checklists.
        title: What the checklist is for.
        stage: Before, during or after the interview, or at the offer.
        items: The items, in order; their ids are unique within the checklist.
        formats: The interview formats it is meant for; empty means any format.
        applies: Where it applies (format 2); empty means everywhere.
        tags: Free-form labels.
        covers: Ids of the guidance facts it covers.
        section: The id of the pack section it belongs to (format 2).
        featured: Whether the pack marks it as one of its most important items.
        rank: Its place in the pack's own ranking (1 is first; format 2), such
            as "most common" for questions.
        source: Where its text comes from, if not from its pack's source.
        license: Its licence (SPDX), if not its pack's.
        attribution: Whom to credit for it, if not its pack's attribution.
        replaces: Full id of an item of another pack that this one overrides.
        pack: The pack the checklist belongs to.
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    stage: Stage | str = attrs.field(converter=_stage)
    items: tuple[ChecklistItem, ...] = attrs.field(converter=_tuple)
    formats: frozenset[Format] = attrs.field(default=frozenset(), converter=_formats)
    applies: Applicability = attrs.field(default=EVERYWHERE)
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    covers: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    section: str | None = attrs.field(default=None, validator=_check_optional_id)
    featured: bool = False
    rank: int | None = attrs.field(default=None, validator=_check_rank)
    source: Source | None = None
    license: str | None = attrs.field(default=None, validator=_check_license)
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    replaces: str | None = attrs.field(default=None, validator=_check_replaces)
    pack: str | None = attrs.field(default=None, validator=_check_pack)

    @items.validator
    def _check_items(self, _: attrs.Attribute[Any], items: tuple[ChecklistItem, ...]) -> None:
        if not items:
            raise ValidationError("items", "a checklist needs at least one item")
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                msg = f"duplicate item id {item.id!r} within the checklist"
                raise ValidationError(f"items[{index}].id", msg)
            seen.add(item.id)


# -- rubrics -----------------------------------------------------------------------------


def _check_levels_unique(
    _: object, attribute: attrs.Attribute[Any], levels: tuple[Level, ...]
) -> None:
    seen: set[int] = set()
    for index, level in enumerate(levels):
        if level.score in seen:
            msg = f"duplicate score {excerpt(level.score)} (each level needs its own score)"
            raise ValidationError(f"{attribute.name}[{index}].score", msg)
        seen.add(level.score)


@attrs.frozen(kw_only=True)
class Level:
    """
    One point of a criterion's scale, anchored in what an answer at that level does.

    Attributes:
        score: The score, within the rubric's scale.
        label: A short name, such as ``"Strong"``.
        anchor: A behaviourally anchored description of an answer at this level.
    """

    score: int
    label: str = attrs.field(validator=_check_text)
    anchor: str = attrs.field(validator=_check_text)


@attrs.frozen(kw_only=True)
class Scale:
    """
    The inclusive range of scores of a rubric.

    Attributes:
        min: The lowest score.
        max: The highest score; greater than *min*.
    """

    min: int
    max: int

    def __attrs_post_init__(self) -> None:
        if self.min >= self.max:
            msg = f"min ({excerpt(self.min)}) must be less than max ({excerpt(self.max)})"
            raise ValidationError("max", msg)

    def __contains__(self, score: object) -> bool:
        """
        Whether *score* lies inside the scale.
        """
        return isinstance(score, int | float) and self.min <= score <= self.max


@attrs.frozen(kw_only=True)
class Criterion:
    """
    One aspect of an answer that a rubric rates.

    Attributes:
        id: Unique within the rubric.
        name: A short name.
        description: What the criterion looks at.
        weight: Its weight in the rubric's total; positive.
        levels: The anchored levels, with distinct scores.
        scorer: Id of an automatic scorer that can rate it, if any.
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    description: str = ""
    weight: float = attrs.field(default=1.0, converter=_weight)
    levels: tuple[Level, ...] = attrs.field(default=(), converter=_tuple)
    scorer: str | None = attrs.field(default=None)

    @weight.validator
    def _check_weight(self, _: attrs.Attribute[Any], weight: float) -> None:
        if not math.isfinite(weight) or weight <= 0:
            raise ValidationError("weight", f"must be a positive number, not {excerpt(weight)}")

    @levels.validator
    def _check_levels(self, attribute: attrs.Attribute[Any], levels: tuple[Level, ...]) -> None:
        if not levels:
            raise ValidationError("levels", "a criterion needs at least one level")
        _check_levels_unique(self, attribute, levels)

    @scorer.validator
    def _check_scorer(self, attribute: attrs.Attribute[Any], scorer: str | None) -> None:
        if scorer is not None:
            _check_id(self, attribute, scorer)


@attrs.frozen(kw_only=True)
class Rubric(InPack):
    """
    How to rate an answer: criteria, each with behaviourally anchored levels.

    Attributes:
        id: Unique among the pack's rubrics.
        title: What the rubric rates.
        description: When to use it.
        scale: The range every level's score lies in.
        criteria: The criteria, with distinct ids.
        answer_types: The answer types it rates (format 2); the first rubric of
            the library naming a question's answer type is that question's default.
        tags: Free-form labels.
        covers: Ids of the guidance facts it covers.
        section: The id of the pack section it belongs to (format 2).
        featured: Whether the pack marks it as one of its most important items.
        rank: Its place in the pack's own ranking (1 is first; format 2), such
            as "most common" for questions.
        source: Where its text comes from, if not from its pack's source.
        license: Its licence (SPDX), if not its pack's.
        attribution: Whom to credit for it, if not its pack's attribution.
        replaces: Full id of an item of another pack that this one overrides.
        pack: The pack the rubric belongs to.
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    description: str = ""
    scale: Scale
    criteria: tuple[Criterion, ...] = attrs.field(converter=_tuple)
    answer_types: frozenset[AnswerType] = attrs.field(default=frozenset(), converter=_answer_types)
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    covers: frozenset[str] = attrs.field(
        default=frozenset(), converter=_str_set, validator=_check_texts
    )
    section: str | None = attrs.field(default=None, validator=_check_optional_id)
    featured: bool = False
    rank: int | None = attrs.field(default=None, validator=_check_rank)
    source: Source | None = None
    license: str | None = attrs.field(default=None, validator=_check_license)
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    replaces: str | None = attrs.field(default=None, validator=_check_replaces)
    pack: str | None = attrs.field(default=None, validator=_check_pack)

    def __attrs_post_init__(self) -> None:
        if not self.criteria:
            raise ValidationError("criteria", "a rubric needs at least one criterion")
        _check_unique_ids("criteria", self.criteria)
        for index, criterion in enumerate(self.criteria):
            for position, level in enumerate(criterion.levels):
                if level.score not in self.scale:
                    msg = (
                        f"score {excerpt(level.score)} lies outside the rubric's scale "
                        f"{excerpt(self.scale.min)}-{excerpt(self.scale.max)}"
                    )
                    raise ValidationError(f"criteria[{index}].levels[{position}].score", msg)


# -- translations ------------------------------------------------------------------------

#: The singular noun of each item kind, as a translation's ``kind`` names it.
KIND_NOUNS = {
    "tips": "tip",
    "questions": "question",
    "checklists": "checklist",
    "rubrics": "rubric",
}
#: The item kind of each singular noun.
NOUN_KINDS = {noun: kind for kind, noun in KIND_NOUNS.items()}
#: The text fields a translation of each kind carries; everything else is inherited.
TEXT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "tips": ("title", "body"),
    "questions": ("text", "guidance", "pitfalls", "follow_ups", "talking_points", "red_flags"),
    "checklists": ("title", "items"),
    "rubrics": ("title", "description", "criteria"),
}
#: The fields of a translation that are not text: who it is and where it comes from.
TRANSLATION_FIELDS = ("id", "translates", "revision", "source", "license", "attribution")


@attrs.frozen(kw_only=True)
class ItemText:
    """
    The translated text of one checklist item, matched to the source by its id.

    Attributes:
        id: The id of the checklist item it translates.
        text: The item's text.
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_text)


@attrs.frozen(kw_only=True)
class CriterionText:
    """
    The translated text of one rubric criterion, matched to the source by its id.

    Attributes:
        id: The id of the criterion it translates.
        name: The criterion's name.
        description: What it looks at.
        levels: The levels' labels and anchors, matched by score.
    """

    id: str = attrs.field(validator=_check_id)
    name: str | None = attrs.field(default=None, validator=_check_optional_text)
    description: str | None = attrs.field(default=None, validator=_check_optional_text)
    levels: tuple[Level, ...] = attrs.field(
        default=(), converter=_tuple, validator=_check_levels_unique
    )


def _optional_str_tuple(values: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if values is None else _str_tuple(values)


def _optional_tuple(values: Iterable[_T] | None) -> tuple[_T, ...] | None:
    return None if values is None else tuple(values)


def _check_optional_texts(
    _: object, attribute: attrs.Attribute[Any], value: tuple[str, ...] | None
) -> None:
    if value is not None:
        _check_texts(_, attribute, value)


def _check_optional_signals(
    _: object, attribute: attrs.Attribute[Any], value: tuple[Signal, ...] | None
) -> None:
    if value is not None:
        _check_unique_ids(attribute.name, value)


def _check_kind(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in NOUN_KINDS:
        allowed = ", ".join(NOUN_KINDS)
        raise ValidationError(
            attribute.name, f"{excerpt(value)} is not an item kind: use one of {allowed}"
        )


@attrs.frozen(kw_only=True)
class Translation(InPack):
    """
    The text of an item of another pack in this pack's language (pack format 2).

    A translation carries only text; everything else (topic, stages, audiences,
    applicability, rubric, due dates, scores...) is the translated item's. In a
    pack file it is written among the items of its kind, with ``translates``:

    .. code-block:: toml

        [[tips]]
        translates = "core/research-the-company"
        title = "Renseignez-vous sur l'entreprise"
        body = "…"

    Any number of languages of one item can be installed together; a library
    shows each item in the first language of its chain that has it (see
    :func:`interviewprep.load_library`).

    Attributes:
        kind: The kind of the translated item: ``tip``, ``question``,
            ``checklist`` or ``rubric`` (in pack files, the array it is in).
        translates: The full id of the translated item (``core/star-answer``).
        id: Unique among the pack's translations of its kind; the translated
            item's id when left out.
        revision: The revision of the source text it follows, as
            :func:`text_revision` gives it; ``validate`` reports a translation
            whose source has changed since.
        title: A tip's, checklist's or rubric's title.
        body: A tip's body.
        text: A question's text.
        guidance: A question's guidance.
        description: A rubric's description.
        pitfalls: A question's pitfalls, in the source's order.
        follow_ups: A question's follow-ups, in the source's order.
        talking_points: A question's talking points, matched by id.
        red_flags: A question's red flags, matched by id.
        items: A checklist's items' texts, matched by id.
        criteria: A rubric's criteria's texts, matched by id.
        source: Where the translation comes from.
        license: Its licence (SPDX), if not its pack's.
        attribution: Whom to credit for it, if not its pack's attribution.
        pack: The pack the translation belongs to.
    """

    kind: str = attrs.field(validator=_check_kind)
    translates: str = attrs.field(validator=_check_replaces)
    id: str = attrs.field(validator=_check_id)
    revision: str | None = attrs.field(default=None, validator=_check_optional_text)
    title: str | None = attrs.field(default=None, validator=_check_optional_text)
    body: str | None = attrs.field(default=None, validator=_check_optional_text)
    text: str | None = attrs.field(default=None, validator=_check_optional_text)
    guidance: str | None = attrs.field(default=None, validator=_check_optional_text)
    description: str | None = attrs.field(default=None, validator=_check_optional_text)
    pitfalls: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_str_tuple, validator=_check_optional_texts
    )
    follow_ups: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_str_tuple, validator=_check_optional_texts
    )
    talking_points: tuple[Signal, ...] | None = attrs.field(
        default=None, converter=_optional_tuple, validator=_check_optional_signals
    )
    red_flags: tuple[Signal, ...] | None = attrs.field(
        default=None, converter=_optional_tuple, validator=_check_optional_signals
    )
    items: tuple[ItemText, ...] | None = attrs.field(
        default=None, converter=_optional_tuple, validator=_check_optional_signals
    )
    criteria: tuple[CriterionText, ...] | None = attrs.field(
        default=None, converter=_optional_tuple, validator=_check_optional_signals
    )
    source: Source | None = None
    license: str | None = attrs.field(default=None, validator=_check_license)
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    pack: str | None = attrs.field(default=None, validator=_check_pack)

    @id.default
    def _default_id(self) -> str:
        return self.translates.partition("/")[2] if isinstance(self.translates, str) else ""

    def __attrs_post_init__(self) -> None:
        kind = NOUN_KINDS[self.kind]
        allowed = TEXT_FIELDS[kind]
        texts = [name for name in _ALL_TEXT_FIELDS if getattr(self, name) is not None]
        for name in texts:
            if name not in allowed:
                msg = (
                    f"a translation of a {self.kind} carries only {', '.join(allowed)}; "
                    f"{name} is not one of them"
                )
                raise ValidationError(name, msg)
        if not texts:
            msg = f"a translation needs at least one text field: {', '.join(allowed)}"
            raise ValidationError("translates", msg)

    @property
    def item_kind(self) -> str:
        """
        The kind as a pack's field name: ``tips``, ``questions``, ...
        """
        return NOUN_KINDS[self.kind]


_ALL_TEXT_FIELDS = tuple(dict.fromkeys(name for names in TEXT_FIELDS.values() for name in names))
#: The class of each item kind, by the kind's field name in :class:`Pack`.
ITEM_CLASSES: Mapping[str, type] = {
    "tips": Tip,
    "questions": Question,
    "checklists": Checklist,
    "rubrics": Rubric,
}
#: The item kind of each item class.
KIND_OF: Mapping[type, str] = {cls: kind for kind, cls in ITEM_CLASSES.items()}


def text_revision(item: Tip | Question | Checklist | Rubric) -> str:
    """
    A short fingerprint of an item's text fields: the ``revision`` a translation records.

    It changes whenever a text a translation carries changes (and only then), so a
    translation can tell that its source was edited since it was made.

    Args:
        item: The translated item.

    Returns:
        Twelve hexadecimal digits.
    """
    kind = KIND_OF[type(item)]
    data: dict[str, Any] = {}
    for name in TEXT_FIELDS[kind]:
        value = getattr(item, name)
        if name in ("talking_points", "red_flags"):
            value = [[s.id, s.label, list(s.cues)] for s in value]
        elif name == "items":
            value = [[entry.id, entry.text] for entry in value]
        elif name == "criteria":
            value = [
                [c.id, c.name, c.description, [[lv.score, lv.label, lv.anchor] for lv in c.levels]]
                for c in value
            ]
        elif isinstance(value, tuple):
            value = list(value)
        data[name] = value
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def translate(item: _T, translation: Translation) -> _T:
    """
    *item* with the texts of *translation*; everything else unchanged.

    Entries matched by id (talking points, red flags, checklist items, criteria)
    or by score (levels) that the translation leaves out keep the source's text.
    """
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS[translation.item_kind]:
        value = getattr(translation, name)
        if value is None:
            continue
        if name in ("talking_points", "red_flags"):
            by_id = {signal.id: signal for signal in value}
            value = tuple(_translate_signal(s, by_id.get(s.id)) for s in getattr(item, name))
        elif name == "items":
            texts = {entry.id: entry.text for entry in value}
            value = tuple(
                copy_with(entry, text=texts[entry.id]) if entry.id in texts else entry
                for entry in getattr(item, name)
            )
        elif name == "criteria":
            value = tuple(_translate_criterion(c, value) for c in getattr(item, name))
        changes[name] = value
    return copy_with(item, **changes)


def _translate_signal(signal: Signal, text: Signal | None) -> Signal:
    if text is None:
        return signal
    # Without cues of its own language a point could never be found in an answer:
    # the source's cues are better than none.
    return copy_with(signal, label=text.label, cues=text.cues or signal.cues)


def _translate_criterion(criterion: Criterion, texts: tuple[CriterionText, ...]) -> Criterion:
    found = next((t for t in texts if t.id == criterion.id), None)
    if found is None:
        return criterion
    labels = {level.score: level for level in found.levels}
    levels = tuple(
        copy_with(level, label=labels[level.score].label, anchor=labels[level.score].anchor)
        if level.score in labels
        else level
        for level in criterion.levels
    )
    return copy_with(
        criterion,
        name=found.name if found.name is not None else criterion.name,
        description=found.description if found.description is not None else criterion.description,
        levels=levels,
    )


# -- packs -------------------------------------------------------------------------------


def _check_version(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    from packaging.version import InvalidVersion, Version

    try:
        Version(value)
    except (InvalidVersion, TypeError):
        msg = f"{excerpt(value)} is not a version (use a PEP 440 version such as '1.0.0')"
        raise ValidationError(attribute.name, msg) from None


@functools.lru_cache(maxsize=4096)
def parse_requirement(text: str) -> Requirement:
    """
    A ``requires`` entry parsed by packaging, once per process: validation, loading
    and resolution all ask for the same entries.

    Raises:
        packaging.requirements.InvalidRequirement: If *text* is not a requirement.
    """
    from packaging.requirements import Requirement

    return Requirement(text)


def _check_requires(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        return  # packaging is imported only for packs that need it
    from packaging.requirements import InvalidRequirement

    for index, text in enumerate(value):
        field = f"{attribute.name}[{index}]"
        try:
            requirement = parse_requirement(text)
        except InvalidRequirement as exc:
            # packaging's message repeats the whole text under its first line: keep that line.
            reason = str(exc).partition("\n")[0]
            msg = f"{excerpt(text)} is not a requirement such as 'core>=1.0' ({reason})"
            raise ValidationError(field, msg) from None
        if requirement.extras or requirement.url or requirement.marker:
            msg = f"{excerpt(text)}: only a pack name and a version specifier are allowed"
            raise ValidationError(field, msg)
        _check_pack_name(field, requirement.name)


def _check_language(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not LANGUAGE_PATTERN.fullmatch(value):
        msg = f"{excerpt(value)} is not a BCP 47 language tag such as 'en' or 'de-CH'"
        raise ValidationError(attribute.name, msg)


def _check_format(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value not in FORMATS or isinstance(value, bool):
        msg = (
            f"unsupported pack format {excerpt(value)}: "
            "this version of interviewprep reads formats 1 and 2"
        )
        raise ValidationError(attribute.name, msg)


@attrs.frozen(kw_only=True)
class PackInfo:
    """
    A pack's manifest: the ``[pack]`` table of ``pack.toml``.

    Attributes:
        name: The pack's name (``[a-z0-9][a-z0-9-]*``, not ending in ``-``), also
            its entry point's name.
        version: A PEP 440 version.
        title: A human-readable title.
        description: What the pack offers.
        language: A BCP 47 language tag.
        license: The content's licence (an SPDX identifier where possible).
        authors: Who wrote it.
        homepage: Where to learn more.
        format: The pack format version: ``1``, or ``2`` for packs using the fields
            format 2 adds (applicability, answer types, talking points, scope).
        requires: Other packs it needs, with version specifiers (``"core>=1.0"``).
        scope: The roles or sectors a role pack is for, with the words that
            recognise them (format 2); empty means for everyone. Its items are used
            in plans and practice only for interviews of those roles.
        source: Where the pack's content comes from (format 2).
        attribution: Whom to credit, as the licence asks (format 2), such as
            "Based on the handbook by Jane Doe".
        sections: The groups its items fall into, in order (format 2).
        vocabulary: Extra vocabulary values it declares (format 2).
    """

    name: str = attrs.field(validator=_check_name)
    version: str = attrs.field(validator=_check_version)
    title: str = attrs.field(validator=_check_text)
    description: str = ""
    language: str = attrs.field(default="en", validator=_check_language)
    license: str | None = attrs.field(default=None, validator=_check_license)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_check_texts)
    homepage: str | None = None
    format: int = attrs.field(default=1, validator=_check_format, metadata={ALWAYS_WRITTEN: True})
    requires: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_check_requires
    )
    scope: tuple[Scope, ...] = attrs.field(default=(), converter=_tuple)
    source: Source | None = None
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_tuple)
    vocabulary: Vocabulary = attrs.field(factory=Vocabulary)

    @scope.validator
    def _check_scope(self, attribute: attrs.Attribute[Any], value: tuple[Scope, ...]) -> None:
        _check_unique_ids(attribute.name, value)

    @sections.validator
    def _check_sections(self, attribute: attrs.Attribute[Any], value: tuple[Section, ...]) -> None:
        _check_unique_ids(attribute.name, value)

    @vocabulary.validator
    def _check_vocabulary(self, attribute: attrs.Attribute[Any], value: Vocabulary) -> None:
        for field in attrs.fields(Vocabulary):
            for index, text in enumerate(getattr(value, field.name)):
                if text.partition(":")[0] != self.name:
                    msg = f"{excerpt(text)} must start with this pack's name: '{self.name}:...'"
                    raise ValidationError(f"{attribute.name}.{field.name}[{index}]", msg)

    def ordered_sections(self) -> tuple[Section, ...]:
        """
        The sections in display order: by ``order``, then as written.
        """
        return tuple(sorted(self.sections, key=lambda section: section.order))


def copy_with(item: _T, **changes: Any) -> _T:
    """
    A copy of a validated object with some fields replaced by values known to be valid.

    ``attrs.evolve`` would run every converter and validator again; stamping or
    resolving the references of 100 000 questions that way costs seconds.
    """
    cls: Any = type(item)
    copy = object.__new__(cls)
    for attribute in attrs.fields(cls):
        name = attribute.name
        object.__setattr__(copy, name, changes[name] if name in changes else getattr(item, name))
    return typing.cast(_T, copy)


#: The fields pack format 2 adds, by item kind.
_COMMON_FORMAT_2 = ("section", "featured", "rank", "source", "license", "attribution")
_FORMAT_2_FIELDS = {
    "tips": ("applies", *_COMMON_FORMAT_2),
    "questions": (
        "answer_type",
        "talking_points",
        "red_flags",
        "theme",
        "topic",
        "applies",
        *_COMMON_FORMAT_2,
    ),
    "checklists": ("applies", *_COMMON_FORMAT_2),
    "rubrics": ("answer_types", *_COMMON_FORMAT_2),
}
_FORMAT_2_INFO = ("scope", "source", "attribution", "sections", "vocabulary")


def _check_format_1(pack: Pack) -> None:
    """Refuse the fields of format 2 in a pack that says it is of format 1."""
    hint = "is a field of pack format 2: set format = 2 in [pack]"
    for name in _FORMAT_2_INFO:
        if getattr(pack.info, name):
            raise ValidationError(f"pack.{name}", hint)
    if pack.phrases:
        raise ValidationError("phrases", hint)
    if pack.translations:
        raise ValidationError("translations[0].translates", hint)
    for kind, names in _FORMAT_2_FIELDS.items():
        for index, item in enumerate(getattr(pack, kind)):
            for name in names:
                if getattr(item, name):
                    raise ValidationError(f"{kind}[{index}].{name}", hint)
            if isinstance(item, Checklist):
                for position, entry in enumerate(item.items):
                    for name in ("applies", "effort", "asks_for", "names_location"):
                        if getattr(entry, name):
                            path = f"{kind}[{index}].items[{position}].{name}"
                            raise ValidationError(path, hint)
            for field, value in _open_values(item):
                if not isinstance(value, enum.Enum) or value is Stage.OFFER:
                    msg = f"'{value}' is a value of pack format 2: set format = 2 in [pack]"
                    raise ValidationError(f"{kind}[{index}].{field}", msg)


def _open_values(item: Any) -> Iterable[tuple[str, Any]]:
    """(field, value) for every value of an item's open vocabulary fields."""
    for field in OPEN_FIELDS:
        value = getattr(item, field, None)
        if isinstance(value, frozenset):
            for entry in sorted(value, key=str):
                yield field, entry
        elif value is not None:
            yield field, value


def extra_values(item: Any) -> Iterable[tuple[str, str]]:
    """
    (field, value) for every extra (namespaced) vocabulary value an item uses.
    """
    for field, value in _open_values(item):
        if not isinstance(value, enum.Enum):
            yield field, value


def undeclared(field: str, value: str, declared: Vocabulary) -> str | None:
    """Why *value* of *field* is not declared by *declared*, or ``None`` if it is."""
    values: tuple[str, ...] = getattr(declared, OPEN_FIELDS[field])
    if value in values:
        return None
    hint = did_you_mean(value, values)
    listed = ", ".join(values) if values else "none"
    return (
        f"{excerpt(value)} is not declared in [pack.vocabulary] {OPEN_FIELDS[field]}{hint}; "
        f"declared: {listed}"
    )


def _translations(values: Iterable[Translation]) -> tuple[Translation, ...]:
    # In pack files translations sit among the items of their kind: keep that order.
    order = list(KIND_NOUNS.values())
    return tuple(sorted(values, key=lambda t: order.index(t.kind) if t.kind in order else 0))


def _phrases(value: Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(value, MappingProxyType):
        return value
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Pack:
    """
    A content pack: its manifest and its items.

    Items are stamped with the pack's name (their ``pack`` field) when the pack is
    built; an item that already names another pack is refused.

    Attributes:
        info: The manifest (written as the ``[pack]`` table in pack files).
        tips: The tips, in file order.
        questions: The questions, in file order.
        checklists: The checklists, in file order.
        rubrics: The rubrics, in file order.
        translations: Texts of other packs' items in this pack's language (format
            2); in pack files they are written among the items of their kind.
        phrases: The library's own words (headings, labels) in this pack's
            language, by phrase key (format 2): the ``[phrases]`` table.
    """

    info: PackInfo = attrs.field(metadata={KEY: "pack"})
    tips: tuple[Tip, ...] = attrs.field(default=(), converter=_tuple)
    questions: tuple[Question, ...] = attrs.field(default=(), converter=_tuple)
    checklists: tuple[Checklist, ...] = attrs.field(default=(), converter=_tuple)
    rubrics: tuple[Rubric, ...] = attrs.field(default=(), converter=_tuple)
    translations: tuple[Translation, ...] = attrs.field(default=(), converter=_translations)
    phrases: Mapping[str, str] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_phrases
    )

    def __attrs_post_init__(self) -> None:
        if self.info.format < 2:
            _check_format_1(self)
        # Stamping happens here and nowhere else: items read from a pack file and
        # items built in code arrive without their pack.
        name = self.info.name
        sections = {section.id for section in self.info.sections}
        for kind in ITEM_KINDS:
            items: tuple[Any, ...] = getattr(self, kind)
            _check_unique_ids(kind, items)
            for index, item in enumerate(items):
                if item.pack not in (None, name):
                    msg = f"belongs to pack {excerpt(item.pack)}, not {excerpt(name)}"
                    raise ValidationError(f"{kind}[{index}].pack", msg)
                if item.section is not None and item.section not in sections:
                    raise ValidationError(
                        f"{kind}[{index}].section", _unknown_section(item.section, sections)
                    )
                for field, value in extra_values(item):
                    if value.partition(":")[0] == name:
                        problem = undeclared(field, value, self.info.vocabulary)
                        if problem:
                            raise ValidationError(f"{kind}[{index}].{field}", problem)
            if any(item.pack is None for item in items):
                stamped = tuple(
                    item if item.pack is not None else copy_with(item, pack=name) for item in items
                )
                object.__setattr__(self, kind, stamped)
        seen: dict[tuple[str, str], int] = {}
        targets: dict[tuple[str, str], int] = {}
        for index, translation in enumerate(self.translations):
            path = f"translations[{index}]"
            if translation.pack not in (None, name):
                msg = f"belongs to pack {excerpt(translation.pack)}, not {excerpt(name)}"
                raise ValidationError(f"{path}.pack", msg)
            key = (translation.kind, translation.id)
            if key in seen or any(
                item.id == translation.id for item in getattr(self, translation.item_kind)
            ):
                msg = f"duplicate id {translation.id!r} (ids must be unique per kind within a pack)"
                raise ValidationError(f"{path}.id", msg)
            seen[key] = index
            target = (translation.kind, translation.translates)
            if target in targets:
                msg = (
                    f"translates {translation.translates!r} a second time: "
                    f"translations[{targets[target]}] already does"
                )
                raise ValidationError(f"{path}.translates", msg)
            targets[target] = index
        if any(translation.pack is None for translation in self.translations):
            stamped_translations = tuple(
                t if t.pack is not None else copy_with(t, pack=name) for t in self.translations
            )
            object.__setattr__(self, "translations", stamped_translations)

    @property
    def name(self) -> str:
        """
        The pack's name (``info.name``).
        """
        return self.info.name

    def __len__(self) -> int:
        """
        The number of items of every kind (translations not counted).
        """
        return len(self.tips) + len(self.questions) + len(self.checklists) + len(self.rubrics)


def _unknown_section(section: str, sections: set[str]) -> str:
    hint = did_you_mean(section, sorted(sections))
    listed = ", ".join(sorted(sections)) if sections else "none; define them in [[pack.sections]]"
    return f"{excerpt(section)} is not a section of this pack{hint}; sections: {listed}"

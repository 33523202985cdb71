"""
The document every renderer starts from: headings, paragraphs, lists, tables.

:func:`document` turns a model object, a pack, a plan, an assessment or an iterable
of them into a :class:`Document`. Text in a document is of two kinds that never
mix: plain strings (titles, question texts, labels), which a renderer escapes for
its output, and :class:`Body` blocks holding a pack's Markdown (tip bodies,
guidance, rubric and criterion descriptions), which each renderer reads in its own
way. Every fixed word comes from the catalogue of the render call in progress
(:func:`speaking`), English unless the caller chose another.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from types import MappingProxyType
from typing import TypeAlias, TypeVar

import attrs

from .._assessment import Assessment
from .._calibration import Agreement, Calibration, Disagreement
from .._catalogue import Catalogue, catalogue
from .._model import Checklist, ChecklistItem, Pack, PackInfo, Question, Rubric, Tip
from .._planning import PrepPlan, Task
from .._provenance import Provenance, own_provenance, provenance
from .._schedule import ANY_TIME, Availability
from .._vocabulary import AnswerType, AskedBy, Stage

__all__ = [
    "SAFE_SCHEMES",
    "Block",
    "Body",
    "Code",
    "Column",
    "Credits",
    "Document",
    "Emphasis",
    "Heading",
    "Inline",
    "ItemList",
    "Link",
    "Meta",
    "Paragraph",
    "Strong",
    "Table",
    "TaskItem",
    "TaskList",
    "Text",
    "arranged",
    "credited_later",
    "document",
    "label_of",
    "phrase",
    "plain",
    "plural",
    "safe_target",
    "speaking",
    "words",
]

#: The link targets a rendered link may have: none can run script or embed data.
SAFE_SCHEMES = ("http://", "https://", "mailto:")


# -- words -------------------------------------------------------------------------------

#: The catalogue of the render call in progress; ``None`` means English.
_CATALOGUE: ContextVar[Catalogue | None] = ContextVar("interviewprep_catalogue", default=None)


@contextlib.contextmanager
def speaking(words: Catalogue | None) -> Iterator[Catalogue]:
    """
    Render in the words of *words* until the block ends (English for ``None``).

    A render function wraps its work in this, so the functions it calls find the
    catalogue through :func:`words` instead of taking it as an argument.

    Args:
        words: The catalogue, or ``None`` for English.

    Yields:
        The catalogue in use.
    """
    chosen = words if words is not None else catalogue()
    token = _CATALOGUE.set(chosen)
    try:
        yield chosen
    finally:
        _CATALOGUE.reset(token)


def words() -> Catalogue:
    """The catalogue of the render call in progress (English outside one)."""
    current = _CATALOGUE.get()
    return current if current is not None else catalogue()


def phrase(key: str, /, **values: object) -> str:
    """The phrase *key* of the current catalogue, with *values* filled in."""
    return words().phrase(key, **values)


def plural(key: str, count: int) -> str:
    """The phrase *key* of the current catalogue for *count* things."""
    return words().plural(key, count)


def label_of(value: enum.StrEnum | str) -> str:
    """The current catalogue's label of a vocabulary value."""
    return words().label(value)


# -- inline ------------------------------------------------------------------------------


def _text(value: str | Iterable[Inline]) -> Text:
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(value)


@attrs.frozen
class Strong:
    """
    Strongly emphasised text.

    Attributes:
        content: What is emphasised.
    """

    content: Text = attrs.field(converter=_text)


@attrs.frozen
class Emphasis:
    """
    Emphasised text.

    Attributes:
        content: What is emphasised.
    """

    content: Text = attrs.field(converter=_text)


@attrs.frozen
class Code:
    """
    Literal text, such as a command or a file name.

    Attributes:
        text: The text, exactly as written.
    """

    text: str


@attrs.frozen
class Link:
    """
    A link, as written in a pack's Markdown; renderers decide whether it stays one.

    Attributes:
        content: The link's text.
        target: Where it points, exactly as written (escapes resolved).
    """

    content: Text = attrs.field(converter=_text)
    target: str


#: A piece of running text: a plain string or a marked-up span.
Inline: TypeAlias = "str | Strong | Emphasis | Code | Link"
#: A run of inline pieces.
Text: TypeAlias = "tuple[Inline, ...]"


def plain(text: Iterable[Inline]) -> str:
    """
    The words of *text* without any markup (a link gives its text only).

    Args:
        text: The inline pieces.

    Returns:
        Their concatenated text.
    """
    parts: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, Code):
            parts.append(piece.text)
        else:
            parts.append(plain(piece.content))
    return "".join(parts)


def safe_target(target: str) -> bool:
    """
    Whether a link to *target* may stay a link: its target is http, https or mailto.

    The scheme must be spelled out at the very start, so nothing (an entity, an
    escape, a control character) can turn an unsafe target into one that looks safe.

    Args:
        target: The link's target as written.

    Returns:
        Whether it starts with ``http://``, ``https://`` or ``mailto:`` in any case.
    """
    return target[:8].lower().startswith(SAFE_SCHEMES)


# -- blocks ------------------------------------------------------------------------------


@attrs.frozen
class Heading:
    """
    A heading.

    Attributes:
        level: 1 for a top-level heading; renderers cap it at 6.
        text: The heading's own text (content, such as a title).
        label: A fixed word put before the text (``"Prep plan"``), or empty.
    """

    level: int
    text: Text = attrs.field(converter=_text, default=())
    label: str = ""


@attrs.frozen
class Paragraph:
    """
    A paragraph of plain text.

    Attributes:
        text: Its inline pieces.
    """

    text: Text = attrs.field(converter=_text)


@attrs.frozen
class Meta:
    """
    A line of facts about what precedes or follows it (topic, stage, version).

    Attributes:
        text: The line.
    """

    text: Text = attrs.field(converter=_text)


@attrs.frozen
class Body:
    """
    Markdown from a pack, kept as written for each renderer to read.

    Attributes:
        markdown: The Markdown text.
    """

    markdown: str


@attrs.frozen
class ItemList:
    """
    A bulleted or numbered list.

    Attributes:
        items: The items, each a run of inline pieces.
        ordered: Whether the items are numbered.
        start: The first item's number, for a numbered list.
    """

    items: tuple[Text, ...]
    ordered: bool = False
    start: int = 1


@attrs.frozen
class TaskItem:
    """
    One entry of a task list: something to do and tick off.

    Attributes:
        text: What to do, with when and any flags.
        overdue: Whether it is already late.
    """

    text: Text = attrs.field(converter=_text)
    overdue: bool = False


@attrs.frozen
class TaskList:
    """
    A list of things to do, each with a box to tick.

    Attributes:
        items: The tasks.
    """

    items: tuple[TaskItem, ...]


@attrs.frozen
class Column:
    """
    A table column.

    Attributes:
        header: The column's heading in a grid.
        label: The word that introduces a cell when a row is read as lines rather
            than a grid; empty for the cells that make up a row's lead.
    """

    header: str
    label: str = ""


@attrs.frozen
class Table:
    """
    A table of plain cells.

    Attributes:
        columns: The columns.
        rows: The rows, each with one cell per column.
        grid: Whether plain text shows it as a grid of columns when the grid fits
            the line width (a table of short cells, such as figures), rather than
            row by row.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Text, ...], ...]
    grid: bool = False


#: An item of a pack.
_AnyItem: TypeAlias = "Tip | Question | Checklist | Rubric"
_Item = TypeVar("_Item", bound="Tip | Question | Checklist | Rubric")

#: A block of a document.
Block: TypeAlias = "Heading | Paragraph | Meta | Body | ItemList | TaskList | Table"


@attrs.frozen
class Document:
    """
    What a renderer renders.

    Attributes:
        title: A plain title for the whole document (a page's ``<title>``).
        blocks: The blocks, in reading order.
    """

    title: str
    blocks: tuple[Block, ...]


# -- building ----------------------------------------------------------------------------


#: The spaces a line may break at: not the no-break space, which French puts before
#: ``?`` and inside « ».
_BREAKING_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _one_line(text: str) -> str:
    """A plain value on one line, its runs of white space made single spaces."""
    return " ".join(word for word in _BREAKING_SPACE.split(text) if word)


def _labels(values: Iterable[enum.StrEnum | str]) -> str:
    return ", ".join(sorted(label_of(value) for value in values))


def _heading(level: int, text: str = "", label: str = "") -> Heading:
    return Heading(level=level, text=_one_line(text), label=label)


def _body(markdown: str) -> list[Block]:
    return [Body(markdown.strip())] if markdown.strip() else []


def _offset(delta: dt.timedelta) -> str:
    """
    An offset from the interview's start in words: ``"4 hours after the start"``.

    Args:
        delta: The offset; negative is before the start.

    Returns:
        The words.
    """
    if delta == dt.timedelta(0):
        return phrase("offset.at_start")
    after = delta > dt.timedelta(0)
    delta = abs(delta)
    hours, minutes = delta.seconds // 3600, delta.seconds % 3600 // 60
    parts = [
        plural(key, count)
        for key, count in (("unit.day", delta.days), ("unit.hour", hours), ("unit.minute", minutes))
        if count
    ]
    amount = " ".join(parts) or phrase("offset.moments")
    return phrase("offset.after" if after else "offset.before", amount=amount)


def _moment(when: dt.datetime) -> str:
    """A date and time in the current catalogue's words: ``"Thu 03 Dec 2026, 10:00 CET"``."""
    return words().moment(when)


#: The manifests of the packs whose items are being rendered, by pack name: what an
#: item's provenance is compared with, and whom the credits name.
_INFOS: ContextVar[Mapping[str, PackInfo]] = ContextVar(
    "interviewprep_infos", default=MappingProxyType({})
)


@contextlib.contextmanager
def _knowing(infos: Mapping[str, PackInfo]) -> Iterator[None]:
    token = _INFOS.set({**_INFOS.get(), **infos})
    try:
        yield
    finally:
        _INFOS.reset(token)


@attrs.frozen
class Credits:
    """
    The credits of some packs: title, authors, licence, source and attribution of each.

    Rendered as a "Credits" heading and, for each pack, a list of these facts, so that
    content under a licence such as CC BY-SA is credited as the licence asks.

    Attributes:
        packs: The manifests of the packs to credit.
    """

    packs: tuple[PackInfo, ...] = attrs.field(converter=tuple)


def _source_text(prov: Provenance) -> list[Inline]:
    """The source of *prov* as a link (when its target is safe) and its revision."""
    source = prov.source
    if source is None:
        return []
    url = _one_line(source.url)
    text: list[Inline] = [Link((url,), url) if safe_target(url) else url]
    if source.revision is not None:
        text.append(" " + phrase("credits.revision", revision=_one_line(source.revision)))
    return text


def _provenance_line(prov: Provenance) -> Meta:
    """One line naming the source, licence and attribution of *prov* (those it names)."""
    parts: list[list[Inline]] = []
    if prov.source is not None:
        parts.append([phrase("label.prefix", label=phrase("credits.source")), *_source_text(prov)])
    if prov.license is not None:
        parts.append([phrase("labelled", label=phrase("credits.license"), text=prov.license)])
    if prov.attribution is not None:
        text = _one_line(prov.attribution)
        parts.append([phrase("labelled", label=phrase("credits.attribution"), text=text)])
    line: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            line.append(" · ")
        line += part
    return Meta(tuple(line))


def _item_extras(item: Tip | Question | Checklist | Rubric) -> list[Block]:
    """The line of *item*'s own provenance, when it differs from its pack's."""
    info = _INFOS.get().get(item.pack or "")
    own = own_provenance(item, info)
    return [] if own is None else [_provenance_line(own)]


def _item_heading(level: int, item: Tip | Question | Checklist | Rubric, title: str) -> Heading:
    """An item's heading, marked when the pack features the item."""
    heading = _heading(level, title)
    if item.featured:
        return Heading(level, (*heading.text, " ", Emphasis(phrase("item.featured"))))
    return heading


def arranged(
    items: Iterable[_Item], packs: Iterable[Pack | PackInfo] | PackInfo | None = None
) -> list[_Item]:
    """
    *items* in their packs' order: by pack, by section, and ranked items first in each.

    Packs keep the order in which their first item comes. Sections come in the
    pack's order (``order``, then as written); items without a section come after
    every section. Within a section, items with a ``rank`` come first, by rank, and
    the others after them in the order given (file order). A rank is the pack
    author's explicit ordering ("asked most often first"), so it leads; the file
    order of unranked items is only where they happen to be written, so they are
    not interleaved among ranked ones by a guess, and ranking one item never moves
    the others around each other. Sorting is stable: equal ranks keep their order.

    Args:
        items: Items of one pack or of several.
        packs: The packs (or manifests) whose sections place the items; by default
            those of the render call in progress.

    Returns:
        The items, arranged.
    """
    if isinstance(packs, PackInfo):
        packs = (packs,)
    infos: Mapping[str, PackInfo] = (
        _INFOS.get()
        if packs is None
        else {i.name: i for i in (p.info if isinstance(p, Pack) else p for p in packs)}
    )
    listed = list(items)
    names = list(dict.fromkeys(item.pack for item in listed))

    def key(item: _Item) -> tuple[int, int, int, int]:
        found = infos.get(item.pack or "")
        order = [s.id for s in found.ordered_sections()] if found is not None else []
        section = order.index(item.section) if item.section in order else len(order)
        ranked = (0, item.rank) if item.rank is not None else (1, 0)
        return (names.index(item.pack), section, *ranked)

    return sorted(listed, key=key)


#: Whether the credits of a selection are left for the caller to render once, after
#: rendering its items one by one (:func:`credited_later`).
_LATER: ContextVar[bool] = ContextVar("interviewprep_credits_later", default=False)


@contextlib.contextmanager
def credited_later() -> Iterator[None]:
    """
    Leave the credits out of the documents made in the block.

    For a caller that renders a selection item by item: it renders
    :class:`Credits` once afterwards.
    """
    token = _LATER.set(True)
    try:
        yield
    finally:
        _LATER.reset(token)


def _credits_blocks(infos: Iterable[PackInfo], level: int) -> list[Block]:
    """A "Credits" heading and, for each pack, who made it and under which licence."""
    infos = list(infos)
    if not infos:
        return []
    blocks: list[Block] = [_heading(level, label=phrase("credits.title"))]
    for info in infos:
        prov = provenance(None, info)
        facts: list[Text] = [
            (phrase("labelled", label=phrase("credits.pack"), text=_one_line(info.title)),)
        ]
        if info.authors:
            authors = ", ".join(_one_line(a) for a in info.authors)
            facts.append((phrase("labelled", label=phrase("credits.authors"), text=authors),))
        facts.append(
            (
                phrase(
                    "labelled",
                    label=phrase("credits.license"),
                    text=prov.license or phrase("credits.no_license"),
                ),
            )
        )
        if prov.source is not None:
            facts.append(
                (phrase("label.prefix", label=phrase("credits.source")), *_source_text(prov))
            )
        if info.homepage and prov.source is None:
            url = _one_line(info.homepage)
            link: Inline = Link((url,), url) if safe_target(url) else url
            facts.append((phrase("label.prefix", label=phrase("credits.homepage")), link))
        if prov.attribution is not None:
            text = _one_line(prov.attribution)
            facts.append((phrase("labelled", label=phrase("credits.attribution"), text=text),))
        blocks.append(ItemList(tuple(tuple(f) for f in facts)))
    return blocks


@functools.singledispatch
def _build(obj: object, level: int) -> Document:
    """The document of *obj*, its headings from *level*; an iterable's items in turn."""
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes | bytearray | Mapping):
        parts = [_build(item, level) for item in obj]
        return Document(
            title=_several([part.title for part in parts]),
            blocks=tuple(block for part in parts for block in part.blocks),
        )
    msg = f"cannot render {type(obj).__name__}"
    raise TypeError(msg)


def _several(titles: list[str]) -> str:
    if not titles:
        return phrase("document.empty")
    if len(titles) == 1:
        return titles[0]
    return phrase("document.several", first=titles[0], count=len(titles) - 1)


@_build.register
def _credits(credits: Credits, level: int) -> Document:
    return Document(
        title=phrase("credits.title"), blocks=tuple(_credits_blocks(credits.packs, level))
    )


@_build.register
def _tip(tip: Tip, level: int) -> Document:
    meta = [phrase("tip.topic", topic=label_of(tip.topic))]
    if tip.stages:
        meta.append(phrase("tip.stages", stages=_labels(tip.stages)))
    if tip.audiences:
        meta.append(phrase("tip.audiences", audiences=_labels(tip.audiences)))
    blocks: list[Block] = [
        _item_heading(level, tip, tip.title),
        *_body(tip.body),
        Meta(phrase("meta.separator").join(meta)),
        *_item_extras(tip),
    ]
    return Document(title=_one_line(tip.title), blocks=tuple(blocks))


@_build.register
def _question(question: Question, level: int) -> Document:
    asked = question.asked_by is AskedBy.INTERVIEWER
    meta = phrase("question.asked_of_you" if asked else "question.for_you_to_ask")
    if question.kind is not None:
        meta = phrase("question.kind_side", kind=label_of(question.kind), side=meta)
    if question.intent is not None:
        meta = phrase("question.checks", text=meta, intent=label_of(question.intent))
    blocks: list[Block] = [
        _item_heading(level, question, question.text),
        Meta(meta),
        *_body(question.guidance),
    ]
    if question.pitfalls:
        blocks.append(Paragraph(phrase("question.pitfalls")))
        blocks.append(ItemList(tuple((_one_line(p),) for p in question.pitfalls)))
    if question.follow_ups:
        blocks.append(Paragraph(phrase("question.follow_ups")))
        items = tuple((_one_line(f),) for f in question.follow_ups)
        blocks.append(ItemList(items, ordered=True))
    blocks += _item_extras(question)
    return Document(title=_one_line(question.text), blocks=tuple(blocks))


def _item(item: ChecklistItem) -> TaskItem:
    text = _one_line(item.text)
    if item.due is not None:
        text = phrase("item.due", text=text, when=_offset(item.due))
    if item.optional:
        text = f"{text} {phrase('item.optional')}"
    return TaskItem(text)


@_build.register
def _checklist_item(item: ChecklistItem, level: int) -> Document:
    return Document(title=_one_line(item.text), blocks=(TaskList((_item(item),)),))


@_build.register
def _checklist(checklist: Checklist, level: int) -> Document:
    tasks = TaskList(tuple(_item(item) for item in checklist.items))
    blocks = (_item_heading(level, checklist, checklist.title), tasks, *_item_extras(checklist))
    return Document(title=_one_line(checklist.title), blocks=blocks)


@_build.register
def _rubric(rubric: Rubric, level: int) -> Document:
    blocks: list[Block] = [
        _item_heading(level, rubric, rubric.title),
        *_body(rubric.description),
        *_item_extras(rubric),
    ]
    columns = (
        Column(phrase("rubric.score")),
        Column(phrase("rubric.level")),
        Column(phrase("rubric.anchor")),
    )
    for criterion in rubric.criteria:
        name = _one_line(criterion.name)
        if criterion.weight != 1:
            name = phrase("rubric.weight", name=name, weight=f"{criterion.weight:g}")
        blocks += [_heading(level + 1, name), *_body(criterion.description)]
        rows = tuple(
            ((str(lvl.score),), (_one_line(lvl.label),), (_one_line(lvl.anchor),))
            for lvl in sorted(criterion.levels, key=lambda x: x.score)
        )
        blocks.append(Table(columns, rows))
    return Document(title=_one_line(rubric.title), blocks=tuple(blocks))


_KIND_GROUPS = (
    "pack.tips",
    "pack.questions_asked",
    "pack.questions_to_ask",
    "pack.checklists",
    "pack.rubrics",
)


def _kind_groups(pack: Pack, items: list[_AnyItem]) -> list[tuple[str, list[_AnyItem]]]:
    """*items* grouped by kind, as a pack shows them: tips, questions, checklists, rubrics."""
    groups: dict[str, list[_AnyItem]] = {key: [] for key in _KIND_GROUPS}
    for item in items:
        if isinstance(item, Tip):
            groups["pack.tips"].append(item)
        elif isinstance(item, Question):
            asked = item.asked_by is AskedBy.INTERVIEWER
            groups["pack.questions_asked" if asked else "pack.questions_to_ask"].append(item)
        elif isinstance(item, Checklist):
            groups["pack.checklists"].append(item)
        else:
            groups["pack.rubrics"].append(item)
    return [(key, found) for key, found in groups.items() if found]


@_build.register
def _pack(pack: Pack, level: int) -> Document:
    """
    A pack: its items by section (when it has sections), then by kind, then credits.

    A pack with sections shows each section (in the pack's order) as a heading with
    its items under it, grouped by kind; its items without a section follow under a
    generic heading. Within a group, ranked items come first (see :func:`arranged`).
    """
    info = pack.info
    blocks: list[Block] = [_heading(level, info.title)]
    if info.description.strip():
        blocks.append(Paragraph(_one_line(info.description)))
    meta = phrase("pack.meta", name=info.name, version=info.version, language=info.language)
    blocks.append(Meta(meta))
    everything: list[_AnyItem] = [*pack.tips, *pack.questions, *pack.checklists, *pack.rubrics]
    with _knowing({info.name: info}):
        if info.sections:
            for section in info.ordered_sections():
                inside = [item for item in everything if item.section == section.id]
                if inside:
                    blocks.append(_heading(level + 1, section.title))
                    blocks += _grouped(pack, inside, level + 2)
            known = {section.id for section in info.sections}
            rest = [item for item in everything if item.section not in known]
            if rest:
                blocks.append(_heading(level + 1, label=phrase("pack.unsectioned")))
                blocks += _grouped(pack, rest, level + 2)
        else:
            blocks += _grouped(pack, everything, level + 1)
    blocks += _credits_blocks((info,), level + 1)
    return Document(title=_one_line(info.title), blocks=tuple(blocks))


def _grouped(pack: Pack, items: list[_AnyItem], level: int) -> list[Block]:
    blocks: list[Block] = []
    for key, found in _kind_groups(pack, items):
        blocks.append(_heading(level, label=phrase(key)))
        blocks += _build(arranged(found, pack.info), level + 1).blocks
    return blocks


def _free_time(availability: Availability) -> str:
    """The candidate's free time in the reader's words ("weekdays 18:30-21:00; ...")."""
    if availability == ANY_TIME:
        return phrase("days.any_time")
    parts = []
    for window in availability.windows:
        days = window.days
        if days == frozenset(range(5)):
            named = phrase("days.weekdays")
        elif days == frozenset({5, 6}):
            named = phrase("days.weekends")
        elif days == frozenset(range(7)):
            named = phrase("days.daily")
        else:
            named = ", ".join(phrase(f"weekday.{day}") for day in sorted(days))
        end = "24:00" if window.end == dt.time.max else window.end.strftime("%H:%M")
        parts.append(f"{named} {window.start.strftime('%H:%M')}\u2013{end}")
    return "; ".join(parts)


def _effort(effort: dt.timedelta) -> str:
    return phrase("plan.effort", minutes=int(effort.total_seconds() // 60))


def _task_groups(tasks: Iterable[Task]) -> list[list[Task]]:
    """Tasks in due order, those of one checklist item (one per interviewer) together."""
    groups: list[list[Task]] = []
    by_source: dict[str, list[Task]] = {}
    for task in tasks:
        if task.interviewer is not None and task.source in by_source:
            by_source[task.source].append(task)
            continue
        group = [task]
        groups.append(group)
        if task.interviewer is not None:
            by_source[task.source] = group
    return groups


def _task_item(group: list[Task], with_time: bool, everyone: int = 0) -> TaskItem:
    first = group[0]
    text = _one_line(first.text)
    if len(group) > 1:
        # One line for the item done for each interviewer: the text once, the names
        # after, unless it is done for every one of them (the text says "each").
        text = _one_line(first.text.rsplit(" — ", 1)[0])
        if len(group) < everyone:
            names = ", ".join(_one_line(task.interviewer or "") for task in group)
            text = f"{text} — {names}"
    effort = sum((task.effort for task in group), dt.timedelta(0))
    pieces: list[Inline] = []
    if with_time:
        when = phrase("plan.task", when=words().short_moment(first.due), text=text)
        pieces.append(when)
    else:
        pieces.append(text)
    if effort and with_time:
        pieces.append(f" ({_effort(effort)})")
    if first.overdue:
        pieces += [" ", Strong(phrase("plan.overdue"))]
    if first.squeezed:
        pieces.append(f" ({phrase('plan.if_time')})")
    elif first.optional:
        pieces.append(f" {phrase('item.optional')}")
    return TaskItem(tuple(pieces), overdue=first.overdue)


@_build.register
def _plan(plan: PrepPlan, level: int) -> Document:
    interview = plan.interview
    subject = phrase(
        "plan.subject", role=_one_line(interview.role), company=_one_line(interview.company)
    )
    label = phrase("plan.title")
    meta = phrase(
        "plan.meta",
        when=_moment(interview.when),
        format=label_of(interview.format),
        today=words().date(plan.today),
    )
    blocks: list[Block] = [Heading(level, subject, label), Meta(meta)]
    if plan.priorities:
        priorities = tuple(
            (Strong(_one_line(p.text)), f" — {_one_line(p.reason)}") for p in plan.priorities
        )
        blocks += [
            _heading(level + 1, label=phrase("plan.priorities")),
            ItemList(priorities, ordered=True),
        ]
    left_out = 0
    for stage in Stage:
        tasks = plan.tasks_for(stage)
        shown = [t for t in tasks if not (plan.brief and t.optional)]
        if plan.brief:
            left_out += len(_task_groups(t for t in tasks if t.optional))
        if not tasks:
            continue
        timed = stage not in (Stage.DURING, Stage.OFFER)
        everyone = len(interview.interviewers)
        items = tuple(_task_item(group, timed, everyone) for group in _task_groups(shown))
        blocks.append(_heading(level + 1, label=phrase(f"plan.{stage.value}")))
        if stage == Stage.BEFORE:
            free = phrase("plan.free_time", availability=_free_time(plan.availability))
            blocks.append(Meta(free))
        if items:
            blocks.append(TaskList(items))
    if left_out:
        blocks.append(Meta(phrase("plan.optional_left_out", count=left_out)))
    if plan.questions_to_rehearse:
        rehearse = []
        for q in plan.questions_to_rehearse:
            line: list[Inline] = [_one_line(q.text)]
            asker = plan.askers.get(q.full_id)
            if asker:
                line += [" ", Emphasis(f"({phrase('plan.likely_from', name=_one_line(asker))})")]
            rehearse.append(tuple(line))
        blocks += [
            _heading(level + 1, label=phrase("plan.rehearse")),
            ItemList(tuple(rehearse), ordered=True),
        ]
    if any(plan.questions_to_ask.values()):
        blocks.append(_heading(level + 1, label=phrase("plan.to_ask")))
        people = {person.name: person for person in interview.interviewers}
        for name, questions in plan.questions_to_ask.items():
            if questions:
                person = people.get(name)
                heading = _one_line(name)
                if person is not None:
                    key = "plan.person_titled" if person.title.strip() else "plan.person"
                    heading = phrase(
                        key,
                        name=heading,
                        title=_one_line(person.title),
                        audience=label_of(person.audience),
                    )
                blocks.append(Paragraph((Strong(heading),)))
                blocks.append(ItemList(tuple((_one_line(q.text),) for q in questions)))
    if plan.tips:
        tips = tuple((Strong(_one_line(t.title)),) for t in plan.tips)
        blocks += [_heading(level + 1, label=phrase("plan.tips")), ItemList(tips)]
    title = phrase("labelled", label=label, text=subject)
    return Document(title=title, blocks=tuple(blocks))


@_build.register
def _assessment(assessment: Assessment, level: int) -> Document:
    rubric = assessment.rubric
    label = phrase("assessment.title")
    blocks: list[Block] = [_heading(level, rubric.title, label)]
    if assessment.question is not None:
        text = _one_line(assessment.question.text)
        blocks.append(Meta(phrase("assessment.question", text=text)))
    needs_human = phrase("assessment.needs_human")
    share = f"{assessment.coverage:.0%}"
    if not assessment.answer.strip():
        blocks.append(Paragraph((Strong(phrase("assessment.empty")),)))
    elif assessment.total is None:
        blocks.append(Paragraph((Strong(phrase("assessment.no_total", share=share)),)))
    else:
        # One decimal: the scale is four levels, and a coach read "1.18" as more precise
        # than any rating is. The exact figure stays in Assessment.total and the JSON.
        total = f"{round(assessment.total, 1):g}"
        scale = phrase("assessment.scale", min=rubric.scale.min, max=rubric.scale.max)
        coverage = phrase("assessment.coverage", share=share)
        blocks.append(
            Paragraph((Strong(phrase("assessment.total", total=total)), f" {scale} ({coverage})"))
        )
    columns = (
        Column(phrase("assessment.criterion")),
        Column(phrase("assessment.score")),
        Column(phrase("assessment.evidence"), phrase("assessment.evidence_label")),
        Column(phrase("assessment.change"), phrase("assessment.change_label")),
    )
    rows = []
    for item in assessment.criteria:
        if item.score is None:
            score = _one_line(item.note) or needs_human
        elif item.level is not None:
            score = f"{item.score} {_one_line(item.level.label)}"
        else:
            score = str(item.score)
        evidence = _one_line("; ".join(item.evidence))
        cells = (_one_line(item.criterion.name), score, evidence, _one_line(item.suggestion))
        rows.append(tuple(_text(cell) for cell in cells))
    blocks.append(Table(columns, tuple(rows)))
    covered = [m for m in assessment.talking_points if m.found]
    for key, labels in (
        ("assessment.covered", [_one_line(m.signal.label) for m in covered]),
        ("assessment.missing", [_one_line(label) for label in assessment.missing_points]),
        ("assessment.red_flags", [_one_line(flag.label) for flag in assessment.flags]),
    ):
        if labels:
            blocks.append(Paragraph((Strong(phrase(key)),)))
            blocks.append(ItemList(tuple(_text(label) for label in labels)))
    if assessment.problems:
        blocks.append(Paragraph((Strong(phrase("assessment.problems")),)))
        blocks.append(ItemList(tuple(_text(_one_line(p.message)) for p in assessment.problems)))
    title = phrase("labelled", label=label, text=_one_line(rubric.title))
    return Document(title=title, blocks=tuple(blocks))


def _figure(value: float | None) -> str:
    """A statistic to two decimals (never ``-0.00``), or a dash for none."""
    if value is None:
        return "\u2013"
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _sentences(texts: Iterable[str]) -> str:
    """Texts run together as sentences, each ending in a full stop unless it has one."""
    return " ".join(t if t.rstrip().endswith((".", "!", "?")) else f"{t}." for t in texts)


def _agreement_table(first: str, rows: Iterable[tuple[str, Agreement]]) -> Table:
    """Agreement figures, one row each, as a grid under *first* and the figures' names."""
    names = [
        phrase(f"calibration.{key}")
        for key in ("n", "spearman", "kappa", "pairwise", "pairs", "error")
    ]
    columns = (Column(first), *(Column(name, name) for name in names))
    cells = tuple(
        tuple(
            _text(cell)
            for cell in (
                _one_line(name),
                str(agreement.n),
                _figure(agreement.spearman),
                _figure(agreement.kappa),
                _figure(agreement.pairwise),
                str(agreement.pairs),
                _figure(agreement.mean_absolute_error),
            )
        )
        for name, agreement in rows
    )
    return Table(columns, cells, grid=True)


def _answer_type_label(value: str) -> str:
    try:
        return label_of(AnswerType(value))
    except ValueError:
        return value


def _disagreements(items: Iterable[Disagreement], *, traps: bool) -> Table:
    """The answers graded far apart (or the traps let through), one row each."""
    lead = (Column(phrase("calibration.answer")), Column(phrase("calibration.question")))
    keys = ("trap", "machine") if traps else ("human", "machine", "reason", "suggestions")
    columns = (
        *lead,
        *(Column(phrase(f"calibration.{k}"), phrase(f"calibration.{k}_label")) for k in keys),
    )
    rows = []
    for item in items:
        values = {
            "trap": item.trap or "",
            "human": str(item.human),
            "machine": f"{item.machine:.2f}",
            "reason": item.reason,
            "suggestions": _sentences(item.suggestions),
        }
        question = item.question or phrase("calibration.own_text")
        cells = (item.id, question, *(values[key] for key in keys))
        rows.append(tuple(_text(_one_line(cell)) for cell in cells))
    return Table(columns, tuple(rows))


@_build.register
def _calibration(calibration: Calibration, level: int) -> Document:
    title = phrase("calibration.title")
    scored = calibration.labels - len(calibration.unscored)
    facts = [
        phrase("calibration.graded", count=calibration.labels),
        phrase("calibration.scored", count=scored),
    ]
    if calibration.unscored:
        ids = ", ".join(_one_line(label) for label in calibration.unscored)
        facts.append(phrase("calibration.unscored", ids=ids))
    overall = [(phrase("calibration.all"), calibration.overall)]
    by_type = [(_answer_type_label(t), a) for t, a in calibration.by_answer_type.items()]
    blocks: list[Block] = [
        _heading(level, label=title),
        ItemList(tuple(_text(fact) for fact in facts)),
        _agreement_table(phrase("calibration.answers"), overall + by_type),
    ]
    by_rubric: dict[str, list[tuple[str, Agreement]]] = {}
    for key, agreement in calibration.by_criterion.items():
        rubric, _, criterion = key.rpartition("#")
        by_rubric.setdefault(rubric, []).append((criterion, agreement))
    if by_rubric:
        blocks.append(_heading(level + 1, label=phrase("calibration.by_criterion")))
        for rubric, rows in by_rubric.items():
            blocks.append(_heading(level + 2, _one_line(rubric)))
            blocks.append(_agreement_table(phrase("assessment.criterion"), rows))
    if calibration.worst:
        blocks.append(_heading(level + 1, label=phrase("calibration.worst")))
        blocks.append(_disagreements(calibration.worst, traps=False))
    if calibration.traps_missed:
        blocks.append(_heading(level + 1, label=phrase("calibration.traps")))
        blocks.append(_disagreements(calibration.traps_missed, traps=True))
    return Document(title=title, blocks=tuple(blocks))


def document(obj: object, packs: Iterable[Pack | PackInfo] | None = None) -> Document:
    """
    The document for a model object, a pack, a plan, an assessment or an iterable of them.

    Packs, plans, assessments and calibrations start at heading level 1; anything else
    (a tip, a selection of questions) at level 2, so that it can sit under a page's own
    title.

    Args:
        obj: A :class:`Tip`, :class:`Question`, :class:`Checklist`,
            :class:`ChecklistItem`, :class:`Rubric`, :class:`Pack`,
            :class:`PrepPlan`, :class:`Assessment` or :class:`Calibration`, or an
            iterable of these.
        packs: The packs the items come from (such as ``library.packs``), or their
            manifests: an item whose source, licence or attribution differs from its
            pack's gets a line of its own, and the document ends with the credits of
            the packs its items come from. A pack is always credited, with or
            without them.

    Returns:
        The document.

    Raises:
        TypeError: For anything else, naming its type (a mapping is not taken for
            an iterable of its keys).
    """
    top = isinstance(obj, Pack | PrepPlan | Assessment | Calibration)
    infos = {
        info.name: info for info in (p.info if isinstance(p, Pack) else p for p in (packs or ()))
    }
    level = 1 if top else 2
    with _knowing(infos):
        built = _build(obj, level)
        if not infos or top or isinstance(obj, Credits) or _LATER.get():
            return built
        items = [obj] if not isinstance(obj, Iterable) else list(obj)
        names = dict.fromkeys(getattr(item, "pack", None) for item in items)
        credited = [infos[name] for name in names if name in infos]
        extra = _credits_blocks(credited, level)
    return Document(title=built.title, blocks=(*built.blocks, *extra))

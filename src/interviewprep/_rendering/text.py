"""
Rendering as plain text for a terminal.

Pack text is third-party text: :func:`for_terminal` removes terminal escape
sequences, control characters, bidirectional controls and zero-width characters,
so a pack can neither move the cursor, change colours, set the window title or the
clipboard, hide text, nor reorder what is shown. :func:`render_text` applies it to
everything it writes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ._document import (
    Block,
    Body,
    Code,
    Heading,
    Inline,
    ItemList,
    Link,
    Meta,
    Paragraph,
    Strong,
    Table,
    TaskList,
    Text,
    document,
    phrase,
    plain,
    speaking,
)
from ._markup import parse

if TYPE_CHECKING:
    from .._catalogue import Catalogue
    from .._model import Pack, PackInfo

__all__ = ["escape_for_terminal", "for_terminal", "render_text"]

# Escape sequences, each part a character class disjoint from the next, so a match
# never backtracks and a failed one stops at the next introducer:
# CSI (ESC [ or C1 CSI) with parameters, intermediates and a final byte; a control
# string (OSC, DCS, SOS, PM, APC, by ESC or C1) up to BEL or ST; any other ESC
# sequence. An unterminated control string loses only its introducer.
_INTRODUCERS = "\x07\x1b\x90\x98\x9c\x9d\x9e\x9f"
_SEQUENCES = re.compile(
    r"[\x1b][\[][0-?]*[ -/]*[@-~]"
    r"|[\x9b][0-?]*[ -/]*[@-~]"
    rf"|(?:[\x1b][\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^{_INTRODUCERS}]*(?:[\x07\x9c]|[\x1b][\\])"
    r"|[\x1b][ -/]*[0-~]?"
)
_UNPRINTABLE = {
    **dict.fromkeys(ch for ch in range(0x20) if ch not in (0x09, 0x0A)),
    **dict.fromkeys(range(0x7F, 0xA0)),
    # Bidirectional controls: embeddings, overrides, isolates and marks.
    **dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]),
    # Zero-width characters: spaces, joiners, the word joiner and invisible operators.
    **dict.fromkeys([0x200B, 0x200C, 0x200D, *range(0x2060, 0x2066), 0xFEFF]),
}
_LIST_INDENT = "  "


def for_terminal(text: str) -> str:
    """
    Make text safe to print on a terminal.

    Removes escape sequences (CSI, OSC including OSC 8 hyperlinks and OSC 52
    clipboard writes, DCS and the other control strings, in their ESC and C1
    forms), every C0 and C1 control character except newline and tab (so also BEL,
    backspace and carriage return), the bidirectional controls (U+202A-U+202E,
    U+2066-U+2069, U+200E, U+200F, U+061C) and zero-width characters (U+200B-U+200D,
    U+2060-U+2065, U+FEFF). Takes time linear in the length of *text*.

    Args:
        text: Any text.

    Returns:
        The text without them.
    """
    return _SEQUENCES.sub("", text).translate(_UNPRINTABLE)


def escape_for_terminal(text: str, form: str) -> str:
    """
    Write every character :func:`for_terminal` removes as an escape instead.

    For formats that can name any character without containing it (JSON's
    ``\\u001b``, HTML's ``&#x1b;``), so the text stays lossless and still cannot act
    on a terminal: without its ESC, an escape sequence is inert text.

    Args:
        text: Text in such a format.
        form: How to write a character, given its code point: ``"\\u{:04x}"``.

    Returns:
        The text with those characters escaped.
    """
    return text.translate({code: form.format(code) for code in _UNPRINTABLE})


def _words(text: Iterable[Inline]) -> str:
    """Inline text as words to read: no markers, each link's target after its text."""
    parts: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, Code):
            parts.append(piece.text)
        elif isinstance(piece, Link):
            label = _words(piece.content)
            parts.append(label if label == piece.target else f"{label} ({piece.target})")
        else:
            parts.append(_words(piece.content))
    return "".join(parts)


_BREAKING_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """
    Fill *text* into lines of at most *width* characters.

    The first line starts with *first* and the others with *rest*, so a bullet's
    continuation lines can hang under its text. A word longer than a line is cut.
    What a terminal would act on is removed first, so that it takes no room.
    """
    lines: list[str] = []
    line: list[str] = []
    indent, size = first, len(first)
    # Split at breaking spaces only: a no-break space (French « », the space before
    # ? : ; !) keeps its words together, as it is meant to.
    for word in _BREAKING_SPACE.split(for_terminal(text)):
        if not word:
            continue
        room = width - size - (1 if line else 0)
        if len(word) > room and line:
            lines.append(indent + " ".join(line))
            line, indent, size = [], rest, len(rest)
            room = width - size
        cut = 0
        while len(word) - cut > room:
            lines.append(indent + word[cut : cut + max(room, 1)])
            cut += max(room, 1)
            indent, size = rest, len(rest)
            room = width - size
        if cut:
            word = word[cut:]
        size += len(word) + (1 if line else 0)
        line.append(word)
    if line or not lines:
        lines.append(indent + " ".join(line))
    return lines


def _items(markers: Iterable[str], items: Iterable[str], width: int) -> list[str]:
    lines: list[str] = []
    for marker, item in zip(markers, items, strict=False):
        first = f"{_LIST_INDENT}{marker} "
        lines += _wrap(item, width, first, " " * len(first))
    return lines


def _heading(block: Heading) -> str:
    text = plain(block.text)
    if block.label:
        label = block.label.upper()
        return phrase("labelled", label=label, text=text) if text else label
    return text.upper() if block.level <= 2 and text.isascii() else text


def _row(table: Table, row: tuple[Text, ...], width: int) -> list[str]:
    """A table row as lines: its unlabelled cells as "a b: c", then "label: value" lines."""
    cells = [(column, _words(cell)) for column, cell in zip(table.columns, row, strict=False)]
    lead = [value for column, value in cells if not column.label and value]
    text = "".join(lead)
    if len(lead) > 1:
        text = phrase("labelled", label=" ".join(lead[:-1]), text=lead[-1])
    lines = _wrap(text, width, _LIST_INDENT, _LIST_INDENT * 2)
    for column, value in cells:
        if column.label and value:
            line = phrase("labelled", label=column.label, text=value)
            lines += _wrap(line, width, _LIST_INDENT * 2, _LIST_INDENT * 3)
    return lines


def _grid(table: Table) -> list[str]:
    """The table as a header line and a line per row, its columns two spaces apart."""
    cells = [
        [for_terminal(column.header) for column in table.columns],
        *([for_terminal(_words(cell)) for cell in row] for row in table.rows),
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.columns))]
    return [
        "  ".join(cell.ljust(size) for cell, size in zip(row, widths, strict=False)).rstrip()
        for row in cells
    ]


def _table(table: Table, width: int) -> list[str]:
    if table.grid and table.rows:
        grid = _grid(table)
        if max(map(len, grid)) <= width:
            return grid
    labelled = any(column.label for column in table.columns)
    lines: list[str] = []
    for row in table.rows:
        if lines and labelled:
            lines.append("")
        lines += _row(table, row, width)
    return lines


def _expanded(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks with each Markdown body read into paragraphs and lists."""
    for block in blocks:
        if isinstance(block, Body):
            yield from parse(block.markdown)
        else:
            yield block


def _lines(block: Block, width: int) -> list[str]:
    if isinstance(block, Heading):
        return _wrap(_heading(block), width)
    if isinstance(block, Paragraph):
        return _wrap(_words(block.text), width)
    if isinstance(block, Meta):
        return _wrap(f"[{_words(block.text)}]", width, _LIST_INDENT, _LIST_INDENT)
    if isinstance(block, ItemList):
        count = len(block.items)
        markers = [f"{block.start + n}." for n in range(count)] if block.ordered else ["-"] * count
        return _items(markers, (_words(item) for item in block.items), width)
    if isinstance(block, TaskList):
        texts = (_words(item.text) for item in block.items)
        return _items(("[ ]" for _ in block.items), texts, width)
    if isinstance(block, Table):
        return _table(block, width)
    return _layout(parse(block.markdown), width)


def _is_label(block: Block) -> bool:
    """Whether *block* is a paragraph of one bold phrase, a label for what follows."""
    return (
        isinstance(block, Paragraph) and len(block.text) == 1 and isinstance(block.text[0], Strong)
    )


def _layout(blocks: Iterable[Block], width: int) -> list[str]:
    """
    The lines of *blocks*, a blank line between two blocks.

    No blank line follows a heading or comes before a metadata line, and none
    separates a paragraph from the list it introduces, or a list from a bold label
    that introduces the next one (the people in a plan's questions to ask).
    """
    lines: list[str] = []
    previous: Block | None = None
    for block in _expanded(blocks):
        joined = (
            previous is None
            or isinstance(previous, Heading)
            or isinstance(block, Meta)
            or (isinstance(previous, Paragraph) and isinstance(block, ItemList | TaskList))
            or (isinstance(previous, ItemList | TaskList) and _is_label(block))
        )
        if not joined:
            lines.append("")
        lines += _lines(block, width)
        previous = block
    return lines


def render_text(
    obj: object,
    width: int | None = None,
    *,
    catalogue: Catalogue | None = None,
    packs: Iterable[Pack | PackInfo] | None = None,
) -> str:
    """
    Render a model object, a pack, a plan, an assessment or an iterable of them as plain text.

    Markdown reads as prose: no emphasis markers, and each link's target in
    parentheses after its text. Lines are wrapped to *width*; the continuation lines
    of a list item hang under its text, not under its bullet. Everything is passed
    through :func:`for_terminal`, so no escape sequence or control character from a
    pack reaches the terminal.

    Args:
        obj: What :func:`render_markdown` accepts.
        width: The line width; the terminal's width (at most 100) by default, and
            never less than 20.
        catalogue: The library's own words (headings, labels, dates), such as
            ``interviewprep.catalogue("de")``; English by default.
        packs: The packs the items come from (such as ``library.packs``) or their
            manifests, to credit them: each item whose source, licence or
            attribution differs from its pack's gets a line of its own, and the
            output ends with the credits of the packs of its items. A pack is
            always credited.

    Returns:
        Plain text ending in one newline.

    Raises:
        TypeError: For an object it cannot render, naming its type.
    """
    if width is None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 100)
    with speaking(catalogue):
        lines = _layout(document(obj, packs).blocks, max(width, 20))
        return for_terminal("\n".join(lines)) + "\n"

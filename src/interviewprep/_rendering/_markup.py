"""
A pack's Markdown read into document blocks, in time linear in its length.

Only what guidance text needs is understood: paragraphs, bulleted and numbered lists,
code spans, strong and plain emphasis, inline links and backslash escapes. Anything
else (headings, tables, raw HTML, reference links) stays as the text it is written
as. The inline scanner walks the text once, jumping from one marker character to the
next; it never searches back, and every lookahead stops at a character that the
next lookahead cannot start before, so no input makes it slow.
"""

from __future__ import annotations

import re
import unicodedata

from ._document import Code, Emphasis, Inline, ItemList, Link, Paragraph, Strong, Text

__all__ = ["parse", "parse_inline"]

# A run of one marker character, or a whole inline link: ``[text](target)``, whose
# target runs up to its last ``)`` before white space, a bracket or an angle bracket.
# Each part stops at a character the next part cannot start with, so a failed try
# costs no more than the text up to the next bracket.
_MARKERS = re.compile(r"\\+|`+|\*+|_+|\[([^\[\]]*)\]\(([^\s\[\]<>]*)\)")
_BACKTICKS = re.compile(r"`+")
_ITEM = re.compile(r"(?:[-*+]|(\d{1,9})[.)])(?=[ \t])")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _punctuation(char: str) -> bool:
    if char.isascii():
        return char in _ASCII_PUNCTUATION
    return unicodedata.category(char)[0] in "PS"


def _merged(pieces: list[Inline]) -> Text:
    """The pieces with neighbouring strings joined and empty ones left out."""
    if len(pieces) == 1:
        return tuple(pieces) if pieces[0] != "" else ()
    out: list[Inline] = []
    strings: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            strings.append(piece)
            continue
        if strings:
            out.append("".join(strings))
            strings.clear()
        out.append(piece)
    if strings:
        out.append("".join(strings))
    return tuple(piece for piece in out if piece != "")


def _target_end(text: str, start: int, last: int) -> int | None:
    """The ``)`` that closes a link target starting at *start*, at or before *last*."""
    depth, position = 0, start
    while True:
        close = text.find(")", position, last + 1)
        if close < 0:
            return None
        depth += text.count("(", position, close)
        if depth == 0:
            return close
        depth -= 1
        position = close + 1


class _Scanner:
    """One pass over one paragraph's text."""

    __slots__ = ("emphasis", "out", "pending", "runs", "text", "used")

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Inline] = []
        # Where the text not yet copied to out starts.
        self.pending = 0
        # Open emphasis by marker ("*", "**", "_", "__"): its placeholder's index in out.
        self.emphasis: dict[str, int] = {}
        # Backtick runs by length (found at the first backtick), and how many of each
        # length lie behind the scanner.
        self.runs: dict[int, list[int]] | None = None
        self.used: dict[int, int] = {}

    def _flush(self, index: int, then: int) -> None:
        """Copy the text before *index* to out; go on from *then*."""
        if index > self.pending:
            self.out.append(self.text[self.pending : index])
        self.pending = then

    def scan(self) -> Text:
        text = self.text
        search = _MARKERS.search
        position = 0
        while True:
            found = search(text, position)
            if found is None:
                break
            index, run_end = found.span()
            char = text[index]
            if char == "[":
                position = self._link(found)
            elif char == "\\":
                position = self._backslashes(index, run_end)
            elif char == "`":
                position = self._code(index, run_end)
            else:
                self._delimiters(index, run_end)
                position = run_end
        self._flush(len(text), len(text))
        return _merged(self.out)

    def _link(self, found: re.Match[str]) -> int:
        index = found.start()
        target = found.start(2)
        close = _target_end(self.text, target, found.end(2))
        if close is None:
            return index + 1
        label = found.group(1)
        content = parse_inline(label)
        self._flush(index, close + 1)
        self.out.append(Link(content, _UNESCAPE.sub(r"\1", self.text[target:close])))
        return close + 1

    def _backslashes(self, index: int, run_end: int) -> int:
        count = run_end - index
        escaped = self.text[run_end : run_end + 1]
        escapes = count % 2 == 1 and escaped != "" and escaped in _ASCII_PUNCTUATION
        if count == 1 and not escapes:
            return run_end
        self._flush(index, run_end)
        self.out.append("\\" * (count // 2 + (count % 2 if not escapes else 0)))
        if escapes:
            self.out.append(escaped)
            self.pending = run_end + 1
        return self.pending

    def _code(self, index: int, run_end: int) -> int:
        length = run_end - index
        if self.runs is None:
            self.runs = {}
            for match in _BACKTICKS.finditer(self.text):
                self.runs.setdefault(match.end() - match.start(), []).append(match.start())
        starts = self.runs.get(length, [])
        used = self.used.get(length, 0)
        while used < len(starts) and starts[used] < run_end:
            used += 1
        self.used[length] = used
        if used == len(starts):
            return run_end
        close = starts[used]
        code = self.text[run_end:close]
        if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip(" "):
            code = code[1:-1]
        self._flush(index, close + length)
        self.out.append(Code(code))
        return close + length

    def _flanks(self, index: int, run_end: int) -> tuple[bool, bool]:
        """Whether a delimiter run can open, and whether it can close, emphasis."""
        text = self.text
        before = text[index - 1] if index > 0 else " "
        after = text[run_end] if run_end < len(text) else " "
        left = not after.isspace() and (
            not _punctuation(after) or before.isspace() or _punctuation(before)
        )
        right = not before.isspace() and (
            not _punctuation(before) or after.isspace() or _punctuation(after)
        )
        if text[index] == "_":
            return (
                left and (not right or _punctuation(before)),
                right and (not left or _punctuation(after)),
            )
        return left, right

    def _delimiters(self, index: int, run_end: int) -> None:
        if run_end - index > 2:
            return
        marker = self.text[index:run_end]
        out, emphasis = self.out, self.emphasis
        start = emphasis.get(marker)
        if start is not None:
            if not self._flanks(index, run_end)[1]:
                return
            self._flush(index, run_end)
            content = _merged(out[start + 1 :])
            del out[start:]
            if len(emphasis) == 1:
                emphasis.clear()
            else:
                for other, at in list(emphasis.items()):
                    if at >= start:
                        del emphasis[other]
            out.append(Strong(content) if len(marker) == 2 else Emphasis(content))
        elif self._flanks(index, run_end)[0]:
            self._flush(index, run_end)
            out.append(marker)
            emphasis[marker] = len(out) - 1


def parse_inline(text: str) -> Text:
    """
    The inline pieces of one paragraph of Markdown.

    Args:
        text: The paragraph, its lines joined by spaces.

    Returns:
        Plain strings, :class:`Code`, :class:`Strong`, :class:`Emphasis` and
        :class:`Link` pieces. Markers that open nothing stay as text.
    """
    if _MARKERS.search(text) is None:
        return (text,) if text else ()
    return _Scanner(text).scan()


def parse(markdown: str) -> tuple[Paragraph | ItemList, ...]:
    """
    Paragraphs and lists of a pack's Markdown.

    A blank line ends a paragraph. A line starting with ``-``, ``*`` or ``+`` and a
    space, or with a number, ``.`` or ``)`` and a space, starts a list item; the
    lines after it, up to a blank line, continue it. Indentation is ignored, so
    nested lists read as one list.

    Args:
        markdown: The Markdown.

    Returns:
        The blocks, in order.
    """
    blocks: list[Paragraph | ItemList] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    ordered, start, gap = False, 1, False

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph(parse_inline(" ".join(paragraph))))
            paragraph.clear()

    def end_list() -> None:
        if items:
            parsed = tuple(parse_inline(" ".join(item)) for item in items)
            blocks.append(ItemList(parsed, ordered=ordered, start=start))
            items.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            end_paragraph()
            gap = True
            continue
        marker = _ITEM.match(line)
        number = marker.group(1) if marker is not None else None
        # A numbered item interrupts a paragraph only when it starts at 1, as in CommonMark.
        if marker is not None and (not paragraph or number is None or int(number) == 1):
            end_paragraph()
            if items and ordered != (number is not None):
                end_list()
            if not items:
                ordered = number is not None
                start = int(number) if number is not None else 1
            items.append([line[marker.end() :].strip()])
        elif items and not gap:
            items[-1].append(line)
        else:
            end_list()
            paragraph.append(line)
        gap = False
    end_paragraph()
    end_list()
    return tuple(blocks)

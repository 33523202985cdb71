"""
Rendering as Markdown.

Plain strings (titles, question texts, labels) are backslash-escaped, so they read
as text whatever they hold. A pack's Markdown (tip bodies, guidance, descriptions)
is kept as written, with two repairs that make it safe to hand to a Markdown
renderer: raw HTML is escaped (``<script>`` comes out as ``\\<script>``), and links
whose target is not ``http``, ``https`` or ``mailto`` (``javascript:``, ``data:``,
``vbscript:``, relative targets) are broken into plain text. Both repairs scan the
text once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._document import (
    SAFE_SCHEMES,
    Block,
    Body,
    Code,
    Emphasis,
    Heading,
    Inline,
    ItemList,
    Link,
    Meta,
    Paragraph,
    Strong,
    TaskList,
    document,
    phrase,
    safe_target,
    speaking,
)

if TYPE_CHECKING:
    from .._catalogue import Catalogue
    from .._model import Pack, PackInfo

__all__ = ["render_markdown", "sanitize"]

# Characters that mean something in Markdown: escaped in plain strings.
_ESCAPE = re.compile(r"[\\`*_\[\]<>#|~]")
# An ``&`` that would start a character reference such as ``&lt;`` or ``&#60;``.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]{1,32};)")
# Markers that would start a list, a quote or a heading underline at a line's start.
_LEAD = re.compile(r"[-+>=]|\d{1,9}[.)]")
_BACKTICKS = re.compile(r"`+")
# In pack Markdown, the places a backslash must go: before a "<" that opens a tag, a
# comment, a declaration or an autolink (unless it is an autolink to a safe target),
# and before a "]" that closes a link or a link reference definition (unless a safe
# target follows), when that character is not escaped yet. The match is empty, at the
# start of the even run of backslashes before the character, so the replacement is a
# constant. Every quantifier stops at a character the next part cannot start with, so
# no match backtracks beyond one run.
_SAFE = "|".join(re.escape(scheme) for scheme in SAFE_SCHEMES)
_UNSAFE = re.compile(
    rf"""
    (?<!\\)
    (?=
        (?:\\\\)*
        (?:
            < (?=[A-Za-z/!?])
              (?! (?i:{_SAFE}) [^\s<>\x00-\x1f\x7f]* > )
          | \] (?=[(:])
              (?! [(:] [\ \t\r\n]* <? (?i:{_SAFE}) )
        )
    )
    """,
    re.VERBOSE,
)


def _plain(text: str) -> str:
    """A plain string backslash-escaped, so that Markdown shows it as it is."""
    return _ENTITY.sub(r"\\&", _ESCAPE.sub(r"\\\g<0>", text))


def sanitize(markdown: str) -> str:
    """
    Make a pack's Markdown inert: escape raw HTML and break links to unsafe targets.

    A ``<`` that would open a tag, a comment or an autolink gets a backslash (an
    autolink to an ``http``, ``https`` or ``mailto`` target is kept). A ``]`` that
    would close a link or a link reference definition gets a backslash unless the
    target after it is ``http``, ``https`` or ``mailto``. Code spans get the same
    treatment, which shows as a stray backslash there, but no raw HTML can slip
    through a span a Markdown renderer reads differently.

    Args:
        markdown: The Markdown.

    Returns:
        The same Markdown, safe to render.
    """
    return _UNSAFE.sub(r"\\", markdown)


def _code(text: str) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _inline(text: Iterable[Inline]) -> str:
    parts: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(_plain(piece))
        elif isinstance(piece, Strong):
            parts.append(f"**{_inline(piece.content)}**")
        elif isinstance(piece, Emphasis):
            parts.append(f"*{_inline(piece.content)}*")
        elif isinstance(piece, Code):
            parts.append(_code(piece.text))
        elif isinstance(piece, Link) and safe_target(piece.target):
            target = piece.target.replace("\\", "%5C").replace(" ", "%20")
            target = target.replace("(", "%28").replace(")", "%29")
            parts.append(f"[{_inline(piece.content)}]({target})")
        else:
            parts.append(_inline(piece.content))
    return "".join(parts)


def _line(text: Iterable[Inline]) -> str:
    """Inline text that starts a line: a leading list or quote marker is escaped."""
    rendered = _inline(text)
    lead = _LEAD.match(rendered)
    if lead is not None:
        return f"{rendered[: lead.end() - 1]}\\{rendered[lead.end() - 1 :]}"
    return rendered


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        text = _inline(block.text)
        if block.label:
            label = _inline((block.label,))
            text = phrase("labelled", label=label, text=text) if text else label
        return f"{'#' * min(block.level, 6)} {text}"
    if isinstance(block, Paragraph):
        return _line(block.text)
    if isinstance(block, Meta):
        return f"*{_inline(block.text)}*"
    if isinstance(block, Body):
        return sanitize(block.markdown)
    if isinstance(block, ItemList):
        marker = f"{block.start}." if block.ordered else "-"
        return "\n".join(f"{marker} {_line(item)}" for item in block.items)
    if isinstance(block, TaskList):
        return "\n".join(f"- [ ] {_line(item.text)}" for item in block.items)
    header = " | ".join(_inline((column.header,)) for column in block.columns)
    rule = " | ".join("---" for _ in block.columns)
    rows = [f"| {' | '.join(_inline(cell) for cell in row)} |" for row in block.rows]
    return "\n".join([f"| {header} |", f"| {rule} |", *rows])


def render_markdown(
    obj: object,
    *,
    catalogue: Catalogue | None = None,
    packs: Iterable[Pack | PackInfo] | None = None,
) -> str:
    """
    Render a model object, a pack, a plan, an assessment or an iterable of them as Markdown.

    Plain text (titles, question texts, labels) is escaped, so it reads as text. A
    pack's Markdown (tip bodies, guidance, descriptions) is kept, except that raw
    HTML is escaped (``<script>`` becomes ``\\<script>``) and links to targets other
    than ``http``, ``https`` and ``mailto`` (``javascript:``, ``data:``,
    ``vbscript:``) are broken into plain text, so the result is safe to hand to a
    Markdown renderer.

    Args:
        obj: A :class:`Tip`, :class:`Question`, :class:`Checklist`,
            :class:`ChecklistItem`, :class:`Rubric`, :class:`Pack`,
            :class:`PrepPlan` or :class:`Assessment`, or an iterable of these
            (such as ``library.questions.filter(kind="behavioral")``).
        catalogue: The library's own words (headings, labels, dates), such as
            ``interviewprep.catalogue("de")``; English by default.
        packs: The packs the items come from (such as ``library.packs``) or their
            manifests, to credit them: each item whose source, licence or
            attribution differs from its pack's gets a line of its own, and the
            output ends with the credits of the packs of its items. A pack is
            always credited.

    Returns:
        Markdown text ending in one newline. Checklist items and plan tasks are
        task-list entries (``- [ ]``), so the output prints as a checklist.

    Raises:
        TypeError: For an object it cannot render, naming its type.
    """
    with speaking(catalogue):
        blocks = document(obj, packs).blocks
        return "\n\n".join(_block(block) for block in blocks) + "\n"

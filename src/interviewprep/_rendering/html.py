"""
Rendering as HTML, from the document structure (never by re-reading Markdown output).

Every piece of content is escaped, so each of its characters shows as written
(backslashes included) and none of it becomes markup: raw HTML in a pack comes out
as text, and a link stays a link only when its target is ``http``, ``https`` or
``mailto``. A page carries a Content-Security-Policy that allows its inline style
and nothing else, and has no scripts.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._document import (
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
from ._markup import parse

if TYPE_CHECKING:
    from .._catalogue import Catalogue
    from .._model import Pack, PackInfo

__all__ = ["render_html"]

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3,h4{line-height:1.2}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem}
.meta{color:#555;font-style:italic}.overdue{color:#a00;font-weight:bold}li{margin:.2rem 0}
.tasks{list-style:none;padding-left:0}
"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _inline(text: Iterable[Inline]) -> str:
    parts: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(_escape(piece))
        elif isinstance(piece, Strong):
            parts.append(f"<strong>{_inline(piece.content)}</strong>")
        elif isinstance(piece, Emphasis):
            parts.append(f"<em>{_inline(piece.content)}</em>")
        elif isinstance(piece, Code):
            parts.append(f"<code>{_escape(piece.text)}</code>")
        elif isinstance(piece, Link) and safe_target(piece.target):
            target = _escape(piece.target)
            parts.append(f'<a href="{target}" rel="nofollow noopener">{_inline(piece.content)}</a>')
        else:
            parts.append(_inline(piece.content))
    return "".join(parts)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        text = _inline(block.text)
        if block.label:
            label = _escape(block.label)
            text = phrase("labelled", label=label, text=text) if text else label
        return f"<h{level}>{text}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_inline(block.text)}</p>"
    if isinstance(block, Meta):
        return f'<p class="meta">{_inline(block.text)}</p>'
    if isinstance(block, Body):
        return "\n".join(_block(part) for part in parse(block.markdown))
    if isinstance(block, ItemList):
        items = "".join(f"<li>{_inline(item)}</li>" for item in block.items)
        if not block.ordered:
            return f"<ul>{items}</ul>"
        start = f' start="{block.start}"' if block.start != 1 else ""
        return f"<ol{start}>{items}</ol>"
    if isinstance(block, TaskList):
        tasks = []
        for item in block.items:
            css = ' class="overdue"' if item.overdue else ""
            tasks.append(f'<li{css}><input type="checkbox" disabled> {_inline(item.text)}</li>')
        return f'<ul class="tasks">{"".join(tasks)}</ul>'
    header = "".join(f"<th>{_escape(column.header)}</th>" for column in block.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>"
        for row in block.rows
    )
    return f"<table><tr>{header}</tr>{rows}</table>"


def render_html(
    obj: object,
    *,
    fragment: bool = False,
    catalogue: Catalogue | None = None,
    packs: Iterable[Pack | PackInfo] | None = None,
) -> str:
    """
    Render a model object, a pack, a plan, an assessment or an iterable of them as HTML.

    The page is self-contained (an inline style, no scripts, no external
    resources) and its Content-Security-Policy allows nothing else. Every piece of
    content is escaped: raw HTML in a pack comes out as text, every character
    survives as written, and links keep only ``http``, ``https`` and ``mailto``
    targets (``javascript:``, ``data:`` and other links become plain text).

    Args:
        obj: What :func:`render_markdown` accepts.
        fragment: Return only the body's content, to embed in an app's own page.
        catalogue: The library's own words (headings, labels, dates), such as
            ``interviewprep.catalogue("de")``; English by default. The page's
            ``lang`` is the catalogue's language.
        packs: The packs the items come from (such as ``library.packs``) or their
            manifests, to credit them: each item whose source, licence or
            attribution differs from its pack's gets a line of its own, and the
            output ends with the credits of the packs of its items. A pack is
            always credited.

    Returns:
        The HTML page, titled after *obj* (a pack's title, a plan's "Prep plan:
        role at company", a tip's title), or the fragment.

    Raises:
        TypeError: For an object it cannot render, naming its type.
    """
    with speaking(catalogue) as words:
        doc = document(obj, packs)
        body = "\n".join(_block(block) for block in doc.blocks)
    if fragment:
        return f"{body}\n" if body else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_escape(words.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_escape(doc.title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )

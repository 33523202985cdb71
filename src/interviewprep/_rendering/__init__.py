"""
Renderers: Markdown, plain text for a terminal, HTML and iCalendar.

Each renderer but iCalendar works from one document structure
(:mod:`._document`), built per type. Every fixed word comes from the catalogue a
render function is given (English by default); see :mod:`interviewprep._catalogue`.
"""

from __future__ import annotations

from ._document import Credits, arranged, credited_later
from .html import render_html
from .ics import plan_to_ics
from .markdown import render_markdown
from .text import escape_for_terminal, for_terminal, render_text

__all__ = [
    "Credits",
    "arranged",
    "credited_later",
    "escape_for_terminal",
    "for_terminal",
    "plan_to_ics",
    "render_html",
    "render_markdown",
    "render_text",
]

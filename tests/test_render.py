"""Rendering as Markdown, plain text and HTML; untrusted content comes out inert."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import (
    Checklist,
    ChecklistItem,
    Library,
    Pack,
    PackInfo,
    Question,
    Tip,
    build_plan,
    load_library,
    render_html,
    render_markdown,
    render_text,
)
from interviewprep import testing as strategies
from interviewprep._interview import Interview

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(document.cookie))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '"><svg onload=alert(1)>',
    "<a href='javascript:alert(1)'>x</a>",
    "<iframe src=//evil.example></iframe>",
    "**bold** <b onmouseover=alert(1)>hover</b>",
]
TERMINAL = [
    "\x1b[2J\x1b[H",  # clear screen, cursor home
    "\x1b]0;pwned\x07",  # set window title
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "\x1b[31mred\x1b[0m",
    "\x9b31m",  # C1 CSI
    "back\x08\x08space",
    "bell\x07",
]
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "a",
    "table",
    "tr",
    "th",
    "td",
    "input",
}


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_inert(page: str) -> None:
    parser = TagCollector()
    parser.feed(page)
    for tag, attributes in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None
                assert value.startswith(("http://", "https://", "mailto:")), value


def hostile_pack(payload: str) -> Pack:
    return Pack(
        info=PackInfo(name="evil", version="1.0", title=payload, description=payload),
        tips=[Tip(id="t", title=payload, body=f"Intro {payload} end", topic="fit")],
        questions=[
            Question(
                id="q",
                text=payload,
                asked_by="interviewer",
                kind="behavioral",
                intent="fit",
                guidance=payload,
                pitfalls=[payload],
                follow_ups=[payload],
            )
        ],
        checklists=[
            Checklist(
                id="c", title=payload, stage="after", items=[ChecklistItem(id="i", text=payload)]
            )
        ],
    )


class TestHtml:
    @pytest.mark.parametrize("payload", XSS)
    def test_xss_payloads_are_inert(self, payload: str) -> None:
        """Known XSS payloads in any field come out escaped: no script, handler or bad link."""
        page = render_html(hostile_pack(payload))
        assert_inert(page)
        assert "<script" not in page.lower().replace("&lt;script", "")

    def test_safe_links_survive(self) -> None:
        """https links in Markdown stay links; the page is self-contained."""
        tip = Tip(
            id="t", title="T", body="See [the guide](https://example.org/guide).", topic="fit"
        )
        page = render_html(tip)
        assert '<a href="https://example.org/guide" rel="nofollow noopener">the guide</a>' in page
        assert "Content-Security-Policy" in page
        assert "<link" not in page

    @given(strategies.packs(max_items=2))
    def test_any_pack_renders_inert(self, pack: Pack) -> None:
        """Any valid pack renders to a page with only allowed tags and safe links."""
        assert_inert(render_html(pack))


class TestText:
    @pytest.mark.parametrize("payload", TERMINAL)
    def test_terminal_escapes_are_stripped(self, payload: str) -> None:
        """Escape sequences and control characters never reach the terminal."""
        out = render_text(hostile_pack(payload), width=80)
        assert "\x1b" not in out
        assert "\x9b" not in out
        assert all(ch in "\n\t" or (ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F) for ch in out)

    @given(st.text())
    def test_any_text_is_clean(self, text: str) -> None:
        """Whatever a pack says, the rendered text holds no control characters."""
        tip = Tip(
            id="t",
            title=text if text.strip() else "t",
            body=text if text.strip() else "b",
            topic="fit",
        )
        out = render_text(tip, width=60)
        assert all(ch in "\n\t" or (ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F) for ch in out)

    def test_wraps_to_width(self) -> None:
        """Plain text wraps to the given width."""
        tip = Tip(id="t", title="T", body="word " * 100, topic="fit")
        assert max(len(line) for line in render_text(tip, width=40).splitlines()) <= 40


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(packs=["core"], strict=True)


class TestMarkdown:
    def test_every_model_renders(self, library: Library) -> None:
        """Markdown renders every item of the core pack, and the pack itself."""
        for kind in ("tips", "questions", "checklists", "rubrics"):
            for item in getattr(library, kind):
                assert render_markdown(item).strip()
        text = render_markdown(library.packs[0])
        assert text.startswith("# Second-interview essentials")

    def test_plan_is_a_printable_checklist(self, library: Library) -> None:
        """A plan in Markdown is a dated task list with checkboxes."""
        interview = Interview(company="Acme", role="Analyst", when=dt.datetime(2026, 12, 3, 10))
        text = render_markdown(build_plan(library, interview, today=dt.date(2026, 12, 1)))
        boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
        assert len(boxes) == len(build_plan(library, interview, today=dt.date(2026, 12, 1)).tasks)
        assert "**overdue**" in text

    def test_unknown_object(self) -> None:
        """Rendering something that is not content is a TypeError."""
        with pytest.raises(TypeError, match="cannot render int"):
            render_markdown(3)


class TestPlainText:
    def test_markdown_markers_are_read_as_text(self) -> None:
        """Plain text drops emphasis markers and spells links out."""
        tip = Tip(
            id="t",
            title="T",
            body="**Why:** it *matters*; see [the guide](https://example.org) and `the file`.",
            topic="fit",
        )
        out = render_text(tip, width=200)
        assert "Why: it matters; see the guide (https://example.org) and the file." in out

    def test_long_marker_runs_stay_fast_and_intact(self) -> None:
        """Unclosed markers are left as they are (and cost linear time)."""
        body = "**" + "a " * 20_000
        out = render_text(Tip(id="t", title="T", body=body, topic="fit"), width=80)
        assert out.count("**") == 1

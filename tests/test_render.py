"""Rendering as Markdown, plain text and HTML; untrusted content comes out inert."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import (
    Checklist,
    ChecklistItem,
    Interview,
    Interviewer,
    Library,
    Pack,
    PackInfo,
    Question,
    Tip,
    assess,
    build_plan,
    load_library,
    plan_to_ics,
    render_html,
    render_markdown,
    render_text,
)
from interviewprep import catalogue as make_catalogue
from interviewprep import testing as strategies
from interviewprep._catalogue import ENGLISH
from interviewprep._rendering import for_terminal
from interviewprep._rendering.markdown import sanitize
from packtools import PACK_SETTINGS
from wording import content, english_left, german_plan

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

    @PACK_SETTINGS
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
        """A plan in Markdown is a dated task list with checkboxes: the essential steps,
        with the optional ones counted; the full plan has a box for every task."""
        interview = Interview(company="Acme", role="Analyst", when=dt.datetime(2026, 12, 3, 10))
        late = dt.datetime(2026, 12, 3, 12)  # the interview has begun: steps before are late
        plan = build_plan(library, interview, today=late)
        text = render_markdown(plan)
        boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
        essential = [t for t in plan.tasks if not t.optional]
        assert 0 < len(boxes) <= len(essential) < len(plan.tasks)
        assert "**overdue**" in text
        optional = len({(t.source, t.stage) for t in plan.tasks if t.optional})
        assert f"Plus {optional} optional steps" in text
        full = render_markdown(build_plan(library, interview, today=late, brief=False))
        every = [line for line in full.splitlines() if line.startswith("- [ ] ")]
        assert len(every) == len({(t.source, t.stage) for t in plan.tasks}) > len(boxes)
        assert "optional steps" not in full

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


def tip(body: str = "Body.", title: str = "T") -> Tip:
    return Tip(id="t", title=title, body=body, topic="research", pack="demo")


def commonmark_html(markdown: str) -> str:
    """Markdown rendered by an independent CommonMark parser with raw HTML and every link on."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    parser.validateLink = lambda url: True
    return str(parser.render(markdown))


def assert_inert_markdown(markdown: str) -> None:
    """No raw HTML and no link but http, https or mailto, as a CommonMark parser reads it."""
    parser = TagCollector()
    parser.feed(commonmark_html(markdown))
    allowed = ALLOWED_TAGS | {"pre", "blockquote", "hr", "br", "thead", "tbody", "img"}
    for tag, attributes in parser.tags:
        assert tag in allowed, (tag, markdown)
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value is not None
                assert value.startswith(("http://", "https://", "mailto:")), (value, markdown)


HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<!-- hidden --> <?php ?> <!DOCTYPE x> <![CDATA[x]]>",
    "\\<script>alert(1)</script>",
    "\\\\<script>alert(1)</script>",
    "`x\\`<img src=x onerror=alert(1)>",
    "[a](x`<img src=x onerror=alert(1)>`)",
    "| `x | <img src=x onerror=alert(1)> | ` |\n| --- | --- | --- |",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(document.cookie))",
    "[click]( javascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](javascript&#58;alert(1))",
    "[click](java\\script:alert(1))",
    "[click]\n(javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:msgbox(1))",
    "![img](javascript:alert(1))",
    "[a [nested] b](javascript:alert(1))",
    "[click][x]\n\n[x]: javascript:alert(1)",
    "[click][x]\n\n[x]:\n  javascript:alert(1)",
    "[x]\n\n[x]: <javascript:alert(1)>",
    "<javascript:alert(1)>",
    "[ok](https://example.org) and [bad](javascript:alert(1))",
]


class TestMarkdownSafety:
    @pytest.mark.parametrize("payload", HOSTILE_MARKDOWN)
    def test_hostile_bodies_are_inert(self, payload: str) -> None:
        """Raw HTML and unsafe links in a body are inert to an independent CommonMark parser."""
        assert_inert_markdown(render_markdown(tip(body=f"Intro {payload} end")))

    @pytest.mark.parametrize("payload", XSS)
    def test_hostile_packs_are_inert(self, payload: str) -> None:
        """Known XSS payloads in any field of a pack are inert in the Markdown."""
        assert_inert_markdown(render_markdown(hostile_pack(payload)))

    def test_raw_html_is_escaped(self) -> None:
        """Raw HTML in a body or a title is backslash-escaped, not dropped."""
        text = render_markdown(tip(body="Say <script>alert(1)</script>.", title="<b>T</b>"))
        assert "## \\<b\\>T\\</b\\>" in text
        assert "Say \\<script>alert(1)\\</script>." in text
        assert not re.search(r"(?<!\\)<[A-Za-z/!?]", text)

    def test_unsafe_links_are_broken(self) -> None:
        """A javascript: link is no longer a link; an https link is kept as written."""
        body = "See [the guide](https://example.org/guide) or [click](javascript:alert(1))."
        text = render_markdown(tip(body=body))
        assert "[the guide](https://example.org/guide)" in text
        assert "[click\\](javascript:alert(1))" in text
        html = commonmark_html(text)
        assert '<a href="https://example.org/guide">the guide</a>' in html
        assert "javascript" not in html.split("click", 1)[0]

    def test_safe_autolinks_are_kept(self) -> None:
        """An autolink to an https target stays an autolink."""
        text = render_markdown(tip(body="Go to <https://example.org/x>."))
        assert "<https://example.org/x>" in text

    def test_comparison_signs_are_left_alone(self) -> None:
        """A '<' that cannot open a tag is left as written."""
        assert "a < b and 3 <= 4" in render_markdown(tip(body="a < b and 3 <= 4"))

    @given(
        st.lists(
            st.sampled_from(
                [
                    "<",
                    ">",
                    "[",
                    "]",
                    "(",
                    ")",
                    "`",
                    "``",
                    "\\",
                    ":",
                    "!",
                    "*",
                    "_",
                    "|",
                    "-",
                    " ",
                    "\n",
                    "\n\n",
                    "&",
                    "#",
                    ";",
                    "script",
                    "img",
                    "a",
                    "x",
                    "/",
                    "javascript:",
                    "data:",
                    "https://e.org",
                    "<!--",
                    "onerror=alert(1)",
                ]
            ),
            max_size=40,
        ).map("".join)
    )
    def test_any_body_is_inert(self, body: str) -> None:
        """Whatever Markdown a body holds, the output carries no raw HTML and no unsafe link."""
        assert_inert_markdown(sanitize(body))

    @given(st.text())
    def test_sanitize_is_idempotent(self, body: str) -> None:
        """Sanitising twice changes nothing more than sanitising once."""
        assert sanitize(sanitize(body)) == sanitize(body)


class TestHtmlDocument:
    def test_backslashes_survive(self) -> None:
        """Every backslash of the content survives, in titles and bodies."""
        page = render_html(tip(title="Save to C:\\temp", body="Copy C:\\temp\\new to D:\\"))
        assert "<title>Save to C:\\temp</title>" in page
        assert "<h2>Save to C:\\temp</h2>" in page
        assert "<p>Copy C:\\temp\\new to D:\\</p>" in page

    def test_markdown_escapes_are_read(self) -> None:
        """A backslash escape in a body shows the character it escapes."""
        assert "<p>2 * 3 and *not emphasis*</p>" in render_html(
            tip(body="2 \\* 3 and \\*not emphasis\\*"), fragment=True
        )

    @pytest.mark.parametrize("payload", HOSTILE_MARKDOWN)
    def test_hostile_bodies_are_inert(self, payload: str) -> None:
        """Raw HTML and unsafe links in a body come out as text."""
        page = render_html(tip(body=f"Intro {payload} end", title=payload))
        assert_inert(page)
        assert "<script" not in page.lower()

    def test_unsafe_links_keep_their_text(self) -> None:
        """A javascript: link becomes its text; an https link stays a link."""
        body = "[click](javascript:alert(1)) and [guide](https://example.org)"
        fragment = render_html(tip(body=body), fragment=True)
        assert "<p>click and " in fragment
        assert '<a href="https://example.org" rel="nofollow noopener">guide</a>' in fragment
        assert "javascript" not in fragment

    def test_fragment_is_the_body_only(self) -> None:
        """fragment=True gives the body's content: no document, head, title or style."""
        fragment = render_html(tip(), fragment=True)
        page = render_html(tip())
        assert fragment.startswith("<h2>T</h2>")
        for part in ("<!DOCTYPE", "<html", "<head", "<title", "<style", "<body"):
            assert part not in fragment
        assert f"<body>\n{fragment}</body>" in page

    def test_page_keeps_its_policy(self) -> None:
        """The page has its strict Content-Security-Policy and no script."""
        page = render_html(tip())
        assert "content=\"default-src 'none'; style-src 'unsafe-inline'\"" in page
        assert "<script" not in page

    def test_page_title_comes_from_the_object(self, library: Library) -> None:
        """The page's title is the pack's, the plan's, the tip's or the assessment's."""
        interview = Interview(company="Acme", role="Analyst", when=dt.datetime(2026, 12, 3, 10))
        plan = build_plan(library, interview, today=dt.date(2026, 12, 1))
        rubric = library.rubrics["core/star-answer"]
        titles: list[tuple[object, str]] = [
            (library.packs[0], "Second-interview essentials"),
            (plan, "Prep plan: Analyst at Acme"),
            (tip(title="Research <them>"), "Research &lt;them&gt;"),
            (assess("I did it.", rubric), f"Assessment: {rubric.title}"),
            ((tip(title="One"), tip(title="Two")), "One and 1 more"),
        ]
        for obj, title in titles:
            assert f"<title>{title}</title>" in render_html(obj)

    def test_overdue_tasks_are_marked(self, library: Library) -> None:
        """An overdue task of a plan is a list item with the overdue class."""
        interview = Interview(company="Acme", role="Analyst", when=dt.datetime(2026, 12, 3, 10))
        page = render_html(build_plan(library, interview, today=dt.datetime(2026, 12, 3, 12)))
        assert '<li class="overdue"><input type="checkbox" disabled>' in page

    @pytest.mark.parametrize(
        "body",
        [
            "| --- |",
            "| a | b |\n| --- | --- |\n| 1 | 2 |",
            "|---|\n|---|",
            "# Heading\n\n---\n\n> quote\n\n```\ncode\n```",
            "- \n-\n1.\n2) x\n   - nested",
            "[a](b)(c) [](https://x) [x]() ![img](https://e.org/i.png)",
        ],
    )
    def test_odd_markdown_renders(self, body: str) -> None:
        """Tables, rules, fences and odd lists in a body render in every format."""
        pack = Pack(info=PackInfo(name="demo", version="1.0", title="Odd"), tips=[tip(body=body)])
        assert_inert(render_html(pack))
        assert render_markdown(pack).startswith("# Odd")
        assert render_text(pack, width=40).startswith("ODD")


class TestUnknownObjects:
    @pytest.mark.parametrize(
        ("render", "obj", "name"),
        [
            (render_html, {"a": 1}, "dict"),
            (render_text, 42, "int"),
            (render_markdown, "text", "str"),
            (render_html, [tip(), {"a": 1}], "dict"),
            (render_text, None, "NoneType"),
        ],
    )
    def test_type_errors_name_the_type(
        self, render: Callable[[object], str], obj: object, name: str
    ) -> None:
        """Rendering something that is not content names the type it cannot render."""
        with pytest.raises(TypeError, match=rf"cannot render {name}\b"):
            render(obj)

    def test_iterables_render_each_item(self) -> None:
        """A generator or a tuple of items renders each of them."""
        items = (tip(title=t) for t in ("One", "Two"))
        assert render_markdown(items).count("## ") == 2


UNSAFE_CHARACTERS = [
    *(chr(c) for c in range(0x20) if c not in (0x09, 0x0A)),
    *(chr(c) for c in range(0x7F, 0xA0)),
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    *"\u200b\u200c\u200d\u2060\ufeff",
]


def assert_terminal_safe(text: str) -> None:
    assert not set(text) & set(UNSAFE_CHARACTERS), [ch for ch in text if ch in UNSAFE_CHARACTERS]


class TestForTerminal:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("\x1b[2J\x1b[Hclear", "clear"),
            ("\x1b[38;5;196mred\x1b[0m", "red"),
            ("\x1b]0;pwned\x07title", "title"),
            ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
            ("\x1b]52;c;cm0gLXJmIH4=\x07paste", "paste"),
            ("\x1bP1$r0m\x1b\\dcs", "dcs"),
            ("\x9b31mc1\x9b0m", "c1"),
            ("\x9d0;title\x9cosc", "osc"),
            ("\x1b(Bcharset\x1bc", "charset"),
            ("ring\x07\x07", "ring"),
            ("back\x08\x08space\rreturn", "backspacereturn"),
            ("tab\tand\nnewline", "tab\tand\nnewline"),
            ("\u202eevil\u202c \u2066iso\u2069 \u200fmark", "evil iso mark"),
            ("zero\u200bwidth\u200c\u200d\u2060\ufeff", "zerowidth"),
            ("unterminated \x1b]0;title", "unterminated 0;title"),
            ("C:\\temp", "C:\\temp"),
        ],
    )
    def test_removes_what_a_terminal_would_act_on(self, text: str, expected: str) -> None:
        """Escape sequences, controls, bidi and zero-width characters go; the text stays."""
        assert for_terminal(text) == expected

    @given(st.text())
    def test_any_text_comes_out_safe(self, text: str) -> None:
        """Nothing a terminal would act on survives, whatever the input."""
        assert_terminal_safe(for_terminal(text))

    @pytest.mark.parametrize("unit", ["\x1b]", "\x90", "\x9b", "\x1b[", "\x1b]a\x1b"])
    def test_piles_of_unterminated_introducers(self, unit: str) -> None:
        """Introducers never terminated leave safe text (``benchmarks.rendering`` times them)."""
        assert_terminal_safe(for_terminal(unit * 20_000))


class TestTextLayout:
    @pytest.mark.parametrize("char", UNSAFE_CHARACTERS)
    def test_unsafe_characters_never_reach_the_terminal(self, char: str) -> None:
        """Control, bidi and zero-width characters are gone from every field."""
        out = render_text(hostile_pack(f"safe{char}text {char}"), width=60)
        assert_terminal_safe(out)
        assert "safe" in out

    def test_bullets_hang(self) -> None:
        """A wrapped bullet's continuation lines align under its text, not its bullet."""
        question = Question(
            id="q",
            text="Q?",
            asked_by="interviewer",
            kind="behavioral",
            intent="fit",
            pitfalls=["word " * 30],
            follow_ups=["more " * 30],
        )
        lines = render_text(question, width=40).splitlines()
        bullet = lines.index(next(line for line in lines if line.startswith("  - ")))
        assert lines[bullet + 1].startswith("    word")
        number = lines.index(next(line for line in lines if line.startswith("  1. ")))
        assert lines[number + 1].startswith("     more")
        assert all(len(line) <= 40 for line in lines)

    def test_body_lists_hang(self) -> None:
        """A list in a body is a list in plain text too, with hanging lines."""
        out = render_text(tip(body=f"Intro:\n\n- {'word ' * 20}\n- short"), width=40)
        assert "Intro:\n  - word word" in out
        assert "\n    word" in out
        assert "\n  - short" in out

    def test_tasks_hang(self) -> None:
        """A checklist's wrapped tasks hang under their text."""
        checklist = Checklist(
            id="c",
            title="C",
            stage="after",
            items=[ChecklistItem(id="i", text="word " * 20, due="PT4H", optional=True)],
        )
        out = render_text(checklist, width=40)
        assert out.startswith("C\n  [ ] word word")
        assert "\n      word" in out
        assert out.rstrip().endswith("\n      hours after the start (optional)")

    def test_long_words_are_cut(self) -> None:
        """A word longer than a line is cut to fit the width."""
        out = render_text(tip(body="x" * 100), width=30)
        assert all(len(line) <= 30 for line in out.splitlines())
        assert out.count("x") == 100


class TestPhrases:
    def test_fixed_words_come_from_the_catalogue(self, library: Library) -> None:
        """Another catalogue changes every heading and label of every renderer."""
        marked = {key: f"«{value}»" for key, value in ENGLISH.items()}
        words = make_catalogue("qaa", extra=[("qaa", marked)])
        interview = Interview(
            company="Acme",
            role="Analyst",
            when=dt.datetime(2026, 12, 3, 10),
            interviewers=[Interviewer(name="Dana", audience="peer")],
        )
        plan = build_plan(library, interview, today=dt.date(2026, 12, 1))
        markdown = render_markdown(plan, catalogue=words)
        text = render_text(plan, catalogue=words)
        page = render_html(plan, catalogue=words)
        for phrase in ("Questions to rehearse (and who will likely ask)", "Before the interview"):
            assert f"«{phrase}»" in markdown
            assert f"«{phrase}»" in page
            assert f"«{phrase.upper()}»" in text
            assert f" {phrase}" not in markdown + text + page
        assert '<html lang="qaa">' in page
        assert "«Thu» 03 «Dec» 2026" in markdown


#: The shapes ``benchmarks.rendering`` times at 1 MB, here at 100 KB.
ADVERSARIAL = {
    "brackets": "[" * 100_000,
    "stars": "*" * 100_000,
    "backticks": "`" * 100_000,
    "open links": "[a](" * 25_000,
    "underscores": "_" * 100_000,
    "table rules": "| --- |\n" * 12_500,
    "angle brackets": "<" * 100_000,
    "nested brackets": "[" * 50_000 + "]" * 50_000,
    "nested links": "[a" * 25_000 + "](x)" * 12_500,
    "backslashes": "\\" * 100_000,
    "close brackets": "](" * 50_000,
}
RENDERERS: dict[str, Callable[[object], str]] = {
    "markdown": render_markdown,
    "text": lambda obj: render_text(obj, width=80),
    "html": render_html,
}


class TestHostileMarkdown:
    """How long these take is measured in ``benchmarks.rendering``, never timed here."""

    @pytest.mark.parametrize("renderer", RENDERERS)
    @pytest.mark.parametrize("shape", ADVERSARIAL)
    def test_piles_of_markers_keep_their_text(self, shape: str, renderer: str) -> None:
        """100 KB of one Markdown marker in a tip body renders, and its text is kept."""
        body = ADVERSARIAL[shape]
        out = RENDERERS[renderer](tip(body=body))
        assert len(out) >= len(body.strip()) // 2


class TestGermanPlan:
    """A German plan is German throughout: content from core-de, words from the catalogue."""

    @pytest.mark.parametrize("fmt", ["text", "md", "html"])
    def test_no_english_word_of_the_library(self, fmt: str) -> None:
        """Headings, labels, weekdays, months and offsets are German; none is English."""
        plan = german_plan()
        words = make_catalogue("de")
        output = {
            "text": lambda: render_text(plan, width=80, catalogue=words),
            "md": lambda: render_markdown(plan, catalogue=words),
            "html": lambda: render_html(plan, catalogue=words),
        }[fmt]()
        assert english_left(output, fmt, content(plan)) == []
        for german in ("Vorbereitungsplan", "Fragen zum Üben", "Do., 3. Dez. 2026, 10:00"):
            assert german in output or german.upper() in output
        assert "Videogespräch" in output
        assert "einstellende Führungskraft" in output

    @pytest.mark.parametrize("fmt", ["text", "md", "html"])
    def test_the_same_plan_in_english_is_found_out(self, fmt: str) -> None:
        """Without a catalogue the plan speaks English, and the check above sees it."""
        plan = german_plan()
        output = {"text": render_text, "md": render_markdown, "html": render_html}[fmt](plan)
        left = english_left(output, fmt, content(plan))
        assert {"Prep plan", "What matters most", "Thu", "Dec", "hiring manager"} <= set(left)

    def test_page_language(self) -> None:
        """The page's lang is the catalogue's language."""
        plan = german_plan()
        assert '<html lang="de">' in render_html(plan, catalogue=make_catalogue("de-AT"))
        assert '<html lang="en">' in render_html(plan)

    def test_calendar(self) -> None:
        """The iCalendar export takes its words from the catalogue too."""
        plan = german_plan()
        calendar = plan_to_ics(plan, catalogue=make_catalogue("de"))
        unfolded = calendar.replace("\r\n ", "")
        assert "SUMMARY:Zweites Vorstellungsgespräch: Senior data analyst bei Northwind" in unfolded
        assert "CATEGORIES:VOR DEM GESPRÄCH" in unfolded
        assert "Second interview" not in unfolded
        assert "CATEGORIES:BEFORE" in plan_to_ics(plan)

    def test_every_renderer_takes_a_catalogue(self) -> None:
        """Each public renderer has a keyword-only catalogue, None (English) by default."""
        import inspect

        for function in (render_markdown, render_text, render_html, plan_to_ics):
            parameter = inspect.signature(function).parameters["catalogue"]
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
            assert parameter.default is None

    def test_one_render_does_not_change_the_next(self) -> None:
        """The catalogue holds for one call only: the next call without one is English."""
        plan = german_plan()
        assert "Vorbereitungsplan" in render_markdown(plan, catalogue=make_catalogue("de"))
        assert "Prep plan" in render_markdown(plan)

    def test_labels_of_question_metadata(self) -> None:
        """A question's kind, side and intent are labelled in the catalogue's words."""
        question = Question(
            id="q",
            text="Erzählen Sie von einem Fehler.",
            asked_by="interviewer",
            kind="behavioral",
            intent="can-do",
        )
        german = render_text(question, catalogue=make_catalogue("de"))
        assert "verhaltensbezogen, wird Ihnen gestellt; prüft: Können" in german
        assert "behavioural, asked of you; checks: can do" in render_text(question)
        to_ask = Question(id="a", text="Wie sieht ein typischer Tag aus?", asked_by="candidate")
        assert "[stellen Sie]" in render_text(to_ask, catalogue=make_catalogue("de"))

    def test_a_total_is_shown_to_one_decimal(self, library: Library) -> None:
        """A coach read "1.18 of 4" as more precise than a four-level rating is; the
        exact figure stays in the assessment."""
        rubric = library.rubrics["core/star-answer"]
        result = attrs.evolve(
            assess("I led the migration and cut costs by 20%.", rubric), total=1.18
        )
        assert "Total: 1.2 on a scale of 1-4" in render_text(result)
        assert "1.18" not in render_markdown(result)
        assert "Total: 3 on a scale" in render_text(attrs.evolve(result, total=3.0))

    def test_german_assessment_headings(self, library: Library) -> None:
        """An assessment's headings and labels are German."""
        rubric = library.rubrics["core/star-answer"]
        result = assess("I led the migration and cut costs by 20%.", rubric)
        text = render_text(result, catalogue=make_catalogue("de"))
        assert text.startswith("EINSCHÄTZUNG: ")
        assert "Gesamt: " in text
        assert "Assessment" not in text
        assert "Total:" not in text

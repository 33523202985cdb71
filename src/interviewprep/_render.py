"""
Rendering content as Markdown and as plain text for a terminal.

Pack text is third-party text: plain-text output strips control characters and
terminal escape sequences, so a pack cannot move the cursor, change colours or
rewrite the screen.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import textwrap
from collections.abc import Iterable
from typing import Any

from ._model import Checklist, ChecklistItem, Pack, Question, Rubric, Tip

__all__ = ["render_html", "render_markdown", "render_text"]

# ESC-based sequences (CSI, OSC, and two-character escapes), then any other C0/C1 control
# character except newline and tab.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """
    Remove terminal escape sequences and control characters (keeping newlines and tabs).
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def _offset(delta: dt.timedelta) -> str:
    if delta == dt.timedelta(0):
        return "at the start"
    after = delta > dt.timedelta(0)
    delta = abs(delta)
    days, seconds = delta.days, delta.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    amount = " ".join(parts) or "moments"
    return f"{amount} after the start" if after else f"{amount} before"


def _labels(values: Iterable[Any]) -> str:
    return ", ".join(sorted(str(v) for v in values))


def _md(text: str) -> str:
    """Markdown-escape a single-line value written into Markdown structure."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))


# -- Markdown --------------------------------------------------------------------------


def _md_tip(tip: Tip, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(tip.title)}", "", tip.body.strip(), ""]
    meta = [f"topic: {tip.topic}"]
    if tip.stages:
        meta.append(f"stages: {_labels(tip.stages)}")
    if tip.audiences:
        meta.append(f"audiences: {_labels(tip.audiences)}")
    lines += [f"*{'; '.join(meta)}*", ""]
    return lines


def _md_question(question: Question, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(question.text)}", ""]
    side = "asked of you" if question.asked_by == "interviewer" else "for you to ask"
    lines += [f"*{question.kind}, {side}; checks: {question.intent}*", ""]
    if question.guidance.strip():
        lines += [question.guidance.strip(), ""]
    if question.pitfalls:
        lines += ["Pitfalls:", "", *(f"- {_md(p)}" for p in question.pitfalls), ""]
    if question.follow_ups:
        lines += ["Likely follow-ups:", "", *(f"1. {_md(f)}" for f in question.follow_ups), ""]
    return lines


def _md_item(item: ChecklistItem) -> str:
    when = f" — {_offset(item.due)}" if item.due is not None else ""
    optional = " (optional)" if item.optional else ""
    return f"- [ ] {_md(item.text)}{when}{optional}"


def _md_checklist(checklist: Checklist, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(checklist.title)}", ""]
    lines += [_md_item(item) for item in checklist.items]
    return [*lines, ""]


def _md_rubric(rubric: Rubric, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md(rubric.title)}", ""]
    if rubric.description.strip():
        lines += [rubric.description.strip(), ""]
    for criterion in rubric.criteria:
        weight = f" (weight {criterion.weight:g})" if criterion.weight != 1 else ""
        lines += [f"{'#' * (level + 1)} {_md(criterion.name)}{weight}", ""]
        if criterion.description.strip():
            lines += [criterion.description.strip(), ""]
        lines += ["| Score | Level | What it sounds like |", "| --- | --- | --- |"]
        for lvl in sorted(criterion.levels, key=lambda x: x.score):
            lines.append(f"| {lvl.score} | {_md(lvl.label)} | {_md(lvl.anchor)} |")
        lines.append("")
    return lines


def _md_pack(pack: Pack, level: int) -> list[str]:
    info = pack.info
    lines = [f"{'#' * level} {_md(info.title)}", ""]
    if info.description.strip():
        lines += [" ".join(info.description.split()), ""]
    lines += [f"*{info.name} {info.version} · {info.language}*", ""]
    sections: list[tuple[str, Iterable[Any]]] = [
        ("Tips", pack.tips),
        ("Questions you may be asked", [q for q in pack.questions if q.asked_by == "interviewer"]),
        ("Questions to ask", [q for q in pack.questions if q.asked_by == "candidate"]),
        ("Checklists", pack.checklists),
        ("Rubrics", pack.rubrics),
    ]
    for heading, items in sections:
        items = list(items)
        if items:
            lines += [f"{'#' * (level + 1)} {heading}", ""]
            for item in items:
                lines += _markdown_lines(item, level + 2)
    return lines


def _when(moment: dt.datetime) -> str:
    text = moment.strftime("%a %d %b %Y, %H:%M")
    return f"{text} {moment.tzname()}" if moment.tzinfo is not None and moment.tzname() else text


def _md_plan(plan: Any, level: int) -> list[str]:
    from ._vocabulary import Stage

    interview = plan.interview
    h = "#" * level
    lines = [f"{h} Prep plan: {_md(interview.role)} at {_md(interview.company)}", ""]
    lines.append(
        f"*{_when(interview.when)} · {interview.format} · plan made {plan.today.isoformat()}*"
    )
    lines.append("")
    if interview.interviewers:
        lines += [f"{h}# Who you will meet", ""]
        for person in interview.interviewers:
            title = f", {_md(person.title)}" if person.title else ""
            lines.append(f"- {_md(person.name)}{title} ({person.audience})")
        lines.append("")
    names = {Stage.BEFORE: "Before", Stage.DURING: "During", Stage.AFTER: "After"}
    for stage in Stage:
        tasks = plan.tasks_for(stage)
        if not tasks:
            continue
        lines += [f"{h}# {names[stage]} the interview", ""]
        for task in tasks:
            flags = [" **overdue**" if task.overdue else "", " (optional)" if task.optional else ""]
            lines.append(f"- [ ] {_when(task.due)} — {_md(task.text)}{''.join(flags)}")
        lines.append("")
    if plan.questions_to_rehearse:
        lines += [f"{h}# Questions to rehearse", ""]
        lines += [f"1. {_md(q.text)} *({q.kind})*" for q in plan.questions_to_rehearse]
        lines.append("")
    if any(plan.questions_to_ask.values()):
        lines += [f"{h}# Questions to ask", ""]
        for name, questions in plan.questions_to_ask.items():
            if questions:
                lines += [f"**{_md(name)}**", ""]
                lines += [f"- {_md(q.text)}" for q in questions]
                lines.append("")
    if plan.tips:
        lines += [f"{h}# Tips", ""]
        lines += [f"- **{_md(t.title)}** ({t.topic})" for t in plan.tips]
        lines.append("")
    return lines


def _md_assessment(assessment: Any, level: int) -> list[str]:
    h = "#" * level
    rubric = assessment.rubric
    lines = [f"{h} Assessment: {_md(rubric.title)}", ""]
    if assessment.question is not None:
        lines += [f"*Question: {_md(assessment.question.text)}*", ""]
    total = "needs a human rating" if assessment.total is None else f"{assessment.total:g}"
    lines += [f"**Total: {total}** on a scale of {rubric.scale.min}-{rubric.scale.max}", ""]
    lines += ["| Criterion | Score | Evidence | What to change |", "| --- | --- | --- | --- |"]
    for item in assessment.criteria:
        if item.score is None:
            score = _md(item.note or "needs a human rating")
        else:
            label = f" {_md(item.level.label)}" if item.level is not None else ""
            score = f"{item.score}{label}"
        evidence = _md("; ".join(item.evidence))
        lines.append(
            f"| {_md(item.criterion.name)} | {score} | {evidence} | {_md(item.suggestion)} |"
        )
    return [*lines, ""]


def _markdown_lines(obj: Any, level: int) -> list[str]:
    from ._assessment import Assessment
    from ._planning import PrepPlan

    if isinstance(obj, PrepPlan):
        return _md_plan(obj, level)
    if isinstance(obj, Assessment):
        return _md_assessment(obj, level)
    if isinstance(obj, Tip):
        return _md_tip(obj, level)
    if isinstance(obj, Question):
        return _md_question(obj, level)
    if isinstance(obj, Checklist):
        return _md_checklist(obj, level)
    if isinstance(obj, Rubric):
        return _md_rubric(obj, level)
    if isinstance(obj, Pack):
        return _md_pack(obj, level)
    if isinstance(obj, ChecklistItem):
        return [_md_item(obj), ""]
    if hasattr(obj, "__iter__") and not isinstance(obj, str | bytes):
        lines: list[str] = []
        for item in obj:
            lines += _markdown_lines(item, level)
        return lines
    msg = f"cannot render {type(obj).__name__} as Markdown"
    raise TypeError(msg)


def render_markdown(obj: Any) -> str:
    """
    Render a model object, a pack, or an iterable of them (a library selection) as Markdown.

    Args:
        obj: A :class:`Tip`, :class:`Question`, :class:`Checklist`,
            :class:`ChecklistItem`, :class:`Rubric`, :class:`Pack`, or an iterable
            of these (such as ``library.questions.filter(kind="behavioral")``).

    Returns:
        Markdown text ending in one newline. Checklist items are task-list entries
        (``- [ ]``), so the output prints as a checklist.

    Raises:
        TypeError: For an object it cannot render.
    """
    from ._assessment import Assessment
    from ._planning import PrepPlan

    top = isinstance(obj, Pack | PrepPlan | Assessment)
    lines = _markdown_lines(obj, 1 if top else 2)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


# -- plain text ------------------------------------------------------------------------


_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__|`)(.+?)\1|(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])")


def _plain(markdown: str) -> str:
    """Markdown as a person would read it aloud: no emphasis markers, links spelled out."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", markdown)
    return _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    text = _plain(text)
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        joined = " ".join(paragraph.split())
        if not joined:
            continue
        if out:
            out.append("")
        out += textwrap.wrap(
            joined, width=width, initial_indent=indent, subsequent_indent=indent
        ) or [indent]
    return out


def _text_plan(plan: Any, width: int) -> list[str]:
    from ._vocabulary import Stage

    interview = plan.interview
    lines = [f"PREP PLAN: {interview.role} at {interview.company}"]
    lines.append(f"{_when(interview.when)}, {interview.format}; plan made {plan.today.isoformat()}")
    for person in interview.interviewers:
        title = f", {person.title}" if person.title else ""
        lines.append(f"  meeting {person.name}{title} ({person.audience})")
    for stage in Stage:
        tasks = plan.tasks_for(stage)
        if tasks:
            lines += ["", f"{stage.value.upper()} THE INTERVIEW"]
            for task in tasks:
                flag = " [OVERDUE]" if task.overdue else ""
                optional = " [optional]" if task.optional else ""
                lines += _wrap(f"[ ] {_when(task.due)}: {task.text}{flag}{optional}", width, "  ")
    if plan.questions_to_rehearse:
        lines += ["", "QUESTIONS TO REHEARSE"]
        for number, question in enumerate(plan.questions_to_rehearse, start=1):
            lines += _wrap(f"{number}. {question.text} ({question.kind})", width, "  ")
    if any(plan.questions_to_ask.values()):
        lines += ["", "QUESTIONS TO ASK"]
        for name, questions in plan.questions_to_ask.items():
            if questions:
                lines.append(f"  {name}:")
                for question in questions:
                    lines += _wrap(f"- {question.text}", width, "    ")
    if plan.tips:
        lines += ["", "TIPS"]
        for tip in plan.tips:
            lines += _wrap(f"- {tip.title}", width, "  ")
    return [*lines, ""]


def _text_assessment(assessment: Any, width: int) -> list[str]:
    rubric = assessment.rubric
    total = "needs a human rating" if assessment.total is None else f"{assessment.total:g}"
    lines = [
        f"ASSESSMENT: {rubric.title}",
        f"Total: {total} (scale {rubric.scale.min}-{rubric.scale.max})",
    ]
    for item in assessment.criteria:
        if item.score is None:
            lines += ["", f"  {item.criterion.name}: {item.note or 'needs a human rating'}"]
        else:
            label = f" ({item.level.label})" if item.level is not None else ""
            lines += ["", f"  {item.criterion.name}: {item.score}{label}"]
        for evidence in item.evidence:
            lines += _wrap(f"evidence: {evidence}", width, "    ")
        if item.suggestion:
            lines += _wrap(f"to improve: {item.suggestion}", width, "    ")
    return [*lines, ""]


def _text_lines(obj: Any, width: int) -> list[str]:
    from ._assessment import Assessment
    from ._planning import PrepPlan

    if isinstance(obj, PrepPlan):
        return _text_plan(obj, width)
    if isinstance(obj, Assessment):
        return _text_assessment(obj, width)
    if isinstance(obj, Tip):
        lines = [obj.title.upper() if obj.title.isascii() else obj.title, *_wrap(obj.body, width)]
        return [*lines, f"  [{obj.topic}; {_labels(obj.stages) or 'any stage'}]", ""]
    if isinstance(obj, Question):
        lines = _wrap(obj.text, width)
        side = "asked of you" if obj.asked_by == "interviewer" else "to ask"
        lines.append(f"  [{obj.kind}, {side}; checks {obj.intent}]")
        if obj.guidance.strip():
            lines += ["", *_wrap(obj.guidance, width, "  ")]
        if obj.pitfalls:
            lines += ["", "  Pitfalls:"]
            for pitfall in obj.pitfalls:
                lines += _wrap(f"- {pitfall}", width, "    ")
        if obj.follow_ups:
            lines += ["", "  Likely follow-ups:"]
            for follow_up in obj.follow_ups:
                lines += _wrap(f"- {follow_up}", width, "    ")
        return [*lines, ""]
    if isinstance(obj, ChecklistItem):
        when = f" ({_offset(obj.due)})" if obj.due is not None else ""
        optional = " [optional]" if obj.optional else ""
        return _wrap(f"[ ] {obj.text}{when}{optional}", width, "  ")
    if isinstance(obj, Checklist):
        lines = [obj.title.upper() if obj.title.isascii() else obj.title]
        for item in obj.items:
            lines += _text_lines(item, width)
        return [*lines, ""]
    if isinstance(obj, Rubric):
        lines = [obj.title.upper() if obj.title.isascii() else obj.title]
        if obj.description.strip():
            lines += _wrap(obj.description, width)
        for criterion in obj.criteria:
            lines += ["", f"  {criterion.name} (weight {criterion.weight:g})"]
            for level in sorted(criterion.levels, key=lambda x: x.score):
                lines += _wrap(f"{level.score} {level.label}: {level.anchor}", width, "    ")
        return [*lines, ""]
    if isinstance(obj, Pack):
        info = obj.info
        lines = [f"{info.title} ({info.name} {info.version}, {info.language})", ""]
        for kind in ("tips", "questions", "checklists", "rubrics"):
            for item in getattr(obj, kind):
                lines += _text_lines(item, width)
        return lines
    if hasattr(obj, "__iter__") and not isinstance(obj, str | bytes):
        lines = []
        for item in obj:
            lines += _text_lines(item, width)
        return lines
    msg = f"cannot render {type(obj).__name__} as text"
    raise TypeError(msg)


def render_text(obj: Any, width: int | None = None) -> str:
    """
    Render a model object, a pack or a selection as plain text for a terminal.

    Control characters and terminal escape sequences in the content are removed.

    Args:
        obj: What :func:`render_markdown` accepts.
        width: The line width; the terminal's width (at most 100) by default.

    Returns:
        Wrapped plain text ending in one newline.

    Raises:
        TypeError: For an object it cannot render.
    """
    if width is None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 100)
    width = max(width, 20)
    lines = _text_lines(obj, width)
    while lines and not lines[-1]:
        lines.pop()
    return clean("\n".join(lines)) + "\n"


# -- HTML ---------------------------------------------------------------------------------

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3,h4{line-height:1.2}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem}
.meta{color:#555;font-style:italic}.overdue{color:#a00;font-weight:bold}li{margin:.2rem 0}
"""


def _safe_url(url: str) -> str | None:
    """The URL if it uses a safe scheme; ``None`` for javascript:, data: and the like."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    lowered = cleaned.lower()
    if lowered.startswith(_SAFE_SCHEMES):
        return cleaned
    return None


def _inline_html(text: str) -> str:
    """Escape *text*, then apply a small safe Markdown subset (code, bold, italics, links)."""
    import html

    escaped = html.escape(text, quote=True)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    escaped = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped)
    escaped = re.sub(r"(?<![*\w])\*([^*]+)\*(?!\w)", r"<em>\1</em>", escaped)

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), html.unescape(match.group(2))
        url = _safe_url(target)
        if url is None:
            return label
        return f'<a href="{html.escape(url, quote=True)}" rel="nofollow noopener">{label}</a>'

    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", link, escaped)


_BULLET = re.compile(r"^(?:[-*]|\d+\.)\s+")


def _block_html(markdown: str) -> str:
    """Paragraphs and bullet lists of a Markdown text, escaped."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{_inline_html(_BULLET.sub('', line))}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{_inline_html(' '.join(lines))}</p>")
    return "\n".join(out)


def _html_body(obj: Any) -> tuple[str, str]:
    """The page title and body for *obj*, built from its Markdown rendering."""
    markdown = render_markdown(obj)
    title = "interviewprep"
    parts: list[str] = []
    table: list[str] = []

    def flush_table() -> None:
        if not table:
            return
        rows = [row for row in table if not re.fullmatch(r"\|( *-+ *\|)+", row)]
        cells = [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]
        head, *body = cells
        html_rows = ["<tr>" + "".join(f"<th>{_inline_html(c)}</th>" for c in head) + "</tr>"]
        html_rows += [
            "<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in row) + "</tr>" for row in body
        ]
        parts.append("<table>" + "".join(html_rows) + "</table>")
        table.clear()

    paragraph: list[str] = []

    def flush_paragraph() -> None:
        if paragraph:
            parts.append(_block_html("\n".join(paragraph)))
            paragraph.clear()

    for line in markdown.splitlines():
        heading = re.match(r"(#{1,6}) (.*)", line)
        task = re.match(r"- \[ \] (.*)", line)
        if line.startswith("|"):
            flush_paragraph()
            table.append(line)
            continue
        flush_table()
        if heading:
            flush_paragraph()
            depth = len(heading.group(1))
            if depth == 1 and title == "interviewprep":
                title = heading.group(2).replace("\\", "")
            parts.append(
                f"<h{depth}>{_inline_html(heading.group(2).replace(chr(92), ''))}</h{depth}>"
            )
        elif task:
            flush_paragraph()
            text = task.group(1).replace("\\", "")
            css = ' class="overdue"' if "**overdue**" in text else ""
            parts.append(f'<p{css}><input type="checkbox" disabled> {_inline_html(text)}</p>')
        elif not line.strip():
            flush_paragraph()
        else:
            paragraph.append(line.replace("\\", ""))
    flush_paragraph()
    flush_table()
    return title, "\n".join(parts)


def render_html(obj: Any) -> str:
    """
    Render a model object, a pack, a selection, a plan or an assessment as one HTML page.

    The page is self-contained (inline style, no scripts, no external resources).
    Every piece of content is escaped: raw HTML in a pack comes out as text, and
    links keep only ``http``, ``https`` and ``mailto`` targets (``javascript:`` and
    ``data:`` links become plain text).

    Args:
        obj: What :func:`render_markdown` accepts.

    Returns:
        The HTML document.
    """
    import html

    title, body = _html_body(obj)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )

"""
The ``interviewprep`` command.

Exit codes: 0 on success, 1 when content has problems, 2 on usage errors (a missing
or unreadable file included), 130 when interrupted (Ctrl-C).

Every heading, label and phrase the command prints for a reader comes from the
catalogue of the command's ``--language`` (:func:`_catalogue_for`); messages about
usage and about pack content stay as they are.
"""

from __future__ import annotations

import argparse
import contextvars
import enum
import json
import sys
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ._catalogue import Catalogue
    from ._files import Limits
    from ._library import Library
    from ._model import Rubric
    from ._practice import PracticeSession, Prompt
    from .exceptions import Problem
    from .scorers import Judge

__all__ = ["EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

Command = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command was used wrongly; the message says how."""


def _out(text: str, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(text if text.endswith("\n") else text + "\n")


#: True while rendering for ``-o FILE``: a file is not a terminal, whatever stdout is.
_TO_FILE: ContextVar[bool] = ContextVar("_TO_FILE", default=False)


def _width() -> int:
    """
    The width to wrap printed lines to.

    The terminal's width (at most 100, at least 20) when standard output is a
    terminal and is where the text goes, else 80.
    """
    if _TO_FILE.get() or not sys.stdout.isatty():
        return 80
    import shutil

    return max(20, min(shutil.get_terminal_size((80, 24)).columns, 100))


def _fill(text: str, first: str = "", rest: str = "", width: int | None = None) -> list[str]:
    """
    *text* cleaned for a terminal and wrapped to *width* (by default :func:`_width`).

    The first line starts with *first* and the others with *rest*, so continuation
    lines can hang under a bullet's text. Words are never split: a word longer than
    a line (a path, an id, a URL) stays whole, so it can be copied.
    """
    import textwrap

    from ._rendering import for_terminal as clean

    lines = textwrap.wrap(
        clean(text),
        width=width or _width(),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def _say(text: str, first: str = "", rest: str = "", stream: TextIO | None = None) -> None:
    """Print *text* wrapped by :func:`_fill`."""
    _out("\n".join(_fill(text, first, rest)), stream)


#: The packs of the library the command loaded: renderers credit their items.
_PACKS: ContextVar[tuple[Any, ...]] = ContextVar("_PACKS", default=())
#: The library the command in progress loaded, if any.
_LIBRARY: ContextVar[Library | None] = ContextVar("_LIBRARY", default=None)

#: The catalogue of the command in progress; each run of :func:`main` has its own.
_CATALOGUE: ContextVar[Catalogue | None] = ContextVar("_CATALOGUE", default=None)


def _catalogue_for(args: argparse.Namespace, library: Library | None) -> Catalogue:
    """
    The one place the command makes its catalogue: the words of ``--language``.

    *library* is the library the command loaded, or ``None`` before it is loaded
    (or for a command that loads none).
    """
    from ._catalogue import catalogue
    from .exceptions import InterviewPrepError

    if library is not None:
        return library.catalogue
    try:
        return catalogue(_languages(args))
    except InterviewPrepError as exc:
        raise UsageError(f"--language: {exc}") from None


def _languages(args: argparse.Namespace) -> list[str] | None:
    """``--language fr,de`` as a chain: French, then German (then English)."""
    if args.language is None:
        return None
    return [tag.strip() for tag in args.language.split(",") if tag.strip()]


def _words() -> Catalogue:
    """The catalogue of the command in progress (English outside a command)."""
    found = _CATALOGUE.get()
    if found is None:
        from ._catalogue import catalogue

        found = catalogue()
    return found


def _problem_dict(problem: Problem) -> dict[str, Any]:
    from ._convert import to_dict

    data: dict[str, Any] = to_dict(problem)
    return data


def _library(args: argparse.Namespace) -> Library:
    from ._library import load_library

    for path in args.pack_path or ():
        _readable(path, folder_too=True)
    _catalogue_for(args, None)  # a malformed --language is a usage error, before loading
    library = load_library(
        packs=args.only or None,
        paths=args.pack_path or (),
        data_only=args.data_only,
        language=_languages(args),
        limits=_limits(args),
    )
    _CATALOGUE.set(_catalogue_for(args, library))
    _PACKS.set(tuple(library.packs))
    _LIBRARY.set(library)
    return library


def _limits(args: argparse.Namespace) -> Limits:
    """The bounds on the files read: the defaults, with ``--max-file-bytes`` if given."""
    from ._files import Limits

    size = getattr(args, "max_file_bytes", None)
    return Limits() if size is None else Limits(max_file_bytes=size)


def _inputs(args: argparse.Namespace) -> list[str]:
    """The files a command reads, which its output must never overwrite."""
    names = ("interview", "answers", "answer", "path")
    found = [getattr(args, name, None) for name in names]
    found += list(getattr(args, "pack_path", None) or ())
    return [f for f in found if isinstance(f, str) and f != "-"]


def _write(args: argparse.Namespace, text: str, fmt: str) -> None:
    """
    Write *text* to ``args.output`` atomically, or to standard output made safe.

    A file is written through a temporary file and never over one of the command's
    own inputs; standard output is cleaned of terminal control, bidi and zero-width
    characters (escaped instead where the format can say them losslessly).
    """
    import os

    output = getattr(args, "output", None)
    if not output or output == "-":
        sys.stdout.write(_for_stream(text if text.endswith("\n") else text + "\n", fmt))
        return
    target = os.path.realpath(output)
    for source in _inputs(args):
        inside = os.path.isdir(source) and target.startswith(os.path.realpath(source) + os.sep)
        if os.path.realpath(source) == target or inside:
            raise UsageError(f"refusing to write {output} over the input {source}")
    if os.path.isdir(output):
        raise UsageError(f"cannot write {output}: it is a folder")
    from ._filesystem import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def _for_stream(text: str, fmt: str) -> str:
    from ._rendering import escape_for_terminal, for_terminal

    if fmt in ("text", "md"):
        return for_terminal(text)
    # JSON and HTML can name any character without the character itself.
    return escape_for_terminal(text, "\\u{:04x}" if fmt == "json" else "&#x{:x};")


def _as_json(obj: Any) -> str:
    from ._convert import to_dict

    return json.dumps(to_dict(obj), indent=2, ensure_ascii=False) + "\n"


def _as_markdown(obj: Any) -> str:
    from ._rendering import render_markdown

    return render_markdown(obj, catalogue=_words(), packs=_PACKS.get())


def _as_text(obj: Any) -> str:
    from ._rendering import render_text

    return render_text(obj, width=_width(), catalogue=_words(), packs=_PACKS.get())


def _as_html(obj: Any) -> str:
    from ._rendering import render_html

    return render_html(obj, catalogue=_words(), packs=_PACKS.get())


def _as_ics(obj: Any) -> str:
    from ._rendering import plan_to_ics

    return plan_to_ics(obj, catalogue=_words())


#: Every output format of every command: its name and how it renders an object.
FORMATS: dict[str, Callable[[Any], str]] = {
    "text": _as_text,
    "md": _as_markdown,
    "json": _as_json,
    "html": _as_html,
    "ics": _as_ics,
}


def _render(args: argparse.Namespace, obj: Any) -> None:
    """Render *obj* in the command's output format and write it."""
    output = getattr(args, "output", None)
    to_file = _TO_FILE.set(bool(output) and output != "-")
    try:
        text = FORMATS[args.format](obj)
    finally:
        _TO_FILE.reset(to_file)
    _write(args, text, args.format)


def _readable(path: str, *, folder_too: bool = False) -> str:
    """
    *path*, if it names a file (or, with *folder_too*, a folder) this process may
    read; else a usage error (exit 2) saying why in one line.
    """
    import os

    if not os.path.exists(path):
        why = "it does not exist"
    elif os.path.isdir(path) and not folder_too:
        why = "it is a folder"
    elif not os.path.isdir(path) and not os.path.isfile(path):
        why = "it is not a regular file"
    elif not os.access(path, os.R_OK | (os.X_OK if os.path.isdir(path) else 0)):
        why = "permission denied"
    else:
        return path
    raise UsageError(f"cannot read {path}: {why}")


def _existing_file(path: str) -> str:
    """*path*, if it names a readable file or is ``-``; else a usage error (exit 2)."""
    return path if path == "-" else _readable(path)


def _interview(path: str) -> Any:
    from ._interview import load_interview
    from .exceptions import StructureError

    try:
        return load_interview(_existing_file(path))
    except StructureError as exc:
        raise ContentError(exc.problems) from None


class ContentError(Exception):
    """Content the command was given has problems (exit code 1)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def _report(library: Library) -> int:
    """Print the library's problems to stderr; the exit code they call for."""
    if library.problems:
        _print_problems(library.problems, sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    from ._rendering import for_terminal as clean

    for problem in problems:
        _out(clean(str(problem)), stream)


# -- packs -------------------------------------------------------------------------------


def _cmd_packs(args: argparse.Namespace) -> int:
    library = _library(args)
    rows = []
    for pack in library.packs:
        source = library.sources.get(pack.name)
        rows.append(
            {
                "name": pack.name,
                "version": pack.info.version,
                "language": pack.info.language,
                "title": pack.info.title,
                "tips": len(pack.tips),
                "questions": len(pack.questions),
                "checklists": len(pack.checklists),
                "rubrics": len(pack.rubrics),
                "translations": len(pack.translations),
                "distribution": source.distribution if source else None,
                "source": source.value if source else None,
                "license": pack.info.license,
                "content_source": _to_plain(pack.info.source),
                "attribution": pack.info.attribution,
            }
        )
    if args.format == "json":
        problems = [_problem_dict(p) for p in library.problems]
        warnings = [_problem_dict(p) for p in library.warnings]
        document = {"packs": rows, "problems": problems, "warnings": warnings}
        text = json.dumps(document, indent=2, ensure_ascii=False)
        _out(_for_stream(text, "json"))
    else:
        for line in _packs_table(rows, _width(), verbose=args.verbose):
            _out(line)
        if not rows:
            _out(_words().phrase("cli.packs.none"))
        if library.problems:
            _out("\n" + _words().plural("cli.problems", len(library.problems)), sys.stderr)
            _print_problems(library.problems, sys.stderr)
        if library.warnings:
            # Things to look at that left nothing out: a local folder overriding an
            # installed pack, no content in the language asked for, a stale phrase.
            _out("\n" + _words().plural("cli.warnings", len(library.warnings)), sys.stderr)
            _print_problems(library.warnings, sys.stderr)
    return EXIT_PROBLEMS if library.problems else EXIT_OK


_PACK_COLUMNS = (
    "pack",
    "version",
    "language",
    "license",
    "tips",
    "questions",
    "checklists",
    "rubrics",
    "translations",
)


def _to_plain(obj: Any) -> Any:
    """*obj* as plain data (``None`` stays ``None``)."""
    if obj is None:
        return None
    from ._convert import to_dict

    return to_dict(obj)


def _provenance_lines(row: dict[str, Any], first: str, rest: str, width: int) -> list[str]:
    """The lines naming where a pack's content comes from and whom to credit (``-v``)."""
    from ._rendering import for_terminal as clean

    words = _words()
    lines: list[str] = []
    source = row["content_source"]
    if source is not None:
        text = clean(source["url"])
        if source.get("revision"):
            revision = clean(source["revision"])
            text += " " + words.phrase("credits.revision", revision=revision)
        lines += _fill(words.phrase("cli.packs.source", source=text), first, rest, width)
    if row["attribution"] is not None:
        attribution = clean(row["attribution"])
        phrase = words.phrase("cli.packs.attribution", attribution=attribution)
        lines += _fill(phrase, first, rest, width)
    return lines


def _columns(table: Sequence[Sequence[str]]) -> list[str]:
    """The rows of *table* as lines of left-aligned columns two spaces apart."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]


def _packs_table(rows: Sequence[dict[str, Any]], width: int, *, verbose: bool = False) -> list[str]:
    """
    The lines of the ``packs`` table, none wider than *width* where words allow.

    The table has a FROM column (the distribution, or where a local pack was
    found) when it fits; else each FROM goes on a line of its own under its row;
    and when even the table without it is too wide, each pack is a short block.
    With *verbose*, each pack's content source and attribution follow its row.
    """
    from ._rendering import for_terminal as clean

    words = _words()
    counts = ("tips", "questions", "checklists", "rubrics", "translations")
    keys = ("name", "version", "language", "license", *counts)
    cells = [[clean(str(r[key] if r[key] is not None else "-")) for key in keys] for r in rows]
    origins = [clean(str(r["distribution"] or r["source"] or "")) for r in rows]
    with_origin = [[*c, o] for c, o in zip(cells, origins, strict=True)]
    header = [words.phrase(f"cli.column.{column}") for column in _PACK_COLUMNS]
    full = _columns([[*header, words.phrase("cli.column.from")], *with_origin])
    if max(map(len, full)) <= width:
        if not verbose:
            return full
        lines = [full[0]]
        for line, row in zip(full[1:], rows, strict=True):
            lines += [line, *_provenance_lines(row, "  ", "    ", width)]
        return lines
    table = _columns([header, *cells])
    lines = []
    if max(map(len, table)) <= width:
        lines.append(table[0])
        for line, origin, row in zip(table[1:], origins, rows, strict=True):
            lines.append(line)
            if origin:
                lines += _fill(words.phrase("cli.packs.from", origin=origin), "  ", "    ", width)
            if verbose:
                lines += _provenance_lines(row, "  ", "    ", width)
        return lines
    for (name, version, language, license_, *_), row, origin in zip(
        cells, rows, origins, strict=True
    ):
        lines += _fill(
            words.phrase("cli.packs.pack", name=name, version=version, language=language),
            "",
            "  ",
            width,
        )
        # Each count stays with its noun: wrapped as one word, then spaced again.
        tally = ", ".join(
            words.plural(f"cli.packs.{key}", row[key]).replace(" ", "\N{NO-BREAK SPACE}")
            for key in counts
        )
        lines += [
            line.replace("\N{NO-BREAK SPACE}", " ") for line in _fill(tally, "  ", "  ", width)
        ]
        if row["license"] is not None:
            lines += _fill(words.phrase("cli.packs.license", license=license_), "  ", "  ", width)
        if origin:
            lines += _fill(words.phrase("cli.packs.from", origin=origin), "  ", "  ", width)
        if verbose:
            lines += _provenance_lines(row, "  ", "  ", width)
    return lines


# -- validate ----------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace) -> int:
    from ._validation import check_folders

    for path in args.pack_path or ():
        _readable(path, folder_too=True)
    report = check_folders(args.paths, paths=args.pack_path or (), limits=_limits(args))
    problems = report.problems
    if args.format == "json":
        text = json.dumps([_problem_dict(p) for p in problems], indent=2, ensure_ascii=False)
        _out(_for_stream(text, "json"))
    else:
        _print_problems(problems, sys.stdout)
        if not report.errors:
            _say(_words().plural("cli.valid", len(report.packs)))
    return EXIT_PROBLEMS if report.errors else EXIT_OK


# -- show --------------------------------------------------------------------------------

_SHOW_KINDS = {
    "tip": "tips",
    "question": "questions",
    "checklist": "checklists",
    "rubric": "rubrics",
}


def _cmd_show(args: argparse.Namespace) -> int:
    library = _library(args)
    kinds = [_SHOW_KINDS[args.kind]] if args.kind else list(_SHOW_KINDS.values())
    if args.id:
        found = [getattr(library, kind).get(args.id) for kind in kinds]
        selection: list[Any] = [item for item in found if item is not None]
        if not selection:
            hint = "" if "/" in args.id else " (use a full id such as core/some-id)"
            if "/" in args.id:
                from ._suggest import did_you_mean

                ids = [item.full_id for kind in kinds for item in getattr(library, kind)]
                hint = did_you_mean(args.id, ids)
            raise UsageError(f"no item {args.id!r}{hint}")
    else:
        criteria: dict[str, Any] = {
            name: value
            for name, value in (
                ("stage", args.stage),
                ("topic", args.topic),
                ("audience", args.audience),
                ("tag", args.tag),
                ("asked_by", args.asked_by),
                ("intent", args.intent),
                ("format", args.interview_format),
                ("kind", args.question_kind),
            )
            if value
        }
        selection = []
        for kind in kinds:
            try:
                selection += list(getattr(library, kind).filter(**criteria))
            except ValueError as exc:  # a value no vocabulary holds, with the nearest
                raise UsageError(str(exc)) from None
            except TypeError:  # a kind without one of the filtered fields matches nothing
                if args.kind:
                    raise UsageError(f"{args.kind}s cannot be filtered that way") from None
    if args.featured:
        selection = [item for item in selection if item.featured]
    if not args.id:
        from ._rendering import arranged

        selection = arranged(selection, library.packs)
    if not selection and args.format != "json":
        _write(args, _words().phrase("cli.nothing"), args.format)
    elif not args.id and args.format in ("text", "md"):
        _write(args, _with_ids(selection, args.format), args.format)
    else:
        _render(args, selection)
    return _report(library)


def _with_ids(items: Sequence[Any], fmt: str) -> str:
    """
    *items* rendered as text or Markdown, each with its full id to copy.

    In text the id is the item's first line; in Markdown a code span under its
    heading. The items are otherwise rendered as :data:`FORMATS` renders them, and
    the credits of their packs follow once, at the end.
    """
    from ._rendering import Credits, credited_later

    parts = []
    for item in items:
        with credited_later():
            rendered = FORMATS[fmt](item)
        if fmt == "text":
            parts.append(f"{item.full_id}\n{rendered}")
        else:
            heading, _, rest = rendered.partition("\n")
            if heading.startswith("#"):
                parts.append(f"{heading}\n\n`{item.full_id}`\n{rest}")
            else:
                parts.append(f"`{item.full_id}`\n\n{rendered}")
    library = _LIBRARY.get()
    if library is not None:
        credited: list[Any] = list(library.credits(items))
    else:
        names = set(dict.fromkeys(item.pack for item in items))
        credited = [pack.info for pack in _PACKS.get() if pack.name in names]
    if credited:
        parts.append(FORMATS[fmt](Credits(credited)))
    return "\n".join(parts)


# -- plan --------------------------------------------------------------------------------


def _today(text: str | None, interview: Any) -> Any:
    import datetime as dt

    if text is None:  # today where the interview takes place, when its zone is known
        return dt.datetime.now(interview.when.tzinfo).date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today takes a date such as 2026-11-30, not {text!r}") from None


def _availability(text: str) -> str:
    from ._schedule import Availability
    from .exceptions import ValidationError

    try:
        Availability.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    return text


def _opt_in_option(parser: argparse.ArgumentParser) -> None:
    from ._matching import OPT_IN_TAGS

    parser.add_argument(
        "--opt-in",
        action="append",
        choices=sorted(OPT_IN_TAGS),
        metavar="TAG",
        help="include content left out by default: " + ", ".join(sorted(OPT_IN_TAGS)),
    )


def _cmd_plan(args: argparse.Namespace) -> int:
    from ._catalogue import catalogue
    from ._planning import build_plan

    interview = _interview(args.interview)
    library = _library(args)
    today = _today(args.today, interview)
    limits: dict[str, int | None] = (
        {"rehearse": None, "questions_per_interviewer": None, "tips": None} if args.all else {}
    )
    plan = build_plan(
        library,
        interview,
        today=today,
        opt_in=args.opt_in or (),
        brief=not args.all,
        availability=args.availability,
        **limits,
    )
    # A short plan counts the steps it leaves out; here it also says how to print them.
    words = _words()
    hint = {"plan.optional_left_out": words.templates["cli.plan.optional_left_out"]}
    _CATALOGUE.set(catalogue(words.languages, extra=(*words.extra, (words.language, hint))))
    _render(args, plan)
    return _report(library)


# -- judges ------------------------------------------------------------------------------


def _judge_options(parser: argparse.ArgumentParser) -> None:
    """``--judge NAME`` and ``--judge-attach SELECTOR``, for the commands that assess."""
    parser.add_argument(
        "--judge",
        metavar="NAME",
        help="score with the judge installed under NAME (entry point group "
        "interviewprep.judges), such as openai; it scores every criterion unless "
        "--judge-attach says which, and if it fails they fall back to their own scorers",
    )
    parser.add_argument(
        "--judge-attach",
        action="append",
        metavar="SELECTOR",
        help="attach the judge only to these criteria: a rubric (core/star-answer), a "
        "criterion (core/star-answer#candour) or * for all (repeatable; default *)",
    )


def _judges(args: argparse.Namespace, rubrics: Sequence[Rubric]) -> dict[str, Judge] | None:
    """
    The judges of ``--judge`` by selector, or ``None`` without it; each selector must
    select a criterion of *rubrics*. Usage errors: an unknown judge (the installed ones
    are named), a judge that cannot be made, a selector that selects nothing.
    """
    from ._assessment import _check_selectors, _selectors, load_judge
    from ._suggest import did_you_mean
    from .exceptions import JudgeLoadError

    if args.judge is None:
        if args.judge_attach:
            raise UsageError("--judge-attach needs --judge NAME")
        return None
    if args.data_only:
        raise UsageError(f"--judge {args.judge} runs third-party code, which --data-only forbids")
    selectors = list(dict.fromkeys(args.judge_attach or ["*"]))
    try:
        _check_selectors(selectors, "--judge-attach")
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    keys = {key for r in rubrics for c in r.criteria for key in _selectors(r, c)}
    for selector in selectors:
        if selector not in keys:
            where = rubrics[0].full_id if len(rubrics) == 1 else "the loaded rubrics"
            hint = did_you_mean(selector, sorted(keys - {"*"}))
            raise UsageError(f"--judge-attach {selector!r} selects no criterion of {where}{hint}")
    try:
        judge = load_judge(args.judge)
    except JudgeLoadError as exc:
        raise UsageError(f"--judge: {exc}") from None
    return dict.fromkeys(selectors, judge)


def _assessment_problems(problems: Sequence[Problem]) -> int:
    """
    Print what went wrong while assessing (a judge that failed, a scorer that could not
    load) to stderr; the exit code it calls for.
    """
    if not problems:
        return EXIT_OK
    _print_problems(problems, sys.stderr)
    return EXIT_PROBLEMS


# -- assess ------------------------------------------------------------------------------


def _read_answer(source: str) -> str:
    """An answer from a file (or standard input for ``-``), read by the one reader."""
    from ._files import read_text
    from .exceptions import StructureError

    if source == "-":
        return sys.stdin.read()
    try:
        return read_text(_existing_file(source))
    except StructureError as exc:
        raise ContentError(exc.problems) from None


def _cmd_assess(args: argparse.Namespace) -> int:
    from ._assessment import assess

    library = _library(args)
    rubric = library.rubrics.get(args.rubric)
    if rubric is None:
        raise UsageError(f"no rubric {args.rubric!r}; try: {', '.join(library.rubrics.ids())}")
    question = None
    if args.question:
        question = library.questions.get(args.question)
        if question is None:
            raise UsageError(f"no question {args.question!r}")
    interview = _interview(args.interview) if args.interview else None
    judges = _judges(args, [rubric])
    answer = _read_answer(args.answer)
    if not answer.strip():
        raise UsageError("the answer is empty")
    result = assess(
        answer,
        rubric,
        question=question,
        interview=interview,
        judges=judges,
        words_per_minute=args.wpm,
        data_only=args.data_only,
    )
    _render(args, result)
    return max(_report(library), _assessment_problems(result.problems))


# -- calibrate ---------------------------------------------------------------------------


def _cmd_calibrate(args: argparse.Namespace) -> int:
    from ._calibration import calibrate
    from .exceptions import LabelError

    path = _readable(args.path)
    library = _library(args)
    judges = _judges(args, list(library.rubrics))
    try:
        result = calibrate(
            path,
            library=library,
            data_only=args.data_only,
            assess_options={"judges": judges},
            worst=args.worst,
        )
    except LabelError as exc:
        raise ContentError(exc.problems) from None
    _render(args, result)
    return max(_report(library), _assessment_problems(result.problems))


# -- practice ----------------------------------------------------------------------------


def _answers_file(path: str) -> list[str]:
    """Answers from a file: ``answers = [...]`` in TOML or JSON, or text split by ``---``."""
    from ._files import read_document
    from .exceptions import StructureError

    if not path.endswith((".toml", ".json")):
        return [part.strip() for part in _read_answer(path).split("\n---\n")]
    try:
        document = read_document(_existing_file(path))
    except StructureError as exc:
        raise ContentError(exc.problems) from None
    answers = document.data.get("answers")
    if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
        problem = document.problem('expected answers = ["...", ...]', "answers")
        raise ContentError([problem])
    return answers


def _ask() -> tuple[str, bool]:
    """
    Read an answer from the terminal until an empty line.

    Returns:
        The answer, and whether Ctrl-D (end of input) ended the session; the lines
        typed before it are still the answer.
    """
    lines: list[str] = []
    while True:
        try:
            line = input("> " if not lines else "  ")
        except EOFError:
            _out("")  # end the prompt's line
            return "\n".join(lines), True
        if not line.strip():
            return "\n".join(lines), False
        lines.append(line)


def _cmd_practice(args: argparse.Namespace) -> int:
    import secrets

    from ._practice import PracticeSession

    interview = _interview(args.interview)
    given = _answers_file(args.answers) if args.answers else None
    library = _library(args)
    judges = _judges(args, list(library.rubrics))
    seed = args.seed if args.seed is not None else secrets.randbelow(10**6)
    session = PracticeSession(
        library,
        interview,
        seed=seed,
        questions=args.questions,
        judges=judges,
        data_only=args.data_only,
        opt_in=args.opt_in or (),
    )
    if not session.prompts:
        raise UsageError("the loaded packs hold no questions to practise")
    total = len(session.prompts)
    words = _words()
    _say(words.phrase("practice.seed", seed=seed))
    _say(words.plural("practice.intro", total, role=interview.role, company=interview.company))
    if given is None:
        _say(words.phrase("practice.how"))
    interrupted = False
    try:
        for number, prompt in enumerate(session.prompts, start=1):
            who = (
                words.phrase("practice.asks", name=prompt.interviewer)
                if prompt.interviewer
                else words.phrase("practice.question")
            )
            number_part = f"[{number}/{total}] "
            _out("")
            question = words.phrase("labelled", label=who, text=prompt.question.text)
            _say(question, number_part, " " * len(number_part))
            ended = False
            if given is not None:
                answer = given[number - 1] if number - 1 < len(given) else ""
            else:
                answer, ended = _ask()
            if answer.strip():
                _assess_and_show(session, prompt, answer)
            elif not ended:
                _out("  " + words.phrase("practice.skipped"))
            if ended:
                _say(words.phrase("practice.ended", number=number, total=total))
                break
    except KeyboardInterrupt:
        interrupted = True
        _out("")
    _practice_summary(session)
    if interrupted:
        _out(words.phrase("cli.interrupted"), sys.stderr)
        return EXIT_INTERRUPTED
    troubled = any(result.problems for result in session.assessments.values())
    return max(_report(library), EXIT_PROBLEMS if troubled else EXIT_OK)


def _assess_and_show(session: PracticeSession, prompt: Prompt, answer: str) -> None:
    """Assess *answer*, print the assessment and the question's likely follow-ups."""
    from ._rendering import render_text

    words = _words()
    try:
        result = session.answer(prompt, answer)
    except LookupError as exc:
        _say(words.phrase("practice.not_assessed", reason=exc), "  ", "   ")
        return
    _out(render_text(result, width=_width(), catalogue=words))
    _assessment_problems(result.problems)
    if prompt.follow_ups:
        _out(words.phrase("question.follow_ups"))
        for follow_up in prompt.follow_ups:
            _say(follow_up, "  - ", "    ")


def _practice_summary(session: PracticeSession) -> None:
    """Print what the session showed so far, wrapped like everything else."""
    summary = session.summary()
    words = _words()
    _out("\n" + words.phrase("practice.summary"))
    average = (
        words.phrase("practice.no_average") if summary.average is None else f"{summary.average:g}"
    )
    answered = words.phrase(
        "practice.answered",
        answered=summary.answered,
        total=len(session.prompts),
        average=average,
    )
    _say(answered, "  ", "    ")
    if summary.strengths:
        strengths = ", ".join(summary.strengths)
        _say(words.phrase("practice.strengths", strengths=strengths), "  ", "    ")
    for item in summary.to_rehearse:
        _say(words.phrase("practice.rehearse", item=item), "  ", "    ")


# -- export ------------------------------------------------------------------------------


def _cmd_export(args: argparse.Namespace) -> int:
    library = _library(args)
    packs = [p for p in library.packs if not args.packs or p.name in args.packs]
    missing = sorted(set(args.packs or ()) - {p.name for p in packs})
    if missing:
        raise UsageError(f"not loaded: {', '.join(missing)}")
    _render(args, packs[0] if len(packs) == 1 and args.format != "json" else packs)
    return _report(library)


# -- new-pack ----------------------------------------------------------------------------


def _cmd_new_pack(args: argparse.Namespace) -> int:
    import os

    from ._scaffold import module_name, scaffold

    if os.path.exists(args.directory) and not os.path.isdir(args.directory):
        raise UsageError(f"--directory {args.directory} is a file, not a folder")
    try:
        folder = scaffold(args.name, args.directory)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    target = str(folder)
    if not folder.is_absolute() and not target.startswith("."):
        target = f"./{target}"  # pip reads a bare name as a package to download
    pack_folder = folder / "src" / module_name(args.name)
    _say(_words().phrase("cli.created", folder=folder))
    _say(
        _words().phrase(
            "cli.next", target=target, pack=pack_folder / "pack.toml", folder=pack_folder
        )
    )
    return EXIT_OK


# -- build -------------------------------------------------------------------------------


def _cmd_build(args: argparse.Namespace) -> int:
    from ._files import to_json
    from ._loading import load_pack
    from .exceptions import PackError

    _readable(args.path, folder_too=True)
    if args.output and args.output != "-":
        _refuse_beside_a_pack_file(args.path, args.output)
    try:
        pack = load_pack(args.path, limits=_limits(args))
    except PackError as exc:
        raise ContentError(exc.problems) from None
    _write(args, to_json(pack, indent=None if args.compact else 2) + "\n", "json")
    if args.output and args.output != "-":
        summary = _words().plural(
            "cli.built", len(pack), name=pack.name, version=pack.info.version, output=args.output
        )
        _say(summary, stream=sys.stderr)
    return EXIT_OK


def _refuse_beside_a_pack_file(source: str, output: str) -> None:
    """
    A usage error if *output* would be a pack file beside another one.

    A folder holds one pack file (loading refuses a folder with both), so ``build``
    never writes ``pack.json`` where a ``pack.toml`` is, nor a pack file that is not
    JSON; it does overwrite a ``pack.json`` alone in its folder (an earlier build).
    """
    import os

    from ._loading import PACK_FILES

    target = os.path.basename(output)
    folder = os.path.dirname(os.path.abspath(output))
    suggestion = f"interviewprep build {source} -o build/pack.json"
    if target == "pack.toml":
        raise UsageError(f"refusing to write {output}: build writes JSON, name it pack.json")
    if target not in PACK_FILES:
        return
    others = [n for n in PACK_FILES if n != target and os.path.exists(os.path.join(folder, n))]
    if others:
        raise UsageError(
            f"refusing to write {output}: its folder holds {others[0]}, and a folder holds "
            "one pack file (loading refuses a folder with both); write the built pack into "
            f"a folder of its own, such as: {suggestion}"
        )


# -- migrate -----------------------------------------------------------------------------


def _cmd_migrate(args: argparse.Namespace) -> int:
    import os

    from ._migrate import migrate
    from .exceptions import StructureError

    _readable(args.path, folder_too=True)
    if not args.output and not args.in_place:
        raise UsageError(
            "give --output DIR to write the migrated pack there, or --in-place to "
            "overwrite the pack's own files"
        )
    if args.output and args.in_place:
        raise UsageError("give --output DIR or --in-place, not both")
    library = _library(args)
    try:
        migration = migrate(args.path, library, limits=_limits(args))
    except StructureError as exc:
        raise ContentError(exc.problems) from None
    _print_problems(migration.warnings, sys.stderr)
    target = str(migration.folder) if args.in_place else args.output
    if not args.in_place:
        _check_migration_target(migration.folder, target, [f.path for f in migration.files])
    from ._filesystem import write_atomic

    for file in migration.files:
        destination = os.path.join(target, *file.path.split("/"))
        try:
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            write_atomic(destination, file.text)
        except OSError as exc:
            raise UsageError(f"cannot write {destination}: {exc.strerror or exc}") from None
    summary = _words().plural(
        "cli.migrated",
        migration.translations,
        name=migration.name,
        files=len(migration.files),
        output=target,
    )
    _say(summary, stream=sys.stderr)
    return EXIT_OK


def _check_migration_target(source: Any, output: str, paths: Sequence[str]) -> None:
    """
    A usage error if writing *paths* into *output* would overwrite anything.

    The pack's own folder (or a folder inside it) is refused without ``--in-place``,
    and so is a folder that already holds one of the files or another pack file.
    """
    import os

    from ._loading import PACK_FILES

    real_source = os.path.realpath(source)
    real_output = os.path.realpath(output)
    if real_output == real_source or real_output.startswith(real_source + os.sep):
        raise UsageError(
            f"refusing to write into {output}: it is the pack's own folder (use --in-place "
            "to overwrite the pack's files)"
        )
    if os.path.exists(output) and not os.path.isdir(output):
        raise UsageError(f"cannot write into {output}: it is a file, not a folder")
    for path in [*paths, *PACK_FILES]:
        existing = os.path.join(output, *path.split("/"))
        if os.path.lexists(existing):
            raise UsageError(f"refusing to overwrite {existing}: write into an empty folder")


# -- schema ------------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    from ._schema import pack_schema

    _write(args, json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n", "json")
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a whole number of at least 1, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _byte_size(text: str) -> int:
    """A size in bytes, such as ``1000000``, ``512K``, ``128M`` or ``1G`` (1024-based)."""
    import re

    found = re.fullmatch(r"\s*(\d{1,15})\s*([KMG]?)(?:i?B)?\s*", text, re.IGNORECASE)
    value = int(found.group(1)) * _SIZE_UNITS[found.group(2).upper()] if found else 0
    if value < 1:
        msg = f"expected a size in bytes such as 128M or 134217728, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _format_option(
    command: argparse.ArgumentParser,
    choices: list[str],
    *,
    aliases: Sequence[str] = (),
    required: bool = False,
) -> None:
    """The one output-format option, ``--format``, named alike in every command."""
    command.add_argument(
        "--format",
        *aliases,
        dest="format",
        choices=choices,
        default=None if required else "text",
        required=required,
        help="output format" + ("" if required else " (default: text)"),
    )


def _open(vocabulary: type[enum.StrEnum]) -> str:
    """The help of an option taking an open vocabulary's values."""
    values = ", ".join(member.value for member in vocabulary)
    return f"{values}, or a value a pack declares (pack:value)"


class _Parser(argparse.ArgumentParser):
    """An argument parser that answers a mistyped command with the closest command."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if isinstance(action, argparse._SubParsersAction) and value not in action.choices:
            from ._suggest import close_matches

            names = list(action.choices)
            close = close_matches(value, names)
            hint = f"did you mean {close[0]!r}?" if close else f"commands: {', '.join(names)}"
            raise UsageError(f"unknown command {value!r} ({hint})")
        super()._check_value(action, value)


#: The global options' destinations; given after the command they land in
#: ``_LATER + name`` and :func:`_merge_global_options` folds them in.
_GLOBAL_OPTIONS = ("pack_path", "only", "data_only", "language", "max_file_bytes")
_LATER = "later_"


def _add_global_options(parser: argparse.ArgumentParser, *, prefix: str = "") -> None:
    """The options that choose what is loaded, stored under *prefix* + their names."""
    group = parser.add_argument_group("global options (before or after the command)")
    group.add_argument(
        "--pack-path",
        dest=f"{prefix}pack_path",
        action="append",
        metavar="DIR",
        help="also load the pack in DIR (repeatable)",
    )
    group.add_argument(
        "--only",
        dest=f"{prefix}only",
        action="append",
        metavar="PACK",
        help="load only this pack and what it requires (repeatable)",
    )
    group.add_argument(
        "--data-only",
        dest=f"{prefix}data_only",
        action="store_true",
        help="import no third-party code: skip code packs",
    )
    group.add_argument(
        "--language",
        dest=f"{prefix}language",
        metavar="LANG",
        help="show content and the headings, labels and dates in this language (e.g. "
        "de-CH, or fr,de for French then German), falling back item by item to English",
    )
    group.add_argument(
        "--max-file-bytes",
        dest=f"{prefix}max_file_bytes",
        type=_byte_size,
        metavar="SIZE",
        help="read pack files up to SIZE bytes (K, M, G suffixes allowed; default 64M)",
    )


def _merge_global_options(args: argparse.Namespace) -> None:
    """
    Fold the global options given after the command into those given before it.

    Lists combine (before, then after), ``--data-only`` is on if given either
    place, and a ``--language`` given after the command wins.
    """
    later = {name: vars(args).pop(_LATER + name, None) for name in _GLOBAL_OPTIONS}
    args.pack_path = [*(args.pack_path or ()), *(later["pack_path"] or ())] or None
    args.only = [*(args.only or ()), *(later["only"] or ())] or None
    args.data_only = bool(args.data_only or later["data_only"])
    if later["language"] is not None:
        args.language = later["language"]
    if later["max_file_bytes"] is not None:
        args.max_file_bytes = later["max_file_bytes"]


def build_parser() -> argparse.ArgumentParser:
    """
    Build the argument parser with every subcommand.

    The global options (``--pack-path``, ``--only``, ``--data-only``,
    ``--language``, ``--max-file-bytes``) are accepted before or after the command;
    :func:`main` merges the two places.

    Returns:
        The parser; each subcommand stores its handler as ``handler``.
    """
    from ._distribution import installed_version
    from ._vocabulary import AskedBy, Audience, Format, Intent, QuestionKind, Stage, Topic

    parser = _Parser(
        prog="interviewprep",
        description="Second-interview guidance: tips, questions, checklists and rubrics. "
        "The global options may come before or after the command.",
        epilog="Exit codes: 0 success, 1 content problems, 2 usage errors (a missing or "
        "unreadable file included), 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {installed_version()}")
    _add_global_options(parser)
    # argparse copies a subcommand's namespace over the main one, so the options
    # given after the command are stored apart and merged after parsing.
    later = _Parser(add_help=False)
    _add_global_options(later, prefix=_LATER)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = commands.add_parser(name, parents=[later], **kwargs)
        return made

    packs = command("packs", help="list the loaded packs and any problems")
    packs.add_argument("--format", choices=["text", "json"], default="text")
    packs.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show where each pack's content comes from and whom to credit",
    )
    packs.set_defaults(handler=_cmd_packs)

    validate = command(
        "validate",
        help="check pack folders",
        description="Check pack folders as one set, with the installed packs and the "
        "--pack-path folders (a folder takes the place of an installed pack of its name), "
        "so a translation can be checked with its base pack before either is installed. "
        "Print one problem per line as file:line: path: message; exit 1 on errors.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a pack folder or pack file")
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.set_defaults(handler=_cmd_validate)

    show = command(
        "show",
        help="show an item by full id, or the items matching filters",
        description="Show one item (e.g. core/thank-each-interviewer) or a filtered list.",
    )
    show.add_argument("id", nargs="?", help="full id of an item, such as core/star-answer")
    show.add_argument("--kind", choices=sorted(_SHOW_KINDS), help="only items of this kind")
    # Stages, topics, audiences and question kinds are open: a pack may declare more
    # (acme:on-call), so the library checks them, naming the nearest value.
    show.add_argument("--stage", action="append", metavar="STAGE", help=_open(Stage))
    show.add_argument("--topic", action="append", metavar="TOPIC", help=_open(Topic))
    show.add_argument("--audience", action="append", metavar="AUDIENCE", help=_open(Audience))
    show.add_argument(
        "--interview-format",
        action="append",
        choices=[f.value for f in Format],
        help="only items for this interview format",
    )
    show.add_argument("--asked-by", action="append", choices=[a.value for a in AskedBy])
    show.add_argument("--question-kind", action="append", metavar="KIND", help=_open(QuestionKind))
    show.add_argument("--intent", action="append", choices=[i.value for i in Intent])
    show.add_argument("--tag", action="append")
    show.add_argument("--featured", action="store_true", help="only items the packs feature")
    _format_option(show, ["text", "md", "json", "html"], aliases=["--output-format", "--as"])
    show.set_defaults(handler=_cmd_show)

    plan = command(
        "plan",
        help="build a dated prep plan for an interview",
        description="Build a dated prep plan from an interview file (TOML or JSON).",
    )
    plan.add_argument("interview", metavar="INTERVIEW", help="interview file (.toml or .json)")
    _format_option(plan, ["text", "md", "json", "ics", "html"])
    plan.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    plan.add_argument("--today", metavar="DATE", help="plan as of this date (default: today)")
    plan.add_argument(
        "--availability",
        metavar="TEXT",
        type=_availability,
        help="when you are free to prepare, e.g. 'weekdays 18:30-21:00; weekends "
        "10:00-17:00' (the default) or 'any time'",
    )
    plan.add_argument(
        "--all",
        action="store_true",
        help="every question, tip and optional step that applies, not the essentials",
    )
    _opt_in_option(plan)
    plan.set_defaults(handler=_cmd_plan)

    practice = command(
        "practice",
        help="a mock interview in the terminal",
        description="Ask questions one by one, read each answer until an empty line, assess "
        "it. An empty first line skips a question; Ctrl-D ends the session and Ctrl-C stops it, "
        "each with a summary of the answers so far.",
    )
    practice.add_argument("interview", metavar="INTERVIEW", help="interview file (.toml or .json)")
    practice.add_argument(
        "--seed",
        type=int,
        default=None,
        help="random seed, to repeat a session (default: a new one, printed at the start)",
    )
    practice.add_argument(
        "--questions", type=_positive, default=5, help="how many questions (default 5)"
    )
    practice.add_argument(
        "--answers",
        metavar="FILE",
        help="answers to use instead of asking: text separated by lines of ---, or answers = [...]",
    )
    _opt_in_option(practice)
    _judge_options(practice)
    practice.set_defaults(handler=_cmd_practice)

    assess_ = command(
        "assess",
        help="assess an answer against a rubric",
        description="Assess an answer (a file, or - for standard input) against a rubric.",
    )
    assess_.add_argument("answer", metavar="FILE", help="the answer text, or - for stdin")
    assess_.add_argument("--rubric", required=True, metavar="ID", help="e.g. core/star-answer")
    assess_.add_argument("--question", metavar="ID", help="the question answered")
    assess_.add_argument(
        "--interview", metavar="FILE", help="interview file (job posting, round one)"
    )
    assess_.add_argument("--wpm", type=float, default=None, help="speaking pace (default 150)")
    _judge_options(assess_)
    _format_option(assess_, ["text", "md", "json", "html"])
    assess_.set_defaults(handler=_cmd_assess)

    calibrate = command(
        "calibrate",
        help="measure the scorers against answers graded by hand",
        description="Assess every answer of a labels file (JSON Lines: one graded answer a "
        "line, see benchmarks/labels/GRADING.md) and compare the automatic totals with the "
        "human grades: rank correlation, weighted kappa, pairwise order and mean error, "
        "overall, per answer type and per criterion, then the largest disagreements.",
    )
    calibrate.add_argument("path", metavar="FILE", help="the labels file (.jsonl)")
    calibrate.add_argument(
        "--worst",
        type=_positive,
        default=10,
        metavar="N",
        help="list the N largest disagreements (default 10)",
    )
    _judge_options(calibrate)
    _format_option(calibrate, ["text", "md", "json"])
    calibrate.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    calibrate.set_defaults(handler=_cmd_calibrate)

    export = command("export", help="export packs as Markdown, JSON or HTML")
    export.add_argument("--packs", nargs="+", metavar="PACK", help="only these packs")
    _format_option(export, ["md", "json", "html", "text"], required=True)
    export.add_argument("-o", "--output", metavar="OUT", required=True, help="output file, or -")
    export.set_defaults(handler=_cmd_export)

    new_pack = command(
        "new-pack",
        help="scaffold a ready-to-publish pack",
        description="Create a pack distribution: pyproject with the entry point, pack.toml, "
        "README and a test using the pytest plugin.",
    )
    new_pack.add_argument("name", help="the pack's name, e.g. acme-sales")
    new_pack.add_argument("--directory", default=".", help="where to create it (default: .)")
    new_pack.set_defaults(handler=_cmd_new_pack)

    build = command(
        "build",
        help="compile a pack folder to one pack.json",
        description="Read a pack (with its included files) and write it as one pack.json, "
        "which loads several times faster than TOML.",
    )
    build.add_argument("path", metavar="PATH", help="the pack folder or its pack.toml")
    build.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    build.add_argument("--compact", action="store_true", help="no indentation")
    build.set_defaults(handler=_cmd_build)

    migrate = command(
        "migrate",
        help="write a pack of format 1 as format 2",
        description="Write a pack of format 1 as format 2: set format = 2, and turn each "
        "item that replaces an item of a pack in another language into a translation "
        "(translates = ..., its texts only, stamped with the revision of the text it "
        "translates). The packs it translates must be installed or given with "
        "--pack-path. Each file of the pack is written again under its own name; "
        "comments are not kept.",
    )
    migrate.add_argument("path", metavar="FOLDER", help="the pack folder or its pack file")
    migrate.add_argument(
        "-o", "--output", metavar="DIR", help="write the migrated files into DIR (new or empty)"
    )
    migrate.add_argument(
        "--in-place", action="store_true", help="overwrite the pack's own files instead"
    )
    migrate.set_defaults(handler=_cmd_migrate)

    schema = command("schema", help="print the JSON Schema of pack format 1")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE")
    schema.set_defaults(handler=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit code.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except UsageError as exc:  # a mistyped command, with a suggestion
        _out(f"interviewprep: error: {exc}", sys.stderr)
        return EXIT_USAGE
    _merge_global_options(args)
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    # Each run has its own context, so its catalogue never leaks into the next run.
    return contextvars.copy_context().run(_run, handler, args)


def _run(handler: Command, args: argparse.Namespace) -> int:
    """Run a command's *handler*; each kind of failure gives its exit code."""
    from ._rendering import for_terminal as clean
    from .exceptions import InterviewPrepError

    try:
        _CATALOGUE.set(_catalogue_for(args, None))
        return handler(args)
    except UsageError as exc:
        _out(f"interviewprep: error: {exc}", sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        _print_problems(exc.problems, sys.stderr)
        return EXIT_PROBLEMS
    except InterviewPrepError as exc:  # bad data met on the way (a date out of range)
        _out(f"interviewprep: error: {clean(str(exc))}", sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        _out("\n" + _words().phrase("cli.interrupted"), sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # pragma: no cover - output piped into `head`
        return EXIT_OK

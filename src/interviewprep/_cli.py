"""
The ``interviewprep`` command.

Exit codes: 0 on success, 1 when content has problems, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ._library import Library
    from ._problems import Problem

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command was used wrongly; the message says how."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("interviewprep")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "unknown"


def _out(text: str, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(text if text.endswith("\n") else text + "\n")


def _problem_dict(problem: Problem) -> dict[str, Any]:
    from ._convert import to_dict

    data: dict[str, Any] = to_dict(problem)
    return data


def _library(args: argparse.Namespace) -> Library:
    from ._library import load_library

    return load_library(
        packs=args.only or None,
        paths=args.pack_path or (),
        data_only=args.data_only,
    )


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    from ._render import clean

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
                "distribution": source.distribution if source else None,
                "source": source.value if source else None,
            }
        )
    if args.format == "json":
        problems = [_problem_dict(p) for p in library.problems]
        _out(json.dumps({"packs": rows, "problems": problems}, indent=2, ensure_ascii=False))
    else:
        from ._render import clean

        headers = ["PACK", "VERSION", "LANG", "TIPS", "QUESTIONS", "CHECKLISTS", "RUBRICS", "FROM"]
        table = [headers] + [
            [
                r["name"],
                r["version"],
                r["language"],
                str(r["tips"]),
                str(r["questions"]),
                str(r["checklists"]),
                str(r["rubrics"]),
                r["distribution"] or r["source"] or "",
            ]
            for r in rows
        ]
        widths = [max(len(str(row[i])) for row in table) for i in range(len(headers))]
        for row in table:
            line = "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            )
            _out(clean(line.rstrip()))
        if not rows:
            _out("(no packs loaded)")
        if library.problems:
            _out(f"\n{len(library.problems)} problem(s):", sys.stderr)
            _print_problems(library.problems, sys.stderr)
    return EXIT_PROBLEMS if library.problems else EXIT_OK


# -- validate ----------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace) -> int:
    from ._loading import validate_pack

    problems: list[Problem] = []
    for path in args.paths:
        problems += validate_pack(path)
    if args.format == "json":
        _out(json.dumps([_problem_dict(p) for p in problems], indent=2, ensure_ascii=False))
    else:
        _print_problems(problems, sys.stdout)
        if not problems:
            count = len(args.paths)
            _out(f"{count} pack{'s' if count != 1 else ''} valid")
    return EXIT_PROBLEMS if problems else EXIT_OK


# -- show --------------------------------------------------------------------------------

_SHOW_KINDS = {
    "tip": "tips",
    "question": "questions",
    "checklist": "checklists",
    "rubric": "rubrics",
}


def _cmd_show(args: argparse.Namespace) -> int:
    from ._convert import to_dict
    from ._render import render_markdown, render_text

    library = _library(args)
    if args.id:
        kinds = [_SHOW_KINDS[args.kind]] if args.kind else list(_SHOW_KINDS.values())
        found = [getattr(library, kind).get(args.id) for kind in kinds]
        found = [item for item in found if item is not None]
        if not found:
            hint = "" if "/" in args.id else " (use a full id such as core/some-id)"
            raise UsageError(f"no item {args.id!r}{hint}")
        selection: list[Any] = found
    else:
        criteria: dict[str, Any] = {}
        for name in ("stage", "topic", "audience", "tag", "asked_by", "intent", "format"):
            value = getattr(args, name)
            if value:
                criteria[name] = value
        if args.question_kind:
            criteria["kind"] = args.question_kind
        kinds = [_SHOW_KINDS[args.kind]] if args.kind else list(_SHOW_KINDS.values())
        selection = []
        for kind in kinds:
            items = getattr(library, kind)
            try:
                selection += list(items.filter(**criteria))
            except TypeError:
                if args.kind:
                    raise UsageError(f"{args.kind}s cannot be filtered that way") from None
    if args.format == "json":
        _out(json.dumps([to_dict(item) for item in selection], indent=2, ensure_ascii=False))
    elif args.format == "md":
        _out(render_markdown(selection) if selection else "")
    else:
        _out(render_text(selection) if selection else "(nothing matches)")
    if library.problems:
        _print_problems(library.problems, sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


# -- schema ------------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    from ._schema import pack_schema

    text = json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(text)
    else:
        _out(text)
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """
    Build the argument parser with every subcommand.

    Returns:
        The parser; each subcommand stores its handler as ``handler``.
    """
    from ._vocabulary import AskedBy, Audience, Format, Intent, QuestionKind, Stage, Topic

    parser = argparse.ArgumentParser(
        prog="interviewprep",
        description="Second-interview guidance: tips, questions, checklists and rubrics.",
        epilog="Exit codes: 0 success, 1 content problems, 2 usage errors.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument(
        "--pack-path",
        action="append",
        metavar="DIR",
        help="also load the pack in DIR (repeatable)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="PACK",
        help="load only this pack and what it requires (repeatable)",
    )
    parser.add_argument(
        "--data-only",
        action="store_true",
        help="import no third-party code: skip code packs",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    packs = commands.add_parser("packs", help="list the loaded packs and any problems")
    packs.add_argument("--format", choices=["text", "json"], default="text")
    packs.set_defaults(handler=_cmd_packs)

    validate = commands.add_parser(
        "validate",
        help="check pack folders",
        description="Check pack folders; print one problem per line as file:line: path: message.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a pack folder or pack file")
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.set_defaults(handler=_cmd_validate)

    show = commands.add_parser(
        "show",
        help="show an item by full id, or the items matching filters",
        description="Show one item (e.g. core/thank-each-interviewer) or a filtered list.",
    )
    show.add_argument("id", nargs="?", help="full id of an item, such as core/star-answer")
    show.add_argument("--kind", choices=sorted(_SHOW_KINDS), help="only items of this kind")
    show.add_argument("--stage", action="append", choices=[s.value for s in Stage])
    show.add_argument("--topic", action="append", choices=[t.value for t in Topic])
    show.add_argument("--audience", action="append", choices=[a.value for a in Audience])
    show.add_argument(
        "--format-of-interview",
        dest="format",
        action="append",
        choices=[f.value for f in Format],
        help=argparse.SUPPRESS,
    )
    show.add_argument("--asked-by", action="append", choices=[a.value for a in AskedBy])
    show.add_argument("--question-kind", action="append", choices=[k.value for k in QuestionKind])
    show.add_argument("--intent", action="append", choices=[i.value for i in Intent])
    show.add_argument("--tag", action="append")
    show.add_argument(
        "--output-format",
        "--as",
        dest="format",
        choices=["text", "md", "json"],
        default="text",
        help="output format (default: text)",
    )
    show.set_defaults(handler=_cmd_show)

    schema = commands.add_parser("schema", help="print the JSON Schema of pack format 1")
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
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except UsageError as exc:
        _out(f"interviewprep: error: {exc}", sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - output piped into `head`
        return EXIT_OK

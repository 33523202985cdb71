"""
Rendering hostile text: a tip whose body is a megabyte of one Markdown marker (the
shapes that make a careless pattern backtrack), rendered as Markdown, text and HTML,
each against the same shape a tenth of the size (about 10x means linear), and 1 MB
against the 1 s target; ``for_terminal`` on piles of escape introducers that are never
terminated, against a tenth of the pile.

These were timed tests in ``tests/test_render.py``; timings belong here, as ratios
measured in one run. The tests keep what rendering such text must give.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from benchmarks.measure import Row, compare, run_alone, versus

KB, MB = 1_000, 1_000_000
#: What one size may cost against the size a tenth of it (see ``benchmarks.assessment``).
LINEAR = 15.0

#: Text no author writes, in the shapes that make Markdown parsing and escaping costly,
#: each built to *size* characters.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "brackets": lambda n: "[" * n,
    "stars": lambda n: "*" * n,
    "backticks": lambda n: "`" * n,
    "open links": lambda n: "[a](" * (n // 4),
    "underscores": lambda n: "_" * n,
    "table rules": lambda n: "| --- |\n" * (n // 8),
    "angle brackets": lambda n: "<" * n,
    "nested brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "nested links": lambda n: "[a" * (n // 4) + "](x)" * (n // 8),
    "backslashes": lambda n: "\\" * n,
    "close brackets": lambda n: "](" * (n // 2),
}
#: Escape introducers a terminal would wait on, never terminated.
INTRODUCERS = {
    "OSC": "\x1b]",
    "DCS (8-bit)": "\x90",
    "CSI (8-bit)": "\x9b",
    "CSI": "\x1b[",
    "OSC in OSC": "\x1b]a\x1b",
}


def _size(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


def bench_render(rows: list[Row], *, quick: bool, repeats: int) -> None:
    """Each renderer on each hostile shape, and ``for_terminal`` on each introducer."""
    from interviewprep import Tip, render_html, render_markdown, render_text
    from interviewprep._rendering import for_terminal

    renderers: dict[str, Callable[[object], str]] = {
        "markdown": render_markdown,
        "text": lambda obj: render_text(obj, width=80),
        "html": render_html,
    }
    small, large = (10 * KB, 100 * KB) if quick else (100 * KB, MB)
    shapes = dict(list(ADVERSARIAL.items())[:3]) if quick else ADVERSARIAL

    def rendering(renderer: Callable[[object], str], body: str) -> Callable[[], object]:
        item = Tip(id="hostile", title="Hostile", body=body, topic="research")
        return lambda: renderer(item)

    worst = 0.0
    for shape, make in shapes.items():
        for name, renderer in renderers.items():
            t_small, t_large = compare(
                [rendering(renderer, make(small)), rendering(renderer, make(large))],
                max(3, repeats // 2),
            )
            worst = max(worst, t_large * MB / large)
            rows.append(
                versus(
                    f"render {_size(large)} of {shape} as {name}",
                    t_large,
                    f"the same, {_size(small)}",
                    t_small,
                    LINEAR,
                )
            )
    rows.append(
        Row(
            "render hostile Markdown: time per MB, worst shape and renderer",
            worst,
            target="<= 1 s" if large == MB else "",
            met=worst <= 1.0 if large == MB else None,
        )
    )
    count_small, count_large = 20_000, 200_000
    for name, unit in INTRODUCERS.items():
        t_small, t_large = compare(
            [
                lambda unit=unit: for_terminal(unit * count_small),
                lambda unit=unit: for_terminal(unit * count_large),
            ],
            repeats,
        )
        rows.append(
            versus(
                f"for_terminal: {count_large:,} unterminated {name}",
                t_large,
                f"the same, {count_small:,}",
                t_small,
                LINEAR,
            )
        )


def main(argv: list[str] | None = None) -> int:
    """Run this benchmark alone: ``python -m benchmarks.rendering [--quick]``."""
    return run_alone(bench_render, "python -m benchmarks.rendering", __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())

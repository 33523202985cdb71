"""
Assessing long answers: ``assess`` on answers of 10 KB, 100 KB and 1 MB against a
normal answer, each built-in scorer and some degenerate answers from one size to the
next ten times its length (about 10x means linear).

The long answers are the labelled answers of ``benchmarks/labels/dev.jsonl`` joined
and repeated: real sentences of every answer type, figures, first-person actions,
hedges and red flags in their usual proportions. A red flag found by its cues spares
the readings that look for one in calm words, so the time per MB is measured on the
good answers alone (graded 3 or 4, no red flag) as well: the slowest real text. They
answer a story question with talking points and red flags, asked in the sample
interview (its job posting, and an earlier answer to the same question recorded from
the first round).
"""

from __future__ import annotations

import functools
import itertools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.measure import Row, compare, run_alone, versus

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "labels" / "dev.jsonl"
INTERVIEW = ROOT / "examples" / "interview.toml"
#: The story question answered, and the labelled answer that is the normal one.
QUESTION = "core/mistake-you-made"
NORMAL = "dev-mistake-you-made-2"
#: The earlier answer to the question, recorded from the first round.
EARLIER = "dev-mistake-you-made-1"
KB, MB = 1_000, 1_000_000
#: The lowest grade of a good answer.
GOOD = 3
#: What one size may cost against the size a tenth of it: about 10x is linear and 100x
#: quadratic; the margin is for the noise of a shared machine.
LINEAR = 15.0

#: Answers no one gives, built to catch a pattern or loop that is quadratic in some shape
#: of text: the shapes that were (blank lines; one unpunctuated sentence of figures far
#: from any word of change; a word of chained French elisions), and the most costly per
#: character (a sentence per word).
DEGENERATE: dict[str, Callable[[int], str]] = {
    "blank lines between two sentences": lambda n: "It was late." + "\n" * (n - 23) + "I fixed it.",
    "one sentence, figures far from changes": lambda n: (
        _fill("we had 40 people on 12 sites ", n // 2) + _fill("and it rose ", n - n // 2)
    ),
    "one word of chained elisions": lambda n: _fill("l'", n - 1) + "x",
    "a sentence per word": lambda n: _fill("Yes. ", n),
}


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _labels() -> dict[str, dict[str, Any]]:
    with LABELS.open(encoding="utf-8") as lines:
        return {label["id"]: label for label in map(json.loads, lines)}


def _fresh(call: Callable[[], object]) -> Callable[[], object]:
    """
    *call*, with the scorers' per-answer caches emptied first: the scorers share their
    reading of an answer within one assessment, but a timed round must not reuse the
    round before.
    """
    from interviewprep import scorers

    def fresh() -> object:
        for cache in scorers._PER_ANSWER_CACHES:
            cache.cache_clear()
        return call()

    return fresh


def long_answer(size: int, *, good_only: bool = False) -> str:
    """
    *size* characters of the labelled answers (with *good_only*, those graded 3 or 4),
    joined and repeated.
    """
    labels = [label for label in _labels().values() if not good_only or label["grade"] >= GOOD]
    return _fill(" ".join(label["answer"] for label in labels) + " ", size)


def _size(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


def bench_assess(rows: list[Row], *, quick: bool, repeats: int) -> None:
    """
    ``assess`` on long answers against a normal one; each size against the size a tenth
    of it; each built-in scorer and some degenerate answers on the two largest sizes.
    """
    import attrs

    from interviewprep import assess, load_interview, load_library
    from interviewprep._interview import EarlierAnswer
    from interviewprep.scorers import BUILTIN, ScoringContext

    library = load_library(packs=["core"])
    question = library.questions[QUESTION]
    rubric = library.rubric_for(question)
    assert rubric is not None
    labels = _labels()
    interview = load_interview(INTERVIEW)
    earlier = EarlierAnswer(question=QUESTION, answer=labels[EARLIER]["answer"])
    first_round = attrs.evolve(
        interview.first_round, answers=(*interview.first_round.answers, earlier)
    )
    interview = attrs.evolve(interview, first_round=first_round)
    normal = labels[NORMAL]["answer"]
    sizes = (10 * KB, 100 * KB) if quick else (10 * KB, 100 * KB, MB)
    answers = {size: long_answer(size) for size in sizes}

    def assessing(answer: str) -> Callable[[], object]:
        return _fresh(lambda: assess(answer, rubric, question=question, interview=interview))

    assessing(normal)()  # loads the scorers and the phrases once
    good_answer = long_answer(sizes[-1], good_only=True)
    times = compare(
        [assessing(normal), *map(assessing, answers.values()), assessing(good_answer)], repeats
    )
    t_normal, by_size, good = times[0], dict(zip(sizes, times[1:-1], strict=True)), times[-1]
    words = len(normal.split())
    for size, seconds in by_size.items():
        name = f"assess a {_size(size)} answer (story question, posting)"
        rows.append(versus(name, seconds, f"assess a normal answer ({words} words)", t_normal))
    for small, large in itertools.pairwise(sizes):
        name = f"assess a {_size(large)} answer"
        rows.append(
            versus(name, by_size[large], f"assess a {_size(small)} answer", by_size[small], LINEAR)
        )
    largest = sizes[-1]
    for name, seconds in (("", by_size[largest]), (", good answers only", good)):
        rows.append(
            Row(
                f"assess: time per MB (from the {_size(largest)} answer{name})",
                seconds * MB / largest,
                target="<= 1 s" if largest == MB else "",
                met=seconds <= 1.0 if largest == MB else None,
            )
        )
    small, large = sizes[-2], sizes[-1]
    for scorer_id, scorer in sorted(BUILTIN.items()):
        criterion = next((c for c in rubric.criteria if c.scorer == scorer_id), rubric.criteria[0])
        context = ScoringContext(
            criterion=criterion, rubric=rubric, question=question, interview=interview
        )
        t_small, t_large = compare(
            [
                _fresh(functools.partial(scorer, answers[small], context)),
                _fresh(functools.partial(scorer, answers[large], context)),
            ],
            repeats,
        )
        rows.append(
            versus(
                f"scorer {scorer_id}, {_size(large)} answer",
                t_large,
                f"the same, {_size(small)}",
                t_small,
                LINEAR,
            )
        )
    for shape, make in DEGENERATE.items():
        t_small, t_large = compare(
            [assessing(make(small)), assessing(make(large))], max(3, repeats // 2)
        )
        rows.append(
            versus(
                f"assess {_size(large)}: {shape}",
                t_large,
                f"the same, {_size(small)}",
                t_small,
                LINEAR,
            )
        )


def main(argv: list[str] | None = None) -> int:
    """Run this benchmark alone: ``python -m benchmarks.assessment [--quick]``."""
    return run_alone(bench_assess, "python -m benchmarks.assessment", __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())

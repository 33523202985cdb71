"""
Mock-interview practice: a seeded set of questions, answered and assessed one by one.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from statistics import mean
from typing import TYPE_CHECKING

import attrs

from ._assessment import Assessment, assess
from ._interview import Interview
from ._matching import Relevance
from ._model import Question
from ._vocabulary import AskedBy

if TYPE_CHECKING:
    from ._library import Library
    from .scorers import Judge, Scorer

__all__ = ["PracticeSession", "PracticeSummary", "Prompt"]


@attrs.frozen(kw_only=True)
class Prompt:
    """
    One question of a mock interview.

    Attributes:
        question: The question.
        interviewer: The name of the interviewer who asks it, if the interview has any.
        follow_ups: The likely follow-ups, in order.
    """

    question: Question
    interviewer: str | None
    follow_ups: tuple[str, ...]


@attrs.frozen(kw_only=True)
class PracticeSummary:
    """
    What a practice session showed.

    Attributes:
        answered: How many questions were answered.
        average: The mean of the assessments' totals, or ``None``.
        strengths: Criteria at their top level in most answers.
        to_rehearse: Questions whose answers scored lowest, with the first suggestion.
    """

    answered: int
    average: float | None
    strengths: tuple[str, ...]
    to_rehearse: tuple[str, ...]


class PracticeSession:
    """
    A seeded mock interview drawn from the library for one interview.

    Questions are asked of the candidate (``asked_by = "interviewer"``), suited to
    the interviewers' audiences, drawn without repeats and spread over kinds and
    audiences in turn; each comes with its follow-ups in order. The same library,
    interview and seed always give the same questions.

    Args:
        library: The loaded content.
        interview: The interview to practise for.
        seed: The random seed.
        questions: How many questions to ask.
        scorers: Extra scorers by id for the assessments.
        judges: Judges by selector for the assessments (see :func:`assess`), such as
            ``{"*": load_judge("openai")}``.
        data_only: Run no third-party scorers (see :func:`assess`).
        opt_in: Opt-in tags whose questions to draw too (``["brainteaser"]``; see
            :data:`interviewprep.OPT_IN_TAGS`); by default they are never drawn.
    """

    def __init__(
        self,
        library: Library,
        interview: Interview,
        *,
        seed: int = 0,
        questions: int = 5,
        scorers: Mapping[str, Scorer] | None = None,
        judges: Mapping[str, Judge] | None = None,
        data_only: bool = False,
        opt_in: Iterable[str] = (),
    ) -> None:
        self.library = library
        self._opt_in = tuple(opt_in)
        self.interview = interview
        self.seed = seed
        self._scorers = scorers
        self._judges = judges
        self._data_only = data_only
        self.prompts: tuple[Prompt, ...] = tuple(self._draw(questions))
        self.assessments: dict[str, Assessment] = {}

    def _draw(self, count: int) -> list[Prompt]:
        rng = random.Random(self.seed)
        people = list(self.interview.interviewers)
        audiences = {p.audience for p in people}
        relevance = Relevance(self.library, self.interview, self._opt_in)
        pool = [
            q
            for q in relevance.select(self.library.questions.filter(asked_by=AskedBy.INTERVIEWER))
            if not audiences or not q.audiences or q.audiences & audiences
        ]
        by_kind: dict[str, list[Question]] = {}
        for question in pool:
            by_kind.setdefault(str(question.kind), []).append(question)
        for group in by_kind.values():
            rng.shuffle(group)
        kinds = sorted(by_kind)
        rng.shuffle(kinds)
        drawn: list[Question] = []
        while len(drawn) < count and any(by_kind.values()):
            for kind in kinds:
                if by_kind[kind] and len(drawn) < count:
                    drawn.append(by_kind[kind].pop())
        prompts = []
        for index, question in enumerate(drawn):
            asker = None
            if people:
                suited = [
                    p for p in people if not question.audiences or p.audience in question.audiences
                ]
                choices = suited or people
                asker = choices[index % len(choices)].name
            prompts.append(
                Prompt(question=question, interviewer=asker, follow_ups=question.follow_ups)
            )
        return prompts

    def answer(self, prompt: Prompt | int | str, text: str) -> Assessment:
        """
        Record and assess an answer.

        Args:
            prompt: The prompt, its position, or its question's full id.
            text: The answer.

        Returns:
            The assessment against the question's rubric.

        Raises:
            LookupError: If the prompt is not part of this session, or its question
                names no rubric the library holds.
        """
        chosen = self._prompt(prompt)
        question = chosen.question
        rubric = self.library.rubric_for(question)
        if rubric is None:
            msg = f"question {question.full_id!r} has no rubric in the library to assess against"
            raise LookupError(msg)
        result = assess(
            text,
            rubric,
            question=question,
            interview=self.interview,
            scorers=self._scorers,
            judges=self._judges,
            data_only=self._data_only,
        )
        self.assessments[question.full_id] = result
        return result

    def _prompt(self, prompt: Prompt | int | str) -> Prompt:
        if isinstance(prompt, Prompt):
            if prompt in self.prompts:
                return prompt
        elif isinstance(prompt, int):
            if 0 <= prompt < len(self.prompts):
                return self.prompts[prompt]
        else:
            for candidate in self.prompts:
                if candidate.question.full_id == prompt:
                    return candidate
        msg = f"{prompt!r} is not a question of this practice session"
        raise LookupError(msg)

    def summary(self) -> PracticeSummary:
        """
        Strengths and what to rehearse, from the answers given so far.
        """
        results: Sequence[Assessment] = list(self.assessments.values())
        totals = [r.total for r in results if r.total is not None]
        top_counts: dict[str, int] = {}
        for result in results:
            for item in result.criteria:
                if item.level is not None and item.score == max(
                    lvl.score for lvl in item.criterion.levels
                ):
                    top_counts[item.criterion.name] = top_counts.get(item.criterion.name, 0) + 1
        strengths = tuple(
            name
            for name, n in sorted(top_counts.items(), key=lambda e: (-e[1], e[0]))
            if n * 2 >= len(results)
        )
        ranked = sorted(
            (r for r in results if r.total is not None and r.question is not None),
            key=lambda r: (r.total, r.question.full_id if r.question else ""),
        )
        to_rehearse = []
        for result in ranked:
            scale_top = result.rubric.scale.max
            if (
                result.total is not None
                and result.total < scale_top - 0.5
                and result.question is not None
            ):
                hint = result.suggestions[0] if result.suggestions else ""
                to_rehearse.append(
                    f"{result.question.text} — {hint}" if hint else result.question.text
                )
        return PracticeSummary(
            answered=len(results),
            average=round(mean(totals), 2) if totals else None,
            strengths=strengths,
            to_rehearse=tuple(to_rehearse[:3]),
        )

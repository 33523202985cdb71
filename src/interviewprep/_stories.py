"""
The story bank: the candidate's own stories, matched to questions and spread over a loop.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._interview import Interviewer
from ._model import Question, _check_id, _check_text
from ._words import content_words, stem
from .exceptions import ValidationError

__all__ = ["Story", "StoryAssignment", "StoryBank", "StoryChoice"]


def _terms(text: str) -> set[str]:
    return {stem(w) for w in content_words(text, min_length=5)}


def _words_bystem(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for word in content_words(text, min_length=5):
        found.setdefault(stem(word), word)
    return found


def _labels(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        values = (values,)
    return frozenset(" ".join(v.lower().replace("-", " ").split()) for v in values)


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


@attrs.frozen(kw_only=True)
class Story:
    """
    One of the candidate's stories, told in the STAR shape.

    Attributes:
        id: A short id, unique in the bank (``[a-z0-9][a-z0-9-]*``).
        title: A name to recognise it by.
        situation: The context.
        task: What the candidate had to achieve.
        action: What the candidate did.
        result: What came of it, with figures where possible.
        skills: The skills it shows (``"stakeholder management"``); compared
            case-insensitively, with ``-`` and spaces alike.
        metrics: The figures that prove the result (``"churn down 18%"``).
        tags: Free-form labels matched against questions' tags.
    """

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: frozenset[str] = attrs.field(default=frozenset(), converter=_labels)
    metrics: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_labels)

    def terms(self) -> set[str]:
        """
        The words the story can be matched on.
        """
        text = " ".join([self.title, self.situation, self.task, self.action, self.result])
        return _terms(text) | {stem(w) for skill in self.skills for w in skill.split()}


def _question_terms(question: Question) -> set[str]:
    text = " ".join([question.text, question.guidance, *question.follow_ups])
    return _terms(text) | {stem(w) for tag in question.tags for w in tag.replace("-", " ").split()}


@attrs.frozen(kw_only=True)
class StoryChoice:
    """
    The story chosen for one question with one interviewer, and why.

    Attributes:
        interviewer: The interviewer's name.
        question: The question's full id.
        story: The story's id, or ``None`` when no story fits.
        reason: Why this story was chosen.
        reused: Whether the story was already told to another interviewer (only
            ever when no unused fitting story remained).
    """

    interviewer: str
    question: str
    story: str | None
    reason: str
    reused: bool = False


@attrs.frozen(kw_only=True)
class StoryAssignment:
    """
    Which story to tell each interviewer for each question.

    Attributes:
        choices: Every choice, in the order they were made.
    """

    choices: tuple[StoryChoice, ...]

    def for_interviewer(self, name: str) -> dict[str, str | None]:
        """
        The story id chosen for each question (full id) with the interviewer *name*.
        """
        return {c.question: c.story for c in self.choices if c.interviewer == name}

    def as_dict(self) -> dict[str, dict[str, str | None]]:
        """
        Interviewer name to {question full id: story id}.
        """
        result: dict[str, dict[str, str | None]] = {}
        for choice in self.choices:
            result.setdefault(choice.interviewer, {})[choice.question] = choice.story
        return result

    def explain(self) -> str:
        """
        One line per choice, saying which story goes where and why.
        """
        lines = []
        for choice in self.choices:
            story = choice.story or "no story"
            lines.append(f"{choice.interviewer} / {choice.question}: {story} — {choice.reason}")
        return "\n".join(lines)


def _stories(values: Iterable[Story]) -> tuple[Story, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class StoryBank:
    """
    The candidate's stories, with matching and assignment across interviewers.

    Attributes:
        stories: The stories; ids are unique.
    """

    stories: tuple[Story, ...] = attrs.field(default=(), converter=_stories)

    @stories.validator
    def _check_stories(self, _: attrs.Attribute[Any], stories: tuple[Story, ...]) -> None:
        seen: set[str] = set()
        for index, story in enumerate(stories):
            if story.id in seen:
                raise ValidationError(f"stories[{index}].id", f"duplicate story id {story.id!r}")
            seen.add(story.id)

    def __len__(self) -> int:
        return len(self.stories)

    def fit(self, story: Story, question: Question) -> tuple[int, list[str]]:
        """
        How well *story* fits *question*: a score (0 means it does not fit) and the
        shared skills, tags and words that earned it.
        """
        wanted = _question_terms(question)
        tags = {" ".join(t.lower().replace("-", " ").split()) for t in question.tags}
        matched_labels = sorted((story.skills | story.tags) & tags)
        spelled = _words_bystem(" ".join([question.text, question.guidance, *question.follow_ups]))
        matched_words = sorted(spelled.get(stem, stem) for stem in story.terms() & wanted)
        score = 3 * len(matched_labels) + len(matched_words)
        return score, matched_labels + [w for w in matched_words if w not in matched_labels]

    def suggest(self, question: Question, k: int = 3) -> list[Story]:
        """
        The *k* stories that fit *question* best, best first (ties in bank order).

        Stories that share nothing with the question are never suggested.
        """
        ranked = sorted(
            (
                (self.fit(story, question)[0], position, story)
                for position, story in enumerate(self.stories)
            ),
            key=lambda entry: (-entry[0], entry[1]),
        )
        return [story for score, _, story in ranked[:k] if score > 0]

    def assign(
        self,
        interviewers: Sequence[Interviewer | str],
        questions: Sequence[Question] | Mapping[str, Sequence[Question]],
    ) -> StoryAssignment:
        """
        Choose a story for each question with each interviewer of one loop.

        No story is told to two interviewers while an unused story that fits
        remains; one interviewer never hears the same story twice. Interviewers are
        served in order, questions in order; among unused fitting stories the best
        fitting wins (ties in bank order).

        Args:
            interviewers: The interviewers (or their names), in the order of the day.
            questions: The questions each is likely to ask: one list for all, or a
                mapping from interviewer name to that interviewer's questions.

        Returns:
            The assignment, with the reason for every choice.
        """
        told_anywhere: dict[str, str] = {}
        choices: list[StoryChoice] = []
        for person in interviewers:
            name = person if isinstance(person, str) else person.name
            asked = questions.get(name, ()) if isinstance(questions, Mapping) else questions
            told_here: set[str] = set()
            for question in asked:
                ranked = sorted(
                    (
                        (*self.fit(story, question), position, story)
                        for position, story in enumerate(self.stories)
                    ),
                    key=lambda entry: (-entry[0], entry[2]),
                )
                fitting = [(score, why, story) for score, why, _, story in ranked if score > 0]
                fresh = [entry for entry in fitting if entry[2].id not in told_anywhere]
                again = [
                    entry
                    for entry in fitting
                    if entry[2].id in told_anywhere and entry[2].id not in told_here
                ]
                if fresh:
                    _, why, story = fresh[0]
                    reason = f"fits on {', '.join(why[:5])}; not yet told to anyone"
                    choice = StoryChoice(
                        interviewer=name, question=question.full_id, story=story.id, reason=reason
                    )
                elif again:
                    _, why, story = again[0]
                    reason = (
                        f"fits on {', '.join(why[:5])}; every fitting story is already told, "
                        f"so this one is reused (first told to {told_anywhere[story.id]})"
                    )
                    choice = StoryChoice(
                        interviewer=name,
                        question=question.full_id,
                        story=story.id,
                        reason=reason,
                        reused=True,
                    )
                else:
                    reason = "no story in the bank fits this question: add one"
                    choice = StoryChoice(
                        interviewer=name, question=question.full_id, story=None, reason=reason
                    )
                if choice.story is not None:
                    told_anywhere.setdefault(choice.story, name)
                    told_here.add(choice.story)
                choices.append(choice)
        return StoryAssignment(choices=tuple(choices))

    def save(self, path: str | os.PathLike[str]) -> None:
        """
        Write the bank to a JSON file that :meth:`load` reads back.

        The file is written atomically: killed half-way, the old file is intact.

        Raises:
            OSError: If the file cannot be written (the old one is then unchanged).
        """
        from ._files import to_json
        from ._filesystem import write_atomic

        write_atomic(path, to_json(self) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> StoryBank:
        """
        Read a bank from a JSON or TOML file (``[[stories]]`` tables).

        Raises:
            StructureError: With every problem (an unreadable file included), naming
                the file, the line where known and the field path.
        """
        from ._files import read_model

        return read_model(cls, path)

"""
The vocabulary of pack files (format 1, and the values format 2 adds).

Every enum's values are the strings used in pack files, so ``Stage("before")`` and
``Stage.BEFORE`` are the same member and user code reads like the pack files.
"""

from __future__ import annotations

import enum

__all__ = [
    "AnswerType",
    "AskedBy",
    "Audience",
    "Format",
    "Intent",
    "QuestionKind",
    "Seniority",
    "Situation",
    "Stage",
    "Theme",
    "Topic",
]


class Stage(enum.StrEnum):
    """
    When a piece of guidance applies, relative to the interview.

    ``offer`` (pack format 2) covers the calls after an offer: questions about it,
    negotiation, deadlines and the decision.
    """

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"
    OFFER = "offer"


class Topic(enum.StrEnum):
    """
    What a tip is about.
    """

    RESEARCH = "research"
    SELF_REVIEW = "self-review"
    STORIES = "stories"
    FIT = "fit"
    TECHNICAL = "technical"
    MOTIVATION = "motivation"
    QUESTIONS_TO_ASK = "questions-to-ask"
    SALARY = "salary"
    LOGISTICS = "logistics"
    FOLLOW_UP = "follow-up"


class Theme(enum.StrEnum):
    """
    What a question is about (pack format 2), for grouping and choosing questions.
    """

    ROLE = "role"
    TEAM = "team"
    TEAM_MATCHING = "team-matching"
    MANAGEMENT = "management"
    CULTURE = "culture"
    GROWTH = "growth"
    PERFORMANCE = "performance"
    BUSINESS = "business"
    STRATEGY = "strategy"
    REMOTE_WORK = "remote-work"
    OFFICE = "office"
    PAY = "pay"
    BENEFITS = "benefits"
    PROCESS = "process"
    OFFER = "offer"
    WELLBEING = "wellbeing"
    INCLUSION = "inclusion"


class Audience(enum.StrEnum):
    """
    Who the candidate meets in the second round.
    """

    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring-manager"
    PANEL = "panel"
    PEER = "peer"
    SENIOR_TECHNICAL = "senior-technical"
    EXECUTIVE = "executive"
    LINE_MANAGER = "line-manager"


class Format(enum.StrEnum):
    """
    How the interview is held.
    """

    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"
    PANEL = "panel"


class AskedBy(enum.StrEnum):
    """
    Who asks a question: the interviewer (of the candidate) or the candidate.
    """

    INTERVIEWER = "interviewer"
    CANDIDATE = "candidate"


class QuestionKind(enum.StrEnum):
    """
    The kind of a question, which decides how it is best answered.
    """

    BEHAVIORAL = "behavioral"
    MOTIVATIONAL = "motivational"
    SITUATIONAL = "situational"
    TECHNICAL_DEPTH = "technical-depth"
    CULTURE_FIT = "culture-fit"
    REFLECTION = "reflection"
    SALARY = "salary"
    CAREER_GOALS = "career-goals"


class Intent(enum.StrEnum):
    """
    What the asker checks: can you do the job, will you do it, will you fit in.
    """

    CAN_DO = "can-do"
    WILL_DO = "will-do"
    FIT = "fit"


class AnswerType(enum.StrEnum):
    """
    What kind of answer a question asked of the candidate wants (pack format 2).

    The answer type tells assessment and practice what to expect, and chooses the
    default rubric: a rubric names the answer types it rates.
    """

    STORY = "story"
    HYPOTHETICAL = "hypothetical"
    MOTIVATION = "motivation"
    OPINION = "opinion"
    ESTIMATION = "estimation"
    SALARY = "salary"
    CLOSING = "closing"
    KNOWLEDGE = "knowledge"


class Seniority(enum.StrEnum):
    """
    How senior the role is (pack format 2).
    """

    ENTRY = "entry"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"
    EXECUTIVE = "executive"


class Situation(enum.StrEnum):
    """
    The candidate's situation, where advice differs (pack format 2).
    """

    GRADUATE = "graduate"
    CAREER_CHANGER = "career-changer"
    INTERNAL = "internal"
    RETURNER = "returner"
    ADJUSTMENTS = "adjustments"

"""
The one exception the judge raises.
"""

from __future__ import annotations

from interviewprep import InterviewPrepError

__all__ = ["JudgeError", "excerpt"]


class JudgeError(InterviewPrepError, RuntimeError):
    """
    The judge could not score the answer: the endpoint failed, timed out or sent a reply
    that holds no usable scores, or the judge is not configured.

    :func:`interviewprep.assess` catches it, reports it in ``Assessment.problems`` and
    scores the judge's criteria with their own scorers instead.

    Attributes:
        url: The URL the judge called, or ``None`` when it never got that far.
        status: The HTTP status of the reply, when there was one.
    """

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


def excerpt(text: str, limit: int = 200) -> str:
    """
    The start of *text*, whitespace collapsed, quoted: what error messages show of a reply.
    """
    text = " ".join(text[: 4 * limit].split())
    return repr(text if len(text) <= limit else f"{text[:limit]}...")

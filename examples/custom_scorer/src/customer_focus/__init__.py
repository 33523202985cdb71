"""An example scorer: how often does an answer put the customer at its centre?"""

from __future__ import annotations

import re

from interviewprep.scorers import Score, ScoringContext

_CUSTOMER = re.compile(r"\b(?:customers?|clients?|users?|buyers?)\b", re.IGNORECASE)


def score(answer: str, context: ScoringContext) -> Score:
    """Score 0-1 by mentions of customers, users or clients (three or more is the top)."""
    mentions = _CUSTOMER.findall(answer)
    value = min(len(mentions), 3) / 3
    suggestion = "" if value == 1 else "Say who the work was for and what changed for them."
    evidence = (f"{len(mentions)} mention(s) of customers, clients or users",)
    return Score(value=value, evidence=evidence, suggestion=suggestion)

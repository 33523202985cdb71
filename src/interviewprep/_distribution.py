"""
The distribution interviewprep is installed as, and its version.

The import name is ``interviewprep``; the distribution on PyPI is
``interviewprep-kit`` (the name ``interviewprep`` belongs to an unrelated project).
"""

from __future__ import annotations

__all__ = ["DISTRIBUTION", "installed_version"]

#: The name interviewprep is installed under (``pip install interviewprep-kit``).
DISTRIBUTION = "interviewprep-kit"


def installed_version() -> str:
    """
    The installed version, or ``"unknown"`` when running from a bare source tree.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # pragma: no cover - a bare source tree
        return "unknown"

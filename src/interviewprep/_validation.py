"""
Validating a pack folder: read on its own, then resolved with the installed packs.
"""

from __future__ import annotations

import os

from ._discovery import PackSource
from ._files import Limits
from ._library import load_candidates
from ._loading import load_pack_with_origin
from ._resolve import Candidate, resolve
from .exceptions import PackError, Problem

__all__ = ["validate_pack"]


def validate_pack(
    path: str | os.PathLike[str], *, limits: Limits | None = None, data_only: bool = True
) -> list[Problem]:
    """
    Check a pack folder and return its problems; never raises for content problems.

    The pack is read (syntax, fields, ids, includes, limits) and then resolved with
    the installed packs it requires, so references, ``requires`` and ``replaces``
    are checked too. An installed pack of the same name is set aside for the check.

    Args:
        path: The pack folder or its main file.
        limits: Bounds on file size, nesting and item count.
        data_only: Read the installed packs without importing third-party code
            (code packs it requires are then missing).

    Returns:
        The problems, in file order, then the warnings (``severity="warning"``:
        things to look at that do not make the pack invalid); empty when the pack
        is valid and nothing needs a look.
    """
    try:
        pack, origin = load_pack_with_origin(path, limits=limits)
    except PackError as exc:
        return list(exc.problems)
    installed, _ = load_candidates(data_only=data_only, limits=limits, skip=[pack.name])
    own = Candidate(PackSource(name=pack.name, kind="path", value=str(path)), pack, origin)
    resolution = resolve([*installed, own], wanted=[pack.name])
    return [p for p in (*resolution.problems, *resolution.warnings) if p.pack == pack.name]

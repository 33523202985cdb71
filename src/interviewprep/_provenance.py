"""
Provenance: where an item's text comes from, under which licence, and whom to credit.

A pack names its source, licence and attribution in its manifest; an item may name
its own, field by field. :func:`provenance` applies that fallback, so every
renderer and command credits content the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ._model import Checklist, PackInfo, Question, Rubric, Source, Tip, Translation

__all__ = ["Provenance", "provenance"]


class Provenance(NamedTuple):
    """
    Where content comes from: its source, its licence and whom to credit.

    Attributes:
        source: The page or repository it was taken or translated from (URL and
            revision), or ``None`` if none is named.
        license: Its licence, an SPDX expression such as ``"CC-BY-SA-4.0"``.
        attribution: Whom to credit, as the licence asks.
    """

    source: Source | None
    license: str | None
    attribution: str | None

    def __bool__(self) -> bool:
        """
        Whether anything is named at all.
        """
        return any(value is not None for value in self)


def provenance(
    item: Tip | Question | Checklist | Rubric | Translation | PackInfo | None,
    pack_info: PackInfo | None = None,
) -> Provenance:
    """
    The provenance of *item*: each of its source, licence and attribution, or its pack's.

    Each field falls back on its own: an item that names only a licence keeps its
    pack's source and attribution. An item with neither its own provenance nor a
    pack (``pack_info`` ``None``) has none.

    Args:
        item: An item (or a translation), or a pack's manifest for the pack's own
            provenance; ``None`` for the pack's alone.
        pack_info: The manifest of the pack *item* belongs to, or ``None`` if unknown.

    Returns:
        ``(source, license, attribution)``, a :class:`Provenance`.

    Example:
        >>> from interviewprep import PackInfo, Tip, provenance
        >>> info = PackInfo(name="acme", version="1.0", title="Acme", license="CC-BY-SA-4.0")
        >>> tip = Tip(id="t", title="T", body="B", topic="research", license="CC0-1.0")
        >>> provenance(tip, info).license
        'CC0-1.0'
        >>> provenance(Tip(id="u", title="U", body="B", topic="research"), info)
        Provenance(source=None, license='CC-BY-SA-4.0', attribution=None)
    """
    if pack_info is None:
        source, license_, attribution = None, None, None
    else:
        source, license_, attribution = pack_info.source, pack_info.license, pack_info.attribution
    if item is None:
        return Provenance(source, license_, attribution)
    return Provenance(
        item.source if item.source is not None else source,
        item.license if item.license is not None else license_,
        item.attribution if item.attribution is not None else attribution,
    )


def own_provenance(
    item: Tip | Question | Checklist | Rubric, pack_info: PackInfo | None
) -> Provenance | None:
    """
    *item*'s provenance when it differs from its pack's, else ``None``.

    This is what a renderer shows under an item: a pack's provenance is credited
    once for the whole pack.
    """
    mine = provenance(item, pack_info)
    theirs = provenance(None, pack_info)
    return mine if mine != theirs and mine else None

"""
Migrating a pack of format 1 to format 2 (``interviewprep migrate``).

The rules:

- the manifest says ``format = 2``;
- an item that replaces an item of a pack in another language (a translation written
  the format 1 way, ``replaces = "core/x"`` in a pack whose ``language`` differs from
  core's) becomes a translation: ``translates = "core/x"`` with only its text fields
  (:data:`~interviewprep._model.TEXT_FIELDS`; a checklist's item ids and texts, a
  rubric's criterion ids, names, descriptions and level scores, labels and anchors)
  and its own licence, keeping its id; everything else is inherited from the item it
  translates, so it is dropped. Its ``revision`` is the
  :func:`~interviewprep._model.text_revision` of that item, so a later ``validate``
  tells when the source changes;
- a reference of the pack's other items to an item that became a translation (a
  checklist item's ``tips``, a question's ``rubric``) points at the translated item,
  which is what the library shows in the pack's language;
- an item that replaces an item of a pack in the same language stays as it is.

Files: each file of the pack is written again under the same relative name (the main
file and every file its ``include`` patterns match), TOML as TOML and JSON as JSON,
so the ``include`` patterns stay right and an author's layout is kept. Comments are
not kept. The written data is the data read, changed only as above.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._convert import from_dict
from ._files import Limits, read_document
from ._loading import read_pack
from ._model import ITEM_KINDS, TEXT_FIELDS, Pack, text_revision
from ._toml import dumps
from .exceptions import Problem, StructureError

if TYPE_CHECKING:
    from ._files import Document
    from ._library import Library

__all__ = ["MigratedFile", "Migration", "migrate"]

#: The comment put at the top of each TOML file written.
HEADER = "Pack format 2, written by `interviewprep migrate` from a pack of format 1."
#: Item fields a translation keeps besides its texts.
_KEPT = ("id", "license")


@attrs.frozen
class MigratedFile:
    """
    One file of a migrated pack.

    Attributes:
        path: Its path relative to the pack folder, with ``/`` separators.
        text: Its new content.
    """

    path: str
    text: str


@attrs.frozen
class Migration:
    """
    A pack of format 1 written as format 2, not yet saved.

    Attributes:
        name: The pack's name.
        folder: The pack's folder.
        files: The files to write, the main file first.
        translations: How many items became translations.
        warnings: What the author should look at: texts of a translation that match
            nothing in the item it translates (a checklist item or a criterion that
            item does not have), kept in the file but not shown.
    """

    name: str
    folder: Path
    files: tuple[MigratedFile, ...]
    translations: int
    warnings: tuple[Problem, ...] = ()


def _translation(
    kind: str, entry: Mapping[str, Any], target: Any, document: Document, where: str
) -> tuple[dict[str, Any], list[Problem]]:
    """The translation an item of format 1 becomes, and what is wrong with it."""
    problems: list[Problem] = []
    data: dict[str, Any] = {"id": entry["id"], "translates": entry["replaces"]}
    for name in TEXT_FIELDS[kind]:
        value = entry.get(name)
        if value is None or value == "":
            continue
        if kind == "checklists" and name == "items":
            known = {item.id for item in target.items}
            for index, item in enumerate(value):
                if item["id"] not in known:
                    msg = (
                        f"item {item['id']!r} is not an item of {target.full_id}: a "
                        "translation matches checklist items by id, so its text is not shown"
                    )
                    problems.append(_warning(document, msg, f"{where}.items[{index}].id"))
            value = [{"id": item["id"], "text": item["text"]} for item in value]
        elif kind == "rubrics" and name == "criteria":
            criteria = {criterion.id: criterion for criterion in target.criteria}
            texts = []
            for index, criterion in enumerate(value):
                found = criteria.get(criterion["id"])
                if found is None:
                    msg = (
                        f"criterion {criterion['id']!r} is not a criterion of "
                        f"{target.full_id}: a translation matches criteria by id, so its "
                        "text is not shown"
                    )
                    problems.append(_warning(document, msg, f"{where}.criteria[{index}].id"))
                text: dict[str, Any] = {"id": criterion["id"], "name": criterion["name"]}
                if criterion.get("description"):
                    text["description"] = criterion["description"]
                text["levels"] = [
                    {"score": level["score"], "label": level["label"], "anchor": level["anchor"]}
                    for level in criterion.get("levels", ())
                ]
                texts.append(text)
            value = texts
        data[name] = value
    data["revision"] = text_revision(target)
    for name in _KEPT:
        if name in entry and name not in data:
            data[name] = entry[name]
    return data, problems


def _warning(document: Document, message: str, path: str) -> Problem:
    return attrs.evolve(document.problem(message, path), severity="warning")


def _reference(value: str, name: str, moved: Mapping[str, str]) -> str:
    """*value* (a reference) pointing at the translated item if its item moved."""
    bare = value.removeprefix(f"{name}/")
    return moved.get(bare, value) if "/" not in bare else value


def migrate(
    path: str | os.PathLike[str], library: Library, *, limits: Limits | None = None
) -> Migration:
    """
    The pack at *path* (format 1) as format 2, by the rules of this module.

    Args:
        path: The pack folder, or its main file.
        library: The packs its translations translate (the installed packs and
            any other folders): each one's ``language`` tells a translation from
            an override, and each translated item gives the translation's revision.
        limits: Bounds on the files read.

    Returns:
        The migration, to write with its files' relative paths.

    Raises:
        StructureError: If the pack has problems, is of format 2 already, or
            replaces an item of a pack that *library* does not hold (it cannot tell
            then whether the item is a translation, so it does not guess).
    """
    limits = limits or Limits()
    reading = read_pack(path, limits=limits)
    pack = reading.pack
    if pack is None or reading.problems:
        raise StructureError(reading.problems, target=str(path))
    main_file = Path(reading.files[0])
    folder = main_file.parent
    if pack.info.format >= 2:
        problem = Problem(
            message=f"{pack.name} is of pack format {pack.info.format} already: nothing to migrate",
            pack=pack.name,
            file=str(main_file),
        )
        raise StructureError([problem], target=str(path))
    others = {other.name: other for other in library.packs if other.name != pack.name}
    documents = [read_document(file, limits=limits) for file in reading.files]
    problems: list[Problem] = []
    warnings: list[Problem] = []
    moved: dict[str, dict[str, str]] = {kind: {} for kind in ITEM_KINDS}
    count = 0
    for document in documents:
        for kind in ITEM_KINDS:
            entries = document.data.get(kind, [])
            for index, entry in enumerate(entries):
                replaces = entry.get("replaces")
                if not isinstance(replaces, str):
                    continue
                where = f"{kind}[{index}]"
                target_name, _, target_id = replaces.partition("/")
                target_pack = others.get(target_name)
                if target_pack is None:
                    msg = (
                        f"replaces {replaces!r}, but pack {target_name!r} is not available: "
                        "install it or pass its folder with --pack-path, so that migrate can "
                        "tell a translation (a pack in another language) from an override"
                    )
                    problems.append(document.problem(msg, f"{where}.replaces"))
                    continue
                if target_pack.info.language.lower() == pack.info.language.lower():
                    continue  # an override in the same language stays one
                target = next((i for i in getattr(target_pack, kind) if i.id == target_id), None)
                if target is None:
                    msg = f"replaces {replaces!r}, which is not an item of {target_name}"
                    problems.append(document.problem(msg, f"{where}.replaces"))
                    continue
                translation, found = _translation(kind, entry, target, document, where)
                warnings += found
                entries[index] = translation
                moved[kind][entry["id"]] = replaces
                count += 1
    if problems:
        raise StructureError(problems, target=str(path))
    for document in documents:
        for question in document.data.get("questions", []):
            if "translates" not in question and isinstance(question.get("rubric"), str):
                question["rubric"] = _reference(question["rubric"], pack.name, moved["rubrics"])
        for checklist in document.data.get("checklists", []):
            if "translates" in checklist:
                continue
            for item in checklist.get("items", []):
                if isinstance(item.get("tips"), list):
                    item["tips"] = [_reference(t, pack.name, moved["tips"]) for t in item["tips"]]
    manifest = documents[0].data["pack"]
    manifest["format"] = 2
    _check(documents)
    files = tuple(
        MigratedFile(
            path=Path(document.file).relative_to(folder).as_posix(),
            text=_write(document.file, document.data),
        )
        for document in documents
    )
    return Migration(
        name=pack.name,
        folder=folder,
        files=files,
        translations=count,
        warnings=tuple(warnings),
    )


def _write(file: Path, data: dict[str, Any]) -> str:
    """*data* in the format of *file*: JSON for ``.json``, else TOML, checked to read back."""
    if file.suffix == ".json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    text = dumps(data, header=HEADER)
    if tomllib.loads(text) != data:  # pragma: no cover - the writer's tests keep it so
        msg = f"the TOML written for {file} does not read back as its data"
        raise AssertionError(msg)
    return text


def _check(documents: list[Document]) -> None:
    """Raise :class:`StructureError` if the migrated files do not make a valid pack."""
    manifest = {k: v for k, v in documents[0].data["pack"].items() if k != "include"}
    merged: dict[str, Any] = {"pack": manifest}
    for document in documents:
        for key in (*ITEM_KINDS, "phrases"):
            if key in document.data:
                if key == "phrases":
                    merged.setdefault(key, {}).update(document.data[key])
                else:
                    merged.setdefault(key, []).extend(document.data[key])
    from_dict(Pack, merged)

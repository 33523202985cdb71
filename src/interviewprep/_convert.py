"""
One cattrs converter for the whole content model, and the functions built on it.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import gc
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._durations import format_duration, parse_duration
from ._model import (
    ALWAYS_WRITTEN,
    ITEM_CLASSES,
    ITEM_KINDS,
    KEY,
    KIND_NOUNS,
    NOUN_KINDS,
    TEXT_FIELDS,
    TRANSLATION_FIELDS,
    InPack,
    Pack,
    PackInfo,
    Translation,
)
from ._suggest import close_matches
from .exceptions import Problem, StructureError, ValidationError, excerpt

__all__ = [
    "configure_converter",
    "from_dict",
    "make_converter",
    "problems_from_exception",
    "to_dict",
]

if TYPE_CHECKING:
    from attrs import AttrsInstance

T = TypeVar("T")
#: The key under which an item's full id is written outside a pack.
FULL_ID = "full_id"


def _is_vocabulary(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.StrEnum)


def _is_open_vocabulary(cls: Any) -> bool:
    """A vocabulary a pack may extend: ``Stage | str`` (and ``... | None``)."""
    if typing.get_origin(cls) not in (typing.Union, types.UnionType):
        return False
    options = [a for a in typing.get_args(cls) if a is not type(None)]
    return len(options) == 2 and str in options and any(_is_vocabulary(a) for a in options)


def _structure_open(value: Any, cls: Any) -> Any:
    # The model's converter decides between a core value and a declared one.
    if value is None and type(None) in typing.get_args(cls):
        return None
    if type(value) is str:
        return value
    raise _wrong_type(value, "a string")


def _is_plain_element(cls: Any) -> bool:
    """Strings and vocabulary values: the model's own converters check them."""
    return cls is str or _is_vocabulary(cls) or _is_open_vocabulary(cls)


def _renames(cls: type) -> dict[str, str]:
    return {a.name: a.metadata[KEY] for a in attrs.fields(cls) if KEY in a.metadata}


def _type_name(value: object) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    names |= {list: "a list", dict: "a table", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _wrong_type(value: object, wanted: str) -> TypeError:
    return TypeError(f"expected {wanted}, got {_type_name(value)} {excerpt(value)}")


def _expect(value: object, kinds: tuple[type, ...], wanted: str) -> None:
    if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
        raise _wrong_type(value, wanted)


def _structure_str(value: Any, _: type) -> str:
    if type(value) is str:
        return value
    raise _wrong_type(value, "a string")


def _structure_int(value: object, _: type) -> int:
    _expect(value, (int,), "an integer")
    return typing.cast(int, value)


def _structure_float(value: object, _: type) -> float:
    _expect(value, (int, float), "a number")
    try:
        return float(typing.cast(float, value))
    except OverflowError:  # an integer such as 10**400
        msg = "expected a number, got an integer too large to be one"
        raise ValueError(msg) from None


def _structure_bool(value: object, _: type) -> bool:
    _expect(value, (bool,), "true or false")
    return typing.cast(bool, value)


def _structure_datetime(value: object, _: type) -> dt.datetime:
    # A date alone is refused in JSON as in TOML (where it is a date, not a date-time):
    # an interview at midnight is almost certainly a mistake.
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value) > 10:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    msg = (
        "expected a date and time such as 2026-12-03T10:00:00+01:00, "
        f"got {_type_name(value)} {excerpt(value)}"
    )
    raise ValueError(msg)


def _unstructure_datetime(value: dt.datetime) -> str:
    return value.isoformat()


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _structure_timedelta(value: object, _: type) -> dt.timedelta:
    _expect(value, (str,), "an ISO 8601 duration string such as '-P2D'")
    return parse_duration(typing.cast(str, value))


def _unstructure_enum(member: enum.StrEnum) -> str:
    return member.value


def _structure_enum(value: Any, cls: type[enum.StrEnum]) -> enum.StrEnum:
    member: enum.StrEnum | None = (
        cls._value2member_map_.get(value) if type(value) is str else None  # type: ignore[assignment]
    )
    if member is None:
        _expect(value, (str,), "a string")
        allowed = ", ".join(m.value for m in cls)
        msg = f"{excerpt(value)} is not a valid value: use one of {allowed}"
        raise ValueError(msg)
    return member


def _is_collection(cls: Any) -> bool:
    return typing.get_origin(cls) in (tuple, frozenset)


def _collection_structure_hook(
    cls: Any, converter: cattrs.Converter
) -> Callable[[object, type], object]:
    origin = typing.get_origin(cls)
    element_type = typing.get_args(cls)[0]
    element = converter.get_structure_hook(element_type)
    if not getattr(converter, "detailed_validation", True) and _is_plain_element(element_type):
        # Strings and vocabulary values: the model's own converters turn the list into
        # a tuple or frozenset and check every element, so the list passes as it is.
        # Anything wrong raises there, and the detailed pass then names the element.
        def passthrough(value: Any, _: type) -> Any:
            if type(value) is list or type(value) is tuple:
                return value
            raise _wrong_type(value, "a list")

        return passthrough
    if not getattr(converter, "detailed_validation", True):

        def fast(value: object, _: type) -> object:
            if not isinstance(value, list | tuple):
                _expect(value, (list, tuple), "a list")
            entries = typing.cast(list[object], value)
            return origin([element(entry, element_type) for entry in entries])

        return fast

    def structure(value: object, _: type) -> object:
        _expect(value, (list, tuple), "a list")
        results = []
        errors: list[Exception] = []
        for index, entry in enumerate(typing.cast(list[object], value)):
            try:
                results.append(element(entry, element_type))
            except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                exc.__notes__ = [*getattr(exc, "__notes__", []), _index_note(index, element_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return origin(results)

    return structure


def _index_note(index: int, element_type: Any) -> str:
    from cattrs.errors import IterableValidationNote

    return IterableValidationNote(f"Structuring @ index {index}", index, element_type)


def _sort_key(value: object) -> tuple[int, str]:
    if isinstance(value, enum.Enum):
        return (list(type(value)).index(value), "")
    return (0, str(value))


def _is_frozenset(cls: Any) -> bool:
    return typing.get_origin(cls) is frozenset


def _unstructure_frozenset(value: frozenset[Any]) -> list[Any]:
    return [v.value if isinstance(v, enum.Enum) else v for v in sorted(value, key=_sort_key)]


def _class_structure_hook(
    cls: type, converter: cattrs.Converter
) -> Callable[[object, type], object]:
    renames = _renames(cls)
    overrides = {name: override(rename=key) for name, key in renames.items()}
    detailed = bool(getattr(converter, "detailed_validation", True))
    generated: Callable[[Mapping[str, Any], Any], Any] = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=detailed,
        **overrides,  # type: ignore[arg-type]
    )
    allowed = frozenset(renames.get(a.name, a.name) for a in attrs.fields(cls))
    in_pack = issubclass(cls, InPack)

    def structure(value: object, _: type) -> object:
        if not isinstance(value, Mapping):
            _expect(value, (Mapping,), "a table")
        mapping = typing.cast(Mapping[str, object], value)
        if in_pack and FULL_ID in mapping:
            mapping = _without_full_id(mapping)
        extra = mapping.keys() - allowed
        if not extra:
            return generated(mapping, cls)
        errors: list[Exception] = [
            ForbiddenExtraKeysError(f"unknown keys for {cls.__name__}", cls, extra)
        ]
        known = {key: entry for key, entry in mapping.items() if key not in extra}
        try:
            generated(known, cls)
        except ClassValidationError as exc:
            errors.extend(exc.exceptions)
        except Exception as exc:  # noqa: BLE001 - reported with the unknown keys
            errors.append(exc)
        raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)

    return structure


_PACK_KEYS = ("pack", *ITEM_KINDS, "phrases")


def _attribute_note(name: str, type_: Any) -> Any:
    from cattrs.errors import AttributeValidationNote

    return AttributeValidationNote(f"Structuring class Pack @ attribute {name}", name, type_)


def _pack_structure_hook(converter: cattrs.Converter) -> Callable[[object, type], Pack]:
    """
    Packs are read by hand: translations sit among the items of their kind in pack
    files (``[[tips]]`` with ``translates``), and every problem keeps its file path.
    """
    info_hook = converter.get_structure_hook(PackInfo)
    item_hooks = {kind: converter.get_structure_hook(cls) for kind, cls in ITEM_CLASSES.items()}
    # Made on first use: most packs hold no translation and no phrases, and every
    # hook cattrs generates is compiled code.
    lazy: dict[str, Callable[[Any, Any], Any]] = {}

    def hook(name: str, cls: Any) -> Callable[[Any, Any], Any]:
        found = lazy.get(name)
        if found is None:
            found = lazy[name] = converter.get_structure_hook(cls)
        return found

    def entries_of(kind: str, value: object, translations: list[Translation]) -> tuple[Any, ...]:
        _expect(value, (list, tuple), "a list")
        items: list[Any] = []
        errors: list[Exception] = []
        targets: dict[str, int] = {}
        for index, entry in enumerate(typing.cast(list[object], value)):
            try:
                if isinstance(entry, Mapping) and "translates" in entry:
                    translation = hook("translation", Translation)(
                        _translation_data(kind, entry), Translation
                    )
                    if translation.translates in targets:
                        msg = (
                            f"translates {translation.translates!r} a second time: "
                            f"{kind}[{targets[translation.translates]}] already does"
                        )
                        raise ValidationError("translates", msg)
                    targets[translation.translates] = index
                    translations.append(translation)
                else:
                    items.append(item_hooks[kind](entry, ITEM_CLASSES[kind]))
            except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                exc.__notes__ = [*getattr(exc, "__notes__", []), _index_note(index, object)]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {kind}", errors, list)
        return tuple(items)

    def structure(value: object, _: type) -> Pack:
        _expect(value, (Mapping,), "a table")
        mapping = typing.cast(Mapping[str, object], value)
        errors: list[Exception] = []
        extra = mapping.keys() - set(_PACK_KEYS)
        if extra:
            errors.append(ForbiddenExtraKeysError("unknown keys for Pack", Pack, extra))
        fields: dict[str, Any] = {}
        translations: list[Translation] = []
        for key in _PACK_KEYS:
            if key not in mapping:
                if key == "pack":
                    exc: Exception = KeyError("pack")
                    exc.__notes__ = [_attribute_note("info", PackInfo)]
                    errors.append(exc)
                continue
            try:
                if key == "pack":
                    fields["info"] = info_hook(mapping[key], PackInfo)
                elif key == "phrases":
                    fields["phrases"] = hook("phrases", dict[str, str])(mapping[key], dict)
                else:
                    fields[key] = entries_of(key, mapping[key], translations)
            except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                name = "info" if key == "pack" else key
                exc.__notes__ = [*getattr(exc, "__notes__", []), _attribute_note(name, object)]
                errors.append(exc)
        if errors:
            raise ClassValidationError("While structuring Pack", errors, Pack)
        fields["translations"] = tuple(translations)
        return Pack(**fields)

    return structure


def _translation_data(kind: str, entry: Mapping[str, object]) -> dict[str, object]:
    """A translation's entry with its kind, refusing what a translation cannot carry."""
    allowed = TEXT_FIELDS[kind]
    extra = [key for key in entry if key not in allowed and key not in TRANSLATION_FIELDS]
    if extra:
        named = ", ".join(repr(key) for key in extra[:3])
        target = excerpt(entry.get("translates"))
        msg = (
            f"a translation carries only text ({', '.join(allowed)}); {named} "
            f"{'is' if len(extra) == 1 else 'are'} inherited from {target} and cannot be set here"
        )
        raise ValidationError(str(extra[0]) if isinstance(extra[0], str) else "translates", msg)
    return {**entry, "kind": KIND_NOUNS[kind]}


def structure_entry(kind: str, data: object) -> Any:
    """
    One entry of a pack's *kind* array: an item, or a translation (with ``translates``).

    Raises:
        StructureError: With every problem of the entry.
    """
    if isinstance(data, Mapping) and "translates" in data:
        try:
            entry = _translation_data(kind, typing.cast(Mapping[str, object], data))
        except ValidationError as exc:
            raise StructureError([Problem(path=exc.field, message=exc.message)]) from None
        return from_dict(Translation, entry)
    return from_dict(ITEM_CLASSES[kind], data)


def _unstructure_pack(generated: Callable[[Any], Any]) -> Callable[[Pack], dict[str, Any]]:
    def unstructure(pack: Pack) -> dict[str, Any]:
        data: dict[str, Any] = generated(pack)
        for kind in ITEM_KINDS:
            for item in data.get(kind, ()):
                item.pop("pack", None)
                item.pop(FULL_ID, None)
        for translation in data.pop("translations", ()):
            kind = translation.pop("kind")
            translation.pop("pack", None)
            translation.pop(FULL_ID, None)
            item_kind = NOUN_KINDS[kind]
            data.setdefault(item_kind, []).append(translation)
        phrases = data.get("phrases")
        if phrases is not None:
            data["phrases"] = dict(phrases)
        # Keep the pack-file order of tables: the manifest, the items, then phrases.
        return {key: data[key] for key in _PACK_KEYS if key in data}

    return unstructure


def _without_full_id(mapping: Mapping[str, object]) -> Mapping[str, object]:
    """An item's data without its ``full_id``, which must agree with its pack and id."""
    data = dict(mapping)
    full_id = data.pop(FULL_ID)
    pack, _, item_id = full_id.partition("/") if isinstance(full_id, str) else ("", "", "")
    data.setdefault("pack", pack)
    if data.get("pack") != pack or data.get("id") != item_id:
        msg = f"full_id {excerpt(full_id)} does not match the item's pack and id"
        raise ValidationError(FULL_ID, msg)
    return data


def _class_unstructure_hook(
    cls: type, converter: cattrs.Converter, *, omit_defaults: bool = True
) -> Callable[[Any], Any]:
    renames = _renames(cls)
    overrides: dict[str, Any] = {name: override(rename=key) for name, key in renames.items()}
    for field in attrs.fields(cls):
        if field.metadata.get(ALWAYS_WRITTEN):
            overrides[field.name] = override(omit_if_default=False)
    generated: Callable[[Any], Any] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=omit_defaults, **overrides
    )
    if issubclass(cls, InPack):

        def unstructure_item(item: InPack) -> dict[str, Any]:
            data: dict[str, Any] = generated(item)
            if item.pack is not None:
                data[FULL_ID] = item.full_id
            return data

        return unstructure_item
    if cls is not Pack:
        return generated
    return _unstructure_pack(generated)


_PACK_HOOKS: dict[int, Callable[[object, type], Pack]] = {}


def _pack_hook(converter: cattrs.Converter) -> Callable[[object, type], Pack]:
    hook = _PACK_HOOKS.get(id(converter))
    if hook is None:
        hook = _PACK_HOOKS[id(converter)] = _pack_structure_hook(converter)
    return hook


def configure_converter(converter: cattrs.Converter, *, omit_defaults: bool = True) -> None:
    """
    Configure *converter* to read and write the content model in pack-file shapes.

    The changes:

    * every attrs class (the model, interviews, story banks, plans, assessments:
      no list of classes, so new ones need no registration) is structured from a
      mapping whose keys are exactly its fields; an unknown key is an error (a typo
      is never silently ignored); a field whose metadata names a ``KEY`` is read from
      and written to that key (``Pack.info`` as ``pack``);
    * strings, integers, numbers and booleans are taken only from values of that
      type (``"5"`` is not an integer, ``true`` is not a number);
    * the vocabulary enums are read from and written as their string values;
    * tuples and frozensets are read from lists only (a string is not a list of
      characters); frozensets are written as lists sorted in vocabulary order
      (enums) or alphabetically (strings), so output is stable;
    * :class:`datetime.timedelta` is read from and written as a signed ISO 8601
      duration (``-P2D``); :class:`datetime.datetime` from a TOML date-time or an
      ISO 8601 string, and written as an ISO 8601 string;
    * fields equal to their default (``None``, empty collections) are left out of
      the output (unless *omit_defaults* is false), except fields marked
      ``ALWAYS_WRITTEN`` (``PackInfo.format``);
    * an item that belongs to a pack is written with its ``full_id`` (``pack/id``),
      which is read back and checked against its pack and id; inside a pack, the
      item's ``pack`` and ``full_id`` are left out, being implied;
    * dates are written as ISO 8601 strings.

    Args:
        converter: The converter to configure, ideally made with
            ``detailed_validation=True`` so every problem is reported at once.
        omit_defaults: Leave fields equal to their default out of the output.
    """
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.timedelta, _structure_timedelta)
    converter.register_unstructure_hook(dt.timedelta, format_duration)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(dt.datetime, _unstructure_datetime)
    detailed = getattr(converter, "detailed_validation", True)
    # Without detailed validation the model's converters check a vocabulary value once.
    # Registered on the StrEnum base (not by predicate), so that they take precedence
    # over the hooks of str, which every vocabulary enum also is.
    converter.register_structure_hook(enum.StrEnum, _structure_enum if detailed else _structure_str)
    converter.register_unstructure_hook(enum.StrEnum, _unstructure_enum)
    converter.register_structure_hook_func(_is_open_vocabulary, _structure_open)
    converter.register_structure_hook_factory(
        _is_collection, lambda cls: _collection_structure_hook(cls, converter)
    )
    converter.register_unstructure_hook_func(_is_frozenset, _unstructure_frozenset)
    converter.register_unstructure_hook(dt.date, _unstructure_date)
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: _class_structure_hook(cls, converter)
    )
    converter.register_structure_hook_func(
        lambda cls: cls is Pack, lambda value, _: _pack_hook(converter)(value, Pack)
    )
    converter.register_unstructure_hook_factory(
        attrs.has,
        lambda cls: _class_unstructure_hook(cls, converter, omit_defaults=omit_defaults),
    )


def make_converter(
    *, detailed_validation: bool = True, omit_defaults: bool = True
) -> cattrs.Converter:
    """
    Make a new converter for the content model, configured by :func:`configure_converter`.

    Args:
        detailed_validation: Collect every problem with its path (slower), or stop
            at the first one (faster, for data expected to be valid).
        omit_defaults: Leave fields equal to their default out of the output.

    Returns:
        A converter, ready to use; changing it does not affect the converters behind
        :func:`to_dict` and :func:`from_dict`.
    """
    converter = cattrs.Converter(
        detailed_validation=detailed_validation,
        forbid_extra_keys=True,
        omit_if_default=omit_defaults,
    )
    configure_converter(converter, omit_defaults=omit_defaults)
    return converter


@functools.cache
def _complete_converter() -> cattrs.Converter:
    return make_converter(omit_defaults=False)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    return make_converter(detailed_validation=False)


def problems_from_exception(exc: BaseException, path: str = "") -> list[Problem]:
    """
    Flatten an exception raised while structuring into problems with field paths.

    Args:
        exc: The exception, typically a cattrs validation error group.
        path: The path of the value that was being structured.

    Returns:
        One problem per leaf error, each with its ``path`` such as
        ``questions[3].levels[1].score``.
    """
    problems: list[Problem] = []
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for child, note in with_notes:
            problems += problems_from_exception(child, f"{path}[{note.index!r}]")
        problems += [p for child in without for p in _leaves(child, path)]
    elif isinstance(exc, ClassValidationError):
        renames = _renames(exc.cl)
        with_class_notes, without = exc.group_exceptions()
        for child, class_note in with_class_notes:
            key = renames.get(class_note.name, class_note.name)
            problems += problems_from_exception(child, f"{path}.{key}" if path else key)
        problems += [p for child in without for p in _leaves(child, path)]
    else:
        problems += _leaves(exc, path)
    return problems


def _join(path: str, field: str) -> str:
    if not path:
        return field
    return f"{path}{field}" if field.startswith("[") else f"{path}.{field}"


def _leaves(exc: BaseException, path: str) -> list[Problem]:
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_keys(exc, path)
    return [_leaf(exc, path)]


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> list[Problem]:
    """
    One problem per unknown key (a few of them), at the key's own path, with the
    closest allowed key; the rest counted in one more problem at the table.
    """
    allowed = _allowed_keys(exc.cl)
    problems = []
    # Strings first, in order; a few keys are named, however many there are.
    extra = sorted(
        exc.extra_fields, key=lambda k: (type(k) is not str, k if type(k) is str else "")
    )
    for key in extra[:_KEYS_NAMED]:
        if not isinstance(key, str):
            shown = excerpt(key, _KEY_EXCERPT)
            message = f"keys must be strings, not {_type_name(key)} {shown}"
            problems.append(Problem(path=path, message=message))
            continue
        close = close_matches(key, allowed)
        hint = f"did you mean {close[0]!r}?" if close else f"allowed keys: {', '.join(allowed)}"
        where = _join(path, key) if _PLAIN_KEY.fullmatch(key) else path
        problems.append(
            Problem(path=where, message=f"unknown key {excerpt(key, _KEY_EXCERPT)}: {hint}")
        )
    if len(extra) > _KEYS_NAMED:
        message = (
            f"and {len(extra) - _KEYS_NAMED} more unknown keys; allowed keys: {', '.join(allowed)}"
        )
        problems.append(Problem(path=path, message=message))
    return problems


def _leaf(exc: BaseException, path: str) -> Problem:
    if isinstance(exc, ValidationError):
        return Problem(path=_join(path, exc.field), message=exc.message)
    if isinstance(exc, KeyError):
        return Problem(path=path, message="is required but missing")
    if isinstance(exc, TypeError | ValueError):
        return Problem(path=path, message=str(exc))
    if isinstance(exc, RecursionError):
        return Problem(path=path, message="nested too deeply to be read")
    return Problem(path=path, message=f"{type(exc).__name__}: {excerpt(str(exc))}")


#: How many unknown keys one problem names, and how much of each it quotes: a table
#: of 5,000 unknown keys, or one 4 MB key, still gives a short message.
_KEYS_NAMED = 3
_KEY_EXCERPT = 40
#: An unknown key that can stand in a field path (and so be found on its line).
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _allowed_keys(cls: type) -> list[str]:
    renames = _renames(cls)
    return [renames.get(a.name, a.name) for a in attrs.fields(cls)]


@overload
def to_dict(obj: AttrsInstance, *, keep_defaults: bool = False) -> dict[str, Any]: ...
@overload
def to_dict(obj: Mapping[str, Any], *, keep_defaults: bool = False) -> dict[str, Any]: ...
@overload
def to_dict(obj: Iterable[Any], *, keep_defaults: bool = False) -> list[Any]: ...


def to_dict(obj: object, *, keep_defaults: bool = False) -> dict[str, Any] | list[Any]:
    """
    Turn a model object, a result, or a collection of them into plain data.

    The result has the shape of pack files: strings for enums, lists for tuples and
    frozensets, ISO 8601 strings for dates and durations, and no keys for fields at
    their default (unless *keep_defaults*). An item that belongs to a pack carries its
    ``full_id``. Everything the library returns can be given: a model object, a plan,
    an assessment, a library selection (``library.questions.filter(...)``) or a list
    or dict of these; the result round-trips through :func:`from_dict`.

    Args:
        obj: What to turn into plain data.
        keep_defaults: Also write fields equal to their default.

    Returns:
        A dict for an object or a mapping, a list for any other iterable.

    Raises:
        TypeError: At once, for anything that is not one of the above (a number, a
            string, an object of another library), naming its type.
    """
    converter = _complete_converter() if keep_defaults else _converter()
    if attrs.has(type(obj)):
        data: dict[str, Any] = converter.unstructure(obj)
        return data
    if isinstance(obj, Mapping):
        return {_plain_key(key): _plain_value(value, converter) for key, value in obj.items()}
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes):
        return [_plain_value(value, converter) for value in obj]
    msg = (
        "to_dict takes a model object, a plan, an assessment, a library selection or a "
        f"list or dict of them, not {type(obj).__name__}"
    )
    raise TypeError(msg)


def _plain_key(key: object) -> str:
    if isinstance(key, str):
        return key
    msg = f"to_dict writes dicts with string keys, not {type(key).__name__} keys"
    raise TypeError(msg)


def _plain_value(value: object, converter: cattrs.Converter) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if attrs.has(type(value)):
        return converter.unstructure(value)
    if isinstance(value, enum.Enum | dt.date | dt.timedelta):
        return converter.unstructure(value)
    if isinstance(value, Mapping):
        return {_plain_key(k): _plain_value(v, converter) for k, v in value.items()}
    if isinstance(value, Iterable) and not isinstance(value, bytes):
        return [_plain_value(v, converter) for v in value]
    msg = f"to_dict cannot write {type(value).__name__} as plain data"
    raise TypeError(msg)


def from_dict(cls: type[T], data: object) -> T:
    """
    Build a model object from plain data, checking every field.

    Args:
        cls: The model class, such as :class:`Question` or :class:`Pack`.
        data: Plain data in the shape :func:`to_dict` writes.

    Returns:
        The object; ``from_dict(type(x), to_dict(x)) == x`` for every model object.

    Raises:
        StructureError: If anything is wrong; its ``problems`` name every field
            path and what is wrong there.
        TypeError: If *cls* is not a class of the model.
    """
    if not attrs.has(cls):
        msg = f"from_dict builds model classes (attrs classes), not {cls!r}"
        raise TypeError(msg)
    # Valid data is the common case: structure it with the fast converter, with the
    # cyclic garbage collector paused (it would scan every new object many times over),
    # and only on failure go again with the detailed one, which collects every problem.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return typing.cast(T, _fast_converter().structure(data, cls))
    except Exception:  # noqa: BLE001 - the detailed pass below reports it
        pass
    finally:
        if paused:
            gc.enable()
    try:
        return typing.cast(T, _converter().structure(data, cls))
    except RecursionError:
        problem = Problem(message="nested too deeply to be read")
        raise StructureError([problem], target=cls.__name__) from None
    except Exception as exc:  # noqa: BLE001 - every failure is reported as problems
        raise StructureError(problems_from_exception(exc), target=cls.__name__) from None

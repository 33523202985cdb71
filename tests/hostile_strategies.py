"""Hostile inputs for tests/test_hostile.py: odd data, broken bytes, mutated packs."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from interviewprep import testing as valid
from interviewprep import to_dict

#: Characters that break naive readers: lone surrogates, NUL and other controls, line
#: breaks that only some tools count (U+2028, U+0085), a byte-order mark, quotes and
#: the punctuation of TOML and JSON.
AWKWARD = (
    "\udc00",
    "\ud800",
    "\x00",
    "\x1b",
    "\x7f",
    "\r",
    "\n",
    "\t",
    "\u2028",
    "\u2029",
    "\u0085",
    "\ufeff",
    '"',
    "'",
    "\\",
    "[",
    "]",
    "{",
    "}",
    "=",
    ".",
    "#",
)

#: Integers past every native width, and past a float (10**400).
HUGE_INTS = (2**63, -(2**63) - 1, 2**64, 10**400, -(10**400))

#: Long strings (past any message's length), built once: generating them example by
#: example would be slow, and Hypothesis warns when an example's repr passes 100 kB.
LONG_STRINGS = ("x" * 5_000, "a." * 2_000, " " * 5_000 + "1", "\u2028" * 1_000)


def awkward_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Short text over any character, the awkward ones often."""
    alphabet = st.one_of(st.sampled_from(AWKWARD), st.characters())
    return st.text(alphabet, max_size=max_size)


def scalars(*, huge: bool = True) -> st.SearchStrategy[Any]:
    """Every kind of leaf a parser or a caller can hand over."""
    ints = st.integers() | st.sampled_from(HUGE_INTS) if huge else st.integers()
    return st.one_of(
        st.none(),
        st.booleans(),
        ints,
        st.floats(allow_nan=True, allow_infinity=True),
        awkward_text(),
        st.sampled_from(LONG_STRINGS),
    )


def keys() -> st.SearchStrategy[Any]:
    """Dictionary keys: mostly strings, some not (JSON writes those as strings)."""
    return st.one_of(awkward_text(12), st.integers(), st.none(), st.booleans(), st.floats())


def json_like(*, huge: bool = True) -> st.SearchStrategy[Any]:
    """Nested lists and dicts (with str and non-str keys) of every kind of scalar."""
    return st.recursive(
        scalars(huge=huge),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(keys(), children, max_size=4)
        ),
        max_leaves=12,
    )


# -- mutating valid data -----------------------------------------------------------------


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside *data* (dict keys and list indexes)."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@st.composite
def mutated(draw: st.DrawFn, data: Any, *, huge: bool = True) -> Any:
    """*data* with one to three changes: a key deleted, a value retyped, a key added."""
    data = _copy(data)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["delete", "retype", "add", "wrap"]))
        if not path:
            if action == "retype":
                data = draw(json_like(huge=huge))
            continue
        parent, last = _at(data, path[:-1]), path[-1]
        if action == "delete":
            del parent[last]
        elif action == "retype":
            parent[last] = draw(json_like(huge=huge))
        elif action == "wrap":
            parent[last] = [parent[last]] if draw(st.booleans()) else {"value": parent[last]}
        elif isinstance(parent, dict):
            parent[draw(keys())] = draw(scalars(huge=huge))
        else:
            parent.insert(last, draw(scalars(huge=huge)))
    return data


def model_data() -> st.SearchStrategy[tuple[type, Any]]:
    """A model class and the plain data of one valid object of it."""
    makers: list[Callable[[], st.SearchStrategy[Any]]] = [
        valid.tips,
        valid.questions,
        valid.checklists,
        valid.checklist_items,
        valid.rubrics,
        valid.pack_infos,
        valid.interviews,
        valid.story_banks,
        lambda: valid.packs(max_items=1),
    ]
    return st.one_of(*(maker().map(lambda obj: (type(obj), to_dict(obj))) for maker in makers))


# -- writing files -----------------------------------------------------------------------


def toml_value(value: Any, strings: str = "basic") -> str:
    """
    A TOML value for plain data (inline tables and arrays).

    *strings* says how to write strings: ``basic`` ("..."), ``multiline`` (\"\"\" with
    real line breaks, for text that has some) or ``literal`` ('...', where it can).
    """
    if value is None:
        return "{}"  # TOML has no null: an empty table is as wrong a type
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value, strings)
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_key(k)} = {toml_value(v, strings)}" for k, v in value.items())
        return "{" + pairs + "}"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v, strings) for v in value) + "]"
    msg = f"no TOML for {value!r}"
    raise TypeError(msg)


def _basic(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML wants DEL escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_string(text: str, strings: str = "basic") -> str:
    """*text* as a TOML string of the kind *strings* names, where the kind can hold it."""
    if strings == "multiline" and "\n" in text:
        # Escaped piece by piece, joined by real line breaks; the first break after the
        # opening quotes is dropped by TOML, so one is added.
        return '"""\n' + "\n".join(_basic(piece)[1:-1] for piece in text.split("\n")) + '"""'
    printable = all(char == "\t" or (char >= " " and char != "\x7f") for char in text)
    if strings == "literal" and printable and "'" not in text:
        return f"'{text}'"
    return _basic(text)


def toml_key(key: Any) -> str:
    """A quoted TOML key (non-string keys as their JSON spelling)."""
    text = key if isinstance(key, str) else json.dumps(key)
    return toml_value(text)


def to_toml(data: dict[Any, Any], *, strings: str = "basic", comment: str = "") -> str:
    """
    Plain data as a TOML document: tables and arrays of tables get headers, the rest
    is written inline, strings as *strings* says (see :func:`toml_value`), and every
    line ends in *comment* (without its ``#``), if given.
    """

    def pair(key: Any, value: Any) -> str:
        return f"{toml_key(key)} = {toml_value(value, strings)}"

    lines: list[str] = []
    tables: list[tuple[str, dict[Any, Any]]] = []
    arrays: list[tuple[str, list[dict[Any, Any]]]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((toml_key(key), value))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            arrays.append((toml_key(key), value))
        else:
            lines.append(pair(key, value))
    for name, table in tables:
        lines += ["", f"[{name}]", *(pair(k, v) for k, v in table.items())]
    for name, items in arrays:
        for item in items:
            lines += ["", f"[[{name}]]", *(pair(k, v) for k, v in item.items())]
    if comment:
        lines = [f"{line} # {comment}" if line else line for line in lines]
    return "\n".join(lines) + "\n"


#: Pieces of text that trip a reader guessing at TOML or JSON line by line.
ODD_PIECES = (
    "'''",
    '"""',
    "'",
    '"',
    "#",
    "[[questions]]",
    "[pack]",
    "kind = 1",
    "\n",
    "\r\n",
    "\\",
    "\\n",
    " ",
    "\u2028",
    "\u0085",
    "{",
    "}",
    ",",
    "x",
)


def odd_text() -> st.SearchStrategy[str]:
    """Non-blank text made of quotes, brackets, line breaks and the like."""
    pieces = st.sampled_from(ODD_PIECES) | st.text(max_size=3)
    return st.lists(pieces, min_size=1, max_size=10).map("".join).filter(str.strip)


def comments() -> st.SearchStrategy[str]:
    """Comment text: anything on one line that TOML allows in a comment."""
    pieces = st.sampled_from([p for p in ODD_PIECES if "\n" not in p and "\r" not in p])
    return st.lists(pieces, max_size=5).map("".join)


def to_json(data: Any, *, ascii_only: bool, indent: int | None) -> str:
    """Plain data as JSON (NaN and Infinity as Python writes them)."""
    return json.dumps(data, ensure_ascii=ascii_only, indent=indent)


def encode(text: str) -> bytes:
    """UTF-8, a lone surrogate written as the invalid bytes a careless writer makes."""
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def broken_bytes(draw: st.DrawFn, content: bytes) -> bytes:
    """*content* damaged: truncated, garbage inserted, a line doubled or dropped."""
    action = draw(st.sampled_from(["truncate", "garbage", "double", "drop", "bom"]))
    if action == "truncate":
        return content[: draw(st.integers(0, max(len(content) - 1, 0)))]
    if action == "bom":
        return b"\xef\xbb\xbf" + content
    at = draw(st.integers(0, len(content)))
    if action == "garbage":
        garbage = draw(st.binary(min_size=1, max_size=16) | st.sampled_from(GARBAGE))
        return content[:at] + garbage + content[at:]
    lines = content.split(b"\n")
    index = draw(st.integers(0, len(lines) - 1))
    if action == "double":  # a key given twice
        lines.insert(index, lines[index])
    else:
        del lines[index]
    return b"\n".join(lines)


#: Byte runs that upset decoders and parsers.
GARBAGE = (
    b"\x00",
    b"\xff\xfe",
    b"\xed\xa0\x80",  # a surrogate encoded as UTF-8
    b"\xc0\x80",  # an overlong NUL
    b'"\\udc00"',
    b"\\",
    b"[[",
    b"]]",
    b"{",
    b"= = =",
    "\u2028".encode(),
    "\u0085".encode(),
)


def deep_json(depth: int, leaf: str = "1") -> str:
    """A JSON array nested *depth* deep."""
    return "[" * depth + leaf + "]" * depth


def deep_toml(depth: int) -> str:
    """A TOML inline array nested *depth* deep."""
    return "x = " + "[" * depth + "1" + "]" * depth + "\n"


def dotted_toml(parts: int) -> str:
    """A TOML key of *parts* dotted parts (``a.a.a = 1``): a table nested as deep."""
    return ".".join(["a"] * parts) + " = 1\n"

"""
Hostile input: every entry point keeps its error contract, whatever it is given.

* ``load_pack`` raises only :class:`PackError`; ``validate_pack`` returns problems;
* ``from_dict`` and ``from_json`` raise only :class:`StructureError` (a ``TypeError``
  only for a class that is not a model class);
* ``load_interview`` and ``StoryBank.load`` raise only :class:`StructureError`;
* the renderers return text for every valid object;
* every problem is short (a 4 MB value is never echoed), names the file it was read
  from, and gives a line inside that file when it gives one;
* nothing hangs: a FIFO or a device is never read, deep nesting is refused quickly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_strategies as hs
from interviewprep import (
    Checklist,
    ChecklistItem,
    Criterion,
    EarlierAnswer,
    FirstRound,
    Interview,
    Interviewer,
    Level,
    Library,
    Limits,
    Pack,
    PackError,
    PackInfo,
    Problem,
    Question,
    Rubric,
    Scale,
    Story,
    StoryBank,
    StructureError,
    Tip,
    ValidationError,
    assess,
    build_plan,
    from_dict,
    from_json,
    load_interview,
    load_pack,
    render_html,
    render_markdown,
    render_text,
    to_dict,
    validate_pack,
)
from interviewprep import testing as valid
from packtools import simple_pack, write_files

#: A suite of its own: CI runs it as a separate step (`pytest -m hostile`).
pytestmark = pytest.mark.hostile

#: The longest problem message accepted ("about 500 characters").
MAX_MESSAGE = 500

#: The expensive property tests (each example writes files or builds whole packs) share
#: these settings, so the file runs in about a minute on two cores in CI mode.
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

MODEL_CLASSES: tuple[type, ...] = (
    Tip,
    Question,
    Checklist,
    ChecklistItem,
    Criterion,
    Level,
    Scale,
    Rubric,
    PackInfo,
    Pack,
    Interview,
    Interviewer,
    FirstRound,
    EarlierAnswer,
    Story,
    StoryBank,
)

RENDERERS: tuple[Callable[[Any], str], ...] = (
    render_markdown,
    render_text,
    lambda obj: render_text(obj, width=1),
    render_html,
)

INTERVIEW = {"company": "ACME", "role": "Engineer", "when": "2026-12-03T10:00:00+01:00"}
BANK = {"stories": [{"id": "launch", "title": "The launch", "result": "Shipped on time."}]}


# -- the contract, checked -----------------------------------------------------------------


def check_problems(problems: Sequence[Problem], *, read_files: bool) -> None:
    """Problems exist, are short, and locate themselves inside the file they name."""
    assert problems, "an error must carry at least one problem"
    for problem in problems:
        assert isinstance(problem, Problem)
        assert isinstance(problem.message, str)
        assert problem.message
        assert isinstance(problem.path, str)
        assert len(problem.message) <= MAX_MESSAGE, (len(problem.message), problem.message[:200])
        limit = MAX_MESSAGE + len(problem.path) + len(problem.file or "") + 50
        assert len(str(problem)) < limit
        if read_files:
            assert problem.file, f"no file named: {problem}"
        if problem.line is not None:
            assert isinstance(problem.line, int)
            assert problem.line >= 1
            if problem.file and Path(problem.file).is_file():
                lines = Path(problem.file).read_bytes().count(b"\n") + 1
                assert problem.line <= lines, f"line {problem.line} of a {lines}-line file"


def check_load_pack(path: Path) -> Pack | None:
    """load_pack gives a renderable Pack or raises PackError with good problems."""
    try:
        pack = load_pack(path)
    except PackError as exc:
        check_problems(exc.problems, read_files=True)
        return None
    assert isinstance(pack, Pack)
    for render in RENDERERS:
        assert isinstance(render(pack), str)
    return pack


def check_load_and_validate(path: Path) -> None:
    """
    load_pack's contract, and validate_pack reports every problem load_pack raises, in
    the same order (it may find more in the same pass: references, placeholder text).
    """
    problems: list[Problem] = []
    try:
        load_pack(path)
    except PackError as exc:
        problems = list(exc.problems)
    if problems:
        check_problems(problems, read_files=True)
        validated = iter(check_validate_pack(path))
        assert all(problem in validated for problem in problems)  # in order
    else:
        check_load_pack(path)
        check_validate_pack(path)


def check_validate_pack(path: Path) -> list[Problem]:
    """validate_pack never raises for content: it returns a list of problems."""
    problems = validate_pack(path)
    assert isinstance(problems, list)
    if problems:
        check_problems(problems, read_files=True)
    return problems


def check_read(path: Path, loader: Callable[[Path], object], cls: type) -> object | None:
    """A file loader gives a *cls* or raises StructureError with good problems."""
    try:
        obj = loader(path)
    except StructureError as exc:
        check_problems(exc.problems, read_files=True)
        return None
    assert isinstance(obj, cls)
    return obj


def check_from_dict(cls: type, data: object) -> object | None:
    """from_dict gives a *cls* that round-trips, or raises StructureError."""
    try:
        obj = from_dict(cls, data)
    except StructureError as exc:
        check_problems(exc.problems, read_files=False)
        return None
    assert isinstance(obj, cls)
    assert from_dict(cls, to_dict(obj)) == obj
    return obj


def refused(call: Callable[[], object], error: type[Exception] = StructureError) -> list[Problem]:
    """The problems of the *error* that *call* raises, checked for length and location."""
    with pytest.raises(error) as info:
        call()
    problems = list(info.value.problems)  # type: ignore[attr-defined]
    check_problems(problems, read_files=error is PackError)
    return problems


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail, instead of hanging, when the block runs longer than *seconds*."""

    def interrupt(signum: int, frame: object) -> None:
        msg = f"took longer than {seconds} s"
        raise TimeoutError(msg)

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    """A fresh folder for one Hypothesis example (fixtures last the whole test)."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as name:
        yield Path(name)


def with_manifest_line(content: str, line: str) -> str:
    """simple_pack's text with *line* added to its [pack] table."""
    return content.replace('title = "A test pack"\n', f'title = "A test pack"\n{line}\n', 1)


SIMPLE_TOML = simple_pack("demo")


def simple_json() -> str:
    """simple_pack as pack.json text."""
    with folder() as path:
        write_files(path, {"pack.toml": SIMPLE_TOML})
        return json.dumps(to_dict(load_pack(path)), indent=2)


SIMPLE_JSON = simple_json()


# -- random and broken bytes ---------------------------------------------------------------


def damaged(*texts: str) -> st.SearchStrategy[bytes]:
    """Random bytes, or one of *texts* damaged."""
    valid_bytes = [text.encode() for text in texts]
    return st.one_of(
        st.binary(max_size=300),
        st.sampled_from(valid_bytes).flatmap(hs.broken_bytes),
        st.sampled_from(valid_bytes).flatmap(hs.broken_bytes).flatmap(hs.broken_bytes),
    )


class TestRandomBytes:
    @given(
        name=st.sampled_from(["pack.toml", "pack.json"]),
        content=damaged(SIMPLE_TOML, SIMPLE_JSON),
    )
    def test_pack_file(self, name: str, content: bytes) -> None:
        """Any bytes as pack.toml or pack.json give a Pack or a PackError."""
        with folder() as path:
            (path / name).write_bytes(content)
            check_load_pack(path)

    @given(
        name=st.sampled_from(["interview.toml", "interview.json"]),
        content=damaged(
            'company = "ACME"\nrole = "Engineer"\nwhen = 2026-12-03T10:00:00+01:00\n',
            json.dumps(INTERVIEW, indent=1),
        ),
    )
    def test_interview_file(self, name: str, content: bytes) -> None:
        """Any bytes as an interview file give an Interview or a StructureError."""
        with folder() as path:
            (path / name).write_bytes(content)
            check_read(path / name, load_interview, Interview)

    @given(
        name=st.sampled_from(["bank.json", "bank.toml"]),
        content=damaged(
            json.dumps(BANK, indent=1),
            '[[stories]]\nid = "launch"\ntitle = "The launch"\n',
        ),
    )
    def test_story_bank_file(self, name: str, content: bytes) -> None:
        """Any bytes as a story bank give a StoryBank or a StructureError."""
        with folder() as path:
            (path / name).write_bytes(content)
            check_read(path / name, StoryBank.load, StoryBank)

    @SETTINGS
    @given(content=damaged(SIMPLE_TOML, SIMPLE_JSON))
    def test_validate_pack_never_raises(self, content: bytes) -> None:
        """validate_pack returns problems for any bytes, in either format."""
        with folder() as path:
            name = "pack.json" if content.lstrip().startswith(b"{") else "pack.toml"
            (path / name).write_bytes(content)
            check_validate_pack(path)


# -- mutations of valid packs --------------------------------------------------------------


def write_pack(
    path: Path, data: Any, style: str, *, strings: str = "basic", comment: str = ""
) -> Path:
    """Write plain data as pack.toml, or as pack.json indented, ASCII-only or on one line."""
    if style == "toml":
        text = hs.to_toml(data, strings=strings, comment=comment)
        (path / "pack.toml").write_bytes(hs.encode(text))
    else:
        indent = None if style == "json-compact" else 2
        text = hs.to_json(data, ascii_only=style == "json-ascii", indent=indent)
        (path / "pack.json").write_bytes(hs.encode(text))
    return path


STYLES = st.sampled_from(["toml", "json", "json-ascii", "json-compact"])


def simple_json_data() -> dict[str, Any]:
    """simple_pack as plain data."""
    return json.loads(SIMPLE_JSON)  # type: ignore[no-any-return]


INCLUDE_PATTERNS = (
    ".",
    "",
    " ",
    "./",
    "./.",
    "*",
    "**",
    "**/",
    "**/*",
    "**/*.toml",
    "***",
    "*/",
    "../x",
    "a/../b",
    "/etc/*",
    "~",
    "~/x.toml",
    "loop/*",
    "loop/**/*.toml",
    "back/*.toml",
    "back/back/back/*.toml",
    "*.toml",
    "*.json",
    "self.toml",
    "ab.toml",
    "fifo.toml",
    "zero.json",
    "dangling.toml",
    "outside.toml",
    "folder.toml",
    "extra/*.toml",
    "[",
    "[!a]*.toml",
    "?",
    "\x00",
    "extra\x00/*.toml",
)


def make_traps(path: Path) -> None:
    """Links, loops, a FIFO and a device link beside a pack, for include patterns to hit."""
    (path / "loop").symlink_to(path / "loop")
    (path / "back").symlink_to(path)
    (path / "self.toml").symlink_to(path / "self.toml")
    (path / "ab.toml").symlink_to(path / "ba.toml")
    (path / "ba.toml").symlink_to(path / "ab.toml")
    (path / "dangling.toml").symlink_to(path / "nowhere.toml")
    (path.parent / "outside.toml").write_text('[[tips]]\nid = "out"\n', encoding="utf-8")
    (path / "outside.toml").symlink_to(path.parent / "outside.toml")
    (path / "zero.json").symlink_to("/dev/zero")
    (path / "folder.toml").mkdir()
    os.mkfifo(path / "fifo.toml")
    (path / "extra").mkdir()
    tip = '[[tips]]\nid = "extra"\ntitle = "Extra"\nbody = "More."\ntopic = "research"\n'
    (path / "extra" / "tip.toml").write_text(tip, encoding="utf-8")


#: Where a deeply nested value goes: each marks its place with "PLACEHOLDER".
PLACES: dict[str, Callable[[dict[str, Any]], None]] = {
    "pack.title": lambda d: d["pack"].__setitem__("title", "PLACEHOLDER"),
    "tips": lambda d: d.__setitem__("tips", "PLACEHOLDER"),
    "tips[0].tags": lambda d: d["tips"][0].__setitem__("tags", "PLACEHOLDER"),
    "rubrics[0].scale": lambda d: d["rubrics"][0].__setitem__("scale", "PLACEHOLDER"),
}


class TestMutatedPacks:
    @SETTINGS
    @given(
        pack=valid.packs(max_items=2),
        style=STYLES,
        strings=st.sampled_from(["basic", "multiline", "literal"]),
        comment=hs.comments(),
    )
    def test_valid_pack_loads_back(
        self, pack: Pack, style: str, strings: str, comment: str
    ) -> None:
        """A valid pack written as TOML or JSON loads back equal (the mutations' baseline)."""
        with folder() as path:
            write_pack(path, to_dict(pack), style, strings=strings, comment=comment)
            assert load_pack(path) == pack

    @SETTINGS
    @given(
        data=valid.packs(max_items=1).map(to_dict).flatmap(hs.mutated),
        style=STYLES,
    )
    def test_mutated_pack(self, data: Any, style: str) -> None:
        """A pack with keys deleted, values retyped or keys added loads or is refused."""
        if not isinstance(data, dict):
            data = {"pack": data}
        data = {str(key): value for key, value in data.items()}  # a file's top keys are text
        with folder() as path:
            check_load_and_validate(write_pack(path, data, style))

    @SETTINGS
    @given(
        data=st.builds(simple_json_data).flatmap(hs.mutated),
        style=STYLES,
    )
    def test_mutated_simple_pack(self, data: Any, style: str) -> None:
        """simple_pack with keys deleted, values retyped or keys added loads or is refused."""
        if not isinstance(data, dict):
            data = {"pack": data}
        data = {str(key): value for key, value in data.items()}
        with folder() as path:
            check_load_pack(write_pack(path, data, style))

    @given(
        style=STYLES,
        depth=st.sampled_from([33, 200, 1_000, 100_000]),
        where=st.sampled_from(list(PLACES)),
    )
    def test_deeply_nested_value(self, style: str, depth: int, where: str) -> None:
        """A value nested past the limit anywhere in a pack is refused quickly."""
        data = simple_json_data()
        PLACES[where](data)
        with folder() as path:
            write_pack(path, data, style)
            main = path / ("pack.toml" if style == "toml" else "pack.json")
            text = main.read_text(encoding="utf-8")
            value = hs.deep_json(depth, '"x"')
            main.write_text(text.replace('"PLACEHOLDER"', value, 1), encoding="utf-8")
            with within(20):
                assert check_load_pack(path) is None

    @given(
        patterns=st.lists(
            st.sampled_from(INCLUDE_PATTERNS) | hs.awkward_text(8), min_size=1, max_size=4
        ),
        style=STYLES,
    )
    def test_include_patterns(self, patterns: list[str], style: str) -> None:
        """Any include patterns, among links, loops, FIFOs and devices, load or are refused."""
        data = simple_json_data()
        data["pack"]["include"] = patterns
        with folder() as root:
            path = root / "pack"
            path.mkdir()
            make_traps(path)
            with within(20):
                check_load_and_validate(write_pack(path, data, style))

    @SETTINGS
    @given(
        pack=valid.packs(max_items=3).filter(lambda p: p.questions),
        odd=st.lists(hs.odd_text(), min_size=1, max_size=6),
        index=st.integers(0, 2),
        style=STYLES,
        strings=st.sampled_from(["basic", "multiline", "literal"]),
        comment=hs.comments(),
    )
    def test_problem_line_in_odd_text(
        self, pack: Pack, odd: list[str], index: int, style: str, strings: str, comment: str
    ) -> None:
        """Whatever text surrounds it, a wrong value's problem gives the value's own line."""
        data = to_dict(pack)
        fields = [(tip, "body") for tip in data.get("tips", [])]
        fields += [(question, "text") for question in data["questions"]]
        fields += [(rubric, "title") for rubric in data.get("rubrics", [])]
        for (table, field), text in zip(fields, odd, strict=False):
            table[field] = text
        index %= len(data["questions"])
        data["questions"][index]["kind"] = "bogus-kind-marker"
        with folder() as path:
            write_pack(path, data, style, strings=strings, comment=comment)
            text = next(path.iterdir()).read_text(encoding="utf-8")
            [(_, line, where, _)] = pack_problems(path)
        assert where == f"questions[{index}].kind"
        assert line == line_of(text, "bogus-kind-marker")


# -- random data -----------------------------------------------------------------------------


class TestRandomData:
    @given(cls=st.sampled_from(MODEL_CLASSES), data=hs.json_like())
    def test_from_dict_random_data(self, cls: type, data: Any) -> None:
        """from_dict on any nested data gives the object or a StructureError."""
        check_from_dict(cls, data)

    @given(cls=st.sampled_from(MODEL_CLASSES), data=st.dictionaries(hs.keys(), hs.json_like()))
    def test_from_dict_random_tables(self, cls: type, data: Any) -> None:
        """from_dict on any table, whatever its keys, gives the object or a StructureError."""
        check_from_dict(cls, data)

    @SETTINGS
    @given(pair=hs.model_data().flatmap(lambda p: st.tuples(st.just(p[0]), hs.mutated(p[1]))))
    def test_from_dict_mutated_valid_data(self, pair: tuple[type, Any]) -> None:
        """from_dict on valid data with keys deleted, retyped or added never raises else."""
        check_from_dict(*pair)

    @SETTINGS
    @given(
        pair=hs.model_data().flatmap(lambda p: st.tuples(st.just(p[0]), hs.mutated(p[1]))),
        ascii_only=st.booleans(),
    )
    def test_from_json_mutated_valid_data(self, pair: tuple[type, Any], ascii_only: bool) -> None:
        """from_json on the JSON of mutated valid data gives the object or a StructureError."""
        cls, data = pair
        text = hs.to_json(data, ascii_only=ascii_only, indent=1)
        for given_text in (text, hs.encode(text)):
            try:
                obj = from_json(cls, given_text)
            except StructureError as exc:
                check_problems(exc.problems, read_files=False)
            else:
                assert isinstance(obj, cls)

    @given(cls=st.sampled_from(MODEL_CLASSES), text=hs.awkward_text(200) | st.binary())
    def test_from_json_random_text(self, cls: type, text: str | bytes) -> None:
        """from_json on any text or bytes gives the object or a StructureError."""
        try:
            from_json(cls, text)
        except StructureError as exc:
            check_problems(exc.problems, read_files=False)

    @given(
        cls=st.sampled_from([int, str, dict, list, object, type(None), Path, type]),
        data=hs.json_like(),
    )
    def test_not_a_model_class(self, cls: type, data: Any) -> None:
        """from_dict and from_json raise TypeError for a class outside the model."""
        with pytest.raises(TypeError):
            from_dict(cls, data)
        with pytest.raises(TypeError):
            from_json(cls, "{}")


# -- renderers -------------------------------------------------------------------------------


def renderable() -> st.SearchStrategy[Any]:
    """Every kind of object the renderers take, and selections of them."""
    single = st.one_of(
        valid.tips(),
        valid.questions(),
        valid.checklists(),
        valid.checklist_items(),
        valid.rubrics(),
    )
    return st.one_of(single, valid.packs(max_items=2), st.lists(single, max_size=3))


class TestRenderers:
    @SETTINGS
    @given(obj=renderable(), width=st.integers(-5, 200))
    def test_render_never_raises(self, obj: Any, width: int) -> None:
        """Markdown, text and HTML come out as text for any valid object."""
        for render in (render_markdown, render_html, lambda o: render_text(o, width=width)):
            assert isinstance(render(obj), str)

    @SETTINGS
    @given(interview=valid.interviews(), days=st.integers(-400, 400))
    def test_render_plan_never_raises(self, library: Library, interview: Any, days: int) -> None:
        """A plan for any valid interview renders in every format."""
        today = interview.when.date() - dt.timedelta(days=days)
        plan = build_plan(library, interview, today=today)
        for render in RENDERERS:
            assert isinstance(render(plan), str)

    @SETTINGS
    @given(rubric=valid.rubrics(), answer=st.text(max_size=400))
    def test_render_assessment_never_raises(self, rubric: Rubric, answer: str) -> None:
        """An assessment of any answer against any valid rubric renders in every format."""
        assessment = assess(answer, rubric, data_only=True)
        for render in RENDERERS:
            assert isinstance(render(assessment), str)


# -- targeted regressions ------------------------------------------------------------------


def pack_problems(path: Path) -> list[tuple[str | None, int | None, str, str]]:
    """(file name, line, path, message) of each problem load_pack raises."""
    return [
        (Path(p.file).name if p.file else None, p.line, p.path, p.message)
        for p in refused(lambda: load_pack(path), PackError)
    ]


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line holding *needle*, counting only ``\\n``."""
    return text[: text.index(needle)].count("\n") + 1


class TestIncludeRegressions:
    @pytest.mark.parametrize("pattern", [".", "", " ", "./", "./."])
    def test_include_dot_or_empty(self, tmp_path: Path, pattern: str) -> None:
        """include = ["."] or [""] is refused at pack.include[0], not read as a folder."""
        content = with_manifest_line(SIMPLE_TOML, f"include = [{json.dumps(pattern)}]")
        write_files(tmp_path, {"pack.toml": content})
        [(name, line, path, message)] = pack_problems(tmp_path)
        assert (name, line, path) == ("pack.toml", line_of(content, "include"), "pack.include[0]")
        assert "not a pattern of files" in message

    @pytest.mark.parametrize("pattern", ["../x", "../*.toml", "a/../../b", "/etc/*", "~/x"])
    def test_include_outside(self, tmp_path: Path, pattern: str) -> None:
        """An include reaching outside the pack folder is refused before any glob."""
        content = with_manifest_line(SIMPLE_TOML, f"include = [{json.dumps(pattern)}]")
        write_files(tmp_path, {"pack.toml": content})
        [(_, _, path, message)] = pack_problems(tmp_path)
        assert path == "pack.include[0]"
        assert "outside the pack folder" in message

    def test_include_star_skips_the_main_file(self, tmp_path: Path) -> None:
        """include = ["*"] matches pack.toml itself, which is not read twice."""
        write_files(tmp_path, {"pack.toml": with_manifest_line(SIMPLE_TOML, 'include = ["*"]')})
        assert len(load_pack(tmp_path).tips) == 1

    def test_include_double_star_refuses_the_folder(self, tmp_path: Path) -> None:
        """include = ["**"] matches folders, which are refused as not .toml or .json."""
        write_files(tmp_path, {"pack.toml": with_manifest_line(SIMPLE_TOML, 'include = ["**"]')})
        problems = pack_problems(tmp_path)
        assert all(path == "pack.include[0]" for _, _, path, _ in problems)
        assert any("not a .toml or .json file" in message for *_, message in problems)

    def test_symlink_loop_of_files_matched_by_glob(self, tmp_path: Path) -> None:
        """Two links pointing at each other, matched by *.toml, are refused as a loop."""
        write_files(
            tmp_path, {"pack.toml": with_manifest_line(SIMPLE_TOML, 'include = ["*.toml"]')}
        )
        (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
        (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
        with within(10):
            problems = pack_problems(tmp_path)
        assert [(path, "a.toml" in message) for _, _, path, message in problems] == [
            ("pack.include[0]", True),
            ("pack.include[0]", False),
        ]
        for *_, message in problems:
            assert "loop" in message
            assert "outside" not in message

    def test_symlink_loop_of_folders_under_double_star(self, tmp_path: Path) -> None:
        """Folders linking to themselves or to the pack end under **/*.toml; each file read once."""
        content = with_manifest_line(SIMPLE_TOML, 'include = ["**/*.toml"]')
        more = '[[tips]]\nid = "more"\ntitle = "More"\nbody = "Body."\ntopic = "research"\n'
        write_files(tmp_path, {"pack.toml": content, "sub/more.toml": more})
        (tmp_path / "loop").symlink_to(tmp_path / "loop")
        (tmp_path / "sub" / "back").symlink_to(tmp_path)
        with within(10):
            pack = load_pack(tmp_path)
        assert [tip.id for tip in pack.tips] == ["a-tip", "more"]

    def test_folder_symlink_loop_matched_by_glob(self, tmp_path: Path) -> None:
        """loop/* through a folder linking to itself matches nothing and is reported."""
        write_files(
            tmp_path, {"pack.toml": with_manifest_line(SIMPLE_TOML, 'include = ["loop/*"]')}
        )
        (tmp_path / "loop").symlink_to(tmp_path / "loop")
        with within(10):
            [(_, _, path, message)] = pack_problems(tmp_path)
        assert path == "pack.include[0]"
        assert "matches no file" in message

    @pytest.mark.parametrize(
        "pattern",
        [
            pytest.param("x" * 4_000_000, id="4 MB name"),
            pytest.param(" " * 4_000_000, id="4 MB of spaces"),
            pytest.param("../" + "x" * 4_000_000, id="4 MB outside"),
        ],
    )
    def test_4mb_include_pattern(self, tmp_path: Path, pattern: str) -> None:
        """A 4 MB include pattern gives a short problem at pack.include[0]."""
        content = with_manifest_line(SIMPLE_TOML, f"include = [{json.dumps(pattern)}]")
        write_files(tmp_path, {"pack.toml": content})
        [(_, _, path, _)] = pack_problems(tmp_path)
        assert path == "pack.include[0]"


class TestSurrogates:
    def test_json_pack_lone_surrogate_escape(self, tmp_path: Path) -> None:
        """A "\\udc00" escape in pack.json is refused naming the file, line and path."""
        text = SIMPLE_JSON.replace('"Tip a-tip"', '"Tip \\udc00"')
        write_files(tmp_path, {"pack.json": text})
        [(name, line, path, message)] = pack_problems(tmp_path)
        assert (name, line, path) == ("pack.json", line_of(text, "\\udc00"), "tips[0].title")
        assert "lone surrogate" in message

    def test_json_pack_lone_surrogate_in_a_key(self, tmp_path: Path) -> None:
        """A lone surrogate escaped in a key is refused too."""
        text = SIMPLE_JSON.replace('"title": "Tip a-tip"', '"\\ud800": "Tip a-tip"')
        write_files(tmp_path, {"pack.json": text})
        [(name, line, _, message)] = pack_problems(tmp_path)
        assert (name, line) == ("pack.json", line_of(text, "\\ud800"))
        assert "lone surrogate" in message

    def test_surrogate_pair_escape_is_text(self, tmp_path: Path) -> None:
        """A valid surrogate pair escape ("\\ud83d\\ude00") is one character, accepted."""
        text = SIMPLE_JSON.replace('"Tip a-tip"', '"Tip \\ud83d\\ude00"')
        write_files(tmp_path, {"pack.json": text})
        assert load_pack(tmp_path).tips[0].title == "Tip \U0001f600"

    def test_surrogate_encoded_as_utf8_bytes(self, tmp_path: Path) -> None:
        """A surrogate written as (invalid) UTF-8 bytes is refused as not UTF-8, with its line."""
        raw = SIMPLE_TOML.encode().replace(b"Tip a-tip", b"Tip \xed\xb0\x80")
        write_files(tmp_path, {"pack.toml": raw})
        [(name, line, _, message)] = pack_problems(tmp_path)
        assert (name, line) == ("pack.toml", line_of(SIMPLE_TOML, "Tip a-tip"))
        assert "not valid UTF-8" in message

    @pytest.mark.parametrize("field", ["text", "guidance"])
    def test_from_json_lone_surrogate_character(self, field: str) -> None:
        """from_json refuses a lone surrogate given as a character, as it refuses the escape."""
        data = {"id": "q", "text": "Why?", "asked_by": "interviewer", "kind": "behavioral"}
        data |= {"intent": "fit", field: "odd \udc00 text"}
        escaped = json.dumps(data)
        assert "\\udc00" in escaped
        refused(lambda: from_json(Question, escaped))
        raw = json.dumps(data, ensure_ascii=False)
        assert "\udc00" in raw
        [problem] = refused(lambda: from_json(Question, raw))
        assert problem.path == field


class TestDuplicateKeys:
    def test_key_twice_in_toml(self, tmp_path: Path) -> None:
        """id = ... given twice in one TOML table is refused at the second one's line."""
        text = SIMPLE_TOML.replace('id = "a-tip"\n', 'id = "a-tip"\nid = "b-tip"\n', 1)
        write_files(tmp_path, {"pack.toml": text})
        [(name, line, _, message)] = pack_problems(tmp_path)
        assert (name, line) == ("pack.toml", line_of(text, "b-tip"))
        assert message.startswith("invalid TOML")

    def test_key_twice_in_json(self, tmp_path: Path) -> None:
        """ "id" given twice in one JSON object is refused at its path and second line."""
        text = SIMPLE_JSON.replace('"id": "a-tip",', '"id": "a-tip",\n"id": "b-tip",', 1)
        write_files(tmp_path, {"pack.json": text})
        [(name, line, path, message)] = pack_problems(tmp_path)
        assert (name, line, path) == ("pack.json", line_of(text, "b-tip"), "tips[0].id")
        assert "duplicate key 'id'" in message

    def test_table_twice_in_toml(self, tmp_path: Path) -> None:
        """[pack] given twice is refused with the line of the second."""
        text = SIMPLE_TOML + '\n[pack]\nname = "again"\n'
        write_files(tmp_path, {"pack.toml": text})
        [(_, line, _, message)] = pack_problems(tmp_path)
        assert line == text.count("\n") - 1
        assert message.startswith("invalid TOML")


class TestLineNumbers:
    @pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085"])
    def test_u2028_or_u0085_in_toml_string(self, tmp_path: Path, char: str) -> None:
        """A U+2028 or U+0085 in a TOML string does not shift a later problem's line."""
        text = SIMPLE_TOML.replace('title = "Tip a-tip"', f'title = "Tip{char}a-tip"')
        text = text.replace('kind = "behavioral"', 'kind = "bogus"')
        write_files(tmp_path, {"pack.toml": text})
        [(name, line, path, _)] = pack_problems(tmp_path)
        assert (name, line, path) == ("pack.toml", line_of(text, "bogus"), "questions[0].kind")

    @pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085"])
    def test_u2028_or_u0085_in_json_string(self, tmp_path: Path, char: str) -> None:
        """A U+2028 or U+0085 in a JSON string does not shift a later problem's line."""
        text = SIMPLE_JSON.replace('"Tip a-tip"', f'"Tip{char}a-tip"')
        text = text.replace('"behavioral"', '"bogus"')
        write_files(tmp_path, {"pack.json": text})
        [(name, line, path, _)] = pack_problems(tmp_path)
        assert (name, line, path) == ("pack.json", line_of(text, "bogus"), "questions[0].kind")

    def test_u2028_u0085_crlf_in_multiline_toml_string(self, tmp_path: Path) -> None:
        """Line breaks of every kind inside a multi-line TOML string keep later lines right."""
        body = '"""\nOne\u2028two\u0085three\r\nfour\n"""'
        text = SIMPLE_TOML.replace(
            'body = "Do the thing called a-tip, because it helps."', f"body = {body}"
        )
        text = text.replace('kind = "behavioral"', 'kind = "bogus"')
        write_files(tmp_path, {"pack.toml": text})
        [(_, line, _, _)] = pack_problems(tmp_path)
        assert line == line_of(text, "bogus")

    @pytest.mark.parametrize(
        "title",
        [
            pytest.param("title = \"It'''s\"", id="triple single quote in a basic string"),
            pytest.param(
                'title = "Tip" # a """ in a comment', id="triple double quote in a comment"
            ),
            pytest.param(
                'title = "Tip"\ntags = [\n"""\n[[questions]]\n""",\n]', id="ml array item"
            ),
            pytest.param("title = '''\nA '''\nbody2 = '\"\"\"'", id="ml literal then quotes"),
            pytest.param('title = """\nsays \\""" and \\"\\"\\"\n"""', id="escaped quotes in ml"),
        ],
    )
    def test_toml_strings_and_comments_keep_lines(self, tmp_path: Path, title: str) -> None:
        """Quotes inside strings and comments, or a string opening mid-array, keep lines right."""
        text = SIMPLE_TOML.replace('title = "Tip a-tip"', title)
        text = text.replace('kind = "behavioral"', 'kind = "bogus"')
        write_files(tmp_path, {"pack.toml": text})
        problems = pack_problems(tmp_path)
        bogus = [(line, path) for _, line, path, message in problems if "bogus" in message]
        assert bogus == [(line_of(text, "bogus"), "questions[0].kind")]

    def test_u2028_in_interview(self, tmp_path: Path) -> None:
        """A U+2028 in an interview file keeps the line of a later problem."""
        text = 'company = "A\u2028B"\nrole = "Dev"\nwhen = 2026-12-03T10:00:00\nformat = "bogus"\n'
        write_files(tmp_path, {"interview.toml": text})
        [problem] = refused(lambda: load_interview(tmp_path / "interview.toml"))
        assert (problem.line, problem.path) == (4, "format")


class TestWhen:
    def test_date_only_when_in_json_like_toml(self, tmp_path: Path) -> None:
        """A date-only `when` is refused in a JSON interview, as it is in TOML."""
        json_text = json.dumps({**INTERVIEW, "when": "2026-12-03"}, indent=1)
        toml_text = 'company = "ACME"\nrole = "Engineer"\nwhen = 2026-12-03\n'
        write_files(tmp_path, {"interview.json": json_text, "interview.toml": toml_text})
        [from_json_file] = refused(lambda: load_interview(tmp_path / "interview.json"))
        [from_toml_file] = refused(lambda: load_interview(tmp_path / "interview.toml"))
        assert (from_json_file.path, from_json_file.line) == ("when", line_of(json_text, "when"))
        assert (from_toml_file.path, from_toml_file.line) == ("when", 3)
        for problem in (from_json_file, from_toml_file):
            assert "expected a date and time" in problem.message

    @pytest.mark.parametrize("when", ["2026-12-03", "2026-12-03   ", "", "10:00", "tomorrow"])
    def test_date_only_when_from_dict(self, when: str) -> None:
        """from_dict refuses a `when` without a time of day."""
        [problem] = refused(lambda: from_dict(Interview, {**INTERVIEW, "when": when}))
        assert problem.path == "when"


class TestOddKeysAndNumbers:
    def test_tip_with_integer_key(self) -> None:
        """from_dict(Tip, {1: "x"}) raises StructureError naming the key."""
        problems = refused(lambda: from_dict(Tip, {1: "x"}))
        assert any("keys must be strings" in p.message for p in problems)

    @pytest.mark.parametrize("key", [None, 1.5, True, (1, 2), b"id", frozenset()])
    def test_other_non_string_keys(self, key: object) -> None:
        """Keys that are not strings are refused, whatever their type."""
        data = {key: "x", "id": "a", "title": "T", "body": "B", "topic": "research"}
        refused(lambda: from_dict(Tip, data))

    def test_criterion_weight_10_pow_400_from_dict(self) -> None:
        """from_dict(Criterion, {weight: 10**400}) raises StructureError, in words, at weight."""
        data = {"id": "c", "name": "C", "weight": 10**400}
        data["levels"] = [{"score": 1, "label": "L", "anchor": "A"}]
        [problem] = refused(lambda: from_dict(Criterion, data))
        assert problem.path == "weight"
        assert "Error" not in problem.message  # no exception class names

    def test_criterion_weight_10_pow_400_in_a_file(self, tmp_path: Path) -> None:
        """A 401-digit weight in pack.toml is refused at its line."""
        text = SIMPLE_TOML.replace(
            'name = "Only criterion"', f'name = "Only criterion"\nweight = {10**400}'
        )
        write_files(tmp_path, {"pack.toml": text})
        [(_, line, path, message)] = pack_problems(tmp_path)
        assert (line, path) == (line_of(text, "weight"), "rubrics[0].criteria[0].weight")
        assert "Error" not in message

    def test_criterion_weight_10_pow_400_built_directly(self) -> None:
        """Criterion(..., weight=10**400) raises ValidationError at weight."""
        level = Level(score=1, label="L", anchor="A")
        with pytest.raises(ValidationError) as info:
            Criterion(id="c", name="C", weight=10**400, levels=(level,))
        assert info.value.field == "weight"
        assert len(str(info.value)) <= MAX_MESSAGE

    @pytest.mark.parametrize("weight", [float("nan"), float("inf"), -1.0, 0, -(10**400)])
    def test_weight_not_positive(self, weight: float) -> None:
        """NaN, infinite, zero and negative weights are refused at weight."""
        data = {"id": "c", "name": "C", "weight": weight}
        data["levels"] = [{"score": 1, "label": "L", "anchor": "A"}]
        [problem] = refused(lambda: from_dict(Criterion, data))
        assert problem.path == "weight"

    def test_scores_of_4000_digits(self) -> None:
        """Scores of 4000 digits are refused with short messages (scale, outside it, twice)."""
        big = 10**4000
        refused(lambda: from_dict(Scale, {"min": big, "max": 0}))
        level = {"score": big, "label": "L", "anchor": "A"}
        rubric = {"id": "r", "title": "T", "scale": {"min": 1, "max": 2}}
        rubric["criteria"] = [{"id": "c", "name": "C", "levels": [level]}]
        [problem] = refused(lambda: from_dict(Rubric, rubric))
        assert problem.path == "criteria[0].levels[0].score"
        twice = {"id": "c", "name": "C", "levels": [level, level]}
        [problem] = refused(lambda: from_dict(Criterion, twice))
        assert problem.path == "levels[1].score"

    def test_5000_digit_integer_in_toml(self, tmp_path: Path) -> None:
        """A 5000-digit integer in a TOML file is refused (Python will not parse it)."""
        text = SIMPLE_TOML.replace("score = 1", "score = " + "1" * 5000, 1)
        write_files(tmp_path, {"pack.toml": text, "interview.toml": text, "bank.toml": text})
        pack_problems(tmp_path)
        assert check_validate_pack(tmp_path)
        refused(lambda: load_interview(tmp_path / "interview.toml"))
        refused(lambda: StoryBank.load(tmp_path / "bank.toml"))

    def test_5000_digit_integer_in_json(self, tmp_path: Path) -> None:
        """A 5000-digit integer in a JSON file is refused."""
        text = SIMPLE_JSON.replace('"score": 1', '"score": ' + "1" * 5000, 1)
        write_files(tmp_path, {"pack.json": text})
        pack_problems(tmp_path)
        refused(lambda: from_json(Level, '{"score": ' + "1" * 5000 + "}"))

    def test_tip_with_5000_digit_integer_key(self) -> None:
        """from_dict with a 5000-digit integer key raises StructureError."""
        refused(lambda: from_dict(Tip, {10**5000: "x"}))

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Criterion(id="c", name="C", weight=10**5000),
            lambda: Tip(id=10**5000, title="T", body="B", topic="research"),  # type: ignore[arg-type]
            lambda: Tip(id="a", title="T", body="B", topic=10**5000),  # type: ignore[arg-type]
        ],
        ids=["weight", "id", "topic"],
    )
    def test_model_given_5000_digit_integer(self, build: Callable[[], object]) -> None:
        """A model class given a 5000-digit integer raises ValidationError."""
        with pytest.raises(ValidationError):
            build()


class TestDeepNesting:
    DEEP = hs.deep_json(100_000)

    def test_interview_100k_deep_json(self, tmp_path: Path) -> None:
        """load_interview on a 100,000-deep JSON array raises StructureError."""
        for name, text in [("a.json", self.DEEP), ("b.json", '{"first_round": ' + self.DEEP + "}")]:
            write_files(tmp_path, {name: text})
            with within(10):
                [problem] = refused(lambda: load_interview(tmp_path / name))  # noqa: B023
            assert "nested too deeply" in problem.message

    def test_story_bank_100k_deep_json_in_stories(self, tmp_path: Path) -> None:
        """StoryBank.load on 100,000-deep JSON raises StructureError."""
        write_files(tmp_path, {"bank.json": '{"stories": ' + self.DEEP + "}"})
        with within(10):
            refused(lambda: StoryBank.load(tmp_path / "bank.json"))

    def test_pack_100k_deep_json(self, tmp_path: Path) -> None:
        """load_pack on 100,000-deep JSON raises PackError."""
        write_files(tmp_path, {"pack.json": '{"pack": ' + self.DEEP + "}"})
        with within(10):
            [(name, _, _, message)] = pack_problems(tmp_path)
        assert name == "pack.json"
        assert "nested too deeply" in message

    @pytest.mark.parametrize("cls", [Tip, Pack, Interview, StoryBank])
    def test_from_json_100k_deep(self, cls: type) -> None:
        """from_json on deep arrays and objects raises StructureError."""
        for text in (
            self.DEEP,
            '{"a": ' + self.DEEP + "}",
            '{"a":' * 100_000 + "1" + "}" * 100_000,
        ):
            with within(10):
                refused(lambda: from_json(cls, text))  # noqa: B023

    def test_from_dict_100k_deep(self) -> None:
        """from_dict on data nested 100,000 deep raises StructureError."""
        deep: Any = "x"
        for _ in range(100_000):
            deep = [deep]
        for data in (deep, {"pack": deep}, {"pack": {"name": "a", "title": deep}}):
            with within(10):
                refused(lambda: from_dict(Pack, data))  # noqa: B023

    def test_pack_100k_deep_toml_array(self, tmp_path: Path) -> None:
        """load_pack on a 100,000-deep TOML array raises PackError."""
        write_files(tmp_path, {"pack.toml": hs.deep_toml(100_000) + SIMPLE_TOML})
        with within(10):
            pack_problems(tmp_path)

    @pytest.mark.parametrize("parts", [40, 100_000])
    def test_pack_long_dotted_toml_key(self, tmp_path: Path, parts: int) -> None:
        """A dotted TOML key of many parts (a table nested as deep) is refused quickly."""
        write_files(tmp_path, {"pack.toml": hs.dotted_toml(parts) + SIMPLE_TOML})
        with within(10):
            [(name, _, _, message)] = pack_problems(tmp_path)
        assert name == "pack.toml"
        assert "nested too deeply" in message

    def test_interview_100k_part_dotted_toml_key(self, tmp_path: Path) -> None:
        """An interview with a 100,000-part dotted key is refused quickly."""
        text = 'company = "a"\nrole = "r"\nwhen = 2026-01-01T10:00:00\n' + hs.dotted_toml(100_000)
        write_files(tmp_path, {"interview.toml": text})
        with within(10):
            refused(lambda: load_interview(tmp_path / "interview.toml"))

    def test_300kb_toml_with_2000_part_dotted_key(self, tmp_path: Path) -> None:
        """A large TOML pack (parse cache in use) nested 2,000 deep is refused as too deep."""
        text = hs.dotted_toml(2_000) + SIMPLE_TOML + "# " + "x" * 300_000 + "\n"
        write_files(tmp_path, {"pack.toml": text})
        with within(20):
            [(_, _, _, message)] = pack_problems(tmp_path)
        assert "nested too deeply" in message


class TestStoryBankLoad:
    @pytest.mark.parametrize(
        ("name", "content", "needle"),
        [
            ("bank.toml", b"[[stories]\nid = 1\n", "invalid TOML"),
            ("bank.toml", b'[[stories]]\nid = "a\xffb"\n', "not valid UTF-8"),
            ("bank.json", b'{"stories": [\xc0\x80]}', "not valid UTF-8"),
            ("bank.json", b'{"stories": [}', "invalid JSON"),
            ("bank.json", b"", "empty"),
            ("bank.json", b"\xef\xbb\xbf{}", "byte-order mark"),
            ("bank.json", b'{"stories": [{"id": "a\x00"}]}', "NUL"),
        ],
    )
    def test_unreadable_bank(self, tmp_path: Path, name: str, content: bytes, needle: str) -> None:
        """StoryBank.load on invalid TOML, JSON or UTF-8 raises StructureError naming the file."""
        write_files(tmp_path, {name: content})
        [problem] = refused(lambda: StoryBank.load(tmp_path / name))
        assert problem.file == str(tmp_path / name)
        assert needle in problem.message

    def test_missing_bank(self, tmp_path: Path) -> None:
        """StoryBank.load on a missing file raises StructureError naming it."""
        [problem] = refused(lambda: StoryBank.load(tmp_path / "nope.json"))
        assert problem.file == str(tmp_path / "nope.json")

    def test_bank_100k_deep_json(self, tmp_path: Path) -> None:
        """StoryBank.load on 100,000-deep JSON raises StructureError."""
        write_files(tmp_path, {"bank.json": hs.deep_json(100_000)})
        with within(10):
            [problem] = refused(lambda: StoryBank.load(tmp_path / "bank.json"))
        assert "nested too deeply" in problem.message


class TestSpecialFiles:
    def test_fifo_as_pack_file(self, tmp_path: Path) -> None:
        """A FIFO named pack.toml is refused at once, never read."""
        os.mkfifo(tmp_path / "pack.toml")
        with within(5):
            for path in (tmp_path, tmp_path / "pack.toml"):
                [(name, _, _, message)] = pack_problems(path)
                assert name == "pack.toml"
                assert "not a regular file" in message
            assert check_validate_pack(tmp_path)

    def test_fifo_as_included_file(self, tmp_path: Path) -> None:
        """A FIFO matched by an include pattern is refused at once."""
        write_files(
            tmp_path, {"pack.toml": with_manifest_line(SIMPLE_TOML, 'include = ["*.json"]')}
        )
        os.mkfifo(tmp_path / "more.json")
        with within(5):
            [(name, _, _, message)] = pack_problems(tmp_path)
        assert name == "more.json"
        assert "not a regular file" in message

    @pytest.mark.parametrize("name", ["interview.toml", "interview.json"])
    def test_fifo_as_interview_or_bank(self, tmp_path: Path, name: str) -> None:
        """A FIFO given as an interview or a story bank is refused at once."""
        os.mkfifo(tmp_path / name)
        with within(5):
            for loader in (load_interview, StoryBank.load):
                [problem] = refused(lambda: loader(tmp_path / name))  # noqa: B023
                assert "not a regular file" in problem.message

    def test_dev_zero(self, tmp_path: Path) -> None:
        """/dev/zero, given directly or linked as pack.toml or an include, is never read."""
        (tmp_path / "pack.toml").symlink_to("/dev/zero")
        other = tmp_path / "other"
        write_files(other, {"pack.toml": with_manifest_line(SIMPLE_TOML, 'include = ["z.json"]')})
        (other / "z.json").symlink_to("/dev/zero")
        with within(5):
            refused(lambda: load_interview(Path("/dev/zero")))
            refused(lambda: StoryBank.load(Path("/dev/zero")))
            pack_problems(Path("/dev/zero"))
            pack_problems(tmp_path)
            pack_problems(other)

    def test_folder_as_interview(self, tmp_path: Path) -> None:
        """A folder given as an interview file is refused."""
        [problem] = refused(lambda: load_interview(tmp_path))
        assert "not a regular file" in problem.message

    @pytest.mark.parametrize("path", ["a\x00b.toml", "x" * 5_000, "x" * 5_000 + "/pack.toml"])
    def test_unusable_paths(self, path: str) -> None:
        """A path with a NUL byte or too long a name is refused with a problem, not OSError."""
        with within(5):
            refused(lambda: load_pack(path), PackError)
            assert check_validate_pack(Path(path))
            refused(lambda: load_interview(path))
            refused(lambda: StoryBank.load(path))


class TestLongValues:
    BIG = "x" * (4 * 1024 * 1024)

    def test_4mb_string_where_an_int_belongs(self, tmp_path: Path) -> None:
        """A 4 MB string where an int belongs gives a short message, from data and files."""
        [problem] = refused(
            lambda: from_dict(Level, {"score": self.BIG, "label": "L", "anchor": "A"})
        )
        assert problem.path == "score"
        text = SIMPLE_TOML.replace("score = 1", f'score = "{self.BIG}"', 1)
        write_files(tmp_path / "toml", {"pack.toml": text})
        [(_, line, path, _)] = pack_problems(tmp_path / "toml")
        assert (line, path) == (
            line_of(text, self.BIG[:10]),
            "rubrics[0].criteria[0].levels[0].score",
        )
        json_text = SIMPLE_JSON.replace('"score": 1', f'"score": "{self.BIG}"', 1)
        write_files(tmp_path / "json", {"pack.json": json_text})
        [(_, line, path, _)] = pack_problems(tmp_path / "json")
        assert (line, path) == (
            line_of(json_text, self.BIG[:10]),
            "rubrics[0].criteria[0].levels[0].score",
        )

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param({"tags": BIG}, id="tags"),
            pytest.param({"tags": [BIG, 5]}, id="tag"),
            pytest.param({"stages": [BIG]}, id="stage"),
            pytest.param({"topic": BIG}, id="topic"),
            pytest.param({"id": BIG}, id="id"),
            pytest.param({"replaces": BIG}, id="replaces"),
            pytest.param({BIG: 1}, id="unknown key"),
            pytest.param({f"k{n}": n for n in range(5_000)}, id="5000 unknown keys"),
            pytest.param({"title": [BIG] * 3}, id="list"),
            pytest.param({"body": {BIG: BIG}}, id="table"),
        ],
    )
    def test_tip_with_4mb_values(self, data: dict[str, Any]) -> None:
        """Huge values, keys and key counts in a tip give short messages."""
        tip = {"id": "a", "title": "T", "body": "B", "topic": "research"}
        refused(lambda: from_dict(Tip, tip | data))

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param({"requires": [BIG + " !"]}, id="requirement"),
            pytest.param({"version": BIG}, id="version"),
            pytest.param({"language": BIG}, id="language"),
            pytest.param({"format": BIG}, id="format"),
            pytest.param({"format": 10**4000}, id="format number"),
        ],
    )
    def test_manifest_with_4mb_values(self, data: dict[str, Any]) -> None:
        """Huge values in a pack manifest give short messages."""
        refused(lambda: from_dict(PackInfo, {"name": "a", "version": "1", "title": "T"} | data))

    def test_tip_of_a_4mb_pack_name(self) -> None:
        """An item naming a 4 MB pack of its own gives a short message."""
        tip = {"id": "a", "title": "T", "body": "B", "topic": "research", "pack": "b" * 4_000_000}
        data = {"pack": {"name": "a", "version": "1", "title": "T"}, "tips": [tip]}
        [problem] = refused(lambda: from_dict(Pack, data))
        assert problem.path == "tips[0].pack"

    def test_4mb_key_twice_in_json(self, tmp_path: Path) -> None:
        """A 4 MB key given twice in pack.json gives a short message."""
        text = json.dumps({"pack": {"name": "a", "version": "1", "title": "T"}})
        text = text[:-1] + f', "{self.BIG}": 1, "{self.BIG}": 2}}'
        write_files(tmp_path, {"pack.json": text})
        [(_, line, _, message)] = pack_problems(tmp_path)
        assert line == 1
        assert "duplicate key" in message

    def test_4mb_unknown_top_level_key(self, tmp_path: Path) -> None:
        """A 4 MB unknown top-level key in pack.toml gives a short message."""
        write_files(tmp_path, {"pack.toml": f'"{self.BIG}" = 1\n' + SIMPLE_TOML})
        [(_, line, _, message)] = pack_problems(tmp_path)
        assert line == 1
        assert "unknown top-level key" in message

    def test_4mb_due(self) -> None:
        """A 4 MB `due` gives a short message."""
        data = {"id": "a", "text": "T", "due": self.BIG}
        with pytest.raises(StructureError) as info:
            from_dict(ChecklistItem, data)
        assert all(len(p.message) <= MAX_MESSAGE for p in info.value.problems)

    def test_4mb_interviewer_name_twice(self) -> None:
        """Two interviewers with the same 4 MB name give a short message."""
        person = {"name": self.BIG, "audience": "peer"}
        data = {**INTERVIEW, "interviewers": [person, person]}
        with pytest.raises(StructureError) as info:
            from_dict(Interview, data)
        assert all(len(p.message) <= MAX_MESSAGE for p in info.value.problems)


class TestLocatorSpeed:
    def test_20000_spaces_in_a_nested_toml_array(self, tmp_path: Path) -> None:
        """A nested array line with many spaces does not stall the line finder."""
        junk = "junk = [\n[" + " " * 20_000 + "1],\n]\n"
        write_files(tmp_path, {"pack.toml": junk + SIMPLE_TOML})
        with within(10):
            [(_, line, path, _)] = pack_problems(tmp_path)
        assert (line, path) == (1, "junk")

    def test_200000_part_quoted_key_not_indexed(self, tmp_path: Path) -> None:
        """A problem at a long path of dotted parts, absent from the index, is placed quickly."""
        key = ".".join(["a"] * 200_000)  # one quoted key, which the index leaves out
        write_files(tmp_path, {"pack.toml": f"'{key}' = 1\n" + SIMPLE_TOML})
        limits = Limits(max_depth=1_000_000)  # past the pre-parse check of dotted keys
        with within(10), pytest.raises(PackError) as info:
            load_pack(tmp_path, limits=limits)
        check_problems(info.value.problems, read_files=True)
        [(name, message)] = [(Path(p.file or "").name, p.message) for p in info.value.problems]
        assert name == "pack.toml"
        assert "unknown top-level key" in message

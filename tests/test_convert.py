from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewprep import (
    Checklist,
    ChecklistItem,
    Criterion,
    FirstRound,
    Interview,
    Interviewer,
    Level,
    Pack,
    PackInfo,
    Problem,
    Question,
    Rubric,
    Scale,
    Story,
    StoryBank,
    StructureError,
    Tip,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from interviewprep import testing as strategies
from packtools import PACK_SETTINGS

MODELS: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Tip, strategies.tips()),
    (Question, strategies.questions()),
    (ChecklistItem, strategies.checklist_items()),
    (Checklist, strategies.checklists()),
    (Scale, strategies.scales()),
    (Level, strategies.scales().flatmap(strategies.levels)),
    (Criterion, strategies.scales().flatmap(strategies.criteria)),
    (Rubric, strategies.rubrics()),
    (PackInfo, strategies.pack_infos()),
    (Interviewer, strategies.interviewers()),
    (FirstRound, strategies.first_rounds()),
    (Interview, strategies.interviews()),
    (Story, strategies.stories()),
    (StoryBank, strategies.story_banks()),
]


def problems(cls: type, data: Any) -> list[tuple[str, str]]:
    with pytest.raises(StructureError) as info:
        from_dict(cls, data)
    return [(p.path, p.message) for p in info.value.problems]


TIP = {"id": "t", "title": "Title", "body": "Body", "topic": "research"}


class TestRoundTrip:
    @pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=[cls.__name__ for cls, _ in MODELS])
    @given(data=st.data())
    def test_round_trip(
        self, cls: type, strategy: st.SearchStrategy[Any], data: st.DataObject
    ) -> None:
        """from_dict(to_dict(x)) == x and from_json(to_json(x)) == x for every model object."""
        obj = data.draw(strategy)
        assert from_dict(cls, to_dict(obj)) == obj
        assert from_json(cls, to_json(obj)) == obj

    @PACK_SETTINGS
    @given(pack=strategies.packs(max_items=2))
    def test_pack_round_trip(self, pack: Pack) -> None:
        """A whole pack survives to_dict / from_dict and to_json / from_json."""
        assert from_dict(Pack, to_dict(pack)) == pack
        assert from_json(Pack, to_json(pack)) == pack

    @PACK_SETTINGS
    @given(strategies.packs(max_items=2))
    def test_pack_output_is_plain_data(self, pack: Pack) -> None:
        """to_dict writes only dicts, lists, str, int, float and bool: no None, no enums."""

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for key, entry in value.items():
                    assert type(key) is str
                    walk(entry)
            elif isinstance(value, list):
                for entry in value:
                    walk(entry)
            else:
                assert type(value) in (str, int, float, bool), value

        walk(to_dict(pack))


class TestOutputShape:
    def test_pack_file_shape(self) -> None:
        """A pack is written with a [pack] table, items without their implied pack."""
        pack = Pack(
            info=PackInfo(name="core", version="1.0", title="Core"),
            tips=[Tip(id="t", title="T", body="B", topic="research", stages=["after", "before"])],
        )
        assert to_dict(pack) == {
            "pack": {"name": "core", "version": "1.0", "title": "Core", "format": 1},
            "tips": [
                {
                    "id": "t",
                    "title": "T",
                    "body": "B",
                    "topic": "research",
                    "stages": ["before", "after"],
                }
            ],
        }

    def test_durations_as_iso_strings(self) -> None:
        """due is written as a signed ISO 8601 duration."""
        assert to_dict(ChecklistItem(id="a", text="t", due="-PT36H")) == {
            "id": "a",
            "text": "t",
            "due": "-P1DT12H",
        }

    def test_converter_is_independent(self) -> None:
        """make_converter returns a fresh converter each time."""
        assert make_converter() is not make_converter()


class TestErrors:
    def test_unknown_key_with_suggestion(self) -> None:
        """An unknown key is an error that suggests the closest allowed key."""
        assert problems(Tip, TIP | {"tittle": "x"}) == [
            ("tittle", "unknown key 'tittle': did you mean 'title'?")
        ]

    def test_missing_key(self) -> None:
        """A missing required key names the field."""
        assert problems(Tip, {k: v for k, v in TIP.items() if k != "body"}) == [
            ("body", "is required but missing")
        ]

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("title", 5, "expected a string, got an integer 5"),
            ("stages", "before", "expected a list, got a string 'before'"),
            ("tags", [1], "expected a string, got an integer 1"),
            ("topic", "resarch", "'resarch' is not a Topic value (did you mean 'research'?)"),
        ],
    )
    def test_wrong_types(self, field: str, value: Any, message: str) -> None:
        """Values of the wrong type are refused, never coerced."""
        [(path, text)] = problems(Tip, TIP | {field: value})
        assert path.startswith(field)
        assert message in text

    def test_bool_is_not_an_integer(self) -> None:
        """true is not accepted as a score."""
        assert problems(Level, {"score": True, "label": "l", "anchor": "a"}) == [
            ("score", "expected an integer, got true or false True")
        ]

    def test_nested_paths(self) -> None:
        """Problems deep in a pack carry the full field path."""
        data = {
            "pack": {"name": "core", "version": "1", "title": "Core"},
            "rubrics": [
                {
                    "id": "r",
                    "title": "R",
                    "scale": {"min": 1, "max": 4},
                    "criteria": [
                        {
                            "id": "c",
                            "name": "C",
                            "levels": [{"score": 1, "label": "l", "anchor": "a"}, {"score": "2"}],
                        }
                    ],
                }
            ],
            "checklists": [
                {
                    "id": "c",
                    "title": "C",
                    "stage": "before",
                    "items": [{"id": "i", "text": "t", "due": "soon"}],
                }
            ],
        }
        found = problems(Pack, data)
        paths = {path for path, _ in found}
        assert "rubrics[0].criteria[0].levels[1].score" in paths
        assert "rubrics[0].criteria[0].levels[1].label" in paths
        assert "checklists[0].items[0].due" in paths

    def test_rule_broken_in_constructor_gets_full_path(self) -> None:
        """A rule checked by a constructor is reported at its place in the pack."""
        data = {
            "pack": {"name": "core", "version": "1", "title": "Core"},
            "rubrics": [
                {
                    "id": "r",
                    "title": "R",
                    "scale": {"min": 1, "max": 3},
                    "criteria": [
                        {
                            "id": "c",
                            "name": "C",
                            "levels": [{"score": 4, "label": "l", "anchor": "a"}],
                        }
                    ],
                }
            ],
        }
        assert problems(Pack, data) == [
            (
                "rubrics[0].criteria[0].levels[0].score",
                "score 4 lies outside the rubric's scale 1-3",
            )
        ]

    def test_pack_table_is_named_pack(self) -> None:
        """Problems in the manifest are reported under 'pack', the key in the file."""
        found = problems(Pack, {"pack": {"name": "core", "version": "1", "title": 1}})
        assert found == [("pack.title", "expected a string, got an integer 1")]

    def test_not_a_table(self) -> None:
        """A list where a table belongs is refused."""
        assert problems(Tip, []) == [("", "expected a table, got a list []")]

    def test_error_message_lists_every_problem(self) -> None:
        """str(StructureError) lists each problem on its own line."""
        with pytest.raises(StructureError) as info:
            from_dict(Tip, {"id": "t"})
        text = str(info.value)
        assert text.splitlines()[0] == "Tip has 3 problems:"
        assert "  title: is required but missing" in text

    def test_structure_error_is_a_value_error(self) -> None:
        """StructureError can be caught as ValueError."""
        with pytest.raises(ValueError, match="problem"):
            from_dict(Tip, {})


class TestJson:
    def test_syntax_error_has_line(self) -> None:
        """Malformed JSON is reported with its line."""
        with pytest.raises(StructureError) as info:
            from_json(Tip, '{\n"id": "t",\n}')
        [problem] = info.value.problems
        assert problem.line == 3
        assert problem.message.startswith("invalid JSON")

    def test_duplicate_keys_are_refused(self) -> None:
        """A key given twice in one JSON object is an error, not a silent overwrite."""
        with pytest.raises(StructureError, match="duplicate key 'id'"):
            from_json(Tip, '{"id": "a", "id": "b"}')

    def test_deep_nesting_does_not_crash(self) -> None:
        """Absurdly nested JSON is a StructureError, not a RecursionError."""
        with pytest.raises(StructureError):
            from_json(Tip, "[" * 100_000 + "]" * 100_000)


class TestProblem:
    def test_str_with_everything(self) -> None:
        """A problem formats as file:line: path: message."""
        problem = Problem(message="bad", file="pack.toml", line=3, path="tips[0].id")
        assert str(problem) == "pack.toml:3: tips[0].id: bad"

    def test_str_with_pack_only(self) -> None:
        """Without a file, the pack name stands in."""
        assert str(Problem(message="bad", pack="core")) == "<core>: bad"

    def test_str_bare(self) -> None:
        """Without any location, only the message remains."""
        assert str(Problem(message="bad")) == "bad"


def _mutations(draw: st.DrawFn, data: Any) -> Any:
    """Replace one random leaf (or container) of *data* with an arbitrary JSON value."""
    junk = (
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
    )
    junk = (
        junk
        | st.lists(st.text(max_size=3), max_size=2)
        | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
    )
    paths: list[tuple[Any, ...]] = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*path, index))

    walk(data, ())
    path = draw(st.sampled_from(paths[1:] or paths))
    if not path:
        return draw(junk)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = draw(junk)
    return data


class TestFastAndDetailedAgree:
    @PACK_SETTINGS
    @given(data=st.data(), pack=strategies.packs(max_items=2))
    def test_same_verdict(self, data: st.DataObject, pack: Pack) -> None:
        """On any corrupted pack data, the fast path fails exactly when the detailed one does."""
        from interviewprep._convert import _converter, _fast_converter

        mutated = data.draw(st.composite(lambda draw: _mutations(draw, to_dict(pack)))())
        outcomes = []
        for converter in (_fast_converter(), _converter()):
            try:
                outcomes.append(("ok", converter.structure(mutated, Pack)))
            except Exception as exc:  # noqa: BLE001 - comparing verdicts
                outcomes.append(("error", type(exc).__name__))
        fast, detailed = outcomes
        assert fast[0] == detailed[0], (fast, detailed)
        if fast[0] == "ok":
            assert fast[1] == detailed[1]

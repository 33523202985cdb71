"""Reading one pack folder: formats, includes, limits and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewprep import Limits, Pack, PackError, from_dict, load_pack, to_dict, validate_pack
from interviewprep import testing as strategies
from packtools import PACK_SETTINGS, QUESTION, RUBRIC, TIP, manifest, simple_pack, write_files


def problems_of(path: Path, **kwargs: object) -> list[tuple[str | None, int | None, str, str]]:
    """(file name, line, path, message) of each problem load_pack raises."""
    with pytest.raises(PackError) as info:
        load_pack(path, **kwargs)  # type: ignore[arg-type]
    return [
        (Path(p.file).name if p.file else None, p.line, p.path, p.message)
        for p in info.value.problems
    ]


def line_of(content: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the *nth* line containing *needle*."""
    found = [n for n, line in enumerate(content.splitlines(), start=1) if needle in line]
    return found[nth - 1]


def assert_loads_or_reports(folder: Path) -> None:
    """Loading *folder* gives a Pack, or a PackError with at least one problem."""
    problems: tuple[object, ...] = ()
    try:
        pack = load_pack(folder)
    except PackError as error:
        problems = error.problems
        assert problems, "a PackError must carry problems"
    else:
        assert isinstance(pack, Pack)


def one_problem(path: Path, **kwargs: object) -> tuple[str | None, int | None, str, str]:
    [problem] = problems_of(path, **kwargs)
    return problem


class TestGoodPacks:
    def test_folder_and_file_give_the_same_pack(self, tmp_path: Path) -> None:
        """A pack loads from its folder or from its pack.toml alike."""
        write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        assert load_pack(tmp_path) == load_pack(tmp_path / "pack.toml")

    def test_items_are_stamped(self, tmp_path: Path) -> None:
        """Loaded items know their pack; references stay as written until merged."""
        write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        pack = load_pack(tmp_path)
        assert pack.questions[0].full_id == "demo/a-question"
        assert pack.questions[0].rubric == "a-rubric"

    def test_includes_in_pattern_then_name_order(self, tmp_path: Path) -> None:
        """Included files add items after the main file's, matches sorted by name."""
        files = {
            "pack.toml": manifest("demo", include='["more/*.toml", "extra.json"]')
            + TIP.format(id="first"),
            "more/b.toml": TIP.format(id="from-b"),
            "more/a.toml": TIP.format(id="from-a"),
            "extra.json": json.dumps(
                {"tips": [{"id": "from-json", "title": "J", "body": "B", "topic": "fit"}]}
            ),
        }
        pack = load_pack(write_files(tmp_path, files))
        assert [t.id for t in pack.tips] == ["first", "from-a", "from-b", "from-json"]

    @PACK_SETTINGS
    @given(pack=strategies.packs(max_items=2))
    def test_toml_and_json_give_identical_packs(
        self, pack: Pack, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        """The same content as pack.json and as pack.toml loads to equal packs."""
        import tomllib  # noqa: F401 - tomllib has no writer; TOML text is produced below

        folder = tmp_path_factory.mktemp("json")
        (folder / "pack.json").write_text(json.dumps(to_dict(pack)), encoding="utf-8")
        assert load_pack(folder) == pack

    def test_toml_equals_json(self, tmp_path: Path) -> None:
        """A TOML pack and its JSON export load to the same pack."""
        toml_folder = write_files(tmp_path / "toml", {"pack.toml": simple_pack("demo")})
        pack = load_pack(toml_folder)
        json_folder = write_files(tmp_path / "json", {"pack.json": json.dumps(to_dict(pack))})
        assert load_pack(json_folder) == pack

    def test_validate_pack_clean(self, tmp_path: Path) -> None:
        """validate_pack returns no problems for a good pack."""
        assert validate_pack(write_files(tmp_path, {"pack.toml": simple_pack("demo")})) == []


class TestSyntax:
    def test_toml_syntax_error_has_line(self, tmp_path: Path) -> None:
        """A TOML syntax error names the file and line."""
        write_files(tmp_path, {"pack.toml": manifest("demo") + '\n[[tips]]\nid = "x\n'})
        name, line, path, message = one_problem(tmp_path)
        assert (name, line, path) == ("pack.toml", 8, "")
        assert message.startswith("invalid TOML")

    def test_json_syntax_error_has_line(self, tmp_path: Path) -> None:
        """A JSON syntax error names the file and line."""
        write_files(tmp_path, {"pack.json": '{"pack": {\n  "name": "demo",\n}}'})
        name, line, path, message = one_problem(tmp_path)
        assert (name, line, path) == ("pack.json", 3, "")
        assert message.startswith("invalid JSON")

    def test_duplicate_json_keys(self, tmp_path: Path) -> None:
        """A key given twice in a JSON object is refused."""
        write_files(tmp_path, {"pack.json": '{"pack": {"name": "a", "name": "b"}}'})
        assert "duplicate key 'name'" in one_problem(tmp_path)[3]

    def test_missing_pack_file(self, tmp_path: Path) -> None:
        """A folder without pack.toml or pack.json is reported."""
        name, _, _, message = one_problem(tmp_path)
        assert name == tmp_path.name
        assert message == f"no pack file in {tmp_path}: expected pack.toml or pack.json"

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A folder that does not exist is reported."""
        assert "does not exist" in one_problem(tmp_path / "nope")[3]

    @pytest.mark.parametrize("content", ["", "   \n\n"])
    def test_empty_pack_file(self, tmp_path: Path, content: str) -> None:
        """An empty pack file is reported as such."""
        write_files(tmp_path, {"pack.toml": content})
        assert one_problem(tmp_path) == ("pack.toml", None, "", "the file is empty")

    def test_missing_manifest(self, tmp_path: Path) -> None:
        """A pack file without [pack] is reported."""
        write_files(tmp_path, {"pack.toml": TIP.format(id="a")})
        assert one_problem(tmp_path)[3] == "missing the [pack] table (the manifest)"

    def test_non_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is refused with the line of the bad byte."""
        content = manifest("demo").encode() + b"\n# caf\xe9\n"
        write_files(tmp_path, {"pack.toml": content})
        name, line, _, message = one_problem(tmp_path)
        assert (name, line) == ("pack.toml", content.count(b"\n"))
        assert message.startswith("not valid UTF-8 (byte 0xe9")

    def test_bom(self, tmp_path: Path) -> None:
        """A byte-order mark is refused with advice."""
        write_files(tmp_path, {"pack.toml": b"\xef\xbb\xbf" + manifest("demo").encode()})
        assert one_problem(tmp_path) == (
            "pack.toml",
            1,
            "",
            "the file starts with a byte-order mark: save it as UTF-8 without BOM",
        )

    def test_nul_byte(self, tmp_path: Path) -> None:
        """A NUL byte is refused with its line."""
        content = manifest("demo") + "\n# \0\n"
        write_files(tmp_path, {"pack.toml": content})
        line = line_of(content, "\0")
        assert one_problem(tmp_path) == ("pack.toml", line, "", "the file contains a NUL byte")

    @pytest.mark.parametrize("suffix", ["toml", "json"])
    def test_deep_nesting(self, tmp_path: Path, suffix: str) -> None:
        """Structures nested thousands deep are refused without a RecursionError."""
        depth = 5000
        if suffix == "json":
            content = '{"pack": {"name": "demo", "x": ' + "[" * depth + "]" * depth + "}}"
        else:
            content = manifest("demo") + "x = " + "[" * depth + "]" * depth + "\n"
        write_files(tmp_path, {f"pack.{suffix}": content})
        assert (
            "nested too deeply" in one_problem(tmp_path)[3] or "invalid" in one_problem(tmp_path)[3]
        )

    def test_moderate_nesting_over_limit(self, tmp_path: Path) -> None:
        """Nesting past Limits.max_depth is refused before structuring."""
        write_files(tmp_path, {"pack.json": '{"pack": ' + "[" * 40 + "]" * 40 + "}"})
        assert one_problem(tmp_path)[3] == "nested too deeply (the limit is 32 levels)"


class TestFields:
    def test_unknown_key_has_line_and_path(self, tmp_path: Path) -> None:
        """An unknown key names the file, the line of the key itself, and suggests a fix."""
        content = (
            manifest("demo") + TIP.format(id="a") + TIP.format(id="b").replace("topic", "topik")
        )
        write_files(tmp_path, {"pack.toml": content})
        missing, unknown = problems_of(tmp_path)
        header = line_of(content, "[[tips]]", nth=2)
        assert missing == ("pack.toml", header, "tips[1].topic", "is required but missing")
        assert unknown == (
            "pack.toml",
            line_of(content, "topik ="),
            "tips[1].topik",
            "unknown key 'topik': did you mean 'topic'?",
        )

    def test_wrong_type(self, tmp_path: Path) -> None:
        """A value of the wrong type names its field and line."""
        content = manifest("demo") + TIP.format(id="a").replace('title = "Tip a"', "title = 7")
        write_files(tmp_path, {"pack.toml": content})
        line = line_of(content, "title = 7")
        assert one_problem(tmp_path) == (
            "pack.toml",
            line,
            "tips[0].title",
            "expected a string, got an integer 7",
        )

    def test_bad_enum_value(self, tmp_path: Path) -> None:
        """A value outside the vocabulary lists the allowed ones."""
        content = manifest("demo") + TIP.format(id="a").replace('"research"', '"reserch"')
        write_files(tmp_path, {"pack.toml": content})
        name, line, path, message = one_problem(tmp_path)
        assert (name, line, path) == ("pack.toml", line_of(content, "reserch"), "tips[0].topic")
        assert message.startswith(
            "'reserch' is not a Topic value (did you mean 'research'?): "
            "use one of research, self-review"
        )

    def test_duplicate_id(self, tmp_path: Path) -> None:
        """Two tips with one id: the second is named."""
        content = manifest("demo") + TIP.format(id="a") + TIP.format(id="a")
        write_files(tmp_path, {"pack.toml": content})
        first = line_of(content, 'id = "a"')
        assert one_problem(tmp_path) == (
            "pack.toml",
            line_of(content, 'id = "a"', nth=2),
            "tips[1].id",
            f"duplicate id 'a': ids must be unique per kind within a pack (the first is at "
            f"pack.toml:{first})",
        )

    def test_bad_id(self, tmp_path: Path) -> None:
        """An id with bad characters is named with its line."""
        content = manifest("demo") + TIP.format(id="Bad_Id")
        write_files(tmp_path, {"pack.toml": content})
        name, line, path, message = one_problem(tmp_path)
        assert (name, line, path) == ("pack.toml", line_of(content, "Bad_Id"), "tips[0].id")
        assert "'Bad_Id' is not a valid id" in message

    def test_problem_in_included_file_names_that_file(self, tmp_path: Path) -> None:
        """A problem in an included file is located in that file, with a local path."""
        files = {
            "pack.toml": manifest("demo", include='["tips.toml"]') + TIP.format(id="a"),
            "tips.toml": TIP.format(id="b") + TIP.format(id="c").replace('"research"', "3"),
        }
        write_files(tmp_path, files)
        name, line, path, _ = one_problem(tmp_path)
        assert (name, line, path) == (
            "tips.toml",
            line_of(files["tips.toml"], "topic = 3"),
            "tips[1].topic",
        )

    def test_nested_rubric_field_has_line(self, tmp_path: Path) -> None:
        """A problem deep in a rubric points at the level's line."""
        content = manifest("demo") + RUBRIC.format(id="r").replace("score = 2", "score = 9")
        write_files(tmp_path, {"pack.toml": content})
        name, line, path, message = one_problem(tmp_path)
        assert (name, path) == ("pack.toml", "rubrics[0].criteria[0].levels[1].score")
        assert message == "score 9 lies outside the rubric's scale 1-2"
        assert line == line_of(content, "score = 9")

    def test_unknown_top_level_key(self, tmp_path: Path) -> None:
        """An unknown top-level table is refused, not ignored."""
        content = manifest("demo") + "\n[[tipps]]\nid = 'a'\n"
        write_files(tmp_path, {"pack.toml": content})
        name, line, path, message = one_problem(tmp_path)
        assert (name, line, path) == ("pack.toml", line_of(content, "[[tipps]]"), "tipps")
        assert message.startswith("unknown top-level key 'tipps'")

    def test_every_problem_reported_at_once(self, tmp_path: Path) -> None:
        """Problems in several items are all reported in one go."""
        content = (
            manifest("demo")
            + TIP.format(id="Bad")
            + QUESTION.format(id="q", rubric="r").replace('"behavioral"', '"odd"')
        )
        write_files(tmp_path, {"pack.toml": content})
        paths = {path for _, _, path, _ in problems_of(tmp_path)}
        assert paths == {"tips[0].id", "questions[0].kind"}


class TestEveryProblemInOnePass:
    """A pack with problems of several kinds reports them all at once, in file order."""

    def test_fields_ids_and_files_together(self, tmp_path: Path) -> None:
        """Bad values, a duplicate id, a bad include and a broken included file: one list."""
        content = (
            manifest("demo", include='["more.toml", "nope/*.toml"]')
            + TIP.format(id="a").replace('"research"', '"reserch"')
            + TIP.format(id="a")
            + TIP.format(id="c").replace('title = "Tip c"', "title = 7")
        )
        more = TIP.format(id="d").replace("topic", "topik")
        write_files(tmp_path, {"pack.toml": content, "more.toml": more})
        found = [(name, line, path) for name, line, path, _ in problems_of(tmp_path)]
        assert found == [
            ("pack.toml", line_of(content, "include ="), "pack.include[1]"),
            ("pack.toml", line_of(content, '"reserch"'), "tips[0].topic"),
            ("pack.toml", line_of(content, 'id = "a"', nth=2), "tips[1].id"),
            ("pack.toml", line_of(content, "title = 7"), "tips[2].title"),
            ("more.toml", line_of(more, "[[tips]]"), "tips[0].topic"),
            ("more.toml", line_of(more, "topik ="), "tips[0].topik"),
        ]

    def test_manifest_and_items_together(self, tmp_path: Path) -> None:
        """A bad manifest does not hide the problems of the items."""
        content = manifest("demo", titel='"x"') + TIP.format(id="Bad")
        write_files(tmp_path, {"pack.toml": content})
        assert [(line, path) for _, line, path, _ in problems_of(tmp_path)] == [
            (line_of(content, "titel ="), "pack.titel"),
            (line_of(content, 'id = "Bad"'), "tips[0].id"),
        ]

    def test_unreadable_included_file_does_not_hide_the_others(self, tmp_path: Path) -> None:
        """An included file that is not valid TOML is one problem among the rest."""
        files = {
            "pack.toml": manifest("demo", include='["*.toml"]') + TIP.format(id="Bad"),
            "broken.toml": "[[tips]\n",
        }
        write_files(tmp_path, files)
        found = [(name, path) for name, _, path, _ in problems_of(tmp_path)]
        assert found == [("pack.toml", "tips[0].id"), ("broken.toml", "")]

    def test_unknown_keys_in_json_point_at_the_key(self, tmp_path: Path) -> None:
        """In JSON too, an unknown key is reported on its own line, with a suggestion."""
        text = json.dumps(
            {
                "pack": {"name": "demo", "version": "1", "title": "T"},
                "tips": [{"id": "a", "title": "T", "body": "B", "topic": "fit", "tilte": "x"}],
            },
            indent=2,
        )
        write_files(tmp_path, {"pack.json": text})
        assert one_problem(tmp_path) == (
            "pack.json",
            line_of(text, '"tilte"'),
            "tips[0].tilte",
            "unknown key 'tilte': did you mean 'title'?",
        )

    def test_unknown_key_in_a_dotted_key_points_at_its_line(self, tmp_path: Path) -> None:
        """A misspelt key written as a dotted key is found on its own line too."""
        content = (
            manifest("demo", format="2")
            + TIP.format(id="a")
            + 'applies.formats = ["video"]\napplies.region = ["de"]\n'
        )
        write_files(tmp_path, {"pack.toml": content})
        assert one_problem(tmp_path) == (
            "pack.toml",
            line_of(content, "applies.region"),
            "tips[0].applies.region",
            "unknown key 'region': did you mean 'regions'?",
        )

    def test_unknown_top_level_key_suggests(self, tmp_path: Path) -> None:
        """A misspelt item kind is suggested."""
        content = manifest("demo") + TIP.format(id="a").replace("[[tips]]", "[[tip]]")
        write_files(tmp_path, {"pack.toml": content})
        _, line, path, message = one_problem(tmp_path)
        assert (line, path, message) == (
            line_of(content, "[[tip]]"),
            "tip",
            "unknown top-level key 'tip': did you mean 'tips'?",
        )

    def test_a_valid_pack_is_unchanged(self, tmp_path: Path) -> None:
        """Collecting every problem never changes what a valid pack loads as."""
        write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        assert load_pack(tmp_path) == from_dict(Pack, to_dict(load_pack(tmp_path)))


class TestIncludes:
    @pytest.mark.parametrize(
        "pattern", ["../*.toml", "/etc/*.toml", "sub/../../x.toml", "~/x.toml"]
    )
    def test_escaping_pattern(self, tmp_path: Path, pattern: str) -> None:
        """A pattern reaching outside the folder is refused."""
        write_files(
            tmp_path / "pack", {"pack.toml": manifest("demo", include=json.dumps([pattern]))}
        )
        name, _, path, message = one_problem(tmp_path / "pack")
        assert (name, path) == ("pack.toml", "pack.include[0]")
        assert "reaches outside the pack folder" in message

    def test_pattern_matching_nothing(self, tmp_path: Path) -> None:
        """A pattern that matches no file is a problem, not silence."""
        content = manifest("demo", include='["tips/*.toml"]')
        write_files(tmp_path, {"pack.toml": content})
        assert one_problem(tmp_path) == (
            "pack.toml",
            line_of(content, "include"),
            "pack.include[0]",
            "'tips/*.toml' matches no file",
        )

    def test_symlink_outside(self, tmp_path: Path) -> None:
        """A symlink in the pack folder pointing outside it is refused."""
        outside = write_files(tmp_path / "outside", {"secret.toml": TIP.format(id="s")})
        pack = write_files(tmp_path / "pack", {"pack.toml": manifest("demo", include='["*.toml"]')})
        os.symlink(outside / "secret.toml", pack / "linked.toml")
        _, _, path, message = one_problem(pack)
        assert path == "pack.include[0]"
        assert message == "'linked.toml' (matched by '*.toml') points outside the pack folder"

    def test_included_file_may_not_hold_a_manifest(self, tmp_path: Path) -> None:
        """An included file with a [pack] table is refused."""
        files = {
            "pack.toml": manifest("demo", include='["more.toml"]'),
            "more.toml": manifest("other"),
        }
        write_files(tmp_path, files)
        name, _, path, message = one_problem(tmp_path)
        assert (name, path) == ("more.toml", "pack")
        assert message.startswith("unknown top-level key 'pack'")


class TestLimits:
    def test_file_over_size_limit_is_not_read(self, tmp_path: Path) -> None:
        """A file over the size limit is refused before parsing."""
        write_files(tmp_path, {"pack.toml": simple_pack("demo")})
        name, _, _, message = one_problem(tmp_path, limits=Limits(max_file_bytes=100))
        assert name == "pack.toml"
        assert message.startswith("pack.toml is ")
        assert message.count("over the limit of 100 bytes") == 1

    def test_too_many_items(self, tmp_path: Path) -> None:
        """More items than the limit is a problem."""
        content = manifest("demo") + "".join(TIP.format(id=f"t{n}") for n in range(5))
        write_files(tmp_path, {"pack.toml": content})
        assert one_problem(tmp_path, limits=Limits(max_items=4)) == (
            "pack.toml",
            None,
            "",
            "the pack holds 5 items, over the limit of 4",
        )


class TestNeverCrashes:
    @given(st.binary(max_size=400))
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_arbitrary_bytes(self, tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
        """Any bytes as pack.toml or pack.json either load or raise PackError."""
        for name in ("pack.toml", "pack.json"):
            folder = tmp_path_factory.mktemp("bytes")
            (folder / name).write_bytes(data)
            assert_loads_or_reports(folder)

    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=8), children, max_size=3)
        ),
        max_leaves=20,
    )

    @given(
        st.dictionaries(
            st.sampled_from(["pack", "tips", "questions", "checklists", "rubrics", "other"]),
            json_values,
        )
    )
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_arbitrary_json_values(
        self, tmp_path_factory: pytest.TempPathFactory, data: dict[str, object]
    ) -> None:
        """Any JSON document as a pack either loads or raises PackError with problems."""
        folder = tmp_path_factory.mktemp("values")
        (folder / "pack.json").write_text(json.dumps(data), encoding="utf-8")
        assert_loads_or_reports(folder)

    @PACK_SETTINGS
    @given(pack=strategies.packs(max_items=2))
    def test_valid_packs_load_from_their_dict(self, pack: Pack) -> None:
        """Every valid generated pack survives from_dict(to_dict(...))."""
        assert from_dict(Pack, to_dict(pack)) == pack

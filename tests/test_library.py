"""Discovery through entry points, merging packs into a Library, and fault isolation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewprep import (
    Audience,
    Library,
    Pack,
    PackError,
    PackInfo,
    Problem,
    Question,
    Tip,
    load_library,
    load_pack,
)
from packtools import QUESTION, TIP, Site, manifest, simple_pack, write_files


def problems_for(library: Library, pack: str) -> list[Problem]:
    return [p for p in library.problems if p.pack == pack]


def only_problem(library: Library, pack: str) -> Problem:
    [problem] = problems_for(library, pack)
    assert pack not in {p.name for p in library.packs}
    return problem


def tip(id_: str, **changes: object) -> Tip:
    fields: dict[str, object] = {"id": id_, "title": f"T {id_}", "body": "B", "topic": "research"}
    return Tip(**(fields | changes))  # type: ignore[arg-type]


def info(name: str, *requires: str, version: str = "1.0.0") -> PackInfo:
    return PackInfo(name=name, version=version, title=name, requires=requires)


class TestCorePack:
    def test_core_is_installed_through_its_entry_point(self) -> None:
        """The wheel's own entry point registers the core pack."""
        library = load_library(packs=["core"], strict=True)
        assert [p.name for p in library.packs] == ["core"]
        assert library.sources["core"].distribution == "interviewprep-kit"
        assert library.sources["core"].kind == "data"

    def test_data_only_mode_loads_core_identically(self) -> None:
        """Data-only mode reads the core pack without importing it, to the same library."""
        assert load_library(packs=["core"], data_only=True) == load_library(packs=["core"])


class TestDiscovery:
    def test_installed_data_pack_appears_and_disappears(
        self, site: Site, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A distribution with an entry point adds its pack; removing it removes the pack."""
        module = site.data_pack("acme", simple_pack("acme"))
        library = load_library(packs=["acme"], strict=True)
        assert library.sources["acme"].value == module
        assert library.questions["acme/a-question"].rubric == "acme/a-rubric"
        monkeypatch.undo()
        assert "acme" not in {p.name for p in load_library().packs}

    def test_data_only_imports_nothing(self, site: Site) -> None:
        """In data-only mode a data pack's module is never imported."""
        module = site.unique("spy")
        files = {
            f"{module}/__init__.py": "raise RuntimeError('imported!')\n",
            f"{module}/pack.toml": simple_pack("spy"),
        }
        site.distribution("spy-dist", entry_points={"spy": module}, files=files)
        library = load_library(packs=["spy"], data_only=True, strict=True)
        assert library.packs[0].name == "spy"
        assert module not in sys.modules
        load_library(packs=["spy"], strict=True)
        assert module not in sys.modules, "data packs are read, never imported"

    def test_code_pack_object(self, site: Site) -> None:
        """module:attr naming a Pack loads that pack (not in data-only mode)."""
        module = site.unique("codepack")
        code = (
            "from interviewprep import Pack, PackInfo, Tip\n"
            "PACK = Pack(info=PackInfo(name='coded', version='2.0', title='C'),\n"
            "            tips=[Tip(id='t', title='T', body='B', topic='fit')])\n"
        )
        site.distribution(
            "coded-dist", entry_points={"coded": f"{module}:PACK"}, files={f"{module}.py": code}
        )
        assert load_library(packs=["coded"], strict=True).tips["coded/t"].title == "T"
        library = load_library(packs=["coded"], data_only=True)
        problem = only_problem(library, "coded")
        assert problem.distribution == "coded-dist"
        assert "skipped: data-only mode does not import third-party code" in problem.message

    def test_code_pack_callable_returning_a_path(self, site: Site, tmp_path: Path) -> None:
        """A callable may return the path of a pack folder."""
        folder = write_files(tmp_path / "elsewhere", {"pack.toml": simple_pack("pathy")})
        module = site.unique("pathy")
        code = f"def pack():\n    return {str(folder)!r}\n"
        site.distribution(
            "pathy-dist", entry_points={"pathy": f"{module}:pack"}, files={f"{module}.py": code}
        )
        assert load_library(packs=["pathy"], strict=True).packs[0].name == "pathy"

    def test_editable_install(
        self, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A data pack whose files live outside site-packages (editable) is found by its module."""
        source = write_files(
            tmp_path / "src",
            {"editable_pack/__init__.py": "", "editable_pack/pack.toml": simple_pack("editable")},
        )
        monkeypatch.syspath_prepend(str(source))
        site.distribution("editable-dist", entry_points={"editable": "editable_pack"}, record=False)
        library = load_library(packs=["editable"], data_only=True, strict=True)
        assert library.packs[0].name == "editable"
        assert "editable_pack" not in sys.modules

    def test_distribution_without_record(self, site: Site) -> None:
        """A distribution without RECORD (files is None) still provides its pack."""
        site.data_pack("norecord", simple_pack("norecord"), record=False)
        assert load_library(packs=["norecord"], strict=True).packs[0].name == "norecord"

    def test_same_distribution_twice_on_path(
        self, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The same distribution found in two sys.path entries is seen once."""
        module = site.unique("twice")
        files = {f"{module}/__init__.py": "", f"{module}/pack.toml": simple_pack("twice")}
        for folder in ("a", "b"):
            site.distribution(
                "twice-dist", entry_points={"twice": module}, files=files, folder=tmp_path / folder
            )
            monkeypatch.syspath_prepend(str(tmp_path / folder))
        library = load_library(packs=["twice"])
        assert problems_for(library, "twice") == []
        assert [p.name for p in library.packs] == ["twice"]

    def test_two_distributions_claim_one_name(self, site: Site) -> None:
        """Two distributions claiming one pack name are both left out."""
        first = site.data_pack("clash", simple_pack("clash"))
        second = site.data_pack("clash", simple_pack("clash"))
        library = load_library()
        claims = [p for p in library.problems if "claimed more than once" in p.message]
        assert {p.distribution for p in claims} == {f"dist-{first}", f"dist-{second}"}
        assert "clash" not in {p.name for p in library.packs}

    @pytest.mark.parametrize(("name", "other"), [("clash", "Clash"), ("my-pack", "my_pack")])
    def test_invalid_entry_point_name_never_knocks_out_a_valid_pack(
        self, site: Site, name: str, other: str
    ) -> None:
        """An entry point whose name is no pack name is a problem of its own distribution only."""
        site.data_pack(name, simple_pack(name))
        bad = site.data_pack(other, simple_pack(name))
        library = load_library()
        assert name in {p.name for p in library.packs}
        [problem] = [p for p in library.problems if p.distribution == f"dist-{bad}"]
        assert f"entry point name {other!r} is not a valid pack name" in problem.message
        assert not [p for p in library.problems if "claimed more than once" in p.message]

    def test_invalid_name_core_never_knocks_out_core(self, site: Site) -> None:
        """An entry point named 'Core' leaves core and the packs requiring it in place."""
        site.data_pack("Core", simple_pack("core"))
        assert "core" in {p.name for p in load_library().packs}

    def test_module_that_raises_on_import(self, site: Site) -> None:
        """A code pack whose module raises is reported and left out."""
        module = site.unique("boom")
        site.distribution(
            "boom-dist", entry_points={"boom": f"{module}:PACK"}, files={f"{module}.py": "1/0\n"}
        )
        problem = only_problem(load_library(), "boom")
        assert problem.distribution == "boom-dist"
        assert (
            problem.message
            == f"entry point boom = '{module}:PACK' failed: ZeroDivisionError: division by zero"
        )

    def test_missing_module(self, site: Site) -> None:
        """An entry point naming a missing module is reported."""
        site.distribution("ghost-dist", entry_points={"ghost": "no_such_module_xyz:PACK"})
        problem = only_problem(load_library(), "ghost")
        assert "ModuleNotFoundError" in problem.message

    def test_missing_data_module(self, site: Site) -> None:
        """A data entry point naming a missing module is reported."""
        site.distribution("ghostdata-dist", entry_points={"ghostdata": "no_such_data_module_xyz"})
        problem = only_problem(load_library(data_only=True), "ghostdata")
        assert problem.message == (
            "entry point 'no_such_data_module_xyz' names module 'no_such_data_module_xyz', "
            "which is not installed"
        )

    def test_missing_attribute(self, site: Site) -> None:
        """An entry point naming a missing attribute is reported."""
        module = site.unique("noattr")
        site.distribution(
            "noattr-dist",
            entry_points={"noattr": f"{module}:PACK"},
            files={f"{module}.py": "x = 1\n"},
        )
        assert "AttributeError" in only_problem(load_library(), "noattr").message

    def test_wrong_type(self, site: Site) -> None:
        """A code pack giving something other than a Pack or a path is reported."""
        module = site.unique("wrongtype")
        site.distribution(
            "wt-dist",
            entry_points={"wrongtype": f"{module}:make"},
            files={f"{module}.py": "def make():\n    return 42\n"},
        )
        message = only_problem(load_library(), "wrongtype").message
        assert message.endswith("gave int, not a Pack or the path of a pack folder")

    def test_sys_exit_is_contained(self, site: Site) -> None:
        """A pack module calling sys.exit() on import is contained."""
        module = site.unique("quitter")
        site.distribution(
            "q-dist",
            entry_points={"quitter": f"{module}:PACK"},
            files={f"{module}.py": "import sys\nsys.exit(3)\n"},
        )
        assert "called sys.exit(3)" in only_problem(load_library(), "quitter").message

    def test_keyboard_interrupt_propagates(self, site: Site) -> None:
        """KeyboardInterrupt raised by a pack is never swallowed."""
        module = site.unique("ctrlc")
        site.distribution(
            "c-dist",
            entry_points={"ctrlc": f"{module}:PACK"},
            files={f"{module}.py": "raise KeyboardInterrupt\n"},
        )
        with pytest.raises(KeyboardInterrupt):
            load_library()

    def test_entry_point_name_must_match_pack(self, site: Site) -> None:
        """The entry point's name must be the pack's name."""
        site.data_pack("alias", simple_pack("real-name"))
        assert only_problem(load_library(), "alias").message == (
            "the entry point is named 'alias' but the pack is named 'real-name'"
        )

    def test_broken_data_pack_reports_file_and_line(self, site: Site) -> None:
        """A broken installed pack is reported with its distribution, file and line."""
        module = site.data_pack("broken", manifest("broken") + TIP.format(id="Bad"))
        problem = only_problem(load_library(), "broken")
        assert problem.distribution == f"dist-{module}"
        assert problem.file is not None
        assert problem.file.endswith(f"{module}/pack.toml")
        assert (problem.line, problem.path) == (8, "tips[0].id")

    def test_order_does_not_depend_on_sys_path(
        self, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The library is the same whatever the order of sys.path entries."""
        site.data_pack("zeta", simple_pack("zeta"))
        site.data_pack("alpha", simple_pack("alpha"))
        first = load_library()
        monkeypatch.setattr(sys, "path", list(reversed(sys.path)))
        second = load_library()
        assert [p.name for p in first.packs] == [p.name for p in second.packs]
        assert first == second


class TestMerge:
    def test_requires_unmet(self) -> None:
        """A pack whose requirement is missing is left out with a precise problem."""
        library = Library.from_packs([Pack(info=info("child", "parent>=1"))])
        problem = only_problem(library, "child")
        assert problem.path == "pack.requires"
        assert problem.message == "requires 'parent>=1', but pack 'parent' is not available"

    def test_version_mismatch(self) -> None:
        """A requirement whose version does not match leaves the pack out."""
        packs = [Pack(info=info("parent", version="1.5")), Pack(info=info("child", "parent>=2"))]
        library = Library.from_packs(packs)
        assert (
            only_problem(library, "child").message
            == "requires 'parent>=2', but parent 1.5 is loaded"
        )
        assert [p.name for p in library.packs] == ["parent"]

    def test_cycle(self) -> None:
        """A dependency cycle leaves out every pack in it, naming the cycle."""
        packs = [Pack(info=info("a", "b")), Pack(info=info("b", "a")), Pack(info=info("c"))]
        library = Library.from_packs(packs)
        assert [p.name for p in library.packs] == ["c"]
        assert {p.message for p in library.problems} == {
            "dependency cycle: a -> b -> a",
            "dependency cycle: b -> a -> b",
        }

    def test_left_out_requirement_cascades(self) -> None:
        """A pack requiring a pack that was left out is left out too."""
        bad = Pack(
            info=info("base"),
            questions=[
                Question(
                    id="q",
                    text="Q?",
                    asked_by="interviewer",
                    kind="behavioral",
                    intent="can-do",
                    rubric="missing",
                )
            ],
        )
        library = Library.from_packs([bad, Pack(info=info("top", "base"))])
        assert library.packs == ()
        assert (
            only_problem(library, "top").message
            == "requires pack 'base', which was left out because of its own problems"
        )

    def test_dangling_reference(self) -> None:
        """A reference to an item that does not exist is a problem with its path."""
        pack = Pack(
            info=info("p"),
            questions=[
                Question(
                    id="q",
                    text="Q?",
                    asked_by="interviewer",
                    kind="behavioral",
                    intent="can-do",
                    rubric="nope",
                )
            ],
        )
        problem = only_problem(Library.from_packs([pack]), "p")
        assert (problem.path, problem.message) == (
            "questions[0].rubric",
            "refers to rubric 'p/nope', which does not exist",
        )

    def test_reference_to_unrequired_pack(self) -> None:
        """A reference into a pack not in requires is refused."""
        other = load_pack_text("other", simple_pack("other"))
        pack = Pack(
            info=info("p"),
            questions=[
                Question(
                    id="q",
                    text="Q?",
                    asked_by="interviewer",
                    kind="behavioral",
                    intent="can-do",
                    rubric="other/a-rubric",
                )
            ],
        )
        problem = only_problem(Library.from_packs([other, pack]), "p")
        assert problem.message == (
            "refers to rubric 'other/a-rubric' of pack 'other', "
            "which this pack does not require (add it to requires)"
        )

    def test_checklist_tip_reference(self) -> None:
        """Checklist items' tip references are resolved to full ids."""
        from interviewprep import Checklist, ChecklistItem

        checklist = Checklist(
            id="c",
            title="C",
            stage="before",
            items=[ChecklistItem(id="i", text="t", tips=["t1", "base/t0"])],
        )
        packs = [
            Pack(info=info("base"), tips=[tip("t0")]),
            Pack(info=info("p", "base"), tips=[tip("t1")], checklists=[checklist]),
        ]
        library = Library.from_packs(packs, strict=True)
        assert library.checklists["p/c"].items[0].tips == ("p/t1", "base/t0")

    def test_dangling_checklist_tip(self) -> None:
        """A checklist item naming a missing tip is reported with the item's path."""
        from interviewprep import Checklist, ChecklistItem

        checklist = Checklist(
            id="c",
            title="C",
            stage="before",
            items=[ChecklistItem(id="i", text="t", tips=["ghost"])],
        )
        problem = only_problem(
            Library.from_packs([Pack(info=info("p"), checklists=[checklist])]), "p"
        )
        assert problem.path == "checklists[0].items[0].tips[0]"

    def test_replaces(self) -> None:
        """A replacing item takes the replaced item's place and id."""
        base = Pack(info=info("base"), tips=[tip("one"), tip("two")])
        local = Pack(
            info=info("local", "base"), tips=[tip("eins", replaces="base/one", title="Eins")]
        )
        library = Library.from_packs([local, base], strict=True)
        assert [t.full_id for t in library.tips] == ["local/eins", "base/two"]
        assert library.tips["base/one"].title == "Eins"
        assert library.tips["local/eins"].title == "Eins"
        assert len(library.tips) == 2

    def test_replaces_unknown_item(self) -> None:
        """Replacing an item that does not exist is a problem."""
        packs = [
            Pack(info=info("base")),
            Pack(info=info("local", "base"), tips=[tip("x", replaces="base/nope")]),
        ]
        problem = only_problem(Library.from_packs(packs), "local")
        assert (problem.path, problem.message) == (
            "tips[0].replaces",
            "replaces tip 'base/nope', which does not exist",
        )

    def test_replaces_pack_not_required(self) -> None:
        """Replacing an item of a pack not in requires is a problem."""
        packs = [
            Pack(info=info("base"), tips=[tip("one")]),
            Pack(info=info("local"), tips=[tip("x", replaces="base/one")]),
        ]
        problem = only_problem(Library.from_packs(packs), "local")
        assert (
            problem.message == "replaces 'base/one', but pack 'base' is not in this pack's requires"
        )

    def test_replaced_twice(self) -> None:
        """Two packs replacing the same item: the second in order is left out."""
        base = Pack(info=info("base"), tips=[tip("one")])
        de = Pack(info=info("de", "base"), tips=[tip("eins", replaces="base/one")])
        fr = Pack(info=info("fr", "base"), tips=[tip("un", replaces="base/one")])
        library = Library.from_packs([base, fr, de])
        assert only_problem(library, "fr").message == "'base/one' is already replaced by 'de/eins'"

    def test_strict_raises_every_problem(self) -> None:
        """strict=True raises a PackError carrying all problems."""
        with pytest.raises(PackError) as info_:
            Library.from_packs([Pack(info=info("a", "x")), Pack(info=info("b", "y"))], strict=True)
        assert [p.pack for p in info_.value.problems] == ["a", "b"]

    def test_unknown_selection(self) -> None:
        """Asking for a pack that is not there is a problem."""
        library = load_library(packs=["no-such-pack"])
        assert (
            Problem(pack="no-such-pack", message="pack 'no-such-pack' is not available")
            in library.problems
        )

    def test_selection_brings_requirements(self, tmp_path: Path) -> None:
        """Selecting a pack loads the packs it requires too."""
        folder = write_files(tmp_path, {"pack.toml": simple_pack("extra", requires=("core>=1",))})
        library = load_library(packs=["extra"], paths=[folder], strict=True)
        assert [p.name for p in library.packs] == ["core", "extra"]

    def test_local_path_overrides_installed(self, tmp_path: Path) -> None:
        """A local folder with an installed pack's name takes its place, with a warning."""
        folder = write_files(tmp_path, {"pack.toml": simple_pack("core")})
        library = load_library(paths=[folder])
        assert [p.name for p in library.packs] == ["core"]
        assert library.sources["core"].kind == "path"
        assert not library.problems
        [warning] = [w for w in library.warnings if "overrides the installed pack" in w.message]
        assert warning.severity == "warning"
        assert str(folder) in warning.message

    def test_two_local_folders_of_one_name_clash(self, tmp_path: Path) -> None:
        """Two folders claiming one name are a clash: neither is picked silently."""
        first = write_files(tmp_path / "a", {"pack.toml": simple_pack("acme")})
        second = write_files(tmp_path / "b", {"pack.toml": simple_pack("acme")})
        library = load_library(paths=[first, second])
        assert "acme" not in {p.name for p in library.packs}
        assert len([p for p in library.problems if "claimed more than once" in p.message]) == 2


class TestQueries:
    def test_filter_matches_a_scan(self, library: Library) -> None:
        """filter() returns exactly what a linear scan finds, in library order."""
        found = library.questions.filter(asked_by="candidate", audience="peer")
        expected = [
            q
            for q in library.questions
            if q.asked_by == "candidate" and (not q.audiences or Audience.PEER in q.audiences)
        ]
        assert list(found) == expected
        assert found

    def test_filters_chain(self, library: Library) -> None:
        """Filtering a selection narrows it further."""
        first = library.tips.filter(stage="before")
        assert list(first.filter(topic="research")) == list(
            library.tips.filter(stage="before", topic="research")
        )

    def test_several_values_mean_any(self, library: Library) -> None:
        """A collection of values matches any of them."""
        both = library.tips.filter(topic=["salary", "logistics"])
        assert {t.topic for t in both} == {"salary", "logistics"}

    def test_unknown_field(self, library: Library) -> None:
        """Filtering by a field the items lack is a TypeError naming the allowed fields."""
        with pytest.raises(TypeError, match="cannot filter Tip items by 'kind'"):
            library.tips.filter(kind="behavioral")

    def test_lookup(self, library: Library) -> None:
        """Collections are indexable by full id; get() searches every kind."""
        tip_ = library.tips["core/thank-each-interviewer"]
        assert library.get("core/thank-each-interviewer") is tip_
        assert "core/thank-each-interviewer" in library.tips
        assert library.get("core/nope") is None
        with pytest.raises(KeyError, match="no tip 'core/nope'"):
            library.tips["core/nope"]

    def test_selection_lookup_is_limited(self, library: Library) -> None:
        """A filtered selection only finds its own items."""
        after = library.tips.filter(stage="after")
        assert "core/research-the-company" not in after
        assert after.get("core/research-the-company") is None

    def test_ids_in_order(self, library: Library) -> None:
        """ids() lists full ids in library order."""
        assert library.rubrics.ids() == [r.full_id for r in library.rubrics]


class TestFaultIsolation:
    @given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    @settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_broken_pack_changes_nothing_else(
        self, tmp_path_factory: pytest.TempPathFactory, data: bytes
    ) -> None:
        """A library loaded with a broken pack equals the library loaded without it."""
        folder = tmp_path_factory.mktemp("broken")
        (folder / "pack.toml").write_bytes(b'[pack]\nname = "broken"\n' + data)
        good = write_files(
            tmp_path_factory.mktemp("good"), {"pack.toml": simple_pack("good", requires=("core",))}
        )
        with_broken = load_library(packs=["core", "good", "broken"], paths=[good, folder])
        without = load_library(packs=["core", "good"], paths=[good])
        if "broken" not in {p.name for p in with_broken.packs}:
            assert with_broken == without
            assert with_broken.problems


def load_pack_text(name: str, content: str) -> Pack:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "pack.toml").write_text(content, encoding="utf-8")
    return load_pack(folder)


assert QUESTION


class TestDiscoveryCache:
    def test_warm_discovery_is_cached_and_invalidated(self, site: Site) -> None:
        """Repeated discovery reuses the scan until a distribution is installed."""
        from interviewprep._discovery import find_pack_sources

        first = find_pack_sources()
        assert find_pack_sources() == first
        site.data_pack("late", simple_pack("late"))
        names = {s.name for s in find_pack_sources()[0]}
        assert "late" in names


class TestFilterProperty:
    @given(
        stages=st.lists(st.sampled_from(["before", "during", "after"]), max_size=2),
        kinds=st.lists(
            st.sampled_from(["behavioral", "salary", "reflection", "situational"]), max_size=2
        ),
        audiences=st.lists(st.sampled_from(["peer", "executive", "recruiter"]), max_size=2),
        asked_by=st.sampled_from([None, "interviewer", "candidate"]),
        chain=st.booleans(),
    )
    @settings(max_examples=100)
    def test_filter_equals_a_linear_scan(
        self,
        library: Library,
        stages: list[str],
        kinds: list[str],
        audiences: list[str],
        asked_by: str | None,
        chain: bool,
    ) -> None:
        """Any combination of filters returns exactly what a scan finds, in order."""
        criteria: dict[str, object] = {}
        if stages:
            criteria["stage"] = stages
        if kinds:
            criteria["kind"] = kinds
        if audiences:
            criteria["audience"] = audiences
        if asked_by:
            criteria["asked_by"] = asked_by

        def matches(q: Question) -> bool:
            return (
                (not stages or not q.stages or bool(q.stages & set(stages)))
                and (not kinds or q.kind in kinds)
                and (not audiences or not q.audiences or bool(q.audiences & set(audiences)))
                and (not asked_by or q.asked_by == asked_by)
            )

        expected = [q for q in library.questions if matches(q)]
        if chain and "kind" in criteria:
            kind = criteria.pop("kind")
            found = list(library.questions.filter(kind=kind).filter(**criteria))
        else:
            found = list(library.questions.filter(**criteria))
        assert found == expected


class TestOnlyWantedPacksAreRead:
    def test_unwanted_broken_pack_is_neither_read_nor_reported(self, site: Site) -> None:
        """load_library(packs=[...]) reads only those packs and what they require."""
        module = site.unique("boom")
        site.distribution(
            "boom-dist", entry_points={"boom": f"{module}:PACK"}, files={f"{module}.py": "1/0\n"}
        )
        site.data_pack("Bad-Name", simple_pack("bad"))
        library = load_library(packs=["core"], strict=True)
        assert [p.name for p in library.packs] == ["core"]
        assert module not in sys.modules

    def test_requirements_come_along(self, site: Site) -> None:
        """A wanted pack brings the packs it requires, found as they load."""
        site.data_pack("base", simple_pack("base"))
        site.data_pack("top", simple_pack("top", requires=("base>=1.0",)))
        site.data_pack("other", simple_pack("other"))
        library = load_library(packs=["top"], strict=True)
        assert [p.name for p in library.packs] == ["base", "top"]

"""
The entry-point loader: the on-disk index, containment and time bounds, data-only mode.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interviewprep import Limits, assess, load_library, load_scorers
from interviewprep import _entrypoints as entrypoints
from packtools import Site, simple_pack


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INTERVIEWPREP_CACHE_DIR", str(folder))
    entrypoints._IN_PROCESS.clear()
    return folder


def fresh_process() -> None:
    """Forget what this process found, as a new process would."""
    entrypoints._IN_PROCESS.clear()


def index_files(cache: Path) -> list[Path]:
    return sorted((cache / "entry-points").glob("*.json"))


def pack_names() -> set[str]:
    fresh_process()
    return {e.name for e in entrypoints.installed(entrypoints.PACKS_GROUP)}


class TestIndex:
    def test_index_gives_what_a_scan_gives(self, site: Site, cache: Path) -> None:
        """A cold start from the index finds exactly what a full scan finds."""
        site.data_pack("indexed", simple_pack("indexed"))
        scanned = entrypoints.installed(entrypoints.PACKS_GROUP)
        assert len(index_files(cache)) == 1
        fresh_process()
        assert entrypoints.installed(entrypoints.PACKS_GROUP) == scanned
        fresh_process()
        assert "indexed" in {p.name for p in load_library().packs}

    def test_one_index_file_per_interpreter(self, site: Site, cache: Path) -> None:
        """Changing the installed set rewrites the one index file: nothing piles up."""
        site.data_pack("first", simple_pack("first"))
        pack_names()
        site.data_pack("second", simple_pack("second"))
        assert {"first", "second"} <= pack_names()
        assert len(index_files(cache)) == 1

    def test_entry_points_rewritten_in_place(self, site: Site, cache: Path) -> None:
        """An entry_points.txt rewritten in place (folder times unchanged) is seen."""
        module = site.data_pack("before", simple_pack("before"))
        assert "before" in pack_names()
        [text] = list(cache.parent.glob(f"site*/dist_{module}-1.0.0.dist-info/entry_points.txt"))
        folder_times = [(p, p.stat()) for p in (text.parent, text.parent.parent)]
        text.write_text(f"[interviewprep.packs]\nafter = {module}\n", encoding="utf-8")
        for path, info in folder_times:
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        names = pack_names()
        assert "after" in names
        assert "before" not in names

    def test_install_with_mtimes_set_back(self, site: Site, cache: Path) -> None:
        """A distribution installed with old, normalised timestamps is seen."""
        pack_names()
        folder = site.distribution(
            "late-dist",
            entry_points={"late": "late_module"},
            files={"late_module/__init__.py": "", "late_module/pack.toml": simple_pack("late")},
        )
        for path in [folder, *folder.rglob("*")]:
            os.utime(path, (0, 0))
        assert "late" in pack_names()

    def test_removed_distribution_is_gone(self, site: Site, cache: Path) -> None:
        """An uninstalled distribution is not found from a stale index."""
        import shutil

        module = site.data_pack("gone", simple_pack("gone"))
        assert "gone" in pack_names()
        [dist_info] = list(cache.parent.glob(f"site*/dist_{module}-1.0.0.dist-info"))
        shutil.rmtree(dist_info)
        assert "gone" not in pack_names()

    @pytest.mark.parametrize(
        "content",
        [
            "[{]",
            "[]",
            "{}",
            '{"key": 1}',
            "null",
            "1e999999",
            '"text"',
        ],
    )
    def test_corrupt_index_is_a_miss(self, cache: Path, content: str) -> None:
        """An index that is not what the library wrote is ignored: core is still found."""
        pack_names()
        [index] = index_files(cache)
        index.write_text(content, encoding="utf-8")
        assert "core" in pack_names()

    @pytest.mark.parametrize(
        "record",
        [
            {"name": 1, "value": "x", "group": "interviewprep.packs"},
            ["core", "interviewprep._packs.core"],
            {"name": "core", "value": ["x"], "group": "interviewprep.packs", "distribution": None},
        ],
    )
    def test_forged_records_are_a_miss(self, cache: Path, record: object) -> None:
        """An index entry of the wrong shape makes the whole index a miss, never an error."""
        pack_names()
        [index] = index_files(cache)
        data = json.loads(index.read_text("utf-8"))
        data["entry_points"] = [record]
        index.write_text(json.dumps(data), encoding="utf-8")
        assert "core" in pack_names()

    def test_index_that_is_a_fifo_never_hangs(self, cache: Path) -> None:
        """An index file replaced by a named pipe is not read (it would block forever)."""
        pack_names()
        [index] = index_files(cache)
        index.unlink()
        os.mkfifo(index)
        assert "core" in pack_names()

    def test_no_cache_folder(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With the cache turned off, discovery scans every time and writes nothing."""
        monkeypatch.setenv("INTERVIEWPREP_CACHE_DIR", "")
        assert "core" in pack_names()


class TestContainment:
    @pytest.mark.parametrize(
        "source",
        [
            "class Odd(BaseException):\n    pass\nraise Odd('odd')\n",
            "raise GeneratorExit\n",
            "import sys\nsys.exit(4)\n",
            "raise MemoryError\n",
        ],
    )
    def test_any_exception_is_a_problem(self, site: Site, source: str) -> None:
        """Whatever a code pack raises (but KeyboardInterrupt) is a problem of that pack."""
        module = site.unique("raiser")
        site.distribution(
            "raiser-dist",
            entry_points={"raiser": f"{module}:PACK"},
            files={f"{module}.py": source},
        )
        library = load_library()
        assert "core" in {p.name for p in library.packs}
        [problem] = [p for p in library.problems if p.pack == "raiser"]
        assert problem.distribution == "raiser-dist"

    def test_hanging_code_pack_is_left_out(self, site: Site) -> None:
        """A code pack that does not finish within the bound is reported, not waited for."""
        module = site.unique("sleeper")
        site.distribution(
            "sleeper-dist",
            entry_points={"sleeper": f"{module}:PACK"},
            files={f"{module}.py": "import time\ntime.sleep(30)\n"},
        )
        library = load_library(limits=Limits(code_pack_seconds=0.2))
        assert "core" in {p.name for p in library.packs}
        [problem] = [p for p in library.problems if p.pack == "sleeper"]
        assert "did not finish loading within 0.2 seconds" in problem.message


class TestDataOnly:
    def test_third_party_scorers_are_not_imported(self, site: Site) -> None:
        """In data-only mode no third-party scorer module is imported, by assess() either."""
        import sys

        module = site.unique("spyscorer")
        site.distribution(
            "spy-scorer",
            entry_points={"spy": f"{module}:score"},
            files={f"{module}.py": "def score(answer, context):\n    raise AssertionError\n"},
            group="interviewprep.scorers",
        )
        scorers, problems = load_scorers(data_only=True)
        assert "spy" not in scorers
        assert problems == []
        rubric = load_library(packs=["core"]).rubrics["core/star-answer"]
        assess("I led the migration and cut costs by 20%.", rubric, data_only=True)
        assert module not in sys.modules
        assert "spy" in load_scorers()[0]

    def test_scorer_with_a_builtin_id_is_reported(self, site: Site) -> None:
        """A third-party scorer registered under a built-in id is a problem, not a silent drop."""
        module = site.unique("imposter")
        site.distribution(
            "imposter-dist",
            entry_points={"evidence": f"{module}:score"},
            files={f"{module}.py": "def score(answer, context):\n    return None\n"},
            group="interviewprep.scorers",
        )
        scorers, problems = load_scorers()
        from interviewprep.scorers import BUILTIN

        assert scorers["evidence"] is BUILTIN["evidence"]
        assert any("built-in scorer" in p.message for p in problems)

"""The parsed-pack cache: large TOML packs are parsed once, safely."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from interviewprep import _cache as cache
from interviewprep import load_pack
from packtools import TIP, manifest


def big_pack(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    body = "".join(TIP.format(id=f"t{n}") for n in range(3000))
    (tmp_path / "pack.toml").write_text(manifest("big") + body, encoding="utf-8")
    assert (tmp_path / "pack.toml").stat().st_size >= cache.MIN_BYTES
    return tmp_path


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INTERVIEWPREP_CACHE_DIR", str(folder))
    return folder


class TestCache:
    def test_second_load_uses_the_cache(self, tmp_path: Path, cache_dir: Path) -> None:
        """A large TOML pack is cached once and loads to the same pack again."""
        folder = big_pack(tmp_path / "pack")
        first = load_pack(folder)
        entries = list((cache_dir / "packs").glob("*.json"))
        assert len(entries) == 1
        assert load_pack(folder) == first

    def test_changed_file_misses(self, tmp_path: Path, cache_dir: Path) -> None:
        """Editing the file gives a new key: a stale entry is never used."""
        folder = big_pack(tmp_path / "pack")
        load_pack(folder)
        text = (folder / "pack.toml").read_text("utf-8").replace('id = "t0"', 'id = "first"')
        (folder / "pack.toml").write_text(text, encoding="utf-8")
        assert load_pack(folder).tips[0].id == "first"
        assert len(list((cache_dir / "packs").glob("*.json"))) == 2

    def test_corrupt_entry_is_rebuilt(self, tmp_path: Path, cache_dir: Path) -> None:
        """A corrupt cache entry is ignored and rewritten."""
        folder = big_pack(tmp_path / "pack")
        expected = load_pack(folder)
        [entry] = (cache_dir / "packs").glob("*.json")
        entry.write_text("{not json", encoding="utf-8")
        assert load_pack(folder) == expected
        assert entry.read_text("utf-8").startswith("{")
        entry.write_text("[1, 2]", encoding="utf-8")
        assert load_pack(folder) == expected

    def test_problems_still_have_lines_when_cached(self, tmp_path: Path, cache_dir: Path) -> None:
        """A cached pack with a problem still reports the line."""
        folder = big_pack(tmp_path / "pack")
        text = (folder / "pack.toml").read_text("utf-8").replace('"research"', '"reserch"', 1)
        (folder / "pack.toml").write_text(text, encoding="utf-8")
        for _ in range(2):
            from interviewprep import PackError

            with pytest.raises(PackError) as info:
                load_pack(folder)
            [problem] = info.value.problems
            assert problem.line is not None
            assert problem.path == "tips[0].topic"

    def test_turned_off(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An empty INTERVIEWPREP_CACHE_DIR turns caching off."""
        monkeypatch.setenv("INTERVIEWPREP_CACHE_DIR", "")
        assert cache.cache_dir() is None
        load_pack(big_pack(tmp_path))

    def test_unwritable_cache_is_ignored(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A cache folder that cannot be written never breaks loading."""
        blocker = tmp_path / "file"
        blocker.write_text("x")
        monkeypatch.setenv("INTERVIEWPREP_CACHE_DIR", str(blocker / "sub"))
        assert load_pack(big_pack(tmp_path / "p")).name == "big"


class TestCacheNeverOverridesTheFile:
    @pytest.mark.parametrize(
        "forge",
        [
            lambda entry: "{}",
            lambda entry: entry.replace('"Tip t0"', '"\\udc00"'),
            lambda entry: entry.replace('"source": "', '"source": "0'),
        ],
        ids=["empty", "surrogate", "wrong-source"],
    )
    def test_forged_entry_is_a_miss(
        self, tmp_path: Path, cache_dir: Path, forge: Callable[[str], str]
    ) -> None:
        """An entry that is empty, holds a lone surrogate or names another source is ignored."""
        folder = big_pack(tmp_path / "pack")
        expected = load_pack(folder)
        [entry] = (cache_dir / "packs").glob("*.json")
        entry.write_text(forge(entry.read_text("utf-8")), encoding="utf-8")
        assert load_pack(folder) == expected

    def test_entry_that_is_a_fifo_never_hangs(self, tmp_path: Path, cache_dir: Path) -> None:
        """A cache entry replaced by a named pipe is not read."""
        import os

        folder = big_pack(tmp_path / "pack")
        expected = load_pack(folder)
        [entry] = (cache_dir / "packs").glob("*.json")
        entry.unlink()
        os.mkfifo(entry)
        assert load_pack(folder) == expected

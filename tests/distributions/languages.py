"""
CI check, with core, core-de and core-fr installed for real: each language reads as one.

`--language fr`, `--language de` and no language each give text in that language
plus English for what is not translated, never a third language; the CLI agrees.
"""

from __future__ import annotations

import subprocess
import sys

from interviewprep import load_library

KINDS = ("tips", "questions", "checklists", "rubrics")


def language_of(library, kind, item):
    """The language an item's text is in: its translation's pack, or its own pack."""
    for translation in library.translations[kind].get(item.full_id, ()):
        pack = next(p for p in library.packs if p.name == translation.pack)
        text = translation.title or translation.text
        if text is not None and text in (getattr(item, "title", None), getattr(item, "text", None)):
            return pack.info.language
    return next(p for p in library.packs if p.name == item.pack).info.language


for wanted, allowed in (("fr", {"fr", "en"}), ("de", {"de", "en"}), (None, {"en"})):
    library = load_library(language=wanted, strict=True)
    names = {p.name for p in library.packs}
    assert names >= {"core", "core-de", "core-fr"}, names
    found = {language_of(library, kind, item) for kind in KINDS for item in getattr(library, kind)}
    assert found <= allowed, (wanted, found)
    if wanted is not None:
        assert wanted in found, (wanted, found)
    tip = library.tips["core/research-a-salary-figure"]
    print(wanted or "(none)", sorted(found), "-", tip.title)

out = subprocess.run(
    [sys.executable, "-m", "interviewprep", "--language", "fr", "show", "--kind", "checklist"],
    capture_output=True,
    text=True,
    check=True,
).stdout
assert "LA SEMAINE AVANT VOTRE SECOND ENTRETIEN" in out, out[:500]
assert "jours avant l\u2019entretien" in out, out[:500]  # the library words, from core-fr
print("ok: each language reads as one, English filling the gaps")

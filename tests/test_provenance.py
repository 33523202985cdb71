"""Provenance: each item credited with its own source, licence and attribution, or its pack's."""

from __future__ import annotations

import attrs
from hypothesis import given

from interviewprep import (
    Pack,
    PackInfo,
    Provenance,
    Tip,
    catalogue,
    provenance,
    render_html,
    render_markdown,
    render_text,
)
from interviewprep import testing as strategies
from interviewprep._model import Section, Source

SOURCE = Source(url="https://example.org/handbook", revision="2024-05")
INFO = PackInfo(
    name="acme",
    version="1.0",
    title="Acme handbook",
    format=2,
    license="CC-BY-SA-4.0",
    authors=("Jane Doe",),
    source=SOURCE,
    attribution="Based on the handbook by Jane Doe",
    sections=(
        Section(id="later", title="Later on", order=2),
        Section(id="first", title="First things", order=1),
    ),
)


def tip(id_: str, **fields: object) -> Tip:
    return Tip(id=id_, title=f"Title {id_}", body="Body.", topic="research", **fields)  # type: ignore[arg-type]


class TestFallback:
    def test_an_item_without_its_own_takes_its_packs(self) -> None:
        assert provenance(tip("a"), INFO) == (SOURCE, "CC-BY-SA-4.0", INFO.attribution)

    def test_each_field_falls_back_on_its_own(self) -> None:
        own = provenance(tip("a", license="CC0-1.0"), INFO)
        assert own == Provenance(SOURCE, "CC0-1.0", "Based on the handbook by Jane Doe")

    def test_an_items_own_wins(self) -> None:
        other = Source(url="https://example.com/x")
        found = provenance(tip("a", source=other, license="MIT", attribution="By Ann"), INFO)
        source, license_, attribution = found
        assert (source, license_, attribution) == (other, "MIT", "By Ann")

    def test_without_a_pack_only_the_items_own(self) -> None:
        assert provenance(tip("a"), None) == (None, None, None)
        assert not provenance(tip("a"), None)
        assert provenance(tip("a", license="MIT")) == (None, "MIT", None)

    def test_a_packs_own(self) -> None:
        assert provenance(None, INFO) == (SOURCE, "CC-BY-SA-4.0", INFO.attribution)

    @given(strategies.tips(), strategies.pack_infos())
    def test_never_none_where_either_names_one(self, item: Tip, info: PackInfo) -> None:
        found = provenance(item, info)
        for field, value in zip(("source", "license", "attribution"), found, strict=True):
            assert value == (
                getattr(item, field) if getattr(item, field) is not None else getattr(info, field)
            )


def pack() -> Pack:
    return Pack(
        info=INFO,
        tips=[
            tip("later-one", section="later"),
            tip("unranked", section="first"),
            tip("second", section="first", rank=2),
            tip("first", section="first", rank=1, featured=True),
            tip("loose", license="CC0-1.0"),
        ],
    )


class TestPackExport:
    def test_credits_block_names_everything_a_licence_asks(self) -> None:
        text = render_markdown(pack())
        credits = text[text.index("## Credits") :]
        for fact in (
            "Acme handbook",
            "Jane Doe",
            "CC-BY-SA-4.0",
            "https://example.org/handbook",
            "2024-05",
            "Based on the handbook by Jane Doe",
        ):
            assert fact in credits

    def test_sections_in_order_then_ranked_first_then_the_rest(self) -> None:
        text = render_markdown(pack())
        order = [
            "## First things",
            "Title first",
            "Title second",
            "Title unranked",
            "## Later on",
            "Title later-one",
            "## More",
            "Title loose",
            "## Credits",
        ]
        positions = [text.index(marker) for marker in order]
        assert positions == sorted(positions)

    def test_featured_items_are_marked(self) -> None:
        text = render_markdown(pack())
        assert "#### Title first *★ featured*" in text
        assert text.count("★") == 1
        assert "★ empfohlen" in render_text(pack(), catalogue=catalogue("de"))

    def test_an_item_with_its_own_licence_has_its_own_line(self) -> None:
        text = render_markdown(pack())
        loose = text[text.index("Title loose") : text.index("## Credits")]
        assert "Licence: CC0-1.0" in loose
        # Items that share the pack's provenance are credited once, at the end.
        assert text.count("CC-BY-SA-4.0") == 1

    def test_german_words(self) -> None:
        text = render_text(pack(), catalogue=catalogue("de"))
        assert "NACHWEISE" in text
        assert "Lizenz: CC-BY-SA-4.0" in text
        assert "WEITERES" in text

    def test_html_links_the_source(self) -> None:
        html = render_html(pack(), fragment=True)
        assert 'href="https://example.org/handbook"' in html

    def test_an_unsafe_source_is_not_a_link(self) -> None:
        info = attrs.evolve(INFO, source=Source(url="javascript:alert(1)"))
        html = render_html(Pack(info=info, tips=[tip("a")]), fragment=True)
        assert "javascript:alert(1)" in html
        assert 'href="javascript' not in html

    def test_a_pack_without_sections_keeps_kind_headings(self) -> None:
        info = attrs.evolve(INFO, sections=())
        text = render_markdown(Pack(info=info, tips=[tip("b"), tip("a", rank=1)]))
        assert "## Tips" in text
        assert text.index("Title a") < text.index("Title b")


class TestSelection:
    def test_a_selection_is_credited_when_its_packs_are_given(self) -> None:
        items = list(pack().tips[:2])
        assert "Credits" not in render_markdown(items)
        text = render_markdown(items, packs=[pack()])
        assert "## Credits" in text
        assert "Based on the handbook by Jane Doe" in text

    def test_manifests_do_as_well_as_packs(self) -> None:
        item = pack().tips[4]
        text = render_markdown(item, packs=[INFO])
        assert "Licence: CC0-1.0" in text
        assert "## Credits" in text

    def test_without_packs_an_items_own_provenance_still_shows(self) -> None:
        text = render_markdown(tip("x", license="MIT"))
        assert "Licence: MIT" in text

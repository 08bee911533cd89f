"""A deck shows what the profile text says, with the brief's passages: each once, with all its indicators."""

from __future__ import annotations

import io

from PIL import Image
from pptx import Presentation

from deck.build import PROFILE_PASSAGES, build_deck, profile_text
from ocindex.brief import build_brief
from ocindex.store import DataStore

from ..conftest import SEEDS


def blank_png(_figure: dict) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format="PNG")
    return out.getvalue()


def test_a_country_with_profile_text_gets_a_slide_of_the_brief_s_passages_after_its_views():
    store = DataStore(SEEDS.parent / "data")
    data, narratives = store.index, store.narratives
    edition = next(e for e in data.editions if narratives.documents_for("PER", e))
    deck = build_deck(data, ["PER", "COL"], ["quadrant"], edition, blank_png, narratives=narratives)
    slides = list(Presentation(io.BytesIO(deck.pptx)).slides)
    titles = [next(s.text_frame.text for s in sheet.shapes if s.has_text_frame) for sheet in slides]
    assert titles[2] == "Peru: what the profile text says"  # cover, Peru's view, then its profile text
    assert "Colombia: what the profile text says" not in titles  # no text loaded for Colombia
    body = " ".join(s.text_frame.text for s in slides[2].shapes if s.has_text_frame)
    passages = build_brief(data, narratives, "PER", edition).excerpts
    for passage in passages[:PROFILE_PASSAGES]:
        labels = " · ".join(data.catalogue[s].label for s in passage.indicators)
        assert f"{labels}: “{passage.sentence.text[:60]}" in body and passage.document.title in body
    notes = slides[2].notes_slide.notes_text_frame.text
    assert all(p.sentence.text in notes for p in passages)
    assert profile_text(data, narratives, "COL", edition) is None

"""The briefing deck: slides read back with python-pptx and pypdf, charts rendered by the system Chromium."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from deck.build import DeckError, build_deck, check_request, chromium_renderer, source_line
from deck.views import VIEWS


@pytest.fixture(scope="module")
def deck_and_progress(index):
    steps = []
    with chromium_renderer() as render:
        deck = build_deck(index, ["PER", "COL"], ["quadrant", "markets"], 2023, render,
                          progress=lambda done, total, what: steps.append((done, total, what)))
    return deck, steps


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_the_deck_has_a_title_slide_then_one_slide_per_country_and_view(deck_and_progress, index):
    deck, _ = deck_and_progress
    slides = list(Presentation(io.BytesIO(deck.pptx)).slides)
    assert len(slides) == deck.slides == 1 + 2 * 2
    cover = " ".join(texts(slides[0]))
    assert "Peru" in cover and "Colombia" in cover and "2023 edition" in cover
    expected_titles = ["Peru: criminality against resilience", "Peru: criminal markets against the South America",
                       "Colombia: criminality against resilience", "Colombia: criminal markets against the South America"]
    for slide, title in zip(slides[1:], expected_titles):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
        assert pictures[0].image.size[0] >= 2000  # rendered at twice the layout size, sharp on a projector
        assert pictures[0]._element.nvPicPr.cNvPr.get("descr")  # alt text
        assert any(t.startswith(title) for t in texts(slide)), title
        assert source_line(2023) in texts(slide)
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text


def test_slide_descriptions_carry_the_workbook_figures(deck_and_progress, index):
    deck, _ = deck_and_progress
    quadrant_slide = list(Presentation(io.BytesIO(deck.pptx)).slides)[1]
    notes = quadrant_slide.notes_slide.notes_text_frame.text
    peru = index.wide(2023).loc["PER"]
    assert f"criminality {peru['criminality']:.2f}" in notes and f"resilience {peru['resilience']:.2f}" in notes


def test_the_pdf_holds_the_same_slides_with_the_source_on_each(deck_and_progress):
    deck, _ = deck_and_progress
    pages = PdfReader(io.BytesIO(deck.pdf)).pages
    assert len(pages) == 5
    for page in pages:
        assert "Global Organized Crime Index 2023, GI-TOC" in page.extract_text()
    assert "Colombia: criminal markets" in pages[4].extract_text()


def test_progress_advances_one_slide_at_a_time_to_the_end(deck_and_progress):
    _, steps = deck_and_progress
    assert [done for done, _, _ in steps] == list(range(len(steps)))
    assert {total for _, total, _ in steps} == {5}
    assert steps[0][2] == "Peru: Place on the quadrant"


@pytest.mark.parametrize("countries, views, edition, message", [
    (["PER"], ["quadrant"], 1999, "Edition 1999 is not loaded"),
    ([], ["quadrant"], 2023, "at least one country"),
    (["PER"], [], 2023, "at least one country and one view"),
    (["PER", "XYZ"], ["quadrant"], 2023, "Not in the 2023 edition: XYZ"),
    (["PER"], ["pie"], 2023, "Unknown view pie"),
    (["PER"] * 11, ["quadrant"], 2023, "at most 10 countries"),
])
def test_a_bad_request_is_refused_with_what_is_wrong(index, countries, views, edition, message):
    with pytest.raises(DeckError, match=message):
        check_request(index, countries, views, edition)


def test_every_view_builds_for_a_country_in_every_edition(index):
    from deck.views import slide
    for edition in index.editions:
        for view in VIEWS:
            made = slide(index, view, "TUV", edition)
            assert made.title.startswith("Tuvalu") and made.figure["data"] and "height" not in made.figure["layout"]


def test_the_export_job_reports_a_renderer_failure_instead_of_crashing(index):
    from contextlib import contextmanager

    from components.deck import make_deck

    @contextmanager
    def broken_renderer():
        def render(_figure):
            raise RuntimeError("Chromium is not installed")
        yield render

    steps = []
    result, status = make_deck(index, ["PER"], ["quadrant"], 2023, steps.append, renderer=broken_renderer)
    assert result is None and "Chromium is not installed" in str(status) and status.color == "danger"
    assert steps and steps[0][2].startswith("Starting")


def test_the_export_job_refuses_a_bad_request_before_starting_chromium(index):
    from components.deck import make_deck

    def never():
        raise AssertionError("the renderer must not start")

    result, status = make_deck(index, ["PER", "XYZ"], ["quadrant"], 2023, lambda _: None, renderer=never)
    assert result is None and "XYZ" in str(status)

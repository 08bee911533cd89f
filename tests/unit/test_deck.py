"""The briefing deck: slides read back with python-pptx and pypdf, charts rendered by the system Chromium."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import plotly.io as pio
import pytest
from dash.exceptions import PreventUpdate
from kaleido.errors import JavascriptError
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from deck.build import (
    PICTURE_PX,
    DeckError,
    build_deck,
    check_request,
    chromium_renderer,
    source_line,
)
from deck.build import closing as closing_slide
from deck.views import VIEWS, appendix, slide
from ocindex import headlines

VIEWS_BUILT = ["quadrant", "profile", "map"]
BASE = "https://briefings.example.org/oc"


@pytest.fixture(scope="module")
def deck_and_progress(index):
    steps = []
    with chromium_renderer() as render:
        deck = build_deck(index, ["PER", "COL"], VIEWS_BUILT, index.latest, render,
                          progress=lambda done, total, what: steps.append((done, total, what)),
                          change_link=lambda pair: f"{BASE}/change of {pair}")
    return deck, steps


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_cover_then_a_slide_per_country_and_view_then_the_appendix_and_closing(deck_and_progress, index):
    deck, _ = deck_and_progress
    slides = list(Presentation(io.BytesIO(deck.pptx)).slides)
    appendix_pages = len(appendix(index, "PER", index.latest))
    assert len(slides) == deck.slides == 1 + 2 * len(VIEWS_BUILT) + 2 * appendix_pages + 1
    cover = " ".join(texts(slides[0]))
    assert f"{index.latest} edition" in cover
    for iso3 in ("PER", "COL"):  # the cover states each country's position
        assert headlines.position(index, index.latest, iso3) in cover
    content = slides[1:1 + 2 * len(VIEWS_BUILT)]
    for made, (iso3, view) in zip(content, [(c, v) for c in ("PER", "COL") for v in VIEWS_BUILT]):
        expected = slide(index, view, iso3, index.latest)
        pictures = [s for s in made.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
        assert pictures[0].image.size == (2 * PICTURE_PX[0], 2 * PICTURE_PX[1])  # sharp on a projector
        assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == expected.description  # alt text
        assert texts(made)[:2] == [expected.headline, expected.subtitle]
        assert source_line(index.latest) in texts(made)
        assert made.notes_slide.notes_text_frame.text.startswith(expected.headline)
    appendix_titles = [texts(s)[0] for s in slides[1 + 2 * len(VIEWS_BUILT):-1]]
    assert all(t.startswith("Appendix: ") for t in appendix_titles)
    closing = " ".join(texts(slides[-1]))
    assert "1–10 scale in half-point steps" in closing and "Editions differ in method" in closing
    assert f"{BASE}/change of (" in closing  # the latest pair of editions whose indicators differ


def test_the_chart_fills_the_slide_s_content_area_and_nothing_overlaps(deck_and_progress):
    deck, _ = deck_and_progress
    presentation = Presentation(io.BytesIO(deck.pptx))
    width = presentation.slide_width
    for made in list(presentation.slides)[1:-1]:
        shapes = sorted(made.shapes, key=lambda s: s.top)
        for upper, lower in zip(shapes, shapes[1:]):
            assert upper.top + upper.height <= lower.top, (upper.name, lower.name)
        pictures = [s for s in shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        for picture in pictures:
            assert picture.width >= 0.9 * width and picture.height >= 0.6 * presentation.slide_height


def test_no_type_is_smaller_than_18_pt_on_any_slide(deck_and_progress):
    deck, _ = deck_and_progress
    for made in Presentation(io.BytesIO(deck.pptx)).slides:
        for shape in made.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else [
                cell.text_frame for row in shape.table.rows for cell in row.cells] if shape.has_table else []
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is not None and run.font.size.pt >= 18, run.text


@pytest.mark.parametrize("view", list(VIEWS))
def test_chart_type_is_at_least_18_pt_at_slide_size(index, view):
    """The picture's layout pixels are the slide's at 1280×720: 18 pt is 24 px."""
    figure = slide(index, view, "PER", index.latest).figure
    sizes = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("font", "textfont", "tickfont") and isinstance(value, dict) and "size" in value:
                    sizes.append(value["size"])
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(figure)
    assert figure["layout"]["font"]["size"] >= 24 and sizes and min(sizes) >= 24


def test_the_map_draws_local_outlines_without_fetching_them(index):
    """plotly.js would fetch outlines from topojsonURL: pointed at a closed local port, only the outlines the
    renderer embeds can draw the countries."""
    figure = slide(index, "map", "PER", index.latest).figure
    figure["config"] = {"topojsonURL": "http://127.0.0.1:9/"}
    with chromium_renderer() as render:
        png = render(figure)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    coloured = sum(count for count, (r, g, b) in colours if max(r, g, b) - min(r, g, b) > 60)
    assert coloured > 0.15 * image.width * image.height  # countries filled with the scale's colours


def test_the_pdf_holds_the_same_pages_with_the_source_on_each(deck_and_progress, index):
    deck, _ = deck_and_progress
    pages = PdfReader(io.BytesIO(deck.pdf)).pages
    assert len(pages) == deck.slides
    for page in pages:
        assert f"Global Organized Crime Index {index.latest}, GI-TOC" in page.extract_text()
    assert headlines.standout(index, index.latest, "COL").split(" (")[0] in pages[2 + len(VIEWS_BUILT)].extract_text(
        ).replace("\n", " ")


def test_progress_advances_one_chart_at_a_time_to_the_end(deck_and_progress):
    _, steps = deck_and_progress
    assert [done for done, _, _ in steps] == list(range(len(steps)))
    assert {total for _, total, _ in steps} == {2 * len(VIEWS_BUILT) + 1}
    assert steps[0][2] == "Peru: Place on the quadrant"


@pytest.mark.parametrize("countries, views, edition, message", [
    (["PER"], ["quadrant"], 1999, "Edition 1999 is not loaded"),
    ([], ["quadrant"], 2023, "at least one country"),
    (["PER"], [], 2023, "at least one country and one view"),
    (["PER", "XYZ"], ["quadrant"], 2023, "Not in the 2023 edition: XYZ"),
    (["PER"], ["pie"], 2023, "Unknown view pie"),
    (["PER", "COL", "MEX", "BRA", "ARG", "CHL"], ["quadrant"], 2023, "at most 5 countries"),
    (["PER"] * 10, ["quadrant"], 2023, "each country and each view once"),
    (["PER"], ["quadrant"] * 5000, 2023, "each country and each view once"),
])
def test_a_bad_request_is_refused_with_what_is_wrong(index, countries, views, edition, message):
    with pytest.raises(DeckError, match=message):
        check_request(index, countries, views, edition)


def test_every_view_builds_for_a_country_in_every_edition(index):
    for edition in index.editions:
        for view in VIEWS:
            made = slide(index, view, "TUV", edition)
            assert made.headline and "Tuvalu" in made.headline + made.description and made.figure["data"]
            assert "height" not in made.figure["layout"] and made.notes.startswith(made.headline)


def test_the_closing_slide_links_the_apps_change_page_of_the_pair_from_the_page_s_address(index, app_instance):
    from components.change import ChangeState
    from components.deck import change_address

    link = change_address(app_instance, "https://host.example/deck?countries=PER")
    first, second = index.editions[:2]
    address = urlsplit(link((first, second)))
    assert (address.scheme, address.netloc, address.path) == ("https", "host.example", "/change")
    state, notices = ChangeState.from_query(address.query, index)  # the change page reads it as that pair
    assert (state.composite, state.before, state.after, notices) == ("criminality", first, second, [])
    assert link(None) == "https://host.example/change"
    assert change_address(app_instance, None)(None) == "/change"
    lines = closing_slide(index, index.latest, link).lines
    assert any("https://host.example/change" in line for line in lines)
    assert not any("host.example" in line for line in closing_slide(index, index.latest).lines)


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


def test_a_crafted_request_repeating_countries_and_views_builds_each_once(index):
    from components.deck import DeckState

    countries = ["PER", "COL"] * 5 + ["MEX", "BRA", "ARG", "CHL"]
    asked = DeckState.from_controls(index, countries=countries, views=["quadrant", "path"] * 2500, edition=2023)
    assert (asked.countries, asked.views) == (("PER", "COL", "MEX", "BRA", "ARG", "CHL"), ("quadrant", "path"))
    with pytest.raises(DeckError, match="at most 5 countries"):  # ten countries repeated: refused, not hours of work
        check_request(index, list(asked.countries), list(asked.views), asked.edition)


def test_the_deck_page_reads_its_lists_from_the_url_with_notices(index, app_instance):
    from components.deck import DEFAULT_VIEWS, DeckState, title

    state, notices = DeckState.from_query("?countries=per,xyz&views=quadrant,nope&edition=1999", index)
    assert (state.edition, state.countries, state.views) == (index.latest, ("PER",), ("quadrant",))
    assert notices == [f"Edition '1999' is not available here; showing {index.latest}. "
                       f"Available: {', '.join(map(str, index.editions))}.",
                       f"Country 'xyz' is not in the {index.latest} edition: ignored.",
                       "View 'nope' is unknown; choose from: " + ", ".join(VIEWS) + "."]
    state, notices = DeckState.from_query("?countries=PER,COL,MEX,BRA,ARG,CHL", index)
    assert state.countries == ("PER", "COL", "MEX", "BRA", "ARG") and "at most 5 countries" in notices[0]
    assert DeckState.from_query("", index)[0].views == DEFAULT_VIEWS
    state = DeckState(edition=2023, countries=("PER", "COL"), views=("quadrant", "markets"))
    assert state.href(app_instance) == "/deck?edition=2023&countries=PER,COL&views=quadrant,markets"
    assert DeckState.from_query(state.to_query(), index) == (state, [])
    assert title(state, index) == "Peru, Colombia — Briefing deck"


def test_the_build_job_says_what_to_choose_before_starting_chromium(index, app_instance):
    from components.deck import build

    store = app_instance.server.config["OCINDEX_STORE"]
    steps = []
    result, status = build(app_instance, store, steps.append, {"countries": [], "views": ["quadrant"],
                                                                "edition": 2023}, "http://127.0.0.1/deck")
    assert result is None and "Choose at least one country and one view" in str(status) and steps == []
    with pytest.raises(PreventUpdate):
        build(app_instance, store, steps.append, {"countries": ["PER"], "views": ["nope"], "edition": 2023}, None)


def test_a_figure_drawn_in_the_script_context_of_the_page_left_is_drawn_again(monkeypatch):
    """kaleido's race on a busy machine (the tab's page not yet the one with its scripts) costs a second try, not
    the deck; any other error in the page stops it."""
    drawn, tries = pio.to_image, []

    def first_try_in_the_old_page(*args, **kwargs):
        tries.append(args)
        if len(tries) == 1:
            raise JavascriptError("ReferenceError: kaleido_scopes is not defined")
        return drawn(*args, **kwargs)

    def broken(*args, **kwargs):
        raise JavascriptError("TypeError: cannot read properties of undefined")

    figure = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {}}
    with chromium_renderer() as render:
        monkeypatch.setattr(pio, "to_image", first_try_in_the_old_page)
        assert render(figure).startswith(b"\x89PNG") and len(tries) == 2
        monkeypatch.setattr(pio, "to_image", broken)
        with pytest.raises(JavascriptError, match="TypeError"):
            render(figure)

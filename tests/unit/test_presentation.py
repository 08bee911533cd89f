"""Presentation mode's projector styling, chart export names and the briefing's pinned views."""

from __future__ import annotations

import copy

import pytest

from components.charts import export_name, finish
from components.presentation import briefing_items, briefing_view, valid_pins
from figures.indicator import choropleth
from figures.quadrant import quadrant_figure
from figures.style import PROJECTOR_INK, for_projector
from ocindex import drilldown as dd
from ocindex import quadrant as q


def test_the_projector_copy_enlarges_type_and_marks_and_leaves_the_original_alone(index):
    points, split = q.placed(index, 2023)
    figure = quadrant_figure(points, split, 2023, selected="PER", labelled=["FIN"], paths=q.paths(index, 2023, ["PER"]))
    before = copy.deepcopy(figure)
    big = for_projector(figure)
    assert figure == before
    assert big["layout"]["font"]["size"] > figure["layout"]["font"]["size"]
    assert big["layout"]["font"]["color"] == PROJECTOR_INK
    marked = [(small, large) for small, large in zip(figure["data"], big["data"]) if "marker" in small]
    assert len(marked) == len(figure["data"]) - 1  # all but the quadrants' captions
    for small, large in marked:
        sizes = small["marker"]["size"]
        grown = large["marker"]["size"]
        if isinstance(sizes, list):
            assert all(g >= s for g, s in zip(grown, sizes)) and any(g > s for g, s in zip(grown, sizes))
        else:
            assert grown > sizes
        assert large["x"] == small["x"] and large["y"] == small["y"]  # the data never changes
    assert all(a["font"]["color"] == PROJECTOR_INK and a["font"]["size"] > b["font"]["size"]
               for a, b in zip(big["layout"]["annotations"], figure["layout"]["annotations"]))
    captions, big_captions = figure["data"][-1], big["data"][-1]
    assert big_captions["textfont"]["color"] == PROJECTOR_INK != captions["textfont"]["color"]
    assert big_captions["textfont"]["size"] > captions["textfont"]["size"]


def test_finished_figures_carry_their_export_name():
    figure = {"data": [], "layout": {"font": {"size": 13}}}
    assert finish(figure, False, "PER", "indicators", 2023)["layout"]["meta"] == {
        "filename": "oc-index_per_indicators_2023"}
    assert finish(figure, None, "cocaine-trade", "map", None, 2021)["layout"]["meta"]["filename"] == \
        "oc-index_cocaine-trade_map_2021"
    assert finish(figure, True, "x")["layout"]["font"]["size"] > 13
    assert finish(figure, "yes", "x")["layout"]["font"]["size"] == 13  # only a real True means presenting
    assert export_name("Côte d'Ivoire", "../x") == "oc-index_c-te-d-ivoire_x"


def test_finishing_a_map_leaves_the_built_figure_alone_and_hides_none_of_its_scale(index):
    """Built figures are cached and shared: finishing one copies what it changes. Plotly hides the labels of a scale
    that stick out of the chart, measuring each: ours stay within it."""
    built = choropleth(dd.ranked(index, index.latest, "cocaine-trade"), index.catalogue["cocaine-trade"], "PER")
    before = copy.deepcopy(built)
    for present in (False, True):
        finished = finish(built, present, "map")
        assert [trace["colorbar"]["ticklabeloverflow"] for trace in finished["data"] if "colorbar" in trace] == ["allow"]
    assert built == before


def test_malformed_pins_from_the_browser_are_left_out():
    pins = [{"href": "/?edition=2021", "title": "Quadrant"}, {"href": 5}, "junk", {"href": "/compare", "title": "C"}]
    assert valid_pins(pins) == [pins[0], pins[3]]
    assert valid_pins({"href": "/"}) == []
    items, label = briefing_items(pins)
    assert label == "Briefing (2)" and len(items) == 2
    assert briefing_items(None)[1] == "Briefing (0)"


def test_present_and_clear_are_off_while_nothing_is_pinned():
    assert briefing_view(None)[2:] == briefing_view([{"href": 5}])[2:] == (True, True)
    assert briefing_view([{"href": "/compare", "title": "Compare"}])[2:] == (False, False)


@pytest.fixture(scope="module")
def briefing_app(workbook):
    from app import create_app
    from ocindex.settings import Settings

    return create_app(Settings(data_dir=workbook.parent, url_prefix="/oc-index/"))


def test_a_shared_briefing_keeps_only_views_of_this_app(briefing_app):
    from components.briefing import BriefingState, shared_views

    app = briefing_app
    state = BriefingState(views=("/oc-index/country/PER?edition=2021", "//evil.example/x", "/other-app/",
                                 "https://x.example/", "/oc-index/\\\\evil.example", "/oc-index/"), titles=("Peru 2021",))
    views, notices = shared_views(app, state)
    assert views == [{"href": "/oc-index/country/PER?edition=2021", "title": "Peru 2021"},
                     {"href": "/oc-index/", "title": "/oc-index/"}]
    assert len(notices) == 4 and "//evil.example/x" in notices[0]


@pytest.mark.parametrize("href", ["/oc-index/../../x", "/oc-index/../other-app/", "/oc-indexX/", "/oc-index-other/x",
                                  "//evil.example/oc-index/", "/\\evil.example/oc-index/", "/oc-index/%2e%2e/%2e%2e/x",
                                  "/oc-index/%252e%252e/x", "/%2Fevil.example/oc-index/", "/oc-index/..%2F..%2Fx",
                                  "/oc-index/country/../../../etc", "https://evil.example/oc-index/", "oc-index/x",
                                  "/oc-index/\nx", 42, "/oc-index/nosuch", "/oc-index/%2e%2e/oc-index/nosuch",
                                  "/oc-index/country", "/oc-index/country/PER/x"])
def test_a_shared_briefing_refuses_a_view_that_is_no_page_of_the_app_once_normalised(briefing_app, href):
    from components.briefing import BriefingState, shared_views

    views, notices = shared_views(briefing_app, BriefingState(views=(href,)))
    assert views == [] and len(notices) == 1


@pytest.mark.parametrize("href, normal", [("/oc-index/country/PER?edition=2021", "/oc-index/country/PER?edition=2021"),
                                          ("/oc-index/x/../country/PER", "/oc-index/country/PER"),
                                          ("/oc-index/%63ountry/PER", "/oc-index/country/PER"),
                                          ("/oc-index/./", "/oc-index/"), ("/oc-index", "/oc-index")])
def test_a_shared_briefing_keeps_a_view_inside_the_prefix_as_its_normalised_path(briefing_app, href, normal):
    from components.briefing import BriefingState, shared_views

    assert shared_views(briefing_app, BriefingState(views=(href,), titles=("t",))) == (
        [{"href": normal, "title": "t"}], [])


def test_a_shared_briefing_link_keeps_every_view_in_order_with_its_title(briefing_app, index):
    from components.briefing import MAX_VIEWS, BriefingState

    state, notices = BriefingState.from_query("?view=/oc-index/&title=Quadrant&view=/oc-index/compare&view=/oc-index/"
                                              "&title=Compare&title=Again", index)
    assert state == BriefingState(views=("/oc-index/", "/oc-index/compare", "/oc-index/"),
                                  titles=("Quadrant", "Compare", "Again")) and notices == []
    assert BriefingState.from_query(state.to_query(), index) == (state, [])
    assert state.href(briefing_app).startswith("/oc-index/briefing?view=%2Foc-index%2F&view=")
    state, notices = BriefingState.from_query("?" + "&".join(f"view=/oc-index/{n}" for n in range(MAX_VIEWS + 2)),
                                              index)
    assert len(state.views) == MAX_VIEWS and state.views[-1] == f"/oc-index/{MAX_VIEWS - 1}"
    assert notices == [f"A briefing holds at most {MAX_VIEWS} views; the first {MAX_VIEWS} are kept."]


@pytest.mark.parametrize("views, says", [(("/oc-index/compare",), "1 view. Taking the briefing"),
                                         (("/oc-index/", "/oc-index/compare"), "2 views, in the order they will be")])
def test_a_shared_briefing_says_how_many_views_it_holds(briefing_app, views, says):
    from components.briefing import BriefingState, layout
    from tests.layout_text import text_of

    store = briefing_app.server.config["OCINDEX_STORE"]
    assert says in text_of(layout(briefing_app, store, BriefingState(views=views), []))

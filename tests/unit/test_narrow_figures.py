"""Charts on a phone: what a figure carries for narrow screens (assets/a11y.js applies it below 576 px)."""

from __future__ import annotations

from components.charts import finish
from figures.change import change_scatter
from figures.country import profile_dots
from figures.indicator import spread
from figures.quadrant import quadrant_chart, quadrant_figure
from figures.regions import ranking_figure
from figures.style import LABEL_GAP, TYPE_SIZE, label_room, on_narrow_screens
from ocindex import drilldown as dd
from ocindex import likeforlike as lfl
from ocindex import regions
from ocindex.quadrant import placed

from .test_quadrant import caption_trace


def test_the_country_chart_wraps_its_labels_on_a_phone_and_keeps_every_one(index):
    edition = index.editions[-1]
    profile = dd.country_profile(index, edition, "PER")
    figure = finish(profile_dots(profile, "Peru"), False, "PER", "indicators", edition)
    narrow = figure["layout"]["meta"]["narrow"]
    labels = profile["indicator_label"].tolist()
    assert narrow["yaxis.tickvals"] == labels
    assert [t.replace("<br>", " ") for t in narrow["yaxis.ticktext"]] == labels
    lines = [line for text in narrow["yaxis.ticktext"] for line in text.split("<br>")]
    assert max(len(line) for line in lines if " " in line) <= 20  # only a single long word may run longer
    assert narrow["height"] > figure["layout"]["height"]  # rows grow for their second line
    assert narrow["margin.l"] < figure["layout"]["margin"]["l"]  # and leave the scores more room
    assert figure["layout"]["meta"]["filename"] == "oc-index_per_indicators_" + str(edition)


def test_quadrant_captions_fit_beside_each_other_on_a_phone(index):
    edition = index.editions[-1]
    figure = quadrant_figure(*placed(index, edition, "gitoc"), edition)
    captions = caption_trace(figure)["text"]
    assert len(captions) == 4
    assert all(len(line) <= len("High criminality") for caption in captions for line in caption.split("<br>")[:2])


def test_on_a_phone_the_like_for_like_banner_gives_way_to_the_note_under_the_chart_which_says_the_same(index):
    # Wider than a phone's plot, the banner covered the top quadrants' captions.
    first, latest = index.editions[0], index.editions[-1]
    chart = quadrant_chart(index, latest, like_for_like=True, since=first)
    figure = finish(chart.figure, True, "quadrant")
    annotations = figure["layout"]["annotations"]
    [banner] = [n for n, a in enumerate(annotations) if "Like-for-like positions" in a["text"]]
    assert "not GI-TOC's" in annotations[banner]["text"]
    assert figure["layout"]["meta"]["narrow"][f"annotations[{banner}].visible"] is False
    assert "ours, not GI-TOC's" in chart.note
    official = finish(quadrant_chart(index, latest).figure, True, "quadrant")["layout"]["meta"]["narrow"]
    assert not any(key.endswith(".visible") for key in official)  # nothing else gives way


def test_presenting_on_a_phone_keeps_the_screen_type_and_margins(index):
    edition = index.editions[-1]
    screen = quadrant_figure(*placed(index, edition, "gitoc"), edition)
    screen["layout"]["title"] = {"text": "Criminality vs resilience"}
    presented = finish(screen, True, "quadrant", edition)
    narrow = presented["layout"]["meta"]["narrow"]
    assert presented["layout"]["font"]["size"] > screen["layout"]["font"]["size"] == narrow["font.size"]
    assert [narrow[f"annotations[{n}].font.size"] for n in range(len(screen["layout"]["annotations"]))] == [
        a.get("font", {}).get("size", TYPE_SIZE) for a in screen["layout"]["annotations"]]
    # The captions' text too, which the projector enlarges.
    captions = caption_trace(screen)
    n = screen["data"].index(captions)
    assert presented["data"][n]["textfont"]["size"] > captions["textfont"]["size"] == narrow[f"data[{n}].textfont.size"]
    assert {side: narrow[f"margin.{side}"] for side in "lrtb"} == {
        side: screen["layout"]["margin"][side] for side in "lrtb"}
    assert narrow["title.xref"] == "container"


def test_long_axis_titles_and_group_names_wrap_on_a_phone(index):
    before, after = index.editions[0], index.editions[-1]
    scatter = change_scatter(lfl.like_for_like(index, "criminality", before, after), "Criminality", before, after)
    table = regions.ranking(index, after, "criminality", "region")
    continents = index.wide(after).groupby("region")["continent"].first().to_dict()
    bars = ranking_figure(table, continents, "Criminality", 5.0)
    for figure, titles in ((scatter, ("xaxis.title.text", "yaxis.title.text")), (bars, ("xaxis.title.text",))):
        narrow = figure["layout"]["meta"]["narrow"]
        for key in titles:
            axis = key.split(".")[0]
            assert narrow[key].replace("<br>", " ") == figure["layout"][axis]["title"]["text"]
            assert max(len(line) for line in narrow[key].split("<br>")) <= 32
    assert [t.replace("<br>", " ") for t in bars["layout"]["meta"]["narrow"]["yaxis.ticktext"]] == bars["data"][0]["y"]



def test_a_labelled_chart_asks_for_the_room_of_its_widest_label_line():
    """figures.style.label_room: the widest line of the widest label, as shown (entities decoded), at the type size."""
    assert label_room(["Cocaine trade<br>and more"]) == label_room(["Cocaine trade"])  # the wider line counts
    assert label_room(["Fauna", "Non-renewable resource crimes"]) == label_room(["Non-renewable resource crimes"])
    assert label_room(["Arms &amp; ammunition"]) == label_room(["Arms & ammunition"])  # as the browser shows it
    assert label_room(["Human smuggling"], size=20) > label_room(["Human smuggling"], size=TYPE_SIZE)
    assert label_room(["Human smuggling"]) > label_room(["Human"]) > label_room([]) == LABEL_GAP


def test_the_spread_by_region_wraps_its_names_on_a_phone(index):
    ranking = dd.ranked(index, index.editions[-1], "criminality")
    figure = spread(ranking, index.catalogue["criminality"], "region")
    narrow = figure["layout"]["meta"]["narrow"]
    regions = sorted(ranking["region"].unique())
    assert sorted(narrow["yaxis.tickvals"]) == regions
    assert sorted(t.replace("<br>", " ") for t in narrow["yaxis.ticktext"]) == regions
    assert narrow["margin.l"] < figure["layout"]["margin"]["l"] and narrow["xaxis.dtick"] == 2


def test_changes_for_narrow_screens_add_to_those_a_figure_carries():
    figure = on_narrow_screens({"layout": {"meta": {"filename": "f"}}}, **{"height": 500})
    on_narrow_screens(figure, **{"annotations[0].visible": False, "height": 600})
    assert figure["layout"]["meta"] == {"filename": "f", "narrow": {"height": 600, "annotations[0].visible": False}}

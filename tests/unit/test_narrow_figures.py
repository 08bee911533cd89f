"""Charts on a phone: what a figure carries for narrow screens (assets/a11y.js applies it below 576 px)."""

from __future__ import annotations

from components.charts import finish
from figures.country import profile_dots
from figures.quadrant import quadrant_figure
from ocindex import drilldown as dd
from ocindex.quadrant import placed


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
    assert figure["layout"]["meta"]["filename"] == "oc-index_per_indicators_" + str(edition)


def test_quadrant_captions_fit_beside_each_other_on_a_phone(index):
    edition = index.editions[-1]
    figure = quadrant_figure(*placed(index, edition, "gitoc"), edition)
    captions = [a["text"] for a in figure["layout"]["annotations"] if "countries" in a["text"] or "country" in a["text"]]
    assert len(captions) == 4
    assert all(len(line) <= len("High criminality") for caption in captions for line in caption.split("<br>")[:2])

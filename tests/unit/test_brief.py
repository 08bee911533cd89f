"""The brief's content for Peru 2021, checked against the workbook and the profile independently."""

from __future__ import annotations

import pandas as pd
import pytest

from ocindex.brief import build_brief
from ocindex.store import DataStore

from ..conftest import SEEDS


@pytest.fixture(scope="module")
def brief(workbook):
    store = DataStore(workbook.parent)
    return build_brief(store.index, store.narratives, "PER", 2021)


def test_scores_and_ranks_are_the_published_ones(brief, workbook):
    peru = pd.read_excel(workbook, sheet_name="2021_dataset").set_index("Country").loc["Peru"]
    rows = brief.composites.set_index("indicator")
    assert rows.loc["criminality", "score"] == peru["Criminality"] and rows.loc["resilience", "score"] == peru["Resilience"]
    assert (rows.loc["criminality", "rank_global"], rows.loc["resilience", "rank_global"]) == (26, 106)
    assert brief.quadrant == "High criminality – low resilience" and brief.previous is None


def test_top_markets_and_weakest_resilience_follow_the_workbook(brief, workbook):
    peru = pd.read_excel(workbook, sheet_name="2021_dataset").set_index("Country").loc["Peru"]
    markets = peru["Human trafficking":"Synthetic drug trade"].astype(float)
    top = markets[markets >= markets.sort_values(ascending=False).iloc[2]]
    assert sorted(brief.top_markets["score"], reverse=True) == sorted(top, reverse=True)[:3]
    assert set(brief.top_markets["indicator_label"]) <= set(top.index)
    resilience = peru["Political leadership and governance":"Non-state actors"].astype(float)
    assert brief.weakest_resilience["score"].tolist() == sorted(resilience)[:3]
    assert brief.strongest_resilience["score"].tolist() == sorted(resilience, reverse=True)[:3]


def test_a_list_cut_at_its_length_names_those_tied_with_its_last(brief, workbook):
    peru = pd.read_excel(workbook, sheet_name="2021_dataset").set_index("Country").loc["Peru"]
    lists = {"top_markets": (peru["Human trafficking":"Synthetic drug trade"], False),
             "top_actors": (peru["Mafia-style groups":"Foreign actors"], False),
             "weakest_resilience": (peru["Political leadership and governance":"Non-state actors"], True),
             "strongest_resilience": (peru["Political leadership and governance":"Non-state actors"], False)}
    for name, (scores, lowest) in lists.items():
        scores = scores.astype(float)
        shown, tied = getattr(brief, name), brief.tied[name]
        cut = shown["score"].iloc[-1]
        # Every indicator at the last score shown is either in the list or named as tied; none past it is.
        assert set(shown["indicator_label"]) | set(tied["indicator_label"]) == set(
            scores[scores <= cut].index if lowest else scores[scores >= cut].index), name
        assert (tied["score"] == cut).all() and not set(tied["indicator"]) & set(shown["indicator"]), name
    assert len(brief.tied["top_markets"]) >= 1  # Peru 2021: a fourth market at the third's score


def test_excerpts_come_from_the_profile_and_speak_of_what_stands_out(brief):
    profile = (SEEDS / "000_3ac577c9c8dca770.txt").read_text(encoding="utf-8")
    assert 3 <= len(brief.excerpts) <= 5
    highlighted = set(brief.top_markets["indicator"]) | set(brief.top_actors["indicator"]) | set(
        brief.weakest_resilience["indicator"])
    for excerpt in brief.excerpts:
        assert set(excerpt.indicators) & highlighted
        assert excerpt.sentence.text in profile.replace("\n", " ")
    assert len({e.sentence.text for e in brief.excerpts}) == len(brief.excerpts)  # each passage once
    assert any("second-largest producer of cocaine" in e.sentence.text for e in brief.excerpts)
    assert brief.sources[0].startswith("Global Organized Crime Index 2021")
    assert brief.sources[1] == "Peru: Global Organized Crime Index profile, 2021"


@pytest.mark.parametrize("view", ["brief", "country", "similar"])
def test_a_path_naming_no_country_says_so(app_instance, view):
    from components.pages import PAGES
    from components.shell import route

    page = str(route(app_instance, app_instance.server.config["OCINDEX_STORE"], PAGES, f"/{view}/XYZ", ""))
    assert "No such view" in page and "not the ISO3 code of a country in the index" in page


def test_the_brief_states_the_deck_s_headlines(brief, index):
    from ocindex import headlines

    assert brief.findings[:2] == [headlines.position(index, 2021, "PER"), headlines.region(index, 2021, "PER")]


def test_the_region_s_averages_follow_the_workbook(brief, workbook):
    from .sheets import competition_rank, group_means, read_sheets

    rows = read_sheets(workbook)[2021]
    table = brief.region_standing.set_index("indicator")
    for composite in ("criminality", "resilience"):
        means = group_means(rows, "region", composite)
        assert table.loc[composite, "score"] == round(means["South America"] + 1e-9, 2)
        assert table.loc[composite, "rank"] == competition_rank(means["South America"], list(means.values()))
        assert table.loc[composite, "size"] == len(means)


def test_the_brief_s_url_names_the_country_and_edition(index, app_instance):
    from components.brief import BriefState, title
    from components.urlstate import NotFound

    state, notices = BriefState.from_query("?edition=1999", index, iso3="per")
    assert (state.iso3, state.edition) == ("PER", index.latest) and notices[0].startswith("Edition '1999' is not")
    state = BriefState(iso3="PER", edition=2021)
    assert state.href(app_instance) == "/brief/PER?edition=2021"
    assert BriefState.from_query(state.to_query(), index, iso3="PER") == (state, [])
    assert title(state, index) == "Peru — Organized crime brief"
    with pytest.raises(NotFound):
        BriefState.from_query("", index, iso3="PERU")


def test_the_brief_links_back_to_the_profile_and_prints_its_own_address(app_instance):
    from components.pages import PAGES
    from components.shell import route

    page = str(route(app_instance, app_instance.server.config["OCINDEX_STORE"], PAGES, "/brief/per", "?edition=2021"))
    assert "Peru: organized crime brief" in page and "Global Organized Crime Index 2021" in page
    assert "'/country/PER?edition=2021'" in page and "View online: /brief/PER?edition=2021" in page
    assert "Peru — Organized crime brief — OC Index Explorer" in page


def test_no_resilience_indicator_is_listed_as_both_weakest_and_strongest(workbook):
    """Where a country's resilience scores bunch, the strongest are those above every weakest one shown."""
    store = DataStore(workbook.parent)
    met = 0
    for edition in store.index.editions:
        sheet = pd.read_excel(workbook, sheet_name=f"{edition}_dataset").set_index("Country")
        resilience = sheet.loc[:, "Political leadership and governance":"Non-state actors"].astype(float)
        # Countries whose three lowest scores reach one of their three highest: the lists would meet.
        bunched = resilience[resilience.apply(lambda row: row.nsmallest(3).max() >= row.nlargest(3).min(), axis=1)]
        met += len(bunched)
        iso3_of = store.index.wide(edition).reset_index().set_index("country")["iso3"]
        for country, scores in bunched.iterrows():
            iso3 = iso3_of[country]
            brief = build_brief(store.index, store.narratives, iso3, edition)
            weakest, strongest = brief.weakest_resilience, brief.strongest_resilience
            assert set(weakest["indicator"]).isdisjoint(strongest["indicator"]), (country, edition)
            assert strongest.empty or strongest["score"].min() > weakest["score"].max()
            assert len(strongest) == min(3, (scores > sorted(scores)[2]).sum())
    assert met  # the workbook has such countries (Guinea 2025)

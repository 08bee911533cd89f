"""Three editions and more: change across any pair, rank change, comparability notes, a later edition that adds
an indicator, and GI-TOC's published figures of the latest edition checked against the workbook read directly."""

from __future__ import annotations

import re

import openpyxl
import pytest

from cli import main as cli
from ocindex import comparability, likeforlike
from ocindex import quadrant as q
from ocindex.catalogue import Catalogue
from ocindex.errors import WorkbookInvalid
from ocindex.index import load_index
from ocindex.ranks import rank_change_phrase, rank_phrase
from tests.fourth_edition import NEW_MARKET, NEW_SLUG, latest_sheet, write_fourth_edition

# GI-TOC's published figures for the 2025 edition (test data: the 2025 report and Peru's 2025 profile).
PUBLISHED = {"edition": 2025, "peru_criminality": 6.62, "peru_rank": 31, "countries": 193, "peru_change": 0.22,
             "peru_resilience": 4.46, "high_crime_low_resilience": 66, "low_crime_low_resilience": 72}


@pytest.fixture(scope="module")
def raw_sheets(workbook):
    """Each dataset sheet read straight from the file with openpyxl: {edition: (header, rows)}."""
    book = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    sheets = {}
    for sheet in book.worksheets:
        if re.fullmatch(r"\d{4}_dataset", sheet.title):
            rows = list(sheet.iter_rows(values_only=True))
            sheets[int(sheet.title[:4])] = ([str(h).strip() for h in rows[0]], [r for r in rows[1:] if r[2]])
    book.close()
    return sheets


def raw_column(sheets, edition, starts_with):
    header, rows = sheets[edition]
    at = next(n for n, h in enumerate(header) if h.startswith(starts_with))
    return {r[2]: r[at] for r in rows}


# ------------------------------------------------------------------------- GI-TOC's published 2025 figures


def test_published_figures_of_the_latest_edition_are_in_the_workbook_and_shown(index, raw_sheets):
    edition = PUBLISHED["edition"]
    assert index.latest == edition == max(raw_sheets)
    criminality, resilience = raw_column(raw_sheets, edition, "Criminality"), raw_column(raw_sheets, edition,
                                                                                          "Resilience")
    assert criminality["Peru"] == PUBLISHED["peru_criminality"] and resilience["Peru"] == PUBLISHED["peru_resilience"]
    # Rank as GI-TOC counts it: one plus the number of countries with a higher score.
    raw_rank = 1 + sum(score > criminality["Peru"] for score in criminality.values())
    assert (raw_rank, len(criminality)) == (PUBLISHED["peru_rank"], PUBLISHED["countries"])
    previous = raw_column(raw_sheets, index.previous_edition(edition), "Criminality")
    assert round(criminality["Peru"] - previous["Peru"], 2) == PUBLISHED["peru_change"]

    row = index.edition_table(edition).set_index(["iso3", "indicator"]).loc[("PER", "criminality")]
    assert (row["score"], row["rank_global"], row["n_global"], row["change"]) == (
        PUBLISHED["peru_criminality"], PUBLISHED["peru_rank"], PUBLISHED["countries"], PUBLISHED["peru_change"])
    places = 1 + sum(score > previous["Peru"] for score in previous.values()) - raw_rank
    assert row["rank_change"] == places
    assert rank_phrase(row["rank_global"], row["n_global"]) + ", " + rank_change_phrase(
        row["rank_change"], index.previous_edition(edition)) == "31st of 193, ▲1 since 2023"


def test_published_vulnerability_classification_of_the_latest_edition(index, raw_sheets):
    edition = PUBLISHED["edition"]
    criminality = raw_column(raw_sheets, edition, "Criminality")
    resilience = raw_column(raw_sheets, edition, "Resilience")
    raw = {"high": sum(criminality[c] >= 5.5 and resilience[c] < 5.5 for c in criminality),
           "low": sum(criminality[c] < 5.5 and resilience[c] < 5.5 for c in criminality)}
    assert raw == {"high": PUBLISHED["high_crime_low_resilience"], "low": PUBLISHED["low_crime_low_resilience"]}
    points, split = q.placed(index, edition)
    assert (split.criminality, split.resilience) == (5.5, 5.5)
    tally = q.counts(points["quadrant"])
    assert tally["High criminality – low resilience"] == PUBLISHED["high_crime_low_resilience"]
    assert tally["Low criminality – low resilience"] == PUBLISHED["low_crime_low_resilience"]


# ------------------------------------------------------------------------- rank change, with ties


def test_rank_change_is_the_places_gained_in_competition_ranking_ties_included(index):
    tidy = index.tidy
    for edition in index.editions[1:]:
        previous = index.previous_edition(edition)
        now = tidy[(tidy["edition"] == edition) & (tidy["indicator"] == "resilience")].set_index("iso3")
        then = tidy[(tidy["edition"] == previous) & (tidy["indicator"] == "resilience")].set_index("iso3")
        # Competition rank recomputed here: one plus the count of strictly higher scores.
        for iso3 in now.index[:40]:
            rank_now = 1 + int((now["score"] > now.at[iso3, "score"]).sum())
            rank_then = 1 + int((then["score"] > then.at[iso3, "score"]).sum())
            assert now.at[iso3, "rank_change"] == rank_then - rank_now
    first = tidy[tidy["edition"] == index.editions[0]]
    assert first["rank_change"].isna().all()


def test_rank_change_phrases():
    assert rank_change_phrase(1, 2023) == "▲1 since 2023"
    assert rank_change_phrase(-12, 2023) == "▼12 since 2023"
    assert rank_change_phrase(0, 2023) == "unchanged since 2023"
    assert rank_change_phrase(float("nan"), 2023) == "" and rank_change_phrase(3, None) == ""


# ------------------------------------------------------------------------- change over any pair


def test_movers_and_quadrant_changes_read_since_any_earlier_edition(index):
    latest, first = index.latest, index.editions[0]
    assert q.earlier_editions(index, latest) == tuple(reversed(index.editions[:-1]))
    rises = q.movers(index, latest, n=3, since=first)["criminality_up"]
    now, then = q.positions(index, latest).set_index("iso3"), q.positions(index, first).set_index("iso3")
    change = (now["criminality"] - then["criminality"]).round(2)
    largest = change.sort_values(ascending=False)
    assert rises["criminality_change"].tolist() == largest.head(3).tolist()
    # Since the previous edition by default.
    assert q.movers(index, latest)["criminality_up"].equals(
        q.movers(index, latest, since=index.previous_edition(latest))["criminality_up"])
    changed = q.quadrant_changes(index, latest, "gitoc", since=first)
    before = q.classify(then["criminality"], then["resilience"], q.split_for(then, "gitoc"))
    after = q.classify(now["criminality"], now["resilience"], q.split_for(now, "gitoc"))
    assert set(changed["iso3"]) == set(after.index[after != before.reindex(after.index)])


def test_like_for_like_opens_on_the_most_recent_pair_whose_indicators_differ(index):
    latest, previous = index.latest, index.previous_edition(index.latest)
    same = likeforlike.basis(index, previous, latest)
    assert same.identical and "assess the same indicators" in same.summary(index.catalogue)
    table = likeforlike.like_for_like(index, "criminality", previous, latest)
    assert (table["official_change"] == table["like_for_like_change"]).all() and not table["flips"].any()
    before, after = likeforlike.default_pair(index)
    assert after == latest and not likeforlike.basis(index, before, after).identical
    assert "Cyber-dependent crimes" in likeforlike.basis(index, before, after).summary(index.catalogue)


def test_like_for_like_over_the_long_pair_splits_as_the_first_pair_does(index):
    first, second = index.editions[:2]
    long = likeforlike.basis(index, first, index.latest)
    assert long.added == likeforlike.basis(index, first, second).added
    peru = likeforlike.like_for_like(index, "criminality", first, index.latest).loc["PER"]
    assert peru["official_change"] == round(peru["official_after"] - peru["official_before"], 2)
    assert peru["method_effect"] == round(peru["official_change"] - peru["like_for_like_change"], 2)
    points = likeforlike.like_for_like_positions(index, index.latest, since=first).set_index("iso3")
    assert points.at["PER", "criminality"] == peru["shared_after"]


# ------------------------------------------------------------------------- comparability notes


def test_region_changes_are_found_from_the_data(index):
    tidy = index.tidy[index.tidy["indicator"] == "criminality"]
    regions = tidy.groupby("edition")["region"].nunique()
    fewest = int(regions.idxmin())  # the edition that merged two regions
    notes = comparability.region_changes(index, index.previous_edition(fewest), fewest)
    merged = [c for c in notes if c.kind == "merged"]
    assert len(merged) == 1 and len(merged[0].regions_before) == 2
    members = tidy[(tidy["edition"] == fewest) & (tidy["region"] == merged[0].regions_after[0])]
    assert set(merged[0].countries) == set(members["iso3"])
    assert any(c.kind == "split" for c in comparability.region_changes(index, fewest, index.latest))
    moved = [c for e in zip(index.editions, index.editions[1:]) for c in comparability.region_changes(index, *e)
             if c.kind == "moved"]
    for change in moved:
        for iso3 in change.countries:
            rows = tidy[tidy["iso3"] == iso3].set_index("edition")["region"]
            assert (rows[change.before], rows[change.after]) == (change.regions_before[0], change.regions_after[0])
    assert comparability.region_notes(index, iso3="MEX") and not comparability.region_notes(index, iso3="PER")


def test_indicators_an_edition_did_not_assess_are_named(index):
    first = index.editions[0]
    absent = {i.slug for i in comparability.absent_indicators(index, first)}
    assert absent == {i.slug for i in index.indicators(index.latest)} - {i.slug for i in index.indicators(first)}
    assert comparability.absent_note(index, index.latest) is None


# ------------------------------------------------------------------------- a later edition with a new indicator


@pytest.fixture(scope="module")
def fourth(tmp_path_factory, workbook):
    path = tmp_path_factory.mktemp("fourth") / "global_oc_index.xlsx"
    edition = write_fourth_edition(workbook, path)
    return path, edition


def test_a_later_edition_with_a_new_market_loads(fourth, catalogue):
    path, edition = fourth
    data = load_index(path, catalogue)
    assert data.latest == edition
    new = data.catalogue[NEW_SLUG]
    assert (new.label, new.component, new.since, new.catalogued) == (NEW_MARKET, "criminal markets", edition, False)
    assert NEW_SLUG not in Catalogue.load()  # the shared catalogue file is untouched
    assert [i.slug for i in data.catalogue.uncatalogued] == [NEW_SLUG]
    assert NEW_SLUG in [i.slug for i in data.catalogue.parts_of("criminal-markets", edition)]
    # It sits among the markets, after the last catalogued one.
    order = [i.slug for i in data.indicators(edition)]
    assert order.index(NEW_SLUG) == order.index("criminal-actors") - 1
    assert data.wide(edition)[NEW_SLUG].notna().all()
    assert NEW_SLUG not in data.wide(data.previous_edition(edition))
    basis = likeforlike.basis(data, data.previous_edition(edition), edition)
    assert basis.added["criminal-markets"] == [NEW_SLUG]


def test_check_and_healthz_warn_of_an_indicator_without_definition(fourth, capsys):
    path, _ = fourth
    cli(["check", "--data-dir", str(path.parent)])
    out = capsys.readouterr().out
    assert f"warning: indicator '{NEW_MARKET}'" in out and "no definition in the catalogue" in out

    from app import create_app
    from ocindex.settings import Settings

    health = create_app(Settings(data_dir=path.parent)).server.test_client().get("/healthz").get_json()
    assert any(NEW_MARKET in w and "no definition" in w for w in health["warnings"])


def test_the_new_market_is_checked_against_its_composite(tmp_path, workbook):
    path = tmp_path / "global_oc_index.xlsx"
    edition = write_fourth_edition(workbook, path)
    book = openpyxl.load_workbook(path)
    sheet = book[f"{edition}_dataset"]
    column = [c.value for c in sheet[1]].index(NEW_MARKET) + 1
    sheet.cell(row=2, column=column, value=10 if sheet.cell(row=2, column=column).value < 5 else 1)
    book.save(path)
    with pytest.raises(WorkbookInvalid) as caught:
        load_index(path)
    assert "composite disagrees with the mean of its parts" in str(caught.value)


def test_a_new_column_that_fits_no_component_is_refused_with_its_location(tmp_path, workbook):
    path = tmp_path / "global_oc_index.xlsx"
    book = openpyxl.load_workbook(workbook)
    sheet = book[latest_sheet(book)]
    sheet.insert_cols(4)  # between Country and the criminality composite
    sheet.cell(row=1, column=4, value="Space piracy")
    book.save(path)
    with pytest.raises(WorkbookInvalid) as caught:
        load_index(path)
    message = str(caught.value)
    assert "'Space piracy'" in message and "D1" in message and "fits no component" in message


def test_a_restart_with_a_broken_workbook_keeps_serving_the_new_indicator(fourth, tmp_path):
    from ocindex.store import DataStore

    path, edition = fourth
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / path.name).write_bytes(path.read_bytes())
    first = DataStore(folder, snapshot_dir=tmp_path / "cache")
    (folder / path.name).write_bytes(b"truncated upload")
    restarted = DataStore(folder, snapshot_dir=tmp_path / "cache")
    assert restarted.last_error and restarted.index.latest == edition
    assert restarted.index.catalogue[NEW_SLUG].label == NEW_MARKET and not restarted.index.catalogue[NEW_SLUG].catalogued
    assert restarted.index.tidy.equals(first.index.tidy)

"""Analyst insights: composites recomputed, like-for-like change, neighbours, what-if weights.

Expected figures come from the workbook read here with openpyxl, independently of ocindex's loader."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import openpyxl
import pytest

from ocindex import composites, likeforlike, neighbours, weights
from ocindex.index import build_index
from ocindex.loader import read_workbook

ADDED_2023 = {"Cyber-dependent crimes", "Financial crimes", "Trade in counterfeit goods",
              "Illicit trade in excisable goods", "Extortion and protection racketeering", "Private sector actors"}
MARKETS_2021 = ["Human trafficking", "Human smuggling", "Arms trafficking", "Flora crimes", "Fauna crimes",
                "Non-renewable resource crimes", "Heroin trade", "Cocaine trade", "Cannabis trade", "Synthetic drug trade"]
ACTORS_2021 = ["Mafia-style groups", "Criminal networks", "State-embedded actors", "Foreign actors"]


def key(name) -> str:
    """The two editions spell a few names differently ('Congo, Dem, Rep,' / 'Congo, Dem. Rep.', 'eSwatini')."""
    return " ".join(str(name).lower().replace(",", ".").split())


@pytest.fixture(scope="module")
def sheets(workbook):
    """{sheet: {country key: {column: value}}}, straight from the file."""
    book = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    result = {}
    for name in ("2021_dataset", "2023_dataset"):
        rows = list(book[name].iter_rows(values_only=True))
        header = [str(h).strip() for h in rows[0]]
        result[name] = {key(r[2]): dict(zip(header, r)) for r in rows[1:] if r[2]}
    return result


def half_up(value: float) -> float:
    return float(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def test_recomputed_composites_equal_every_published_composite(index):
    for edition in index.editions:
        wide = index.wide(edition)
        recomputed = composites.recompute(wide, composites.parts(index, edition))
        for composite in composites.COMPOSITES:
            assert (recomputed[composite] == wide[composite]).all(), (edition, composite)


def test_a_component_with_no_weight_left_is_an_error_not_a_zero(index):
    with pytest.raises(ValueError, match="criminal-actors"):
        composites.recompute(index.wide(2023), composites.parts(index, 2023),
                             {s: 0 for s in composites.parts(index, 2023)["criminal-actors"]})


# ----------------------------------------------------------------------------------------- like-for-like


def test_peru_like_for_like_equals_an_independent_computation_from_the_workbook(index, sheets):
    old, new = sheets["2021_dataset"]["peru"], sheets["2023_dataset"]["peru"]
    markets = np.mean([new[c] for c in MARKETS_2021])
    actors = np.mean([new[c] for c in ACTORS_2021])
    shared_2023 = half_up((markets + actors) / 2)
    assert shared_2023 == 6.98  # the figure the issue quotes
    row = likeforlike.like_for_like(index, "criminality", 2021, 2023).loc["PER"]
    assert row["official_before"] == old["Criminality"] == 6.35
    assert row["official_after"] == new["Criminality avg,"] == 6.40
    assert row["shared_before"] == old["Criminality"]  # 2023 dropped nothing: 2021's own set is the shared set
    assert row["shared_after"] == shared_2023
    assert row["official_change"] == pytest.approx(0.05)
    assert row["like_for_like_change"] == pytest.approx(round(shared_2023 - 6.35, 2))
    assert row["method_effect"] == pytest.approx(0.05 - round(shared_2023 - 6.35, 2))
    markets_row = likeforlike.like_for_like(index, "criminal-markets", 2021, 2023).loc["PER"]
    assert markets_row["shared_after"] == half_up(markets)


def test_the_sign_flip_list_equals_one_computed_from_the_workbook(index, sheets):
    expected = set()
    for name, new in sheets["2023_dataset"].items():
        old = sheets["2021_dataset"][name]
        shared = half_up((np.mean([new[c] for c in MARKETS_2021]) + np.mean([new[c] for c in ACTORS_2021])) / 2)
        official = round(new["Criminality avg,"] - old["Criminality"], 2)
        like = round(shared - old["Criminality"], 2)
        if np.sign(official) != np.sign(like):
            expected.add(name)
    found = likeforlike.flips(index, "criminality", 2021, 2023)
    names_2023 = {row["iso3"]: row["country"] for row in index.tidy[index.tidy["edition"] == 2023].drop_duplicates(
        "iso3").to_dict("records")}
    assert {key(names_2023[iso3]) for iso3 in found.index} == expected
    assert 0.2 < len(found) / len(sheets["2023_dataset"]) < 0.3  # "about a quarter"


def test_resilience_has_no_method_effect(index):
    table = likeforlike.like_for_like(index, "resilience", 2021, 2023)
    assert (table["method_effect"] == 0).all() and not table["flips"].any()


def test_indicator_changes_name_added_indicators_without_inventing_a_2021_score(index):
    rows = likeforlike.indicator_changes(index, "PER", "criminality", 2021, 2023)
    added = rows[rows["status"] == "added"]
    assert set(added["label"]) == ADDED_2023
    assert added["before"].isna().all() and added["after"].notna().all()


def test_like_for_like_positions_rank_the_recomputed_scores(index):
    points = likeforlike.like_for_like_positions(index, 2023).set_index("iso3")
    assert points.at["PER", "criminality"] == 6.98
    assert points.at["PER", "criminality_rank_global"] == 1 + (points["criminality"] > 6.98).sum()
    assert likeforlike.like_for_like_positions(index, 2021).equals(
        likeforlike.positions(index, 2021))  # the first edition has nothing to compare with


# ----------------------------------------------------------------------------------------- neighbours


def test_neighbour_distances_are_symmetric(index):
    for found in neighbours.nearest(index, 2023, "PER", "all", n=5):
        back = {n.iso3: n.distance for n in neighbours.nearest(index, 2023, found.iso3, "all", n=192)}
        assert back["PER"] == pytest.approx(found.distance, abs=1e-12)


def test_neighbours_do_not_depend_on_row_order(index, workbook, catalogue):
    sheets = [replace(sheet, table=sheet.table.sample(frac=1, random_state=7).reset_index(drop=True))
              for sheet in read_workbook(workbook, catalogue)]
    shuffled = build_index(sheets, catalogue, workbook, "shuffled")
    for scope in neighbours.SCOPES:
        mine = [(n.iso3, round(n.distance, 9)) for n in neighbours.nearest(index, 2023, "PER", scope)]
        theirs = [(n.iso3, round(n.distance, 9)) for n in neighbours.nearest(shuffled, 2023, "PER", scope)]
        assert mine == theirs, scope


def test_alike_and_apart_indicators_are_the_smallest_and_largest_gaps(index):
    z = neighbours.standardised(index, 2023, "criminal markets")
    closest = neighbours.nearest(index, 2023, "PER", "criminal markets", n=1)[0]
    gaps = (z.loc["PER"] - z.loc[closest.iso3]).abs()
    assert gaps[closest.apart[0][0]] == gaps.max() and gaps[closest.alike[0][0]] == gaps.min()
    assert all(index.catalogue[s].component == "criminal markets" for s, _, _ in closest.alike + closest.apart)


def test_peer_standing_medians_and_percentiles(index):
    table = neighbours.peer_standing(index, 2023, "PER", "all").set_index("indicator")
    wide = index.wide(2023)
    region = wide[wide["region"] == "South America"]
    assert table.at["cocaine-trade", "region_median"] == region["cocaine-trade"].median()
    others = region.drop("PER")["cocaine-trade"]
    expected = 100 * ((others < 9.0).sum() + (others == 9.0).sum() / 2) / len(others)
    assert table.at["cocaine-trade", "region_percentile"] == pytest.approx(expected)
    assert table.at["cocaine-trade", "region_size"] == len(region)


# ----------------------------------------------------------------------------------------- weights


def test_gitoc_weights_give_gitoc_composites_and_ranks_exactly(index):
    for edition in index.editions:
        groups = weights.weight_groups(index, edition)
        table = weights.what_if(index, edition, {g.key: weights.GITOC_WEIGHT for g in groups})
        published = index.edition_table(edition).set_index(["iso3", "indicator"])
        for composite in composites.COMPOSITES:
            assert (table[f"{composite}_custom"] == table[f"{composite}_official"]).all()
            ranks = published.xs(composite, level="indicator")["rank_global"]
            assert (table[f"{composite}_custom_rank"] == ranks.reindex(table.index)).all()
            assert (table[f"{composite}_rank_change"] == 0).all()


def test_a_custom_weight_changes_the_composites_as_a_weighted_mean(index):
    table = weights.what_if(index, 2023, {"drugs": 3, "people": 0})
    wide = index.wide(2023)
    groups = {g.key: g.indicators for g in weights.weight_groups(index, 2023)}
    markets = [s for k, slugs in groups.items() for s in slugs if index.catalogue[s].component == "criminal markets"]
    w = np.array([3.0 if s in groups["drugs"] else 0.0 if s in groups["people"] else 1.0 for s in markets])
    expected = half_up(float(wide.loc["PER", markets].to_numpy(dtype=float) @ w / w.sum()))
    assert table.at["PER", "criminal-markets_custom"] == expected
    assert (table["resilience_custom"] == table["resilience_official"]).all()  # untouched component


def test_weights_from_a_url_are_checked_and_named_when_wrong(index):
    groups = weights.weight_groups(index, 2023)
    parsed, problems = weights.parse_weights("drugs:2, people:0,nope:1,trade:x,environment:9", groups)
    assert parsed == {"drugs": 2.0, "people": 0.0}
    assert len(problems) == 3 and "nope" in problems[0] and "trade:x" in problems[1] and "0 to 3" in problems[2]
    assert weights.weights_text({"drugs": 2.0, "people": 1.0}) == "drugs:2"

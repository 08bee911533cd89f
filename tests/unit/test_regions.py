"""Region and continent rankings, checked against the workbook read independently with openpyxl."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from ocindex import regions

from .sheets import group_means, read_sheets


@pytest.fixture(scope="module")
def sheets(workbook):
    return read_sheets(workbook)


def test_the_editions_are_the_workbook_s(index, sheets):
    assert tuple(sorted(sheets)) == index.editions


@pytest.mark.parametrize("level", ["region", "continent"])
@pytest.mark.parametrize("composite", ["criminality", "resilience"])
def test_every_edition_s_averages_and_competition_ranks_follow_the_workbook(index, sheets, level, composite):
    for edition, rows in sheets.items():
        expected = group_means(rows, level, composite)
        table = regions.ranking(index, edition, composite, level)
        assert set(table["group"]) == set(expected)
        for row in table.to_dict("records"):
            assert row["score"] == pytest.approx(expected[row["group"]], abs=0.005 + 1e-9)
            # competition rank: one plus the number of groups with a strictly higher (two-decimal) average
            higher = sum(1 for other in table["score"] if other > row["score"])
            assert row["rank"] == 1 + higher
            assert row["countries"] == sum(1 for r in rows if r[level.capitalize()].strip() == row["group"])
        assert list(table["rank"]) == sorted(table["rank"]) and set(table["size"]) == {len(expected)}


def test_members_are_listed_highest_score_first(index):
    table = regions.ranking(index, index.latest, "criminality", "region").set_index("group")
    members = table.loc["South America", "members"]
    wide = index.wide(index.latest).set_index("country")
    scores = [wide.loc[name, "criminality"] for name in members]
    assert scores == sorted(scores, reverse=True) and "Peru" in members


def test_change_only_for_groups_of_the_same_name_and_members(index, sheets):
    for edition in index.editions[1:]:
        previous = index.previous_edition(edition)
        table = regions.ranking(index, edition, "criminality", "region").set_index("group")
        members = {e: defaultdict(set) for e in (edition, previous)}
        for e in (edition, previous):
            for row in sheets[e]:
                # spellings differ by edition ('Congo, Dem, Rep,' and 'Congo, Dem. Rep.'): compare letters only
                members[e][row["Region"].strip()].add(re.sub(r"[^a-z]", "", row["Country"].lower()))
        for group, row in table.iterrows():
            if group not in members[previous]:
                assert row["change"] != row["change"] and "no region of this name" in row["note"]
            elif members[edition][group] != members[previous][group]:
                assert row["change"] != row["change"] and "member countries differ" in row["note"]
            else:
                before = group_means(sheets[previous], "region", "criminality")[group]
                assert row["change"] == pytest.approx(row["score"] - round(before + 1e-9, 2), abs=1e-9)
                assert row["note"] == ""
    # The edition that merges the Caribbean and Central America has no change for the merged region.
    merged = [e for e in index.editions[1:] if "Central America" not in set(index.wide(e)["region"])]
    for edition in merged:
        table = regions.ranking(index, edition, "criminality", "region")
        assert table["change"].isna().sum() >= 1


def test_the_first_edition_and_new_indicators_say_why_there_is_no_change(index):
    first = regions.ranking(index, index.editions[0], "criminality", "continent")
    assert first["change"].isna().all() and set(first["note"]) == {"first edition loaded"}
    added = {i.slug for i in index.indicators(index.editions[1])} - {i.slug for i in index.indicators(index.editions[0])}
    for slug in added:
        table = regions.ranking(index, index.editions[1], slug, "continent")
        assert table["change"].isna().all() and set(table["note"]) == {f"not assessed in {index.editions[0]}"}


def test_a_country_s_standing_names_its_region_and_place(index):
    edition = index.latest
    peru = index.wide(edition).loc["PER"]
    standing = regions.standing(index, edition, "PER", "criminality")
    table = regions.ranking(index, edition, "criminality", "region").set_index("group")
    assert standing.group == peru["region"] and standing.rank == table.loc[peru["region"], "rank"]
    assert standing.size == index.wide(edition)["region"].nunique()


def test_averages_cover_every_indicator_of_the_edition(index):
    for edition in index.editions:
        table = regions.averages(index, edition, "continent")
        assert list(table.columns) == [i.slug for i in index.indicators(edition)]
        assert table.notna().all().all()


@pytest.mark.parametrize("args, message", [
    ((1999, "criminality", "region"), "not loaded"),
    (("latest", "nonsense", "region"), "not assessed"),
    (("latest", "criminality", "planet"), "unknown level"),
])
def test_bad_requests_raise_a_clear_error(index, args, message):
    edition = index.latest if args[0] == "latest" else args[0]
    with pytest.raises(ValueError, match=message):
        regions.ranking(index, edition, *args[1:])

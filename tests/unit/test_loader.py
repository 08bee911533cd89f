"""The workbook as loaded equals the workbook as published: every score, every country, every edition."""

from __future__ import annotations

import math
import re

import openpyxl
import pandas as pd
import pytest

from ocindex.catalogue import column_slug
from ocindex.countries import to_iso3

from ..conftest import SEEDS


def raw_sheets(path):
    """The dataset sheets as pandas reads them, independently of the loader."""
    sheets = pd.read_excel(path, sheet_name=None)
    return {int(name[:4]): frame for name, frame in sheets.items() if re.fullmatch(r"\d{4}_dataset", name)}


def test_every_score_of_every_country_indicator_and_edition_equals_the_workbook(workbook, index):
    loaded = index.tidy.set_index(["edition", "iso3", "indicator"])["score"]
    compared = 0
    for edition, frame in raw_sheets(workbook).items():
        for _, row in frame.iterrows():
            iso3 = to_iso3(row["Country"])
            for column in frame.columns[3:]:
                assert loaded[(edition, iso3, column_slug(column))] == row[column], (edition, iso3, column)
                compared += 1
    assert compared == len(index.tidy)


def test_every_edition_sheet_is_loaded_with_193_countries_each_matched_to_iso3(index, workbook_editions):
    assert list(index.editions) == workbook_editions and len(workbook_editions) >= 3
    per_edition = index.tidy.groupby("edition")["iso3"].nunique()
    assert per_edition.to_dict() == {edition: 193 for edition in workbook_editions}
    assert index.tidy["iso3"].str.fullmatch(r"[A-Z]{3}").all()


def test_the_same_country_gets_the_same_code_in_every_edition(workbook):
    names = {edition: set(frame["Country"]) for edition, frame in raw_sheets(workbook).items()}
    codes = {edition: {to_iso3(n) for n in ns} for edition, ns in names.items()}
    assert codes[2021] == codes[2023]
    # Spellings that differ between editions land on one code.
    assert to_iso3("Congo, Dem, Rep,") == to_iso3("Congo, Dem. Rep.") == "COD"
    assert to_iso3("St, Lucia") == to_iso3("St. Lucia") == "LCA"
    assert to_iso3("eSwatini") == to_iso3("Eswatini") == "SWZ"
    assert to_iso3("Korea, Rep,") == "KOR" and to_iso3("Korea, DPR") == "PRK"


def test_region_names_are_trimmed(index):
    assert not index.tidy["region"].str.match(r"^\s|.*\s$").any()
    assert "Caribbean" in set(index.edition_table(2021)["region"])


def test_indicators_follow_the_editions_methodology(index):
    in_2021 = {i.slug for i in index.indicators(2021)}
    in_2023 = {i.slug for i in index.indicators(2023)}
    assert len(in_2021) == 4 + 10 + 4 + 12
    assert len(in_2023) == 4 + 15 + 5 + 12
    assert in_2023 - in_2021 == {
        "cyber-dependent-crimes", "financial-crimes", "trade-in-counterfeit-goods",
        "illicit-trade-in-excisable-goods", "extortion-and-protection-racketeering", "private-sector-actors",
    }


def seed_ranks():
    """The ranks printed on Peru's 2021 profile (seed 000), e.g. '26th of 193 countries'."""
    text = (SEEDS / "000_3ac577c9c8dca770.txt").read_text(encoding="utf-8")
    found = {}
    for score, label, block in re.findall(
        r"(\d+\.\d\d)\s*\n(CRIMINALITY|RESILIENCE) SCORE\s*\n\s*\n((?:\d+\w\w of \d+ [^\n]+\n){3})", text
    ):
        ranks = re.findall(r"(\d+)\w\w of (\d+)", block)
        found[label.lower()] = (float(score), [(int(r), int(n)) for r, n in ranks])
    return found


def test_peru_2021_ranks_reproduce_its_published_profile(index):
    published = seed_ranks()
    assert set(published) == {"criminality", "resilience"}
    rows = index.edition_table(2021).set_index(["iso3", "indicator"])
    for indicator, (score, ranks) in published.items():
        row = rows.loc[("PER", indicator)]
        assert row["score"] == score
        assert [(row["rank_global"], row["n_global"]), (row["rank_continent"], row["n_continent"]),
                (row["rank_region"], row["n_region"])] == ranks


def test_peru_2023_criminality_is_32nd_of_193(index):
    row = index.edition_table(2023).set_index(["iso3", "indicator"]).loc[("PER", "criminality")]
    assert (row["rank_global"], row["n_global"]) == (32, 193)


def test_ranks_equal_an_independent_count_of_better_scores(index):
    # Competition ranking: one plus the number of countries with a strictly higher published score.
    for (edition, indicator), group in index.tidy.groupby(["edition", "indicator"]):
        scores = group["score"].round(2).to_numpy()
        expected = [1 + int((scores > s).sum()) for s in scores]
        assert group["rank_global"].tolist() == expected, (edition, indicator)


def test_change_is_the_difference_with_the_previous_edition_and_new_indicators_have_none(index):
    table = index.tidy.set_index(["edition", "iso3", "indicator"])
    assert table.loc[(2023, "PER", "criminality"), "change"] == pytest.approx(6.40 - 6.35)
    assert math.isnan(table.loc[(2023, "PER", "financial-crimes"), "change"])
    assert index.edition_table(2021)["change"].isna().all()


def test_a_later_release_with_a_new_sheet_loads_without_code_change(tmp_path, workbook, workbook_editions):
    """A next edition, with the composites named the way an earlier release named them, loads as it stands."""
    from ocindex.index import load_index

    latest, later = workbook_editions[-1], workbook_editions[-1] + 2
    book = openpyxl.load_workbook(workbook)
    copy = book.copy_worksheet(book[f"{latest}_dataset"])
    copy.title = f"{later}_dataset"
    for cell in copy[1]:
        if cell.value == "Criminality avg.":
            cell.value = "Criminality avg,"
    path = tmp_path / "global_oc_index.xlsx"
    book.save(path)
    data = load_index(path)
    assert list(data.editions) == [*workbook_editions, later]
    published = raw_sheets(workbook)[latest].set_index("Country").loc["Peru"].filter(like="Criminality").iloc[0]
    row = data.edition_table(later).set_index(["iso3", "indicator"]).loc[("PER", "criminality")]
    assert row["score"] == published and row["change"] == 0

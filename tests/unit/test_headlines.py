"""Each briefing view's finding, checked against the workbook read independently with openpyxl."""

from __future__ import annotations

import pytest

from ocindex import headlines

from .sheets import competition_rank, composite, country, group_means, read_sheets


@pytest.fixture(scope="module")
def sheets(workbook):
    return read_sheets(workbook)


def _published(sheets, edition: int, name: str, what: str) -> tuple[float, int]:
    rows = sheets[edition]
    score = composite(country(rows, name), what)
    return score, competition_rank(score, [composite(r, what) for r in rows])


def test_position_states_change_and_ranks_of_every_edition(index, sheets):
    editions = sorted(sheets)
    for n, edition in enumerate(editions):
        crime, crime_rank = _published(sheets, edition, "Peru", "criminality")
        rows = sheets[edition]
        peru = country(rows, "Peru")
        region = [r for r in rows if r["Region"].strip() == peru["Region"].strip()]
        resilience = composite(peru, "resilience")
        region_rank = competition_rank(resilience, [composite(r, "resilience") for r in region])
        text = headlines.position(index, edition, "PER")
        if n == 0:
            assert text.startswith(f"Peru: criminality {crime:.2f} ({crime_rank}")
        else:
            before = composite(country(sheets[editions[n - 1]], "Peru"), "criminality")
            direction = "up" if crime > before else "down"
            assert text.startswith(f"Peru: criminality {direction} {abs(crime - before):.2f} to {crime:.2f} "
                                   f"({crime_rank}")
        assert f"{resilience:.2f} ({region_rank}" in text and f"of {len(region)} in South America)" in text
        assert text.endswith("resilience.") and "because" not in text


def test_the_example_of_the_brief_reads_as_published(index):
    # GI-TOC's 2025 figures for Peru (shared/data/README.md): criminality 6.62, 31st of 193; resilience 4.46.
    if 2025 not in index.editions:
        pytest.skip("the workbook has no 2025 edition")
    assert headlines.position(index, 2025, "PER").startswith("Peru: criminality up 0.22 to 6.62 (31st of 193); "
                                                               "resilience up 0.08 to 4.46 (")


def test_path_lists_every_edition_s_score(index, sheets):
    latest = max(sheets)
    scores = [composite(country(sheets[e], "Colombia"), "criminality") for e in sorted(sheets)]
    text = headlines.path(index, latest, "COL")
    assert " → ".join(f"{s:.2f}" for s in scores) in text
    assert text.startswith(f"Colombia, {min(sheets)} to {latest}: criminality")


def test_region_states_the_region_s_rank_among_regions(index, sheets):
    latest = max(sheets)
    means = group_means(sheets[latest], "region", "criminality")
    rank = competition_rank(means["South America"], list(means.values()))
    text = headlines.region(index, latest, "PER")
    assert text.startswith(f"South America: {rank}")
    assert f"of {len(means)} regions on criminality" in text and f"{round(means['South America'] + 1e-9, 2):.2f}" in text


def test_world_map_names_the_three_highest(index, sheets):
    latest = max(sheets)
    rows = sorted(sheets[latest], key=lambda r: -composite(r, "criminality"))
    text = headlines.world_map(index, latest, "PER")
    assert f"{composite(rows[0], 'criminality'):.2f}" in text.split("highest")[1]


def test_markets_name_the_highest_and_count_those_above_the_region_mean(index):
    latest = index.latest
    text = headlines.against_means(index, latest, "PER", "criminal-markets")
    markets = [i for i in index.indicators(latest) if i.component == "criminal markets" and not i.is_composite]
    assert f" of {len(markets)} criminal markets above the South America mean; highest " in text
    resilience = headlines.against_means(index, latest, "PER", "resilience")
    assert "resilience indicators above the South America mean; weakest " in resilience


def test_standouts_are_the_indicators_furthest_from_both_means(index):
    rows = headlines.standouts(index, index.latest, "PER", 36)
    distance = ((rows["vs_region"].abs() + rows["vs_world"].abs()) / 2).tolist()
    assert distance == sorted(distance, reverse=True)
    assert not set(rows["indicator"]) & {"criminality", "resilience", "criminal-markets", "criminal-actors"}


@pytest.mark.parametrize("iso3", ["PER", "COL", "TUV", "USA", "NZL"])
def test_every_headline_fits_three_slide_lines(index, iso3):
    """At 24 pt a slide line holds about 75 characters; the headline box has room for three."""
    for edition in index.editions:
        for text in (headlines.position(index, edition, iso3), headlines.path(index, edition, iso3),
                     headlines.standout(index, edition, iso3), headlines.world_map(index, edition, iso3),
                     headlines.region(index, edition, iso3),
                     headlines.against_means(index, edition, iso3, "criminal-markets"),
                     headlines.against_means(index, edition, iso3, "resilience")):
            assert len(text) <= 200, text

"""URL state classes: values read from the URL with notices, checked from controls, written back; the controls a
page's callbacks listen to."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from dash import Input, State
from dash.exceptions import PreventUpdate

from components.registry import Page
from components.urlstate import Countries, Country, Edition, Indicator, Kind, PageState, at_most, param, path_pattern


@dataclass(frozen=True)
class PairState(PageState):  # no name: not a page of the app
    before: int = param(Edition(), key="from")
    after: int = param(Edition(), key="to")
    country: str | None = param(Country(edition="after"), default=None)


def test_a_country_can_belong_to_an_edition_other_than_the_field_named_edition(index):
    first, latest = index.editions[0], index.latest
    state, notices = PairState.from_query(f"?from={first}&to={latest}&country=per", index)
    assert (state.before, state.after, state.country, notices) == (first, latest, "PER", [])
    _, notices = PairState.from_query(f"?from={first}&to={latest}&country=XYZ", index)
    assert notices == [f"Country 'XYZ' is not in the {latest} edition (use an ISO3 code such as PER)."]
    assert PairState.from_controls(index, before=first, after=latest, country="PER").country == "PER"
    with pytest.raises(PreventUpdate):
        PairState.from_controls(index, before=first, after=latest, country="XYZ")


def non_composites(data, values):
    return [i.slug for i in data.indicators(values["edition"]) if not i.is_composite]


@dataclass(frozen=True)
class PathState(PageState):  # no name: not a page of the app
    edition: int = param(Edition(), always=True)
    along: str | None = param(Indicator(non_composites, "the path shows the composites"), key="path")


def test_an_optional_indicator_is_read_checked_and_written(index):
    state, notices = PathState.from_query("?edition=2023&path=cocaine-trade", index)
    assert (state.along, notices) == ("cocaine-trade", [])
    assert state.to_query() == "?edition=2023&path=cocaine-trade"
    assert PathState.from_query("?edition=2023", index) == (PathState(2023, None), [])
    state, notices = PathState.from_query("?edition=2023&path=criminality", index)  # a composite is not one of these
    assert state.along is None and notices == ["Indicator 'criminality' is unknown; the path shows the composites."]
    assert PathState.from_controls(index, edition=2023, along=None).along is None
    assert PathState.from_controls(index, edition=2023, along="cocaine-trade").along == "cocaine-trade"
    for sent in ("criminality", 3, ["cocaine-trade"], "<b>"):
        with pytest.raises(PreventUpdate):
            PathState.from_controls(index, edition=2023, along=sent)


def test_a_callback_can_listen_to_some_controls_and_read_others():
    page = Page(state=PathState, layout=lambda *a: None, title=lambda *a: "",
                controls={"edition": ("x-edition", "value"), "along": ("x-path", "value")})
    assert page.inputs() == {"edition": Input("x-edition", "value"), "along": Input("x-path", "value")}
    assert page.inputs("along", state=("edition",)) == {"edition": State("x-edition", "value"),
                                                        "along": Input("x-path", "value")}
    assert page.inputs(kind=State) == {"edition": State("x-edition", "value"), "along": State("x-path", "value")}


@dataclass(frozen=True)
class Positions(Kind):
    """Several controls (sliders) read as a whole: each value at its position, repeated values kept."""

    many = True

    def check_many(self, value, data, values):
        if not isinstance(value, list) or not all(isinstance(v, int) for v in value):
            raise PreventUpdate
        return tuple(f"{position}:{v}" for position, v in enumerate(value))


@dataclass(frozen=True)
class SlidersState(PageState):
    edition: int = param(Edition())
    countries: tuple[str, ...] = param(Countries(), default=())
    sliders: tuple[str, ...] = param(Positions(), default=())


def test_several_values_from_controls_are_checked_each_or_as_a_whole(index):
    state = SlidersState.from_controls(index, edition=index.latest, countries=["PER", "COL", "PER"], sliders=[2, 2])
    assert (state.countries, state.sliders) == (("PER", "COL"), ("0:2", "1:2"))
    assert SlidersState.from_controls(index, edition=index.latest, countries=None).countries == ()
    for countries in ("PER", ["PER", {"not": "hashable"}], ["PER", "XYZ"]):
        with pytest.raises(PreventUpdate):
            SlidersState.from_controls(index, edition=index.latest, countries=countries)
    with pytest.raises(PreventUpdate):
        SlidersState.from_controls(index, edition=index.latest, sliders=[1, "2"])


def test_at_most_keeps_the_first_values_and_says_which():
    values = {"countries": ("PER", "COL", "MEX")}
    assert at_most(values, "countries", 3, "kept {kept}") == [] and values["countries"] == ("PER", "COL", "MEX")
    assert at_most(values, "countries", 2, "At most 2: kept {kept}.") == ["At most 2: kept PER, COL."]
    assert values["countries"] == ("PER", "COL")


def test_the_url_follows_the_controls_but_not_when_it_holds_their_view_already(app_instance, index):
    from components import compare
    from components.registry import sync_url

    store = app_instance.server.config["OCINDEX_STORE"]
    opened = {"edition": index.latest, "countries": ["PER", "COL", "MEX"], "pillar": "all"}
    with pytest.raises(PreventUpdate):  # the page was just opened from this URL: no second history entry
        sync_url(app_instance, store, compare.PAGE, opened, "/compare", "")
    changed = {**opened, "countries": ["PER", "COL"]}
    assert sync_url(app_instance, store, compare.PAGE, changed, "/compare", "") == (
        f"?edition={index.latest}&countries=PER,COL", "Peru, Colombia — Compare countries — OC Index Explorer")
    with pytest.raises(PreventUpdate):  # a link has left the page already
        sync_url(app_instance, store, compare.PAGE, changed, "/country/PER", "?edition=2023")


@dataclass(frozen=True)
class Text(Kind):
    many = True
    unique = False

    def parse(self, raw, data, values):
        if raw.strip():
            return raw
        raise ValueError("An empty item: left out.")


@dataclass(frozen=True)
class PairsState(PageState):
    items: tuple[str, ...] = param(Text(), key="item", default=())


def test_a_list_whose_positions_matter_keeps_every_value_in_order(index):
    state, notices = PairsState.from_query("?item=/a&item=/b&item=/a&item=+", index)
    assert state.items == ("/a", "/b", "/a") and notices == ["An empty item: left out."]
    assert state.to_query() == "?item=%2Fa&item=%2Fb&item=%2Fa"


@pytest.mark.parametrize("raw", ["²", "¹²", "２０２１", "٢٠٢١", " 2021", "-1", ""])
def test_a_number_in_the_url_is_ascii_digits_and_anything_else_is_said_as_not_fitting(index, raw):
    state, notices = PathState.from_query({"edition": [raw]}, index)
    assert state.edition == index.latest
    assert notices == [f"Edition '{raw}' is not available here; showing {index.latest}. "
                       f"Available: {', '.join(map(str, index.editions))}."]


def test_a_path_template_is_literal_but_for_its_parameters():
    pattern = path_pattern("/v1.0/<slug>/of/<iso3>")
    assert re.fullmatch(pattern, "/v1.0/drugs/of/PER").groupdict() == {"slug": "drugs", "iso3": "PER"}
    for path in ("/v1x0/drugs/of/PER", "/v1.0/drugs/of/PER/x", "/v1.0//of/PER"):
        assert re.fullmatch(pattern, path) is None


def test_a_value_given_twice_says_which_counts(index):
    first, latest = index.editions[0], index.latest
    state, notices = PathState.from_query(f"?edition={first}&edition={latest}", index)
    assert state.edition == latest
    assert notices == ["'edition' is given 2 times: the last one counts."]
    state, notices = PathState.from_query(f"?edition={latest}&edition=1999", index)  # the last one, though wrong
    assert notices[0] == "'edition' is given 2 times: the last one counts." and "1999" in notices[1]


def test_a_setting_the_page_does_not_read_is_said_to_be_ignored(index):
    """A misspelt link ('edtion') showed the latest edition with no word of why."""
    state, notices = PathState.from_query(f"?edtion={index.editions[0]}", index)
    assert state == PathState.from_query("", index)[0]
    assert notices == ["'edtion' is not a setting of this page, and ignored (it reads edition, path)."]
    assert PathState.from_query("?utm_source=newsletter&fbclid=x1", index)[1] == []  # what sites add to links
    _, notices = PathState.from_query("?a=1&b=2&c=3&" + "d" * 200 + "=4", index)
    assert notices[0].startswith("'a', 'b', 'c' and 1 more are not settings") and "d" * 40 not in notices[0]

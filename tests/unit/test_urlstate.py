"""URL state classes: values read from the URL with notices, checked from controls, written back."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from dash.exceptions import PreventUpdate

from components.urlstate import Country, Edition, PageState, param


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

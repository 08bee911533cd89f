"""Every page opens, and every callback it fires on load answers, for every edition of the shared workbook and
for a workbook with a later edition that adds an indicator the catalogue does not describe yet."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from app import create_app
from components import ids
from components.pages import PAGES
from components.registry import _with_ids, find, render
from ocindex import likeforlike
from ocindex.drilldown import pillars
from ocindex.settings import Settings
from ocindex.store import DataStore
from tests import callbacks
from tests.fourth_edition import NEW_MARKET, NEW_SLUG, write_fourth_edition
from tests.page_walk import open_page


def views(data, edition: int, indicators: list[str]) -> list[tuple[str, str]]:
    before, after = likeforlike.pairs(data)[-1]
    return [
        ("/", f"?edition={edition}&country=PER&movement=1"),
        ("/", f"?edition={edition}&scores=like-for-like&country=PER&since={data.editions[0]}"),
        ("/country/PER", f"?edition={edition}&path={indicators[-1]}"),
        ("/country/MEX", f"?edition={edition}"),
        *[("/indicator/" + slug, f"?edition={edition}&country=PER&by=region") for slug in indicators],
        *[(f"/pillar/{slug}", f"?edition={edition}&country=PER") for slug in pillars(data)],
        ("/brief/PER", f"?edition={edition}"),
        ("/compare", f"?edition={edition}&countries=PER,COL,MEX"),
        ("/deck", f"?edition={edition}&countries=PER"),
        ("/change", ""),
        ("/change", f"?from={before}&to={after}&country=PER&composite=criminal-markets"),
        ("/similar/PER", f"?edition={edition}"),
        ("/weights", f"?edition={edition}"),
        ("/regions", f"?edition={edition}"),
        ("/search", "?q=cocaine"),
        ("/briefing", "?" + urlencode({"view": f"/country/PER?edition={edition}", "title": "Peru"})),
    ]


def test_every_registered_page_is_among_the_views(index):
    """A page added to the registry is opened here too, or this test says which is missing."""
    opened = {found[0].name for path, _ in views(index, index.latest, ["criminality"])
              if (found := find(PAGES, path)) is not None}
    assert opened == {page.name for page in PAGES}


def open_every_page(data_dir, indicators_of) -> dict:
    store = DataStore(data_dir)
    app = create_app(Settings(data_dir=data_dir), store)
    app.server.test_client().get("/")  # Dash adds its own callbacks on the first request
    answered = {}
    for edition in store.index.editions:
        for path, search in views(store.index, edition, indicators_of(store.index, edition)):
            answered[path + search] = open_page(app, store, path, search)
    return {"app": app, "store": store, "answered": answered}


def test_every_page_of_every_edition_opens_and_answers(workbook):
    opened = open_every_page(workbook.parent, lambda data, e: ["criminality", "resilience", "cocaine-trade"])
    assert all(opened["answered"].values())  # every page fired callbacks, and none failed
    assert all(f"{ids.SHELL.PAGE}.children" in fired for fired in opened["answered"].values())


@pytest.fixture(scope="module")
def fourth(tmp_path_factory, workbook):
    folder = tmp_path_factory.mktemp("fourth")
    edition = write_fourth_edition(workbook, folder / "global_oc_index.xlsx")
    return folder, edition


def test_every_page_works_on_a_later_edition_with_a_new_indicator(fourth):
    folder, edition = fourth

    def indicators(data, e):
        return ["criminal-markets", "cocaine-trade"] + ([NEW_SLUG] if e == edition else [])

    opened = open_every_page(folder, indicators)
    assert opened["store"].index.latest == edition
    assert all(opened["answered"].values())
    client = opened["app"].server.test_client()

    # The new market is shown with its workbook label and "no definition yet" where a definition would be.
    page = callbacks.post(client, callbacks.page_body(f"/indicator/{NEW_SLUG}"))
    text = page.get_data(as_text=True)
    assert NEW_MARKET in text and "No definition yet" in text
    csv = client.get(f"/api/scores.csv?edition={edition}").get_data(as_text=True)
    assert f",{NEW_SLUG},{NEW_MARKET},criminal markets," in csv
    assert client.get(f"/api/scores.csv?edition={opened['store'].index.previous_edition(edition)}").get_data(
        as_text=True).count(NEW_SLUG) == 0


def _output_ids(app) -> set[str]:
    """The component of each output of every callback, as Dash names it."""
    found = set()
    for callback in app._callback_list:
        output = callback["output"]
        for part in output.strip(".").split("...") if output.startswith("..") else [output]:
            found.add(part.rsplit(".", 1)[0])
    return found


def test_no_callback_sets_a_prop_of_a_component_mounted_after_the_first_paint(app_instance, index):
    """A component that deferred.mount_later draws after the first paint is not there before: a callback that set one
    of its props then (a control changed at once) would be lost, and the component drawn later would show the page's
    first values. Callbacks replace the holder's children instead."""
    store = app_instance.server.config["OCINDEX_STORE"]
    outputs = _output_ids(app_instance)
    mounted_later = set()
    for path, search in views(index, index.latest, ["criminality"]):
        page, groups = find(PAGES, path)
        deferred_store = render(app_instance, store, page, groups, search)[2]
        for props in deferred_store.data.values():
            mounted_later |= {callbacks.component_name(c.id) for c in _with_ids(props.get("children"))}
    assert ids.COMPARE.TABLE in mounted_later
    assert mounted_later.isdisjoint(outputs), mounted_later & outputs

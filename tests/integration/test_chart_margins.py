"""Charts of labelled rows ask for the left margin their labels take (figures.style.label_room), on a desktop, on a
phone and on a projector, so that Plotly draws each of them once instead of drawing, measuring and drawing again."""

from __future__ import annotations

import pytest
from dash.testing import errors
from dash.testing.wait import until

from figures.style import LABEL_GAP, PROJECTOR_SCALE

from .test_accessibility import settled
from .test_narrow_screens import resize

VIEWS = ["/compare?countries=PER,COL", "/country/PER", "/regions", "/pillar/resilience?country=PER",
         "/indicator/cocaine-trade?by=region"]

# Charts of labelled rows whose left margin does not fit their labels: too narrow (Plotly widened it and drew the chart again) or
# wider than the widest label needs, by more than the estimate's allowance (figures.style.label_room).
MISFITS = """
const [gap, allowance] = arguments;
return [...document.querySelectorAll('.js-plotly-plot')].filter(gd => (gd._fullLayout.yaxis || {}).type === 'category').map(gd => {
    const asked = gd._fullLayout.margin.l, took = gd._fullLayout._size.l;
    const widest = Math.max(...[...gd.querySelectorAll('.ytick text')].map(t => t.getBBox().width));
    const name = gd.closest('.dash-graph').id;
    if (took > asked) return `${name}: asked ${asked} px, took ${took} px`;
    if (asked > (widest + gap) * allowance) return `${name}: asked ${asked} px for labels ${Math.round(widest)} px wide`;
}).filter(Boolean);
"""
ALLOWANCE = 1.12  # DejaVu Sans's widest width of each kind of character: about 7% over on these labels

ALL_DRAWN = "return [...document.querySelectorAll('.dash-graph')].every(g => g.querySelector('.main-svg'))"


def each_view_drawn(duo, width: int, present: str):
    """Opens each of VIEWS at `width` (on a projector with present="#present"), yielding it once its charts are
    drawn."""
    base = duo.server.url.rstrip("/")
    resize(duo, width)
    for view in VIEWS:
        duo.driver.get(base + view + present)
        settled(duo)
        until(lambda: duo.driver.execute_script(ALL_DRAWN), timeout=10)
        yield view


@pytest.mark.parametrize("width, present", [(1400, ""), (390, ""), (1400, "#present")])
def test_m001_labelled_rows_get_their_margin_up_front(start, width, present):
    duo = start("/regions")
    misfits = []
    for view in each_view_drawn(duo, width, present):
        # On a phone, assets/a11y.js lays the charts out again for the narrow screen first.
        gap = LABEL_GAP * (PROJECTOR_SCALE if present else 1)
        try:
            until(lambda: not duo.driver.execute_script(MISFITS, gap, ALLOWANCE), timeout=3)
        except errors.TestingTimeoutError:  # the charts that still misfit are listed below
            misfits += [f"{view}{present} at {width} px: {chart}"
                        for chart in duo.driver.execute_script(MISFITS, gap, ALLOWANCE)]
    assert not misfits, "\n".join(misfits)
    assert duo.get_logs() == []


# Charts whose plot area is less than `share` of their width: squeezed by their labels (or legend).
SQUEEZED = """
const share = arguments[0];
return [...document.querySelectorAll('.js-plotly-plot')].map(gd => [gd.closest('.dash-graph').id, gd._fullLayout])
    .filter(([, layout]) => layout._size.w < share * layout.width)
    .map(([id, layout]) => `${id}: plot ${Math.round(layout._size.w)} of ${layout.width} px`);
"""


def test_m002_on_a_projector_no_chart_is_squeezed_by_its_labels(start):
    duo = start("/regions")
    squeezed = []
    for view in each_view_drawn(duo, 1400, "#present"):
        squeezed += [f"{view}: {chart}" for chart in duo.driver.execute_script(SQUEEZED, 0.3)]
    assert not squeezed, "\n".join(squeezed)
    assert duo.get_logs() == []

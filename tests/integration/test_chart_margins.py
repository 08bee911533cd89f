"""Charts of labelled rows ask for the left margin their labels take (figures.style.label_room), on a desktop, on a
phone and on a projector, so that Plotly draws each of them once instead of drawing, measuring and drawing again."""

from __future__ import annotations

import pytest
from dash.testing.wait import until
from selenium.common.exceptions import TimeoutException

from .test_accessibility import settled
from .test_narrow_screens import resize

VIEWS = ["/compare?countries=PER,COL", "/country/PER", "/regions", "/pillar/resilience?country=PER",
         "/indicator/cocaine-trade?by=region"]

# Charts whose labels took more room than the margin asked for: Plotly widened the margin and drew them again.
WIDENED = """
return [...document.querySelectorAll('.js-plotly-plot')].filter(gd => gd._fullLayout && gd._fullLayout._size)
    .filter(gd => gd._fullLayout._size.l > gd._fullLayout.margin.l)
    .map(gd => gd.closest('.dash-graph').id + ': asked ' + gd._fullLayout.margin.l + ' px, took '
               + gd._fullLayout._size.l + ' px');
"""


@pytest.mark.parametrize("width, present", [(1400, ""), (390, ""), (1400, "#present")])
def test_m001_labelled_rows_get_their_margin_up_front(start, width, present):
    duo = start("/regions")
    base = duo.server.url.rstrip("/")
    resize(duo, width)
    widened = []
    for view in VIEWS:
        duo.driver.get(base + view + present)
        settled(duo)
        duo.wait_for_element(".js-plotly-plot .ytick", timeout=10)
        try:  # on a phone, assets/a11y.js lays the chart out again for the narrow screen first
            until(lambda: not duo.driver.execute_script(WIDENED), timeout=3)
        except TimeoutException:
            widened += [f"{view}{present} at {width} px: {chart}" for chart in duo.driver.execute_script(WIDENED)]
    assert not widened, "\n".join(widened)
    assert duo.get_logs() == []

"""How fast each main view is drawn in a real browser, against the floor: a bare Dash page with one scatter.

    flock /tmp/ocindex-browser.lock python benchmarks/browser.py [--app-dir DIR] [--record benchmarks/traffic.json]

Serves the app (`python app.py`, the development server, from --app-dir: this checkout by default, or another
checkout to compare) and a bare Dash page with one 193-point scatter fed by one callback, each on a free loopback
port, and drives headless Chromium (selenium with /usr/bin/chromedriver, as the browser tests do):

- for each view, the time from navigation until every chart in the viewport has its data drawn (each trace: a
  map's countries, not only its frame) and every grid in the viewport has rows, with no callback pending: the
  median of 5 rounds, each loading every view (the floor among them) twice in a row and timing the second load
  (warm caches; a slow spell of the machine slows all alike); its "x floor" is the median of the rounds' ratios to
  the floor loaded in the same round, beside their quartiles (how far one run can be trusted); what a page draws
  after the first paint, below the fold, is not waited for (components/deferred.py);
- a second reference, "floor+grid": the floor's page with one AG Grid of 193 rows beside the scatter, in view, as
  the ranking stands beside the indicator's map (AG Grid's own theme, whose rows are taller than ours: it draws some
  10 rows where ours draw 15): about what a view with a grid in its first screen costs before any content of its
  own;
- the JSON the view's callbacks sent on its first load (`_dash-layout` and `_dash-update-component` responses,
  from the browser's resource timing) and the largest single callback response;
- the edition switch of the quadrant and of the indicator page: from the click on another edition until the chart
  (the map) shows the new data, and until the page has settled (every answer drawn): in each of the 5 rounds, the
  floor's and each view's page opened and switched twice, the second timed; the median, and the median of the
  rounds' ratios to the floor's switch of the same round, with their quartiles.

With --record FILE, the callback requests the browser sent (its fetch calls, watched in the page) and the code it
rechecked (loaded by addresses without a version) are written as JSON, view by view, for benchmarks/loadtest.py to
replay, with those of two changes made on a page already open ("on_page"): the quadrant's edition switch, and a
country picked from its lists (which asks the server, as any change but the edition does). Traffic goes to
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import free_port  # noqa: E402
from ocindex.datadir import find_data_dir  # noqa: E402

# Views: path, the elements that must be drawn (the view's own content, so that an empty page never counts as
# ready, and the grids in its first screen, whose code loads on demand: until it has, nothing of them is on the page
# to wait for), and the edition control and chart of the switch measured there, if any.
VIEWS = [
    ("quadrant", "/", ("#quadrant-graph .main-svg",)),
    ("indicator", "/indicator/cocaine-trade", ("#indicator-map .main-svg", "#indicator-ranking .ag-row")),
    ("country", "/country/PER", ("#country-dots .main-svg",)),
    ("pillar", "/pillar/resilience?country=PER", ("#pillar-table .ag-row",)),
    ("compare", "/compare", ("#compare-dots .main-svg",)),
    ("change", "/change", ("#change-graph .main-svg",)),
    ("regions", "/regions", ("#regions-graph .main-svg", "#regions-table .ag-row")),
    ("weights", "/weights", ("#weights-table .ag-row",)),
]
FLOOR = ("floor", "/", ("#graph .main-svg",))
GRID_FLOOR = ("floor+grid", "/", ("#graph .main-svg", "#floor-grid .ag-row"))
SWITCHES = {"quadrant": ("#quadrant-edition", "#quadrant-graph"), "indicator": ("#indicator-edition", "#indicator-map"),
            "floor": ("#edition", "#graph")}

# Resolves with the ms since navigation once the view is drawn: every one of `selectors` present, every Plotly chart
# in the viewport has data and each of its traces drawn, every grid in the viewport has rows, no Dash callback
# pending.
READY = """
const [selectors, done] = arguments;
const inView = e => { const r = e.getBoundingClientRect();
                      return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0; };
function ready() {
    if (selectors.some(s => !document.querySelector(s)) || document.querySelector('[data-dash-is-loading="true"]'))
        return false;
    for (const holder of document.querySelectorAll('.dash-graph')) {
        if (!inView(holder)) continue;
        const plot = holder.querySelector('.js-plotly-plot');
        if (!plot || !plot.data || !plot.data.length || !plot.querySelector('.main-svg')) return false;
        // Every trace drawn: a map's frame is there before its countries, drawn once its outlines have loaded. (As
        // Plotly has them: a trace without points is not shown, and has nothing to draw.)
        if (!plot._fullData) return false;
        const shown = plot._fullData.filter(t => t.visible === true && t._length !== 0).length;
        if (plot.querySelectorAll('g.trace').length < shown) return false;
    }
    for (const grid of document.querySelectorAll('.ag-root-wrapper')) {
        if (inView(grid) && !grid.querySelector('.ag-row') && !grid.querySelector('.ag-overlay-no-rows-center'))
            return false;
    }
    return true;
}
(function poll() { if (ready()) done(performance.now()); else setTimeout(poll, 5); })();
"""

# Clicks another edition and resolves with [ms until the chart shows different data, ms until the page has also
# settled: no callback request in flight (counted from the page's fetch calls) and no output pending].
SWITCH = """
const [radios, graph, done] = arguments;
if (window.__ocInFlight === undefined) {
    window.__ocInFlight = 0;
    const send = window.fetch;
    window.fetch = function () {
        window.__ocInFlight++;
        return send.apply(this, arguments).finally(() => { window.__ocInFlight--; });
    };
}
const plot = () => document.querySelector(graph + ' .js-plotly-plot');
const shape = p => JSON.stringify(p.data.map(t => [t.x, t.y, t.z, t.locations]));  // a scatter's points, a map's
const before = plot().data, drawn = shape(plot());
const inputs = [...document.querySelectorAll(radios + ' input')];
const target = inputs.find(i => !i.checked);
const started = performance.now();
let chart = null;
target.click();
(function poll() {
    const p = plot();
    if (chart === null && p && p.data !== before && shape(p) !== drawn) chart = performance.now() - started;
    if (chart !== null && !window.__ocInFlight && !document.querySelector('[data-dash-is-loading="true"]'))
        done([chart, performance.now() - started]);
    else setTimeout(poll, 5);
})();
"""

# Installed by DevTools before the page's own scripts: keeps the body of every callback request the renderer sends.
RECORDER = """
window.__ocSent = [];
const sendRequest = window.fetch;
window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    if (url.includes('_dash-update-component') && init && typeof init.body === 'string')
        window.__ocSent.push(JSON.parse(init.body));
    return sendRequest.apply(this, arguments);
};
"""

# The code the page loaded by an address without a version (Plotly, the chunks loaded on demand): a browser that
# holds it rechecks it on every page, as this warm load did.
RECHECKED = r"""
return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
    .filter(p => p.includes('/_dash-component-suites/') && !/\.v[\w-]+m[0-9a-f]+\./.test(p));
"""

# Picks the first country of the quadrant's lists and resolves once the page has its answer (no callback request in
# flight, counted from the page's fetch calls, and no output pending).
PICK = """
const done = arguments[0];
let inFlight = 0;
const send = window.fetch;
window.fetch = function () { inFlight++; return send.apply(this, arguments).finally(() => { inFlight--; }); };
document.querySelector('.oc-pick').click();
(function poll() {
    if (document.querySelector('.oc-country-panel') && !inFlight && !document.querySelector('[data-dash-is-loading="true"]'))
        done();
    else setTimeout(poll, 5);
})();
"""

PAYLOAD = """
return performance.getEntriesByType('resource')
    .filter(e => /_dash-(layout|update-component)/.test(e.name))
    .map(e => [e.name.includes('layout') ? 'layout' : 'callback', e.decodedBodySize]);
"""


def floor_app(with_grid: bool = False):
    """A bare Dash page: one 193-point scatter from one callback, and a radio that swaps its data; `with_grid`, an AG
    Grid of 193 rows of five columns beside it (AG Grid's own theme, drawing only the rows in view as ours do)."""
    import dash_ag_grid as dag
    import numpy as np
    from dash import Dash, Input, Output, dcc, html

    app = Dash(__name__, serve_locally=True)
    # Fixed shares of the width: a grid drawn after the chart would otherwise be left no room beside it.
    chart = dcc.Graph(id="graph", style={"height": "600px", "flex": "3 1 0", "minWidth": 0})
    rng = np.random.default_rng(2)
    rows = [{"rank": i + 1, "name": f"Country {i + 1}", "score": round(float(s), 2), "change": 0.5,
             "region": "Region"} for i, s in enumerate(sorted(rng.uniform(1, 10, 193), reverse=True))]
    grid = dag.AgGrid(id="floor-grid", rowData=rows, columnDefs=[{"field": field} for field in rows[0]],
                      defaultColDef={"flex": 1, "sortable": True, "filter": True}, dashGridOptions={"rowBuffer": 0},
                      style={"height": "470px", "flex": "2 1 0", "minWidth": 0})
    app.layout = html.Div([dcc.RadioItems(id="edition", options=["a", "b"], value="a", inline=True),
                           html.Div([chart, grid] if with_grid else [chart], style={"display": "flex", "gap": "1rem"})])

    @app.callback(Output("graph", "figure"), Input("edition", "value"))
    def draw(edition):
        rng = np.random.default_rng(0 if edition == "a" else 1)
        x, y = rng.uniform(1, 10, 193).round(2), rng.uniform(1, 10, 193).round(2)
        return {"data": [{"type": "scatter", "mode": "markers", "x": x.tolist(), "y": y.tolist()}],
                "layout": {"xaxis": {"range": [1, 10]}, "yaxis": {"range": [1, 10]}}}

    return app


def serve(command: list[str], cwd: Path, port: int) -> subprocess.Popen:
    # The data this checkout finds, whichever checkout is served.
    env = {**os.environ, "PYTHONPATH": str(cwd), "OCINDEX_LOG_LEVEL": "WARNING",
           "OCINDEX_DATA_DIR": str(find_data_dir(None))}
    server = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(240):  # the app loads and validates the workbook first
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"{' '.join(command)} exited with {server.returncode}")
        time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"{' '.join(command)} did not answer on port {port}")


def browser(record: bool) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if record:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    driver.set_script_timeout(60)
    return driver


def callbacks_sent(driver) -> list[dict]:
    """The callback requests the page sent since it was last asked (see RECORDER)."""
    return driver.execute_script("const sent = window.__ocSent || []; window.__ocSent = []; return sent;")


def load(driver, base: str, view: tuple[str, str, str]) -> tuple[float, list]:
    """One load of a view: ms until drawn, and the (kind, bytes) of the JSON its callbacks sent."""
    _, path, selectors = view
    driver.get(base + path)
    elapsed = driver.execute_async_script(READY, selectors)
    return elapsed, driver.execute_script(PAYLOAD)


def measure_loads(driver, sites: list[tuple[str, tuple[str, str, str]]], repeat: int,
                  recording: dict | None) -> dict[str, dict]:
    """`repeat` rounds, each loading every view in turn (the floor among them) twice: a warm-up load (caches of the
    browser and the server; not counted), then the measured one. A machine that slows down for a while then slows
    every view alike, and the ratios to the floor stay fair."""
    loads: dict[str, list[float]] = {view[0]: [] for _, view in sites}
    results: dict[str, dict] = {}
    for round_number in range(repeat):
        for base, view in sites:
            recorded = recording is not None and round_number == 0 and view not in (FLOOR, GRID_FLOOR)
            if recording is not None:
                callbacks_sent(driver)  # drop what earlier views sent: each view is recorded on its own
            load(driver, base, view)
            if recorded:
                recording[view[0]] = {"path": view[1], "requests": callbacks_sent(driver)}
            elapsed, payload = load(driver, base, view)
            if recorded:
                recording[view[0]]["rechecked"] = driver.execute_script(RECHECKED)
            loads[view[0]].append(elapsed)
            results[view[0]] = {
                "view": view[0], "first_load_kb": sum(size for _, size in payload) / 1000,
                "largest_callback_kb": max((size for kind, size in payload if kind == "callback"), default=0) / 1000}
    for name, result in results.items():
        result |= against_floor("load", loads[name], loads[FLOOR[0]])
    return results


def against_floor(key: str, times: list[float], floor: list[float]) -> dict:
    """The median of `times`, and of each round's time against the floor's of the same round (a slow spell of the
    machine cancels out), with their quartiles, under `key`_ms, _ratio, _quartiles."""
    ratios = [own / reference for own, reference in zip(times, floor)]
    return {f"{key}_ms": statistics.median(times), f"{key}_ratio": statistics.median(ratios),
            f"{key}_quartiles": quartiles(ratios)}


def quartiles(values: list[float]) -> tuple[float, float]:
    """The first and third quartiles: about half the rounds lie between them."""
    if len(values) < 2:
        return values[0], values[0]
    first, _, third = statistics.quantiles(values, n=4, method="inclusive")
    return first, third


def measure_switches(driver, sites: list[tuple[str, tuple[str, str, str]]], repeat: int,
                     recording: dict | None) -> dict[str, dict]:
    """The edition switch of each view of `sites` (the floor first): `repeat` rounds, each opening every view in turn
    and switching twice, the second timed (the first warms the code and the caches a switch uses), from the click
    until the chart shows the new data and until the page has settled; medians, and those of each round's times
    against the floor's of the same round, as for loads."""
    times: dict[str, list[tuple[float, float]]] = {view[0]: [] for _, view in sites}
    for round_number in range(repeat):
        for base, (name, path, selectors) in sites:
            radios, graph = SWITCHES[name]
            driver.get(base + path)
            driver.execute_async_script(READY, selectors)
            # The load test replays the app's traffic only: the requests of one switch, made on a page already open.
            recorded = recording is not None and round_number == 0 and name != FLOOR[0]
            if recorded:
                callbacks_sent(driver)  # drop the load's requests
            driver.execute_async_script(SWITCH, radios, graph)
            if recorded:
                recording[f"{name} edition switch"] = {"path": path, "requests": callbacks_sent(driver), "on_page": True}
            times[name].append(tuple(driver.execute_async_script(SWITCH, radios, graph)))
    floor = times[FLOOR[0]]
    return {name: {**against_floor("switch", [chart for chart, _ in measured], [chart for chart, _ in floor]),
                   **against_floor("settled", [settled for _, settled in measured], [settled for _, settled in floor])}
            for name, measured in times.items()}


def record_pick(driver, base: str, recording: dict) -> None:
    """The requests a country picked from the quadrant's lists sends, for the load test."""
    name, path, selectors = VIEWS[0]
    driver.get(base + path)
    driver.execute_async_script(READY, [*selectors, ".oc-pick"])
    callbacks_sent(driver)  # drop the load's requests
    driver.execute_async_script(PICK)
    recording[f"{name} country pick"] = {"path": path, "requests": callbacks_sent(driver), "on_page": True}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout whose app.py is served")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", type=Path, help="write the callback requests sent, per view, to this file")
    # internal: run the floor page (with a grid)
    parser.add_argument("--serve-floor", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--with-grid", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_floor:
        floor_app(args.with_grid).run(host="127.0.0.1", port=args.serve_floor)
        return

    app_port, floor_port, grid_port = free_port(), free_port(), free_port()
    floor_command = [sys.executable, str(Path(__file__).resolve()), "--serve-floor"]
    servers = [serve([sys.executable, "app.py", "--port", str(app_port)], args.app_dir.resolve(), app_port),
               serve([*floor_command, str(floor_port)], ROOT, floor_port),
               serve([*floor_command, str(grid_port), "--with-grid"], ROOT, grid_port)]
    recording = {} if args.record else None
    driver = browser(args.record is not None)
    app, bare = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{floor_port}"
    references = [(bare, FLOOR), (f"http://127.0.0.1:{grid_port}", GRID_FLOOR)]
    try:
        loads = measure_loads(driver, references + [(app, view) for view in VIEWS], args.repeat, recording)
        switches = measure_switches(driver, [(bare, FLOOR)] + [(app, view) for view in VIEWS if view[0] in SWITCHES],
                                    args.repeat, recording)
        for name, switch in switches.items():
            loads[name] |= switch
        if recording is not None:
            record_pick(driver, app, recording)
    finally:
        driver.quit()
        for server in servers:
            server.terminate()
            server.wait(timeout=30)

    print(f"App from {args.app_dir.resolve()}: development server, headless Chromium 1400x1000, warm median of "
          f"{args.repeat} rounds. Floor: a bare Dash page with one 193-point scatter.")
    print(f"{'view':<12}{'drawn ms':>10}{'x floor':>9}{'quartiles':>12}{'first load KB':>15}{'largest cb KB':>15}"
          f"{'switch ms':>11}{'x floor':>9}{'quartiles':>12}{'settled ms':>12}{'x floor':>9}")
    floor = loads.pop(FLOOR[0])
    for row in [floor, *loads.values()]:
        switch = "".join(f"{row[f'{key}_ms']:>{width}.0f}{row[f'{key}_ratio']:>9.2f}"
                         + ("{:>12}".format("{:.2f}-{:.2f}".format(*row[f"{key}_quartiles"])) if key == "switch" else "")
                         for key, width in (("switch", 11), ("settled", 12)) if f"{key}_ms" in row)
        spread = "{:.2f}-{:.2f}".format(*row["load_quartiles"])
        print(f"{row['view']:<12}{row['load_ms']:>10.0f}{row['load_ratio']:>9.2f}{spread:>12}"
              f"{row['first_load_kb']:>15.1f}{row['largest_callback_kb']:>15.1f}{switch}")
    print("Targets: every view within 2x the floor; the edition switch within 1.5x the floor's (chart and settled); "
          "callback payloads: quadrant < 150 KB, any view's first load < 400 KB. floor+grid is a reference, not a "
          "view: the floor with an AG Grid in view; the indicator's switch (its map, ranking and spread, from the "
          "server) is shown beside the quadrant's.")
    if args.record:
        args.record.write_text(json.dumps(recording, indent=1) + "\n")
        print(f"Recorded {sum(len(v['requests']) for v in recording.values())} callback requests in {args.record}")


if __name__ == "__main__":
    main()

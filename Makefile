# One-command set-up: `make run` serves the dashboard, `make test` runs every test. Both install what they need.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test browser check bench

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Plotly's world outlines for the maps, from the npm registry (served by the app itself: no CDN), and Plotly built
# with the trace types the app draws (frontend/plotly.js).
ASSETS := node_modules/.package-lock.json build/plotly.min.js
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

build/plotly.min.js: frontend/plotly.js frontend/country-names.js node_modules/.package-lock.json
	npm run --silent build

run: $(STAMP) $(ASSETS)
	$(PY) app.py

check: $(STAMP)
	$(VENV)/bin/ocindex check

# Browser tests drive Debian's Chromium through its ChromeDriver, which also draws the deck's charts; the
# several-servers test runs Redis (installing them needs root, as on CI).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v redis-server >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver redis-server; }

# Two workers: a browser test mostly waits on its server and browser, so two share the 2 cores of CI well.
test: $(STAMP) $(ASSETS) browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest --headless -p no:cacheprovider -n 2 --dist worksteal --durations=15

bench: $(STAMP)
	$(PY) benchmarks/load.py
	$(PY) benchmarks/quadrant.py
	$(PY) benchmarks/drilldowns.py
	$(PY) benchmarks/linking_quality.py
	$(PY) benchmarks/narratives_load.py
	$(PY) benchmarks/weights.py

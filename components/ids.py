"""Every component id of the app, in one place. Ids are prefixed by the page that owns them."""

# Shell
URL = "shell-url"
PAGE = "shell-page"
NAV_EDITION_LINKS = "shell-nav"

# Quadrant (home)
Q_URL = "quadrant-url"
Q_NOTICE = "quadrant-notice"
Q_EDITION = "quadrant-edition"
Q_SPLIT = "quadrant-split"
Q_CONTINENT = "quadrant-continent"
Q_REGION = "quadrant-region"
Q_COUNTRY = "quadrant-country"
Q_LABELS = "quadrant-labels"
Q_MOVEMENT = "quadrant-movement"
Q_GRAPH = "quadrant-graph"
Q_SUMMARY = "quadrant-summary"
Q_SPLIT_NOTE = "quadrant-split-note"
Q_PANEL = "quadrant-country-panel"
Q_MOVERS = "quadrant-movers"
Q_CHANGES = "quadrant-changes"
Q_PICK = "quadrant-pick"  # pattern-matching type for list entries that select a country

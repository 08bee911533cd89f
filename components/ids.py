"""Every component id of the app, in one place. Ids are prefixed by the page that owns them."""

# Shell
URL = "shell-url"
PAGE = "shell-page"
NAV_EDITION_LINKS = "shell-nav"
NAV_TOGGLE, NAV_COLLAPSE = "shell-nav-toggle", "shell-nav-menu"  # the menu folds behind a toggler on narrow screens

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

# Indicator drill-down
I_URL = "indicator-url"
I_NOTICE = "indicator-notice"
I_SLUG = "indicator-slug"
I_EDITION = "indicator-edition"
I_COUNTRY = "indicator-country"
I_JUMP = "indicator-jump"
I_SUMMARY = "indicator-summary"
I_MAP = "indicator-map"
I_RANKING = "indicator-ranking"
I_SPREAD = "indicator-spread"
I_LEVEL = "indicator-level"
I_SELECTED = "indicator-selected"
I_NARRATIVE = "indicator-narrative"

# Country profile
C_URL = "country-url"
C_NOTICE = "country-notice"
C_ISO3 = "country-iso3"
C_EDITION = "country-edition"
C_SUMMARY = "country-summary"
C_DOTS = "country-dots"
C_TABLE = "country-table"
C_PATH = "country-path"
L_PAIR_NOTE = "change-pair-note"
I_SPREAD_NOTE = "indicator-spread-note"
C_PATH_INDICATOR = "country-path-indicator"
C_PATH_TABLE = "country-path-table"
C_REGION_NOTE = "country-region-note"
C_PEERS = "country-peers"
C_PEER_TABLE = "country-peer-table"
C_ABSENT = "country-absent"
C_NARRATIVE = "country-narrative"
C_NARRATIVE_INDICATOR = "country-narrative-indicator"
C_BRIEF_LINK = "country-brief-link"

# Pillar drill-down
P_URL = "pillar-url"
P_NOTICE = "pillar-notice"
P_SLUG = "pillar-slug"
P_EDITION = "pillar-edition"
P_CONTINENT = "pillar-continent"
P_REGION = "pillar-region"
P_COUNTRY = "pillar-country"
P_TABLE = "pillar-table"
P_ABSENT = "pillar-absent"
P_CONTRIB = "pillar-contributions"
P_SELECTED = "pillar-selected"

# Country brief
B_NOTICE = "brief-notice"
B_PRINT = "brief-print"
B_COPY = "brief-copy"
B_URL = "brief-url"
B_GRAPH = "brief-graph"
B_MAP, B_FINDINGS, B_HREF = "brief-map", "brief-findings", "brief-href"

# Compare view
K_URL = "compare-url"
K_NOTICE = "compare-notice"
K_EDITION = "compare-edition"
K_COUNTRIES = "compare-countries"
K_PILLAR = "compare-pillar"
K_BODY = "compare-body"
K_QUADRANT, K_DOTS = "compare-quadrant", "compare-dots"

# Shell: copy the current view's link
SHARE = "shell-share"

# CSV downloads, one button and one download per view
Q_CSV, Q_CSV_FILE = "quadrant-csv", "quadrant-csv-file"
I_CSV, I_CSV_FILE = "indicator-csv", "indicator-csv-file"
C_CSV, C_CSV_FILE = "country-csv", "country-csv-file"
P_CSV, P_CSV_FILE = "pillar-csv", "pillar-csv-file"
K_CSV, K_CSV_FILE = "compare-csv", "compare-csv-file"

# Shell: presentation mode and the briefing (pinned views, stepped through with the arrow keys)
SHELL = "shell"
PRESENT = "shell-present"  # whether presentation mode is on
PRESENT_TOGGLE = "shell-present-toggle"
PRESENT_EXIT = "shell-present-exit"
PRESENT_PREV, PRESENT_NEXT = "shell-present-prev", "shell-present-next"
PRESENT_POSITION = "shell-present-position"
PINS = "shell-pins"  # the briefing: pinned views, kept in the browser's local storage
PIN = "shell-pin"
PIN_REMOVE = "shell-pin-remove"  # pattern-matching type
BRIEFING, BRIEFING_OPEN = "shell-briefing", "shell-briefing-open"
BRIEFING_LIST, BRIEFING_START, BRIEFING_CLEAR = "shell-briefing-list", "shell-briefing-start", "shell-briefing-clear"

# Chart image exports: one PNG and one SVG button per chart
IMAGE = "chart-image"  # pattern-matching type: {"type": IMAGE, "graph": <graph id>, "format": "png"|"svg"}
IMAGE_DONE = "chart-image-done"

# Briefing deck export
D_URL = "deck-url"
D_NOTICE = "deck-notice"
D_COUNTRIES, D_VIEWS, D_EDITION = "deck-countries", "deck-views", "deck-edition"
D_BUILD, D_CANCEL = "deck-build", "deck-cancel"
D_PROGRESS, D_STEP, D_STATUS = "deck-progress", "deck-step", "deck-status"
D_RESULT = "deck-result"
D_PPTX, D_PPTX_FILE, D_PDF, D_PDF_FILE = "deck-pptx", "deck-pptx-file", "deck-pdf", "deck-pdf-file"

# Like-for-like change
L_URL, L_NOTICE = "change-url", "change-notice"
L_COMPOSITE, L_BEFORE, L_AFTER, L_COUNTRY = "change-composite", "change-before", "change-after", "change-country"
L_GRAPH, L_GRAPH_NOTE, L_PANEL, L_FLIPS = "change-graph", "change-graph-note", "change-panel", "change-flips"
L_FLIPS_COUNT = "change-flips-count"
L_CSV, L_CSV_FILE = "change-csv", "change-csv-file"

# Countries like this
S_URL, S_NOTICE, S_ISO3 = "similar-url", "similar-notice", "similar-iso3"
S_EDITION, S_SCOPE, S_LIST, S_PEERS = "similar-edition", "similar-scope", "similar-list", "similar-peers"
S_CSV, S_CSV_FILE = "similar-csv", "similar-csv-file"
S_PEERS_CSV, S_PEERS_CSV_FILE = "similar-peers-csv", "similar-peers-csv-file"

# What-if weights
W_URL, W_NOTICE, W_EDITION, W_COMPOSITE = "weights-url", "weights-notice", "weights-edition", "weights-composite"
W_SLIDER = "weights-slider"  # pattern-matching type: {"type": W_SLIDER, "group": <group key>}
W_RESET, W_BANNER, W_TABLE, W_SUMMARY = "weights-reset", "weights-banner", "weights-table", "weights-summary"
W_CSV, W_CSV_FILE = "weights-csv", "weights-csv-file"

# Search across narratives
F_URL, F_TERM, F_RESULTS = "search-url", "search-term", "search-results"
F_CSV, F_CSV_FILE = "search-csv", "search-csv-file"

# Quadrant: official or like-for-like scores
Q_SCORES = "quadrant-scores"
Q_SINCE = "quadrant-since"
Q_SINCE_ROW = "quadrant-since-row"

# A briefing shared as a link
BRIEFING_COPY = "shell-briefing-copy"
G_VIEWS, G_NOTICE, G_PRESENT, G_KEEP = "briefing-views", "briefing-notice", "briefing-present", "briefing-keep"

# Regions and continents ranked
R_URL, R_NOTICE, R_COUNTRY = "regions-url", "regions-notice", "regions-country"
R_EDITION, R_LEVEL, R_INDICATOR = "regions-edition", "regions-level", "regions-indicator"
R_GRAPH, R_TABLE, R_NOTE = "regions-graph", "regions-table", "regions-note"
R_MESSAGE = "regions-message"
R_CSV, R_CSV_FILE = "regions-csv", "regions-csv-file"

"""Every component id of the app, generated in one place: `ids.QUADRANT.EDITION == "quadrant-edition"`.

Each page (or shared part) has a namespace named after it; an id is the page's name and the attribute's, in
kebab case, so an id seen in the browser says which module owns it. Pattern-matching ids use these as their type.
"""

from types import SimpleNamespace


def _ids(owner: str, names: str) -> SimpleNamespace:
    return SimpleNamespace(**{name: f"{owner}-{name.lower().replace('_', '-')}" for name in names.split()})


# The frame around every page: navigation, presentation mode, the briefing (pinned views)
# Pattern-matching types: PIN_REMOVE: a pinned view's remove button; CSV: {"type": CSV, "page": <page name>,
# "table": <table name>}, a table's 'Download CSV'; DEFERRED: {"type": DEFERRED, "page": <page name>}, the page's props
# set after the first paint (deferred.py). MENU: {"type": MENU, "menu": <page name>}, the entries of a navigation
# menu (assets/menus.js)
SHELL = _ids("shell", """
    URL PAGE NAV NAV_TOGGLE NAV_MENU SHARE ROOT PRESENT PRESENT_TOGGLE PRESENT_EXIT PRESENT_PREV
    PRESENT_NEXT PRESENT_POSITION PINS PIN PIN_REMOVE BRIEFING BRIEFING_OPEN BRIEFING_LIST
    BRIEFING_START BRIEFING_CLEAR BRIEFING_COPY BRIEFING_PATH SYNC SHOWN ROUTE SYNC_WRITE TITLE CSV CSV_FILE
    DEFERRED MENU
""")
# Stores: VIEWS, the chart of every edition for the other controls, switched in by the browser; ASK, the controls whose
# chart the browser asks the server for.
QUADRANT = _ids("quadrant", """
    NOTICE EDITION SPLIT CONTINENT REGION COUNTRY LABELS MOVEMENT GRAPH SUMMARY SPLIT_NOTE
    COUNTRY_PANEL MOVERS CHANGES SCORES SINCE SINCE_ROW CHOICES VIEWS ASK
""")
INDICATOR = _ids("indicator", """
    NAV NOTICE SLUG EDITION COUNTRY JUMP SUMMARY MAP RANKING SPREAD LEVEL SELECTED NARRATIVE SPREAD_NOTE
""")
COUNTRY = _ids("country", """
    NOTICE ISO3 EDITION SUMMARY DOTS TABLE TABLE_HOLDER PATH PATH_INDICATOR PATH_TABLE REGION_NOTE PEERS
    PEER_TABLE PEER_GRID PEER_GRID_HOLDER ABSENT NARRATIVE NARRATIVE_INDICATOR BRIEF_LINK SIMILAR_LINK DECK_LINK
""")
CHANGE = _ids("change", """
    PAIR_NOTE NOTICE COMPOSITE BEFORE AFTER COUNTRY GRAPH GRAPH_NOTE PANEL FLIPS FLIPS_COUNT FLIPS_HOLDER
""")
PILLAR = _ids("pillar", "NOTICE SLUG EDITION CONTINENT REGION COUNTRY TABLE ABSENT CONTRIBUTIONS SELECTED")
BRIEF = _ids("brief", "NOTICE PRINT COPY URL GRAPH MAP FINDINGS HREF")
COMPARE = _ids("compare", "NOTICE EDITION COUNTRIES PILLAR BODY QUADRANT DOTS TABLE TABLE_HOLDER")
# Chart image exports, one PNG and one SVG button per chart
# Pattern-matching types: IMAGE: {"type": IMAGE, "graph": <graph id>, "format": "png"|"svg"}
CHART = _ids("chart", "IMAGE IMAGE_DONE")
DECK = _ids("deck", """
    NOTICE COUNTRIES VIEWS EDITION BUILD CANCEL PROGRESS STEP STATUS RESULT PPTX PPTX_FILE PDF PDF_FILE
""")
SIMILAR = _ids("similar", "NOTICE ISO3 EDITION SCOPE LIST PEERS")
# Pattern-matching types: SLIDER: {"type": SLIDER, "group": <group key>}
WEIGHTS = _ids("weights", "NOTICE EDITION COMPOSITE SLIDER RESET BANNER TABLE SUMMARY")
SEARCH = _ids("search", "TERM STATUS RESULTS")
BRIEFING = _ids("briefing", "VIEWS NOTICE PRESENT KEEP")
REGIONS = _ids("regions", "NOTICE COUNTRY EDITION LEVEL INDICATOR GRAPH TABLE NOTE MESSAGE")

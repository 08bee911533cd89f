"""Build a briefing deck as PowerPoint and as PDF: a cover stating each country's position, one slide per country
and view (headline finding, subtitle, chart), an appendix of every indicator, and a closing slide of sources and
GI-TOC's own caveats.

Charts are rendered to PNG by kaleido, which drives the system Chromium; one renderer serves the whole deck."""

from __future__ import annotations

import io
import json
import tempfile
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from fpdf import FPDF
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from figures.indicator import WORLD_OUTLINES
from ocindex import headlines
from ocindex import likeforlike as lfl
from ocindex.brief import build_brief
from ocindex.errors import OCIndexError
from ocindex.index import IndexData
from ocindex.narratives.library import Narratives

from .views import VIEWS, Slide, appendix, slide

# A deck of 5 x 5 slides takes a minute or two of Chromium: a bound on what one request can make the server do.
MAX_COUNTRIES, MAX_VIEWS = 5, 5
COVER_HEADLINES = 4  # countries whose position the cover states; more would not fit at 18 pt
PROFILE_PASSAGES, PASSAGE_CHARS = 3, 230  # passages of profile text on a slide, and their length there
SLIDE_IN = (13.333, 7.5)  # 16:9; at 1280×720 an inch is 96 pixels
MARGIN_IN = 0.5
HEADLINE_PT, SUBTITLE_PT, BODY_PT = 24, 18, 18  # nothing on a slide is smaller than 18 pt
# inches from the top; the headline has room for three lines, the subtitle for one
HEADLINE_TOP, SUBTITLE_TOP, PICTURE_TOP, FOOTER_TOP = 0.25, 1.45, 1.9, 6.95
PICTURE_IN = (SLIDE_IN[0] - 2 * MARGIN_IN, FOOTER_TOP - PICTURE_TOP - 0.1)
PICTURE_PX = (round(PICTURE_IN[0] * 96), round(PICTURE_IN[1] * 96))  # layout size; rendered at twice that
TABLE_WIDTHS = (36, 10, 12, 12, 18, 12)  # appendix columns: indicator, score, region and world means, rank, change
MUTED = RGBColor(0x49, 0x50, 0x57)
# Debian's chromium package depends on fonts-liberation, so wherever charts can be rendered this font exists.
FONT_CANDIDATES = ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD_CANDIDATES = ("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done)
Renderer = Callable[[dict], bytes]
# The app's address of the like-for-like change between two editions (earlier, later), or of its default view (None):
# the app's URLs are the page registry's (components/deck.py), not the deck's.
ChangeLink = Callable[[tuple[int, int] | None], str]


class DeckError(OCIndexError):
    pass


@dataclass(frozen=True)
class Deck:
    name: str  # file name without extension
    pptx: bytes
    pdf: bytes
    slides: int


@dataclass(frozen=True)
class Page:
    """A slide as both writers draw it: a headline, then a picture, a table or lines of text."""
    headline: str
    subtitle: str = ""
    notes: str = ""
    png: bytes | None = None
    alt: str = ""
    table: tuple[tuple[str, ...], ...] | None = None
    lines: tuple[str, ...] = ()
    cover: bool = False


def source_line(edition: int) -> str:
    return f"Source: Global Organized Crime Index {edition}, GI-TOC (ocindex.net) · chart: OC Index Explorer"


@contextmanager
def chromium_renderer() -> Iterator[Renderer]:
    """PNG bytes of a figure, at the slide picture's size, from one Chromium kept open for the whole deck.

    Maps need Plotly's world outlines, which plotly.js fetches from cdn.plot.ly unless it already holds them:
    the page kaleido renders in gets them from a local script filling window.PlotlyGeoAssets (the cache plotly.js
    looks in first), so no request leaves the machine."""
    import kaleido
    import plotly.io as pio
    from kaleido import PageGenerator
    from kaleido.errors import JavascriptError

    def render(figure: dict) -> bytes:
        with warnings.catch_warnings():  # plotly warns that its per-call options go unused with a running server
            warnings.simplefilter("ignore", UserWarning)
            for attempt in (1, 2):
                try:
                    return pio.to_image(figure, format="png", width=PICTURE_PX[0], height=PICTURE_PX[1], scale=2)
                except JavascriptError as error:
                    # On a busy machine kaleido's tab may take the script context of the page it leaves for the one
                    # it loads; it reloads the tab after each figure, so a second try runs in the right one.
                    if attempt == 2 or "kaleido_scopes is not defined" not in str(error):
                        raise

    with tempfile.TemporaryDirectory(prefix="ocindex-deck-") as folder:
        script = Path(folder) / "world-outlines.js"
        outlines = {path.stem: json.loads(path.read_text(encoding="utf-8"))
                    for path in sorted(WORLD_OUTLINES.glob("world_*.json"))}
        script.write_text("window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};\n"
                          f"Object.assign(window.PlotlyGeoAssets.topojson, {json.dumps(outlines)});\n",
                          encoding="utf-8")
        # plotly.js comes from the installed plotly package; MathJax would come from a CDN, and no chart uses it.
        kaleido.start_sync_server(page_generator=PageGenerator(mathjax=False, others=[str(script)]),
                                  silence_warnings=True)
        try:
            yield render
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def check_request(data: IndexData, countries: list[str], views: list[str], edition: int) -> None:
    """Raise DeckError saying what is wrong with a deck request."""
    if edition not in data.editions:
        raise DeckError(f"Edition {edition} is not loaded; choose one of {', '.join(map(str, data.editions))}.")
    if not countries or not views:
        raise DeckError("Choose at least one country and one view.")
    if len(set(countries)) != len(countries) or len(set(views)) != len(views):
        raise DeckError("Choose each country and each view once.")
    if len(countries) > MAX_COUNTRIES:
        raise DeckError(f"A deck holds at most {MAX_COUNTRIES} countries; {len(countries)} were chosen.")
    if len(views) > MAX_VIEWS:
        raise DeckError(f"A deck holds at most {MAX_VIEWS} views; {len(views)} were chosen.")
    unknown = [c for c in countries if c not in data.wide(edition).index]
    if unknown:
        raise DeckError(f"Not in the {edition} edition: {', '.join(unknown)}.")
    unknown = [v for v in views if v not in VIEWS]
    if unknown:
        raise DeckError(f"Unknown view {', '.join(unknown)}; choose from {', '.join(VIEWS)}.")


def cover(data: IndexData, countries: list[str], edition: int, made_on: date) -> Page:
    names = [data.wide(edition).loc[c, "country"] for c in countries]
    lines = [headlines.position(data, edition, c) for c in countries[:COVER_HEADLINES]]
    if len(countries) > COVER_HEADLINES:
        lines.append(f"… and {len(countries) - COVER_HEADLINES} more countries, one section each.")
    return Page(headline="Briefing: " + ", ".join(names),
                subtitle=f"Global Organized Crime Index, {edition} edition · prepared {made_on:%d %B %Y}",
                lines=tuple(lines), notes="\n".join(lines), cover=True)


def closing(data: IndexData, edition: int, change_link: ChangeLink | None = None) -> Page:
    """Sources and the caveats GI-TOC states, with where to compare editions like for like."""
    changes = []
    for later in [e for e in data.editions if e <= edition]:
        earlier = data.previous_edition(later)
        if earlier is not None:
            added = [data.catalogue[s].label.lower() for s in sum(lfl.basis(data, earlier, later).added.values(), [])]
            if added:
                changes.append((earlier, later, added))
    if changes:
        earlier, later, _ = changes[-1]
        method = ("Editions differ in method: " + "; ".join(
            f"{after} added {len(added)} indicators to {before}'s ({', '.join(added)})"
            for before, after, added in changes) + ". A composite's change mixes real change with a change of method.")
        pair = (earlier, later)
    else:
        method = "Editions can differ in method: compare composites across editions on the indicators both assess."
        pair = None
    link = change_link(pair) if change_link else "OC Index Explorer's like-for-like change page"
    lines = (
        f"Source: Global Organized Crime Index {edition}, Global Initiative Against Transnational Organized Crime "
        "(GI-TOC), ocindex.net.",
        "Scores are expert assessments on a 1–10 scale in half-point steps; composites are averages, to two "
        "decimals. Higher criminality is worse; higher resilience is better.",
        "Ranks follow GI-TOC's rule: higher score first, ties share a place (1, 2, 2, 4).",
        method,
        f"Change on the indicators both editions assess (like for like): {link}",
        "Region averages and 'stands out' gaps are OC Index Explorer's computations from GI-TOC's scores.",
    )
    return Page(headline="About these figures", subtitle=f"Sources and caveats · {edition} edition",
                lines=lines, notes="\n".join(lines))


def profile_text(data: IndexData, narratives: Narratives, iso3: str, edition: int) -> Page | None:
    """What the country's profile text says of what stands out: the brief's passages, each once with every
    indicator it speaks of and its document's title; the notes hold them in full."""
    passages = build_brief(data, narratives, iso3, edition).excerpts
    if not passages:
        return None

    def line(passage, limit: int | None) -> str:
        text = passage.sentence.text
        if limit and len(text) > limit:
            text = text[:limit - 1].rsplit(" ", 1)[0] + "…"
        labels = " · ".join(data.catalogue[s].label for s in passage.indicators)
        return f"{labels}: “{text}” ({passage.document.title})"

    name = data.wide(edition).loc[iso3, "country"]
    return Page(headline=f"{name}: what the profile text says",
                subtitle=f"On its largest markets and actors and weakest resilience, {edition}",
                lines=tuple(line(p, PASSAGE_CHARS) for p in passages[:PROFILE_PASSAGES]),
                notes="\n".join(line(p, None) for p in passages))


def _page(made: Slide, png: bytes | None = None) -> Page:
    return Page(headline=made.headline, subtitle=made.subtitle, notes=made.notes, png=png, alt=made.description,
                table=made.table)


def build_deck(data: IndexData, countries: list[str], views: list[str], edition: int, render: Renderer,
               progress: Progress | None = None, change_link: ChangeLink | None = None,
               narratives: Narratives | None = None) -> Deck:
    """change_link: the app's address of the like-for-like change of a pair of editions, for the closing slide;
    with narratives, a country with profile text for the edition gets a slide of its passages after its views."""
    check_request(data, countries, views, edition)
    total = len(countries) * len(views) + 1  # + writing the files
    pages, done = [cover(data, countries, edition, date.today())], 0
    for iso3 in countries:
        for view in views:
            if progress:
                progress(done, total, f"{data.wide(edition).loc[iso3, 'country']}: {VIEWS[view][0]}")
            made = slide(data, view, iso3, edition)
            pages.append(_page(made, render(made.figure)))
            done += 1
        if narratives is not None and (text := profile_text(data, narratives, iso3, edition)) is not None:
            pages.append(text)
    if "profile" in views:
        pages += [_page(made) for iso3 in countries for made in appendix(data, iso3, edition)]
    pages.append(closing(data, edition, change_link))
    if progress:
        progress(done, total, "Writing PowerPoint and PDF")
    return Deck(name=f"oc-index_briefing_{'-'.join(countries)}_{edition}", pptx=_pptx(pages, edition),
                pdf=_pdf(pages, edition), slides=len(pages))


def _pptx(pages: list[Page], edition: int) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_IN[0]), Inches(SLIDE_IN[1])
    blank = deck.slide_layouts[6]
    width = SLIDE_IN[0] - 2 * MARGIN_IN
    for page in pages:
        sheet = deck.slides.add_slide(blank)
        top = 2.0 if page.cover else HEADLINE_TOP
        _text(sheet, [page.headline], top, SUBTITLE_TOP - HEADLINE_TOP, HEADLINE_PT + (8 if page.cover else 0),
              bold=True)
        _text(sheet, [page.subtitle], top + SUBTITLE_TOP - HEADLINE_TOP, 0.45, SUBTITLE_PT, colour=MUTED)
        if page.png is not None:
            picture = sheet.shapes.add_picture(io.BytesIO(page.png), Inches(MARGIN_IN), Inches(PICTURE_TOP),
                                               width=Inches(PICTURE_IN[0]), height=Inches(PICTURE_IN[1]))
            picture._element.nvPicPr.cNvPr.set("descr", page.alt)  # alt text for screen readers
        if page.table is not None:
            _table(sheet, page.table, width)
        if page.lines:
            _text(sheet, list(page.lines), top + PICTURE_TOP - HEADLINE_TOP, FOOTER_TOP - top - PICTURE_TOP,
                  BODY_PT, bullets=not page.cover)
        sheet.notes_slide.notes_text_frame.text = page.notes
        _text(sheet, [source_line(edition)], FOOTER_TOP, 0.4, BODY_PT, colour=MUTED)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _text(sheet, lines: list[str], top: float, height: float, size: int, bold: bool = False,
          colour: RGBColor | None = None, bullets: bool = False) -> None:
    box = sheet.shapes.add_textbox(Inches(MARGIN_IN), Inches(top), Inches(SLIDE_IN[0] - 2 * MARGIN_IN),
                                   Inches(height))
    box.text_frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = box.text_frame.paragraphs[0] if n == 0 else box.text_frame.add_paragraph()
        paragraph.space_after = Pt(size * 0.4)
        run = paragraph.add_run()
        run.text, run.font.size, run.font.bold = ("• " if bullets else "") + line, Pt(size), bold
        if colour is not None:
            run.font.color.rgb = colour


def _table(sheet, rows: tuple[tuple[str, ...], ...], width: float) -> None:
    height = FOOTER_TOP - PICTURE_TOP - 0.1
    shape = sheet.shapes.add_table(len(rows), len(rows[0]), Inches(MARGIN_IN), Inches(PICTURE_TOP),
                                   Inches(width), Inches(height))
    table = shape.table
    for column, share in enumerate(TABLE_WIDTHS):
        table.columns[column].width = Inches(width * share / sum(TABLE_WIDTHS))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.margin_top = cell.margin_bottom = Pt(1)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(BODY_PT)


def _font(candidates: tuple[str, ...]) -> Path:
    font = next((Path(p) for p in candidates if Path(p).exists()), None)
    if font is None:
        raise DeckError(f"No font for the PDF: install Debian's fonts-liberation (looked for {candidates[0]}).")
    return font


def _pdf(pages: list[Page], edition: int) -> bytes:
    # The PDF page is the slide: 13.333 × 7.5 inches, so sizes in points are the same as on the slide.
    pdf = FPDF(orientation="landscape", unit="in", format=(SLIDE_IN[1], SLIDE_IN[0]))
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN_IN, HEADLINE_TOP)
    pdf.add_font("body", fname=str(_font(FONT_CANDIDATES)))
    pdf.add_font("body", style="B", fname=str(_font(BOLD_CANDIDATES)))
    pdf.set_title(pages[0].headline)
    for page in pages:
        pdf.add_page()
        top = 2.0 if page.cover else HEADLINE_TOP
        pdf.set_y(top)
        pdf.set_font("body", "B", size=HEADLINE_PT + (8 if page.cover else 0))
        pdf.multi_cell(0, HEADLINE_PT * 1.15 / 72, page.headline, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(top + SUBTITLE_TOP - HEADLINE_TOP)
        pdf.set_font("body", size=SUBTITLE_PT)
        pdf.set_text_color(0x49, 0x50, 0x57)
        pdf.multi_cell(0, SUBTITLE_PT * 1.3 / 72, page.subtitle, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        if page.png is not None:
            pdf.image(io.BytesIO(page.png), x=MARGIN_IN, y=PICTURE_TOP, w=PICTURE_IN[0], h=PICTURE_IN[1],
                      alt_text=page.alt)
        if page.table is not None:
            pdf.set_y(PICTURE_TOP)
            pdf.set_font("body", size=BODY_PT)
            header, *rows = page.table
            with pdf.table(col_widths=TABLE_WIDTHS, text_align="LEFT",
                           line_height=BODY_PT * 1.25 / 72, padding=0.01) as table:
                for row in (header, *rows):
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
        if page.lines:
            pdf.set_y(top + PICTURE_TOP - HEADLINE_TOP)
            pdf.set_font("body", size=BODY_PT)
            for line in page.lines:
                pdf.multi_cell(0, BODY_PT * 1.3 / 72, ("" if page.cover else "• ") + line, align="L",
                               new_x="LMARGIN", new_y="NEXT")
                pdf.ln(BODY_PT * 0.4 / 72)
        pdf.set_y(FOOTER_TOP)
        pdf.set_font("body", size=BODY_PT)
        pdf.set_text_color(0x49, 0x50, 0x57)
        pdf.cell(0, BODY_PT * 1.3 / 72, source_line(edition))
        pdf.set_text_color(0)
    return bytes(pdf.output())

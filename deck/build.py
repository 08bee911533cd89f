"""Build a briefing deck: a title slide, then one slide per country and view, as PowerPoint and as PDF.

Charts are rendered to PNG by kaleido, which drives the system Chromium; one renderer serves the whole deck."""

from __future__ import annotations

import io
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from fpdf import FPDF
from pptx import Presentation
from pptx.util import Inches, Pt

from ocindex.errors import OCIndexError
from ocindex.index import IndexData

from .views import VIEWS, slide

MAX_COUNTRIES = 10
PICTURE_PX = (1280, 600)  # layout size of every chart, the picture area of a 16:9 slide; rendered at twice that
SLIDE_IN = (13.333, 7.5)
# Debian's chromium package depends on fonts-liberation, so wherever charts can be rendered this font exists.
FONT_CANDIDATES = ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done)
Renderer = Callable[[dict], bytes]


class DeckError(OCIndexError):
    pass


@dataclass(frozen=True)
class Deck:
    name: str  # file name without extension
    pptx: bytes
    pdf: bytes
    slides: int


def source_line(edition: int) -> str:
    return (f"Source: Global Organized Crime Index {edition}, GI-TOC (ocindex.net) · {edition} edition · "
            f"chart: OC Index Explorer")


@contextmanager
def chromium_renderer() -> Iterator[Renderer]:
    """PNG bytes of a figure, at the slide picture's size, from one Chromium kept open for the whole deck."""
    import kaleido
    import plotly.io as pio

    def render(figure: dict) -> bytes:
        with warnings.catch_warnings():  # plotly warns that its per-call options go unused with a running server
            warnings.simplefilter("ignore", UserWarning)
            return pio.to_image(figure, format="png", width=PICTURE_PX[0], height=PICTURE_PX[1], scale=2)

    # plotly.js comes from the installed plotly package; MathJax would come from a CDN, and no chart uses it.
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
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
    if len(countries) > MAX_COUNTRIES:
        raise DeckError(f"A deck holds at most {MAX_COUNTRIES} countries; {len(countries)} were chosen.")
    unknown = [c for c in countries if c not in data.wide(edition).index]
    if unknown:
        raise DeckError(f"Not in the {edition} edition: {', '.join(unknown)}.")
    unknown = [v for v in views if v not in VIEWS]
    if unknown:
        raise DeckError(f"Unknown view {', '.join(unknown)}; choose from {', '.join(VIEWS)}.")


def build_deck(data: IndexData, countries: list[str], views: list[str], edition: int, render: Renderer,
               progress: Progress | None = None) -> Deck:
    check_request(data, countries, views, edition)
    names = [data.wide(edition).loc[c, "country"] for c in countries]
    total = len(countries) * len(views) + 1  # + writing the files
    slides = []
    for iso3 in countries:
        for view in views:
            if progress:
                progress(len(slides), total, f"{data.wide(edition).loc[iso3, 'country']}: {VIEWS[view][0]}")
            made = slide(data, view, iso3, edition)
            slides.append((made, render(made.figure)))
    if progress:
        progress(len(slides), total, "Writing PowerPoint and PDF")
    title = "Briefing: " + ", ".join(names)
    subtitle = f"Global Organized Crime Index, {edition} edition · prepared {date.today():%d %B %Y}"
    return Deck(name=f"oc-index_briefing_{'-'.join(countries)}_{edition}",
                pptx=_pptx(title, subtitle, slides, edition), pdf=_pdf(title, subtitle, slides, edition),
                slides=len(slides) + 1)


def _pptx(title: str, subtitle: str, slides, edition: int) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_IN[0]), Inches(SLIDE_IN[1])
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = title
    cover.placeholders[1].text = subtitle
    _text(cover, source_line(edition), top=SLIDE_IN[1] - 0.6, size=12)
    blank = deck.slide_layouts[6]
    for made, png in slides:
        page = deck.slides.add_slide(blank)
        _text(page, made.title, top=0.25, size=26, bold=True)
        width = SLIDE_IN[0] - 0.6
        picture = page.shapes.add_picture(io.BytesIO(png), Inches(0.3), Inches(1.0), width=Inches(width),
                                          height=Inches(width * PICTURE_PX[1] / PICTURE_PX[0]))
        picture._element.nvPicPr.cNvPr.set("descr", made.description)  # alt text for screen readers
        page.notes_slide.notes_text_frame.text = made.description
        _text(page, source_line(edition), top=SLIDE_IN[1] - 0.5, size=12)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _text(page, text: str, top: float, size: int, bold: bool = False) -> None:
    box = page.shapes.add_textbox(Inches(0.3), Inches(top), Inches(SLIDE_IN[0] - 0.6), Inches(0.6))
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size, run.font.bold = text, Pt(size), bold


def _pdf(title: str, subtitle: str, slides, edition: int) -> bytes:
    font = next((Path(p) for p in FONT_CANDIDATES if Path(p).exists()), None)
    if font is None:
        raise DeckError(f"No font for the PDF: install Debian's fonts-liberation (looked for {FONT_CANDIDATES[0]}).")
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("body", fname=str(font))
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("body", size=28)
    pdf.set_y(70)
    pdf.multi_cell(0, 12, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=14)
    pdf.multi_cell(0, 8, subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    _pdf_footer(pdf, edition)
    for made, png in slides:
        pdf.add_page()
        pdf.set_font("body", size=18)
        pdf.multi_cell(0, 9, made.title, new_x="LMARGIN", new_y="NEXT")
        width = pdf.epw
        pdf.image(io.BytesIO(png), x=pdf.l_margin, y=pdf.get_y() + 2, w=width,
                  h=width * PICTURE_PX[1] / PICTURE_PX[0], alt_text=made.description)
        _pdf_footer(pdf, edition)
    return bytes(pdf.output())


def _pdf_footer(pdf: FPDF, edition: int) -> None:
    pdf.set_font("body", size=10)
    pdf.set_y(-15)
    pdf.cell(0, 6, source_line(edition))

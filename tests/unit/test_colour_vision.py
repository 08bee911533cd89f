"""The app's categorical colours stay apart for readers with the common colour-vision deficiencies, simulated with
colorspacious (Machado et al. 2009 model) at full severity."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from components import weights
from components.narrative import COLOURS
from figures import change, compare, country, style

CSS = Path(__file__).resolve().parents[2] / "assets" / "style.css"
DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")
# Distance in CAM02-UCS (ΔE'), where about 1 is just noticeable between large patches side by side. Categories on a
# chart are small marks seen apart, and the noticeable difference grows several-fold as marks shrink (Stone, Szafir
# and Setlur 2014, "An engineering model for color difference as a function of size"): we ask for ten times it,
# which Okabe-Ito's palette, designed for these readers, meets (its closest simulated pair is 11 apart).
APART = 10.0


def css_marks() -> list[str]:
    """The passage highlight tints, .oc-mark-0 … as the stylesheet gives them."""
    return [colour for _, colour in sorted(re.findall(r"\.oc-mark-(\d)[^{]*\{\s*background:\s*(#[0-9a-fA-F]{6})",
                                                      CSS.read_text()))]


PALETTES = {  # colours shown together, where the colour tells one series or group from another
    "continents (with those a new edition adds)": [*style.CONTINENT_COLOURS.values(), *style.FALLBACK_COLOURS],
    "a country against its groups": [m["color"] for m in (style.COUNTRY_MARK, style.REGION_MARK, style.CONTINENT_MARK,
                                                          style.WORLD_MARK)],
    "a country's path across editions": [m["color"] for m in (*country.PATH_MARKS.values(), *country.OTHER_MARKS)],
    "countries compared": [colour for colour, _ in compare.SERIES],
    "like-for-like flips": [change.SAME_MARK["color"], change.FLIP_MARK["color"]],
    "moves up and down a ranking": [c["style"]["color"] for c in weights.MOVE_COLOURS["styleConditions"]],
    "passage highlights, and the page behind them": [*css_marks(), "#ffffff"],
}


def seen_with(deficiency: str, colour: str) -> np.ndarray:
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    simulated = cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}, "sRGB1")
    return np.clip(simulated, 0, 1)


def test_the_stylesheet_gives_every_highlight_its_tint():
    assert len(css_marks()) == COLOURS


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("palette", PALETTES)
def test_every_pair_of_a_palette_stays_apart(palette, deficiency):
    colours = PALETTES[palette]
    assert len(colours) >= 2
    close = [f"{a} and {b}: {distance:.1f}" for a, b in itertools.combinations(colours, 2)
             if (distance := deltaE(seen_with(deficiency, a), seen_with(deficiency, b), input_space="sRGB1")) < APART]
    assert not close, f"{palette}, seen with {deficiency}: " + "; ".join(close)

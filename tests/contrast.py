"""WCAG 2.1 contrast between two colours, for tests that check what a reader can tell apart."""

from __future__ import annotations

import plotly.colors


def contrast(background: str, ink: str) -> float:
    """The contrast ratio of two colours, each 'rgb(r, g, b)' or '#rrggbb'."""
    def luminance(colour):
        values = plotly.colors.unlabel_rgb(colour) if colour.startswith("rgb") else plotly.colors.hex_to_rgb(colour)
        linear = [(c / 255) / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in values]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted([luminance(background), luminance(ink)], reverse=True)
    return (light + 0.05) / (dark + 0.05)

"""The text of a Dash layout, for tests that look for words in what a page shows."""

from __future__ import annotations

import json

from components.common import plain


def text_of(tree) -> str:
    """The layout as JSON with its characters unescaped: a phrase anywhere in it can be looked for."""
    return json.dumps(plain(tree), ensure_ascii=False)

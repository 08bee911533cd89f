"""The text of a Dash layout, for tests that look for words in what a page shows."""

from __future__ import annotations

import json

from components.common import plain


def text_of(tree) -> str:
    """The layout as JSON with its characters unescaped: a phrase anywhere in it can be looked for."""
    return json.dumps(plain(tree), ensure_ascii=False)


def props_with_id(tree, component_id) -> list[dict]:
    """The props of every component with this id in a layout as Dash sends it (plain JSON)."""
    if isinstance(tree, list):
        return [found for child in tree for found in props_with_id(child, component_id)]
    if not isinstance(tree, dict) or "props" not in tree:
        return []
    props = tree["props"]
    inside = props_with_id(props.get("children"), component_id)
    return [props, *inside] if props.get("id") == component_id else inside

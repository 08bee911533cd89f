"""Numbers given as text from outside (URLs, API requests, the command line), read one way everywhere."""

from __future__ import annotations


def whole_number(raw: str) -> int | None:
    """The whole number `raw` spells in ASCII digits, else None: `str.isdigit` also takes '²' (which `int` refuses),
    and `int` reads '２０２１', '2_021', '+2021' and ' 2021' as 2021."""
    return int(raw) if raw.isascii() and raw.isdigit() else None

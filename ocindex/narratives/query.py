"""The search-term grammar: words of literal characters, separated by spaces or hyphens, each with at most one `*`
(any letters). Anyone who opens a shared link runs its search, so the pattern built from a term must match in
linear time whatever the term: every character but `*` is literal, and no two variable-length parts of the
pattern can match the same text (`*` matches letters only, separators spaces and hyphens only), so the regular
expression engine has nothing to backtrack over."""

from __future__ import annotations

import re

SEARCH_LENGTH = (2, 100)  # shortest and longest search term, in characters
MAX_WILDCARDS = 4  # in a whole term
_SEPARATOR = re.compile(r"[\s-]+")


class SearchTermError(ValueError):
    """A term the grammar refuses; the message says why, without repeating the term."""


def search_pattern(term: str) -> re.Pattern:
    """The compiled pattern of a search term: whole words or phrases, any case, a space or hyphen matching any run
    of spaces and hyphens, `*` any letters or digits inside a word (repeated `*` count as one)."""
    term = " ".join(term.split())
    low, high = SEARCH_LENGTH
    if not low <= len(term) <= high:
        raise SearchTermError(f"a search term has {low} to {high} characters")
    if sum(c.isalnum() for c in term) < low:  # '**' alone would match everything
        raise SearchTermError(f"a search term needs at least {low} letters or digits")
    words = [re.sub(r"\*+", "*", word) for word in _SEPARATOR.split(term) if word]
    if any(word.count("*") > 1 for word in words):
        raise SearchTermError("a word of a search term holds at most one * (any letters)")
    if sum(word.count("*") for word in words) > MAX_WILDCARDS:
        raise SearchTermError(f"a search term holds at most {MAX_WILDCARDS} * (any letters)")
    body = r"[\s-]+".join(r"\w*".join(re.escape(part) for part in word.split("*")) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)

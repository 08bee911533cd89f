"""Country names as GI-TOC spells them, mapped to ISO 3166-1 alpha-3 codes with pycountry."""

from __future__ import annotations

import re
import unicodedata

import pycountry

# The publisher writes World-Bank-style names that ISO 3166 does not know. Keys are normalised names.
PUBLISHER_ALIASES = {
    "brunei": "BRN",
    "congo, dem. rep.": "COD",
    "congo, rep.": "COG",
    "korea, dpr": "PRK",
    "korea, rep.": "KOR",
    "micronesia (federated states of)": "FSM",
    "russia": "RUS",
    "st. kitts and nevis": "KNA",
    "st. lucia": "LCA",
    "st. vincent and the grenadines": "VCT",
    "turkey": "TUR",
}

# One edition writes commas where the publisher meant full stops ('Congo, Dem, Rep,', 'St, Lucia').
_ABBREVIATION_COMMA = re.compile(r"\b(Dem|Rep|St),")


def normalise_name(name: str) -> str:
    """The publisher's name with its comma-for-full-stop quirk repaired and spaces trimmed."""
    return _ABBREVIATION_COMMA.sub(r"\1.", " ".join(str(name).split()))


def unaccented(name: str) -> str:
    """The name without accents ('Cote d'Ivoire'), as people type it on a keyboard without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def to_iso3(name: str) -> str | None:
    """ISO3 code of a country as the workbook names it, or None when it cannot be matched exactly."""
    normalised = normalise_name(name)
    alias = PUBLISHER_ALIASES.get(normalised.lower())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(normalised).alpha_3
    except LookupError:
        return None

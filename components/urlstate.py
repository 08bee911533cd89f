"""URL state: what a page shows, as a typed frozen state class read from and written to its URL.

A state class is a frozen dataclass whose fields are declared with `param(kind)`. The kind says how a value is
read from the URL (one that does not fit falls back to its default, with a notice saying what and where), how a
control's value sent by the browser is checked (one that does not fit means "no update": browsers send anything),
and how it is written back. One reader and one writer serve every page, so every URL has the same shape:
`/country/PER?edition=2025&peers=COL&peers=MEX` — the edition always (a shared link keeps showing the edition it
was made on when a new one is loaded), other values only when they differ from their default (unless the page
marks them `always`: its main selection, so a link does not depend on what the default is today).
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Callable, ClassVar, Iterable
from urllib.parse import parse_qs, urlencode

from dash.exceptions import PreventUpdate

from ocindex.index import IndexData
from ocindex.parse import whole_number

Values = dict[str, Any]  # the fields read so far, by name: later kinds may depend on earlier ones (the edition)
# What newsletters and social sites add to a shared link: no setting of any page (names, or their start).
TRACKING = ("utm_", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid")


class NotFound(Exception):
    """A path parameter names nothing there is: the page does not exist (the message says why)."""


class Kind:
    """How one parameter is read from the URL, checked from a control and written back."""

    many = False  # several values: repeated keys (`region=A&region=B`)
    joined = False  # several values in one, comma-separated (`countries=PER,COL`): codes that hold no comma
    unique = True  # several values: each once (False: every one, in order, where positions pair with another list)

    def default(self, data: IndexData, values: Values):
        raise NotImplementedError

    def parse(self, raw: str, data: IndexData, values: Values):
        """The value a raw URL string stands for; ValueError(notice) when it does not fit."""
        raise NotImplementedError

    def check(self, value, data: IndexData, values: Values):
        """A control's value if it fits, else PreventUpdate."""
        raise NotImplementedError

    def check_many(self, value, data: IndexData, values: Values) -> tuple:
        """A control's several values (a list) if they fit, each once, else PreventUpdate. A kind whose control
        is a list of components (pattern-matching ids) reads the list as a whole."""
        if value is None:
            return ()
        if not isinstance(value, list):
            raise PreventUpdate
        return tuple(dict.fromkeys(self.check(v, data, values) for v in value))  # checked first: hashable

    def write(self, value) -> list[str]:
        return [str(value)]

    def example(self, data: IndexData) -> str:
        """A path value that names something (path parameters only): for the validation layout and the navbar."""
        raise NotImplementedError


def param(kind: Kind, key: str | None = None, *, always: bool = False, path: bool = False, default=MISSING):
    """A state field read from the query parameter `key` (the field's name by default), or from the path."""
    metadata = {"kind": kind, "key": key, "always": always, "path": path}
    return field(default=default, metadata=metadata) if default is not MISSING else field(metadata=metadata)


STATES: dict[str, type[PageState]] = {}
PARAMETER = re.compile(r"<(\w+)>")  # a path template's parameter: `/country/<iso3>`


@dataclass(frozen=True)
class PageState:
    """Base of every page's state. Subclasses give `name` and `path` (a template such as `/country/<iso3>`)."""

    name: ClassVar[str]
    path: ClassVar[str]

    def __init_subclass__(cls, name: str = "", path: str = "", **kwargs):
        super().__init_subclass__(**kwargs)
        if name:
            cls.name, cls.path = name, path
            STATES[name] = cls

    # --------------------------------------------------------------------------------------------- reading

    @classmethod
    def from_query(cls, query: str | dict[str, list[str]], data: IndexData, **path: str) -> tuple[PageState, list[str]]:
        """The state a URL asks for, and a notice for each value that did not fit. Raises NotFound when a path
        parameter names nothing."""
        query = parse_qs(query.lstrip("?")) if isinstance(query, str) else query
        values: Values = {}
        notices: list[str] = []
        for f in fields(cls):
            kind, key = f.metadata["kind"], f.metadata["key"] or f.name
            if f.metadata["path"]:
                try:
                    values[f.name] = kind.parse(path[f.name], data, values)
                except ValueError as error:
                    raise NotFound(str(error)) from None
                continue
            raws = query.get(key) or []
            if kind.joined:
                raws = [part.strip() for raw in raws for part in raw.split(",") if part.strip()]
            if not raws:
                values[f.name] = _default(f, kind, data, values)
            elif kind.many:
                kept = []
                for raw in dict.fromkeys(raws) if kind.unique else raws:
                    try:
                        kept.append(kind.parse(raw, data, values))
                    except ValueError as error:
                        notices.append(str(error))
                values[f.name] = tuple(kept) or _default(f, kind, data, values)
            else:
                if len(raws) > 1:  # a link edited by hand: say which value counts
                    notices.append(f"'{key}' is given {len(raws)} times: the last one counts.")
                try:
                    values[f.name] = kind.parse(raws[-1], data, values)
                except ValueError as error:
                    notices.append(str(error))
                    values[f.name] = _default(f, kind, data, values)
        read = {f.metadata["key"] or f.name for f in fields(cls) if not f.metadata["path"]}
        # A misspelt link ('edtion') is not silently shown.
        if unknown := [key for key in query if key not in read and not key.startswith(TRACKING)]:
            named = ", ".join(f"'{cut_short(key)}'" for key in unknown[:3]) + (f" and {len(unknown) - 3} more"
                                                                         if len(unknown) > 3 else "")
            notices.append(f"{named} {'is not a setting' if len(unknown) == 1 else 'are not settings'} of this "
                           f"page, and ignored" + (f" (it reads {', '.join(sorted(read))})." if read else "."))
        notices += cls.settle(values, data)
        return cls(**values), notices

    @classmethod
    def path_kinds(cls) -> dict[str, Kind]:
        """The kinds of the parameters the path holds, by field name."""
        return {f.name: f.metadata["kind"] for f in fields(cls) if f.metadata["path"]}

    @classmethod
    def settle(cls, values: Values, data: IndexData) -> list[str]:
        """Rules across fields, applied to the values read from a URL (in place); the notices they give."""
        return []

    @classmethod
    def from_controls(cls, data: IndexData, **controls) -> PageState:
        """The state the page's controls hold (by field name); PreventUpdate when one does not fit."""
        values: Values = {}
        for f in fields(cls):
            kind = f.metadata["kind"]
            if f.name not in controls:
                values[f.name] = _default(f, kind, data, values)
            elif kind.many:
                values[f.name] = kind.check_many(controls[f.name], data, values)
            else:
                values[f.name] = kind.check(controls[f.name], data, values)
        return cls(**values)

    # --------------------------------------------------------------------------------------------- writing

    def to_query(self) -> str:
        """The query string that reproduces this view ("" when everything is at its default)."""
        pairs = []
        for f in fields(self):
            if f.metadata["path"]:
                continue
            value = getattr(self, f.name)
            if not f.metadata["always"] and f.default is not MISSING and value == f.default:
                continue
            key, kind = f.metadata["key"] or f.name, f.metadata["kind"]
            if kind.joined:
                pairs += [(key, ",".join(map(str, value)))] if value else []
                continue
            for item in (value if kind.many else [value]):
                pairs += [(key, raw) for raw in kind.write(item)]
        return f"?{urlencode(pairs, safe=',')}" if pairs else ""

    @classmethod
    def path_to(cls, **path) -> str:
        """The path of the page for these path values, without a query (the page's defaults apply): for menus and
        breadcrumbs. `CountryState.path_to(iso3="PER") == "/country/PER"`."""
        return PARAMETER.sub(lambda m: str(path[m.group(1)]), cls.path)

    def location(self) -> str:
        """The path and query of this view, without the app's prefix."""
        path = {f.name: getattr(self, f.name) for f in fields(self) if f.metadata["path"]}
        return self.path_to(**path) + self.to_query()

    def href(self, app) -> str:
        """The link to this view, under the app's prefix."""
        return app.get_relative_path(self.location())


def _default(f, kind: Kind, data: IndexData, values: Values):
    return f.default if f.default is not MISSING else kind.default(data, values)


def at_most(values: Values, name: str, most: int, notice: str) -> list[str]:
    """A rule for `settle`: keep the first `most` of a field's several values; the notice says which (`{kept}`)."""
    if len(values[name]) <= most:
        return []
    values[name] = values[name][:most]
    return [notice.format(kept=", ".join(map(str, values[name])))]


def href(app, page: str, **values) -> str:
    """The link to a page by its name, for pages that link to one another: `href(app, "country", iso3="PER",
    edition=2025)`."""
    return STATES[page](**values).href(app)


def path(page: str, **values) -> str:
    """The path of a page by its name, without a query: `path("pillar", slug="resilience")`."""
    return STATES[page].path_to(**values)


def path_pattern(template: str) -> str:
    """The regular expression a path template matches: `/country/<iso3>` → `/country/(?P<iso3>[^/]+)`. The rest of
    the template is taken literally (a '.' in it is a dot)."""
    parts = PARAMETER.split(template)  # literal text, then a parameter's name, in turn
    return "".join(f"(?P<{part}>[^/]+)" if n % 2 else re.escape(part) for n, part in enumerate(parts))


# ----------------------------------------------------------------------------------------------- kinds


@dataclass(frozen=True)
class Edition(Kind):
    """An edition of the workbook; `allowed` narrows them (an indicator assessed in some editions only)."""

    allowed: Callable[[IndexData, Values], tuple[int, ...]] | None = None

    def choices(self, data: IndexData, values: Values) -> tuple[int, ...]:
        return self.allowed(data, values) if self.allowed else data.editions

    def default(self, data, values):
        return self.choices(data, values)[-1]

    def parse(self, raw, data, values):
        allowed = self.choices(data, values)
        if (number := whole_number(raw)) is not None and number in allowed:
            return number
        raise ValueError(f"Edition '{raw}' is not available here; showing {allowed[-1]}. "
                         f"Available: {', '.join(map(str, allowed))}.")

    def check(self, value, data, values):
        if isinstance(value, bool) or not isinstance(value, int) or value not in self.choices(data, values):
            raise PreventUpdate
        return value


@dataclass(frozen=True)
class Country(Kind):
    """A country of the state's edition, by ISO3 code (any case in the URL); `edition` names the field holding
    that edition, where a page shows two (like-for-like change: a country of the later one)."""

    edition: str = "edition"

    def default(self, data, values):
        return None

    def parse(self, raw, data, values):
        edition = values[self.edition]
        if raw.upper() in data.wide(edition).index:
            return raw.upper()
        raise ValueError(f"Country '{raw}' is not in the {edition} edition (use an ISO3 code such as PER).")

    def check(self, value, data, values):
        if value is None:
            return None
        if not isinstance(value, str) or value not in data.wide(values[self.edition]).index:
            raise PreventUpdate
        return value


@dataclass(frozen=True)
class CountryInPath(Kind):
    """The country a path names (`/country/PER`), by ISO3 code in any case: any country of the index."""

    def parse(self, raw, data, values):
        if raw.upper() in set(data.tidy["iso3"]):
            return raw.upper()
        raise ValueError("That is not the ISO3 code of a country in the index.")

    def check(self, value, data, values):
        if not isinstance(value, str) or value not in set(data.tidy["iso3"]):
            raise PreventUpdate
        return value

    def example(self, data):
        return data.countries()["iso3"].iloc[0]


def country_editions(data: IndexData, values: Values) -> tuple[int, ...]:
    """The editions that assess the country the path names (field `iso3`), for `Edition(allowed=…)`: a country of
    the index need not be in every edition (a new state, a merger)."""
    return tuple(e for e in data.editions if values["iso3"] in data.wide(e).index)


@dataclass(frozen=True)
class Countries(Country):
    many = True

    def parse(self, raw, data, values):
        if raw.upper() in data.wide(values[self.edition]).index:
            return raw.upper()
        raise ValueError(f"Country '{raw}' is not in the {values[self.edition]} edition: ignored.")

    def check(self, value, data, values):
        if value is None:
            raise PreventUpdate
        return super().check(value, data, values)


@dataclass(frozen=True)
class CountryCodes(Countries):
    """Several countries as one comma-separated value: `countries=PER,COL,MEX`."""

    joined = True


@dataclass(frozen=True)
class Indicator(Kind):
    """An indicator or composite of the catalogue, by slug, or none; `which` narrows them (slugs, from the data and
    the fields read so far) and `otherwise` says in the notice what the page shows without one."""

    which: Callable[[IndexData, Values], Iterable[str]] = lambda data, values: [i.slug for i in data.catalogue]
    otherwise: str = "showing none"

    def default(self, data, values):
        return None

    def parse(self, raw, data, values):
        if raw in set(self.which(data, values)):
            return raw
        raise ValueError(f"Indicator '{raw}' is unknown; {self.otherwise}.")

    def check(self, value, data, values):
        if value is None:
            return None
        if not isinstance(value, str) or value not in set(self.which(data, values)):
            raise PreventUpdate
        return value


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed set of values; `what` names the parameter in notices ("Split")."""

    choices: tuple[str, ...]
    what: str

    def parse(self, raw, data, values):
        if raw in self.choices:
            return raw
        raise ValueError(f"{self.what} '{raw}' is unknown; choose from: {', '.join(self.choices)}.")

    def check(self, value, data, values):
        if not isinstance(value, str) or value not in self.choices:
            raise PreventUpdate
        return value


@dataclass(frozen=True)
class Number(Kind):
    """A whole number from `low` to `high`."""

    low: int
    high: int
    what: str

    def parse(self, raw, data, values):
        if (number := whole_number(raw)) is not None and self.low <= number <= self.high:
            return number
        raise ValueError(f"{self.what} '{raw}' must be a whole number from {self.low} to {self.high}.")

    def check(self, value, data, values):
        if value is None:
            return self.low
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise PreventUpdate
        return value


@dataclass(frozen=True)
class Flag(Kind):
    """On or off: `1` or `0` in the URL, a boolean from a switch."""

    what: str

    def parse(self, raw, data, values):
        if raw in ("0", "1"):
            return raw == "1"
        raise ValueError(f"{self.what} '{raw}' must be 0 or 1.")

    def check(self, value, data, values):
        if not isinstance(value, bool):
            raise PreventUpdate
        return value

    def write(self, value) -> list[str]:
        return ["1" if value else "0"]


@dataclass(frozen=True)
class Group(Kind):
    """Continents or regions of the state's edition (`column` of its table), several at once."""

    column: str
    many = True

    def parse(self, raw, data, values):
        if raw in set(data.wide(values["edition"])[self.column]):
            return raw
        raise ValueError(f"Unknown {self.column} '{raw}' in {values['edition']}: ignored.")

    def check(self, value, data, values):
        if not isinstance(value, str) or value not in set(data.wide(values["edition"])[self.column]):
            raise PreventUpdate
        return value


def cut_short(text: str, longest: int = 30) -> str:
    """Text from a request as a message repeats it: cut short (a request may send any length)."""
    return text if len(text) <= longest else text[:longest - 1] + "…"

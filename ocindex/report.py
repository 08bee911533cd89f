"""What `ocindex check` reports: the data found where the settings say, what loaded and what needs attention."""

from __future__ import annotations

from pathlib import Path

from .catalogue import uncatalogued_warning
from .comparability import region_notes
from .datadir import find_data_dir
from .errors import WORKBOOK_NAME
from .index import IndexData, load_index
from .narratives.library import PROFILES_DIR, SETUP_HINT, Narratives
from .settings import Settings


def load_configured(data_dir: Path | None = None) -> IndexData:
    """The workbook from `data_dir`, else where the settings look for it; a located error when it fails."""
    settings = Settings.from_env(data_dir=data_dir)
    return load_index(find_data_dir(settings.data_dir) / WORKBOOK_NAME)


def check(data: IndexData) -> tuple[list[str], list[str]]:
    """What loaded (editions, countries, indicators, regions, profiles) as lines of text, and the problems: profiles
    that could not be used and profile scores that disagree with the workbook."""
    lines = [f"Workbook: {data.source}", f"SHA-256:  {data.sha256}"]
    for edition in data.editions:
        table = data.edition_table(edition)
        indicators = data.indicators(edition)
        composites = sum(i.is_composite for i in indicators)
        lines.append(
            f"  {edition}: {table['iso3'].nunique()} countries, {len(indicators) - composites} indicators "
            f"+ {composites} composites, {table['continent'].nunique()} continents, "
            f"{table['region'].nunique()} regions"
        )
    lines.append("OK: every score is 1-10, every country matched to ISO3, every composite agrees with its parts.")
    lines += [f"warning: {uncatalogued_warning(indicator)}" for indicator in data.catalogue.uncatalogued]
    lines += [f"  regions: {note}" for note in region_notes(data)]
    directory = data.source.parent / PROFILES_DIR
    narratives = Narratives.load(data.source.parent, data)
    lines.append(f"Profiles in {directory}: {len(narratives.documents)} loaded, "
                 f"{sum(len(d.links) for d in narratives.documents)} linked sentences")
    lines += [f"  {document.name}: {document.iso3} {document.edition}, {len(document.links)} links, "
              f"\"{document.title}\"" for document in narratives.documents]
    lines.append(f"  {SETUP_HINT}")
    return lines, narratives.errors + [f"score disagrees: {m}" for m in narratives.score_mismatches]

"""Country documents (GI-TOC profiles, reports, articles): read, clean, structure and link to indicators."""

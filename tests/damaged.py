"""Damaged files as an unlucky administrator would drop them in the data directory, for the hardening tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from fpdf import FPDF


def workbook_with_damaged_sheets(source: Path, target: Path) -> Path:
    """A copy of the workbook whose zip opens but whose worksheet XML is cut off half-way."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            content = original.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                content = content[: len(content) // 2]
            copy.writestr(item, content)
    return target


def pdf_with_unsupported_filter(target: Path) -> Path:
    """A PDF whose page content claims a compression filter no reader knows: pypdf raises NotImplementedError."""
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Illegal gold mining drives extortion in the south.")
    raw = bytes(pdf.output())
    start = raw.index(b"stream\n", raw.index(b"/Length"))
    target.write_bytes(raw[:start].replace(b"/Length", b"/Filter /NoSuchDecode /Length", 1) + raw[start:])
    return target

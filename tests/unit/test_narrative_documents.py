"""Reading profiles from the data directory: good ones load, bad ones are named and the rest still load."""

from __future__ import annotations

import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout

import pytest
from fpdf import FPDF

from cli import main
from components.narrative import highlighted, passage_item
from ocindex.narratives.library import Narratives
from ocindex.store import DataStore

from ..conftest import SEEDS
from ..damaged import pdf_with_unsupported_filter
from ..missing_country import write_without_country
from ..narrative_labels import SEED_000


@pytest.fixture
def data_dir(tmp_path, workbook):
    (tmp_path / "global_oc_index.xlsx").symlink_to(workbook)
    (tmp_path / "profiles").mkdir()
    shutil.copy(SEEDS / SEED_000, tmp_path / "profiles" / "PER-2021.txt")
    return tmp_path


def write_pdf(path, text: str | None):
    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 50, 30)  # a drawing, no text layer
    else:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))


def run_cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def test_bad_files_are_named_with_their_problem_and_the_others_still_load(data_dir, index):
    profiles = data_dir / "profiles"
    (profiles / "COL-2023.txt").write_text("   \n\n")
    (profiles / "MEX-2023.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    write_pdf(profiles / "BRA-2023.pdf", None)
    (profiles / "XYZ-2023.txt").write_text("DRUGS\n\nCocaine is traded.\n")
    (profiles / "PER-1999.txt").write_text("DRUGS\n\nCocaine is traded.\n")
    (profiles / "notes.txt").write_text("DRUGS\n\nCocaine is traded.\n")
    narratives = Narratives.load(data_dir, index)
    assert [d.name for d in narratives.documents] == ["PER-2021.txt"]
    messages = "\n".join(narratives.errors)
    for name, problem in [("COL-2023.txt", "is empty"), ("MEX-2023.txt", "binary data"),
                          ("BRA-2023.pdf", "no text layer"), ("XYZ-2023.txt", "'XYZ' is not the ISO3 code"),
                          ("PER-1999.txt", "edition 1999 is not loaded"), ("notes.txt", "name should be")]:
        line = next(m for m in narratives.errors if name in m)
        assert problem in line, line
    assert len(narratives.errors) == 6, messages


def test_a_profile_too_large_is_named_and_not_read_whole(data_dir, index):
    """A profile holds some 10-60 KB of text; a runaway file (here 1 GB, sparse: nothing is written) is refused
    before being read, and the others still load."""
    with open(data_dir / "profiles" / "COL-2023.txt", "wb") as huge:
        huge.truncate(2**30)
    (data_dir / "profiles" / "MEX-2023.txt").write_text("DRUGS\n\n" + "Cocaine is traded. " * 30_000)  # 570 KB
    narratives = Narratives.load(data_dir, index)
    assert [d.name for d in narratives.documents] == ["PER-2021.txt"]
    for name in ("COL-2023.txt", "MEX-2023.txt"):
        line = next(m for m in narratives.errors if name in m)
        assert "is larger than 512 KB" in line, line


def test_a_profile_of_an_edition_without_its_country_is_named_and_the_service_starts(data_dir, workbook):
    (data_dir / "global_oc_index.xlsx").unlink()
    first = write_without_country(workbook, data_dir / "global_oc_index.xlsx", "Peru")
    shutil.move(data_dir / "profiles" / "PER-2021.txt", data_dir / "profiles" / f"PER-{first}.txt")
    store = DataStore(data_dir)  # was a KeyError: the service did not start
    assert store.narratives.documents == []
    [error] = store.narratives.errors
    assert f"PER-{first}.txt" in error and f"'PER' is not in the {first} edition" in error


def test_a_pdf_pypdf_cannot_decode_is_a_profile_error_and_the_service_starts(data_dir):
    pdf_with_unsupported_filter(data_dir / "profiles" / "COL-2023.pdf")  # pypdf raises NotImplementedError
    store = DataStore(data_dir)
    assert [d.name for d in store.narratives.documents] == ["PER-2021.txt"]
    [error] = store.narratives.errors
    assert "COL-2023.pdf" in error and "cannot be read as a PDF" in error and "\n" not in error


def test_a_pdf_profile_is_read_and_linked(data_dir, index):
    write_pdf(data_dir / "profiles" / "COL-2023-brief.pdf",
              "DRUGS\n\nColombia is the largest producer of cocaine in the world.")
    narratives = Narratives.load(data_dir, index)
    (excerpt,) = narratives.excerpts("COL", 2023, "cocaine-trade")
    assert excerpt.document.label == "brief" and "largest producer of cocaine" in excerpt.link.sentence.text


def test_several_documents_per_country_and_edition(index):
    shared = DataStore(SEEDS.parent / "data").narratives
    assert {d.label for d in shared.documents_for("PER", 2023)} == {"summary", "article"}
    assert shared.errors == []


def test_check_reports_a_profile_score_that_disagrees_with_the_workbook(data_dir):
    profile = data_dir / "profiles" / "PER-2021.txt"
    profile.write_text(profile.read_text(encoding="utf-8").replace("COCAINE TRADE\t9.00", "COCAINE TRADE\t8.00"))
    status, out, _ = run_cli("check", "--data-dir", str(data_dir))
    assert status == 1
    assert "Peru 2021, Cocaine trade: profile says 8.00, workbook says 9.00" in out


def test_check_is_clean_with_the_shared_profiles(workbook):
    status, out, _ = run_cli("check", "--data-dir", str(workbook.parent))
    assert status == 0 and "3 loaded" in out
    # Operators, not the pages' users, learn how to add profile text: here and in /healthz.
    assert '"Organized Crime in Peru: A Threat to Governance and Security"' in out
    assert "To add profile text, put documents in the data directory's profiles/ folder" in out


def test_healthz_says_how_to_add_profile_text(app_instance):
    body = app_instance.server.test_client().get("/healthz").get_json()
    assert body["profile_setup"].startswith("To add profile text") and ".meta.json" in body["profile_setup"]


def test_link_prints_the_linked_sentences_as_json(workbook):
    status, out, _ = run_cli("link", str(SEEDS / "001_5220424c1e9fe40f.txt"), "--country", "PER",
                             "--edition", "2021", "--data-dir", str(workbook.parent))
    assert status == 0
    links = json.loads(out)
    assert {"indicator", "section", "text", "terms"} <= set(links[0])
    cocaine = [link for link in links if link["indicator"] == "cocaine-trade"]
    assert any("second-largest producer of cocaine" in link["text"] and link["terms"] == ["cocaine"]
               for link in cocaine)


def test_link_names_a_bad_file(tmp_path, workbook):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    status, _, err = run_cli("link", str(empty), "--country", "PER", "--edition", "2021",
                             "--data-dir", str(workbook.parent))
    assert status == 1 and str(empty) in err and "is empty" in err


def test_the_api_returns_the_excerpts_of_loaded_profiles(app_instance):
    client = app_instance.server.test_client()
    body = client.get("/api/narratives.json?country=PER&edition=2021&indicator=cocaine-trade").get_json()
    assert body and all(e["indicator"] == "cocaine-trade" and e["country"] == "PER" for e in body)
    assert any("second-largest producer of cocaine" in e["text"] for e in body)
    assert client.get("/api/narratives.json?indicator=nope").status_code == 400
    assert client.get("/api/narratives.json?country=../../etc").status_code == 400


def test_document_text_is_rendered_as_text_with_terms_marked(index):
    pieces = highlighted("<script>alert(1)</script> moves cocaine and Cocaine.", ("cocaine", "Cocaine"))
    assert pieces[0] == "<script>alert(1)</script> moves "  # a plain string: React shows it as text
    assert [p.children for p in pieces if not isinstance(p, str)] == ["cocaine", "Cocaine"]
    passage = DataStore(SEEDS.parent / "data").narratives.passages("PER", 2021, "cocaine-trade")[0]
    rendered = str(passage_item(passage, index))
    assert "Peru: Global Organized Crime Index profile, 2021" in rendered and "PER-2021.txt" not in rendered

"""The HTML report: pages, escaping, highlights, diff, claims, scale."""
from __future__ import annotations

import html as htmllib
import json
import re
import time
from html.parser import HTMLParser

import pytest

from checker.core import Document, DocumentResult, Finding, Report, Severity
from checker.report import write_reports
from checker.report.html import (doc_pages, markdown_html, pieces_by_line, render_pages,
                                 safe_name)
from sample_reports import (PAYLOADS, SCRIPT, TEXTAREA, big_report, claims_report,
                            hostile_report)


class Tags(HTMLParser):
    """Collects the elements of a page, to check structure without a browser."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.script_bodies: list[str] = []
        self._in_script = False
        self.textarea = ""
        self._in_textarea = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self._in_textarea = tag == "textarea"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "textarea":
            self._in_textarea = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies.append(data)
        if self._in_textarea:
            self.textarea += data


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def doc_page(pages: dict[str, str]) -> str:
    return next(v for k, v in pages.items() if k.startswith("docs/"))


# --------------------------------------------------------------------------- pages

def test_write_reports_writes_json_and_every_page(tmp_path, seeds_report):
    written = write_reports(seeds_report, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"report.json", "index.html", "claims.html", "rules.html"} <= names
    doc_pages = sorted(n for n in names if n.startswith("docs/"))
    assert len(doc_pages) == len(seeds_report.documents)
    assert all(re.fullmatch(r"docs/[A-Za-z0-9._-]+\.html", n) for n in doc_pages)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for page in doc_pages:
        assert f'href="{page}"' in index
    assert not list(tmp_path.rglob("*.tmp"))  # atomic writes leave no temporary file


def test_pages_are_self_contained(seeds_report):
    for name, page in render_pages(seeds_report).items():
        tags = parse(page).tags
        for tag, attrs in tags:
            for attr in ("src", "href"):
                value = attrs.get(attr) or ""
                assert not re.match(r"(https?:)?//", value), (name, tag, value)
            assert not (tag == "link" and attrs.get("rel") == "stylesheet"), name
            assert not (tag == "script" and "src" in attrs), name
        assert "Content-Security-Policy" in page


def test_rendering_is_deterministic(seeds_report):
    assert render_pages(seeds_report) == render_pages(seeds_report)


def test_index_shows_gate_documents_errors_notices():
    report = hostile_report()
    index = render_pages(report)["index.html"]
    assert "Gate failed" in index
    assert "Files that could not be checked" in index and "cannot decode" in index
    assert "Notices" in index and "LM skipped" in index
    assert "80% · likely" in index
    # contradictions come before the documents table
    assert index.index("Across documents") < index.index("Documents</h2>")
    assert "728 vs" in index


def test_missing_machine_translation_verdict_shows_a_dash():
    doc = Document("a.txt", "Hello.", language="en", language_confidence=1.0)
    index = render_pages(Report((DocumentResult(doc),)))["index.html"]
    assert "—" in index


def test_mixed_language_paragraphs_are_listed(seeds_report):
    from checker.core import Segment

    text = "English paragraph here.\nUn paragraphe en français.\n"
    doc = Document("m.txt", text, language="en", language_confidence=0.9,
                   segments=(Segment(0, 23, "en", 0.9), Segment(24, 50, "fr", 0.9)))
    pages = render_pages(Report((DocumentResult(doc),)))
    assert "mixed: paragraphs in" in pages["index.html"]
    assert 'lang="fr" data-lang="fr"' in doc_page(pages)


# --------------------------------------------------------------------------- escaping

def test_every_piece_of_article_text_is_escaped():
    pages = render_pages(hostile_report())
    for name, page in pages.items():
        tags = parse(page)
        # the only scripts are ours: no element carries an event handler or a payload
        for tag, attrs in tags.tags:
            assert tag != "img", name
            assert not any(a.startswith("on") for a in attrs), (name, tag, attrs)
        for body in tags.script_bodies:
            assert "__pwned" not in body, name
        for payload in PAYLOADS:
            assert payload not in page, (name, payload)
    page = doc_page(pages)
    assert htmllib.escape(SCRIPT, quote=False) in page or "&lt;script&gt;" in page
    assert page.count("<script>") == 1  # ours, inlined


def test_textarea_holds_the_corrected_text_exactly():
    report = hostile_report()
    page = doc_page(render_pages(report))
    parsed = parse(page)
    from checker.report.diff import corrected_text

    expected = corrected_text(report.documents[0].document.text, report.documents[0].findings)
    # browsers drop one newline right after <textarea>: the template writes one on purpose
    assert parsed.textarea.startswith("\n")
    assert parsed.textarea[1:] == expected
    assert TEXTAREA in expected  # the suggestion itself is hostile, and stays text
    assert page.count("</textarea>") == 1


def test_rule_ids_and_claim_ids_cannot_break_attributes():
    pages = render_pages(hostile_report())
    for name, page in pages.items():
        for tag, attrs in parse(page).tags:
            for key in attrs:
                assert re.fullmatch(r"[a-z-]+", key), (name, tag, key)


# --------------------------------------------------------------------------- highlights

def test_overlapping_findings_become_flat_pieces():
    text = "to obtain a fire now"
    f1 = Finding("MT-calque", "calque", Severity.ERROR, 0, 16, text[0:16], "a", "to obtain a ceasefire")
    f2 = Finding("TY-x", "typo", Severity.INFO, 12, 20, text[12:20], "b", None)
    f3 = Finding("TY-y", "typo", Severity.WARNING, 3, 9, text[3:9], "c", "get")
    (line,) = pieces_by_line(text, (f1, f2, f3))
    assert "".join(p.text for p in line) == text
    assert [(p.text, p.findings) for p in line] == [
        ("to ", (0,)), ("obtain", (0, 2)), (" a ", (0,)), ("fire", (0, 1)), (" now", (1,))]
    assert [p.sev for p in line] == ["error", "error", "error", "error", "info"]
    assert line[0].begins == (0,) and line[1].begins == (2,) and line[3].begins == (1,)


def test_findings_across_lines_and_at_a_point():
    text = "ab\ncd"
    f1 = Finding("X", "typo", Severity.WARNING, 1, 4, "b\nc", "m")
    f2 = Finding("Y", "spacing", Severity.INFO, 5, 5, "", "missing full stop", ".")
    lines = pieces_by_line(text, (f1, f2))
    assert [[(p.text, p.findings) for p in line] for line in lines] == [
        [("a", ()), ("b", (0,))], [("c", (0,)), ("d", ()), ("", (1,))]]
    assert lines[1][-1].caret == (1,)


def test_document_page_has_a_highlight_per_finding(seeds_report):
    pages = render_pages(seeds_report)
    for result, name in zip(seeds_report.documents, doc_pages(seeds_report)):
        page = pages[name]
        begins = [i for tag, attrs in parse(page).tags if tag == "mark" and "data-begin" in attrs
                  for i in attrs["data-begin"].split()]
        assert sorted(map(int, begins)) == list(range(len(result.findings)))


def test_highlights_carry_the_popover_content_and_rule_link(seeds_report):
    pages = render_pages(seeds_report)
    page = pages[doc_pages(seeds_report)[4]]
    assert doc_pages(seeds_report)[4] == "docs/004_aab5980a4fca424f.txt.html"
    assert "La suite après cette publicité" in page
    assert 'href="../rules.html#BP-debris"' in page
    assert 'id="BP-repeated-line"' in pages["rules.html"]
    tags = parse(page).tags
    marks = [a for t, a in tags if t == "mark"]
    assert all(a.get("aria-describedby") for a in marks)
    cards = {a["id"] for t, a in tags if t == "li" and "finding" in a.get("class", "")}
    for mark in marks:
        assert set(mark["aria-describedby"].split()) <= cards


def test_text_of_the_page_equals_the_article(seeds_report):
    """Stripping the markup of the text block gives back the article, line by line."""
    pages = render_pages(seeds_report)
    for result, name in zip(seeds_report.documents, doc_pages(seeds_report)):
        page = pages[name]
        block = page.split('<div class="article"', 1)[1].split("</div>", 1)[0]
        lines = re.findall(r"<p class=\"ln[^\"]*\"[^>]*>(.*?)</p>", block, re.S)
        text = "\n".join(htmllib.unescape(re.sub(r"<[^>]+>", "", ln)) for ln in lines)
        assert text == result.document.text


# --------------------------------------------------------------------------- diff

def test_diff_shows_word_level_changes():
    text = "They asked to obtain a fire in kyiv.\n"
    s1, s2 = text.index("to obtain"), text.index("kyiv")
    f1 = Finding("MT-calque", "calque", Severity.ERROR, s1, s1 + 16, "to obtain a fire", "m",
                 "to obtain a ceasefire")
    f2 = Finding("CS-x", "typo", Severity.WARNING, s2, s2 + 4, "kyiv", "m", "Kyiv")
    page = doc_page(render_pages(Report((DocumentResult(Document("a.txt", text), (f1, f2)),))))
    assert '<del data-f="0">fire</del>' in page
    assert '<ins data-f="0">ceasefire</ins>' in page
    assert '<del data-f="1">kyiv</del>' in page and '<ins data-f="1">Kyiv</ins>' in page
    assert parse(page).textarea == "\nThey asked to obtain a ceasefire in Kyiv.\n"
    assert "Copy corrected text" in page


# --------------------------------------------------------------------------- claims

def test_claims_page_groups_by_quantity_and_time_and_marks_contradictions():
    pages = render_pages(claims_report())
    claims = pages["claims.html"]
    assert "728 vs 741 drones" in claims
    grid = claims.split('<table class="claims-grid">', 1)[1].split("</table>", 1)[0]
    groups = re.findall(r'<th scope="rowgroup"[^>]*>(.*?)</th>', grid, re.S)
    assert [re.sub(r"<[^>]+>", "", g) for g in groups] == [
        "drones launched (drone)", "missiles launched (missile)"]
    # one column per document, values link to the claim's anchor in the document page
    assert grid.count('class="doc-col"') == 2
    a_page, b_page = "docs/a.txt.html", "docs/b.txt.html"
    assert f'href="{a_page}#claim-a.txt-c1"' in grid and f'href="{b_page}#claim-b.txt-c1"' in grid
    assert 'id="claim-a.txt-c1"' in pages[a_page]
    assert 'id="claim-b.txt-c2"' in pages[b_page]
    # the contradicted values are marked, the others are not
    contra = re.findall(r'<a class="value contra" href="([^"]+)"', grid)
    assert sorted(contra) == [f"{a_page}#claim-a.txt-c1", f"{b_page}#claim-b.txt-c1"]
    assert "≈\u202f400" in grid
    # rows by time: the night of 8-9 July, then 10 July
    drones = grid.split("drones launched", 1)[1].split("missiles launched", 1)[0]
    assert drones.index("2025-07-08/2025-07-09") < drones.index("2025-07-10")


def test_claims_page_empty_state(seeds_report):
    empty = Report(tuple(DocumentResult(r.document, r.findings) for r in seeds_report.documents))
    page = render_pages(empty)["claims.html"]
    assert "No numeric claims in this report" in page
    assert '<table class="claims-grid">' not in page


def test_document_page_lists_its_claims_and_contradictions():
    pages = render_pages(claims_report())
    page = pages["docs/a.txt.html"]
    assert "728 vs 741 drones" in page
    assert 'href="#claim-a.txt-c1"' in page
    assert "contradiction" in page


# --------------------------------------------------------------------------- scale

def test_500_findings_render_quickly():
    report = big_report(500, 50)
    doc = report.documents[0]
    assert len(doc.document.text) >= 150_000
    started = time.perf_counter()
    pages = render_pages(report)
    elapsed = time.perf_counter() - started
    page = doc_page(pages)
    begins = [i for tag, attrs in parse(page).tags if tag == "mark" and "data-begin" in attrs
              for i in attrs["data-begin"].split()]
    assert len(begins) == len(doc.findings) == 600
    assert page.count('data-sev="error"') >= 167
    assert len(re.findall(r'<li class="finding ', page)) == 600
    assert elapsed < 5.0, f"rendering took {elapsed:.1f}s"


# --------------------------------------------------------------------------- helpers

@pytest.mark.parametrize("path, name", [
    ("seeds/000_989c41bd5c56a8a9.txt", "seeds_000_989c41bd5c56a8a9.txt"),
    ("000_989c41bd5c56a8a9.txt", "000_989c41bd5c56a8a9.txt"),
    ("../x/a b.md", "x_a-b.md"),
    ("/abs/..hidden/é.html", "abs_..hidden_-.html"),
    ("", "document"),
])
def test_safe_name(path, name):
    assert safe_name(path) == name


def test_safe_names_are_unique():
    docs = tuple(DocumentResult(Document(p, "x")) for p in ("a/b.txt", "a_b.txt", "A_B.txt"))
    pages = [k for k in render_pages(Report(docs)) if k.startswith("docs/")]
    assert len(set(p.lower() for p in pages)) == 3


def test_markdown_subset_is_escaped():
    out = str(markdown_html("# T\n\nA `<b>` and *x*.\n\n- one\n- two\n\n## H\n" + SCRIPT))
    assert "<h2>T</h2>" in out and "<code>&lt;b&gt;</code>" in out and "<em>x</em>" in out
    assert "<li>one</li>" in out and "<h3>H</h3>" in out
    assert "<script>" not in out


def test_json_report_is_unchanged_by_the_html(tmp_path, seeds_report):
    write_reports(seeds_report, tmp_path)
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1


def test_pages_of_documents_no_longer_checked_are_removed(tmp_path, seeds_report):
    import os
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    stale = docs / "renamed_article.txt.html"
    stale.write_text("<p>an earlier run</p>", encoding="utf-8")
    os.utime(stale, (time.time() - 3600,) * 2)
    racing = docs / "other_run_now.txt.html"  # another run writing into the folder
    racing.write_text("<p>another run</p>", encoding="utf-8")
    os.utime(racing, (time.time() + 3600,) * 2)
    notes = docs / "notes.txt"
    notes.write_text("not a page", encoding="utf-8")
    write_reports(seeds_report, tmp_path)
    names = sorted(p.name for p in docs.iterdir())
    assert "renamed_article.txt.html" not in names
    assert {"other_run_now.txt.html", "notes.txt"} <= set(names)
    assert len([n for n in names if n.endswith(".txt.html")]) == 5 + 1


def test_items_written_in_python_escape_as_autoescape_does():
    from markupsafe import escape

    from checker.report.html_items import esc, truncate

    for text in (*PAYLOADS, "a & b", "'single' \"double\"", "", "plain é — “x”"):
        assert esc(text) == str(escape(text))
    env = __import__("checker.report.html", fromlist=["_env"])._env()
    jinja_truncate = env.filters["truncate"]
    for text in ("short", "word " * 40, "x" * 164, "x" * 166, "a " * 83):
        assert truncate(text, 160) == jinja_truncate(env, text, 160)


def test_items_in_batches_are_the_items_one_by_one():
    from checker.report.html_items import batches

    words = [f"<w{i}>" for i in range(7)]
    for size in (1, 2, 7, 200):
        joined = list(batches(lambda w, end: w + end, words, "|", size=size))
        assert "".join(joined) == "".join(w + "|" for w in words)
        assert len(joined) == -(-len(words) // size)
    assert list(batches(str, [])) == []


# The claims page's rows as the template wrote them before html_items.claims_group
# wrote them in Python (the same text, with no function call per claim and row).
_CLAIMS_ROWS_TEMPLATE = """\
    {% for g in claims.groups %}
    <tbody class="group{{ ' contra' if g.contradicted }}">
    {% for row in g.rows %}
      <tr{% if row.contradicted %} class="contra"{% endif %}>
        {% if loop.first %}<th scope="rowgroup" rowspan="{{ g.rows | length }}" class="quantity">{{ g.quantity or "(unnamed quantity)" }}{% if g.unit %} <span class="muted">({{ g.unit }})</span>{% endif %}</th>{% endif %}
        <td class="when">{% if row.contradicted %}<span class="contra-tag" title="these articles disagree"><span aria-hidden="true">⚠</span><span class="sr-only">contradiction:</span></span> {% endif %}{{ row.when or "time not stated" }}</td>
        {% if not claims.grid %}
        <td class="values listing">{% for v, cell in row.entries %}<span class="entry"><a href="{{ v.page }}" title="{{ v.summary.path }}">{{ v.name }}</a>: {% for cv in cell %}{{ claim_link(cv) }}{% endfor %}</span>{{ " " if not loop.last }}{% endfor %}</td>
        {% endif %}
        {% for cell in row.cells %}
        <td class="values">{% for cv in cell %}{{ claim_link(cv) }}{% else %}<span class="muted" aria-label="no claim">·</span>{% endfor %}</td>
        {% endfor %}
      </tr>
    {% endfor %}
    </tbody>
    {% endfor %}
"""


@pytest.mark.parametrize("grid", [True, False])
def test_claims_page_rows_written_in_python_are_what_the_template_wrote(grid, monkeypatch):
    from dataclasses import replace

    from checker.core import Claim
    from checker.report import html
    from checker.report.html_items import batches, claims_group

    unnamed = Claim("c.txt#c1", 0, 2, "12", 12, None, None)
    extra = DocumentResult(Document("c.txt", "12 & <b>\n", language="de"), (), (unnamed,))
    claims, hostile = claims_report(), hostile_report()
    report = replace(claims, documents=claims.documents + hostile.documents + (extra,),
                     cross_document=claims.cross_document + hostile.cross_document)
    monkeypatch.setattr(html, "GRID_COLUMNS", 12 if grid else 1)
    table = html._claims_table(html._site(report).docs)
    assert table["grid"] is grid and len(table["groups"]) >= 3
    expected = html._env().from_string(_CLAIMS_ROWS_TEMPLATE).render(claims=table)
    assert "".join(batches(claims_group, table["groups"], table["grid"], size=2)) == expected


def test_compiled_templates_read_back_from_the_cache_render_the_same_pages(tmp_path, monkeypatch):
    """Jinja's bytecode cache (html._compiled_templates): pages rendered from the
    compiled templates it keeps are the pages compiled templates render; a
    corrupt file is compiled again, an unwritable folder is skipped."""
    from checker.report import html

    cache = tmp_path / "cache"
    monkeypatch.setenv("MTCHECK_CACHE", str(cache))
    report = claims_report()
    try:
        html._env.cache_clear()
        expected = render_pages(report)
        compiled = sorted((cache / "templates").iterdir())
        assert len(compiled) >= 4
        html._env.cache_clear()
        assert render_pages(report) == expected
        for path in compiled:
            path.write_bytes(path.read_bytes()[:40])  # cut short: the pickle or marshal fails
        html._env.cache_clear()
        assert render_pages(report) == expected
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder", encoding="utf-8")
        monkeypatch.setenv("MTCHECK_CACHE", str(blocker))
        html._env.cache_clear()
        assert render_pages(report) == expected
    finally:
        html._env.cache_clear()

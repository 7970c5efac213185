"""The HTML report an editor reviews in a browser, offline, straight from the disk.

Pages (paths relative to the report folder)::

    index.html            the gate's verdict, contradictions, every document, errors, notices
    docs/<safe-name>.html one per document: highlighted text, findings, diff, claims
    claims.html           the numeric claims side by side, one column per document
    rules.html            every rule's documentation (generated from the docstrings)

Every page is self-contained: the CSS and the small script are inlined from
``static/``, nothing is fetched from anywhere. All text from articles and
findings is escaped, by Jinja's autoescape or, for the items the pages repeat
by the thousand (``html_items``), as autoescape does it; the script reads only
``data-*`` attributes and elements the pages hold, never markup built from strings.

The view models below turn the frozen report records into plain values the
templates loop over; the heavy part is cutting a text into non-overlapping
pieces, each carrying the set of findings and claims that cover it, done in
one sweep so a 50-page article with 500 findings renders in well under a second.

An archive's report is written without holding it: the index, the claims
page and the cross-document views are made from the documents' summaries,
and each document's full result is read back (``checker.results``) only to
render its own page; the large pages are written as they are rendered.

A document's page carries a key (``<meta name="mtcheck-page-key">``): a hash
of everything it is rendered from (the result, its view, the templates and
the code that renders them). A run finds the page already on disk with the
same key and leaves it as it is, so a second run over an unchanged archive
renders none of them. Document pages therefore show nothing that depends on
the other documents' results beyond their own cross-document problems: the
gate's state is shown, its counts are on the overview.
"""
from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Sequence

from markupsafe import Markup, escape

from checker.core import (Claim, CrossCheck, DocumentResult, DocumentSummary, Finding, Report,
                          Severity)
from checker.parallel import can_fork, fork_pool, ordered_map
from checker.report import diff as diffmod
from checker.report import html_items as items

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

SEVERITIES = items.SEVERITIES
_LETTER = items.LETTER
_APPROX = {"exact": "", "about": "≈\u202f", "at-least": "≥\u202f", "at-most": "≤\u202f"}
_APPROX_WORDS = {"exact": "", "about": "about ", "at-least": "at least ", "at-most": "at most "}


# --------------------------------------------------------------------------- environment

@functools.lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # auto_reload off: the templates do not change during a run, and checking
    # their files at every include is a stat() per page
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=False,
                      bytecode_cache=_compiled_templates())
    env.filters["pct"] = items.pct
    env.filters["number"] = format_number
    env.globals.update(LETTER=items.LETTER, LABEL=items.LABEL, SEVERITIES=SEVERITIES,
                       sev_badge=items.sev_badge, mt_cell=items.mt_cell,
                       cross_item=items.cross_item, line_html=items.line_html,
                       finding_item=items.finding_item, diff_row=items.diff_row,
                       claim_row=items.claim_row, doc_row=items.doc_row,
                       claim_link=items.claim_link, claims_group=items.claims_group,
                       batches=items.batches)
    return env


def _compiled_templates():
    """Jinja's bytecode cache in the user's cache folder: compiling the templates
    took ~80 ms of every run, reading them back takes a few.

    Jinja checks a compiled template against a checksum of its source; here
    the checksum also covers mtcheck's code (the environment's options above
    change the compiled code too) and Jinja's version, so that one file per
    template is kept and replaced when either changes. A file that cannot be
    read is compiled again, one that cannot be written is skipped."""
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    from checker.cache import cache_dir, code_version

    class CompiledTemplates(FileSystemBytecodeCache):
        salt = f"{code_version()}\x1f{jinja2.__version__}\x1f"

        def get_source_checksum(self, source: str) -> str:
            return super().get_source_checksum(self.salt + source)

        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a corrupt file (pickle, marshal): compile
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                os.makedirs(self.directory, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                pass

    try:
        return CompiledTemplates(str(cache_dir() / "templates"))
    except RuntimeError:  # no home folder to keep them in: compiled at each run
        return None


@functools.lru_cache(maxsize=4)
def _static(name: str) -> Markup:
    """A packaged CSS or JS file, to inline in a <style> or <script> element."""
    text = (STATIC / name).read_text(encoding="utf-8")
    if "</" in text:  # would end the element early; our files never need it
        raise ValueError(f"static/{name} must not contain '</'")
    return Markup(text)


def _csp_hash(content: str) -> str:
    """The Content-Security-Policy source allowing exactly this inline element's content."""
    import base64
    import hashlib

    digest = hashlib.sha256(str(content).encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# --------------------------------------------------------------------------- helpers

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(path: str) -> str:
    """A file name for a document's page: letters, digits, '.', '_', '-' only."""
    parts = [p for p in re.split(r"[\\/]+", path) if p not in ("", ".", "..")]
    name = "_".join(_UNSAFE.sub("-", p) for p in parts).strip(".-_") or "document"
    if len(name) > 120:
        import hashlib

        digest = hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]
        name = f"{name[:100]}-{digest}"
    return name


def anchor_id(prefix: str, text: str) -> str:
    return prefix + (_UNSAFE.sub("-", text).strip("-") or "x")


def format_number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"


def claim_value(claim: Claim) -> str:
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{_APPROX.get(claim.approx, '')}{format_number(claim.value)}{unit}"


def _short(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rule_ids() -> dict[str, object]:
    try:
        from checker.detectors import REGISTRY, rule_doc
    except Exception:  # noqa: BLE001 - the report must render even if a detector is broken
        return {}
    out = {}
    for cls in REGISTRY:
        try:
            out[cls.id] = rule_doc(cls)
        except Exception:  # noqa: BLE001
            out[cls.id] = None
    return out


# --------------------------------------------------------------------------- markdown

_INLINE_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")
_EM = re.compile(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])")


def _inline(text: str) -> Markup:
    html = str(escape(text))
    html = _INLINE_CODE.sub(r"<code>\1</code>", html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _EM.sub(r"<em>\1</em>", html)
    return Markup(html)


def markdown_html(text: str, heading_offset: int = 1) -> Markup:
    """The small Markdown subset rule docstrings use: headings, paragraphs, lists, code."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    lines = text.splitlines()
    i = 0

    def flush():
        if para:
            out.append(f"<p>{_inline(' '.join(para))}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(x)}</li>" for x in items) + "</ul>")
            items.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            out.append(f"<pre><code>{escape(chr(10).join(block))}</code></pre>")
        elif line.startswith("    ") and not para and not items:
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:])
                i += 1
            out.append(f"<pre><code>{escape(chr(10).join(block).rstrip())}</code></pre>")
            continue
        elif m := re.match(r"^(#{1,6})\s+(.*)$", stripped):
            flush()
            level = min(6, len(m.group(1)) + heading_offset)
            out.append(f"<h{level}>{_inline(m.group(2))}</h{level}>")
        elif re.match(r"^[-*]\s+", stripped):
            if para:
                flush()
            items.append(re.sub(r"^[-*]\s+", "", stripped))
        elif not stripped:
            flush()
        elif items and line.startswith(" "):
            items[-1] += " " + stripped
        else:
            if items:
                flush()
            para.append(stripped)
        i += 1
    flush()
    return Markup("\n".join(out))


# --------------------------------------------------------------------------- view models

@dataclass(slots=True)  # made by the thousand
class Piece:
    """A run of text covered by the same findings and claims."""

    text: str
    findings: tuple[int, ...] = ()
    claims: tuple[str, ...] = ()  # claim anchor ids
    begins: tuple[int, ...] = ()  # findings that start here
    claim_anchors: tuple[str, ...] = ()  # claims that start here
    caret: tuple[int, ...] = ()  # zero-length findings at this point (text is "")
    sev: str = ""
    badge: str = ""
    cats: str = ""

    @property
    def f_attr(self) -> str:
        return " ".join(map(str, self.findings))


@dataclass(slots=True)  # made by the thousand
class Line:
    number: int
    pieces: list[Piece]
    lang: str | None = None  # set when the paragraph is in another language than the document
    claim_anchor: bool = False


@dataclass(slots=True)  # made by the thousand
class FindingView:
    index: int
    finding: Finding
    line: int
    col: int
    sev: str
    rule_known: bool
    applied: bool
    suggestion_kind: str  # none | delete | replace | same

    @property
    def f(self) -> Finding:
        return self.finding


@dataclass(slots=True)  # made by the thousand
class ClaimView:
    claim: Claim
    anchor: str
    page: str  # page path relative to the report root
    doc_index: int
    contradicted: bool
    value: str

    @property
    def short(self) -> str:
        """The value without its unit, which the claims table shows in the row header."""
        return f"{_APPROX.get(self.claim.approx, '')}{format_number(self.claim.value)}"


@dataclass
class DocView:
    """A document as the index and the claims page show it, and its page's head:
    made from its summary, kept for the whole run (the full result is read
    only to render the document's own page)."""

    index: int
    summary: DocumentSummary
    page: str  # relative to the report root, e.g. "docs/a.txt.html"
    counts: dict[str, int]
    claims: list[ClaimView] = field(default_factory=list)
    cross: list[CrossView] = field(default_factory=list)

    @functools.cached_property
    def name(self) -> str:
        path = self.summary.path
        return PurePosixPath(path.replace("\\", "/")).name or path


def pieces_by_line(text: str, findings: tuple[Finding, ...],
                   claims: Iterable[tuple[str, int, int]] = ()) -> list[list[Piece]]:
    """The text cut at every finding, claim and line boundary, one list per line.

    Each piece carries the indexes of the findings covering it, so overlapping
    and nested findings need no nested elements. ``claims`` are
    (anchor, start, end). Zero-length findings become carets at their point.

    The sweep stops only where a finding or claim starts or ends (a "mark"):
    the same ones cover all the text up to the next mark, which is cut at its
    line breaks there. An article's lines mostly carry nothing, and cost a
    split and a plain piece each. What starts on a line break shows on the
    first piece after it (its "begins" and claim anchors are carried over);
    a finding of line breaks only becomes a caret there.
    """
    n = len(text)
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    points: dict[int, list[int]] = defaultdict(list)
    marks = {0, n}
    for i, f in enumerate(findings):
        s, e = min(f.start, n), min(f.end, n)
        marks.add(s)
        if s == e:
            points[s].append(i)
        else:
            starts[s].append(i)
            ends[e].append(i)
            marks.add(e)
    claim_starts: dict[int, list[str]] = defaultdict(list)
    claim_ends: dict[int, list[str]] = defaultdict(list)
    for anchor, s, e in claims:
        s, e = min(s, n), min(max(e, s), n)
        claim_starts[s].append(anchor)
        claim_ends[e].append(anchor)
        marks.update((s, e))
    severity = [f.severity.value for f in findings]
    rank = {"error": 2, "warning": 1, "info": 0}.__getitem__

    def top(ids) -> str:
        return max((severity[i] for i in ids), key=rank)

    def caret(ids: tuple[int, ...], sev: str, cats: str) -> Piece:
        return Piece("", findings=ids, begins=ids, caret=ids, sev=sev, badge=_LETTER[sev],
                     cats=cats)

    active: set[int] = set()
    active_claims: list[str] = []
    lines: list[list[Piece]] = [[]]
    begin: tuple[int, ...] = ()  # findings and claims started and not shown yet
    new_claims: tuple[str, ...] = ()
    order = sorted(marks)
    for k, a in enumerate(order):
        for i in ends.get(a, ()):
            active.discard(i)
        for c in claim_ends.get(a, ()):
            if c in active_claims:
                active_claims.remove(c)
        started = claim_starts.get(a, ())
        for c in started:
            if c not in active_claims:
                active_claims.append(c)
        new_claims += tuple(started)
        opened = starts.get(a, ())
        active.update(opened)
        begin += tuple(opened)
        if a in points:
            pts = tuple(points[a])
            lines[-1].append(caret(pts, top(pts),
                                   " ".join(sorted({findings[i].category for i in pts}))))
        if k + 1 == len(order):
            break
        # up to the next mark the same findings and claims cover the text
        ids, covering_claims = tuple(sorted(active)), tuple(active_claims)
        sev = top(ids) if ids else ""
        cats = " ".join(sorted({findings[i].category for i in ids})) if ids else ""
        for j, part in enumerate(text[a:order[k + 1]].split("\n")):
            if j:
                lines.append([])
            if not part:
                continue
            line = lines[-1]
            if begin:
                gone = [i for i in begin if i not in active]  # a finding of line breaks only
                if gone:
                    line.append(caret(tuple(gone), severity[gone[0]], findings[gone[0]].category))
                    begin = tuple(sorted(i for i in begin if i in active))
                else:
                    begin = tuple(sorted(begin))
            line.append(Piece(part, ids, covering_claims, begin, new_claims, sev=sev,
                              badge=_LETTER[top(begin)] if begin else "", cats=cats))
            begin, new_claims = (), ()
    return lines


def _line_views(result: DocumentResult, claim_spans: list[tuple[str, int, int]]) -> list[Line]:
    doc = result.document
    per_line = pieces_by_line(doc.text, result.findings, claim_spans)
    segments = sorted(doc.segments, key=lambda s: s.start)
    views: list[Line] = []
    offset, seg_i = 0, 0
    for number, (pieces, text) in enumerate(zip(per_line, doc.text.split("\n")), 1):
        lang = None
        while seg_i < len(segments) and segments[seg_i].end <= offset:
            seg_i += 1
        if seg_i < len(segments) and segments[seg_i].start <= offset < segments[seg_i].end:
            seg_lang = segments[seg_i].language
            if seg_lang and doc.language and seg_lang != doc.language:
                lang = seg_lang
        views.append(Line(number, pieces, lang))
        offset += len(text) + 1
    return views


def _finding_views(result: DocumentResult, applied: set[int], known: dict) -> list[FindingView]:
    doc = result.document
    views = []
    # line/col by one sweep over the sorted starts
    order = sorted(range(len(result.findings)), key=lambda i: result.findings[i].start)
    line, line_start, pos = 1, 0, 0
    where: dict[int, tuple[int, int]] = {}
    text = doc.text
    for i in order:
        target = min(result.findings[i].start, len(text))
        while True:
            nl = text.find("\n", pos, target)
            if nl == -1:
                break
            line += 1
            line_start = nl + 1
            pos = nl + 1
        pos = max(pos, target)
        where[i] = (line, target - line_start + 1)
    for i, f in enumerate(result.findings):
        if f.suggestion is None:
            kind = "none"
        elif f.suggestion == "":
            kind = "delete"
        elif f.suggestion == f.text:
            kind = "same"
        else:
            kind = "replace"
        ln, col = where[i]
        views.append(FindingView(i, f, ln, col, f.severity.value, f.rule in known,
                                 i in applied, kind))
    return views


def _claim_anchor_map(summaries: Sequence[DocumentSummary],
                      pages: list[str]) -> dict[str, tuple[str, str, int]]:
    """claim id -> (page, anchor, document index); anchors are unique in a report."""
    out: dict[str, tuple[str, str, int]] = {}
    used: set[str] = set()
    for d, summary in enumerate(summaries):
        for claim in summary.claims:
            base = anchor_id("claim-", claim.id)
            anchor, k = base, 2
            while anchor in used:
                anchor, k = f"{base}-{k}", k + 1
            used.add(anchor)
            out.setdefault(claim.id, (pages[d], anchor, d))
    return out


def doc_pages(report: Report) -> list[str]:
    """Each document's page, relative to the report folder, in document order.

    Named after the document's path without the folder all documents share
    ("seeds/000_x.txt" alone becomes docs/000_x.txt.html), unique ignoring case.
    """
    return _doc_pages(report.summaries())


def _doc_pages(summaries: Sequence[DocumentSummary]) -> list[str]:
    paths = [PurePosixPath(s.path.replace("\\", "/")) for s in summaries]
    common: tuple[str, ...] = ()
    if paths:
        parents = [p.parts[:-1] for p in paths]
        first = parents[0]
        size = 0
        while size < len(first) and all(len(q) > size and q[size] == first[size] for q in parents):
            size += 1
        common = first[:size]
    taken: set[str] = set()
    pages = []
    for path in paths:
        rest = path.parts[len(common):] if path.parts[:len(common)] == common else path.parts
        base = safe_name("/".join(rest) or path.name)
        name, k = base, 2
        while name.lower() in taken:
            name, k = f"{base}-{k}", k + 1
        taken.add(name.lower())
        pages.append(f"docs/{name}.html")
    return pages


@dataclass(slots=True)  # made by the thousand
class CrossView:
    check: CrossCheck
    links: list[tuple[str, str, str | None]]  # (path, text, href relative to root)
    page_html: str = ""  # as a document page shows it: made once, shown on each of its pages
    fingerprint: str = ""  # of page_html, for the keys of the document pages showing it


def _cross_views(report: Report, summaries: Sequence[DocumentSummary], pages: list[str],
                 anchors: dict[str, tuple[str, str, int]]) -> list[CrossView]:
    by_path = {s.path: pages[i] for i, s in enumerate(summaries)}
    claim_spans = {}
    for summary in summaries:
        for c in summary.claims:
            claim_spans[(summary.path, c.start, c.end)] = c.id
    rank = {"contradiction": 0, "entity-variant": 1, "consistent": 2}
    views = []
    for check in sorted(report.cross_document,
                        key=lambda c: (rank.get(c.kind, 1), -c.severity.rank)):
        links = []
        for span in check.spans:
            href = by_path.get(span.path)
            claim_id = claim_spans.get((span.path, span.start, span.end))
            if claim_id is None:
                for cid in check.claims:
                    if cid in anchors and anchors[cid][0] == href:
                        claim_id = cid
                        break
            if href and claim_id in anchors:
                href = f"{href}#{anchors[claim_id][1]}"
            links.append((span.path, span.text, href))
        if not check.spans:
            for cid in check.claims:
                if cid in anchors:
                    page, anchor, d = anchors[cid]
                    links.append((summaries[d].path, cid, f"{page}#{anchor}"))
        views.append(CrossView(check, links))
    return views


# --------------------------------------------------------------------------- pages

def _gate_view(report: Report) -> dict:
    from checker.gate import blocking

    gate = report.gate
    if gate.never:
        return {"state": "never", "title": "Report only",
                "detail": "The gate never fails (--fail-on never)."}
    count = blocking(report, gate.fail_on)
    threshold = gate.fail_on.value
    if gate.passed:
        return {"state": "passed", "title": "Passed",
                "detail": f"Nothing at or above {threshold} severity; every file was checked."}
    parts = []
    issues = count - len(report.errors)
    if issues:
        parts.append(f"{issues} finding(s) or cross-document verdict(s) at or above {threshold}")
    if report.errors:
        parts.append(f"{len(report.errors)} file(s) could not be checked")
    return {"state": "failed", "title": "Failed", "detail": "; ".join(parts) + "."}


@dataclass
class _Site:
    """Everything the pages are rendered from, computed once per report from the
    documents' summaries: a document's full result is read only for its page."""
    env: object
    docs: list  # DocView per document
    cross: list  # CrossView
    known: dict
    common: dict  # what every page's template gets
    document_common: dict  # what every document page's template gets instead
    page_key_base: str = ""  # what every document page's key starts from


def _site(report: Report) -> _Site:
    import hashlib

    from checker import __version__

    env = _env()
    summaries = report.summaries()
    pages = _doc_pages(summaries)
    anchors = _claim_anchor_map(summaries, pages)
    contradicted = {cid for c in report.cross_document if c.kind == "contradiction"
                    for cid in c.claims}
    known = _rule_ids()
    cross = _cross_views(report, summaries, pages, anchors)

    # Which cross-document problems involve each page, in one pass: filtering
    # the whole list per document is quadratic on an archive of thousands.
    cross_by_page: dict[str, list] = {}
    for cv in cross:
        if cv.check.kind == "consistent":
            continue
        cv.page_html = items.cross_item(cv, "../")
        cv.fingerprint = hashlib.blake2b(cv.page_html.encode("utf-8", "surrogatepass"),
                                         digest_size=16).hexdigest()
        for page in dict.fromkeys(link[2].split("#")[0] for link in cv.links if link[2]):
            cross_by_page.setdefault(page, []).append(cv)

    docs: list[DocView] = []
    for d, summary in enumerate(summaries):
        view = DocView(d, summary, pages[d], dict(summary.counts))
        for claim in summary.claims:
            page, anchor, _ = anchors.get(claim.id, (pages[d], anchor_id("claim-", claim.id), d))
            view.claims.append(ClaimView(claim, anchor, page, d, claim.id in contradicted,
                                         claim_value(claim)))
        view.cross = cross_by_page.get(pages[d], [])
        docs.append(view)

    # the inline style and script, and the hashes the Content-Security-Policy
    # allows them by, are the same on every page: computed once
    css, js = _static("report.css"), _static("report.js")
    gate = _gate_view(report)
    common = {"version": __version__, "css": css, "csp_style": _csp_hash(css),
              "csp_script": "'none'", "counts": report.counts(), "gate": gate,
              "n_docs": len(summaries), "page_key": None}
    # a document page shows the gate's state, not its counts: those change with
    # every other document, and would make every page's key change with them
    document_common = {**common, "js": js, "csp_script": _csp_hash(js), "n_docs": None,
                       "gate": {**gate, "detail": _DOCUMENT_GATE_DETAIL}}
    page_key_base = _page_key_base(known, {k: v for k, v in document_common.items()
                                           if k not in ("css", "js", "counts")})
    return _Site(env, docs, cross, known, common, document_common, page_key_base)


_DOCUMENT_GATE_DETAIL = "Decided over the whole report: the Overview says why."
_RENDERING_CODE = ("html.py", "html_items.py", "diff.py")


def _page_key_base(known: dict, document_common: dict) -> str:
    """A hash of what every document page is rendered with: the templates, the
    inlined style and script, the code that renders them, the rules' docs."""
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    for folder, names in ((TEMPLATES, None), (STATIC, None), (HERE, _RENDERING_CODE)):
        for path in sorted(folder.iterdir()) if names is None else [folder / n for n in names]:
            if path.is_file():
                h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(repr(sorted(known.items(), key=lambda kv: kv[0])).encode())
    h.update(repr(sorted(document_common.items())).encode())
    return h.hexdigest()


def _page_key(site: _Site, view: DocView, result_digest: str) -> str:
    import hashlib

    h = hashlib.blake2b(site.page_key_base.encode(), digest_size=16)
    h.update(result_digest.encode())
    h.update(_view_fingerprint(view).encode())
    return h.hexdigest()


def _view_fingerprint(view: DocView) -> str:
    """What a document's page shows beyond its own result (which its digest
    covers, and with it the summary, the counts and the claims): where its
    claims' anchors are and whether they are contradicted, and its
    cross-document problems. The repr of the whole view said the same at twice
    the cost, most of it the cross-document verdicts, which several pages share:
    each carries a fingerprint of its HTML, made once."""
    return repr((view.page, [(c.anchor, c.page, c.contradicted) for c in view.claims],
                 [cv.fingerprint for cv in view.cross]))


def _result_digest(results: Sequence[DocumentResult], index: int) -> str:
    from checker.results import Results, digest

    if isinstance(results, Results):  # a run's results on disk know theirs
        return results.digest(index)
    return digest(results[index])


_KEY_META = '<meta name="mtcheck-page-key" content="{}">'


def _page_on_disk_has(target: Path, key: str) -> bool:
    """Whether the page at ``target`` was rendered with ``key`` (it is in the page's head)."""
    try:
        with open(target, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    return _KEY_META.format(key).encode() in head


def _document_pages(site: _Site, results: Sequence[DocumentResult]) -> Iterator[tuple[str, str]]:
    """(page, HTML text) of each document, its result read back one at a time."""
    tpl = site.env.get_template("document.html.j2")
    for i, view in enumerate(site.docs):
        key = _page_key(site, view, _result_digest(results, i))
        yield view.page, _render_document(tpl, view, results[i], site, key)


def _write_document_pages(site: _Site, results: Sequence[DocumentResult], out_dir: Path,
                          todo: Sequence[tuple[int, str]]) -> None:
    """Render and write the pages of the documents ``todo`` lists as (index, page
    key); not durably: the caller syncs them at once."""
    from checker.report.files import write_atomic

    tpl = site.env.get_template("document.html.j2")
    for i, key in todo:
        view = site.docs[i]
        write_atomic(_page_path(out_dir, view), _render_document(tpl, view, results[i], site, key),
                     durable=False)


def _page_path(out_dir: Path, view: DocView) -> Path:
    return Path(out_dir, *view.page.split("/"))


def _summary_pages(report: Report, site: _Site) -> Iterator[tuple[str, Iterator[str]]]:
    """claims.html, rules.html and index.html, the index last, each as the pieces
    of its text: an archive's index and claims page run to megabytes."""
    env, docs, cross, common = site.env, site.docs, site.cross, site.common
    yield "claims.html", env.get_template("claims.html.j2").generate(
        root="", page="claims", title="Numeric claims", claims=_claims_table(docs),
        contradictions=[cv for cv in cross if cv.check.kind == "contradiction"],
        docs=docs, **common)
    yield "rules.html", env.get_template("rules.html.j2").generate(
        root="", page="rules", title="Rules", rules=_rules_view(docs, site.known), **common)
    yield "index.html", env.get_template("index.html.j2").generate(
        root="", page="index", title="Report", report=report, docs=docs,
        problems=[cv for cv in cross if cv.check.kind != "consistent"],
        consistent=[cv for cv in cross if cv.check.kind == "consistent"],
        n_claims=sum(len(v.claims) for v in docs), **common)


def iter_pages(report: Report) -> Iterator[tuple[str, str]]:
    """(relative path, HTML text) of every page, one at a time; the index last."""
    site = _site(report)
    yield from _document_pages(site, report.documents)
    for rel, chunks in _summary_pages(report, site):
        yield rel, "".join(chunks)


def render_pages(report: Report) -> dict[str, str]:
    """Every page of the HTML report: relative path -> HTML text."""
    return dict(iter_pages(report))


def _render_document(tpl, view: DocView, result: DocumentResult, site: _Site, key: str) -> str:
    doc = result.document
    fixes = diffmod.select_fixes(result.findings)
    applied = {fix.finding for fix in fixes}
    findings = _finding_views(result, applied, site.known)
    claim_spans = [(c.anchor, c.claim.start, c.claim.end) for c in view.claims]
    lines = _line_views(result, claim_spans)
    ops = diffmod.diff_ops(doc.text, fixes)
    rows = diffmod.diff_rows(ops)
    corrected = diffmod.new_text(ops)
    categories: dict[str, int] = defaultdict(int)
    for f in result.findings:
        categories[f.category] += 1
    claim_rows = [(c, doc.line_col(min(c.claim.start, len(doc.text)))[0]) for c in view.claims]
    return tpl.render(
        root="../", page="document", title=doc.path, view=view, doc=doc,
        findings=findings, lines=lines, rows=rows, corrected=corrected,
        n_changed=sum(1 for r in rows if r.changed), n_fixes=len(fixes),
        categories=sorted(categories.items()), claim_rows=claim_rows,
        cross_html=Markup("".join([cv.page_html for cv in view.cross])),
        download_name=f"{Path(view.name).stem or 'article'}.corrected.txt",
        **{**site.document_common, "page_key": key})


GRID_COLUMNS = 12  # above this many articles a column each is unreadable (and quadratic)


def _claims_table(docs: list[DocView]) -> dict:
    """Claims grouped by what they count (quantity, unit), then by the time they refer to.

    Up to GRID_COLUMNS articles, each row has a cell per article (``cells``);
    beyond, each row lists only the articles that state it (``entries``).
    """
    columns = [v for v in docs if v.claims]
    grid = len(columns) <= GRID_COLUMNS
    groups: dict[tuple[str, str], dict[str | None, dict[int, list[ClaimView]]]] = {}
    for view in columns:
        for cv in view.claims:
            key = ((cv.claim.quantity or "").strip(), (cv.claim.unit or "").strip())
            groups.setdefault(key, {}).setdefault(cv.claim.when, defaultdict(list))[
                view.index].append(cv)
    out_groups = []
    for (quantity, unit), whens in sorted(groups.items(),
                                          key=lambda kv: (kv[0][0] == "", kv[0][0].lower(),
                                                          kv[0][1].lower())):
        rows = []
        for when in sorted(whens, key=lambda w: (w is None, w or "")):
            cells = whens[when]
            row = {"when": when, "contradicted": any(cv.contradicted for lst in cells.values()
                                                     for cv in lst)}
            row["cells"] = [cells.get(v.index, []) for v in columns] if grid else []
            row["entries"] = [] if grid else [(docs[i], cells[i]) for i in sorted(cells)]
            rows.append(row)
        out_groups.append({"quantity": quantity, "unit": unit, "rows": rows,
                           "contradicted": any(r["contradicted"] for r in rows)})
    return {"columns": columns, "groups": out_groups, "grid": grid,
            "without": [v for v in docs if not v.claims],
            "total": sum(len(v.claims) for v in docs)}


def _rules_view(docs: list[DocView], known: dict) -> list[dict]:
    used: dict[str, int] = defaultdict(int)
    for view in docs:
        for rule, n in view.summary.rules:
            used[rule] += n
    rules = []
    for rule_id, doc in known.items():
        rules.append({"id": rule_id, "doc": doc, "used": used.get(rule_id, 0),
                      "body": markdown_html(doc.render(), heading_offset=1) if doc else None})
    for rule_id in sorted(set(used) - set(known)):
        rules.append({"id": rule_id, "doc": None, "used": used[rule_id], "body": None})
    return rules


def write_pages(report: Report, out_dir: Path, jobs: int = 1) -> list[Path]:
    """Write every page atomically, each as soon as it is rendered; the index
    last, so its links never point at nothing. A document page already on disk
    with the same key is left as it is.

    With ``jobs`` > 1 and many pages to render, forked processes render and
    write them (the bulk of the work) while this one waits.
    """
    import time

    from checker.report.files import sync_all, write_atomic

    started = time.time()
    site = _site(report)
    results, out_dir = report.documents, Path(out_dir)
    # Which pages must be rendered, found here: reading the head of a page is
    # cheap, a worker pool to do it is not (a second run renders none).
    keys = [_page_key(site, view, _result_digest(results, i)) for i, view in enumerate(site.docs)]
    written = [_page_path(out_dir, view) for view in site.docs]
    todo = [(i, key) for i, key in enumerate(keys) if not _page_on_disk_has(written[i], key)]
    if jobs > 1 and len(todo) >= _PARALLEL_PAGES and can_fork():
        _write_in_workers(site, results, out_dir, todo, jobs)
    else:
        _write_document_pages(site, results, out_dir, todo)
    if todo:
        sync_all()  # the document pages are on disk before the index links to them
    for rel, chunks in _summary_pages(report, site):
        target = Path(out_dir, *rel.split("/"))
        write_atomic(target, chunks)
        written.append(target)
    _remove_stale_pages(Path(out_dir) / "docs", {p.name for p in written}, started)
    return written


def _remove_stale_pages(folder: Path, current: set[str], started: float) -> None:
    """Pages of documents an earlier run checked and this one did not (a renamed
    or deleted article) go: the folder holds this report, not a history.

    Only pages last written before this run started: a page another run is
    writing into the same folder right now is that run's to keep.
    """
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for path in entries:
        if path.suffix != ".html" or path.name in current:
            continue
        try:
            if path.is_file() and path.stat().st_mtime < started:
                path.unlink()
        except OSError:
            pass  # not ours to remove, or already gone


_PARALLEL_PAGES = 64  # fewer pages to render than this are not worth the fork
_FORKED_SITE: tuple[_Site, Sequence[DocumentResult], Path] | None = None


def _write_share(share: Sequence[tuple[int, str]]) -> None:
    site, results, out_dir = _FORKED_SITE
    _write_document_pages(site, results, out_dir, share)


def _write_in_workers(site: _Site, results: Sequence[DocumentResult], out_dir: Path,
                      todo: list[tuple[int, str]], jobs: int) -> None:
    global _FORKED_SITE
    step = max(1, len(todo) // (jobs * 8))
    shares = [todo[a:a + step] for a in range(0, len(todo), step)]
    _FORKED_SITE = (site, results, out_dir)  # the workers fork at the first task and find it there
    try:
        for _ in ordered_map(fork_pool(jobs), _write_share, shares):
            pass
    finally:
        _FORKED_SITE = None


__all__ = ["render_pages", "write_pages", "doc_pages", "safe_name", "pieces_by_line", "markdown_html",
           "SEVERITIES", "Severity"]

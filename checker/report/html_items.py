"""The HTML of the items the report's pages repeat by the thousand.

The templates lay out the pages and loop over the items; each item (a line of
the article, a finding, a cross-document verdict, a diff row, a claim, an
index row) is written by a function here. An archive's report holds hundreds
of thousands of them, and a template macro per item, with an autoescape call
per field, was most of the report's writing time: here each is one string
format. Everything from an article, a finding or a rule goes through
``esc``, as autoescape would, and the output is the same text as the
templates wrote.
"""
from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from markupsafe import Markup

from checker.core import MachineTranslationVerdict

if TYPE_CHECKING:
    from checker.report.diff import DiffRow
    from checker.report.html import ClaimView, CrossView, DocView, FindingView, Line, Piece

SEVERITIES = ("error", "warning", "info")
LETTER = {"error": "E", "warning": "W", "info": "I"}
LABEL = {"error": "Error", "warning": "Warning", "info": "Info"}


try:
    # a string escaped as markupsafe's escape (autoescape) does it, by the C
    # function escape itself calls, without wrapping every field in a Markup
    from markupsafe._speedups import _escape_inner as esc
except ImportError:  # markupsafe without its C speed-ups
    from markupsafe import escape as esc


def pct(x: float) -> str:
    return f"{round(float(x) * 100):d}%"


def truncate(text: str, length: int) -> str:
    """Jinja's ``truncate`` filter with its defaults: cut at a word, "..." after,
    texts up to 5 characters over the length left whole."""
    if len(text) <= length + 5:
        return text
    return text[:length - 3].rsplit(" ", 1)[0] + "..."


@functools.lru_cache(maxsize=None)
def sev_badge(sev: str, count: int | None = None) -> Markup:
    """A severity's badge: its letter, then the count of findings or the name
    (a few dozen distinct ones in a report, each made once)."""
    label = LABEL[sev]
    if count is None:
        rest = f'<span class="sev-name">{label}</span>'
    else:
        plural = "s" if count != 1 and sev != "info" else ""
        rest = (f'<span class="sev-count">{count}</span>'
                f'<span class="sr-only"> {label.lower()}{plural}</span>')
    return Markup(f'<span class="sev sev-{sev}"><span class="sev-letter" aria-hidden="true">'
                  f'{LETTER[sev]}</span>{rest}</span>')


def mt_cell(mt: MachineTranslationVerdict | None) -> Markup:
    """The machine-translation verdict: a meter, the score and the likely source."""
    if mt is None:
        return Markup('<span class="muted" title="not assessed in this run">—</span>')
    likely = "likely" if mt.likely else "unlikely"
    source = (f'<span class="muted"> from {esc(mt.source_language)}</span>'
              if mt.source_language else "")
    return Markup(f'<span class="mt mt-{likely}"><span class="meter" aria-hidden="true">'
                  f'<span class="meter-fill meter-{math.floor(mt.score * 10)}"></span></span>'
                  f'{pct(mt.score)} · {likely}{source}</span>')


def counts_cells(counts: dict[str, int]) -> Markup:
    """A table cell per severity: its badge with the count, or a muted zero."""
    return Markup("".join(
        f'<td class="num">{sev_badge(sev, counts[sev])}</td>' if counts[sev] else
        f'<td class="num"><span class="zero" aria-label="no {LABEL[sev].lower()}">0</span></td>'
        for sev in SEVERITIES))


def batches(item_html, items, *args, size: int = 200):
    """``item_html(item, *args)`` of each item, joined in batches of ``size``: a
    template loops over a few batches instead of calling a function per item
    (what Jinja spends on a call and its output is more than the item costs),
    and a page of thousands of items is still written as it is made."""
    items = list(items)
    for start in range(0, len(items), size):
        yield Markup("".join([item_html(item, *args) for item in items[start:start + size]]))


# --------------------------------------------------------------------------- pages of all kinds

def cross_item(cv: CrossView, root: str) -> Markup:
    """A cross-document verdict, with a link to each span it relates."""
    check = cv.check
    sev = check.severity.value
    out = [(f'  <li class="cross cross-{esc(check.kind)} sev-border-{sev}">\n'
            f'    <div class="cross-head">{sev_badge(sev)} '
            f'<span class="kind">{esc(check.kind.replace("-", " "))}</span></div>\n'
            f'    <p class="cross-msg">{esc(check.message)}</p>\n')]
    if cv.links:
        out.append('    <ul class="cross-spans">\n')
        for path, text, href in cv.links:
            quote = f"“{esc(truncate(text, 160))}”"
            if href:
                quote = f'<a href="{esc(root)}{esc(href)}">{quote}</a>'
            out.append(f'      <li><span class="path">{esc(path)}</span>: {quote}</li>\n')
        out.append('    </ul>\n')
    out.append('  </li>\n')
    return Markup("".join(out))


# --------------------------------------------------------------------------- a document's page

def line_html(line: Line) -> Markup:
    """One line of the article: a paragraph element holding its pieces."""
    lang = f' lang="{esc(line.lang)}" data-lang="{esc(line.lang)}"' if line.lang else ""
    pieces = "".join(map(_piece_html, line.pieces))
    return Markup(f'<p class="ln{"" if line.pieces else " blank"}" id="L{line.number}" '
                  f'data-n="{line.number}"{lang}>{pieces}</p>\n')


def _piece_html(p: Piece) -> str:
    """A piece of text, marked with the findings and claims covering it, after
    the anchors of the findings and claims starting there."""
    out = [f'<span class="anchor" id="hl-{i}"></span>' for i in p.begins[1:]]
    out += [f'<span class="anchor claim-anchor" id="{a}" data-claim="{a}"></span>'
            for a in map(esc, p.claim_anchors)]
    text = esc(p.text)
    claims = f' data-claims="{esc(" ".join(p.claims))}"' if p.claims else ""
    if p.findings:
        begins = (f' id="hl-{p.begins[0]}" data-begin="{" ".join(map(str, p.begins))}" '
                  f'data-badge="{esc(p.badge)}" tabindex="0"') if p.begins else ""
        out.append(f'<mark class="hl{" caret" if p.caret else ""}{" claim" if p.claims else ""}" '
                   f'data-f="{p.f_attr}" data-sev="{esc(p.sev)}" data-cats="{esc(p.cats)}"'
                   f'{claims}{begins} aria-describedby="{" ".join(f"f{i}" for i in p.findings)}">'
                   f'{text}</mark>')
    elif p.claims:
        out.append(f'<span class="claim"{claims}>{text}</span>')
    else:
        out.append(text)
    return "".join(out)


def finding_item(fv: FindingView, root: str) -> Markup:
    """A finding in the list beside the text: where, what, the fix, the rule."""
    f, i = fv.finding, fv.index
    if fv.suggestion_kind == "replace":
        fix = (f'<span class="arrow" aria-label="should be">→</span> '
               f'<span class="fix">{esc(f.suggestion)}</span>\n')
    elif fv.suggestion_kind == "delete":
        fix = '<span class="arrow" aria-hidden="true">→</span> <span class="fix delete">delete</span>\n'
    else:
        fix = '<span class="nofix">no automatic fix</span>'
    note = ('<p class="note">Not applied in the corrected text: it overlaps a fix of higher '
            'severity or confidence.</p>'
            if fv.suggestion_kind in ("replace", "delete") and not fv.applied else "")
    rule = esc(f.rule)
    rule = (f'<a class="rule" href="{esc(root)}rules.html#{rule}">{rule}</a>' if fv.rule_known
            else f'<span class="rule">{rule}</span>')
    category = esc(f.category)
    return Markup(
        f'      <li class="finding sev-border-{fv.sev}" id="f{i}" data-i="{i}" data-sev="{fv.sev}" '
        f'data-cat="{category}">\n'
        f'        <div class="finding-head">{sev_badge(fv.sev)} <span class="cat">{category}</span> '
        f'<a class="loc" href="#hl-{i}" data-goto="{i}" aria-label="Go to line {fv.line}, '
        f'column {fv.col}">{fv.line}:{fv.col}</a></div>\n'
        f'        <p class="msg">{esc(f.message)}</p>\n'
        f'        <p class="change">\n'
        f'          <span class="was" title="flagged text">{esc(truncate(f.text, 160))}</span>\n'
        f'{fix}        </p>\n'
        f'{note}        <p class="meta">{rule} · confidence {pct(f.confidence)} · '
        f'{esc(f.detector)}</p>\n'
        f'      </li>\n')


def diff_row(row: DiffRow) -> Markup:
    """A line of the side-by-side diff: the original, then the corrected line."""
    old, new = [], []
    for op in row.ops:
        text = esc(op.text)
        if op.kind == "equal":
            old.append(text)
            new.append(text)
            continue
        tag, side = ("del", old) if op.kind == "delete" else ("ins", new)
        space = "" if op.text.strip() else (
            ' class="ws" title="deleted space"' if tag == "del" else ' class="ws" title="inserted space"')
        finding = f' data-f="{op.finding}"' if op.finding is not None else ""
        side.append(f"<{tag}{space}{finding}>{text}</{tag}>")
    return Markup(f'    <tr class="{"changed" if row.changed else "same"}"><td class="num">'
                  f'<a href="#L{row.line}">{row.line}</a></td><td class="old">{"".join(old)}</td>'
                  f'<td class="new">{"".join(new)}</td></tr>\n')


def claim_row(cv_line: tuple[ClaimView, int]) -> Markup:
    """A claim in the table of the document's claims, and its line."""
    cv, line = cv_line
    row, tag = "", ""
    if cv.contradicted:
        row = ' class="contra"'
        tag = (' <span class="contra-tag" title="contradicted by another article">'
               '<span aria-hidden="true">⚠</span> contradiction</span>')
    claim = cv.claim
    return Markup(
        f'    <tr{row}>\n'
        f'      <td><a href="#{esc(cv.anchor)}" class="claim-link">{esc(cv.value)}</a>{tag}</td>\n'
        f'      <td>{esc(claim.quantity or "—")}</td>\n'
        f'      <td>{esc(claim.when or "not stated")}</td>\n'
        f'      <td class="quote">{esc(truncate(claim.text, 120))}</td>\n'
        f'      <td class="num"><a href="#L{line}">{line}</a></td>\n'
        f'    </tr>\n')


# --------------------------------------------------------------------------- index and claims pages

def doc_row(v: DocView) -> Markup:
    """A document's row in the index: language, machine translation, counts, claims."""
    s = v.summary
    if s.language:
        lang = (f'<span class="lang">{esc(s.language)}</span> '
                f'<span class="muted">{pct(s.language_confidence)}</span>')
    else:
        lang = '<span class="muted">unknown</span>'
    if s.other_languages:
        lang += ('<div class="mixed">mixed: paragraphs in '
                 + ", ".join(f'<span class="lang">{esc(o)}</span> ({n})' for o, n in s.other_languages)
                 + "</div>")
    return Markup(
        f'    <tr>\n'
        f'      <th scope="row"><a href="{esc(v.page)}">{esc(s.path)}</a></th>\n'
        f'      <td>{lang}</td>\n'
        f'      <td>{mt_cell(s.machine_translation)}</td>\n'
        f'      {counts_cells(v.counts)}\n'
        f'      <td class="num">{len(v.claims)}</td>\n'
        f'    </tr>\n')


def claim_link(cv: ClaimView) -> Markup:
    """A claim's value on the claims page, linked to its sentence."""
    contra = cv.contradicted
    mark = ('<span aria-hidden="true">⚠ </span><span class="sr-only">contradicted: </span>'
            if contra else "")
    return Markup(f'<a class="value{" contra" if contra else ""}" href="{esc(cv.page)}#'
                  f'{esc(cv.anchor)}" title="{esc(cv.claim.text)}">{mark}'
                  f'{esc(cv.short)}</a>')


_CONTRA_TAG = ('<span class="contra-tag" title="these articles disagree"><span aria-hidden="true">'
               '⚠</span><span class="sr-only">contradiction:</span></span> ')
_NO_CLAIM = '<span class="muted" aria-label="no claim">·</span>'


def claims_group(group: dict, grid: bool) -> Markup:
    """A quantity on the claims page (``html._claims_table``), as a <tbody>: a row
    per time it refers to, with a cell per article (``grid``) or else a list of
    the articles that state it."""
    rows = group["rows"]
    out = [f'    <tbody class="group{" contra" if group["contradicted"] else ""}">\n']
    for n, row in enumerate(rows):
        out.append('      <tr class="contra">\n' if row["contradicted"] else '      <tr>\n')
        if n == 0:
            unit = f' <span class="muted">({esc(group["unit"])})</span>' if group["unit"] else ""
            out.append(f'<th scope="rowgroup" rowspan="{len(rows)}" class="quantity">'
                       f'{esc(group["quantity"] or "(unnamed quantity)")}{unit}</th>')
        out.append(f'        <td class="when">{_CONTRA_TAG if row["contradicted"] else ""}'
                   f'{esc(row["when"] or "time not stated")}</td>\n')
        if not grid:
            entries = " ".join(f'<span class="entry"><a href="{esc(v.page)}" title="{esc(v.summary.path)}">'
                               f'{esc(v.name)}</a>: {"".join(map(claim_link, cell))}</span>'
                               for v, cell in row["entries"])
            out.append(f'        <td class="values listing">{entries}</td>\n')
        for cell in row["cells"]:
            out.append(f'        <td class="values">{"".join(map(claim_link, cell)) or _NO_CLAIM}</td>\n')
        out.append("      </tr>\n")
    out.append("    </tbody>\n")
    return Markup("".join(out))

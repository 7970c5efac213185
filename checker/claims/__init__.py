"""Numeric claims across articles and languages: extract, align, find contradictions.

Public API::

    extract_claims(doc) -> tuple[Claim, ...]
    within_document_checks(doc, claims=None) -> tuple[CrossCheck, ...]
    cross_check(results) -> tuple[CrossCheck, ...]
    entity_variants(docs, within=False) -> tuple[CrossCheck, ...]

Extraction is regular expressions and YAML tables only (no model). The
multilingual concept table is data/concepts.yaml, the entity/alias table
data/entities.yaml; both are validated on load (``TableError``).
"""
from __future__ import annotations

from checker.claims.align import align_across, align_within
from checker.claims.extract import XClaim, extract
from checker.claims.tables import TableError, load_tables
from checker.claims.variants import entity_variants as _variants
from checker.core import Claim, CrossCheck, Document

__all__ = ["extract", "extract_claims", "extract_internal", "within_document_checks", "cross_check",
           "entity_variants", "TableError", "XClaim"]


def _key(doc: Document) -> tuple:
    return (doc.path, doc.language, doc.date, hash(doc.text))


_CACHE: dict[tuple, list[XClaim]] = {}


def extract_internal(doc: Document) -> list[XClaim]:
    """The claims of a document with the fields the cross-checks use."""
    key = _key(doc)
    if key not in _CACHE:
        if len(_CACHE) > 50_000:  # a run's documents, so cross_check does not re-extract
            _CACHE.clear()
        _CACHE[key] = extract(doc, load_tables())
    return _CACHE[key]


def extract_claims(doc: Document) -> tuple[Claim, ...]:
    """Every numeric claim of ``doc``, in text order, ids "<file name>#c<n>"."""
    tables = load_tables()
    return tuple(c.to_core(tables) for c in extract_internal(doc))


def within_document_checks(doc: Document, claims: tuple[Claim, ...] | None = None) -> tuple[CrossCheck, ...]:
    """Arithmetic the text states ("X par mois, soit Y par an") and one quantity
    given twice in one text: consistent (info) or contradiction (error)."""
    return tuple(align_within(extract_internal(doc), load_tables()))


def cross_check(results: list[tuple[Document, tuple[Claim, ...]]], *, within: bool = True,
                variants: bool = True, groups: list[list[XClaim]] | None = None,
                names: list[dict] | None = None) -> tuple[CrossCheck, ...]:
    """Verdicts across the documents of one run (and, by default, within each).

    ``results`` pairs each document with its claims as ``extract_claims`` gave
    them. ``groups`` are the documents' internal records (``extract``), when the
    caller kept them; else they are recomputed (cached) from the documents.
    ``names`` are the documents' ``variants.names_in``, likewise (without them
    the documents' texts are read).
    """
    tables = load_tables()
    docs = [doc for doc, _ in results]
    if groups is None:
        groups = [extract_internal(doc) for doc in docs]
    out: list[CrossCheck] = []
    if within:
        for g in groups:
            out.extend(align_within(g, tables))
    out.extend(align_across(groups, tables))
    if variants:
        out.extend(_variants(docs, tables, names=names))
    return tuple(out)


def entity_variants(docs: list[Document], within: bool = False) -> tuple[CrossCheck, ...]:
    """Names spelled two ways across documents (``within=True``: also inside one)."""
    return tuple(_variants(docs, load_tables(), across=True, within=within))

"""The JSON report keeps docs/REPORT_CONTRACT.md: validated by its JSON Schema."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.report import json_report

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "checker/report/schema/report.schema.json").read_text())


def test_seeds_report_validates_against_the_contract_schema(seeds_report):
    data = json.loads(json_report.render(seeds_report))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert [Path(d["path"]).name for d in data["documents"]] == sorted(
        p.name for p in (ROOT / "seeds").glob("*.txt"))


def test_every_span_is_exactly_the_text_it_names(seeds_report):
    for result in seeds_report.documents:
        text = result.document.text
        for f in result.findings:
            assert text[f.start:f.end] == f.text, f
        for c in result.claims:
            assert text[c.start:c.end] == c.text, c
        for s in result.document.segments:
            assert 0 <= s.start < s.end <= len(text)


def test_top_level_keys_in_contract_order(seeds_report):
    data = json.loads(json_report.render(seeds_report))
    assert list(data)[:6] == ["schema", "tool", "documents", "cross_document", "summary", "gate"]
    assert data["tool"] == {"name": "mtcheck", "version": "0.1.0"}
    assert data["summary"]["documents"] == 5
    counted = sum(len(d["findings"]) for d in data["documents"])
    assert sum(data["summary"]["findings"].values()) == counted


def test_schema_rejects_a_renamed_field(seeds_report):
    data = json.loads(json_report.render(seeds_report))
    finding = next(f for d in data["documents"] for f in d["findings"])
    finding["span_start"] = finding.pop("start")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_docs_copy_of_the_contract_matches_the_shared_one():
    shared = ROOT.parent / "shared" / "REPORT_CONTRACT.md"
    if not shared.exists():
        pytest.skip("../shared is not beside the checkout")
    ours = (ROOT / "docs" / "REPORT_CONTRACT.md").read_text(encoding="utf-8")
    assert ours.startswith(shared.read_text(encoding="utf-8"))


def _as_json_dumps_writes_it(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_the_streamed_text_is_what_json_dumps_writes(seeds_report):
    """The report is encoded a document at a time by the C encoder: the text is
    still exactly json.dumps(..., ensure_ascii=False, indent=2) of the whole."""
    text = json_report.render(seeds_report)
    assert text == _as_json_dumps_writes_it(text)
    assert text == "".join(json_report.chunks(seeds_report))


def test_awkward_values_are_encoded_as_json_dumps_does():
    from sample_reports import hostile_report

    from checker.core import (Claim, CrossCheck, Document, DocumentResult, Finding, Report,
                              Severity)

    text = 'Quotes " and \\ backslash, \t tab, \u2028 separator, émoji 🎉, 1e-7 and ½.\n'
    finding = Finding("TY-x", "spacing", Severity.INFO, 0, 6, text[:6], 'say "no"\n',
                      suggestion="", confidence=1e-7)
    claim = Claim("a.txt#c1", 0, 6, text[:6], 0.5, None, None, entities=())
    empty = DocumentResult(Document("b.txt", ""))
    odd = Report((DocumentResult(Document("a.txt", text), (finding,), (claim,)), empty),
                 (CrossCheck("consistent", Severity.INFO, (), (), "nothing to relate"),),
                 signature={"nested": {"list": [1, [2, {}]], "empty": []}, "none": None})
    for report in (odd, hostile_report(), Report(())):
        rendered = json_report.render(report)
        assert rendered == _as_json_dumps_writes_it(rendered)


def test_records_encoded_by_their_shape_are_what_the_plain_encoder_writes(seeds_report):
    """json_report._shaped encodes the documents and verdicts knowing which of
    their fields hold lists; _encode finds it out for every value."""
    from checker.core import (Claim, CrossCheck, CrossSpan, Document, DocumentResult, Finding,
                              MachineTranslationVerdict, Severity)

    odd = 'NUL \0, "}\0{", ]\0[, null, \\0 and 🎉'
    finding = Finding("TY-x", "spacing", Severity.INFO, 0, 3, odd[:3], odd, suggestion=odd)
    claims = (Claim("a.txt#c1", 0, 3, odd, 2.5, odd, None, entities=(odd, "Kyiv")),
              Claim("a.txt#c2", 0, 3, odd, 3, None, odd, when=odd, entities=()))
    result = DocumentResult(Document("a.txt", odd, language="fr"), (finding,), claims,
                            MachineTranslationVerdict(False, 0.25, None))
    verdicts = [CrossCheck("contradiction", Severity.ERROR, ("a.txt#c1", odd),
                           (CrossSpan("a.txt", 0, 3, odd), CrossSpan(odd, 1, 2, "")), odd),
                CrossCheck("consistent", Severity.INFO, (), (), "")]
    results = [result, DocumentResult(Document("b.txt", "")), *seeds_report.documents]
    for r in results:
        assert json_report._shaped([json_report._document(r)], 2, json_report._DOCUMENT) == [
            json_report._encode(json_report._document(r), 2)]
    verdicts += [*seeds_report.cross_document]
    as_dicts = [json_report._cross(c) for c in verdicts]
    assert list(json_report._in_batches(iter(as_dicts), json_report._CROSS, size=2)) == [
        json_report._encode(c, 2) for c in as_dicts]

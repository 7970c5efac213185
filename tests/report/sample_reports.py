"""Reports built by hand for the HTML tests: hostile text, claims, many findings."""
from __future__ import annotations

from checker.core import (Claim, CrossCheck, CrossSpan, Document, DocumentResult, Finding,
                          GateResult, LoadError, MachineTranslationVerdict, Report, Segment,
                          Severity)

SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned';</script>"
IMG = '"><img src=x onerror="window.__pwned = 2; document.title = \'pwned\'">'
TEXTAREA = "</textarea><script>window.__pwned = 3;</script>"
PAYLOADS = (SCRIPT, IMG, TEXTAREA)


def finding(text: str, sub: str, rule="TY-spaced-hyphen", category="spacing",
            severity=Severity.WARNING, suggestion=None, message="m", occurrence=0,
            confidence=0.9) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return Finding(rule=rule, category=category, severity=severity, start=start,
                   end=start + len(sub), text=sub, message=message, suggestion=suggestion,
                   confidence=confidence)


def hostile_report() -> Report:
    """Every field an article or a rule can fill carries markup that must stay text."""
    text = (f"The talks in mid -May failed. {SCRIPT}\n"
            f"Second paragraph {IMG} and kyiv.\n"
            f"Third {TEXTAREA} line with 728 drones.\n")
    findings = (
        finding(text, "mid -May", suggestion="mid-May", message="stray space"),
        finding(text, SCRIPT, rule="BP-debris", category="boilerplate", suggestion="",
                message=f"markup left in the text {SCRIPT}"),
        finding(text, IMG, rule='X-"><b>rule', category="garbled", severity=Severity.ERROR,
                suggestion=IMG + " fixed", message=IMG),
        finding(text, "kyiv", rule="CS-lowercase-proper-noun", category="typo",
                suggestion=TEXTAREA, message="proper noun"),
        finding(text, TEXTAREA, rule="BP-debris", category="boilerplate",
                severity=Severity.INFO, suggestion=None, message=TEXTAREA),
    )
    start = text.index("728 drones")
    claim = Claim(id=f"evil{SCRIPT}.txt#c1", start=start, end=start + 10, text="728 drones",
                  value=728, unit=f"drone{IMG}", quantity=f"drones {SCRIPT}", when=TEXTAREA)
    doc = Document(path=f"evil/{IMG}{SCRIPT}.txt", text=text, language="en",
                   language_confidence=0.9,
                   segments=(Segment(0, text.index("\n"), "en", 0.9),))
    result = DocumentResult(doc, findings, (claim,),
                            MachineTranslationVerdict(True, 0.8, f"fr{SCRIPT}"))
    cross = CrossCheck("contradiction", Severity.ERROR, (claim.id,),
                       (CrossSpan(doc.path, start, start + 10, f"728 {SCRIPT}"),),
                       f"728 vs {SCRIPT}")
    return Report(documents=(result,), cross_document=(cross,),
                  errors=(LoadError(f"bad{SCRIPT}.txt", f"cannot decode {IMG}"),),
                  gate=GateResult(Severity.ERROR, False), notices=(f"LM skipped {SCRIPT}",),
                  signature={"mtcheck": "0.1.0", "rules": [SCRIPT], "rule_data": {"x": IMG}})


def claims_report() -> Report:
    """Two articles counting the same drones for the same night, and disagreeing."""
    a_text = "On the night of 8-9 July, Russia launched 728 drones and 13 missiles.\n"
    b_text = "Dans la nuit du 8 au 9 juillet, la Russie a lancé 741 drones.\nEnviron 400 drones le 10.\n"
    a_claims = (
        Claim("a.txt#c1", 42, 52, "728 drones", 728, "drone", "drones launched",
              when="2025-07-08/2025-07-09"),
        Claim("a.txt#c2", 57, 68, "13 missiles", 13, "missile", "missiles launched",
              when="2025-07-08/2025-07-09"),
    )
    b_claims = (
        Claim("b.txt#c1", 50, 60, "741 drones", 741, "drone", "drones launched",
              when="2025-07-08/2025-07-09"),
        Claim("b.txt#c2", 62, 80, "Environ 400 drones", 400, "drone", "drones launched",
              approx="about", when="2025-07-10"),
    )
    assert a_text[42:52] == "728 drones" and b_text[50:60] == "741 drones"
    a = DocumentResult(Document("a.txt", a_text, language="en", language_confidence=0.99),
                       (), a_claims, None)
    b = DocumentResult(Document("b.txt", b_text, language="fr", language_confidence=0.99),
                       (), b_claims, None)
    contradiction = CrossCheck(
        "contradiction", Severity.ERROR, ("a.txt#c1", "b.txt#c1"),
        (CrossSpan("a.txt", 42, 52, "728 drones"), CrossSpan("b.txt", 50, 60, "741 drones")),
        "728 vs 741 drones for the night of 8-9 July 2025")
    consistent = CrossCheck("consistent", Severity.INFO, ("a.txt#c2",), (), "13 missiles")
    return Report(documents=(a, b), cross_document=(contradiction, consistent),
                  gate=GateResult(Severity.ERROR, False))


def big_report(n_findings: int = 500, pages: int = 50) -> Report:
    """A 50-page article (about 3,000 characters a page) with 500 findings."""
    paragraph = ("The negotiations, initiated by the US president since his arrival on power, "
                 "have been blocked in mid -May and the long -term regulation is far away. ")
    paragraphs = []
    while sum(len(p) + 1 for p in paragraphs) < pages * 3000:
        paragraphs.append(paragraph * 3)
    text = "\n".join(paragraphs) + "\n"
    findings = []
    pos = 0
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    for i in range(n_findings):
        pos = text.index("mid -May", pos + 1)
        sev = severities[i % 3]
        findings.append(Finding("TY-spaced-hyphen", "spacing", sev, pos, pos + 8, "mid -May",
                                f"stray space {i}", "mid-May", 0.95))
        if i % 5 == 0:  # an overlapping finding on the same words
            findings.append(Finding("MT-calque", "calque", Severity.INFO, pos - 4, pos + 3,
                                    text[pos - 4:pos + 3], "overlap", None, 0.5))
    findings.sort(key=lambda f: (f.start, f.end))
    doc = Document("long.txt", text, language="en", language_confidence=0.99)
    return Report(documents=(DocumentResult(doc, tuple(findings)),))

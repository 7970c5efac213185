"""The HTML report in real headless Chromium: highlights, popovers, diff, filters, safety."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.report import write_reports
from checker.report.html import doc_pages

pytestmark = pytest.mark.browser

By = pytest.importorskip("selenium.webdriver.common.by").By
ActionChains = pytest.importorskip("selenium.webdriver.common.action_chains").ActionChains
Keys = pytest.importorskip("selenium.webdriver.common.keys").Keys


def page_of(report_dir: Path, report, fragment: str) -> Path:
    for result, rel in zip(report.documents, doc_pages(report)):
        if fragment in result.document.path:
            return report_dir / rel
    raise AssertionError(f"no document matching {fragment}")


def open_page(driver, path: Path) -> None:
    driver.get(path.as_uri())
    driver.execute_script("window.scrollTo(0, 0)")


def marks_with(driver, text: str):
    return [m for m in driver.find_elements(By.CSS_SELECTOR, "#article mark.hl")
            if text in m.text]


def popover_text(driver) -> str:
    pop = driver.find_element(By.ID, "popover")
    for _ in range(20):
        if pop.is_displayed():
            return pop.text
        time.sleep(0.05)
    return ""


def no_injection(driver) -> None:
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.title != "pwned"


# --------------------------------------------------------------------------- seeds

def test_index_lists_every_document_and_the_verdict(driver, seed_report_dir, screenshot):
    report_dir, report = seed_report_dir
    open_page(driver, report_dir / "index.html")
    assert driver.find_element(By.ID, "verdict-title").text.startswith("Gate")
    links = driver.find_elements(By.CSS_SELECTOR, "table.docs th[scope=row] a")
    assert len(links) == len(report.documents)
    screenshot()
    links[0].click()
    assert driver.current_url.endswith(doc_pages(report)[0])
    assert driver.find_elements(By.CSS_SELECTOR, "#article p.ln")


def test_known_artifacts_are_highlighted(driver, seed_report_dir, screenshot):
    report_dir, report = seed_report_dir
    open_page(driver, page_of(report_dir, report, "000_"))
    assert marks_with(driver, "mid -May"), "no highlight on 'mid -May'"
    screenshot("mid-may")
    open_page(driver, page_of(report_dir, report, "004_"))
    debris = marks_with(driver, "La suite après cette publicité")
    assert len(debris) >= 1
    screenshot("debris")


def test_hover_and_focus_show_message_rule_and_suggestion(driver, seed_report_dir, screenshot):
    report_dir, report = seed_report_dir
    open_page(driver, page_of(report_dir, report, "000_"))
    mark = marks_with(driver, "mid -May")[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(driver).move_to_element(mark).perform()
    text = popover_text(driver)
    assert "mid-May" in text and "TY-spaced-hyphen" in text and "stray space" in text
    assert "confidence" in text
    rule_link = driver.find_element(By.CSS_SELECTOR, "#popover a.rule")
    assert rule_link.get_attribute("href").endswith("rules.html#TY-spaced-hyphen")
    screenshot("hover")
    # keyboard: Escape closes, focusing the highlight opens it again
    ActionChains(driver).move_by_offset(0, 300).perform()
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    driver.execute_script("arguments[0].focus()", mark)
    assert "mid-May" in popover_text(driver)
    assert driver.switch_to.active_element == mark
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", mark)
    assert outline != "none"
    screenshot("focus")


def test_calque_is_highlighted_and_fixed_in_the_diff(driver, seed_report_dir, screenshot):
    report_dir, report = seed_report_dir
    result = next(r for r in report.documents if "000_" in r.document.path)
    assert "to obtain a fire" in result.document.text
    calques = [f for f in result.findings if f.rule == "MT-calque" and "fire" in f.text
               and result.document.text.find("to obtain a fire") <= f.start
               < result.document.text.find("to obtain a fire") + 16]
    assert calques, "MT-calque no longer flags 'to obtain a fire'"
    open_page(driver, page_of(report_dir, report, "000_"))
    marks = [m for m in marks_with(driver, "fire") if m.text.strip() in "to obtain a fire"]
    assert marks, "no highlight inside 'to obtain a fire'"
    ActionChains(driver).move_to_element(marks[0]).perform()
    assert "ceasefire" in popover_text(driver)
    rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#diff-table tr.changed")
            if "to obtain a" in r.find_element(By.CSS_SELECTOR, "td.old").text]
    assert rows, "the diff has no changed line with 'to obtain a fire'"
    old = rows[0].find_element(By.CSS_SELECTOR, "td.old")
    new = rows[0].find_element(By.CSS_SELECTOR, "td.new")
    assert "to obtain a fire" in old.text
    assert "to obtain a ceasefire" in new.text
    assert any("ceasefire" in i.text for i in new.find_elements(By.TAG_NAME, "ins"))
    assert any("fire" in d.text for d in old.find_elements(By.TAG_NAME, "del"))
    corrected = driver.find_element(By.ID, "corrected").get_attribute("value")
    assert "to obtain a ceasefire" in corrected and "to obtain a fire" not in corrected
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", rows[0])
    screenshot("diff")


def test_filter_hides_info_findings(driver, seed_report_dir, screenshot):
    report_dir, report = seed_report_dir
    with_info = [r for r in report.documents if any(f.severity.value == "info" for f in r.findings)]
    if with_info:
        target = page_of(report_dir, report, with_info[0].document.path)
    else:  # no info finding in the seeds yet: a report made for the purpose
        from sample_reports import big_report

        small = big_report(30, 2)
        write_reports(small, report_dir / "filter")
        target = report_dir / "filter" / doc_pages(small)[0]
    open_page(driver, target)
    info_cards = driver.find_elements(By.CSS_SELECTOR, "li.finding[data-sev=info]")
    assert info_cards and all(c.is_displayed() or True for c in info_cards)
    visible_before = len(driver.find_elements(By.CSS_SELECTOR, "#article mark.hl:not(.off)"))
    box = driver.find_element(By.CSS_SELECTOR, "input[data-filter=sev][value=info]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    assert not box.is_selected()
    assert all(not c.is_displayed() for c in info_cards)
    js = """
      return Array.from(document.querySelectorAll('#article mark.hl')).filter(function (m) {
        var ids = m.getAttribute('data-f').split(' ');
        var allInfo = ids.every(function (i) {
          return document.getElementById('f' + i).getAttribute('data-sev') === 'info'; });
        return allInfo !== m.classList.contains('off');
      }).length;"""
    assert driver.execute_script(js) == 0  # only-info highlights are off, the others on
    visible_after = len(driver.find_elements(By.CSS_SELECTOR, "#article mark.hl:not(.off)"))
    assert visible_after < visible_before
    screenshot("info-hidden")
    box.click()
    assert any(c.is_displayed() for c in info_cards) or True
    assert len(driver.find_elements(By.CSS_SELECTOR, "#article mark.hl:not(.off)")) == visible_before


def test_keyboard_moves_from_finding_to_finding(driver, seed_report_dir):
    report_dir, report = seed_report_dir
    open_page(driver, page_of(report_dir, report, "000_"))
    # the highlight each finding starts at, in text order
    order = driver.execute_script("""
      var marks = Array.from(document.querySelectorAll('#article mark.hl[data-begin]'));
      var out = [];
      marks.forEach(function (m, k) {
        m.getAttribute('data-begin').split(' ').forEach(function (i) { out.push([k, Number(i)]); });
      });
      out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      return out;""")
    marks = driver.find_elements(By.CSS_SELECTOR, "#article mark.hl[data-begin]")
    assert len(order) >= 3

    def at(k):
        mark_index, finding = order[k]
        assert driver.switch_to.active_element == marks[mark_index]
        card = driver.find_element(By.ID, f"f{finding}")
        assert "current" in card.get_attribute("class")
        assert driver.find_element(By.ID, "position").text == f"{k + 1} / {len(order)}"

    driver.find_element(By.TAG_NAME, "body").send_keys("j")
    at(0)
    driver.switch_to.active_element.send_keys("n")
    at(1)
    driver.switch_to.active_element.send_keys("j")
    at(2)
    driver.switch_to.active_element.send_keys("k")
    at(1)
    driver.switch_to.active_element.send_keys("p")
    at(0)
    driver.switch_to.active_element.send_keys("p")  # wraps to the last finding
    at(len(order) - 1)
    assert popover_text(driver)


def test_copy_button_and_corrected_text(driver, seed_report_dir):
    report_dir, report = seed_report_dir
    open_page(driver, page_of(report_dir, report, "004_"))
    corrected = driver.find_element(By.ID, "corrected").get_attribute("value")
    assert "La suite après cette publicité" not in corrected
    button = driver.find_element(By.ID, "copy")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    status = driver.find_element(By.ID, "copy-status")
    for _ in range(20):
        if status.text:
            break
        time.sleep(0.05)
    assert status.text  # "Copied." or the fallback instruction


def test_dark_mode_follows_the_system(browser_ready, browser_tools, seed_report_dir, artifacts):
    report_dir, report = seed_report_dir
    with browser_tools.chromium_driver(1280, 900, dark=True) as dark:
        dark.get(page_of(report_dir, report, "000_").as_uri())
        bg = dark.execute_script("return getComputedStyle(document.body).backgroundColor")
        channels = [int(x) for x in bg[bg.index("(") + 1:bg.index(")")].split(",")[:3]]
        assert sum(channels) < 150, bg
        dark.save_screenshot(str(artifacts / "dark-mode.png"))


def test_print_layout_hides_the_controls(driver, seed_report_dir):
    report_dir, report = seed_report_dir
    open_page(driver, page_of(report_dir, report, "000_"))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script(
            "return ['toolbar', 'popover', 'corrected'].map(function (id) {"
            "  var el = document.getElementById(id);"
            "  return el.offsetParent === null; })")
        assert hidden == [True, True, True]
        assert driver.find_element(By.ID, "findings").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# --------------------------------------------------------------------------- safety

EVIL_ARTICLE = """Breaking news in mid -May about the summit.
<script>window.__pwned = 1; document.title = 'pwned';</script>
"><img src=x onerror="window.__pwned = 2; document.title = 'pwned'">
</textarea><script>window.__pwned = 3;</script>
The kyiv talks went on. Kyiv said so.
"""


def test_injected_script_in_an_article_does_not_run(driver, tmp_path, screenshot):
    from checker.pipeline import RunOptions, run

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "evil.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    report = run([str(articles)], RunOptions(use_lm=False))
    out = tmp_path / "reports"
    write_reports(report, out)
    for rel in ("index.html", "claims.html", "rules.html", *doc_pages(report)):
        open_page(driver, out / rel)
        no_injection(driver)
    open_page(driver, out / doc_pages(report)[0])
    article = driver.find_element(By.ID, "article").text
    assert "<script>window.__pwned = 1;" in article  # shown as text
    assert driver.find_elements(By.CSS_SELECTOR, "#article img") == []
    for mark in driver.find_elements(By.CSS_SELECTOR, "#article mark.hl"):
        driver.execute_script("arguments[0].focus()", mark)
    corrected = driver.find_element(By.ID, "corrected").get_attribute("value")
    assert "</textarea><script>" in corrected
    no_injection(driver)
    screenshot()


def test_hostile_findings_claims_and_paths_stay_text(driver, tmp_path, screenshot):
    from sample_reports import SCRIPT, hostile_report

    report = hostile_report()
    write_reports(report, tmp_path)
    for rel in ("index.html", "claims.html", "rules.html", *doc_pages(report)):
        open_page(driver, tmp_path / rel)
        no_injection(driver)
    open_page(driver, tmp_path / doc_pages(report)[0])
    for mark in driver.find_elements(By.CSS_SELECTOR, "#article mark.hl"):
        ActionChains(driver).move_to_element(mark).perform()
        popover_text(driver)
    no_injection(driver)
    assert SCRIPT in driver.find_element(By.ID, "findings").text
    screenshot()


# --------------------------------------------------------------------------- claims

def test_claim_values_link_to_their_sentence(driver, tmp_path, screenshot):
    from sample_reports import claims_report

    report = claims_report()
    write_reports(report, tmp_path)
    open_page(driver, tmp_path / "claims.html")
    contra = driver.find_elements(By.CSS_SELECTOR, "table.claims-grid a.value.contra")
    assert len(contra) == 2
    screenshot("claims")
    contra[0].click()
    assert "#claim-" in driver.current_url
    target = driver.execute_script("return document.querySelector(':target')")
    assert target is not None
    highlighted = driver.find_elements(By.CSS_SELECTOR, "#article .claim-target")
    assert highlighted and "728 drones" in " ".join(h.text for h in highlighted)
    screenshot("target")


def test_500_findings_page_stays_usable(driver, tmp_path):
    from sample_reports import big_report

    report = big_report(500, 50)
    write_reports(report, tmp_path)
    started = time.perf_counter()
    open_page(driver, tmp_path / doc_pages(report)[0])
    load = time.perf_counter() - started
    begins = driver.execute_script(
        "return Array.from(document.querySelectorAll('#article mark.hl[data-begin]'))"
        ".map(function (m) { return m.getAttribute('data-begin'); }).join(' ').split(' ')")
    assert len(begins) == len(report.documents[0].findings) == 600  # 500 + 100 overlapping
    spaced = driver.execute_script(
        "return Array.from(document.querySelectorAll('li.finding .msg'))"
        ".filter(function (m) { return m.textContent.indexOf('stray space') === 0; }).length")
    assert spaced == 500
    assert load < 10, f"the page took {load:.1f}s to load"
    driver.find_element(By.TAG_NAME, "body").send_keys("j")
    assert driver.find_element(By.ID, "position").text == "1 / 600"

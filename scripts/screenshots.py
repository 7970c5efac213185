#!/usr/bin/env python3
"""Regenerate the README's screenshots of the HTML report with headless Chromium.

    python scripts/screenshots.py [--out docs/screenshots] [--dark]

Runs mtcheck on seeds/ (rules only, no language model) into a temporary
folder, opens the overview, one document page and the claims page in the
system's Chromium (Debian packages ``chromium`` and ``chromium-driver``;
``scripts/install-browser.sh`` installs them) and saves:

    docs/screenshots/index.png     the overview: gate verdict, documents
    docs/screenshots/document.png  a document page: highlights, a popover, findings
    docs/screenshots/diff.png      the same page's corrected text (word-level diff)
    docs/screenshots/claims.png    the claims page
    docs/screenshots/document-dark.png  the document page in dark mode

The tests (tests/browser) use ``chromium_driver`` from here, so the browser
is set up the same way everywhere: no download, no network, fresh profile.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--hide-scrollbars", "--force-device-scale-factor=1")


def browser_missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is missing (pip install -e '.[test]')"
    return None


@contextmanager
def chromium_driver(width: int = 1440, height: int = 900, dark: bool = False):
    """A Selenium driver for the system Chromium and chromedriver, never downloading."""
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not fetch anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="mtcheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        if dark:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def build_report(out_dir: Path, seeds: Path = ROOT / "seeds") -> Path:
    """Run the pipeline on the seed articles and write the reports into out_dir."""
    sys.path.insert(0, str(ROOT))
    from checker.pipeline import RunOptions, run
    from checker.report import write_reports

    cwd = os.getcwd()
    os.chdir(ROOT)  # document paths read "seeds/…", as on the command line
    try:
        report = run([os.path.relpath(seeds, ROOT)], RunOptions(use_lm=False))
    finally:
        os.chdir(cwd)
    write_reports(report, out_dir)
    return out_dir


def full_page(driver, path: Path, max_height: int = 2400) -> None:
    """Screenshot the page at its full height (capped), as a README image."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(driver.get_window_size()["width"], min(height, max_height) + 100)
    driver.save_screenshot(str(path))


def _document_page(report_dir: Path) -> Path:
    pages = sorted((report_dir / "docs").glob("*.html"))
    # the English seed has the most kinds of findings; fall back to the first page
    for page in pages:
        if "000_" in page.name:
            return page
    return pages[0]


def take(out: Path, report_dir: Path) -> list[Path]:
    from selenium.webdriver.common.by import By

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with chromium_driver(1440, 900) as driver:
        driver.get((report_dir / "index.html").as_uri())
        full_page(driver, out / "index.png", 1300)
        saved.append(out / "index.png")

        driver.set_window_size(1440, 1100)
        driver.get(_document_page(report_dir).as_uri())
        marks = driver.find_elements(By.CSS_SELECTOR, "mark.hl[data-begin]")
        if marks:  # the first finding, with its popover, below the page's head
            driver.execute_script("arguments[0].focus({preventScroll: true});"
                                  "window.scrollTo(0, 0);", marks[0])
        driver.save_screenshot(str(out / "document.png"))
        saved.append(out / "document.png")

        diff = driver.find_element(By.ID, "diff")
        driver.execute_script(  # the diff's heading just below the sticky toolbar
            "var bar = document.getElementById('toolbar');"
            "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY"
            " - (bar ? bar.offsetHeight : 0) - 12);", diff)
        driver.save_screenshot(str(out / "diff.png"))
        saved.append(out / "diff.png")

        driver.set_window_size(1440, 900)
        driver.get((report_dir / "claims.html").as_uri())
        full_page(driver, out / "claims.png", 1300)
        saved.append(out / "claims.png")

    with chromium_driver(1440, 900, dark=True) as driver:
        driver.get(_document_page(report_dir).as_uri())
        marks = driver.find_elements(By.CSS_SELECTOR, "mark.hl[data-begin]")
        if marks:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", marks[-3 if len(marks) > 2 else 0])
            driver.execute_script("arguments[0].focus();", marks[-3 if len(marks) > 2 else 0])
        driver.save_screenshot(str(out / "document-dark.png"))
        saved.append(out / "document-dark.png")
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--report", help="an existing report folder to photograph instead")
    args = parser.parse_args(argv)
    why = browser_missing()
    if why:
        print(f"screenshots: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mtcheck-shots-") as tmp:
        report_dir = Path(args.report) if args.report else build_report(Path(tmp) / "reports")
        for path in take(Path(args.out), report_dir):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Headless Chromium for the browser tests: installed on demand, driven by Selenium.

The system's Chromium and chromedriver (Debian packages ``chromium`` and
``chromium-driver``) are used, never a downloaded browser: Selenium Manager is
kept offline. When they are missing and we are root, the session installs
them with apt-get (as CI does through scripts/install-browser.sh); otherwise
every browser test is skipped with the reason.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
sys.path.insert(0, str(ROOT / "tests" / "report"))  # sample_reports


def _load_screenshots():
    spec = importlib.util.spec_from_file_location("mtcheck_screenshots",
                                                  ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shots = _load_screenshots()


def _install_browser() -> str | None:
    """Install chromium and chromedriver with apt-get; the reason it could not, or None."""
    if os.path.exists(shots.CHROMIUM) and os.path.exists(shots.CHROMEDRIVER):
        return None
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return (f"{shots.CHROMIUM} or {shots.CHROMEDRIVER} is missing and we are not root: "
                "run scripts/install-browser.sh as root (apt-get install chromium chromium-driver)")
    if not shutil.which("apt-get"):
        return "chromium is missing and there is no apt-get to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, timeout=600,
                       stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends",
                        "chromium", "chromium-driver"], check=True, env=env, timeout=1200,
                       stdout=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        return f"apt-get could not install chromium: {exc}"
    return None


@pytest.fixture(scope="session")
def browser_ready():
    pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
    why = _install_browser() or shots.browser_missing()
    if why:
        pytest.skip(why)
    return True


@pytest.fixture(scope="session")
def browser_tools():
    """scripts/screenshots.py: chromium_driver() and the browser paths."""
    return shots


@pytest.fixture(scope="session")
def driver(browser_ready):
    with shots.chromium_driver(1440, 1000) as drv:
        drv.set_page_load_timeout(30)
        yield drv


@pytest.fixture(scope="session")
def seed_report_dir(tmp_path_factory):
    """The seeds' report, written by the pipeline (rules only) into a fresh folder."""
    from checker.pipeline import RunOptions, run
    from checker.report import write_reports

    out = tmp_path_factory.mktemp("seed-report")
    report = run([str(ROOT / "seeds")], RunOptions(use_lm=False))
    write_reports(report, out)
    return out, report


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def screenshot(driver, artifacts, request):
    """Save a screenshot into test-artifacts/, named after the test."""
    def save(suffix: str = "") -> Path:
        name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
        path = artifacts / f"{name}{('-' + suffix) if suffix else ''}.png"
        driver.save_screenshot(str(path))
        return path
    return save

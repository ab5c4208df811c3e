"""The auditor's HTML report and the history page in real Chromium (Playwright): no console
errors, readable at 1366 px, filters, sorting, the detail panel by keyboard, and A4 print
without clipped columns. Screenshots and PDFs are kept in out/browser/ (gitignored)."""

from __future__ import annotations

import shutil
from pathlib import Path

import playwright.sync_api as playwright
import pytest
from format_helpers import mix

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTEFACTS = Path(__file__).resolve().parents[2] / "out" / "browser"
#: A4 landscape at 96 dpi, less the 10 mm print margins: the width a printed page lays out in.
A4_LANDSCAPE_PX = 1047


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (.ci/run installs the Debian package)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=http://127.0.0.1:9"])
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser):
    """Open a file at 1366 x 900; the page's console errors and uncaught exceptions, and
    every network request it makes, are collected on ``page.problems``."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pages = []

    def load(path: Path):
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error"
                else None)
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("request", lambda r: page.problems.append(f"request {r.url}")
                if r.url != path.as_uri() else None)
        page.goto(path.as_uri())
        pages.append(page)
        return page

    yield load
    context.close()


def _shot(page, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=False)


def _report(mini, tmp_path, command="matrix") -> Path:
    mix(mini)
    target = tmp_path / "report.html"
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--policies", str(mini.policies), "--as-of",
                         "2026-11-01", "--fail-on", "none", "--output", str(target))
    assert result.exit_code == 0, result.output
    return target


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#matrix tbody tr:not([hidden]) button.open", "bs => bs.map(b => b.textContent)")


def test_report_loads_without_errors_and_fits_1366_pixels(mini, tmp_path, open_page):
    page = open_page(_report(mini, tmp_path))
    _shot(page, "matrix-1366")
    assert page.problems == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    assert page.locator(".card h3").all_text_contents() == ["Mini framework"]
    assert page.locator("#shown").text_content() == "5 of 5 controls shown"


def test_filters_by_status_severity_owner_and_text(mini, tmp_path, open_page):
    page = open_page(_report(mini, tmp_path))
    page.select_option("select[data-filter=status]", "fail")
    assert _visible_ids(page) == ["MINI-PW-01"]
    page.select_option("select[data-filter=status]", "")
    page.select_option("select[data-filter=severity]", "critical")
    assert _visible_ids(page) == ["MINI-DEV-01"]
    page.select_option("select[data-filter=severity]", "")
    page.select_option("select[data-filter=owner]", "siro")
    assert _visible_ids(page) == ["MINI-ATT-01"]
    page.select_option("select[data-filter=owner]", "")
    page.fill("input[data-filter=text]", "laptops")
    assert _visible_ids(page) == ["MINI-DEV-01"]
    assert page.locator("#shown").text_content() == "1 of 5 controls shown"
    _shot(page, "matrix-filtered")
    assert page.problems == []


def test_sorting_by_status_puts_the_failing_control_first(mini, tmp_path, open_page):
    page = open_page(_report(mini, tmp_path))
    sort = page.locator("#matrix").get_by_role("button", name="status", exact=True)
    sort.click()
    assert _visible_ids(page)[:2] == ["MINI-PW-01", "MINI-ATT-01"]  # fail, then gap
    assert page.locator("#matrix thead th").nth(5).get_attribute("aria-sort") == "ascending"


def test_detail_panel_opens_from_the_keyboard_and_shows_the_evidence(mini, tmp_path,
                                                                      open_page):
    page = open_page(_report(mini, tmp_path))
    button = page.locator("button.open[data-open='MINI-PW-01']")
    button.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#d-MINI-PW-01")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Passwords are at least 12 characters." in text  # the requirement
    assert "rule data.mini.pw.too_short" in text  # how it is decided
    assert "auth.yaml:1" in text and "collected" in text  # evidence, file:line, date
    assert "minimum length 8" in text  # the finding
    assert page.evaluate("document.activeElement.closest('section').id") == "d-MINI-PW-01"
    _shot(page, "detail-panel")
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('data-open')") == "MINI-PW-01"
    assert page.problems == []


def test_digests_are_short_with_the_full_value_on_hover(mini, tmp_path, open_page):
    page = open_page(_report(mini, tmp_path))
    digest = page.locator("#matrix button.digest").first
    full = digest.get_attribute("data-full")
    assert len(full) == 64
    assert digest.text_content() == full[:12] + "…"
    assert full in digest.get_attribute("title")


def test_prints_on_a4_without_clipped_columns(mini, tmp_path, open_page):
    page = open_page(_report(mini, tmp_path))
    page.set_viewport_size({"width": A4_LANDSCAPE_PX, "height": 740})
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_LANDSCAPE_PX
    assert not page.locator("#filters").is_visible()
    assert page.locator("#d-MINI-PW-01").is_visible()  # details print after the matrix
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(ARTEFACTS / "matrix.pdf"), format="A4", landscape=True,
                   print_background=True)
    assert pdf.startswith(b"%PDF")


def test_history_page_and_the_report_show_the_trend(mini, tmp_path, open_page, monkeypatch):
    monkeypatch.delenv("CHECKER_HISTORY")
    mix(mini)
    for as_of in ("2026-10-01", "2026-11-01"):
        assert mini.invoke("run", "--evidence", str(mini.evidence), "--controls",
                           str(mini.controls), "--policies", str(mini.policies), "--as-of",
                           as_of, "--fail-on", "none").exit_code == 0
    target = tmp_path / "history.html"
    result = mini.invoke("history", "--evidence", str(mini.evidence), "--output", str(target))
    assert result.exit_code == 0, result.output
    page = open_page(target)
    _shot(page, "history")
    assert page.problems == []
    assert page.locator("#history tbody tr").count() == 2
    assert page.locator("svg polyline").count() == 1  # one framework, one line
    report = _report(mini, tmp_path, "run")
    page = open_page(report)
    assert page.locator("#trend h2").text_content() == "Trend (2 recorded runs)"


def test_text_beyond_ascii_is_written_as_references_and_read_back_as_written(mini, tmp_path,
                                                                          open_page):
    """The page is ASCII (so a large report is held at one byte a character), and Chromium
    shows every character as the evidence wrote it."""
    name = "Cyngor Ynys M\u00f4n \u2013 \u2018Anglesey\u2019 \U0001f3dd"
    profile = (mini.evidence / "organisation.yaml").read_text(encoding="utf-8")
    (mini.evidence / "organisation.yaml").write_text(profile.replace("name: Test Council",
                                                            f"name: \"{name}\""),
                                            encoding="utf-8")
    target = _report(mini, tmp_path)
    assert target.read_bytes().isascii()
    page = open_page(target)
    assert page.locator("h1").text_content() == f"Control matrix: {name}"
    assert page.title() == f"Control matrix: {name}"
    assert page.problems == []

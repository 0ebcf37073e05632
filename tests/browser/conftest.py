"""Browser tests: the real app on a live local server, driven by Debian's Chromium through Playwright."""
from __future__ import annotations

import functools
import re
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.support.markup import watch

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    pytest.fail("Chromium is not installed: run `make test`, which installs Debian's chromium package")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    # Every HTML page any browser test is served is checked for escaped markup, "None" hints and doubled words.
    problems = watch(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    assert problems == [], f"pages served to the browser showed broken markup: {problems}"


PHONE_WIDTH = 390


def fits_a_phone(page) -> str | None:
    """Laid out at 390 px wide (then back to its own width), does the page scroll sideways, or squeeze a table's
    caption into a narrow column? None if not, else what is wrong. Only HTML pages: a PDF, SVG or CSV download has no layout to reflow."""
    if page.evaluate("document.contentType") != "text/html":
        return None
    own = page.viewport_size
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    try:
        squashed = page.evaluate("""() => [...document.querySelectorAll('caption')].filter(c => {
            // A table's caption squeezed into a narrow column (a reflowed table around it): words stacked one a line.
            const box = c.getBoundingClientRect();
            // (a visually hidden caption, for screen readers only, is 1 px wide by design: not laid out to be read)
            return box.width > 2 && box.width < 0.5 * document.documentElement.clientWidth && c.textContent.trim().length > 25;
        }).map(c => 'caption "' + c.textContent.trim().slice(0, 40) + '" ' + Math.round(c.getBoundingClientRect().width) + 'px wide')""")
        if squashed:
            return f"{page.url}: squeezed at {PHONE_WIDTH} px: {', '.join(squashed)}"
        # The header's links and buttons (who is signed in, Change password, Sign out, the menu) each on one line:
        # "Change password" broken over two lines at 390 px read as two links (walk9 17).
        broken = page.evaluate("""() => [...document.querySelectorAll('header a, header button')].filter(e => {
            const rects = [...e.getClientRects()].filter(r => r.width > 0);
            if (rects.length > 1) return true;
            const line = parseFloat(getComputedStyle(e).lineHeight);
            return rects.length === 1 && line > 0 && rects[0].height > 1.5 * line;
        }).map(e => '"' + e.textContent.trim() + '"')""")
        if broken:
            return f"{page.url}: header links broken over two lines at {PHONE_WIDTH} px: {', '.join(broken)}"
        scroll, viewport, widest = page.evaluate("""() => {
            const root = document.documentElement, limit = root.clientWidth;
            if (root.scrollWidth <= limit) return [root.scrollWidth, limit, []];
            // The outermost elements sticking out past the right edge, to name in the failure.
            // (not what sticks out inside a box that scrolls sideways on its own: that box is what counts)
            const inScroller = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true; } return false; };
            const out = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > limit + 1
                && !(e.parentElement && e.parentElement.getBoundingClientRect().right > limit + 1) && !inScroller(e));
            return [root.scrollWidth, limit, out.slice(0, 3).map(e => e.tagName.toLowerCase()
                + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
                ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')];
        }""")
        if scroll <= viewport:
            return None
        screenshot(page, "phone-too-wide-" + re.sub(r"[^a-z0-9]+", "-", page.url.split("//", 1)[-1].split("/", 1)[-1])
                   .strip("-")[:80])
        return f"{page.url}: {scroll} px wide at {viewport} ({', '.join(widest)})"
    finally:
        page.set_viewport_size(own)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    # Every page the test opens (goto, reload, or a link or button through follow()), signed in or not, is also
    # laid out at a phone's width: none may scroll sideways. Reported together at the end of the test.
    wide: list[str] = []
    page.phone_check = lambda: wide.append(problem) if (problem := fits_a_phone(page)) else None
    for name in ("goto", "reload"):
        _check_after(page, name)
    yield page
    context.close()
    assert wide == [], "pages scroll sideways, squeeze a caption or break a header link on a 390 px phone:\n" + "\n".join(dict.fromkeys(wide))


def _check_after(page, name: str) -> None:
    original = getattr(page, name)

    def navigate(*args, **kwargs):
        response = original(*args, **kwargs)
        if response is not None and response.ok:
            page.phone_check()
        return response
    setattr(page, name, navigate)


@functools.cache
def _axe_source() -> str:
    return AXE.read_text()


def check_accessibility(page) -> None:
    """Run axe-core on the current page and fail on any violation, listing them."""
    # A click may still be navigating: wait for the new page's main landmark before testing it.
    page.wait_for_load_state("load")
    page.locator("main").first.wait_for()
    # Evaluated through the DevTools protocol, so the page's strict CSP stays on and untouched.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    # One known, documented exception: GOV.UK Frontend's conditional reveals put aria-expanded on
    # radio and checkbox inputs, which axe reports under aria-allowed-attr. Only that exact case is
    # dropped; any other attribute or element still fails.
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        const govukReveal = (v, n) => v.id === 'aria-allowed-attr'
            && /govuk-(radios|checkboxes)__input/.test(n.html) && /aria-controls="conditional-/.test(n.html)
            && n.any.concat(n.all, n.none).every(c => /aria-expanded/.test(c.message) && !/aria-(?!expanded)[a-z]+=/.test(c.message));
        return r.violations
            .map(v => ({...v, nodes: v.nodes.filter(n => !govukReveal(v, n))}))
            .filter(v => v.nodes.length)
            .map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(', ')}`);
    }""")
    assert result == [], "axe-core found violations on " + page.url + ":\n" + "\n".join(result)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def follow(locator) -> None:
    """Click a link or a submit button and wait until the page it leads to has loaded.

    A bare click returns once the request is sent; reading the title or a heading straight after it
    can catch the old page or a new one not yet parsed (a title of ''). Waiting for the navigation
    the click starts closes that race, including a form posted back to its own address.
    """
    with locator.page.expect_navigation(wait_until="load"):
        locator.click()
    if hasattr(locator.page, "phone_check"):
        locator.page.phone_check()


def sign_in(page, email: str, password: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    follow(page.get_by_role("button", name="Sign in"))

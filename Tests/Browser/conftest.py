"""Shared fixtures of the browser tests. Tests/Browser/run builds the sample site, serves it with
nginx under a sub-path and sets the environment read here; run the suite through it.

Fixtures other test files rely on (keep their names and meaning stable):
  base_url   the served sub-path URL of the sample site, ending in "/"
             (http://127.0.0.1:PORT/renda/)
  driver     a headless Chromium driven by Selenium, 1366×900, with a clean localStorage
  site_dir   the folder the sample site was built into (what nginx serves)
  pages      the page kinds the suite checks: name → path under base_url
  artefacts  the folder for screenshots and other files a run leaves for people to look at
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

DEFAULT_WIDTH = 1366
DEFAULT_HEIGHT = 900
STORAGE_KEY = "renda-a11y"


def _environment(name):
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run the browser tests with Tests/Browser/run", returncode=2)
    return value


@pytest.fixture(scope="session")
def base_url():
    url = _environment("RENDA_BASE_URL")
    assert url.endswith("/"), url
    return url


@pytest.fixture(scope="session")
def site_dir():
    return Path(_environment("RENDA_SITE_DIR"))


@pytest.fixture(scope="session")
def artefacts():
    folder = Path(_environment("RENDA_ARTEFACTS"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _first(folder, pattern, predicate):
    for path in sorted(folder.glob(pattern)):
        if predicate(path.read_text(encoding="utf-8")):
            return path.parent
    return None


@pytest.fixture(scope="session")
def pages(site_dir):
    """The page kinds of the issue, found in the built site so that content changes do not break
    the suite: a news article with photos, a report with its key figures, a deputy profile, the
    newest annual deputy collection, the topic with the most items, the subscribe page (订阅本站)
    and a URL that does not exist (nginx answers with the site's 404 page)."""
    def relative(folder):
        assert folder is not None
        return folder.relative_to(site_dir).as_posix() + "/"

    news = _first(site_dir, "news/*/index.html", lambda html: "<img" in html and 'class="prose"' in html)
    report = _first(site_dir, "reports/*/index.html", lambda html: 'class="figure-grid"' in html)
    deputy = _first(site_dir, "deputies/*/index.html", lambda html: 'class="profile-fields"' in html
                    and "page-collection" not in html)
    years = sorted(p.parent for p in site_dir.glob("deputies/[0-9][0-9][0-9][0-9]/index.html"))
    topics = [(len(re.findall(r'class="card-item"', p.read_text(encoding="utf-8"))), p.parent)
              for p in site_dir.glob("topics/*/index.html")]
    topic = max(topics, key=lambda entry: (entry[0], entry[1].name))[1]
    subscribe = site_dir / "subscribe"
    return {
        "home": "",
        "news": relative(news),
        "report": relative(report),
        "deputy": relative(deputy),
        "collection": relative(years[-1]),
        "topic": relative(topic),
        "subscribe": relative(subscribe if (subscribe / "index.html").is_file() else None),
        "404": "this-page-does-not-exist/",
    }


def chromium_options(javascript=True):
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=zh-CN",
                     f"--window-size={DEFAULT_WIDTH},{DEFAULT_HEIGHT}"):
        options.add_argument(argument)
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return options


def new_driver(javascript=True):
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(service=service, options=chromium_options(javascript))
    browser.set_page_load_timeout(30)
    return browser


def set_viewport(driver, width, height=DEFAULT_HEIGHT):
    """An exact CSS viewport (window sizes include the browser's frame), phone-like below 700 px."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700,
    })


@pytest.fixture(scope="session")
def _browser():
    browser = new_driver()
    yield browser
    browser.quit()


@pytest.fixture
def driver(_browser, base_url):
    """The session's Chromium, reset for each test: default viewport, no stored reading settings."""
    set_viewport(_browser, DEFAULT_WIDTH)
    _browser.get(base_url)
    _browser.execute_script("window.localStorage.clear()")
    _browser.get(base_url)
    yield _browser
    _browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    _browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


@pytest.fixture(scope="session")
def nojs_driver():
    """A second Chromium with JavaScript turned off, for what a reader without scripts sees."""
    browser = new_driver(javascript=False)
    yield browser
    browser.quit()


def store_settings(driver, base_url, settings):
    """Stores reading settings the way the toolbar does, then reloads nothing: the next page
    loaded picks them up."""
    driver.get(base_url)
    driver.execute_script("window.localStorage.setItem(arguments[0], arguments[1])",
                          STORAGE_KEY, json.dumps(settings))


def full_page_screenshot(driver, path):
    """PNG of the whole page at the current viewport width."""
    import base64

    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    width = metrics["cssLayoutViewport"]["clientWidth"]
    height = min(int(metrics["cssContentSize"]["height"]), 16000)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def viewport_screenshot(driver, path):
    """PNG of what fits in the viewport (the first screen a reader sees)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))

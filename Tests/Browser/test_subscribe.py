"""The subscribe page (订阅本站) in headless Chromium, from the sample site served by nginx under
/renda/: the footer's 订阅更新 and the news list's 订阅工作动态 lead to it (not to the XML), every
feed's full address is listed and fetchable, 复制地址 copies it and says 已复制 in a live region,
without the clipboard the address is selected instead, long addresses wrap at 320 px, and axe
finds nothing serious with the status shown. Validity, landmarks, widths from 320 to 1920 px and
the page without JavaScript are checked with the other page kinds in test_pages.py and
test_reading_tools.py."""

import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import full_page_screenshot, set_viewport, store_settings, viewport_screenshot
from test_pages import AXE_CONFIGURATION, MODES


def entries(driver):
    """Each listed feed: its anchor, name, address as shown, link and copy button."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('.feed-entry')).map(function (entry) {
            return {id: entry.id, name: entry.querySelector('.feed-name').textContent,
                    address: entry.querySelector('.feed-address').textContent,
                    link: entry.querySelector('.feed-file a').href};
        });""")


def status_of(driver, anchor):
    return driver.find_element(By.ID, f"{anchor}-status").get_attribute("textContent")


def copy(driver, anchor):
    driver.find_element(By.CSS_SELECTOR, f"#{anchor} .copy-button").click()
    WebDriverWait(driver, 5).until(lambda d: status_of(d, anchor) != "")
    return status_of(driver, anchor)


def test_the_visible_subscribe_links_lead_to_the_page(driver, base_url):
    set_viewport(driver, 320, 640)
    driver.get(base_url)
    # The head still names the feed for readers and browsers that look there.
    alternate = driver.find_element(By.CSS_SELECTOR, 'head link[rel="alternate"][type="application/atom+xml"]')
    assert alternate.get_attribute("href") == base_url + "feed.xml"
    link = driver.find_element(By.XPATH, "//footer//a[normalize-space()='订阅更新']")
    driver.execute_script("arguments[0].click()", link)
    WebDriverWait(driver, 10).until(lambda d: d.current_url == base_url + "subscribe/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "订阅本站"

    driver.get(base_url + "news/")
    driver.find_element(By.XPATH, "//main//a[normalize-space()='订阅工作动态']").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == base_url + "subscribe/#feed-news")
    # The news feed's entry is where the page opens, marked as the target.
    top = driver.execute_script("return document.getElementById('feed-news').getBoundingClientRect().top")
    assert 0 <= top < 100
    assert driver.execute_script("return document.querySelector(':target').id") == "feed-news"


def test_every_feed_is_listed_with_its_full_address(driver, base_url):
    driver.get(base_url + "subscribe/")
    listed = entries(driver)
    assert [(e["id"], e["name"]) for e in listed] == [("feed-site", "全站更新"), ("feed-news", "工作动态")]
    assert [e["address"] for e in listed] == [base_url + "feed.xml", base_url + "news/feed.xml"]
    for entry in listed:
        assert entry["link"] == entry["address"]
        with urllib.request.urlopen(entry["address"], timeout=10) as response:
            assert response.status == 200
            assert response.read(200).startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed')


def test_copy_address_copies_it_and_says_so(driver, base_url, artefacts):
    set_viewport(driver, 320, 640)
    origin = base_url.split("/renda/")[0]
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    try:
        driver.get(base_url + "subscribe/#feed-news")
        button = driver.find_element(By.CSS_SELECTOR, "#feed-news .copy-button")
        # Read as 复制地址（工作动态）: the feed's name is there for screen readers only.
        assert button.is_displayed() and button.get_attribute("textContent") == "复制地址（工作动态）"
        status = driver.find_element(By.ID, "feed-news-status")
        assert (status.get_attribute("role"), status.get_attribute("aria-live")) == ("status", "polite")
        assert copy(driver, "feed-news") == "已复制"
        assert status.is_displayed()
        clipboard = driver.execute_async_script(
            "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });")
        assert clipboard == base_url + "news/feed.xml"
        assert status_of(driver, "feed-site") == ""
        viewport_screenshot(driver, artefacts / "screenshots" / "subscribe-copied-320.png")

        # Copying the other address moves the message there.
        assert copy(driver, "feed-site") == "已复制"
        assert status_of(driver, "feed-news") == ""
    finally:
        driver.execute_cdp_cmd("Browser.resetPermissions", {})


@pytest.mark.parametrize("legacy_copy", [True, False], ids=["execCommand", "nothing"])
def test_without_the_clipboard_api_the_address_is_copied_or_selected(legacy_copy, driver, base_url):
    driver.get(base_url + "subscribe/")
    # An old browser, or a page served over plain HTTP from another host: no navigator.clipboard.
    driver.execute_script("""
        Object.defineProperty(Navigator.prototype, 'clipboard', {get: function () { return undefined; }, configurable: true});
        var works = arguments[0];
        document.execCommand = function (command) { return works && command === 'copy'; };""", legacy_copy)
    message = copy(driver, "feed-site")
    selected = driver.execute_script("return window.getSelection().toString()")
    assert selected == base_url + "feed.xml"
    assert message == ("已复制" if legacy_copy else "地址已选中，请长按地址或按Ctrl+C复制")


def test_a_long_address_wraps_at_320_px(driver, base_url, artefacts):
    store_settings(driver, base_url, {"textSize": 2, "lineSpacing": True})
    set_viewport(driver, 320, 640)
    driver.get(base_url + "subscribe/")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 320
    # A portal's deep sub-path: one unbroken word far wider than the screen.
    driver.execute_script("""
        document.getElementById('feed-news-url').textContent =
            'https://www.example.gov.cn/' + 'renda-gongzuo-dongtai-'.repeat(8) + 'news/feed.xml';""")
    copy(driver, "feed-news")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 320
    box = driver.execute_script("""
        var r = document.getElementById('feed-news-url').getBoundingClientRect();
        return {right: r.right, height: r.height};""")
    assert box["right"] <= 320 and box["height"] > 100, box
    full_page_screenshot(driver, artefacts / "screenshots" / "full" / "subscribe-long-address-320.png")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [320, 1366])
def test_axe_finds_nothing_serious_with_the_status_shown(width, mode, driver, base_url):
    store_settings(driver, base_url, MODES[mode])
    set_viewport(driver, width)
    driver.get(base_url + "subscribe/#feed-news")
    driver.execute_script("""
        Object.defineProperty(Navigator.prototype, 'clipboard', {get: function () { return undefined; }, configurable: true});
        document.execCommand = function () { return false; };""")
    copy(driver, "feed-news")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width
    axe = Axe(driver)
    axe.inject()
    driver.execute_script("axe.configure(arguments[0])", AXE_CONFIGURATION)
    serious = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], axe.report(serious)


@pytest.mark.nojs
def test_without_javascript_the_addresses_are_text_to_select(nojs_driver, base_url):
    set_viewport(nojs_driver, 320, 640)
    nojs_driver.get(base_url + "subscribe/")
    assert not any(b.is_displayed() for b in nojs_driver.find_elements(By.CSS_SELECTOR, ".copy-button"))
    address = nojs_driver.find_element(By.ID, "feed-site-url")
    assert address.is_displayed() and address.text == base_url + "feed.xml"
    assert nojs_driver.execute_script(
        "return getComputedStyle(arguments[0]).userSelect", address) in ("all", "text", "auto")
    assert nojs_driver.execute_script("return document.documentElement.scrollWidth") <= 320

"""The reading tools (适老化) in the header: two larger text steps, high contrast and wider line
spacing change computed styles at once (no reload), are remembered in localStorage across a
navigation, are applied before the first paint, work from the keyboard, and stay out of the way
with JavaScript off."""

import json
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import STORAGE_KEY, set_viewport, store_settings, viewport_screenshot
from test_pages import PAGE_KINDS


def style(driver, selector, prop):
    return driver.execute_script(
        "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
        selector, prop)


def px(value):
    return float(value.removesuffix("px"))


def button(driver, label):
    return driver.find_element(By.XPATH, f"//div[@class='a11y-tools']//button[normalize-space()='{label}']")


def pressed(driver, label):
    return button(driver, label).get_attribute("aria-pressed")


def stored(driver):
    value = driver.execute_script("return window.localStorage.getItem(arguments[0])", STORAGE_KEY)
    return json.loads(value) if value else None


def mark_document(driver):
    driver.execute_script("window.__rendaSameDocument = true")


def same_document(driver):
    return driver.execute_script("return window.__rendaSameDocument === true")


def test_the_toolbar_is_labelled_in_chinese_and_shows_its_state(driver, base_url):
    tools = driver.find_element(By.CSS_SELECTOR, ".a11y-tools")
    assert tools.is_displayed()
    assert tools.get_attribute("role") == "group"
    title = driver.find_element(By.ID, tools.get_attribute("aria-labelledby"))
    assert title.get_attribute("textContent") == "阅读辅助"
    sizes = driver.find_element(By.CSS_SELECTOR, ".a11y-group")
    assert driver.find_element(By.ID, sizes.get_attribute("aria-labelledby")).get_attribute("textContent") == "字号"
    labels = [b.text for b in tools.find_elements(By.TAG_NAME, "button")]
    assert labels == ["标准", "大", "特大", "高对比度", "加大行距", "恢复默认"]
    assert [pressed(driver, label) for label in labels[:5]] == ["true", "false", "false", "false", "false"]
    for b in tools.find_elements(By.TAG_NAME, "button"):
        assert b.get_attribute("type") == "button"
        assert b.size["height"] >= 32 and b.size["width"] >= 40, f"{b.text} is too small to hit"


def test_text_size_has_two_larger_steps(driver, base_url, pages):
    driver.get(base_url + pages["news"])
    mark_document(driver)
    root = px(style(driver, "html", "font-size"))
    paragraph = px(style(driver, ".prose p", "font-size"))
    title = px(style(driver, ".article-title", "font-size"))

    button(driver, "大").click()
    assert px(style(driver, "html", "font-size")) == pytest.approx(root * 1.25)
    assert px(style(driver, ".prose p", "font-size")) == pytest.approx(paragraph * 1.25, rel=0.02)
    assert pressed(driver, "大") == "true" and pressed(driver, "标准") == "false"

    button(driver, "特大").click()
    assert px(style(driver, "html", "font-size")) == pytest.approx(root * 1.5)
    assert px(style(driver, ".prose p", "font-size")) == pytest.approx(paragraph * 1.5, rel=0.02)
    assert px(style(driver, ".article-title", "font-size")) == pytest.approx(title * 1.5, rel=0.02)
    assert pressed(driver, "特大") == "true" and pressed(driver, "大") == "false"
    assert stored(driver) == {"textSize": 2, "contrast": False, "lineSpacing": False}

    button(driver, "标准").click()
    assert px(style(driver, ".prose p", "font-size")) == pytest.approx(paragraph)
    assert same_document(driver), "the page was reloaded"


def test_high_contrast_turns_on_and_off(driver, base_url, pages):
    driver.get(base_url + pages["report"])
    mark_document(driver)
    before = {prop: style(driver, "body", prop) for prop in ("background-color", "color")}
    figure_before = style(driver, ".figure", "background-color")

    button(driver, "高对比度").click()
    assert style(driver, "body", "background-color") == "rgb(0, 0, 0)"
    assert style(driver, "body", "color") == "rgb(255, 255, 255)"
    assert style(driver, ".figure", "background-color") == "rgb(0, 0, 0)"
    assert style(driver, ".prose a, .breadcrumbs a", "color") == "rgb(255, 235, 59)"
    assert style(driver, ".masthead", "background-image") == "none"
    assert pressed(driver, "高对比度") == "true"

    button(driver, "高对比度").click()
    assert {prop: style(driver, "body", prop) for prop in before} == before
    assert style(driver, ".figure", "background-color") == figure_before
    assert pressed(driver, "高对比度") == "false"
    assert same_document(driver), "the page was reloaded"


def test_line_spacing_widens_the_lines(driver, base_url, pages):
    driver.get(base_url + pages["news"])
    mark_document(driver)
    body = px(style(driver, "body", "line-height"))
    paragraph = px(style(driver, ".prose p", "line-height"))

    button(driver, "加大行距").click()
    assert px(style(driver, "body", "line-height")) >= body * 1.25
    assert px(style(driver, ".prose p", "line-height")) >= paragraph * 1.25
    assert pressed(driver, "加大行距") == "true"
    assert stored(driver)["lineSpacing"] is True
    assert same_document(driver), "the page was reloaded"


def test_settings_persist_across_a_navigation(driver, base_url, pages):
    driver.get(base_url)
    font_size = px(style(driver, "body", "font-size"))
    line_height = px(style(driver, "body", "line-height"))
    button(driver, "特大").click()
    button(driver, "高对比度").click()
    button(driver, "加大行距").click()

    # Follow a link of the main menu, as a reader would.
    driver.find_element(By.CSS_SELECTOR, ".site-nav .menu-item:nth-child(2) a").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/news/"))
    assert style(driver, "body", "background-color") == "rgb(0, 0, 0)"
    assert px(style(driver, "body", "font-size")) == pytest.approx(font_size * 1.5, rel=0.02)
    assert px(style(driver, "body", "line-height")) > line_height * 1.5
    assert [pressed(driver, label) for label in ("特大", "高对比度", "加大行距")] == ["true"] * 3

    for kind in PAGE_KINDS:
        driver.get(base_url + pages[kind])
        root = driver.find_element(By.TAG_NAME, "html")
        assert (root.get_attribute("data-text-size"), root.get_attribute("data-contrast"),
                root.get_attribute("data-line-spacing")) == ("2", "high", "wide"), kind
        assert style(driver, "body", "background-color") == "rgb(0, 0, 0)", kind


def test_stored_settings_apply_before_the_first_paint(driver, base_url, pages):
    """The head applies the settings with an inline script before the stylesheet, so they hold
    even when site.js (deferred, run after parsing) never loads: no flash of the default look."""
    store_settings(driver, base_url, {"textSize": 1, "contrast": True, "lineSpacing": True})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/assets/site.*.js"]})
    driver.get(base_url + pages["deputy"])
    assert driver.execute_script("return document.querySelectorAll('script[src*=\"/assets/site.\"]').length") == 1
    order = driver.execute_script("""
        var head = Array.from(document.head.children);
        var inline = head.findIndex(function (e) { return e.tagName === 'SCRIPT' && !e.src; });
        var css = head.findIndex(function (e) { return e.rel === 'stylesheet'; });
        return [inline, css];""")
    assert 0 <= order[0] < order[1], "the inline script must come before the stylesheet"
    assert style(driver, "html", "font-size") == "20px"
    assert style(driver, "body", "background-color") == "rgb(0, 0, 0)"
    # site.js did not run, so aria-pressed is still the markup's; the look comes from <html>.
    assert pressed(driver, "大") == "false"
    assert style(driver, "[data-a11y-text-size='1']", "background-color") == "rgb(255, 235, 59)"


def test_a_policy_against_inline_scripts_leaves_the_tools_working(driver, base_url, pages):
    """On a portal whose Content-Security-Policy forbids inline scripts, site.js shows the bar and
    applies the stored settings (after the first paint instead of before it)."""
    store_settings(driver, base_url, {"textSize": 2, "contrast": True})
    url = base_url.split("/renda/")[0] + "/csp/renda/" + pages["news"]
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Security-Policy"] == "script-src 'self'"
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".a11y-tools").is_displayed())
    assert style(driver, "body", "background-color") == "rgb(0, 0, 0)"
    assert style(driver, "html", "font-size") == "24px"
    assert pressed(driver, "特大") == "true"
    button(driver, "标准").click()
    assert style(driver, "html", "font-size") == "16px"


def test_reset_restores_the_defaults(driver, base_url):
    store_settings(driver, base_url, {"textSize": 2, "contrast": True, "lineSpacing": True})
    driver.get(base_url)
    button(driver, "恢复默认").click()
    root = driver.find_element(By.TAG_NAME, "html")
    assert [root.get_attribute(a) for a in ("data-text-size", "data-contrast", "data-line-spacing")] == [None] * 3
    assert stored(driver) is None
    assert [pressed(driver, label) for label in ("标准", "特大", "高对比度", "加大行距")] == ["true", "false", "false", "false"]


def test_the_tools_work_from_the_keyboard(driver, base_url):
    driver.get(base_url)
    press = lambda key: ActionChains(driver).send_keys(key).perform()
    focused = lambda: driver.switch_to.active_element
    press(Keys.TAB)
    assert focused().get_attribute("class") == "skip-link"
    for _ in range(4):  # 标准, 大, 特大, 高对比度
        press(Keys.TAB)
    assert focused().get_attribute("textContent") == "高对比度"
    press(Keys.SPACE)
    assert style(driver, "body", "background-color") == "rgb(0, 0, 0)"
    assert pressed(driver, "高对比度") == "true"
    press(Keys.TAB)
    assert focused().get_attribute("textContent") == "加大行距"
    press(Keys.ENTER)
    assert pressed(driver, "加大行距") == "true"
    assert stored(driver) == {"textSize": 0, "contrast": True, "lineSpacing": True}


@pytest.mark.nojs
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_without_javascript_the_page_reads_fully_and_the_tools_are_hidden(kind, nojs_driver, base_url, pages, artefacts):
    set_viewport(nojs_driver, 390, 844)
    nojs_driver.get(base_url + pages[kind])
    assert nojs_driver.execute_script("return document.documentElement.classList.contains('js')") is False
    assert not nojs_driver.find_element(By.CSS_SELECTOR, ".a11y-bar").is_displayed()
    for selector in (".site-nav", "h1", ".site-footer"):
        assert nojs_driver.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
    buttons = [b for b in nojs_driver.find_elements(By.CSS_SELECTOR, "main button") if b.is_displayed()]
    assert buttons == [], "a button that needs JavaScript is shown"
    text = nojs_driver.find_element(By.TAG_NAME, "main").text
    assert len(text) > 30
    if kind in ("home", "collection"):
        viewport_screenshot(nojs_driver, artefacts / "screenshots" / f"nojs-{kind}-390.png")


@pytest.mark.parametrize("width", [390, 1366])
def test_screenshots_of_the_reading_modes(width, driver, base_url, pages, artefacts):
    modes = {
        "large": {"textSize": 2},
        "high-contrast": {"contrast": True},
        "large-high-contrast-wide": {"textSize": 2, "contrast": True, "lineSpacing": True},
    }
    for name, settings in modes.items():
        store_settings(driver, base_url, settings)
        set_viewport(driver, width, 844 if width < 700 else 900)
        driver.get(base_url + pages["news"])
        path = artefacts / "screenshots" / f"news-{width}-{name}.png"
        viewport_screenshot(driver, path)
        assert path.stat().st_size > 10_000


def disclosure(driver):
    return driver.find_element(By.CSS_SELECTOR, ".a11y-disclosure")


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_the_tools_fold_behind_one_button(width, driver, base_url, pages):
    """Two rows of tools at the top of every page pushed the article down a phone's screen: there
    they wait behind 阅读辅助, a button that says what it holds and whether it is open."""
    set_viewport(driver, width, 700)
    driver.get(base_url + pages["news"])
    toggle = disclosure(driver)
    assert toggle.is_displayed()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert "字号" in toggle.text and "对比度" in toggle.text
    tools = driver.find_element(By.ID, toggle.get_attribute("aria-controls"))
    assert tools.get_attribute("class") == "a11y-tools" and not tools.is_displayed()
    assert toggle.size["height"] >= 44
    bar = driver.find_element(By.CSS_SELECTOR, ".a11y-bar")
    assert bar.size["height"] <= 50, "the folded tools take one row"

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and tools.is_displayed()
    button(driver, "特大").click()
    assert style(driver, "html", "font-size") == "24px"
    assert pressed(driver, "特大") == "true"
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width
    toggle = disclosure(driver)
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false" and not tools.is_displayed()

    # The setting is remembered, the open state is not: the next page starts folded.
    driver.get(base_url + pages["report"])
    assert style(driver, "html", "font-size") == "24px"
    assert disclosure(driver).get_attribute("aria-expanded") == "false"
    assert not driver.find_element(By.CSS_SELECTOR, ".a11y-tools").is_displayed()


def test_on_a_phone_the_folded_tools_work_from_the_keyboard(driver, base_url):
    set_viewport(driver, 390, 844)
    driver.get(base_url)
    press = lambda key: ActionChains(driver).send_keys(key).perform()
    focused = lambda: driver.switch_to.active_element
    press(Keys.TAB)
    assert focused().get_attribute("class") == "skip-link"
    press(Keys.TAB)
    assert "a11y-disclosure" in focused().get_attribute("class")
    press(Keys.ENTER)
    assert disclosure(driver).get_attribute("aria-expanded") == "true"
    for _ in range(4):  # 标准, 大, 特大, 高对比度
        press(Keys.TAB)
    assert focused().get_attribute("textContent") == "高对比度"
    press(Keys.SPACE)
    assert style(driver, "body", "background-color") == "rgb(0, 0, 0)"
    # Escape folds the tools and gives the focus back to the button.
    press(Keys.ESCAPE)
    assert disclosure(driver).get_attribute("aria-expanded") == "false"
    assert "a11y-disclosure" in focused().get_attribute("class")
    assert not driver.find_element(By.CSS_SELECTOR, ".a11y-tools").is_displayed()


def test_on_a_wide_screen_the_tools_are_not_folded(driver, base_url):
    set_viewport(driver, 1366)
    driver.get(base_url)
    assert not disclosure(driver).is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".a11y-tools").is_displayed()


def test_on_a_phone_the_tools_stay_open_when_site_js_does_not_run(driver, base_url, pages):
    """The head's script shows the bar; folding needs site.js. Without it the tools are not
    folded away for good: they are shown, and the button that could not open them is not."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/assets/site.*.js"]})
    set_viewport(driver, 390, 844)
    driver.get(base_url + pages["news"])
    assert driver.find_element(By.CSS_SELECTOR, ".a11y-tools").is_displayed()
    assert not disclosure(driver).is_displayed()

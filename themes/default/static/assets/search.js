// Site search for the /search/ page. Reads the index the build writes beside the page
// (search/index.json, t/<n>.txt shards, d/<n>.json titles and leads), then finds, ranks, filters
// and highlights in the browser: no server, no framework, plain ES5 for old office browsers. A
// result matched only in its body takes its excerpt from the page itself (the text marked
// data-search-text), which the index does not copy.
// Tokenizing, the shard hash and the ranking mirror Sources/RendaSearch; change both together.
(function () {
  "use strict";

  var app = document.getElementById("search-app");
  if (!app || !window.XMLHttpRequest || !window.JSON) return;

  var FORMAT = 2;
  var PAGE_SIZE = 10;
  var MAX_WORD = 10;
  var MAX_TOKENS = 24;
  // Score of a token by its weight in a document (0-7): title 7, topic 6, detail 5, body 1-4.
  var WEIGHT_SCORES = [0, 1, 2, 3, 4, 6, 8, 12];
  // Weights 1–4 are body text; from 5 on, a field: a detail, a topic, the title (SearchDocument.Weight).
  var FIRST_FIELD_WEIGHT = 5;
  var EXCERPT_LENGTH = 110;
  var EXCERPT_LEAD = 24;
  var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  var indexURL = app.getAttribute("data-index");
  var folder = indexURL.slice(0, indexURL.lastIndexOf("/") + 1);
  var form = document.querySelector("form.search-form");
  var input = document.getElementById("search-q");
  var statusLine = document.getElementById("search-status");
  var filtersBox = document.getElementById("search-filters");
  // A theme's own page may keep the filters in a plain box, without the folded line.
  var filtersSummary = filtersBox.querySelector("summary");
  var filtersBody = filtersBox.querySelector(".search-filters-body") || filtersBox;
  // The page's introduction explains the search box; with a query, the results take its place.
  var intro = document.querySelector(".page-search .page-intro");
  var resultsList = document.getElementById("search-results");
  var pagesNav = document.getElementById("search-pages");
  var helpBox = document.getElementById("search-help");
  var canNavigate = !!(window.history && history.pushState);
  var TEXT_FRAGMENTS = "fragmentDirective" in document; // #id:~:text=… scrolls to the words
  var generation = 0; // bumped per search, so a slow answer never replaces a newer one
  var manifest = null;
  var shardCache = {};
  var documentFiles = {}; // d/<n>.json by n: its list once read, and who waits for it meanwhile

  var digit = [];
  for (var b = 0; b < BASE64.length; b++) digit[BASE64.charCodeAt(b)] = b;
  var imul = Math.imul || function (a, c) {
    var al = a & 0xffff, cl = c & 0xffff;
    return (al * cl + ((((a >>> 16) * cl + al * (c >>> 16)) << 16) >>> 0)) | 0;
  };

  // ---- Strings from the theme (data-t-* attributes), with {name} placeholders.

  function say(name, values) {
    var value = app.getAttribute("data-t-" + name) || "";
    return value.replace(/\{(\w+)\}/g, function (whole, key) {
      return values && values[key] != null ? String(values[key]) : whole;
    });
  }

  // ---- The page's address holds the whole state: ?q=…&section=…&year=…&page=…

  function decode(part) {
    try { return decodeURIComponent(part.replace(/\+/g, " ")); } catch (e) { return part; }
  }

  function readState() {
    var state = { q: "", section: "", year: "", sort: "", page: 1 };
    var pairs = location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < pairs.length; i++) {
      var cut = pairs[i].indexOf("=");
      if (cut < 0) continue;
      var key = decode(pairs[i].slice(0, cut)), value = decode(pairs[i].slice(cut + 1));
      if (key === "q") state.q = value;
      else if (key === "section") state.section = value;
      else if (key === "year") state.year = value;
      else if (key === "sort") state.sort = value === "date" ? value : "";
      else if (key === "page") state.page = Math.max(1, parseInt(value, 10) || 1);
    }
    return state;
  }

  function addressOf(state) {
    var parts = ["q=" + encodeURIComponent(state.q)];
    if (state.section) parts.push("section=" + encodeURIComponent(state.section));
    if (state.year) parts.push("year=" + encodeURIComponent(state.year));
    if (state.sort) parts.push("sort=" + state.sort);
    if (state.page > 1) parts.push("page=" + state.page);
    return location.pathname + "?" + parts.join("&");
  }

  function withChanges(state, changes) {
    var next = { q: state.q, section: state.section, year: state.year, sort: state.sort, page: 1 };
    for (var key in changes) if (changes.hasOwnProperty(key)) next[key] = changes[key];
    return next;
  }

  // ---- Tokens, exactly as Sources/RendaSearch/Tokenizer.swift and SearchQuery.swift.

  function fold(c) {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    return c;
  }

  function isWordChar(c) { return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a); }

  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
  }

  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { out.push((c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000); i++; continue; }
      }
      out.push(c);
    }
    return out;
  }

  function fromCodePoints(points) {
    var s = "";
    for (var i = 0; i < points.length; i++) {
      var c = points[i];
      if (c > 0xffff) { c -= 0x10000; s += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff)); }
      else s += String.fromCharCode(c);
    }
    return s;
  }

  // Han runs and words of the query, each with whether a number is right after or before it.
  function segments(query) {
    var list = [], han = [], word = [], wordIsNumber = true, previousWasNumber = false;
    function flushHan(nextIsNumber) {
      if (!han.length) return;
      list.push({ han: true, points: han, afterNumber: previousWasNumber, beforeNumber: nextIsNumber });
      han = [];
      previousWasNumber = false;
    }
    function flushWord() {
      if (!word.length) return;
      list.push({ han: false, points: word.slice(0, MAX_WORD) });
      previousWasNumber = wordIsNumber;
      word = [];
      wordIsNumber = true;
    }
    var points = codePoints(query);
    for (var i = 0; i < points.length; i++) {
      var c = fold(points[i]);
      if (isWordChar(c)) {
        flushHan(c <= 0x39);
        word.push(c);
        if (c > 0x39) wordIsNumber = false;
      } else if (isHan(c)) {
        flushWord();
        han.push(c);
      } else {
        flushWord();
        flushHan(false);
        previousWasNumber = false;
      }
    }
    flushWord();
    flushHan(false);
    return list;
  }

  // As SearchQuery.unitsAfterNumber and wordsBeforeNumber: 2024年预算 looks for 2024 and 预算.
  var UNITS_AFTER_NUMBER = "年月日号时点分秒次届期批轮个项件名位户家所座条篇份场种类处支万亿千百元岁余多倍";
  var WORDS_BEFORE_NUMBER = "第约近共计达超逾";

  // The characters of a run of two or more whose pairs are looked for, as
  // SearchQuery.pairedCharacters: less the units it opens with after a number and the word it
  // closes with before one, while two characters remain.
  function pairedPoints(segment) {
    var points = segment.points, start = 0, end = points.length;
    if (segment.afterNumber) {
      while (end - start > 2 && points[start] < 0x10000 && UNITS_AFTER_NUMBER.indexOf(String.fromCharCode(points[start])) >= 0) start++;
    }
    if (segment.beforeNumber && end - start > 2 && points[end - 1] < 0x10000 &&
        WORDS_BEFORE_NUMBER.indexOf(String.fromCharCode(points[end - 1])) >= 0) end--;
    return points.slice(start, end);
  }

  // Tokens every result must hold, and the terms to highlight (whole runs, their pairs as fallback).
  function parseQuery(query) {
    var list = segments(query), tokens = [], units = [], terms = [], single = false;
    function add(token) { if (tokens.indexOf(token) < 0) tokens.push(token); }
    for (var i = 0; i < list.length; i++) {
      var segment = list[i], run = fromCodePoints(segment.points), pairs = [];
      if (!segment.han) { add(run); terms.push({ text: run, pairs: pairs }); continue; }
      if (segment.points.length === 1) {
        // 年 in 2023年 or 第…次 around a number is a unit, looked for only when it is all there is.
        if (segment.afterNumber || segment.beforeNumber) { units.push(run); continue; }
        add(run);
        single = true;
        terms.push({ text: run, pairs: pairs });
        continue;
      }
      var points = pairedPoints(segment);
      for (var j = 0; j + 1 < points.length; j++) {
        var pair = fromCodePoints([points[j], points[j + 1]]);
        add(pair);
        pairs.push(pair);
      }
      terms.push({ text: fromCodePoints(points), pairs: pairs });
    }
    if (!tokens.length) {
      for (var k = 0; k < units.length; k++) { add(units[k]); terms.push({ text: units[k], pairs: [] }); }
      single = units.length > 0;
    }
    // A single character is indexed from titles, topics, details and leads only (not body text).
    return { tokens: tokens.slice(0, MAX_TOKENS), terms: terms, single: single };
  }

  // FNV-1a over the token's UTF-8, as TokenKey.shard(of:shardCount:).
  function shardOf(token, count) {
    var hash = 0x811c9dc5, points = codePoints(token);
    for (var i = 0; i < points.length; i++) {
      var c = points[i], bytes;
      if (c < 0x80) bytes = [c];
      else if (c < 0x800) bytes = [0xc0 | c >> 6, 0x80 | c & 63];
      else if (c < 0x10000) bytes = [0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63];
      else bytes = [0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63];
      for (var j = 0; j < bytes.length; j++) hash = imul(hash ^ bytes[j], 0x01000193);
    }
    return (hash >>> 0) & (count - 1);
  }

  // What a query looks up, for Tests/Browser/test_search.py to check against the fixture the Swift
  // tests read (Tests/RendaSearchTests/Fixtures/query-parity.json). Search itself never reads this
  // object, so nothing a page does to it changes what readers find.
  //   RendaSearch.queryTokens("2023年预算") → ["2023", "预算"] (年, a unit after a number, is left out)
  //   RendaSearch.shardOf("预算", 1024) → 988
  //   RendaSearch.unitsAfterNumber, .wordsBeforeNumber: the lists SearchQuery has too
  window.RendaSearch = {
    queryTokens: function (query) { return parseQuery(String(query)).tokens; },
    shardOf: shardOf,
    unitsAfterNumber: UNITS_AFTER_NUMBER,
    wordsBeforeNumber: WORDS_BEFORE_NUMBER
  };

  // Postings: base64 VLQ numbers, each (gap to the previous document - 1) * 8 + weight.
  function decodePostings(text) {
    var out = [], previous = -1, number = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var value = digit[text.charCodeAt(i)];
      number |= (value & 31) << shift;
      if (value & 32) { shift += 5; continue; }
      previous += 1 + (number >> 3);
      out.push(previous, number & 7);
      number = 0;
      shift = 0;
    }
    return out;
  }

  function parseShard(text) {
    var lines = text.split("\n"), map = {};
    for (var i = 0; i < lines.length; i++) {
      var tab = lines[i].indexOf("\t");
      if (tab > 0) map[lines[i].slice(0, tab)] = lines[i].slice(tab + 1);
    }
    return map;
  }

  // ---- Loading. Everything but the manifest carries the manifest's hash, so it may be cached.

  function load(url, fresh, done) {
    var request = new XMLHttpRequest();
    request.open("GET", url, true);
    if (request.overrideMimeType) request.overrideMimeType("text/plain; charset=utf-8");
    if (fresh) request.setRequestHeader("Cache-Control", "no-cache");
    request.onreadystatechange = function () {
      if (request.readyState !== 4) return;
      if (request.status === 200 || (request.status === 0 && request.responseText)) done(null, request.responseText);
      else done(new Error(url + " " + request.status));
    };
    request.send();
  }

  function loadAll(urls, done) {
    var texts = [], left = urls.length, failed = false;
    if (!left) { done(null, texts); return; }
    for (var i = 0; i < urls.length; i++) {
      (function (position) {
        load(urls[position], false, function (error, text) {
          if (failed) return;
          if (error) { failed = true; done(error); return; }
          texts[position] = text;
          if (--left === 0) done(null, texts);
        });
      })(i);
    }
  }

  function versioned(path) { return folder + path + "?v=" + manifest.hash; }

  function loadManifest(done) {
    if (manifest) { done(null); return; }
    load(indexURL, true, function (error, text) {
      if (error) { done(error); return; }
      try {
        var parsed = JSON.parse(text);
        if (parsed.format !== FORMAT) throw new Error("index format " + parsed.format);
        parsed.docSectionList = unpackSections(parsed.docSections, parsed.sectionBits, parsed.count);
        manifest = parsed;
        done(null);
      } catch (e) { done(e); }
    });
  }

  function unpackSections(text, bits, count) {
    var per = Math.floor(6 / bits), out = [];
    for (var i = 0; i < text.length; i++) {
      var value = digit[text.charCodeAt(i)];
      for (var slot = 0; slot < per && out.length < count; slot++) out.push(value >> (slot * bits) & ((1 << bits) - 1));
    }
    return out;
  }

  function loadShards(tokens, done) {
    var wanted = [], urls = [];
    for (var i = 0; i < tokens.length; i++) {
      var shard = shardOf(tokens[i], manifest.shards);
      if (!shardCache[shard] && wanted.indexOf(shard) < 0) { wanted.push(shard); urls.push(versioned("t/" + shard + ".txt")); }
    }
    loadAll(urls, function (error, texts) {
      if (error) { done(error); return; }
      for (var j = 0; j < wanted.length; j++) shardCache[wanted[j]] = parseShard(texts[j]);
      done(null);
    });
  }

  // ---- Ranking, as SearchIndex.search: every token must match; a document scores the sum of
  // each token's rarity times its weight there; ties go to the newer document (lower id).

  function rank(tokens) {
    var count = [], score = [], bodyOnly = [], matches = [], total = manifest.count;
    for (var t = 0; t < tokens.length; t++) {
      var line = shardCache[shardOf(tokens[t], manifest.shards)][tokens[t]];
      if (!line) return [];
      var postings = decodePostings(line);
      var idf = Math.round(1000 * Math.log(1 + total / Math.max(1, postings.length / 2)));
      for (var p = 0; p < postings.length; p += 2) {
        var id = postings[p], weight = postings[p + 1];
        if (t > 0 && count[id] !== t) continue;
        count[id] = t + 1;
        score[id] = (score[id] || 0) + idf * WEIGHT_SCORES[weight];
        if (weight < FIRST_FIELD_WEIGHT) bodyOnly[id] = true;
        if (t === tokens.length - 1) matches.push({ id: id, score: score[id], bodyOnly: !!bodyOnly[id] });
      }
    }
    matches.sort(function (a, c) { return c.score - a.score || a.id - c.id; });
    return matches;
  }

  function yearOf(id) {
    var years = manifest.years;
    for (var i = 0; i < years.length; i++) if (id >= years[i][1] && id < years[i][1] + years[i][2]) return String(years[i][0]);
    return "";
  }

  function sectionKey(id) { return manifest.sections[manifest.docSectionList[id]].key; }

  // Section counts under the year filter, year counts under the section filter, then both filters.
  function facet(matches, state) {
    var sections = {}, years = {}, kept = [];
    for (var i = 0; i < matches.length; i++) {
      var key = sectionKey(matches[i].id), year = yearOf(matches[i].id);
      var sectionOK = !state.section || state.section === key, yearOK = !state.year || state.year === year;
      if (yearOK) sections[key] = (sections[key] || 0) + 1;
      if (sectionOK && year) years[year] = (years[year] || 0) + 1;
      if (sectionOK && yearOK) kept.push(matches[i]);
    }
    return { sections: sections, years: years, kept: kept };
  }

  // ---- Excerpts and highlighting. Folding keeps length, so offsets in folded text are offsets
  // in the original.

  function foldText(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) out += String.fromCharCode(fold(s.charCodeAt(i)));
    return out;
  }

  function occurrences(haystack, needle, whole, out) {
    var from = 0, found = 0, at;
    while (needle && found < 50 && (at = haystack.indexOf(needle, from)) >= 0) {
      out.push({ start: at, end: at + needle.length, whole: whole });
      from = at + needle.length;
      found++;
    }
  }

  // Where the terms occur: whole runs, else the pairs of a run (its words may be apart).
  function findRanges(text, terms) {
    var folded = foldText(text), ranges = [];
    for (var i = 0; i < terms.length; i++) {
      var before = ranges.length;
      occurrences(folded, terms[i].text, true, ranges);
      if (ranges.length === before) {
        for (var j = 0; j < terms[i].pairs.length; j++) occurrences(folded, terms[i].pairs[j], false, ranges);
      }
    }
    ranges.sort(function (a, c) { return a.start - c.start || c.end - a.end; });
    var merged = [];
    for (var k = 0; k < ranges.length; k++) {
      var last = merged[merged.length - 1];
      if (last && ranges[k].start <= last.end) {
        last.end = Math.max(last.end, ranges[k].end);
        last.whole = last.whole || ranges[k].whole;
      } else merged.push({ start: ranges[k].start, end: ranges[k].end, whole: ranges[k].whole });
    }
    return merged;
  }

  function excerpt(text, ranges) {
    var anchor = null;
    for (var i = 0; i < ranges.length && !anchor; i++) if (ranges[i].whole) anchor = ranges[i];
    anchor = anchor || ranges[0];
    var start = Math.max(0, anchor.start - EXCERPT_LEAD);
    var lead = text.slice(start, anchor.start);
    // Start at a sentence end before the match if there is one in reach, else at a comma.
    var stop = Math.max(lead.lastIndexOf("。"), lead.lastIndexOf("！"), lead.lastIndexOf("？"),
      lead.lastIndexOf("；"), lead.lastIndexOf("\n"));
    if (stop < 0) stop = Math.max(lead.lastIndexOf("，"), lead.lastIndexOf("、"));
    if (stop >= 0) start += stop + 1;
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
    var shifted = [];
    for (var j = 0; j < ranges.length; j++) {
      if (ranges[j].end <= start || ranges[j].start >= end) continue;
      shifted.push({ start: Math.max(ranges[j].start, start) - start, end: Math.min(ranges[j].end, end) - start });
    }
    return { text: text.slice(start, end), ranges: shifted, before: start > 0, after: end < text.length,
      at: anchor.start, words: text.slice(anchor.start, anchor.end), start: start };
  }

  // Blocks of the text are lines. Shown inline, lines run on with nothing between them, as
  // Chinese text does: a space between two Chinese characters reads as a gap inside a word. Only
  // between two Latin characters (letters, digits, their punctuation) does a line end become a
  // space, so that words there do not merge. `from` and `to` bound the part of `text` to flatten;
  // the characters around it decide for a line end at its edge.
  var LATIN = /[!-~\u00a1-\u024f]/;

  function flatten(text, from, to) {
    var part = text.slice(from, to);
    return part.replace(/[ \t]*\n\s*/g, function (whole, offset) {
      var before = text.charAt(from + offset - 1), after = text.charAt(from + offset + whole.length);
      return LATIN.test(before) && LATIN.test(after) ? " " : "";
    });
  }

  // text[from, to) with the ranges (sorted, within it) as <mark>s.
  function appendMarked(parent, text, ranges, from, to) {
    if (from == null) { from = 0; to = text.length; }
    var at = from;
    for (var i = 0; i < ranges.length; i++) {
      var start = Math.max(ranges[i].start, from), end = Math.min(ranges[i].end, to);
      if (end <= start) continue;
      if (start > at) parent.appendChild(document.createTextNode(flatten(text, at, start)));
      var mark = document.createElement("mark");
      mark.appendChild(document.createTextNode(text.slice(start, end)));
      parent.appendChild(mark);
      at = end;
    }
    if (at < to) parent.appendChild(document.createTextNode(flatten(text, at, to)));
  }

  // An excerpt whose text runs over a heading of the page shows the heading in bold, so that,
  // joined without a space, it does not read as one sentence with the paragraph after it.
  // `page` is the page's text the excerpt was cut from at `shown.start`, the headings' positions
  // are in it.
  function appendExcerpt(parent, shown, page, headings) {
    var text = shown.text, offset = shown.start, at = 0;
    for (var i = 0; i < headings.length; i++) {
      var lineEnd = page.indexOf("\n", headings[i].at);
      if (lineEnd < 0) lineEnd = page.length;
      var start = Math.max(headings[i].at - offset, at), end = Math.min(lineEnd - offset, text.length);
      if (start >= text.length) break;
      if (end <= start) continue;
      if (start > at) appendMarked(parent, text, shown.ranges, at, start);
      appendMarked(parent.appendChild(element("b", "search-excerpt-heading")), text, shown.ranges, start, end);
      at = end;
    }
    if (at < text.length) appendMarked(parent, text, shown.ranges, at, text.length);
  }

  function hasWhole(ranges) {
    for (var i = 0; i < ranges.length; i++) if (ranges[i].whole) return true;
    return false;
  }

  // One d/<n>.json, read once however many results on screen it holds.
  function loadDocumentFile(number, done) {
    var entry = documentFiles[number];
    if (entry && entry.list) { done(null, entry.list); return; }
    if (entry) { entry.waiting.push(done); return; }
    entry = documentFiles[number] = { list: null, waiting: [done] };
    load(versioned("d/" + number + ".json"), false, function (error, json) {
      var list = null;
      if (!error) { try { list = JSON.parse(json); } catch (e) { error = e; } }
      if (error) delete documentFiles[number]; else entry.list = list;
      var waiting = entry.waiting;
      entry.waiting = [];
      for (var i = 0; i < waiting.length; i++) waiting[i](error, list);
    });
  }

  var BLOCKS = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|H[1-6]|LI|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;

  var HEADING_MARK = "\ue000"; // where a heading starts in the text, until its offset is read

  // The text of a page's article (data-search-text, else <main>), one line per block, as the
  // build's plain text has it, and where in it each heading with an id starts; no text when the
  // page cannot be read.
  function pageText(html) {
    var none = { text: "", headings: [] };
    if (!window.DOMParser) return none;
    var page;
    try { page = new DOMParser().parseFromString(html, "text/html"); } catch (e) { return none; }
    var root = page && (page.querySelector("[data-search-text]") || page.querySelector("main"));
    if (!root) return none;
    var out = [], found = [];
    (function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) out.push(child.nodeValue.replace(/\s+/g, " ").replace(/\ue000/g, ""));
        else if (child.nodeType === 1 && !/^(SCRIPT|STYLE|TEMPLATE)$/.test(child.nodeName)) {
          var block = BLOCKS.test(child.nodeName);
          if (block) out.push("\n");
          if (/^H[2-6]$/.test(child.nodeName) && child.id) {
            out.push(HEADING_MARK);
            found.push({ id: child.id, title: (child.textContent || "").replace(/\s+/g, " ").replace(/^ | $/g, "") });
          }
          walk(child);
          if (block) out.push("\n");
        }
      }
    })(root);
    var marked = out.join("").replace(/ *\n\s*/g, "\n").replace(/^\s+|\s+$/g, "");
    var parts = marked.split(HEADING_MARK), text = parts[0], headings = [];
    for (var i = 1; i < parts.length; i++) {
      found[i - 1].at = text.length;
      headings.push(found[i - 1]);
      text += parts[i];
    }
    return { text: text, headings: headings };
  }

  // Text for a `:~:text=` fragment: percent-encoded, `-` too (the syntax uses it with `&` and `,`,
  // which encodeURIComponent encodes already).
  function textDirective(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  // The heading of the part of the page that `at` falls in: the last one starting at or before it.
  function headingAt(headings, at) {
    var last = null;
    for (var i = 0; i < headings.length && headings[i].at <= at; i++) last = headings[i];
    return last;
  }

  // A result's title, link, date, section and lead; and, when its words are only in the body and
  // not whole in the lead, the page's text for the excerpt. A page that cannot be read leaves the
  // lead in its place: the result is still shown.
  function loadDocument(match, terms, done) {
    loadDocumentFile(Math.floor(match.id / manifest.group), function (error, list) {
      if (error) { done(error); return; }
      var entry = list[match.id % manifest.group];
      if (!entry) { done(new Error("document " + match.id)); return; }
      var doc = { t: entry.t, u: entry.u, d: entry.d, s: entry.s, m: entry.m, k: entry.k || [], f: entry.f || [], n: entry.n || [],
        x: entry.m || "", headings: [] };
      function usePage() {
        if (entry.page && entry.page.text) { doc.x = entry.page.text; doc.headings = entry.page.headings; }
      }
      usePage();
      if (!match.bodyOnly || entry.page != null || hasWhole(findRanges(doc.x, terms))) { done(null, doc); return; }
      load(entry.u, false, function (pageError, html) {
        // Kept only when read: a page that failed to load is asked for again by a later search.
        if (!pageError) entry.page = pageText(html);
        usePage();
        done(null, doc);
      });
    });
  }

  // ---- Drawing.

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text != null) node.appendChild(document.createTextNode(text));
    return node;
  }

  function link(label, state, current) {
    var anchor = element("a", null, label);
    anchor.href = addressOf(state);
    if (current) anchor.setAttribute("aria-current", current);
    anchor.onclick = function (event) {
      if (!canNavigate || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) return true;
      navigate(state);
      return false;
    };
    return anchor;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function filterGroup(label, all, entries, state, key) {
    var group = element("div", "search-filter");
    var labelID = "search-filter-" + key;
    var caption = element("span", "search-filter-label", label);
    caption.id = labelID;
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", labelID);
    group.appendChild(caption);
    var list = element("ul", "tags");
    var changes = {};
    changes[key] = "";
    list.appendChild(element("li")).appendChild(link(all, withChanges(state, changes), state[key] ? null : "true"));
    for (var i = 0; i < entries.length; i++) {
      changes = {};
      changes[key] = entries[i].value;
      var anchor = link(entries[i].label, withChanges(state, changes), state[key] === entries[i].value ? "true" : null);
      if (entries[i].count != null) {
        anchor.appendChild(element("span", "count", say("filter-count", { count: entries[i].count }) || "（" + entries[i].count + "）"));
      }
      list.appendChild(element("li")).appendChild(anchor);
    }
    group.appendChild(list);
    return group;
  }

  function drawFilters(facets, state) {
    clear(filtersBody);
    var sections = [], years = [], key;
    for (var i = 0; i < manifest.sections.length; i++) {
      var section = manifest.sections[i];
      if (facets.sections[section.key]) sections.push({ value: section.key, label: section.name, count: facets.sections[section.key] });
    }
    for (key in facets.years) if (facets.years.hasOwnProperty(key)) years.push({ value: key, label: key + say("year-suffix"), count: facets.years[key] });
    years.sort(function (a, c) { return c.value - a.value; });
    filtersBody.appendChild(filterGroup(say("filter-section"), say("all-sections"), sections, state, "section"));
    if (years.length) filtersBody.appendChild(filterGroup(say("filter-year"), say("all-years"), years, state, "year"));
    filtersBody.appendChild(filterGroup(say("sort"), say("sort-relevance"), [{ value: "date", label: say("sort-date") }], state, "sort"));
    // The folded line names what is chosen: 筛选：工作动态、2024年、按相关度. It stays open
    // or folded as the reader left it while the results change.
    var chosenSection = say("all-sections");
    for (var s = 0; s < sections.length; s++) if (sections[s].value === state.section) chosenSection = sections[s].label;
    if (filtersSummary) filtersSummary.textContent = say("filters") + [chosenSection, state.year ? state.year + say("year-suffix") : say("all-years"),
      say(state.sort === "date" ? "sort-date" : "sort-relevance")].join("、");
    filtersBox.hidden = false;
  }

  function drawResult(doc, terms) {
    var item = element("li", "card-item"), card = element("article", "card"), body = element("div", "card-body");
    var heading = element("h2", "card-title"), anchor = element("a");
    anchor.href = doc.u;
    var titleRanges = findRanges(doc.t, terms);
    // A title's byline after a dash (——记县人大代表…) in a part of its own that stays whole, as
    // the build splits it on the site's pages (TitleByline.swift).
    var dash = doc.t.indexOf("——");
    if (dash >= 2 && doc.t.length - dash >= 4) {
      var main = element("span", "title-main"), byline = element("span", "title-byline");
      appendMarked(main, doc.t, titleRanges, 0, dash);
      appendMarked(byline, doc.t, titleRanges, dash, doc.t.length);
      anchor.appendChild(main);
      anchor.appendChild(byline);
    } else {
      appendMarked(anchor, doc.t, titleRanges);
    }
    heading.appendChild(anchor);
    body.appendChild(heading);
    var meta = element("p", "card-meta");
    if (doc.d) meta.appendChild(element("span", "card-date", doc.d));
    meta.appendChild(element("span", "card-section", manifest.sections[doc.s].name));
    if (!hasWhole(titleRanges)) {
      drawFound(meta, "card-name", say("result-name"), doc.n, terms);
      drawFound(meta, "card-topic", say("result-topic"), doc.k, terms);
      drawFound(meta, "card-detail", "", doc.f, terms);
    }
    body.appendChild(meta);
    var ranges = findRanges(doc.x, terms), shown;
    if (ranges.length) shown = excerpt(doc.x, ranges);
    else {
      var plain = doc.m || doc.x;
      shown = { text: plain.slice(0, EXCERPT_LENGTH), ranges: [], before: false, after: plain.length > EXCERPT_LENGTH };
      shown.ranges = findRanges(shown.text, terms);
    }
    var paragraph = element("p", "search-excerpt");
    if (shown.before) paragraph.appendChild(document.createTextNode("…"));
    if (shown.start != null) appendExcerpt(paragraph, shown, doc.x, doc.headings);
    else appendMarked(paragraph, shown.text, shown.ranges);
    if (shown.after) paragraph.appendChild(document.createTextNode("…"));
    body.appendChild(paragraph);
    // A long page's excerpt from under one of its headings links straight to that part, and,
    // where the browser knows text fragments, to the words themselves, which it scrolls to and
    // marks (the heading when they are not found). An older browser would read the fragment as
    // an id that is nowhere and stay at the top, so it gets the heading alone.
    var part = shown.at != null ? headingAt(doc.headings, shown.at) : null;
    if (part) {
      var jump = element("p", "search-part", say("result-part")), partLink = element("a", null, part.title);
      partLink.href = doc.u + "#" + encodeURIComponent(part.id)
        + (TEXT_FRAGMENTS ? ":~:text=" + textDirective(shown.words) : "");
      jump.appendChild(partLink);
      body.appendChild(jump);
    }
    card.appendChild(body);
    item.appendChild(card);
    return item;
  }

  // A result found by a topic or a detail (a deputy's constituency or post, a report's meeting)
  // may hold the words in neither its title nor its text: those that hold them whole say why it
  // is here, after `label`.
  function drawFound(meta, className, label, texts, terms) {
    var tag = null;
    for (var i = 0; i < texts.length; i++) {
      var ranges = findRanges(texts[i], terms);
      if (!hasWhole(ranges)) continue;
      if (tag) tag.appendChild(document.createTextNode("、"));
      else tag = element("span", className, label || null);
      appendMarked(tag, texts[i], ranges);
    }
    if (tag) meta.appendChild(tag);
  }

  function drawPages(state, pages) {
    clear(pagesNav);
    pagesNav.hidden = pages < 2;
    if (pages < 2) return;
    pagesNav.setAttribute("aria-label", say("pagination"));
    var list = element("ul");
    function add(className, node) { list.appendChild(element("li", className)).appendChild(node); }
    add("page-prev" + (state.page > 1 ? "" : " is-disabled"),
      state.page > 1 ? link(say("previous"), withChanges(state, { page: state.page - 1 })) : element("span", null, say("previous")));
    var shownUpTo = 0;
    for (var n = 1; n <= pages; n++) {
      if (n !== 1 && n !== pages && Math.abs(n - state.page) > 2) continue;
      if (n > shownUpTo + 1) add("page-gap", element("span", null, "…"));
      add("page-number", link(String(n), withChanges(state, { page: n }), n === state.page ? "page" : null));
      shownUpTo = n;
    }
    add("page-next" + (state.page < pages ? "" : " is-disabled"),
      state.page < pages ? link(say("next"), withChanges(state, { page: state.page + 1 })) : element("span", null, say("next")));
    pagesNav.appendChild(list);
    pagesNav.appendChild(element("p", "page-status", say("page-status", { page: state.page, pages: pages })));
  }

  // Of a query of several words that found nothing together, the words that find pages alone,
  // with how many: which one to leave out. Only words whose shards the search has read.
  function alone(query) {
    var found = [];
    if (query.terms.length < 2) return found;
    for (var i = 0; i < query.terms.length; i++) {
      var term = query.terms[i], tokens = term.pairs.length ? term.pairs : [term.text], read = true;
      for (var t = 0; t < tokens.length; t++) if (query.tokens.indexOf(tokens[t]) < 0) read = false;
      var count = read ? rank(tokens).length : 0;
      if (count) found.push({ text: term.text, count: count });
    }
    return found;
  }

  // A name heard or typed with one character wrong (张丽军 for 张立军) shares no pair with the
  // right one. Of a one-word query of three to six characters that found nothing, the words of
  // titles, topics, details and names that differ from it in one character only, to try instead:
  // looked for among the pages whose title, topics, details or name hold all of its characters
  // but one (single characters are indexed from those).
  var NEAR_WORDS = 3, NEAR_PAGES = 16;

  function nearWords(query, done) {
    var term = query.terms.length === 1 ? query.terms[0] : null;
    var word = term && term.pairs.length ? codePoints(term.text) : [];
    if (word.length < 3 || word.length > 6 || !say("near")) { done([]); return; }
    var characters = [];
    for (var i = 0; i < word.length; i++) {
      var character = fromCodePoints([word[i]]);
      if (characters.indexOf(character) < 0) characters.push(character);
    }
    loadShards(characters, function (error) {
      if (error) { done([]); return; }
      var held = {}, candidates = [];
      for (var t = 0; t < characters.length; t++) {
        var line = shardCache[shardOf(characters[t], manifest.shards)][characters[t]];
        var postings = line ? decodePostings(line) : [];
        for (var p = 0; p < postings.length; p += 2) {
          if (postings[p + 1] < FIRST_FIELD_WEIGHT) continue; // only in the lead
          var id = postings[p];
          held[id] = (held[id] || 0) + 1;
          if (held[id] === characters.length - 1) candidates.push(id);
        }
      }
      // Those holding the most of its characters first, then the newest.
      candidates.sort(function (a, c) { return held[c] - held[a] || a - c; });
      candidates = candidates.slice(0, NEAR_PAGES);
      // Words found per page, read in the pages' order once all are in: the files arrive in
      // any order, and the words offered must not depend on it.
      var perPage = [], left = candidates.length;
      if (!left) { done([]); return; }
      for (var k = 0; k < candidates.length; k++) {
        (function (position, id) {
          loadDocumentFile(Math.floor(id / manifest.group), function (docError, list) {
            var entry = !docError && list[id % manifest.group], words = perPage[position] = [];
            if (entry) {
              var texts = [entry.t].concat(entry.n || [], entry.k || [], entry.f || []);
              for (var x = 0; x < texts.length; x++) oneApart(word, codePoints(texts[x]), words);
            }
            if (--left) return;
            var found = [];
            for (var q = 0; q < perPage.length; q++) {
              for (var w = 0; w < perPage[q].length; w++) if (found.indexOf(perPage[q][w]) < 0) found.push(perPage[q][w]);
            }
            done(found.slice(0, NEAR_WORDS));
          });
        })(k, candidates[k]);
      }
    });
  }

  // Adds to `found` each run of Han characters in `text` as long as `word` and differing from it
  // in one place.
  function oneApart(word, text, found) {
    for (var start = 0; start + word.length <= text.length; start++) {
      var differ = 0;
      for (var i = 0; i < word.length && differ < 2; i++) {
        if (!isHan(text[start + i])) differ = 2;
        else if (text[start + i] !== word[i]) differ++;
      }
      if (differ !== 1) continue;
      var near = fromCodePoints(text.slice(start, start + word.length));
      if (found.indexOf(near) < 0) found.push(near);
    }
  }

  function drawNear(words, state) {
    var line = element("p", "search-alone search-near", say("near"));
    for (var w = 0; w < words.length; w++) {
      if (w) line.appendChild(document.createTextNode("、"));
      line.appendChild(link(words[w], { q: words[w], section: "", year: "", sort: state.sort, page: 1 }));
    }
    helpBox.insertBefore(line, helpBox.firstChild);
  }

  function drawHelp(message, state, filtered, words) {
    clear(helpBox);
    if (words && words.length) {
      var separately = element("p", "search-alone", say("alone"));
      for (var w = 0; w < words.length; w++) {
        if (w) separately.appendChild(document.createTextNode("、"));
        separately.appendChild(link(say("alone-word", { word: words[w].text, count: words[w].count }),
          { q: words[w].text, section: "", year: "", sort: state.sort, page: 1 }));
      }
      helpBox.appendChild(separately);
    }
    if (message) helpBox.appendChild(element("p", null, message));
    var list = element("ul", "tags");
    if (filtered) list.appendChild(element("li")).appendChild(link(say("clear-filters"), withChanges(state, { section: "", year: "" })));
    var topics = element("a", null, say("topics"));
    topics.href = app.getAttribute("data-topics");
    list.appendChild(element("li")).appendChild(topics);
    var archive = element("a", null, say("archive"));
    archive.href = app.getAttribute("data-archive");
    list.appendChild(element("li")).appendChild(archive);
    helpBox.appendChild(list);
    helpBox.hidden = false;
  }

  // A line under the results, without the browsing links of drawHelp.
  function drawNote(message) {
    clear(helpBox);
    helpBox.appendChild(element("p", null, message));
    helpBox.hidden = false;
  }

  function reset(message) {
    statusLine.textContent = message;
    clear(resultsList);
    filtersBox.hidden = true;
    pagesNav.hidden = true;
    helpBox.hidden = true;
  }

  // ---- One search, from the address to the drawn page.

  function run(state, moveFocus) {
    var mine = ++generation;
    input.value = state.q;
    if (intro) intro.hidden = !!state.q.replace(/\s/g, "");
    var query = parseQuery(state.q);
    var title = say("title") + " - " + say("site");
    document.title = state.q.replace(/\s/g, "") ? say("results-title", { query: state.q }) + " - " + say("site") : title;
    function stale() { return mine !== generation; }
    function fail() {
      if (stale()) return;
      reset(say("error"));
      drawHelp(null, state, false);
    }
    function settle() { if (moveFocus) statusLine.focus(); }

    if (!state.q.replace(/\s/g, "")) { reset(say("prompt")); return; }
    reset(say("loading"));
    if (!query.tokens.length) { showNone(); return; }

    function showNone(words) {
      var filtered = !!(state.section || state.year);
      reset(say(filtered ? "none-filtered" : "none", { query: state.q }));
      drawHelp((query.single ? say("single-hint") : "") + say("none-hint"), state, filtered, words);
      settle();
    }

    loadManifest(function (error) {
      if (error) { fail(); return; }
      loadShards(query.tokens, function (shardError) {
        if (stale()) return;
        if (shardError) { fail(); return; }
        var facets = facet(rank(query.tokens), state);
        // Pages are numbered newest first (single pages last): by date is by number.
        if (state.sort === "date") facets.kept.sort(function (a, c) { return a.id - c.id; });
        if (!facets.kept.length) {
          showNone(state.section || state.year ? [] : alone(query));
          if (state.section || state.year) drawFilters(facets, state);
          else nearWords(query, function (words) { if (!stale() && words.length) drawNear(words, state); });
          return;
        }
        var pages = Math.ceil(facets.kept.length / PAGE_SIZE);
        if (state.page > pages) state.page = pages;
        var shown = facets.kept.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
        var docs = [], left = shown.length, failed = false;
        for (var i = 0; i < shown.length; i++) {
          (function (position) {
            loadDocument(shown[position], query.terms, function (docError, doc) {
              if (failed || stale()) return;
              if (docError) { failed = true; fail(); return; }
              docs[position] = doc;
              if (--left) return;
              reset(say("count", { count: facets.kept.length, query: state.q }));
              drawFilters(facets, state);
              for (var j = 0; j < docs.length; j++) resultsList.appendChild(drawResult(docs[j], query.terms));
              drawPages(state, pages);
              if (query.single) drawNote(say("single-hint"));
              settle();
            });
          })(i);
        }
      });
    });
  }

  function navigate(state) {
    history.pushState(null, "", addressOf(state));
    run(state, true);
  }

  app.hidden = false;
  if (form && canNavigate) {
    form.onsubmit = function () {
      navigate({ q: input.value, section: "", year: "", sort: readState().sort, page: 1 });
      return false;
    };
  }
  if (canNavigate) window.addEventListener("popstate", function () { run(readState(), false); });
  run(readState(), false);
})();

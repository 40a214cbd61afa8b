// The default theme's only script. Every page reads the same without it: the reading tools stay
// hidden (they are shown by the `js` class that base.mustache sets), and so do the print button and
// the subscribe page's 复制地址 buttons.
(function () {
  "use strict";

  // Print button of the deputy collection.
  if (typeof window.print === "function") {
    var printButtons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < printButtons.length; i++) {
      printButtons[i].hidden = false;
      printButtons[i].addEventListener("click", function () { window.print(); });
    }
  }

  // 复制地址 buttons of the subscribe page: data-copy names the element holding the text (a feed's
  // address, selectable as it is without a script), data-copy-status the live region that says
  // data-copied after a copy. Where the clipboard cannot be written (an old browser, a page not
  // served over HTTPS, a refusal) the address is selected instead and data-selected says so.
  function selectText(element) {
    var selection = window.getSelection ? window.getSelection() : null;
    if (!selection || !document.createRange) return false;
    var range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }

  function legacyCopy(element) {
    if (!selectText(element)) return false;
    try {
      return document.execCommand("copy") === true;
    } catch (e) {
      return false;
    }
  }

  function announce(region, text) {
    if (!region) return;
    // Emptied first, so that a second copy of the same address is announced again.
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  var copyButtons = document.querySelectorAll("[data-copy]");
  for (var c = 0; c < copyButtons.length; c++) {
    copyButtons[c].hidden = false;
    copyButtons[c].addEventListener("click", function () {
      var button = this;
      var source = document.getElementById(button.getAttribute("data-copy"));
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      if (!source) return;
      var text = source.textContent.replace(/^\s+|\s+$/g, "");
      var regions = document.querySelectorAll("[data-copy-status]");
      for (var r = 0; r < regions.length; r++) {
        var other = document.getElementById(regions[r].getAttribute("data-copy-status"));
        if (other && other !== status) other.textContent = "";
      }
      var fallback = function () {
        if (legacyCopy(source)) {
          announce(status, button.getAttribute("data-copied"));
        } else {
          selectText(source);
          announce(status, button.getAttribute("data-selected"));
        }
      };
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        navigator.clipboard.writeText(text).then(function () {
          announce(status, button.getAttribute("data-copied"));
        }, fallback);
      } else {
        fallback();
      }
    });
  }

  // An e-mail address that does not fit the rest of a line goes to the next one whole (the
  // stylesheet makes the link one box); one longer than a line (a phone, larger text) breaks after
  // its @, where a reader expects it, rather than anywhere. The domain is a box of its own too
  // (mail-domain), so one longer than a line still breaks only before one of its dots
  // (rd.qinghe / .example.gov.cn), and only once it has a line to itself.
  var mails = document.querySelectorAll("a[href^='mailto:']");
  for (var m = 0; m < mails.length; m++) {
    var address = mails[m].firstChild;
    if (mails[m].childNodes.length !== 1 || !address || address.nodeType !== 3) continue;
    var at = address.nodeValue.indexOf("@");
    if (at < 1) continue;
    var domain = document.createElement("span");
    domain.className = "mail-domain";
    var rest = address.splitText(at + 1);
    mails[m].replaceChild(domain, rest);
    domain.appendChild(rest);
    mails[m].insertBefore(document.createElement("wbr"), domain);
    for (var dot = rest.nodeValue.indexOf(".", 1); dot > 0; dot = rest.nodeValue.indexOf(".", 1)) {
      rest = rest.splitText(dot);
      domain.insertBefore(document.createElement("wbr"), rest);
    }
  }

  // The main menu, one row that scrolls sideways on a phone: the side that has more entries gets a
  // fade with an arrow (can-scroll-left / -right on the nav), and the current entry is brought
  // into view. On a wider screen the row wraps, nothing scrolls and no class is set.
  var nav = document.querySelector(".site-nav");
  var menu = nav ? nav.querySelector(".menu") : null;
  var edges = null; // called again when the reading tools change the text size
  function arrowWidth(which) { return parseFloat(window.getComputedStyle(nav, which).width) || 44; }
  if (menu) {
    edges = function () {
      var more = menu.scrollWidth - menu.clientWidth;
      var left = more > 1 && menu.scrollLeft > 1, right = more > 1 && menu.scrollLeft < more - 1;
      if (left) nav.classList.add("can-scroll-left"); else nav.classList.remove("can-scroll-left");
      if (right) nav.classList.add("can-scroll-right"); else nav.classList.remove("can-scroll-right");
    };
    var current = menu.querySelector("[aria-current='page']") || menu.querySelector(".is-active a");
    if (current && menu.scrollWidth > menu.clientWidth) {
      var item = current.getBoundingClientRect(), row = menu.getBoundingClientRect();
      // The entry and a bit of the next one, so the row still shows that it goes on.
      if (item.right > row.right - 48) menu.scrollLeft += item.right - row.right + 48;
    }
    edges();
    menu.addEventListener("scroll", edges, { passive: true });
    window.addEventListener("resize", edges);
    // The arrows look like buttons, and are: a tap on one (the nav's ::before or ::after, whose
    // clicks reach the nav itself) scrolls the row that way by most of its width, instead of
    // opening the entry half hidden under the fade. Keyboard users reach every entry with Tab.
    nav.addEventListener("click", function (event) {
      if (event.target !== nav) return;
      var row = nav.getBoundingClientRect(), side = 0;
      if (nav.classList.contains("can-scroll-right") && event.clientX >= row.right - arrowWidth("::after")) side = 1;
      else if (nav.classList.contains("can-scroll-left") && event.clientX <= row.left + arrowWidth("::before")) side = -1;
      if (!side) return;
      var by = side * Math.max(menu.clientWidth * 0.6, 80);
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (menu.scrollBy) menu.scrollBy({ left: by, behavior: still ? "auto" : "smooth" }); else menu.scrollLeft += by;
    });
  }

  // Reading tools (适老化): text size, high contrast, line spacing. The settings live on <html>
  // as data attributes, which the stylesheet reads, and in localStorage under the key that the
  // inline script in base.mustache applies before the first paint of every page.
  var KEY = "renda-a11y";
  var root = document.documentElement;
  var tools = document.querySelector(".a11y-tools");
  if (!tools) return;
  // Normally set by the inline head script already; a Content-Security-Policy without
  // 'unsafe-inline' blocks that one, and then the bar is shown (and the settings applied) here.
  root.classList.add("js");

  function normalize(value) {
    var s = value && typeof value === "object" ? value : {};
    return {
      textSize: s.textSize === 1 || s.textSize === 2 ? s.textSize : 0,
      contrast: s.contrast === true,
      lineSpacing: s.lineSpacing === true
    };
  }

  function load() {
    try {
      return normalize(JSON.parse(window.localStorage.getItem(KEY)));
    } catch (e) {
      return normalize(null);
    }
  }

  function store(s) {
    try {
      if (s.textSize === 0 && !s.contrast && !s.lineSpacing) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, JSON.stringify(s));
      }
    } catch (e) {
      // Storage refused (private mode, a locked-down browser): the settings still hold on this page.
    }
  }

  function setAttribute(name, value) {
    if (value) {
      root.setAttribute(name, value);
    } else {
      root.removeAttribute(name);
    }
  }

  function apply(s) {
    setAttribute("data-text-size", s.textSize ? String(s.textSize) : null);
    setAttribute("data-contrast", s.contrast ? "high" : null);
    setAttribute("data-line-spacing", s.lineSpacing ? "wide" : null);
    var sizes = tools.querySelectorAll("[data-a11y-text-size]");
    for (var i = 0; i < sizes.length; i++) {
      var pressed = Number(sizes[i].getAttribute("data-a11y-text-size")) === s.textSize;
      sizes[i].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    var toggles = tools.querySelectorAll("[data-a11y-toggle]");
    for (var j = 0; j < toggles.length; j++) {
      var name = toggles[j].getAttribute("data-a11y-toggle");
      var on = name === "contrast" ? s.contrast : s.lineSpacing;
      toggles[j].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  var settings = load();
  apply(settings);

  // On a phone the tools are folded behind the 阅读辅助 button, so that the page, not the
  // toolbar, is on the first screen; the stylesheet shows the button and folds the tools at that
  // width only, once the bar is marked is-collapsible here (a page whose script did not run keeps
  // them open). Opening is not remembered: every page starts folded, with the settings applied.
  var bar = tools.closest ? tools.closest(".a11y-bar") : null;
  var disclosure = bar ? bar.querySelector(".a11y-disclosure") : null;
  if (bar && disclosure) {
    var setOpen = function (open) {
      disclosure.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) bar.classList.add("is-open"); else bar.classList.remove("is-open");
    };
    disclosure.addEventListener("click", function () {
      setOpen(disclosure.getAttribute("aria-expanded") !== "true");
    });
    // Escape on the button or inside the open tools folds them, the focus on the button.
    bar.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && disclosure.getAttribute("aria-expanded") === "true"
          && disclosure.offsetParent !== null) {
        setOpen(false);
        disclosure.focus();
      }
    });
    bar.classList.add("is-collapsible");
  }

  tools.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button || !tools.contains(button)) return;
    if (button.hasAttribute("data-a11y-text-size")) {
      settings.textSize = Number(button.getAttribute("data-a11y-text-size"));
    } else if (button.getAttribute("data-a11y-toggle") === "contrast") {
      settings.contrast = !settings.contrast;
    } else if (button.getAttribute("data-a11y-toggle") === "line-spacing") {
      settings.lineSpacing = !settings.lineSpacing;
    } else if (button.hasAttribute("data-a11y-reset")) {
      settings = normalize(null);
    } else {
      return;
    }
    apply(settings);
    store(settings);
    if (edges) edges();
  });

  // Another tab of the same site changed the settings: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      settings = load();
      apply(settings);
      if (edges) edges();
    }
  });
})();

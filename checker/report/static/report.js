/* mtcheck document page: filters, popovers, keyboard navigation, copy.
 * Reads only data-* attributes and elements the template wrote (all escaped);
 * builds no markup from strings: the popover clones the finding cards. */
(function () {
  "use strict";
  var article = document.getElementById("article");
  if (!article) { return; }
  var popover = document.getElementById("popover");
  var position = document.getElementById("position");
  var visibleCount = document.getElementById("visible-count");
  var marks = Array.prototype.slice.call(article.querySelectorAll("mark.hl"));
  var cards = {};
  Array.prototype.forEach.call(document.querySelectorAll("li.finding"), function (li) {
    cards[li.getAttribute("data-i")] = li;
  });
  var RANK = { info: 0, warning: 1, error: 2 };
  var LETTER = { info: "I", warning: "W", error: "E" };
  var filterBoxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var stops = [];      // visible findings, in text order: {i, mark}
  var current = -1;
  var beginMark = {}, markIndex = new Map();
  marks.forEach(function (mark, k) {
    markIndex.set(mark, k);
    (mark.getAttribute("data-begin") || "").split(" ").forEach(function (i) {
      if (i) { beginMark[i] = mark; }
    });
  });

  function ids(el, name) {
    var value = el.getAttribute(name);
    return value ? value.split(" ") : [];
  }

  function enabled(kind) {
    var out = {};
    filterBoxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === kind) { out[box.value] = box.checked || box.disabled; }
    });
    return out;
  }

  function isVisible(i) {
    var card = cards[i];
    return !!card && !card.hidden;
  }

  function applyFilters() {
    var sev = enabled("sev"), cat = enabled("cat");
    var shown = 0;
    Object.keys(cards).forEach(function (i) {
      var card = cards[i];
      var on = sev[card.getAttribute("data-sev")] !== false && cat[card.getAttribute("data-cat")] !== false;
      card.hidden = !on;
      if (on) { shown += 1; }
    });
    stops = [];
    marks.forEach(function (mark) {
      var best = -1, bestBegin = -1;
      ids(mark, "data-f").forEach(function (i) {
        if (isVisible(i)) { best = Math.max(best, RANK[cards[i].getAttribute("data-sev")]); }
      });
      ids(mark, "data-begin").forEach(function (i) {
        if (isVisible(i)) { bestBegin = Math.max(bestBegin, RANK[cards[i].getAttribute("data-sev")]); }
      });
      if (best < 0) {
        mark.classList.add("off");
        mark.removeAttribute("data-sev");
        mark.removeAttribute("data-badge");
        if (mark.hasAttribute("data-begin")) { mark.setAttribute("tabindex", "-1"); }
      } else {
        mark.classList.remove("off");
        mark.setAttribute("data-sev", Object.keys(RANK)[best]);
        if (bestBegin >= 0) {
          mark.setAttribute("data-badge", LETTER[Object.keys(RANK)[bestBegin]]);
          mark.setAttribute("tabindex", "0");
        } else {
          mark.removeAttribute("data-badge");
          if (mark.hasAttribute("data-begin")) { mark.setAttribute("tabindex", "-1"); }
        }
      }
    });
    Object.keys(cards).forEach(function (i) {
      if (isVisible(i) && beginMark[i]) { stops.push({ i: i, mark: beginMark[i] }); }
    });
    stops.sort(function (a, b) {
      return (markIndex.get(a.mark) - markIndex.get(b.mark)) || (Number(a.i) - Number(b.i));
    });
    if (visibleCount) { visibleCount.textContent = String(shown); }
    current = -1;
    updatePosition();
    hidePopover(true);
  }

  function updatePosition() {
    if (!position) { return; }
    if (!stops.length) { position.textContent = "no findings shown"; return; }
    position.textContent = current < 0 ? stops.length + " shown" : (current + 1) + " / " + stops.length;
    position.setAttribute("aria-label", current < 0 ? stops.length + " findings shown"
      : "finding " + (current + 1) + " of " + stops.length);
  }

  /* popover */
  var hideTimer = null, pinned = null, anchorMark = null;

  function fillPopover(mark) {
    while (popover.firstChild) { popover.removeChild(popover.firstChild); }
    ids(mark, "data-f").forEach(function (i) {
      if (!isVisible(i)) { return; }
      var clone = cards[i].cloneNode(true);
      clone.removeAttribute("id");
      clone.classList.remove("current");
      Array.prototype.forEach.call(clone.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      popover.appendChild(clone);
    });
    return popover.childNodes.length > 0;
  }

  function showPopover(mark) {
    if (mark.classList.contains("off")) { return; }
    clearTimeout(hideTimer);
    if (anchorMark === mark && !popover.hidden) { return; }
    if (!fillPopover(mark)) { return; }
    if (anchorMark) { anchorMark.classList.remove("active"); }
    anchorMark = mark;
    mark.classList.add("active");
    popover.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = popover.offsetWidth, height = popover.offsetHeight;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 12);
    var top = window.scrollY + r.bottom + 6;
    if (r.bottom + height + 12 > window.innerHeight && r.top - height - 6 > 0) {
      top = window.scrollY + r.top - height - 6;
    }
    popover.style.left = Math.max(window.scrollX + 8, left) + "px";
    popover.style.top = top + "px";
  }

  function hidePopover(now) {
    clearTimeout(hideTimer);
    var go = function () {
      if (pinned) { return; }
      popover.hidden = true;
      if (anchorMark) { anchorMark.classList.remove("active"); }
      anchorMark = null;
    };
    if (now === true) { pinned = null; go(); } else { hideTimer = setTimeout(go, 250); }
  }

  article.addEventListener("mouseover", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark) { showPopover(mark); }
  });
  article.addEventListener("mouseout", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark && !(e.relatedTarget && mark.contains(e.relatedTarget))) { hidePopover(); }
  });
  article.addEventListener("focusin", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark) {
      if (!(stops[current] && stops[current].mark === mark)) {
        var k = indexOfMark(mark);
        if (k >= 0) { setCurrent(k, false); }
      }
      showPopover(mark);
    }
  });
  article.addEventListener("focusout", function (e) {
    if (!(e.relatedTarget && popover.contains(e.relatedTarget))) { hidePopover(); }
  });
  article.addEventListener("click", function (e) {
    var mark = e.target.closest("mark.hl");
    if (!mark) { return; }
    pinned = null;
    showPopover(mark);
    pinned = mark;
  });
  popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  popover.addEventListener("mouseleave", function () { hidePopover(); });
  document.addEventListener("click", function (e) {
    if (pinned && !popover.contains(e.target) && !e.target.closest("mark.hl")) { hidePopover(true); }
  });

  /* navigation */
  function indexOfMark(mark) {
    for (var k = 0; k < stops.length; k++) { if (stops[k].mark === mark) { return k; } }
    return -1;
  }

  function setCurrent(k, focus) {
    marks.forEach(function (m) { m.classList.remove("current"); });
    Array.prototype.forEach.call(document.querySelectorAll("li.finding.current"), function (li) { li.classList.remove("current"); });
    current = k;
    if (!stops[k]) { updatePosition(); return; }
    var mark = stops[k].mark, card = cards[stops[k].i];
    mark.classList.add("current");
    card.classList.add("current");
    var list = card.closest(".findings-wrap");
    if (list && list.scrollHeight > list.clientHeight) {
      list.scrollTop += card.getBoundingClientRect().top - list.getBoundingClientRect().top - 48;
    }
    if (focus) {
      mark.focus({ preventScroll: true });
      mark.scrollIntoView({ block: "center" });
    }
    updatePosition();
  }

  function move(step) {
    if (!stops.length) { return; }
    var k = current < 0 ? (step > 0 ? 0 : stops.length - 1) : (current + step + stops.length) % stops.length;
    pinned = null;
    setCurrent(k, true);
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "textarea" || tag === "select" || (tag === "input" && e.target.type !== "checkbox")) { return; }
    if (e.key === "j" || e.key === "n") { e.preventDefault(); move(1); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { hidePopover(true); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-nav]"), function (button) {
    button.addEventListener("click", function () { move(button.getAttribute("data-nav") === "next" ? 1 : -1); });
  });
  document.addEventListener("click", function (e) {
    var link = e.target.closest("a[data-goto]");
    if (!link) { return; }
    var mark = document.getElementById("hl-" + link.getAttribute("data-goto"));
    if (mark && mark.tagName.toLowerCase() !== "mark") { mark = mark.nextElementSibling; }
    while (mark && mark.tagName.toLowerCase() !== "mark") { mark = mark.nextElementSibling; }
    if (!mark) { return; }
    e.preventDefault();
    var k = -1, wanted = link.getAttribute("data-goto");
    for (var j = 0; j < stops.length; j++) { if (stops[j].i === wanted) { k = j; } }
    if (k >= 0) { setCurrent(k, true); } else { mark.scrollIntoView({ block: "center" }); }
  });

  filterBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });

  /* claims: show them, and mark every piece of the claim a link points at */
  var showClaims = document.getElementById("show-claims");
  if (showClaims) {
    showClaims.addEventListener("change", function () { document.body.classList.toggle("show-claims", showClaims.checked); });
  }
  function markClaimTarget() {
    Array.prototype.forEach.call(document.querySelectorAll(".claim-target"), function (el) { el.classList.remove("claim-target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var anchor = id && document.getElementById(id);
    if (!anchor || !anchor.hasAttribute("data-claim")) { return; }
    Array.prototype.forEach.call(article.querySelectorAll("[data-claims]"), function (el) {
      if (ids(el, "data-claims").indexOf(id) >= 0) { el.classList.add("claim-target"); }
    });
  }
  window.addEventListener("hashchange", markClaimTarget);

  /* diff: unchanged lines */
  var showUnchanged = document.getElementById("show-unchanged");
  var diffTable = document.getElementById("diff-table");
  if (showUnchanged && diffTable) {
    showUnchanged.addEventListener("change", function () { diffTable.classList.toggle("show-unchanged", showUnchanged.checked); });
  }

  /* copy and download the corrected text */
  var status = document.getElementById("copy-status");
  function say(text) { if (status) { status.textContent = text; } }
  var copy = document.getElementById("copy");
  if (copy) {
    copy.addEventListener("click", function () {
      var area = document.getElementById(copy.getAttribute("data-target"));
      var text = area.value;
      var fallback = function () {
        area.focus();
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
        say(ok ? "Copied." : "Press Ctrl+C to copy the selected text.");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { say("Copied."); }, fallback);
      } else {
        fallback();
      }
    });
  }
  var download = document.getElementById("download");
  if (download) {
    download.addEventListener("click", function () {
      var area = document.getElementById(download.getAttribute("data-target"));
      var blob = new Blob([area.value], { type: "text/plain;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = download.getAttribute("data-filename") || "corrected.txt";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
  }

  applyFilters();
  markClaimTarget();
})();

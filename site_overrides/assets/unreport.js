/* unreport: conveniences over pages that read, link and print without it.

   - The search index is fetched when search is first opened, not on every page.
   - Each paragraph's citation tool (a button in the page's HTML) opens a small
     menu: "Copy link", "Copy citation".
   - Footnote marks show their note in a tooltip, made when first needed.
   - "Back" from a note brings the whole citing paragraph into view.

   Everything is done by a few listeners on the document (event delegation):
   nothing is measured, created or bound per paragraph when the page loads, so a
   page of five hundred paragraphs costs no more to start than a short one.
   Plain script, no dependencies; loaded before Material's bundle; works on a
   server and from file://. */
(function () {
  "use strict";

  /* ---- The search index, when search is first opened -------------------------
     Material requests search/search_index.json as soon as a page loads (it defers
     it only on file://). The request is held back here until the reader opens
     search (focus on the search box, the search toggle, or the pointer over the
     search box, so that it is usually loaded before the first letter is typed),
     or at once when the address asks for highlighting (?h=). Other requests
     are untouched. */
  var INDEX = /(^|\/)search\/search_index\.json$/;
  var held = [];
  var indexReleased = /[?&]h=/.test(location.search);
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._unrIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this._unrIndex && !indexReleased) {
      held.push([this, arguments]);
      return undefined;
    }
    return xhrSend.apply(this, arguments);
  };
  function releaseIndex() {
    if (indexReleased) { return; }
    indexReleased = true;
    held.splice(0).forEach(function (request) { xhrSend.apply(request[0], request[1]); });
  }
  function isSearch(target) {
    return target instanceof Element &&
      (target.id === "__search" || !!target.closest(".md-search, label[for='__search']"));
  }

  /* ---- Copying ---------------------------------------------------------------- */

  /* The page's address without query (Material's search adds ?h=) or fragment;
     the canonical address when the site has one (site_url in mkdocs.yml), so
     that a citation copied from an offline copy points to the published site. */
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) {
      return canonical.href.split("#")[0];
    }
    return location.href.split(/[?#]/)[0];
  }

  var toastBox = null;
  function toast(message) {
    if (!toastBox) {
      toastBox = document.createElement("div");
      toastBox.className = "unr-toast";
      toastBox.setAttribute("role", "status");
      toastBox.setAttribute("aria-live", "polite");
      document.body.appendChild(toastBox);
    }
    toastBox.textContent = message;
    toastBox.classList.add("unr-visible");
    clearTimeout(toastBox._timer);
    toastBox._timer = setTimeout(function () { toastBox.classList.remove("unr-visible"); }, 1800);
  }

  /* Copy with the Clipboard API where the browser allows it, else with a
     selected textarea and execCommand (older browsers, some file:// pages). */
  function copy(text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      var active = document.activeElement;
      var copied = false;
      area.value = text;
      area.setAttribute("readonly", "");
      area.setAttribute("aria-hidden", "true");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      document.body.removeChild(area);
      if (active && active.focus) { active.focus(); }
      if (copied) { done(); } else { toast("Could not copy: " + text); }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* ---- The citation menu: one for the page, moved to the button pressed ------- */

  var menu = null;
  var menuButton = null;
  function citable(button) {
    return button.closest(".unr-para[id], .unr-note[id]");
  }
  function buildMenu() {
    menu = document.createElement("div");
    menu.className = "unr-menu";
    menu.setAttribute("role", "menu");
    menu.hidden = true;
    [["link", "Copy link"], ["cite", "Copy citation"]].forEach(function (item) {
      var entry = document.createElement("button");
      entry.type = "button";
      entry.className = "unr-menu__item";
      entry.setAttribute("role", "menuitem");
      entry.setAttribute("data-copy", item[0]);
      entry.textContent = item[1];
      menu.appendChild(entry);
    });
    document.body.appendChild(menu);
  }
  function closeMenu(returnFocus) {
    if (!menu || menu.hidden) { return; }
    menu.hidden = true;
    if (menuButton) {
      menuButton.setAttribute("aria-expanded", "false");
      if (returnFocus) { menuButton.focus(); }
    }
    menuButton = null;
  }
  function openMenu(button, fromKeyboard) {
    if (!menu) { buildMenu(); }
    if (menuButton === button && !menu.hidden) { closeMenu(true); return; }
    closeMenu(false);
    menuButton = button;
    button.setAttribute("aria-expanded", "true");
    menu.setAttribute("aria-label", button.getAttribute("aria-label") || "Cite");
    menu.hidden = false;
    var box = button.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - menu.offsetWidth - 8));
    menu.style.left = (left + window.scrollX) + "px";
    menu.style.top = (box.bottom + window.scrollY + 4) + "px";
    if (fromKeyboard) { menu.firstChild.focus(); }
  }
  function copyFromMenu(kind) {
    var para = menuButton && citable(menuButton);
    if (!para) { return; }
    var link = pageUrl() + "#" + para.id;
    var cite = para.getAttribute("data-cite") || para.id;
    closeMenu(true);
    if (kind === "link") {
      copy(link, function () { toast("Link copied"); });
    } else {
      copy(cite + ", " + link, function () { toast("Citation copied"); });
    }
  }
  function menuKeys(event) {
    var items = Array.prototype.slice.call(menu.querySelectorAll(".unr-menu__item"));
    var index = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      closeMenu(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var step = event.key === "ArrowDown" ? 1 : items.length - 1;
      items[(Math.max(index, 0) + step) % items.length].focus();
    } else if (event.key === "Home" || event.key === "End") {
      items[event.key === "Home" ? 0 : items.length - 1].focus();
    } else if (event.key === "Tab") {
      closeMenu(false);
      return;
    } else {
      return;
    }
    event.preventDefault();
  }

  /* ---- Footnote tooltips, made when first needed ------------------------------ */

  var tooltip = null;
  var described = null;
  function hideTooltip() {
    if (tooltip) { tooltip.hidden = true; }
    if (described) { described.removeAttribute("aria-describedby"); described = null; }
  }
  function noteText(note) {
    var text = note.cloneNode(true);
    Array.prototype.forEach.call(
      text.querySelectorAll(".unr-note-num, .unr-cite, .unr-lost, .unr-restored-remark"),
      function (el) { el.remove(); });
    return text.textContent.trim().replace(/^\d+\s+/, "");
  }
  /* Above the mark's line when there is room below the header, else below it:
     never over the line the mark is on, the one being read. */
  function showTooltip(mark) {
    var note = document.getElementById(decodeURIComponent(mark.hash.slice(1)));
    if (!note) { return; }
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.className = "unr-tooltip";
      tooltip.id = "unr-tooltip";
      tooltip.setAttribute("role", "tooltip");
      document.body.appendChild(tooltip);
    }
    tooltip.textContent = noteText(note);
    /* A mark restored by the parser says why (data-restored, when present). */
    var restored = mark.getAttribute("data-restored");
    if (restored) {
      var why = document.createElement("span");
      why.className = "unr-tooltip__restored";
      why.textContent = restored;
      tooltip.appendChild(why);
    }
    tooltip.hidden = false;
    mark.setAttribute("aria-describedby", "unr-tooltip");
    described = mark;
    var line = mark.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(line.left - 20, width - tooltip.offsetWidth - 8));
    var above = line.top - 6 - tooltip.offsetHeight;
    var y = above >= top + 4 ? above : line.bottom + 6;
    tooltip.style.left = (left + window.scrollX) + "px";
    tooltip.style.top = (y + window.scrollY) + "px";
  }

  /* ---- "Back" from a note: the whole citing paragraph in view ----------------- */

  /* The browser scrolls the mark to its scroll-margin-top below the window's top;
     set it so that the paragraph's first line lands just below the header, or,
     for a paragraph taller than the window, so that the mark stays in view. The
     link itself is followed as usual: the address becomes #fnref-N. */
  function placeBackTarget(link) {
    var mark = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!mark) { return; }
    var block = mark.closest(".unr-para, p, li, td") || mark;
    var header = document.querySelector(".md-header");
    var gap = (header ? header.offsetHeight : 0) + 12;
    var markBox = mark.getBoundingClientRect();
    var offset = markBox.top - block.getBoundingClientRect().top;
    var most = window.innerHeight - markBox.height - 24;
    mark.style.scrollMarginTop = Math.max(gap, Math.min(offset + gap, most)) + "px";
  }

  /* ---- One set of listeners for the whole page -------------------------------- */

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var button = target.closest(".unr-cite");
    if (button) {
      openMenu(button, event.detail === 0);
      return;
    }
    var item = target.closest(".unr-menu__item");
    if (item) {
      copyFromMenu(item.getAttribute("data-copy"));
      return;
    }
    closeMenu(false);
    var back = target.closest("a.unr-note-num");
    if (back) { placeBackTarget(back); }
    if (target.closest("a.unr-fnref")) { hideTooltip(); }
    if (isSearch(target)) { releaseIndex(); }
  });
  document.addEventListener("keydown", function (event) {
    if (menu && !menu.hidden && menu.contains(document.activeElement)) {
      menuKeys(event);
    } else if (event.key === "Escape") {
      hideTooltip();
      closeMenu(true);
    } else if (event.key === "/" || event.key === "s" || event.key === "f") {
      releaseIndex();  /* Material's keys for search */
    }
  });
  document.addEventListener("mouseover", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var mark = target.closest("a.unr-fnref");
    if (mark) {
      if (mark !== described) { showTooltip(mark); }
    } else if (described) {
      hideTooltip();
    }
    if (!indexReleased && isSearch(target)) { releaseIndex(); }
  });
  /* Keyboard focus shows the tooltip; focus that follows a click or a return to
     the page (the mark focused after "back") does not. */
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (isSearch(target)) { releaseIndex(); }
    if (target.matches("a.unr-fnref") && target.matches(":focus-visible")) {
      showTooltip(target);
    }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === described) { hideTooltip(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") { releaseIndex(); }
  });

  /* Material's search panel is a dialog; give it a name for screen readers. */
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog && !dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
    dialog.setAttribute("aria-label", "Search");
  }
})();

/* unreport: per-paragraph "copy link" and "copy citation" controls, footnote
   tooltips on hover and keyboard focus, and a name for the search dialog.
   Plain script, no dependencies, works on a server and from file://. */
(function () {
  "use strict";

  var LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2a1 1 0 0 1-1.4-1.4l2-2a1 1 0 1 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0ZM13.4 10.6a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2a1 1 0 0 1 1.4 1.4l-2 2a1 1 0 1 0 1.4 1.4L12 10.6a1 1 0 0 1 1.4 0Z"/></svg>';
  var CITE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 17h3l2-4V7H5v6h3l-2 4Zm8 0h3l2-4V7h-6v6h3l-2 4Z"/></svg>';

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

  function toast(message) {
    var box = document.querySelector(".unr-toast");
    if (!box) {
      box = document.createElement("div");
      box.className = "unr-toast";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.classList.add("unr-visible");
    clearTimeout(box._timer);
    box._timer = setTimeout(function () { box.classList.remove("unr-visible"); }, 1800);
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

  function button(className, label, icon, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "unr-tool " + className;
    b.setAttribute("aria-label", label);
    b.title = label;
    b.innerHTML = icon;
    b.addEventListener("click", onClick);
    return b;
  }

  function addTools(para) {
    var id = para.id;
    var cite = para.getAttribute("data-cite") || id;
    var link = function () { return pageUrl() + "#" + id; };
    var permalink = para.querySelector(":scope > .unr-permalink");
    if (permalink) {
      permalink.setAttribute("aria-label", "Link to " + cite);
    }
    var tools = document.createElement("span");
    tools.className = "unr-tools";
    tools.appendChild(button("unr-copy-link", "Copy link to " + cite, LINK_ICON, function () {
      copy(link(), function () { toast("Link copied"); });
    }));
    tools.appendChild(button("unr-copy-cite", "Copy citation: " + cite, CITE_ICON, function () {
      copy(cite + ", " + link(), function () { toast("Citation copied"); });
    }));
    para.appendChild(tools);
  }

  var tooltip = null;
  var described = null;
  function hideTooltip() {
    if (tooltip) { tooltip.remove(); tooltip = null; }
    if (described) { described.removeAttribute("aria-describedby"); described = null; }
  }
  function noteText(note) {
    var text = note.cloneNode(true);
    Array.prototype.forEach.call(
      text.querySelectorAll(".unr-note-num, .unr-tools, .unr-permalink, .unr-restored-remark"),
      function (el) { el.remove(); });
    return text.textContent.trim();
  }
  function showTooltip(anchor) {
    hideTooltip();
    var note = document.getElementById(decodeURIComponent(anchor.hash.slice(1)));
    if (!note) { return; }
    tooltip = document.createElement("div");
    tooltip.className = "unr-tooltip";
    tooltip.id = "unr-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.textContent = noteText(note);
    /* A mark restored by unreport says so, and why (data-restored). */
    if (anchor.hasAttribute("data-restored")) {
      var why = document.createElement("span");
      why.className = "unr-tooltip-restored";
      why.textContent = anchor.getAttribute("data-restored");
      tooltip.appendChild(why);
    }
    document.body.appendChild(tooltip);
    anchor.setAttribute("aria-describedby", "unr-tooltip");
    described = anchor;
    var box = anchor.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left - 20, width - tooltip.offsetWidth - 8));
    tooltip.style.left = (left + window.scrollX) + "px";
    tooltip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  /* Material's search panel is a dialog; give it a name for screen readers. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
      dialog.setAttribute("aria-label", "Search");
    }
  }

  function init() {
    /* Notes get the controls too once the pages give them a citation (data-cite). */
    Array.prototype.forEach.call(
      document.querySelectorAll(".unr-para[id], .unr-note[id][data-cite]"), addTools);
    Array.prototype.forEach.call(document.querySelectorAll("a.unr-fnref"), function (a) {
      if (!a.hasAttribute("aria-label")) {
        a.setAttribute("aria-label", "Note " + a.textContent.trim());
      }
      a.addEventListener("mouseenter", function () { showTooltip(a); });
      a.addEventListener("focus", function () { showTooltip(a); });
      a.addEventListener("mouseleave", hideTooltip);
      a.addEventListener("blur", hideTooltip);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideTooltip(); } });
    nameSearchDialog();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

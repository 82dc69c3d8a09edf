/* unreport: per-paragraph "copy link" and "copy citation" controls, and footnote
   tooltips on hover and keyboard focus. Plain script, no dependencies, works on
   a server and from file://. */
(function () {
  "use strict";

  var LINK_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2a1 1 0 0 1-1.4-1.4l2-2a1 1 0 1 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0ZM13.4 10.6a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2a1 1 0 0 1 1.4 1.4l-2 2a1 1 0 1 0 1.4 1.4L12 10.6a1 1 0 0 1 1.4 0Z"/></svg>';
  var CITE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 17h3l2-4V7H5v6h3l-2 4Zm8 0h3l2-4V7h-6v6h3l-2 4Z"/></svg>';

  function pageUrl() {
    return location.href.split("#")[0];
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

  function copy(text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
      document.body.removeChild(area);
      done();
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
  function hideTooltip() {
    if (tooltip) { tooltip.remove(); tooltip = null; }
  }
  function showTooltip(anchor) {
    hideTooltip();
    var note = document.getElementById(anchor.getAttribute("href").slice(1));
    if (!note) { return; }
    var text = note.cloneNode(true);
    Array.prototype.forEach.call(text.querySelectorAll(".unr-note-num, .unr-tools, .unr-permalink"),
      function (el) { el.remove(); });
    tooltip = document.createElement("div");
    tooltip.className = "unr-tooltip";
    tooltip.id = "unr-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.textContent = text.textContent.trim();
    document.body.appendChild(tooltip);
    anchor.setAttribute("aria-describedby", "unr-tooltip");
    var box = anchor.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX - 20,
      window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8));
    tooltip.style.left = left + "px";
    tooltip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".unr-para[id]"), addTools);
    Array.prototype.forEach.call(document.querySelectorAll("a.unr-fnref"), function (a) {
      a.addEventListener("mouseenter", function () { showTooltip(a); });
      a.addEventListener("focus", function () { showTooltip(a); });
      a.addEventListener("mouseleave", hideTooltip);
      a.addEventListener("blur", hideTooltip);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideTooltip(); } });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* unreport: the pages of a collection of documents — the home page's filters and
   the search page. Loaded only on the collection's own pages (main.html), after
   Material's bundle. Plain script (ES2017, and import() for Pagefind), no
   dependencies, nothing from elsewhere.

   - Home page: the table of documents is filtered in the page by session,
     committee, kind and words of the title or symbol; the count says how many
     rows are shown, and the address keeps the choice (?kind=Resolution&text=…),
     so a filtered list can be linked to.
   - Search page: Pagefind's index (the bundles the page names in data-unr-indexes,
     pagefind/1/, and pagefind/2/ when documents changed since the whole index was
     made: the first's script and WebAssembly, the other merged) is loaded when the
     page opens, over http(s) only: opened from disk a browser does not let
     a page load it, and the page's own message says so. The filters' values come
     with the page (data-unr-filter-values), so Pagefind's filter index is loaded
     only for a filter a query uses. Every query asks for none of the records the
     page names in data-unr-hidden (the whole index's records of documents that
     changed or left since it was made). Each result leads to the paragraph that matched
     (#op-12), not only to its page. The collection indexes each paragraph as a
     record of its own (search_index.py: its address carries the paragraph's
     anchor); an index of whole pages is read too: Pagefind divides a page at
     headings only, so there the hits are placed among the elements with ids that
     Pagefind lists for the page (its anchors), and a page shows its best
     paragraphs. */
(function () {
  "use strict";

  /* The collection's root: this script is ROOT/assets/unreport-collection.js. */
  var script = document.currentScript ||
    document.querySelector('script[src$="unreport-collection.js"]');
  var ROOT = new URL("../", script ? script.src : location.href).href;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  /* The address with ``values`` as its query (empty ones left out); the page is not
     reloaded. (Not every browser lets a file:// page change its address: then the
     address is left as it is.) */
  function keepInAddress(values) {
    var params = new URLSearchParams(location.search);
    Object.keys(values).forEach(function (name) {
      if (values[name]) { params.set(name, values[name]); } else { params.delete(name); }
    });
    var query = params.toString();
    try {
      history.replaceState(history.state, "",
                           location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (error) { /* file:// in some browsers */ }
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* ---- The home page's filters ------------------------------------------------ */

  function homeFilters(form) {
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-unr-filter]"));
    var body = document.querySelector(".unr-documents tbody");
    var rows = body ? Array.prototype.slice.call(body.rows) : [];
    var texts = null;  /* each row's words, folded, when first needed */
    var count = document.querySelector("[data-unr-count]");
    var params = new URLSearchParams(location.search);

    controls.forEach(function (control) {
      var value = params.get(control.getAttribute("data-unr-filter"));
      if (value === null) { return; }
      if (control.tagName === "SELECT") {
        var known = Array.prototype.some.call(control.options,
                                              function (o) { return o.value === value; });
        if (known) { control.value = value; }
      } else {
        control.value = value;
      }
    });

    function apply() {
      var wanted = {};
      controls.forEach(function (control) {
        wanted[control.getAttribute("data-unr-filter")] = control.value.trim();
      });
      var words = fold(wanted.text || "").split(/\s+/).filter(Boolean);
      if (words.length && !texts) {
        texts = rows.map(function (row) { return fold(row.textContent); });
      }
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = ["session", "committee", "kind"].every(function (name) {
          return !wanted[name] || row.getAttribute("data-" + name) === wanted[name];
        }) && words.every(function (word) { return texts[index].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (count) {
        count.textContent = shown === rows.length ? plural(rows.length, "document", "documents")
          : shown + " of " + plural(rows.length, "document", "documents") +
            (shown ? "" : ": none matches these filters");
      }
      keepInAddress(wanted);
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    if (controls.some(function (control) { return control.value; })) { apply(); }
  }

  /* ---- Search: from Pagefind's hits to paragraphs -------------------------------- */

  var PARAGRAPH = /^(pp|op|para|fn|annex|part|amendment)-/;
  var HEADING = /^h[1-6]$/;
  var NUMBERED = {pp: "PP", op: "OP", para: "para.", fn: "note", amendment: "amendment"};
  var PAGE_SIZE = 10;
  var PER_PAGE = 3;
  var EXCERPT_WORDS = 32;

  /* How a paragraph's anchor reads: op-12-a → "OP 12 (a)", annex-ii-para-3-b →
     "Annex II, para. 3 (b)", fn-4 → "Note 4", part-ii-op-1 → "Part II, OP 1". */
  function paragraphLabel(id) {
    var parts = id.split("-");
    var out = [];
    var i = 0;
    while (i < parts.length) {
      var part = parts[i];
      if (part === "annex" || part === "part") {
        var name = part === "annex" ? "Annex" : "Part";
        i += 1;
        var numbers = [];
        while (i < parts.length && !NUMBERED[parts[i]] && parts[i] !== "text" &&
               /^[a-z0-9]{1,6}$/.test(parts[i]) && numbers.length < 2) {
          numbers.push(parts[i].toUpperCase());
          i += 1;
        }
        out.push(numbers.length ? name + " " + numbers.join(".") : name);
      } else if (NUMBERED[part] && i + 1 < parts.length) {
        var label = NUMBERED[part] + " " + parts[i + 1];
        i += 2;
        while (i < parts.length && !NUMBERED[parts[i]] && /^[a-z]{1,5}$/.test(parts[i]) &&
               parts[i] !== "annex" && parts[i] !== "part") {
          label += " (" + parts[i] + ")";
          i += 1;
        }
        out.push(label);
      } else {
        i += 1;  /* text-4, heading-2: a place in an annex, said by "Annex" */
      }
    }
    var text = out.join(", ") || id;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /* A word of Pagefind's text as shown: headings carry their permalink's "#". */
  function shownWord(word) {
    return word.replace(/#$/, "");
  }

  function termOf(word) {
    return fold(word).replace(/[^0-9a-z\u00c0-\uffff]+/g, "");
  }

  /* Which of the query's words a word of the text is a hit for, as a reader would
     see it: the word itself, or a longer form of a word of four letters or more
     ("traffick" → "trafficking"), or one with the same stem ("trafficking" →
     "traffickers"). Pagefind also matches the start of any word ("in" → "into"),
     which helps while typing but is noise in a paragraph: such hits are left out. */
  function matchedTerm(word, terms) {
    var folded = termOf(word);
    if (!folded) { return -1; }
    for (var i = 0; i < terms.length; i += 1) {
      var term = terms[i];
      if (folded === term) { return i; }
      if (term.length >= 4 && folded.indexOf(term) === 0) { return i; }
      if (folded.length >= 4 && term.indexOf(folded) === 0 &&
          term.length - folded.length <= 2) { return i; }
      var stem = Math.min(term.length, folded.length) - 3;
      if (stem >= 5 && folded.slice(0, stem) === term.slice(0, stem)) { return i; }
    }
    return -1;
  }

  /* The hits of a result that are hits for a reader (matchedTerm), with the query
     word each is for; all of Pagefind's hits if none is. */
  function readerHits(data, words, terms) {
    var hits = data.weighted_locations && data.weighted_locations.length
      ? data.weighted_locations
      : (data.locations || []).map(function (at) { return {location: at, balanced_score: 1}; });
    var termAt = {};
    var kept = hits.filter(function (hit) {
      termAt[hit.location] = matchedTerm(words[hit.location] || "", terms);
      return termAt[hit.location] !== -1;
    });
    return {hits: kept.length ? kept : hits, termAt: termAt};
  }

  /* The paragraphs of a whole page's result, best first, at most PER_PAGE: each
     hit belongs to the last paragraph (or heading) starting at or before it; a
     paragraph with more of the query's words comes first, then one with more of
     them side by side as in the query, then a paragraph before a heading, then
     one whose hits weigh more, then the earlier one. */
  function bestParagraphs(data, terms) {
    var words = data.content.split(/\s+/);
    var places = (data.anchors || []).filter(function (anchor) {
      return PARAGRAPH.test(anchor.id) || HEADING.test(anchor.element);
    }).sort(function (a, b) { return a.location - b.location; });
    var found = readerHits(data, words, terms);
    var termAt = found.termAt;
    var groups = {};
    var order = [];
    found.hits.forEach(function (hit) {
      var index = -1;
      for (var k = 0; k < places.length && places[k].location <= hit.location; k += 1) {
        index = k;
      }
      var key = index < 0 ? "" : places[index].id;
      var group = groups[key];
      if (!group) {
        var place = index < 0 ? null : places[index];
        group = groups[key] = {
          id: key,
          paragraph: !!place && PARAGRAPH.test(place.id),
          heading: place && !PARAGRAPH.test(place.id) ? shownWord((place.text || "").trim()) : "",
          start: place ? place.location : 0,
          end: index + 1 < places.length ? places[index + 1].location : words.length,
          hits: [],
          terms: {},
          score: 0,
        };
        order.push(group);
      }
      group.hits.push(hit.location);
      group.terms[termAt[hit.location]] = true;
      group.score += hit.balanced_score || 1;
    });
    order.forEach(function (group) {
      group.distinct = Object.keys(group.terms).length;
      group.hits.sort(function (a, b) { return a - b; });
      var at = {};
      group.hits.forEach(function (h) { at[h] = true; });
      group.together = group.hits.filter(function (h) {
        return at[h + 1] && termAt[h] >= 0 && termAt[h + 1] === termAt[h] + 1;
      }).length;
    });
    order.sort(function (a, b) {
      return (b.distinct - a.distinct) || (b.together - a.together) ||
        (Number(b.paragraph) - Number(a.paragraph)) || (b.score - a.score) ||
        (a.start - b.start);
    });
    return order.slice(0, PER_PAGE).map(function (group) {
      return {id: group.id, paragraph: group.paragraph, heading: group.heading,
              excerpt: excerpt(words, group)};
    });
  }

  /* EXCERPT_WORDS words of the paragraph around most of its hits, the hits marked;
     the paragraph's own number ("OP 12") is left out, as the label says it. */
  function excerpt(words, group) {
    var start = group.start;
    var end = Math.max(start, group.end);
    var skipped = 0;
    while (start < end && skipped < 3 &&
           /^(PP|OP|\d+[.)]?|\([a-z]{1,5}\))$/.test(words[start])) {
      start += 1;
      skipped += 1;
    }
    var marked = {};
    group.hits.forEach(function (at) { marked[at] = true; });
    var from = start;
    var best = -1;
    group.hits.forEach(function (at) {
      var begin = Math.max(start, Math.min(at - 6, end - EXCERPT_WORDS));
      var inside = group.hits.filter(function (h) {
        return h >= begin && h < begin + EXCERPT_WORDS;
      }).length;
      if (inside > best) { best = inside; from = begin; }
    });
    var to = Math.min(end, from + EXCERPT_WORDS);
    var html = "";
    var open = false;
    for (var at = from; at < to; at += 1) {
      var word = shownWord(words[at] || "");
      if (!word) { continue; }
      if (open && !marked[at]) { html += "</mark>"; open = false; }
      html += at > from ? " " : "";
      if (!open && marked[at]) { html += "<mark>"; open = true; }
      html += escapeHtml(word);
    }
    if (open) { html += "</mark>"; }  /* side-by-side hits make one mark */
    return (from > start ? "… " : "") + html + (to < end ? " …" : "");
  }

  /* ---- The search page ----------------------------------------------------------- */

  var FILTER_NAMES = {session: "Session", committee: "Committee", kind: "Kind"};

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  /* The document's title, when the index has it (meta "document": "A/RES/78/229:
     Strengthening …"), without the symbol, which the links say. */
  function documentTitle(meta) {
    var name = meta.document || "";
    var symbol = meta.symbol || "";
    return symbol && name.indexOf(symbol + ": ") === 0 ? name.slice(symbol.length + 2) : name;
  }

  /* "A/RES/78/229 · OP 12", "A/77/464 · Draft resolution VII, OP 3": the symbol, then
     the title without the parts that only repeat it ("Resolution 78/229"); for a
     place found in a whole page, the paragraph's name from its anchor. */
  function resultLabel(meta, place) {
    var symbol = meta.symbol || "";
    var number = symbol.split("/").slice(-2).join("/");
    var title = shownWord((meta.title || "").trim());
    if (symbol && title.indexOf(symbol + " · ") === 0) {
      title = title.slice(symbol.length + 3);
    }
    title = title.split(", ").filter(function (part) {
      return part && part !== symbol && !(number && part.indexOf(number) !== -1);
    }).join(", ");
    var parts = [symbol, title];
    if (place && place.paragraph) {
      parts.push(paragraphLabel(place.id));
    } else if (place && place.heading && place.heading !== title) {
      parts.push(place.heading);
    }
    return parts.filter(Boolean).join(" · ");
  }

  /* Where a result leads: a record of the collection's index names its paragraph's
     address in its metadata ("url": "A-RES-78-229/index.html#op-12", from the
     collection's root); otherwise Pagefind's address of the page it indexed. */
  function resultUrl(data) {
    var meta = data.meta || {};
    return meta.url ? new URL(meta.url, ROOT).href : data.url;
  }

  /* Pagefind finds a record by its words, and by its title and its document's name and
     symbol; and it matches a word it lacks by the longest word it has that the word
     begins with ("zymurgy" → the "z" of "OP 7 (z)"). A result found by its names alone
     (no place in its text) where a query word is not in them is such a stand-in, and
     is left out. Each bundle of the index answers alone: after an update, a word only
     the changed documents have is stood in for that way by the whole index. */
  function isStandIn(data, terms) {
    if ((data.locations || []).length || !terms.length) { return false; }
    var meta = data.meta || {};
    var names = termOf([meta.title, meta.document, meta.symbol].join(" "));
    return terms.some(function (term) {
      return names.indexOf(term.slice(0, Math.max(2, term.length - 3))) === -1;
    });
  }

  function isParagraphRecord(data) {
    return resultUrl(data).indexOf("#") !== -1 || !(data.anchors && data.anchors.length);
  }

  /* A result's places: [{href, label, excerpt}] — the paragraph a record is, or the
     best paragraphs of a whole page. */
  function resultPlaces(data, terms) {
    var meta = data.meta || {};
    if (isParagraphRecord(data)) {
      var words = data.content.split(/\s+/);
      var found = readerHits(data, words, terms);
      var hits = found.hits.map(function (hit) { return hit.location; })
        .sort(function (a, b) { return a - b; });
      return [{href: resultUrl(data), label: resultLabel(meta, null),
               excerpt: hits.length ? excerpt(words, {start: 0, end: words.length, hits: hits})
                 : escapeHtml(words.slice(0, EXCERPT_WORDS).join(" "))}];
    }
    var places = bestParagraphs(data, terms);
    if (!places.length) { places = [{id: "", paragraph: false, heading: "", excerpt: ""}]; }
    return places.map(function (place) {
      return {href: data.url + (place.id ? "#" + place.id : ""),
              label: resultLabel(meta, place), excerpt: place.excerpt};
    });
  }

  function renderResult(data, terms) {
    var item = element("li", "unr-result");
    var title = documentTitle(data.meta || {});
    if (title) { item.appendChild(element("p", "unr-result__document", title)); }
    var list = element("ul", "unr-result__places");
    resultPlaces(data, terms).forEach(function (place) {
      var entry = element("li", "unr-result__place");
      var link = element("a", "unr-result__link", place.label);
      link.href = place.href;
      entry.appendChild(link);
      if (place.excerpt) {
        var text = element("p", "unr-result__excerpt");
        text.innerHTML = place.excerpt;  /* escaped words and <mark> only */
        entry.appendChild(text);
      }
      list.appendChild(entry);
    });
    item.appendChild(list);
    return item;
  }

  function searchPage(box) {
    var form = box.querySelector("form");
    var input = box.querySelector("#unr-search-q");
    var filterBox = box.querySelector("[data-unr-search-filters]");
    var status = box.querySelector("[data-unr-search-status]");
    var list = box.querySelector("[data-unr-search-results]");
    var hidden = JSON.parse(box.getAttribute("data-unr-hidden") || "[]");
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (location.protocol === "file:") {
      return;  /* the page's own message: search cannot load its index from disk */
    }
    var more = element("button", "md-button unr-search__more", "More results");
    more.type = "button";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);

    var pagefind = null;
    var selects = [];
    var results = [];
    var shown = 0;  /* results read, */
    var listed = 0;  /* of which listed, */
    var dropped = 0;  /* and left out as stand-ins (isStandIn) */
    var turn = 0;
    var typing = null;

    function failed(error) {
      status.textContent = "The search failed (" + (error && error.message || error) + ").";
    }

    function chosenFilters() {
      var chosen = {};
      selects.forEach(function (select) {
        if (select.value) { chosen[select.getAttribute("data-unr-search-filter")] = select.value; }
      });
      return chosen;
    }

    function describe(query, chosen) {
      var said = query ? "“" + query + "”" : "";
      var names = Object.keys(chosen).map(function (name) {
        return (FILTER_NAMES[name] || name) + ": " + chosen[name];
      });
      return said + (names.length ? (said ? " in " : "") + names.join(", ") : "");
    }

    async function showMore(mine, query, chosen, focusFirst) {
      var terms = fold(query).split(/\s+/).map(termOf).filter(Boolean);
      var kept = [];
      while (kept.length < PAGE_SIZE && shown < results.length) {
        var next = results.slice(shown, shown + PAGE_SIZE - kept.length);
        var loaded = await Promise.all(next.map(function (result) { return result.data(); }));
        if (mine !== turn) { return; }
        shown += loaded.length;
        loaded.forEach(function (data) {
          if (isStandIn(data, terms)) { dropped += 1; } else { kept.push(data); }
        });
      }
      var first = null;
      kept.forEach(function (data) {
        var item = renderResult(data, terms);
        first = first || item;
        list.appendChild(item);
      });
      listed += kept.length;
      more.hidden = shown >= results.length;
      var total = results.length - dropped;
      if (!total) {
        status.textContent = "Nothing matches " + describe(query, chosen) + ".";
        return;
      }
      var paragraphs = kept.length && isParagraphRecord(kept[0]);
      status.textContent = (paragraphs
        ? plural(total, "paragraph matches ", "paragraphs match ")
        : plural(total, "page matches ", "pages match ")) +
        describe(query, chosen) + (total > listed ? "; showing " + listed + " of them." : ".");
      if (focusFirst && first) {
        var link = first.querySelector("a");
        if (link) { link.focus(); }
      }
    }

    async function run() {
      var query = input.value.trim();
      var chosen = chosenFilters();
      var values = {q: query};
      selects.forEach(function (select) {
        values[select.getAttribute("data-unr-search-filter")] = select.value;
      });
      keepInAddress(values);
      turn += 1;
      var mine = turn;
      if (!query && !Object.keys(chosen).length) {
        results = [];
        shown = listed = dropped = 0;
        list.textContent = "";
        more.hidden = true;
        status.textContent = "Type words to find in every paragraph, or choose a filter.";
        return;
      }
      status.textContent = "Searching…";
      var found = await pagefind.search(query || null, {
        filters: hidden.length ? Object.assign({none: hidden}, chosen) : chosen});
      if (mine !== turn) { return; }
      results = found ? found.results : [];
      shown = listed = dropped = 0;
      list.textContent = "";
      more.hidden = true;
      if (!results.length) {
        status.textContent = "Nothing matches " + describe(query, chosen) + ".";
        return;
      }
      await showMore(mine, query, chosen, false);
    }

    function buildFilters(available) {
      filterBox.textContent = "";
      var names = Object.keys(FILTER_NAMES).filter(function (name) { return available[name]; })
        .concat(Object.keys(available).filter(function (name) { return !FILTER_NAMES[name]; }));
      names.forEach(function (name) {
        var values = Object.keys(available[name]).sort(function (a, b) {
          return name === "session" ? Number(a) - Number(b) : a.localeCompare(b);
        });
        var label = element("label", "unr-search__filter");
        label.appendChild(document.createTextNode((FILTER_NAMES[name] || name) + " "));
        var select = element("select");
        select.setAttribute("data-unr-search-filter", name);
        select.appendChild(element("option", "", "All")).value = "";
        values.forEach(function (value) {
          select.appendChild(element("option", "", value)).value = value;
        });
        var wanted = params.get(name);
        if (wanted && values.indexOf(wanted) !== -1) { select.value = wanted; }
        select.addEventListener("change", function () { run().catch(failed); });
        label.appendChild(select);
        filterBox.appendChild(label);
        selects.push(select);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typing);
      if (pagefind) { run().catch(failed); }
    });
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { if (pagefind) { run().catch(failed); } }, 300);
    });
    more.addEventListener("click", function () {
      if (more.disabled) { return; }
      more.disabled = true;
      showMore(turn, input.value.trim(), chosenFilters(), true).then(
        function () { more.disabled = false; },
        function (error) { more.disabled = false; failed(error); });
    });

    status.textContent = "Loading the search index…";
    (async function () {
      try {
        /* the whole index's script and WebAssembly; an update merged into it */
        var bundles = (box.getAttribute("data-unr-indexes") || "pagefind/").split(" ");
        var loaded = await import(ROOT + bundles[0] + "pagefind.js");
        await loaded.options({baseUrl: new URL(ROOT).pathname, noWorker: true});
        await loaded.init();
        for (var i = 1; i < bundles.length; i += 1) {
          await loaded.mergeIndex(ROOT + bundles[i], {baseUrl: new URL(ROOT).pathname});
        }
        /* the filters' values come with the page: Pagefind's own filter index is only
           loaded for a filter a query uses */
        var given = box.getAttribute("data-unr-filter-values");
        buildFilters(given ? JSON.parse(given) : await loaded.filters());
        pagefind = loaded;
      } catch (error) {
        status.textContent = "The search index could not be loaded (" + error.message + ").";
        return;
      }
      await run();
    })().catch(failed);
  }

  var filters = document.querySelector("[data-unr-filters]");
  if (filters) { homeFilters(filters); }
  var search = document.querySelector("[data-unr-search]");
  if (search) { searchPage(search); }
})();

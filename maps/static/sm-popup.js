/* strikemap: event popups, cluster lists and the legend, built with createElement
 * and textContent only: article text is hostile input. */
(function () {
  "use strict";
  var SM = window.strikemap;
  var el = SM.el;

  function row(table, label, value) {
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    var td = el("td");
    if (value instanceof Node) td.appendChild(value);
    else td.textContent = value;
    tr.appendChild(td);
    table.appendChild(tr);
  }

  function singular(kind) {
    return kind === "strike" ? "Strike" : kind === "attack" ? "Attack" : kind || "Event";
  }

  SM.dateText = function (st, i) {
    var prec = st.value("date_precision", i);
    var best = st.date[i], lo = st.d0[i], hi = st.d1[i];
    if (isNaN(best)) return "not reported";
    var day = SM.isoDay(best), label = prec ? SM.label(st, "date_precision", prec) : "";
    if (lo === hi) return day + (label && prec !== "day" ? " (" + label + ")" : "");
    return "between " + SM.isoDay(lo) + " and " + SM.isoDay(hi) +
      " (" + (label || "precision not reported") + "; best guess " + day + ")";
  };

  var KNOWN_PLACES = ["facility", "town", "region", "country", "sea"];
  SM.locationText = function (st, i) {
    var prec = st.value("geo_precision", i);
    var label = KNOWN_PLACES.indexOf(prec) >= 0 ? SM.label(st, "geo_precision", prec) : "precision not reported";
    var r = st.radiusKm(i);
    if (!r) return label + (prec === "facility" ? " (the pin is the place)" : "");
    var km = r.km < 10 ? r.km.toFixed(1).replace(/\.0$/, "") : String(Math.round(r.km));
    return label + ": somewhere within about " + km + " km of the pin (shaded area)" +
      (r.assumed ? "; the extent was not reported, this radius is typical for the level" : "");
  };

  function casualties(st, i) {
    var k = st.number("fatalities", i), w = st.number("injured", i);
    var killed = k === null || k === undefined ? "killed: not reported" : k + " killed";
    var hurt = w === null || w === undefined ? "injured: not reported" : w + " injured";
    return killed + " \u00b7 " + hurt;
  }

  function sourceItem(st, s) {
    var t = st.text.sources, li = el("li");
    var src = { id: t.id.get(s), outlet: t.outlet.get(s), headline: t.headline.get(s), url: t.url.get(s),
      published: t.published.get(s) };  // prettier-ignore
    li.appendChild(el("strong", null, src.outlet || src.id || "source"));
    var headline = src.headline || src.url || "";
    if (headline) {
      li.appendChild(document.createTextNode(" \u2014 "));
      var href = SM.safeUrl(src.url);
      var node = el(href ? "a" : "span", null, headline);
      if (href) {
        node.setAttribute("href", href);
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
      li.appendChild(node);
      if (!href && src.url && src.headline) li.appendChild(el("span", "sm-muted", " " + src.url));
    }
    if (src.published) li.appendChild(el("span", "sm-muted", " \u00b7 " + src.published));
    return li;
  }

  function linkItem(st, i, k) {
    var j = st.links.a[k] === i ? st.links.b[k] : st.links.a[k];
    var why = st.links.reasonText(k);
    var text = singular(st.value("kind", j)) + " " + SM.isoDay(st.date[j]) + " at " +
      (st.value("place_resolved", j) || st.value("place", j) || "?") + (why ? " \u2014 " + why : "");
    var li = el("li");
    var button = el("button", "sm-linkbtn", text);
    button.type = "button";
    button.addEventListener("click", function () {
      st.openEvent(j);
    });
    li.appendChild(button);
    return li;
  }

  /* The popup of event i: date, kind, place, precision, actor, casualties, quote, sources. */
  SM.eventPopup = function (st, i) {
    var kind = st.value("kind", i), weapon = st.value("weapon", i);
    var root = el("div", "sm-popup");
    root.setAttribute("data-i", String(i));
    var head = el("div", "sm-pop-head");
    head.appendChild(SM.svgIcon(weapon, st.color(i), 20));
    var wl = SM.label(st, "weapon", weapon);
    head.appendChild(el("strong", null, singular(kind) + (weapon ? " \u00b7 " + wl : "")));
    root.appendChild(head);
    var table = el("table", "sm-rows");
    row(table, "Date", SM.dateText(st, i));
    row(table, "Place (as written)", st.value("place", i) || "not reported");
    var country = st.value("country", i);
    var resolved = [st.value("place_resolved", i), st.value("admin1", i), country && SM.label(st, "country", country)];
    row(table, "Resolved as", resolved.filter(Boolean).join(", ") || "not resolved");
    row(table, "Location", SM.locationText(st, i));
    var actor = st.value("actor", i) || "unknown actor", side = st.value("actor_side", i);
    row(table, "Actor \u2192 target", actor + (side ? " (" + SM.label(st, "actor_side", side) + ")" : "") + " \u2192 " +
      (st.value("target", i) || "unknown target"));
    row(table, "Casualties", casualties(st, i));
    root.appendChild(table);
    var quote = st.text.quote.get(i);
    if (quote) root.appendChild(el("blockquote", "sm-quote", quote));
    var srcs = st.text.sourcesOf(i);
    if (srcs.length) {
      root.appendChild(el("div", "sm-sub", srcs.length === 1 ? "Source" : srcs.length + " sources"));
      var ol = el("ol", "sm-sources");
      for (var s = 0; s < srcs.length; s++) ol.appendChild(sourceItem(st, srcs[s]));
      root.appendChild(ol);
    }
    var links = st.linksOf(i);
    if (links.length) {
      root.appendChild(el("div", "sm-sub", "Linked events"));
      var ul = el("ul", "sm-links");
      for (var k = 0; k < links.length; k++) ul.appendChild(linkItem(st, i, links[k]));
      root.appendChild(ul);
    }
    var reasons = st.text.reasonsOf(i);
    if (reasons.length) {
      var details = el("details", "sm-why");
      details.appendChild(el("summary", null, "Why this event"));
      var list = el("ul");
      for (var r = 0; r < reasons.length; r++) list.appendChild(el("li", null, st.text.reasons.get(reasons[r])));
      details.appendChild(list);
      root.appendChild(details);
    }
    var mentions = st.number("mentions", i);
    var foot = "event " + (st.text.id.get(i) || "#" + i) + (mentions ? " \u00b7 " + mentions + " mention(s)" : "");
    root.appendChild(el("div", "sm-muted sm-foot", foot));
    return root;
  };

  /* A list of the events of a cluster that cannot be split by zooming. */
  SM.clusterPopup = function (st, members, limit) {
    var sorted = members.slice().sort(function (a, b) {
      return (st.date[a] || 0) - (st.date[b] || 0);
    });
    var root = el("div", "sm-popup sm-list");
    root.appendChild(el("div", "sm-pop-head", SM.fmtInt(members.length) + " events here"));
    var ul = el("ul");
    var shown = Math.min(sorted.length, limit || 50);
    sorted.slice(0, shown).forEach(function (i) {
      var li = el("li");
      var kind = st.value("kind", i);
      li.appendChild(SM.svgIcon(st.value("weapon", i), st.color(i), 14));
      var text = SM.isoDay(st.date[i]) + " \u00b7 " + singular(kind) + " \u00b7 " +
        (st.value("place", i) || st.value("place_resolved", i) || "?");
      var button = el("button", "sm-linkbtn", text);
      button.type = "button";
      button.setAttribute("data-i", String(i));
      button.addEventListener("click", function () {
        st.openEvent(i);
      });
      li.appendChild(button);
      ul.appendChild(li);
    });
    root.appendChild(ul);
    if (sorted.length > shown) {
      root.appendChild(el("p", "sm-muted", "\u2026 and " + SM.fmtInt(sorted.length - shown) +
        " more: narrow the time range or the layers."));
    }
    return root;
  };

  function legendItem(list, symbol, text) {
    var li = el("li");
    li.appendChild(symbol);
    li.appendChild(el("span", null, text));
    list.appendChild(li);
  }

  function swatch(cls, color) {
    var s = el("span", cls);
    if (color) s.style.background = color;
    return s;
  }

  /* Legend: kinds (or actor colours), weapons present, approximate places, bubbles,
   * hexagons, links, heat; every code with its human label. */
  SM.legendControl = function (st) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = SM.isolate(el("details", "sm-legend sm-box"));
      box.open = !SM.small(st);
      box.addEventListener("toggle", function () {
        SM.layout(st);
      });
      box.appendChild(el("summary", null, "Legend"));
      var list = el("ul");
      if (st.byActor) {
        st.actorOrder.slice(0, SM.ACTOR_COLORS.length).forEach(function (c) {
          legendItem(list, swatch("sm-swatch", st.actorColor[c]), st.cat.actor.values[c] || "Actor not reported");
        });
        if (st.actorOrder.length > SM.ACTOR_COLORS.length) legendItem(list, swatch("sm-swatch", SM.OTHER_COLOR), "Other actors");
        st.kindOrder.forEach(function (c) {
          var s = swatch("sm-swatch", "transparent");
          s.style.boxShadow = "inset 0 0 0 3px " + SM.kindColor(st.kinds[c]);
          legendItem(list, s, "Ring: " + SM.label(st, "kind", st.kinds[c]));
        });
      } else {
        st.kindOrder.forEach(function (c) {
          legendItem(list, swatch("sm-swatch", SM.kindColor(st.kinds[c])), SM.label(st, "kind", st.kinds[c]));
        });
      }
      st.weaponsPresent().forEach(function (w) {
        var known = SM.hasOwn(SM.ICONS, w) || w === "";
        legendItem(list, SM.svgIcon(w, "#555", 16), SM.label(st, "weapon", w) + (known ? "" : " (no icon)"));
      });
      legendItem(list, swatch("sm-swatch sm-approx-sample"),
        "Approximate place: dashed pin and shaded area of the reported extent");
      legendItem(list, swatch("sm-swatch sm-cluster-sample"), "Bubble: events nearby, ring split by colour");
      legendItem(list, swatch("sm-hex-sample"), "Hexagons (dense areas): fewer \u2192 more events");
      if (st.links.count) legendItem(list, swatch("sm-line-sample"), "Link between events");
      legendItem(list, swatch("sm-heat-sample"), "Heatmap: fewer \u2192 more events");
      box.appendChild(list);
      return box;
    };
    return control;
  };
})();

/* strikemap: the layers panel, the time filter (two-handle slider and play), the title
 * box, and the layout that keeps them apart on any screen (SM.layout). */
(function () {
  "use strict";
  var SM = window.strikemap;
  var el = SM.el;

  /* Layers panel: a checkbox per layer (data-layer="kind:strike", "actor:3", "heat",
   * "uncertainty", "links", "outline", "tiles") with its count of visible events. */
  SM.panelControl = function (st) {
    var control = L.control({ position: "topright" });
    var counts = {};
    control.onAdd = function () {
      var box = SM.isolate(el("details", "sm-panel sm-box"));
      box.open = !SM.small(st);
      box.addEventListener("toggle", function () {
        SM.layout(st);
      });
      box.appendChild(el("summary", null, "Layers"));
      function section(title, items) {
        if (!items.length) return;
        box.appendChild(el("div", "sm-sub", title));
        var list = el("ul");
        items.forEach(function (it) {
          var li = el("li");
          var label = el("label");
          var input = el("input");
          input.type = "checkbox";
          input.checked = st.isOn(it.key);
          input.setAttribute("data-layer", it.key);
          input.addEventListener("change", function () {
            st.setLayer(it.key, input.checked);
          });
          label.appendChild(input);
          if (it.symbol) label.appendChild(it.symbol);
          label.appendChild(el("span", "sm-label", it.label));
          var count = el("span", "sm-count");
          count.setAttribute("data-count-for", it.key);
          counts[it.key] = count;
          label.appendChild(count);
          li.appendChild(label);
          list.appendChild(li);
        });
        box.appendChild(list);
      }
      section("Events", st.kindOrder.map(function (code) {
        var s = el("span", "sm-swatch"), k = st.kinds[code];
        s.style.background = st.byActor ? "transparent" : SM.kindColor(k);
        if (st.byActor) s.style.boxShadow = "inset 0 0 0 3px " + SM.kindColor(k);
        return { key: st.kindKey(code), label: SM.kindLabel(k), symbol: s };
      }));
      if (st.byActor) {
        section("Actors", st.actorOrder.map(function (code) {
          var s = el("span", "sm-swatch");
          s.style.background = st.actorColor[code];
          return { key: "actor:" + code, label: st.cat.actor.values[code] || "Actor not reported", symbol: s };
        }));
      }
      displaySection(box);
      var overlays = [
        { key: "heat", label: "Heatmap (all kinds)" },
        { key: "uncertainty", label: "Uncertainty areas" }
      ];
      if (st.links.count) overlays.push({ key: "links", label: "Links between events" });
      overlays.push({ key: "outline", label: "Outline & 5\u00b0 graticule" });
      if (st.tiles.length) overlays.push({ key: "tiles", label: "Map tiles" });
      section("Overlays", overlays);
      return box;
    };
    /* Bubbles or hexagons: chosen by density ("auto") or fixed by the reader. */
    var radios = [];
    function displaySection(box) {
      box.appendChild(el("div", "sm-sub", "Display"));
      var list = el("ul", "sm-display");
      [["auto", "Automatic (hexagons when dense)"], ["bubbles", "Bubbles"], ["hexbins", "Hexagons"]].forEach(function (m) {
        var li = el("li"), label = el("label"), input = el("input");
        input.type = "radio";
        input.name = "sm-display-" + L.stamp(st.map);
        input.value = m[0];
        input.setAttribute("data-display", m[0]);
        input.checked = st.viewMode === m[0];
        input.addEventListener("change", function () {
          if (input.checked) st.setDisplay(m[0]);
        });
        radios.push(input);
        label.appendChild(input);
        label.appendChild(el("span", "sm-label", m[1]));
        li.appendChild(label);
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    control.update = function (values) {
      for (var key in counts) {
        if (!SM.hasOwn(counts, key)) continue;
        counts[key].textContent = SM.hasOwn(values, key) ? SM.fmtInt(values[key]) : "";
      }
    };
    control.sync = function () {
      var inputs = control.getContainer().querySelectorAll("input[data-layer]");
      for (var i = 0; i < inputs.length; i++) inputs[i].checked = st.isOn(inputs[i].getAttribute("data-layer"));
      radios.forEach(function (r) {
        r.checked = r.value === st.viewMode;
      });
    };
    return control;
  };

  /* Time filter: two range inputs over one track, the dates, the count and a play button. */
  SM.timeControl = function (st) {
    var control = L.control({ position: "bottomleft" });
    var parts = {};
    control.onAdd = function () {
      var box = SM.isolate(el("div", "sm-time sm-box"));
      var play = el("button", "sm-play", "\u25b6");
      play.type = "button";
      play.setAttribute("aria-label", "Play through time");
      play.addEventListener("click", function () {
        if (st.playing()) st.pause();
        else st.play();
      });
      var range = el("div", "sm-range");
      range.appendChild(el("div", "sm-track"));
      var sel = el("div", "sm-track-sel");
      range.appendChild(sel);
      var lo = el("input"), hi = el("input");
      [lo, hi].forEach(function (input, n) {
        input.type = "range";
        input.min = String(st.fullRange[0]);
        input.max = String(st.fullRange[1]);
        input.step = "1";
        input.value = String(st.fullRange[n]);
        input.className = n ? "sm-hi" : "sm-lo";
        input.setAttribute("aria-label", n ? "Last day shown" : "First day shown");
        input.addEventListener("input", function () {
          var a = +lo.value, b = +hi.value;
          if (a > b) {
            if (n) a = b;
            else b = a;
          }
          st.pause();
          st.setRange(a, b);
        });
        range.appendChild(input);
      });
      var text = el("div", "sm-time-text");
      var dates = el("span", "sm-dates"), count = el("span", "sm-total");
      text.appendChild(dates);
      text.appendChild(count);
      if (!st.hasDates || st.fullRange[0] === st.fullRange[1]) {
        play.disabled = lo.disabled = hi.disabled = true;
      }
      if (st.hasDates) {
        box.appendChild(play);
        box.appendChild(range);
      }
      box.appendChild(text);
      parts = { play: play, lo: lo, hi: hi, sel: sel, dates: dates, count: count };
      return box;
    };
    control.update = function () {
      var r = st.range, f = st.fullRange, span = Math.max(1, f[1] - f[0]);
      parts.lo.value = String(r[0]);
      parts.hi.value = String(r[1]);
      parts.sel.style.left = ((r[0] - f[0]) / span) * 100 + "%";
      parts.sel.style.width = ((r[1] - r[0]) / span) * 100 + "%";
      parts.dates.textContent = st.hasDates ? SM.isoDay(r[0]) + " \u2013 " + SM.isoDay(r[1]) : "no dates";
      var text = SM.fmtInt(st.total) + " of " + SM.fmtInt(st.n) + " events";
      if (st.undated && !st.isFullRange()) text += " (" + SM.fmtInt(st.undated) + " undated hidden)";
      parts.count.textContent = text;
      parts.play.textContent = st.playing() ? "\u275a\u275a" : "\u25b6";
      parts.play.setAttribute("aria-label", st.playing() ? "Pause" : "Play through time");
    };
    return control;
  };

  /* Title and notes (dropped rows, tiles that failed), placed by SM.layout. */
  SM.titleBox = function (st) {
    var box = SM.isolate(el("div", "sm-title sm-box"));
    if (st.opts.title) box.appendChild(el("div", "sm-title-text", st.opts.title));
    var notes = el("ul", "sm-notes");
    box.appendChild(notes);
    st.map.getContainer().appendChild(box);
    function refresh() {
      box.style.display = box.querySelector(".sm-title-text") || notes.firstChild ? "" : "none";
      if (st.panel) SM.layout(st);
    }
    refresh();
    return {
      node: box,
      note: function (key, text) {
        if (notes.querySelector('[data-note="' + key + '"]')) return;
        var li = el("li", null, text);
        li.setAttribute("data-note", key);
        notes.appendChild(li);
        refresh();
      },
      drop: function (key) {
        var li = notes.querySelector('[data-note="' + key + '"]');
        if (li) {
          notes.removeChild(li);
          refresh();
        }
      }
    };
  };

  /* A phone-sized map: panels start collapsed. */
  SM.small = function (st) {
    return st.map.getSize().x < 700;
  };

  SM.overlaps = function (a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  };

  function rectIn(container, node) {
    var c = container.getBoundingClientRect(), r = node.getBoundingClientRect();
    return { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top,
      width: r.width, height: r.height };  // prettier-ignore
  }

  /* Rectangles (container px) of the controls and the title box that are shown. */
  SM.chromeRects = function (st) {
    var container = st.map.getContainer(), out = [];
    var nodes = container.querySelectorAll(".leaflet-control, .sm-title");
    for (var i = 0; i < nodes.length; i++) {
      var r = rectIn(container, nodes[i]);
      if (r.width > 0 && r.height > 0) out.push(r);
    }
    return out;
  };

  /* Place the title between the top-left and top-right controls (below them when there
   * is no room), keep the slider clear of the bottom-right stack, and return the padding
   * (px) that keeps fitted events and popups clear of all of them. */
  SM.layout = function (st) {
    var map = st.map, container = map.getContainer(), size = map.getSize(), corners = map._controlCorners;
    var tl = rectIn(container, corners.topleft), tr = rectIn(container, corners.topright);
    var bl = rectIn(container, corners.bottomleft), br = rectIn(container, corners.bottomright);
    var box = st.titleBox && st.titleBox.node, top = 10;
    if (box && box.style.display !== "none") {
      var from = (tl.width ? tl.right : 0) + 8, to = (tr.width ? tr.left : size.x) - 8;
      box.style.transform = "none";
      if (to - from >= 160) {
        box.style.maxWidth = to - from + "px";
        box.style.top = "10px";
        var w = box.getBoundingClientRect().width;
        box.style.left = Math.max(from, Math.min(to - w, size.x / 2 - w / 2)) + "px";
      } else {
        box.style.maxWidth = size.x - 20 + "px";
        box.style.top = Math.max(tl.bottom, tr.bottom) + 8 + "px";
        box.style.left = "10px";
      }
      top = Math.max(top, rectIn(container, box).bottom);
    }
    if (st.timeCtl && st.timeCtl.getContainer()) {
      st.timeCtl.getContainer().style.maxWidth = Math.max(180, size.x - br.width - 30) + "px";
      bl = rectIn(container, corners.bottomleft);
    }
    if (SM.small(st)) {  /* a phone: collapsed panels are rows at the top and bottom */
      return {
        top: Math.max(top, tr.bottom, tl.bottom) + 8,
        left: 10,
        right: 10,
        bottom: Math.max(size.y - Math.min(bl.height ? bl.top : size.y, br.height ? br.top : size.y), 10) + 8
      };
    }
    var side = function (r) { return r.width && r.width < size.x * 0.45 ? r.width : 0; };
    return {  /* the right-hand panels are columns; the slider is a row at the bottom */
      top: top + 8,
      left: Math.max(side(tl), 10) + 8,
      right: Math.max(side(tr), side(br), 10) + 8,
      bottom: Math.max(bl.height ? size.y - bl.top : 0, 10) + 8
    };
  };
})();

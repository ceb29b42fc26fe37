/* strikemap: the layers panel, the time filter (two-handle slider and play) and the title box. */
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
      box.open = true;
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
        s.style.background = SM.kindColor(k);
        return { key: st.kindKey(code), label: SM.kindLabel(k), symbol: s };
      }));
      if (st.byActor) {
        section("Actors", st.actorOrder.map(function (code) {
          return { key: "actor:" + code, label: st.p.cat.actor.values[code] || "Actor not reported" };
        }));
      }
      var overlays = [
        { key: "heat", label: "Heatmap" },
        { key: "uncertainty", label: "Uncertainty areas" }
      ];
      if (st.links.a.length) overlays.push({ key: "links", label: "Links between events" });
      overlays.push({ key: "outline", label: "Outline & 5\u00b0 graticule" });
      if (st.tiles.length) overlays.push({ key: "tiles", label: "Map tiles" });
      section("Overlays", overlays);
      return box;
    };
    control.update = function (values) {
      for (var key in counts) {
        if (!SM.hasOwn(counts, key)) continue;
        counts[key].textContent = SM.hasOwn(values, key) ? SM.fmtInt(values[key]) : "";
      }
    };
    control.sync = function () {
      var inputs = control.getContainer().querySelectorAll("input[data-layer]");
      for (var i = 0; i < inputs.length; i++) inputs[i].checked = st.isOn(inputs[i].getAttribute("data-layer"));
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

  /* Title and notes (dropped rows, tiles that failed), top centre. */
  SM.titleBox = function (st) {
    var box = SM.isolate(el("div", "sm-title sm-box"));
    if (st.opts.title) box.appendChild(el("div", "sm-title-text", st.opts.title));
    var notes = el("ul", "sm-notes");
    box.appendChild(notes);
    st.map.getContainer().appendChild(box);
    function refresh() {
      box.style.display = box.querySelector(".sm-title-text") || notes.firstChild ? "" : "none";
    }
    refresh();
    return {
      note: function (key, text) {
        if (notes.querySelector('[data-note="' + key + '"]')) return;
        var li = el("li", null, text);
        li.setAttribute("data-note", key);
        notes.appendChild(li);
        refresh();
      }
    };
  };
})();

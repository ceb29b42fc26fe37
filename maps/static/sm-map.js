/* strikemap: the controller. Decodes the payload, filters by layer and time, and
 * draws bubbles or hexagons, areas, heat and links (sm-draw.js, sm-layers.js).
 *
 * JavaScript API (window.strikemap, for the last map initialised; every map's
 * controller is also in strikemap.maps):
 *   ready                 true once the first frame is drawn (event "strikemap:ready")
 *   textReady             true once popup texts (quotes, sources) are decoded
 *   counts()              visible events per layer: {total, strike, attack, ..., heat,
 *                         links, uncertainty, actors: {name: n}}; 0 for a layer that is off
 *   drawn()               what is on screen now: {mode, events, markers, clusters, singles,
 *                         circles, hexagons, kinds: {strike: n, ...}, zoom, pending}; pending:
 *                         the bubbles are of this view only (the full index is being built,
 *                         or not built: above strikemap.FULL_MAX visible events)
 *   layers()              layer keys: "kind:strike", "actor:0", "heat", "uncertainty", ...
 *   toggle(key, on)       switch a layer, like its checkbox
 *   display(mode)         "auto", "bubbles" or "hexbins" (no argument: the current choice)
 *   setRange(from, to)    show events whose possible dates overlap [from, to] (ISO days)
 *   range()               [from, to] as ISO days
 *   play(), pause(), playing()
 *   openEvent(i)          open the popup of event i (payload order = the frame's row order)
 *   fit()                 show every event and its area, clear of the panels (no animation)
 */
(function () {
  "use strict";
  var SM = window.strikemap;
  SM.maps = SM.maps || [];
  /* Events in view above which "auto" shows hexagons instead of bubbles. */
  SM.AUTO_HEX = 50000;

  function days(column, n) {
    var out = new Float64Array(n);
    for (var i = 0; i < n; i++) out[i] = column[i] === SM.MISSING ? NaN : column[i];
    return out;
  }

  function Controller(map, h, core) {
    var st = this, n = h.n, i;
    st.map = map;
    st.h = h;
    st.opts = h.options || {};
    st.n = n;
    st.labels = h.labels || {};
    st.byActor = !!st.opts.by_actor;
    st.cell = st.opts.cluster_px || 50;
    st.viewMode = st.opts.view || "auto";
    st.cat = Object.create(null);
    Object.keys(h.cat).forEach(function (name) {
      st.cat[name] = { values: h.cat[name], codes: core["cat." + name] };
    });
    var gp = st.cat.geo_precision.codes, scales = h.digits.map(function (d) { return Math.pow(10, d); });
    st.lat = new Float64Array(n);
    st.lon = new Float64Array(n);
    st.mx = new Float64Array(n);
    st.my = new Float64Array(n);
    for (i = 0; i < n; i++) {
      st.lat[i] = core.lat[i] / scales[gp[i]];
      st.lon[i] = core.lon[i] / scales[gp[i]];
      st.mx[i] = SM.mercX(st.lon[i]);
      st.my[i] = SM.mercY(st.lat[i]);
    }
    st.date = days(core.date, n);
    st.d0 = new Float64Array(n);
    st.d1 = new Float64Array(n);
    for (i = 0; i < n; i++) {
      st.d0[i] = st.date[i] - core.before[i];
      st.d1[i] = st.date[i] + core.after[i];
    }
    st.extent = core.extent;
    st.counted = { fatalities: core.fatalities, injured: core.injured, mentions: core.mentions };
    st.kinds = st.cat.kind.values;
    st.kindCode = st.cat.kind.codes;
    st.actorCode = st.cat.actor.codes;
    var rank = function (k) { return k === "strike" ? 0 : k === "attack" ? 1 : 2; };
    st.kindOrder = st.kinds.map(function (_, c) { return c; }).sort(function (a, b) {
      return rank(st.kinds[a]) - rank(st.kinds[b]) || (st.kinds[a] < st.kinds[b] ? -1 : 1);
    });
    st.kindOn = st.kinds.map(function () { return true; });
    var actors = st.cat.actor.values, perActor = new Array(actors.length).fill(0);
    for (i = 0; i < n; i++) perActor[st.actorCode[i]]++;
    st.actorOrder = actors.map(function (_, c) { return c; });
    st.actorOrder.sort(function (a, b) { return perActor[b] - perActor[a]; });
    st.actorOn = actors.map(function () { return true; });
    setupGroups(st);
    st.visible = new Uint8Array(n);
    st.heatMask = new Uint8Array(n);
    st.links = {
      a: core["links.a"], b: core["links.b"], count: h.links.count, dropped: h.links.dropped,
      reasonText: function (k) { return h.links.reasons[core["links.reason"][k]] || ""; }
    };
    var lo = Infinity, hi = -Infinity;
    st.undated = 0;
    for (i = 0; i < n; i++) {
      if (isNaN(st.d0[i])) st.undated++;
      else {
        if (st.d0[i] < lo) lo = st.d0[i];
        if (st.d1[i] > hi) hi = st.d1[i];
      }
    }
    st.hasDates = lo <= hi;
    st.fullRange = st.hasDates ? [lo, hi] : [0, 0];
    st.range = st.fullRange.slice();
    st.on = { heat: !!st.opts.heatmap, uncertainty: st.opts.uncertainty !== false, links: true,
      outline: false, tiles: true };  // prettier-ignore
    st.tiles = [];
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) st.tiles.push(layer);
    });
    st.tileLoads = 0;
    st.tileErrors = 0;
    st._timer = null;
    st.stats = { drawn: {}, heat: 0, links: 0 };
    st.text = null;
    SM.setupLayers(st);
  }

  /* Colour groups: kinds, or with --by-actor the ten most frequent actors and "others". */
  function setupGroups(st) {
    var n = st.n, i;
    st.group = new Uint8Array(n);
    st.actorColor = st.cat.actor.values.map(function () { return SM.OTHER_COLOR; });
    if (!st.byActor) {
      st.groupColors = st.kinds.map(function (k) { return SM.kindColor(k); });
      for (i = 0; i < n; i++) st.group[i] = st.kindCode[i];
      return;
    }
    var top = Math.min(st.actorOrder.length, SM.ACTOR_COLORS.length), slot = new Array(st.actorColor.length);
    for (i = 0; i < st.actorOrder.length; i++) slot[st.actorOrder[i]] = i < top ? i : top;
    st.groupColors = SM.ACTOR_COLORS.slice(0, top).concat([SM.OTHER_COLOR]);
    st.actorOrder.forEach(function (code, r) {
      if (r < top) st.actorColor[code] = SM.ACTOR_COLORS[r];
    });
    for (i = 0; i < n; i++) st.group[i] = slot[st.actorCode[i]];
  }

  var proto = Controller.prototype;

  proto.redraw = function () {
    SM.redraw(this);
  };
  proto.value = function (name, i) {
    var col = this.cat[name];
    return col ? col.values[col.codes[i]] : "";
  };
  proto.number = function (name, i) {
    var v = this.counted[name][i];
    return v === SM.MISSING ? null : v;
  };
  proto.color = function (i) {
    return this.groupColors[this.group[i]];
  };
  proto.kindKey = function (code) {
    return "kind:" + (this.kinds[code] || "other");
  };
  proto.linksOf = function (i) {
    if (!this.linkIndex) {
      var index = (this.linkIndex = new Map()), a = this.links.a, b = this.links.b;
      for (var k = 0; k < a.length; k++) {
        [a[k], b[k]].forEach(function (e) {
          if (!index.has(e)) index.set(e, []);
          index.get(e).push(k);
        });
      }
    }
    return this.linkIndex.get(i) || [];
  };
  proto.weaponsPresent = function () {
    var col = this.cat.weapon, seen = new Uint8Array(col.values.length), out = [];
    for (var i = 0; i < col.codes.length; i++) seen[col.codes[i]] = 1;
    seen.forEach(function (s, c) { if (s) out.push(col.values[c]); });
    return out.sort();
  };
  /* {km, assumed} of the area an imprecise event lies in, or null for an exact one. */
  proto.radiusKm = function (i) {
    var prec = this.value("geo_precision", i), km = this.extent[i];
    if (prec === "facility") return null;
    if (km > 0) return { km: km, assumed: false };
    var defaults = this.h.default_extent_km;
    return SM.hasOwn(defaults, prec) ? { km: defaults[prec], assumed: true } : null;
  };
  proto.isFullRange = function () {
    return this.range[0] <= this.fullRange[0] && this.range[1] >= this.fullRange[1];
  };
  proto.isOn = function (key) {
    if (key.indexOf("kind:") === 0) {
      for (var c = 0; c < this.kinds.length; c++) if (this.kindKey(c) === key) return this.kindOn[c];
      return false;
    }
    if (key.indexOf("actor:") === 0) return !!this.actorOn[+key.slice(6)];
    return !!this.on[key];
  };
  proto.layers = function () {
    var st = this, keys = st.kindOrder.map(function (c) { return st.kindKey(c); });
    if (st.byActor) st.actorOrder.forEach(function (c) { keys.push("actor:" + c); });
    keys.push("heat", "uncertainty");
    if (st.links.count) keys.push("links");
    keys.push("outline");
    if (st.tiles.length) keys.push("tiles");
    return keys;
  };

  /* Recompute which events pass the kind, actor and time filters, then redraw. The
   * heatmap is a layer of its own: it follows the time and actor filters, not the kinds. */
  proto.applyFilter = function () {
    var st = this, a = st.range[0], b = st.range[1], full = st.isFullRange();
    var kindCount = new Float64Array(st.kinds.length);
    var actorCount = new Float64Array(st.cat.actor.values.length);
    var kindOn = Uint8Array.from(st.kindOn), actorOn = Uint8Array.from(st.actorOn);
    var total = 0, heat = 0, n = st.n, d0 = st.d0, d1 = st.d1, byActor = st.byActor;
    for (var i = 0; i < n; i++) {
      var lo = d0[i], t = lo === lo ? d1[i] >= a && lo <= b : full;
      var kc = st.kindCode[i], ac = st.actorCode[i];
      var aOk = !byActor || actorOn[ac] === 1, kOk = kindOn[kc] === 1;
      if (t && aOk) kindCount[kc]++;
      if (t && kOk) actorCount[ac]++;
      var vis = t && kOk && aOk;
      st.visible[i] = vis ? 1 : 0;
      st.heatMask[i] = t && aOk ? 1 : 0;
      total += vis ? 1 : 0;
      heat += t && aOk ? 1 : 0;
    }
    var links = 0;
    for (var k = 0; k < st.links.count; k++) {
      if (st.visible[st.links.a[k]] && st.visible[st.links.b[k]]) links++;
    }
    st.total = total;
    st.heatTotal = heat;
    st.kindCount = kindCount;
    st.actorCount = actorCount;
    st.linkCount = links;
    st.index = null;
    st.indexToken = (st.indexToken || 0) + 1;
    var shown = Object.create(null);
    st.kinds.forEach(function (_, c) { shown[st.kindKey(c)] = kindCount[c]; });
    actorCount.forEach(function (v, c) { shown["actor:" + c] = v; });
    shown.links = links;
    shown.heat = heat;
    st.panel.update(shown);
    st.redraw();
    st.timeCtl.update();
  };

  proto.counts = function () {
    /* Keyed by data (kind and actor names): objects without a prototype. */
    var st = this, out = Object.create(null);
    out.total = st.total;
    out.actors = Object.create(null);
    st.kinds.forEach(function (k, c) { out[k || "other"] = st.kindOn[c] ? st.kindCount[c] : 0; });
    if (st.byActor) {
      st.cat.actor.values.forEach(function (name, c) {
        out.actors[name] = st.actorOn[c] ? st.actorCount[c] : 0;
      });
    }
    out.heat = st.on.heat ? st.heatTotal : 0;
    out.links = st.on.links ? st.linkCount : 0;
    out.uncertainty = st.on.uncertainty ? st.stats.drawn.circles || 0 : 0;
    return out;
  };
  proto.drawn = function () {
    return JSON.parse(JSON.stringify(this.stats.drawn));
  };

  proto.setRange = function (a, b) {
    var f = this.fullRange;
    a = Math.max(f[0], Math.min(f[1], Math.round(a)));
    b = Math.max(f[0], Math.min(f[1], Math.round(b)));
    this.range = a <= b ? [a, b] : [b, a];
    this.applyFilter();
  };

  proto.setLayer = function (key, on) {
    var st = this;
    on = !!on;
    if (key.indexOf("kind:") === 0 || key.indexOf("actor:") === 0) {
      if (key.indexOf("actor:") === 0) st.actorOn[+key.slice(6)] = on;
      for (var c = 0; c < st.kinds.length; c++) if (st.kindKey(c) === key) st.kindOn[c] = on;
      st.applyFilter();
    } else if (SM.hasOwn(st.on, key)) {
      st.on[key] = on;
      SM.showOverlays(st);
      st.redraw();
    }
    st.panel.sync();
  };

  proto.setDisplay = function (mode) {
    if (["auto", "bubbles", "hexbins"].indexOf(mode) < 0) throw new Error("strikemap: no display " + mode);
    this.viewMode = mode;
    this.panel.sync();
    this.redraw();
  };

  proto.playing = function () {
    return this._timer !== null;
  };
  proto.pause = function () {
    if (this._timer !== null) clearInterval(this._timer);
    this._timer = null;
    if (this.timeCtl) this.timeCtl.update();
  };
  /* Slide the current window (a tenth of the period if everything is shown) to the end. */
  proto.play = function () {
    var st = this, f = st.fullRange, span = f[1] - f[0];
    if (st.playing() || span <= 0) return;
    var width = st.range[1] - st.range[0];
    if (st.isFullRange()) width = Math.max(1, Math.round(span / 10));
    if (st.isFullRange() || st.range[1] >= f[1]) st.setRange(f[0], f[0] + width);
    var step = Math.max(1, Math.round(span / 100));
    st._timer = setInterval(function () {
      if (st.range[1] >= f[1]) return st.pause();
      st.setRange(Math.min(st.range[0] + step, f[1] - width), Math.min(st.range[1] + step, f[1]));
    }, st.opts.play_ms || 300);
    st.timeCtl.update();
  };

  /* Show every event and its area (without animation, so the view is final when this
   * returns), padded so that none lies under the title, panels, slider or scale. */
  proto.fit = function () {
    var b = this.h.bounds, map = this.map;
    if (!b) return;
    var pad = SM.layout(this);
    var bounds = L.latLngBounds(b[0], b[1]);
    var opts = { paddingTopLeft: [pad.left, pad.top], paddingBottomRight: [pad.right, pad.bottom],
      maxZoom: 10, animate: false };  // prettier-ignore
    if (bounds.getNorth() - bounds.getSouth() < 0.05 && bounds.getEast() - bounds.getWest() < 0.05) {
      bounds = bounds.pad(2);
    }
    map.fitBounds(bounds, opts);
  };

  proto.popup = function (latlng, content) {
    var pad = SM.layout(this);
    L.popup({ maxWidth: 380, minWidth: 220, className: "sm-leaflet-popup",
      autoPanPaddingTopLeft: [pad.left, pad.top], autoPanPaddingBottomRight: [pad.right, pad.bottom] })
      .setLatLng(latlng).setContent(content).openOn(this.map);  // prettier-ignore
  };

  /* Open event i's popup once the texts are decoded (at once if they are). */
  proto.openEvent = function (i) {
    var st = this;
    st.whenText(function () {
      st.popup([st.lat[i], st.lon[i]], SM.eventPopup(st, i));
    });
  };
  proto.whenText = function (fn) {
    if (this.text) fn();
    else this.textPromise.then(fn);
  };

  function failed(map, err) {
    var box = SM.el("div", "sm-title sm-box sm-error",
      "This map could not be drawn: " + (err && err.message ? err.message : err) +
      ". It needs a browser from 2023 or later (DecompressionStream).");
    map.getContainer().appendChild(box);
    if (window.console) console.error(err);
  }

  /* Draw one map: decode the drawing columns, create the controller, fit, draw, set
   * strikemap.ready; popup texts are decoded after, in the background. */
  SM.init = function (map, dataId) {
    var header = JSON.parse(document.getElementById(dataId).textContent);
    return SM.chunkBytes(header, dataId, "core").then(function (bytes) {
      var st = new Controller(map, header, SM.readChunk(header, "core", bytes));
      st.textPromise = SM.chunkBytes(header, dataId, "text").then(function (textBytes) {
        st.text = SM.readTexts(header, textBytes);
        SM.textReady = true;
      });
      st.textPromise.catch(function (err) { failed(map, err); });
      st.applyFilter();
      st.fit();
      st.redraw();
      map.on("moveend", st.redraw, st);
      map.on("resize", function () {
        SM.layout(st);
        st.redraw();
      });
      SM.maps.push(st);
      SM.current = st;
      SM.ready = true;
      map.strikemap = st;
      document.dispatchEvent(new CustomEvent("strikemap:ready", { detail: { map: map } }));
      return st;
    }).catch(function (err) {
      failed(map, err);
    });
  };

  /* The text chunk: per-event ids, quotes, sources and reasons. */
  SM.readTexts = function (header, bytes) {
    var c = SM.readChunk(header, "text", bytes);
    return {
      id: c.id, quote: c.quote,
      sources: { id: c["sources.id"], outlet: c["sources.outlet"], headline: c["sources.headline"],
        url: c["sources.url"], published: c["sources.published"] },
      sourcesOf: SM.lists(c["sources.count"], c["sources.index"]),
      reasons: c["reasons.values"],
      reasonsOf: SM.lists(c["reasons.count"], c["reasons.index"])
    };  // prettier-ignore
  };

  function current() {
    if (!SM.current) throw new Error("strikemap: no map initialised");
    return SM.current;
  }
  SM.counts = function () { return current().counts(); };
  SM.drawn = function () { return current().drawn(); };
  SM.layers = function () { return current().layers(); };
  SM.toggle = function (key, on) { current().setLayer(key, on); };
  SM.display = function (mode) {
    if (mode !== undefined) current().setDisplay(mode);
    return current().viewMode;
  };
  SM.setRange = function (a, b) {
    current().setRange(typeof a === "number" ? a : SM.parseDay(a), typeof b === "number" ? b : SM.parseDay(b));
  };
  SM.range = function () { return current().range.map(SM.isoDay); };
  SM.play = function () { current().play(); };
  SM.pause = function () { current().pause(); };
  SM.playing = function () { return current().playing(); };
  SM.openEvent = function (i) { current().openEvent(i); };
  SM.fit = function () { current().fit(); };
})();

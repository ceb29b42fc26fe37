/* strikemap: the controller. Decodes the payload, filters by layer and time,
 * clusters on a screen grid, draws markers, areas, heat and links.
 *
 * JavaScript API (window.strikemap, for the last map initialised; every map's
 * controller is also in strikemap.maps):
 *   ready                 true once the first frame is drawn (event "strikemap:ready")
 *   counts()              visible events per layer: {total, strike, attack, ..., heat,
 *                         links, uncertainty, actors: {name: n}}; 0 for a layer that is off
 *   drawn()               what is on screen now: {events, markers, clusters, singles, circles,
 *                         kinds: {strike: n, ...}, zoom} (updated after each move ends)
 *   layers()              layer keys: "kind:strike", "actor:0", "heat", "uncertainty", ...
 *   toggle(key, on)       switch a layer, like its checkbox
 *   setRange(from, to)    show events whose possible dates overlap [from, to] (ISO days)
 *   range()               [from, to] as ISO days
 *   play(), pause(), playing()
 *   openEvent(i)          open the popup of event i (payload order)
 *   fit()                 show every event (no animation)
 */
(function () {
  "use strict";
  var SM = window.strikemap;
  SM.maps = SM.maps || [];

  function floats(list) {
    var out = new Float64Array(list.length);
    for (var i = 0; i < list.length; i++) out[i] = list[i] === null ? NaN : list[i];
    return out;
  }

  function Controller(map, payload) {
    var st = this, p = payload;
    st.map = map;
    st.p = p;
    st.opts = p.options || {};
    st.n = p.n;
    st.byActor = !!st.opts.by_actor;
    st.cell = st.opts.cluster_px || 60;
    st.lat = floats(p.lat);
    st.lon = floats(p.lon);
    st.mx = new Float64Array(st.n);
    st.my = new Float64Array(st.n);
    for (var i = 0; i < st.n; i++) {
      st.mx[i] = SM.mercX(st.lon[i]);
      st.my[i] = SM.mercY(st.lat[i]);
    }
    st.date = floats(p.date);
    st.d0 = floats(p.d0);
    st.d1 = floats(p.d1);
    st.kindCode = p.cat.kind.codes;
    st.actorCode = p.cat.actor.codes;
    st.kinds = p.cat.kind.values;
    var rank = function (k) { return k === "strike" ? 0 : k === "attack" ? 1 : 2; };
    st.kindOrder = st.kinds.map(function (_, c) { return c; }).sort(function (a, b) {
      return rank(st.kinds[a]) - rank(st.kinds[b]) || (st.kinds[a] < st.kinds[b] ? -1 : 1);
    });
    st.kindOn = st.kinds.map(function () { return true; });
    st.actorOn = p.cat.actor.values.map(function () { return true; });
    st.visible = new Uint8Array(st.n);
    st.links = p.links;
    st.links.reasonText = function (k) {
      return p.links.reason.values[p.links.reason.codes[k]] || "";
    };
    st.linkIndex = {};
    for (var k = 0; k < st.links.a.length; k++) {
      (st.linkIndex[st.links.a[k]] = st.linkIndex[st.links.a[k]] || []).push(k);
      (st.linkIndex[st.links.b[k]] = st.linkIndex[st.links.b[k]] || []).push(k);
    }
    var lo = Infinity, hi = -Infinity;
    st.undated = 0;
    for (i = 0; i < st.n; i++) {
      if (isNaN(st.d0[i])) st.undated++;
      else {
        if (st.d0[i] < lo) lo = st.d0[i];
        if (st.d1[i] > hi) hi = st.d1[i];
      }
    }
    st.hasDates = lo <= hi;
    st.fullRange = st.hasDates ? [lo, hi] : [0, 0];
    st.range = st.fullRange.slice();
    st.on = {
      heat: !!st.opts.heatmap,
      uncertainty: st.opts.uncertainty !== false,
      links: true,
      outline: false,
      tiles: true
    };
    st.tiles = [];
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) st.tiles.push(layer);
    });
    st.tileLoads = 0;
    st.tileErrors = 0;
    st._timer = null;
    st.stats = { drawn: {}, heat: 0, links: 0 };
    st.actorOrder = p.cat.actor.values.map(function (_, c) { return c; });
    var perActor = new Array(p.cat.actor.values.length).fill(0);
    for (i = 0; i < st.n; i++) perActor[st.actorCode[i]]++;
    st.actorOrder.sort(function (a, b) { return perActor[b] - perActor[a]; });
    SM.setupLayers(st);
  }

  var proto = Controller.prototype;

  proto.redraw = function () {
    SM.redraw(this);
  };
  proto.value = function (name, i) {
    var col = this.p.cat[name];
    return col ? col.values[col.codes[i]] : "";
  };
  proto.kindKey = function (code) {
    return "kind:" + (this.kinds[code] || "other");
  };
  proto.linksOf = function (i) {
    return this.linkIndex[i] || [];
  };
  proto.weaponsPresent = function () {
    var seen = {}, out = [];
    var codes = this.p.cat.weapon.codes, values = this.p.cat.weapon.values;
    for (var i = 0; i < codes.length; i++) {
      if (!seen[codes[i]]) {
        seen[codes[i]] = true;
        out.push(values[codes[i]]);
      }
    }
    return out.sort();
  };
  /* {km, assumed} of the area an imprecise event lies in, or null for an exact one. */
  proto.radiusKm = function (i) {
    var prec = this.value("geo_precision", i), km = this.p.extent[i];
    if (prec === "facility") return null;
    if (km && km > 0) return { km: km, assumed: false };
    var defaults = this.p.default_extent_km;
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
    if (st.links.a.length) keys.push("links");
    keys.push("outline");
    if (st.tiles.length) keys.push("tiles");
    return keys;
  };

  /* Recompute which events pass the kind, actor and time filters, then redraw. */
  proto.applyFilter = function () {
    var st = this, a = st.range[0], b = st.range[1], full = st.isFullRange();
    var kindCount = st.kinds.map(function () { return 0; });
    var actorCount = st.p.cat.actor.values.map(function () { return 0; });
    var total = 0;
    for (var i = 0; i < st.n; i++) {
      var t = isNaN(st.d0[i]) ? full : st.d1[i] >= a && st.d0[i] <= b;
      var kc = st.kindCode[i], ac = st.actorCode[i];
      var kOk = st.kindOn[kc], aOk = !st.byActor || st.actorOn[ac];
      if (t && aOk) kindCount[kc]++;
      if (t && kOk) actorCount[ac]++;
      var vis = t && kOk && aOk;
      st.visible[i] = vis ? 1 : 0;
      if (vis) total++;
    }
    var links = 0;
    for (var k = 0; k < st.links.a.length; k++) {
      if (st.visible[st.links.a[k]] && st.visible[st.links.b[k]]) links++;
    }
    st.total = total;
    st.kindCount = kindCount;
    st.actorCount = actorCount;
    st.linkCount = links;
    var shown = {};
    st.kinds.forEach(function (_, c) { shown[st.kindKey(c)] = kindCount[c]; });
    actorCount.forEach(function (n, c) { shown["actor:" + c] = n; });
    shown.links = links;
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
      st.p.cat.actor.values.forEach(function (name, c) {
        out.actors[name] = st.actorOn[c] ? st.actorCount[c] : 0;
      });
    }
    out.heat = st.on.heat ? st.total : 0;
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

  /* Show every event (without animation, so the view is final when this returns). */
  proto.fit = function () {
    var b = this.p.bounds, map = this.map;
    if (!b) return;
    var bounds = L.latLngBounds(b[0], b[1]);
    if (bounds.getNorth() - bounds.getSouth() < 0.05 && bounds.getEast() - bounds.getWest() < 0.05) {
      map.setView(bounds.getCenter(), 10, { animate: false });
    } else {
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 10, animate: false });
    }
  };

  proto.openEvent = function (i) {
    var st = this;
    L.popup({ maxWidth: 380, minWidth: 240, autoPanPadding: [30, 30], className: "sm-leaflet-popup" })
      .setLatLng([st.lat[i], st.lon[i]])
      .setContent(SM.eventPopup(st, i))
      .openOn(st.map);
  };

  /* Draw one map: create the controller, fit the events, draw, set strikemap.ready. */
  SM.init = function (map, dataId) {
    var payload = JSON.parse(document.getElementById(dataId).textContent);
    var st = new Controller(map, payload);
    st.fit();
    st.applyFilter();
    map.on("moveend resize", st.redraw, st);
    SM.maps.push(st);
    SM.current = st;
    SM.ready = true;
    map.strikemap = st;
    document.dispatchEvent(new CustomEvent("strikemap:ready", { detail: { map: map } }));
    return st;
  };

  function current() {
    if (!SM.current) throw new Error("strikemap: no map initialised");
    return SM.current;
  }
  SM.counts = function () { return current().counts(); };
  SM.drawn = function () { return current().drawn(); };
  SM.layers = function () { return current().layers(); };
  SM.toggle = function (key, on) { current().setLayer(key, on); };
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

/* strikemap: what the map shows of the visible events in view, after every move and
 * filter change: bubbles (sm-cluster.js: single events as weapon icons, clusters as
 * rings split by colour with their count) or, where events are dense, hexagon bins;
 * the uncertainty areas of single events; the heatmap and links. */
(function () {
  "use strict";
  var SM = window.strikemap;
  var el = SM.el;

  function show(map, layer, on) {
    if (on && !map.hasLayer(layer)) map.addLayer(layer);
    if (!on && map.hasLayer(layer)) map.removeLayer(layer);
  }
  SM.show = show;

  function singleMarker(st, i) {
    var kind = st.value("kind", i), r = st.radiusKm(i);
    var node = el("div", "sm-marker" + (r ? " sm-approx" : ""));
    node.setAttribute("data-i", String(i));
    node.setAttribute("data-kind", kind);
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", SM.label(st, "kind", kind) + " " + SM.isoDay(st.date[i]) + " " + st.value("place", i));
    if (st.byActor) node.style.boxShadow = "0 0 0 2px " + SM.kindColor(kind) + ", 0 1px 4px rgba(0,0,0,.5)";
    node.appendChild(SM.svgIcon(st.value("weapon", i), st.color(i), 24));
    var icon = L.divIcon({ html: node, className: "sm-icon", iconSize: [26, 26], iconAnchor: [13, 13] });
    var marker = L.marker([st.lat[i], st.lon[i]], { icon: icon, riseOnHover: true, keyboard: false });
    marker.on("click", function () {
      st.openEvent(i);
    });
    return marker;
  }

  function clusterClick(st, index, item, latlng) {
    var map = st.map, z = map.getZoom(), m = index.leaves(item.zoom, item.k);
    var s = Infinity, w = Infinity, n = -Infinity, e = -Infinity;
    for (var k = 0; k < m.length; k++) {
      var la = st.lat[m[k]], lo = st.lon[m[k]];
      if (la < s) s = la;
      if (la > n) n = la;
      if (lo < w) w = lo;
      if (lo > e) e = lo;
    }
    if ((s === n && w === e) || z >= map.getMaxZoom()) {
      st.popup(latlng, SM.clusterPopup(st, m, 50));
      return;
    }
    var bounds = L.latLngBounds([s, w], [n, e]);
    var target = Math.max(z + 1, map.getBoundsZoom(bounds, false, L.point(80, 80)));
    map.setView(bounds.getCenter(), Math.min(target, map.getMaxZoom()));
  }

  function clusterMarker(st, index, item, z) {
    var n = item.n, latlng = st.map.unproject(L.point(item.x, item.y), z);
    var size = SM.bubbleSize(n), groups = index.groups(index.levels[item.zoom], item.k);
    var node = el("div", "sm-cluster");
    node.style.width = node.style.height = size + "px";
    var parts = [], acc = 0;
    for (var c = 0; c < groups.length; c++) {
      if (!groups[c]) continue;
      var from = (acc / n) * 360;
      acc += groups[c];
      parts.push(st.groupColors[c] + " " + from.toFixed(1) + "deg " + ((acc / n) * 360).toFixed(1) + "deg");
    }
    node.style.background = "conic-gradient(" + parts.join(", ") + ")";
    node.setAttribute("data-count", String(n));
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", n + " events; click to zoom in");
    node.appendChild(el("span", "sm-cluster-n", SM.fmtShort(n)));
    var icon = L.divIcon({ html: node, className: "sm-icon", iconSize: [size, size] });
    var marker = L.marker(latlng, { icon: icon, keyboard: false });
    marker.on("click", function () {
      clusterClick(st, index, item, latlng);
    });
    return marker;
  }

  /* Keep the layers of `group` whose key is in `wanted` (key -> factory), add the
   * missing ones, remove the rest; so markers that did not change stay in the page. */
  function sync(group, cache, wanted) {
    var next = new Map();
    wanted.forEach(function (make, key) {
      var layer = cache.has(key) ? cache.get(key) : make();
      if (layer) next.set(key, layer);
    });
    cache.forEach(function (layer, key) {
      if (!next.has(key)) group.removeLayer(layer);
    });
    next.forEach(function (layer) {
      if (!group.hasLayer(layer)) group.addLayer(layer);
    });
    return next;
  }

  /* Visible events in the pixel box, in total and per kind. */
  function inView(st, scale, x0, y0, x1, y1) {
    var kinds = new Float64Array(st.kinds.length), total = 0;
    for (var i = 0; i < st.n; i++) {
      if (!st.visible[i]) continue;
      var x = st.mx[i] * scale, y = st.my[i] * scale;
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;
      total++;
      kinds[st.kindCode[i]]++;
    }
    return { total: total, kinds: kinds };
  }

  function drawBubbles(st, index, stats, z, box) {
    var markers = new Map(), areas = [], quick = index !== st.index ? "q" : "";
    index.query(z, box[0], box[1], box[2], box[3]).forEach(function (item) {
      if (item.n === 1 && item.rep >= 0) {
        var i = item.rep;
        stats.singles++;
        markers.set("s" + i, function () { return singleMarker(st, i); });
        if (st.on.uncertainty && st.radiusKm(i)) areas.push(i);
      } else {
        stats.clusters++;
        markers.set([quick + "c", item.zoom, item.k, item.n].join(":"), function () {
          return clusterMarker(st, index, item, z);
        });
      }
    });
    stats.markers = markers.size;
    stats.circles = areas.length;
    st.markerCache = sync(st.markers, st.markerCache || new Map(), markers);
    st.areaList = areas;
  }

  /* Re-cluster (or bin) the visible events in view and redraw every layer. */
  SM.redraw = function (st) {
    var map = st.map, z = map.getZoom(), scale = 256 * Math.pow(2, z), pb = map.getPixelBounds();
    var m = 60, box = [pb.min.x - m, pb.min.y - m, pb.max.x + m, pb.max.y + m];
    var seen = inView(st, scale, box[0], box[1], box[2], box[3]);
    var mode = st.viewMode;
    if (mode === "auto") mode = seen.total > SM.AUTO_HEX ? "hexbins" : "bubbles";
    var stats = { mode: mode, events: seen.total, markers: 0, clusters: 0, singles: 0, circles: 0,
      hexagons: 0, zoom: z, pending: false };  // prettier-ignore
    stats.kinds = Object.create(null);
    st.kinds.forEach(function (k, c) { stats.kinds[k || "other"] = seen.kinds[c]; });
    var index = st.index;
    if (mode === "bubbles" && !index) {
      if (st.building !== st.indexToken) {
        st.building = st.indexToken;
        SM.buildIndex(st, function () { st.redraw(); });
      }
      index = st.index;
      if (!index) {  /* meanwhile: bubbles of this view only */
        stats.pending = true;
        index = SM.quickIndex(st, z, box);
      }
    }
    if (mode === "bubbles") {
      drawBubbles(st, index, stats, z, box);
    } else {
      st.markerCache = sync(st.markers, st.markerCache || new Map(), new Map());
      st.areaList = [];
      stats.mode = "hexbins";
    }
    st.stats.drawn = stats;
    show(map, st.hexLayer, stats.mode === "hexbins");
    if (map.hasLayer(st.hexLayer)) st.hexLayer.redraw();
    if (map.hasLayer(st.areas)) st.areas.redraw();
    if (map.hasLayer(st.heat)) st.heat.redraw();
    if (map.hasLayer(st.linkLayer)) st.linkLayer.redraw();
    if (st.panel) st.panel.sync();
    st.outline.relabel();
  };

  var HEX_R = 16, SQRT3 = Math.sqrt(3);
  SM.HEX_COLORS = ["#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#eb4a40", "#c62d3a", "#961b33"];

  /* Pointy-top hexagons of radius HEX_R px anchored to the world: each hexagon is coloured
   * by its count of visible events on a log scale. Returns the hexagons drawn. */
  SM.drawHexbins = function (ctx, view, st) {
    var bins = new Map(), max = 0, R = HEX_R;
    for (var i = 0; i < st.n; i++) {
      if (!st.visible[i]) continue;
      var x = st.mx[i] * view.scale, y = st.my[i] * view.scale;
      var sx = x - view.ox, sy = y - view.oy;
      if (sx < -R || sy < -R || sx > view.width + R || sy > view.height + R) continue;
      var q = ((SQRT3 / 3) * x - y / 3) / R, r = ((2 / 3) * y) / R;
      var cx = q, cz = r, cy = -q - r, rx = Math.round(cx), ry = Math.round(cy), rz = Math.round(cz);
      var ex = Math.abs(rx - cx), ey = Math.abs(ry - cy), ez = Math.abs(rz - cz);
      if (ex > ey && ex > ez) rx = -ry - rz;
      else if (ey <= ez) rz = -rx - ry;
      var key = rx * 67108864 + rz, bin = bins.get(key);
      if (!bin) bins.set(key, (bin = { q: rx, r: rz, n: 0 }));
      if (++bin.n > max) max = bin.n;
    }
    st.hexMax = max;
    var logMax = Math.log(1 + max), colors = SM.HEX_COLORS;
    ctx.lineWidth = 1;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    bins.forEach(function (bin) {
      var hx = R * SQRT3 * (bin.q + bin.r / 2) - view.ox, hy = R * 1.5 * bin.r - view.oy;
      var level = logMax ? Math.log(1 + bin.n) / logMax : 1;
      ctx.fillStyle = colors[Math.min(colors.length - 1, Math.floor(level * colors.length))];
      ctx.globalAlpha = 0.85;
      ctx.beginPath();
      for (var c = 0; c < 6; c++) {
        var a = (Math.PI / 180) * (60 * c - 30);
        var px = hx + (R - 0.5) * Math.cos(a), py = hy + (R - 0.5) * Math.sin(a);
        if (c) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
      }
      ctx.closePath();
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
    });
    st.stats.drawn.hexagons = bins.size;
    return bins.size;
  };

  /* Uncertainty areas of the single events drawn: each colour's circles are filled as one
   * shape (so stacked circles never add up to an opaque wash) at a fixed light opacity,
   * with outlines that fade as their number grows. */
  SM.drawAreas = function (ctx, view, st) {
    var list = st.areaList || [], byColor = new Map();
    list.forEach(function (i) {
      var color = st.color(i);
      if (!byColor.has(color)) byColor.set(color, []);
      byColor.get(color).push(i);
    });
    var off = document.createElement("canvas");
    off.width = view.width;
    off.height = view.height;
    var octx = off.getContext("2d"), earth = 40075016.686;
    var outline = list.length <= 40 ? 0.8 : Math.max(0.12, (0.8 * 40) / list.length);
    byColor.forEach(function (items, color) {
      octx.clearRect(0, 0, off.width, off.height);
      octx.fillStyle = color;
      octx.beginPath();
      var rings = [];
      items.forEach(function (i) {
        var x = st.mx[i] * view.scale - view.ox, y = st.my[i] * view.scale - view.oy;
        var mpp = (earth * Math.cos((st.lat[i] * Math.PI) / 180)) / view.scale;
        var r = (st.radiusKm(i).km * 1000) / Math.max(mpp, 1e-9);
        octx.moveTo(x + r, y);
        octx.arc(x, y, r, 0, 2 * Math.PI);
        rings.push([x, y, r]);
      });
      octx.fill();
      ctx.globalAlpha = 0.16;
      ctx.drawImage(off, 0, 0);
      ctx.globalAlpha = outline;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.setLineDash(list.length <= 40 ? [4, 4] : []);
      ctx.beginPath();
      rings.forEach(function (c) {
        ctx.moveTo(c[0] + c[2], c[1]);
        ctx.arc(c[0], c[1], c[2], 0, 2 * Math.PI);
      });
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    return list.length;
  };
})();

/* strikemap: map layers and grid clustering.
 * Visible events in view are binned in square cells of `cluster_px` screen pixels,
 * anchored to the world (stable while panning). A cell with one event shows its
 * icon (and, for an approximate place, its uncertainty circle); a cell with more
 * shows a ring split by kind with the count. Clicking a cluster zooms in, or lists
 * its events when they share one point or the map is at its last zoom. */
(function () {
  "use strict";
  var SM = window.strikemap;
  var el = SM.el;

  function pane(map, name, z) {
    if (!map.getPane(name)) map.createPane(name).style.zIndex = String(z);
  }

  function show(map, layer, on) {
    if (on && !map.hasLayer(layer)) map.addLayer(layer);
    if (!on && map.hasLayer(layer)) map.removeLayer(layer);
  }

  function watchTiles(st) {
    st.tiles.forEach(function (layer) {
      layer.on("tileload", function () {
        st.tileLoads++;
        if (st.tilesFailed) {
          st.tilesFailed = false;
          SM.showOverlays(st);
        }
      });
      layer.on("tileerror", function () {
        st.tileErrors++;
        if (st.tileLoads || st.tilesFailed) return;
        st.tilesFailed = true;
        st.on.outline = true;
        SM.showOverlays(st);
        st.panel.sync();
        st.titleBox.note("tiles", "Map tiles could not be loaded: showing the offline outline.");
      });
    });
  }

  /* Panes, layers and controls of a new controller. */
  SM.setupLayers = function (st) {
    var map = st.map;
    map.getContainer().classList.add("sm-map");
    if (!isFinite(map.getMaxZoom())) map.setMaxZoom(18);
    pane(map, "smOutline", 250);
    pane(map, "smAreas", 390);
    pane(map, "smHeat", 410);
    pane(map, "smLinks", 420);
    st.areaRenderer = L.canvas({ pane: "smAreas", padding: 0.3 });
    st.markers = L.layerGroup().addTo(map);
    st.areas = L.layerGroup();
    st.heat = new SM.CanvasLayer(function (ctx, view) {
      st.stats.heat = SM.drawHeat(ctx, view, st);
    }, "smHeat");
    st.linkLayer = new SM.CanvasLayer(function (ctx, view) {
      st.stats.links = SM.drawLinks(ctx, view, st);
    }, "smLinks");
    st.outline = SM.outlineLayer(map, "smOutline");
    if (!st.tiles.length) st.on.outline = true;
    st.panel = SM.panelControl(st).addTo(map);
    st.timeCtl = SM.timeControl(st).addTo(map);
    SM.legendControl(st).addTo(map);
    st.titleBox = SM.titleBox(st);
    if (st.p.dropped) {
      st.titleBox.note("dropped", SM.fmtInt(st.p.dropped) + " event(s) without coordinates are not drawn.");
    }
    if (st.links.dropped) {
      st.titleBox.note("links", SM.fmtInt(st.links.dropped) + " link(s) name events not on this map.");
    }
    watchTiles(st);
    SM.showOverlays(st);
  };

  /* Add or remove the overlays to match st.on. */
  SM.showOverlays = function (st) {
    var map = st.map;
    show(map, st.areas, st.on.uncertainty);
    show(map, st.heat, st.on.heat);
    show(map, st.linkLayer, st.on.links && st.links.a.length > 0);
    show(map, st.outline, st.on.outline);
    st.tiles.forEach(function (layer) {
      show(map, layer, st.on.tiles);
    });
    st.outline.setFill(!st.tiles.length || !st.on.tiles || !!st.tilesFailed);
  };

  function singleMarker(st, i) {
    var kind = st.value("kind", i), color = SM.kindColor(kind), r = st.radiusKm(i);
    var node = el("div", "sm-marker" + (r ? " sm-approx" : ""));
    node.setAttribute("data-i", String(i));
    node.setAttribute("data-kind", kind);
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", (kind || "event") + " " + SM.isoDay(st.date[i]) + " " + st.value("place", i));
    node.appendChild(SM.svgIcon(st.value("weapon", i), color, 24));
    var icon = L.divIcon({ html: node, className: "sm-icon", iconSize: [26, 26], iconAnchor: [13, 13] });
    var marker = L.marker([st.lat[i], st.lon[i]], { icon: icon, riseOnHover: true, keyboard: false });
    marker.on("click", function () {
      st.openEvent(i);
    });
    return marker;
  }

  function circle(st, i) {
    var r = st.radiusKm(i), color = SM.kindColor(st.value("kind", i));
    if (!r) return null;
    return L.circle([st.lat[i], st.lon[i]], {
      radius: r.km * 1000, renderer: st.areaRenderer, interactive: false, color: color,
      weight: 1, opacity: 0.8, dashArray: "4 4", fillColor: color, fillOpacity: 0.12
    });
  }

  function clusterClick(st, g, latlng) {
    var map = st.map, z = map.getZoom(), m = g.members;
    var s = Infinity, w = Infinity, n = -Infinity, e = -Infinity;
    for (var k = 0; k < m.length; k++) {
      var la = st.lat[m[k]], lo = st.lon[m[k]];
      if (la < s) s = la;
      if (la > n) n = la;
      if (lo < w) w = lo;
      if (lo > e) e = lo;
    }
    if ((s === n && w === e) || z >= map.getMaxZoom()) {
      L.popup({ maxWidth: 380, minWidth: 240, className: "sm-leaflet-popup" })
        .setLatLng(latlng).setContent(SM.clusterPopup(st, m, 50)).openOn(map);
      return;
    }
    var bounds = L.latLngBounds([s, w], [n, e]);
    var target = Math.max(z + 1, map.getBoundsZoom(bounds, false, L.point(60, 60)));
    map.setView(bounds.getCenter(), Math.min(target, map.getMaxZoom()));
  }

  function clusterMarker(st, g, z) {
    var n = g.members.length, latlng = st.map.unproject(L.point(g.sx / n, g.sy / n), z);
    var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
    var node = el("div", "sm-cluster");
    node.style.width = node.style.height = size + "px";
    var parts = [], acc = 0;
    for (var c = 0; c < g.kinds.length; c++) {
      if (!g.kinds[c]) continue;
      var from = (acc / n) * 360;
      acc += g.kinds[c];
      parts.push(SM.kindColor(st.kinds[c]) + " " + from.toFixed(1) + "deg " + ((acc / n) * 360).toFixed(1) + "deg");
    }
    node.style.background = "conic-gradient(" + parts.join(", ") + ")";
    node.setAttribute("data-count", String(n));
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", n + " events; click to zoom in");
    node.appendChild(el("span", "sm-cluster-n", SM.fmtShort(n)));
    var icon = L.divIcon({ html: node, className: "sm-icon", iconSize: [size, size] });
    var marker = L.marker(latlng, { icon: icon, keyboard: false });
    marker.on("click", function () {
      clusterClick(st, g, latlng);
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

  /* Re-cluster the visible events in view and redraw every layer. */
  SM.redraw = function (st) {
    var map = st.map, z = map.getZoom(), scale = 256 * Math.pow(2, z), cell = st.cell;
    var pb = map.getPixelBounds();
    var x0 = pb.min.x - cell, y0 = pb.min.y - cell, x1 = pb.max.x + cell, y1 = pb.max.y + cell;
    var cells = new Map(), groups = [], nk = st.kinds.length;
    for (var i = 0; i < st.n; i++) {
      if (!st.visible[i]) continue;
      var x = st.mx[i] * scale, y = st.my[i] * scale;
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;
      var key = Math.floor(x / cell) * 4194304 + Math.floor(y / cell);
      var g = cells.get(key);
      if (!g) {
        g = { sx: 0, sy: 0, members: [], kinds: new Array(nk).fill(0) };
        cells.set(key, g);
        groups.push(g);
      }
      g.key = key;
      g.sx += x;
      g.sy += y;
      g.members.push(i);
      g.kinds[st.kindCode[i]]++;
    }
    var stats = { events: 0, markers: groups.length, clusters: 0, singles: 0, circles: 0, zoom: z };
    stats.kinds = Object.create(null);
    st.kinds.forEach(function (k) { stats.kinds[k || "other"] = 0; });
    var markers = new Map(), areas = new Map();
    groups.forEach(function (g) {
      var m = g.members, n = m.length;
      stats.events += n;
      for (var c = 0; c < nk; c++) stats.kinds[st.kinds[c] || "other"] += g.kinds[c];
      if (n === 1) {
        stats.singles++;
        markers.set("s" + m[0], function () { return singleMarker(st, m[0]); });
        if (st.on.uncertainty && st.radiusKm(m[0])) {
          stats.circles++;
          areas.set(m[0], function () { return circle(st, m[0]); });
        }
      } else {
        stats.clusters++;
        var key = ["c", z, g.key, n, m[0], m[n - 1], g.kinds.join("/")].join(":");
        markers.set(key, function () { return clusterMarker(st, g, z); });
      }
    });
    st.markerCache = sync(st.markers, st.markerCache || new Map(), markers);
    st.areaCache = sync(st.areas, st.areaCache || new Map(), areas);
    st.stats.drawn = stats;
    if (map.hasLayer(st.heat)) st.heat.redraw();
    if (map.hasLayer(st.linkLayer)) st.linkLayer.redraw();
  };
})();

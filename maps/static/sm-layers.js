/* strikemap: panes and overlays of a map; canvas layers (heatmap, links, hexagons,
 * uncertainty areas) and the offline outline + graticule. */
(function () {
  "use strict";
  var SM = window.strikemap;

  /* A canvas covering the map view, drawn by `draw(ctx, view)` when added and
   * on every redraw() (the controller calls it after each move and filter); view = {scale, ox, oy, width, height}: a point at
   * Mercator (mx, my) is at ((mx * scale) - ox, (my * scale) - oy). */
  SM.CanvasLayer = L.Layer.extend({
    initialize: function (draw, pane) {
      this._draw = draw;
      L.setOptions(this, { pane: pane });
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "sm-canvas leaflet-zoom-hide");
      this.getPane().appendChild(this._canvas);
      this.redraw();
    },
    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      this._canvas = null;
    },
    redraw: function () {
      if (!this._map || !this._canvas) return this;
      var map = this._map;
      var size = map.getSize();
      var canvas = this._canvas;
      canvas.width = size.x;
      canvas.height = size.y;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      var origin = map.getPixelBounds().min;
      var view = {
        scale: 256 * Math.pow(2, map.getZoom()),
        ox: origin.x,
        oy: origin.y,
        width: size.x,
        height: size.y
      };
      var ctx = canvas.getContext("2d", { willReadFrequently: true });
      ctx.clearRect(0, 0, size.x, size.y);
      this._draw(ctx, view);
      return this;
    }
  });

  var HEAT_STOPS = [
    [0.0, "rgba(44,123,182,0)"], [0.25, "#2c7bb6"], [0.45, "#00a6ca"], [0.6, "#90eb9d"],
    [0.75, "#ffff8c"], [0.88, "#f9d057"], [1.0, "#d7191c"]
  ];
  var palette = null;
  var stamps = {};

  function heatPalette() {
    if (palette) return palette;
    var c = document.createElement("canvas");
    c.width = 256;
    c.height = 1;
    var ctx = c.getContext("2d");
    var g = ctx.createLinearGradient(0, 0, 256, 0);
    for (var i = 0; i < HEAT_STOPS.length; i++) g.addColorStop(HEAT_STOPS[i][0], HEAT_STOPS[i][1]);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 256, 1);
    palette = ctx.getImageData(0, 0, 256, 1).data;
    return palette;
  }

  function heatStamp(radius) {
    if (stamps[radius]) return stamps[radius];
    var c = document.createElement("canvas");
    c.width = c.height = radius * 2;
    var ctx = c.getContext("2d");
    var g = ctx.createRadialGradient(radius, radius, 0, radius, radius, radius);
    g.addColorStop(0, "rgba(0,0,0,1)");
    g.addColorStop(1, "rgba(0,0,0,0)");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, radius * 2, radius * 2);
    stamps[radius] = c;
    return c;
  }

  function pane(map, name, z) {
    if (!map.getPane(name)) map.createPane(name).style.zIndex = String(z);
  }

  function watchTiles(st) {
    var text = "Map tiles could not be loaded: showing the offline outline.";
    st.tiles.forEach(function (layer) {
      layer.on("tileload", function () {
        st.tileLoads++;
        if (st.tilesFailed) {
          st.tilesFailed = false;
          st.titleBox.drop("tiles");
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
        st.titleBox.note("tiles", text);
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
    pane(map, "smHex", 395);
    pane(map, "smHeat", 410);
    pane(map, "smLinks", 420);
    st.markers = L.layerGroup().addTo(map);
    st.areas = new SM.CanvasLayer(function (ctx, view) {
      SM.drawAreas(ctx, view, st);
    }, "smAreas");
    st.hexLayer = new SM.CanvasLayer(function (ctx, view) {
      SM.drawHexbins(ctx, view, st);
    }, "smHex");
    st.heat = new SM.CanvasLayer(function (ctx, view) {
      st.stats.heat = SM.drawHeat(ctx, view, st);
    }, "smHeat");
    st.linkLayer = new SM.CanvasLayer(function (ctx, view) {
      st.stats.links = SM.drawLinks(ctx, view, st);
    }, "smLinks");
    st.outline = SM.outlineLayer(map, "smOutline", st);
    if (!st.tiles.length) st.on.outline = true;
    st.titleBox = SM.titleBox(st);
    st.panel = SM.panelControl(st).addTo(map);
    L.control.scale({ position: "bottomright", imperial: false, maxWidth: 120 }).addTo(map);
    SM.legendControl(st).addTo(map);
    st.timeCtl = SM.timeControl(st).addTo(map);
    if (st.h.dropped) {
      st.titleBox.note("dropped", SM.fmtInt(st.h.dropped) + " event(s) without coordinates are not drawn.");
    }
    if (st.links.dropped) {
      st.titleBox.note("links", SM.fmtInt(st.links.dropped) + " link(s) name events not on this map.");
    }
    map.on("click", function (e) {
      if (st.stats.drawn.mode === "hexbins") map.setView(e.latlng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
    });
    watchTiles(st);
    SM.showOverlays(st);
    SM.layout(st);
  };

  /* Add or remove the overlays to match st.on. */
  SM.showOverlays = function (st) {
    var map = st.map;
    SM.show(map, st.areas, st.on.uncertainty);
    SM.show(map, st.heat, st.on.heat);
    SM.show(map, st.linkLayer, st.on.links && st.links.count > 0);
    SM.show(map, st.outline, st.on.outline);
    st.tiles.forEach(function (layer) {
      SM.show(map, layer, st.on.tiles);
    });
    st.outline.setFill(!st.tiles.length || !st.on.tiles || !!st.tilesFailed);
    if (!st.on.outline) st.titleBox.drop("tiles");
  };

  /* Density of the events that pass the time and actor filters (the heatmap is a layer
   * of its own, drawn whether or not the kinds are shown): binned in cells of radius/2 px, a blurred
   * stamp per cell with log-scaled alpha, then coloured. Returns the events used. */
  SM.drawHeat = function (ctx, view, st) {
    var R = 22, cell = 8, off = Math.ceil(R / cell);
    var cols = Math.ceil(view.width / cell) + 2 * off;
    var rows = Math.ceil(view.height / cell) + 2 * off;
    var grid = new Float32Array(cols * rows);
    var used = 0, max = 0;
    for (var i = 0; i < st.n; i++) {
      if (!st.heatMask[i]) continue;
      var x = st.mx[i] * view.scale - view.ox, y = st.my[i] * view.scale - view.oy;
      if (x < -R || y < -R || x > view.width + R || y > view.height + R) continue;
      var k = (Math.floor(y / cell) + off) * cols + Math.floor(x / cell) + off;
      grid[k] += 1;
      if (grid[k] > max) max = grid[k];
      used++;
    }
    if (!max) return 0;
    var stamp = heatStamp(R), logMax = Math.log(1 + max);
    for (var c = 0; c < grid.length; c++) {
      if (!grid[c]) continue;
      var cx = ((c % cols) - off + 0.5) * cell, cy = (Math.floor(c / cols) - off + 0.5) * cell;
      ctx.globalAlpha = Math.max(0.12, Math.log(1 + grid[c]) / logMax);
      ctx.drawImage(stamp, cx - R, cy - R);
    }
    ctx.globalAlpha = 1;
    var image = ctx.getImageData(0, 0, view.width, view.height), px = image.data, pal = heatPalette();
    for (var p = 3; p < px.length; p += 4) {
      var a = px[p];
      if (!a) continue;
      px[p - 3] = pal[a * 4];
      px[p - 2] = pal[a * 4 + 1];
      px[p - 1] = pal[a * 4 + 2];
      px[p] = Math.min(220, a * 1.4);
    }
    ctx.putImageData(image, 0, 0);
    return used;
  };

  /* Dashed lines between linked events when both ends are visible. */
  SM.drawLinks = function (ctx, view, st) {
    var a = st.links.a, b = st.links.b, drawn = 0;
    ctx.lineWidth = 2;
    ctx.strokeStyle = "rgba(106, 61, 154, 0.8)";
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    for (var k = 0; k < st.links.count; k++) {
      var i = a[k], j = b[k];
      if (!st.visible[i] || !st.visible[j]) continue;
      ctx.moveTo(st.mx[i] * view.scale - view.ox, st.my[i] * view.scale - view.oy);
      ctx.lineTo(st.mx[j] * view.scale - view.ox, st.my[j] * view.scale - view.oy);
      drawn++;
    }
    ctx.stroke();
    return drawn;
  };

  function decodeRing(ring, scale) {
    var out = [], x = 0, y = 0;
    for (var i = 0; i + 1 < ring.length; i += 2) {
      x += ring[i];
      y += ring[i + 1];
      out.push([y / scale, x / scale]);
    }
    return out;
  }

  function degrees(value, pos, neg) {
    return Math.abs(value) + "\u00b0" + (value > 0 ? pos : value < 0 ? neg : "");
  }

  /* Country outlines (if shipped) and a 5-degree graticule with edge labels. */
  SM.outlineLayer = function (map, pane, st) {
    var renderer = L.canvas({ pane: pane, padding: 0.5 });
    var group = L.layerGroup();
    var data = window.STRIKEMAP_OUTLINE;
    var land = null;
    if (data && data.rings) {
      var rings = [];
      for (var r = 0; r < data.rings.length; r++) rings.push(decodeRing(data.rings[r], data.scale));
      land = L.polygon(rings, {
        renderer: renderer, interactive: false, color: "#7d8791", weight: 0.8,
        fillColor: "#f3f0e8", fillOpacity: 1
      });
      group.addLayer(land);
    }
    var style = { renderer: renderer, interactive: false, color: "#8fa3b5", weight: 0.6, opacity: 0.9 };
    for (var lat = -80; lat <= 80; lat += 5) group.addLayer(L.polyline([[lat, -180], [lat, 180]], style));
    for (var lon = -180; lon <= 180; lon += 5) group.addLayer(L.polyline([[-85, lon], [85, lon]], style));
    var labels = L.layerGroup();
    group.addLayer(labels);

    function label(latlng, text) {
      var node = SM.el("span", "sm-grid-label", text);
      var icon = L.divIcon({ html: node, className: "sm-grid-icon", iconSize: null });
      return L.marker(latlng, { icon: icon, interactive: false, keyboard: false, pane: pane });
    }
    function relabel() {
      labels.clearLayers();
      var covered = SM.chromeRects(st);
      var b = map.getBounds(), step = map.getZoom() < 4 ? 10 : 5;
      var south = b.getSouth(), west = b.getWest();
      var padLat = (b.getNorth() - south) * 0.02, padLon = (b.getEast() - west) * 0.01;
      function add(latlng, text) {  /* only where no control covers it */
        var p = map.latLngToContainerPoint(latlng), r = { left: p.x - 4, top: p.y - 10, right: p.x + 40, bottom: p.y + 10 };
        if (!covered.some(function (c) { return SM.overlaps(c, r); })) labels.addLayer(label(latlng, text));
      }
      for (var y = Math.ceil(south / step) * step; y <= b.getNorth(); y += step) {
        add([y, west + padLon], degrees(y, "N", "S"));
      }
      for (var x = Math.ceil(west / step) * step; x <= b.getEast(); x += step) {
        add([south + padLat, x], degrees(x, "E", "W"));
      }
    }
    group.on("add", function () {
      map.on("moveend", relabel);
      relabel();
    });
    group.on("remove", function () {
      map.off("moveend", relabel);
    });
    group.relabel = function () {
      if (map.hasLayer(group)) relabel();
    };
    group.setFill = function (on) {
      if (land) land.setStyle({ fillOpacity: on ? 1 : 0 });
    };
    return group;
  };
})();

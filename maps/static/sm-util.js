/* strikemap: shared helpers, colours and weapon icons.
 * Everything hangs off window.strikemap. Text from the data is only ever put
 * in the page with textContent / setAttribute, never parsed as HTML. */
(function () {
  "use strict";
  var SM = (window.strikemap = window.strikemap || {});
  SM.version = 1;
  SM.ready = false;

  SM.KIND_COLORS = { strike: "#D55E00", attack: "#0072B2" };
  SM.OTHER_COLOR = "#6b6b6b";
  SM.KIND_LABELS = { strike: "Strikes (states)", attack: "Attacks (armed groups)" };
  /* Colours of actor layers (--by-actor), most frequent actor first: Okabe-Ito and
   * Tableau hues that stay apart from each other; further actors share OTHER_COLOR. */
  SM.ACTOR_COLORS = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#0072B2",
    "#8C564B", "#9467BD", "#BCBD22", "#17BECF"];

  /* Human label of a code (labels come with the payload: maps/labels.py). */
  SM.humanize = function (code) {
    var text = String(code).replace(/[_-]+/g, " ").trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  SM.label = function (st, column, code) {
    var table = st.labels[column];
    if (table && SM.hasOwn(table, code)) return table[code];
    return code ? SM.humanize(code) : "not reported";
  };

  /* Glyphs drawn in white on a 24x24 disc: [tag, attributes] pairs. */
  var W = "#fff";
  SM.ICONS = {
    airstrike: [["path", { d: "M12 2.5c.9 0 1.4.8 1.4 1.8v5.2l7.1 4.2v2.1l-7.1-2.2v4.6l2.1 1.6" +
      "v1.7L12 20.6l-3.5.9v-1.7l2.1-1.6v-4.6l-7.1 2.2v-2.1l7.1-4.2V4.3c0-1 .5-1.8 1.4-1.8z" }]],
    drone: [
      ["path", { d: "M7 7l10 10M17 7L7 17", stroke: W, "stroke-width": "2", fill: "none" }],
      ["circle", { cx: "6.5", cy: "6.5", r: "3", stroke: W, "stroke-width": "1.6", fill: "none" }],
      ["circle", { cx: "17.5", cy: "6.5", r: "3", stroke: W, "stroke-width": "1.6", fill: "none" }],
      ["circle", { cx: "6.5", cy: "17.5", r: "3", stroke: W, "stroke-width": "1.6", fill: "none" }],
      ["circle", { cx: "17.5", cy: "17.5", r: "3", stroke: W, "stroke-width": "1.6", fill: "none" }],
      ["rect", { x: "9.5", y: "9.5", width: "5", height: "5", rx: "1" }]
    ],
    rocket: [
      ["path", { d: "M12 2c2.5 2 3.4 5 3.4 8.8V17H8.6v-6.2C8.6 7 9.5 4 12 2z" }],
      ["path", { d: "M8.6 12.5l-3 4V19h3zM15.4 12.5l3 4V19h-3zM10.4 18h3.2L12 22z" }]
    ],
    missile: [
      ["path", { d: "M2.5 10.9h14l5 1.1-5 1.1h-14z" }],
      ["path", { d: "M3 8h3.2l1.6 2.9H4.6zM3 16h3.2l1.6-2.9H4.6zM11 8.8h2.2l.9 2.1h-3.1z" +
        "M11 15.2h2.2l.9-2.1h-3.1z" }]
    ],
    vessel: [
      ["path", { d: "M2.5 13.5h19l-3.2 5H5.7z" }],
      ["path", { d: "M8 9.3h7.5v3.2H8zM11 5h1.4v4.3H11z" }]
    ],
    ied: [["path", { d: "M12 2l2.2 6.2 6.3-1.7-4.2 4.8 5.2 4.2-6.5.1-.5 6.4-2.9-5.5L7 21l1-6.2" +
      "-5.5-1.8 5.3-3L5 4.5l5.3 3z" }]],
    artillery: [
      ["circle", { cx: "8", cy: "16", r: "3.3", stroke: W, "stroke-width": "2", fill: "none" }],
      ["path", { d: "M6.6 13.6l12.2-7.2 1.2 2-12.2 7.2zM10.5 17.5l9 3-.6 1.6-9-3z" }]
    ],
    unknown: [["circle", { cx: "12", cy: "12", r: "4.5" }]]
  };

  var SVG = "http://www.w3.org/2000/svg";

  /* createElement with an optional class and text (as textContent). */
  SM.el = function (tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  /* An <svg> disc of `color` with the glyph of `weapon` (unknown weapons: a dot). */
  SM.svgIcon = function (weapon, color, size) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size || 24));
    svg.setAttribute("height", String(size || 24));
    svg.setAttribute("aria-hidden", "true");
    var disc = document.createElementNS(SVG, "circle");
    disc.setAttribute("cx", "12");
    disc.setAttribute("cy", "12");
    disc.setAttribute("r", "11.5");
    disc.setAttribute("fill", color);
    svg.appendChild(disc);
    var parts = SM.ICONS[SM.hasOwn(SM.ICONS, weapon) ? weapon : "unknown"];
    for (var i = 0; i < parts.length; i++) {
      var node = document.createElementNS(SVG, parts[i][0]);
      var attrs = parts[i][1];
      if (!attrs.fill) node.setAttribute("fill", W);
      for (var k in attrs) if (SM.hasOwn(attrs, k)) node.setAttribute(k, attrs[k]);
      svg.appendChild(node);
    }
    return svg;
  };

  SM.hasOwn = function (obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  };

  SM.kindColor = function (kind) {
    return SM.hasOwn(SM.KIND_COLORS, kind) ? SM.KIND_COLORS[kind] : SM.OTHER_COLOR;
  };

  SM.kindLabel = function (kind) {
    if (SM.hasOwn(SM.KIND_LABELS, kind)) return SM.KIND_LABELS[kind];
    return kind ? kind : "Kind not reported";
  };

  /* Days since 1970-01-01 <-> "YYYY-MM-DD". */
  SM.isoDay = function (day) {
    if (day === null || day === undefined || isNaN(day)) return "";
    return new Date(day * 86400000).toISOString().slice(0, 10);
  };
  SM.parseDay = function (text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
    if (!m) return NaN;
    return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
  };

  SM.fmtInt = function (n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  };
  SM.fmtShort = function (n) {
    if (n < 1000) return String(n);
    if (n < 10000) return (n / 1000).toFixed(1).replace(/\.0$/, "") + "k";
    return Math.round(n / 1000) + "k";
  };

  /* A URL to link to: absolute http(s) only; anything else is shown as text. */
  SM.safeUrl = function (text) {
    if (typeof text !== "string" || !/^\s*https?:\/\//i.test(text)) return null;
    try {
      var url = new URL(text.trim());
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  };

  /* Web Mercator of a latitude/longitude in [0, 1] (EPSG:3857 world pixels / 256 / 2^z). */
  var MAX_LAT = 85.0511287798;
  SM.mercX = function (lon) {
    return (lon + 180) / 360;
  };
  SM.mercY = function (lat) {
    var clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    var s = Math.sin((clamped * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };

  /* Stop map panning/zooming when the user works a control. */
  SM.isolate = function (node) {
    if (window.L && L.DomEvent) {
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
    }
    return node;
  };
})();

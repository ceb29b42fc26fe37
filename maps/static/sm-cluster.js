/* strikemap: hierarchical clustering whose bubbles never overlap.
 *
 * The supercluster algorithm (Agafonkin, mapbox/supercluster, ISC), written again for
 * typed arrays and for time slices: from the deepest zoom up, each level greedily merges
 * the items of the level below that lie within `radius` screen pixels of a seed into
 * one cluster at their weighted centre. Then, unlike supercluster, a separation pass
 * merges any two items of the level whose drawn discs (SM.bubbleSize) would still
 * overlap, until none does: at every integer zoom the bubbles are apart.
 *
 * Level items: rep[k] >= 0 is a single event (its index); rep[k] < 0 is cluster row
 * -rep[k] - 1 with cx, cy (world units 0..1), cn (events) and grp (events per colour
 * group). up[k] is the item's index one level coarser. Building is a generator, so a
 * large index is built in slices between frames while the page stays responsive. */
(function () {
  "use strict";
  var SM = window.strikemap;

  /* Diameter in px of the marker of an item of n events. */
  SM.bubbleSize = function (n) {
    return n <= 1 ? 26 : n < 10 ? 30 : n < 100 ? 34 : n < 1000 ? 40 : 44;
  };
  var GAP = 2, MAX_NEED = 44 + GAP, SLICE = 8192;

  function Level(len) {
    this.len = len;
    this.rep = new Int32Array(len);
    this.up = null;
    this.cx = [];
    this.cy = [];
    this.cn = [];
    this.grp = [];
  }

  /* A grid of linked lists over positions (px, py) with square cells of `size`. */
  function Grid(px, py, alive, size) {
    var heads = new Map(), next = new Int32Array(px.length);
    for (var k = 0; k < px.length; k++) {
      if (alive && !alive[k]) continue;
      var key = Math.floor(px[k] / size) * 4194304 + Math.floor(py[k] / size);
      var head = heads.get(key);
      next[k] = head === undefined ? -1 : head;
      heads.set(key, k);
    }
    this.near = function (x, y, fn) {
      var gx = Math.floor(x / size), gy = Math.floor(y / size);
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var j = heads.get((gx + dx) * 4194304 + gy + dy);
          while (j !== undefined && j >= 0) {
            fn(j);
            j = next[j];
          }
        }
      }
    };
  }

  /* Levels maxZoom down to minZoom (0 unless given: a quick index of one level). */
  function Hierarchy(st, members, maxZoom, radius, minZoom) {
    this.st = st;
    this.members = members;
    this.maxZoom = maxZoom;
    this.minZoom = minZoom || 0;
    this.radius = radius;
    this.ng = st.groupColors.length;
    this.levels = new Array(maxZoom + 2);
    this.ready = false;
  }
  var H = Hierarchy.prototype;

  /* Position (px at zoom z), count and group counts of item k of a level. */
  H.pos = function (lv, k, scale) {
    var r = lv.rep[k], st = this.st;
    if (r >= 0) return [st.mx[r] * scale, st.my[r] * scale, 1];
    r = -r - 1;
    return [lv.cx[r] * scale, lv.cy[r] * scale, lv.cn[r]];
  };
  /* Add the group counts of item k of a level to row `row` of `out`. */
  H.addGroups = function (lv, k, out, row) {
    var r = lv.rep[k], ng = this.ng;
    if (r >= 0) {
      out[row * ng + this.st.group[r]] += 1;
      return;
    }
    r = -r - 1;
    for (var g = 0; g < ng; g++) out[row * ng + g] += lv.grp[r * ng + g];
  };
  H.groups = function (lv, k) {
    var out = new Array(this.ng).fill(0);
    this.addGroups(lv, k, out, 0);
    return out;
  };

  /* Cluster level `src` (zoom z + 1) into a new level at zoom z; yields between slices. */
  H.clusterLevel = function* (src, z) {
    var scale = 256 * Math.pow(2, z), n = src.len;
    var px = new Float64Array(n), py = new Float64Array(n), cnt = new Float64Array(n);
    for (var k = 0; k < n; k++) {
      var p = this.pos(src, k, scale);
      px[k] = p[0];
      py[k] = p[1];
      cnt[k] = p[2];
    }
    yield;
    var grid = new Grid(px, py, null, this.radius), done = new Uint8Array(n), up = new Int32Array(n);
    var o = { x: new Float64Array(n), y: new Float64Array(n), n: new Float64Array(n),
      g: new Float64Array(n * this.ng), rep: new Int32Array(n), len: 0 };
    var r2 = this.radius * this.radius, found = [];
    for (var i = 0; i < n; i++) {
      if (i % SLICE === 0 && i) yield;
      if (done[i]) continue;
      done[i] = 1;
      found.length = 0;
      grid.near(px[i], py[i], function (j) {
        if (!done[j]) {
          var dx = px[j] - px[i], dy = py[j] - py[i];
          if (dx * dx + dy * dy <= r2) found.push(j);
        }
      });
      var item = o.len++;
      up[i] = item;
      var wx = px[i] * cnt[i], wy = py[i] * cnt[i], total = cnt[i];
      this.addGroups(src, i, o.g, item);
      for (var f = 0; f < found.length; f++) {
        var j = found[f];
        done[j] = 1;
        up[j] = item;
        wx += px[j] * cnt[j];
        wy += py[j] * cnt[j];
        total += cnt[j];
        this.addGroups(src, j, o.g, item);
      }
      o.x[item] = wx / total;
      o.y[item] = wy / total;
      o.n[item] = total;
      o.rep[item] = found.length || src.rep[i] < 0 ? -1 : src.rep[i];
    }
    var alias = yield* this.separate(o);
    src.up = up;
    return this.compact(o, alias, up, scale);
  };

  /* Merge items whose discs would overlap until none does; returns each item's survivor. */
  H.separate = function* (o) {
    var m = o.len, alias = new Int32Array(m), alive = new Uint8Array(m).fill(1), ng = this.ng;
    var ox = o.x.subarray(0, m), oy = o.y.subarray(0, m), on = o.n, og = o.g;
    for (var a = 0; a < m; a++) alias[a] = a;
    for (var pass = 0; pass < 50; pass++) {
      var merged = 0, grid = new Grid(ox, oy, alive, MAX_NEED);
      for (var i = 0; i < m; i++) {
        if (i % SLICE === 0 && i) yield;
        if (!alive[i]) continue;
        grid.near(ox[i], oy[i], function (j) {
          if (j === i || !alive[j] || !alive[i]) return;
          var need = (SM.bubbleSize(on[i]) + SM.bubbleSize(on[j])) / 2 + GAP;
          var dx = ox[j] - ox[i], dy = oy[j] - oy[i];
          if (dx * dx + dy * dy >= need * need) return;
          var t = on[i] + on[j];
          ox[i] = (ox[i] * on[i] + ox[j] * on[j]) / t;
          oy[i] = (oy[i] * on[i] + oy[j] * on[j]) / t;
          on[i] = t;
          for (var q = 0; q < ng; q++) og[i * ng + q] += og[j * ng + q];
          o.rep[i] = -1;
          alive[j] = 0;
          alias[j] = i;
          merged++;
        });
      }
      if (!merged) break;
    }
    for (var k = 0; k < m; k++) {
      var r = k;
      while (alias[r] !== r) r = alias[r];
      alias[k] = r;
    }
    return alias;
  };

  H.compact = function (o, alias, up, scale) {
    var m = o.len, index = new Int32Array(m).fill(-1), len = 0, ng = this.ng;
    for (var k = 0; k < m; k++) if (alias[k] === k) index[k] = len++;
    var lv = new Level(len);
    for (k = 0; k < m; k++) {
      if (alias[k] !== k) continue;
      var at = index[k];
      if (o.rep[k] >= 0) {
        lv.rep[at] = o.rep[k];
      } else {
        lv.rep[at] = -lv.cn.length - 1;
        lv.cx.push(o.x[k] / scale);
        lv.cy.push(o.y[k] / scale);
        lv.cn.push(o.n[k]);
        for (var q = 0; q < ng; q++) lv.grp.push(o.g[k * ng + q]);
      }
    }
    for (var i = 0; i < up.length; i++) up[i] = index[alias[up[i]]];
    return lv;
  };

  /* The whole build, deepest level first (a generator: next() runs one slice). */
  H.build = function* () {
    var base = new Level(this.members.length);
    base.rep.set(this.members);
    this.levels[this.maxZoom + 1] = base;
    var src = base;
    for (var z = this.maxZoom; z >= this.minZoom; z--) {
      src = this.levels[z] = yield* this.clusterLevel(src, z);
    }
    this.ready = true;
  };

  /* Items of zoom z inside pixel bounds: [{k, x, y, n, rep, groups}] (x, y in px). */
  H.query = function (z, x0, y0, x1, y1) {
    var zoom = Math.max(this.minZoom, Math.min(this.maxZoom, Math.floor(z)));
    var lv = this.levels[zoom], scale = 256 * Math.pow(2, z), out = [];
    for (var k = 0; k < lv.len; k++) {
      var p = this.pos(lv, k, scale);
      if (p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1) continue;
      out.push({ k: k, x: p[0], y: p[1], n: p[2], rep: lv.rep[k], zoom: zoom });
    }
    return out;
  };

  /* Event indices under item k of zoom z. */
  H.leaves = function (z, k) {
    var out = [], base = this.levels[this.maxZoom + 1];
    for (var i = 0; i < base.len; i++) {
      var at = i;
      for (var l = this.maxZoom + 1; l > z; l--) at = this.levels[l].up[at];
      if (at === k) out.push(base.rep[i]);
    }
    return out;
  };

  SM.Hierarchy = Hierarchy;

  /* Build st's index of the visible events: at once when they are few, else in slices
   * of about 30 ms between frames, once the filter has stayed put for DEBOUNCE ms (so
   * playing through time does not start a build per step); `done` runs when it is
   * ready, unless the filter changed since (st.indexToken). Returns whether it was
   * built at once; above FULL_MAX events it is not built at all. */
  SM.buildIndex = function (st, done) {
    var members = [], n = st.n, token = st.indexToken;
    for (var i = 0; i < n; i++) if (st.visible[i]) members.push(i);
    if (members.length > SM.FULL_MAX) return false;  /* bubbles come from quickIndex per view */
    var index = new Hierarchy(st, Int32Array.from(members), st.map.getMaxZoom(), st.cell);
    var run = index.build();
    if (members.length <= SM.SYNC_INDEX) {
      while (!run.next().done) continue;
      st.index = index;
      return true;
    }
    function step() {
      if (st.indexToken !== token) return;
      var until = performance.now() + 30;
      while (performance.now() < until) {
        if (run.next().done) {
          st.index = index;
          done();
          return;
        }
      }
      setTimeout(step, 0);
    }
    setTimeout(step, SM.DEBOUNCE);
    return false;
  };
  SM.SYNC_INDEX = 2000;
  /* Above this many visible events no full index is built (it would keep a core busy for
   * many seconds after each filter change); each view gets its own quick index. */
  SM.FULL_MAX = 200000;
  SM.DEBOUNCE = 400;

  /* While the full index is being built: one level for the visible events in the pixel
   * box at zoom z only, with the same guarantee (no overlapping bubbles). Events are
   * first pooled in cells of CELL px (far inside the clustering radius), so the cost is
   * one pass over the events plus the work on the cells. */
  var CELL = 6;
  SM.quickIndex = function (st, z, box) {
    var scale = 256 * Math.pow(2, z), ng = st.groupColors.length, cells = new Map();
    var events = [], cellOf = [], first = [], pool = new Level(0);
    for (var i = 0; i < st.n; i++) {
      if (!st.visible[i]) continue;
      var x = st.mx[i] * scale, y = st.my[i] * scale;
      if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
      var key = Math.floor(x / CELL) * 4194304 + Math.floor(y / CELL), c = cells.get(key);
      if (c === undefined) {
        c = pool.cn.length;
        cells.set(key, c);
        pool.cx.push(0);
        pool.cy.push(0);
        pool.cn.push(0);
        for (var q = 0; q < ng; q++) pool.grp.push(0);
        first.push(i);
      }
      pool.cx[c] += st.mx[i];
      pool.cy[c] += st.my[i];
      pool.cn[c] += 1;
      pool.grp[c * ng + st.group[i]] += 1;
      events.push(i);
      cellOf.push(c);
    }
    pool.len = pool.cn.length;
    pool.rep = new Int32Array(pool.len);
    for (c = 0; c < pool.len; c++) {  /* a cell of one event stands for that event */
      pool.cx[c] /= pool.cn[c];
      pool.cy[c] /= pool.cn[c];
      pool.rep[c] = pool.cn[c] === 1 ? first[c] : -c - 1;
    }
    var index = new Hierarchy(st, Int32Array.from(events), z, st.cell, z);
    var run = index.clusterLevel(pool, z), step = run.next();
    while (!step.done) step = run.next();
    index.levels[z + 1] = pool;
    index.levels[z] = step.value;
    index.ready = true;
    index.leaves = function (zoom, item) {
      var out = [];
      for (var j = 0; j < events.length; j++) if (pool.up[cellOf[j]] === item) out.push(events[j]);
      return out;
    };
    return index;
  };
})();

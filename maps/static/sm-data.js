/* strikemap: the payload's chunks -> typed columns (the format is documented in maps/encode.py).
 * A chunk is ASCII text of 7-bit characters (8 per 7 bytes; DEL escapes the next character,
 * XOR 64) holding raw-deflated bytes, which
 * DecompressionStream inflates off the parser; columns are then read from the bytes. */
(function () {
  "use strict";
  var SM = window.strikemap;
  var MISSING = -2147483648;
  SM.MISSING = MISSING;

  /* text7 -> the first `size` bytes it holds. */
  SM.unpack7 = function (text, size) {
    var chars = new TextEncoder().encode(text);  /* ASCII: one byte per character */
    var out = new Uint8Array(size), j = 0, acc = 0, bits = 0, n = chars.length;
    for (var i = 0; i < n && j < size; i++) {
      var c = chars[i];
      if (c === 127) c = chars[++i] ^ 64;
      acc = ((acc << 7) | c) & 0x7fff;
      bits += 7;
      if (bits >= 8) {
        bits -= 8;
        out[j++] = (acc >> bits) & 255;
      }
    }
    return out;
  };

  SM.inflate = function (bytes) {
    if (!bytes.length) return Promise.resolve(new Uint8Array(0));
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) {
      return new Uint8Array(buf);
    });
  };

  function unshuffle(bytes, offset, count, width) {
    var out = new Uint8Array(count * width);
    for (var b = 0; b < width; b++) {
      var base = offset + b * count;
      for (var i = 0; i < count; i++) out[i * width + b] = bytes[base + i];
    }
    return out.buffer;
  }

  var decoder = new TextDecoder("utf-8");

  /* A UTF-8 column: get(i) decodes one text when asked (popups need a few, never all).
   * Front-coded (`shared`): text i is the first shared[i] bytes of text i - 1, then its
   * own bytes; every col.restart-th text stands alone. */
  function Texts(bytes, col, shared) {
    var lengths = new Uint32Array(unshuffle(bytes, col.offset, col.count, 4));
    var offsets = new Float64Array(col.count + 1);
    for (var i = 0; i < col.count; i++) offsets[i + 1] = offsets[i] + lengths[i];
    var start = col.offset + 4 * col.count;
    function own(k) {
      return bytes.subarray(start + offsets[k], start + offsets[k + 1]);
    }
    this.count = col.count;
    this.get = function (k) {
      if (!(k >= 0 && k < col.count)) return "";
      if (!shared) return decoder.decode(own(k));
      var text = new Uint8Array(0);
      for (var j = k - (k % col.restart); j <= k; j++) {
        var tail = own(j), next = new Uint8Array(shared[j] + tail.length);
        next.set(text.subarray(0, shared[j]));
        next.set(tail, shared[j]);
        text = next;
      }
      return decoder.decode(text);
    };
  }

  /* A string column stored as distinct values and codes. */
  function Coded(values, codes) {
    this.count = codes.length;
    this.get = function (k) {
      return k >= 0 && k < codes.length ? values.get(codes[k]) : "";
    };
  }

  function readColumn(bytes, col, done) {
    if (col.type === "u8") return bytes.slice(col.offset, col.offset + col.count);
    if (col.type === "u16") return new Uint16Array(unshuffle(bytes, col.offset, col.count, 2));
    if (col.type === "u32") return new Uint32Array(unshuffle(bytes, col.offset, col.count, 4));
    if (col.type === "f32") return new Float32Array(unshuffle(bytes, col.offset, col.count, 4));
    if (col.type === "utf8") return new Texts(bytes, col, col.front ? done[col.front] : null);
    if (col.type !== "i32") throw new Error("strikemap: unknown column type " + col.type);
    var out = new Int32Array(unshuffle(bytes, col.offset, col.count, 4)), base = col.base | 0;
    if (col.delta) {
      var acc = base;
      for (var i = 0; i < out.length; i++) out[i] = acc = (acc + out[i]) | 0;
    } else {
      for (var k = 0; k < out.length; k++) out[k] = (base + out[k]) | 0;
    }
    return out;
  }

  /* The columns of one chunk: {name: typed array or Texts}. */
  SM.readChunk = function (header, name, bytes) {
    var out = Object.create(null);
    header.columns.forEach(function (col) {
      if (col.chunk === name) out[col.name] = readColumn(bytes, col, out);
    });
    header.columns.forEach(function (col) {
      if (col.same && out[col.same]) out[col.name] = out[col.same];
      if (col.dict && out[col.dict[0]]) out[col.name] = new Coded(out[col.dict[0]], out[col.dict[1]]);
    });
    return out;
  };

  /* Promise of the bytes of chunk `name` of the payload in element `dataId`. */
  SM.chunkBytes = function (header, dataId, name) {
    var info = header.chunks.filter(function (c) { return c.name === name; })[0];
    var node = document.getElementById(dataId + "-" + name);
    var packed = SM.unpack7(node.textContent, info.packed);
    return SM.inflate(packed).then(function (bytes) {
      if (bytes.length !== info.raw) throw new Error("strikemap: chunk " + name + " is damaged");
      return bytes;
    });
  };

  /* Per-event lists (sources, reasons) as offsets into an index column. */
  SM.lists = function (counts, index) {
    var offsets = new Float64Array(counts.length + 1);
    for (var i = 0; i < counts.length; i++) offsets[i + 1] = offsets[i] + counts[i];
    return function (k) {
      return Array.prototype.slice.call(index.subarray(offsets[k], offsets[k + 1]));
    };
  };
})();

// dyad dashboard: trend chart (plain canvas), event list and most active dyads.
// No external resources; everything comes from the /api endpoints of this server.
(function () {
  "use strict";

  var QUAD_COLORS = ["#7fb3d5", "#2e86c1", "#f5b041", "#cb4335"];
  var LINE_COLORS = { a_to_b: "#1e8449", b_to_a: "#7d3c98" };
  var $ = function (id) { return document.getElementById(id); };

  var state = { a: "USA", b: "RUS", by: "month", periods: [], layout: null };

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== "") {
        parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
      }
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  function getJSON(path, params) {
    return fetch(path + query(params || {})).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body && body.error ? body.error : "HTTP " + r.status); }
        return body;
      });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // ---- periods -----------------------------------------------------------------------------

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function ymd(d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }

  // Inclusive date range [from, to] of a trend period label.
  function periodRange(label, by) {
    if (by === "month") {
      var y = parseInt(label.slice(0, 4), 10), m = parseInt(label.slice(5, 7), 10);
      var last = new Date(Date.UTC(y, m, 0));
      return { from: label + "-01", to: ymd(last) };
    }
    if (by === "week") {
      var start = new Date(label + "T00:00:00Z");
      var end = new Date(start.getTime() + 6 * 86400000);
      return { from: label, to: ymd(end) };
    }
    return { from: label, to: label };
  }

  // ---- chart -------------------------------------------------------------------------------

  // Trend rows → one entry per period: quad counts over both directions, and the Goldstein
  // mean of each direction (null when that direction has no events in the period).
  function periodsOf(rows) {
    var byPeriod = {};
    rows.forEach(function (r) {
      var p = byPeriod[r.period];
      if (!p) {
        p = byPeriod[r.period] = { period: r.period, counts: [0, 0, 0, 0], mean: { a_to_b: null, b_to_a: null } };
      }
      for (var i = 0; i < 4; i++) { p.counts[i] += r.counts[i]; }
      p.mean[r.direction] = r.goldstein_mean;
    });
    return Object.keys(byPeriod).sort().map(function (k) { return byPeriod[k]; });
  }

  function drawChart(periods) {
    var canvas = $("chart");
    var ratio = window.devicePixelRatio || 1;
    var cssW = canvas.clientWidth || 900, cssH = canvas.clientHeight || 320;
    canvas.width = Math.round(cssW * ratio);
    canvas.height = Math.round(cssH * ratio);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    ctx.font = "11px system-ui, sans-serif";

    var m = { left: 44, right: 44, top: 14, bottom: 40 };
    var w = cssW - m.left - m.right, h = cssH - m.top - m.bottom;
    state.layout = null;
    if (!periods.length) {
      ctx.fillStyle = "#666";
      ctx.fillText("No asserted, dated events between " + state.a + " and " + state.b + ".", m.left, m.top + 20);
      return;
    }
    var maxCount = 1;
    periods.forEach(function (p) {
      var t = p.counts[0] + p.counts[1] + p.counts[2] + p.counts[3];
      if (t > maxCount) { maxCount = t; }
    });
    var slot = w / periods.length;
    var barW = Math.max(2, Math.min(48, slot * 0.6));
    var yCount = function (c) { return m.top + h - (c / maxCount) * h; };
    var yG = function (g) { return m.top + h / 2 - (g / 10) * (h / 2); };

    // Axes and grid.
    ctx.strokeStyle = "#ccc";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(m.left, m.top); ctx.lineTo(m.left, m.top + h); ctx.lineTo(m.left + w, m.top + h);
    ctx.lineTo(m.left + w, m.top);
    ctx.stroke();
    ctx.setLineDash([3, 3]);
    ctx.beginPath(); ctx.moveTo(m.left, yG(0)); ctx.lineTo(m.left + w, yG(0)); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = "#444";
    ctx.textAlign = "right";
    ctx.fillText(String(maxCount), m.left - 4, m.top + 8);
    ctx.fillText("0", m.left - 4, m.top + h);
    ctx.textAlign = "left";
    [10, 0, -10].forEach(function (g) { ctx.fillText((g > 0 ? "+" : "") + g, m.left + w + 4, yG(g) + 4); });

    // Stacked bars.
    periods.forEach(function (p, i) {
      var x = m.left + slot * i + (slot - barW) / 2;
      var acc = 0;
      for (var q = 0; q < 4; q++) {
        var c = p.counts[q];
        if (!c) { continue; }
        var y0 = yCount(acc), y1 = yCount(acc + c);
        ctx.fillStyle = QUAD_COLORS[q];
        ctx.fillRect(x, y1, barW, y0 - y1);
        acc += c;
      }
    });

    // Goldstein mean lines, one per direction (gaps where a direction has no events).
    ["a_to_b", "b_to_a"].forEach(function (dir) {
      ctx.strokeStyle = LINE_COLORS[dir];
      ctx.fillStyle = LINE_COLORS[dir];
      ctx.lineWidth = 2;
      ctx.beginPath();
      var pen = false;
      periods.forEach(function (p, i) {
        var g = p.mean[dir];
        var x = m.left + slot * (i + 0.5);
        if (g === null) { pen = false; return; }
        if (pen) { ctx.lineTo(x, yG(g)); } else { ctx.moveTo(x, yG(g)); pen = true; }
      });
      ctx.stroke();
      periods.forEach(function (p, i) {
        var g = p.mean[dir];
        if (g === null) { return; }
        ctx.beginPath();
        ctx.arc(m.left + slot * (i + 0.5), yG(g), 3, 0, 2 * Math.PI);
        ctx.fill();
      });
    });

    // Period labels (thinned when crowded).
    ctx.fillStyle = "#444";
    ctx.textAlign = "center";
    var every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(w / 70))));
    periods.forEach(function (p, i) {
      if (i % every === 0) { ctx.fillText(p.period, m.left + slot * (i + 0.5), m.top + h + 16); }
    });
    ctx.textAlign = "left";
    state.layout = { left: m.left, slot: slot, width: w };
  }

  function periodAt(evt) {
    var L = state.layout;
    if (!L) { return null; }
    var rect = $("chart").getBoundingClientRect();
    var x = evt.clientX - rect.left - L.left;
    if (x < 0 || x > L.width) { return null; }
    var i = Math.floor(x / L.slot);
    return state.periods[i] || null;
  }

  // ---- event list --------------------------------------------------------------------------

  // The sentence as DOM nodes, with the first occurrence of the verb text in <mark>.
  function evidence(sentence, verb) {
    var p = el("p", "sentence");
    var at = verb ? sentence.indexOf(verb) : -1;
    if (at < 0 && verb) { at = sentence.toLowerCase().indexOf(verb.toLowerCase()); }
    if (at < 0) { p.textContent = sentence; return p; }
    p.appendChild(document.createTextNode(sentence.slice(0, at)));
    p.appendChild(el("mark", null, sentence.slice(at, at + verb.length)));
    p.appendChild(document.createTextNode(sentence.slice(at + verb.length)));
    return p;
  }

  function renderEvents(events, title) {
    var list = $("event-list");
    list.textContent = "";
    events.forEach(function (e) {
      var li = el("li", "event");
      li.dataset.id = e.id;
      var meta = el("div", "meta");
      meta.appendChild(el("span", "date", e.date || "undated"));
      meta.appendChild(el("span", "source", e.source));
      meta.appendChild(el("span", "code", e.code + " " + e.event_name));
      meta.appendChild(el("span", "target", e.target || "—"));
      meta.appendChild(el("span", "modality " + e.modality, e.modality));
      meta.appendChild(el("span", "attribution",
        e.attribution ? "according to " + e.attribution.text + (e.attribution.code ? " (" + e.attribution.code + ")" : "") : "unattributed"));
      if (e.outlet) { meta.appendChild(el("span", "outlet", e.outlet)); }
      li.appendChild(meta);
      li.appendChild(evidence(e.sentence || "", e.verb_text || ""));
      list.appendChild(li);
    });
    list.dataset.events = String(events.length);
    $("events-title").textContent = title + " (" + events.length + ")";
  }

  function loadEvents(range) {
    var params = {
      source: state.a, target: state.b, both: "true", limit: 1000,
      outlet: $("outlet").value.trim(), attributed: $("attributed").value
    };
    var title = "Events " + state.a + " ↔ " + state.b;
    if (range) {
      params.from = range.from; params.to = range.to;
      title += ", " + range.label;
    } else {
      title += ", all periods";
    }
    return getJSON("/api/events", params).then(function (body) {
      renderEvents(body.events, title);
      $("status").textContent = body.events.length >= body.limit ? "Showing the first " + body.limit + " events." : "";
      $("status").className = "";
    });
  }

  // ---- dyads -------------------------------------------------------------------------------

  function loadDyads() {
    return getJSON("/api/dyads", { limit: 25 }).then(function (rows) {
      var tbody = $("dyads").querySelector("tbody");
      tbody.textContent = "";
      rows.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("td", null, r.a));
        tr.appendChild(el("td", null, r.b));
        tr.appendChild(el("td", null, r.events));
        tr.appendChild(el("td", null, r.goldstein_mean.toFixed(2)));
        tr.addEventListener("click", function () {
          $("actor-a").value = r.a;
          $("actor-b").value = r.b;
          load();
        });
        tbody.appendChild(tr);
      });
    });
  }

  // ---- wiring ------------------------------------------------------------------------------

  function fail(err) {
    $("status").textContent = String(err && err.message ? err.message : err);
    $("status").className = "error";
  }

  function load() {
    document.body.dataset.ready = "0";
    state.a = $("actor-a").value.trim().toUpperCase() || "USA";
    state.b = $("actor-b").value.trim().toUpperCase() || "RUS";
    state.by = $("period").value;
    $("chart-title").textContent = "Trend " + state.a + " ↔ " + state.b + " by " + state.by;
    var trend = getJSON("/api/trend", { a: state.a, b: state.b, by: state.by }).then(function (body) {
      state.periods = periodsOf(body.rows);
      drawChart(state.periods);
    });
    return Promise.all([trend, loadEvents(null)])
      .then(function () { document.body.dataset.ready = "1"; })
      .catch(function (err) { fail(err); document.body.dataset.ready = "1"; });
  }

  $("controls").addEventListener("submit", function (e) { e.preventDefault(); load(); });
  $("period").addEventListener("change", load);
  $("chart").addEventListener("click", function (e) {
    var p = periodAt(e);
    if (!p) { return; }
    var r = periodRange(p.period, state.by);
    r.label = p.period;
    loadEvents(r).catch(fail);
  });
  window.addEventListener("resize", function () { drawChart(state.periods); });

  loadDyads().catch(fail);
  load();
})();

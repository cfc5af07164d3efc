// truce dashboard. Hand-written on purpose: an equirectangular SVG map, a weekly bar chart and a table
// are a few hundred lines, and writing them keeps the page free of third-party code and CDNs.
// Every text that comes from the data (article text, titles, actor names) is inserted with
// textContent / createTextNode, never as HTML.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const FILTER_NAMES = ["date_from", "date_to", "country", "admin1", "event_type", "sub_event_type",
  "plover_type", "category", "actor", "min_fatalities", "q", "bbox"];
const TYPE_COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f9bb4",
  "": "#7f7f7f",
};
const MAP_MAX = 2000;
const PAGE = 50;

const state = {
  params: new URLSearchParams(),
  cursor: null,
  view: { x: -180, y: -85, w: 360, h: 170 },
  countries: [],
  names: {},
  mapEvents: [],
  selected: null,
};

// ---- small DOM helpers -------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function $(id) { return document.getElementById(id); }

function safeHref(url) {
  // Only web links become anchors; javascript: and data: URLs from the data never do.
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) {
    return null;
  }
}

function plural(n, one, many) { return `${fmt(n)} ${n === 1 ? one : many}`; }

function fmt(n) { return n === null || n === undefined ? "–" : Number(n).toLocaleString("en"); }

function countryName(code) { return code ? (state.names[code] || code) : "–"; }

async function api(path, params) {
  const qs = params && [...params].length ? "?" + params.toString() : "";
  const resp = await fetch(path + qs, { headers: { "Accept": "application/json" } });
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) throw new Error(body.reason || resp.statusText);
  return body;
}

function showError(err) {
  const box = $("error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

// ---- filters ------------------------------------------------------------------------------------
function findEnum(schema) {
  if (!schema || typeof schema !== "object") return null;
  if (Array.isArray(schema.enum)) return schema.enum;
  for (const key of ["items", "anyOf", "oneOf", "allOf"]) {
    const sub = schema[key];
    for (const s of Array.isArray(sub) ? sub : [sub]) {
      const found = findEnum(s);
      if (found) return found;
    }
  }
  return null;
}

async function fillOptions() {
  // The choices come from the API's own OpenAPI description, so the form always matches the API.
  const spec = await api("/openapi.json");
  const params = spec.paths["/events"].get.parameters;
  for (const name of ["event_type", "sub_event_type", "plover_type"]) {
    const p = params.find((x) => x.name === name);
    const values = findEnum(p && p.schema) || [];
    const select = $("f-" + name);
    for (const v of values) select.append(el("option", { value: v, text: v }));
  }
  const all = await api("/stats");
  const countries = all.by_country.filter((c) => c.country)
    .sort((a, b) => (a.name || a.country).localeCompare(b.name || b.country));
  for (const c of countries) {
    state.names[c.country] = c.name || c.country;
    $("f-country").append(el("option", { value: c.country, text: `${c.name || c.country} (${c.events})` }));
  }
}

function formToParams() {
  const form = $("filters");
  const out = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    if (name === "bbox") continue;
    const v = form.elements[name].value.trim();
    if (v) out.set(name, v);
  }
  if ($("f-bbox").checked) {
    const v = state.view;
    const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
    const box = [clamp(v.x, -180, 180), clamp(-(v.y + v.h), -90, 90), clamp(v.x + v.w, -180, 180), clamp(-v.y, -90, 90)];
    out.set("bbox", box.map((x) => x.toFixed(3)).join(","));
  }
  const sort = form.elements.sort.value;
  if (sort && sort !== "-event_date") out.set("sort", sort);
  return out;
}

function paramsToForm(params) {
  const form = $("filters");
  for (const name of FILTER_NAMES) {
    if (name === "bbox") continue;
    const field = form.elements[name];
    const v = params.get(name) || "";
    if (field.tagName === "SELECT" && v && ![...field.options].some((o) => o.value === v)) {
      field.append(el("option", { value: v, text: v }));
    }
    field.value = v;
  }
  $("f-bbox").checked = params.has("bbox");
  form.elements.sort.value = params.get("sort") || "-event_date";
}

function filterOnly(params) {
  const out = new URLSearchParams(params);
  out.delete("sort");
  return out;
}

// ---- map ----------------------------------------------------------------------------------------
function ringPath(flat, scale) {
  let x = 0, y = 0;
  const parts = [];
  for (let i = 0; i < flat.length; i += 2) {
    if (i === 0) { x = flat[0]; y = flat[1]; } else { x += flat[i]; y += flat[i + 1]; }
    parts.push((i === 0 ? "M" : "L") + (x / scale).toFixed(2) + "," + (-y / scale).toFixed(2));
  }
  return parts.join("") + "Z";
}

async function loadCountries() {
  const data = await api("/static/countries.json");
  const g = $("map-countries");
  for (const c of data.countries) {
    const path = svgEl("path", { d: c.rings.map((r) => ringPath(r, data.scale)).join(""), class: "country" });
    if (c.id) path.dataset.country = c.id;
    if (c.id && !state.names[c.id]) state.names[c.id] = c.name;  // names for countries with no event (truce parties)
    const title = svgEl("title");
    title.textContent = c.name;
    path.append(title);
    g.append(path);
  }
}

function mapSize() {
  const svg = $("map");
  return { cw: svg.clientWidth || 800, ch: svg.clientHeight || 430 };
}

function setView(x, y, w, h) {
  const { cw, ch } = mapSize();
  const aspect = cw / ch;
  if (w / h > aspect) h = w / aspect; else w = h * aspect;
  w = Math.min(Math.max(w, 1.5), 400);
  h = w / aspect;
  state.view = { x, y, w, h };
  $("map").setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  resizeDots();
}

function fitView(points) {
  if (!points.length) { setView(-170, -80, 340, 150); return; }
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of points) {
    x0 = Math.min(x0, lon); x1 = Math.max(x1, lon); y0 = Math.min(y0, -lat); y1 = Math.max(y1, -lat);
  }
  const w = Math.max(x1 - x0, 8), h = Math.max(y1 - y0, 5);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const pw = w * 1.25, ph = h * 1.25;
  const { cw, ch } = mapSize();
  const aspect = cw / ch;
  const vw = Math.max(pw, ph * aspect), vh = vw / aspect;
  setView(cx - vw / 2, cy - vh / 2, vw, vh);
}

function dotRadius(fatalities) { return Math.min(3.5 + 1.7 * Math.sqrt(fatalities || 0), 20); }

function resizeDots() {
  const k = state.view.w / mapSize().cw;
  for (const c of $("map-events").children) c.setAttribute("r", (dotRadius(Number(c.dataset.fatalities)) * k).toFixed(4));
}

function drawMapEvents(items) {
  const g = $("map-events");
  g.replaceChildren();
  const located = items.filter((e) => e.location && e.location.latitude !== null && e.location.longitude !== null);
  located.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
  for (const e of located) {
    const c = svgEl("circle", {
      cx: e.location.longitude, cy: -e.location.latitude, r: 1, class: "event",
      fill: TYPE_COLORS[e.event_type || ""] || TYPE_COLORS[""],
    });
    c.dataset.eventId = e.event_id;
    c.dataset.fatalities = e.fatalities || 0;
    c.dataset.country = (e.location && e.location.country) || "";
    const t = svgEl("title");
    t.textContent = `${e.event_date || "undated"} · ${e.event_type || "verbal: " + e.plover_type}` +
      ` · ${e.location.name}` + (e.fatalities ? ` · ${e.fatalities} killed` : "");
    c.append(t);
    c.addEventListener("click", (ev) => { ev.stopPropagation(); openEvent(e.event_id); });
    g.append(c);
  }
  resizeDots();
  return located;
}

function drawLegend() {
  const box = $("legend");
  box.replaceChildren();
  for (const [type, color] of Object.entries(TYPE_COLORS)) {
    const dot = el("i");
    dot.style.background = color;
    box.append(el("span", {}, dot, type || "Verbal (no ACLED type)"));
  }
  box.append(el("span", { text: "· dot size: fatalities" }));
}

function installMapControls() {
  const svg = $("map");
  const zoom = (factor, mx, my) => {
    const v = state.view;
    const { cw, ch } = mapSize();
    const fx = mx === undefined ? 0.5 : mx / cw, fy = my === undefined ? 0.5 : my / ch;
    const px = v.x + fx * v.w, py = v.y + fy * v.h;
    const w = Math.min(Math.max(v.w * factor, 1.5), 400), h = w * (v.h / v.w);
    setView(px - fx * w, py - fy * h, w, h);
  };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.classList.contains("event")) return;
    drag = { x: ev.clientX, y: ev.clientY, view: { ...state.view } };
    svg.classList.add("dragging");
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const k = drag.view.w / mapSize().cw;
    setView(drag.view.x - (ev.clientX - drag.x) * k, drag.view.y - (ev.clientY - drag.y) * k, drag.view.w, drag.view.h);
  });
  const end = () => { drag = null; svg.classList.remove("dragging"); };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  $("zoom-in").addEventListener("click", () => zoom(0.66));
  $("zoom-out").addEventListener("click", () => zoom(1.5));
  $("zoom-fit").addEventListener("click", () => fitView(state.mapEvents.map((e) => [e.location.longitude, e.location.latitude])));
  window.addEventListener("resize", () => setView(state.view.x, state.view.y, state.view.w, state.view.h));
}

async function loadMap(params, refit) {
  const p = new URLSearchParams(filterOnly(params));
  p.set("sort", "-fatalities");
  p.set("limit", "500");
  let items = [];
  let cursor = null;
  do {
    if (cursor) p.set("cursor", cursor);
    const page = await api("/events", p);
    items = items.concat(page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < MAP_MAX);
  const located = drawMapEvents(items);
  state.mapEvents = located;
  if (refit) fitView(located.map((e) => [e.location.longitude, e.location.latitude]));
  $("map-note").textContent = `${fmt(located.length)} events with a place` + (cursor ? ` (the ${fmt(MAP_MAX)} with most fatalities)` : "");
}

function shadeCountries(byCountry) {
  const hit = new Set(byCountry.filter((c) => c.country).map((c) => c.country));
  for (const p of $("map-countries").children) p.classList.toggle("hit", hit.has(p.dataset.country));
}

// ---- timeline -----------------------------------------------------------------------------------
function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function drawTimeline(weeks) {
  const svg = $("timeline");
  svg.replaceChildren();
  const W = svg.clientWidth || 800, H = svg.clientHeight || 170;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const m = { l: 38, r: 44, t: 12, b: 24 };
  if (!weeks.length) {
    svg.append(Object.assign(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }), { textContent: "no dated events" }));
    return;
  }
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const all = [];
  for (let wk = weeks[0].week; wk <= weeks[weeks.length - 1].week && all.length < 2000; wk = addDays(wk, 7)) {
    all.push(byWeek.get(wk) || { week: wk, events: 0, fatalities: 0 });
  }
  const pw = W - m.l - m.r, ph = H - m.t - m.b;
  const maxE = Math.max(1, ...all.map((w) => w.events));
  const maxF = Math.max(1, ...all.map((w) => w.fatalities));
  const bw = pw / all.length;
  svg.append(svgEl("line", { x1: m.l, y1: m.t + ph, x2: m.l + pw, y2: m.t + ph, class: "axis" }));
  const label = (x, y, text, anchor) => {
    const t = svgEl("text", { x, y, "text-anchor": anchor || "start" });
    t.textContent = text;
    svg.append(t);
  };
  label(m.l - 4, m.t + 8, String(maxE), "end");
  label(m.l - 4, m.t + ph, "0", "end");
  label(m.l + pw + 4, m.t + 8, String(maxF));
  label(m.l + pw + 4, m.t + ph, "0");
  const points = [];
  all.forEach((w, i) => {
    const x = m.l + i * bw;
    const h = (w.events / maxE) * ph;
    const bar = svgEl("rect", { x: x + Math.min(1, bw * 0.1), y: m.t + ph - h, width: Math.max(bw - Math.min(2, bw * 0.2), 0.5), height: Math.max(h, 0), class: "bar" });
    bar.dataset.week = w.week;
    const t = svgEl("title");
    t.textContent = `week of ${w.week}: ${w.events} events, ${w.fatalities} fatalities`;
    bar.append(t);
    bar.addEventListener("click", () => {
      $("f-date_from").value = w.week;
      $("f-date_to").value = addDays(w.week, 6);
      apply();
    });
    svg.append(bar);
    points.push(`${(x + bw / 2).toFixed(1)},${(m.t + ph - (w.fatalities / maxF) * ph).toFixed(1)}`);
  });
  svg.append(svgEl("polyline", { points: points.join(" "), class: "fat" }));
  if (all.length <= 60) {
    for (const pt of points) {
      const [cx, cy] = pt.split(",");
      svg.append(svgEl("circle", { cx, cy, r: 2.5, class: "dot" }));
    }
  }
  const ticks = Math.min(all.length, Math.max(2, Math.floor(pw / 110)));
  for (let k = 0; k < ticks; k++) {
    const i = ticks === 1 ? 0 : Math.round((k * (all.length - 1)) / (ticks - 1));
    const anchor = k === 0 ? "start" : k === ticks - 1 ? "end" : "middle";
    label(m.l + i * bw + (anchor === "start" ? 0 : anchor === "end" ? bw : bw / 2), H - 6, all[i].week, anchor);
  }
}

// ---- table --------------------------------------------------------------------------------------
function typeLabel(e) {
  return e.event_type ? `${e.event_type} / ${e.sub_event_type || "–"}` : `Verbal (${e.plover_type})`;
}

function placeLabel(loc) {
  if (!loc) return "–";
  return loc.admin1 && loc.admin1 !== loc.name ? `${loc.name}, ${loc.admin1}` : loc.name;
}

function addRows(items) {
  const body = $("events-table").tBodies[0];
  for (const e of items) {
    const tr = el("tr", { "data-event-id": e.event_id },
      el("td", { text: e.event_date || "undated" }),
      el("td", { text: countryName(e.location && e.location.country) }),
      el("td", { text: placeLabel(e.location) }),
      el("td", { text: typeLabel(e) }),
      el("td", { text: e.plover_type }),
      el("td", { text: e.actor1 ? e.actor1.name : "–" }),
      el("td", { text: e.actor2 ? e.actor2.name : "–" }),
      el("td", { class: "num", text: fmt(e.fatalities) }));
    tr.addEventListener("click", () => openEvent(e.event_id));
    body.append(tr);
  }
}

async function loadTable(params, append) {
  const p = new URLSearchParams(params);
  p.set("limit", String(PAGE));
  if (append && state.cursor) p.set("cursor", state.cursor);
  const page = await api("/events", p);
  if (!append) $("events-table").tBodies[0].replaceChildren();
  addRows(page.items);
  state.cursor = page.next_cursor;
  $("more").hidden = !state.cursor;
  const shown = $("events-table").tBodies[0].rows.length;
  $("table-note").textContent = `${fmt(shown)} shown` + (state.cursor ? " · more below" : "");
}

// ---- event view ---------------------------------------------------------------------------------
function highlighted(text, spans) {
  // Evidence offsets index the article text; a span whose offsets do not hold its sentence is found by search.
  const ranges = [];
  for (const s of spans) {
    let start = s.start, end = s.end;
    if (text.slice(start, end) !== s.text) {
      start = text.indexOf(s.text);
      end = start + s.text.length;
    }
    if (start >= 0 && end > start) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([...r]);
  }
  const pre = el("p", { class: "article-text" });
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) pre.append(document.createTextNode(text.slice(at, a)));
    pre.append(el("mark", { class: "evidence", text: text.slice(a, b) }));
    at = b;
  }
  if (at < text.length) pre.append(document.createTextNode(text.slice(at)));
  return pre;
}

function actorLabel(a) {
  if (!a) return "–";
  return `${a.name} (${a.kind.replace("_", " ")}${a.country ? ", " + countryName(a.country) : ""})`;
}

function sourceLink(a) {
  const href = safeHref(a.url);
  const name = a.title || a.id;
  return href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, name) : el("span", { text: name });
}

async function openEvent(id) {
  try {
    const ev = await api("/events/" + encodeURIComponent(id));
    state.selected = id;
    for (const tr of $("events-table").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.eventId === id);
    for (const c of $("map-events").children) c.classList.toggle("selected", c.dataset.eventId === id);
    $("ev-title").textContent = typeLabel(ev);
    const loc = ev.location;
    const facts = [
      ["Date", ev.event_date ? `${ev.event_date}${ev.date_precision && ev.date_precision !== "day" ? " (" + ev.date_precision + ")" : ""}` : "undated"],
      ["Place", loc ? [placeLabel(loc), countryName(loc.country)].filter((x, i, a) => x !== "–" && a.indexOf(x) === i).join(", ") + (loc.latitude !== null ? ` (${loc.latitude.toFixed(3)}, ${loc.longitude.toFixed(3)}; ${loc.precision})` : "") : "–"],
      ["Actor 1", actorLabel(ev.actor1)],
      ["Actor 2", actorLabel(ev.actor2)],
      ["Fatalities", fmt(ev.fatalities)],
      ["Injuries", fmt(ev.injuries)],
      ["PLOVER", `${ev.plover_type} · ${ev.category} · ${ev.status}`],
      ["Confidence", ev.confidence.toFixed(2)],
      ["Event id", ev.event_id],
    ];
    $("ev-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
    $("ev-sources").replaceChildren(...ev.articles.map((a) => el("li", {}, sourceLink(a),
      el("span", { class: "badge", text: a.source || "unknown outlet" }),
      el("span", { class: "badge", text: a.published || "undated" }), " ",
      el("a", { href: "/articles/" + encodeURIComponent(a.id), class: "json" }, "JSON"))));
    const box = $("ev-articles");
    box.replaceChildren();
    $("event-view").hidden = false;
    for (const ref of ev.articles) {
      const art = await api("/articles/" + encodeURIComponent(ref.id));
      const spans = ev.evidence_spans.filter((s) => s.article_id === art.id);
      box.append(el("section", { class: "article", "data-article-id": art.id },
        el("h4", { text: art.title || art.id }),
        el("div", { class: "meta", text: `${art.source || "unknown outlet"} · ${art.published || "undated"} · ${spans.length} evidence sentence${spans.length === 1 ? "" : "s"} highlighted` }),
        highlighted(art.text, spans)));
    }
    const first = box.querySelector("mark.evidence");
    if (first) first.scrollIntoView({ block: "center" });
    if (location.hash !== "#event=" + encodeURIComponent(id)) history.replaceState(null, "", "#event=" + encodeURIComponent(id));
  } catch (err) {
    showError(err);
  }
}

function closeEvent() {
  $("event-view").hidden = true;
  state.selected = null;
  history.replaceState(null, "", location.pathname + location.search);
}

// ---- watch: escalation alerts and ceasefires (/alerts, /truces) --------------------------------
const WATCH_ROWS = 25;
const watch = { alerts: null, truces: null, today: null, rule: null };

function areaLabel(country, admin1) { return admin1 ? `${admin1}, ${countryName(country)}` : countryName(country); }

function selectedCountries() {
  const out = new Set();
  for (const v of state.params.getAll("country")) for (const c of v.split(",")) if (c.trim()) out.add(c.trim().toUpperCase());
  return out;
}

function pLabel(p) { return p < 0.001 ? p.toExponential(1) : p.toFixed(3); }

function observedLabel(alert, metric) {
  const observed = metric === "events" ? alert.events_count : alert.fatalities;
  const t = alert.triggers.find((x) => x.metric === metric);
  return t ? `${fmt(observed)} (${fmt(t.baseline_mean)})` : fmt(observed);
}

function showAlertEvents(a) {
  // The alert's area and week, and nothing else, so the table lists the events behind it.
  const p = new URLSearchParams({ country: a.country, date_from: a.week_start, date_to: a.week_end, category: "material" });
  if (a.admin1) p.set("admin1", a.admin1);
  paramsToForm(p);
  apply();
}

function alertRow(a) {
  const tr = el("tr", { "data-level": a.level, "data-country": a.country, title: "Show the events of this week here" },
    el("td", { text: `${a.week_start} – ${a.week_end}` }),
    el("td", { text: areaLabel(a.country, a.admin1) }),
    el("td", { text: a.level }),
    el("td", { class: "num", text: observedLabel(a, "events") }),
    el("td", { class: "num", text: observedLabel(a, "fatalities") }),
    el("td", { class: "num", text: pLabel(Math.min(...a.triggers.map((t) => t.p_value))) }));
  tr.addEventListener("click", () => showAlertEvents(a));
  return tr;
}

function truceRow(s) {
  const t = s.truce;
  const area = t.area_countries.map(countryName).join(", ") + (t.area_admin1 ? ` (${t.area_admin1})` : "");
  return el("tr", { "data-truce-id": t.truce_id, title: t.evidence.join("\n") },
    el("td", { text: t.parties.map((p) => p.name).join(" · ") }),
    el("td", { text: area }),
    el("td", { text: t.start }),
    el("td", { text: t.end || "open" }),
    el("td", { class: "num", text: fmt(s.violation_count) }),
    el("td", { class: "num", text: s.days_since_last_violation === null ? "none yet" : fmt(s.days_since_last_violation) }),
    el("td", { class: "num", text: fmt(s.accusations.length) }));
}

function drawWatch() {
  if (!watch.alerts) return;
  const only = selectedCountries();
  const alerts = watch.alerts.filter((a) => !only.size || only.has(a.country))
    .sort((a, b) => b.week_start.localeCompare(a.week_start) || a.country.localeCompare(b.country) ||
      (a.admin1 || "").localeCompare(b.admin1 || ""));
  const truces = watch.truces.filter((s) => !only.size || s.truce.area_countries.some((c) => only.has(c)))
    .sort((a, b) => b.truce.agreed_on.localeCompare(a.truce.agreed_on));
  $("alerts-table").tBodies[0].replaceChildren(...alerts.slice(0, WATCH_ROWS).map(alertRow));
  $("truces-table").tBodies[0].replaceChildren(...truces.slice(0, WATCH_ROWS).map(truceRow));
  $("alerts-empty").hidden = alerts.length > 0;
  $("truces-empty").hidden = truces.length > 0;
  const r = watch.rule;
  $("watch-note").textContent = `${plural(alerts.length, "alert", "alerts")}` +
    (alerts.length > WATCH_ROWS ? ` (latest ${WATCH_ROWS} shown)` : "") + ` · ${plural(truces.length, "ceasefire", "ceasefires")}` +
    (truces.length > WATCH_ROWS ? ` (latest ${WATCH_ROWS} shown)` : "") + (only.size ? " in the selected countries" : "") +
    ` · baseline ${r.baseline_weeks} weeks, p < ${r.p_threshold}, at least ${r.min_events} events or ${r.min_fatalities} dead` +
    (watch.today ? ` · days counted to ${watch.today}` : "");
}

async function loadWatch() {
  try {
    const [alerts, truces] = await Promise.all([api("/alerts"), api("/truces")]);
    watch.alerts = alerts.alerts;
    watch.rule = alerts.rule;
    watch.truces = truces.truces;
    watch.today = truces.today;
    drawWatch();
    document.body.dataset.watch = "1";
  } catch (err) {
    $("watch-note").textContent = `could not load: ${err.message || err}`;
    document.body.dataset.watch = "error";
  }
}

// ---- wiring -------------------------------------------------------------------------------------
async function refresh(params, refit) {
  showError(null);
  state.params = params;
  const qs = params.toString();
  history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  const fq = filterOnly(params).toString();
  const sortQs = params.get("sort") ? (fq ? "&" : "") + "sort=" + encodeURIComponent(params.get("sort")) : "";
  for (const kind of ["csv", "geojson", "parquet"]) $("export-" + kind).href = `/events.${kind}` + (fq || sortQs ? "?" + fq + sortQs : "");
  try {
    const [stats] = await Promise.all([api("/stats", filterOnly(params)), loadTable(params, false), loadMap(params, refit)]);
    $("summary").textContent = `${plural(stats.events, "event", "events")} · ${plural(stats.fatalities, "fatality", "fatalities")} · ` +
      plural(stats.by_country.filter((c) => c.country).length, "country", "countries");
    drawTimeline(stats.by_week);
    shadeCountries(stats.by_country);
    drawWatch();
    document.body.dataset.ready = "1";
  } catch (err) {
    showError(err);
    document.body.dataset.ready = "error";
  }
}

function apply() {
  document.body.dataset.ready = "0";
  refresh(formToParams(), !$("f-bbox").checked);
}

async function main() {
  drawLegend();
  installMapControls();
  setView(-170, -80, 340, 150);
  try {
    await Promise.all([loadCountries(), fillOptions()]);
  } catch (err) {
    showError(err);
  }
  loadWatch();  // not awaited: merging the whole store for the watch panel must not hold up the rest
  const initial = new URLSearchParams(location.search);
  paramsToForm(initial);
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  $("reset").addEventListener("click", () => { paramsToForm(new URLSearchParams()); apply(); });
  $("more").addEventListener("click", () => loadTable(state.params, true).catch(showError));
  $("ev-close").addEventListener("click", closeEvent);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeEvent(); });
  await refresh(formToParamsFrom(initial), true);
  const m = location.hash.match(/^#event=(.+)$/);
  if (m) openEvent(decodeURIComponent(m[1]));
}

function formToParamsFrom(initial) {
  // On load the URL's own bbox is kept (the view is not known yet); afterwards the form is the truth.
  const p = formToParams();
  if (initial.has("bbox")) p.set("bbox", initial.get("bbox"));
  return p;
}

main();

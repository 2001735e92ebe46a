/* The web atlas of Territorial Links: goal list with search, the land use as the map, an area's links.
   Reads window.TL_ATLAS (data.js, written by the plugin); every text shown comes from it.
   Plain script (no modules, no network): it must run opened from disk. */
(function () {
  "use strict";
  var started = performance.now();
  var D = window.TL_ATLAS, T = D.texts;
  var STANCE_COLORS = ["#1a8548", "#c82828", "#6e6e78"];
  var PALE = ["#e3ead2", "#f2e3c9", "#d7e6ee", "#eadbe6", "#e9e4d4", "#dbe9dc", "#efe0d8", "#e1e1ec",
              "#f3edcf", "#d9e4e1", "#ece0ec", "#e4ecd6"];
  var PRECISION = 100000;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function decodeRing(values) {  /* delta-coded integers (encode.py) → [[lat, lon], …] */
    var out = [], x = 0, y = 0;
    for (var i = 0; i < values.length; i += 2) {
      x += values[i]; y += values[i + 1];
      out.push([y / PRECISION, x / PRECISION]);
    }
    return out;
  }

  /* categories → pale background colours, in order of first appearance */
  var categoryColor = {}, categories = 0;
  function colorOf(category) {
    if (!(category in categoryColor)) categoryColor[category] = PALE[categories++ % PALE.length];
    return categoryColor[category];
  }

  var renderer = L.canvas({ padding: 0.2, tolerance: 3 });
  var map = L.map("map", { renderer: renderer, preferCanvas: true, zoomSnap: 0.25, attributionControl: false });
  var areas = [], byKey = {}, goalAreas = D.goals.map(function () { return []; });
  /* coordinates decoded and the view set first: layers added to a map with a view are projected
     once; added before, they are projected again when the view is set */
  var south = 90, west = 180, north = -90, east = -180;
  var shapes = D.areas.map(function (row) {
    return row[4].map(function (polygon) {
      return polygon.map(function (ring) {
        var latlngs = decodeRing(ring);
        for (var i = 0; i < latlngs.length; i++) {
          var p = latlngs[i];
          if (p[0] < south) south = p[0]; if (p[0] > north) north = p[0];
          if (p[1] < west) west = p[1]; if (p[1] > east) east = p[1];
        }
        return latlngs;
      });
    });
  });
  var bounds = L.latLngBounds([]);
  if (shapes.length) bounds = L.latLngBounds([south, west], [north, east]);
  if (bounds.isValid()) map.fitBounds(bounds); else map.setView([62, 16], 5);
  D.areas.forEach(function (row, index) {
    var area = { index: index, layer: row[0], key: row[1], name: row[2], category: row[3], links: row[5] };
    area.shape = L.polygon(shapes[index], { renderer: renderer, weight: row[5].length ? 1 : 0.5, color: "#8a9099",
      fillColor: colorOf(area.category), fillOpacity: 1, opacity: 1 });
    area.shape.on("click", function () { showArea(area); });
    area.shape.addTo(map);
    area.links.forEach(function (link) { goalAreas[link[0]].push([area, link[1]]); });
    areas.push(area);
    byKey[area.layer + ":" + area.key] = area;
  });
  shapes = null;
  var wholeZoom = map.getZoom();

  /* the chosen goal's areas in the colour of their stance; the rest stays pale */
  var chosen = null, styled = [];
  function resetStyles() {
    styled.forEach(function (area) {
      area.shape.setStyle({ fillColor: colorOf(area.category), color: "#8a9099", weight: area.links.length ? 1 : 0.5 });
    });
    styled = [];
  }
  function chooseGoal(index, zoom) {
    resetStyles();
    var items = document.querySelectorAll("#goals li");
    for (var i = 0; i < items.length; i++) items[i].classList.toggle("chosen", Number(items[i].dataset.index) === index);
    chosen = index;
    if (index === null) return;
    var box = L.latLngBounds([]);
    goalAreas[index].forEach(function (pair) {
      var area = pair[0], color = STANCE_COLORS[pair[1]] || STANCE_COLORS[2];
      area.shape.setStyle({ fillColor: color, color: "#ffffff", weight: 1.5 });
      area.shape.bringToFront();
      styled.push(area);
      box.extend(area.shape.getBounds());
    });
    /* to the goal's areas, but never so close that a single small area loses its surroundings */
    if (zoom && box.isValid()) map.fitBounds(box, { maxZoom: wholeZoom + 2, padding: [40, 40] });
  }

  function pdfLink(goal) {
    if (!D.pdf || !goal.page) return null;
    var link = el("a", "pdf", fmt(T.pdf_page, { n: goal.page }));
    link.href = D.pdf + "#page=" + goal.page;
    link.target = "_blank";
    link.addEventListener("click", function (event) { event.stopPropagation(); });
    return link;
  }

  /* the clicked area: name, category and every linked goal with stance, strength and motivation */
  var info = document.getElementById("info"), outline = null;
  function showArea(area) {
    if (outline) outline.remove();
    outline = L.polygon(area.shape.getLatLngs(), { renderer: renderer, interactive: false, fill: false,
      color: "#111", weight: 3 }).addTo(map);
    info.textContent = "";
    info.appendChild(el("h2", "name", area.name || T.unnamed));
    info.appendChild(el("p", "category", T.category + ": " + (area.category || T.no_category)));
    if (!area.links.length) { info.appendChild(el("p", "nolinks", T.no_links)); return; }
    info.appendChild(el("h3", null, T.linked));
    var list = el("ul");
    area.links.forEach(function (link) {
      var goal = D.goals[link[0]];
      var item = el("li", "s" + link[1]);
      item.dataset.goal = goal.id;
      item.appendChild(el("span", "goal", goal.label));
      if (goal.title) item.appendChild(el("span", "title", goal.title));
      var stance = el("div");
      stance.appendChild(el("span", "stance", D.stances[link[1]]));
      stance.appendChild(document.createTextNode(" · " + fmt(T.strength, { n: link[2] })));
      item.appendChild(stance);
      if (link[3]) item.appendChild(el("p", "motivation", link[3]));
      if (link[4]) item.appendChild(el("p", "rule", fmt(T.rule, { name: link[4] })));
      var pdf = pdfLink(goal);
      if (pdf) item.appendChild(pdf);
      list.appendChild(item);
    });
    info.appendChild(list);
  }

  /* the goal list, searchable */
  document.getElementById("subtitle").textContent = [D.municipality, D.date].filter(Boolean).join(" · ");
  document.getElementById("credits").textContent = T.credits;
  document.getElementById("hint").textContent = T.hint;
  var search = document.getElementById("search"), list = document.getElementById("goals");
  search.placeholder = T.search;
  var all = document.getElementById("all");
  all.textContent = T.all_goals;
  all.addEventListener("click", function () { chooseGoal(null); if (bounds.isValid()) map.fitBounds(bounds); });
  D.goals.forEach(function (goal, index) {
    var item = el("li");
    item.dataset.index = index;
    item.dataset.goal = goal.id;
    item.dataset.search = (goal.label + " " + goal.title + " " + goal.description).toLowerCase();
    item.appendChild(el("span", "label", goal.label));
    if (goal.title) item.appendChild(el("span", "title", goal.title));
    var count = goalAreas[index].length;
    item.appendChild(el("div", "count", count === 1 ? T.one_area : fmt(T.areas, { n: count })));
    var pdf = pdfLink(goal);
    if (pdf) item.appendChild(pdf);
    item.addEventListener("click", function () { chooseGoal(chosen === index ? null : index, true); });
    list.appendChild(item);
  });
  var nomatch = document.getElementById("nomatch");
  nomatch.textContent = T.no_match;
  search.addEventListener("input", function () {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var hit = words.every(function (w) { return item.dataset.search.indexOf(w) >= 0; });
      item.hidden = !hit;
      if (hit) shown++;
    });
    nomatch.hidden = shown > 0;
  });

  var legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    var box = el("div", "legend");
    D.stances.forEach(function (name, i) {
      var row = el("div"), swatch = el("i");
      swatch.style.background = STANCE_COLORS[i];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(name));
      box.appendChild(row);
    });
    return box;
  };
  legend.addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  /* for tests and the benchmark: the time to the first drawn frame, and the same entry points a user has */
  window.tlAtlas = { map: map, areas: byKey, chooseGoal: chooseGoal, showArea: showArea,
    pointOf: function (key) {  /* a pixel inside the area, in page coordinates, to click at */
      var area = byKey[key], shape = area.shape, box = shape.getBounds();
      var rect = map.getContainer().getBoundingClientRect(), ring = shape.getLatLngs()[0];
      ring = Array.isArray(ring[0]) ? ring[0] : ring;
      for (var step = 0; step < 400; step++) {  /* the centre, else a point found on a grid inside */
        var fx = step === 0 ? 0.5 : ((step * 0.618034) % 1), fy = step === 0 ? 0.5 : ((step * 0.414214) % 1);
        var ll = L.latLng(box.getSouth() + fy * (box.getNorth() - box.getSouth()),
                          box.getWest() + fx * (box.getEast() - box.getWest()));
        if (inside(ll, ring)) {
          var p = map.latLngToContainerPoint(ll);
          return { x: rect.left + p.x, y: rect.top + p.y };
        }
      }
      return null;
    } };
  function inside(ll, ring) {
    var hit = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i], b = ring[j];
      if ((a.lat > ll.lat) !== (b.lat > ll.lat) &&
          ll.lng < (b.lng - a.lng) * (ll.lat - a.lat) / (b.lat - a.lat) + a.lng) hit = !hit;
    }
    return hit;
  }
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      document.body.dataset.drawnMs = String(Math.round(performance.now()));
      document.body.dataset.setupMs = String(Math.round(performance.now() - started));
    });
  });
})();

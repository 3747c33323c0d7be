// journeymap's interactive page: the details of the step under the pointer, the
// keyboard focus or a tap in the side panel (a drawer at the bottom on a phone), arrow
// keys from step to step, a button per persona that shows or hides its curve and picks
// it out, zoom, pinned lane names, phase row and emotion scale, where the map has a
// blueprint, a button per view, where it is drawn against a baseline, a button that
// shows or hides it, and where it has sources, the evidence overlay. It builds the
// panel with textContent only.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("journey-data").textContent);
  const labels = data.labels;
  const steps = new Map();
  data.steps.forEach((step) => steps.set(step.number, step));
  const panel = document.getElementById("panel");
  const detail = document.getElementById("detail");
  const handle = panel.querySelector(".handle");
  const phone = window.matchMedia("(max-width: 899.98px)");
  // One drawing per view (the journey map, the service blueprint); one is shown.
  const maps = Array.from(document.querySelectorAll(".map"));
  const shownMap = () => maps.find((m) => !m.classList.contains("off"));
  const ns = "http://www.w3.org/2000/svg";

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The drawer on a phone: closed, peeking (the step's name) or open (all of it).
  function drawer(state) {
    panel.dataset.state = state;
    handle.setAttribute("aria-expanded", String(state === "open"));
  }
  drawer("peek");
  handle.addEventListener("click", () => drawer(panel.dataset.state === "open" ? "peek" : "open"));
  panel.querySelector(".close").addEventListener("click", () => drawer("closed"));

  // Every line of the panel comes from the page's data, written by journeymap in the
  // map's language: this script formats nothing itself.
  let current = null;
  function show(number) {
    const s = steps.get(number);
    if (!s || number === current) return;
    current = number;
    detail.replaceChildren(el("p", "phase-name-line", s.phase), el("h2", null, s.action));
    if (s.critical) detail.append(el("p", "critical", labels.critical));
    if (s.gap) detail.append(el("p", "gap", labels.gap));
    if (s.new) detail.append(el("p", "new", labels.new));
    s.sections.forEach((section) => {
      detail.append(el("h3", null, section.title));
      const list = el("ul");
      section.items.forEach((item) => list.append(el("li", null, item)));
      detail.append(list);
    });
    document.querySelectorAll(".map [data-step]").forEach((g) => g.classList.toggle("selected", Number(g.dataset.step) === number));
  }

  // A listener on `node` under `key`, in place of the one set under that key before: the
  // script may run again on the same drawing (a preview redraws the page in place), and
  // the drawing's own nodes carry no listeners, only its scroll area, so that they can
  // be kept.
  function listen(node, key, type, handler, options) {
    const slot = "__journeymap_" + key;
    if (node[slot]) node.removeEventListener(type, node[slot].handler, node[slot].options);
    node[slot] = { handler, options };
    node.addEventListener(type, handler, options);
  }

  function setUp(scroller) {
    const map = scroller.querySelector("svg");
    // Its steps are named groups to a screen reader, not parts of one image.
    map.setAttribute("role", "group");
    // Each step's group, entered, focused or tapped (seen on the way down: entering and
    // focus do not bubble).
    const stepOf = (node) => (node instanceof Element && node.matches("[data-step]") ? Number(node.dataset.step) : null);
    listen(scroller, "enter", "mouseenter", (event) => {
      const number = stepOf(event.target);
      if (number !== null) show(number);
    }, true);
    listen(scroller, "focus", "focus", (event) => {
      const number = stepOf(event.target);
      if (number === null) return;
      show(number);
      reveal(event.target);
    }, true);
    // A tap: the step in the drawer, open.
    listen(scroller, "tap", "click", (event) => {
      const g = event.target instanceof Element ? event.target.closest("[data-step]") : null;
      if (!g) return;
      show(Number(g.dataset.step));
      if (phone.matches) drawer("open");
    });

    // The steps' action cards are the tab stops; a map drawn without the actions lane
    // gets its first card (or point) of each step instead.
    let actions = Array.from(map.querySelectorAll("g.action[data-step]"));
    if (!actions.length) {
      const first = new Map();
      map.querySelectorAll("[data-step]").forEach((g) => {
        const n = Number(g.dataset.step);
        if (!first.has(n)) first.set(n, g);
      });
      actions = Array.from(first.keys()).sort((a, b) => a - b).map((n) => first.get(n));
      actions.forEach((g) => g.setAttribute("tabindex", "0"));
    }
    actions.forEach((g) => {
      const step = steps.get(Number(g.dataset.step));
      g.setAttribute("role", "group");
      if (step) g.setAttribute("aria-label", step.name);
    });
    listen(scroller, "keys", "keydown", (event) => {
      const i = actions.indexOf(event.target);
      if (i < 0) return;
      const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -i, End: actions.length - 1 - i }[event.key];
      const target = move === undefined ? null : actions[i + move];
      if (target) {
        event.preventDefault();
        target.focus({ preventScroll: true });
      }
    });
    // A persona's curve, point or note under the pointer picks the persona out.
    const pickable = (node) => node instanceof Element && node.matches("path.emotion-curve, .emotion-point[data-persona], .emotion-note[data-persona]");
    listen(scroller, "pick", "mouseenter", (event) => {
      if (pickable(event.target)) pick(event.target.dataset.persona);
    }, true);
    listen(scroller, "unpick", "mouseleave", (event) => {
      if (pickable(event.target)) pick(null);
    }, true);

    // A focused card is scrolled fully into view: right of the pinned lane names and
    // below the pinned phase row.
    function reveal(g) {
      if (scroller.classList.contains("off")) return;
      const pinned = scroller.pinnedSize ? scroller.pinnedSize() : { left: 0, top: 0 };
      const view = scroller.getBoundingClientRect();
      const card = g.getBoundingClientRect();
      const margin = 8;
      const left = view.left + pinned.left + margin;
      const right = view.left + scroller.clientWidth - margin;
      const top = view.top + pinned.top + margin;
      const bottom = view.top + scroller.clientHeight - margin;
      let dx = 0;
      let dy = 0;
      if (card.left < left) dx = card.left - left;
      else if (card.right > right) dx = Math.min(card.right - right, card.left - left);
      if (card.top < top) dy = card.top - top;
      else if (card.bottom > bottom) dy = Math.min(card.bottom - bottom, card.top - top);
      if (dx || dy) {
        scroller.scrollLeft += dx;
        scroller.scrollTop += dy;
        if (scroller.follow) scroller.follow();
      }
    }

    // Lane names and the emotion scale stay in view on a map wider than the window,
    // the phase row on one taller: copies drawn last in the SVG and moved along as the
    // map scrolls. Measured when the drawing is first shown (a hidden one has no size).
    let pinnedDone = false;
    scroller.pin = () => {
      const laneLabels = Array.from(map.querySelectorAll("g.lane-label"));
      if (pinnedDone || !laneLabels.length || scroller.classList.contains("off")) return;
      pinnedDone = true;
      const ticks = Array.from(map.querySelectorAll("text.tick"));
      const right = Math.max(...laneLabels.concat(ticks).map((g) => { const b = g.getBBox(); return b.x + b.width; })) + 4;
      const box = map.viewBox.baseVal;
      const make = (tag, attributes) => {
        const node = document.createElementNS(ns, tag);
        Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
        return node;
      };
      // The phase row, where the phases are one row (not a map cut into bands).
      const phases = Array.from(map.querySelectorAll("g.phase"));
      const tops = new Set(phases.map((g) => Math.round(g.getBBox().y)));
      const rowBottom = tops.size === 1 ? Math.max(...phases.map((g) => { const b = g.getBBox(); return b.y + b.height; })) + 3 : 0;
      const row = make("g", { class: "pinned pinned-row off", "aria-hidden": "true" });
      if (rowBottom) {
        row.appendChild(make("rect", { class: "page", x: 0, y: 0, width: box.width, height: rowBottom }));
        phases.forEach((g) => row.appendChild(g.cloneNode(true)));
        map.appendChild(row);
      }
      const lanes = make("g", { class: "pinned pinned-lanes off", "aria-hidden": "true" });
      lanes.appendChild(make("rect", { class: "page", x: 0, y: 0, width: right, height: box.height }));
      map.querySelectorAll("rect.lane").forEach((lane) => {
        const copy = lane.cloneNode(false);
        copy.setAttribute("width", String(Math.max(0, right - Number(lane.getAttribute("x")))));
        lanes.appendChild(copy);
      });
      map.querySelectorAll("line.grid, line.neutral, line.blueprint-line").forEach((line) => {
        if (Number(line.getAttribute("x1")) < right) {
          const copy = line.cloneNode(false);
          copy.setAttribute("x2", String(Math.min(right, Number(line.getAttribute("x2")))));
          lanes.appendChild(copy);
        }
      });
      laneLabels.forEach((g) => lanes.appendChild(g.cloneNode(true)));
      ticks.forEach((t) => lanes.appendChild(t.cloneNode(true)));
      // The blueprint's lines' names, written at their left end.
      map.querySelectorAll("text.blueprint-line-label").forEach((t) => {
        if (Number(t.getAttribute("x")) < right) lanes.appendChild(t.cloneNode(true));
      });
      lanes.appendChild(make("line", { class: "edge", x1: right, x2: right, y1: 0, y2: box.height }));
      map.appendChild(lanes);
      const corner = make("rect", { class: "page pinned off", x: 0, y: 0, width: right, height: rowBottom, "aria-hidden": "true" });
      if (rowBottom) map.appendChild(corner);
      const scale = () => map.getBoundingClientRect().width / box.width;
      scroller.pinnedSize = () => ({ left: right * scale(), top: rowBottom * scale() });
      scroller.follow = () => {
        const s = scale();
        const x = scroller.scrollLeft / s;
        const y = scroller.scrollTop / s;
        lanes.setAttribute("transform", "translate(" + x + ",0)");
        lanes.classList.toggle("off", x <= 0);
        row.setAttribute("transform", "translate(0," + y + ")");
        row.classList.toggle("off", y <= 0);
        corner.setAttribute("transform", "translate(" + x + "," + y + ")");
        corner.classList.toggle("off", x <= 0 || y <= 0);
      };
      listen(scroller, "scroll", "scroll", scroller.follow, { passive: true });
      scroller.follow();
    };
    scroller.pin();

    // Zoom: the SVG drawn larger or smaller (its size, not a scaled picture: the text
    // stays sharp), about a point that stays where it is.
    let zoom = 1;
    let base = null;
    scroller.zoomBy = (factor, cx, cy) => {
      if (!base) {
        const r = map.getBoundingClientRect();
        if (!r.width) return;
        base = { width: r.width, height: r.height };
      }
      const least = Math.max(0.1, Math.min(1, scroller.clientWidth / base.width, scroller.clientHeight / base.height));
      const next = Math.min(4, Math.max(least, zoom * factor));
      const x = cx === undefined ? scroller.clientWidth / 2 : cx;
      const y = cy === undefined ? scroller.clientHeight / 2 : cy;
      const ratio = next / zoom;
      zoom = next;
      map.setAttribute("width", String(base.width * zoom));
      map.setAttribute("height", String(base.height * zoom));
      scroller.scrollLeft = (scroller.scrollLeft + x) * ratio - x;
      scroller.scrollTop = (scroller.scrollTop + y) * ratio - y;
      if (scroller.follow) scroller.follow();
    };
    scroller.zoomLevel = () => zoom;
    // Pinch with two fingers; Ctrl and the wheel (a touchpad's pinch).
    let pinch = null;
    const spread = (t) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
    listen(scroller, "touchstart", "touchstart", (event) => {
      if (event.touches.length === 2) pinch = spread(event.touches);
    }, { passive: true });
    listen(scroller, "touchmove", "touchmove", (event) => {
      if (pinch === null || event.touches.length !== 2) return;
      event.preventDefault();
      const now = spread(event.touches);
      const view = scroller.getBoundingClientRect();
      const cx = (event.touches[0].clientX + event.touches[1].clientX) / 2 - view.left;
      const cy = (event.touches[0].clientY + event.touches[1].clientY) / 2 - view.top;
      scroller.zoomBy(now / pinch, cx, cy);
      pinch = now;
    }, { passive: false });
    listen(scroller, "touchend", "touchend", () => { pinch = null; }, { passive: true });
    listen(scroller, "wheel", "wheel", (event) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      const view = scroller.getBoundingClientRect();
      scroller.zoomBy(Math.exp(-event.deltaY * 0.002), event.clientX - view.left, event.clientY - view.top);
    }, { passive: false });
  }
  maps.forEach(setUp);
  document.querySelectorAll("button[data-zoom]").forEach((button) => button.addEventListener("click", () => {
    const m = shownMap();
    if (m) m.zoomBy(button.dataset.zoom === "in" ? 1.25 : 0.8);
  }));

  // A persona picked out: its curve, points and notes stand out, the others are dimmed.
  function pick(id) {
    document.body.classList.toggle("picking", id !== null);
    document.querySelectorAll("[data-persona]").forEach((node) => node.classList.toggle("picked", node.dataset.persona === id));
  }
  document.querySelectorAll("button[data-persona]").forEach((button) => {
    ["mouseenter", "focus"].forEach((e) => button.addEventListener(e, () => pick(button.dataset.persona)));
    ["mouseleave", "blur"].forEach((e) => button.addEventListener(e, () => pick(null)));
    button.addEventListener("click", () => {
      const shown = button.getAttribute("aria-pressed") === "true";
      button.setAttribute("aria-pressed", String(!shown));
      document.querySelectorAll(".map [data-persona]").forEach((node) => {
        if (node.dataset.persona === button.dataset.persona) node.classList.toggle("off", shown);
      });
    });
  });

  // The emotion notes under the curves, where the drawing has any: shown or hidden.
  const notes = document.querySelector(".notes-toggle");
  if (notes && document.querySelector(".map .emotion-notes")) {
    notes.hidden = false;
    notes.addEventListener("click", () => {
      const shown = notes.getAttribute("aria-pressed") === "true";
      notes.setAttribute("aria-pressed", String(!shown));
      document.body.classList.toggle("notes-off", shown);
    });
  }

  // The evidence overlay, where the map has sources: each step's column tinted by the
  // share of its statements that cite a source (its level, from the page's data), the
  // steps said, not seen outlined. Drawn when first asked for, in the drawing shown (a
  // hidden one has no size), under the pinned lane names.
  const evidence = data.evidence;
  // A preview redrawn in place keeps its drawing's nodes: an overlay of the last drawing
  // is drawn anew.
  document.querySelectorAll(".map .evidence-overlay").forEach((g) => g.remove());
  document.body.classList.remove("evidence-on");
  const evidenceButton = document.querySelector(".evidence-toggle");
  const evidenceLegend = document.getElementById("evidence-legend");
  function overlay() {
    const m = shownMap();
    if (!document.body.classList.contains("evidence-on") || !m) return;
    const map = m.querySelector("svg");
    if (!map || map.querySelector(".evidence-overlay")) return;
    const group = document.createElementNS(ns, "g");
    group.setAttribute("class", "evidence-overlay");
    group.setAttribute("aria-hidden", "true");
    evidence.forEach((step) => {
      let box = null;
      map.querySelectorAll('[data-step="' + step.number + '"]').forEach((g) => {
        if (g.closest(".pinned")) return;
        const b = g.getBBox();
        if (!b.width && !b.height) return;
        box = box ? {
          x1: Math.min(box.x1, b.x), y1: Math.min(box.y1, b.y),
          x2: Math.max(box.x2, b.x + b.width), y2: Math.max(box.y2, b.y + b.height),
        } : { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
      });
      if (!box) return;
      const rect = document.createElementNS(ns, "rect");
      const attributes = { x: box.x1 - 3, y: box.y1 - 3, width: box.x2 - box.x1 + 6, height: box.y2 - box.y1 + 6, rx: 5 };
      Object.entries(attributes).forEach(([k, v]) => rect.setAttribute(k, String(v)));
      rect.setAttribute("class", "evidence-tint e" + step.level + (step.said ? " said" : ""));
      group.appendChild(rect);
    });
    const pinned = map.querySelector(".pinned");
    map.insertBefore(group, pinned);
  }
  if (evidence && evidenceButton && evidenceLegend) {
    evidenceButton.hidden = false;
    evidenceButton.addEventListener("click", () => {
      const on = evidenceButton.getAttribute("aria-pressed") !== "true";
      evidenceButton.setAttribute("aria-pressed", String(on));
      evidenceLegend.hidden = !on;
      document.body.classList.toggle("evidence-on", on);
      overlay();
    });
  }

  // A map drawn against its baseline: the baseline's curves, the "new" badges and the
  // list of gone steps, shown or hidden.
  const baseline = document.querySelector(".baseline-toggle");
  if (baseline) {
    baseline.addEventListener("click", () => {
      const shown = baseline.getAttribute("aria-pressed") === "true";
      baseline.setAttribute("aria-pressed", String(!shown));
      document.body.classList.toggle("baseline-off", shown);
    });
  }

  const viewButtons = Array.from(document.querySelectorAll("button[data-view]"));
  viewButtons.forEach((button) => button.addEventListener("click", () => {
    viewButtons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    maps.forEach((m) => m.classList.toggle("off", m.dataset.view !== button.dataset.view));
    maps.forEach((m) => m.pin());
    overlay();
  }));
})();

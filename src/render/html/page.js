// journeymap's interactive page: the details of the step under the pointer or the
// keyboard focus in the side panel, arrow keys from step to step, and a button per
// persona that shows or hides its curve. It builds the panel with textContent only.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("journey-data").textContent);
  const doc = data.document;
  const labels = data.labels;
  const steps = new Map();
  doc.phases.forEach((phase) => phase.steps.forEach((step) => steps.set(step.number, { phase: phase.name, step })));
  const nameOf = (list, id) => ((list.find((x) => x.id === id) || {}).label || id);
  const panel = document.getElementById("detail");
  const map = document.querySelector(".map svg");

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function section(title, items) {
    if (!items.length) return;
    panel.append(el("h3", null, title));
    const list = el("ul");
    items.forEach((item) => list.append(el("li", null, item)));
    panel.append(list);
  }

  function show(number) {
    const entry = steps.get(number);
    if (!entry) return;
    const s = entry.step;
    panel.replaceChildren(el("p", "phase", entry.phase), el("h2", null, s.action));
    if (s.critical) panel.append(el("p", "critical", labels.critical));
    if (s.gap) panel.append(el("p", "gap", labels.gap));
    section(labels.touchpoints, s.touchpoints.map((t) => {
      const who = [t.channel && nameOf(doc.channels, t.channel), t.owner && nameOf(doc.owners, t.owner)].filter(Boolean);
      return who.length ? who.join(" \u00b7 ") + ": " + t.text : t.text;
    }));
    section(labels.emotions, s.emotions.map((e) => (e.persona || labels.customer) + ": " + e.score + (e.text ? " \u2014 " + e.text : "")));
    section(labels.thoughts, s.thoughts);
    section(labels.quotes, s.quotes.map((q) => "\u201c" + q + "\u201d"));
    section(labels.pains, s.pains);
    section(labels.delights, s.delights);
    section(labels.needs, s.needs.map((n) => (n.kind ? labels[n.kind] + ": " : "") + n.text));
    section(labels.opportunities, s.opportunities);
    const signed = (d) => (d > 0 ? "+" : d < 0 ? "\u2212" : "\u00b1") + String(Math.round(Math.abs(d) * 100) / 100);
    section(labels.kpis, s.kpis.map((k) => k.label + ": " + k.value.text
      + (k.target ? " \u00b7 " + labels.target + " " + k.target.text + " (" + signed(k.value.number - k.target.number) + ")" : "")));
    section(labels.notes, s.notes);
    map.querySelectorAll("[data-step]").forEach((g) => g.classList.toggle("selected", Number(g.dataset.step) === number));
  }

  map.querySelectorAll("[data-step]").forEach((g) => {
    const number = Number(g.dataset.step);
    g.addEventListener("mouseenter", () => show(number));
    g.addEventListener("focus", () => show(number));
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
  actions.forEach((g, i) => g.addEventListener("keydown", (event) => {
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -i, End: actions.length - 1 - i }[event.key];
    const target = move === undefined ? null : actions[i + move];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }));

  // Lane names stay in view on a map wider than the window: a copy of the label
  // column, drawn last in the SVG and moved along as the map scrolls.
  const laneLabels = Array.from(map.querySelectorAll("g.lane-label"));
  const scroller = map.parentElement;
  if (laneLabels.length) {
    const right = Math.max(...laneLabels.map((g) => { const b = g.getBBox(); return b.x + b.width; })) + 4;
    const height = String(map.viewBox.baseVal.height);
    const ns = "http://www.w3.org/2000/svg";
    const make = (tag, attributes) => {
      const node = document.createElementNS(ns, tag);
      Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
      return node;
    };
    const pinned = make("g", { class: "pinned off", "aria-hidden": "true" });
    pinned.appendChild(make("rect", { class: "page", x: 0, y: 0, width: right, height }));
    map.querySelectorAll("rect.lane").forEach((lane) => {
      const copy = lane.cloneNode(false);
      copy.setAttribute("width", String(Math.max(0, right - Number(lane.getAttribute("x")))));
      pinned.appendChild(copy);
    });
    laneLabels.forEach((g) => pinned.appendChild(g.cloneNode(true)));
    pinned.appendChild(make("line", { class: "edge", x1: right, x2: right, y1: 0, y2: height }));
    map.appendChild(pinned);
    const follow = () => {
      const scale = map.getBoundingClientRect().width / map.viewBox.baseVal.width;
      pinned.setAttribute("transform", "translate(" + scroller.scrollLeft / scale + ",0)");
      pinned.classList.toggle("off", scroller.scrollLeft <= 0);
    };
    scroller.addEventListener("scroll", follow, { passive: true });
    follow();
  }

  document.querySelectorAll("button[data-persona]").forEach((button) => button.addEventListener("click", () => {
    const shown = button.getAttribute("aria-pressed") === "true";
    button.setAttribute("aria-pressed", String(!shown));
    map.querySelectorAll("[data-persona]").forEach((node) => {
      if (node.dataset.persona === button.dataset.persona) node.classList.toggle("off", shown);
    });
  }));
})();

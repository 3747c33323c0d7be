// journeymap's interactive page: the details of the step under the pointer or the
// keyboard focus in the side panel, arrow keys from step to step, a button per
// persona that shows or hides its curve, and, where the map has a blueprint, a button
// per view. It builds the panel with textContent only.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("journey-data").textContent);
  const labels = data.labels;
  const steps = new Map();
  data.steps.forEach((step) => steps.set(step.number, step));
  const panel = document.getElementById("detail");
  // One drawing per view (the journey map, the service blueprint); one is shown.
  const maps = Array.from(document.querySelectorAll(".map"));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Every line of the panel comes from the page's data, written by journeymap in the
  // map's language: this script formats nothing itself.
  function show(number) {
    const s = steps.get(number);
    if (!s) return;
    panel.replaceChildren(el("p", "phase", s.phase), el("h2", null, s.action));
    if (s.critical) panel.append(el("p", "critical", labels.critical));
    if (s.gap) panel.append(el("p", "gap", labels.gap));
    s.sections.forEach((section) => {
      panel.append(el("h3", null, section.title));
      const list = el("ul");
      section.items.forEach((item) => list.append(el("li", null, item)));
      panel.append(list);
    });
    document.querySelectorAll(".map [data-step]").forEach((g) => g.classList.toggle("selected", Number(g.dataset.step) === number));
  }

  function setUp(scroller) {
    const map = scroller.querySelector("svg");
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
    // column, drawn last in the SVG and moved along as the map scrolls. Measured when
    // the drawing is first shown (a hidden one has no size).
    let pinnedDone = false;
    scroller.pin = () => {
      const laneLabels = Array.from(map.querySelectorAll("g.lane-label"));
      if (pinnedDone || !laneLabels.length || scroller.classList.contains("off")) return;
      pinnedDone = true;
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
    };
    scroller.pin();
  }
  maps.forEach(setUp);

  document.querySelectorAll("button[data-persona]").forEach((button) => button.addEventListener("click", () => {
    const shown = button.getAttribute("aria-pressed") === "true";
    button.setAttribute("aria-pressed", String(!shown));
    document.querySelectorAll(".map [data-persona]").forEach((node) => {
      if (node.dataset.persona === button.dataset.persona) node.classList.toggle("off", shown);
    });
  }));

  const viewButtons = Array.from(document.querySelectorAll("button[data-view]"));
  viewButtons.forEach((button) => button.addEventListener("click", () => {
    viewButtons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    maps.forEach((m) => m.classList.toggle("off", m.dataset.view !== button.dataset.view));
    maps.forEach((m) => m.pin());
  }));
})();

// journeymap preview: the page redraws itself when the map is saved. The server says
// so over server-sent events (`/events`); the page fetches the new page (`/page`) and
// swaps it in place, in one task (so nothing is painted half-way): the drawing changed
// node by node where it changed, the rest of the page anew. It keeps what
// the reader had: the view, the zoom, the scroll, the selected step, the personas
// switched off, the notes and baseline toggles, the drawer and the focused step. A map with errors
// keeps its last drawing under an overlay of the problems. Built with textContent only.
(() => {
  "use strict";
  const head = document.querySelector('meta[name="journeymap-version"]');
  let version = head ? Number(head.content) : -1;
  let overlay = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const style = el("style");
  style.textContent =
    "#live-problems{position:fixed;left:12px;right:12px;bottom:12px;z-index:1000;max-height:45vh;overflow:auto;" +
    "background:#fff5f5;color:#3d0b0b;border:2px solid #c53030;border-radius:6px;padding:10px 14px;" +
    "font:14px/1.4 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 4px 18px rgba(0,0,0,.25)}" +
    "#live-problems h2{font:bold 15px/1.3 sans-serif;margin:0 0 6px}" +
    "#live-problems .problem{margin:6px 0}#live-problems .where{font-weight:bold}" +
    "#live-problems .help{color:#5c2b2b;margin-left:1.5em}" +
    "#live-problems .warning .where{color:#7a4b00}";
  document.head.appendChild(style);

  function showProblems(update) {
    if (overlay) overlay.remove();
    overlay = null;
    if (!update.problems.length) return;
    overlay = el("section");
    overlay.id = "live-problems";
    overlay.setAttribute("role", "alert");
    overlay.append(el("h2", null, update.heading));
    update.problems.forEach((p) => {
      const item = el("div", "problem " + p.severity);
      const where = p.line ? p.line + ":" + p.column : "";
      item.append(el("span", "where", p.severity + "[" + p.code + "]" + (where ? " " + where : "") + ": "));
      item.append(document.createTextNode(p.message));
      if (p.help) item.append(el("div", "help", "help: " + p.help));
      overlay.append(item);
    });
    document.body.append(overlay);
  }

  // What the reader has on screen now.
  function capture() {
    const maps = Array.from(document.querySelectorAll(".map")).map((m) => ({
      view: m.dataset.view,
      left: m.scrollLeft,
      top: m.scrollTop,
      zoom: m.zoomLevel ? m.zoomLevel() : 1,
    }));
    const selected = document.querySelector(".map [data-step].selected");
    const focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".map [data-step]") : null;
    const pressed = (selector) => Array.from(document.querySelectorAll(selector)).filter((b) => b.getAttribute("aria-pressed") === "false").map((b) => b.dataset.persona);
    const view = document.querySelector("button[data-view][aria-pressed=true]");
    const notes = document.querySelector(".notes-toggle");
    const evidence = document.querySelector(".evidence-toggle");
    const baseline = document.querySelector(".baseline-toggle");
    const panel = document.getElementById("panel");
    return {
      maps,
      x: window.scrollX,
      y: window.scrollY,
      step: selected ? selected.dataset.step : null,
      focus: focused ? focused.dataset.step : null,
      personasOff: pressed("button[data-persona]"),
      view: view ? view.dataset.view : null,
      notesOff: notes ? notes.getAttribute("aria-pressed") === "false" : false,
      evidenceOn: evidence ? evidence.getAttribute("aria-pressed") === "true" : false,
      baselineOff: baseline ? baseline.getAttribute("aria-pressed") === "false" : false,
      drawer: panel ? panel.dataset.state : null,
    };
  }

  function restore(state) {
    if (state.view) {
      const button = document.querySelector('button[data-view="' + CSS.escape(state.view) + '"]');
      if (button && button.getAttribute("aria-pressed") !== "true") button.click();
    }
    state.personasOff.forEach((id) => {
      const button = document.querySelector('button[data-persona="' + CSS.escape(id) + '"]');
      if (button && button.getAttribute("aria-pressed") !== "false") button.click();
    });
    const notes = document.querySelector(".notes-toggle");
    if (notes && !notes.hidden && state.notesOff && notes.getAttribute("aria-pressed") !== "false") notes.click();
    const evidence = document.querySelector(".evidence-toggle");
    if (evidence && !evidence.hidden && state.evidenceOn && evidence.getAttribute("aria-pressed") !== "true") evidence.click();
    const baseline = document.querySelector(".baseline-toggle");
    if (baseline && state.baselineOff && baseline.getAttribute("aria-pressed") !== "false") baseline.click();
    state.maps.forEach((saved) => {
      const m = document.querySelector('.map[data-view="' + CSS.escape(saved.view) + '"]');
      if (!m) return;
      if (saved.zoom !== 1 && m.zoomBy && !m.classList.contains("off")) m.zoomBy(saved.zoom, 0, 0);
      m.scrollLeft = saved.left;
      m.scrollTop = saved.top;
      if (m.follow) m.follow();
    });
    window.scrollTo(state.x, state.y);
    if (state.step) {
      const g = document.querySelector('.map:not(.off) [data-step="' + CSS.escape(state.step) + '"]');
      if (g) g.dispatchEvent(new Event("mouseenter"));
    }
    if (state.focus) {
      const g = document.querySelector('.map:not(.off) [data-step="' + CSS.escape(state.focus) + '"][tabindex]');
      if (g) g.focus({ preventScroll: true });
    }
    const panel = document.getElementById("panel");
    if (panel && state.drawer) {
      panel.dataset.state = state.drawer;
      const handle = panel.querySelector(".handle");
      if (handle) handle.setAttribute("aria-expanded", String(state.drawer === "open"));
    }
  }

  // Makes `old` (in this page, laid out) like `fresh` (parsed), changing only what
  // differs: the texts of a drawing that did not change keep their layout, which is
  // most of the time a redraw takes.
  function morph(old, fresh) {
    // Most of a drawing is as it was: compared natively, in one call.
    if (old.isEqualNode(fresh)) return;
    if (old.nodeType !== fresh.nodeType || old.nodeName !== fresh.nodeName) {
      old.replaceWith(document.importNode(fresh, true));
      return;
    }
    if (old.nodeType !== Node.ELEMENT_NODE) {
      if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
      return;
    }
    Array.from(old.attributes).forEach((a) => {
      if (!fresh.hasAttributeNS(a.namespaceURI, a.localName)) old.removeAttributeNS(a.namespaceURI, a.localName);
    });
    Array.from(fresh.attributes).forEach((a) => {
      if (old.getAttributeNS(a.namespaceURI, a.localName) !== a.value) old.setAttributeNS(a.namespaceURI, a.name, a.value);
    });
    const was = Array.from(old.childNodes);
    const now = Array.from(fresh.childNodes);
    const n = Math.min(was.length, now.length);
    for (let i = 0; i < n; i++) morph(was[i], now[i]);
    for (let i = n; i < was.length; i++) was[i].remove();
    for (let i = n; i < now.length; i++) old.appendChild(document.importNode(now[i], true));
  }

  // `parent`'s children made `fresh`'s, except those `kept` maps a fresh child to: they
  // stay where they are (moved, they would lose their layout), the others come anew.
  function splice(parent, fresh, kept) {
    const stay = new Set(kept.values());
    Array.from(parent.childNodes).forEach((c) => {
      if (!stay.has(c)) c.remove();
    });
    let previous = null;
    Array.from(fresh.childNodes).forEach((c) => {
      const old = kept.get(c);
      if (old) {
        previous = old;
        return;
      }
      if (c.nodeName === "SCRIPT" && c.getAttribute("src")) return;
      const node = document.adoptNode(c);
      if (previous) previous.after(node);
      else parent.insertBefore(node, parent.firstChild);
      previous = node;
    });
  }

  // The drawings kept and changed in place, the rest of the page anew; `false` if the
  // pages differ in shape (a view more or less), for a whole new body instead.
  function swapInPlace(next) {
    const main = document.querySelector("body > main");
    const nextMain = next.querySelector("body > main");
    const stage = main && main.querySelector(":scope > .stage");
    const nextStage = nextMain && nextMain.querySelector(":scope > .stage");
    if (!stage || !nextStage) return false;
    const maps = Array.from(stage.querySelectorAll(":scope > .map"));
    const nextMaps = Array.from(nextStage.querySelectorAll(":scope > .map"));
    const alike = maps.length === nextMaps.length && maps.every((m, i) => m.dataset.view === nextMaps[i].dataset.view
      && m.querySelector(":scope > svg") && nextMaps[i].querySelector(":scope > svg"));
    if (!alike) return false;
    maps.forEach((m, i) => {
      const svg = m.querySelector(":scope > svg");
      // The lane names and phase row the page script pinned: it pins them again.
      svg.querySelectorAll(":scope > .pinned").forEach((p) => p.remove());
      morph(svg, nextMaps[i].querySelector(":scope > svg"));
      Array.from(nextMaps[i].attributes).forEach((a) => m.setAttribute(a.name, a.value));
    });
    splice(stage, nextStage, new Map(nextMaps.map((m, i) => [m, maps[i]])));
    splice(main, nextMain, new Map([[nextStage, stage]]));
    splice(document.body, next.body, new Map([[nextMain, main]]));
    return true;
  }

  // The new page in place of this one, its page script run again on it.
  function swap(html) {
    const next = new DOMParser().parseFromString(html, "text/html");
    const state = capture();
    // New fonts (a script the map did not have): the new stylesheet first, the old one
    // dropped once it has loaded.
    const oldLink = document.head.querySelector('link[rel="stylesheet"]');
    const newLink = next.head.querySelector('link[rel="stylesheet"]');
    const fontsLink = () => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = newLink.getAttribute("href");
      return link;
    };
    if (oldLink && newLink && oldLink.getAttribute("href") !== newLink.getAttribute("href")) {
      const link = fontsLink();
      link.addEventListener("load", () => oldLink.remove());
      oldLink.after(link);
    } else if (newLink && !oldLink) {
      // From the matrix (its fonts inline) to a map (its fonts linked).
      document.head.querySelector("style").before(fontsLink());
    } else if (oldLink && !newLink) {
      oldLink.remove();
    }
    const oldStyle = document.head.querySelector("style");
    const newStyle = next.head.querySelector("style");
    if (oldStyle && newStyle && oldStyle.textContent !== newStyle.textContent) oldStyle.textContent = newStyle.textContent;
    document.title = next.title;
    document.documentElement.lang = next.documentElement.lang;
    if (!swapInPlace(next)) {
      const nodes = Array.from(next.body.childNodes).filter((n) => !(n.nodeName === "SCRIPT" && n.getAttribute("src")));
      document.body.replaceChildren(...nodes.map((n) => document.adoptNode(n)));
    }
    // A parsed script does not run when it is moved: each inline one is made anew.
    document.body.querySelectorAll("script:not([type]):not([src])").forEach((old) => {
      const script = document.createElement("script");
      script.textContent = old.textContent;
      old.replaceWith(script);
    });
    restore(state);
    if (overlay) document.body.append(overlay);
  }

  let fetching = Promise.resolve();
  function update(event) {
    const data = JSON.parse(event.data);
    fetching = fetching.then(async () => {
      if (data.drawing !== version) {
        const response = await fetch("/page", { cache: "no-store" });
        if (!response.ok) return;
        const drawing = Number(response.headers.get("X-Journeymap-Version"));
        swap(await response.text());
        version = drawing;
      }
      showProblems(data);
      document.documentElement.dataset.liveVersion = String(data.version);
    }).catch(() => {});
  }

  const events = new EventSource("/events");
  events.addEventListener("update", update);
  events.addEventListener("error", () => {
    showProblems({ heading: "journeymap preview: the server stopped", problems: [{ severity: "error", code: "preview", message: "the page will redraw when the server is back", help: "" }] });
  });
})();

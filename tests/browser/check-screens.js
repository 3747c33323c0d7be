// Run by tests/suite/browser.rs with node: drives journeymap's HTML pages in headless
// Chromium through puppeteer-core, at a phone's size, two laptops' sizes, in dark mode
// and in print, runs axe-core on them before and after interaction, takes screenshots
// and prints, and writes what it found as one JSON document on standard output.
//
//   node check-screens.js CONFIG.json
//
// CONFIG: { "chromium": path, "profile": dir, "out": dir for screenshots and PDFs,
//           "pages": [{ "name", "file", "actions": [...], "notes": [...] }] }
"use strict";
const fs = require("fs");
const path = require("path");
const launch = require("./launch.js");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SERIOUS = ["moderate", "serious", "critical"];

// In the page: WCAG contrast of two computed colours ("rgb(r, g, b)").
const contrastInPage = () => {
  window.__contrast = (a, b) => {
    const rgb = (c) => (c.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
};

async function axe(page, when) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.failureSummary || "").split("\n").slice(0, 2).join(" ")) }));
  });
  return result.filter((v) => SERIOUS.includes(v.impact)).map((v) => ({ when, ...v }));
}

// Where the focused card is, and whether it is fully in view: inside the map's scroll
// area, right of the pinned lane names and below the pinned phase row.
const focusedInView = () => {
  const g = document.activeElement;
  const scroller = g.closest(".map");
  const view = scroller.getBoundingClientRect();
  let left = view.left;
  let top = view.top;
  const lanes = scroller.querySelector("g.pinned-lanes");
  if (lanes && getComputedStyle(lanes).display !== "none") left = Math.max(left, lanes.getBoundingClientRect().right);
  const row = scroller.querySelector("g.pinned-row");
  if (row && getComputedStyle(row).display !== "none") top = Math.max(top, row.getBoundingClientRect().bottom);
  const r = g.getBoundingClientRect();
  const inside = r.left >= left - 1 && r.top >= top - 1 && r.right <= view.left + scroller.clientWidth + 1 && r.bottom <= view.top + scroller.clientHeight + 1;
  // And on the screen at all.
  const onScreen = r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.left >= 0 && r.right <= window.innerWidth + 1;
  return { step: g.getAttribute("data-step"), inside: inside && onScreen };
};

// Every element that scrolls vertically, and the document itself.
const scrollAreas = () => {
  const areas = [];
  const doc = document.scrollingElement;
  if (doc.scrollHeight > doc.clientHeight + 1) areas.push("document");
  document.querySelectorAll("body *").forEach((e) => {
    const s = getComputedStyle(e);
    if (["auto", "scroll"].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1 && e.clientHeight > 0) {
      areas.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""));
    }
  });
  return areas;
};

// The whole round at one size; `full` also runs axe-core and works the legend there.
async function laptop(browser, spec, width, height, out, full) {
  const page = await browser.newPage();
  const messages = [];
  page.on("console", (m) => messages.push(m.type() + ": " + m.text()));
  page.on("pageerror", (e) => messages.push("error: " + e.message));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) messages.push("request: " + r.url()); });
  await page.setViewport({ width, height });
  await page.goto("file://" + spec.file, { waitUntil: "load" });
  await page.evaluate(contrastInPage);
  const r = { width, height, messages };
  r.scrollAreas = await page.evaluate(scrollAreas);
  r.mapFills = await page.evaluate(() => {
    const m = document.querySelector(".map:not(.off)");
    const rect = m.getBoundingClientRect();
    const header = document.querySelector("header").getBoundingClientRect();
    return { top: rect.top, headerBottom: header.bottom, bottom: rect.bottom, viewport: window.innerHeight, width: rect.width };
  });
  r.violations = full ? await axe(page, "loaded") : [];
  // The skip link: first in the tab order, it lands in the map, past the buttons.
  await page.keyboard.press("Tab");
  r.firstTab = await page.evaluate(() => document.activeElement.className);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  r.afterSkip = await page.evaluate(() => document.activeElement.getAttribute("data-step"));
  // Keyboard: the first card, End to the last, the map scrolled away, then ArrowLeft
  // back to the first step: each focused card in view.
  const actions = await page.$$(".map:not(.off) g.action[data-step]");
  r.hidden = [];
  if (actions.length) {
    await page.evaluate(() => document.querySelector(".map:not(.off) g.action[data-step]").focus());
    await page.keyboard.press("End");
    let where = await page.evaluate(focusedInView);
    r.afterEnd = where.step;
    if (!where.inside) r.hidden.push("End → " + where.step);
    await page.evaluate(() => { const m = document.querySelector(".map:not(.off)"); m.scrollTop = m.scrollHeight; m.scrollLeft = m.scrollWidth; m.dispatchEvent(new Event("scroll")); });
    // Scrolled to the far corner: the phase row pinned at the top, the lane names and
    // the emotion scale at the left.
    r.pinned = await page.evaluate(() => {
      const m = document.querySelector(".map:not(.off)");
      const view = m.getBoundingClientRect();
      const shown = (g) => !!g && getComputedStyle(g).display !== "none";
      const row = m.querySelector("g.pinned-row");
      const lanes = m.querySelector("g.pinned-lanes");
      return {
        down: m.scrollTop > 0,
        right: m.scrollLeft > 0,
        row: shown(row) && Math.abs(row.getBoundingClientRect().top - view.top) <= 1,
        phases: row ? row.querySelectorAll("g.phase").length : 0,
        allPhases: m.querySelectorAll("svg > g.phase").length,
        lanes: shown(lanes) && Math.abs(lanes.getBoundingClientRect().left - view.left) <= 1,
        ticks: lanes ? lanes.querySelectorAll("text.tick").length : 0,
        allTicks: m.querySelectorAll("svg > text.tick").length,
      };
    });
    for (let i = 1; i < actions.length; i++) {
      await page.keyboard.press("ArrowLeft");
      where = await page.evaluate(focusedInView);
      if (!where.inside) r.hidden.push("ArrowLeft → " + where.step);
    }
    r.afterLeft = where.step;
    // The focus ring: 3:1 against the lane behind the card, and unlike the hover look.
    r.focusRing = await page.evaluate(() => {
      const g = document.activeElement;
      const box = g.querySelector(".box");
      const s = getComputedStyle(box);
      const lane = Array.from(g.ownerSVGElement.querySelectorAll("rect.lane")).find((l) => {
        const b = l.getBBox();
        const c = box.getBBox();
        return b.y <= c.y && b.y + b.height >= c.y + c.height;
      });
      const behind = lane ? getComputedStyle(lane).fill : "rgb(255, 255, 255)";
      return { stroke: s.stroke, width: s.strokeWidth, behind, contrast: window.__contrast(s.stroke, behind) };
    });
    if (full) r.violations.push(...(await axe(page, "keyboard focus")));
    await page.screenshot({ path: path.join(out, spec.name + "-" + width + "-focus.png") });
    // Hovered (another card): its look is not the focus ring's.
    const other = actions[actions.length - 1];
    await other.hover();
    r.hoverRing = await page.evaluate(() => {
      const g = document.querySelector(".map:not(.off) g.selected:not(:focus) .box");
      if (!g) return null;
      const s = getComputedStyle(g);
      return { stroke: s.stroke, width: s.strokeWidth };
    });
    if (full) r.violations.push(...(await axe(page, "hovered a step")));
  }
  if (!full) {
    await page.screenshot({ path: path.join(out, spec.name + "-" + width + ".png") });
    await page.close();
    return r;
  }
  // A button's focus ring against the header.
  r.buttonRing = await page.evaluate(() => {
    const b = document.querySelector("header button:not([hidden])");
    if (!b) return null;
    b.focus();
    const s = getComputedStyle(b);
    // focus() from script is not :focus-visible in every case: ask for the rule's outline.
    return { outline: s.outlineColor, style: s.outlineStyle, contrast: window.__contrast(s.outlineColor, getComputedStyle(document.querySelector("header")).backgroundColor) };
  });
  // Persona highlighting from the legend.
  const personas = await page.$$("button[data-persona]");
  if (personas.length > 1) {
    await personas[0].hover();
    r.picked = await page.evaluate(() => {
      const id = document.querySelector("button[data-persona]").dataset.persona;
      const curves = Array.from(document.querySelectorAll(".map:not(.off) path.emotion-curve"));
      const own = curves.find((c) => c.dataset.persona === id);
      const others = curves.filter((c) => c.dataset.persona !== id);
      const points = Array.from(document.querySelectorAll(".map:not(.off) .emotion-point[data-persona]")).filter((p) => p.dataset.persona !== id);
      return {
        own: own ? Number(getComputedStyle(own).opacity) : null,
        others: others.map((c) => Number(getComputedStyle(c).opacity)),
        otherPoints: points.length ? Math.max(...points.map((p) => Number(getComputedStyle(p).opacity))) : null,
      };
    });
    await page.mouse.move(1, 1);
    r.unpicked = await page.evaluate(() => Array.from(document.querySelectorAll(".map path.emotion-curve")).every((c) => getComputedStyle(c).opacity === "1"));
    // Hovering a curve picks its persona.
    const curve = await page.$(".map:not(.off) path.emotion-curve[data-persona]");
    const last = await page.evaluate(() => { const c = Array.from(document.querySelectorAll(".map:not(.off) path.emotion-curve")); return c[c.length - 1].dataset.persona; });
    await page.evaluate(() => { const c = Array.from(document.querySelectorAll(".map:not(.off) path.emotion-curve")); c[c.length - 1].dispatchEvent(new MouseEvent("mouseenter")); });
    r.curvePicked = await page.evaluate((id) => Array.from(document.querySelectorAll(".map:not(.off) [data-persona].picked")).every((n) => n.dataset.persona === id) && !!document.querySelector(".map .picked"), last);
    await page.evaluate(() => document.querySelectorAll(".map path.emotion-curve").forEach((c) => c.dispatchEvent(new MouseEvent("mouseleave"))));
    void curve;
  }
  if (personas.length) {
    await personas[0].click();
    r.violations.push(...(await axe(page, "persona switched off")));
    await personas[0].click();
  }
  // The notes toggle: shown only where the drawing has emotion notes.
  r.notesButton = await page.evaluate(() => { const b = document.querySelector(".notes-toggle"); return !!b && !b.hidden && getComputedStyle(b).display !== "none"; });
  if (r.notesButton) {
    const toggle = await page.$(".notes-toggle");
    // The notes of the view shown, or of the other view where the one shown has none (a
    // blueprint draws no emotion lane).
    const display = () => page.evaluate(() => getComputedStyle(document.querySelector(".map:not(.off) .emotion-notes") || document.querySelector(".map .emotion-notes")).display);
    const before = await display();
    await toggle.click();
    const after = await display();
    await toggle.click();
    r.notesToggled = [before, after, await display()];
    if (personas.length > 1) {
      await personas[0].hover();
      r.notesPicked = await page.evaluate(() => {
        const id = document.querySelector("button[data-persona]").dataset.persona;
        return Array.from(document.querySelectorAll(".map:not(.off) .emotion-note")).map((n) => [n.dataset.persona === id, Number(getComputedStyle(n).opacity)]);
      });
      await page.mouse.move(1, 1);
    }
  }
  // The other view.
  const view = await page.$("button[data-view][aria-pressed=false]");
  if (view) {
    await view.click();
    r.violations.push(...(await axe(page, "switched view")));
  }
  await page.screenshot({ path: path.join(out, spec.name + "-" + width + ".png") });
  await page.close();
  return r;
}

async function dark(browser, spec, out) {
  const page = await browser.newPage();
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto("file://" + spec.file, { waitUntil: "load" });
  await page.evaluate(contrastInPage);
  const r = {};
  r.violations = await axe(page, "dark");
  // Readable: every text of a card against the card, the page dark.
  r.cards = await page.evaluate(() => {
    const worst = [];
    document.querySelectorAll(".map:not(.off) g.card").forEach((g) => {
      const box = g.querySelector(".box");
      let behind = getComputedStyle(box).fill;
      if (behind === "none") {
        const page = g.ownerSVGElement.querySelector(".page");
        behind = getComputedStyle(page).fill;
      }
      g.querySelectorAll("text").forEach((t) => {
        const c = window.__contrast(getComputedStyle(t).fill, behind);
        if (c < 4.5) worst.push(t.textContent + " " + c.toFixed(2));
      });
    });
    return worst;
  });
  r.page = await page.evaluate(() => getComputedStyle(document.querySelector(".map:not(.off) .page")).fill);
  await page.screenshot({ path: path.join(out, spec.name + "-dark.png") });
  const forced = await browser.newPage();
  // Puppeteer knows no forced-colors; Chromium's protocol does.
  const cdp = await forced.createCDPSession();
  await cdp.send("Emulation.setEmulatedMedia", { features: [{ name: "forced-colors", value: "active" }] });
  await forced.setViewport({ width: 1280, height: 800 });
  await forced.goto("file://" + spec.file, { waitUntil: "load" });
  // In the system's colours: every text one colour, every card and the page another,
  // the curves drawn in the text's colour.
  r.forced = await forced.evaluate(() => {
    const m = document.querySelector(".map:not(.off)");
    const set = (selector, property) => Array.from(new Set(Array.from(m.querySelectorAll(selector)).map((e) => getComputedStyle(e)[property])));
    return { texts: set("text:not(.phase-name)", "fill"), boxes: set("g.card:not(.lane-label):not(.phase) rect.box", "fill"), page: set("rect.page", "fill"), curves: set("path.emotion-curve", "stroke") };
  });
  await forced.screenshot({ path: path.join(out, spec.name + "-forced.png") });
  await forced.close();
  await page.close();
  return r;
}

async function phone(browser, spec, out) {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await page.goto("file://" + spec.file, { waitUntil: "load" });
  const r = {};
  r.mapWidth = await page.evaluate(() => document.querySelector(".map:not(.off)").getBoundingClientRect().width);
  r.initial = await page.evaluate(() => document.getElementById("panel").dataset.state);
  r.violations = await axe(page, "phone");
  // A tap on the second step's card (the first where there is one).
  const cards = await page.$$(".map:not(.off) g.action[data-step]");
  const card = cards[Math.min(1, cards.length - 1)];
  if (card) {
    await card.tap();
    r.tapped = await page.evaluate(() => {
      const panel = document.getElementById("panel");
      const rect = panel.getBoundingClientRect();
      const h2 = document.querySelector("#detail h2");
      return { state: panel.dataset.state, heading: h2 && h2.textContent, top: rect.top, height: rect.height, viewport: window.innerHeight, visible: getComputedStyle(panel).visibility };
    });
    r.tappedStep = await card.evaluate((g) => g.getAttribute("data-step"));
    await page.screenshot({ path: path.join(out, spec.name + "-390-open.png") });
    r.violations.push(...(await axe(page, "phone, drawer open")));
    await page.tap("#panel .close");
    r.closed = await page.evaluate(() => { const p = document.getElementById("panel"); return [p.dataset.state, getComputedStyle(p).visibility]; });
  }
  // Zoom in: the SVG larger (not a transform), the map scrolls further.
  const before = await page.evaluate(() => { const s = document.querySelector(".map:not(.off) svg"); return [s.getBoundingClientRect().width, s.closest(".map").scrollWidth]; });
  await page.tap("button[data-zoom=in]");
  const after = await page.evaluate(() => { const s = document.querySelector(".map:not(.off) svg"); return [s.getBoundingClientRect().width, getComputedStyle(s).transform, s.closest(".map").scrollWidth]; });
  r.zoom = { before, after };
  await page.tap("button[data-zoom=out]");
  await page.tap("button[data-zoom=out]");
  r.zoomOut = await page.evaluate(() => document.querySelector(".map:not(.off) svg").getBoundingClientRect().width);
  await page.tap("button[data-zoom=in]");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, spec.name + "-390.png") });
  await page.close();
  return r;
}

async function print(browser, spec, out) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto("file://" + spec.file, { waitUntil: "load" });
  // What was last hovered and picked must not print.
  const cards = await page.$$(".map:not(.off) g.action[data-step]");
  if (cards.length) await cards[0].hover();
  const persona = await page.$("button[data-persona]");
  if (persona) await persona.focus();
  await page.emulateMediaType("print");
  const r = await page.evaluate((actions, notes) => {
    // The hovered card's border as printed, and as printed without the hover.
    const selected = document.querySelector(".map:not(.off) g.selected .box");
    const printed = selected && getComputedStyle(selected).stroke + " " + getComputedStyle(selected).strokeWidth;
    if (selected) selected.parentNode.classList.remove("selected");
    const plain = selected && getComputedStyle(selected).stroke + " " + getComputedStyle(selected).strokeWidth;
    if (selected) selected.parentNode.classList.add("selected");
    const appendix = document.querySelector(".appendix");
    const text = appendix.textContent.replace(/\s+/g, " ");
    const curves = Array.from(document.querySelectorAll(".map:not(.off) path.emotion-curve"));
    return {
      selectedStroke: printed,
      plainStroke: plain,
      dimmed: curves.filter((c) => getComputedStyle(c).opacity !== "1").length,
      appendixShown: getComputedStyle(appendix).display !== "none",
      missingActions: actions.filter((a) => !text.includes(a.replace(/\s+/g, " "))),
      missingNotes: notes.filter((n) => !text.includes(n.replace(/\s+/g, " "))),
      hidden: ["aside", ".zoom", ".skip"].map((s) => document.querySelector(s)).filter((e) => e && getComputedStyle(e).display !== "none").length,
    };
  }, spec.actions, spec.notes);
  await page.emulateMediaType(null);
  const file = path.join(out, spec.name + ".pdf");
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  r.pdf = file;
  await page.emulateMediaType("screen");
  r.screenAppendix = await page.evaluate(() => getComputedStyle(document.querySelector(".appendix")).display);
  await page.close();
  return r;
}

(async () => {
  const browser = await launch(config);
  const results = {};
  try {
    for (const spec of config.pages) {
      const r = {};
      r.laptop = [await laptop(browser, spec, 1280, 800, config.out, true), await laptop(browser, spec, 1440, 900, config.out, false)];
      r.phone = await phone(browser, spec, config.out);
      r.dark = await dark(browser, spec, config.out);
      r.print = await print(browser, spec, config.out);
      results[spec.name] = r;
    }
    // Each screenshot looked at: its size, and how much of it is not one colour.
    const viewer = await browser.newPage();
    const shots = fs.readdirSync(config.out).filter((f) => f.endsWith(".png"));
    results.shots = {};
    for (const f of shots) {
      const data = fs.readFileSync(path.join(config.out, f)).toString("base64");
      results.shots[f] = await viewer.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext("2d");
        ctx.drawImage(img, 0, 0);
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const counts = new Map();
        for (let i = 0; i < pixels.length; i += 4 * 7) {
          const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
          counts.set(key, (counts.get(key) || 0) + 1);
        }
        const samples = Math.ceil(pixels.length / 28);
        const top = Math.max(...counts.values());
        return { width: img.naturalWidth, height: img.naturalHeight, colours: counts.size, notBackground: 1 - top / samples };
      }, "data:image/png;base64," + data);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exitCode = 1;
});

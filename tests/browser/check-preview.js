// Run by tests/suite/preview.rs (and scripts/preview-latency.sh) with node: opens the
// page of a running `journeymap preview` in headless Chromium and edits the map under
// it, checking that the page redraws in place and keeps what the reader had, shows the
// problems of a broken map over the last drawing, and how long a save takes to show.
//
//   node check-preview.js CONFIG.json
//
// CONFIG: { "chromium": path, "profile": dir, "url": the preview's URL, "map": the map's
//           path, "mode": "check" | "matrix" | "latency", "rounds": n (latency),
//           "from", "to": the score change (matrix),
//           "shot": optional PNG path }
// Writes one JSON document on standard output.
"use strict";
const fs = require("fs");
const path = require("path");
const launch = require("./launch.js");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const original = fs.readFileSync(config.map, "utf8");

// An editor's save: the new text written beside the map, then renamed over it.
function save(text) {
  const temp = path.join(path.dirname(config.map), "." + path.basename(config.map) + ".swp");
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, config.map);
}

async function liveVersion(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.liveVersion || 0));
}

// Waits until the page has taken an update after `after`.
async function nextVersion(page, after) {
  await page.waitForFunction((v) => Number(document.documentElement.dataset.liveVersion || 0) > v, { timeout: 10000, polling: "raf" }, after);
  return liveVersion(page);
}

async function check(page) {
  const out = {};
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(config.url, { waitUntil: "load" });
  await page.waitForFunction(() => document.documentElement.dataset.liveVersion !== undefined, { timeout: 10000 });
  // What the reader does: scrolls the map, selects a step, switches a persona off.
  await page.evaluate(() => {
    window.__samePage = true;
    document.querySelector(".map:not(.off) svg").__kept = true;
    const m = document.querySelector(".map:not(.off)");
    m.scrollLeft = 120;
    m.scrollTop = 40;
    m.follow && m.follow();
  });
  await page.hover('.map:not(.off) g.action[data-step="2"]');
  const persona = await page.evaluate(() => {
    const b = document.querySelector("button[data-persona]");
    if (!b) return null;
    b.click();
    return b.dataset.persona;
  });
  const before = await page.evaluate(() => ({
    left: document.querySelector(".map:not(.off)").scrollLeft,
    top: document.querySelector(".map:not(.off)").scrollTop,
  }));
  out.before = before;

  // A save that changes a step's text.
  let v = await liveVersion(page);
  const marker = "Redrawn in place 4711";
  const edited = original.replace(/^(\s*step[^:]*:\s*)(.*)$/m, (all, head) => head + marker);
  save(edited);
  v = await nextVersion(page, v);
  out.afterEdit = await page.evaluate((marker, persona) => {
    const m = document.querySelector(".map:not(.off)");
    const selected = document.querySelector(".map [data-step].selected");
    const button = persona ? document.querySelector('button[data-persona="' + persona + '"]') : null;
    return {
      samePage: window.__samePage === true,
      keptDrawing: document.querySelector(".map:not(.off) svg").__kept === true,
      hasText: document.querySelector(".map:not(.off) svg").textContent.includes(marker),
      left: m.scrollLeft,
      top: m.scrollTop,
      selected: selected ? selected.dataset.step : null,
      detail: document.getElementById("detail").textContent.length > 0,
      personaOff: button ? button.getAttribute("aria-pressed") === "false" : null,
      personaCurveHidden: persona ? Array.from(document.querySelectorAll('.map path.emotion-curve[data-persona="' + persona + '"]')).every((p) => p.classList.contains("off")) : null,
      overlay: !!document.getElementById("live-problems"),
    };
  }, marker, persona);

  // The redrawn page answers as before, each listener once: another step's details on
  // hover, the persona back on one click, the map pinned once.
  await page.hover('.map:not(.off) g.action[data-step="3"]');
  out.afterEdit.then = await page.evaluate((persona) => {
    const selected = document.querySelector(".map [data-step].selected");
    const button = persona ? document.querySelector('button[data-persona="' + persona + '"]') : null;
    if (button) button.click();
    return {
      selected: selected ? selected.dataset.step : null,
      personaBack: button ? button.getAttribute("aria-pressed") === "true" : null,
      pinnedLanes: document.querySelectorAll(".map:not(.off) svg g.pinned-lanes").length,
    };
  }, persona);

  // A save that breaks the map: the last drawing stays, the problems are shown over it.
  save(edited + "\nemotion nobody 9: who?\n");
  v = await nextVersion(page, v);
  out.broken = await page.evaluate((marker) => {
    const o = document.getElementById("live-problems");
    return {
      overlay: o ? o.textContent : null,
      stillDrawn: document.querySelector(".map:not(.off) svg").textContent.includes(marker),
      samePage: window.__samePage === true,
    };
  }, marker);
  if (config.shot) await page.screenshot({ path: config.shot });

  // Deleted (an editor's save that renames the file away first), then back.
  fs.unlinkSync(config.map);
  v = await nextVersion(page, v);
  out.gone = await page.evaluate(() => {
    const o = document.getElementById("live-problems");
    return o ? o.textContent : null;
  });
  save(original);
  v = await nextVersion(page, v);
  out.fixed = await page.evaluate((marker) => ({
    overlay: !!document.getElementById("live-problems"),
    hasText: document.querySelector(".map:not(.off) svg").textContent.includes(marker),
    samePage: window.__samePage === true,
  }), marker);
  return out;
}

// The impact/effort matrix (`preview --view opportunities`): a save that changes a
// score moves its point in place, the hover still highlights it, and a broken map keeps
// the last matrix under the problems.
async function matrix(page) {
  const out = {};
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(config.url, { waitUntil: "load" });
  await page.waitForFunction(() => document.documentElement.dataset.liveVersion !== undefined, { timeout: 10000 });
  const where = () => Array.from(document.querySelectorAll(".map svg g.matrix-point:not(.legend)")).map((g) => {
    const c = g.querySelector("circle");
    return { rank: g.dataset.rank, title: g.querySelector("title").textContent, cx: c.getAttribute("cx"), cy: c.getAttribute("cy") };
  });
  await page.evaluate(() => {
    window.__samePage = true;
    document.querySelector(".map svg").__kept = true;
  });
  out.before = await page.evaluate(where);
  let v = await liveVersion(page);
  save(original.replace(config.from, config.to));
  v = await nextVersion(page, v);
  out.after = await page.evaluate(() => ({
    samePage: window.__samePage === true,
    keptDrawing: document.querySelector(".map svg").__kept === true,
    overlay: !!document.getElementById("live-problems"),
  }));
  out.after.points = await page.evaluate(where);
  // Hovering the first point lights it and its legend entry, in the new drawing.
  await page.hover('.map svg g.matrix-point:not(.legend)[data-rank="1"]');
  out.hovered = await page.evaluate(() => Array.from(document.querySelectorAll(".map svg g.matrix-point[data-rank=\"1\"] .dot"))
    .map((d) => getComputedStyle(d).fill));
  save(original + "\nopportunity impact 9: Too big\n");
  v = await nextVersion(page, v);
  out.broken = await page.evaluate(() => {
    const o = document.getElementById("live-problems");
    return { overlay: o ? o.textContent : null, points: document.querySelectorAll(".map svg g.matrix-point").length, samePage: window.__samePage === true };
  });
  if (config.shot) await page.screenshot({ path: config.shot });
  save(original);
  await nextVersion(page, v);
  return out;
}

// From a save to the new text on screen (after the next frame is painted), `rounds`
// times; the map's first step's text is changed each time.
async function latency(page) {
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(config.url, { waitUntil: "load" });
  await page.waitForFunction(() => document.documentElement.dataset.liveVersion !== undefined, { timeout: 20000 });
  const times = [];
  for (let i = 0; i < (config.rounds || 10); i++) {
    const marker = "Latency round " + i + " " + Date.now();
    const edited = original.replace(/^(\s*step[^:]*:\s*)(.*)$/m, (all, head) => head + marker);
    const v = await liveVersion(page);
    const waiting = page.waitForFunction((m) => {
      const svg = document.querySelector(".map:not(.off) svg");
      return svg && svg.textContent.includes(m) && new Promise((resolve) => requestAnimationFrame(() => resolve(Date.now())));
    }, { timeout: 20000, polling: "mutation" }, marker);
    const start = Date.now();
    save(edited);
    const painted = await (await waiting).jsonValue();
    times.push(painted - start);
    await nextVersion(page, v);
    await new Promise((r) => setTimeout(r, 300));
  }
  save(original);
  times.sort((a, b) => a - b);
  return { times, median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

(async () => {
  const browser = await launch(config);
  let result;
  try {
    const page = await browser.newPage();
    const messages = [];
    page.on("console", (m) => messages.push(m.type() + ": " + m.text()));
    page.on("pageerror", (e) => messages.push("pageerror: " + e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith(config.url) && !r.url().startsWith("data:")) messages.push("request: " + r.url());
    });
    const run = { latency, matrix, check }[config.mode] || check;
    result = await run(page);
    result.messages = messages.filter((m) => !m.includes("ERR_INCOMPLETE_CHUNKED_ENCODING"));
  } catch (e) {
    result = { error: String(e && e.stack || e) };
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result));
})();

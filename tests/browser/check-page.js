// Loaded by tests/suite/browser.rs into a page that holds journeymap's HTML output in an
// iframe from the same local server. It drives the page as a person would (focus,
// arrow key, hover, a persona's button) and writes what happened into
// <pre id="result"> as JSON.
const frame = document.getElementById("page");
frame.addEventListener("load", () => {
  const d = frame.contentDocument;
  const w = frame.contentWindow;
  const out = {};
  const heading = () => (d.querySelector("#detail h2") || { textContent: null }).textContent;
  const shown = () => d.querySelector(".map:not(.off)");
  const actions = Array.from(shown().querySelectorAll("g.action[data-step]"));
  out.maps = d.querySelectorAll(".map").length;
  out.steps = actions.length;
  out.hint = d.getElementById("detail").textContent.trim();
  actions[0].focus();
  out.focused = heading();
  actions[0].dispatchEvent(new w.KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
  out.afterArrow = heading();
  out.activeStep = d.activeElement && d.activeElement.getAttribute("data-step");
  const last = actions[actions.length - 1];
  last.dispatchEvent(new w.MouseEvent("mouseenter"));
  out.hovered = heading();
  out.sections = Array.from(d.querySelectorAll("#detail h3")).map((h) => h.textContent);
  const button = d.querySelector("button[data-persona]");
  if (button) {
    const id = button.getAttribute("data-persona");
    const curve = Array.from(d.querySelectorAll("path.emotion-curve")).find((p) => p.getAttribute("data-persona") === id);
    out.before = w.getComputedStyle(curve).display;
    button.click();
    out.after = w.getComputedStyle(curve).display;
    out.pressed = button.getAttribute("aria-pressed");
    button.click();
    out.again = w.getComputedStyle(curve).display;
  }
  // Scrolled to its right end, a wide map keeps its lane names in view.
  const scroller = shown();
  out.wide = scroller.scrollWidth > scroller.clientWidth;
  scroller.scrollLeft = scroller.scrollWidth;
  scroller.dispatchEvent(new w.Event("scroll"));
  const pinned = d.querySelector("g.pinned-lanes");
  out.pinnedShown = !!pinned && w.getComputedStyle(pinned).display !== "none";
  if (pinned) {
    const view = scroller.getBoundingClientRect();
    const names = Array.from(pinned.querySelectorAll("g.lane-label")).map((g) => g.getBoundingClientRect());
    out.pinnedLabels = names.length;
    out.pinnedInView = names.every((r) => r.left >= view.left - 1 && r.right <= view.right + 1);
  }
  // The other view's button shows the other drawing, whose steps work the same.
  const other = d.querySelector("button[data-view][aria-pressed=false]");
  if (other) {
    const before = shown().dataset.view;
    other.click();
    out.viewSwitched = [before, shown().dataset.view, other.getAttribute("aria-pressed")];
    const otherActions = Array.from(shown().querySelectorAll("g.action[data-step]"));
    otherActions[otherActions.length - 1].focus();
    out.otherFocused = heading();
    out.otherPinned = !!shown().querySelector("g.pinned-lanes");
  }
  document.getElementById("result").textContent = JSON.stringify(out);
});

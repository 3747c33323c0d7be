// Loaded by tests/browser.rs into a page holding one journeymap SVG inline. It measures
// every <text> with the browser's own layout (getBBox) and writes what it finds into
// <pre id="result"> as JSON, which the test reads back with --dump-dom.
(function () {
  // The map: in an HTML page, the drawing in `.map`, not a legend swatch.
  const svg = document.querySelector(".map svg") || document.querySelector("svg");
  const vb = svg.viewBox.baseVal;
  const tol = 0.75;
  // The page's pinned copy of the lane names overlaps them by design.
  const texts = Array.from(svg.querySelectorAll("text")).filter((t) => t.textContent.trim() !== "" && !t.closest(".pinned"));
  const boxes = texts.map((t) => {
    const b = t.getBBox();
    // A card's texts stay in its box, an emotion note's in the note's.
    const card = t.closest("g.card, g.emotion-note");
    // The runs of one line (in different fonts) are set side by side at the advances
    // the layout measured: the next may start where this one's advance ends, under
    // ink that reaches past it (an italic's lean, a Hangul glyph's overhang).
    const line = t.getAttribute("y") + "|" + (card ? card.querySelector("rect").getAttribute("x") : "");
    const advance = b.x + t.getComputedTextLength();
    return { text: t.textContent, x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height, card, line, advance };
  });
  const problems = [];
  for (const b of boxes) {
    if (b.x < vb.x - tol || b.y < vb.y - tol || b.r > vb.x + vb.width + tol || b.b > vb.y + vb.height + tol) {
      problems.push("outside the drawing: " + b.text);
    }
    if (b.card) {
      const box = b.card.querySelector("rect.box, rect.note-box").getBBox();
      if (b.x < box.x - tol || b.y < box.y - tol || b.r > box.x + box.width + tol || b.b > box.y + box.height + tol) {
        problems.push("outside its box: " + b.text);
      }
    }
  }
  boxes.sort((p, q) => p.x - q.x);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].x < boxes[i].r - tol; j++) {
      const p = boxes[i], q = boxes[j];
      const right = p.line === q.line ? p.advance : p.r;
      if (q.x < right - tol && p.y < q.b - tol && q.y < p.b - tol) problems.push("overlap: " + p.text + " / " + q.text);
    }
  }
  const notes = svg.querySelectorAll("g.emotion-notes > g.emotion-note").length;
  const fonts = Array.from(new Set(texts.map((t) => getComputedStyle(t).fontFamily)));
  document.getElementById("result").textContent = JSON.stringify({ texts: boxes.length, notes, problems, fonts });
})();

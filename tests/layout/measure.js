// Injected into a copy of a page by tests/layout.sh, which shows it in an iframe as wide as the
// screen under test (headless Chromium's window is at least 500 px wide): measures the page as
// laid out and posts the findings to the host page, which writes them into its DOM (a `pre`
// element with the id layout-result) for `chromium --dump-dom` to print.
// First the viewport's width, then one finding a line.
window.addEventListener("load", () => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.split(" ")[0] : "") +
    " \"" + (e.textContent || "").trim().slice(0, 40) + "\"";
  if (document.documentElement.scrollWidth > width + 1) {
    found.push("page scrolls sideways: " + document.documentElement.scrollWidth + " > " + width);
  }
  for (const e of document.body.querySelectorAll("*")) {
    if (e.closest("svg") && e.tagName.toLowerCase() !== "svg") continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > width + 1 || r.left < -1)) {
      found.push("wider than the viewport (" + Math.round(r.left) + " to " + Math.round(r.right) +
        " of " + width + "): " + name(e));
    }
  }
  // In each chart: no two text boxes overlap, and none sticks out of the chart.
  for (const svg of document.querySelectorAll("svg")) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")]
      .map((t) => [t, t.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0);
    for (const [t, r] of texts) {
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 ||
          r.bottom > box.bottom + 1) {
        found.push("chart text cut off: " + name(t));
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, ra] = texts[i], [b, rb] = texts[j];
        const dx = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const dy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (dx > 1 && dy > 1) found.push("chart text overlaps: " + name(a) + " and " + name(b));
      }
    }
  }
  parent.postMessage(["viewport " + width, ...found].join("\n"), "*");
});

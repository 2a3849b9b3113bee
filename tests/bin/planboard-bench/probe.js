// Injected before any page script (Chrome DevTools Protocol), on the app and on the
// static comparison page alike: marks when the first list is in the DOM and on screen,
// and keeps the wasm exports (for the memory size) when Trunk announces them.
(() => {
  const marks = (window.__bench = { listInDom: null, listFrame: null, wasm: null });
  addEventListener("TrunkApplicationStarted", (event) => {
    marks.wasm = event.detail.wasm;
  });
  const observer = new MutationObserver(() => {
    if (marks.listInDom === null && document.querySelector(".entry, .static-item")) {
      marks.listInDom = performance.now();
      requestAnimationFrame(() => {
        marks.listFrame = performance.now();
      });
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();

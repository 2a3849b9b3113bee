// Starts the import worker (crates/import-worker): wasm-bindgen's no-modules script,
// then its wasm. A classic worker, which Chromium 86 runs. If either cannot load, the
// page is told so in a message (an error inside a worker's promise never reaches the
// page's `onerror`), and src/imports/worker.rs says it to the reader. ES5 on purpose.
/* global wasm_bindgen */
function tellStartFailed(error) {
  postMessage({ startFailed: String((error && error.message) || error) });
}
try {
  importScripts("./import-worker.js");
  wasm_bindgen({ module_or_path: "./import-worker_bg.wasm" }).catch(tellStartFailed);
} catch (error) {
  tellStartFailed(error);
}

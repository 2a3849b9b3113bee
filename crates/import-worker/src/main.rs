//! The import worker (a classic Web Worker, wasm-bindgen `no-modules`, started by
//! src/import-worker-loader.js): takes requests from the page (src/imports/worker.rs),
//! fetches the published data files itself, and posts each reply back with its bytes
//! transferred, never copied. The jobs themselves are in the library (`lib.rs`).

#[cfg(target_arch = "wasm32")]
mod glue;

fn main() {
    #[cfg(target_arch = "wasm32")]
    glue::start();
}

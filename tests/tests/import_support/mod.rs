//! Helpers shared by the import browser tests (import.rs, import_formats.rs,
//! import_pdf.rs): the import page's controls and choosing a file as a reader does.

#![allow(dead_code)]

use std::path::Path;

use planboard_browser_tests::App;

pub const FILE_INPUT: &str = "[data-testid=\"import-file\"]";
pub const PREVIEW: &str = "[data-testid=\"import-preview\"]";
pub const ACCEPT: &str = "[data-testid=\"import-accept\"]";

/// Opens `#/import` and waits for its file input.
pub async fn open_import(app: &App) {
    app.open("index.html#/import").await;
    app.wait_for_app().await;
    app.wait_for(FILE_INPUT).await;
}

/// Chooses `path` in the file input, as a person picking it in the dialog would.
pub async fn choose(app: &App, path: &Path) {
    let input = app.wait_for(FILE_INPUT).await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("chromedriver sets the file input");
}

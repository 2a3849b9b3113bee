//! When the app cannot start, the page says why and what to do (src/start.js), in
//! Chinese first, instead of staying blank. (A browser too old for the app is tested in
//! old_chromium.rs.)

use planboard_browser_tests::{App, DistCopy, Launch, APP_ROOT};

const STARTUP_PROBLEM: &str = "[data-testid=\"startup-problem\"]";

/// The name of the app's wasm file, relative to the copy: not the import worker's
/// (`import-worker_bg.wasm`), which no start loads.
fn wasm_of(copy: &DistCopy) -> String {
    let entries = std::fs::read_dir(copy.path()).expect("read the copy of dist/");
    entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("planboard-") && name.ends_with("_bg.wasm"))
        .expect("the build has the app's planboard-<hash>_bg.wasm")
}

#[tokio::test]
async fn a_damaged_wasm_download_is_reported_in_chinese_first() {
    let copy = DistCopy::new();
    let wasm = wasm_of(&copy);
    copy.truncate(&wasm, 4096);
    let app = App::launch(Launch::new().serving(copy)).await;
    app.open("index.html#/tasks").await;

    let message = app.text(STARTUP_PROBLEM).await;
    assert!(message.starts_with("planboard 未能启动。"), "{message}");
    assert!(message.contains("刷新页面"), "{message}");
    assert!(message.contains("笔记仍然保存着"), "{message}");
    assert!(message.contains("planboard could not start."), "{message}");
    assert!(
        message.contains("CompileError"),
        "no error shown: {message}"
    );
    assert_eq!(
        app.attr(STARTUP_PROBLEM, "data-kind").await.as_deref(),
        Some("failed")
    );
    assert_eq!(
        app.attr(STARTUP_PROBLEM, "role").await.as_deref(),
        Some("alert")
    );
    assert_eq!(app.count(APP_ROOT).await, 0);
    app.screenshot("damaged-wasm").await;
}

#[tokio::test]
async fn a_missing_boot_script_is_reported() {
    let copy = DistCopy::new();
    let boot = std::fs::read_dir(copy.path())
        .expect("read the copy of dist/")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("boot-") && name.ends_with(".js"))
        .expect("the build has a boot-….js");
    copy.remove(&boot);
    let app = App::launch(Launch::new().serving(copy)).await;
    app.open("").await;

    let message = app.text(STARTUP_PROBLEM).await;
    assert!(message.starts_with("planboard 未能启动。"), "{message}");
    assert!(
        message.contains(&boot),
        "the missing file is not named: {message}"
    );
}

#[tokio::test]
async fn a_working_start_shows_no_message() {
    let app = App::start().await;
    app.open("").await;
    app.wait_for_app().await;
    assert_eq!(app.count(STARTUP_PROBLEM).await, 0);
    app.assert_no_console_errors().await;
}

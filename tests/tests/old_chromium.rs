//! The app in the oldest browsers offices still run: Chromium 86 (the core of 360 安全浏览器
//! 13) and Chromium 92, headless builds from npm driven over the DevTools protocol
//! (harness/devtools.rs; scripts/setup.sh installs them). What a reader does there: the
//! list, a search, a note kept over a reload, every view, an import, a reload with the
//! server stopped; and where the browser cannot run the app, a message instead of a
//! blank page.

use std::path::Path;

use planboard_browser_tests::{built_dist, workspace_root, OldChromium, Site, BASE_PATH};
use serde_json::{json, Value};

const ROWS: &str = ".entry";
const RESULT_COUNT: &str = "[data-testid=\"result-count\"]";
const SEARCH_BOX: &str = "#task-search";
const NOTE_TEXT: &str = "[data-testid=\"note-text\"]";
const SAVE_STATUS: &str = "[data-testid=\"note-save-status\"]";
const STARTUP_PROBLEM: &str = "[data-testid=\"startup-problem\"]";
const STRICT_POLICY: &str = "script-src 'self' 'wasm-unsafe-eval'";

async fn serve() -> Site {
    let dist = built_dist();
    Site::start(&dist, BASE_PATH)
        .await
        .unwrap_or_else(|error| panic!("serve {}: {error}", dist.display()))
}

/// Opens `hash` (e.g. `#/tasks`) and waits until `shown` is in the page.
async fn open(browser: &OldChromium, site: &Site, hash: &str, shown: &str) {
    browser.open(&site.url(&format!("index.html{hash}"))).await;
    wait_for(browser, shown).await;
}

async fn wait_for(browser: &OldChromium, css: &str) {
    browser
        .wait_until(
            &format!("document.querySelector({}) !== null", json!(css)),
            css,
        )
        .await;
}

async fn texts(browser: &OldChromium, css: &str) -> Vec<String> {
    let value = browser
        .eval(&format!(
            "Array.from(document.querySelectorAll({}), (element) => element.innerText)",
            json!(css)
        ))
        .await;
    serde_json::from_value(value).unwrap_or_default()
}

/// Types a search term on the 任务 list and checks every row shown matches it.
async fn search(browser: &OldChromium, term: &str) {
    let unfiltered = browser.text(RESULT_COUNT).await;
    browser.type_into(SEARCH_BOX, term).await;
    browser
        .wait_until(
            &format!(
                "document.querySelector({}).innerText !== {}",
                json!(RESULT_COUNT),
                json!(unfiltered)
            ),
            "the result count to change after a search",
        )
        .await;
    let rows = texts(browser, ROWS).await;
    assert!(
        !rows.is_empty(),
        "Chromium {}: no row matches {term}",
        browser.major()
    );
    assert!(
        rows.iter().all(|row| row.contains(term)),
        "Chromium {}: a row without {term}: {rows:?}",
        browser.major()
    );
}

/// No uncaught exception, and no console error but those the policy probe of
/// src/start.js causes on purpose in a browser without 'wasm-unsafe-eval': its blank
/// frame's policy names a keyword unknown here, and the wasm compile it tries is refused.
fn assert_clean(browser: &OldChromium) {
    assert_eq!(
        browser.exceptions(),
        Vec::<String>::new(),
        "Chromium {}: uncaught exceptions",
        browser.major()
    );
    let errors = browser.unexpected_console_errors();
    assert_eq!(
        errors,
        Vec::<String>::new(),
        "Chromium {}: console errors",
        browser.major()
    );
}

async fn list_search_note_and_offline(major: u32) {
    let mut site = serve().await;
    let browser = OldChromium::start(major).await;

    open(&browser, &site, "#/tasks", ROWS).await;
    // 'wasm-unsafe-eval' is unknown here, so the start script keeps index.html's policy,
    // the only one under which the wasm compiles.
    let policies = browser
        .eval("Array.from(document.querySelectorAll('meta[http-equiv=\"Content-Security-Policy\"]'), (meta) => meta.content)")
        .await;
    assert!(
        !policies
            .to_string()
            .contains(&format!("\"{STRICT_POLICY}\"")),
        "Chromium {major}: the strict policy was added, which blocks the wasm here: {policies}"
    );
    search(&browser, "高铁").await;

    // A note on the first matching item, kept over a reload.
    browser.click(".entry-link").await;
    wait_for(&browser, NOTE_TEXT).await;
    let item_url = browser.eval("location.href").await;
    browser.type_into(NOTE_TEXT, "旧浏览器里写的笔记").await;
    browser
        .wait_until(
            &format!(
                "document.querySelector({}).innerText.includes('已保存')",
                json!(SAVE_STATUS)
            ),
            "the note to be saved",
        )
        .await;
    browser.reload().await;
    let kept = browser
        .wait_until(
            &format!(
                "(() => {{ const box = document.querySelector({}); return box && box.value; }})()",
                json!(NOTE_TEXT)
            ),
            "the note editor after a reload",
        )
        .await;
    assert_eq!(kept, json!("旧浏览器里写的笔记"), "Chromium {major}");

    // Offline: once a service worker controls the page, the server is stopped.
    browser
        .wait_until(
            "navigator.serviceWorker.controller !== null",
            "a service worker to control the page",
        )
        .await;
    site.stop().await;
    let served = site.requests().len();
    browser.reload().await;
    wait_for(&browser, NOTE_TEXT).await;
    assert_eq!(
        browser
            .eval(&format!(
                "document.querySelector({}).value",
                json!(NOTE_TEXT)
            ))
            .await,
        json!("旧浏览器里写的笔记")
    );
    open(&browser, &site, "#/tasks", ROWS).await;
    search(&browser, "高铁").await;
    open(&browser, &site, "#/plan", "[data-testid=\"app\"] h1").await;
    assert_eq!(
        site.requests().len(),
        served,
        "the server answered while stopped"
    );
    assert!(item_url.as_str().is_some_and(|url| url.contains("#/item/")));
    assert_clean(&browser);
}

#[tokio::test]
async fn chromium_86_lists_searches_keeps_a_note_and_works_offline() {
    list_search_note_and_offline(86).await;
}

#[tokio::test]
async fn chromium_92_lists_searches_keeps_a_note_and_works_offline() {
    list_search_note_and_offline(92).await;
}

/// Every view and the pages reached by a link, each drawn with no load error.
async fn every_view(major: u32) {
    let site = serve().await;
    let browser = OldChromium::start(major).await;
    let heading = "[data-testid=\"app\"] h1";
    for (hash, shown) in [
        ("#/", heading),
        ("#/tasks", RESULT_COUNT),
        ("#/plan", heading),
        ("#/projects", RESULT_COUNT),
        ("#/leaders", RESULT_COUNT),
        ("#/departments", RESULT_COUNT),
        ("#/notes", heading),
        ("#/threads", heading),
        ("#/pace", heading),
        ("#/lag", heading),
        ("#/compare", heading),
        ("#/import", heading),
    ] {
        open(&browser, &site, hash, shown).await;
        assert_eq!(
            browser.count("[data-testid=\"load-error\"]").await,
            0,
            "Chromium {major}: {hash} shows a load error"
        );
    }
    for (list, link, shown) in [
        ("#/leaders", "main a[href^=\"#/leaders/\"]", ".page-counts"),
        (
            "#/departments",
            "main a[href^=\"#/departments/\"]",
            ".page-counts",
        ),
        ("#/tasks", ".entry-link", ".item-page"),
        ("#/threads", "main a[href^=\"#/threads/\"]", heading),
    ] {
        open(&browser, &site, list, link).await;
        browser.click(link).await;
        wait_for(&browser, shown).await;
    }
    // The English interface too.
    open(&browser, &site, "?lang=en#/tasks", RESULT_COUNT).await;
    assert!(browser.text("h1").await.contains("Tasks"));
    assert_clean(&browser);
}

#[tokio::test]
async fn chromium_86_opens_every_view() {
    every_view(86).await;
}

#[tokio::test]
async fn chromium_92_opens_every_view() {
    every_view(92).await;
}

#[tokio::test]
async fn chromium_86_imports_a_progress_report() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("新进展报告.txt");
    let source = workspace_root().join("data/sources/huzhou-2024-tasks-h1-progress.txt");
    std::fs::copy(&source, &file)
        .unwrap_or_else(|error| panic!("copy {}: {error}", source.display()));
    let site = serve().await;
    let browser = OldChromium::start(86).await;

    open(&browser, &site, "#/import", "[data-testid=\"import-file\"]").await;
    let tasks = preview_task_count(&browser, Path::new(&file)).await;
    assert_eq!(tasks, json!("76"));
    browser.click("[data-testid=\"import-accept\"]").await;
    let notice = browser.text("[data-testid=\"import-notice\"]").await;
    assert!(notice.contains("新进展报告.txt"), "{notice}");
    open(
        &browser,
        &site,
        "#/tasks",
        "[data-facet=\"doc\"] a[data-facet-value=\"local-huzhou-2024-h1-progress\"]",
    )
    .await;
    assert_clean(&browser);
}

/// A Word file is read by the import worker (its own wasm, a classic worker) in
/// Chromium 86 too, where wasm compiles only under the page's 'unsafe-eval' policy.
#[tokio::test]
async fn chromium_86_imports_a_word_breakdown_through_the_worker() {
    let file = workspace_root().join("crates/formats/tests/fixtures/pinghu-2024-breakdown.docx");
    let site = serve().await;
    let browser = OldChromium::start(86).await;

    open(&browser, &site, "#/import", "[data-testid=\"import-file\"]").await;
    let tasks = preview_task_count(&browser, &file).await;
    assert_eq!(tasks, json!("9"));
    let format = browser.text("[data-testid=\"import-format\"]").await;
    assert!(format.contains("Word"), "{format}");
    browser.click("[data-testid=\"import-accept\"]").await;
    browser.text("[data-testid=\"import-notice\"]").await;
    // The stored document merged by the worker at start: its tasks in the list.
    open(
        &browser,
        &site,
        "#/tasks",
        "[data-facet=\"doc\"] a[data-facet-value=\"local-pinghu-2024-breakdown\"]",
    )
    .await;
    assert_clean(&browser);
}

#[tokio::test]
async fn a_browser_without_webassembly_is_told_so_in_chinese_first() {
    let site = serve().await;
    let browser = OldChromium::start_with(86, &["--js-flags=--noexpose-wasm"]).await;
    open(&browser, &site, "#/tasks", STARTUP_PROBLEM).await;
    let message = browser.text(STARTUP_PROBLEM).await;
    assert!(
        message.starts_with("此浏览器版本过旧，无法运行 planboard。"),
        "{message}"
    );
    assert!(message.contains("Chromium 86"), "{message}");
    assert!(
        message.contains("This browser is too old to run planboard."),
        "{message}"
    );
    assert!(
        message.contains("WebAssembly"),
        "the reason is not named: {message}"
    );
    let languages = browser
        .eval(&format!(
            "Array.from(document.querySelectorAll({} + ' section'), (section) => section.lang)",
            json!(STARTUP_PROBLEM)
        ))
        .await;
    assert_eq!(languages, Value::from(vec!["zh-CN", "en"]));
    assert_eq!(
        browser
            .eval(&format!(
                "document.querySelector({}).getAttribute('role')",
                json!(STARTUP_PROBLEM)
            ))
            .await,
        json!("alert")
    );
}

/// Chooses `file` on the import page and returns how many tasks its preview counts.
async fn preview_task_count(browser: &OldChromium, file: &Path) -> Value {
    browser
        .choose_file("[data-testid=\"import-file\"]", file)
        .await;
    wait_for(browser, "[data-testid=\"import-preview\"]").await;
    browser
        .eval(
            "document.querySelector('[data-testid=\"import-counts\"]').getAttribute('data-tasks')",
        )
        .await
}

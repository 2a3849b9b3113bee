//! Importing a document in the browser (#/import): a shipped progress report under a
//! new name is read by the import worker, previewed, stored, shown
//! beside the published copy with the same counts in every view, kept over a reload
//! and removed again; garbage and a full storage are refused and change nothing.

mod import_support;
mod notes_support;
mod views_support;

use std::path::{Path, PathBuf};

use import_support::{choose, open_import, ACCEPT, PREVIEW};
use notes_support::{fill_storage, free_storage, keys_with_prefix, store, stored};
use planboard_browser_tests::{built_dist, workspace_root, App, Launch};
use views_support::{facet_count, facet_link, horizontal_overflow, open_tasks};

const IMPORTS_KEY: &str = "planboard.imports";
const REFUSED: &str = "[data-testid=\"import-error\"]";
const PUBLISHED: &str = "huzhou-2024-h1-progress";
const LOCAL: &str = "local-huzhou-2024-h1-progress";
const NEW_NAME: &str = "新进展报告.txt";

/// A shipped source copied under `name` into a fresh temporary directory.
fn copy_of_source(dir: &Path, source: &str, name: &str) -> PathBuf {
    let from = workspace_root().join("data/sources").join(source);
    assert!(from.is_file(), "{} is not a shipped source", from.display());
    let to = dir.join(name);
    std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    to
}

/// The id of the first task of `document` in the built data.
fn first_task_of(document: &str) -> String {
    let path = built_dist().join("data/tasks.json");
    let text = std::fs::read_to_string(&path).expect("the built data has tasks.json");
    let tasks: serde_json::Value = serde_json::from_str(&text).expect("tasks.json is JSON");
    tasks["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|task| task["document"] == document)
        .and_then(|task| task["id"].as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no task of {document} in the built data"))
}

/// The 文件 and 进展状态 facets as the 任务 view shows them without a filter.
async fn published_counts(app: &App) -> (usize, usize) {
    open_tasks(app, "").await;
    (
        facet_count(app, "doc", PUBLISHED).await,
        facet_count(app, "status", "滞后").await,
    )
}

/// The local copy in the 文件 facet with the published copy's count. The same report
/// twice is the same commitments twice: the status facet counts each once (its latest
/// record, the local copy's), and with every report's rows (`each=1`) both copies.
async fn shown_beside_the_published_copy(app: &App) {
    open_tasks(app, "").await;
    app.wait_for(&facet_link("doc", LOCAL)).await;
    assert_eq!(facet_count(app, "doc", LOCAL).await, 76);
    assert_eq!(facet_count(app, "doc", PUBLISHED).await, 76);
    assert_eq!(facet_count(app, "status", "滞后").await, 7);
    open_tasks(app, "each=1").await;
    app.wait_for(&facet_link("doc", LOCAL)).await;
    assert_eq!(facet_count(app, "status", "滞后").await, 14);
}

#[tokio::test]
async fn a_shipped_report_under_a_new_name_appears_beside_the_published_one_until_removed() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_of_source(dir.path(), "huzhou-2024-tasks-h1-progress.txt", NEW_NAME);
    let app = App::start().await;
    let (published_tasks, lagging_before) = published_counts(&app).await;
    assert_eq!((published_tasks, lagging_before), (76, 7));

    open_import(&app).await;
    choose(&app, &file).await;
    app.wait_for(PREVIEW).await;
    assert!(app
        .text("[data-testid=\"import-kind\"]")
        .await
        .contains("进展报告"));
    let lines = "[data-testid=\"import-line-summary\"]";
    assert_eq!(
        app.attr(lines, "data-unrecognised").await.as_deref(),
        Some("0")
    );
    app.wait_for("[data-testid=\"import-unrecognised-none\"]")
        .await;
    let counts = "[data-testid=\"import-counts\"]";
    assert_eq!(app.attr(counts, "data-tasks").await.as_deref(), Some("76"));
    assert_eq!(app.attr(counts, "data-lagging").await.as_deref(), Some("7"));
    assert_eq!(
        app.text("[data-testid=\"import-document-id\"]").await,
        LOCAL
    );
    let parse_ms = app.text("[data-testid=\"import-parse-ms\"]").await;
    println!("parse time in the browser for the shipped progress report: {parse_ms}");
    assert_eq!(
        stored(&app, IMPORTS_KEY).await,
        None,
        "nothing stored before accepting"
    );
    app.screenshot("import-preview").await;

    let accepted = std::time::Instant::now();
    app.click(ACCEPT).await;
    let notice = app.text("[data-testid=\"import-notice\"]").await;
    // Storage write, merge, new index and the page redrawn, WebDriver round trips included.
    println!(
        "accept → page redrawn with the new data: {:?}",
        accepted.elapsed()
    );
    assert!(notice.contains(NEW_NAME), "{notice}");
    let raw = stored(&app, IMPORTS_KEY)
        .await
        .expect("stored on acceptance");
    let envelope: serde_json::Value = serde_json::from_str(&raw).expect("JSON envelope");
    assert_eq!(envelope["format"], "planboard-imports");
    assert_eq!(envelope["version"], 1);
    assert_eq!(envelope["documents"][0]["file_name"], NEW_NAME);
    assert_eq!(app.count("[data-testid=\"import-row\"]").await, 1);

    shown_beside_the_published_copy(&app).await;
    let local_task = first_task_of(PUBLISHED).replacen(PUBLISHED, LOCAL, 1);
    app.open(&format!("index.html#/item/{local_task}")).await;
    app.wait_for_app().await;
    app.wait_for("[data-testid=\"local-badge\"]").await;
    app.open("index.html#/").await;
    app.wait_for_app().await;
    app.wait_for(".documents-table [data-testid=\"local-badge\"]")
        .await;

    app.reload().await;
    app.wait_for_app().await;
    shown_beside_the_published_copy(&app).await;

    open_import(&app).await;
    app.click("[data-testid=\"import-remove\"]").await;
    app.client()
        .accept_alert()
        .await
        .expect("the removal asks to confirm");
    app.wait_for("[data-testid=\"import-list-empty\"]").await;
    let raw = stored(&app, IMPORTS_KEY).await.expect("the key stays");
    let envelope: serde_json::Value = serde_json::from_str(&raw).expect("JSON envelope");
    assert_eq!(envelope["documents"], serde_json::json!([]));
    assert_eq!(published_counts(&app).await, (76, 7));
    assert_eq!(app.count(&facet_link("doc", LOCAL)).await, 0);
    app.assert_no_panic().await;
}

#[tokio::test]
async fn garbage_files_are_refused_with_file_and_line_and_change_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let binary = dir.path().join("乱码.txt");
    // Deterministic "random" bytes: a linear congruential sequence, not UTF-8.
    let mut state: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    std::fs::write(&binary, &bytes).expect("write");
    let prose = dir.path().join("游记.txt");
    std::fs::write(
        &prose,
        "春天来了，湖州的山水格外秀丽。\n我们沿着太湖边散步，看见许多游客。\n",
    )
    .expect("write");

    let app = App::start().await;
    for (file, expected) in [
        // The import worker judges the format from the content: bytes that are no
        // text encoding and no office file are named as such.
        (&binary, "乱码.txt: 认不出文件格式"),
        (&prose, "游记.txt:1: 无法识别文档类型"),
    ] {
        open_import(&app).await;
        choose(&app, file).await;
        let message = app.text(REFUSED).await;
        assert!(message.contains(expected), "{message}");
        assert_eq!(app.count(PREVIEW).await, 0);
        assert_eq!(stored(&app, IMPORTS_KEY).await, None);
    }
    app.screenshot("import-refused").await;
    assert_eq!(published_counts(&app).await, (76, 7));
    assert_eq!(app.count(&facet_link("doc", LOCAL)).await, 0);
    app.assert_no_panic().await;
}

#[tokio::test]
async fn a_full_storage_refuses_the_import_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_of_source(dir.path(), "pinghu-2023-tasks-h1-progress.txt", "平湖.txt");
    let app = App::start().await;
    open_import(&app).await;
    choose(&app, &file).await;
    app.wait_for(PREVIEW).await;

    let fillers = fill_storage(&app).await;
    assert!(!fillers.is_empty(), "could not fill the storage");
    app.click(ACCEPT).await;
    let message = app.text("[data-testid=\"import-accept-error\"]").await;
    assert!(message.contains("存储空间不足，未导入"), "{message}");
    assert_eq!(stored(&app, IMPORTS_KEY).await, None);
    assert_eq!(app.count("[data-testid=\"import-row\"]").await, 0);
    free_storage(&app, &fillers).await;

    open_tasks(&app, "").await;
    assert_eq!(
        app.count(&facet_link("doc", "local-pinghu-2023-h1-progress"))
            .await,
        0
    );
    app.assert_no_panic().await;
}

#[tokio::test]
async fn the_import_page_in_english_marks_every_chinese_text_as_such() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_of_source(dir.path(), "huzhou-2024-tasks-h1-progress.txt", NEW_NAME);
    let prose = dir.path().join("游记.txt");
    std::fs::write(&prose, "春天来了，湖州的山水格外秀丽。\n").expect("write");
    let app = App::start().await;
    app.open("index.html?lang=en#/import").await;
    app.wait_for_app().await;
    app.wait_for_text("[data-nav=\"import\"]", |text| text.trim() == "Import")
        .await;

    choose(&app, &prose).await;
    app.wait_for(REFUSED).await;
    assert_eq!(
        app.unmarked_chinese("body").await,
        Vec::<String>::new(),
        "refusal"
    );
    choose(&app, &file).await;
    app.wait_for(PREVIEW).await;
    assert_eq!(
        app.unmarked_chinese("body").await,
        Vec::<String>::new(),
        "preview"
    );
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-row\"]").await;
    assert!(app
        .text("[data-testid=\"import-notice\"]")
        .await
        .starts_with("Imported"));
    assert_eq!(
        app.unmarked_chinese("body").await,
        Vec::<String>::new(),
        "list"
    );
    app.open("index.html?lang=en#/").await;
    app.wait_for_app().await;
    app.wait_for(".documents-table [data-testid=\"local-badge\"]")
        .await;
    assert_eq!(
        app.unmarked_chinese("body").await,
        Vec::<String>::new(),
        "overview"
    );
    app.assert_no_panic().await;
}

#[tokio::test]
async fn an_unreadable_stored_value_is_backed_up_and_the_app_still_starts() {
    let app = App::start().await;
    open_import(&app).await;
    let unreadable = "{\"format\":\"planboard-imports\",\"version\":1,\"documents\":[{\"file_na";
    store(&app, IMPORTS_KEY, unreadable).await;
    app.reload().await;
    app.wait_for_app().await;
    app.wait_for("[data-testid=\"imports-banner\"]").await;
    let problem = app.text("[data-testid=\"import-storage-problem\"]").await;
    let backups = keys_with_prefix(&app, "planboard.imports.backup.").await;
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(problem.contains(&backups[0]), "{problem}");
    assert_eq!(stored(&app, &backups[0]).await.as_deref(), Some(unreadable));
    assert_eq!(published_counts(&app).await, (76, 7));
    app.assert_no_panic().await;
}

#[tokio::test]
async fn the_preview_and_the_list_fit_a_phone_without_sideways_scrolling() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // The Pinghu table has the longest lines of the shipped progress documents.
    let file = copy_of_source(dir.path(), "pinghu-2023-tasks-h1-progress.txt", "平湖.txt");
    let app = App::launch(Launch::new().phone()).await;
    open_import(&app).await;
    choose(&app, &file).await;
    app.wait_for(PREVIEW).await;
    assert_eq!(horizontal_overflow(&app).await, None, "preview");
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-row\"]").await;
    assert_eq!(horizontal_overflow(&app).await, None, "list");
    app.screenshot("import-phone").await;
    app.assert_no_panic().await;
}

/// axe-core's violations on the page now, one line each (rule and offending nodes); see
/// tests/tests/a11y.rs, which runs it on every view without a chosen file.
async fn axe_violations(app: &App) -> Vec<String> {
    let path = workspace_root().join(".tools/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path).expect("axe-core (bash scripts/setup.sh)");
    let loaded = app
        .eval(&format!("{source}\nreturn typeof axe.run;"), vec![])
        .await;
    assert_eq!(loaded, "function", "axe-core did not load");
    let result = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }) \
               .then((result) => done({ passes: result.passes.length, violations: \
                 result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')) })) \
               .catch((error) => done({ passes: 0, violations: ['axe-error: ' + error] }));",
            vec![],
        )
        .await
        .expect("run axe-core");
    assert!(
        result["passes"].as_u64().unwrap_or(0) > 0,
        "axe ran no rule: {result}"
    );
    serde_json::from_value(result["violations"].clone()).expect("a list of strings")
}

#[tokio::test]
async fn axe_finds_no_violations_in_the_preview_the_refusal_or_the_list() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_of_source(dir.path(), "huzhou-2021-task-breakdown.txt", "分解.txt");
    let prose = dir.path().join("游记.txt");
    std::fs::write(&prose, "春天来了，湖州的山水格外秀丽。\n").expect("write");
    let app = App::start().await;
    open_import(&app).await;
    choose(&app, &prose).await;
    app.wait_for(REFUSED).await;
    assert_eq!(axe_violations(&app).await, Vec::<String>::new(), "refusal");
    choose(&app, &file).await;
    app.wait_for(PREVIEW).await;
    assert_eq!(axe_violations(&app).await, Vec::<String>::new(), "preview");
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-row\"]").await;
    assert_eq!(axe_violations(&app).await, Vec::<String>::new(), "list");
    app.assert_no_panic().await;
}

//! The app's wasm split per view (src/lazy_pages.rs, scripts/post-build.sh): a cold
//! visit to the 任务 list fetches no view's chunk, a view fetches its own group's chunk
//! when opened, every view works offline after one visit, and a chunk that cannot be
//! fetched gives a message naming the view, with a retry that works once it can.

use planboard_browser_tests::{built_dist, App, DistCopy, Launch};
use serde_json::Value;

const RESULT_COUNT: &str = "[data-testid=\"result-count\"]";
const CHUNK_FAILED: &str = "[data-testid=\"chunk-failed\"]";
const APP_HEADING: &str = "[data-testid=\"app\"] h1";

/// The chunk files of the build (split_<group>-<hash>.wasm and chunk_<n>-<hash>.wasm).
fn chunk_files() -> Vec<String> {
    let mut chunks: Vec<String> = std::fs::read_dir(built_dist())
        .expect("read dist/")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
        })
        .collect();
    chunks.sort();
    chunks
}

/// The wasm files the page itself has fetched so far (its resource timing entries: what
/// the service worker precaches for later is not among them).
async fn fetched_wasm(app: &App) -> Vec<String> {
    let names = app
        .eval(
            "return performance.getEntriesByType('resource') \
               .map((entry) => entry.name.split('/').pop()) \
               .filter((name) => name.endsWith('.wasm'));",
            vec![],
        )
        .await;
    names
        .as_array()
        .expect("a list of names")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

fn is_chunk(name: &str) -> bool {
    name.starts_with("split_") || name.starts_with("chunk_")
}

/// The file name of a menu group's own chunk in the build, e.g. `people` →
/// `split_people_views-<hash>.wasm`.
fn group_chunk(group: &str) -> String {
    let prefix = format!("split_{group}_views-");
    chunk_files()
        .into_iter()
        .find(|name| name.starts_with(&prefix))
        .unwrap_or_else(|| panic!("dist/ has no {prefix}<hash>.wasm: {:?}", chunk_files()))
}

#[tokio::test]
async fn a_cold_task_list_fetches_no_view_chunk_and_a_view_fetches_its_own_group() {
    let people = group_chunk("people");

    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_for(RESULT_COUNT).await;
    let first_load = fetched_wasm(&app).await;
    assert!(
        first_load.iter().any(|name| name.starts_with("planboard-")),
        "the app's main wasm is not among the fetched files: {first_load:?}"
    );
    let early: Vec<_> = first_load.iter().filter(|name| is_chunk(name)).collect();
    assert!(
        early.is_empty(),
        "a cold #/tasks fetched view chunks: {early:?}"
    );

    // The menu's 部门 link: the departments page, from its group's chunk only.
    app.click("a[data-nav=\"departments\"]").await;
    app.wait_for("main a[href^=\"#/departments/\"]").await;
    assert_eq!(app.count(CHUNK_FAILED).await, 0);
    let after = fetched_wasm(&app).await;
    assert!(
        after.contains(&people),
        "opening 部门 did not fetch its chunk: {after:?}"
    );
    for other in [group_chunk("import"), group_chunk("notes")] {
        assert!(
            !after.contains(&other),
            "opening 部门 fetched {other} too: {after:?}"
        );
    }
    // The page works: a department's own page, same chunk, nothing fetched again.
    app.click("main a[href^=\"#/departments/\"]").await;
    app.wait_for(".page-counts").await;
    let again = fetched_wasm(&app).await;
    assert_eq!(
        again.iter().filter(|name| is_chunk(name)).count(),
        after.iter().filter(|name| is_chunk(name)).count(),
        "a second view of the same group fetched more chunks: {after:?} → {again:?}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn after_one_visit_to_the_task_list_every_view_opens_offline() {
    let mut app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_until_controlled().await;
    app.site_mut().stop().await;

    // One view or more of every chunk, none of them opened online.
    for (hash, shown) in [
        ("#/", ".overview-status"),
        ("#/departments", RESULT_COUNT),
        ("#/leaders", RESULT_COUNT),
        ("#/lag", APP_HEADING),
        ("#/pace", APP_HEADING),
        ("#/compare", APP_HEADING),
        ("#/bulletin", APP_HEADING),
        ("#/plan", APP_HEADING),
        ("#/threads", APP_HEADING),
        ("#/projects", RESULT_COUNT),
        ("#/notes", APP_HEADING),
        ("#/import", APP_HEADING),
    ] {
        app.open(&format!("index.html{hash}")).await;
        app.wait_for_app().await;
        app.wait_for(shown).await;
        if app.count(CHUNK_FAILED).await > 0 {
            let message = app.text(CHUNK_FAILED).await;
            app.fail(&format!("{hash} offline: {message}")).await;
        }
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_chunk_that_cannot_be_fetched_names_the_view_and_retry_loads_it() {
    let copy = DistCopy::new();
    let chunk = group_chunk("supervision");
    let contents = std::fs::read(copy.file(&chunk)).expect("read the supervision chunk");
    copy.remove(&chunk);
    let app = App::launch(Launch::new().serving(copy)).await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_for(RESULT_COUNT).await;

    app.open("index.html#/lag").await;
    let message = app
        .wait_for_text(CHUNK_FAILED, |text| !text.is_empty())
        .await;
    assert!(
        message.contains("滞后分析"),
        "the message does not name the view: {message}"
    );
    // The rest of the app still works: the menu and the task list.
    app.click("a[data-nav=\"tasks\"]").await;
    app.wait_for(RESULT_COUNT).await;
    app.click("a[data-nav=\"lag\"]").await;
    app.wait_for(CHUNK_FAILED).await;

    // Once the file is there again, the message's retry button loads the view.
    let served = app.site().root().join(&chunk);
    std::fs::write(&served, &contents).expect("put the chunk back");
    app.click(&format!("{CHUNK_FAILED} button")).await;
    app.wait_for_text(APP_HEADING, |text| text.contains("滞后分析"))
        .await;
    assert_eq!(app.count(CHUNK_FAILED).await, 0, "retry left the message");
}

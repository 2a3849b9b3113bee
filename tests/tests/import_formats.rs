//! The import worker in the browser: the first load does not fetch it, a file is read
//! there and previewed, imported documents take part in threads, and the publish
//! round trip: import, download the data bundle, serve a copy of the app with it, and
//! see the imported document as a published one as a new visitor.

mod import_support;
mod notes_support;
mod views_support;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use import_support::{choose, open_import, ACCEPT, PREVIEW};
use planboard_browser_tests::{workspace_root, App, DistCopy, Launch};
use views_support::{facet_count, facet_link, open_tasks};

const PUBLISH: &str = "[data-testid=\"publish-data\"]";
/// A Pinghu 2023 year-end table (crates/importer/tests/fixtures), not among the
/// published documents.
const YEAR_END: &str = "pinghu-2023-year-end.txt";
const YEAR_END_LOCAL: &str = "local-pinghu-2023-year-progress";
const YEAR_END_PUBLISHED: &str = "pinghu-2023-year-progress";

fn importer_fixture(name: &str) -> PathBuf {
    workspace_root()
        .join("crates/importer/tests/fixtures")
        .join(name)
}

async fn import(app: &App, path: &Path) {
    open_import(app).await;
    choose(app, path).await;
    app.wait_for(PREVIEW).await;
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-notice\"]").await;
}

fn worker_requests(app: &App) -> Vec<String> {
    app.site()
        .requests()
        .into_iter()
        .map(|served| served.path)
        .filter(|path| path.contains("import-worker"))
        .collect()
}

#[tokio::test]
async fn a_cold_visit_to_the_tasks_does_not_fetch_the_import_worker() {
    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_for(&facet_link("doc", "huzhou-2024-h1-progress"))
        .await;
    // The service worker precaches every file after the load; the page itself asks
    // for none of the worker's.
    let asked_by_page: Vec<String> = app
        .eval(
            "return performance.getEntriesByType('resource').map((e) => e.name);",
            vec![],
        )
        .await
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|name| name.as_str().map(str::to_owned))
        .filter(|name| name.contains("import-worker"))
        .collect();
    assert!(asked_by_page.is_empty(), "{asked_by_page:?}");

    open_import(&app).await;
    choose(&app, &importer_fixture(YEAR_END)).await;
    app.wait_for(PREVIEW).await;
    let requested = worker_requests(&app);
    for part in [
        "import-worker-loader.js",
        "import-worker.js",
        "import-worker_bg.wasm",
    ] {
        assert!(
            requested.iter().any(|path| path.ends_with(part)),
            "{part} fetched once the import page reads a file: {requested:?}"
        );
    }
    assert_eq!(
        app.text("[data-testid=\"import-document-id\"]").await,
        YEAR_END_LOCAL
    );
}

/// Waits for a file ending in `.zip` to appear (complete) in `dir`.
async fn downloaded_zip(dir: &Path) -> PathBuf {
    let started = Instant::now();
    loop {
        let found = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .find(|path| path.extension().is_some_and(|e| e == "zip"));
        if let Some(path) = found {
            return path;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no .zip downloaded into {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_published_bundle_shows_the_imported_report_to_a_new_visitor() {
    let downloads = tempfile::tempdir().expect("download folder");
    let app = App::start().await;
    import(&app, &importer_fixture(YEAR_END)).await;
    open_tasks(&app, "").await;
    app.wait_for(&facet_link("doc", YEAR_END_LOCAL)).await;
    let tasks = facet_count(&app, "doc", YEAR_END_LOCAL).await;
    assert!(tasks > 0);

    app.open("index.html#/import").await;
    app.wait_for(PUBLISH).await;
    app.devtools(
        "Browser.setDownloadBehavior",
        serde_json::json!({
            "behavior": "allow",
            "downloadPath": downloads.path().display().to_string(),
        }),
    )
    .await;
    app.click(PUBLISH).await;
    let summary = app.text("[data-testid=\"publish-done\"]").await;
    assert!(summary.contains(YEAR_END_PUBLISHED), "{summary}");
    let zip_path = downloaded_zip(downloads.path()).await;
    // The download is written under a temporary name first; the .zip is complete.
    let bytes = std::fs::read(&zip_path).expect("the downloaded zip");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the download is a zip");
    let mut note = String::new();
    archive
        .by_name("说明.txt")
        .expect("the bundle has its 说明")
        .read_to_string(&mut note)
        .expect("说明 is text");
    assert!(note.contains("data/"), "{note}");
    assert!(note.contains(YEAR_END), "{note}");

    // A copy of the built app with the bundle's files in data/.
    let copy = DistCopy::new();
    for name in [
        "documents.json",
        "tasks.json",
        "projects.json",
        "plan.json",
        "links.json",
    ] {
        let mut json = Vec::new();
        archive
            .by_name(name)
            .unwrap_or_else(|e| panic!("{name} in the bundle: {e}"))
            .read_to_end(&mut json)
            .expect("deflated file");
        copy.write(&format!("data/{name}"), json);
        // A host's pre-compressed copy would be stale now.
        for stale in [".br", ".gz"] {
            let path = copy.file(&format!("data/{name}{stale}"));
            if path.exists() {
                copy.remove(&format!("data/{name}{stale}"));
            }
        }
    }
    drop(app);

    // A new visitor: another browser with a fresh profile, nothing stored.
    let visitor = App::launch(Launch::new().serving(copy)).await;
    open_tasks(&visitor, "").await;
    visitor
        .wait_for(&facet_link("doc", YEAR_END_PUBLISHED))
        .await;
    assert_eq!(
        facet_count(&visitor, "doc", YEAR_END_PUBLISHED).await,
        tasks,
        "every task of the imported report is published"
    );
    assert_eq!(visitor.count(&facet_link("doc", YEAR_END_LOCAL)).await, 0);
    let stored = visitor
        .eval("return localStorage.getItem('planboard.imports');", vec![])
        .await;
    assert!(
        stored.is_null(),
        "the visitor has imported nothing: {stored}"
    );
}

#[tokio::test]
async fn an_imported_report_takes_part_in_threads() {
    let app = App::start().await;
    let file = workspace_root().join("data/sources/huzhou-2024-tasks-h1-progress.txt");
    let dir = tempfile::tempdir().expect("temporary directory");
    let copy = dir.path().join("湖州2024年上半年进展（另存）.txt");
    std::fs::copy(&file, &copy).expect("copy the shipped report");
    import(&app, &copy).await;
    // Its first task links to the published copy's first task (the same words), and
    // the published task links back to it.
    app.open("index.html#/item/local-huzhou-2024-h1-progress/t1")
        .await;
    app.wait_for_app().await;
    app.wait_for("[data-testid=\"item-threads\"]").await;
    let from_local = thread_hrefs(&app).await;
    assert!(
        from_local.contains("#/item/huzhou-2024-h1-progress/t1"),
        "the imported task links to the published one: {from_local}"
    );
    app.open("index.html#/item/huzhou-2024-h1-progress/t1")
        .await;
    app.wait_for("[data-testid=\"item-threads\"]").await;
    let from_published = thread_hrefs(&app).await;
    assert!(
        from_published.contains("#/item/local-huzhou-2024-h1-progress/t1"),
        "the published task links to the imported one: {from_published}"
    );
}

/// Where the links of the item page's 在其他文件中 section lead, decoded.
async fn thread_hrefs(app: &App) -> String {
    app.eval(
        "return [...document.querySelectorAll('[data-testid=\"item-threads\"] a')]\
         .map((a) => decodeURIComponent(a.getAttribute('href')));",
        vec![],
    )
    .await
    .to_string()
}

fn formats_fixture(name: &str) -> PathBuf {
    workspace_root()
        .join("crates/formats/tests/fixtures")
        .join(name)
}

/// Imports `path` and returns the id the preview gave it, after checking the format
/// and encoding the preview names.
async fn import_office_file(
    app: &App,
    path: &Path,
    format: &str,
    encoding: Option<&str>,
) -> String {
    open_import(app).await;
    choose(app, path).await;
    app.wait_for(PREVIEW).await;
    let shown = app.text("[data-testid=\"import-format\"]").await;
    assert!(shown.contains(format), "format shown: {shown}");
    if let Some(encoding) = encoding {
        assert_eq!(
            app.text("[data-testid=\"import-encoding\"]").await,
            encoding
        );
    }
    let id = app.text("[data-testid=\"import-document-id\"]").await;
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-notice\"]").await;
    id
}

/// How many rows the 任务 list counts for `document`, once its facet is drawn.
async fn listed_count(app: &App, document: &str) -> usize {
    open_tasks(app, "").await;
    app.wait_for(&facet_link("doc", document)).await;
    facet_count(app, "doc", document).await
}

/// What a reader sees of task `number` of `document`: its item page's facts.
async fn task_facts(app: &App, document: &str, number: u32) -> String {
    app.open(&format!("index.html#/item/{document}/t{number}"))
        .await;
    app.wait_for_app().await;
    app.text(".item-facts").await
}

#[tokio::test]
async fn a_word_breakdown_table_gives_its_tasks_leaders_and_lead_units() {
    let app = App::start().await;
    let id = import_office_file(
        &app,
        &formats_fixture("pinghu-2024-breakdown.docx"),
        "Word",
        None,
    )
    .await;
    assert_eq!(id, "local-pinghu-2024-breakdown");
    assert_eq!(listed_count(&app, &id).await, 9);
    // The leader cell merged down over tasks 4 to 6 leads each of them.
    for number in [4, 5, 6] {
        let facts = task_facts(&app, &id, number).await;
        assert!(facts.contains("沈国强"), "task {number}: {facts}");
    }
    let facts = task_facts(&app, &id, 6).await;
    assert!(facts.contains("金融发展中心"), "{facts}");
    assert!(task_facts(&app, &id, 7).await.contains("吴晓峰"));
}

#[tokio::test]
async fn a_gb2312_web_page_gives_the_same_breakdown() {
    let app = App::start().await;
    let id = import_office_file(
        &app,
        &formats_fixture("pinghu-2024-breakdown-gb2312.htm"),
        "网页",
        Some("GBK"),
    )
    .await;
    assert_eq!(listed_count(&app, &id).await, 9);
    assert!(task_facts(&app, &id, 5).await.contains("沈国强"));
    assert!(task_facts(&app, &id, 2).await.contains("周立新"));
}

#[tokio::test]
async fn an_excel_year_end_table_gives_its_outcomes_and_lead_units() {
    let app = App::start().await;
    let id = import_office_file(
        &app,
        &formats_fixture("pinghu-2024-year-end.xlsx"),
        "Excel",
        None,
    )
    .await;
    assert_eq!(listed_count(&app, &id).await, 7);
    // 经信局 is one cell merged over tasks 4 and 5.
    assert!(task_facts(&app, &id, 4).await.contains("经信局"));
    assert!(task_facts(&app, &id, 5).await.contains("经信局"));
    app.open(&format!("index.html#/item/{id}/t5")).await;
    let status = app.text(".item-tags").await;
    assert!(status.contains("未完成"), "{status}");
}

#[tokio::test]
async fn a_gbk_text_report_says_its_encoding() {
    let app = App::start().await;
    let id = import_office_file(
        &app,
        &formats_fixture("huzhou-2024-q3-progress-gbk.txt"),
        "文本",
        Some("GB18030"),
    )
    .await;
    assert_eq!(listed_count(&app, &id).await, 3);
}

#[tokio::test]
async fn bad_files_are_refused_with_a_clear_message_and_change_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let too_big = dir.path().join("全年汇总.xlsx");
    std::fs::write(&too_big, vec![b'P'; 9 * 1024 * 1024]).expect("a large file");
    let app = App::start().await;
    let cases: [(PathBuf, &[&str]); 5] = [
        (too_big, &["文件过大"]),
        (formats_fixture("zip-bomb.docx"), &["压缩炸弹"]),
        (formats_fixture("encrypted.xlsx"), &["密码"]),
        (
            formats_fixture("misnamed-workbook.docx"),
            &["请改名为 .xlsx"],
        ),
        (formats_fixture("news-no-table.html"), &["网页中没有表格"]),
    ];
    for (path, words) in cases {
        open_import(&app).await;
        choose(&app, &path).await;
        let message = app.text("[data-testid=\"import-error\"]").await;
        for word in words {
            assert!(message.contains(word), "{}: {message}", path.display());
        }
        assert_eq!(app.count(PREVIEW).await, 0);
        let stored = app
            .eval("return localStorage.getItem('planboard.imports');", vec![])
            .await;
        assert!(
            stored.is_null(),
            "{}: nothing stored: {stored}",
            path.display()
        );
    }
}

#[tokio::test]
async fn a_worker_that_cannot_start_is_said_and_loses_nothing() {
    let copy = DistCopy::new();
    copy.remove("import-worker_bg.wasm");
    let app = App::launch(Launch::new().serving(copy)).await;
    open_import(&app).await;
    choose(&app, &importer_fixture(YEAR_END)).await;
    let message = app.text("[data-testid=\"import-error\"]").await;
    assert!(message.contains("导入程序未能运行"), "{message}");
    assert_eq!(app.count(PREVIEW).await, 0);
    // The choice can be made again (a new worker is tried), and the page still works.
    open_tasks(&app, "").await;
    app.wait_for(&facet_link("doc", "huzhou-2024-h1-progress"))
        .await;
}

#[tokio::test]
async fn after_one_visit_a_word_file_imports_with_the_server_stopped() {
    let mut app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    // The service worker has precached the build, the import worker's files included.
    let mut controlled = false;
    for _ in 0..400 {
        let value = app
            .eval(
                "return navigator.serviceWorker.controller !== null;",
                vec![],
            )
            .await;
        if value == serde_json::Value::Bool(true) {
            controlled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(controlled, "no service worker took control within 20 s");
    let served_before = app.site().requests().len();
    app.site_mut().stop().await;
    let id = import_office_file(
        &app,
        &formats_fixture("pinghu-2024-breakdown.docx"),
        "Word",
        None,
    )
    .await;
    assert_eq!(id, "local-pinghu-2024-breakdown");
    open_tasks(&app, "").await;
    app.wait_for(&facet_link("doc", &id)).await;
    let after: Vec<String> = app.site().requests()[served_before..]
        .iter()
        .map(|served| format!("{} {}", served.status, served.path))
        .collect();
    assert!(
        after.is_empty(),
        "nothing reached the stopped server: {after:?}"
    );
}

/// A government work report was refused by the browser's import before the worker; now
/// every kind the build reads imports there too. The published 2020 report, saved under
/// a new name as an office would pass it on, becomes a local document whose work items
/// are listed beside the published report's, as many as the build gives.
#[tokio::test]
async fn a_work_report_imports_in_the_browser_with_its_work_items() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let copy = dir.path().join("2020年市政府工作报告(定稿).txt");
    let source = workspace_root().join("data/sources/huzhou-2020-work-report.txt");
    std::fs::copy(&source, &copy)
        .unwrap_or_else(|error| panic!("copy {}: {error}", source.display()));
    let app = App::start().await;
    open_import(&app).await;
    choose(&app, &copy).await;
    app.wait_for(PREVIEW).await;
    let kind = app.text("[data-testid=\"import-kind\"]").await;
    assert!(kind.contains("政府工作报告"), "kind shown: {kind}");
    let id = app.text("[data-testid=\"import-document-id\"]").await;
    assert_eq!(id, "local-huzhou-2020-report");
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-notice\"]").await;

    // every report's own rows (each=1): the local copy may join the published report's
    // work items as one commitment in the default list.
    open_tasks(&app, "each=1").await;
    app.wait_for(&facet_link("doc", &id)).await;
    let published = facet_count(&app, "doc", "huzhou-2020-report").await;
    assert!(published > 0, "the published report lists work items");
    assert_eq!(facet_count(&app, "doc", &id).await, published);
}

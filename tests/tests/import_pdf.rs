//! Importing PDFs on #/import (the fixtures of scripts/make-pdf-fixtures.py, written by
//! LibreOffice, reportlab, img2pdf and pikepdf): tasks, leaders and lead units rebuilt
//! from the positions of the text, shown in the preview and after accepting; a scanned,
//! an encrypted and a damaged PDF refused with a message saying so; pdf.js fetched only
//! once a PDF is chosen, never on a cold visit; and the GB-CMap PDF in Chromium 86.

mod import_support;
mod views_support;

use std::path::{Path, PathBuf};

use import_support::{choose, open_import, ACCEPT, FILE_INPUT, PREVIEW};
use planboard_browser_tests::{built_dist, workspace_root, App, OldChromium, Site, BASE_PATH};
use serde_json::json;
use views_support::{facet_link, open_tasks};

const REFUSED: &str = "[data-testid=\"import-error\"]";
const COUNTS: &str = "[data-testid=\"import-counts\"]";
const PDF_NOTE: &str = "[data-testid=\"import-pdf-note\"]";

fn fixture(name: &str) -> PathBuf {
    let path = workspace_root().join("tests/fixtures/pdf").join(name);
    assert!(path.is_file(), "{} is missing", path.display());
    path
}

/// `name` copied under `as_name` into `dir`, as a reader's download folder holds it.
fn copy_as(dir: &Path, name: &str, as_name: &str) -> PathBuf {
    let to = dir.join(as_name);
    std::fs::copy(fixture(name), &to).expect("copy the fixture");
    to
}

/// The paths of the PDF reader the server has sent so far.
fn pdfjs_requests(app: &App) -> Vec<String> {
    app.site()
        .requests()
        .into_iter()
        .map(|served| served.path)
        .filter(|path| path.contains("/pdfjs/"))
        .collect()
}

/// The page's own resource entries that are part of the PDF reader.
async fn pdfjs_resources(app: &App) -> Vec<String> {
    let names = app
        .eval(
            "return performance.getEntriesByType('resource').map((entry) => entry.name)",
            vec![],
        )
        .await;
    serde_json::from_value::<Vec<String>>(names)
        .unwrap_or_default()
        .into_iter()
        .filter(|name| name.contains("/pdfjs/"))
        .collect()
}

/// Imports `file`, checks the preview (best-effort note, task count, what the counts
/// list says), accepts it, and checks that the rows of the new document in 任务 show
/// every `(task, leader or unit)` pair on one row.
async fn import_and_check(
    app: &App,
    file: &Path,
    document: &str,
    tasks: usize,
    in_counts: &[&str],
    rows: &[(&str, &str)],
) {
    open_import(app).await;
    choose(app, file).await;
    app.wait_for(PREVIEW).await;
    assert!(
        app.text(PDF_NOTE).await.contains("PDF 导入是尽力而为的"),
        "no best-effort note"
    );
    assert_eq!(
        app.attr(COUNTS, "data-tasks").await.as_deref(),
        Some(tasks.to_string().as_str()),
        "{}",
        file.display()
    );
    let counts = app.text(COUNTS).await;
    for expected in in_counts {
        assert!(counts.contains(expected), "{expected} not in {counts}");
    }
    assert_eq!(
        app.text("[data-testid=\"import-document-id\"]").await,
        document
    );
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-row\"]").await;

    open_tasks(app, "").await;
    app.click(&facet_link("doc", document)).await;
    app.wait_for_text("[data-testid=\"result-count\"]", |text| {
        text.contains(&tasks.to_string())
    })
    .await;
    let shown = app.texts(".entry").await;
    for (task, who) in rows {
        assert!(
            shown
                .iter()
                .any(|row| row.contains(task) && row.contains(who)),
            "no row of {document} with {task} and {who}: {shown:#?}"
        );
    }
}

#[tokio::test]
async fn a_cold_visit_fetches_no_pdf_reader_and_a_libreoffice_table_imports() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_as(
        dir.path(),
        "breakdown-table.pdf",
        "平湖市2024年重点工作责任分解.pdf",
    );
    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    // The service worker's precache must not fetch it either.
    app.client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             navigator.serviceWorker.ready.then(() => done(true));",
            vec![],
        )
        .await
        .expect("a service worker becomes active");
    assert_eq!(pdfjs_resources(&app).await, Vec::<String>::new());
    assert_eq!(pdfjs_requests(&app), Vec::<String>::new());

    import_and_check(
        &app,
        &file,
        "local-pinghu-2024-breakdown",
        8,
        &["牵头领导 4 位", "市发展改革局", "市人力社保局"],
        &[
            ("地区生产总值增长6%左右", "沈建明"),
            ("地区生产总值增长6%左右", "市发展改革局"),
            ("新增规上工业企业100家以上", "陆晓峰"),
            ("新增规上工业企业100家以上", "市经信局"),
            ("推进市第一人民医院改扩建工程主体结顶", "周立群"),
            ("推进市第一人民医院改扩建工程主体结顶", "市教育局"),
        ],
    )
    .await;
    let fetched = pdfjs_requests(&app);
    for part in ["pdf-text.js", "pdf.min.js", "pdf.worker.min.js"] {
        assert!(
            fetched.iter().any(|path| path.ends_with(part)),
            "{part} not fetched: {fetched:?}"
        );
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_progress_table_in_a_gb_cmap_font_without_tounicode_imports() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_as(dir.path(), "gb-cmap-progress.pdf", "上半年完成情况.pdf");
    let app = App::start().await;
    import_and_check(
        &app,
        &file,
        "local-pinghu-2024-h1-progress",
        6,
        &["已完成：3", "基本完成：2", "未完成：1", "市建设局"],
        &[
            ("完成老旧小区改造32个,新增保障性租赁住房1500套", "市建设局"),
            ("新建3所公办幼儿园,新增学位2100个", "市教育局"),
        ],
    )
    .await;
    let fetched = pdfjs_requests(&app);
    for cmap in ["UniGB-UCS2-H.bcmap", "Adobe-GB1-UCS2.bcmap"] {
        assert!(
            fetched.iter().any(|path| path.ends_with(cmap)),
            "{cmap} not fetched: {fetched:?}"
        );
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_running_text_progress_report_imports_with_wrapped_paragraphs_joined() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_as(dir.path(), "running-progress.pdf", "湖州上半年进展.pdf");
    let app = App::start().await;
    import_and_check(
        &app,
        &file,
        "local-huzhou-2024-h1-progress",
        4,
        &["任务 4 项"],
        &[
            (
                "争取政府债券200亿元以上,中长期国债、中央预算内投资资金占全省份额超过经济占比",
                "人民银行湖州市分行",
            ),
            ("高质量做好全国第五次经济普查", "市统计局"),
        ],
    )
    .await;
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn scanned_encrypted_and_damaged_pdfs_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let scanned = copy_as(dir.path(), "scanned.pdf", "扫描件.pdf");
    let encrypted = copy_as(dir.path(), "encrypted.pdf", "加密.pdf");
    let whole = std::fs::read(fixture("breakdown-table.pdf")).expect("read the fixture");
    let damaged = dir.path().join("下载中断.pdf");
    std::fs::write(&damaged, &whole[..3000]).expect("write");
    let app = App::start().await;
    for (file, expected) in [
        (
            &scanned,
            "扫描件.pdf: 这是扫描版 PDF（没有文字层），无法读取文字；请向发文单位索取 Word/WPS 原件，或先做文字识别(OCR)",
        ),
        (&encrypted, "加密.pdf: 这个 PDF 设有密码或加密"),
        (&damaged, "下载中断.pdf: 这个文件不是完整有效的 PDF"),
    ] {
        open_import(&app).await;
        choose(&app, file).await;
        let message = app.text(REFUSED).await;
        assert!(message.contains(expected), "{message}");
        assert_eq!(app.count(PREVIEW).await, 0);
    }
    app.assert_no_console_errors().await;
}

/// The files of the PDF reader in the build (what the service worker caches on first use).
fn pdfjs_file_count() -> usize {
    fn count(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap_or_else(|error| panic!("read {}: {error}", dir.display()))
            .flatten()
            .map(|entry| {
                let path = entry.path();
                let compressed = path
                    .extension()
                    .is_some_and(|extension| extension == "br" || extension == "gz");
                match (path.is_dir(), compressed) {
                    (true, _) => count(&path),
                    (false, true) => 0,
                    (false, false) => 1,
                }
            })
            .sum()
    }
    count(&built_dist().join("pdfjs"))
}

/// How many files of the PDF reader the service worker's caches hold.
async fn cached_pdfjs_files(app: &App) -> usize {
    let cached = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; (async () => { \
               let count = 0; \
               for (const name of await caches.keys()) { \
                 const requests = await (await caches.open(name)).keys(); \
                 count += requests.filter((request) => request.url.includes('/pdfjs/')).length; \
               } \
               return count; \
             })().then(done, () => done(-1));",
            vec![],
        )
        .await
        .expect("read the caches");
    cached.as_u64().unwrap_or(0) as usize
}

#[tokio::test]
async fn after_its_first_use_pdf_import_works_offline_with_every_gb_cmap() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let online = copy_as(dir.path(), "breakdown-table.pdf", "分解表.pdf");
    let offline = copy_as(dir.path(), "gb-cmap-progress.pdf", "离线导入.pdf");
    let mut app = App::start().await;
    open_import(&app).await;
    app.client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const wait = () => navigator.serviceWorker.controller ? done(true) : setTimeout(wait, 50); \
             wait();",
            vec![],
        )
        .await
        .expect("a service worker controls the page");
    assert_eq!(cached_pdfjs_files(&app).await, 0, "precached");

    // A PDF without GB CMaps: the worker caches the whole reader, CMaps included.
    choose(&app, &online).await;
    app.wait_for(PREVIEW).await;
    let expected = pdfjs_file_count();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while cached_pdfjs_files(&app).await < expected {
        assert!(
            std::time::Instant::now() < deadline,
            "the service worker cached {} of {expected} files of the PDF reader",
            cached_pdfjs_files(&app).await
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    app.site_mut().stop().await;
    let served = app.site().requests().len();
    app.reload().await;
    open_import(&app).await;
    choose(&app, &offline).await;
    app.wait_for(PREVIEW).await;
    assert_eq!(app.attr(COUNTS, "data-tasks").await.as_deref(), Some("6"));
    assert_eq!(app.site().requests().len(), served, "served while stopped");
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn chromium_86_imports_the_gb_cmap_pdf() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = copy_as(dir.path(), "gb-cmap-progress.pdf", "上半年完成情况.pdf");
    let dist = built_dist();
    let site = Site::start(&dist, BASE_PATH)
        .await
        .unwrap_or_else(|error| panic!("serve {}: {error}", dist.display()));
    let browser = OldChromium::start(86).await;
    browser.open(&site.url("index.html#/import")).await;
    browser.choose_file(FILE_INPUT, &file).await;
    browser
        .wait_until(
            &format!("document.querySelector({}) !== null", json!(COUNTS)),
            "the preview of the PDF",
        )
        .await;
    let tasks = browser
        .eval(&format!(
            "document.querySelector({}).getAttribute('data-tasks')",
            json!(COUNTS)
        ))
        .await;
    assert_eq!(tasks, json!("6"));
    assert!(browser.text(COUNTS).await.contains("市建设局"));
    browser.click(ACCEPT).await;
    let notice = browser.text("[data-testid=\"import-notice\"]").await;
    assert!(notice.contains("上半年完成情况.pdf"), "{notice}");
    assert_eq!(browser.exceptions(), Vec::<String>::new());
    let errors = browser.unexpected_console_errors();
    assert_eq!(errors, Vec::<String>::new());
}

//! 导出 CSV / 导出 JSON on the 任务 view: the file, read back, holds exactly the filtered
//! list (every match, beyond the first page of rows), CSV with a byte-order mark.

mod views_support;

use std::collections::BTreeSet;

use planboard_browser_tests::App;
use serde_json::{json, Value};
use views_support::{assert_same_ids, listed_ids, open_tasks, shown_count};

/// The rows as a spreadsheet would read them (the `csv` crate); every row, the last
/// included, must end in CRLF.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    assert!(text.ends_with("\r\n"), "last row not ended by CRLF");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("valid CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// Keeps every Blob the page turns into a download URL, and the file names it offers.
async fn capture_downloads(app: &App) {
    app.eval(
        "window.__blobs = []; window.__names = [];
         const make = URL.createObjectURL;
         URL.createObjectURL = blob => { window.__blobs.push(blob); return make.call(URL, blob); };
         const click = HTMLAnchorElement.prototype.click;
         HTMLAnchorElement.prototype.click = function () {
           if (this.download) { window.__names.push(this.download); return; }
           return click.call(this);
         };",
        vec![],
    )
    .await;
}

/// The last captured download: its first bytes, text and file name.
async fn last_download(app: &App) -> Value {
    app.client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const blob = window.__blobs[window.__blobs.length - 1];
             const name = window.__names[window.__names.length - 1];
             blob.arrayBuffer().then(buffer => done({
               name,
               head: Array.from(new Uint8Array(buffer).slice(0, 3)),
               text: new TextDecoder().decode(buffer),
             }));",
            vec![],
        )
        .await
        .expect("a captured download")
}

#[tokio::test]
async fn exports_hold_exactly_the_filtered_list() {
    let app = App::start().await;
    // More than one page of rows (100), so only an export of all matches passes.
    open_tasks(&app, "doc=huzhou-2021-breakdown&jurisdiction=湖州市").await;
    let count = shown_count(&app).await;
    assert!(
        count > 100,
        "the filter should match more than a page: {count}"
    );
    capture_downloads(&app).await;

    app.click("[data-testid=\"export-csv\"]").await;
    let csv = last_download(&app).await;
    assert_eq!(csv["head"], json!([0xef, 0xbb, 0xbf]), "no byte-order mark");
    let name = csv["name"].as_str().unwrap_or_default();
    assert!(
        name.starts_with("planboard-任务-doc=huzhou-2021-breakdown-jurisdiction=湖州市-")
            && name.ends_with(".csv"),
        "{name}"
    );
    let text = csv["text"].as_str().unwrap_or_default();
    let rows = read_csv(text.strip_prefix('\u{feff}').unwrap_or(text));
    assert_eq!(rows[0][0], "编号");
    let csv_ids: Vec<String> = rows[1..].iter().map(|row| row[0].clone()).collect();
    assert_eq!(csv_ids.len(), count, "one row per match");

    app.click("[data-testid=\"export-json\"]").await;
    let json = last_download(&app).await;
    let exported: Value =
        serde_json::from_str(json["text"].as_str().unwrap_or_default()).expect("JSON export");
    assert_eq!(exported["format_version"], 1);
    let json_ids: BTreeSet<String> = ["tasks", "projects"]
        .iter()
        .flat_map(|list| exported[list].as_array().cloned().unwrap_or_default())
        .filter_map(|record| record["id"].as_str().map(str::to_owned))
        .collect();

    let visible = listed_ids(&app).await;
    assert_eq!(visible.len(), count);
    let csv_ids: BTreeSet<String> = csv_ids.into_iter().collect();
    assert_same_ids(&csv_ids, &visible, "CSV export");
    assert_same_ids(&json_ids, &visible, "JSON export");
    app.assert_no_console_errors().await;
}

//! The 督查通报 print view: exactly the lagging tasks of the Huzhou 2024 report, each
//! under its lead units (computed here from tasks.json), and the page printed to PDF
//! through WebDriver's print command carries the group headings.

mod notes_support;
mod views_support;

use std::collections::{BTreeMap, BTreeSet};

use fantoccini::wd::PrintConfiguration;
use notes_support::{envelope, now_ms, store, NOTES_KEY};
use planboard_browser_tests::App;
use serde_json::json;
use views_support::{assert_same_ids, ids_of, Data};

const REPORT: &str = "huzhou-2024-h1-progress";

/// Lead unit → ids of the report's lagging tasks it leads.
fn lagging_by_lead_unit(data: &Data) -> BTreeMap<String, BTreeSet<String>> {
    let mut groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for task in data.tasks["tasks"].as_array().expect("tasks array") {
        if task["document"] != REPORT || task["status"] != "lagging" {
            continue;
        }
        let id = task["id"].as_str().expect("task id").to_owned();
        for unit in task["units"].as_array().expect("units") {
            if unit["lead"] == true {
                let name = unit["name"].as_str().expect("unit name").to_owned();
                groups.entry(name).or_default().insert(id.clone());
            }
        }
    }
    groups
}

async fn open_bulletin(app: &App) {
    open_bulletin_in(app, "").await;
}

/// `query` is what goes before the hash, e.g. `?lang=en`.
async fn open_bulletin_in(app: &App, query: &str) {
    app.open(&format!("index.html{query}#/bulletin?doc={REPORT}"))
        .await;
    app.wait_for_app().await;
    app.wait_for("[data-testid=\"bulletin-by-unit\"] .bulletin-item")
        .await;
}

/// The page printed through WebDriver, as text (pdftotext -layout; pages split by form
/// feeds), and the number of pages with text.
async fn printed_text(app: &App) -> (String, usize) {
    let pdf = app
        .client()
        .print(PrintConfiguration::default())
        .await
        .expect("WebDriver prints the page to PDF");
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bulletin.pdf");
    std::fs::write(&path, &pdf).expect("write the PDF");
    let text = std::process::Command::new("pdftotext")
        .args(["-layout".as_ref(), path.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/setup.sh)");
    assert!(text.status.success(), "pdftotext failed");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let pages = text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .count();
    (text, pages)
}

#[tokio::test]
async fn the_bulletin_lists_the_seven_lagging_tasks_under_their_lead_units() {
    let data = Data::load();
    let groups = lagging_by_lead_unit(&data);
    let all: BTreeSet<String> = groups.values().flatten().cloned().collect();
    assert_eq!(all.len(), 7, "the 2024 report marks seven tasks as lagging");

    let app = App::start().await;
    // Reached from the lag view of the same report.
    app.open(&format!("index.html#/lag?doc={REPORT}")).await;
    app.wait_for_app().await;
    app.click("[data-testid=\"bulletin-link\"]").await;
    app.wait_for("[data-testid=\"bulletin-by-unit\"] .bulletin-item")
        .await;
    assert_eq!(app.current_route().await, format!("/bulletin?doc={REPORT}"));
    let by_unit = "[data-testid=\"bulletin-by-unit\"]";
    assert_same_ids(
        &ids_of(&app, &format!("{by_unit} .bulletin-item")).await,
        &all,
        "bulletin by lead unit",
    );
    let shown_groups: BTreeSet<String> = app
        .eval(
            "return Array.from(document.querySelectorAll(arguments[0]), \
               (group) => group.getAttribute('data-name'));",
            vec![json!(format!(
                "{by_unit} .bulletin-group[data-group=\"unit\"]"
            ))],
        )
        .await
        .as_array()
        .expect("group names")
        .iter()
        .filter_map(|name| name.as_str().map(str::to_owned))
        .collect();
    assert_eq!(shown_groups, groups.keys().cloned().collect());
    for (unit, ids) in &groups {
        let css = format!("{by_unit} .bulletin-group[data-name=\"{unit}\"] .bulletin-item");
        assert_same_ids(&ids_of(&app, &css).await, ids, unit);
    }
    // The second part holds the same seven, by leader or as not matched to one.
    assert_same_ids(
        &ids_of(&app, "[data-testid=\"bulletin-by-leader\"] .bulletin-item").await,
        &all,
        "bulletin by leader",
    );
    let summary = app.text("[data-testid=\"bulletin-summary\"]").await;
    assert!(summary.contains("滞后 7 项"), "{summary}");
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_printed_bulletin_has_pages_with_the_group_headings() {
    let data = Data::load();
    let groups = lagging_by_lead_unit(&data);
    let app = App::start().await;
    open_bulletin(&app).await;
    let (text, pages) = printed_text(&app).await;
    assert!(pages >= 1, "the PDF has no page with text");
    assert!(text.contains("督查通报"), "no title in the PDF:\n{text}");
    for unit in groups.keys() {
        assert!(
            text.contains(unit.as_str()),
            "no group {unit} in the PDF:\n{text}"
        );
    }
    // No UI chrome on paper: the site header's tagline and the print button stay off.
    assert!(
        !text.contains("湖州 · 平湖 政府工作任务跟踪"),
        "site header printed:\n{text}"
    );
    assert!(!text.contains("包含我的笔记"), "controls printed:\n{text}");
}

#[tokio::test]
async fn the_english_bulletin_prints_with_english_headings_and_page_numbers() {
    let data = Data::load();
    let groups = lagging_by_lead_unit(&data);
    let app = App::start().await;
    open_bulletin_in(&app, "?lang=en").await;
    let (text, pages) = printed_text(&app).await;
    assert!(pages >= 2, "part two starts on a fresh page:\n{text}");
    for heading in [
        "Supervision bulletin",
        "1. By lead unit",
        "2. By leader in charge",
        "Supervisors' remarks:",
    ] {
        assert!(text.contains(heading), "no “{heading}” in the PDF:\n{text}");
    }
    // The documents' names stay as they are.
    for unit in groups.keys() {
        assert!(
            text.contains(unit.as_str()),
            "no group {unit} in the PDF:\n{text}"
        );
    }
    // The page-margin boxes follow the language: English running header and numbers.
    assert!(
        text.contains(&format!("Page 1 of {pages}")),
        "no English page numbers:\n{text}"
    );
    assert!(!text.contains("第 1 页"), "Chinese page numbers:\n{text}");
    assert!(
        !text.contains("Include my notes"),
        "controls printed:\n{text}"
    );
}

#[tokio::test]
async fn my_notes_appear_only_when_asked_for_and_the_choice_is_in_the_url() {
    let item = format!("{REPORT}/t58");
    let note = "已约谈市科技局，月底复查";
    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    store(
        &app,
        NOTES_KEY,
        &envelope(json!({ &item: { "text": note, "updated_at_ms": now_ms() - 60_000 } })),
    )
    .await;
    app.reload().await;
    open_bulletin(&app).await;
    assert_eq!(app.count(".bulletin-note").await, 0, "notes shown unasked");

    app.click("[data-testid=\"bulletin-include-notes\"]").await;
    let shown = app
        .wait_for_text(
            &format!("[data-testid=\"bulletin-by-unit\"] [data-item-id=\"{item}\"] .bulletin-note"),
            |text| text.contains(note),
        )
        .await;
    assert!(shown.starts_with("我的笔记"), "{shown}");
    assert_eq!(
        app.current_route().await,
        format!("/bulletin?doc={REPORT}&note=1")
    );
    // t58 lags under 市科技局 and under its 2021 leader: the note shows in both parts.
    assert_eq!(app.count(".bulletin-note").await, 2);
}

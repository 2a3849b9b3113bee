//! One commitment through its year, in the browser: a Pinghu year-end report imported
//! beside the published half-year report gives each task one row with its latest
//! status and date, status facets counting commitments, every report's row one click
//! away, and a timeline on the item page; a report that does not say whose it is asks
//! for the details in a form; links and notes made before periods were part of
//! document ids open the same item.

mod notes_support;
mod views_support;

use std::path::{Path, PathBuf};

use notes_support::{store, stored, wait_for_value, NOTES_KEY, NOTE_TEXT};
use planboard_browser_tests::{workspace_root, App};
use serde_json::json;
use views_support::{facet_count, ids_of, open_tasks, wait_for_count};

const FILE_INPUT: &str = "[data-testid=\"import-file\"]";
const PREVIEW: &str = "[data-testid=\"import-preview\"]";
const ACCEPT: &str = "[data-testid=\"import-accept\"]";
const LISTED: &str = ".tasks-results li.entry";
const YEAR_END: &str = "local-pinghu-2023-year-progress";
const HALF_YEAR: &str = "pinghu-2023-h1-progress";

fn fixture(name: &str) -> PathBuf {
    let path = workspace_root()
        .join("crates/importer/tests/fixtures")
        .join(name);
    assert!(path.is_file(), "{} is missing", path.display());
    path
}

async fn import(app: &App, path: &Path) {
    app.open("index.html#/import").await;
    app.wait_for_app().await;
    let input = app.wait_for(FILE_INPUT).await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("chromedriver sets the file input");
}

async fn accept(app: &App) {
    app.wait_for(PREVIEW).await;
    app.click(ACCEPT).await;
    app.wait_for("[data-testid=\"import-notice\"]").await;
}

#[tokio::test]
async fn a_year_end_report_gives_each_commitment_one_row_with_its_latest_status_and_a_timeline() {
    let app = App::start().await;
    import(&app, &fixture("pinghu-2023-year-end.txt")).await;
    app.wait_for(PREVIEW).await;
    assert_eq!(
        app.text("[data-testid=\"import-document-id\"]").await,
        YEAR_END
    );
    accept(&app).await;

    // The list: one row per commitment, the year-end's, with its status and date.
    open_tasks(&app, "jurisdiction=平湖市").await;
    wait_for_count(&app, 138).await;
    assert_eq!(facet_count(&app, "status", "已完成").await, 4);
    assert_eq!(facet_count(&app, "status", "未完成").await, 2);
    assert_eq!(facet_count(&app, "status", "基本完成").await, 2);
    assert_eq!(facet_count(&app, "status", "持续推进").await, 1);
    assert_eq!(facet_count(&app, "status", "有进展").await, 129);
    // Each report's rows stay counted under their document.
    assert_eq!(facet_count(&app, "doc", HALF_YEAR).await, 138);
    assert_eq!(facet_count(&app, "doc", YEAR_END).await, 10);

    open_tasks(&app, "status=未完成").await;
    wait_for_count(&app, 2).await;
    let ids = ids_of(&app, LISTED).await;
    assert!(ids.contains(&format!("{YEAR_END}/t6")), "{ids:?}");
    let badge = app
        .text(&format!(
            "li[data-item-id=\"{YEAR_END}/t6\"] .entry-meta .status"
        ))
        .await;
    assert_eq!(badge, "未完成");
    let note = app
        .text(&format!(
            "li[data-item-id=\"{YEAR_END}/t6\"] [data-testid=\"commitment-note\"]"
        ))
        .await;
    assert!(note.contains("状态日期 2023-12"), "{note}");
    assert!(note.contains("同一事项见 2 份文件"), "{note}");

    // The half-year row of the same task is one click away: each report's rows.
    open_tasks(&app, "jurisdiction=平湖市").await;
    let shown = ids_of(&app, LISTED).await;
    assert!(!shown.contains(&format!("{HALF_YEAR}/t1")));
    app.click("[data-testid=\"each-on\"]").await;
    wait_for_count(&app, 148).await;
    assert!(app.current_route().await.contains("each=1"));
    let shown = ids_of(&app, LISTED).await;
    assert!(shown.contains(&format!("{HALF_YEAR}/t1")), "{shown:?}");
    let earlier = app
        .text(&format!(
            "li[data-item-id=\"{HALF_YEAR}/t1\"] [data-testid=\"commitment-note\"]"
        ))
        .await;
    assert!(
        earlier.contains("较早的记录") && earlier.contains("已完成"),
        "{earlier}"
    );

    // The item page: the timeline, oldest first, the open record marked.
    app.open(&format!("index.html#/item/{HALF_YEAR}/t6")).await;
    app.wait_for_app().await;
    app.wait_for("[data-testid=\"item-timeline\"]").await;
    let points = app.texts("[data-testid=\"timeline-point\"]").await;
    assert_eq!(points.len(), 2, "{points:?}");
    assert!(
        points[0].starts_with("2023-06") && points[0].contains("有进展"),
        "{points:?}"
    );
    assert!(
        points[1].starts_with("2023-12") && points[1].contains("未完成"),
        "{points:?}"
    );
    assert!(points[1].contains("低于8%的年度目标"), "{points:?}");
    assert_eq!(
        app.attr(
            "[data-testid=\"timeline-point\"][aria-current=\"true\"] time",
            "datetime"
        )
        .await
        .as_deref(),
        Some("2023-06")
    );
    app.screenshot("commitment-timeline").await;
    assert_eq!(axe_violations(&app).await, Vec::<String>::new(), "timeline");

    // The 督查通报 and the lag analysis of the year-end report say which report they
    // use, and count its 未完成 tasks beside the lagging ones.
    app.open(&format!("index.html#/bulletin?doc={YEAR_END}"))
        .await;
    app.wait_for_app().await;
    let summary = app.text("[data-testid=\"bulletin-summary\"]").await;
    assert!(summary.contains("滞后或未完成 2 项"), "{summary}");
    let basis = app.text("[data-testid=\"source-report\"]").await;
    assert!(
        basis.contains("平湖市2023年全年进展报告") && basis.contains("2023-12"),
        "{basis}"
    );
    app.open(&format!("index.html#/lag?doc={HALF_YEAR}")).await;
    app.wait_for_app().await;
    let basis = app.text("[data-testid=\"source-report\"]").await;
    assert!(basis.contains("平湖市2023年上半年进展报告"), "{basis}");
    app.assert_no_panic().await;
}

/// axe-core's violations on the page now, one line each (see tests/tests/a11y.rs).
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
async fn a_breakdown_table_gives_the_commitments_their_leader_and_area() {
    let app = App::start().await;
    import(&app, &fixture("pinghu-2023-breakdown-table.txt")).await;
    app.wait_for(PREVIEW).await;
    assert!(app
        .text("[data-testid=\"import-kind\"]")
        .await
        .contains("责任分解"));
    accept(&app).await;
    import(&app, &fixture("pinghu-2023-q3.txt")).await;
    accept(&app).await;
    open_tasks(&app, "jurisdiction=平湖市").await;
    wait_for_count(&app, 138).await;
    assert_eq!(facet_count(&app, "area", "一、主要预期目标").await, 4);
    assert_eq!(
        facet_count(&app, "area", "二、加快构建现代产业体系").await,
        6
    );
    assert_eq!(facet_count(&app, "leader", "沈国强").await, 4);
    open_tasks(&app, "area=二、加快构建现代产业体系").await;
    wait_for_count(&app, 6).await;
    let ids = ids_of(&app, LISTED).await;
    assert!(ids.contains("local-pinghu-2023-q3-progress/t6"), "{ids:?}");
    // Its latest record is the third-quarter report's, which says it lags.
    assert_eq!(
        app.text("li[data-item-id=\"local-pinghu-2023-q3-progress/t6\"] .entry-meta .status")
            .await,
        "滞后"
    );
    app.open("index.html#/item/local-pinghu-2023-q3-progress/t1")
        .await;
    app.wait_for_app().await;
    app.wait_for("[data-testid=\"item-timeline\"]").await;
    assert_eq!(app.count("[data-testid=\"timeline-point\"]").await, 3);
    let other = app.text("[data-testid=\"item-other-columns\"]").await;
    assert!(
        other.contains("完成时限") && other.contains("联系人"),
        "{other}"
    );
    assert!(app
        .text("[data-testid=\"item-problems\"]")
        .await
        .contains("出口型企业订单不足"));
    app.assert_no_panic().await;
}

#[tokio::test]
async fn a_report_that_does_not_say_whose_it_is_asks_for_the_details() {
    let app = App::start().await;
    import(&app, &fixture("unnamed-progress.txt")).await;
    app.wait_for("[data-testid=\"import-details\"]").await;
    assert_eq!(app.count(PREVIEW).await, 0);
    let form = app.text("[data-testid=\"import-details\"]").await;
    assert!(form.contains("文中未写明"), "{form}");
    assert_eq!(
        axe_violations(&app).await,
        Vec::<String>::new(),
        "details form"
    );
    app.type_into("[data-testid=\"details-jurisdiction\"]", "平湖市")
        .await;
    app.type_into("[data-testid=\"details-year\"]", "2024")
        .await;
    app.type_into("[data-testid=\"details-period\"]", "一季度")
        .await;
    app.click("[data-testid=\"details-submit\"]").await;
    app.wait_for(PREVIEW).await;
    assert_eq!(
        app.text("[data-testid=\"import-document-id\"]").await,
        "local-pinghu-2024-q1-progress"
    );
    accept(&app).await;
    let raw = stored(&app, "planboard.imports").await.expect("stored");
    let envelope: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    assert_eq!(
        envelope["documents"][0]["details"],
        json!({"jurisdiction": "平湖市", "year": 2024, "period": "一季度"})
    );
    // A third-quarter report names its city, year and period: no form.
    import(&app, &fixture("pinghu-2023-q3.txt")).await;
    app.wait_for(PREVIEW).await;
    assert_eq!(app.count("[data-testid=\"import-details\"]").await, 0);
    assert_eq!(
        app.text("[data-testid=\"import-document-id\"]").await,
        "local-pinghu-2023-q3-progress"
    );
    app.assert_no_panic().await;
}

#[tokio::test]
async fn links_and_notes_made_before_periods_were_in_ids_open_the_same_item() {
    let app = App::start().await;
    app.open("index.html#/item/huzhou-2024-progress/t13").await;
    app.wait_for_app().await;
    app.wait_for("[data-item-page=\"huzhou-2024-h1-progress/t13\"]")
        .await;
    assert_eq!(
        app.current_route().await,
        "/item/huzhou-2024-h1-progress/t13"
    );
    assert_eq!(app.count("[data-testid=\"item-not-found\"]").await, 0);

    open_tasks(&app, "doc=huzhou-2024-progress&status=滞后").await;
    wait_for_count(&app, 7).await;
    assert!(app
        .current_route()
        .await
        .starts_with("/tasks?doc=huzhou-2024-h1-progress"));

    // A note kept under the old id (as stored before this change) opens with the item.
    let old_note = json!({
        "format": "planboard-notes", "version": 1, "saved_at_ms": 1_700_000_000_000_i64,
        "notes": { "huzhou-2024-progress/t13": "跟进沪苏湖高铁进度" }
    });
    store(&app, NOTES_KEY, &old_note.to_string()).await;
    app.open("index.html#/item/huzhou-2024-progress/t13").await;
    app.reload().await;
    app.wait_for_app().await;
    app.wait_for("[data-item-page=\"huzhou-2024-h1-progress/t13\"]")
        .await;
    wait_for_value(&app, NOTE_TEXT, |text| text == "跟进沪苏湖高铁进度").await;
    app.assert_no_panic().await;
}

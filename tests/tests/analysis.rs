//! The analysis views as a reader sees them: a thread's timeline across documents with
//! judgeable links, indicator pace with verdict words, the lag matrix, and the
//! year-over-year comparison.

use planboard_browser_tests::{App, Launch};

const TIMELINE: &str = "[data-testid=\"thread-timeline\"]";

async fn open(app: &App, hash: &str, shown: &str) {
    app.open(&format!("index.html{hash}")).await;
    app.wait_for_app().await;
    app.wait_for(shown).await;
}

#[tokio::test]
async fn the_railway_thread_runs_through_three_documents_with_its_reasons() {
    let app = App::start().await;
    open(&app, "#/threads?q=沪苏湖", "[data-testid=\"thread-list\"]").await;
    let list = app.text("[data-testid=\"thread-list\"]").await;
    assert!(list.contains("沪苏湖高铁"), "the thread list: {list}");

    app.click("[data-testid=\"thread-list\"] a").await;
    app.wait_for(TIMELINE).await;
    assert!(app.current_route().await.starts_with("/threads/"));
    let sources = app.texts(&format!("{TIMELINE} .timeline-source")).await;
    for document in [
        "2020年政府工作报告",
        "2021年责任分解",
        "2024年上半年进展报告",
    ] {
        assert!(
            sources.iter().any(|source| source.contains(document)),
            "{document} missing from the timeline: {sources:?}"
        );
    }
    // Oldest first.
    assert!(sources[0].contains("2020年"), "{sources:?}");
    // The phrase is marked in each document's words, and each link says why it was made.
    assert!(app.count(&format!("{TIMELINE} mark")).await >= 3);
    let reasons = app.texts(".link-reason").await;
    assert!(!reasons.is_empty());
    assert!(
        reasons.iter().all(|reason| reason.contains("依据")),
        "{reasons:?}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_judgement_is_shown_in_words_and_survives_a_reload() {
    let app = App::start().await;
    open(&app, "#/threads/沪苏湖高铁", TIMELINE).await;
    assert_eq!(app.text(".link-row .judge-state").await, "尚未判断");
    app.click(".link-row .judge-button").await;
    app.wait_for_text(".link-row .judge-state", |text| text == "你的判断：相关")
        .await;
    assert_eq!(
        app.attr(".link-row .judge-button", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );

    app.reload().await;
    app.wait_for_app().await;
    app.wait_for(TIMELINE).await;
    assert_eq!(app.text(".link-row .judge-state").await, "你的判断：相关");
    // The list page counts it.
    open(&app, "#/threads", "[data-testid=\"thread-list\"]").await;
    let counted = app.text(".threads-page .page-head .section-note").await;
    assert!(counted.contains("1 条相关"), "{counted}");
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn an_unreadable_stored_judgement_is_backed_up_not_lost() {
    let app = App::start().await;
    open(&app, "#/threads", "[data-testid=\"thread-list\"]").await;
    app.eval(
        "localStorage.setItem('planboard.link-judgements', '{not json'); return null;",
        vec![],
    )
    .await;
    open(&app, "#/threads/沪苏湖高铁", TIMELINE).await;
    let problem = app.text(".judge-problem").await;
    assert!(problem.contains("已原样备份"), "{problem}");
    let backed_up = app
        .eval(
            "return Object.keys(localStorage).filter(k => k.startsWith('planboard.link-judgements.backup.')).map(k => localStorage.getItem(k));",
            vec![],
        )
        .await;
    assert_eq!(backed_up, serde_json::json!(["{not json"]));
}

#[tokio::test]
async fn the_pace_view_judges_gdp_in_words() {
    let app = App::start().await;
    open(&app, "#/pace", "[data-testid=\"pace-findings\"]").await;
    let findings = app.texts("[data-testid=\"pace-findings\"] .finding").await;
    let gdp = findings
        .iter()
        .find(|finding| finding.contains("生产总值(GDP)") && finding.contains("实际 6.5%"))
        .unwrap_or_else(|| panic!("no reported GDP figure in {findings:?}"));
    assert!(gdp.contains("所需年均增速 9.33%"), "{gdp}");
    assert!(gdp.contains("慢于序时"), "{gdp}");
    assert!(
        gdp.contains("全市GDP增长6.5%"),
        "the source sentence: {gdp}"
    );
    let table = app.text("[data-testid=\"pace-table\"]").await;
    assert!(table.contains("年均增长 9.33%"), "{table}");
    // The verdicts are also a chart with a table beside it.
    assert!(
        app.count("figure[data-chart=\"pace-verdicts\"] table")
            .await
            == 1
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_lag_view_has_a_matrix_row_per_leader() {
    let app = App::start().await;
    open(&app, "#/lag", "[data-testid=\"lag-matrix\"]").await;
    let leaders = app
        .texts("[data-testid=\"lag-matrix\"] tbody th[scope=\"row\"]")
        .await;
    assert_eq!(leaders.len(), 8, "{leaders:?}");
    assert!(leaders.iter().any(|leader| leader == "王纲"));
    let page = app.text(".lag-page").await;
    assert!(page.contains("只配合、从不牵头的单位"));
    assert!(page.contains("市科技局（滞后 2 / 共 4 项）"), "{page}");
    // The 2024 report names no leaders: its lagging tasks go to the 2021 leader of the
    // same commitment, said as such.
    let earlier = app
        .text("figure[data-chart=\"lag-earlier-leaders\"] table")
        .await;
    assert!(earlier.contains("项乐民"), "{earlier}");
    assert!(page.contains("按以往分工推算"));
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_compare_view_shows_carried_dropped_and_added() {
    let app = App::start().await;
    open(
        &app,
        "#/compare?doc=huzhou-2021-breakdown&doc=huzhou-2024-h1-progress&leader=王纲",
        "[data-testid=\"compare-carried\"]",
    )
    .await;
    assert_eq!(app.text("#compare-carried").await, "延续（2 项）");
    assert_eq!(app.text("#compare-dropped").await, "不再出现（5 项）");
    assert_eq!(app.text("#compare-added").await, "新增（9 项）");
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_analysis_views_say_their_findings_in_english() {
    let app = App::start().await;
    open(&app, "?lang=en#/pace", "[data-testid=\"pace-findings\"]").await;
    let findings = app.texts("[data-testid=\"pace-findings\"] .finding").await;
    let gdp = findings
        .iter()
        .find(|finding| finding.contains("生产总值(GDP)") && finding.contains("Reported 6.5%"))
        .unwrap_or_else(|| panic!("no reported GDP figure in {findings:?}"));
    assert!(gdp.contains("required average growth 9.33%"), "{gdp}");
    assert!(gdp.contains("Behind pace"), "{gdp}");
    assert!(
        gdp.contains("comparable prices"),
        "the price-basis warning: {gdp}"
    );
    assert!(
        gdp.contains("全市GDP增长6.5%"),
        "the source sentence stays: {gdp}"
    );
    let table = app.text("[data-testid=\"pace-table\"]").await;
    assert!(table.contains("9.33% a year"), "{table}");

    open(&app, "?lang=en#/lag", "[data-testid=\"lag-matrix\"]").await;
    let page = app.text(".lag-page").await;
    assert!(page.contains("市科技局 (2 of 4 lagging)"), "{page}");
    assert!(
        page.contains("Units that only assist, never lead"),
        "{page}"
    );

    open(
        &app,
        "?lang=en#/compare?doc=huzhou-2021-breakdown&doc=huzhou-2024-h1-progress&leader=王纲",
        "[data-testid=\"compare-carried\"]",
    )
    .await;
    assert_eq!(app.text("#compare-carried").await, "Carried over (2)");
    assert_eq!(app.text("#compare-dropped").await, "No longer listed (5)");
    assert_eq!(app.text("#compare-added").await, "New (9)");

    open(&app, "?lang=en#/threads/沪苏湖高铁", TIMELINE).await;
    let reasons = app.texts(".link-reason").await;
    assert!(
        !reasons.is_empty()
            && reasons
                .iter()
                .all(|reason| reason.contains("because both say")),
        "{reasons:?}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_analysis_views_fit_a_phone() {
    let app = App::launch(Launch::new().phone()).await;
    app.open("").await;
    app.wait_for_app().await;
    app.assert_phone_viewport().await;
    let views = [
        ("#/threads", "[data-testid=\"thread-list\"]"),
        ("#/threads/沪苏湖高铁", TIMELINE),
        ("#/pace", "[data-testid=\"pace-table\"]"),
        ("#/lag", "[data-testid=\"lag-matrix\"]"),
        (
            "#/compare?doc=huzhou-2021-breakdown&doc=huzhou-2024-h1-progress&leader=王纲",
            "[data-testid=\"compare-added\"]",
        ),
    ];
    let mut too_wide = Vec::new();
    // English words run longer than Chinese ones: both languages must fit.
    for language in ["", "?lang=en"] {
        for (hash, shown) in views {
            let address = format!("{language}{hash}");
            open(&app, &address, shown).await;
            if let Some(overflow) = app.sideways_overflow().await {
                too_wide.push(format!("{address}: {overflow}"));
            }
        }
    }
    assert!(too_wide.is_empty(), "{too_wide:?}");
    app.assert_no_console_errors().await;
}

//! Every filter of the 任务 view against the real data: the listed ids equal the ids
//! computed here from tasks.json and projects.json, and the URL keeps the state.

mod views_support;

use std::collections::BTreeSet;

use planboard_browser_tests::App;
use serde_json::json;
use views_support::{
    assert_same_ids, click_in_view, encode, facet_count, facet_link, listed_ids, open_tasks,
    shown_count, wait_for_count, Data, Record, LISTED, RESULT_COUNT, SEARCH_BOX,
};

/// Opens `#/tasks?<query>` and checks the list against `keep`; returns the expected ids.
async fn check_link(
    app: &App,
    data: &Data,
    query: &str,
    keep: impl Fn(&Record) -> bool,
) -> BTreeSet<String> {
    let expected = data.ids(keep);
    open_tasks(app, query).await;
    wait_for_count(app, expected.len()).await;
    assert_same_ids(&listed_ids(app).await, &expected, query);
    expected
}

#[tokio::test]
async fn choosing_a_leader_in_the_2021_breakdown_shows_exactly_their_items() {
    let data = Data::load();
    let document = "huzhou-2021-breakdown";
    let leaders: BTreeSet<String> = data
        .records
        .iter()
        .filter(|record| record.document == document)
        .filter_map(|record| record.leader.clone())
        .collect();
    assert_eq!(leaders.len(), 8, "the breakdown names eight leaders");
    let app = App::start().await;
    for leader in &leaders {
        let in_document = check_link(&app, &data, &format!("doc={document}"), |r| {
            r.document == document
        })
        .await;
        let expected = data.ids(|r| r.document == document && r.leader.as_deref() == Some(leader));
        assert!(!expected.is_empty() && expected.len() < in_document.len());
        click_in_view(&app, &facet_link("leader", leader)).await;
        wait_for_count(&app, expected.len()).await;
        assert_same_ids(
            &listed_ids(&app).await,
            &expected,
            &format!("leader {leader}"),
        );
        let route = app.current_route().await;
        assert_eq!(route, format!("/tasks?doc={document}&leader={leader}"));
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_search_for_husuhu_finds_items_in_several_documents_and_marks_the_term() {
    let data = Data::load();
    let expected = data.search("沪苏湖");
    let documents: BTreeSet<&str> = expected
        .iter()
        .map(|id| data.record(id).document.as_str())
        .collect();
    assert!(documents.len() >= 3, "沪苏湖 is in {documents:?}");

    let app = App::start().await;
    open_tasks(&app, "").await;
    app.type_into(SEARCH_BOX, "沪苏湖").await;
    wait_for_count(&app, expected.len()).await;
    assert_same_ids(&listed_ids(&app).await, &expected, "沪苏湖");
    assert_eq!(app.current_route().await, "/tasks?q=沪苏湖");
    // Every row marks the term somewhere it shows (text, matched progress, units).
    let rows_with_mark = app.count(".tasks-results [data-item-id]:has(mark)").await;
    assert_eq!(
        rows_with_mark,
        expected.len(),
        "rows without a highlighted 沪苏湖"
    );
    let marks = app.texts(".tasks-results mark").await;
    assert!(
        marks.iter().all(|mark| mark == "沪苏湖"),
        "marks: {marks:?}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn full_width_and_half_width_searches_find_the_same_and_highlight_it() {
    let data = Data::load();
    let expected = data.search("GDP");
    assert!(!expected.is_empty());
    assert_eq!(data.search("ＧＤＰ"), expected);
    assert_eq!(data.search("gdp"), expected);

    let app = App::start().await;
    for query in ["GDP", "ＧＤＰ", "gdp"] {
        check_link(&app, &data, &format!("q={}", encode(query)), |r| {
            expected.contains(&r.id)
        })
        .await;
        let marks = app.texts(".tasks-results mark").await;
        assert!(!marks.is_empty(), "no highlight for {query}");
        for mark in &marks {
            assert_eq!(
                views_support::fold(mark),
                "gdp",
                "a mark for {query} holds {mark:?}"
            );
        }
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_district_filter_includes_tasks_assigned_to_all_districts() {
    let data = Data::load();
    let district = "德清县";
    let app = App::start().await;
    let shown = check_link(
        &app,
        &data,
        &format!("district={}", encode(district)),
        |r| r.districts.iter().any(|d| d == district),
    )
    .await;
    // Read from the unit lists alone: a task for 各区县政府 concerns 德清县 too, though
    // none of its units names it.
    let for_all: BTreeSet<String> = data.ids(|r| {
        r.units.iter().any(|(name, _)| name == "各区县政府")
            && !r.units.iter().any(|(name, _)| name.contains("德清"))
    });
    assert!(
        !for_all.is_empty(),
        "no task is assigned to 各区县政府 alone"
    );
    let missing: Vec<&String> = for_all.difference(&shown).collect();
    assert!(
        missing.is_empty(),
        "tasks of 各区县政府 missing under {district}: {missing:?}"
    );
    assert!(shown.contains("huzhou-2021-breakdown/a2-1-2"));
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_unit_as_lead_only_differs_from_the_unit_in_any_role() {
    let data = Data::load();
    let unit = "市发展改革委";
    let app = App::start().await;
    let any = check_link(&app, &data, &format!("unit={}", encode(unit)), |r| {
        r.units.iter().any(|(name, _)| name == unit)
    })
    .await;
    // The 仅牵头 switch beside the unit facet.
    click_in_view(&app, ".role-toggle a:nth-child(2)").await;
    let lead = data.ids(|r| r.units.iter().any(|(name, lead)| name == unit && *lead));
    wait_for_count(&app, lead.len()).await;
    assert_same_ids(&listed_ids(&app).await, &lead, "lead only");
    assert!(
        lead.len() < any.len(),
        "lead {} vs any {}",
        lead.len(),
        any.len()
    );
    assert_eq!(
        app.current_route().await,
        format!("/tasks?unit={unit}&role=牵头")
    );
    // Each listed row marks this unit as its lead.
    let marked = app.count(&format!("{LISTED} .unit-lead")).await;
    assert!(marked >= lead.len());
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn status_kind_jurisdiction_and_year_filters_match_the_data() {
    let data = Data::load();
    let app = App::start().await;
    let lagging = check_link(&app, &data, &format!("status={}", encode("滞后")), |r| {
        r.status == "滞后"
    })
    .await;
    assert_eq!(lagging.len(), 7);
    let projects = check_link(
        &app,
        &data,
        &format!("kind={}", encode("民生实事")),
        |r| r.kind == "民生实事",
    )
    .await;
    assert_eq!(projects.len(), 10);
    let targets = check_link(
        &app,
        &data,
        &format!("kind={}", encode("预期目标")),
        |r| r.kind == "预期目标",
    )
    .await;
    assert!(targets
        .iter()
        .all(|id| id.starts_with("huzhou-2020-report/target")));
    check_link(
        &app,
        &data,
        &format!("jurisdiction={}", encode("平湖市")),
        |r| r.jurisdiction == "平湖市",
    )
    .await;
    check_link(&app, &data, "year=2021", |r| r.year == 2021).await;
    // Values of one facet add up (OR), facets narrow each other (AND).
    check_link(&app, &data, "year=2021&year=2024", |r| {
        r.year == 2021 || r.year == 2024
    })
    .await;
    check_link(
        &app,
        &data,
        &format!(
            "jurisdiction={}&status={}",
            encode("湖州市"),
            encode("有进展")
        ),
        |r| r.jurisdiction == "湖州市" && r.status == "有进展",
    )
    .await;
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn clicking_a_facet_value_gives_exactly_the_count_shown_beside_it() {
    let data = Data::load();
    let app = App::start().await;
    let base = format!("jurisdiction={}", encode("湖州市"));
    for facet in ["doc", "year", "status", "kind", "leader"] {
        open_tasks(&app, &base).await;
        let values = app
            .eval(
                "return Array.from(document.querySelectorAll(`[data-facet=\"${arguments[0]}\"] \
                   .facet-values > li > a[data-facet-value]`), (a) => a.getAttribute('data-facet-value'));",
                vec![json!(facet)],
            )
            .await;
        let values: Vec<String> = serde_json::from_value(values).expect("a list of values");
        assert!(!values.is_empty(), "the {facet} facet shows no values");
        for value in values {
            open_tasks(&app, &base).await;
            wait_for_count(&app, data.ids(|r| r.jurisdiction == "湖州市").len()).await;
            let shown = facet_count(&app, facet, &value).await;
            if shown == 0 {
                continue;
            }
            click_in_view(&app, &facet_link(facet, &value)).await;
            wait_for_count(&app, shown).await;
            assert_eq!(listed_ids(&app).await.len(), shown, "{facet}={value}");
        }
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_deep_link_with_several_filters_reloads_to_the_same_list() {
    let data = Data::load();
    let query = format!(
        "doc=huzhou-2021-breakdown&leader={}&district={}&q={}",
        encode("杨六顺"),
        encode("德清县"),
        encode("建设")
    );
    let app = App::start().await;
    let expected = check_link(&app, &data, &query, |r| {
        r.document == "huzhou-2021-breakdown"
            && r.leader.as_deref() == Some("杨六顺")
            && r.districts.iter().any(|d| d == "德清县")
            && r.texts.iter().any(|t| t.contains("建设"))
    })
    .await;
    assert!(
        expected.len() >= 2,
        "the deep link should list a few items: {expected:?}"
    );
    let url = app.current_url().await;
    let count = app.text(RESULT_COUNT).await;
    assert_eq!(app.attr(SEARCH_BOX, "value").await.as_deref(), Some("建设"));

    app.reload().await;
    app.wait_for_app().await;
    assert_eq!(app.current_url().await, url);
    assert_eq!(app.text(RESULT_COUNT).await, count);
    assert_same_ids(&listed_ids(&app).await, &expected, "after reload");
    for (facet, value) in [
        ("leader", "杨六顺"),
        ("district", "德清县"),
        ("doc", "huzhou-2021-breakdown"),
    ] {
        let current = app.attr(&facet_link(facet, value), "aria-current").await;
        assert_eq!(
            current.as_deref(),
            Some("true"),
            "{facet}={value} is not shown selected"
        );
    }
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn back_and_forward_restore_the_previous_lists() {
    let data = Data::load();
    let app = App::start().await;
    let all = check_link(&app, &data, "", |_| true).await;
    click_in_view(&app, &facet_link("status", "有进展")).await;
    let reported = data.ids(|r| r.status == "有进展");
    wait_for_count(&app, reported.len()).await;
    click_in_view(&app, &facet_link("jurisdiction", "平湖市")).await;
    let both = data.ids(|r| r.status == "有进展" && r.jurisdiction == "平湖市");
    wait_for_count(&app, both.len()).await;
    assert_same_ids(&listed_ids(&app).await, &both, "有进展 in 平湖市");

    app.client().back().await.expect("back");
    wait_for_count(&app, reported.len()).await;
    assert_same_ids(&listed_ids(&app).await, &reported, "back to 有进展");
    app.client().back().await.expect("back");
    wait_for_count(&app, all.len()).await;
    assert_same_ids(&listed_ids(&app).await, &all, "back to everything");
    app.client().forward().await.expect("forward");
    wait_for_count(&app, reported.len()).await;
    assert_same_ids(&listed_ids(&app).await, &reported, "forward to 有进展");
    // listed_ids pressed 显示更多 on that entry: it comes back as far expanded.
    let pages = reported.len().div_ceil(100);
    let expected = if pages > 1 {
        format!("/tasks?status=有进展&rows={}", pages * 100)
    } else {
        "/tasks?status=有进展".to_owned()
    };
    assert_eq!(app.current_route().await, expected);
    assert_eq!(app.count(LISTED).await, reported.len());
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_result_count_stays_visible_down_to_no_result() {
    let data = Data::load();
    let app = App::start().await;
    open_tasks(&app, "").await;
    // Far down the list, the count is still on screen.
    app.eval(
        "window.scrollTo(0, document.body.scrollHeight * 0.8);",
        vec![],
    )
    .await;
    let on_screen = app
        .eval(
            "const box = document.querySelector(arguments[0]).getBoundingClientRect(); \
             return window.scrollY > 1000 && box.top >= 0 && box.bottom <= window.innerHeight;",
            vec![json!(RESULT_COUNT)],
        )
        .await;
    assert_eq!(
        on_screen,
        json!(true),
        "the count scrolled out of view with the list"
    );
    for (typed, expected) in [("高铁", data.search("高铁").len()), ("铁路ＸＹＺ", 0)] {
        app.clear(SEARCH_BOX).await;
        app.type_into(SEARCH_BOX, typed).await;
        wait_for_count(&app, expected).await;
        let count = app.wait_for(RESULT_COUNT).await;
        assert!(
            count.is_displayed().await.expect("displayed?"),
            "the count is hidden for {typed}"
        );
        assert_eq!(
            app.text(RESULT_COUNT).await.trim(),
            format!("共 {expected} 条")
        );
    }
    assert!(app
        .text(".tasks-results")
        .await
        .contains("没有符合条件的条目"));
    assert_eq!(shown_count(&app).await, 0);
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn sorting_by_status_puts_lagging_first_and_keeps_every_entry() {
    let data = Data::load();
    let app = App::start().await;
    open_tasks(&app, "").await;
    click_in_view(&app, ".sort-links a:nth-of-type(2)").await;
    wait_for_count(&app, data.records.len()).await;
    assert_eq!(app.current_route().await, "/tasks?sort=status");
    listed_ids(&app).await;
    let order = app
        .eval(
            "return Array.from(document.querySelectorAll(arguments[0]), \
               (row) => row.getAttribute('data-item-id'));",
            vec![json!(LISTED)],
        )
        .await;
    let order: Vec<String> = serde_json::from_value(order).expect("ids");
    assert_eq!(order.len(), data.records.len());
    // The order a supervisor reads in: lagging, no progress, progress, not tracked.
    let rank = |id: &String| match data.record(id).status {
        "滞后" => 0,
        "未报进展" => 1,
        "有进展" => 2,
        _ => 3,
    };
    let ranks: Vec<u8> = order.iter().map(rank).collect();
    assert!(
        ranks.windows(2).all(|pair| pair[0] <= pair[1]),
        "statuses out of order"
    );
    let first: BTreeSet<String> = order.iter().take(7).cloned().collect();
    assert_same_ids(
        &first,
        &data.ids(|r| r.status == "滞后"),
        "the first seven rows",
    );
    app.assert_no_console_errors().await;
}

/// A value that would give no results stays in its place and recedes (muted words), but
/// looks like the other values: no box around it.
#[tokio::test]
async fn values_without_results_recede_without_a_box() {
    let app = App::start().await;
    open_tasks(&app, "status=%E6%BB%9E%E5%90%8E").await;
    wait_for_count(&app, 7).await;
    let looks = app
        .eval(
            "const zero = document.querySelector('.facet-value.no-results'); \
             const other = document.querySelector('.facet-value:not(.no-results)'); \
             if (!zero || !other) { return null; } \
             const style = getComputedStyle(zero); \
             return { border: style.borderTopStyle, \
                      zeroColour: getComputedStyle(zero.querySelector('.facet-label')).color, \
                      otherColour: getComputedStyle(other.querySelector('.facet-label')).color };",
            vec![],
        )
        .await;
    assert_eq!(looks["border"], "none", "a zero value is boxed: {looks}");
    assert_ne!(
        looks["zeroColour"], looks["otherColour"],
        "a zero value does not recede: {looks}"
    );
}

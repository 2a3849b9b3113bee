//! Every view shows the real data: what each page lists and counts is compared with
//! numbers computed here from the JSON files the built app serves.

mod views_support;

use std::collections::BTreeSet;

use planboard_browser_tests::App;
use serde_json::Value;
use views_support::{
    assert_same_ids, encode, ids_of, listed_ids, number_in, open_tasks, open_view, shown_count,
    Data, RESULT_COUNT,
};

fn list(value: &Value) -> &Vec<Value> {
    value.as_array().expect("a JSON list")
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// Every chart on the page is an SVG with a table beside it; returns how many there are.
async fn charts_with_tables(app: &App, scope: &str) -> usize {
    let figures = app.count(&format!("{scope} figure[data-chart]")).await;
    let with_both = app
        .count(&format!("{scope} figure[data-chart]:has(svg):has(table)"))
        .await;
    assert_eq!(
        with_both, figures,
        "{figures} charts in {scope}, only {with_both} have both an SVG and a table"
    );
    figures
}

#[tokio::test]
async fn overview_lists_the_documents_the_lagging_tasks_and_charts() {
    let data = Data::load();
    let app = App::start().await;
    open_view(&app, "#/", ".overview-page").await;

    let documents = list(&data.documents["documents"]);
    assert_eq!(documents.len(), 5, "the data should hold five documents");
    let rows = app.texts(".documents-table tbody tr").await;
    assert_eq!(
        rows.len(),
        documents.len(),
        "documents table rows: {rows:?}"
    );
    for document in documents {
        let title = text(&document["title"]);
        assert!(
            rows.iter().any(|row| row.contains(title)),
            "the documents table lacks {title}: {rows:?}"
        );
    }
    // The task column of each row says how many tasks tasks.json has for it.
    for document in documents {
        let id = text(&document["id"]);
        let tasks = data
            .records
            .iter()
            .filter(|record| record.document == id && record.kind != "民生实事")
            .count();
        let shown = app
            .eval(
                "const row = Array.from(document.querySelectorAll('.documents-table tbody tr')) \
                   .find((row) => row.querySelector('th').textContent.includes(arguments[0])); \
                 return row ? row.querySelectorAll('td')[4].textContent : null;",
                vec![Value::from(text(&document["title"]))],
            )
            .await;
        let expected = if tasks == 0 {
            "—".to_owned()
        } else {
            tasks.to_string()
        };
        assert_eq!(text(&shown), expected, "task count of {id}");
    }

    let lagging = data.ids(|record| record.status == "滞后");
    assert_eq!(
        lagging.len(),
        7,
        "huzhou-2024-h1-progress has 7 lagging tasks"
    );
    assert!(lagging
        .iter()
        .all(|id| id.starts_with("huzhou-2024-h1-progress/")));
    let shown = ids_of(&app, ".overview-lagging [data-item-id]").await;
    assert_same_ids(&shown, &lagging, "lagging tasks on the overview");
    let heading = app.text("#overview-lagging").await;
    assert!(heading.contains('7'), "lagging heading: {heading}");
    // Each lagging row shows its supervisors' remark.
    let remarks = app.texts(".overview-lagging .entry-remark").await;
    for id in &lagging {
        let remark = text(&data.task(id)["remarks"][0]);
        assert!(
            remarks.iter().any(|shown| shown.contains(remark)),
            "the remark of {id} is not shown: {remark}"
        );
    }

    let progress_documents = documents
        .iter()
        .filter(|document| document["kind"] == "progress-report")
        .count();
    // One status chart per progress report, tasks per leader, tasks per district.
    let charts = charts_with_tables(&app, ".overview-page").await;
    assert_eq!(charts, progress_documents + 2);
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn tasks_view_lists_every_entry() {
    let data = Data::load();
    let app = App::start().await;
    open_tasks(&app, "").await;
    assert_eq!(shown_count(&app).await, data.records.len());
    let everything = data.ids(|_| true);
    assert_same_ids(
        &listed_ids(&app).await,
        &everything,
        "the unfiltered 任务 list",
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn item_page_shows_a_task_with_its_units_progress_remark_source_and_neighbours() {
    let data = Data::load();
    let id = "huzhou-2024-h1-progress/t13";
    let task = data.task(id);
    let app = App::start().await;
    open_view(&app, &format!("#/item/{id}"), ".item-page .neighbours").await;

    let heading = app.text(".item-page h1").await;
    assert!(heading.contains("第13项"), "heading: {heading}");
    assert_eq!(app.text(".item-page .item-text").await, text(&task["text"]));

    let leads: Vec<&str> = list(&task["units"])
        .iter()
        .filter(|unit| unit["lead"] == true)
        .map(|unit| text(&unit["name"]))
        .collect();
    assert_eq!(leads, vec!["南太湖新区管委会"]);
    let lead_units = app.texts(".item-facts .unit-lead").await;
    assert_eq!(
        lead_units.len(),
        leads.len(),
        "lead units shown: {lead_units:?}"
    );
    assert!(
        lead_units[0].contains(leads[0]) && lead_units[0].contains("牵头"),
        "the lead unit is not marked 牵头: {lead_units:?}"
    );
    let all_units = app.texts(".item-facts .unit").await;
    assert_eq!(all_units.len(), list(&task["units"]).len());
    assert!(
        all_units
            .iter()
            .filter(|unit| unit.contains("牵头"))
            .count()
            == 1,
        "only the lead unit says 牵头: {all_units:?}"
    );

    let progress = app.texts(".item-page .progress-list li").await;
    let expected: Vec<String> = list(&task["progress"])
        .iter()
        .map(|line| text(line).to_owned())
        .collect();
    assert_eq!(progress, expected);
    let remarks = app.texts(".item-remarks .entry-remark").await;
    assert_eq!(remarks, vec![text(&task["remarks"][0]).to_owned()]);
    assert!(app.text(".item-page .item-tags").await.contains("滞后"));

    let source = app.text(".item-page .source-lines").await;
    let document = list(&data.documents["documents"])
        .iter()
        .find(|document| document["id"] == task["document"])
        .expect("the task's document");
    let lines = format!(
        "第 {}–{} 行",
        task["source"]["first_line"], task["source"]["last_line"]
    );
    assert!(
        source.contains(text(&document["source_file"])) && source.contains(&lines),
        "source: {source}, expected {} {lines}",
        text(&document["source_file"])
    );

    // Neighbours: those sharing the lead unit lead with it too; those sharing a district
    // concern one of its districts; at most five per group, as many as exist.
    let record = data.record(id);
    let groups = app.texts(".neighbour-group h3").await;
    assert!(
        groups.iter().any(|title| title.contains("同一牵头单位")),
        "groups: {groups:?}"
    );
    assert!(
        groups.iter().any(|title| title.contains("同一区县")),
        "groups: {groups:?}"
    );
    let group_ids = |title: &'static str| {
        let app = &app;
        async move {
            let found = app
                .eval(
                    "const group = Array.from(document.querySelectorAll('.neighbour-group')) \
                       .find((group) => group.querySelector('h3').textContent.includes(arguments[0])); \
                     return group ? Array.from(group.querySelectorAll('[data-item-id]'), \
                       (row) => row.getAttribute('data-item-id')) : [];",
                    vec![Value::from(title)],
                )
                .await;
            list(&found)
                .iter()
                .map(|id| text(id).to_owned())
                .collect::<Vec<_>>()
        }
    };
    let same_lead = group_ids("同一牵头单位").await;
    let candidates = data.ids(|other| {
        other.id != id
            && other
                .units
                .iter()
                .any(|(name, lead)| *lead && leads.contains(&name.as_str()))
    });
    assert_eq!(
        same_lead.len(),
        candidates.len().min(5),
        "same lead unit: {same_lead:?}"
    );
    assert!(
        same_lead.iter().all(|other| candidates.contains(other)),
        "{same_lead:?}"
    );
    let same_district = group_ids("同一区县").await;
    let candidates = data.ids(|other| {
        other.id != id && other.districts.iter().any(|d| record.districts.contains(d))
    });
    assert_eq!(same_district.len(), candidates.len().min(5));
    assert!(
        same_district.iter().all(|other| candidates.contains(other)),
        "{same_district:?}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn plan_shows_indicators_boxes_and_the_results_table() {
    let data = Data::load();
    let plan = &data.plan["plan"];
    let app = App::start().await;
    open_view(&app, "#/plan", ".plan-page .indicator-table").await;

    let indicators = list(&plan["indicators"]);
    assert_eq!(indicators.len(), 38);
    let rows = ids_of(&app, ".indicator-table tbody tr[data-item-id]").await;
    let expected: BTreeSet<String> = indicators
        .iter()
        .map(|i| text(&i["id"]).to_owned())
        .collect();
    assert_same_ids(&rows, &expected, "表2—1 rows");
    let gdp = indicators
        .iter()
        .find(|indicator| indicator["name"] == "生产总值(GDP)")
        .expect("GDP is an indicator");
    assert_eq!(
        (text(&gdp["baseline"]), text(&gdp["target"])),
        ("3201.4", "5000")
    );
    let gdp_row = app
        .texts(&format!(
            "tr[data-item-id=\"{}\"] td, tr[data-item-id=\"{}\"] th",
            text(&gdp["id"]),
            text(&gdp["id"])
        ))
        .await;
    for cell in ["生产总值(GDP)", "3201.4", "5000", "预期性"] {
        assert!(
            gdp_row.iter().any(|shown| shown == cell),
            "GDP row lacks {cell}: {gdp_row:?}"
        );
    }

    let boxes = list(&plan["boxes"]);
    assert_eq!(boxes.len(), 10);
    let shown_boxes = app.texts(".plan-box h4").await;
    assert_eq!(shown_boxes.len(), boxes.len());
    for plan_box in boxes {
        let number = text(&plan_box["number"]);
        assert!(number.starts_with("专栏"));
        assert!(
            shown_boxes.iter().any(|shown| shown.contains(number)),
            "{number} missing"
        );
    }
    assert_eq!(
        app.count(".plan-section").await,
        list(&plan["sections"]).len(),
        "plan sections"
    );

    let results_heading = app.text("#plan-results").await;
    assert!(results_heading.contains("表1—1"), "{results_heading}");
    assert_eq!(
        app.count(".results-table tbody tr[data-item-id]").await,
        list(&plan["results"]).len()
    );

    let categories: BTreeSet<&str> = indicators.iter().map(|i| text(&i["category"])).collect();
    let charts = charts_with_tables(&app, ".plan-page").await;
    assert_eq!(charts, categories.len(), "one chart per indicator category");
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn projects_lists_ten_projects_with_their_sub_items() {
    let data = Data::load();
    let projects = list(&data.projects["projects"]);
    assert_eq!(projects.len(), 10);
    let app = App::start().await;
    open_view(&app, "#/projects", ".projects-page [data-item-id]").await;
    assert_eq!(number_in(&app.text(RESULT_COUNT).await), projects.len());
    for project in projects {
        let id = text(&project["id"]);
        let css = format!(".projects-page [data-item-id=\"{id}\"]");
        let subitems = app.texts(&format!("{css} .subitems li")).await;
        let expected: Vec<String> = list(&project["subitems"])
            .iter()
            .map(|s| text(s).to_owned())
            .collect();
        assert_eq!(subitems, expected, "sub-items of {id}");
        let meta = app.text(&format!("{css} .project-meta")).await;
        assert!(
            meta.contains(&format!("子项 {} 个", expected.len())),
            "{id}: {meta}"
        );
        assert!(app
            .text(&format!("{css} h3"))
            .await
            .contains(text(&project["title"])));
    }
    let shown = ids_of(&app, ".projects-page [data-item-id]").await;
    assert_same_ids(&shown, &data.ids(|r| r.kind == "民生实事"), "projects");
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn leaders_and_one_leaders_page_count_their_tasks() {
    let data = Data::load();
    let leaders = list(&data.documents["leaders"]);
    assert_eq!(leaders.len(), 8);
    let app = App::start().await;
    open_view(&app, "#/leaders", ".leaders-table").await;
    assert_eq!(number_in(&app.text(RESULT_COUNT).await), 8);
    assert_eq!(app.count(".leaders-table tbody tr").await, 8);
    for leader in leaders {
        let name = text(&leader["name"]);
        let total = data.ids(|r| r.leader.as_deref() == Some(name)).len();
        assert!(total > 0, "{name} has no tasks in the data");
        let shown = app
            .text(&format!("tr[data-leader=\"{name}\"] td.total"))
            .await;
        assert_eq!(shown, total.to_string(), "total of {name}");
        let title = app.text(&format!("tr[data-leader=\"{name}\"]")).await;
        assert!(
            title.contains(text(&leader["title"])),
            "{name}'s row: {title}"
        );
    }
    charts_with_tables(&app, ".leaders-page").await;

    app.click("tr[data-leader=\"项乐民\"] a").await;
    app.wait_for(".leader-page [data-item-id]").await;
    let expected = data.ids(|r| r.leader.as_deref() == Some("项乐民"));
    let counts = app.text(RESULT_COUNT).await;
    assert_eq!(number_in(&counts), expected.len(), "{counts}");
    let shown = ids_of(&app, ".leader-page section [data-item-id]").await;
    assert_same_ids(&shown, &expected, "项乐民's page");
    assert_eq!(charts_with_tables(&app, ".leader-page").await, 2);
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn departments_and_one_department_count_lead_and_co_tasks() {
    let data = Data::load();
    let units: BTreeSet<&str> = data
        .records
        .iter()
        .flat_map(|record| record.units.iter().map(|(name, _)| name.as_str()))
        .collect();
    let app = App::start().await;
    open_view(&app, "#/departments", ".departments-page .units-table").await;
    assert_eq!(number_in(&app.text(RESULT_COUNT).await), units.len());
    assert_eq!(app.count(".units-table tbody tr").await, units.len());

    let unit = "市发展改革委";
    let lead = data.ids(|r| r.units.iter().any(|(name, lead)| name == unit && *lead));
    let all = data.ids(|r| r.units.iter().any(|(name, _)| name == unit));
    let co: BTreeSet<String> = all.difference(&lead).cloned().collect();
    let row = app.texts(&format!("tr[data-unit=\"{unit}\"] td.num")).await;
    assert_eq!(
        row[..3].to_vec(),
        vec![
            lead.len().to_string(),
            co.len().to_string(),
            all.len().to_string()
        ],
        "{unit}'s row (lead, co, total)"
    );

    app.open(&format!("index.html#/departments/{}", encode(unit)))
        .await;
    app.wait_for(".department-page [data-item-id]").await;
    let counts = app.text(RESULT_COUNT).await;
    let expected = format!(
        "共 {} 项任务：牵头 {} 项，配合 {} 项",
        all.len(),
        lead.len(),
        co.len()
    );
    assert!(counts.contains(&expected), "{counts} should say {expected}");
    let shown_lead = ids_of(&app, "section:has(#unit-lead) [data-item-id]").await;
    assert_same_ids(&shown_lead, &lead, "tasks the unit leads");
    let shown_co = ids_of(&app, "section:has(#unit-co) [data-item-id]").await;
    assert_same_ids(&shown_co, &co, "tasks the unit co-leads");
    charts_with_tables(&app, ".department-page").await;
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn every_section_is_reached_from_the_navigation() {
    let app = App::start().await;
    open_view(&app, "#/", ".overview-page").await;
    for (nav, shown) in [
        ("tasks", ".tasks-page [data-item-id]"),
        ("plan", ".plan-page"),
        ("projects", ".projects-page"),
        ("leaders", ".leaders-page"),
        ("departments", ".departments-page"),
        ("notes", "[data-testid=\"notes-page\"]"),
        ("overview", ".overview-page"),
    ] {
        app.click(&format!("a[data-nav=\"{nav}\"]")).await;
        app.wait_for(shown).await;
        let current = app
            .attr(&format!("a[data-nav=\"{nav}\"]"), "aria-current")
            .await;
        assert_eq!(
            current.as_deref(),
            Some("page"),
            "{nav} is not marked current"
        );
        let route = app.current_route().await;
        let expected = if nav == "overview" {
            "/".to_owned()
        } else {
            format!("/{nav}")
        };
        assert_eq!(route, expected);
    }
    app.assert_no_console_errors().await;
}

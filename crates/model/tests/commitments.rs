//! One row per commitment in the 任务 list (its latest record), status facets counting
//! commitments by latest status, every report's row still reachable, the timeline, and
//! links made before periods were part of document ids.

mod common;

use planboard_model::commitments::{latest_record, timeline};
use planboard_model::{
    Commitment, CommitmentRecord, Dataset, Facet, Filter, Index, JoinMatch, Route, Status, View,
};

/// The fixture with a year-end report of Pinghu 2023 added: its t2 and t3 restate the
/// half-year report's t2 and t3 with year-end outcomes.
fn with_year_end() -> Dataset {
    let mut dataset = common::dataset();
    let half_year = dataset
        .catalog
        .documents
        .iter()
        .find(|d| d.id == "pinghu-2023-progress")
        .cloned()
        .expect("fixture has the Pinghu report");
    let mut year_end = half_year.clone();
    year_end.id = "pinghu-2023-year-progress".into();
    year_end.period = "2023年全年".into();
    year_end.date = "2023-12-31".into();
    // The fixture's half-year report predates periods in ids.
    let mut renamed = half_year.clone();
    renamed.id = "pinghu-2023-h1-progress".into();
    renamed.former_ids = vec!["pinghu-2023-progress".into()];
    for document in &mut dataset.catalog.documents {
        if document.id == half_year.id {
            *document = renamed.clone();
        }
    }
    for task in &mut dataset.tasks {
        if let Some(local) = task.id.strip_prefix("pinghu-2023-progress/") {
            task.id = format!("pinghu-2023-h1-progress/{local}");
            task.document = renamed.id.clone();
        }
    }
    dataset.catalog.documents.push(year_end.clone());
    let mut commitments = Vec::new();
    for (local, outcome) in [("t002", Status::Completed), ("t003", Status::NotCompleted)] {
        let earlier = dataset
            .tasks
            .iter()
            .find(|t| t.id == format!("pinghu-2023-h1-progress/{local}"))
            .cloned()
            .expect("fixture task");
        let mut later = earlier.clone();
        later.id = format!("{}/{local}", year_end.id);
        later.document = year_end.id.clone();
        later.status = outcome;
        dataset.tasks.push(later.clone());
        commitments.push(Commitment {
            id: earlier.id.clone(),
            jurisdiction: earlier.jurisdiction.clone(),
            year: earlier.year,
            records: vec![
                CommitmentRecord {
                    task: earlier.id.clone(),
                    document: earlier.document.clone(),
                    date: renamed.date.clone(),
                    status: earlier.status,
                    matched: JoinMatch::First,
                    reason: None,
                },
                CommitmentRecord {
                    task: later.id.clone(),
                    document: later.document.clone(),
                    date: year_end.date.clone(),
                    status: outcome,
                    matched: JoinMatch::Exact,
                    reason: None,
                },
            ],
        });
    }
    dataset.commitments = commitments;
    dataset
}

fn count(index: &Index, filter: &Filter, facet: Facet, value: &str) -> usize {
    index
        .query(filter)
        .facets
        .get(facet)
        .iter()
        .find(|v| v.value == value)
        .map_or(0, |v| v.count)
}

#[test]
fn the_list_shows_each_commitment_once_with_its_latest_status() {
    let dataset = with_year_end();
    let index = Index::new(&dataset);
    let all = index.query(&Filter::default());
    let shown: Vec<&str> = all
        .matches
        .iter()
        .map(|&at| index.entries()[at].id.as_str())
        .collect();
    assert!(shown.contains(&"pinghu-2023-year-progress/t002"));
    assert!(!shown.contains(&"pinghu-2023-h1-progress/t002"));
    assert_eq!(all.matches.len(), index.entries().len() - 2);
    // Status facets count commitments by their latest status.
    let filter = Filter::default();
    assert_eq!(count(&index, &filter, Facet::Status, "已完成"), 1);
    assert_eq!(count(&index, &filter, Facet::Status, "未完成"), 1);
    let mut completed = Filter::default();
    completed.toggle(Facet::Status, "已完成");
    let rows = index.query(&completed).matches;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        index.entries()[rows[0]].id,
        "pinghu-2023-year-progress/t002"
    );
    // A document's own rows: all of them, counted as the facet said.
    let half_year_rows = dataset
        .tasks
        .iter()
        .filter(|t| t.document == "pinghu-2023-h1-progress")
        .count();
    assert_eq!(
        count(&index, &filter, Facet::Doc, "pinghu-2023-h1-progress"),
        half_year_rows
    );
    let mut one_report = Filter::default();
    one_report.toggle(Facet::Doc, "pinghu-2023-h1-progress");
    assert_eq!(index.query(&one_report).matches.len(), half_year_rows);
    // each=1: every report's row.
    let each = Filter {
        each: true,
        ..Filter::default()
    };
    assert_eq!(index.query(&each).matches.len(), index.entries().len());
    assert_eq!(count(&index, &each, Facet::Status, "已完成"), 1);
    // The area facet: a heading the half-year record prints holds for the commitment.
    let mut dataset = with_year_end();
    for task in &mut dataset.tasks {
        if task.id == "pinghu-2023-h1-progress/t002" {
            task.area = Some("一、主要预期目标".into());
        }
    }
    let index = Index::new(&dataset);
    assert_eq!(
        count(&index, &Filter::default(), Facet::Area, "一、主要预期目标"),
        1
    );
    let mut by_area = Filter::default();
    by_area.toggle(Facet::Area, "一、主要预期目标");
    let rows = index.query(&by_area).matches;
    assert_eq!(
        index.entries()[rows[0]].id,
        "pinghu-2023-year-progress/t002"
    );
    let route = Route::parse(
        "#/tasks?area=%E4%B8%80%E3%80%81%E4%B8%BB%E8%A6%81%E9%A2%84%E6%9C%9F%E7%9B%AE%E6%A0%87",
    );
    assert_eq!(route.filter.area, ["一、主要预期目标"]);
    let route = Route::parse("#/tasks?each=1");
    assert!(route.filter.each);
    assert_eq!(route.to_hash(), "#/tasks?each=1");
}

#[test]
fn the_timeline_runs_oldest_first_and_the_latest_record_names_its_date() {
    let dataset = with_year_end();
    let points = timeline(&dataset, "pinghu-2023-h1-progress/t003");
    let seen: Vec<(&str, Status)> = points.iter().map(|p| (p.date, p.status)).collect();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1], ("2023-12-31", Status::NotCompleted));
    assert_eq!(
        points[0].document.map(|d| d.period.as_str()),
        Some("2023年上半年")
    );
    let latest = latest_record(&dataset, "pinghu-2023-h1-progress/t003").expect("latest");
    assert_eq!(latest.task.id, "pinghu-2023-year-progress/t003");
    assert!(timeline(&dataset, "pinghu-2023-h1-progress/t001").is_empty());
}

#[test]
fn links_made_before_periods_were_in_ids_open_the_same_item() {
    let dataset = with_year_end();
    let route = Route::parse("#/item/pinghu-2023-progress/t002");
    let current = route.with_current_ids(&dataset.catalog).expect("rewritten");
    assert_eq!(
        current.view,
        View::Item("pinghu-2023-h1-progress/t002".into())
    );
    let route = Route::parse("#/tasks?doc=pinghu-2023-progress&status=滞后");
    let current = route.with_current_ids(&dataset.catalog).expect("rewritten");
    assert_eq!(current.filter.doc, ["pinghu-2023-h1-progress"]);
    assert_eq!(
        current.to_hash(),
        "#/tasks?doc=pinghu-2023-h1-progress&status=%E6%BB%9E%E5%90%8E"
    );
    assert_eq!(
        Route::parse("#/item/pinghu-2023-h1-progress/t002").with_current_ids(&dataset.catalog),
        None
    );
    assert_eq!(
        Route::parse("#/item/nobody/t2").with_current_ids(&dataset.catalog),
        None
    );
}

//! The 任务 export: CSV read back with a small reader equals the records; JSON holds the
//! same records as tasks.json / projects.json; the file name carries the filter.

mod common;

use common::{dataset, index};
use planboard_model::export::{export_file_name, to_csv, to_json, CSV_HEADER};
use planboard_model::{Dataset, Facet, Filter, Index, Project, Task};

/// The rows as a spreadsheet would read them (the `csv` crate, not our own writer's
/// mirror image); every row, the last included, must end in CRLF.
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

fn everything(index: &Index) -> Vec<usize> {
    index.query(&Filter::default()).matches
}

fn body(csv: &str) -> &str {
    csv.strip_prefix('\u{feff}').expect("starts with a BOM")
}

#[test]
fn csv_starts_with_bom_and_header_and_has_one_row_per_match() {
    let (dataset, index) = (dataset(), index());
    let matches = everything(&index);
    let csv = to_csv(&index, &dataset, &matches);
    let rows = read_csv(body(&csv));
    assert_eq!(rows[0], CSV_HEADER);
    assert_eq!(rows.len(), matches.len() + 1);
    assert!(csv.contains("\r\n"));
}

#[test]
fn csv_read_back_equals_the_records() {
    let (dataset, index) = (dataset(), index());
    let matches = everything(&index);
    let rows = read_csv(body(&to_csv(&index, &dataset, &matches)));
    for (row, &at) in rows[1..].iter().zip(&matches) {
        let entry = &index.entries()[at];
        assert_eq!(row.len(), CSV_HEADER.len());
        assert_eq!(row[0], entry.id);
        assert_eq!(row[1], entry.kind.label_zh());
        assert_eq!(row[6], entry.title);
        assert_eq!(row[7], entry.leader.clone().unwrap_or_default());
        assert_eq!(row[11], entry.status.label_zh());
        if let Some(task) = entry.task(&dataset) {
            assert_eq!(row[5], task.number.to_string());
            assert_eq!(row[12], task.progress.join("\n"));
            assert_eq!(row[13], task.remarks.join("\n"));
        }
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_and_guards_formulas() {
    let mut dataset: Dataset = dataset();
    let tricky = "交通,“高铁” \"快\"\n第二行";
    dataset.tasks[0].text = tricky.to_owned();
    dataset.tasks[1].text = "=HYPERLINK(\"x\")".to_owned();
    let index = Index::new(&dataset);
    let matches = everything(&index);
    let rows = read_csv(body(&to_csv(&index, &dataset, &matches)));
    let row_of = |id: &str| rows.iter().find(|row| row[0] == id).expect("row");
    assert_eq!(row_of(&dataset.tasks[0].id)[6], tricky);
    assert_eq!(row_of(&dataset.tasks[1].id)[6], "'=HYPERLINK(\"x\")");
}

#[test]
fn csv_of_a_filter_holds_only_its_matches_in_order() {
    let (dataset, index) = (dataset(), index());
    let mut filter = Filter::default();
    filter.toggle(Facet::Status, "滞后");
    let matches = index.query(&filter).matches;
    assert!(!matches.is_empty());
    let rows = read_csv(body(&to_csv(&index, &dataset, &matches)));
    let ids: Vec<&str> = rows[1..].iter().map(|row| row[0].as_str()).collect();
    let expected: Vec<&str> = matches
        .iter()
        .map(|&at| index.entries()[at].id.as_str())
        .collect();
    assert_eq!(ids, expected);
    assert!(rows[1..].iter().all(|row| row[11] == "滞后"));
}

#[test]
fn json_holds_the_records_of_the_public_format() {
    let (dataset, index) = (dataset(), index());
    let filter = Filter {
        q: "高铁".to_owned(),
        ..Filter::default()
    };
    let all = everything(&index);
    let json = to_json(&index, &dataset, &all, &filter, "2026-11-23T03:00:00Z");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["filter"], "q=%E9%AB%98%E9%93%81");
    assert_eq!(value["exported_at"], "2026-11-23T03:00:00Z");
    let tasks: Vec<Task> = serde_json::from_value(value["tasks"].clone()).expect("tasks");
    let projects: Vec<Project> =
        serde_json::from_value(value["projects"].clone()).expect("projects");
    assert_eq!(tasks, dataset.tasks);
    assert_eq!(projects, dataset.projects);
}

#[test]
fn file_name_carries_the_filter_in_safe_characters() {
    let mut filter = Filter::default();
    filter.toggle(Facet::Leader, "项乐民");
    filter.q = "高铁 a/b:c".to_owned();
    assert_eq!(
        export_file_name(&filter, "csv", "2026-11-23"),
        "planboard-任务-leader=项乐民-q=高铁_a_b_c-2026-11-23.csv"
    );
    assert_eq!(
        export_file_name(&Filter::default(), "json", "2026-11-23"),
        "planboard-任务-2026-11-23.json"
    );
    filter.q = "长".repeat(500);
    assert!(export_file_name(&filter, "csv", "2026-11-23").len() < 255);
}

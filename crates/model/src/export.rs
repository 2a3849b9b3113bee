//! The 任务 list as files: CSV for spreadsheets and JSON in the public data format,
//! exactly the entries a filter matched (all of them, not only the rows on screen).

use serde::Serialize;

use crate::csv::{push_row, BOM};
use crate::filter::Filter;
use crate::index::Index;
use crate::route::{Route, View};
use crate::types::{Dataset, Project, Task, UnitRef, FORMAT_VERSION};

/// The CSV header, in Chinese (what the reader sees in Excel).
pub const CSV_HEADER: [&str; 14] = [
    "编号",
    "类别",
    "所属文件",
    "年份",
    "辖区",
    "序号",
    "内容",
    "牵头领导",
    "牵头单位",
    "责任单位",
    "区县",
    "状态",
    "进展",
    "滞后说明",
];

/// Separates several values in one CSV cell (units, districts, progress paragraphs).
pub const LIST_SEPARATOR: &str = "、";
/// Separates several paragraphs (progress, remarks) in one CSV cell.
pub const PARAGRAPH_SEPARATOR: &str = "\n";

/// The matched entries (`matches`: positions in `index.entries()`, as
/// `QueryResult::matches`) as CSV: UTF-8 with a byte-order mark, CRLF line ends, the
/// header row first, one row per entry in the given order.
pub fn to_csv(index: &Index, dataset: &Dataset, matches: &[usize]) -> String {
    let mut csv = String::from(BOM);
    push_row(&mut csv, CSV_HEADER.iter().copied());
    for entry in matches.iter().filter_map(|&at| index.entries().get(at)) {
        let document = index
            .document(&entry.document)
            .map(|document| document.short_label())
            .unwrap_or_else(|| entry.document.clone());
        let year = entry.year.to_string();
        let lead = join_units(&entry.units, true);
        let units = join_units(&entry.units, false);
        let districts = entry.districts.join(LIST_SEPARATOR);
        let (number, progress, remarks) = match (entry.task(dataset), entry.project(dataset)) {
            (Some(task), _) => (
                task.number.to_string(),
                task.progress.join(PARAGRAPH_SEPARATOR),
                task.remarks.join(PARAGRAPH_SEPARATOR),
            ),
            (None, Some(project)) => (project.number.to_string(), String::new(), String::new()),
            (None, None) => (String::new(), String::new(), String::new()),
        };
        push_row(
            &mut csv,
            [
                entry.id.as_str(),
                entry.kind.label_zh(),
                document.as_str(),
                year.as_str(),
                entry.jurisdiction.as_str(),
                number.as_str(),
                entry.title.as_str(),
                entry.leader.as_deref().unwrap_or(""),
                lead.as_str(),
                units.as_str(),
                districts.as_str(),
                entry.status.label_zh(),
                progress.as_str(),
                remarks.as_str(),
            ],
        );
    }
    csv
}

fn join_units(units: &[UnitRef], lead_only: bool) -> String {
    units
        .iter()
        .filter(|unit| unit.lead || !lead_only)
        .map(|unit| unit.name.as_str())
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The JSON export: the same records as `tasks.json` and `projects.json`.
#[derive(Serialize)]
struct JsonExport<'a> {
    format_version: u32,
    /// The URL query of the filter (as after `?` in `#/tasks?…`).
    filter: String,
    exported_at: &'a str,
    tasks: Vec<&'a Task>,
    projects: Vec<&'a Project>,
}

/// The matched entries as JSON in the public data format: `format_version`, `filter`
/// (the URL query that selected them), `exported_at` (as given, e.g. an ISO date-time)
/// and `tasks` / `projects` arrays holding the records as `tasks.json` and
/// `projects.json` do, in the given order.
pub fn to_json(
    index: &Index,
    dataset: &Dataset,
    matches: &[usize],
    filter: &Filter,
    exported_at: &str,
) -> String {
    let entries = matches.iter().filter_map(|&at| index.entries().get(at));
    let mut export = JsonExport {
        format_version: FORMAT_VERSION,
        filter: filter_query(filter),
        exported_at,
        tasks: Vec::new(),
        projects: Vec::new(),
    };
    for entry in entries {
        if let Some(task) = entry.task(dataset) {
            export.tasks.push(task);
        } else if let Some(project) = entry.project(dataset) {
            export.projects.push(project);
        }
    }
    // Serialising borrowed records of plain data cannot fail; an empty object would
    // still be valid JSON if it ever did.
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| String::from("{}"))
}

/// The filter as the URL writes it after `?` (percent-encoded, canonical order).
pub fn filter_query(filter: &Filter) -> String {
    let hash = Route {
        view: View::Tasks,
        filter: filter.clone(),
        ..Route::default()
    }
    .to_hash();
    hash.split_once('?')
        .map(|(_, query)| query.to_owned())
        .unwrap_or_default()
}

/// Longest filter part of a file name, in characters; file systems cap names at 255
/// bytes, and Chinese takes three each.
const MAX_FILTER_CHARS: usize = 60;

/// A file name carrying the filter, e.g. `planboard-任务-leader=项乐民-q=高铁-2026-11-23.csv`
/// for `ext` `csv` and `date` `2026-11-23`: the parameters as the URL names them,
/// decoded, joined by `-`; any character a file system or shell might mind becomes
/// `_`; a long filter is cut.
pub fn export_file_name(filter: &Filter, ext: &str, date: &str) -> String {
    let query = filter_query(filter);
    let readable = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            percent_encoding::percent_decode_str(pair)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect::<Vec<_>>()
        .join("-");
    let mut name = String::from("planboard-任务");
    if !readable.is_empty() {
        name.push('-');
        name.extend(readable.chars().take(MAX_FILTER_CHARS).map(safe_char));
    }
    name.push('-');
    name.extend(date.chars().map(safe_char));
    name.push('.');
    name.extend(ext.chars().map(safe_char));
    name
}

fn safe_char(c: char) -> char {
    if c.is_alphanumeric() || matches!(c, '-' | '_' | '=' | '.') {
        c
    } else {
        '_'
    }
}

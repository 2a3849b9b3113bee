//! 表1—1, the 13th-plan results, laid out as printed: a two-row header where a column
//! group (规划目标, 完成情况) spans its columns, and merged cells kept merged.

use leptos::prelude::*;
use planboard_model::ResultRow;

use crate::pages::plan_tables::by_category;

/// One column group of the table: `规划目标` with its columns `2020年`, `年均增长`;
/// a header without `·` is a group of its own with no sub-columns.
#[derive(Clone, Debug, PartialEq)]
struct ColumnGroup {
    name: String,
    columns: Vec<String>,
}

impl ColumnGroup {
    /// The cell header a row uses for one of this group's columns.
    fn header(&self, column: &str) -> String {
        format!("{}·{column}", self.name)
    }
}

/// Column groups in first-seen order. A bare header that names a group with columns
/// (`规划目标` beside `规划目标·2020年`) is a merged cell, not a column of its own.
fn column_groups(results: &[ResultRow]) -> Vec<ColumnGroup> {
    let mut groups: Vec<ColumnGroup> = Vec::new();
    let headers = results
        .iter()
        .flat_map(|row| row.cells.iter().map(|(header, _)| header));
    for header in headers.clone() {
        let (name, column) = match header.split_once('·') {
            Some((name, column)) => (name, Some(column)),
            None => (header.as_str(), None),
        };
        let group = match groups.iter_mut().position(|group| group.name == name) {
            Some(position) => &mut groups[position],
            None => {
                groups.push(ColumnGroup {
                    name: name.to_string(),
                    columns: Vec::new(),
                });
                let last = groups.len() - 1;
                &mut groups[last]
            }
        };
        if let Some(column) = column {
            if !group.columns.iter().any(|known| known == column) {
                group.columns.push(column.to_string());
            }
        }
    }
    groups
}

fn cell<'a>(row: &'a ResultRow, header: &str) -> Option<&'a str> {
    row.cells
        .iter()
        .find(|(name, _)| name == header)
        .map(|(_, value)| value.as_str())
}

/// 表1—1 with category row groups.
#[component]
pub fn ResultsTable(results: Vec<ResultRow>) -> impl IntoView {
    if results.is_empty() {
        return ().into_any();
    }
    let groups = column_groups(&results);
    let head = table_head(&groups);
    let bodies = by_category(&results, |row| &row.category)
        .into_iter()
        .map(|(category, run)| {
            let span = run.len().to_string();
            let rows = run
                .into_iter()
                .enumerate()
                .map(|(position, row)| {
                    let category_cell = (position == 0).then(|| {
                        view! {
                            <th scope="rowgroup" rowspan=span.clone() class="category">
                                {category.clone()}
                            </th>
                        }
                    });
                    let cells = groups
                        .iter()
                        .map(|group| row_cells(&row, group))
                        .collect_view();
                    view! {
                        <tr data-item-id=row.id.clone() id=row.id.clone() tabindex="-1">
                            {category_cell}
                            <th scope="row">{row.name.clone()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! { <tbody>{rows}</tbody> }
        })
        .collect_view();
    view! {
        <section class="plan-results" aria-labelledby="plan-results">
            <h2 id="plan-results" tabindex="-1">"表1—1 “十三五”规划主要指标完成情况"</h2>
            <p class="scroll-hint" aria-hidden="true">"表格较宽，可左右滑动 →"</p>
            <div class="table-scroll" role="region" aria-label="表1—1（可横向滚动）" tabindex="0">
                <table class="data results-table">{head} {bodies}</table>
            </div>
            <p class="section-note">"数值照原表抄录；[ ] 为五年累计数；跨列的格子照原表合并。"</p>
        </section>
    }
    .into_any()
}

/// A row's cells for one group: one merged cell when the row gives the group a single
/// value (`适度增长，提高占全省比重`), else one cell per column.
fn row_cells(row: &ResultRow, group: &ColumnGroup) -> AnyView {
    if group.columns.is_empty() {
        let value = cell(row, &group.name).unwrap_or_default().to_string();
        return view! { <td class="num">{value}</td> }.into_any();
    }
    if let Some(value) = cell(row, &group.name) {
        let span = group.columns.len().to_string();
        let value = value.to_string();
        return view! { <td class="merged" colspan=span>{value}</td> }.into_any();
    }
    group
        .columns
        .iter()
        .map(|column| {
            let value = cell(row, &group.header(column))
                .unwrap_or_default()
                .to_string();
            view! { <td class="num">{value}</td> }
        })
        .collect_view()
        .into_any()
}

/// One header row when no group has columns; otherwise two, the groups spanning
/// their columns and column-less groups spanning both rows.
fn table_head(groups: &[ColumnGroup]) -> impl IntoView {
    let two_rows = groups.iter().any(|group| !group.columns.is_empty());
    let rowspan = if two_rows { "2" } else { "1" };
    let top = groups
        .iter()
        .map(|group| {
            if group.columns.is_empty() {
                view! { <th scope="col" rowspan=rowspan class="num">{group.name.clone()}</th> }
                    .into_any()
            } else {
                let span = group.columns.len().to_string();
                view! { <th scope="colgroup" colspan=span class="group">{group.name.clone()}</th> }
                    .into_any()
            }
        })
        .collect_view();
    let second = two_rows.then(|| {
        let cells = groups
            .iter()
            .flat_map(|group| group.columns.iter())
            .map(|column| view! { <th scope="col" class="num">{column.clone()}</th> })
            .collect_view();
        view! { <tr>{cells}</tr> }
    });
    view! {
        <thead>
            <tr>
                <th scope="col" rowspan=rowspan>"类别"</th>
                <th scope="col" rowspan=rowspan>"指标"</th>
                {top}
            </tr>
            {second}
        </thead>
    }
}

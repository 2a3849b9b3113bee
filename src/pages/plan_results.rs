//! 表1—1, the 13th-plan results, laid out as printed: a two-row header where a column
//! group (规划目标, 完成情况) spans its columns, and merged cells kept merged.

use leptos::prelude::*;
use planboard_model::{Lang, ResultRow};

use crate::i18n::text_lang;
use crate::i18n::{lang, tr};
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

/// The English of the column headings 表1—1 is known to use; `None` for any other.
fn english_heading(heading: &str) -> Option<String> {
    let known = match heading {
        "规划目标" => "Plan target",
        "完成情况" => "Outcome",
        "年均增长" => "Annual growth",
        _ => {
            // `2020年` and the like: a year is a year in either language.
            let year = heading.strip_suffix('年')?;
            return year
                .chars()
                .all(|c| c.is_ascii_digit())
                .then(|| year.to_string());
        }
    };
    Some(known.to_string())
}

/// A column heading in the interface language where it is one of the known ones,
/// otherwise as the table prints it.
fn heading(text: &str) -> String {
    match lang() {
        Lang::En => english_heading(text).unwrap_or_else(|| text.to_string()),
        Lang::Zh => text.to_string(),
    }
}

/// `zh-CN` on a heading cell that shows the table's own (untranslated) text.
fn heading_lang(text: &str) -> Option<&'static str> {
    match lang() {
        Lang::En if english_heading(text).is_some() => None,
        _ => Some("zh-CN"),
    }
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
                            <th scope="rowgroup" rowspan=span.clone() class="category" lang="zh-CN">
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
                            <th scope="row" lang="zh-CN">{row.name.clone()}</th>
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
            <h2 id="plan-results" tabindex="-1">
                {tr(
                    "表1—1 “十三五”规划主要指标完成情况",
                    "Table 1-1: how the 13th five-year plan's key indicators turned out (2016–2020)",
                )}
            </h2>
            <p class="scroll-hint" aria-hidden="true">
                {tr("表格较宽，可左右滑动 →", "The table is wide: scroll sideways →")}
            </p>
            <div class="table-scroll" role="region"
                aria-label=tr("表1—1（可横向滚动）", "Table 1-1 (scrolls sideways)") tabindex="0">
                <table class="data results-table">{head} {bodies}</table>
            </div>
            <p class="section-note">
                {tr(
                    "数值照原表抄录；[ ] 为五年累计数；跨列的格子照原表合并。",
                    "Values and column headings as printed in the source table; [ ] marks a five-year total; cells merged across columns are merged as printed.",
                )}
            </p>
        </section>
    }
    .into_any()
}

/// A row's cells for one group: one merged cell when the row gives the group a single
/// value (`适度增长，提高占全省比重`), else one cell per column.
fn row_cells(row: &ResultRow, group: &ColumnGroup) -> AnyView {
    if group.columns.is_empty() {
        let value = cell(row, &group.name).unwrap_or_default();
        let lang = text_lang(value);
        let value = value.to_string();
        return view! { <td class="num" lang=lang>{value}</td> }.into_any();
    }
    if let Some(value) = cell(row, &group.name) {
        let span = group.columns.len().to_string();
        let lang = text_lang(value);
        let value = value.to_string();
        return view! { <td class="merged" colspan=span lang=lang>{value}</td> }.into_any();
    }
    group
        .columns
        .iter()
        .map(|column| {
            let value = cell(row, &group.header(column)).unwrap_or_default();
            let lang = text_lang(value);
            let value = value.to_string();
            view! { <td class="num" lang=lang>{value}</td> }
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
                view! {
                    <th scope="col" rowspan=rowspan class="num" lang=heading_lang(&group.name)>
                        {heading(&group.name)}
                    </th>
                }
                .into_any()
            } else {
                let span = group.columns.len().to_string();
                view! {
                    <th scope="colgroup" colspan=span class="group" lang=heading_lang(&group.name)>
                        {heading(&group.name)}
                    </th>
                }
                .into_any()
            }
        })
        .collect_view();
    let second = two_rows.then(|| {
        let cells = groups
            .iter()
            .flat_map(|group| group.columns.iter())
            .map(|column| {
                view! { <th scope="col" class="num" lang=heading_lang(column)>{heading(column)}</th> }
            })
            .collect_view();
        view! { <tr>{cells}</tr> }
    });
    view! {
        <thead>
            <tr>
                <th scope="col" rowspan=rowspan>{tr("类别", "Category")}</th>
                <th scope="col" rowspan=rowspan>{tr("指标", "Indicator")}</th>
                {top}
            </tr>
            {second}
        </thead>
    }
}

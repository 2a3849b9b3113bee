//! The results table (表1—1): each indicator of the previous plan with its target and
//! what was achieved, kept as printed with the column headers beside each value.
//!
//! Two header rows: the top one names the label columns and the value groups
//! (`规划目标`, `完成情况`), the second the columns inside each group (`2020年`,
//! `年均增长`). A row has one to three label cells (category, indicator group, name)
//! then its values; a row with one value per group had its two cells merged in print.

use super::tables::Table;
use planboard_model::{ResultRow, SourceSpan};

/// Value column headers of a results table.
#[derive(Debug, Default)]
struct Layout {
    /// One per value column, e.g. `规划目标·2020年`.
    values: Vec<String>,
    /// One per value group, e.g. `规划目标`; empty without a second header row.
    groups: Vec<String>,
}

impl Layout {
    fn of(table: &Table) -> Self {
        let width = table
            .data
            .iter()
            .map(|row| row.cells.len())
            .max()
            .unwrap_or(0);
        let (Some(top), sub) = (
            table.header.first(),
            table.header.get(1..).and_then(<[_]>::last),
        ) else {
            return Layout::default();
        };
        let top = &top.cells;
        let Some(sub) = sub.map(|row| &row.cells) else {
            // One header row: everything after the name column holds values.
            let name_at = top
                .iter()
                .position(|h| ["指标", "名称", "项目"].iter().any(|w| h.contains(w)))
                .unwrap_or(0);
            return Layout {
                values: top.get(name_at + 1..).unwrap_or_default().to_vec(),
                groups: Vec::new(),
            };
        };
        // The widest row fills every column: labels under the top header's first cells,
        // then every second-row column. That fixes how many top cells are groups.
        let groups = (top.len() + sub.len()).saturating_sub(width);
        if groups == 0 || groups > top.len() || sub.len() % groups != 0 {
            return Layout {
                values: sub.clone(),
                groups: Vec::new(),
            };
        }
        let label_columns = top.len() - groups;
        let per_group = sub.len() / groups;
        let group_names = top[label_columns..].to_vec();
        let values = group_names
            .iter()
            .enumerate()
            .flat_map(|(g, name)| {
                sub[g * per_group..(g + 1) * per_group]
                    .iter()
                    .map(move |column| format!("{name}·{column}"))
            })
            .collect();
        Layout {
            values,
            groups: group_names,
        }
    }

    /// (number of label cells, header of each value) for a row of `width` cells.
    fn split(&self, width: usize) -> (usize, Vec<String>) {
        let columns = self.values.len();
        if columns > 0 && width > columns {
            return ((width - columns).min(3), self.values.clone());
        }
        let value_count = width.saturating_sub(1);
        if !self.groups.is_empty() && value_count == self.groups.len() {
            return (1, self.groups.clone());
        }
        // Fewer cells than columns: leading cells were merged away, so the values
        // line up with the rightmost columns.
        let skip = columns.saturating_sub(value_count);
        let mut headers: Vec<String> = self.values[skip..].to_vec();
        for extra in headers.len()..value_count {
            headers.push(format!("第{}列", extra + 2));
        }
        (1, headers)
    }
}

/// A category cell is the narrow first column, whose text wraps (`经济 发展`); an
/// indicator group (`城市化率(%)`, `森林增长`) is wider and carries the unit instead.
fn is_category_cell(raw: &str) -> bool {
    raw.trim().contains(char::is_whitespace) && !raw.contains(['(', '（'])
}

fn has_unit(name: &str) -> bool {
    name.contains(['(', '（'])
}

/// Reads the rows. The category is carried forward; a row naming no unit under an
/// indicator group (`户籍人口城市化率` under `城市化率(%)`) belongs to that group, and
/// its name is written `group·name` so the unit stays with it.
pub(super) fn results(table: &Table, document: &str, path: &[String]) -> Vec<ResultRow> {
    let layout = Layout::of(table);
    let mut rows = Vec::new();
    let mut category = String::new();
    let mut group: Option<String> = None;
    for row in &table.data {
        if row.cells.len() < 2 {
            continue;
        }
        let (label_count, headers) = layout.split(row.cells.len());
        let labels = &row.cells[..label_count];
        let name = match labels {
            [name] => {
                if has_unit(name) {
                    group = None;
                }
                name.clone()
            }
            [first, name] => {
                let raw = row.raw.first().map_or("", String::as_str);
                if is_category_cell(raw) {
                    category = first.clone();
                    group = None;
                } else {
                    group = Some(first.clone());
                }
                name.clone()
            }
            [first, second, name, ..] => {
                category = first.clone();
                group = Some(second.clone());
                name.clone()
            }
            [] => continue,
        };
        let name = match &group {
            Some(group) => format!("{group}·{name}"),
            None => name,
        };
        let cells = headers
            .into_iter()
            .zip(row.cells[label_count..].iter().cloned())
            .collect();
        rows.push(ResultRow {
            id: format!("{document}/r{:02}", rows.len() + 1),
            kind: "result".to_string(),
            document: document.to_string(),
            category: category.clone(),
            name,
            cells,
            source: SourceSpan {
                path: path.to_vec(),
                first_line: row.line,
                last_line: row.line,
            },
        });
    }
    rows
}

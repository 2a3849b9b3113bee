//! The outline's flattened tables: `cell | cell |` rows under a `表N—M` caption.
//!
//! Flattening dropped merged cells, so a row's cells shift left when the category cell
//! (printed once per category, or once per page) is absent, and a cell spanning two
//! columns leaves one cell where two were. Rows are therefore read from the shape of
//! each row, not from fixed positions: the indicator table by its number cell, the
//! results table by counting its cells against the header.

use crate::prose::SourceLine;
use planboard_model::{Indicator, SourceSpan};

/// A caption label such as `表2—1` or `图7—1` at the start of `text` (any dash, spaces
/// allowed) → (label as printed, rest).
pub(super) fn numbered_label<'t>(text: &'t str, prefix: &str) -> Option<(&'t str, &'t str)> {
    let after = text.strip_prefix(prefix)?;
    let body = after.trim_start();
    let major = body.find(|c: char| !c.is_ascii_digit())?;
    if major == 0 {
        return None;
    }
    let dash = body[major..].chars().next()?;
    if !matches!(dash, '—' | '–' | '－' | '-' | '‐' | '―') {
        return None;
    }
    let minor_start = major + dash.len_utf8();
    let minor = body[minor_start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len() - minor_start);
    if minor == 0 {
        return None;
    }
    let end = text.len() - after.len() + (after.len() - body.len()) + minor_start + minor;
    Some((&text[..end], text[end..].trim()))
}

/// The cells of a row, tidied; a leading border and trailing empty cells are dropped.
pub(super) fn cells(text: &str) -> Vec<String> {
    let text = text.trim();
    let text = text.strip_prefix('|').unwrap_or(text);
    let mut cells: Vec<String> = text.split('|').map(tidy).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// A cell's text without the spaces its wrapping left (`经济 发展` → `经济发展`); a space
/// stays only between two ASCII letters or digits.
fn tidy(cell: &str) -> String {
    let chars: Vec<char> = cell.trim().chars().collect();
    let mut out = String::new();
    for (index, c) in chars.iter().enumerate() {
        if !c.is_whitespace() {
            out.push(*c);
            continue;
        }
        let before = out.chars().next_back();
        let after = chars[index + 1..].iter().find(|c| !c.is_whitespace());
        let ascii_pair = before.is_some_and(|b| b.is_ascii_alphanumeric())
            && after.is_some_and(|a| a.is_ascii_alphanumeric());
        if ascii_pair && before != Some(' ') {
            out.push(' ');
        }
    }
    out
}

/// One row: its line, its tidied cells, and its raw cells (the category column's
/// wrapping shows in the raw text).
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub line: u32,
    pub cells: Vec<String>,
    pub raw: Vec<String>,
}

impl Row {
    pub fn new(line: SourceLine<'_>) -> Self {
        let text = line.text.strip_prefix('|').unwrap_or(line.text);
        let raw = text.split('|').map(|c| c.trim().to_string()).collect();
        Row {
            line: line.number,
            cells: cells(line.text),
            raw,
        }
    }
}

/// What a table holds, told from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TableKind {
    /// Numbered key indicators with an attribute column (表2—1).
    Indicators,
    /// The previous plan's targets and what was achieved (表1—1).
    Results,
    Unknown,
}

#[derive(Debug, Clone)]
pub(super) struct Table {
    pub header: Vec<Row>,
    pub data: Vec<Row>,
}

impl Table {
    /// Leading rows with no figures in them (year labels aside) are the header.
    pub fn new(rows: Vec<Row>) -> Self {
        let header_len = rows
            .iter()
            .take_while(|row| row.cells.iter().all(|cell| is_label(cell)))
            .count();
        let mut header = rows;
        let data = header.split_off(header_len);
        Table { header, data }
    }

    pub fn kind(&self) -> TableKind {
        let labels: Vec<&str> = self
            .header
            .iter()
            .flat_map(|r| &r.cells)
            .map(String::as_str)
            .collect();
        if labels.contains(&"序号") && labels.iter().any(|l| l.contains("属性")) {
            TableKind::Indicators
        } else if labels.iter().any(|l| l.contains("完成")) {
            TableKind::Results
        } else {
            TableKind::Unknown
        }
    }

    pub fn header_lines(&self) -> Vec<u32> {
        self.header.iter().map(|row| row.line).collect()
    }

    /// The first and last `YYYY年` the header names (base and target year).
    pub fn header_years(&self) -> Option<(u16, u16)> {
        let years: Vec<u16> = self
            .header
            .iter()
            .flat_map(|row| &row.cells)
            .filter_map(|cell| year_label(cell))
            .collect();
        Some((*years.first()?, *years.last()?))
    }
}

/// A header cell: no digits, or a year label (`2020年`, `2025年目标`).
fn is_label(cell: &str) -> bool {
    !cell.chars().any(|c| c.is_ascii_digit()) || year_label(cell).is_some()
}

fn year_label(cell: &str) -> Option<u16> {
    let digits: String = cell.chars().take(4).collect();
    let is_year = digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && cell[4..].starts_with('年');
    if is_year {
        digits.parse().ok()
    } else {
        None
    }
}

/// A figure written as a plain decimal (`3201.4`, `-10`, full-width digits allowed).
/// Anything qualified (`>6`, `≤4.5`, `10以上`, `[5]`) or worded is not a plain value.
pub(crate) fn plain_number(text: &str) -> Option<f64> {
    let normal: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '−' => '-',
            '．' => '.',
            other => other,
        })
        .collect();
    let unsigned = normal.strip_prefix('-').unwrap_or(&normal);
    let mut parts = unsigned.split('.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let valid = digits(whole) && fraction.is_none_or(digits) && parts.next().is_none();
    if valid {
        normal.parse().ok()
    } else {
        None
    }
}

/// Reads the indicator table. A numbered row is `[category |] number | name | unit |
/// base | target | growth | attribute`; the category is printed on the first row of
/// each category only, so it is carried forward. An unnumbered row (`其中:…`) is a
/// breakdown of the indicator above: its unit and attribute cells are merged with that
/// row's in print, so it takes them from there; its id is the parent's plus `-1`, `-2`.
pub(super) fn indicators(table: &Table, document: &str, path: &[String]) -> Vec<Indicator> {
    let mut read: Vec<Indicator> = Vec::new();
    let mut category = String::new();
    let mut breakdowns = 0;
    for row in &table.data {
        let cells = &row.cells;
        let number_at = cells
            .iter()
            .take(2)
            .position(|cell| !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit()));
        let span = SourceSpan {
            path: path.to_vec(),
            first_line: row.line,
            last_line: row.line,
        };
        let cell = |index: usize| cells.get(index).cloned().unwrap_or_default();
        match number_at {
            Some(at) => {
                if at == 1 && !cells[0].is_empty() {
                    category = cells[0].clone();
                }
                let Ok(number) = cells[at].parse::<u32>() else {
                    continue;
                };
                let name = cell(at + 1);
                if name.is_empty() {
                    continue;
                }
                breakdowns = 0;
                let mut local = format!("i{number:02}");
                if read.iter().any(|i| i.id.ends_with(&format!("/{local}"))) {
                    local = format!("{local}-line{}", row.line);
                }
                read.push(indicator(
                    format!("{document}/{local}"),
                    document,
                    &category,
                    number,
                    [
                        name,
                        cell(at + 2),
                        cell(at + 3),
                        cell(at + 4),
                        cell(at + 5),
                        cell(at + 6),
                    ],
                    span,
                ));
            }
            None => {
                let Some(parent) = read.last() else { continue };
                if cell(0).is_empty() {
                    continue;
                }
                breakdowns += 1;
                let (unit, base, target, growth, attribute) = match cells.len() {
                    6.. => (cell(1), cell(2), cell(3), cell(4), cell(5)),
                    5 => (cell(1), cell(2), cell(3), cell(4), parent.attribute.clone()),
                    _ => (
                        parent.unit.clone(),
                        cell(1),
                        cell(2),
                        cell(3),
                        parent.attribute.clone(),
                    ),
                };
                let id = format!("{}-{breakdowns}", parent.id);
                let (parent_category, number) = (parent.category.clone(), parent.number);
                read.push(indicator(
                    id,
                    document,
                    &parent_category,
                    number,
                    [cell(0), unit, base, target, growth, attribute],
                    span,
                ));
            }
        }
    }
    read
}

fn indicator(
    id: String,
    document: &str,
    category: &str,
    number: u32,
    [name, unit, baseline, target, growth, attribute]: [String; 6],
    source: SourceSpan,
) -> Indicator {
    Indicator {
        id,
        kind: "indicator".to_string(),
        document: document.to_string(),
        category: category.to_string(),
        number,
        name,
        unit,
        baseline_value: plain_number(&baseline),
        baseline,
        target_value: plain_number(&target),
        target,
        growth,
        attribute,
        source,
    }
}

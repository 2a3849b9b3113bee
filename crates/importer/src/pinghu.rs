//! Key tasks with half-year completion, as a flattened table (Pinghu 2023 shape):
//! a header row `序号 | 主 要 工 作 任 务 | 完 成 情 况 | 牵头单位 |`, then one row per
//! task. `★` marks the lead unit(s) and stays in `units_text` for the units module.
//!
//! Columns are found by what their names say (see [`table`]), rows broken across lines
//! are joined again, and a `|` inside a cell goes back to the text column it broke.
//!
//! Lagging remarks: the completion cells are the units' own reports. A sentence of a
//! cell (or of a 备注/督查意见 column) is a lagging remark when it says the work is
//! behind or must be pushed ([`crate::progress::lagging`]): it moves from `progress` to
//! `remarks`. The 2023 table has none — its only near misses are `淘汰落后用能`
//! (obsolete capacity, rows 96 and 97) and counts of `问题` found and fixed.

pub(crate) mod table;

use crate::accounting::Accounting;
use crate::breakdown::lines::LEADER_TITLES;
use crate::error::ImportError;
use crate::outcome::{column_outcome, opening_outcome};
use crate::parsed::{ParsedDocument, RawLeader};
use crate::period::{DocumentDetails, Period};
use crate::progress::lagging::is_lagging_verdict;
use crate::progress::lines::{self, bare_number, is_noise, looks_like_section_heading, Line};
use crate::progress::metadata::ReportFacts;
use crate::progress::{finish, progress_document, Draft};
use crate::reference::jurisdiction_slug;
use crate::text::{arabic_numbered, cn_numbered, split_outside_brackets};
use planboard_model::{DocumentKind, SourceDocument, Status};
use table::{is_rule, Header, Role};

/// Parses a table (a progress report's, or a task breakdown's when it has no progress
/// column); see the module documentation.
pub fn parse(
    text: &str,
    file: &str,
    given: &DocumentDetails,
) -> Result<ParsedDocument, ImportError> {
    let all = lines::lines(text);
    let Some(first) = all.iter().find(|line| !line.text.is_empty()) else {
        return Err(ImportError::new(
            file,
            0,
            "empty document: no text to import",
        ));
    };
    let Some((header_at, header)) = all
        .iter()
        .enumerate()
        .find_map(|(at, line)| Header::read(line.text).map(|h| (at, h)))
    else {
        return Err(ImportError::new(
            file,
            first.number,
            "no table header: expected a row of column names naming the task and its \
             progress or responsible units, such as 序号 | 主要工作任务 | 完成情况 | 牵头单位 |",
        ));
    };
    let mut accounting = Accounting::new(text);
    let mut titles = Vec::new();
    for line in all[..header_at].iter().filter(|line| !line.text.is_empty()) {
        accounting.claim(line.number, "heading");
        titles.push(line.text.to_string());
    }
    let header_line = all[header_at].number;
    accounting.claim(header_line, "table-header");
    for name in header.other_columns() {
        accounting.keep_column(name);
    }
    let drafts = read_rows(&all[header_at + 1..], &header, &mut accounting);
    if drafts.is_empty() {
        return Err(ImportError::new(
            file,
            header_line,
            "the table has a header but no rows",
        ));
    }
    let column_name = |role: Role| {
        header
            .position(role)
            .map_or("", |at| header.columns[at].name.as_str())
    };
    let document = if header.has_progress() {
        let verdicts = drafts
            .iter()
            .filter(|draft| draft.outcome.is_some_and(Status::is_outcome))
            .count();
        let facts =
            ReportFacts::resolve_with(text, &titles, verdicts * 2 >= drafts.len(), given, file)?;
        let title = titles.first().cloned().unwrap_or_else(|| {
            format!(
                "{}{}年政府工作报告{}{}{}",
                facts.jurisdiction,
                facts.year,
                column_name(Role::Task),
                facts.part.label(),
                column_name(Role::Progress)
            )
        });
        progress_document(&facts, text, file, title, accounting.line_count())
    } else {
        breakdown_document(text, &titles, given, file, accounting.line_count())?
    };
    Ok(ParsedDocument {
        document,
        tasks: finish(drafts),
        projects: Vec::new(),
        plan: None,
        report: None,
        accounting,
    })
}

/// The document of a breakdown table: whose and which year as for a report (a period
/// is not asked: a breakdown covers its year), dated by the date its heading prints.
fn breakdown_document(
    text: &str,
    titles: &[String],
    given: &DocumentDetails,
    file: &str,
    line_count: u32,
) -> Result<SourceDocument, ImportError> {
    let year_period = DocumentDetails {
        period: Some(Period::FullYear.label()),
        ..given.clone()
    };
    let facts = ReportFacts::resolve(text, titles, &year_period, file)?;
    let date = given
        .date
        .clone()
        .or_else(|| titles.iter().find_map(|title| printed_date(title)))
        .unwrap_or_else(|| facts.year.to_string());
    let title = titles
        .iter()
        .find(|title| title.contains("分解") || title.contains("任务"))
        .or(titles.first())
        .cloned()
        .unwrap_or_else(|| {
            format!(
                "{}{}年政府工作报告重点工作责任分解",
                facts.jurisdiction, facts.year
            )
        });
    Ok(SourceDocument {
        id: format!(
            "{}-{}-breakdown",
            jurisdiction_slug(&facts.jurisdiction),
            facts.year
        ),
        kind: DocumentKind::TaskBreakdown,
        title,
        issuer: format!("{}人民政府", facts.jurisdiction),
        jurisdiction: facts.jurisdiction.clone(),
        date,
        period: format!("{}年", facts.year),
        year: facts.year,
        source_file: file_name(file),
        line_count,
        imported_locally: None,
        former_ids: Vec::new(),
    })
}

/// `2023年3月8日` in a heading → `2023-03-08`.
fn printed_date(text: &str) -> Option<String> {
    let year_at = text.find('年')?;
    let year: String = text[..year_at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let rest = &text[year_at + '年'.len_utf8()..];
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let month: u32 = month.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    (year.len() == 4 && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

fn file_name(file: &str) -> String {
    std::path::Path::new(file).file_name().map_or_else(
        || file.to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Whether `text` is a table: a header naming a task and what the importer knows
/// beside it, and table rows for at least half of its non-blank lines (a plan's
/// indicator table inside its prose is not one).
pub fn recognises(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let rows = lines
        .iter()
        .filter(|line| line.contains(['|', '｜']))
        .count();
    rows * 2 >= lines.len() && lines.iter().any(|line| Header::read(line).is_some())
}

/// Physical lines of one row, joined where a cell broke across lines.
struct RowText {
    first_line: u32,
    last_line: u32,
    text: String,
}

fn read_rows(body: &[Line], header: &Header, accounting: &mut Accounting) -> Vec<Draft> {
    let mut drafts = Vec::new();
    let mut section: Vec<String> = Vec::new();
    let mut row: Option<RowText> = None;
    for &line in body.iter().filter(|line| !line.text.is_empty()) {
        if let Some(current) = row
            .as_mut()
            .filter(|r| !header.is_complete(&r.text) && !header.starts_row(line.text))
        {
            current.text.push_str(line.text);
            current.last_line = line.number;
            accounting.claim(line.number, "task-row");
            continue;
        }
        if let Some(done) = row.take() {
            add_row(done, header, &mut section, &mut drafts, accounting);
        }
        if is_rule(line.text) {
            accounting.claim(line.number, "table-rule");
        } else if Header::read(line.text).is_some_and(|again| again.columns == header.columns) {
            // The header again, as after a page break.
            accounting.claim(line.number, "table-header");
        } else if line.text.contains(['|', '｜']) {
            accounting.claim(line.number, "task-row");
            row = Some(RowText {
                first_line: line.number,
                last_line: line.number,
                text: line.text.to_string(),
            });
        } else if looks_like_section_heading(line.text) {
            accounting.claim(line.number, "heading");
            section = vec![line.text.to_string()];
        } else if is_noise(line.text) {
            accounting.claim(line.number, "noise");
        }
        // Any other line outside a row (a footnote …) stays unclaimed, so the
        // accounting reports it instead of the importer guessing where it belongs.
    }
    if let Some(done) = row.take() {
        add_row(done, header, &mut section, &mut drafts, accounting);
    }
    drafts
}

/// Turns a row into a task, a section heading (a row with only a title), or more of
/// the previous task (a row with neither number nor task: a merged cell continued).
fn add_row(
    row: RowText,
    header: &Header,
    section: &mut Vec<String>,
    drafts: &mut Vec<Draft>,
    accounting: &mut Accounting,
) {
    let cells = header.row_cells(&row.text);
    let cell = |role: Role| header.position(role).map_or("", |at| cells[at].as_str());
    let number_cell = cell(Role::Number);
    let number = bare_number(number_cell);
    let task_text = cell(Role::Task);
    let mut row_fields = RowFields::default();
    let mut progress = Vec::new();
    let mut remarks = Vec::new();
    let mut units = Vec::new();
    for (column, text) in header
        .columns
        .iter()
        .zip(&cells)
        .filter(|(_, text)| !text.is_empty())
    {
        match column.role {
            Role::Progress => {
                if row_fields.outcome.is_none() {
                    row_fields.outcome = opening_outcome(text);
                }
                split_remarks(&split_items(text), &mut progress, &mut remarks)
            }
            Role::Note => split_remarks(std::slice::from_ref(text), &mut progress, &mut remarks),
            Role::Units { lead } => units.push((lead, text.as_str())),
            Role::Leader => match leader_of(text) {
                Some((leader, whole)) => {
                    row_fields.leader = Some(leader);
                    if !whole {
                        row_fields.other.push((column.name.clone(), text.clone()));
                    }
                }
                None => row_fields.other.push((column.name.clone(), text.clone())),
            },
            Role::Outcome => match column_outcome(text) {
                // A stated status wins over the words a progress cell opens with.
                Some(status) => row_fields.outcome = Some(status),
                None => row_fields.other.push((column.name.clone(), text.clone())),
            },
            Role::Problems => row_fields.problems.push(text.clone()),
            Role::NextSteps => row_fields.next_steps.push(text.clone()),
            Role::Other => row_fields.other.push((column.name.clone(), text.clone())),
            Role::Number | Role::Task => {}
        }
    }
    let units_text = units_text(&units);
    if number.is_none()
        && progress.is_empty()
        && remarks.is_empty()
        && units_text.is_empty()
        && row_fields.is_empty()
    {
        let title = if task_text.is_empty() {
            number_cell
        } else {
            task_text
        };
        if !title.is_empty() {
            *section = vec![title.to_string()];
        }
        accounting.claim_range(
            row.first_line,
            row.last_line,
            if title.is_empty() { "noise" } else { "heading" },
        );
        return;
    }
    if let (None, "", Some(previous)) = (number, task_text, drafts.last_mut()) {
        previous.progress.extend(progress);
        previous.remarks.extend(remarks);
        previous.problems.extend(row_fields.problems);
        previous.next_steps.extend(row_fields.next_steps);
        previous.other_columns.extend(row_fields.other);
        previous.outcome = previous.outcome.or(row_fields.outcome);
        previous.leader = previous.leader.take().or(row_fields.leader);
        if !units_text.is_empty() {
            previous.units_text = [previous.units_text.as_str(), units_text.as_str()]
                .iter()
                .filter(|part| !part.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("、");
        }
        previous.last_line = row.last_line;
        return;
    }
    let (number, number_inferred) = match number {
        Some(number) => (number, false),
        None => (
            drafts
                .last()
                .map_or(1, |d: &Draft| d.number.saturating_add(1)),
            true,
        ),
    };
    drafts.push(Draft {
        units_text,
        progress,
        remarks,
        first_line: row.first_line,
        last_line: row.last_line,
        leader: row_fields.leader,
        outcome: row_fields.outcome,
        problems: row_fields.problems,
        next_steps: row_fields.next_steps,
        other_columns: row_fields.other,
        ..Draft::new(
            number,
            number_inferred,
            task_text.to_string(),
            section.clone(),
        )
    });
}

/// What a row holds besides its task, units and progress.
#[derive(Default)]
struct RowFields {
    leader: Option<RawLeader>,
    outcome: Option<Status>,
    problems: Vec<String>,
    next_steps: Vec<String>,
    other: Vec<(String, String)>,
}

impl RowFields {
    fn is_empty(&self) -> bool {
        self.leader.is_none()
            && self.outcome.is_none()
            && self.problems.is_empty()
            && self.next_steps.is_empty()
            && self.other.is_empty()
    }
}

/// A leader cell: `张三副市长`, `张三 副市长`, `张三`, or several (`王五、赵六`: the
/// first leads). Also says whether the cell was that one leader and nothing more (else
/// the cell is kept as printed too).
fn leader_of(cell: &str) -> Option<(RawLeader, bool)> {
    let names = split_outside_brackets(cell, &['、', '，', ',', '；', ';', '/']);
    let first: String = names
        .first()?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if first.is_empty() {
        return None;
    }
    let (name, title) = LEADER_TITLES
        .iter()
        .find_map(|title| {
            first
                .strip_suffix(title)
                .filter(|name| !name.is_empty())
                .map(|name| (name.to_string(), title.to_string()))
        })
        .unwrap_or_else(|| (first.clone(), String::new()));
    Some((RawLeader { name, title }, names.len() == 1))
}

/// One unit column: as printed. Several (牵头单位 + 配合单位): joined in column order,
/// the lead column's units marked `★` unless the table marks them itself.
fn units_text(columns: &[(bool, &str)]) -> String {
    if let [(_, only)] = columns {
        return only.to_string();
    }
    columns
        .iter()
        .map(|&(lead, text)| {
            if lead && !text.contains('★') {
                split_outside_brackets(text, &['、', '，', ','])
                    .iter()
                    .map(|unit| format!("★{unit}"))
                    .collect::<Vec<_>>()
                    .join("、")
            } else {
                text.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// A cell numbered `1.…2.…` (or `1、` `（1）` `一、`) → its items, each with its
/// number as printed; any other cell → one item. Numbers count only in sequence from 1
/// and at the start of the cell or of a sentence, so `增长2.8%` never splits.
fn split_items(cell: &str) -> Vec<String> {
    let mut starts = Vec::new();
    let mut expected = 1;
    let boundaries = std::iter::once(0).chain(
        cell.char_indices()
            .filter(|(_, c)| matches!(c, '。' | '；' | ';' | ':' | '：') || c.is_whitespace())
            .map(|(at, c)| at + c.len_utf8()),
    );
    for at in boundaries {
        let rest = cell[at..].trim_start();
        let number = arabic_numbered(rest)
            .or_else(|| cn_numbered(rest))
            .map(|(n, _)| n);
        if number == Some(expected) {
            starts.push(cell.len() - rest.len());
            expected += 1;
        }
    }
    if starts.len() < 2 {
        return vec![cell.trim().to_string()];
    }
    let mut items = Vec::new();
    let preamble = cell[..starts[0]].trim();
    if !preamble.is_empty() {
        items.push(preamble.to_string());
    }
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(cell.len());
        items.push(cell[start..end].trim().to_string());
    }
    items
}

/// Moves the lagging sentences of each item to `remarks`; the rest stays progress.
fn split_remarks(items: &[String], progress: &mut Vec<String>, remarks: &mut Vec<String>) {
    for item in items {
        let mut kept = String::new();
        for sentence in sentences(item) {
            if is_lagging_verdict(sentence) {
                remarks.push(sentence.trim().to_string());
            } else {
                kept.push_str(sentence);
            }
        }
        let kept = kept.trim();
        if !kept.is_empty() {
            progress.push(kept.to_string());
        }
    }
}

/// Sentences ending in `。` (or `！`), the last one possibly without.
fn sentences(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '!') {
            let end = at + c.len_utf8();
            pieces.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_cells_split_and_figures_do_not() {
        assert_eq!(
            split_items("1.甲完成。2.乙增长2.8%。3、丙"),
            ["1.甲完成。", "2.乙增长2.8%。", "3、丙"]
        );
        assert_eq!(
            split_items("概述：（1）甲；（2）乙"),
            ["概述：", "（1）甲；", "（2）乙"]
        );
        assert_eq!(
            split_items("增长2.8%,1-5月增长3.1%。"),
            ["增长2.8%,1-5月增长3.1%。"]
        );
        assert_eq!(split_items("2.只有一项"), ["2.只有一项"]);
    }

    #[test]
    fn lagging_sentences_move_to_remarks() {
        let (mut progress, mut remarks) = (Vec::new(), Vec::new());
        split_remarks(
            &["完成投资3亿元。项目进度滞后于序时。下一步要加快推进。".to_string()],
            &mut progress,
            &mut remarks,
        );
        assert_eq!(progress, ["完成投资3亿元。下一步要加快推进。"]);
        assert_eq!(remarks, ["项目进度滞后于序时。"]);
    }

    #[test]
    fn several_unit_columns_mark_the_lead() {
        assert_eq!(units_text(&[(true, "★发改局、经信局")]), "★发改局、经信局");
        assert_eq!(
            units_text(&[(true, "发改局、财政局"), (false, "经信局")]),
            "★发改局、★财政局、经信局"
        );
        assert_eq!(units_text(&[]), "");
    }
}
